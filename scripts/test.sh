#!/usr/bin/env bash
# Builds Earmark and runs every test and check: formatting, the full build (core, CLI,
# window) and its tests, clang-tidy, the build without Qt and its tests, and a short run of
# the fuzz targets. A test that fails, fails the run: nothing is retried.
# Usage: scripts/test.sh [extra ctest arguments]
# EARMARK_FUZZ_SECONDS (default 15) sets how long each fuzz target runs; 0 skips fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh check

build_dir=${EARMARK_BUILD_DIR:-build}
werror=OFF
if [[ "${CI:-}" == "true" ]]; then
    werror=ON # warnings are errors in CI
fi

echo "== formatting"
scripts/check-format.sh

echo "== the full build"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DEARMARK_BUILD_GUI=ON -DEARMARK_BUILD_TESTS=ON -DEARMARK_BUILD_BENCHMARKS=ON -DEARMARK_WERROR="$werror"
cmake --build "$build_dir"

echo "== clang-tidy"
scripts/tidy.sh "$build_dir"

echo "== without Qt: core, CLI and their tests (what a server or a script builds)"
nogui_dir="$build_dir-nogui"
cmake -S . -B "$nogui_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DEARMARK_BUILD_GUI=OFF -DEARMARK_BUILD_TESTS=ON -DEARMARK_BUILD_BENCHMARKS=OFF -DEARMARK_WERROR="$werror"
cmake --build "$nogui_dir"
ctest --test-dir "$nogui_dir" --output-on-failure -j "$(nproc)" "$@"

fuzz_seconds=${EARMARK_FUZZ_SECONDS:-15}
if [[ "$fuzz_seconds" != 0 ]]; then
    echo "== fuzzing, ${fuzz_seconds}s per target"
    EARMARK_FUZZ_BUILD_DIR="$build_dir-fuzz" scripts/fuzz.sh "$fuzz_seconds"
fi

echo "== every test of the full build"
# Last, so that its summary closes the run.
QT_QPA_PLATFORM=offscreen ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" "$@"
