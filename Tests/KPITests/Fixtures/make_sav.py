"""Writes the SPSS test file for Tests/KPITests/SPSSTests.swift: python3 make_sav.py OUT.sav

Twelve respondents with variable labels (the question texts), value labels (NPS ends, a CSAT
scale, food rated in words with codes that run the wrong way, stores), a user-defined missing
value (99 "Don't know") and system-missing answers. Needs pyreadstat (scripts/requirements.txt).
"""
import math
import sys

import pandas as pd
import pyreadstat

nan = math.nan
df = pd.DataFrame({
    "ID": [float(i) for i in range(1, 13)],
    "STORE": [1.0, 2.0] * 6,
    "Q5": [10, 9, 9, 8, 7, 6, 0, 3, 10, nan, 99, 5],
    "Q6": [5, 4, 4, 3, 2, 1, 5, 5, nan, 4, 3, 2],
    "FOOD": [1, 1, 2, 3, 1, 2, 3, 3, 1, 2, 1, 1],
    "COMMENT": ["great", "", "ok, fine", "", "", "slow", "", "", "great", "", "", ""],
})
pyreadstat.write_sav(
    df, sys.argv[1],
    column_labels={
        "ID": "Respondent",
        "STORE": "Store",
        "Q5": "How likely are you to recommend us?",
        "Q6": "How satisfied are you with your visit?",
        "FOOD": "How was the food?",
        "COMMENT": "Anything else?",
    },
    variable_value_labels={
        "STORE": {1: "North", 2: "South"},
        "Q5": {0: "Not at all likely", 10: "Extremely likely", 99: "Don't know"},
        "Q6": {1: "Very dissatisfied", 2: "Dissatisfied", 3: "Neutral", 4: "Satisfied", 5: "Very satisfied"},
        "FOOD": {1: "Yum!", 2: "Okay", 3: "Horrendous"},
    },
    missing_ranges={"Q5": [99]},
)
