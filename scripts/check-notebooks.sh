#!/usr/bin/env bash
# Usage: check-notebooks.sh VALUEBENCH PYTHON NOTEBOOK...
# Validates each notebook strictly (the raw nbformat 4.5 JSON schema, Draft 4, plus unique cell
# ids; and that it is written byte for byte as nbformat writes it), then replays it with
# `valuebench -c 'replay FILE'` (exit 0 all matched, 1 a mismatch, 2 unreadable).
set -uo pipefail
bin=$1; py=$2; shift 2
passed=0; failed=0
for nb in "$@"; do
  if [ ! -f "$nb" ]; then echo "missing notebook: $nb"; failed=$((failed + 1)); continue; fi
  ok=1
  "$py" scripts/validate_notebook.py --roundtrip "$nb" || ok=0
  if ! out=$("$bin" -c "replay '$nb'" 2>&1); then
    printf '%s\n' "$out"
    echo "replay failed: $nb"
    ok=0
  fi
  if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "notebooks: $passed passed, $failed failed"
[ $failed = 0 ] && [ $passed -gt 0 ]
