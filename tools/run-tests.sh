#!/usr/bin/env bash
# Runs every test project and ends with one line "N passed, N failed[, N skipped]" summed over
# all of them; exits non-zero when any test failed or the run broke.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test Piuparts.Site.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one "Failed: N, Passed: N, Skipped: N" summary per test assembly.
sum() { grep -Eo "$1: +[0-9]+," "$log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)
echo
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [[ $status -ne 0 || ${failed:-0} -ne 0 || ${passed:-0} -eq 0 ]]; then
  exit 1
fi
