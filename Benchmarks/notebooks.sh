#!/usr/bin/env bash
# Issue 3's speed targets on a 10,000-cell notebook (release build, whole process):
#   open with a matching snapshot ≤ 100 ms, save ≤ 100 ms, replay ≤ 0.5 s.
# Usage: Benchmarks/notebooks.sh path/to/release/valuebench
# On a shared, loaded machine read hyperfine's User + System (CPU time) beside the wall time.
set -euo pipefail
bin=${1:-.build/release/valuebench}
data=bench-data/notebooks
mkdir -p "$data"
script=$data/cells-10k.vbench
nb=$data/cells-10k.ipynb
if [ ! -f "$script" ]; then
  python3 - "$script" <<'PY'
import sys
# 100 enterprises, each with a mix of 100 commands: resources, segments, needs, offerings,
# listings (tables), undo and redo, and a failing command (an error cell): 10,000 code cells.
lines = []
for e in range(100):
    lines.append(f'enterprise add "Enterprise {e}" --industry "industry {e % 7}"')
    for i in range(20):
        lines.append(f'resource add "Resource {i}" --kind technology --strength {i % 11} --valuable')
    for i in range(10):
        lines.append(f'segment add "Segment {i}" --size {1000 * (i + 1)}')
    for i in range(30):
        lines.append(f'need add "Need {i}" --segment "Segment {i % 10}" --type pain --importance {1 + i % 5}')
    for i in range(20):
        lines.append(f'offering add "Offering {i}" --carrier product --price {10 + i}.5 --cost {5 + i}.25')
    lines += ["resource list", "segment list", "need list", "offering list", "enterprise list",
              "undo", "redo", 'resource add "Resource 0"', "enterprise show"]
    lines += [f'resource add "Extra {i}" --strength 3' for i in range(10)]
assert len(lines) == 10_000, len(lines)
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
fi
"$bin" --save "$nb" < "$script" > /dev/null 2>&1 || true   # one error cell per enterprise, on purpose
cells=$(grep -c '"cell_type": "code"' "$nb")
echo "notebook: $cells code cells, $(( $(wc -c < "$nb") / 1024 )) KB"
[ "$cells" = 10000 ] || { echo "expected 10000 code cells"; exit 1; }

# The replay must really match, and open must use the snapshot.
"$bin" -c "replay $nb" | tail -n 1
"$bin" "$nb" < /dev/null 2>&1 | grep -q "restored from its snapshot" || { echo "open did not use the snapshot"; exit 1; }

cp "$nb" "$data/save-target.ipynb"
hyperfine --warmup 3 --runs 20 --style basic -N "$bin -c help" 2>/dev/null | grep -E "Time" | sed 's/^/start-up alone (-c help): /'
hyperfine --warmup 2 --runs 20 --style basic "$bin $nb < /dev/null" 2>/dev/null | grep -E "Time|Range" | sed 's/^/open 10k cells (snapshot): /'
hyperfine --warmup 2 --runs 20 --style basic -N "$bin -c 'open $data/save-target.ipynb' -c save" 2>/dev/null | grep -E "Time|Range" | sed 's/^/open + save 10k cells: /'
hyperfine --warmup 1 --runs 10 --style basic -N "$bin -c 'replay $nb'" 2>/dev/null | grep -E "Time|Range" | sed 's/^/replay 10k cells: /'
