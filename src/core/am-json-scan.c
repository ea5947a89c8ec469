/* am-json-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-json-scan.h"
#include "am-model-error.h"

/* Longest token quoted back in a message, in bytes. */
#define QUOTE_MAX 40

typedef struct
{
  const guchar *data;
  gsize         length;
  GError      **error;
} Scan;

void
_am_json_position (const char *data,
                   gsize       length,
                   gsize       offset,
                   guint      *line,
                   guint      *column)
{
  guint l = 1, c = 1;

  offset = MIN (offset, length);
  for (gsize i = 0; i < offset; i++)
    {
      guchar b = (guchar) data[i];

      if (b == '\n')
        {
          l++;
          c = 1;
        }
      else if ((b & 0xC0) != 0x80)
        {
          /* Count characters, not bytes: skip UTF-8 continuation bytes. */
          c++;
        }
    }

  *line = l;
  *column = c;
}

static gboolean scan_fail (Scan       *scan,
                           gsize       offset,
                           gint        code,
                           const char *format,
                           ...) G_GNUC_PRINTF (4, 5);

static gboolean
scan_fail (Scan       *scan,
           gsize       offset,
           gint        code,
           const char *format,
           ...)
{
  g_autofree char *what = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  _am_json_position ((const char *) scan->data, scan->length, offset, &line, &column);
  g_set_error (scan->error, AM_MODEL_ERROR, code,
               /* Translators: an error in a JSON file; the placeholders are, in order: line,
                  column, what */
               _("line %u, column %u: %s"), line, column, what);

  return FALSE;
}

/* A printable, length-capped copy of the token at @start, for messages. */
static char *
quote_token (Scan  *scan,
             gsize  start,
             gsize  end)
{
  gsize n = end - start;
  const char *p = (const char *) scan->data + start;

  if (n > QUOTE_MAX)
    {
      /* Cut at a character boundary: the input is valid UTF-8 by now. */
      const char *cut = g_utf8_find_prev_char (p, p + QUOTE_MAX + 1);

      return g_strdup_printf ("%.*s...", (int) (cut - p), p);
    }

  return g_strndup (p, n);
}

static gboolean
is_ws (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_word_char (guchar c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$';
}

static int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads the four hex digits after "\u" at @pos (which points at the backslash). */
static gboolean
read_u_escape (Scan    *scan,
               gsize    pos,
               guint32 *value)
{
  guint32 v = 0;

  if (pos + 6 > scan->length)
    return FALSE;
  if (scan->data[pos] != '\\' || scan->data[pos + 1] != 'u')
    return FALSE;

  for (gsize k = pos + 2; k < pos + 6; k++)
    {
      int h = hex_value (scan->data[k]);

      if (h < 0)
        return FALSE;
      v = (v << 4) | (guint32) h;
    }

  *value = v;
  return TRUE;
}

/* @pos is at the opening quote; on success *end is just past the closing quote. */
static gboolean
scan_string (Scan  *scan,
             gsize  pos,
             gsize *end)
{
  gsize j = pos + 1;

  for (;;)
    {
      guchar c;

      if (j >= scan->length)
        return scan_fail (scan, pos, AM_MODEL_ERROR_SYNTAX,
                          "unterminated string (no closing '\"')");

      c = scan->data[j];

      if (c == '"')
        {
          *end = j + 1;
          return TRUE;
        }

      if (c < 0x20)
        return scan_fail (scan, j, AM_MODEL_ERROR_SYNTAX,
                          "control character U+%04X inside a string (write it as an escape)",
                          (guint) c);

      if (c != '\\')
        {
          j++;
          continue;
        }

      if (j + 1 >= scan->length)
        return scan_fail (scan, pos, AM_MODEL_ERROR_SYNTAX,
                          "unterminated string (no closing '\"')");

      switch (scan->data[j + 1])
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          j += 2;
          break;

        case 'u':
          {
            guint32 cp, low;

            if (!read_u_escape (scan, j, &cp))
              return scan_fail (scan, j, AM_MODEL_ERROR_SYNTAX,
                                "invalid \\u escape (four hexadecimal digits must follow)");

            if (cp == 0)
              return scan_fail (scan, j, AM_MODEL_ERROR_INVALID_VALUE,
                                "the escape \\u0000 (a NUL character) is not allowed in a model");

            if (cp >= 0xDC00 && cp <= 0xDFFF)
              return scan_fail (scan, j, AM_MODEL_ERROR_SYNTAX,
                                "lone UTF-16 low surrogate \\u%04X", (guint) cp);

            if (cp >= 0xD800 && cp <= 0xDBFF)
              {
                if (!read_u_escape (scan, j + 6, &low) || low < 0xDC00 || low > 0xDFFF)
                  return scan_fail (scan, j, AM_MODEL_ERROR_SYNTAX,
                                    "lone UTF-16 high surrogate \\u%04X (a low surrogate must follow)",
                                    (guint) cp);
                j += 12;
              }
            else
              {
                j += 6;
              }
          }
          break;

        default:
          {
            /* Quote the whole character after the backslash, which may be multi-byte. */
            const char *next = (const char *) scan->data + j + 1;
            const char *after = g_utf8_next_char (next);

            return scan_fail (scan, j, AM_MODEL_ERROR_SYNTAX,
                              "invalid escape '\\%.*s' in a string",
                              (int) (after - next), next);
          }
        }
    }
}

