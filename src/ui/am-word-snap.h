/* am-word-snap.h — a text selection widened to whole words, for evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Widens the byte range [*start, *end) of the UTF-8 @text (@length bytes, or -1 when
 * nul-terminated) outward to whole words, then drops white space (NBSP included) from its
 * two ends, so that a sloppy mouse selection becomes the verbatim words it touches.  A
 * word is a run of letters, digits and combining marks, with an apostrophe or hyphen
 * inside it ("Ortúzar's", "Kim Yo-jong"); punctuation the selection holds at its ends
 * (quotation marks, a full stop) stays.  Offsets inside a UTF-8 sequence are first moved
 * back to its start.  Returns FALSE, leaving the range as it was, when it holds nothing
 * but white space or lies outside @text.  Pure: no GTK, no locale.
 */
gboolean am_word_snap (const char *text,
                       gssize      length,
                       gsize      *start,
                       gsize      *end);

G_END_DECLS
