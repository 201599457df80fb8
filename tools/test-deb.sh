#!/usr/bin/env bash
# Builds the package with tools/make-deb.sh and checks it: dpkg-deb lists the expected files,
# the program runs from /usr/bin and says the package's version, every man page is clean for
# man --warnings, and lintian reports no error. Ends with "N passed, N failed" as run-tests.sh.
#   tools/test-deb.sh [--publish-dir DIR]   (passed on to make-deb.sh)
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0 failed=0
check() { # description, then the command that must succeed
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok: $what"
  else failed=$((failed + 1)); echo "FAIL: $what"; fi
}

deb=$(tools/make-deb.sh "$@" | tail -n1)
check "the package is built" test -f "$deb"
version=$(dpkg-deb -f "$deb" Version)
listing=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
has() { grep -qxF "./$1" <<<"$listing"; }

check "version $version is the one of packaging/deb/changelog" grep -q "^piuparts-site ($version)" packaging/deb/changelog
for file in usr/lib/piuparts-site/piuparts-site usr/lib/piuparts-site/Piuparts.Core.dll usr/lib/piuparts-site/libcoreclr.so \
            usr/bin/piuparts-site usr/share/doc/piuparts-site/copyright usr/share/doc/piuparts-site/changelog.Debian.gz \
            usr/share/man/man1/piuparts-site.1.gz usr/share/man/man1/piuparts-site-check.1.gz \
            usr/share/man/man1/piuparts-site-master.1.gz usr/share/man/man1/piuparts-site-slave.1.gz \
            usr/share/man/man1/piuparts-site-report.1.gz \
            usr/share/doc/piuparts-site/examples/piuparts.conf usr/share/doc/piuparts-site/examples/distros.conf \
            usr/share/doc/piuparts-site/examples/crontab usr/share/doc/piuparts-site/examples/piuparts-site-slave.sudoers \
            usr/share/doc/piuparts-site/examples/apache2-piuparts-site.conf \
            usr/share/doc/piuparts-site/examples/nginx-piuparts-site.conf \
            lib/systemd/system/piuparts-site-slave.service; do
  check "the package has /$file" has "$file"
done
for job in report reschedule backup detect-problems; do
  check "the package has the $job service" has "lib/systemd/system/piuparts-site-$job.service"
  check "the package has the $job timer" has "lib/systemd/system/piuparts-site-$job.timer"
done
check "no debug symbols (.pdb) are shipped" bash -c '! grep -q "\.pdb$"' <<<"$listing"
check "every file belongs to root" bash -c '! dpkg-deb -c "$1" | awk "{ print \$2 }" | grep -qv "^root/root$"' _ "$deb"

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
check "/usr/bin/piuparts-site runs and says version ${version%-*}" \
  bash -c '"$1/usr/bin/piuparts-site" --version | grep -q "^$2+"' _ "$root" "${version%-*}"
verbs=$("$root/usr/bin/piuparts-site" --help | sed -n '/^Commands:/,$s/^  \([a-z][a-z-]*\)  .*/\1/p')
for verb in $verbs; do
  check "piuparts-site-$verb(1) exists and man finds nothing wrong in it" \
    bash -c 'test -f "$1" && [[ -z $(LC_ALL=C.UTF-8 MANROFFSEQ= man --warnings -l "$1" 2>&1 >/dev/null) ]]' _ \
    "$root/usr/share/man/man1/piuparts-site-$verb.1.gz"
done
check "the postinst line for authorized_keys is the one piuparts-site check asks for" \
  grep -qF 'command="/usr/bin/piuparts-site master --config /etc/piuparts/piuparts.conf",no-port-forwarding,no-X11-forwarding,no-agent-forwarding' \
  packaging/deb/postinst
check "the maintainer scripts are POSIX sh" bash -c 'sh -n packaging/deb/postinst && sh -n packaging/deb/postrm'

lintian_out=$(lintian --no-cfg "$deb" 2>&1)
echo "$lintian_out" | grep -E '^[EW]:' || true
check "lintian reports no error" bash -c '! grep -q "^E:" <<<"$1"' _ "$lintian_out"
check "every command of docs/operating.md works on a master and two slaves (tools/test-operating.sh)" tools/test-operating.sh --deb "$deb"

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
