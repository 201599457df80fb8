#!/bin/sh
# Regenerates the real-data excerpts of the bookworm scenario (RealDataScenario) from apt's lists:
#   bookworm-main-every-12th.Packages.xz   every 12th stanza of bookworm main amd64 (1st, 13th, ...)
#   bookworm-security.Packages.xz          every stanza of bookworm-security main amd64
# Stanzas are copied verbatim. Needs lz4 and xz, and the lists after `apt-get update` with
# bookworm and bookworm-security in the sources. Run from anywhere; writes beside this script.
set -eu
lists=/var/lib/apt/lists
here=$(dirname "$0")
every=12

main=$(ls "$lists"/*_dists_bookworm_main_binary-amd64_Packages.lz4 | head -n 1)
security=$(ls "$lists"/*_dists_bookworm-security_main_binary-amd64_Packages.lz4 | head -n 1)

lz4 -dc "$main" |
  awk -v every="$every" 'BEGIN { RS = "" } (NR - 1) % every == 0 { if (kept++) printf "\n"; print }' |
  xz -9 --threads=1 >"$here/bookworm-main-every-12th.Packages.xz"
lz4 -dc "$security" |
  awk 'BEGIN { RS = "" } { if (kept++) printf "\n"; print }' |
  xz -9 --threads=1 >"$here/bookworm-security.Packages.xz"
