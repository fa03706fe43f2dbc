#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (Fuzz/README.md).
#   Fuzz/run.sh build            build every target into .build/fuzz
#   Fuzz/run.sh fuzz [SECONDS]   fuzz each target SECONDS (FUZZ_SECONDS, default 60) from its corpus
#   Fuzz/run.sh smoke [SECONDS]  replay each corpus and Fuzz/regressions/<target>/, then fuzz a few seconds
# New inputs go to .build/fuzz/corpus/<target> (the committed corpus is only read); crashes to
# .build/fuzz/crashes/<target>/ (copy one to Fuzz/regressions/<target>/ to keep it found).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/.build/fuzz"
SWIFT=${SWIFT:-swift}
CLANG=${CLANG:-$(dirname "$(readlink -f "$(command -v "$SWIFT")")")/clang}
[ -x "$CLANG" ] || CLANG=clang
SWIFT_TARGETS=(FuzzCommandLine FuzzNotebook FuzzSurveyCSV FuzzDiffImport)
C_TARGETS=(fuzz_fastscan fuzz_nearest)

build() {
    mkdir -p "$OUT/bin"
    "$SWIFT" build --package-path Fuzz --scratch-path "$OUT/swiftpm" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xcc -fsanitize=fuzzer-no-link,address >&2
    for t in "${SWIFT_TARGETS[@]}"; do cp "$OUT/swiftpm/debug/$t" "$OUT/bin/$t"; done
    "$CLANG" -g -O1 -fuse-ld=lld -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -I Sources/CFastScan/include Fuzz/Targets/fuzz_fastscan/fuzz_fastscan.c Sources/CFastScan/cfastscan.c \
        -o "$OUT/bin/fuzz_fastscan"
    "$CLANG" -g -O1 -fuse-ld=lld -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -lpthread \
        -I Sources/CNearest/include Fuzz/Targets/fuzz_nearest/fuzz_nearest.c Sources/CNearest/cnearest.c \
        Sources/CNearest/kernels_base.c Sources/CNearest/kernels_avx2.c Sources/CNearest/kernels_vnni.c \
        -o "$OUT/bin/fuzz_nearest"
}

# run TARGET SECONDS NEW: fuzz SECONDS from the committed corpus and the regressions, new inputs into NEW.
run() {
    local t=$1 seconds=$2 max_len=4096
    [ "$t" = FuzzNotebook ] && max_len=16384
    mkdir -p "$OUT/crashes/$t" "Fuzz/regressions/$t"
    echo "== $t: ${seconds}s"
    local status=0
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no \
    "$OUT/bin/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=$max_len \
        -artifact_prefix="$OUT/crashes/$t/" -print_final_stats=1 \
        "$3" "Fuzz/corpus/$t" "Fuzz/regressions/$t" > "$OUT/$t.log" 2>&1 || status=$?
    grep -E "^(INFO: seed corpus|#[0-9]+ +DONE|stat::number_of_executed_units|SUMMARY|ERROR|Done)|Fatal error" \
        "$OUT/$t.log" || true
    if [ "$status" -ne 0 ]; then echo "$t: FAILED (log: $OUT/$t.log; the input is in $OUT/crashes/$t/)"; return 1; fi
}

case "${1:-fuzz}" in
build) build ;;
fuzz)
    build
    for t in "${SWIFT_TARGETS[@]}" "${C_TARGETS[@]}"; do
        mkdir -p "$OUT/corpus/$t"
        run "$t" "${2:-${FUZZ_SECONDS:-60}}" "$OUT/corpus/$t"
    done ;;
smoke)
    build
    # New inputs go to a folder thrown away: the smoke replays only what is committed.
    scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
    for t in "${SWIFT_TARGETS[@]}" "${C_TARGETS[@]}"; do
        mkdir -p "$scratch/$t"
        run "$t" "${2:-${FUZZ_SMOKE_SECONDS:-5}}" "$scratch/$t"
    done ;;
*) echo "usage: Fuzz/run.sh build|fuzz [SECONDS]|smoke [SECONDS]" >&2; exit 2 ;;
esac
