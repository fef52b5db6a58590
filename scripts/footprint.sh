#!/usr/bin/env bash
# Footprint of a waiting reminder, beside the same figures for Safe Eyes and
# Workrave measured in the same run. Each program gets a private desktop of
# its own (a private D-Bus session bus and a dunst on it, one shared Xvfb),
# under a temporary HOME, so that what the bus starts for a program (dconf,
# at-spi and the like) is that program's, and nothing touches the real home:
#   RSS        resident memory after start-up: the program, its children, and
#              the helpers its bus started
#   switches   context switches per minute while waiting, all threads of all
#              those processes (each wake-up costs at least one, so this
#              bounds the wake-ups)
#   CPU        CPU time used while waiting by all those processes, including
#              children that ran and exited meanwhile (Safe Eyes runs
#              `xprintidle` every 2 s)
#   procs      how many processes that is (program + children + bus helpers)
#
#   scripts/footprint.sh                 (SECONDS_TO_WATCH=300 for a longer look;
#                                        INPUT_EVERY=0 for an empty desk)
#   BACKFIX_BIN=target/debug/backfix SECONDS_TO_WATCH=20 scripts/footprint.sh
#                                        (a quick check of the script itself)
#
# Needs: sudo apt-get install xvfb dbus dunst x11-xserver-utils safeeyes workrave
set -euo pipefail
cd "$(dirname "$0")/.."

watch=${SECONDS_TO_WATCH:-180}
for tool in Xvfb dbus-daemon dunst; do
  command -v "$tool" >/dev/null || { echo "footprint: $tool is not installed" >&2; exit 1; }
done

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do pkill -TERM -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  sleep 0.5
  rm -rf "$work"
}
trap cleanup EXIT

# Build first, with the real home (rustup and cargo find their toolchains there).
if [ -n "${BACKFIX_BIN:-}" ]; then
  backfix=$BACKFIX_BIN
else
  cargo build --release --quiet
  backfix=target/release/backfix
fi

# Then a private home: everything started below (the bus, the helpers it
# activates, the programs) reads and writes only here.
export HOME="$work/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_STATE_HOME="$HOME/.local/state" XDG_CACHE_HOME="$HOME/.cache"
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS DBUS_SESSION_BUS_PID SESSION_MANAGER

# One X server for all.
Xvfb -displayfd 3 -nolisten tcp -screen 0 1024x768x24 3>"$work/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")"

declare -A roots buses
# Start "$@" as program "$name" on a session bus and a dunst of its own.
start() {
  local name=$1; shift
  local tag=${name// /-}
  mkdir -p "$work/$tag"
  dbus-daemon --session --fork --print-address=1 --print-pid=1 >"$work/$tag/bus"
  local address bus
  address=$(sed -n 1p "$work/$tag/bus"); bus=$(sed -n 2p "$work/$tag/bus")
  pids+=("$bus"); buses[$name]=$bus
  DBUS_SESSION_BUS_ADDRESS=$address dunst >/dev/null 2>&1 &
  pids+=($!)
  sleep 1
  DBUS_SESSION_BUS_ADDRESS=$address "$@" >/dev/null 2>&1 &
  roots[$name]=$!; pids+=($!)
}

# Someone at the desk: the X idle time is reset every INPUT_EVERY seconds
# (`xset s reset`, as a key press would), the usual state while a reminder
# waits. INPUT_EVERY=0 leaves the desk empty: every program then sees one
# long absence.
input_every=${INPUT_EVERY:-60}
if [ "$input_every" -gt 0 ]; then
  command -v xset >/dev/null || { echo "footprint: xset is not installed (apt-get install x11-xserver-utils)" >&2; exit 1; }
  ( while sleep "$input_every"; do xset s reset 2>/dev/null || exit 0; done ) &
  pids+=($!)
fi

start backfix "$backfix" remind --every 45m
command -v safeeyes >/dev/null && start "Safe Eyes" safeeyes
command -v workrave >/dev/null && start Workrave workrave

tree() { # a pid and all its descendants
  local p=$1
  echo "$p"
  for c in $(pgrep -P "$p" 2>/dev/null); do tree "$c"; done
}
# The program's processes: itself and its descendants, and whatever its bus
# started (the bus's descendants, not the bus daemon itself).
procs() {
  tree "${roots[$1]}"
  for c in $(pgrep -P "${buses[$1]}" 2>/dev/null); do tree "$c"; done
}
rss_kb() { local t=0; for p in $(procs "$1"); do
  t=$((t + $(awk '/^VmRSS/{n=$2} END{print n+0}' "/proc/$p/status" 2>/dev/null || echo 0))); done; echo $t; }
switches() { local t=0; for p in $(procs "$1"); do for s in /proc/$p/task/*/status; do
  t=$((t + $(awk '/ctxt_switches/{n+=$2} END{print n+0}' "$s" 2>/dev/null || echo 0))); done; done; echo $t; }
# utime+stime, plus cutime+cstime: the CPU of children that exited and were waited for.
cpu_ticks() { local t=0; for p in $(procs "$1"); do
  t=$((t + $(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | awk '{n=$12+$13+$14+$15} END{print n+0}'))); done; echo $t; }
count() { procs "$1" | wc -l; }

echo "warming up for 20 s..." >&2
sleep 20
declare -A s0 c0
for name in "${!roots[@]}"; do s0[$name]=$(switches "$name"); c0[$name]=$(cpu_ticks "$name"); done
echo "watching for $watch s..." >&2
sleep "$watch"
hz=$(getconf CLK_TCK)
printf "%-12s %10s %16s %12s %6s\n" program "RSS (MB)" "switches/min" "CPU (ms)" procs
for name in backfix "Safe Eyes" Workrave; do
  [ -n "${roots[$name]:-}" ] || continue
  if ! kill -0 "${roots[$name]}" 2>/dev/null; then printf '%-12s %s\n' "$name" "(exited; could not run here)"; continue; fi
  rss=$(rss_kb "$name"); s1=$(switches "$name"); c1=$(cpu_ticks "$name"); n=$(count "$name")
  awk -v n="$name" -v r="$rss" -v s="$((s1 - ${s0[$name]}))" -v c="$((c1 - ${c0[$name]}))" -v w="$watch" -v hz="$hz" -v k="$n" \
    'BEGIN { printf "%-12s %10.1f %16.1f %12.0f %6d\n", n, r/1024, s*60/w, c*1000/hz, k }'
done

# backfix again, paused from the shell (`backfix remind pause`): the pause
# waits on its channel like the rest, so it should cost no more.
if kill -0 "${roots[backfix]}" 2>/dev/null; then
  "$backfix" remind pause 8h >/dev/null
  sleep 5
  s0=$(switches backfix); c0=$(cpu_ticks backfix)
  echo "watching backfix paused for $watch s..." >&2
  sleep "$watch"
  rss=$(rss_kb backfix); s1=$(switches backfix); c1=$(cpu_ticks backfix); n=$(count backfix)
  awk -v n="backfix paused" -v r="$rss" -v s="$((s1 - s0))" -v c="$((c1 - c0))" -v w="$watch" -v hz="$hz" -v k="$n" \
    'BEGIN { printf "%-12s %10.1f %16.1f %12.0f %6d\n", n, r/1024, s*60/w, c*1000/hz, k }'
fi
echo
echo "goal for backfix: RSS <= 6 MB and at most one wake-up per minute while waiting and while paused"
