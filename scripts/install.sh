#!/usr/bin/env bash
# Installs everything the project needs on Debian 12: system packages (LibreOffice and poppler to
# read generated documents back, Chromium and its French locale for browser tests), then the npm packages.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium chromium-l10n libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils python3-docx fonts-dejavu-core fonts-liberation2)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]} > 0)); then
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  echo "Paquets système à installer : ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Electron's own binary comes from GitHub, unreachable here: the app runs headless and in the
# browser without it (see README).
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
# `npm install`, not `npm ci`: the registry reachable here has no build of some optional platform
# packages (rollup's for Android, Windows…), so the lock file cannot list them and `npm ci` refuses
# it; `npm install` still installs exactly the locked versions.
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json || package.json -nt node_modules/.package-lock.json ]]; then
  npm install --no-audit --no-fund
fi
