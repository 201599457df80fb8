#!/usr/bin/env bash
# One slave connection on the full bookworm main section (63,436 packages, ~40% with pass logs):
# `section`, `reserve`, disconnect. Debian's piuparts-master against piuparts-site master on the
# same seeded master directory, fresh copy per run; wall time and peak memory, ratios printed.
# Debian's master reads /etc/piuparts only, so it runs in a private mount namespace (root).
set -euo pipefail
cd "$(dirname "$0")/.."
# The form the package ships (make release); PIUPARTS_SITE=out/bin/piuparts-site measures make build's.
program=${PIUPARTS_SITE:-out/release/piuparts-site}

runs=${RUNS:-3}
data=$PWD/bench/data
mirror=$data/mirror
plain=$data/Packages
bench/packages-load.sh >/dev/null   # makes $mirror/.../Packages.xz
[[ -s $plain ]] || xz -dc "$mirror/dists/bookworm/main/binary-amd64/Packages.xz" > "$plain"
[[ -n ${PIUPARTS_SITE:-} ]] || make -s release >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 bench/seed-master-dir.py "$plain" "$work/pristine" bookworm
: > "$work/distros.conf"

config() {  # config FILE MASTER-DIRECTORY
  printf '[global]\nmaster-directory = %s\nsections = bookworm\nmirror = file://%s\n\n[bookworm]\ndistro = bookworm\narch = amd64\narea = main\n' "$2" "$mirror" > "$1"
}

measure() {  # measure NAME COMMAND... ; writes "seconds peak_kb" of one run to $work/time (fresh copy unless KEEP=1)
  local name=$1
  shift
  [[ ${KEEP:-0} == 1 ]] || { rm -rf "$work/run" && cp -a "$work/pristine" "$work/run"; }
  printf 'section bookworm\nreserve\n' > "$work/in"
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" < "$work/in" > "$work/out" 2>"$work/err"
  if [[ $(tail -n1 "$work/out") != ok\ * ]]; then
    echo "$name did not reserve: $(cat "$work/out" "$work/err")" >&2
    exit 1
  fi
}

config "$work/debian.conf" "$work/run"
config "$work/ours.conf" "$work/run"
debian=(unshare -m --propagation private sh -c "mount --bind $work/debian.conf /etc/piuparts/piuparts.conf && mount --bind $work/distros.conf /etc/piuparts/distros.conf && cd $work/run && exec /usr/bin/python3 /usr/share/piuparts/piuparts-master-backend")
ours=("$program" master --config "$work/ours.conf" --distros "$work/distros.conf")

best() { sort -n | head -n1; }
theirs_s=(); ours_s=(); cached_s=(); snap_s=(); theirs_kb=0; ours_kb=0; cached_kb=0; snap_kb=0
for ((i = 0; i < runs; i++)); do
  measure debian "${debian[@]}"; read -r s kb < "$work/time"; theirs_s+=("$s"); theirs_kb=$kb
  measure piuparts-site "${ours[@]}"; read -r s kb < "$work/time"; ours_s+=("$s"); ours_kb=$kb
  # The next connection finds index and logs as the last one left them (plus its reservation).
  KEEP=1 measure piuparts-site "${ours[@]}"; read -r s kb < "$work/time"; cached_s+=("$s"); cached_kb=$kb
  # Another slave submitted a result meanwhile: the states must be computed again, the index
  # is unchanged (its snapshot is used).
  : > "$work/run/bookworm/pass/bench-submission_1.log"
  KEEP=1 measure piuparts-site "${ours[@]}"; read -r s kb < "$work/time"; snap_s+=("$s"); snap_kb=$kb
done
t=$(printf '%s\n' "${theirs_s[@]}" | best); o=$(printf '%s\n' "${ours_s[@]}" | best); c=$(printf '%s\n' "${cached_s[@]}" | best); n=$(printf '%s\n' "${snap_s[@]}" | best)
echo "section + reserve on full bookworm main ($runs runs each, fresh directory each run, best wall time)"
printf '%-14s %10s %10s\n' "" "seconds" "peak MB"
printf '%-14s %10s %10d\n' "piuparts" "$t" $((theirs_kb / 1024))
printf '%-14s %10s %10d\n' "piuparts-site" "$o" $((ours_kb / 1024))
printf '%-14s %10s %10d   (next connection, state cache valid)\n' "  cached" "$c" $((cached_kb / 1024))
printf '%-14s %10s %10d   (logs changed since, index unchanged)\n' "  snapshot" "$n" $((snap_kb / 1024))
awk -v t="$t" -v o="$o" -v c="$c" -v n="$n" -v tm="$theirs_kb" -v om="$ours_kb" 'BEGIN {
  printf "ratio (piuparts / piuparts-site): time %.1fx (index snapshot %.1fx, cached %.0fx), peak memory %.1fx\n", t / o, t / n, t / c, tm / om
  printf "targets: under 2 s: %s; at least 20x faster: %s; cached reserve under 0.2 s: %s\n",
    (o < 2 ? "met" : "NOT met"), (t / o >= 20 ? "met" : "NOT met"), (c < 0.2 ? "met" : "NOT met")
}'
