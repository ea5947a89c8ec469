/* am-word-snap.c — a text selection widened to whole words, for evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-word-snap.h"

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Characters that join two word characters into one word. */
static gboolean
is_joiner (gunichar c)
{
  return c == '\'' || c == 0x2019 /* ’ */ || c == '-' || c == 0x2010 /* ‐ */ || c == 0x2011;
}

/* The character that starts at @offset, or 0 at the end. */
static gunichar
char_at (const char *text,
         gsize       length,
         gsize       offset)
{
  if (offset >= length)
    return 0;

  return g_utf8_get_char (text + offset);
}

/* The offset of the character before @offset (which must be > 0). */
static gsize
prev_offset (const char *text,
             gsize       offset)
{
  return g_utf8_find_prev_char (text, text + offset) - text;
}

static gsize
next_offset (const char *text,
             gsize       length,
             gsize       offset)
{
  return MIN (length, (gsize) (g_utf8_next_char (text + offset) - text));
}

/* Whether the character ending just before @offset belongs to a word, counting a joiner
 * that has word characters on both sides. */
static gboolean
word_before (const char *text,
             gsize       length,
             gsize       offset)
{
  gsize prev;
  gunichar c;

  if (offset == 0)
    return FALSE;

  prev = prev_offset (text, offset);
  c = char_at (text, length, prev);
  if (is_word_char (c))
    return TRUE;

  return is_joiner (c) && prev > 0 && offset < length
         && is_word_char (char_at (text, length, prev_offset (text, prev)))
         && is_word_char (char_at (text, length, offset));
}

/* Whether the character at @offset belongs to a word, joiners included. */
static gboolean
word_at (const char *text,
         gsize       length,
         gsize       offset)
{
  gunichar c = char_at (text, length, offset);

  if (is_word_char (c))
    return TRUE;

  return is_joiner (c) && offset > 0
         && is_word_char (char_at (text, length, prev_offset (text, offset)))
         && is_word_char (char_at (text, length, next_offset (text, length, offset)));
}

static gsize
char_start (const char *text,
            gsize       offset)
{
  while (offset > 0 && ((guchar) text[offset] & 0xC0) == 0x80)
    offset--;

  return offset;
}

gboolean
am_word_snap (const char *text,
              gssize      length,
              gsize      *start,
              gsize      *end)
{
  gsize len, s, e;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  len = length < 0 ? strlen (text) : (gsize) length;
  s = MIN (*start, *end);
  e = MAX (*start, *end);
  if (e > len)
    return FALSE;

  s = char_start (text, s);
  if (e < len)
    e = char_start (text, e);

  /* Outward: a selection that begins or ends inside a word takes all of it. */
  while (s > 0 && word_before (text, len, s) && word_at (text, len, s))
    s = prev_offset (text, s);
  while (e < len && e > 0 && word_before (text, len, e) && word_at (text, len, e))
    e = next_offset (text, len, e);

  /* Then the white space at both ends goes. */
  while (s < e && g_unichar_isspace (char_at (text, len, s)))
    s = next_offset (text, len, s);
  while (e > s && g_unichar_isspace (char_at (text, len, prev_offset (text, e))))
    e = prev_offset (text, e);

  if (s == e)
    return FALSE;

  *start = s;
  *end = e;

  return TRUE;
}
