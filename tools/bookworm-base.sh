#!/usr/bin/env bash
# Prints the path of a bookworm minbase chroot tarball for the package tests, made once with
# debootstrap from the mirror apt uses here and kept under out/cache/ (reruns are quick).
#   tools/bookworm-base.sh            (MIRROR=... to use another mirror)
# Needs root (debootstrap). The tarball is replaced when this script changes.
set -euo pipefail
cd "$(dirname "$0")/.."
mirror=${MIRROR:-http://deb.debian.org/debian}
cache=out/cache
tarball=$cache/bookworm-minbase.tar.gz
stamp=$(cat "$0" | md5sum | cut -d' ' -f1)-$(echo "$mirror" | md5sum | cut -d' ' -f1)
if [[ ! -s $tarball || $(cat "$tarball.stamp" 2>/dev/null) != "$stamp" ]]; then
  mkdir -p "$cache"
  root=$(mktemp -d "$cache/debootstrap.XXXXXX")
  trap 'rm -rf "$root"' EXIT
  echo "bookworm-base: debootstrap --variant=minbase bookworm from $mirror (once, about 30 s)" >&2
  if ! debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.log" 2>&1; then
    tail -n 20 "$root.log" >&2
    echo "bookworm-base: debootstrap failed; the whole log is $root.log" >&2
    exit 1
  fi
  rm -f "$root.log"
  # Numeric owners: the chroot's own users are not the host's.
  tar -C "$root" --numeric-owner --sort=name -czf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
  echo "$stamp" > "$tarball.stamp"
fi
echo "$PWD/$tarball"
