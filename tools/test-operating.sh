#!/usr/bin/env bash
# Runs docs/operating.md: every fenced block of it, in order, on three bookworm chroots standing
# for its hosts (master.example.org, slave1, slave2), then checks the end state. Ends with
# "N passed, N failed" as the other test scripts.
#   tools/test-operating.sh [--deb FILE] [--keep]
#     --deb FILE  install this package instead of running the document's build block
#     --keep      leave the chroots in out/operating.*/ after a failure (processes are ended)
#
# The blocks. The word after a block's language names where it runs: build (this checkout,
# skipped when out/ holds a package newer than the sources), master, slave (slave1 and slave2)
# or all; variant=V marks alternatives: the master runs all of them, slave1 variant=systemd,
# slave2 variant=screen. file=PATH writes the block to PATH instead of running it; copy collects
# what a block prints on every host, paste gives that to the block as its input (the operator's
# copy and paste); wait-for-results first waits until the master holds logs (the slaves work in
# the background), wait-for-every-slave until it holds logs of each slave. A block runs with
# bash -e: each of its commands must succeed. Its first line must say the same in words ("# on
# each slave, with systemd"), and every block must be run somewhere.
#
# The hosts. Each is a chroot of tools/bookworm-base.sh's tarball in its own PID, mount and UTS
# namespace (its own processes, mounts and host name; all go when the namespace's first process
# is killed, also when this script dies), sharing the network: the slaves reach the master's sshd
# on a loopback port. What a real host would have and the chroots do not is arranged here, and
# only that:
#   - /etc/hosts maps master.example.org to 127.0.0.1, and on the slaves
#     /etc/ssh/ssh_config.d/ gives its sshd's port (a free one, as the document says to do for a
#     port other than 22);
#   - apt answers yes by itself (no terminal) and keeps its downloads between runs
#     (out/cache/operating-apt/<host>/); policy-rc.d keeps packages from starting daemons;
#   - the daemons a booted host starts after their installation (sshd, nginx, apache2) are
#     started by this script, on free loopback ports (nginx's and apache2's default site are
#     moved there);
#   - no systemd runs in a chroot: systemctl and journalctl are the stand-in
#     tools/operating/systemctl (runs a unit's ExecStart as its User, stops it with its
#     KillSignal, ...; see there), and the units are checked with systemd-analyze verify in the
#     master chroot (systemd, procps and man-db installed there for it, so that it finds the
#     programs and manual pages the units name); "time passing" is emulated after the
#     wait-for-results block by starting once the service of every active timer the document did
#     not start itself, and running every line of the installed crontab once, as piupartsm with
#     cron's environment;
#   - piuparts is replaced, after the document installs it, by the stand-in
#     tools/operating/piuparts (dpkg-divert): it checks it runs as root through sudo, then passes
#     or fails a package after 0.2 s instead of testing it in a chroot for minutes.
# The end state checked: both slaves' logs accepted in the master directory's pass/ and fail/,
# every reservation the master still holds kept by a slave (stopped while the master was busy),
# the base tarballs made, each slave stopped twice by one SIGINT, the website written
# (index.html, the section's page, summary.json agreeing with the logs the report published) and
# served by nginx and apache2 with the right types, the published job logs and the backup, and
# after the purge: the program and accounts gone, the data kept. Then the namespaces are ended
# and the script checks that no process of the chroots is left, nor a mount (they are made in
# the namespaces only and go with them).
#
# Time: about four minutes once the package is built and apt's downloads are cached, of which
# a minute or two is waiting for the second slave: the slaves' first connections come at once,
# all but one are told "busy" and try again one to three minutes later.
set -uo pipefail
cd "$(dirname "$0")/.."
top=$PWD

deb="" keep=no
while (($#)); do
  case $1 in
    --deb) deb=$(realpath "$2"); shift ;;
    --keep) keep=yes ;;
    *) echo "usage: tools/test-operating.sh [--deb FILE] [--keep]" >&2; exit 2 ;;
  esac
  shift
done
if [[ $EUID -ne 0 ]]; then
  echo "test-operating: needs root (chroot, namespaces, mounts)" >&2
  exit 2
fi
for program in debootstrap python3 unshare nsenter setpriv; do
  command -v "$program" >/dev/null || { echo "test-operating: needs $program" >&2; exit 2; }
done

