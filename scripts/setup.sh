#!/usr/bin/env bash
# Set-up, step 1: install what is missing, build, and clean the bundled fixtures
# (text and HTML pages) into out/: one body per fixture input, mirroring
# fixtures/<case>/input.{txt,html} as out/fixtures/<case>/input.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build
build/cleaner -o out fixtures/*/input.txt fixtures/*/input.html
echo "cleaned $(find out -type f | wc -l) fixture pages into out/ (compare with fixtures/<case>/expected.txt)"
