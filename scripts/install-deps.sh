#!/usr/bin/env bash
# Installs the Debian 12 packages cleaner builds with (only what is missing).
set -euo pipefail
packages=(cmake g++ ninja-build pkg-config libgumbo-dev libutf8proc-dev libre2-dev libgtest-dev
          libtomlplusplus-dev libcli11-dev nlohmann-json3-dev libbenchmark-dev zlib1g-dev python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && { echo "dependencies: all installed"; exit 0; }
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
