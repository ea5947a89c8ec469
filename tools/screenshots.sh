#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Makes the README screenshots from the real binary under a private 1920×1080 Xvfb,
# where the window opens at the size a person first sees (most of the screen):
#   docs/screenshots/window-light.png  Kim Yo Jong selected: her statement in the
#                                      details, her evidence marked in the article
#   docs/screenshots/window-dark.png   the same in the dark style
#   docs/screenshots/window-relation.png  a relation selected ("sister of"): its ends
#                                      and evidence, the map flown to it
# Each run starts actormap (the bundled article) and works it the way a person would,
# with real pointer clicks and keys through xdotool: a click in the search entry, words
# typed, then Enter and Escape (an actor) or a click on the result row (the relation).
# Needs Xvfb, xdotool and ImageMagick.
#
#   tools/screenshots.sh [BUILD_DIR]        (default: build)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
binary="$build/src/actormap"
out="$top/docs/screenshots"
max_bytes=$((300 * 1000))

for tool in Xvfb xdotool import convert; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing" >&2; exit 1; }
done
[ -x "$binary" ] || { echo "screenshots.sh: no $binary (build first)" >&2; exit 1; }

work=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup () {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# -displayfd prints the display number once the server is ready: no startup race.
Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "screenshots.sh: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(cat "$work/display")"

shoot () {
  local scheme=$1 file=$2 what=$3 wid

  # A fresh settings backend and the schema from the build tree: the shot does not
  # depend on what the person running this has chosen before.
  ADW_DEBUG_COLOR_SCHEME=$scheme \
  GSETTINGS_BACKEND=memory \
  GSETTINGS_SCHEMA_DIR="$build/data" \
  GDK_BACKEND=x11 \
  GTK_A11Y=none \
    "$binary" >"$work/app.log" 2>&1 &
  app_pid=$!

  wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^Actormap$' | head -n 1)
  [ -n "$wid" ] || { cat "$work/app.log" >&2; echo "screenshots.sh: no window" >&2; exit 1; }
  eval "$(xdotool getwindowgeometry --shell "$wid")"
  sleep 2   # the layout helper and the first frames

  # Without a window manager, keyboard focus follows the pointer: click into the
  # search entry (top of the sidebar, under the header bar) and type.
  xdotool mousemove --sync $((X + 120)) $((Y + 78)) click 1
  sleep 0.3
  case $what in
    actor)
      xdotool type --delay 40 'Kim Yo Jong'
      sleep 0.5
      xdotool key Return
      sleep 0.3
      xdotool key Escape
      ;;
    relation)
      # The list then holds one row, under its "Relations" heading: click it.
      xdotool type --delay 40 'sister of'
      sleep 0.8
      xdotool mousemove --sync $((X + 120)) $((Y + 153)) click 1
      ;;
  esac
  # Park the pointer on the window title, where nothing shows a tooltip or a hover.
  xdotool mousemove --sync $((X + WIDTH / 2)) $((Y + 12))
  sleep 1.5 # the fly-to animation

  import -window "$wid" "$work/shot.png"
  convert "$work/shot.png" -strip -define png:compression-level=9 "$file"
  if [ "$(stat -c %s "$file")" -gt "$max_bytes" ]; then
    # A palette keeps UI screenshots sharp and well under the limit.
    convert "$work/shot.png" -strip -colors 255 -define png:compression-level=9 "PNG8:$file"
  fi
  if [ "$(stat -c %s "$file")" -gt "$max_bytes" ]; then
    # Fewer colours still keep the text sharp; only the antialiasing gets coarser.
    convert "$work/shot.png" -strip -colors 160 -define png:compression-level=9 "PNG8:$file"
  fi
  if [ "$(stat -c %s "$file")" -gt "$max_bytes" ]; then
    echo "screenshots.sh: $file is larger than $max_bytes bytes" >&2
    exit 1
  fi

  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
  if grep -q CRITICAL "$work/app.log"; then
    cat "$work/app.log" >&2
    echo "screenshots.sh: the application logged a CRITICAL" >&2
    exit 1
  fi
  echo "$file: $(stat -c %s "$file") bytes"
}

mkdir -p "$out"
shoot prefer-light "$out/window-light.png" actor
shoot prefer-dark "$out/window-dark.png" actor
shoot prefer-light "$out/window-relation.png" relation
