#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The man page cannot fall behind the binary: every long option that `actormap --help-all`
# lists must be described in data/actormap.1, and the page must render without a single
# groff warning (and through man(1), when it is installed).
#   test-man-page.sh ACTORMAP MANPAGE
# Exit status 77 (a skip for meson) when groff is not installed.
set -u
actormap=$1
page=$2
status=0

help=$("$actormap" --help-all) || { echo "FAIL: $actormap --help-all exited with $?"; exit 1; }
# The option lines of GOption's help: "  -e, --export=OUT   …" or "  --timeout=SECONDS   …".
options=$(printf '%s\n' "$help" | sed -n -E 's/^ +(-[a-zA-Z], )?(--[a-z][a-z-]*).*/\2/p' | sort -u)
count=$(printf '%s\n' "$options" | grep -c -- '^--')
if [ "$count" -lt 10 ]; then
  echo "FAIL: found only $count long options in --help-all; has its format changed?"
  printf '%s\n' "$help"
  exit 1
fi

# The page's text with roff's escaped hyphens and font changes removed.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$page")
for option in $options; do
  if printf '%s\n' "$text" | grep -q -E -- "(^|[^a-z-])$option([^a-z-]|$)"; then
    echo "ok: $option is in the man page"
  else
    echo "FAIL: $option is listed by --help-all but not described in $page"
    status=1
  fi
done

if ! command -v groff >/dev/null; then
  echo "SKIP: groff is not installed; the rendering is not checked"
  [ $status -eq 0 ] && exit 77
  exit $status
fi

warnings=$(groff -man -ww -z -t "$page" 2>&1)
if [ -n "$warnings" ]; then
  echo "FAIL: groff warns about $page:"
  printf '%s\n' "$warnings"
  status=1
else
  echo "ok: groff -man -ww renders $page without warnings"
fi

if command -v man >/dev/null; then
  rendered=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -E UTF-8 -P cat -l "$page" 2>&1 >/dev/null)
  if [ -n "$rendered" ]; then
    echo "FAIL: man --warnings -l $page:"
    printf '%s\n' "$rendered"
    status=1
  elif ! MANWIDTH=80 man -P cat -l "$page" 2>/dev/null | grep -q '^ACTORMAP(1)'; then
    echo "FAIL: man -l $page does not show the ACTORMAP(1) header"
    status=1
  else
    echo "ok: man -l renders $page without warnings"
  fi
fi
exit $status
