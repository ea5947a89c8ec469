#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# First command of the README: install what is missing, build, open the article map.
# Extra arguments go to actormap (a model file, or --export=out.svg for no window).
set -eu
cd "$(dirname "$0")/.."
tools/deps.sh build
[ -f build/build.ninja ] || meson setup build --buildtype=debugoptimized >/dev/null
meson compile -C build >/dev/null
exec build/src/actormap "$@"
