#!/usr/bin/env bash
# Growth per line (issue 14, items 1 and 13): a script of one command per line, for every kind
# of object, at 2,000 and 8,000 lines. Each line must cost O(log n) or O(1) amortised, so the
# 8,000-line script takes about four times the 2,000-line one (not sixteen), and memory grows
# linearly. Prints seconds and peak RSS (/usr/bin/time -v) for each, and the time ratio.
# Usage: Benchmarks/growth.sh path/to/release/valuebench
set -euo pipefail
bin=${1:-.build/release/valuebench}
data=bench-data/growth
mkdir -p "$data"
python3 - "$data" <<'PY'
import sys
d = sys.argv[1]
def periods(n):
    # n distinct days from 1900-01-01 on (ISO dates), all of one kind.
    import datetime
    start = datetime.date(1900, 1, 1)
    return [(start + datetime.timedelta(days=i)).isoformat() for i in range(n)]
kinds = {
    "enterprise add": lambda n: [f'enterprise add "E {i}"' for i in range(n)],
    "factor set": lambda n: ['enterprise add A'] + [f'factor set A "Factor {i}" {i % 11}' for i in range(n)],
    "kpi record": lambda n: ['enterprise add A'] + [f'kpi record nps {i % 100} --period {p}' for i, p in enumerate(periods(n))],
    "segment add": lambda n: ['enterprise add A'] + [f'segment add "Segment {i}" --size {i}' for i in range(n)],
    "need add": lambda n: ['enterprise add A', 'segment add S'] + [f'need add "Need {i}" --segment S --type pain' for i in range(n)],
    "offering add": lambda n: ['enterprise add A'] + [f'offering add "Offering {i}" --carrier product' for i in range(n)],
    "resource add": lambda n: ['enterprise add A'] + [f'resource add "Resource {i}" --kind technology' for i in range(n)],
    "relief set": lambda n: ['enterprise add A', 'segment add S', 'offering add O --carrier product']
        + [f'need add "Need {i}" --segment S --type pain' for i in range(n)]
        + [f'relief set O "Need {i}" --functional {i % 11} --emotional {i % 7}' for i in range(n)],
    "initiative add": lambda n: ['enterprise add A'] + [f'initiative add "Initiative {i}" --element innovation' for i in range(n)],
    "model node add": lambda n: ['enterprise add A', 'model add M'] + [f'model node add M "Node {i}" --stage value' for i in range(n)],
    "model edge add": lambda n: ['enterprise add A', 'model add M']
        + [f'model node add M "Node {i}" --stage value' for i in range(n // 4 + 5)]
        + [f'model edge add M "Node {i // 4}" "Node {i // 4 + 1 + i % 4}"' for i in range(n)],
}
for name, make in kinds.items():
    for n in (2000, 8000):
        with open(f"{d}/{name.replace(' ', '-')}-{n}.vbench", "w") as f:
            f.write("\n".join(make(n)) + "\n")
PY
run() {  # prints "seconds MB" of one run; stops the benchmark when the script had an error
    /usr/bin/time -v -o "$data/time" "$bin" < "$1" > /dev/null 2> "$data/stderr" \
        || { echo "$1 failed: $(head -c 300 "$data/stderr")" >&2; exit 1; }
    ! grep -q '^error' "$data/stderr" || { echo "$1: $(grep -m1 '^error' "$data/stderr")" >&2; exit 1; }
    awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); t = 0; for (i = 1; i <= n; i++) t = t * 60 + p[i]; s = t }
                /Maximum resident set size/ { mb = $2 / 1024 }
                END { printf "%s %.0f\n", s, mb }' "$data/time"
}
for kind in "enterprise add" "factor set" "kpi record" "segment add" "need add" "offering add" "resource add" \
            "relief set" "initiative add" "model node add" "model edge add"; do
    f=${kind// /-}
    r2=$(run "$data/$f-2000.vbench") || exit 1
    r8=$(run "$data/$f-8000.vbench") || exit 1
    read -r s2 m2 <<< "$r2"
    read -r s8 m8 <<< "$r8"
    ratio=$(awk -v a="$s2" -v b="$s8" 'BEGIN { printf "%.1f", (a > 0 ? b / a : 0) }')
    printf '%-15s 2,000 lines: %6.2f s %5d MB; 8,000 lines: %6.2f s %5d MB (time ×%s)\n' \
        "$kind" "$s2" "$m2" "$s8" "$m8" "$ratio"
done
