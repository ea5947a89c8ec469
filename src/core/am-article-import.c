/* am-article-import.c — an article from plain text, Markdown or a saved HTML page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importers only read bytes: HTML goes through libxml2's HTML parser with the network
 * off, no DTD, no XInclude and no entity loading (the HTML parser has no external
 * entities), and nothing in the page is run.  Every check on the bytes (size, binary
 * data, encoding, emptiness) comes before any parsing, and every error names the file.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "am-article-import.h"
#include "am-core-private.h"
#include "am-document-builder.h"
#include "am-json-reader.h"

/* The file read is the model loader's (am_document_read_file), with the same cap. */
G_STATIC_ASSERT (AM_ARTICLE_MAX_SIZE == AM_DOCUMENT_MAX_FILE_SIZE);

G_DEFINE_QUARK (am-article-error-quark, am_article_error)

/* Share of control bytes above which a file is data, not text (1 in 10). */
#define BINARY_CONTROL_SHARE 10
/* How far into an HTML page a declared character set is looked for. */
#define CHARSET_SCAN_LIMIT (64 * 1024)

void
am_article_free (AmArticle *article)
{
  if (article == NULL)
    return;

  g_free (article->title);
  g_free (article->date);
  g_free (article->publisher);
  g_free (article->source);
  g_free (article->url);
  g_strfreev (article->paragraphs);
  g_free (article);
}

/* ---- Shared checks ------------------------------------------------------------------- */

static gboolean
is_control_byte (guchar c)
{
  /* Tab, line feed, vertical tab, form feed and carriage return are text. */
  return (c < 0x20 && (c < 0x09 || c > 0x0D)) || c == 0x7F;
}

