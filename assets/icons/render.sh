#!/usr/bin/env bash
# Renders parley.svg to the PNG sizes the window (JavaFX picks the best fit) and the packages (jpackage, desktop
# entry) use. Needs ImageMagick. Run from anywhere: assets/icons/render.sh
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256; do
  convert -background none -density 384 parley.svg -resize "${size}x${size}" -depth 8 "PNG32:parley-$size.png"
done
