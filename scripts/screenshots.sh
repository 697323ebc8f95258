#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ from the real window on the demo workspace,
# in a virtual X display. Needs xvfb (scripts/deps.sh screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh screenshots
build_dir=${EARMARK_BUILD_DIR:-build}
cmake --build "$build_dir" --target earmark-screenshots

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
# A real X display the size of a laptop screen; the tool drives the window and captures it.
xvfb-run -a -s "-screen 0 1280x800x24" "$build_dir/src/tools/earmark-screenshots" docs/screenshots
