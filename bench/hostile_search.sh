#!/usr/bin/env bash
# Times earmark-cli search on hostile queries over a 100k-call workspace, beside a plain
# one-word search as the floor in the same run (median of 5 each, wall clock, whole process).
# Usage: bench/hostile_search.sh [workspace, default bench/out/search-100k.earmark]
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${EARMARK_CLI:-build/src/cli/earmark-cli}
db=${1:-bench/out/search-100k.earmark}
[[ -f "$db" ]] || "$cli" generate --calls 100000 --seed 1 --db "$db" >/dev/null
common="the and to a of it was I my for in on but with that is not so very they"
words=""
for i in $(seq 1 40); do words+="$common "; done
sixty_four=""
for w in $common; do for s in "" s ed ing; do sixty_four+="$w$s "; done; done
declare -A queries=(
    ["floor: zip"]="zip"
    ["800 repeated common words"]="$words"
    ["64 different common words"]="$(echo "$sixty_four" | cut -d' ' -f1-64)"
    ["16 nested parentheses"]="$(printf '(%.0s' {1..16})zip OR strap$(printf ')%.0s' {1..16})"
    ["10,000 nested parentheses"]="$(printf '(%.0s' $(seq 1 10000))zip$(printf ')%.0s' $(seq 1 10000))"
    ["not UTF-8"]=$'broke\xff'
)
echo "| query | median ms | exit |"
echo "|---|---:|---:|"
for name in "floor: zip" "800 repeated common words" "64 different common words" "16 nested parentheses" \
    "10,000 nested parentheses" "not UTF-8"; do
    times=()
    code=0
    for _ in 1 2 3 4 5; do
        start=$(date +%s%N)
        "$cli" search --json --db "$db" "${queries[$name]}" >/dev/null 2>&1 || code=$?
        times+=($(( ($(date +%s%N) - start) / 1000000 )))
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
    echo "| $name | $median | $code |"
done
