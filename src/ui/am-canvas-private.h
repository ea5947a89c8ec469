/* am-canvas-private.h — AmCanvas internals shared with the UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-canvas.h"

G_BEGIN_DECLS

/* What the tooltip says for @id (name, kind and role; or a relation's ends and type), or
 * NULL when @id is not on the map.  Plain text, not markup. */
char *_am_canvas_dup_tooltip_text (AmCanvas   *self,
                                   const char *id);

G_END_DECLS
