#!/usr/bin/env bash
# Speed of the recovery record: `backfix progress` and `backfix report --html`
# on synthetic records of 1, 2 and 5 years, all in one hyperfine run.
# Each record has, per working day, a reminder session (started, 6 reminders
# shown and answered: done, snoozed, done, skipped, done, done, and stopped:
# 14 history lines), a check-in a week (pain, interference, 3 activities) and
# 3 exercise sessions a week, split over two machines' journals.
#
#   scripts/bench-record.sh            (RUNS=200 for steadier figures)
#
# Needs hyperfine and python3: sudo apt-get install hyperfine python3
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench-record: $tool is not installed (apt-get install hyperfine python3)" >&2
    exit 1
  fi
done

runs=${RUNS:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=$PWD/target/release/backfix
now=2026-03-04T12:00:00

for years in 1 2 5; do
  python3 - "$work/y$years" "$years" "$now" <<'PY'
import sys, os, datetime as dt
out, years, now = sys.argv[1], int(sys.argv[2]), dt.datetime.fromisoformat(sys.argv[3])
os.makedirs(out, exist_ok=True)
end = now.date()
start = end - dt.timedelta(days=365 * years)
a, b, h = [], [], []
d = start
i = 0
while d <= end:
    wd = d.weekday()
    if wd == 0:
        pain = 3 + (i * 7) % 5
        a.append('{"v":1,"time":"%sT08:30:00","kind":"checkin","pain":%d,"interference":%d,'
                 '"activities":[{"name":"gardening","score":%d},{"name":"sitting at work","score":%d},'
                 '{"name":"lifting my child","score":%d}]%s}' % (
                 d, pain, max(pain - 1, 0), 10 - pain, 9 - pain, 8 - pain,
                 ',"flare":true,"note":"a bad week"' if i % 9 == 0 else ''))
        i += 1
    if wd in (0, 2, 4):
        b.append('{"v":1,"time":"%sT18:00:00","kind":"session","routine":"sciatica",'
                 '"minutes":15,"feel":"about-right","pain_during":2,"via":"done"}' % d)
    if wd < 5:
        for t, e in [("09:00", "started"), ("09:45", "shown"), ("09:46", "done"),
                     ("10:31", "shown"), ("10:32", "snoozed"), ("10:42", "done"),
                     ("11:27", "shown"), ("11:28", "skipped"), ("12:13", "shown"),
                     ("12:14", "done"), ("13:00", "shown"), ("13:01", "done"),
                     ("13:45", "break"), ("17:00", "stopped")]:
            h.append('{"v":1,"time":"%sT%s:00","event":"%s","exercise":"clamshell"}' % (d, t, e))
    d += dt.timedelta(days=1)
for name, lines in [("journal-aaaaaaaaaaaaaaaa.jsonl", a), ("journal-bbbbbbbbbbbbbbbb.jsonl", b),
                    ("history.jsonl", h)]:
    with open(os.path.join(out, name), "w") as f:
        f.write("\n".join(lines) + "\n")
print("%d year%s: %d check-ins, %d sessions, %d reminder events" % (
    years, "" if years == 1 else "s", len(a), len(b), len(h)), file=sys.stderr)
PY
done

args=()
for years in 1 2 5; do
  env="env -i HOME=$work BACKFIX_DATA_DIR=$work/y$years BACKFIX_STATE_DIR=$work/state BACKFIX_CONFIG_DIR=$work/config BACKFIX_NOW=$now LANG=C.UTF-8"
  args+=(-n "progress, $years y" "$env $bin progress")
  args+=(-n "report, $years y" "$env $bin report --html -")
done

hyperfine -N --warmup 5 --runs "$runs" --export-markdown "$work/bench.md" "${args[@]}"
echo
cat "$work/bench.md"
