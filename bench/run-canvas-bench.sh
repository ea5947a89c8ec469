#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Canvas frame benchmark: the article map and a generated N-entity map (default 5 000),
# under Xvfb.
#
#   bench/run-canvas-bench.sh [BUILD-DIR] [N] [-- extra bench-canvas-frames options]
#   bench/run-canvas-bench.sh build 20000        # issue 10's 20 000 actors, 40 000 relations
#
# The generated map is laid out once (sfdp takes a while at 5 000 nodes) and the scene
# kept in $AM_BENCH_CACHE (default: $XDG_CACHE_HOME/actormap-bench), so later runs only
# time the canvas.  From 20 000 nodes up the in-process layout (with its overlap removal)
# takes many minutes on a shared 2-core machine, so the positions come from Graphviz's
# CLI instead: `sfdp -Goverlap=true -Tplain` of the same graph (AM_BENCH_PLAIN=0 to lay
# out in-process anyway, =1 to use the CLI at any size).
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

plain_default=0
[ "$n" -ge 20000 ] && plain_default=1
plain_opt=
if [ "${AM_BENCH_PLAIN:-$plain_default}" = 1 ]; then
  plain="$cache/gen-$n.plain"
  if [ ! -s "$plain" ] || [ "$model" -nt "$plain" ]; then
    sfdp -Goverlap=true -Tplain -o "$plain" "$cache/gen-$n.gv"
  fi
  plain_opt="--plain=$plain"
fi

if [ ! -s "$scene" ] || [ "$model" -nt "$scene" ]; then
  xvfb "$bench" --write-scene "$scene" ${plain_opt:+"$plain_opt"} "$@" "$model"
  xvfb "$bench" "$@" "$here/../data/north-korea-ignores-us-dialogue-offer.json"
else
  xvfb "$bench" "$@" "$here/../data/north-korea-ignores-us-dialogue-offer.json" "$scene"
fi
