#!/usr/bin/env bash
# Builds the package with tools/make-deb.sh and checks it: dpkg-deb lists the expected files,
# the program runs from /usr/bin and says the package's version, it does what the .NET build of
# the same sources does (tools/native-matches-dotnet.sh), every man page is clean for
# man --warnings, lintian reports no error, and Debian's piuparts installs, upgrades and purges
# it cleanly in a bookworm chroot (root only), then tools/test-operating.sh runs docs/operating.md
# (OPERATING=0 skips it). Ends with "N passed, N failed" as run-tests.sh.
#   tools/test-deb.sh [--publish-dir DIR]   (passed on to make-deb.sh)
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0 failed=0
check() { # description, then the command that must succeed
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $what"
  else failed=$((failed + 1)); echo "FAIL: $what"; fi
}

deb=$(tools/make-deb.sh "$@" | tail -n1)
check "the package is built" test -f "$deb"
version=$(dpkg-deb -f "$deb" Version)
listing=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
has() { grep -qxF "./$1" <<<"$listing"; }

check "version $version is the one of packaging/deb/changelog" grep -q "^piuparts-site ($version)" packaging/deb/changelog
for file in usr/lib/piuparts-site/piuparts-site usr/lib/piuparts-site/libSkiaSharp.so usr/lib/piuparts-site/libHarfBuzzSharp.so \
            usr/bin/piuparts-site usr/share/doc/piuparts-site/copyright usr/share/doc/piuparts-site/changelog.Debian.gz \
            usr/share/man/man1/piuparts-site.1.gz usr/share/man/man1/piuparts-site-check.1.gz \
            usr/share/man/man1/piuparts-site-master.1.gz usr/share/man/man1/piuparts-site-slave.1.gz \
            usr/share/man/man1/piuparts-site-report.1.gz \
            usr/share/doc/piuparts-site/examples/piuparts.conf usr/share/doc/piuparts-site/examples/distros.conf \
            usr/share/doc/piuparts-site/examples/crontab usr/share/doc/piuparts-site/examples/piuparts-site-slave.sudoers \
            usr/share/doc/piuparts-site/examples/apache2-piuparts-site.conf \
            usr/share/doc/piuparts-site/examples/nginx-piuparts-site.conf \
            lib/systemd/system/piuparts-site-slave.service; do
  check "the package has /$file" has "$file"
done
for job in report reschedule backup detect-problems; do
  check "the package has the $job service" has "lib/systemd/system/piuparts-site-$job.service"
  check "the package has the $job timer" has "lib/systemd/system/piuparts-site-$job.timer"
done
check "no debug symbols (.pdb, .dbg) are shipped" bash -c '! grep -qE "\.(pdb|dbg)$"' <<<"$listing"
check "every file belongs to root" bash -c '! dpkg-deb -c "$1" | awk "{ print \$2 }" | grep -qv "^root/root$"' _ "$deb"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
check "/usr/bin/piuparts-site runs and says version ${version%-*}" \
  bash -c '"$1/usr/bin/piuparts-site" --version | grep -q "^$2+"' _ "$root" "${version%-*}"
# The package's program is compiled to native code; the unit tests run the same sources on .NET.
make -s build >/dev/null
check "the package's native program does what the .NET build does: report, master, reschedule, detect-problems (tools/native-matches-dotnet.sh)" \
  tools/native-matches-dotnet.sh "$root/usr/lib/piuparts-site/piuparts-site" out/bin/piuparts-site
verbs=$("$root/usr/bin/piuparts-site" --help | sed -n '/^Commands:/,$s/^  \([a-z][a-z-]*\)  .*/\1/p')
for verb in $verbs; do
  check "piuparts-site-$verb(1) exists and man finds nothing wrong in it" \
    bash -c 'test -f "$1" && [[ -z $(LC_ALL=C.UTF-8 MANROFFSEQ= man --warnings -l "$1" 2>&1 >/dev/null) ]]' _ \
    "$root/usr/share/man/man1/piuparts-site-$verb.1.gz"
