#!/usr/bin/env bash
# Make a Wine prefix that runs backfix's Windows test suite
# (`cargo test --target x86_64-pc-windows-gnu` with wine as the runner):
# create the prefix, and give Wine 8 the bcryptprimitives.dll it lacks
# (built here from scripts/bcryptprimitives.c; no binary is committed).
# Usage: WINEPREFIX=... scripts/wine-setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${WINEPREFIX:?set WINEPREFIX}"
export WINEPREFIX WINEDEBUG=-all
build="${TMPDIR:-/tmp}/backfix-wine-dll"
mkdir -p "$build"
x86_64-w64-mingw32-gcc -O2 -shared -o "$build/bcryptprimitives.dll" \
  scripts/bcryptprimitives.c -ladvapi32
# A new prefix: wineboot sets it up without windows (no display needed).
wineboot --init >/dev/null 2>&1 || true
wineserver -w || true
cp "$build/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
echo "wine prefix ready: $WINEPREFIX"