doc=docs/operating.md
hosts=(master slave1 slave2)
declare -A slave_variant=([slave1]=systemd [slave2]=screen)
section=bookworm
master_dir=/var/lib/piuparts/master
htdocs=/var/lib/piuparts/htdocs
started=$SECONDS

passed=0 failed=0
check() { # description, then the command that must succeed
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $what"
  else failed=$((failed + 1)); echo "FAIL: $what"; fi
}
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
note() { printf '== %3d s: %s\n' $((SECONDS - started)) "$*"; }

leftovers() { # directory: prints the mounts and processes still in it (none once the namespaces are gone)
  grep -F " $1/" /proc/self/mountinfo
  local proc
  for proc in /proc/[0-9]*; do
    [[ $(readlink "$proc/root" 2>/dev/null) == "$1/"* ]] && echo "process ${proc#/proc/}: $(tr '\0' ' ' <"$proc/cmdline")"
  done
  return 0
}
# The chroots of runs that were killed (--keep, or SIGKILL): their namespaces died with them
# (pdeathsig), so only files remain, unless a run is still going on.
for old in out/operating.*; do
  [[ -d $old && -z $(leftovers "$top/$old") ]] && rm -rf --one-file-system "$old"
done
mkdir -p out
work=$(mktemp -d "$top/out/operating.XXXXXX")
declare -A pid1 # host → the host-side PID of its namespace's first process

