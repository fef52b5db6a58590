#!/bin/sh
# The cargo runner for x86_64-pc-windows-gnu: run the Windows test binary
# under Wine. The runner variable is dropped first: assert_cmd reads it to
# start the binary under test, and from inside Wine "wine" is no program.
unset CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER
exec wine "$@"
