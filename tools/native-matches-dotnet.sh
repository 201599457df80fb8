#!/usr/bin/env bash
# The program compiled to native code (make release, the package) against the same sources run
# by .NET (make build), on the same inputs: the unit tests run the .NET build only, and the
# native build keeps only the reflection metadata it was told to (templates and page
# fingerprints read models by reflection). Each check runs both on copies of the same directory
# and wants the same output and the same files (caches of the program's own aside, whose
# fingerprints are salted with the build, and the master's log with its clock). Charts are
# compared by name and size in pixels: the two builds round some coordinates differently in the
# last bit, which moves a few antialiased pixels (each build alone draws the same bytes every time).
#   tools/native-matches-dotnet.sh NATIVE DOTNET
set -uo pipefail
cd "$(dirname "$0")/.."
native=$(realpath "$1") dotnet=$(realpath "$2")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
same() { # what, then the two directories (or files) that must not differ
  if diff -r --exclude=.piuparts-site --exclude=.piuparts-site-listings --exclude=.piuparts-site-states \
       --exclude=master.log --exclude='*.png' "$2" "$3" >"$work/diff" && same_charts "$2" "$3" >>"$work/diff"; then
    echo "ok: $1"
  else
    echo "FAIL: $1"; head -20 "$work/diff"; failed=1
  fi
}
same_charts() { # the same PNG files, each of the same width and height
  [[ -f $1 ]] && return 0
  /usr/bin/python3 - "$1" "$2" <<'PY'
import pathlib, sys
def charts(root):
    return {str(p.relative_to(root)): p.read_bytes()[16:24] for p in pathlib.Path(root).rglob("*.png")}
a, b = charts(sys.argv[1]), charts(sys.argv[2])
if a != b:
    print("charts differ in name or size:", sorted(set(a.items()) ^ set(b.items()))[:5])
    sys.exit(1)
PY
}
both() { # name, command...: runs the command in copies named name-native and name-dotnet, with $program set
  local name=$1; shift
  for build in native dotnet; do
    local program=${!build}
    (cd "$work/$name-$build" && program=$program "$@" >"$work/$name-$build.out" 2>&1; echo "exit $?" >>"$work/$name-$build.out")
  done
}

export SOURCE_DATE_EPOCH=1795000000

# The report of the sample master directory: every page, chart, feed and JSON file.
for build in native dotnet; do cp -a samples/master-dir "$work/report-$build"; done
both report sh -c '"$program" report --config piuparts.conf --output site'
same "report: the same website" "$work/report-native/site" "$work/report-dotnet/site"
same "report: the same master directory afterwards" "$work/report-native" "$work/report-dotnet"
same "report: the same output" "$work/report-native.out" "$work/report-dotnet.out"

# A master connection: the greeting, a section, its status, a reservation.
for build in native dotnet; do cp -a samples/master-dir "$work/master-$build"; done
both master sh -c 'printf "section bookworm\nstatus\nreserve\n" | "$program" master --config piuparts.conf --distros distros.conf --seed 7'
same "master: the same answers" "$work/master-native.out" "$work/master-dotnet.out"
same "master: the same reservation" "$work/master-native" "$work/master-dotnet"

# Maintenance on a seeded section of 3,000 logs with Debian's known problems.
now=1795000000
/usr/bin/python3 bench/seed-maintenance-dir.py "$work/seed" bookworm 3000 "$now"
: >"$work/distros.conf"
for build in native dotnet; do
  cp -a "$work/seed" "$work/maintenance-$build"
  printf '[global]\nsections = bookworm\nmaster-directory = .\nknown-problem-directory = /usr/share/piuparts/known_problems\n\n[bookworm]\ndistro = bookworm\n' \
    >"$work/maintenance-$build/piuparts.conf"
done
both maintenance sh -c "\"\$program\" reschedule --config piuparts.conf --distros $work/distros.conf --now $now && \"\$program\" detect-problems --config piuparts.conf --distros $work/distros.conf --now $now"
same "reschedule and detect-problems: the same output" "$work/maintenance-native.out" "$work/maintenance-dotnet.out"
same "reschedule and detect-problems: the same files (links, .kpr files)" "$work/maintenance-native" "$work/maintenance-dotnet"

exit $failed