done
check "the postinst line for authorized_keys is the one piuparts-site check asks for" \
  grep -qF 'command="/usr/bin/piuparts-site master --config /etc/piuparts/piuparts.conf",no-port-forwarding,no-X11-forwarding,no-agent-forwarding' \
  packaging/deb/postinst
check "the maintainer scripts and piuparts' scripts are POSIX sh" \
  bash -c 'for f in packaging/deb/postinst packaging/deb/postrm packaging/deb/piuparts-scripts/*; do sh -n "$f" || exit 1; done'

lintian_out=$(lintian --no-cfg "$deb" 2>&1)
echo "$lintian_out" | grep -E '^[EW]:' || true
check "lintian reports no error" bash -c '! grep -q "^E:" <<<"$1"' _ "$lintian_out"

# Dogfooding: Debian's own piuparts installs the package in a bookworm chroot and purges it,
# then installs the previous build with apt, upgrades it to this build and purges it, and
# checks that nothing is left behind, no maintainer script fails, no process is left running
# and adequate finds nothing. The chroot is unpacked from the minbase tarball that
# tools/bookworm-base.sh keeps under out/cache/ (--basetgz), with apt pointed at the same
# mirror (MIRROR, only main). piuparts tests an upgrade when apt knows an older version of
# the package: a local repository (out/piuparts/previous, bind-mounted into the chroot) holds
# the previous build of tools/previous-deb.sh, relabelled <version>~previous when its version
# is not lower than this one (no release since), or, without git history, this very build so
# relabelled. After each install of this build, piuparts runs the scripts of
# packaging/deb/piuparts-scripts in the chroot: the program must run there with nothing but its
# dependencies (samples/master-dir is bind-mounted for it); after each purge, its accounts must
# be gone, which piuparts does not check. Stricter than piuparts' defaults:
# adequate's findings, broken symlinks and files moved between / and /usr fail the test, and
# files left in /tmp count. No finding is ignored. Needs root.
# piuparts' own log: out/piuparts/piuparts.log.
mirror=${MIRROR:-http://deb.debian.org/debian}
work=$PWD/out/piuparts
repo=$work/previous
log=$work/piuparts.log
sample=$PWD/samples/master-dir
# A piuparts killed before its cleanup can leave mounts in its chroot (bind mounts of this
# tree among them): removing the directory then would go through them.
if grep -qF " $work/" /proc/mounts; then
  echo "test-deb: mounts are left under $work from an interrupted run; unmount them first:" >&2
  grep -F " $work/" /proc/mounts | cut -d' ' -f2 >&2
  exit 1
fi
rm -rf "$work"
mkdir -p "$work/tmp" "$repo"

# Copies a package into DIR with VERSION as its version (only DEBIAN/control changes).
relabel() { # deb, version, dir
  local tree
  tree=$(mktemp -d "$work/relabel.XXXXXX")
  dpkg-deb -R "$1" "$tree/p" &&
    sed -i "s/^Version: .*/Version: $2/" "$tree/p/DEBIAN/control" &&
    dpkg-deb --root-owner-group -Zgzip -z1 --build "$tree/p" "$3/${1##*/}" >/dev/null
  local status=$?
  rm -rf "$tree"
  return $status
}
# Writes DIR/Packages: the index apt reads for a flat repository "deb file:DIR ./".
index() { # dir
  local file
  for file in "$1"/*.deb; do
    dpkg-deb -f "$file"
    echo "Filename: ./${file##*/}"
    echo "Size: $(stat -c %s "$file")"
    echo "SHA256: $(sha256sum "$file" | cut -d' ' -f1)"
    echo
  done >"$1/Packages"
}

previous_of="" previous=""
if [[ $(id -u) -ne 0 ]]; then
  echo "test-deb: piuparts needs root (debootstrap, chroot, mount): run make test-deb as root" >&2
