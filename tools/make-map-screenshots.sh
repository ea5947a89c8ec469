#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's "Making a map" screenshots, from the real binary under a private Xvfb,
# worked the way a person would with xdotool: Ctrl+N, the article's path typed into the
# file chooser, the suggestions drafted; one suggestion chosen in the Suggestions pane;
# Accept All of each kind; then Ctrl+W on the unsaved map, which asks before anything
# is lost.
#   docs/screenshots/make-map-suggestions.png  the new map and its Suggestions pane
#   docs/screenshots/make-map-suggestion.png   a suggestion chosen: Accept / Reject, and
#                                              the words it was drafted from
#   docs/screenshots/make-map-unsaved.png      everything accepted; closing the unsaved
#                                              map asks first
# The article is tests/ui/make-map-article.txt, not the bundled one.  Needs Xvfb,
# xdotool and ImageMagick.
#
#   tools/make-map-screenshots.sh [BUILD_DIR]        (default: build)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
binary="$build/src/actormap"
article="$top/tests/ui/make-map-article.txt"
out="${OUT:-$top/docs/screenshots}"
max_bytes=$((200 * 1000))

for tool in Xvfb xdotool import convert; do
  command -v "$tool" >/dev/null || { echo "make-map-screenshots.sh: $tool is missing" >&2; exit 1; }
done
[ -x "$binary" ] || { echo "make-map-screenshots.sh: no $binary (build first)" >&2; exit 1; }

work=$(mktemp -d)
xvfb_pid=
app_pid=
cleanup () {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$work/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { echo "make-map-screenshots.sh: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(cat "$work/display")"

save_shot () {
  local wid=$1 file=$2

  # The whole screen: dialogs and popovers are windows of their own.  Without a window
  # manager the main window sits at the origin, so the crop is its rectangle.
  import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$work/shot.png"
  convert "$work/shot.png" -strip -colors 255 -define png:compression-level=9 "PNG8:$file"
  if [ "$(stat -c %s "$file")" -gt "$max_bytes" ]; then
    convert "$work/shot.png" -strip -colors 128 -define png:compression-level=9 "PNG8:$file"
  fi
  if [ "$(stat -c %s "$file")" -gt "$max_bytes" ]; then
    echo "make-map-screenshots.sh: $file is larger than $max_bytes bytes" >&2
    exit 1
  fi
  echo "$file: $(stat -c %s "$file") bytes"
}

# A fresh settings backend, state folder (no recovery offer) and the build's schema.
mkdir -p "$work/state"
ADW_DEBUG_COLOR_SCHEME=prefer-light \
GSETTINGS_BACKEND=memory \
GSETTINGS_SCHEMA_DIR="$build/data" \
XDG_STATE_HOME="$work/state" \
GDK_BACKEND=x11 \
GTK_A11Y=none \
  "$binary" >"$work/app.log" 2>&1 &
app_pid=$!

wid=$(timeout 20 xdotool search --sync --onlyvisible --name '^Actormap$' | head -n 1)
[ -n "$wid" ] || { cat "$work/app.log" >&2; echo "make-map-screenshots.sh: no window" >&2; exit 1; }
eval "$(xdotool getwindowgeometry --shell "$wid")"
sleep 2

# Without a window manager, focus follows the pointer: keep it over the window.
xdotool mousemove --sync $((X + WIDTH / 2)) $((Y + 12))
xdotool key ctrl+n
chooser=$(timeout 10 xdotool search --sync --onlyvisible --name 'New Map from an Article' | head -n 1)
[ -n "$chooser" ] || { cat "$work/app.log" >&2; echo "make-map-screenshots.sh: no file chooser" >&2; exit 1; }
sleep 0.5
eval "$(xdotool getwindowgeometry --shell --prefix C_ "$chooser")"
xdotool mousemove --sync $((C_X + C_WIDTH / 2)) $((C_Y + 40))
xdotool key ctrl+l
sleep 0.3
xdotool type --delay 10 "$article"
sleep 0.3
xdotool key Return
sleep 4   # import, suggestions on a worker, layout

xdotool mousemove --sync $((X + WIDTH / 2)) $((Y + 12))
sleep 0.5
save_shot "$wid" "$out/make-map-suggestions.png"

# A suggestion chosen in the pane (its third row): the details offer Accept and Reject,
# the article marks the words it was drafted from.  The pane's place in a window of this
# size is fixed: rows from HEIGHT - 169, 38 px apart; Accept All at WIDTH - 73.
xdotool mousemove --sync $((X + WIDTH - 350)) $((Y + HEIGHT - 93)) click 1
sleep 1.5
xdotool mousemove --sync $((X + WIDTH / 2)) $((Y + 12))
sleep 0.5
save_shot "$wid" "$out/make-map-suggestion.png"

# Accept All, a kind at a time: the menu's first item is the first kind left.
for _ in 1 2 3; do
  xdotool mousemove --sync $((X + WIDTH - 73)) $((Y + HEIGHT - 208)) click 1
  sleep 0.8
  xdotool mousemove --sync $((X + WIDTH - 88)) $((Y + HEIGHT - 155)) click 1
  sleep 2
done
xdotool mousemove --sync $((X + WIDTH / 2)) $((Y + 12))
sleep 1

# Closing the unsaved map asks first.  Without a window manager the dialog opens at
# the origin: put it in the middle of the window.
xdotool key ctrl+w
sleep 1.5
for win in $(xdotool search --onlyvisible --class actormap); do
  [ "$win" = "$wid" ] && continue
  eval "$(xdotool getwindowgeometry --shell --prefix D_ "$win")"
  xdotool windowmove "$win" $((X + (WIDTH - D_WIDTH) / 2)) $((Y + (HEIGHT - D_HEIGHT) / 2))
done
sleep 0.8
save_shot "$wid" "$out/make-map-unsaved.png"

kill "$app_pid" 2>/dev/null || true
wait "$app_pid" 2>/dev/null || true
app_pid=
if grep -q CRITICAL "$work/app.log"; then
  cat "$work/app.log" >&2
  echo "make-map-screenshots.sh: the application logged a CRITICAL" >&2
  exit 1
fi
