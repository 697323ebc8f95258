#!/usr/bin/env bash
# Runs clang-tidy (Debian 12's clang-tidy-16) with .clang-tidy over the core and the CLI,
# using the compile commands of a build. Any finding fails.
# Usage: scripts/tidy.sh [build dir, default build]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}
# The build is GCC's: clang 16 spells C++23 "c++2b", and takes libstdc++ 12's <expected> as in scripts/fuzz.sh.
extra=(-extra-arg=-std=c++2b -extra-arg=-U__cpp_concepts -extra-arg=-D__cpp_concepts=202002L
    -extra-arg-before=-Wno-unknown-warning-option)
mapfile -t sources < <(git ls-files 'src/core/*.cpp' 'src/cli/*.cpp')
run-clang-tidy-16 -quiet -p "$build_dir" -j "$(nproc)" "${extra[@]}" "${sources[@]}" >"$build_dir/tidy.log" 2>&1 || true
if grep -E "(warning|error): " "$build_dir/tidy.log" | grep -v "^Error while processing" >"$build_dir/tidy-findings.log"; then
    echo "clang-tidy findings ($(wc -l <"$build_dir/tidy-findings.log")):"
    sort -u "$build_dir/tidy-findings.log" | head -60
    exit 1
fi
echo "clang-tidy: ${#sources[@]} files, no findings"
