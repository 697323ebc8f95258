#!/usr/bin/env bash
# Fails when a C++ source is not formatted as .clang-format says; lists the files.
# Fix with: cmake --build build --target format
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t sources < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find src tests bench -name '*.cpp' -o -name '*.h')
bad=()
for file in "${sources[@]}"; do
    if ! clang-format --dry-run -Werror "$file" >/dev/null 2>&1; then
        bad+=("$file")
    fi
done
if [[ ${#bad[@]} -gt 0 ]]; then
    echo "Not formatted (run: cmake --build build --target format):"
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
echo "format: ${#sources[@]} files formatted as .clang-format says"
