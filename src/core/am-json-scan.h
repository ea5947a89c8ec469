/* am-json-scan.h — the byte-level guard run before json-glib sees a model file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * json-glib 1.6.6 has no nesting limit (100 000 '[' overflow its stack), accepts
 * JavaScript laxness (comments, single quotes, hex numbers, bare words it then
 * rejects or not), keeps the first of two top-level values, turns a lone "\ud800" into
 * invalid UTF-8, cuts strings at "\u0000" and wraps over-long integers.  This scan
 * refuses all of that on the raw bytes, in one linear pass, so what reaches json-glib
 * is strict JSON tokens, at most AM_DOCUMENT_MAX_DEPTH deep, holding one value.
 * json-glib still checks the grammar (missing ':' or ',', unclosed brackets).
 *
 * The message of @error has no file name; it starts with "line L, column C: " when
 * the problem has a position.  Codes: EMPTY, NOT_UTF8, TOO_DEEP, SYNTAX, INVALID_VALUE.
 */
gboolean _am_json_scan (const char  *data,
                        gsize        length,
                        guint        max_depth,
                        GError     **error);

/* Line and column (both 1-based, the column in characters) of byte @offset. */
void     _am_json_position (const char *data,
                            gsize       length,
                            gsize       offset,
                            guint      *line,
                            guint      *column);

G_END_DECLS