static gboolean
check_not_binary (const char  *data,
                  gsize        size,
                  const char  *display_name,
                  GError     **error)
{
  gsize controls = 0;

  for (gsize i = 0; i < size; i++)
    {
      guchar c = (guchar) data[i];

      if (c == '\0')
        {
          g_set_error (error, AM_ARTICLE_ERROR, AM_ARTICLE_ERROR_BINARY,
                       /* Translators: an error importing an article; %s is the file name */
                       _("%s: this is binary data, not text (it holds a NUL byte)"),
                       display_name);
          return FALSE;
        }
      if (is_control_byte (c))
        controls++;
    }

  if (controls > 0 && controls * BINARY_CONTROL_SHARE > size)
    {
      g_set_error (error, AM_ARTICLE_ERROR, AM_ARTICLE_ERROR_BINARY,
                   /* Translators: an error importing an article; %s is the file name */
                   _("%s: this is binary data, not text (too many control characters)"),
                   display_name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_utf8 (const char  *data,
            gsize        size,
            const char  *display_name,
            GError     **error)
{
  const char *end = NULL;

  if (g_utf8_validate_len (data, size, &end))
    return TRUE;

  g_set_error (error, AM_ARTICLE_ERROR, AM_ARTICLE_ERROR_NOT_UTF8,
               /* Translators: an error importing an article; %s is the file name and
                * %" G_GSIZE_FORMAT " a byte offset */
               _("%s: the text is not valid UTF-8 (the first bad byte is at offset %"
                 G_GSIZE_FORMAT "); save it as UTF-8 and try again"),
               display_name, (gsize) (end - data));
  return FALSE;
}

static gboolean
fail_empty (const char  *display_name,
            GError     **error)
{
  g_set_error (error, AM_ARTICLE_ERROR, AM_ARTICLE_ERROR_EMPTY,
               /* Translators: an error importing an article; %s is the file name */
               _("%s: the article is empty"), display_name);
  return FALSE;
}

static gboolean
is_blank (const char *text,
          gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* [start, end) without ASCII white space at either end; a no-break space is kept. */
static void
trim_ascii (const char **start,
            const char **end)
{
  while (*start < *end && is_ascii_space (**start))
    (*start)++;
  while (*end > *start && is_ascii_space ((*end)[-1]))
    (*end)--;
}

static gboolean
is_ascii_blank (const char *data,
                gsize       size)
{
  for (gsize i = 0; i < size; i++)
    {
      if (!is_ascii_space (data[i]))
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_utf16_bom (const char *data,
               gsize       size)
{
  return size >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                       ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF));
}

static AmArticle *
article_new (char      *title,
             GPtrArray *body)
{
  AmArticle *article = g_new0 (AmArticle, 1);
  GPtrArray *all = g_ptr_array_new ();

  g_ptr_array_add (all, g_strdup (title));
  for (guint i = 0; i < body->len; i++)
    g_ptr_array_add (all, g_strdup (g_ptr_array_index (body, i)));
  g_ptr_array_add (all, NULL);

  article->title = title;
  article->paragraphs = (GStrv) g_ptr_array_free (all, FALSE);
  return article;
}

/* The headline is the first paragraph when nothing else names it. */
static AmArticle *
article_from_paragraphs (GPtrArray *paragraphs)
{
  char *title;

  g_assert (paragraphs->len > 0);
  title = g_strdup (g_ptr_array_index (paragraphs, 0));
  g_ptr_array_remove_index (paragraphs, 0);
  return article_new (title, paragraphs);
}

/* ---- Plain text ---------------------------------------------------------------------- */

/* Calls @func for each line of @text (without its end of line: \n, \r\n or \r). */
typedef void (*LineFunc) (const char *start, const char *end, gpointer user_data);

static void
for_each_line (const char *text,
               gsize       size,
               LineFunc    func,
               gpointer    user_data)
{
  const char *p = text, *end = text + size;

  while (p < end)
    {
      const char *eol = p;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      func (p, eol, user_data);
      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol + 1;
    }
}

typedef struct
{
  GPtrArray *paragraphs;
  GString   *current;
} TextParser;

static void
text_flush (TextParser *parser)
{
  if (parser->current->len > 0)
    g_ptr_array_add (parser->paragraphs, g_strndup (parser->current->str, parser->current->len));
  g_string_truncate (parser->current, 0);
}

static void
text_line (const char *start,
           const char *end,
           gpointer    user_data)
{
  TextParser *parser = user_data;

  trim_ascii (&start, &end);
  if (is_blank (start, end - start))
    {
      text_flush (parser);
      return;
    }

  if (parser->current->len > 0)
    g_string_append_c (parser->current, ' ');
  g_string_append_len (parser->current, start, end - start);
}

static AmArticle *
import_text (const char  *data,
             gsize        size,
             const char  *display_name,
             GError     **error)
{
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) current = g_string_new (NULL);
  TextParser parser = { paragraphs, current };

  for_each_line (data, size, text_line, &parser);
  text_flush (&parser);

  if (paragraphs->len == 0)
    {
      fail_empty (display_name, error);
      return NULL;
    }

  return article_from_paragraphs (paragraphs);
}

/* ---- Markdown ------------------------------------------------------------------------ */

typedef struct
{
  GPtrArray  *paragraphs;   /* body paragraphs, inline markup still in */
  GString    *current;
  char       *title;        /* the first level-1 heading, inline markup still in */
  char       *front_title;  /* "title:" in the front matter, used when no heading names it */
  char       *date, *publisher, *source, *url;
  GHashTable *references;   /* link labels defined by "[label]: url", casefolded */
  char        fence;        /* '`' or '~' inside a fenced code block, else 0 */
  guint       fence_length;
  gboolean    in_comment;   /* inside a multi-line <!-- … --> */
  gboolean    in_list;      /* since a list item, until a line that ends the list */
  gboolean    after_blank;
  guint       line_number;
  gboolean    in_front_matter;
} MdParser;

static void
md_flush (MdParser *parser)
{
  if (parser->current->len > 0)
    g_ptr_array_add (parser->paragraphs, g_strndup (parser->current->str, parser->current->len));
  g_string_truncate (parser->current, 0);
}

static void
md_add_block (MdParser   *parser,
              const char *start,
              const char *end)
{
  md_flush (parser);
  trim_ascii (&start, &end);
  if (start < end)
    g_ptr_array_add (parser->paragraphs, g_strndup (start, end - start));
}

static guint
count_run (const char *p,
           const char *end,
           char        c)
{
  guint n = 0;

  while (p + n < end && p[n] == c)
    n++;
  return n;
}

static gboolean
is_thematic_break (const char *p,
                   const char *end)
{
  char c = p < end ? *p : '\0';
  guint n = 0;

  if (c != '*' && c != '-' && c != '_')
    return FALSE;
  for (; p < end; p++)
    {
      if (*p == c)
        n++;
      else if (*p != ' ' && *p != '\t')
        return FALSE;
    }
  return n >= 3;
}

/* "- ", "* ", "+ ", "1. ", "1) ": the length of the marker and its space, else 0. */
static gsize
list_marker_length (const char *p,
                    const char *end)
{
  const char *q = p;

  if (q < end && (*q == '-' || *q == '*' || *q == '+'))
    q++;
  else
    {
      while (q < end && q - p < 9 && g_ascii_isdigit (*q))
        q++;
      if (q == p || q >= end || (*q != '.' && *q != ')'))
        return 0;
      q++;
    }

  if (q < end && *q != ' ' && *q != '\t')
    return 0;
  while (q < end && (*q == ' ' || *q == '\t'))
    q++;
  return q - p;
}

static void
md_front_matter_line (MdParser   *parser,
                      const char *start,
                      const char *end)
{
  const char *colon = memchr (start, ':', end - start);
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  const char *v;

  if (colon == NULL)
    return;

  key = g_ascii_strdown (start, colon - start);
  g_strstrip (key);
  v = colon + 1;
  trim_ascii (&v, &end);
  if (end - v >= 2 && (*v == '"' || *v == '\'') && end[-1] == *v)
    {
      v++;
      end--;
    }
  if (v >= end)
    return;
  value = g_strndup (v, end - v);

  if (g_str_equal (key, "title") && parser->front_title == NULL)
    parser->front_title = g_steal_pointer (&value);
  else if (g_str_equal (key, "date") && parser->date == NULL &&
           _am_date_parse (value, NULL, NULL, NULL) != AM_DATE_INVALID)
    parser->date = g_steal_pointer (&value);
  else if (g_str_equal (key, "publisher") && parser->publisher == NULL)
    parser->publisher = g_steal_pointer (&value);
  else if (g_str_equal (key, "source") && parser->source == NULL)
    parser->source = g_steal_pointer (&value);
  else if (g_str_equal (key, "url") && parser->url == NULL && _am_json_is_web_url (value))
    parser->url = g_steal_pointer (&value);
}

static gboolean
md_reference_definition (MdParser   *parser,
                         const char *p,
                         const char *end)
{
  const char *close;

  if (p >= end || *p != '[')
    return FALSE;
  close = memchr (p, ']', end - p);
  if (close == NULL || close == p + 1 || close + 1 >= end || close[1] != ':')
    return FALSE;

  g_hash_table_add (parser->references, g_utf8_casefold (p + 1, close - p - 1));
  return TRUE;
}

static void
md_line (const char *start,
         const char *end,
         gpointer    user_data)
{
  MdParser *parser = user_data;
  const char *p = start;
  guint indent = 0;
  gsize marker;

  parser->line_number++;

  /* YAML front matter: "---" on the first line, up to the next "---" or "...". */
  if (parser->line_number == 1 && end - start == 3 && memcmp (start, "---", 3) == 0)
    {
      parser->in_front_matter = TRUE;
      return;
    }
  if (parser->in_front_matter)
    {
      if (end - start == 3 && (memcmp (start, "---", 3) == 0 || memcmp (start, "...", 3) == 0))
        parser->in_front_matter = FALSE;
      else
        md_front_matter_line (parser, start, end);
      return;
    }

  for (; p < end && (*p == ' ' || *p == '\t'); p++)
    indent += *p == '\t' ? 4 : 1;

  if (parser->fence != '\0')
    {
      guint n = count_run (p, end, parser->fence);

      if (indent < 4 && n >= parser->fence_length && is_blank (p + n, end - (p + n)))
        parser->fence = '\0';
      return;
    }

  if (parser->in_comment)
    {
      const char *close = g_strstr_len (start, end - start, "-->");

      if (close != NULL)
        parser->in_comment = FALSE;
      return;
    }

  if (p == end || is_blank (p, end - p))
    {
      md_flush (parser);
      parser->after_blank = TRUE;
      return;
    }

  /* Indented code (but not a list item's own paragraph). */
  if (indent >= 4 && parser->current->len == 0 && !parser->in_list)
    return;
  if (indent < 2 && parser->after_blank && list_marker_length (p, end) == 0)
    parser->in_list = FALSE;
  parser->after_blank = FALSE;

  /* Block quotes: the markers go, the text is a paragraph like any other. */
  while (p < end && *p == '>')
    {
      p++;
      if (p < end && *p == ' ')
        p++;
      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    }
  if (p == end)
    {
      md_flush (parser);
      return;
    }

  if (*p == '`' || *p == '~')
    {
      guint n = count_run (p, end, *p);

      if (n >= 3 && (*p == '~' || memchr (p + n, '`', end - (p + n)) == NULL))
        {
          md_flush (parser);
          parser->fence = *p;
          parser->fence_length = n;
          return;
        }
    }

  if (*p == '#')
    {
      guint level = count_run (p, end, '#');
      const char *text = p + level, *text_end = end;

      if (level <= 6 && (text == end || *text == ' ' || *text == '\t'))
        {
          /* A closing run of '#' after a space goes too. */
          trim_ascii (&text, &text_end);
          while (text_end > text && text_end[-1] == '#')
            text_end--;
          if (text_end < end && text_end > text && !is_ascii_space (text_end[-1]) &&
              text_end[0] == '#')
            text_end = end;
          trim_ascii (&text, &text_end);

          if (level == 1 && parser->title == NULL && text < text_end)
            {
              md_flush (parser);
              parser->title = g_strndup (text, text_end - text);
            }
          else
            md_add_block (parser, text, text_end);
          return;
        }
    }

  /* A setext underline makes the paragraph above a heading. */
  if (parser->current->len > 0 && (*p == '=' || *p == '-') &&
      is_blank (p + count_run (p, end, *p), end - (p + count_run (p, end, *p))))
    {
      if (*p == '=' && parser->title == NULL)
        {
          parser->title = g_strndup (parser->current->str, parser->current->len);
          g_string_truncate (parser->current, 0);
        }
      else
        md_flush (parser);
      return;
    }

  if (is_thematic_break (p, end))
    {
      md_flush (parser);
      return;
    }

  marker = list_marker_length (p, end);
  if (marker > 0)
    {
      md_flush (parser);
      parser->in_list = TRUE;
      p += marker;
      /* Task lists: "[ ] " and "[x] ". */
      if (end - p >= 4 && p[0] == '[' && (p[1] == ' ' || p[1] == 'x' || p[1] == 'X') &&
          p[2] == ']' && p[3] == ' ')
        p += 4;
    }
  else if (md_reference_definition (parser, p, end))
    return;

  if (end - p >= 4 && memcmp (p, "<!--", 4) == 0 && g_strstr_len (p, end - p, "-->") == NULL)
    {
      md_flush (parser);
      parser->in_comment = TRUE;
      return;
    }

  trim_ascii (&p, &end);
  if (p < end && end[-1] == '\\')
    end--;
  trim_ascii (&p, &end);
  if (p == end)
    return;
  if (parser->current->len > 0)
    g_string_append_c (parser->current, ' ');
  g_string_append_len (parser->current, p, end - p);
}

/* Inline Markdown → plain text. */

typedef struct
{
  gsize    position;  /* in the output */
  char     c;         /* '*', '_' or '~' */
  guint    count;
  guint    removed_left;   /* delimiters removed from the left end of the run (closing) */
  guint    removed_right;  /* … from the right end (opening) */
  gboolean can_open;
  gboolean can_close;
} Delimiter;

static gunichar
char_before (const char *text,
             const char *p)
{
  return p > text ? g_utf8_get_char_validated (g_utf8_prev_char (p), -1) : ' ';
}

static gunichar
char_at (const char *p,
         const char *end)
{
  return p < end ? g_utf8_get_char_validated (p, end - p) : ' ';
}

static gboolean
is_md_space (gunichar c)
{
  return c == (gunichar) -1 || c == (gunichar) -2 || g_unichar_isspace (c);
}

static gboolean
is_md_punct (gunichar c)
{
  return c < 0x110000 && (g_unichar_ispunct (c) || (c < 0x80 && g_ascii_ispunct ((char) c)));
}

/* Looking ahead (for a closing bracket, backtick run or comment end) is paid from a
 * budget proportional to the paragraph, so that no paragraph takes more than linear time
 * however it is made; once it is spent, what needs looking ahead stays as written.
 * Returns the end of the window to look in, at most @cap bytes. */
static const char *
lookahead_limit (const char *p,
                 const char *end,
                 gsize       cap,
                 gsize      *budget)
{
  gsize n = MIN ((gsize) (end - p), MIN (cap, *budget));

  *budget -= n;
  return p + n;
}

/* The position after a balanced "(…)" link destination starting at @p ('('), or NULL. */
static const char *
skip_link_destination (const char *p,
                       const char *end,
                       gsize      *budget)
{
  guint depth = 0;
  const char *limit = lookahead_limit (p, end, 2048, budget);

  for (; p < limit; p++)
    {
      if (*p == '\\' && p + 1 < limit)
        p++;
      else if (*p == '(')
        {
          if (++depth > 32)
            return NULL;
        }
      else if (*p == ')' && --depth == 0)
        return p + 1;
    }
  return NULL;
}

/* The matching ']' for the '[' at @p, within a short distance, else NULL. */
static const char *
find_bracket_close (const char *p,
                    const char *end,
                    gsize      *budget)
{
  guint depth = 0;
  const char *limit = lookahead_limit (p, end, 1024, budget);

  for (; p < limit; p++)
    {
      if (*p == '\\' && p + 1 < limit)
        p++;
      else if (*p == '[')
        depth++;
      else if (*p == ']' && --depth == 0)
        return p;
    }
  return NULL;
}

static gboolean
append_entity (GString     *out,
               const char **p,
               const char  *end)
{
  static const struct { const char *name; const char *text; } entities[] = {
    { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
    { "nbsp", "\xC2\xA0" }, { "mdash", "\xE2\x80\x94" }, { "ndash", "\xE2\x80\x93" },
    { "hellip", "\xE2\x80\xA6" }, { "lsquo", "\xE2\x80\x98" }, { "rsquo", "\xE2\x80\x99" },
    { "ldquo", "\xE2\x80\x9C" }, { "rdquo", "\xE2\x80\x9D" },
  };
  const char *semi, *name = *p + 1;
  const char *limit = end - name > 32 ? name + 32 : end;

  semi = memchr (name, ';', limit - name);
  if (semi == NULL || semi == name)
    return FALSE;

  if (*name == '#')
    {
      g_autofree char *digits = g_strndup (name + 1, semi - name - 1);
      gboolean hex = digits[0] == 'x' || digits[0] == 'X';
      const char *number = hex ? digits + 1 : digits;
      char *rest = NULL;
      guint64 value;

      if (*number == '\0' || !g_ascii_isxdigit (*number))
        return FALSE;
      value = g_ascii_strtoull (number, &rest, hex ? 16 : 10);
      /* Control characters (a line break too) stay written as entities. */
      if (*rest != '\0' || value < 0x20 || (value >= 0x7F && value < 0xA0) || value > 0x10FFFF ||
          (value >= 0xD800 && value <= 0xDFFF))
        return FALSE;
      g_string_append_unichar (out, (gunichar) value);
      *p = semi + 1;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      if ((gsize) (semi - name) == strlen (entities[i].name) &&
          memcmp (name, entities[i].name, semi - name) == 0)
        {
          g_string_append (out, entities[i].text);
          *p = semi + 1;
          return TRUE;
        }
    }
  return FALSE;
}

/* An HTML tag, an HTML comment or an autolink at @p ('<'): its end, else NULL. */
static const char *
skip_angle (GString    *out,
            const char *p,
            const char *end,
            gsize      *budget)
{
  const char *q = p + 1;
  const char *limit = lookahead_limit (p, end, 2048, budget);

  if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
    {
      const char *comment_end = lookahead_limit (p, end, G_MAXSIZE, budget);
      const char *close = comment_end - p > 4 ? g_strstr_len (p + 4, comment_end - p - 4, "-->")
                                              : NULL;

      return close != NULL ? close + 3 : NULL;
    }

  if (q < limit && *q == '/')
    q++;
  if (q >= limit || !g_ascii_isalpha (*q))
    return NULL;
  while (q < limit && (g_ascii_isalnum (*q) || *q == '-' || *q == '+' || *q == '.'))
    q++;

  if (q < limit && *q == ':' && p[1] != '/')
    {
      /* An autolink: the address is the text. */
      const char *close = q;

      while (close < limit && *close != '>' && *close != '<' && !is_ascii_space (*close))
        close++;
      if (close >= limit || *close != '>')
        return NULL;
      g_string_append_len (out, p + 1, close - p - 1);
      return close + 1;
    }

  if (q < limit && *q != '>' && *q != '/' && !is_ascii_space (*q))
    return NULL;
  while (q < limit && *q != '>' && *q != '<')
    q++;
  return q < limit && *q == '>' ? q + 1 : NULL;
}

static char *
md_inline (MdParser   *parser,
           const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) delimiters = g_array_new (FALSE, FALSE, sizeof (Delimiter));
  g_autoptr(GArray) link_ends = g_array_new (FALSE, FALSE, sizeof (const char *) * 2);
  const char *end = text + strlen (text);
  const char *p = text;
  g_autoptr(GString) result = NULL;
  gsize copied = 0;
  gsize budget = 16 * (gsize) (end - text) + 4096;
  g_autoptr(GArray) open_stars = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) open_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) open_tildes = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *openers[] = { open_stars, open_lines, open_tildes };

  while (p < end)
    {
      char c = *p;

      /* The end of a link's text: its destination or label goes. */
      if (link_ends->len > 0)
        {
          const char **top = &g_array_index (link_ends, const char *, (link_ends->len - 1) * 2);

          if (p == top[0])
            {
              p = top[1];
              g_array_set_size (link_ends, link_ends->len - 1);
              continue;
            }
        }

      if (c == '\\' && p + 1 < end && g_ascii_ispunct (p[1]))
        {
          g_string_append_c (out, p[1]);
          p += 2;
        }
      else if (c == '`')
        {
          guint n = count_run (p, end, '`');
          const char *q = p + n, *close = NULL;
          const char *limit = lookahead_limit (q, end, G_MAXSIZE, &budget);

          while (q < limit)
            {
              const char *tick = memchr (q, '`', limit - q);
              guint m;

              if (tick == NULL)
                break;
              m = count_run (tick, limit, '`');
              if (m == n)
                {
                  close = tick;
                  break;
                }
              q = tick + m;
            }

          if (close == NULL)
            {
              g_string_append_len (out, p, n);
              p += n;
            }
          else
            {
              const char *s = p + n, *e = close;

              if (e - s >= 2 && *s == ' ' && e[-1] == ' ')
                {
                  s++;
                  e--;
                }
              g_string_append_len (out, s, e - s);
              p = close + n;
            }
        }
      else if ((c == '[' || (c == '!' && p + 1 < end && p[1] == '[')))
        {
          const char *open = c == '!' ? p + 1 : p;
          const char *close = find_bracket_close (open, end, &budget);
          const char *after = NULL;

          if (close != NULL && close + 1 < end && close[1] == '(')
            after = skip_link_destination (close + 1, end, &budget);
          else if (close != NULL && close + 1 < end && close[1] == '[')
            {
              const char *label_end = lookahead_limit (close + 1, end, 1024, &budget);
              const char *label_close = memchr (close + 1, ']', label_end - close - 1);

              after = label_close != NULL ? label_close + 1 : NULL;
            }
          else if (close != NULL)
            {
              g_autofree char *label = g_utf8_casefold (open + 1, close - open - 1);

              if (g_hash_table_contains (parser->references, label))
                after = close + 1;
            }

          if (after == NULL)
            {
              g_string_append_c (out, c);
              p++;
            }
          else if (c == '!')
            p = after;   /* An image: its description is not article text. */
          else
            {
              const char *range[2] = { close, after };

              g_array_append_vals (link_ends, range, 1);
              p = open + 1;
            }
        }
      else if (c == '<')
        {
          const char *after = skip_angle (out, p, end, &budget);

          if (after == NULL)
            {
              g_string_append_c (out, c);
              p++;
            }
          else
            p = after;
        }
      else if (c == '&')
        {
          if (!append_entity (out, &p, end))
            {
              g_string_append_c (out, c);
              p++;
            }
        }
      else if (c == '*' || c == '_' || c == '~')
        {
          guint n = count_run (p, end, c);
          gunichar before = char_before (text, p), after = char_at (p + n, end);
          gboolean left = !is_md_space (after) &&
                          (!is_md_punct (after) || is_md_space (before) || is_md_punct (before));
          gboolean right = !is_md_space (before) &&
                           (!is_md_punct (before) || is_md_space (after) || is_md_punct (after));
          Delimiter d = { out->len, c, n, 0, 0, left, right };

          if (c == '_')
            {
              d.can_open = left && (!right || is_md_punct (before));
              d.can_close = right && (!left || is_md_punct (after));
            }
          if (c != '~' || n == 2)
            g_array_append_val (delimiters, d);
          g_string_append_len (out, p, n);
          p += n;
        }
      else
        {
          const char *q = p + 1;

          while (q < end && strchr ("\\`[]!<&*_~", *q) == NULL)
            q++;
          g_string_append_len (out, p, q - p);
          p = q;
        }
    }

  /* Emphasis: each closing run takes delimiters from the nearest opening runs of its
   * character before it (one stack per character, so that this stays linear); what is
   * left over stays as written. */
  for (guint i = 0; i < delimiters->len; i++)
    {
      Delimiter *d = &g_array_index (delimiters, Delimiter, i);
      GArray *stack = openers[d->c == '*' ? 0 : d->c == '_' ? 1 : 2];

      while (d->can_close && d->removed_left < d->count && stack->len > 0)
        {
          Delimiter *opener = &g_array_index (delimiters, Delimiter,
                                              g_array_index (stack, guint, stack->len - 1));
          guint available = opener->count - opener->removed_left - opener->removed_right;
          guint n = MIN (available, d->count - d->removed_left);

          opener->removed_right += n;
          d->removed_left += n;
          if (n == available)
            g_array_set_size (stack, stack->len - 1);
        }
      if (d->can_open && d->removed_left < d->count)
        g_array_append_val (stack, i);
    }

  result = g_string_sized_new (out->len);
  for (guint i = 0; i < delimiters->len; i++)
    {
      const Delimiter *d = &g_array_index (delimiters, Delimiter, i);
      gsize keep = d->count - d->removed_left - d->removed_right;

      g_string_append_len (result, out->str + copied, d->position - copied);
      g_string_append_len (result, out->str + d->position, keep);
      copied = d->position + d->count;
    }
  g_string_append_len (result, out->str + copied, out->len - copied);

  return g_string_free (g_steal_pointer (&result), FALSE);
}

static void
md_parser_clear (MdParser *parser)
{
  g_clear_pointer (&parser->paragraphs, g_ptr_array_unref);
  if (parser->current != NULL)
    g_string_free (parser->current, TRUE);
  g_free (parser->title);
  g_free (parser->front_title);
  g_free (parser->date);
  g_free (parser->publisher);
  g_free (parser->source);
  g_free (parser->url);
  g_clear_pointer (&parser->references, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MdParser, md_parser_clear)

static AmArticle *
import_markdown (const char  *data,
                 gsize        size,
                 const char  *display_name,
                 GError     **error)
{
  g_auto(MdParser) parser = { 0 };
  g_autoptr(GPtrArray) body = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  AmArticle *article;

  parser.paragraphs = g_ptr_array_new_with_free_func (g_free);
  parser.current = g_string_new (NULL);
  parser.references = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for_each_line (data, size, md_line, &parser);
  md_flush (&parser);

  for (guint i = 0; i < parser.paragraphs->len; i++)
    {
      char *text = md_inline (&parser, g_ptr_array_index (parser.paragraphs, i));

      if (is_blank (text, -1))
        g_free (text);
      else
        g_ptr_array_add (body, g_strstrip (text));
    }

  if (parser.title != NULL || parser.front_title != NULL)
    {
      title = md_inline (&parser, parser.title != NULL ? parser.title : parser.front_title);
      g_strstrip (title);
      if (is_blank (title, -1))
        g_clear_pointer (&title, g_free);
    }

  if (title == NULL && body->len == 0)
    {
      fail_empty (display_name, error);
      return NULL;
    }

  if (title != NULL)
    article = article_new (g_steal_pointer (&title), body);
  else
    article = article_from_paragraphs (body);

  article->date = g_steal_pointer (&parser.date);
  article->publisher = g_steal_pointer (&parser.publisher);
  article->source = g_steal_pointer (&parser.source);
  article->url = g_steal_pointer (&parser.url);
  return article;
}

/* ---- HTML ---------------------------------------------------------------------------- */

/* Whole subtrees that are never article text. */
static const char * const dropped_elements[] = {
  "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template",
  "iframe", "object", "embed", "svg", "math", "canvas", "button", "select", "textarea",
  "figcaption", "dialog", "head", "title", "audio", "video", "picture", "map", NULL,
};

/* ARIA roles of page furniture. */
static const char * const dropped_roles[] = {
  "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog",
  "search", "menu", "menubar", "toolbar", "alert", NULL,
};

/* Words in a class or id that mark banners, teasers and sharing boxes. */
static const char * const noise_words[] = {
  "cookie", "consent", "gdpr", "newsletter", "advert", "social", "share", "promo",
  "related", "paywall", "subscribe", NULL,
};

/* Elements whose text is one paragraph. */
static const char * const paragraph_elements[] = {
  "p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", NULL,
};

/* Elements that separate words (the rest are inline: "wo<b>rd</b>" is one word). */
static const char * const block_elements[] = {
  "address", "article", "br", "dd", "div", "dl", "dt", "fieldset", "figure", "h1", "hr",
  "main", "ol", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
  "ul", "img", NULL,
};

typedef struct
{
  char       *title_element;  /* <title> */
  char       *og_title;
  char       *date;
  char       *publisher;
  char       *url;
  char       *canonical;
  xmlNode    *body;
  xmlNode    *main;
  GPtrArray  *articles;       /* outermost <article> elements, not inside dropped ones */
} HtmlSurvey;

static gboolean
name_is (const xmlNode *node,
         const char    *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (const xmlNode      *node,
         const char * const *names)
{
  if (node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
        return TRUE;
    }
  return FALSE;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static gboolean
has_noise_word (const char *value)
{
  g_autofree char *lower = NULL;

  if (value == NULL)
    return FALSE;
  lower = g_ascii_strdown (value, -1);
  for (guint i = 0; noise_words[i] != NULL; i++)
    {
      if (strstr (lower, noise_words[i]) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* Is this element's subtree page furniture, hidden, or not text at all? */
static gboolean
is_dropped (xmlNode  *node,
            gboolean  allow_header)
{
  g_autofree char *role = NULL;
  g_autofree char *aria_hidden = NULL;
  g_autofree char *style = NULL;
  g_autofree char *class_name = NULL;
  g_autofree char *id = NULL;

  if (node->type != XML_ELEMENT_NODE)
    return node->type != XML_TEXT_NODE && node->type != XML_CDATA_SECTION_NODE &&
           node->type != XML_ENTITY_REF_NODE;

  if (name_in (node, dropped_elements) && !(allow_header && name_is (node, "header")))
    return TRUE;

  if (xmlHasProp (node, (const xmlChar *) "hidden") != NULL)
    return TRUE;

  aria_hidden = get_attribute (node, "aria-hidden");
  if (aria_hidden != NULL && g_ascii_strcasecmp (aria_hidden, "true") == 0)
    return TRUE;

  role = get_attribute (node, "role");
  if (role != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (role, -1);

      if (g_strv_contains (dropped_roles, g_strstrip (lower)))
        return TRUE;
    }

  style = get_attribute (node, "style");
  if (style != NULL)
    {
      g_autofree char *compact = g_ascii_strdown (style, -1);
      char *w = compact;

      for (const char *r = compact; *r != '\0'; r++)
        {
          if (!is_ascii_space (*r))
            *w++ = *r;
        }
      *w = '\0';
      if (strstr (compact, "display:none") != NULL || strstr (compact, "visibility:hidden") != NULL)
        return TRUE;
    }

  /* The containers that hold the story are never dropped for their names. */
  if (name_is (node, "article") || name_is (node, "main") || name_is (node, "body") ||
      name_is (node, "html"))
    return FALSE;

  class_name = get_attribute (node, "class");
  id = get_attribute (node, "id");
  return has_noise_word (class_name) || has_noise_word (id);
}

/* The next node in document order within @root, skipping @node's children when
 * @skip_children; calls @leave for every element left. */
typedef void (*LeaveFunc) (xmlNode *node, gpointer user_data);

static xmlNode *
next_node (xmlNode   *root,
           xmlNode   *node,
           gboolean   skip_children,
           LeaveFunc  leave,
           gpointer   user_data)
{
  if (!skip_children && node->children != NULL)
    return node->children;

  while (node != root)
    {
      if (leave != NULL && node->type == XML_ELEMENT_NODE && !skip_children)
        leave (node, user_data);
      skip_children = FALSE;
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }
  return NULL;
}

/* ASCII white space runs → one space, trimmed at both ends; a no-break space stays. */
static char *
collapse_white_space (const char *text,
                      gsize       length)
{
  GString *out = g_string_sized_new (length);
  gboolean space = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (is_ascii_space (text[i]))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, text[i]);
        }
    }

  if (!g_utf8_validate (out->str, out->len, NULL))
    {
      char *valid = g_utf8_make_valid (out->str, out->len);

      g_string_free (out, TRUE);
      return valid;
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  xmlNode   *root;
  GPtrArray *paragraphs;
  GString   *text;
  guint      depth;        /* paragraph elements entered and not left */
  gsize      length;       /* bytes of text in paragraphs */
} HtmlWalk;

static void
walk_flush (HtmlWalk *walk)
{
  char *paragraph;

  if (walk->text->len == 0)
    return;
  paragraph = collapse_white_space (walk->text->str, walk->text->len);
  g_string_truncate (walk->text, 0);
  if (is_blank (paragraph, -1))
    {
      g_free (paragraph);
      return;
    }
  walk->length += strlen (paragraph);
  g_ptr_array_add (walk->paragraphs, paragraph);
}

static void
walk_leave (xmlNode  *node,
            gpointer  user_data)
{
  HtmlWalk *walk = user_data;

  if (name_in (node, paragraph_elements))
    {
      walk_flush (walk);
      walk->depth--;
    }
  else if (walk->depth > 0 && name_in (node, block_elements))
    g_string_append_c (walk->text, ' ');
}

/* The paragraphs under @root, in document order. */
static GPtrArray *
html_paragraphs (xmlNode *root,
                 gsize   *length)
{
  g_autoptr(GString) text = g_string_new (NULL);
  HtmlWalk walk = { root, g_ptr_array_new_with_free_func (g_free), text, 0, 0 };
  xmlNode *node = root->children;

  while (node != NULL)
    {
      gboolean skip = FALSE;

      if (is_dropped (node, FALSE))
        skip = TRUE;
      else if (node->type == XML_ELEMENT_NODE)
        {
          if (name_in (node, paragraph_elements))
            {
              walk_flush (&walk);
              walk.depth++;
            }
          else if (walk.depth > 0 && name_in (node, block_elements))
            g_string_append_c (walk.text, ' ');

          if (node->children == NULL)
            walk_leave (node, &walk);
        }
      else if (walk.depth > 0 && node->content != NULL)
        g_string_append (walk.text, (const char *) node->content);

      node = next_node (root, node, skip, walk_leave, &walk);
    }
  walk_flush (&walk);

  *length = walk.length;
  return walk.paragraphs;
}

/* The text of @node's subtree, white space collapsed (dropped subtrees left out). */
static char *
html_text (xmlNode *element)
{
  g_autoptr(GString) text = g_string_new (NULL);
  xmlNode *node = element->children;

  while (node != NULL)
    {
      gboolean skip = is_dropped (node, TRUE) && !name_is (node, "title");

      if (!skip && node->type != XML_ELEMENT_NODE && node->content != NULL)
        g_string_append (text, (const char *) node->content);
      else if (!skip && name_in (node, block_elements))
        g_string_append_c (text, ' ');
      node = next_node (element, node, skip, NULL, NULL);
    }
  return collapse_white_space (text->str, text->len);
}

/* The first <h1> under @root with text, else NULL.  Headers count: the story's headline
 * is often in its <header>. */
static char *
html_first_h1 (xmlNode  *root,
               gboolean  allow_header)
{
  xmlNode *node = root->children;

  while (node != NULL)
    {
      gboolean skip = is_dropped (node, allow_header);

      if (!skip && name_is (node, "h1"))
        {
          char *text = html_text (node);

          if (!is_blank (text, -1))
            return text;
          g_free (text);
          skip = TRUE;
        }
      node = next_node (root, node, skip, NULL, NULL);
    }
  return NULL;
}

static void
html_survey_clear (HtmlSurvey *survey)
{
  g_free (survey->title_element);
  g_free (survey->og_title);
  g_free (survey->date);
  g_free (survey->publisher);
  g_free (survey->url);
  g_free (survey->canonical);
  g_clear_pointer (&survey->articles, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HtmlSurvey, html_survey_clear)

static void
survey_meta (HtmlSurvey *survey,
             xmlNode    *node)
{
  static const char * const date_keys[] = {
    "article:published_time", "og:published_time", "datepublished", "date", "dc.date",
    "dc.date.issued", "dcterms.date", "dcterms.created", "pubdate", "publishdate", NULL,
  };
  g_autofree char *property = get_attribute (node, "property");
  g_autofree char *name = get_attribute (node, "name");
  g_autofree char *itemprop = get_attribute (node, "itemprop");
  g_autofree char *content = get_attribute (node, "content");
  g_autofree char *key = NULL;
  char *value;

  if (content == NULL)
    return;
  key = g_ascii_strdown (property != NULL ? property : name != NULL ? name :
                         itemprop != NULL ? itemprop : "", -1);
  value = collapse_white_space (content, strlen (content));
  if (*value == '\0')
    {
      g_free (value);
      return;
    }

  if (g_strv_contains (date_keys, key) && survey->date == NULL &&
      _am_date_parse (value, NULL, NULL, NULL) != AM_DATE_INVALID)
    survey->date = g_steal_pointer (&value);
  else if (g_str_equal (key, "og:site_name") && survey->publisher == NULL)
    survey->publisher = g_steal_pointer (&value);
  else if (g_str_equal (key, "og:url") && survey->url == NULL && _am_json_is_web_url (value))
    survey->url = g_steal_pointer (&value);
  else if (g_str_equal (key, "og:title") && survey->og_title == NULL)
    survey->og_title = g_steal_pointer (&value);
  g_free (value);
}

/* One pass over the whole page for what is not paragraphs. */
static void
html_survey (HtmlSurvey *survey,
             xmlNode    *root)
{
  xmlNode *node = root;

  survey->articles = g_ptr_array_new ();

  while (node != NULL)
    {
      gboolean skip = FALSE;

      if (name_is (node, "meta"))
        survey_meta (survey, node);
      else if (name_is (node, "title") && survey->title_element == NULL)
        survey->title_element = html_text (node);
      else if (name_is (node, "link") && survey->canonical == NULL)
        {
          g_autofree char *rel = get_attribute (node, "rel");
          g_autofree char *href = get_attribute (node, "href");

          if (rel != NULL && href != NULL &&
              g_ascii_strcasecmp (g_strstrip (rel), "canonical") == 0 &&
              _am_json_is_web_url (g_strstrip (href)))
            survey->canonical = g_steal_pointer (&href);
        }
      else if (name_is (node, "body") && survey->body == NULL)
        survey->body = node;
      else if (name_is (node, "head"))
        ;  /* Its <meta>, <title> and <link> are read above. */
      else if (node != root && is_dropped (node, FALSE))
        skip = TRUE;
      else if (name_is (node, "main") && survey->main == NULL)
        survey->main = node;
      else if (name_is (node, "article"))
        {
          /* Only the outermost <article> elements: nested ones are inside them. */
          xmlNode *up = node->parent;

          while (up != NULL && !name_is (up, "article"))
            up = up->parent;
          if (up == NULL)
            g_ptr_array_add (survey->articles, node);
        }

      node = next_node (root, node, skip, NULL, NULL);
    }
}

/* libxml2 names for the character sets pages declare; HTML's "iso-8859-1" is really
 * windows-1252 (and so is ASCII), as browsers read it. */
static const char *
canonical_charset (const char *name)
{
  static const char * const windows_1252[] = {
    "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252", "x-cp1252",
    "windows-1252", "iso_8859-1", NULL,
  };
  static const char * const utf8[] = { "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16",
                                       "utf-16le", "utf-16be", NULL };

  for (guint i = 0; utf8[i] != NULL; i++)
    {
      /* A page whose <meta> is readable as ASCII is not in UTF-16 (the BOM says it is). */
      if (g_ascii_strcasecmp (name, utf8[i]) == 0)
        return "UTF-8";
    }
  for (guint i = 0; windows_1252[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (name, windows_1252[i]) == 0)
        return "WINDOWS-1252";
    }
  return name;
}

static const char *
find_ascii_case (const char *haystack,
                 const char *end,
                 const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = haystack; p + n <= end; p++)
    {
      if (g_ascii_strncasecmp (p, needle, n) == 0)
        return p;
    }
  return NULL;
}

/* The character set the page declares before its <body>: <meta charset>,
 * <meta http-equiv="Content-Type" content="…; charset=…"> or <?xml … encoding="…"?>. */
static char *
html_declared_charset (const char *data,
                       gsize       size)
{
  const char *end = data + MIN (size, CHARSET_SCAN_LIMIT);
  const char *body = find_ascii_case (data, end, "<body");
  const char *p = data;

  if (body != NULL)
    end = body;

  while (p < end)
    {
      const char *tag = find_ascii_case (p, end, "<meta");
      const char *xml = p == data ? find_ascii_case (p, MIN (end, data + 256), "<?xml") : NULL;
      const char *tag_end, *key;
      const char *start = xml != NULL ? xml : tag;
      const char *word = xml != NULL ? "encoding" : "charset";

      if (start == NULL)
        return NULL;
      tag_end = memchr (start, '>', end - start);
      if (tag_end == NULL)
        return NULL;
      p = tag_end + 1;

      key = find_ascii_case (start, tag_end, word);
      if (key != NULL)
        {
          const char *v = key + strlen (word), *v_end;

          while (v < tag_end && is_ascii_space (*v))
            v++;
          if (v >= tag_end || *v != '=')
            continue;
          v++;
          while (v < tag_end && (is_ascii_space (*v) || *v == '"' || *v == '\''))
            v++;
          for (v_end = v; v_end < tag_end; v_end++)
            {
              if (!g_ascii_isalnum (*v_end) && *v_end != '-' && *v_end != '_' && *v_end != '.' &&
                  *v_end != ':')
                break;
            }
          if (v_end > v)
            return g_strndup (v, v_end - v);
        }
    }
  return NULL;
}

static gsize
total_length (GPtrArray *paragraphs)
{
  gsize length = 0;

  for (guint i = 0; i < paragraphs->len; i++)
    length += strlen (g_ptr_array_index (paragraphs, i));
  return length;
}

static void
note_generic_error (void       *context,
                    const char *message,
                    ...)
{
  gboolean *failed = context;

  *failed = TRUE;
}

/* @bom_encoding: the character set a byte order mark gave (the mark is gone), or NULL. */
static AmArticle *
import_html (const char  *data,
             gsize        size,
             const char  *bom_encoding,
             const char  *display_name,
             GError     **error)
{
  g_auto(HtmlSurvey) survey = { 0 };
  g_autoptr(GPtrArray) body = NULL;
  g_autofree char *declared = NULL;
  g_autofree char *title = NULL;
  const char *encoding;
  xmlNode *root, *content = NULL;
  htmlDocPtr doc;
  xmlGenericErrorFunc saved_error_func;
  void *saved_error_context;
  gboolean conversion_failed = FALSE;
  gsize body_length = 0, best_length = 0;
  AmArticle *article;

  if (size > G_MAXINT)
    {
      /* Unreachable under the size cap; libxml2 takes an int. */
      g_set_error (error, AM_ARTICLE_ERROR, AM_ARTICLE_ERROR_TOO_LARGE,
                   /* Translators: an error importing an article; %s is the file name */
                   _("%s: the page is too large"), display_name);
      return NULL;
    }

  if (bom_encoding != NULL)
    encoding = bom_encoding;
  else
    {
      declared = html_declared_charset (data, size);
      encoding = declared != NULL ? canonical_charset (declared) : "UTF-8";
    }

  if (g_str_equal (encoding, "UTF-8"))
    {
      if (!check_utf8 (data, size, display_name, error))
        return NULL;
    }
  else
    {
      xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler (encoding);

      if (handler == NULL)
        {
          g_set_error (error, AM_ARTICLE_ERROR, AM_ARTICLE_ERROR_NOT_UTF8,
                       /* Translators: an error importing an article; the first %s is the
                        * file name, the second the name of a character set */
                       _("%s: the page is in a character set that is not known (“%s”)"),
                       display_name, declared);
          return NULL;
        }
      xmlCharEncCloseFunc (handler);
    }

  /* The network stays off; no DTD or entity is loaded; parse errors go nowhere (the page
   * is repaired as browsers do); the declared character set was decided above.  libxml2
   * reports a failed conversion through its (per-thread) generic error handler, and stops
   * reading there: that is an error of its own rather than half a page. */
  saved_error_func = xmlGenericError;
  saved_error_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (&conversion_failed, note_generic_error);
  doc = htmlReadMemory (data, (int) size, NULL, encoding,
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC);
  xmlSetGenericErrorFunc (saved_error_context, saved_error_func);

  if (conversion_failed)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, AM_ARTICLE_ERROR, AM_ARTICLE_ERROR_NOT_UTF8,
                   /* Translators: an error importing an article; the first %s is the file
                    * name, the second the name of a character set */
                   _("%s: the page is not valid %s, the character set it is in"),
                   display_name, declared != NULL ? declared : encoding);
      return NULL;
    }

  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, AM_ARTICLE_ERROR, AM_ARTICLE_ERROR_NO_PARAGRAPHS,
                   /* Translators: an error importing an article; %s is the file name */
                   _("%s: the page has no paragraphs"), display_name);
      return NULL;
    }

  html_survey (&survey, root);
  if (survey.body == NULL)
    survey.body = root;

  /* The story is the <article> with the most text, when it holds at least half the text
   * of the <main> (or the page); else the <main>, when it holds half the page; else the
   * page. */
  body = html_paragraphs (survey.body, &body_length);
  content = survey.body;
  if (survey.main != NULL)
    {
      gsize main_length;
      g_autoptr(GPtrArray) main_paragraphs = html_paragraphs (survey.main, &main_length);

      if (main_length > 0 && main_length * 2 >= body_length)
        {
          g_ptr_array_unref (body);
          body = g_steal_pointer (&main_paragraphs);
          body_length = main_length;
          content = survey.main;
        }
    }
  for (guint i = 0; i < survey.articles->len; i++)
    {
      xmlNode *candidate = g_ptr_array_index (survey.articles, i);
      gsize length;
      g_autoptr(GPtrArray) paragraphs = html_paragraphs (candidate, &length);

      if (length > best_length && length * 2 >= body_length)
        {
          g_ptr_array_unref (body);
          body = g_steal_pointer (&paragraphs);
          best_length = length;
          content = candidate;
        }
    }
  g_assert (total_length (body) <= MAX (body_length, best_length));

  title = content != survey.body ? html_first_h1 (content, TRUE) : NULL;
  if (title == NULL)
    title = html_first_h1 (survey.body, FALSE);
  xmlFreeDoc (doc);

  if (body->len == 0)
    {
      g_set_error (error, AM_ARTICLE_ERROR, AM_ARTICLE_ERROR_NO_PARAGRAPHS,
                   /* Translators: an error importing an article; %s is the file name */
                   _("%s: the page has no paragraphs"), display_name);
      return NULL;
    }

  if (title == NULL && survey.og_title != NULL)
    title = g_steal_pointer (&survey.og_title);
  if (title == NULL && survey.title_element != NULL && !is_blank (survey.title_element, -1))
    title = g_steal_pointer (&survey.title_element);

  if (title != NULL)
    {
      /* The headline is not repeated as the first paragraph. */
      if (g_str_equal (g_ptr_array_index (body, 0), title))
        g_ptr_array_remove_index (body, 0);
      article = article_new (g_steal_pointer (&title), body);
    }
  else
    article = article_from_paragraphs (body);

  article->date = g_steal_pointer (&survey.date);
  article->publisher = g_steal_pointer (&survey.publisher);
  article->url = survey.url != NULL ? g_steal_pointer (&survey.url)
                                    : g_steal_pointer (&survey.canonical);
  return article;
}

/* ---- Entry points -------------------------------------------------------------------- */

AmArticleFormat
am_article_format_for_name (const char *name)
{
  static const struct { const char *suffix; AmArticleFormat format; } suffixes[] = {
    { ".txt", AM_ARTICLE_FORMAT_TEXT }, { ".text", AM_ARTICLE_FORMAT_TEXT },
    { ".md", AM_ARTICLE_FORMAT_MARKDOWN }, { ".markdown", AM_ARTICLE_FORMAT_MARKDOWN },
    { ".mdown", AM_ARTICLE_FORMAT_MARKDOWN }, { ".mkd", AM_ARTICLE_FORMAT_MARKDOWN },
    { ".html", AM_ARTICLE_FORMAT_HTML }, { ".htm", AM_ARTICLE_FORMAT_HTML },
    { ".xhtml", AM_ARTICLE_FORMAT_HTML },
  };
  const char *dot;

  if (name == NULL || (dot = strrchr (name, '.')) == NULL)
    return AM_ARTICLE_FORMAT_AUTO;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      if (g_ascii_strcasecmp (dot, suffixes[i].suffix) == 0)
        return suffixes[i].format;
    }
  return AM_ARTICLE_FORMAT_AUTO;
}

