#!/usr/bin/env bash
# Idempotent set-up for a fresh clone: Debian packages, npm packages, whisper-cli
# built from source for this CPU, TypeScript compiled. Fast when nothing changed.
# Everything comes from package registries; nothing is downloaded from elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { [ "${GIJIROKU_SETUP_QUIET:-}" = 1 ] || echo "[setup] $*" >&2; }

# 1. Debian packages (only on Debian/Ubuntu; only what is missing):
#    ffmpeg for test media, a C++ toolchain for whisper-cli and better-sqlite3,
#    Chromium and Japanese fonts for the browser tests and screenshots, LibreOffice and
#    poppler to render exported .docx to PDF/PNG, strace/iproute2 for the no-network test,
#    7zip for electron-builder's Windows zip
DEB_PACKAGES=(ffmpeg cmake g++ make python3 chromium fonts-noto-cjk fonts-ipafont libreoffice-writer-nogui poppler-utils strace iproute2 7zip)
if command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${DEB_PACKAGES[@]}" ${GIJIROKU_EXTRA_DEBS:-}; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    say "installing Debian packages: ${missing[*]}"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
fi

# 2. npm packages (the Electron binary cannot be downloaded here: skip it). node-av's postinstall would
#    fetch an ffmpeg program from outside the registry: npm 11 skips it (not in package.json allowScripts),
#    and SKIP_FFMPEG makes it a no-op for any other npm. The decoder is its registry-shipped library.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
export SKIP_FFMPEG=true
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

# 3. whisper-cli from the whisper.cpp source that nodejs-whisper carries
node scripts/buildWhisperCli.mjs >&2

# 4. the UI (React, built by Vite into dist/renderer)
if [ ! -f dist/renderer/index.html ] || [ -n "$(find renderer native/common -newer dist/renderer/index.html -type f -print -quit)" ]; then
  say "building the UI"
  npx vite build --config renderer/vite.config.ts --logLevel warn >&2
fi

# 5. TypeScript
if [ ! -f dist/.tsbuildinfo ] || [ -n "$(find native electron test bench -name '*.ts' -newer dist/.tsbuildinfo -print -quit)" ] || [ tsconfig.json -nt dist/.tsbuildinfo ]; then
  say "compiling TypeScript"
  npx tsc -p . >&2
fi

# 5b. the page's unit tests: their own tsconfig (DOM types), compiled to dist/renderer-tests
if [ ! -f dist/renderer-tests/.tsbuildinfo ] || [ -n "$(find native renderer/src test -name '*.ts' -newer dist/renderer-tests/.tsbuildinfo -print -quit)" ] || [ test/renderer/tsconfig.json -nt dist/renderer-tests/.tsbuildinfo ]; then
  say "compiling the page's unit tests"
  npx tsc -p test/renderer >&2
fi

# 6. the Electron preload, bundled alone with the contract's method list (tsc leaves it out)
if ! grep -qs 'bundled by scripts/bundlePreload.mjs' dist/electron/preload.js \
  || [ -n "$(find electron/preload.ts electron/ipcChannels.ts native/common -newer dist/electron/preload.js -print -quit)" ]; then
  say "bundling the preload"
  node scripts/bundlePreload.mjs >&2
fi
