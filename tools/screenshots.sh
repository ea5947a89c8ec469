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
#   docs/screenshots/explore-path.png  the shortest path from Kim Yo Jong to Joe Biden,
#                                      each step with its sentence; the first chosen
#   docs/screenshots/explore-focus.png  Kim Yo Jong in focus: her neighbours only
#   docs/screenshots/explore-collapse.png  North Korea collapsed into one node
#   docs/screenshots/timeline.png      the timeline with March 2021 brushed, undated
#                                      items hidden
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

# The canvas's middle, where the map flies a chosen actor: between the sidebar and the
# details, under the header bar.
canvas_middle () {
  cx=$((X + (SIDEBAR_WIDTH + WIDTH - DETAILS_WIDTH) / 2))
  cy=$((Y + (HEADER_HEIGHT + HEIGHT) / 2))
}

# Types @1 into the search entry (focused), chooses the first match, and waits for the
# map to fly it to the middle.
pick () {
  xdotool key ctrl+a
  xdotool type --delay 40 "$1"
  sleep 0.5
  xdotool key Return
  sleep 0.3
  xdotool key Escape
  sleep 1.5
}

# Right-clicks the chosen actor in the middle of the canvas and clicks the item of its
# menu @1 pixels below the pointer (the menu opens downwards there: there is room).
menu_item () {
  canvas_middle
  xdotool mousemove --sync "$cx" "$cy" click 3
  sleep 0.8
  xdotool mousemove --sync $((cx + 70)) $((cy + $1)) click 1
  sleep 1.5
}

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
    path)
      # Kim Yo Jong chosen, the map flies her to the middle of the canvas: right click
      # her, Path From Here; then Joe Biden the same way, Path To Here; then the first
      # step of the path in the panel, which marks its sentence in the article.
      pick 'Kim Yo Jong'
      menu_item 68
      xdotool mousemove --sync $((X + 120)) $((Y + 78)) click 1
      sleep 0.3
      pick 'Joe Biden'
      menu_item 100
      sleep 1.5
      xdotool mousemove --sync $((X + WIDTH - 304)) $((Y + 235)) click 1
      ;;
    focus)
      # Kim Yo Jong chosen and right-clicked: Focus on Kim Yo Jong.
      pick 'Kim Yo Jong'
      menu_item 22
      ;;
    collapse)
      # North Korea chosen and right-clicked: Collapse Group "North Korea".
      pick 'North Korea'
      menu_item 145
      ;;
    timeline)
      # Ctrl+T shows the timeline; the March 2021 bar (the tallest, at the right end of
      # the histogram) is brushed, and Keep Undated is switched off. The click that moves
      # the focus from the search entry to the canvas may land on a relation: Escape in
      # the canvas clears the selection, so the details show none.
      xdotool key Escape
      xdotool mousemove --sync $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) click 1
      sleep 0.3
      xdotool key Escape
      xdotool key ctrl+t
      sleep 1
      xdotool mousemove --sync $((X + timeline_bar_x)) $((Y + HEIGHT - 48)) click 1
      sleep 0.3
      xdotool mousemove --sync $((X + WIDTH - 555)) $((Y + HEIGHT - 46)) click 1
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

# Where the panels are in the window the app opens at (points, measured on its
# screenshots): the canvas lies between them.
SIDEBAR_WIDTH=255
DETAILS_WIDTH=386
HEADER_HEIGHT=53
# The last bar of the histogram (March 2021), from the window's left edge.
timeline_bar_x=900

mkdir -p "$out"
shoot prefer-light "$out/window-light.png" actor
shoot prefer-dark "$out/window-dark.png" actor
shoot prefer-light "$out/window-relation.png" relation
shoot prefer-light "$out/explore-path.png" path
shoot prefer-light "$out/explore-focus.png" focus
shoot prefer-light "$out/explore-collapse.png" collapse
shoot prefer-light "$out/timeline.png" timeline
