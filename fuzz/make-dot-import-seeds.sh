#!/bin/sh
# Makes the seeds of fuzz-dot-import: for each DOT file given, the answer the real
# helper (actormap-layout-helper) writes for its import request.
#
#   fuzz/make-dot-import-seeds.sh BUILD/src/layout/actormap-layout-helper \
#     BUILD/fuzz/dot-import-request \
#     fuzz/corpus/dot_import FILE.gv...
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

helper=$1
request=$2
out=$3
shift 3

mkdir -p "$out"
for file in "$@"; do
  name=$(basename "$file" | sed 's/\.[^.]*$//')
  "$request" "$file" | "$helper" --layout-helper > "$out/$name.answer"
done
