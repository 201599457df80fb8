#!/usr/bin/env bash
# Installs, with apt, the Debian packages the tests use as real counterparts, when missing:
# Debian's piuparts (the reference implementation), OpenSSH (client and a test sshd), dpkg, xz/lz4,
# the bookworm package lists (/var/lib/apt/lists) that tests and benchmarks read, chromium, the
# browser the site's browser test drives (Playwright cannot download one here), and lintian,
# man-db, piuparts itself (with debootstrap) and adequate, which piuparts runs (make test-deb
# checks the package with them). Idempotent: does nothing when all is there.
set -euo pipefail

packages=(piuparts-common piuparts-master piuparts-slave openssh-client openssh-server python3-apt python3-yaml python3-distro-info distro-info-data dpkg xz-utils bzip2 lz4 chromium lintian man-db piuparts debootstrap adequate)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

lists_missing=no
if ! compgen -G "/var/lib/apt/lists/*_dists_bookworm_main_binary-amd64_Packages*" >/dev/null; then
  lists_missing=yes
fi

if [[ ${#missing[@]} -eq 0 && $lists_missing == no ]]; then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "install-test-deps: the tests need: ${missing[*]:-}${lists_missing/yes/ (and apt package lists)}" >&2
  echo "install-test-deps: run as root, or: sudo apt-get update && sudo apt-get install ${missing[*]:-}" >&2
  exit 1
fi

echo "install-test-deps: apt-get update"
apt-get update -qq
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "install-test-deps: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
