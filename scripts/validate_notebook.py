#!/usr/bin/env python3
"""Validate notebooks strictly: the raw nbformat 4.5 JSON schema (Draft 4) and unique cell ids.

nbformat.validate() silently repairs missing or duplicate ids, and `python -m nbformat.validator`
checks nothing; this script validates the file as it is on disk.

Usage: validate_notebook.py [--roundtrip] NOTEBOOK...
  --roundtrip  also require nbformat.writes(nbformat.reads(F)) + "\\n" to give back F's bytes
               (the file is written exactly as Jupyter writes it).
Exit status: 0 all valid, 1 otherwise.
"""
import json
import os
import sys

import jsonschema
import nbformat


def schema():
    path = os.path.join(os.path.dirname(nbformat.__file__), "v4", "nbformat.v4.5.schema.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check(path, validator, roundtrip):
    problems = []
    try:
        with open(path, "rb") as f:
            raw = f.read()
        nb = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        return [f"cannot read: {e}"]
    for error in sorted(validator.iter_errors(nb), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in error.path) or "(top)"
        problems.append(f"schema: {where}: {error.message[:300]}")
    seen = {}
    for i, cell in enumerate(nb.get("cells", []) if isinstance(nb, dict) else []):
        cid = cell.get("id") if isinstance(cell, dict) else None
        if cid is None:
            problems.append(f"cell {i + 1}: no id")
        elif cid in seen:
            problems.append(f"cell {i + 1}: id {cid!r} already used by cell {seen[cid] + 1}")
        else:
            seen[cid] = i
    if roundtrip and not problems:
        again = nbformat.writes(nbformat.reads(raw.decode("utf-8"), as_version=4)) + "\n"
        if again.encode("utf-8") != raw:
            a, b = again.encode("utf-8"), raw
            at = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
            problems.append(f"not byte-identical to nbformat.writes(): first difference at byte {at}: "
                            f"file {b[at:at + 60]!r} vs nbformat {a[at:at + 60]!r}")
    return problems


def main(argv):
    roundtrip = "--roundtrip" in argv
    paths = [a for a in argv if a != "--roundtrip"]
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    validator = jsonschema.Draft4Validator(schema())
    status = 0
    for path in paths:
        problems = check(path, validator, roundtrip)
        for p in problems:
            print(f"{path}: {p}", file=sys.stderr)
        if problems:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
