#!/usr/bin/env bash
# The report and the known-problem classification on a full-size master directory: section
# bookworm of all of bookworm main (63,440 stanzas) with ~30,000 seeded logs
# (bench/seed-report-dir.py), piuparts 1.1.7 against piuparts-site on the same data and
# configuration, same machine, one go. Wall time and peak memory (/usr/bin/time), ratios printed.
#
#   (a) a cold report: fresh copy of the seeded directory, no .kpr files, empty output directory
#       (Debian's gets its htdocs templates, which it needs). Debian's piuparts-report against
#       piuparts-site report.
#   (b) the report again with nothing changed (piuparts-report too, unless DEBIAN_RERUN=0).
#   (c) piuparts-site: one new log in pass/ (a slave's result), then the report again.
#   (d) classification of every log by piuparts' known-problem definitions
#       (/usr/share/piuparts/known_problems): detect_well_known_errors against piuparts-site's
#       KprRefresher (bench/Bench `kpr`, what the report's ClassifyLogs module runs, over
#       detect_well_known_errors' directories), cold (no .kpr files) and with nothing changed;
#       both sides' .kpr files are compared.
#   (e) what issue 6's search index and feeds add: piuparts-site's cold report (bench/Bench
#       report-modules) with and without the modules RenderSearch, RenderFeeds,
#       RenderMaintainerFeeds and RecordFeeds,
#       runs alternated, and their time in a rerun with nothing changed.
#
# Debian's programs read /etc/piuparts only, so they run in a private mount namespace with the
# bench's piuparts.conf and an empty distros.conf bound over /etc/piuparts (root needed).
# Environment: RUNS (piuparts-site runs per row, best taken; default 3), DEBIAN_RUNS (default 1:
# a cold piuparts-report takes a minute or two), DEBIAN_RERUN=0 skips piuparts-report's rerun,
# MODULES=0 skips the per-module timing of piuparts-site's report, PARTS (the parts to run, of
# "debian ours classify extras"; default all four; piuparts-site's part (c) needs "ours"), REPORT_DATA (the data
# directory, default bench/data/report), NOW (piuparts-site's --now, default
# 2026-11-24T00:00:00Z; piuparts-report takes the clock, so their counts.txt rows agree only when
# the day is the same).
#
# The data directory keeps: pristine/ (the seeded master directory, reseeded only when the seed
# script or the indexes change), mirror/ (a file:// mirror with Packages.xz and Sources.xz),
# piuparts.conf + distros.conf (for your own runs: master-directory = master/, a copy of pristine/
# made when missing, output-directory = html/). Each measured run works on its own copy under
# runs/, removed at the end.
#
# Deleting tens of thousands of files on this machine's ext4 (no journal) makes creating files
# slow for the next minute or more (the inode allocator skips recently deleted inodes, checking
# each): a report right after `rm -rf` of an old copy spends most of its time in the kernel. So
# nothing is deleted between measurements; copies are removed at the end, and leftovers of an
# interrupted run are removed first, and measuring starts at least 90 s after the last removal.
set -euo pipefail
cd "$(dirname "$0")/.."
# The form the package ships (make release); PIUPARTS_SITE=out/bin/piuparts-site measures make build's.
program=${PIUPARTS_SITE:-out/release/piuparts-site}

repo=$PWD
runs=${RUNS:-3}
debian_runs=${DEBIAN_RUNS:-1}
debian_rerun=${DEBIAN_RERUN:-1}
modules=${MODULES:-1}
parts=" ${PARTS:-debian ours classify extras} "
want() { [[ $parts == *" $1 "* ]]; }
data=${REPORT_DATA:-$repo/bench/data/report}
# The time piuparts-report runs at (its counts.txt row is dated by the clock): the same day for both.
now=${NOW:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}
section=bookworm