/* HTML when it opens like a page; Markdown when it has Markdown's block marks (an ATX
 * heading first, a setext underline, a fence, a link); else text. */
static AmArticleFormat
sniff_format (const char *data,
              gsize       size)
{
  const char *end = data + MIN (size, 4096);
  const char *p = data;
  static const char * const html_marks[] = {
    "<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p ", "<div", "<meta",
    "<title", NULL,
  };

  if (has_utf16_bom (data, size))
    return AM_ARTICLE_FORMAT_HTML;

  while (p < end && is_ascii_space (*p))
    p++;

  if (p < end && *p == '<')
    {
      for (guint i = 0; html_marks[i] != NULL; i++)
        {
          if (find_ascii_case (p, end, html_marks[i]) != NULL)
            return AM_ARTICLE_FORMAT_HTML;
        }
    }

  if (end - p >= 2 && p[0] == '#' && (p[1] == ' ' || p[1] == '#'))
    return AM_ARTICLE_FORMAT_MARKDOWN;
  if (end - p >= 4 && memcmp (p, "---\n", 4) == 0)
    return AM_ARTICLE_FORMAT_MARKDOWN;
  if (g_strstr_len (p, end - p, "\n===") != NULL || g_strstr_len (p, end - p, "\n```") != NULL ||
      g_strstr_len (p, end - p, "\n# ") != NULL || g_strstr_len (p, end - p, "\n## ") != NULL)
    return AM_ARTICLE_FORMAT_MARKDOWN;
  if (g_strstr_len (p, end - p, "](http") != NULL)
    return AM_ARTICLE_FORMAT_MARKDOWN;

  return AM_ARTICLE_FORMAT_TEXT;
}

