#!/usr/bin/env bash
# Builds Earmark and opens the desktop app on a demo workspace of about 40 calls.
# The demo lives in $XDG_DATA_HOME/earmark/demo.earmark and is made on the first run.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh build

build_dir=${EARMARK_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEARMARK_BUILD_GUI=ON
cmake --build "$build_dir" --target earmark earmark-cli

data_dir=${XDG_DATA_HOME:-$HOME/.local/share}/earmark
demo="$data_dir/demo.earmark"
if [[ ! -f "$demo" ]]; then
    "$build_dir/src/cli/earmark-cli" demo --db "$demo"
fi
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "No display found: the demo workspace is at $demo." >&2
    echo "Run this from a desktop session, or under Xvfb: xvfb-run -a $0" >&2
    exit 1
fi
exec "$build_dir/src/app/earmark" "$demo"
