#!/usr/bin/env bash
# Modeling speed (issue 2, "The workspace and its commands"):
#  - a 20,000-line script of sub-object commands on one enterprise (resources, segments, needs,
#    offerings, reliefs; every name checked for duplicates and references);
#  - a value model of 600 nodes and ~2,400 signed edges built through commands, then
#    `model check` on it: Johnson's algorithm counting its loops up to the limit (200,000);
#  - `model check` on the example CATL model (the everyday case).
# Usage: Benchmarks/modeling.sh path/to/release/valuebench
set -euo pipefail
bin=${1:-.build/release/valuebench}
data=bench-data
mkdir -p "$data"
python3 - "$data" <<'PY'
import random, sys
d = sys.argv[1]
random.seed(7)
with open(f"{d}/objects-20k.vbench", "w") as f:
    f.write("enterprise add \"Big Co\" --industry batteries\n")
    for i in range(5000):
        f.write(f'resource add "Resource {i}" --kind technology --strength {i % 11} --valuable\n')
    for i in range(1000):
        f.write(f'segment add "Segment {i}" --size {i * 10}\n')
    for i in range(5000):
        f.write(f'need add "Need {i}" --segment "Segment {i % 1000}" --type pain --importance {1 + i % 5}\n')
    for i in range(4000):
        f.write(f'offering add "Offering {i}" --carrier product --price {100 + i % 50} --cost {60 + i % 30}\n')
    for i in range(4999):
        f.write(f'relief set "Offering {i % 4000}" "Need {i}" --functional {i % 11} --emotional {(i * 7) % 11}\n')
    f.write("relief list --json\n")
stages = ["resource", "activity", "value", "revenue", "profit", "reinvestment"]
per = 100
names = {s: [f"{s[:3].upper()} {i}" for i in range(per)] for s in stages}
lines = ["enterprise add \"Model Co\"", "model add Big"]
for s in stages:
    for k in range(0, per, 50):
        lines.append(f"model node add Big " + " ".join(f'"{n}"' for n in names[s][k:k + 50]) + f" --stage {s}")
edges = set()
for a, b in zip(stages, stages[1:] + stages[:1]):
    for n in names[a]:
        for m in random.sample(names[b], 4):
            edges.add((n, m))
for (n, m) in sorted(edges):
    sign = " --polarity -" if random.random() < 0.2 else ""
    lines.append(f'model edge add Big "{n}" "{m}"{sign}')
with open(f"{d}/model-build.vbench", "w") as f:
    f.write("\n".join(lines) + "\n")
with open(f"{d}/model-check.vbench", "w") as f:
    f.write("\n".join(lines) + "\nmodel check Big --json\n")
PY
# Examples of the plugin: the CATL workspace, then its model checked 1,000 times.
"$bin" -c 'help --json' | python3 -c '
import json, subprocess, sys
cmds = [c["command"] for c in json.load(sys.stdin) if c["plugin"] == "model"]
with open("bench-data/catl.vbench", "w") as f:
    for c in cmds:
        for e in json.loads(subprocess.run([sys.argv[1], "-c", f"help {c} --json"], capture_output=True, text=True).stdout)["examples"]:
            f.write(e + "\n")
    for _ in range(1000):
        f.write("model check Base --json\n")
' "$bin"

# The scripts must really have run.
n=$("$bin" < "$data/objects-20k.vbench" | tail -n 1 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$n" = 4999 ] || { echo "objects script listed $n reliefs, expected 4999"; exit 1; }
loops=$("$bin" < "$data/model-check.vbench" 2>/dev/null | tail -n 1 | python3 -c 'import json,sys; l=json.load(sys.stdin)["loops"]; print(l["total"], "complete" if l["complete"] else "(count limit)")')
echo "model check on 600 nodes, $(grep -c '^model edge add' "$data/model-build.vbench") edges: $loops loops"

hyperfine --warmup 1 --runs 5 --style basic "$bin < $data/objects-20k.vbench > /dev/null" 2>/dev/null \
  | grep -E "Time|Range" | sed 's/^/20k-line objects script: /'
hyperfine --warmup 1 --runs 5 --style basic "$bin < $data/model-build.vbench > /dev/null" 2>/dev/null \
  | grep -E "Time|Range" | sed 's/^/600-node model built: /'
hyperfine --warmup 1 --runs 5 --style basic "$bin < $data/model-check.vbench > /dev/null" 2>/dev/null \
  | grep -E "Time|Range" | sed 's/^/600-node model built + checked: /'
hyperfine --warmup 1 --runs 5 --style basic "$bin < $data/catl.vbench > /dev/null" 2>/dev/null \
  | grep -E "Time|Range" | sed 's/^/CATL examples + 1,000 model checks: /'