elif previous=$(tools/previous-deb.sh); then
  if [[ -z $previous ]]; then previous=$deb previous_of="this build (no git history)"
  else previous_of="commit $(basename "$(dirname "$previous")" | cut -c1-12)"; fi
  previous_version=$(dpkg-deb -f "$previous" Version)
  if dpkg --compare-versions "$previous_version" lt "$version"; then
    cp "$previous" "$repo/"
  else
    previous_version=$version~previous
    relabel "$previous" "$previous_version" "$repo" || previous_of=""
  fi
  index "$repo"
else
  previous_of=""
fi
check "the previous build (of ${previous_of:-nothing}) is in the upgrade test's repository with a lower version" \
  bash -c '[[ -n $1 ]] && dpkg --compare-versions "$(dpkg-deb -f "$2"/*.deb Version)" lt "$3" && grep -q "^Package: piuparts-site$" "$2/Packages"' \
  _ "$previous_of" "$repo" "$version"

piuparts_status=1
if [[ -n $previous_of ]] && base=$(tools/bookworm-base.sh); then
  echo "test-deb: piuparts: install, purge, upgrade from ${previous_version:-?} and purge in bookworm (log: out/piuparts/piuparts.log)"
  PIUPARTS_SITE_SAMPLE=$sample /usr/sbin/piuparts --basetgz="$base" --distribution=bookworm --mirror="$mirror main" --tmpdir="$work/tmp" \
    --bindmount="$repo" --extra-repo="deb [trusted=yes] file://$repo ./" \
    --scriptsdir=packaging/deb/piuparts-scripts --bindmount="$sample" \
    --fail-if-inadequate --fail-on-broken-symlinks --warn-on-usr-move=fail --pedantic-purge-test \
    --log-file="$log" "$deb" >/dev/null 2>&1
  piuparts_status=$?
  if [[ $piuparts_status -ne 0 ]]; then
    # What went wrong first, and piuparts' verdicts.
    grep -m1 -B5 -A15 -E '^[0-9]+m[0-9.]+s (ERROR|FAIL):' "$log" 2>/dev/null
    grep -E '^[0-9]+m[0-9.]+s [A-Z]+: (PASS|FAIL|WARN)' "$log" 2>/dev/null | tail -n 10
  fi
fi
passed_line() { grep -qE "^[0-9]+m[0-9.]+s INFO: PASS: $1\$" "$log" 2>/dev/null; }
check "piuparts: installing the package in bookworm and purging it leaves the chroot as it was" \
  passed_line 'Installation and purging test\.'
check "piuparts: installing ${previous_version:-the previous build} with apt, upgrading to $version and purging leaves the chroot as it was" \
  passed_line 'Installation, upgrade and purging tests\.'
check "in the chroot, with only its dependencies, the program runs and draws the sample website's charts with text (after install and after upgrade)" \
  bash -c '[[ $(grep -c "^ *piuparts-site report built the sample website, [0-9]* charts with text$" "$1") -eq 2 ]]' _ "$log"
check "purge removed the accounts piupartsm and piupartss and the group piuparts (which piuparts does not compare), in both tests" \
  bash -c '[[ $(grep -c "^ *piuparts-site purge removed the accounts piupartsm and piupartss and the group piuparts$" "$1") -eq 2 ]]' _ "$log"
check "piuparts passes all its tests (exit status 0)" test "$piuparts_status" -eq 0
check "piuparts leaves no chroot and no mount behind" \
  bash -c '[[ -z $(ls -A "$1/tmp") ]] && ! grep -qF " $1/" /proc/mounts' _ "$work"

# docs/operating.md, every command of it (about four minutes; OPERATING=0 skips it, as .ci/run does).
if [[ ${OPERATING:-1} != 0 ]]; then
  check "every command of docs/operating.md works on a master and two slaves (tools/test-operating.sh)" tools/test-operating.sh --deb "$deb"
fi

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
