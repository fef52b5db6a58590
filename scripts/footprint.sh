#!/usr/bin/env bash
# Footprint of a waiting reminder, beside the same figures for Safe Eyes and
# Workrave measured in the same run, on the same private desktop (Xvfb, a
# private D-Bus session bus and dunst):
#   RSS        resident memory after start-up (the whole process tree)
#   switches   context switches per minute while waiting, all threads (each
#              wake-up costs at least one, so this bounds the wake-ups)
#   CPU        CPU time used while waiting
#
#   scripts/footprint.sh                 (SECONDS_TO_WATCH=300 for a longer look)
#
# Needs: sudo apt-get install xvfb dbus dunst safeeyes workrave
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

cargo build --release --quiet

# A private desktop.
Xvfb -displayfd 3 -nolisten tcp -screen 0 1024x768x24 3>"$work/display" 2>/dev/null &
pids+=($!)
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")"
eval "$(dbus-launch --sh-syntax 2>/dev/null || true)"
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  dbus-daemon --session --fork --print-address=1 --print-pid=1 >"$work/bus"
  export DBUS_SESSION_BUS_ADDRESS=$(sed -n 1p "$work/bus")
  pids+=("$(sed -n 2p "$work/bus")")
else
  pids+=("$DBUS_SESSION_BUS_PID")
fi
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" XDG_STATE_HOME="$work/home/.local/state"
mkdir -p "$HOME"
dunst >/dev/null 2>&1 &
pids+=($!)
sleep 1

declare -A roots
target/release/backfix remind --every 45m >/dev/null 2>&1 &
roots[backfix]=$!; pids+=($!)
if command -v safeeyes >/dev/null; then
  safeeyes >/dev/null 2>&1 &
  roots["Safe Eyes"]=$!; pids+=($!)
fi
if command -v workrave >/dev/null; then
  workrave >/dev/null 2>&1 &
  roots[Workrave]=$!; pids+=($!)
fi

tree() { # a pid and all its descendants
  local p=$1
  echo "$p"
  for c in $(pgrep -P "$p" 2>/dev/null); do tree "$c"; done
}
rss_kb() { local t=0; for p in $(tree "$1"); do t=$((t + $(awk '/^VmRSS/{print $2}' "/proc/$p/status" 2>/dev/null || echo 0))); done; echo $t; }
switches() { local t=0; for p in $(tree "$1"); do for s in /proc/$p/task/*/status; do
  t=$((t + $(awk '/ctxt_switches/{n+=$2} END{print n+0}' "$s" 2>/dev/null || echo 0))); done; done; echo $t; }
cpu_ticks() { local t=0; for p in $(tree "$1"); do
  t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }

echo "warming up for 20 s..." >&2
sleep 20
declare -A s0 c0
for name in "${!roots[@]}"; do s0[$name]=$(switches "${roots[$name]}"); c0[$name]=$(cpu_ticks "${roots[$name]}"); done
echo "watching for $watch s..." >&2
sleep "$watch"
hz=$(getconf CLK_TCK)
printf "%-12s %10s %16s %12s\n" program "RSS (MB)" "switches/min" "CPU (ms)"
for name in backfix "Safe Eyes" Workrave; do
  [ -n "${roots[$name]:-}" ] || continue
  pid=${roots[$name]}
  if ! kill -0 "$pid" 2>/dev/null; then printf '%-12s %s\n' "$name" "(exited; could not run here)"; continue; fi
  rss=$(rss_kb "$pid"); s1=$(switches "$pid"); c1=$(cpu_ticks "$pid")
  awk -v n="$name" -v r="$rss" -v s="$((s1 - ${s0[$name]}))" -v c="$((c1 - ${c0[$name]}))" -v w="$watch" -v hz="$hz" \
    'BEGIN { printf "%-12s %10.1f %16.1f %12.0f\n", n, r/1024, s*60/w, c*1000/hz }'
done
echo
echo "goal for backfix: RSS <= 6 MB and at most one wake-up per minute while waiting"
