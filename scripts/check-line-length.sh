#!/usr/bin/env bash
# Fails, listing FILE:LINE: COLUMNS, when a .swift line is wider than 120 columns (the limit of
# .swift-format, which `swift format` does not enforce on string literals and comments).
# Usage: scripts/check-line-length.sh [FOLDER...]   (default: Sources Plugins Tests Fuzz)
set -euo pipefail
# perl -CSD reads UTF-8: a column is a character, not a byte.
limit=120
folders=("$@")
[ ${#folders[@]} -gt 0 ] || folders=(Sources Plugins Tests Fuzz)
prune=(-path '*/.*' -prune -o) # .build and other hidden folders
found=$(find "${folders[@]}" "${prune[@]}" -name '*.swift' -type f -print0 | sort -z |
    xargs -0 -r perl -CSD -ne \
        'chomp; printf "%s:%d: %d columns\n", $ARGV, $., length if length > '"$limit"';
         close ARGV if eof')
if [ -n "$found" ]; then
    echo "$found"
    echo "error: $(echo "$found" | wc -l) line(s) over $limit columns;" \
        "break string literals with \\ line continuations (or adjacent pieces) and reflow comments" >&2
    exit 1
fi
