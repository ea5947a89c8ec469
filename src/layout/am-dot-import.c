/* am-dot-import.c — the DOT import wire format, its filter and the parent-side decoder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing here calls Graphviz: this file runs in the application on whatever the helper
 * sent, so it is written (and fuzzed, fuzz/fuzz-dot-import.c) as if the helper were
 * hostile.  The same filter runs in the helper before anything is sent, so a well-behaved
 * helper never sends what the decoder would drop.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-dot-import.h"
#include "am-layout-private.h"

/* ------------------------------------------------------------------------------------ */
/* The attribute filter (docs/graphviz-import.md lists the same rules)                  */

/* Attributes that make Graphviz (or a viewer of its output) read files, follow links,
 * run scripts or name things in an SVG.  Matched without case; see is_dropped(). */
static const char * const dropped_names[] = {
  "id",
  "class",
  "target",
  "stylesheet",
  "fontpath",
  "shapefile",
  "charset",      /* the helper converts the text; the name means nothing afterwards */
};

/* Suffixes covering the families: URL, href, edgeURL, headhref, labeltarget, tooltip,
 * edgetooltip, … (tooltips may carry scripts into SVG and image maps). */
static const char * const dropped_suffixes[] = {
  "url",
  "href",
  "target",
  "tooltip",
};

typedef struct
{
  const char *name;
  double      lo;
  double      hi;
} Clamp;

/* Numbers that crash or upset Graphviz 2.42.2 when huge (robustness.md §1). */
static const Clamp node_edge_clamps[] = {
  { "weight", 0, 1000 },
  { "minlen", 0, 10 },
  { "fontsize", 1, 200 },
  { "labelfontsize", 1, 200 },
};

static gboolean
is_dropped (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  /* xdot drawing operations and other output-only attributes (_draw_, _ldraw_,
   * _background) are large and mean nothing to Actormap. */
  if (name[0] == '_')
    return TRUE;
  /* image, imagepath, imagepos, imagescale: all about reading image files. */
  if (g_str_has_prefix (lower, "image"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (dropped_names); i++)
    if (g_str_equal (lower, dropped_names[i]))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (dropped_suffixes); i++)
    if (g_str_has_suffix (lower, dropped_suffixes[i]))
      return TRUE;

  return FALSE;
}

/* A finite number, with nothing but white space after it; what Graphviz would read. */
static gboolean
parse_number (const char *value,
              gboolean    allow_suffix,
              double     *out)
{
  char *end = NULL;
  double v;

  while (g_ascii_isspace (*value))
    value++;
  if (*value == '\0')
    return FALSE;

  v = g_ascii_strtod (value, &end);
  if (end == value || !isfinite (v))
    return FALSE;
  if (!allow_suffix)
    {
      while (g_ascii_isspace (*end))
        end++;
      if (*end != '\0')
        return FALSE;
    }

  *out = v;
  return TRUE;
}

static char *
format_number (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", v));
}

static char *
filter_graph (const char *name,
              const char *value)
{
  double v;

  if (g_str_equal (name, "rankdir"))
    {
      static const char * const dirs[] = { "TB", "LR", "BT", "RL" };

      for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
        if (g_ascii_strcasecmp (value, dirs[i]) == 0)
          return g_strdup (dirs[i]);
      return NULL;
    }

  /* ranksep may say "1.2 equally": only the number counts here. */
  if (g_str_equal (name, "nodesep") || g_str_equal (name, "ranksep"))
    {
      if (!parse_number (value, g_str_equal (name, "ranksep"), &v))
        return NULL;
      return format_number (CLAMP (v, AM_SEP_MIN_IN, AM_SEP_MAX_IN));
    }

  if (g_str_equal (name, "layout"))
    {
      g_autofree char *lower = g_ascii_strdown (value, -1);

      if (am_layout_engine_from_string (lower, NULL))
        return g_steal_pointer (&lower);
      return NULL;
    }

  /* Everything else at graph level is dropped: concentrate, newrank, splines (ortho
   * aborts), the iteration limits (Actormap sets its own), charset, … */
  return NULL;
}