# Inputs: the Packages index (bench/packages-load.sh makes it from apt's lists) and Sources.xz.
packages_xz=$repo/bench/data/mirror/dists/bookworm/main/binary-amd64/Packages.xz
sources_xz=$repo/bench/data/mirror/dists/bookworm/main/source/Sources.xz
plain=$repo/bench/data/Packages
[[ -s $packages_xz ]] || RUNS=1 bench/packages-load.sh >/dev/null
[[ -s $plain && ! $packages_xz -nt $plain ]] || xz -dc "$packages_xz" > "$plain"
if [[ ! -s $sources_xz ]]; then
  echo "report: downloading bookworm main Sources.xz (once)" >&2
  mkdir -p "$(dirname "$sources_xz")"
  curl -sSfL -o "$sources_xz.tmp" https://deb.debian.org/debian/dists/bookworm/main/source/Sources.xz
  mv "$sources_xz.tmp" "$sources_xz"
fi

[[ -n ${PIUPARTS_SITE:-} ]] || make -s release >/dev/null
dotnet publish bench/Bench/Bench.csproj -c Release -o out/bench -p:PublishReadyToRun=true --use-current-runtime \
  --self-contained false --nologo -v quiet >/dev/null

mkdir -p "$data"
data=$(cd "$data" && pwd)
removed() { rm -rf "$@"; sync; date +%s > "$data/removed-at"; }
[[ ! -e $data/runs ]] || removed "$data/runs"   # left by an interrupted run
stamp=$(cat bench/seed-report-dir.py "$plain" "$sources_xz" | md5sum | cut -d' ' -f1)
if [[ ! -d $data/pristine || $(cat "$data/pristine.stamp" 2>/dev/null) != "$stamp" ]]; then
  echo "report: seeding $data/pristine" >&2
  removed "$data/pristine" "$data/pristine.stamp"
  /usr/bin/python3 bench/seed-report-dir.py "$plain" "$sources_xz" "$data/pristine" >&2
  echo "$stamp" > "$data/pristine.stamp"
fi
wait=$(($(cat "$data/removed-at" 2>/dev/null || echo 0) + 90 - $(date +%s)))
if ((wait > 0)); then
  echo "report: waiting $wait s: files were removed less than 90 s ago (see the comment at the top)" >&2
  sleep "$wait"
fi
mkdir -p "$data/mirror"
cp -a "$repo/bench/data/mirror/dists" "$data/mirror/"
: > "$data/distros.conf"

config() {  # config FILE MASTER-DIRECTORY OUTPUT-DIRECTORY
  cat > "$1" <<EOF
[global]
sections = $section
master-directory = $2
output-directory = $3
known-problem-directory = /usr/share/piuparts/known_problems
mirror = file://$data/mirror

[$section]
distro = bookworm
arch = amd64
area = main
EOF
}
config "$data/piuparts.conf" "$data/master" "$data/html"
[[ -d $data/master ]] || cp -a "$data/pristine" "$data/master"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# A run's own copy: runs/NAME/{master,html,piuparts.conf}; piuparts-report's output directory
# gets its htdocs (templates it reads, style sheet, images), as its package's postinst does.
copies=0
fresh() {  # fresh NAME [debian]
  local run=$data/runs/$1
  mkdir -p "$run/html"
  cp -a "$data/pristine" "$run/master"
  [[ ${2:-} != debian ]] || cp -a /usr/share/piuparts/htdocs/. "$run/html/"
  config "$run/piuparts.conf" "$run/master" "$run/html"
  copies=$((copies + 1))
  sync
}
trap 'removed "$data/runs"' EXIT

# The commands measured (arrays, for /usr/bin/time): debian RUN PROGRAM runs one of Debian's
# master programs in RUN's master directory with RUN's configuration; ours RUN is piuparts-site
# report on RUN; classify RUN is piuparts-site's classifier on RUN.
debian() {
  local run=$data/runs/$1
  cmd=(unshare -m --propagation private sh -c "mount --bind $run/piuparts.conf /etc/piuparts/piuparts.conf && \
mount --bind $data/distros.conf /etc/piuparts/distros.conf && cd $run/master && exec /usr/bin/python3 $2")
}
ours() {
  local run=$data/runs/$1
  cmd=("$program" report --config "$run/piuparts.conf" --distros "$data/distros.conf" --output "$run/html" --now "$now")
}
classify() {
  cmd=(out/bench/piuparts-site-bench kpr "$data/runs/$1/piuparts.conf" detect)
}
bench_report() {  # bench_report RUN [without=...]
  cmd=(out/bench/piuparts-site-bench report-modules "$data/runs/$1/piuparts.conf" "$data/runs/$1/html" "$now" ${2:+"$2"})
}

