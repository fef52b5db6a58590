#!/usr/bin/env bash
# Start-up benchmark for backfix, measured against references in the same run:
#   /bin/true                 the floor: starting any process at all
#   tldr --render PAGE        tealdeer (Debian package), a fast Rust pager
# It times `backfix show clam` and `backfix list`, in the default release build
# and in the static Linux build the README recommends, and prints the ratios.
#
#   scripts/bench.sh            (RUNS=1000 for steadier figures)
#   BASE=/tmp/backfix-old scripts/bench.sh
#                               also times an older build, for before/after
#                               figures from the same run
#
# Needs hyperfine and tealdeer: sudo apt-get install hyperfine tealdeer
# With valgrind installed it also prints the instructions each `show clam`
# runs (callgrind), a figure that other work on the machine does not move.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine tldr python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench: $tool is not installed (apt-get install hyperfine tealdeer python3)" >&2
    exit 1
  fi
done

runs=${RUNS:-500}
cargo build --release --quiet
# Every build is timed as installed, as a copy (cargo install and dpkg write
# one), not the file the linker wrote: that one starts with about ten more
# page faults, about 0.1 ms here (likely as its page cache was filled in small
# pieces). The copies sit on the build's file system.
work=$(mktemp -d -p target bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
installed() { cp "$1" "$work/$2" && echo "$work/$2"; }
bin=$(installed target/release/backfix backfix)
names=(-n "true" -n "tldr render" -n "show clam" -n "list")
cmds=("/bin/true" "tldr --render $work/tar.md" "$bin show clam" "$bin list")

if [ -n "${BASE:-}" ]; then
  BASE=$(installed "$BASE" backfix-base)
  names+=(-n "show clam (base)" -n "list (base)")
  cmds+=("$BASE show clam" "$BASE list")
fi

static_target=""
if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
  static_target=x86_64-unknown-linux-gnu
  RUSTFLAGS="-C target-feature=+crt-static" cargo build --release --quiet --target "$static_target"
  sbin=$(installed "target/$static_target/release/backfix" backfix-static)
  names+=(-n "show clam (static)" -n "list (static)")
  cmds+=("$sbin show clam" "$sbin list")
fi

cat > "$work/tar.md" <<'PAGE'
# tar

> Archiving utility.
> More information: <https://www.gnu.org/software/tar>.

- Create an archive from files:

`tar cf {{target.tar}} {{file1 file2 file3}}`

- Extract an archive into the current directory:

`tar xf {{source.tar}}`

- List the contents of an archive:

`tar tvf {{source.tar}}`
PAGE

# -N: no shell in between, so the figures are the programs' own.
args=()
for i in "${!cmds[@]}"; do args+=("${names[$((2*i))]}" "${names[$((2*i+1))]}" "${cmds[$i]}"); done
hyperfine -N --warmup 50 --runs "$runs" --style basic --export-json "$work/out.json" "${args[@]}" >/dev/null

# Means, medians and CPU time (user + system): with other work on the machine,
# a few slow runs move the mean; the median is steadier, so the goal is judged
# on both.
python3 - "$work/out.json" <<'PY'
import json, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
cpu = lambda r: r["user"] + r["system"]
print(f"{'command':<22}{'mean':>10}{'± σ':>10}{'median':>10}{'cpu':>10}"
      f"{'vs true':>10}{'vs tldr':>10}{'(median)':>10}{'(cpu)':>8}")
for name, r in res.items():
    t = res["tldr render"]
    print(f"{name:<22}{r['mean']*1e3:>8.3f}ms{r['stddev']*1e3:>8.3f}ms{r['median']*1e3:>8.3f}ms"
          f"{cpu(r)*1e3:>8.3f}ms{r['mean']/res['true']['mean']:>10.2f}{r['mean']/t['mean']:>10.2f}"
          f"{r['median']/t['median']:>10.2f}{cpu(r)/cpu(t):>8.2f}")
print()
# The goal (issue 13): `show clam` no slower than tealdeer's render. The
# ratio to /bin/true is printed alongside, for reference only.
for name in [n for n in res if n.startswith("show clam") and not n.endswith("(base)")]:
    for stat in ("mean", "median"):
        a = res[name][stat] / res["true"][stat]
        b = res[name][stat] / res["tldr render"][stat]
        ok = b <= 1.0
        print(f"goal for '{name}' ({stat}): <= 1.0x tldr: {b:.2f}x -> {'met' if ok else 'NOT met'}"
              f" ({a:.2f}x /bin/true)")
PY

if command -v valgrind >/dev/null; then
  echo
  echo "instructions (valgrind --tool=callgrind, whole process):"
  count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
      sed -n 's/.*Collected : *//p'
  }
  printf '  %-22s%12s\n' "tldr render" "$(count tldr --render "$work/tar.md")"
  printf '  %-22s%12s\n' "show clam" "$(count "$bin" show clam)"
  if [ -n "${BASE:-}" ]; then
    printf '  %-22s%12s\n' "show clam (base)" "$(count "$BASE" show clam)"
  fi
  if [ -n "$static_target" ]; then
    printf '  %-22s%12s\n' "show clam (static)" "$(count "$sbin" show clam)"
  fi
fi