end_hosts() {
  local host
  for host in "${hosts[@]}"; do
    [[ -n ${pid1[$host]:-} ]] && kill -KILL "${pid1[$host]}" 2>/dev/null
  done
  wait 2>/dev/null
}
cleanup() {
  end_hosts
  if [[ -z $(leftovers "$work") ]] && [[ $keep == no || $failed -eq 0 ]]; then
    rm -rf --one-file-system "$work"
  elif [[ -n $(leftovers "$work") ]]; then
    echo "test-operating: left over, not deleting $work:"; leftovers "$work"
  else
    echo "test-operating: the chroots are kept in $work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the document's blocks ------------------------------------------------------------------
blocks=$work/blocks
mkdir "$blocks"
awk -v dir="$blocks" '
  /^```/ {
    if (!open) { n++; name = sprintf("%s/%03d", dir, n); print substr($0, 4) > (name ".info"); close(name ".info")
                 printf "" > (name ".body"); open = 1 }
    else { close(name ".body"); open = 0 }
    next
  }
  open { print >> (name ".body") }
' "$doc"
mapfile -t block_names < <(cd "$blocks" && ls ./*.info | sed 's,^\./,,; s,\.info$,,')
check "$doc has blocks to run" test "${#block_names[@]}" -gt 10

info_word() { # block key: the value of key=... in the block's info string
  tr ' ' '\n' <"$blocks/$1.info" | sed -n "s/^$2=//p"
}
info_has() { tr ' ' '\n' <"$blocks/$1.info" | grep -qxF "$2"; }
where() { awk '{ print $2 }' "$blocks/$1.info"; }
runs_on() { # block host: whether the block runs on the host
  local block=$1 host=$2 variant
  variant=$(info_word "$block" variant)
  case $(where "$block")/$host in
    all/* | master/master) true ;;
    slave/slave*) [[ -z $variant || ${slave_variant[$host]} == "$variant" ]] ;;
    *) false ;;
  esac
}

# Each block: a known place, words that say the same, and a host that runs it.
for block in "${block_names[@]}"; do
  place=$(where "$block") variant=$(info_word "$block" variant) file=$(info_word "$block" file)
  first=$(head -n1 "$blocks/$block.body")
  case $place in
    build) words="# in the checkout" ;;
    all) words="# on every host" ;;
    master) words="# on the master" ;;
    slave) words="# on each slave" ;;
    *) fail "block $block ($(cat "$blocks/$block.info")) does not say where it runs"; continue ;;
  esac
  [[ -n $file ]] && words="# $file, $(sed 's/^# //' <<<"$words")"
  [[ $first == "$words"* ]] || fail "block $block: its first line should start with '$words', not '$first'"
  [[ -z $variant || $first == *"with $variant"* ]] || fail "block $block: its first line should say 'with $variant'"
  if [[ $place == slave && -n $variant ]]; then
    [[ " ${slave_variant[*]} " == *" $variant "* ]] || fail "block $block: no slave runs variant=$variant"
  fi
done

# --- the package ----------------------------------------------------------------------------
fresh_package() { # the newest package in out/ when no source is newer than it
  local newest
  newest=$(ls -t out/piuparts-site_*_amd64.deb 2>/dev/null | head -n1)
  [[ -n $newest ]] || return 1
  [[ -z $(find src packaging templates samples tools/make-deb.sh tools/help-to-man.py Directory.Build.props \
            Directory.Packages.props \( -name bin -o -name obj \) -prune -o -type f -newer "$newest" -print -quit) ]] || return 1
  echo "$top/$newest"
}
ran_build=no
for block in "${block_names[@]}"; do
  [[ $(where "$block") == build ]] || continue
  if [[ -z $deb ]] && ! deb=$(fresh_package); then
    note "block $block in the checkout"
    sed 's/^/  $ /' "$blocks/$block.body"
    if bash -e -o pipefail -c "$(cat "$blocks/$block.body")"; then deb=$(fresh_package) || deb=""
    else fail "block $block (build) failed"; fi
  else
    note "block $block (build) not run: using $deb"
  fi
  ran_build=yes
done
check "the document builds the package (a build block)" test $ran_build = yes
if [[ -z $deb || ! -f $deb ]]; then
  fail "no package to install"
  echo; echo "$passed passed, $failed failed"; exit 1
fi
base=$(tools/bookworm-base.sh) || { fail "no bookworm tarball"; exit 1; }

# --- the hosts ------------------------------------------------------------------------------
apt_cache=$top/out/cache/operating-apt
read -r ssh_port nginx_port apache_port < <(python3 -c '
import socket
socks = [socket.socket() for _ in range(3)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))')

start_host() {
  local host=$1 root=$work/$1 up pid
  mkdir "$root"
  tar -C "$root" -xzf "$base" && chmod 0755 "$root" || return 1
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  echo "$host" >"$root/etc/hostname"
  printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n127.0.0.1\tmaster.example.org\n' "$host" >"$root/etc/hosts"
  printf '#!/bin/sh\n# tools/test-operating.sh: the test starts the daemons itself\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 0755 "$root/usr/sbin/policy-rc.d"
  printf 'APT::Get::Assume-Yes "true";\nDpkg::Use-Pty "false";\n' >"$root/etc/apt/apt.conf.d/90test-operating"
  if [[ $host == slave* ]]; then
    mkdir -p "$root/etc/ssh/ssh_config.d"
    printf 'Host master.example.org\n    Port %s\n' "$ssh_port" >"$root/etc/ssh/ssh_config.d/test-operating.conf"
  fi
  install -m 0755 tools/operating/systemctl "$root/usr/local/bin/systemctl"
  ln -s systemctl "$root/usr/local/bin/journalctl"
  cp "$deb" "$root/root/"
  mkdir -p "$apt_cache/$host/partial"
  # The namespace's first process dies with this script (pdeathsig, --kill-child), and with it
  # every process and mount of the host.
  setpriv --pdeathsig KILL -- unshare --pid --mount --uts --fork --kill-child -- bash -c '
    set -e
    mount --bind "$1" "$1"
    mount -t proc proc "$1/proc"
    mount --rbind /dev "$1/dev"
    mount --bind "$3" "$1/var/cache/apt/archives"
    hostname "$2"
    exec chroot "$1" sleep infinity' _ "$root" "$host" "$apt_cache/$host" </dev/null &
  up=$!
  for _ in $(seq 100); do
    pid=$(cat "/proc/$up/task/$up/children" 2>/dev/null | awk '{ print $1 }')
    if [[ -n $pid && $(readlink "/proc/$pid/root") == "$root" ]]; then pid1[$host]=$pid; return 0; fi
    sleep 0.1
  done
  return 1
}
on() { # host command...: runs the command on the host, as root with a login's environment
  local host=$1; shift
  nsenter --target "${pid1[$host]}" --pid --mount --uts --root --wd -- env -i HOME=/root USER=root LOGNAME=root \
    SHELL=/bin/bash TERM=xterm PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    DEBIAN_FRONTEND=noninteractive "$@"
}
root_of() { echo "$work/$1"; }

for host in "${hosts[@]}"; do
  check "host $host starts (chroot in its own namespaces)" start_host "$host" || { echo; echo "$passed passed, $failed failed"; exit 1; }
done
note "hosts ${hosts[*]} up; the master's sshd will listen on 127.0.0.1:$ssh_port"

# --- what a booted host does by itself, after each block --------------------------------------
declare -A daemon_started unit_checked piuparts_replaced
start_daemons() { # the master's daemons, once their package is there
  local root; root=$(root_of master)
  if [[ -x $root/usr/sbin/sshd && -z ${daemon_started[sshd]:-} ]]; then
    daemon_started[sshd]=1
    mkdir -p "$root/run/sshd"
    on master /usr/sbin/sshd -D -e -p "$ssh_port" -o ListenAddress=127.0.0.1 >>"$work/sshd.log" 2>&1 &
    check "the master's sshd starts (port $ssh_port)" wait_for 20 nc_open "$ssh_port"
  fi
  if [[ -x $root/usr/sbin/nginx && -z ${daemon_started[nginx]:-} ]]; then
    daemon_started[nginx]=1
    sed -i -e "s/^\(\s*listen\) 80 default_server;/\1 127.0.0.1:$nginx_port default_server;/" \
      -e '/listen \[::\]:80 default_server;/d' "$root/etc/nginx/sites-available/default"
    on master nginx -g 'daemon off;' >>"$work/nginx.log" 2>&1 &
    check "nginx starts (port $nginx_port)" wait_for 20 nc_open "$nginx_port"
  fi
  if [[ -x $root/usr/sbin/apache2 && -z ${daemon_started[apache2]:-} ]]; then
    daemon_started[apache2]=1
    sed -i "s/^Listen 80$/Listen 127.0.0.1:$apache_port/" "$root/etc/apache2/ports.conf"
    sed -i "s/<VirtualHost \*:80>/<VirtualHost *:$apache_port>/" "$root/etc/apache2/sites-available/000-default.conf"
    on master apache2ctl -D FOREGROUND >>"$work/apache2.log" 2>&1 &
    check "apache2 starts (port $apache_port)" wait_for 20 nc_open "$apache_port"
  fi
}
nc_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() { # seconds command...: polls the command every second until it succeeds
  local limit=$1; shift
  for _ in $(seq "$limit"); do "$@" && return 0; sleep 1; done
  "$@"
}
verify_units() { # systemd-analyze verify, on a host with systemd (the master chroot, once)
  local root; root=$(root_of master)
  [[ -x $root/usr/bin/piuparts-site && -z ${unit_checked[done]:-} ]] || return 0
  unit_checked[done]=1
  note "test: systemd, procps and man-db into the master chroot, for systemd-analyze verify"
  on master apt-get install -q --no-install-recommends systemd procps man-db >"$work/systemd-install.log" 2>&1 ||
    { fail "systemd could not be installed for systemd-analyze"; cat "$work/systemd-install.log"; return; }
  local units output
  units=$(cd "$root" && ls lib/systemd/system/piuparts-site-*)
  check "the package has the slave's unit and four timers" test "$(wc -w <<<"$units")" -eq 9
  output=$(on master systemd-analyze verify $(sed 's,^,/,' <<<"$units") 2>&1)
  [[ -z $output ]] || echo "$output"
  check "systemd-analyze verify finds nothing wrong in the package's units" test -z "$output"
}
replace_piuparts() { # host: the stand-in piuparts, once the document installed the real one
  local host=$1 root; root=$(root_of "$1")
  [[ -x $root/usr/sbin/piuparts && -z ${piuparts_replaced[$host]:-} ]] || return 0
  piuparts_replaced[$host]=1
  on "$host" dpkg-divert --quiet --local --rename --add /usr/sbin/piuparts &&
    install -m 0755 tools/operating/piuparts "$root/usr/sbin/piuparts"
  check "$host: piuparts is replaced by the stand-in (dpkg-divert)" grep -q stand-in "$root/usr/sbin/piuparts"
}
restarted() { # host: after a block that sent SIGUSR1, the slave runs the program installed now
  local journal; journal=$(root_of "$1")/var/log/stand-in-journal/piuparts-site-slave.service.log
  check "$1: the slave restarts on SIGUSR1" wait_for 120 grep -q "Restarting\.\.\." "$journal"
  check "$1: the restarted slave runs the installed program, not the replaced one" wait_for 10 on "$1" sh -c '
    test "$(readlink /proc/$(cat /run/stand-in-systemd/piuparts-site-slave.service.pid)/exe)" = /usr/lib/piuparts-site/piuparts-site'
}
after_block() { # host block
  case $1 in
    master) start_daemons; verify_units ;;
    slave*) replace_piuparts "$1"; if grep -q SIGUSR1 "$blocks/$2.body"; then restarted "$1"; fi ;;
  esac
}

# --- waiting for results, and time passing ----------------------------------------------------
logs_from() { # slave: the logs in the master's pass/ and fail/ that this slave's piuparts wrote
  grep -lsF "stand-in piuparts on $1:" "$(root_of master)$master_dir/$section"/{pass,fail}/*.log | wc -l
}
some_slave_reported() { (($(logs_from slave1) + $(logs_from slave2) > 0)); }
every_slave_reported() { (($(logs_from slave1) > 0 && $(logs_from slave2) > 0)); }
wait_for_results() { # what: some or every
  note "waiting for logs of $1 slave in the master directory"
  if wait_for 300 "$1_slave_reported"; then
    note "the master holds $(logs_from slave1) logs of slave1, $(logs_from slave2) of slave2"
    passed=$((passed + 1))
  else
    # A slave told "busy" tries again after one to three minutes.
    fail "the master did not get logs of $1 slave within 300 s (slave1 $(logs_from slave1), slave2 $(logs_from slave2))"
  fi
}
time_passes() { # every active timer's service once, every crontab line once
  local root timer line command status
  root=$(root_of master)
  for timer in "$root"/run/stand-in-systemd/*.timer.active; do
    [[ -e $timer ]] || continue
    timer=$(basename "$timer" .timer.active)
    if [[ -e $root/var/log/stand-in-journal/$timer.service.log ]]; then
      note "test: timer $timer.timer: its service ran already"
      continue
    fi
    note "test: timer $timer.timer elapses"
    check "the service of $timer.timer runs" on master systemctl start "$timer.service"
  done
  on master crontab -u piupartsm -l >"$work/crontab" 2>/dev/null || return 0
  while IFS= read -r line; do
    [[ $line =~ ^[[:space:]]*(#|$) || $line =~ ^[A-Z]+= ]] && continue
    if [[ $line == @* ]]; then command=$(sed -E 's/^@[a-z]+[[:space:]]+//' <<<"$line")
    else command=$(sed -E 's/^([^[:space:]]+[[:space:]]+){5}//' <<<"$line"); fi
    note "test: cron runs: $command"
    # cron's environment: the crontab's PATH, the user's home and /bin/sh.
    on master setpriv --reuid=piupartsm --regid=piuparts --init-groups -- env -i HOME=/var/lib/piuparts/piupartsm \
      LOGNAME=piupartsm SHELL=/bin/sh PATH="$(sed -n 's/^PATH=//p' "$work/crontab")" /bin/sh -c "cd && $command" \
      >"$work/cron.out" 2>&1
    status=$?
    sed 's/^/  | /' "$work/cron.out" | tail -n 5
    check "the crontab line '$command' succeeds" test $status -eq 0
  done <"$work/crontab"
}

# --- running the blocks -----------------------------------------------------------------------
# A block runs on its hosts at the same time, as an operator with a terminal on each would; its
# output is shown host by host once all are done.
clipboard=$work/clipboard
: >"$clipboard"
declare -A ran # block → hosts it ran on
broken=""
run_block() { # block host: runs the block as root in /root, its output in $work/out.<host>
  local input=/dev/null
  info_has "$1" paste && input=$clipboard
  on "$2" bash -c 'cd /root && exec bash -e -c "$1"' _ "$(cat "$blocks/$1.body")" \
    <"$input" >"$work/out.$2" 2>&1
}
for block in "${block_names[@]}"; do
  [[ $(where "$block") == build ]] && continue
  [[ -z $broken ]] || break
  file=$(info_word "$block" file)
  info_has "$block" wait-for-results && wait_for_results some
  info_has "$block" wait-for-every-slave && wait_for_results every
  targets=()
  for host in "${hosts[@]}"; do runs_on "$block" "$host" && targets+=("$host"); done
  ran[$block]=${targets[*]}
  if [[ -n $file ]]; then
    note "block $block on ${targets[*]}: writes $file"
    for host in "${targets[@]}"; do
      install -D -m 0644 "$blocks/$block.body" "$(root_of "$host")$file" || broken="$block on $host"
    done
    continue
  fi
  note "block $block on ${targets[*]}"
  sed 's/^/  $ /' "$blocks/$block.body"
  declare -A job=()
  for host in "${targets[@]}"; do run_block "$block" "$host" & job[$host]=$!; done
  for host in "${targets[@]}"; do
    wait "${job[$host]}"
    status=$?
    [[ ${#targets[@]} -eq 1 ]] || echo "  [$host]"
    grep -v '^\(Get\|Selecting\|Preparing\|Unpacking\|Setting up\|Processing\|(Reading\):* ' "$work/out.$host" | sed 's/^/  | /'
    info_has "$block" copy && cat "$work/out.$host" >>"$clipboard"
    if [[ $status -ne 0 ]]; then
      fail "block $block on $host exits with $status"
      broken="$block on $host"
    fi
  done
  unset job
  [[ -z $broken ]] || break
  for host in "${targets[@]}"; do after_block "$host" "$block"; done
  info_has "$block" wait-for-results && time_passes
done
if [[ -n $broken ]]; then
  fail "the blocks after the one that failed ($broken) were not run"
else
  passed=$((passed + 1)); echo "ok: every block of $doc ran"
fi
for block in "${block_names[@]}"; do
  [[ $(where "$block") == build || -n ${ran[$block]:-} || -n $broken ]] || fail "block $block ran on no host"
done

# --- the end state ----------------------------------------------------------------------------
m=$(root_of master)
note "checking the end state"
check "the master accepted logs of slave1" test "$(logs_from slave1)" -gt 0
check "the master accepted logs of slave2" test "$(logs_from slave2)" -gt 0
count() { find "$@" -name '*.log' 2>/dev/null | wc -l; }
check "the master has passed logs" test "$(count "$m$master_dir/$section/pass")" -gt 0
check "the master has failed logs" test "$(count "$m$master_dir/$section/fail")" -gt 0
# A slave stopped while the master was busy with the other keeps its logs and reservations for
# its next start (docs/operating.md, section 7): nothing may be lost.
held_by_slaves() {
  local host
  for host in slave1 slave2; do
    find "$(root_of "$host")/var/lib/piuparts/slave" -path "*/$section/*" -name '*.log' -printf '%f\n'
  done | sort -u
}
held_by_master() { find "$m$master_dir/$section/reserved" -name '*.log' -printf '%f\n' | sort -u; }
lost=$(comm -23 <(held_by_master) <(held_by_slaves))
note "left for the next start: $(held_by_slaves | wc -l) logs and reservations on the slaves, $(held_by_master | wc -l) reservations on the master"
check "every reservation the master still holds is kept by a slave for its next start" test -z "$lost"
sample_log=$(ls "$m$master_dir/$section/pass"/*.log 2>/dev/null | head -n1)
check "an accepted log is the slave's (Start:, the piuparts command with sudo and the section's flags, ret=0)" \
  bash -c 'grep -q "^Start: " "$1" && grep -q "^Executing: sudo piuparts --scriptsdir /etc/piuparts/scripts --no-symlinks --mirror " "$1" &&
           grep -q "^ret=0$" "$1"' _ "$sample_log"
for host in slave1 slave2; do
  s=$(root_of "$host")
  check "$host made the base tarball with piuparts -s" test -s "$s/var/cache/piuparts/basetgz/${section}_amd64.tar.gz"
  check "$host's workers 1 and 2 worked" test -d "$s/var/lib/piuparts/slave/1/$section" -a -d "$s/var/lib/piuparts/slave/2/$section"
done
check "slave1's unit stopped with exit status 0" grep -qx 0 "$(root_of slave1)/run/stand-in-systemd/piuparts-site-slave.service.exit"
# slave1 was upgraded in place (SIGUSR1) and stopped once at the removal, slave2 stopped twice
# (upgrade, removal); each stop was one SIGINT: systemctl's KillSignal, screen's Ctrl-C. (screen's
# log is a terminal's: ^C echoed, CR LF, escapes.)
for log in "slave1 /var/log/stand-in-journal/piuparts-site-slave.service.log 1" "slave2 /var/log/piuparts-site-slave.log 2"; do
  read -r host path stops <<<"$log"
  check "$host's log shows its tests and $stops stop(s) by one SIGINT each" bash -c '
    grep -aq "$2/.*: pass" "$1" && [[ $(grep -ac "Slave interrupted: no new tests" "$1") -eq $3 ]] &&
    ! grep -aq "Slave interrupted again" "$1"' _ "$(root_of "$host")$path" "$section" "$stops"
done
journal=$(root_of slave1)/var/log/stand-in-journal/piuparts-site-slave.service.log
check "slave1 started itself again on SIGUSR1 and went on with its section" bash -c '
  grep -q "^SIGUSR1: Will restart." "$1" && sed -n "/Restarting\.\.\./,\$p" "$1" | grep -q "Running section $2 "' \
  _ "$journal" "$section"
check "slave1 was told to submit its logs by systemctl reload (SIGHUP)" grep -q "^SIGHUP: Will flush finished logs." "$journal"
check "slave1 could start itself again (no 'cannot restart')" bash -c '! grep -q "cannot restart" "$1"' _ "$journal"

for page in index.html "$section/index.html" summary.json "$section/summary.json" "$section/pass.html"; do
  check "the website has $page" test -s "$m$htdocs/$page"
done
note "the website has $(find "$m$htdocs" -name '*.html' | wc -l) pages"
# summary.json is by source: a source whose binaries all passed is P, one with a failed binary F,
# after the logs the last report saw (and published beside its pages; the slaves went on after it).
check "summary.json has P for the sources whose binaries all passed, F for those with a failure" python3 - \
  "$m$htdocs/summary.json" "$m$htdocs/$section" "$m"/var/lib/apt/lists/*_dists_bookworm_main_binary-amd64_Packages <<'EOF'
import json, os, re, sys
summary_path, section_dir, packages_path = sys.argv[1:4]
def tested(state):
    return {name.split("_")[0] for name in os.listdir(os.path.join(section_dir, state)) if name.endswith(".log")}
passed, failed = tested("pass"), tested("fail")
binaries = {}
for stanza in open(packages_path).read().split("\n\n"):
    name = re.search(r"^Package: (\S+)", stanza, re.M)
    if name:
        source = re.search(r"^Source: (\S+)", stanza, re.M)
        binaries.setdefault(source.group(1) if source else name.group(1), set()).add(name.group(1))
good = sorted(s for s, b in binaries.items() if b <= passed)
bad = sorted(s for s, b in binaries.items() if b & failed)
flags = {source: entry["overall"][0] for source, entry in json.load(open(summary_path))["packages"].items()}
assert good and bad, (len(good), len(bad))
wrong = [(s, flags.get(s)) for s in good if flags.get(s) != "P"] + [(s, flags.get(s)) for s in bad if flags.get(s) != "F"]
print(f"  summary.json: {len(good)} sources passed, {len(bad)} failed; wrong: {wrong[:5]}")
assert not wrong
EOF
today=$(date -u +%Y/%m/%d)
for job in reschedule detect-problems; do
  check "the $job job published its log (--publish)" test -f "$m$htdocs/logs/$today/$job.txt"
done
check "the backup job copied the section's history" test -s "$m/var/lib/piuparts/backup/$section/submissions.txt"

served() { # port path type: the file under htdocs, served with that Content-Type
  local type
  type=$(python3 -c '
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=30) as answer:
    open(sys.argv[2], "wb").write(answer.read())
    print(answer.headers["Content-Type"])' "http://127.0.0.1:$1/piuparts/$2" "$work/served") || return 1
  grep -q "^$3" <<<"$type" || { echo "  $2: Content-Type $type"; return 1; }
  cmp -s "$work/served" "$m$htdocs/$2"
}
log_page=$(cd "$m$htdocs" && find "$section" -name '*.log' | head -n1)
for server in nginx apache2; do
  port=nginx_port; [[ $server == apache2 ]] && port=apache_port
  for item in "$section/index.html text/html" "summary.json application/json" "$section/states.svg image/svg+xml" \
              "search.js \(application\|text\)/javascript" "$log_page text/plain"; do
    read -r path type <<<"$item"
    check "$server serves /piuparts/$path as $type" served "${!port}" "$path" "$type"
  done
done

for host in "${hosts[@]}"; do
  r=$(root_of "$host")
  check "$host: the purge removed the program" test ! -e "$r/usr/bin/piuparts-site"
  check "$host: the purge removed the accounts" bash -c '! grep -qE "^piuparts[ms]:" "$1/etc/passwd"' _ "$r"
done
check "the purge kept the master directory and the website" test -d "$m$master_dir/$section/pass" -a -s "$m$htdocs/index.html"

# --- the end ----------------------------------------------------------------------------------
end_hosts
check "no mount or process of the chroots is left" test -z "$(leftovers "$work")"
echo
echo "test-operating: $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
