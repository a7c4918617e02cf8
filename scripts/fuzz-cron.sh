#!/usr/bin/env bash
# Fuzzes the cron parser and scheduler with libFuzzer (+ AddressSanitizer, UBSan).
# Usage: scripts/fuzz-cron.sh [SECONDS=60] [extra libFuzzer flags...]
# Builds tests/fuzz/fuzz_cronparse.cpp with clang++ against the cron sources directly (not
# part of the CMake build) into $FUZZ_BUILD_DIR (default build-fuzz/), keeps the corpus in
# build-fuzz/corpus and any crash reproducer in build-fuzz/artifacts.
# Needs clang and its libFuzzer runtime (Debian: clang, libclang-rt-14-dev).
set -euo pipefail

seconds="${1:-60}"
shift || true
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
cxx="${CXX_FUZZ:-clang++}"
mkdir -p "$out/corpus" "$out/artifacts"

sources=(
    "$root/tests/fuzz/fuzz_cronparse.cpp"
    "$root/core/cron/cronexpression.cpp"
    "$root/core/cron/cronfield.cpp"
    "$root/core/cron/cronmatcher.cpp"
    "$root/core/cron/cronsearch.cpp"
    "$root/core/cron/zonerules.cpp"
    "$root/core/cron/localtime.cpp"
    "$root/core/cron/crondescription.cpp"
    "$root/core/cron/cronoracle.cpp"
)

binary="$out/fuzz_cronparse"
newest_source=$(ls -t "${sources[@]}" "$root"/core/cron/*.h "$0" | head -1)
if [ ! -x "$binary" ] || [ "$newest_source" -nt "$binary" ]; then
    echo "fuzz-cron: building $binary"
    # shellcheck disable=SC2046
    "$cxx" -std=c++20 -g -O1 -fPIC \
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_USE_QSTRINGBUILDER \
        -I"$root/core" $(pkg-config --cflags Qt6Core) \
        "${sources[@]}" $(pkg-config --libs Qt6Core) -o "$binary"
fi

# A few seeds covering the syntax.
seeds=("* * * * *" "*/15 0-23/2 1,15 JAN-DEC MON-FRI" "0 18 LW * *" "0 0 L-2 * ?"
       "0 0 15W * *" "0 0 * * 5L" "0 0 * * 1#2" "30 2,3 * * *" "*/10 * * * * *" "@weekly"
       "0 0 29 2 *" "0 0 13 * 5" "0 0 */2 * 5" "20,40 2 * * *")
for i in "${!seeds[@]}"; do
    printf '%s' "${seeds[$i]}" > "$out/corpus/seed-$i"
done

# Tokens of the grammar, so mutations reach deep into valid expressions.
cat > "$out/cron.dict" <<'DICT'
"*"
"?"
"/"
"-"
","
" "
"L"
"W"
"LW"
"L-"
"#"
"@yearly"
"@monthly"
"@weekly"
"@daily"
"@hourly"
"MON"
"fri"
"SUN"
"JAN"
"dec"
"*/"
"59"
"23"
"31"
"12"
"7"
DICT

echo "fuzz-cron: running for ${seconds}s"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
exec "$binary" -max_total_time="$seconds" -max_len=200 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$out/artifacts/" -dict="$out/cron.dict" -print_final_stats=1 "$@" \
    "$out/corpus"