/**
 * _am_dot_filter_attribute:
 * @scope: where the attribute was set
 * @name: its name
 * @value: its value (valid UTF-8)
 *
 * Graph attributes are an allowlist (rankdir, nodesep, ranksep, layout), normalised and
 * clamped.  Node and edge attributes are kept for the detail panel unless they refer to
 * files, links or scripts; the numbers that crash Graphviz 2.42.2 when huge are clamped,
 * and dropped when they are not numbers.  None of the kept node or edge attributes
 * reaches Graphviz except through the layout request, which re-checks them.
 *
 * Returns: (transfer full) (nullable): the value to keep, or %NULL to drop it
 */
char *
_am_dot_filter_attribute (AmDotScope  scope,
                          const char *name,
                          const char *value)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  if (*name == '\0' || strlen (name) > AM_DOT_MAX_KEY_BYTES ||
      !g_utf8_validate (name, -1, NULL) || !g_utf8_validate (value, -1, NULL) ||
      strlen (value) > AM_DOT_MAX_VALUE_BYTES)
    return NULL;

  if (is_dropped (name))
    return NULL;

  if (scope == AM_DOT_SCOPE_GRAPH)
    return filter_graph (name, value);

  for (guint i = 0; i < G_N_ELEMENTS (node_edge_clamps); i++)
    {
      const Clamp *c = &node_edge_clamps[i];
      double v;

      if (!g_str_equal (name, c->name))
        continue;
      if (!parse_number (value, FALSE, &v))
        return NULL;
      return format_number (CLAMP (v, c->lo, c->hi));
    }

  return g_strdup (value);
}

/* ------------------------------------------------------------------------------------ */
/* Sniffing                                                                             */

static gboolean
keyword_at (const guint8 *p,
            const guint8 *end,
            const char   *keyword)
{
  gsize n = strlen (keyword);

  if ((gsize) (end - p) < n || g_ascii_strncasecmp ((const char *) p, keyword, n) != 0)
    return FALSE;

  /* Not the start of a longer identifier ("graphs", "digraph_x"). */
  return p + n == end || !(g_ascii_isalnum (p[n]) || p[n] == '_' || p[n] >= 0x80);
}

/**
 * _am_dot_sniff:
 * @data: the start of a file
 * @length: its length
 *
 * Returns: %TRUE when the first token, after white space, a UTF-8 BOM, comments and
 *   `#` lines, is `strict`, `graph` or `digraph` in any case
 */
gboolean
_am_dot_sniff (const guint8 *data,
               gsize         length)
{
  const guint8 *p = data, *end = data + length;
  gboolean line_start = TRUE;

  if (data == NULL)
    return FALSE;

  if (length >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
    p += 3;

  while (p < end)
    {
      if (*p == '\n')
        {
          line_start = TRUE;
          p++;
        }
      else if (g_ascii_isspace (*p))
        p++;
      else if (*p == '#' && line_start)
        {
          while (p < end && *p != '\n')
            p++;
        }
      else if (*p == '/' && p + 1 < end && p[1] == '/')
        {
          while (p < end && *p != '\n')
            p++;
        }
      else if (*p == '/' && p + 1 < end && p[1] == '*')
        {
          p += 2;
          while (p + 1 < end && !(p[0] == '*' && p[1] == '/'))
            p++;
          if (p + 1 >= end)
            return FALSE;
          p += 2;
          line_start = FALSE;
        }
      else
        return keyword_at (p, end, "strict") || keyword_at (p, end, "graph") ||
               keyword_at (p, end, "digraph");
    }

  return FALSE;
}

/* ------------------------------------------------------------------------------------ */
/* The request and the answers                                                          */

/**
 * _am_dot_import_request_new:
 * @dot: the DOT text
 *
 * Returns: (transfer full): what the application writes to the helper's stdin
 */
GBytes *
_am_dot_import_request_new (GBytes *dot)
{
  g_return_val_if_fail (dot != NULL, NULL);

  return _am_envelope_wrap (AM_DOT_IMPORT_REQUEST_MAGIC, AM_DOT_IMPORT_VERSION,
                            g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, dot, TRUE));
}

/**
 * _am_dot_import_request_parse:
 * @input: what the helper read on stdin
 * @dot: (out) (transfer full): the DOT text, when the request is usable
 * @error: return location for an %AM_LAYOUT_ERROR
 *
 * Returns: %TRUE when @input is an import request (usable or not), %FALSE when it is
 *   something else (a layout request)
 */