# measure KEY COMMAND ARGS...: one timed run of the command the function COMMAND sets up; appends
# "seconds peak_kb" to $data/runs/KEY.times, keeps the output in $data/runs/KEY.out
measure() {
  local key=$1
  shift
  "$@"
  if ! /usr/bin/time -f '%e %M' -o "$data/runs/time" "${cmd[@]}" > "$data/runs/$key.out" 2>&1; then
    echo "report: $key failed:" >&2
    tail -n 30 "$data/runs/$key.out" >&2
    exit 1
  fi
  tail -n1 "$data/runs/time" >> "$data/runs/$key.times"
}
best() { sort -n "$data/runs/$1.times" | head -n1; }      # fastest run: "seconds peak_kb"
seconds() { best "$1" | cut -d' ' -f1; }
mb() { echo $(($(best "$1" | cut -d' ' -f2) / 1024)); }

# One new log: a slave's result for the first package (in index order) that has none, text
# borrowed from a passing log.
new_log() {  # new_log RUN
  /usr/bin/python3 - "$plain" "$data/runs/$1/master/$section" <<'EOF'
import glob, os, sys
packages, section = sys.argv[1], sys.argv[2]
logged = {os.path.basename(p).split("_")[0] for p in glob.glob(os.path.join(section, "*", "*.log"))}
text = open(sorted(glob.glob(os.path.join(section, "pass", "*.log")))[0], encoding="utf-8").read()
name = None
for line in open(packages, encoding="utf-8"):
    if line.startswith("Package: "):
        name = line[9:].strip()
    elif line.startswith("Version: ") and name not in logged:
        with open(os.path.join(section, "pass", "%s_%s.log" % (name, line[9:].strip())), "w", encoding="utf-8") as out:
            out.write(text)
        break
EOF
}

# Do both sides agree? What a run leaves, one line per item: every .kpr file (name and content),
# the archived logs, counts.txt, sources.txt, summary.json (but its date). Taken right after a
# cold run (later runs change the copy).
fingerprint() {  # fingerprint RUN
  local - run=$data/runs/$1
  set +e +o pipefail   # a classification run has no archive, no pages
  (cd "$run/master" && find . -name '*.kpr' -print0 | sort -z | xargs -0r tail -n +1 | md5sum)
  (cd "$run/master/$section" && find archive -type f 2>/dev/null | sort | md5sum)
  md5sum < "$run/master/$section/counts.txt"
  md5sum 2>/dev/null < "$run/html/$section/sources.txt" || echo none
  grep -v '"_date"' "$run/html/$section/summary.json" 2>/dev/null | md5sum
}
compare() {  # compare RUN RUN LINE
  [[ $(sed -n "$3p" "$data/runs/$1.fingerprint") == "$(sed -n "$3p" "$data/runs/$2.fingerprint")" ]] && echo same || echo DIFFERENT
}

mkdir -p "$data/runs"
logs=$(find "$data/pristine/$section" -name '*.log' -size +0 | wc -l)
echo "report: $logs logs in $data/pristine/$section; a piuparts-report run takes a minute or two" >&2

# (a), (b): piuparts-report
if want debian; then
  for ((i = 0; i < debian_runs; i++)); do
    fresh "debian-$i" debian
    measure debian-cold debian "debian-$i" /usr/share/piuparts/piuparts-report
  done
  fingerprint debian-0 > "$data/runs/debian-0.fingerprint"
  if [[ $debian_rerun == 1 ]]; then
    measure debian-rerun debian "debian-$((debian_runs - 1))" /usr/share/piuparts/piuparts-report
  fi
