#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Graphviz stays in its own small library (architecture.md §1): only the files under
# src/layout/graphviz/ may include its headers.  Prints every other file that does and
# fails, or prints nothing and passes.  Argument: the source root.
set -u
root=${1:?usage: check-graphviz-confined.sh SOURCE_ROOT}

offenders=$(grep -rlE --include="*.c" --include="*.h" '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](graphviz/)?(gvc|cgraph|cdt|types|gvplugin[a-z_]*|xdot|pathplan)\.h[>"]' \
              "$root/src" "$root/fuzz" "$root/tests" 2>/dev/null |
            grep -v "^$root/src/layout/graphviz/" || true)

if [ -n "$offenders" ]; then
  echo "Graphviz headers included outside src/layout/graphviz/:"
  echo "$offenders"
  exit 1
fi

# And the library is really there: the check must not pass because the files moved away.
for f in am-graphviz-layout.c am-graphviz-import.c am-graphviz-private.h; do
  if ! grep -q '#include <gvc.h>\|#include "am-graphviz-private.h"' "$root/src/layout/graphviz/$f"; then
    echo "src/layout/graphviz/$f does not use Graphviz"
    exit 1
  fi
done
exit 0
