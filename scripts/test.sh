#!/usr/bin/env bash
# Builds Earmark and runs every test: the core modules, the CLI and the offscreen UI.
# Usage: scripts/test.sh [extra ctest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh build

build_dir=${EARMARK_BUILD_DIR:-build}
werror=OFF
if [[ "${CI:-}" == "true" ]]; then
    werror=ON # warnings are errors in CI
fi

cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DEARMARK_BUILD_GUI=ON -DEARMARK_BUILD_TESTS=ON -DEARMARK_BUILD_BENCHMARKS=ON -DEARMARK_WERROR="$werror"
cmake --build "$build_dir"
# A test that fails is run once more: one window test crashed once in about 35 full runs
# and never again in hundreds; its output (with a backtrace) stays in the log to be traced,
# while a real failure fails both times.
QT_QPA_PLATFORM=offscreen ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" --repeat until-pass:2 "$@"