fi

# (a), (b), (c): piuparts-site report
if want ours; then
  for ((i = 0; i < runs; i++)); do
    fresh "ours-$i"
    measure ours-cold ours "ours-$i"
  done
  fingerprint ours-0 > "$data/runs/ours-0.fingerprint"
  last=ours-$((runs - 1))
  for ((i = 0; i < runs; i++)); do
    measure ours-rerun ours "$last"
  done
  for ((i = 0; i < runs; i++)); do
    new_log "$last"
    measure ours-newlog ours "$last"
  done
fi

# (d): classification
if want classify; then
  fresh dwke
  measure dwke-cold debian dwke /usr/share/piuparts/master/detect_well_known_errors
  fingerprint dwke > "$data/runs/dwke.fingerprint"
  measure dwke-unchanged debian dwke /usr/share/piuparts/master/detect_well_known_errors
  for ((i = 0; i < runs; i++)); do
    fresh "kpr-$i"
    measure kpr-cold classify "kpr-$i"
  done
  fingerprint kpr-0 > "$data/runs/kpr-0.fingerprint"
  for ((i = 0; i < runs; i++)); do
    measure kpr-unchanged classify "kpr-$((runs - 1))"
  done
fi

# (e): the search index and the feeds, on and off, cold runs alternated; then the on copy again
# with nothing changed, by module.
extras=RenderSearch,RenderFeeds,RenderMaintainerFeeds,RecordFeeds
if want extras; then
  # Both copies of a round are made before either run, and the order alternates from round to
  # round: file creation gets faster as the last removal recedes (see the top), which would
  # otherwise favour whichever side runs second.
  for ((i = 0; i < runs; i++)); do
    fresh "extras-on-$i"
    fresh "extras-off-$i"
    if ((i % 2 == 0)); then
      measure extras-on bench_report "extras-on-$i"
      measure extras-off bench_report "extras-off-$i" "without=$extras"
    else
      measure extras-off bench_report "extras-off-$i" "without=$extras"
      measure extras-on bench_report "extras-on-$i"
    fi
  done
  out/bench/piuparts-site-bench report-modules "$data/runs/extras-on-0/piuparts.conf" "$data/runs/extras-on-0/html" "$now" \
    > "$data/runs/extras-rerun.out" 2>&1
fi

# Where piuparts-site's report spends its time, module by module (bench/Bench report-modules).
if [[ $modules == 1 ]]; then
  fresh modules
  out/bench/piuparts-site-bench report-modules "$data/runs/modules/piuparts.conf" "$data/runs/modules/html" "$now" \
    > "$data/runs/modules-cold.out" 2>&1
  out/bench/piuparts-site-bench report-modules "$data/runs/modules/piuparts.conf" "$data/runs/modules/html" "$now" \
    > "$data/runs/modules-rerun.out" 2>&1
fi

