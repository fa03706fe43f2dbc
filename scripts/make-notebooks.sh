#!/usr/bin/env bash
# Usage: make-notebooks.sh VALUEBENCH [NAME...]
# Regenerates notebooks/NAME.ipynb from its script notebooks/src/NAME.vbench (every script when
# no NAME is given). A script with any failing command is an error: the notebooks must replay
# cleanly in `make test`.
set -uo pipefail
bin=$1; shift
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  set -- $(for f in notebooks/src/*.vbench; do basename "$f" .vbench; done)
fi
status=0
for name in "$@"; do
  src=notebooks/src/$name.vbench
  out=notebooks/$name.ipynb
  [ -f "$src" ] || { echo "make-notebooks: no script $src" >&2; status=1; continue; }
  tmp=$(mktemp -d)
  # Run from the notebooks folder: a replay resolves file paths against the notebook's folder
  # (e.g. data/…), so the script must too.
  if (cd notebooks && "$bin" --save "$tmp/$name.ipynb" < "src/$name.vbench" > "$tmp/log" 2>&1); then
    mv "$tmp/$name.ipynb" "$out"
    echo "wrote $out"
  else
    echo "make-notebooks: $src has failing commands; $out left as it was:" >&2
    grep '^error:' "$tmp/log" >&2
    status=1
  fi
  rm -rf "$tmp"
done
exit $status
