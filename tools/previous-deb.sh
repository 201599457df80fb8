#!/usr/bin/env bash
# Prints the path of the package's previous build, the one tools/test-deb.sh has piuparts
# upgrade from, made once with that commit's own tools/make-deb.sh and kept under
# out/cache/previous/<commit>/ (reruns are quick; the cold build takes as long as make deb).
#   tools/previous-deb.sh
# Prints nothing when there is no git history (an exported tree); a shallow clone stands in
# its oldest commit for the ones it lacks.
#
# Which build is "previous": the one a user of the last release would upgrade from, so it is
# made from the last commit before packaging/deb/changelog got its current version (the work
# tree's). When the version changed only in the work tree, that is HEAD. While the changelog
# has never had another version (no earlier release), it is the commit that introduced the
# current one, the first package: the upgrade then goes from the package as it was first made
# to the package of this tree, with the maintainer scripts and files of both, and test-deb.sh
# relabels it <version>~previous so that dpkg sees a real upgrade. The same tree and history
# always give the same previous build, whatever was tested before on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."

changelog=packaging/deb/changelog
top_version() { sed -n '1s/^piuparts-site (\([^)]*\)).*/\1/p'; }
version=$(top_version <"$changelog")
if [[ -z $version ]]; then
  echo "previous-deb: no version on the first line of $changelog" >&2
  exit 1
fi
git rev-parse --verify -q HEAD >/dev/null 2>&1 || exit 0

# Newest first: the commits that changed the changelog, while they still have this version.
introduced="" commit=""
for c in $(git log --format=%H -- "$changelog"); do
  if [[ $(git show "$c:$changelog" | top_version) != "$version" ]]; then
    # The version changed after $c; the last commit before the change is the parent of the
    # oldest commit with this version, or HEAD when no commit has it yet.
    if [[ -z $introduced ]]; then commit=$(git rev-parse HEAD)
    else commit=$(git rev-parse --verify -q "$introduced^" || true); fi
    break
  fi
  introduced=$c
done
commit=${commit:-$introduced}
[[ -n $commit ]] || exit 0

cache=out/cache/previous
if ! compgen -G "$cache/$commit/*.deb" >/dev/null; then
  echo "previous-deb: building the package of ${commit:0:12} (once, about as long as make deb)" >&2
  src=$(mktemp -d "${TMPDIR:-/tmp}/previous-deb.XXXXXX")
  trap 'rm -rf "$src"' EXIT
  git archive "$commit" | tar -x -C "$src"
  if [[ ! -x $src/tools/make-deb.sh ]]; then
    echo "previous-deb: commit ${commit:0:12} has no tools/make-deb.sh" >&2
    exit 1
  fi
  if ! "$src/tools/make-deb.sh" >"$src/make-deb.log" 2>&1; then
    tail -n 20 "$src/make-deb.log" >&2
    echo "previous-deb: tools/make-deb.sh of ${commit:0:12} failed" >&2
    exit 1
  fi
  deb=$(tail -n1 "$src/make-deb.log")
  # Only the newest previous build is kept.
  rm -rf "$cache"
  mkdir -p "$cache/$commit"
  cp "$src/$deb" "$cache/$commit/"
fi
ls "$PWD/$cache/$commit"/*.deb