static gboolean
scan_digits (Scan  *scan,
             gsize *j)
{
  gsize start = *j;

  while (*j < scan->length && g_ascii_isdigit (scan->data[*j]))
    (*j)++;

  return *j > start;
}

/* @pos is at '-' or a digit; on success *end is just past the number. */
static gboolean
scan_number (Scan  *scan,
             gsize  pos,
             gsize *end)
{
  g_autofree char *token = NULL;
  gboolean is_integer = TRUE;
  gsize j = pos;

  if (scan->data[j] == '-')
    j++;

  if (j < scan->length && scan->data[j] == '0')
    j++;
  else if (!scan_digits (scan, &j))
    goto invalid;

  if (j < scan->length && scan->data[j] == '.')
    {
      j++;
      is_integer = FALSE;
      if (!scan_digits (scan, &j))
        goto invalid;
    }

  if (j < scan->length && (scan->data[j] == 'e' || scan->data[j] == 'E'))
    {
      j++;
      is_integer = FALSE;
      if (j < scan->length && (scan->data[j] == '+' || scan->data[j] == '-'))
        j++;
      if (!scan_digits (scan, &j))
        goto invalid;
    }

  /* "01", "0x10", "1.5.2", "12abc": the number must end at a delimiter. */
  if (j < scan->length && (is_word_char (scan->data[j]) || scan->data[j] == '.'))
    {
      while (j < scan->length && (is_word_char (scan->data[j]) || scan->data[j] == '.'))
        j++;
      goto invalid;
    }

  token = g_strndup ((const char *) scan->data + pos, j - pos);

  if (is_integer)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (token, NULL, 10);
      if (errno == ERANGE)
        {
          g_autofree char *quoted = quote_token (scan, pos, j);

          return scan_fail (scan, pos, AM_MODEL_ERROR_INVALID_VALUE,
                            "integer %s does not fit in 64 bits", quoted);
        }
      (void) value;
    }
  else
    {
      double value = g_ascii_strtod (token, NULL);

      if (!isfinite (value))
        {
          g_autofree char *quoted = quote_token (scan, pos, j);

          return scan_fail (scan, pos, AM_MODEL_ERROR_INVALID_VALUE,
                            "number %s is out of range", quoted);
        }
    }

  *end = j;
  return TRUE;

invalid:
  {
    g_autofree char *quoted = NULL;

    while (j < scan->length && (is_word_char (scan->data[j]) || scan->data[j] == '.' ||
                                scan->data[j] == '+' || scan->data[j] == '-'))
      j++;
    quoted = quote_token (scan, pos, j);

    return scan_fail (scan, pos, AM_MODEL_ERROR_SYNTAX,
                      "invalid number '%s' (JSON numbers are decimal, without leading zeros)",
                      quoted);
  }
}

static gboolean
scan_word (Scan  *scan,
           gsize  pos,
           gsize *end)
{
  static const char * const words[] = { "true", "false", "null" };
  g_autofree char *quoted = NULL;
  gsize j = pos;

  while (j < scan->length && is_word_char (scan->data[j]))
    j++;

  for (guint k = 0; k < G_N_ELEMENTS (words); k++)
    {
      gsize n = strlen (words[k]);

      if (j - pos == n && memcmp (scan->data + pos, words[k], n) == 0)
        {
          *end = j;
          return TRUE;
        }
    }

  quoted = quote_token (scan, pos, j);
  return scan_fail (scan, pos, AM_MODEL_ERROR_SYNTAX,
                    "unexpected word '%s' (only true, false and null are allowed)", quoted);
}

