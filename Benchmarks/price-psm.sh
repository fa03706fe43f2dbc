#!/usr/bin/env bash
# Issue 10's speed target: `price psm` with the NMS extension over a 1,000,000-respondent export
# (≈ 27 MB: four price columns with two decimals, two intent columns) in ≤ 0.3 s as a whole
# process and ≤ 64 MB peak memory, with exactly the figures R's pricesensitivitymeter gives
# (computed independently by Benchmarks/gen_psm.py, which prints them when it writes the file).
# Usage: Benchmarks/price-psm.sh path/to/release/valuebench
set -euo pipefail
bin=${1:-.build/release/valuebench}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
data=$root/bench-data
mkdir -p "$data"
survey=$data/psm.csv
expected=$data/psm.expected.json
if [ ! -f "$survey" ] || [ ! -s "$expected" ]; then
  echo "generating $survey (1,000,000 respondents, once; about a minute)…"
  python3 "$root/Benchmarks/gen_psm.py" 1000000 "$survey" 2> "$expected"
fi
command="price psm $survey --too-cheap TooCheap --cheap Cheap --expensive Expensive --too-expensive TooExpensive --pi-cheap IntentCheap --pi-expensive IntentExpensive"
cat "$survey" > /dev/null  # into the page cache

"$bin" -c "$command --json" | python3 -c '
import json, sys
got = json.load(sys.stdin)
want = json.load(open(sys.argv[1]))
exact = ["total", "invalid", "n", "prices", "range", "idp", "opp", "reach_price", "revenue_price"]
bad = [f"{k}: got {got.get(k)!r}, expected {want[k]!r}" for k in exact if got.get(k) != want[k]]
# Reach and revenue are sums over a million respondents, added in a different order here and
# there: equal to 1e-9 relative.
for k in ["reach", "revenue"]:
    if abs(got.get(k, 0) - want[k]) > 1e-9 * max(1, abs(want[k])):
        bad.append(f"{k}: got {got.get(k)!r}, expected {want[k]!r}")
if bad:
    sys.exit("price psm figures differ from the generator: " + "; ".join(bad))
g = got
print("price psm: figures exact (range %s, OPP %s, IDP %s, reach max at %s, revenue max at %s; %s of %s valid)"
      % (g["range"], g["opp"], g["idp"], g["reach_price"], g["revenue_price"], "{:,}".format(g["n"]), "{:,}".format(g["total"])))
' "$expected"

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 2 --runs 15 --style basic -N "$bin -c '$command'" 2>/dev/null | grep -E "Time|Range" | sed 's/^/price psm 1M: /'
else
  for i in 1 2 3 4 5; do /usr/bin/time -f "price psm 1M: %e s wall" "$bin" -c "$command" 2>&1 >/dev/null | tail -n 1; done
fi
/usr/bin/time -f "price psm 1M: peak memory %M KB, %e s wall, %U s user, %S s system" "$bin" -c "$command" 2>&1 >/dev/null | tail -n 1
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (the target assumes an otherwise idle machine)"
