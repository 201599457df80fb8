#!/usr/bin/env bash
# reschedule and detect-problems on a master directory the size of a full bookworm main run
# (COUNT logs, default 30,000, made by bench/seed-maintenance-dir.py): piuparts' scripts
# (reschedule_oldest_logs; detect_well_known_errors with Debian's known problems) against
# piuparts-site's verbs, each on a fresh copy; then each again on the directory it left, when
# there is nothing to do (best of RUNS, default 5). Wall times, ratios printed.
# detect_well_known_errors reads /etc/piuparts only, so it runs in a private mount namespace (root).
set -euo pipefail
cd "$(dirname "$0")/.."
# The form the package ships (make release); PIUPARTS_SITE=out/bin/piuparts-site measures make build's.
program=${PIUPARTS_SITE:-out/release/piuparts-site}

count=${COUNT:-30000}
[[ -n ${PIUPARTS_SITE:-} ]] || make -s release >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now=$(date +%s)
/usr/bin/python3 bench/seed-maintenance-dir.py "$work/pristine" bookworm "$count" "$now"

# One copy per measured tool and verb, all made before anything is measured or deleted: ext4
# allocates new inodes slowly right after many were deleted (recently_deleted), which would
# slow whichever tool writes files after an rm -rf of the previous copy.
: > "$work/distros.conf"
for copy in debian-reschedule ours-reschedule debian-detect ours-detect; do
  cp -a "$work/pristine" "$work/$copy"
  printf '[global]\nsections = bookworm\nmaster-directory = %s\noutput-directory = %s\nknown-problem-directory = /usr/share/piuparts/known_problems\n\n[bookworm]\ndistro = bookworm\n' \
    "$work/$copy" "$work/html-$copy" > "$work/$copy.conf"
done
sync
seconds() {  # seconds COMMAND... : wall time of one run
  # bash's own clock: starting date(1) to read the time would add its own few milliseconds to
  # runs that take twenty.
  local start end
  start=$EPOCHREALTIME
  "$@" > "$work/out" 2> "$work/err" || { echo "failed: $* $(cat "$work/err")" >&2; exit 1; }
  end=$EPOCHREALTIME
  echo "$end - $start" | bc
}

debian_reschedule=(env PIUPARTS_CONF="$work/debian-reschedule.conf" /bin/sh /usr/share/piuparts/master/reschedule_oldest_logs)
debian_dwke=(unshare -m --propagation private sh -c "mount --bind $work/debian-detect.conf /etc/piuparts/piuparts.conf && exec /usr/bin/python3 /usr/share/piuparts/master/detect_well_known_errors")
ours() { local copy=$1; shift; "$program" "$@" --config "$work/$copy.conf" --distros "$work/distros.conf" --now "$now"; }

# "Nothing to do" is run RUNS times (default 5) on the directory the first run left, best time
# kept: single runs of a tenth of a second vary by half here.
runs=${RUNS:-5}
best() {  # best COMMAND... : the shortest of RUNS wall times
  local b="" t i
  for ((i = 0; i < runs; i++)); do
    t=$(seconds "$@")
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
  done
  echo "$b"
}
t_res=$(seconds "${debian_reschedule[@]}"); t_res2=$(best "${debian_reschedule[@]}")
o_res=$(seconds ours ours-reschedule reschedule); o_res2=$(best ours ours-reschedule reschedule)
t_dp=$(seconds "${debian_dwke[@]}"); t_dp2=$(best "${debian_dwke[@]}")
o_dp=$(seconds ours ours-detect detect-problems); o_dp2=$(best ours ours-detect detect-problems)

logs=$(find "$work/pristine" -name '*.log' -not -path '*/recycle/*' | wc -l)
echo "maintenance on one section of $logs logs ($(du -sh "$work/pristine" | cut -f1)), wall seconds"
printf '%-34s %10s %14s %8s\n' "" "piuparts" "piuparts-site" "ratio"
row() { printf '%-34s %10.2f %14.2f %7.1fx\n' "$1" "$2" "$3" "$(echo "$2 / $3" | bc -l)"; }
row "reschedule" "$t_res" "$o_res"
row "reschedule, nothing to do" "$t_res2" "$o_res2"
row "detect-problems, every log" "$t_dp" "$o_dp"
row "detect-problems, nothing to do" "$t_dp2" "$o_dp2"