gboolean
_am_json_scan (const char  *data,
               gsize        length,
               guint        max_depth,
               GError     **error)
{
  Scan scan = { (const guchar *) data, length, error };
  const char *nul, *invalid;
  gboolean seen_value = FALSE;   /* a top-level value has started */
  gboolean top_done = FALSE;     /* …and ended */
  guint depth = 0;
  gsize i = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length == 0)
    {
      g_set_error_literal (error, AM_MODEL_ERROR, AM_MODEL_ERROR_EMPTY, _("empty file"));
      return FALSE;
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    return scan_fail (&scan, nul - data, AM_MODEL_ERROR_NOT_UTF8,
                      "not a text file (it contains a NUL byte)");

  if (!g_utf8_validate_len (data, length, &invalid))
    return scan_fail (&scan, invalid - data, AM_MODEL_ERROR_NOT_UTF8,
                      "not UTF-8 (invalid byte 0x%02X)", (guint) (guchar) *invalid);

  /* json-glib skips a UTF-8 byte-order mark, and so do we. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  while (i < length)
    {
      guchar c = scan.data[i];
      gsize end = i + 1;
      gboolean starts_value = FALSE;

      if (is_ws (c))
        {
          i++;
          continue;
        }

      switch (c)
        {
        case '{':
        case '[':
          starts_value = TRUE;
          break;
        case '"':
        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          starts_value = TRUE;
          break;
        default:
          starts_value = g_ascii_isalpha (c) || c == '_' || c == '$';
          break;
        }

      if (depth == 0 && starts_value)
        {
          if (top_done)
            return scan_fail (&scan, i, AM_MODEL_ERROR_SYNTAX,
                              "a second top-level value (a model file holds exactly one JSON object)");
          seen_value = TRUE;
        }

      switch (c)
        {
        case '{':
        case '[':
          if (++depth > max_depth)
            return scan_fail (&scan, i, AM_MODEL_ERROR_TOO_DEEP,
                              "nested too deeply (more than %u levels of arrays and objects)",
                              max_depth);
          break;

        case '}':
        case ']':
          if (depth == 0)
            return scan_fail (&scan, i, AM_MODEL_ERROR_SYNTAX,
                              "unexpected '%c' with nothing open", c);
          if (--depth == 0)
            top_done = TRUE;
          break;

        case ':':
        case ',':
          if (depth == 0)
            return scan_fail (&scan, i, AM_MODEL_ERROR_SYNTAX,
                              "unexpected '%c' outside any object or array", c);
          break;

        case '"':
          if (!scan_string (&scan, i, &end))
            return FALSE;
          break;

        case '-':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (!scan_number (&scan, i, &end))
            return FALSE;
          break;

        case '/':
          return scan_fail (&scan, i, AM_MODEL_ERROR_SYNTAX,
                            "comments are not allowed in JSON");

        case '\'':
          return scan_fail (&scan, i, AM_MODEL_ERROR_SYNTAX,
                            "single quotes are not allowed in JSON (use double quotes)");

        default:
          if (starts_value)
            {
              if (!scan_word (&scan, i, &end))
                return FALSE;
            }
          else
            {
              const char *p = (const char *) scan.data + i;
              const char *next = g_utf8_next_char (p);

              if (c >= 0x20 && c < 0x7F)
                return scan_fail (&scan, i, AM_MODEL_ERROR_SYNTAX,
                                  "unexpected character '%c'", c);
              if (c < 0x80)
                return scan_fail (&scan, i, AM_MODEL_ERROR_SYNTAX,
                                  "unexpected control character U+%04X", (guint) c);
              return scan_fail (&scan, i, AM_MODEL_ERROR_SYNTAX,
                                "unexpected character U+%04X '%.*s'",
                                (guint) g_utf8_get_char (p), (int) (next - p), p);
            }
          break;
        }

      /* A string, number or word at the top level is a whole value. */
      if (depth == 0 && starts_value && c != '{' && c != '[')
        top_done = TRUE;

      i = end;
    }

  if (!seen_value)
    {
      g_set_error_literal (error, AM_MODEL_ERROR, AM_MODEL_ERROR_EMPTY,
                           _("empty file (only white space)"));
      return FALSE;
    }

  if (depth > 0)
    return scan_fail (&scan, length, AM_MODEL_ERROR_SYNTAX,
                      "unexpected end of file (%u array%s or object%s not closed)",
                      depth, depth == 1 ? "" : "s", depth == 1 ? "" : "s");

  return TRUE;
}
