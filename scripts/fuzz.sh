#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, ASan and UBSan, and runs each for a while on
# its seed corpus (tests/fuzz/corpus/<target>). A crash, a leak, undefined behaviour or a
# broken promise (__builtin_trap in the target) fails the run and leaves the input that
# caused it in build-fuzz/crashes/.
# Usage: scripts/fuzz.sh [seconds per target, default 20]    (CI: a short smoke)
#        scripts/fuzz.sh 3600                                 (a long run, see docs/RELIABILITY.md)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}

scripts/deps.sh fuzz
build_dir=${EARMARK_FUZZ_BUILD_DIR:-build-fuzz}
# libstdc++ 12 offers std::expected only to compilers that announce C++20 concepts in full;
# clang 16 implements what <expected> needs (P0848) but still announces 201907.
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fsanitize=fuzzer-no-link -U__cpp_concepts -D__cpp_concepts=202002L"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-16 -DCMAKE_CXX_COMPILER=clang++-16 -DCMAKE_CXX_FLAGS="$flags" \
    -DEARMARK_BUILD_GUI=OFF -DEARMARK_BUILD_TESTS=OFF -DEARMARK_BUILD_BENCHMARKS=OFF -DEARMARK_BUILD_FUZZERS=ON >/dev/null
cmake --build "$build_dir" --target FuzzCsvImport FuzzJsonImport FuzzSearchQuery FuzzRules

mkdir -p "$build_dir/crashes"
status=0
for target in FuzzCsvImport FuzzJsonImport FuzzSearchQuery FuzzRules; do
    corpus="$build_dir/corpus/$target"
    mkdir -p "$corpus"
    cp -n tests/fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
    echo "fuzzing $target for ${seconds}s"
    if ! "$build_dir/tests/fuzz/$target" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
        -artifact_prefix="$build_dir/crashes/$target-" -print_final_stats=1 "$corpus" \
        >"$build_dir/$target.log" 2>&1; then
        echo "FAILED: $target (see $build_dir/$target.log and $build_dir/crashes/)"
        tail -40 "$build_dir/$target.log"
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::new_units_added" "$build_dir/$target.log" | tr '\n' ' '
        echo
    fi
done
exit $status
