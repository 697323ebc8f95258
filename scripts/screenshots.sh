#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ from the real app on the demo workspace,
# in a virtual X display. Needs xvfb and imagemagick (scripts/deps.sh screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh screenshots
build_dir=${EARMARK_BUILD_DIR:-build}
cmake --build "$build_dir" --target earmark earmark-cli

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
"$build_dir/src/cli/earmark-cli" demo --db "$work/Demo.earmark" >/dev/null

shoot() { # shoot NAME: the screen, sized to the window's default geometry, once the app has settled
    xvfb-run -a -s "-screen 0 1100x680x24" bash -c "
        '$build_dir/src/app/earmark' '$work/Demo.earmark' &
        app=\$!
        sleep 3
        import -window root 'docs/screenshots/$1.png'
        kill \$app"
}
mkdir -p docs/screenshots
shoot main-window
echo "Wrote docs/screenshots/main-window.png"
