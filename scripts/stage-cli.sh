#!/usr/bin/env bash
# Put the release `backpack` CLI where the Tauri bundler expects the external binary named in
# packaging/tauri.package.json: target/cli/backpack-<target triple>[.exe]. The bundler then
# installs it next to the app (/usr/bin/backpack in the .deb and .rpm, the install folder on
# Windows, Contents/MacOS on macOS). Used by `make package` and .github/workflows/release.yml.
#
# usage: scripts/stage-cli.sh [TARGET_TRIPLE]   (default: the host's; the CLI must already be
#        built: cargo build --release -p backpack-cli [--target TRIPLE])
set -euo pipefail
cd "$(dirname "$0")/.."
host=$(rustc -vV | sed -n 's/^host: //p')
triple=${1:-$host}
target_dir=${CARGO_TARGET_DIR:-target}
exe=""
case "$triple" in *windows*) exe=".exe" ;; esac
if [ "$triple" = "$host" ] && [ -z "${1:-}" ]; then src="$target_dir/release/backpack$exe"
else src="$target_dir/$triple/release/backpack$exe"; fi
[ -f "$src" ] || { echo "stage-cli: $src not found: build it first (cargo build --release -p backpack-cli)" >&2; exit 2; }
mkdir -p target/cli
cp "$src" "target/cli/backpack-$triple$exe"
echo "stage-cli: target/cli/backpack-$triple$exe"
