#!/usr/bin/env bash
# Issue 2's speed targets: start-up (`valuebench -c help` ≤ 20 ms) and throughput (a
# 100,000-line script of `enterprise add` plus one `enterprise list --json` ≤ 0.3 s).
# Usage: Benchmarks/session.sh path/to/release/valuebench
set -euo pipefail
bin=${1:-.build/release/valuebench}
data=bench-data
mkdir -p "$data"
script=$data/enterprises-100k.vbench
if [ ! -f "$script" ]; then
  python3 - "$script" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(100_000):
        f.write(f'enterprise add "Enterprise {i}" --industry manufacturing\n')
    f.write("enterprise list --json\n")
PY
fi

# The script must really have run: 100,000 enterprises in the final JSON.
count=$("$bin" < "$script" | tail -n 1 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$count" = 100000 ] || { echo "throughput script listed $count enterprises, expected 100000"; exit 1; }

hyperfine --warmup 3 --runs 30 --style basic -N "$bin -c help" 2>/dev/null | grep -E "Time|Range" | sed 's/^/start-up (-c help): /'
hyperfine --warmup 1 --runs 10 --style basic "$bin < $script > /dev/null" 2>/dev/null \
  | grep -E "Time|Range" | sed 's/^/100k-line script: /'
/usr/bin/time -f "100k-line script: peak memory %M KB" "$bin" < "$script" 2>&1 >/dev/null | tail -n 1
