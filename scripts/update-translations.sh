#!/usr/bin/env bash
# Refreshes resources/translations/earmark_en.ts: the English plural forms of every
# tr("... %n thing(s) ...") in the window. Run it after adding or changing such a string;
# the build compiles the file into the application (lrelease).
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
"$lupdate" -silent -pluralonly -locations none -no-obsolete -source-language en -target-language en \
    src/ui src/app src/tools -ts resources/translations/earmark_en.ts 2>&1 |
    grep -v 'Qualifying with unknown namespace\|undeclared qualified class' || true
python3 scripts/fill_plurals.py resources/translations/earmark_en.ts
