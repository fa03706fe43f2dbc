#!/usr/bin/env python3
"""Write a deterministic Van Westendorp survey for the `price psm` benchmark, and print on stderr
(as JSON) the figures `price psm` must give for it, computed here independently (plain Python, integer cents, no code shared with the workbench).

Usage: gen_psm.py ROWS OUT.csv [--seed N]

Columns: TooCheap,Cheap,Expensive,TooExpensive (yuan, two decimals),IntentCheap,IntentExpensive
(1-5). About 1% of respondents leave a price blank and 1% answer out of order. The respondents
are made up (a monthly e-bike battery-swap plan); ~27 bytes a row.

The conventions (issue 10; R's psm_analysis() defaults except where curves meet):
- valid: all four present and toocheap < cheap < expensive < tooexpensive;
- grid: the sorted distinct prices of the valid rows;
- F(p) = (#x <= p)/n, but 0 for p <= the question's smallest answer and 1 for p >= its largest
  (0 where both hold); toocheap = 1 - F, cheap = 1 - F, expensive = F, tooexpensive = F;
  not cheap = 1 - cheap, not expensive = 1 - expensive;
- where curves A and B meet: d = A - B on the grid; at the first pair of neighbouring prices where
  the sign of d changes (-, 0, + are three signs) the crossing is x1 - d1*(x2 - x1)/(d2 - d1)
  (the midpoint when d1 = d2); lower = (not cheap, too cheap), upper = (too expensive, not
  expensive), idp = (expensive, cheap), opp = (too expensive, too cheap);
- NMS: 5..1 -> .7 .5 .3 .1 0; per respondent 0 at toocheap and tooexpensive, calibrated at
  cheap and expensive, linear in grid position between, 0 outside; reach = mean over valid
  respondents; revenue = price * reach; the first grid price with the largest of each.
"""
import bisect
import json
import random
import sys

args = sys.argv[1:]
if len(args) < 2:
    sys.exit(__doc__)
rows, out = int(args[0]), args[1]
seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 7
rng = random.Random(seed)
CAL = {5: 0.7, 4: 0.5, 3: 0.3, 2: 0.1, 1: 0.0}


def cents(x: float) -> int:
    return max(500, int(round(x * 100)))


def text(c: int) -> str:
    return f"{c // 100}.{c % 100:02d}"


valid = []
total = invalid = 0
with open(out, "w", newline="") as f:
    f.write("TooCheap,Cheap,Expensive,TooExpensive,IntentCheap,IntentExpensive\n")
    buf = []
    for i in range(rows):
        tc = cents(rng.gauss(22, 5))
        c = tc + cents(abs(rng.gauss(9, 3))) - 400
        e = c + cents(abs(rng.gauss(12, 4))) - 400
        te = e + cents(abs(rng.gauss(10, 4))) - 400
        pc = min(5, max(1, round(rng.gauss(4, 0.9))))
        pe = min(5, max(1, round(rng.gauss(2.3, 0.9))))
        cells = [text(tc), text(c), text(e), text(te)]
        r = rng.random()
        total += 1
        if r < 0.01:
            cells[rng.randrange(4)] = ""
            invalid += 1
        elif r < 0.02:
            cells[0], cells[3] = cells[3], cells[0]
            invalid += 1
        elif not (tc < c < e < te):
            invalid += 1
        else:
            valid.append((tc, c, e, te, pc, pe))
        buf.append(",".join(cells) + f",{pc},{pe}\n")
        if len(buf) >= 10000:
            f.write("".join(buf))
            buf = []
    f.write("".join(buf))

n = len(valid)
cols = [sorted(v[q] for v in valid) for q in range(4)]
grid = sorted(set(cols[0]) | set(cols[1]) | set(cols[2]) | set(cols[3]))


def ecdf(col):
    lo, hi = col[0], col[-1]
    out = []
    for p in grid:
        if p <= lo:
            out.append(0.0)
        elif p >= hi:
            out.append(1.0)
        else:
            out.append(bisect.bisect_right(col, p) / n)
    return out


F = [ecdf(col) for col in cols]
toocheap = [1 - x for x in F[0]]
cheap = [1 - x for x in F[1]]
expensive = F[2]
tooexpensive = F[3]
not_cheap = [1 - x for x in cheap]
not_expensive = [1 - x for x in expensive]


def sign(x):
    return (x > 0) - (x < 0)


def first(a, b):
    d = [a[k] - b[k] for k in range(len(grid))]
    for k in range(1, len(grid)):
        d1, d2 = d[k - 1], d[k]
        if sign(d1) != sign(d2):
            x1, x2 = grid[k - 1] / 100, grid[k] / 100
            return (x1 + x2) / 2 if d1 == d2 else x1 - d1 * (x2 - x1) / (d2 - d1)
    return None


# NMS: each respondent's curve as second differences of a piecewise-linear function of the
# grid position (a "hat" through (a,0) (b,pc) (c,pe) (d,0)); two running sums give the values.
pos = {p: k for k, p in enumerate(grid)}
second = [0.0] * (len(grid) + 2)
for tc, c, e, te, pc, pe in valid:
    a, b, cc, d = pos[tc], pos[c], pos[e], pos[te]
    y1, y2 = CAL[pc], CAL[pe]
    s1, s2, s3 = y1 / (b - a), (y2 - y1) / (cc - b), -y2 / (d - cc)
    second[a + 1] += s1
    second[b + 1] += s2 - s1
    second[cc + 1] += s3 - s2
    second[d + 1] += -s3
trial = []
slope = value = 0.0
for k in range(len(grid)):
    slope += second[k]
    value += slope
    trial.append(max(0.0, value) / n)
revenue = [grid[k] / 100 * trial[k] for k in range(len(grid))]


def which_max(v):
    best = 0
    for k in range(1, len(v)):
        if v[k] > v[best] + 1e-12 * max(1.0, abs(v[best])):
            best = k
    return best


kt, kr = which_max(trial), which_max(revenue)
print(json.dumps({
    "total": total, "invalid": invalid, "n": n, "prices": len(grid),
    "range": [first(not_cheap, toocheap), first(tooexpensive, not_expensive)],
    "idp": first(expensive, cheap), "opp": first(tooexpensive, toocheap),
    "reach_price": grid[kt] / 100, "reach": trial[kt],
    "revenue_price": grid[kr] / 100, "revenue": revenue[kr],
}), file=sys.stderr)
