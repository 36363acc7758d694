#!/usr/bin/env bash
# Rasterise icon.svg into every size src-tauri/tauri.conf.json5 `bundle.icon` lists.
# Needs rsvg-convert (librsvg2-bin), ImageMagick `convert` and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
rsvg-convert -w 32 -h 32 icon.svg -o 32x32.png
rsvg-convert -w 128 -h 128 icon.svg -o 128x128.png
rsvg-convert -w 256 -h 256 icon.svg -o 128x128@2x.png
rsvg-convert -w 512 -h 512 icon.svg -o icon.png
# The other freedesktop hicolor sizes, so menus, docks and file managers never scale the icon
# (the packages install every PNG of `bundle.icon`, plus icon.svg as the scalable one).
for s in 16 24 48 64 256; do rsvg-convert -w $s -h $s icon.svg -o "${s}x${s}.png"; done
for s in 16 48 64; do rsvg-convert -w $s -h $s icon.svg -o "$tmp/$s.png"; done
convert "$tmp/16.png" 32x32.png "$tmp/48.png" "$tmp/64.png" 128x128.png 128x128@2x.png icon.ico
png2icns icon.icns icon.png 128x128.png 32x32.png >/dev/null
rm -r "$tmp"
