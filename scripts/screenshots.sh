#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ from the real window on the demo workspace,
# in a virtual X display. Needs xvfb (scripts/deps.sh screenshots).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh screenshots
build_dir=${EARMARK_BUILD_DIR:-build}
cmake --build "$build_dir" --target earmark-screenshots earmark-cli

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
# A real X display the size of a laptop screen; the tool drives the window and captures it.
xvfb-run -a -s "-screen 0 1280x800x24" "$build_dir/src/tools/earmark-screenshots" docs/screenshots
# The main window light and dark on the screens people have: a laptop's and a desktop's.
for size in 1366x768 1920x1080; do
    xvfb-run -a -s "-screen 0 ${size}x24" "$build_dir/src/tools/earmark-screenshots" docs/screenshots --main-only
done

# The reports as stakeholders see them: the HTML export in a browser (Chromium, headless,
# when it is installed) and the first page of the PDF export (poppler's pdftoppm).
cli="$build_dir/src/cli/earmark-cli"
"$cli" demo --db "$work/demo.earmark" >/dev/null
"$cli" export --db "$work/demo.earmark" --out "$work/report.html" >/dev/null
"$cli" export --db "$work/demo.earmark" --out "$work/report.pdf" >/dev/null
pdftoppm -r 90 -png -f 1 -l 1 -singlefile "$work/report.pdf" docs/screenshots/report-pdf
if command -v chromium >/dev/null; then
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1300 \
        --screenshot=docs/screenshots/report-html.png "file://$work/report.html" 2>/dev/null
else
    echo "Chromium is not installed (apt-get install chromium): docs/screenshots/report-html.png is unchanged" >&2
fi
