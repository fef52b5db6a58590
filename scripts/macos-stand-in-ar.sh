#!/bin/sh
# The archiver beside scripts/macos-stand-in-cc.sh: `ar <ops> <archive>
# <objects>...` writes an empty archive, for a type check that never links.
if [ $# -ge 2 ]; then printf '!<arch>\n' > "$2"; fi
exit 0