static void
init_libxml (void)
{
  static gsize initialized = 0;

  /* libxml2 wants its global state set up once, before threads use it. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * am_article_import_bytes:
 * @bytes: the article
 * @format: its format, or %AM_ARTICLE_FORMAT_AUTO
 * @display_name: (nullable): what messages call it (a file name)
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the article, or %NULL with @error set in
 *   %AM_ARTICLE_ERROR
 */
AmArticle *
am_article_import_bytes (GBytes           *bytes,
                         AmArticleFormat   format,
                         const char       *display_name,
                         GError          **error)
{
  g_autofree char *name = NULL;
  const char *bom_encoding = NULL;
  const char *data;
  gsize size = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL || !g_utf8_validate (display_name, -1, NULL))
    /* Translators: what an article without a file name is called in error messages */
    name = display_name == NULL ? g_strdup (_("article")) : g_utf8_make_valid (display_name, -1);
  else
    name = g_strdup (display_name);

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    data = "";

  if (size > AM_ARTICLE_MAX_SIZE)
    {
      g_set_error (error, AM_ARTICLE_ERROR, AM_ARTICLE_ERROR_TOO_LARGE,
                   /* Translators: an error importing an article; %s is the file name, then
                    * its size and the largest size read, both in bytes */
                   _("%s: file too large (%" G_GSIZE_FORMAT " bytes; the limit is %d)"),
                   name, size, AM_ARTICLE_MAX_SIZE);
      return NULL;
    }

  if (format == AM_ARTICLE_FORMAT_AUTO)
    format = am_article_format_for_name (name);
  if (format == AM_ARTICLE_FORMAT_AUTO)
    format = sniff_format (data, size);

  if (has_utf16_bom (data, size))
    {
      if (format == AM_ARTICLE_FORMAT_HTML)
        {
          init_libxml ();
          return import_html (data + 2, size - 2,
                              (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", name, error);
        }
      g_set_error (error, AM_ARTICLE_ERROR, AM_ARTICLE_ERROR_NOT_UTF8,
                   /* Translators: an error importing an article; %s is the file name */
                   _("%s: the text is in UTF-16, not UTF-8; save it as UTF-8 and try again"),
                   name);
      return NULL;
    }

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      bom_encoding = "UTF-8";
      data += 3;
      size -= 3;
    }

  if (is_ascii_blank (data, size))
    {
      fail_empty (name, error);
      return NULL;
    }

  if (!check_not_binary (data, size, name, error))
    return NULL;

  switch (format)
    {
    case AM_ARTICLE_FORMAT_HTML:
      init_libxml ();
      return import_html (data, size, bom_encoding, name, error);

    case AM_ARTICLE_FORMAT_MARKDOWN:
      if (!check_utf8 (data, size, name, error))
        return NULL;
      return import_markdown (data, size, name, error);

    case AM_ARTICLE_FORMAT_AUTO:
    case AM_ARTICLE_FORMAT_TEXT:
    default:
      if (!check_utf8 (data, size, name, error))
        return NULL;
      return import_text (data, size, name, error);
    }
}

static AmArticleError
article_error_code (int model_code)
{
  switch (model_code)
    {
    case AM_MODEL_ERROR_NOT_REGULAR:
      return AM_ARTICLE_ERROR_NOT_REGULAR;
    case AM_MODEL_ERROR_TOO_LARGE:
      return AM_ARTICLE_ERROR_TOO_LARGE;
    default:
      return AM_ARTICLE_ERROR_READ;
    }
}

/**
 * am_article_import_file:
 * @file: an article file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * The file is checked before it is opened (a regular file of at most
 * %AM_ARTICLE_MAX_SIZE bytes), so a FIFO or a device never blocks; its format comes from
 * its name, else from its content.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL with @error set in
 *   %AM_ARTICLE_ERROR (or %G_IO_ERROR_CANCELLED)
 */
AmArticle *
am_article_import_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *read_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = am_document_read_file (file, cancellable, &display_name, &read_error);
  if (bytes == NULL)
    {
      if (read_error->domain == AM_MODEL_ERROR)
        {
          /* The same message, in the article's domain. */
          read_error->domain = AM_ARTICLE_ERROR;
          read_error->code = article_error_code (read_error->code);
        }
      g_propagate_error (error, read_error);
      return NULL;
    }

  return am_article_import_bytes (bytes, AM_ARTICLE_FORMAT_AUTO, display_name, error);
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  AmArticle *article = am_article_import_file (task_data, cancellable, &error);

  if (article == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, article, (GDestroyNotify) am_article_free);
}

