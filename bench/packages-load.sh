#!/usr/bin/env bash
# Loading the full bookworm main Packages index (xz, over a file:// mirror) into the package
# table: piuparts-site against piuparts 1.1.7's own loader, same file, same machine, one go.
# Data: Debian's bookworm main amd64 index from /var/lib/apt/lists (make test-deps fetches it),
# recompressed once into bench/data/ as a single-block Packages.xz (xz -T1: decoding cannot be split across cores).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-5}
lists=$(compgen -G "/var/lib/apt/lists/*_dists_bookworm_main_binary-amd64_Packages.lz4" | head -n1 || true)
if [[ -z "$lists" ]]; then
  echo "packages-load: no bookworm main Packages list in /var/lib/apt/lists; run 'make test-deps' (as root)" >&2
  exit 1
fi
mirror=$PWD/bench/data/mirror
xz=$mirror/dists/bookworm/main/binary-amd64/Packages.xz
if [[ ! -s $xz || $lists -nt $xz ]]; then
  echo "packages-load: preparing $xz from $lists (once; xz takes a while)"
  mkdir -p "$(dirname "$xz")"
  lz4 -dc "$lists" | xz -T1 -6 > "$xz.tmp" && mv "$xz.tmp" "$xz"
fi
url=file://$mirror/dists/bookworm/main/binary-amd64/Packages

dotnet publish bench/Bench/Bench.csproj -c Release -o out/bench -p:PublishReadyToRun=true --use-current-runtime --self-contained false --nologo -v quiet

field() { sed -E "s/.*$1=([^ ]+).*/\1/" <<<"$2"; }

echo "piuparts-site vs piuparts 1.1.7: full bookworm main Packages.xz -> package table ($runs runs each, fresh process each side)"
theirs=$(/usr/bin/python3 bench/piuparts-packages-load.py "$url" "$runs")
ours=$(out/bench/piuparts-site-bench packages-load "$url" "$runs")

printf '%-14s %10s %10s %10s %10s\n' "" packages "first (s)" "best (s)" "peak MB"
printf '%-14s %10s %10s %10s %10s\n' "piuparts" "$(field packages "$theirs")" "$(field first "$theirs")" "$(field best "$theirs")" "$(field peak_mb "$theirs")"
printf '%-14s %10s %10s %10s %10s\n' "piuparts-site" "$(field packages "$ours")" "$(field first "$ours")" "$(field best "$ours")" "$(field peak_mb "$ours")"
awk -v tf="$(field first "$theirs")" -v tb="$(field best "$theirs")" -v of="$(field first "$ours")" -v ob="$(field best "$ours")" \
    -v tm="$(field peak_mb "$theirs")" -v om="$(field peak_mb "$ours")" 'BEGIN {
  printf "ratio (piuparts / piuparts-site): first run %.1fx, best run %.1fx, peak memory %.1fx\n", tf / of, tb / ob, tm / om
  printf "targets: first run under 1.5 s: %s; at least 10x faster (best runs): %s; peak under 400 MB: %s\n",
    (of < 1.5 ? "met" : "NOT met"), (tb / ob >= 10 ? "met" : "NOT met"), (om < 400 ? "met" : "NOT met")
}'
