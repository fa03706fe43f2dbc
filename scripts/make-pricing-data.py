#!/usr/bin/env python3
"""Write the illustrative pricing surveys shipped in notebooks/data/ (deterministic).

The respondents are MADE UP: a plausible Van Westendorp survey and a Gabor-Granger survey about
a monthly battery-swap plan for e-bike riders (yuan per month), in the spirit of the CATL seed
case (Choco-swap). They illustrate `price psm` and `price demand`; they measure nothing.

Usage: scripts/make-pricing-data.py [OUT_DIR]   (default notebooks/data)
Writes pricing-survey.csv (PSM with purchase intents and a Segment column, a few blank and
out-of-order answers as real exports have) and pricing-demand.csv (yes/no at 39..79 yuan).
"""
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "notebooks/data"
rng = random.Random(20261203)


def price(x: float) -> str:
    # Respondents answer round-ish prices: whole yuan, sometimes .5 or .9.
    v = max(5.0, x)
    ending = rng.choice([0.0, 0.0, 0.0, 0.5, 0.9])
    v = int(v) + ending
    return f"{v:.2f}".rstrip("0").rstrip(".")


with open(os.path.join(out, "pricing-survey.csv"), "w", newline="") as f:
    f.write("ResponseId,Segment,TooCheap,Cheap,Expensive,TooExpensive,IntentCheap,IntentExpensive\n")
    for i in range(1, 241):
        segment = "Couriers" if i % 3 == 0 else "Commuters"
        base = 42 if segment == "Couriers" else 30
        tc = rng.gauss(base, 6)
        c = tc + abs(rng.gauss(12, 4)) + 1
        e = c + abs(rng.gauss(18, 5)) + 1
        te = e + abs(rng.gauss(14, 5)) + 1
        cells = [price(tc), price(c), price(e), price(te)]
        pc = min(5, max(1, round(rng.gauss(4, 0.9))))
        pe = min(5, max(1, round(rng.gauss(2.3, 0.9))))
        if i % 47 == 0:
            cells[rng.randrange(4)] = ""          # a skipped question
        elif i % 53 == 0:
            cells[1], cells[2] = cells[2], cells[1]  # answered out of order
        f.write(f"R{i:04d},{segment},{','.join(cells)},{pc},{pe}\n")

prices = [39, 49, 59, 69, 79]
with open(os.path.join(out, "pricing-demand.csv"), "w", newline="") as f:
    f.write("ResponseId,Segment," + ",".join(f"Buy{p}" for p in prices) + "\n")
    for i in range(1, 201):
        segment = "Couriers" if i % 3 == 0 else "Commuters"
        limit = rng.gauss(62 if segment == "Couriers" else 52, 11)
        answers = []
        for p in prices:
            yes = p <= limit
            if rng.random() < 0.04:
                yes = not yes  # an inconsistent answer, made monotone by the analysis
            answers.append("yes" if yes else "no")
        if i % 41 == 0:
            answers[-1] = ""  # not asked the highest price
        f.write(f"R{i:04d},{segment}," + ",".join(answers) + "\n")
