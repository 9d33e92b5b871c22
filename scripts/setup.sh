#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks for dabiao: the system libraries that `canvas`
# builds against, poppler (pdftotext/pdftoppm for report checks), LibreOffice Writer (opens the
# .docx report in its test), Debian's chromium (browser
# tests; never a downloaded browser), then the npm packages. Safe to run again: it skips
# whatever is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(build-essential python3 pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev
  librsvg2-dev poppler-utils chromium libreoffice-writer-nogui)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "安装系统软件包 / installing system packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# node-gyp builds canvas and better-sqlite3 against Node's own headers.
export npm_config_nodedir="${npm_config_nodedir:-$(dirname "$(dirname "$(command -v node)")")}"
stamp=node_modules/.dabiao-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "安装 npm 依赖 / installing npm packages"
  npm ci --no-audit --no-fund
  touch "$stamp"
fi
