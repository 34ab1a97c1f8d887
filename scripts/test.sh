#!/usr/bin/env bash
# Set-up, step 2: build with warnings as errors and run every test under ctest
# (unit tests, golden fixtures, inline rule examples, CLI and bad-input cases).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLEANER_WERROR=ON
cmake --build build
ctest --test-dir build --output-on-failure -j "$(nproc)"