gboolean
_am_dot_import_request_parse (GBytes  *input,
                              GBytes **dot,
                              GError **error)
{
  g_autoptr(GVariant) payload = NULL;
  guint32 version = 0;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (dot != NULL, FALSE);

  *dot = NULL;
  if (_am_envelope_open (input, AM_DOT_IMPORT_REQUEST_MAGIC, &version,
                         &payload) != AM_ENVELOPE_OK)
    return FALSE;

  if (version != AM_DOT_IMPORT_VERSION ||
      !g_variant_is_of_type (payload, G_VARIANT_TYPE_BYTESTRING))
    {
      g_set_error_literal (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                           _("unsupported import request"));
      return TRUE;
    }

  *dot = g_variant_get_data_as_bytes (payload);
  return TRUE;
}

static GBytes *
wrap_answer (GVariant *payload)
{
  return _am_envelope_wrap (AM_DOT_IMPORT_ANSWER_MAGIC, AM_DOT_IMPORT_VERSION, payload);
}

GBytes *
_am_dot_import_answer_graph (GVariant *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (g_variant_is_of_type (graph, G_VARIANT_TYPE (AM_DOT_GRAPH_TYPE)), NULL);

  return wrap_answer (graph);
}

GBytes *
_am_dot_import_answer_error (AmLayoutError  code,
                             const char    *message)
{
  g_autofree char *valid = NULL;

  g_return_val_if_fail (message != NULL, NULL);

  valid = g_utf8_make_valid (message, -1);
  if (g_utf8_strlen (valid, -1) > AM_LAYOUT_MAX_MESSAGE)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, AM_LAYOUT_MAX_MESSAGE);
      g_free (valid);
      valid = g_strconcat (head, "…", NULL);
    }

  return wrap_answer (g_variant_new ("(us)", (guint32) code, valid));
}

/* ------------------------------------------------------------------------------------ */
/* Label text                                                                           */

/* &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric references; anything else stays as
 * it is.  Returns the number of bytes consumed from @p (0: not an entity). */
static gsize
decode_entity (const char *p,
               GString    *out)
{
  static const struct { const char *name; gunichar c; } named[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
    { "nbsp", 0xa0 },
  };
  const char *semi;
  gsize len;

  g_assert (*p == '&');
  semi = strchr (p, ';');
  if (semi == NULL || semi - p > 12 || semi - p < 2)
    return 0;
  len = semi - p - 1;

  if (p[1] == '#')
    {
      guint64 c = 0;
      gboolean hex = (p[2] == 'x' || p[2] == 'X');
      const char *q = p + (hex ? 3 : 2);

      if (q == semi)
        return 0;
      for (; q < semi; q++)
        {
          int d = hex ? g_ascii_xdigit_value (*q) : g_ascii_digit_value (*q);
          if (d < 0)
            return 0;
          c = c * (hex ? 16 : 10) + d;
        }
      /* No NULs or other control characters through a reference. */
      if (c > 0x10ffff || !g_unichar_validate ((gunichar) c) ||
          g_unichar_iscntrl ((gunichar) c))
        return 0;
      g_string_append_unichar (out, (gunichar) c);
      return semi - p + 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      if (strlen (named[i].name) == len && strncmp (p + 1, named[i].name, len) == 0)
        {
          g_string_append_unichar (out, named[i].c);
          return semi - p + 1;
        }
    }

  return 0;
}

