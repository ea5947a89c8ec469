#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Canvas frame benchmark: the article map and a generated 5 000-entity map, under Xvfb.
#
#   bench/run-canvas-bench.sh [BUILD-DIR] [N] [-- extra bench-canvas-frames options]
#
# The generated map is laid out once (sfdp takes a while at 5 000 nodes) and the scene
# kept in $AM_BENCH_CACHE (default: $XDG_CACHE_HOME/actormap-bench), so later runs only
# time the canvas.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
n=${2:-5000}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift

bench="$build/bench/bench-canvas-frames"
if [ ! -x "$bench" ]; then
  echo "No $bench: meson compile -C $build bench/bench-canvas-frames" >&2
  exit 2
fi

cache=${AM_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/actormap-bench}
mkdir -p "$cache"
model="$cache/gen-$n.json"
scene="$cache/gen-$n.amscene"

if [ ! -s "$model" ]; then
  python3 "$here/gen-model.py" "$n" "$model" "$cache/gen-$n.gv"
fi

# Same size as performance.md's measurements.
xvfb() {
  xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" "$@"
}

if [ ! -s "$scene" ] || [ "$model" -nt "$scene" ]; then
  xvfb "$bench" --write-scene "$scene" "$@" "$model"
  xvfb "$bench" "$@" "$here/../data/north-korea-ignores-us-dialogue-offer.json"
else
  xvfb "$bench" "$@" "$here/../data/north-korea-ignores-us-dialogue-offer.json" "$scene"
fi
