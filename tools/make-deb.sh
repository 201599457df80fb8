#!/usr/bin/env bash
# Builds out/piuparts-site_<version>_amd64.deb: the program compiled to native code (NativeAOT,
# as `make release` builds it; in its own artifacts directory) with the two native libraries the
# charts use, in /usr/lib/piuparts-site with /usr/bin/piuparts-site linking to it, a man page per
# verb made from its --help, the examples, systemd units, and the maintainer scripts of
# packaging/deb. The version is the one of packaging/deb/changelog.
#   tools/make-deb.sh [--publish-dir DIR]   (DIR: reuse a publish made before, for tests)
set -euo pipefail
cd "$(dirname "$0")/.."

publish=""
if [[ ${1:-} == --publish-dir ]]; then
  publish=$2
fi

pkg=packaging/deb
version=$(sed -n '1s/^piuparts-site (\([^)]*\)).*/\1/p' "$pkg/changelog")
upstream=${version%-*}
# The date of the changelog entry fixes every timestamp in the package (reproducible builds).
date=$(sed -n 's/^ -- .*>  //p' "$pkg/changelog" | head -n1)
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(date -d "$date" +%s)}
stage=out/deb/piuparts-site
deb=out/piuparts-site_${version}_amd64.deb

if [[ -z $publish ]]; then
  publish=out/deb/publish
  rm -rf "$publish"
  dotnet publish src/Cli/Cli.csproj -c Release -r linux-x64 -p:PublishAot=true --artifacts-path out/deb/build \
    -p:DebugType=none -p:StripSymbols=true -p:Version="$upstream" -o "$publish" --nologo -v quiet
fi

rm -rf "$stage"
lib=$stage/usr/lib/piuparts-site
doc=$stage/usr/share/doc/piuparts-site
man=$stage/usr/share/man/man1
units=$stage/lib/systemd/system
install -d "$lib" "$stage/usr/bin" "$doc/examples" "$man" "$units" "$stage/DEBIAN" "$stage/usr/share/lintian/overrides"

cp -a "$publish"/. "$lib"/
# Debugging symbols (the native build's .dbg file is larger than the program) stay out.
rm -f "$lib"/*.pdb "$lib"/*.dbg
find "$lib" -type d -exec chmod 0755 {} +
find "$lib" -type f -exec chmod 0644 {} +
chmod 0755 "$lib/piuparts-site"
ln -s ../lib/piuparts-site/piuparts-site "$stage/usr/bin/piuparts-site"

# One page per verb, from the program's own --help, and piuparts-site(1) listing them.
program=$lib/piuparts-site
man_date=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)
tools/help-to-man.py "$program" "$man_date" "$version" >"$man/piuparts-site.1"
verbs=$("$program" --help | sed -n '/^Commands:/,$s/^  \([a-z][a-z-]*\)  .*/\1/p')
for verb in $verbs; do
  tools/help-to-man.py "$program" "$man_date" "$version" "$verb" >"$man/piuparts-site-$verb.1"
done
gzip -9n "$man"/*.1

# Known-problem definitions of our own (piuparts' format) for known-problem-directory.
install -d "$stage/usr/share/piuparts-site/known-problems"
install -m 0644 samples/master-dir/known-problems/*.conf "$stage/usr/share/piuparts-site/known-problems/"
install -m 0644 "$pkg/copyright" "$doc/copyright"
gzip -9n <"$pkg/changelog" >"$doc/changelog.Debian.gz"
chmod 0644 "$doc/changelog.Debian.gz"
install -m 0644 samples/master-dir/piuparts.conf samples/master-dir/distros.conf samples/cron/crontab \
  "$pkg"/examples/* "$doc/examples/"
install -m 0644 "$pkg"/systemd/* "$units/"
install -m 0644 "$pkg/lintian-overrides" "$stage/usr/share/lintian/overrides/piuparts-site"
install -m 0755 "$pkg/postinst" "$pkg/postrm" "$stage/DEBIAN/"

size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$size/" "$pkg/control.in" >"$stage/DEBIAN/control"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' md5sum) \
  >"$stage/DEBIAN/md5sums"
chmod 0644 "$stage/DEBIAN/control" "$stage/DEBIAN/md5sums"
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "$deb"