charts=$([[ -n $(/usr/bin/python3 -c 'import rpy2' 2>&1) ]] && echo "no rpy2: piuparts-report draws no charts" || echo "rpy2 present: piuparts-report draws its charts with R")
echo
echo "report, full bookworm main ($logs logs, $(nproc) cores, load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)); best of $runs run(s) for piuparts-site, $debian_runs for piuparts"
if want debian && want ours && want classify; then
  echo "piuparts-report: $charts; piuparts-site draws states.png"
  printf '%-46s %10s %10s\n' "" "seconds" "peak MB"
  printf '%-46s %10s %10s\n' "piuparts-report, cold" "$(seconds debian-cold)" "$(mb debian-cold)"
  [[ $debian_rerun != 1 ]] || printf '%-46s %10s %10s\n' "piuparts-report, again, nothing changed" "$(seconds debian-rerun)" "$(mb debian-rerun)"
  printf '%-46s %10s %10s\n' "piuparts-site report, cold" "$(seconds ours-cold)" "$(mb ours-cold)"
  printf '%-46s %10s %10s\n' "piuparts-site report, again, nothing changed" "$(seconds ours-rerun)" "$(mb ours-rerun)"
  printf '%-46s %10s %10s\n' "piuparts-site report, again after one new log" "$(seconds ours-newlog)" "$(mb ours-newlog)"
  echo
  echo "known-problem classification ($logs logs, $(ls /usr/share/piuparts/known_problems/*.conf | wc -l) definitions, pass bugged affected fail untestable)"
  printf '%-46s %10s %10s\n' "detect_well_known_errors, cold" "$(seconds dwke-cold)" "$(mb dwke-cold)"
  printf '%-46s %10s %10s\n' "detect_well_known_errors, nothing changed" "$(seconds dwke-unchanged)" "$(mb dwke-unchanged)"
  printf '%-46s %10s %10s\n' "piuparts-site KprRefresher, cold" "$(seconds kpr-cold)" "$(mb kpr-cold)"
  printf '%-46s %10s %10s\n' "piuparts-site KprRefresher, nothing changed" "$(seconds kpr-unchanged)" "$(mb kpr-unchanged)"
  echo
  echo "same results after a cold run: .kpr files after the report: $(compare debian-0 ours-0 1), after classification: $(compare dwke kpr-0 1);" \
    "archived logs: $(compare debian-0 ours-0 2); counts.txt: $(compare debian-0 ours-0 3); sources.txt: $(compare debian-0 ours-0 4);" \
    "summary.json (but its date): $(compare debian-0 ours-0 5)"
  awk -v dc="$(seconds debian-cold)" -v dm="$(mb debian-cold)" -v oc="$(seconds ours-cold)" -v om="$(mb ours-cold)" \
      -v orr="$(seconds ours-rerun)" -v on="$(seconds ours-newlog)" -v dr="$([[ $debian_rerun == 1 ]] && seconds debian-rerun || echo 0)" \
      -v kc="$(seconds dwke-cold)" -v ku="$(seconds dwke-unchanged)" -v pc="$(seconds kpr-cold)" -v pu="$(seconds kpr-unchanged)" 'BEGIN {
    printf "ratio (piuparts / piuparts-site): cold report %.1fx, peak memory %.1fx", dc / oc, dm / om
    if (dr > 0) printf ", report again %.1fx", dr / orr
    printf "; classification cold %.1fx, nothing changed %.1fx\n", kc / pc, ku / pu
    printf "targets: cold report at least 20x faster: %s; peak memory lower: %s; again under 2 s: %s; after one new log under 3 s: %s\n",
      (dc / oc >= 20 ? "met" : "NOT met"), (om < dm ? "met" : "NOT met"), (orr < 2 ? "met" : "NOT met"), (on < 3 ? "met" : "NOT met")
    printf "targets: classification at least 10x faster: %s; nothing changed under 1 s: %s\n",
      (kc / pc >= 10 ? "met" : "NOT met"), (pu < 1 ? "met" : "NOT met")
  }'
fi
if want extras; then
  echo
  echo "the search index and the feeds ($extras), piuparts-site cold report by bench/Bench report-modules:"
  printf '%-46s %10s %10s\n' "with them" "$(seconds extras-on)" "$(mb extras-on)"
  printf '%-46s %10s %10s\n' "without them" "$(seconds extras-off)" "$(mb extras-off)"
  echo "their modules in a rerun with nothing changed:"
  grep -E "^(${extras//,/|}) " "$data/runs/extras-rerun.out" | sed 's/^/  /'
  awk -v on="$(seconds extras-on)" -v off="$(seconds extras-off)" 'BEGIN {
    printf "they add %.1f%% to a cold report; target under 10%%: %s\n", (on - off) * 100 / off, ((on - off) * 100 / off < 10 ? "met" : "NOT met") }'
fi
if [[ $modules == 1 ]]; then
  echo
  echo "piuparts-site report by module (bench/Bench report-modules), cold:"
  sed 's/^/  /' "$data/runs/modules-cold.out"
  echo "again, nothing changed:"
  sed 's/^/  /' "$data/runs/modules-rerun.out"
fi