void
am_article_import_file_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_article_import_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_file_thread);
}

AmArticle *
am_article_import_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_article_import_file_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * am_article_to_document:
 * @article: an imported article
 * @error: return location for an error
 *
 * A new map of @article with nothing on it yet: the article (title, date, publisher,
 * source, URL and paragraphs) and no items, %AM_DOCUMENT_ORIGIN_MODEL.  The importers only
 * keep dates and URLs that the model accepts, so an imported article always gives a
 * document; an article made by hand with a bad date or URL gives %AM_MODEL_ERROR.
 *
 * Returns: (transfer full) (nullable): the document
 */
AmDocument *
am_article_to_document (const AmArticle  *article,
                        GError          **error)
{
  g_autoptr(AmDocumentBuilder) builder = NULL;

  g_return_val_if_fail (article != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  builder = am_document_builder_new ();
  am_document_builder_set_article_field (builder, AM_ARTICLE_FIELD_TITLE, article->title);
  am_document_builder_set_article_field (builder, AM_ARTICLE_FIELD_DATE, article->date);
  am_document_builder_set_article_field (builder, AM_ARTICLE_FIELD_PUBLISHER, article->publisher);
  am_document_builder_set_article_field (builder, AM_ARTICLE_FIELD_SOURCE, article->source);
  am_document_builder_set_article_field (builder, AM_ARTICLE_FIELD_URL, article->url);
  am_document_builder_set_paragraphs (builder, (const char * const *) article->paragraphs);

  /* Translators: what a new map's errors call it before it has a file name */
  return am_document_builder_build (builder, _("article"), error);
}
