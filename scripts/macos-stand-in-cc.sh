#!/bin/sh
# A stand-in C compiler for type-checking the macOS build on Linux
# (`cargo clippy --target aarch64-apple-darwin`). mac-notification-sys
# compiles Objective-C in its build script, which needs Apple's SDK; a check
# never links, so an empty object file is enough. .ci/run sets it as
# CC_aarch64_apple_darwin (and scripts/macos-stand-in-ar.sh as the archiver).
# Nothing built with it can run: macOS is type-checked, not run.
prev=""
for a in "$@"; do
  case "$a" in --version) echo "clang version 17.0.0 (backfix stand-in)"; exit 0 ;; esac
  if [ "$prev" = "-o" ]; then : > "$a"; fi
  prev="$a"
done
exit 0
