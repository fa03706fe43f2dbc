#!/usr/bin/env bash
# Usage: check-notebooks.sh VALUEBENCH PYTHON NOTEBOOK...
# Replays each notebook and validates it strictly against the nbformat 4.5 schema.
set -uo pipefail
bin=$1; py=$2; shift 2
status=0
for nb in "$@"; do
  [ -f "$nb" ] || continue
  "$py" scripts/validate_notebook.py "$nb" || status=1
  "$bin" -c "replay $nb" >/dev/null || { echo "replay failed: $nb"; status=1; }
done
exit $status