static char *
decode_entities (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0';)
    {
      gsize n = *p == '&' ? decode_entity (p, out) : 0;

      if (n > 0)
        p += n;
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* HTML-like labels: the tags go, line breaks (<br/>, the end of a table row) become new
 * lines, table cells are separated by a space, the source's own white space collapses
 * to one space.  Nothing is interpreted. */
static char *
reduce_html (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0';)
    {
      if (*p == '<')
        {
          const char *close = strchr (p, '>');
          const char *name = p + 1;
          gboolean closing = FALSE;
          gsize n = 0;

          if (close == NULL)
            break;              /* an unterminated tag: the rest is not text */
          if (*name == '/')
            {
              closing = TRUE;
              name++;
            }
          while (name + n < close && g_ascii_isalpha (name[n]))
            n++;

          if (n == 2 && g_ascii_strncasecmp (name, "br", 2) == 0)
            g_string_append_c (out, '\n');
          else if (closing && n == 2 && g_ascii_strncasecmp (name, "tr", 2) == 0)
            g_string_append_c (out, '\n');
          else if (!closing && n == 2 && g_ascii_strncasecmp (name, "td", 2) == 0 &&
                   out->len > 0 && out->str[out->len - 1] != '\n' &&
                   out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');

          p = close + 1;
        }
      else if (*p == '&')
        {
          gsize n = decode_entity (p, out);

          if (n > 0)
            p += n;
          else
            g_string_append_c (out, *p++);
        }
      else if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
          p++;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* Record labels ("{<f0> a|<f1> b}"): ports and braces go, fields are separated by " | ".
 * Escapes that protect record syntax (\{ \} \| \< \> and "\ ") become the character;
 * other escapes are left for the escString step. */
static char *
reduce_record (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0';)
    {
      if (*p == '\\' && p[1] != '\0' && strchr ("{}|<> ", p[1]) != NULL)
        {
          g_string_append_c (out, p[1]);
          p += 2;
        }
      else if (*p == '\\' && p[1] != '\0')
        {
          g_string_append_len (out, p, 2);
          p += 2;
        }
      else if (*p == '<')
        {
          const char *close = strchr (p, '>');
          p = close != NULL ? close + 1 : p + strlen (p);
        }
      else if (*p == '{' || *p == '}')
        p++;
      else if (*p == ' ')
        {
          /* Field text is trimmed, as the record parser does. */
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          p++;
        }
      else if (*p == '|')
        {
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          if (out->len > 0)
            g_string_append (out, " | ");
          p++;
          while (*p == ' ')
            p++;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* escString: \N \G \E \T \H are names; \n \l \r break lines; any other \x is x. */
static char *
resolve_escapes (const char       *text,
                 const AmDotNames *names)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0';)
    {
      const char *sub = NULL;
      gboolean known = TRUE;

      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }

      p++;
      if (*p == '\0')
        break;

      switch (*p)
        {
        case 'N': sub = names->node; break;
        case 'G': sub = names->graph; break;
        case 'E': sub = names->edge; break;
        case 'T': sub = names->tail; break;
        case 'H': sub = names->head; break;
        case 'n':
        case 'l':
        case 'r':
          g_string_append_c (out, '\n');
          p++;
          continue;
        default:
          known = FALSE;
          break;
        }

      if (known && sub != NULL)
        {
          g_string_append (out, sub);
          p++;
        }
      else
        {
          /* The character itself, whole (it may be multi-byte). */
          const char *next = g_utf8_next_char (p);
          g_string_append_len (out, p, next - p);
          p = next;
        }
    }

  return g_string_free (out, FALSE);
}

/* Plain text for the panels: control characters other than new lines become spaces,
 * lines lose trailing white space, the whole loses leading and trailing blank lines. */
static char *
tidy (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          g_string_append_c (out, '\n');
        }
      else if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/**
 * _am_dot_label_text:
 * @label: a raw label as cgraph holds it (valid UTF-8)
 * @is_html: whether it is an HTML-like label (`label=<…>`)
 * @is_record: whether the object has a record shape (its label is record syntax)
 * @names: the names the escapes may refer to
 *
 * Returns: (transfer full): the plain text the label shows, maybe empty
 */
char *
_am_dot_label_text (const char       *label,
                    gboolean          is_html,
                    gboolean          is_record,
                    const AmDotNames *names)
{
  g_autofree char *reduced = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *decoded = NULL;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (names != NULL, NULL);

  if (!g_utf8_validate (label, -1, NULL))
    return g_strdup ("");

  if (is_html)
    {
      reduced = reduce_html (label);
      return tidy (reduced);
    }

  /* The order Graphviz uses: names first, then entities, then line breaks (a name may
   * contain "&amp;", which Graphviz decodes too). */
  reduced = is_record ? reduce_record (label) : g_strdup (label);
  resolved = resolve_escapes (reduced, names);
  decoded = decode_entities (resolved);

  return tidy (decoded);
}

/* ------------------------------------------------------------------------------------ */
/* Decoding an answer                                                                   */

typedef struct
{
  const char  *display_name;
  GError     **error;
} Decoder;

/* For messages: names come from files, keep them short and printable. */
static char *
describe (const char *id)
{
  if (g_utf8_strlen (id, -1) > 64)
    {
      g_autofree char *head = g_utf8_substring (id, 0, 64);
      return g_strdup_printf ("%s…", head);
    }
  return g_strdup (id);
}

static gboolean G_GNUC_PRINTF (2, 3)
invalid (Decoder    *d,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (d->error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
               /* Translators: an error in a Graphviz file; the placeholders are, in order:
                  d->display_name, what */
               _("%s: invalid answer from the Graphviz reader: %s"), d->display_name, what);
  return FALSE;
}

static gboolean
valid_id (const char *s)
{
  gsize len = strlen (s);

  return len > 0 && len <= AM_DOT_MAX_ID_BYTES && g_utf8_validate (s, len, NULL);
}

static gboolean
valid_text (const char *s)
{
  gsize len = strlen (s);

  return len <= AM_DOT_MAX_VALUE_BYTES && g_utf8_validate (s, len, NULL);
}

/* Reads an a{ss} into a new string table, through the filter again. */
static GHashTable *
read_attributes (Decoder    *d,
                 GVariant   *dict,
                 AmDotScope  scope,
                 const char *owner)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GVariantIter iter;
  const char *key, *value;

  if (g_variant_n_children (dict) > AM_DOT_MAX_ATTRIBUTES)
    {
      /* Translators: an error in a Graphviz file; the placeholders are, in order: owner,
         AM_DOT_MAX_ATTRIBUTES */
      invalid (d, _("%s: more than %u attributes"), owner, AM_DOT_MAX_ATTRIBUTES);
      return NULL;
    }

  g_variant_iter_init (&iter, dict);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    {
      char *kept;

      if (*key == '\0' || strlen (key) > AM_DOT_MAX_KEY_BYTES ||
          !g_utf8_validate (key, -1, NULL) || !valid_text (value))
        {
          /* Translators: an error in a Graphviz file; the placeholders are, in order: owner */
          invalid (d, _("%s: an attribute name or value is empty, too long or not UTF-8"),
                   owner);
          return NULL;
        }
      if (g_hash_table_contains (table, key))
        {
          g_autofree char *desc = describe (key);
          /* Translators: an error in a Graphviz file; the placeholders are, in order: owner,
             desc */
          invalid (d, _("%s: attribute '%s' given twice"), owner, desc);
          return NULL;
        }

      kept = _am_dot_filter_attribute (scope, key, value);
      if (kept != NULL)
        g_hash_table_insert (table, g_strdup (key), kept);
    }

  return g_steal_pointer (&table);
}

static gboolean
is_record_shape (GHashTable *attributes)
{
  const char *shape = g_hash_table_lookup (attributes, "shape");

  return shape != NULL && (g_ascii_strcasecmp (shape, "record") == 0 ||
                           g_ascii_strcasecmp (shape, "Mrecord") == 0);
}

/* Entity names and relation labels are for lists and panels: cut long ones. */
static char *
cap_text (char *text)
{
  if (g_utf8_strlen (text, -1) > AM_DOT_MAX_NAME_CHARS)
    {
      g_autofree char *head = g_utf8_substring (text, 0, AM_DOT_MAX_NAME_CHARS - 1);
      g_free (text);
      return g_strconcat (head, "…", NULL);
    }
  return text;
}

static AmDocument *
decode_graph (Decoder  *d,
              GVariant *graph)
{
  g_autoptr(GVariant) vattrs = NULL, vclusters = NULL, vnodes = NULL, vedges = NULL;
  g_autoptr(GHashTable) graph_attributes = NULL;
  g_autoptr(GHashTable) group_labels = NULL;
  g_autoptr(GHashTable) node_names = NULL;      /* borrowed from the variant */
  g_autoptr(GHashTable) edge_ids = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *title = NULL;
  const char *name, *label;
  gboolean directed, strict, label_html;
  gsize n_clusters, n_nodes, n_edges;
  const char *graph_name;
  AmDocument *document;
  GVariantIter iter;

  g_variant_get (graph, "(&sbb&sb@a{ss}@a(ssb)@a(ssbsa{ss})@a(ssssba{ss}))", &name,
                 &directed, &strict, &label, &label_html, &vattrs, &vclusters, &vnodes,
                 &vedges);

  n_clusters = g_variant_n_children (vclusters);
  n_nodes = g_variant_n_children (vnodes);
  n_edges = g_variant_n_children (vedges);
  if (n_nodes > AM_DOT_MAX_NODES || n_edges > AM_DOT_MAX_EDGES ||
      n_clusters > AM_DOT_MAX_CLUSTERS)
    {
      g_set_error (d->error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TOO_LARGE,
                   /* Translators: %s is a file name; the %zu are the numbers of nodes,
                    * edges and clusters in it, the %u the largest numbers allowed */
                   _("%s: %zu nodes, %zu edges and %zu clusters is more than Actormap can "
                     "lay out (at most %u, %u and %u)"),
                   d->display_name, n_nodes, n_edges, n_clusters,
                   AM_DOT_MAX_NODES, AM_DOT_MAX_EDGES, AM_DOT_MAX_CLUSTERS);
      return NULL;
    }

  if (strlen (name) > AM_DOT_MAX_ID_BYTES || !g_utf8_validate (name, -1, NULL) ||
      !valid_text (label))
    {
      invalid (d, _("the graph's name or label is too long or not UTF-8"));
      return NULL;
    }
  graph_name = *name != '\0' ? name : NULL;

  graph_attributes = read_attributes (d, vattrs, AM_DOT_SCOPE_GRAPH, "the graph");
  if (graph_attributes == NULL)
    return NULL;
  /* The engine: the file's own layout attribute when it is allowed, otherwise dot, as
   * the dot command and xdot.py do, or sfdp when dot would take minutes. */
  if (!g_hash_table_contains (graph_attributes, "layout"))
    g_hash_table_insert (graph_attributes, g_strdup ("layout"),
                         g_strdup (n_nodes <= AM_DOT_DEFAULT_DOT_MAX_NODES &&
                                   n_edges <= AM_DOT_DEFAULT_DOT_MAX_EDGES ? "dot" : "sfdp"));

  {
    AmDotNames names = { NULL, graph_name, NULL, NULL, NULL };
    g_autofree char *text = _am_dot_label_text (label, label_html, FALSE, &names);

    if (*text == '\0' && graph_name != NULL)
      {
        g_free (text);
        text = tidy (graph_name);
      }
    title = *text != '\0' ? cap_text (g_steal_pointer (&text)) : NULL;
  }

  /* Clusters: unique names; each label resolved with \G as the cluster's own name. */
  group_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_variant_iter_init (&iter, vclusters);
  for (guint i = 0; i < n_clusters; i++)
    {
      const char *cname, *clabel;
      gboolean chtml;
      AmDotNames names = { NULL, NULL, NULL, NULL, NULL };

      g_variant_iter_next (&iter, "(&s&sb)", &cname, &clabel, &chtml);
      if (!valid_id (cname) || !valid_text (clabel))
        {
          /* Translators: an error in a Graphviz file; the placeholders are, in order: i */
          invalid (d, _("cluster %u: the name is empty, or a string is too long or not UTF-8"),
                   i);
          return NULL;
        }
      if (g_hash_table_contains (group_labels, cname))
        {
          g_autofree char *desc = describe (cname);
          /* Translators: an error in a Graphviz file; the placeholders are, in order: i, desc */
          invalid (d, _("cluster %u ('%s'): duplicate name"), i, desc);
          return NULL;
        }
      names.graph = cname;
      g_hash_table_insert (group_labels, g_strdup (cname),
                           cap_text (_am_dot_label_text (clabel, chtml, FALSE, &names)));
    }

  node_names = g_hash_table_new (g_str_hash, g_str_equal);
  entities = g_ptr_array_new_full (n_nodes, g_object_unref);
  g_variant_iter_init (&iter, vnodes);
  for (guint i = 0; i < n_nodes; i++)
    {
      g_autoptr(GVariant) nattrs = NULL;
      g_autoptr(GHashTable) attributes = NULL;
      g_autofree char *owner = NULL;
      g_autofree char *text = NULL;
      const char *nname, *nlabel, *cluster;
      gboolean nhtml;
      AmDotNames names = { NULL, graph_name, NULL, NULL, NULL };

      g_variant_iter_next (&iter, "(&s&sb&s@a{ss})", &nname, &nlabel, &nhtml, &cluster,
                           &nattrs);
      if (!valid_id (nname) || !valid_text (nlabel) ||
          (*cluster != '\0' && !valid_id (cluster)))
        {
          /* Translators: an error in a Graphviz file; the placeholders are, in order: i */
          invalid (d, _("node %u: the name is empty, or a string is too long or not UTF-8"), i);
          return NULL;
        }

      {
        g_autofree char *desc = describe (nname);
        owner = g_strdup_printf ("node %u ('%s')", i, desc);
      }
      if (g_hash_table_contains (node_names, nname))
        {
          /* Translators: an error in a Graphviz file; the placeholders are, in order: owner */
          invalid (d, _("%s: duplicate name"), owner);
          return NULL;
        }
      if (*cluster != '\0' && !g_hash_table_contains (group_labels, cluster))
        {
          g_autofree char *desc = describe (cluster);
          /* Translators: an error in a Graphviz file; the placeholders are, in order: owner,
             desc */
          invalid (d, _("%s: unknown cluster '%s'"), owner, desc);
          return NULL;
        }

      attributes = read_attributes (d, nattrs, AM_DOT_SCOPE_NODE, owner);
      if (attributes == NULL)
        return NULL;

      names.node = nname;
      text = _am_dot_label_text (nlabel, nhtml, is_record_shape (attributes), &names);
      /* A node whose label shows nothing is still listed, by its name, as plain text;
       * a name that is only white space or control characters is shown in quotes. */
      if (*text == '\0')
        {
          g_free (text);
          text = tidy (nname);
        }
      if (*text == '\0')
        {
          g_autofree char *spaces = g_strnfill (MIN (g_utf8_strlen (nname, -1), 8), ' ');
          g_free (text);
          text = g_strdup_printf ("\"%s\"", spaces);
        }
      text = cap_text (g_steal_pointer (&text));

      g_hash_table_add (node_names, (gpointer) nname);
      g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY,
                                               "id", nname,
                                               "name", text,
                                               "kind", AM_ENTITY_KIND_OTHER,
                                               "kind-name", AM_GRAPHVIZ_NODE_KIND,
                                               "group", *cluster != '\0' ? cluster : NULL,
                                               "attributes", attributes,
                                               NULL));
    }

  edge_ids = g_hash_table_new (g_str_hash, g_str_equal);
  relations = g_ptr_array_new_full (n_edges, g_object_unref);
  g_variant_iter_init (&iter, vedges);
  for (guint i = 0; i < n_edges; i++)
    {
      g_autoptr(GVariant) eattrs = NULL;
      g_autoptr(GHashTable) attributes = NULL;
      g_autofree char *owner = NULL;
      g_autofree char *text = NULL;
      g_autofree char *edge_name = NULL;
      const char *id, *tail, *head, *elabel, *dir;
      gboolean ehtml;
      AmDotNames names = { NULL, graph_name, NULL, NULL, NULL };

      g_variant_iter_next (&iter, "(&s&s&s&sb@a{ss})", &id, &tail, &head, &elabel, &ehtml,
                           &eattrs);
      if (!valid_id (id) || !valid_id (tail) || !valid_id (head) || !valid_text (elabel))
        {
          /* Translators: an error in a Graphviz file; the placeholders are, in order: i */
          invalid (d, _("edge %u: an id or end is empty, or a string is too long or not UTF-8"),
                   i);
          return NULL;
        }

      {
        g_autofree char *desc = describe (id);
        owner = g_strdup_printf ("edge %u ('%s')", i, desc);
      }
      /* Entities and relations share one id space in a document. */
      if (g_hash_table_contains (edge_ids, id) || g_hash_table_contains (node_names, id))
        {
          /* Translators: an error in a Graphviz file; the placeholders are, in order: owner */
          invalid (d, _("%s: duplicate id"), owner);
          return NULL;
        }
      if (!g_hash_table_contains (node_names, tail) || !g_hash_table_contains (node_names, head))
        {
          g_autofree char *desc = describe (g_hash_table_contains (node_names, tail) ? head : tail);
          /* Translators: an error in a Graphviz file; the placeholders are, in order: owner,
             desc */
          invalid (d, _("%s: refers to unknown node '%s'"), owner, desc);
          return NULL;
        }

      attributes = read_attributes (d, eattrs, AM_DOT_SCOPE_EDGE, owner);
      if (attributes == NULL)
        return NULL;

      edge_name = g_strconcat (tail, directed ? "->" : "--", head, NULL);
      names.edge = edge_name;
      names.tail = tail;
      names.head = head;
      text = cap_text (_am_dot_label_text (elabel, ehtml, FALSE, &names));

      /* dir=none draws no arrowhead even in a digraph; dir=back and both still point. */
      dir = g_hash_table_lookup (attributes, "dir");

      g_hash_table_add (edge_ids, (gpointer) id);
      g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION,
                                                "id", id,
                                                "source", tail,
                                                "target", head,
                                                "label", text,
                                                "directed", directed &&
                                                  g_strcmp0 (dir, "none") != 0,
                                                "attributes", attributes,
                                                NULL));
    }

  document = am_document_new_imported (AM_DOCUMENT_ORIGIN_GRAPHVIZ, title, entities,
                                       relations, graph_attributes, group_labels,
                                       &local_error);
  if (document == NULL)
    {
      invalid (d, "%s", local_error->message);
      return NULL;
    }

  g_debug ("%s: imported %s%s '%s': %" G_GSIZE_FORMAT " nodes, %" G_GSIZE_FORMAT
           " edges, %" G_GSIZE_FORMAT " clusters", d->display_name, strict ? "strict " : "",
           directed ? "digraph" : "graph", graph_name ? graph_name : "", n_nodes, n_edges,
           n_clusters);

  return document;
}

static void
decode_error (Decoder  *d,
              GVariant *payload)
{
  const char *message;
  guint32 code;

  g_variant_get (payload, "(u&s)", &code, &message);

  if (code != AM_LAYOUT_ERROR_PARSE && code != AM_LAYOUT_ERROR_TOO_LARGE &&
      code != AM_LAYOUT_ERROR_FAILED)
    {
      /* Translators: an error in a Graphviz file; the placeholders are, in order: code */
      invalid (d, _("unknown error code %u"), code);
      return;
    }
  if (*message == '\0' || g_utf8_strlen (message, -1) > AM_LAYOUT_MAX_MESSAGE + 1)
    {
      invalid (d, _("an error message that is empty or too long"));
      return;
    }

  g_set_error (d->error, AM_LAYOUT_ERROR, code, "%s: %s", d->display_name, message);
}

/**
 * _am_dot_import_decode:
 * @answer: what the helper wrote (not trusted)
 * @display_name: the file's name, which starts every message
 * @error: return location for an %AM_LAYOUT_ERROR
 *
 * Checks the answer (magic, version, types, UTF-8, caps, unique names and ids, every
 * reference) and builds the document: one entity of kind "node" per node, named by its
 * label's text, with its attributes and innermost cluster; one relation per edge.  An
 * answer that carries the helper's error gives that error (%AM_LAYOUT_ERROR_PARSE,
 * _TOO_LARGE or _FAILED); a malformed answer gives %AM_LAYOUT_ERROR_INVALID_SCENE.
 *
 * Returns: (transfer full) (nullable): the document
 */
AmDocument *
_am_dot_import_decode (GBytes      *answer,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(GVariant) payload = NULL;
  g_autofree char *valid_name = NULL;
  guint32 version = 0;
  Decoder d;

  g_return_val_if_fail (answer != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = "graph";
  else if (!g_utf8_validate (display_name, -1, NULL))
    display_name = valid_name = g_utf8_make_valid (display_name, -1);
  d.display_name = display_name;
  d.error = error;

  switch (_am_envelope_open (answer, AM_DOT_IMPORT_ANSWER_MAGIC, &version, &payload))
    {
    case AM_ENVELOPE_MALFORMED:
      invalid (&d, _("malformed or truncated data"));
      return NULL;
    case AM_ENVELOPE_WRONG_MAGIC:
      invalid (&d, _("wrong magic"));
      return NULL;
    case AM_ENVELOPE_OK:
    default:
      break;
    }
  if (version != AM_DOT_IMPORT_VERSION)
    {
      /* Translators: an error in a Graphviz file; the placeholders are, in order: version */
      invalid (&d, _("unsupported version %u"), version);
      return NULL;
    }

  if (g_variant_is_of_type (payload, G_VARIANT_TYPE (AM_DOT_ERROR_TYPE)))
    {
      decode_error (&d, payload);
      return NULL;
    }
  if (!g_variant_is_of_type (payload, G_VARIANT_TYPE (AM_DOT_GRAPH_TYPE)))
    {
      invalid (&d, _("unexpected payload type"));
      return NULL;
    }

  return decode_graph (&d, payload);
}
