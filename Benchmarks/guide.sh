#!/usr/bin/env bash
# Guide speed (issue 6): every guide screen judges all five steps from the workspace, so it must
# stay quick on large inputs too.
#  - the CATL notebook's script (the everyday case: ~80 commands, a dozen guide screens);
#  - `guide check --all` + `guide report` for one enterprise among 100,000 imported ones (its
#    20,000 same-industry competitors are all on its canvas), minus the import alone;
#  - `guide check --step 3` on a 600-node, ~2,400-edge value model (the loop search counts up to
#    its limit), minus building the model.
# Usage: Benchmarks/guide.sh path/to/release/valuebench
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/.build/release/valuebench}")
data=$root/bench-data
mkdir -p "$data"
[ -f "$data/enterprises-100k.csv" ] || python3 "${VALUEBENCH_SHARED:-$root/../shared}/bench/gen_enterprises.py" 100000 12 "$data/enterprises-100k.csv" >/dev/null
python3 - "$data" <<'PY'
import random, sys
d = sys.argv[1]
random.seed(7)
stages = ["resource", "activity", "value", "revenue", "profit", "reinvestment"]
names = {s: [f"{s[:3].upper()} {i}" for i in range(100)] for s in stages}
lines = ['enterprise add "Model Co"', "model add Big"]
for s in stages:
    for k in range(0, 100, 50):
        lines.append("model node add Big " + " ".join(f'"{n}"' for n in names[s][k:k + 50]) + f" --stage {s}")
edges = set()
for a, b in zip(stages, stages[1:] + stages[:1]):
    for n in names[a]:
        for m in random.sample(names[b], 4):
            edges.add((n, m))
for (n, m) in sorted(edges):
    lines.append(f'model edge add Big "{n}" "{m}"' + (" --polarity -" if random.random() < 0.2 else ""))
open(f"{d}/guide-model.vbench", "w").write("\n".join(lines) + "\n")
PY

run() { hyperfine --warmup 1 --runs 5 --style basic --export-json "$data/guide-h.json" "$1" >/dev/null 2>&1
        python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.3f" % r["mean"])' "$data/guide-h.json"; }

import="$bin -c 'diff import $data/enterprises-100k.csv' -c 'use E000000'"
a=$(run "$import")
b=$(run "$import -c 'guide start' -c 'guide check --all' -c 'guide report'")
echo "100,000 enterprises: import $a s; import + guide start/check --all/report $b s; the guide's part $(python3 -c "print(f'{$b-$a:.3f}')") s"

m=$(run "$bin < $data/guide-model.vbench")
c=$(run "(cat $data/guide-model.vbench; echo 'guide check --step 3') | $bin")
echo "600-node model: build $m s; build + guide check --step 3 $c s; the guide's part $(python3 -c "print(f'{$c-$m:.3f}')") s"

s=$(run "cd $root/notebooks && $bin < src/catl.vbench")
echo "CATL notebook script (whole process): $s s"
