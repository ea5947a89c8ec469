/* am-csv-import.c — a network from a CSV edge list and an optional nodes table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/interchange-csv.md describes what is read.  In short: RFC 4180 records (quoted
 * fields with doubled quotes, line breaks inside quotes, CRLF or LF), the delimiter
 * sniffed from the header (comma, semicolon, tab or pipe), header names matched without
 * case and with common synonyms (Gephi's Source/Target/Id/Label, from/to), every other
 * column kept as an attribute.  Every error names the file and the line.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-core-private.h"
#include "am-interchange-private.h"
#include "am-model-error.h"

#define AM_CSV_MAX_COLUMNS      1000
#define AM_CSV_MAX_FIELD_BYTES  (1024 * 1024)
#define AM_CSV_MAX_ROWS         500000
#define AM_CSV_SNIFF_BYTES      65536

static const char delimiters[] = { ',', ';', '\t', '|' };

/* ------------------------------------------------------------------------------------ */
/* Records                                                                              */

typedef struct
{
  const char  *p;
  const char  *end;
  guint        line;          /* the physical line p is on, from 1 */
  char         delimiter;
  const char  *display_name;
} CsvReader;

static gboolean G_GNUC_PRINTF (5, 6)
fail (GError     **error,
      AmModelError code,
      const char  *display_name,
      guint        line,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0)
    g_set_error (error, AM_MODEL_ERROR, code,
                 /* Translators: an error in a CSV file; the placeholders are, in order: the
                    file's name, a line number, what is wrong */
                 _("%s: line %u: %s"), display_name, line, what);
  else
    g_set_error (error, AM_MODEL_ERROR, code, "%s: %s", display_name, what);
  return FALSE;
}

/* Skips "\r\n", "\n" or a lone "\r" at r->p; TRUE when there was one. */
static gboolean
skip_newline (CsvReader *r)
{
  if (r->p < r->end && *r->p == '\r')
    {
      r->p++;
      if (r->p < r->end && *r->p == '\n')
        r->p++;
      r->line++;
      return TRUE;
    }
  if (r->p < r->end && *r->p == '\n')
    {
      r->p++;
      r->line++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
field_too_large (CsvReader  *r,
                 GString    *field,
                 guint       line,
                 GError    **error)
{
  if (field->len <= AM_CSV_MAX_FIELD_BYTES)
    return FALSE;
  fail (error, AM_MODEL_ERROR_TOO_LARGE, r->display_name, line,
        /* Translators: an error in a CSV file; %u is a number of bytes */
        _("a field longer than %u bytes"), (guint) AM_CSV_MAX_FIELD_BYTES);
  return TRUE;
}

/* Reads one record into @fields (cleared first).  Returns 1 for a record (its first
 * line in *record_line), 0 at the end of the text, -1 on error. */
static int
read_record (CsvReader  *r,
             GPtrArray  *fields,
             guint      *record_line,
             GError    **error)
{
  g_autoptr(GString) field = g_string_new (NULL);

  g_ptr_array_set_size (fields, 0);
  if (r->p >= r->end)
    return 0;

  *record_line = r->line;
  for (;;)
    {
      g_string_truncate (field, 0);

      if (r->p < r->end && *r->p == '"')
        {
          guint open_line = r->line;

          r->p++;
          for (;;)
            {
              if (r->p >= r->end)
                {
                  fail (error, AM_MODEL_ERROR_SYNTAX, r->display_name, open_line,
                        _("unbalanced quotes: the quoted field that starts here is not "
                          "closed"));
                  return -1;
                }
              if (*r->p == '"')
                {
                  if (r->p + 1 < r->end && r->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      r->p += 2;
                      continue;
                    }
                  r->p++;
                  break;
                }
              if (*r->p == '\n' || (*r->p == '\r' && !(r->p + 1 < r->end && r->p[1] == '\n')))
                r->line++;
              g_string_append_c (field, *r->p++);
              if (field_too_large (r, field, open_line, error))
                return -1;
            }

          if (r->p < r->end && *r->p != r->delimiter && *r->p != '\r' && *r->p != '\n')
            {
              fail (error, AM_MODEL_ERROR_SYNTAX, r->display_name, r->line,
                    /* Translators: an error in a CSV file */
                    _("unbalanced quotes: text after the closing quote of a field (a quote "
                      "inside a quoted field is written twice)"));
              return -1;
            }
        }
      else
        {
          /* An unquoted field runs to the delimiter or the end of the line; a quote in
           * it is kept as it is, as spreadsheets do. */
          const char *start = r->p;

          while (r->p < r->end && *r->p != r->delimiter && *r->p != '\r' && *r->p != '\n')
            r->p++;
          g_string_append_len (field, start, r->p - start);
          if (field_too_large (r, field, r->line, error))
            return -1;
        }

      if (fields->len >= AM_CSV_MAX_COLUMNS)
        {
          fail (error, AM_MODEL_ERROR_TOO_LARGE, r->display_name, *record_line,
                /* Translators: an error in a CSV file; %u is the largest number of columns */
                _("more than %u columns"), (guint) AM_CSV_MAX_COLUMNS);
          return -1;
        }
      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (r->p < r->end && *r->p == r->delimiter)
        {
          r->p++;
          continue;
        }
      skip_newline (r);
      return 1;
    }
}

/* A record that is one empty field: a blank line, skipped. */
static gboolean
is_blank_record (GPtrArray *fields)
{
  return fields->len == 1 && *(const char *) g_ptr_array_index (fields, 0) == '\0';
}

/* ------------------------------------------------------------------------------------ */
/* The text as a whole                                                                  */

/* Checks the encoding and finds where the text starts (after a UTF-8 BOM). */
static gboolean
check_text (GBytes      *bytes,
            const char  *display_name,
            const char **start,
            const char **end,
            GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *p, *bad;
  guint line = 1;

  if (data == NULL)
    data = "";

  if (size >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe) ||
                    ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff) ||
                    (size >= 4 && data[0] != '\0' && data[1] == '\0' && data[3] == '\0') ||
                    (size >= 4 && data[0] == '\0' && data[1] != '\0' && data[2] == '\0')))
    return fail (error, AM_MODEL_ERROR_NOT_UTF8, display_name, 1,
                 /* Translators: an error in a CSV file */
                 _("UTF-16 is not read: save it as UTF-8"));

  p = data;
  if (size >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  *start = p;
  *end = data + size;

  for (const char *q = p; q < *end; q++)
    {
      if (*q == '\n')
        line++;
      else if (*q == '\0')
        return fail (error, AM_MODEL_ERROR_NOT_UTF8, display_name, line,
                     /* Translators: an error in a CSV file */
                     _("a NUL byte: this is not a text file"));
    }

  if (!g_utf8_validate (p, *end - p, &bad))
    {
      line = 1;
      for (const char *q = p; q < bad; q++)
        if (*q == '\n')
          line++;
      return fail (error, AM_MODEL_ERROR_NOT_UTF8, display_name, line,
                   /* Translators: an error in a CSV file; %02X is a byte in hexadecimal */
                   _("not UTF-8 (byte 0x%02X)"), (guchar) *bad);
    }

  for (const char *q = p; q < *end; q++)
    if (!g_ascii_isspace (*q))
      return TRUE;

  return fail (error, AM_MODEL_ERROR_EMPTY, display_name, 0, _("empty file"));
}

/* The delimiter that splits the first line (outside quotes) most often; a comma when
 * none does. */
static char
sniff_delimiter (const char *p,
                 const char *end)
{
  guint counts[G_N_ELEMENTS (delimiters)] = { 0, };
  gboolean quoted = FALSE;
  guint best = 0;

  for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
          if (*p == delimiters[i])
            counts[i]++;
    }

  for (guint i = 1; i < G_N_ELEMENTS (delimiters); i++)
    if (counts[i] > counts[best])
      best = i;
  return delimiters[best];
}

/* ------------------------------------------------------------------------------------ */
/* Sniffing                                                                             */

gboolean
_am_csv_sniff (GBytes *bytes)
{
  gsize size;
  const char *data, *p, *end, *line_end;
  gboolean source = FALSE, target = FALSE;
  g_auto(GStrv) names = NULL;
  g_autofree char *line = NULL;
  char delimiter[2] = { 0, 0 };

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    return FALSE;

  p = data;
  end = data + MIN (size, AM_CSV_SNIFF_BYTES);
  if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  for (line_end = p; line_end < end && *line_end != '\n' && *line_end != '\r'; line_end++)
    if (*line_end == '\0')
      return FALSE;
  if (line_end == end && end != data + size)
    return FALSE;               /* no end to the first line in the sniffed part */

  line = g_strndup (p, line_end - p);
  if (!g_utf8_validate (line, -1, NULL))
    return FALSE;
  delimiter[0] = sniff_delimiter (line, line + strlen (line));
  names = g_strsplit (line, delimiter, AM_CSV_MAX_COLUMNS + 1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      char *name = g_strstrip (names[i]);
      gsize n = strlen (name);

      if (n >= 2 && name[0] == '"' && name[n - 1] == '"')
        {
          name[n - 1] = '\0';
          name = g_strstrip (name + 1);
        }
      if (g_ascii_strcasecmp (name, "source") == 0)
        source = TRUE;
      else if (g_ascii_strcasecmp (name, "target") == 0)
        target = TRUE;
    }

  return source && target;
}

/* For messages: names come from files, keep them short and on one line. */
static char *
describe (const char *value)
{
  char *text;

  if (g_utf8_strlen (value, -1) > 64)
    {
      g_autofree char *head = g_utf8_substring (value, 0, 64);
      text = g_strdup_printf ("%s…", head);
    }
  else
    text = g_strdup (value);

  for (char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return text;
}

/* ------------------------------------------------------------------------------------ */
/* Columns                                                                              */

typedef enum
{
  COL_ATTRIBUTE,
  COL_ID,
  COL_SOURCE,
  COL_TARGET,
  COL_LABEL,
  COL_TYPE,
  COL_DATE,
  COL_DIRECTED,
  COL_NAME,
  COL_KIND,
  COL_ROLE,
  COL_DESCRIPTION,
  COL_AFFILIATION,
  COL_GROUP,
  N_COLS
} Column;

typedef struct
{
  const char *name;
  Column      column;
} Synonym;

static const Synonym edge_synonyms[] = {
  { "id", COL_ID }, { "edge id", COL_ID }, { "edge_id", COL_ID },
  { "source", COL_SOURCE }, { "from", COL_SOURCE }, { "src", COL_SOURCE },
  { "tail", COL_SOURCE },
  { "target", COL_TARGET }, { "to", COL_TARGET }, { "dst", COL_TARGET },
  { "head", COL_TARGET },
  { "label", COL_LABEL }, { "relation", COL_LABEL },
  { "type", COL_TYPE }, { "kind", COL_TYPE }, { "rel-type", COL_TYPE },
  { "rel_type", COL_TYPE }, { "relation type", COL_TYPE },
  { "date", COL_DATE },
  { "directed", COL_DIRECTED },
};

static const Synonym node_synonyms[] = {
  { "id", COL_ID }, { "node id", COL_ID }, { "node_id", COL_ID }, { "key", COL_ID },
  { "name", COL_NAME }, { "label", COL_NAME },
  { "kind", COL_KIND }, { "type", COL_KIND }, { "category", COL_KIND },
  { "role", COL_ROLE },
  { "description", COL_DESCRIPTION },
  { "affiliation", COL_AFFILIATION },
  { "group", COL_GROUP },
};

typedef struct
{
  const char *display_name;
  GPtrArray  *names;                  /* the header, trimmed */
  Column     *columns;                /* per column */
  int         index[N_COLS];          /* the column of each role, or -1 */
} Header;

static void
header_clear (Header *h)
{
  g_clear_pointer (&h->names, g_ptr_array_unref);
  g_clear_pointer (&h->columns, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Header, header_clear)

static gboolean
read_header (CsvReader      *r,
             const Synonym  *synonyms,
             guint           n_synonyms,
             Header         *h,
             GError        **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint line = 0;
  int res;

  h->display_name = r->display_name;
  h->names = g_ptr_array_new_with_free_func (g_free);
  do
    res = read_record (r, h->names, &line, error);
  while (res == 1 && is_blank_record (h->names));
  if (res < 0)
    return FALSE;
  if (res == 0)
    return fail (error, AM_MODEL_ERROR_EMPTY, r->display_name, 0, _("empty file"));

  h->columns = g_new0 (Column, h->names->len);
  for (guint i = 0; i < N_COLS; i++)
    h->index[i] = -1;

  for (guint i = 0; i < h->names->len; i++)
    {
      char *name = g_strstrip ((char *) g_ptr_array_index (h->names, i));
      g_autofree char *lower = g_utf8_casefold (name, -1);
      Column column = COL_ATTRIBUTE;

      if (*name == '\0')
        return fail (error, AM_MODEL_ERROR_INVALID_VALUE, r->display_name, line,
                     /* Translators: an error in a CSV file; %u is a column number */
                     _("column %u has no name"), i + 1);
      if (g_hash_table_contains (seen, lower))
        {
          g_autofree char *desc = describe (name);
          return fail (error, AM_MODEL_ERROR_DUPLICATE_ID, r->display_name, line,
                       /* Translators: an error in a CSV file; %s is a column name */
                       _("column '%s' given twice"), desc);
        }
      g_hash_table_add (seen, g_strdup (lower));

      for (guint j = 0; j < n_synonyms; j++)
        if (g_str_equal (lower, synonyms[j].name))
          column = synonyms[j].column;
      /* Two synonyms of one role ("source" and "from"): the first is the role, the
       * other an attribute. */
      if (column != COL_ATTRIBUTE && h->index[column] >= 0)
        column = COL_ATTRIBUTE;
      h->columns[i] = column;
      if (column != COL_ATTRIBUTE)
        h->index[column] = i;
    }

  return TRUE;
}

static const char *
cell (const Header *h,
      GPtrArray    *fields,
      Column        column)
{
  int i = h->index[column];

  if (i < 0)
    return NULL;
  return g_ptr_array_index (fields, i);
}

/* A cell that is empty (or only white space) is not given. */
static char *
cell_dup (const Header *h,
          GPtrArray    *fields,
          Column        column)
{
  const char *value = cell (h, fields, column);
  g_autofree char *copy = NULL;

  if (value == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (value));
  return *copy != '\0' ? g_strdup (value) : NULL;
}

/* An id: trimmed; NULL when empty. */
static char *
cell_id (const Header *h,
         GPtrArray    *fields,
         Column        column)
{
  const char *value = cell (h, fields, column);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (value));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static GHashTable *
row_attributes (const Header *h,
                GPtrArray    *fields)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < fields->len; i++)
    {
      const char *value = g_ptr_array_index (fields, i);

      if (h->columns[i] == COL_ATTRIBUTE && *value != '\0')
        g_hash_table_insert (attributes, g_strdup (g_ptr_array_index (h->names, i)),
                             g_strdup (value));
    }
  return attributes;
}

static gboolean
check_width (const Header *h,
             GPtrArray    *fields,
             guint         line,
             GError      **error)
{
  if (fields->len == h->names->len)
    return TRUE;
  return fail (error, AM_MODEL_ERROR_SYNTAX, h->display_name, line,
               /* Translators: an error in a CSV file; the placeholders are, in order: the
                  number of fields on the line, the number of columns of the header */
               _("column count: %u fields where the header has %u columns"), fields->len,
               h->names->len);
}

/* Checks the text, sniffs the delimiter and reads the header of a table. */
static gboolean
open_table (GBytes         *bytes,
            const char     *display_name,
            const Synonym  *synonyms,
            guint           n_synonyms,
            CsvReader      *r,
            Header         *h,
            GError        **error)
{
  if (!check_text (bytes, display_name, &r->p, &r->end, error))
    return FALSE;
  r->line = 1;
  r->display_name = display_name;
  r->delimiter = sniff_delimiter (r->p, r->end);

  return read_header (r, synonyms, n_synonyms, h, error);
}

/* The next row that is not blank, checked against the header and the row cap: 1, or 0
 * at the end, or -1 on error.  *rows counts the rows read. */
static int
next_row (CsvReader     *r,
          const Header  *h,
          GPtrArray     *fields,
          guint         *rows,
          guint         *line,
          GError       **error)
{
  int res;

  do
    res = read_record (r, fields, line, error);
  while (res == 1 && is_blank_record (fields));
  if (res != 1)
    return res;

  if (!check_width (h, fields, *line, error))
    return -1;
  if (++*rows > AM_CSV_MAX_ROWS)
    {
      fail (error, AM_MODEL_ERROR_TOO_LARGE, r->display_name, *line,
            /* Translators: an error in a CSV file; %u is the largest number of rows */
            _("more than %u rows"), (guint) AM_CSV_MAX_ROWS);
      return -1;
    }
  return 1;
}

/* ------------------------------------------------------------------------------------ */
/* The network                                                                          */

typedef struct
{
  GPtrArray  *entities;      /* AmEntity */
  GHashTable *by_id;         /* id → AmEntity (borrowed) */
  GHashTable *by_name;       /* name → AmEntity, or the table itself when ambiguous */
  GHashTable *ids;           /* every id used, entities and relations */
} Actors;

static void
actors_clear (Actors *a)
{
  g_clear_pointer (&a->entities, g_ptr_array_unref);
  g_clear_pointer (&a->by_id, g_hash_table_unref);
  g_clear_pointer (&a->by_name, g_hash_table_unref);
  g_clear_pointer (&a->ids, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Actors, actors_clear)

static void
actors_init (Actors *a)
{
  a->entities = g_ptr_array_new_with_free_func (g_object_unref);
  a->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  a->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  a->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
actors_add (Actors   *a,
            AmEntity *entity)
{
  const char *name = am_entity_get_name (entity);

  g_ptr_array_add (a->entities, entity);
  g_hash_table_insert (a->by_id, (gpointer) am_entity_get_id (entity), entity);
  g_hash_table_add (a->ids, g_strdup (am_entity_get_id (entity)));
  if (g_hash_table_contains (a->by_name, name))
    g_hash_table_insert (a->by_name, (gpointer) name, a->by_name);
  else
    g_hash_table_insert (a->by_name, (gpointer) name, entity);
}

static gboolean
read_nodes (GBytes      *bytes,
            const char  *display_name,
            Actors      *actors,
            GError     **error)
{
  g_auto(Header) h = { 0, };
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  CsvReader r = { 0, };
  guint line = 0, rows = 0;
  int res;

  if (!open_table (bytes, display_name, node_synonyms, G_N_ELEMENTS (node_synonyms), &r, &h,
                   error))
    return FALSE;
  if (h.index[COL_ID] < 0 && h.index[COL_NAME] < 0)
    return fail (error, AM_MODEL_ERROR_MISSING_FIELD, display_name, 1,
                 /* Translators: an error in a CSV file; do not translate the quoted words */
                 _("the nodes table has no 'id' or 'name' column"));

  while ((res = next_row (&r, &h, fields, &rows, &line, error)) == 1)
    {
      g_autofree char *id = NULL, *name = NULL, *kind = NULL, *role = NULL;
      g_autofree char *description = NULL, *affiliation = NULL, *group = NULL;
      g_autoptr(GHashTable) attributes = NULL;


      id = cell_id (&h, fields, COL_ID);
      name = cell_dup (&h, fields, COL_NAME);
      if (id == NULL && name != NULL && h.index[COL_ID] < 0)
        id = g_strstrip (g_strdup (name));
      if (id == NULL)
        return fail (error, AM_MODEL_ERROR_INVALID_VALUE, display_name, line,
                     /* Translators: an error in a CSV file */
                     _("a node without an id"));
      if (g_hash_table_contains (actors->by_id, id))
        {
          g_autofree char *desc = describe (id);
          return fail (error, AM_MODEL_ERROR_DUPLICATE_ID, display_name, line,
                       /* Translators: an error in a CSV file; %s is an id */
                       _("duplicate node id '%s'"), desc);
        }
      if (name == NULL)
        name = g_strdup (id);

      kind = cell_dup (&h, fields, COL_KIND);
      role = cell_dup (&h, fields, COL_ROLE);
      description = cell_dup (&h, fields, COL_DESCRIPTION);
      affiliation = cell_dup (&h, fields, COL_AFFILIATION);
      group = cell_dup (&h, fields, COL_GROUP);
      attributes = row_attributes (&h, fields);

      actors_add (actors, g_object_new (AM_TYPE_ENTITY,
                                        "id", id,
                                        "name", name,
                                        "kind", AM_ENTITY_KIND_OTHER,
                                        "kind-name", kind,
                                        "role", role,
                                        "description", description,
                                        "affiliation", affiliation,
                                        "group", group,
                                        "attributes", attributes,
                                        NULL));
    }

  return res == 0;
}

/* The entity an edge's end names: by id, else by name; created when there is no nodes
 * table. */
static AmEntity *
resolve_end (Actors      *actors,
             gboolean     have_nodes,
             const char  *value,
             const char  *display_name,
             const char  *nodes_display_name,
             guint        line,
             GError     **error)
{
  AmEntity *entity = g_hash_table_lookup (actors->by_id, value);
  g_autofree char *desc = NULL;

  if (entity != NULL)
    return entity;

  entity = g_hash_table_lookup (actors->by_name, value);
  if (entity != NULL && (gpointer) entity != (gpointer) actors->by_name)
    return entity;

  desc = describe (value);
  if (entity != NULL)
    {
      fail (error, AM_MODEL_ERROR_UNKNOWN_REFERENCE, display_name, line,
            /* Translators: an error in a CSV file; the placeholders are, in order: a name,
               the name of the nodes table */
            _("'%s' names more than one actor in %s: use its id"), desc,
            nodes_display_name);
      return NULL;
    }
  if (have_nodes)
    {
      fail (error, AM_MODEL_ERROR_UNKNOWN_REFERENCE, display_name, line,
            /* Translators: an error in a CSV file; the placeholders are, in order: an id or
               name, the name of the nodes table */
            _("unknown actor '%s' (not in the nodes table %s)"), desc, nodes_display_name);
      return NULL;
    }

  entity = g_object_new (AM_TYPE_ENTITY, "id", value, "name", value, NULL);
  actors_add (actors, entity);
  return entity;
}

/* "true", "yes", "1", "directed" or "false", "no", "0", "undirected"; empty: TRUE. */
static gboolean
parse_directed (const char *value,
                gboolean   *directed)
{
  static const char * const yes[] = { "true", "yes", "1", "directed", "y", "t" };
  static const char * const no[] = { "false", "no", "0", "undirected", "n", "f" };
  g_autofree char *v = g_strstrip (g_strdup (value != NULL ? value : ""));

  *directed = TRUE;
  if (*v == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (v, yes[i]) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (v, no[i]) == 0)
      {
        *directed = FALSE;
        return TRUE;
      }
  return FALSE;
}

/* An id no entity or relation has yet: @wanted, else @wanted-2, -3, … */
static char *
unique_id (GHashTable *ids,
           const char *wanted)
{
  char *id = g_strdup (wanted);

  for (guint n = 2; g_hash_table_contains (ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", wanted, n);
    }
  g_hash_table_add (ids, g_strdup (id));
  return id;
}

typedef struct
{
  guint       line;
  char       *id;            /* as given, or NULL */
  AmEntity   *source;        /* borrowed from Actors */
  AmEntity   *target;
  char       *label;
  char       *type;
  char       *date;
  gboolean    directed;
  GHashTable *attributes;
} Edge;

static void
edge_free (gpointer data)
{
  Edge *e = data;

  g_free (e->id);
  g_free (e->label);
  g_free (e->type);
  g_free (e->date);
  g_clear_pointer (&e->attributes, g_hash_table_unref);
  g_free (e);
}

static gboolean
read_edges (GBytes      *bytes,
            const char  *display_name,
            const char  *nodes_display_name,
            gboolean     have_nodes,
            Actors      *actors,
            GPtrArray   *edges,
            GError     **error)
{
  g_auto(Header) h = { 0, };
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  CsvReader r = { 0, };
  guint line = 0, rows = 0;
  int res;

  if (!open_table (bytes, display_name, edge_synonyms, G_N_ELEMENTS (edge_synonyms), &r, &h,
                   error))
    return FALSE;
  if (h.index[COL_SOURCE] < 0 || h.index[COL_TARGET] < 0)
    return fail (error, AM_MODEL_ERROR_MISSING_FIELD, display_name, 1,
                 /* Translators: an error in a CSV file; do not translate the quoted words */
                 _("the header has no '%s' column (an edge list needs 'source' and "
                   "'target')"), h.index[COL_SOURCE] < 0 ? "source" : "target");

  while ((res = next_row (&r, &h, fields, &rows, &line, error)) == 1)
    {
      g_autofree char *source = NULL, *target = NULL;
      g_autofree char *type = NULL;
      Edge *e;


      source = cell_id (&h, fields, COL_SOURCE);
      target = cell_id (&h, fields, COL_TARGET);
      if (source == NULL || target == NULL)
        return fail (error, AM_MODEL_ERROR_INVALID_VALUE, display_name, line,
                     /* Translators: an error in a CSV file; do not translate the quoted word */
                     _("an empty '%s'"), source == NULL ? "source" : "target");

      e = g_new0 (Edge, 1);
      g_ptr_array_add (edges, e);
      e->line = line;
      e->source = resolve_end (actors, have_nodes, source, display_name,
                               nodes_display_name, line, error);
      if (e->source == NULL)
        return FALSE;
      e->target = resolve_end (actors, have_nodes, target, display_name,
                               nodes_display_name, line, error);
      if (e->target == NULL)
        return FALSE;

      e->id = cell_id (&h, fields, COL_ID);
      e->label = cell_dup (&h, fields, COL_LABEL);
      e->date = cell_id (&h, fields, COL_DATE);
      type = cell_id (&h, fields, COL_TYPE);
      e->directed = TRUE;
      if (h.index[COL_DIRECTED] >= 0)
        {
          const char *value = cell (&h, fields, COL_DIRECTED);

          if (!parse_directed (value, &e->directed))
            {
              g_autofree char *desc = describe (value);
              return fail (error, AM_MODEL_ERROR_INVALID_VALUE, display_name, line,
                           /* Translators: an error in a CSV file; %s is the value found;
                              do not translate the quoted words */
                           _("'directed' is '%s': use true or false"), desc);
            }
        }
      /* Gephi's edge tables say Directed or Undirected in their Type column. */
      if (type != NULL && h.index[COL_DIRECTED] < 0 &&
          (g_ascii_strcasecmp (type, "directed") == 0 ||
           g_ascii_strcasecmp (type, "undirected") == 0))
        {
          e->directed = g_ascii_strcasecmp (type, "directed") == 0;
          g_clear_pointer (&type, g_free);
        }
      e->type = g_steal_pointer (&type);
      e->attributes = row_attributes (&h, fields);
      /* A date the model does not read ("18/03/2021") is kept, as an attribute, so that
       * the network still saves as a model that loads. */
      if (e->date != NULL && _am_date_parse (e->date, NULL, NULL, NULL) == AM_DATE_INVALID)
        g_hash_table_insert (e->attributes,
                             g_strdup (g_ptr_array_index (h.names, h.index[COL_DATE])),
                             g_steal_pointer (&e->date));
    }

  return res == 0;
}

AmDocument *
_am_csv_import (GBytes      *edges_bytes,
                const char  *display_name,
                GBytes      *nodes,
                const char  *nodes_display_name,
                GError     **error)
{
  g_auto(Actors) actors = { 0, };
  g_autoptr(GPtrArray) edges = g_ptr_array_new_with_free_func (edge_free);
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) local_error = NULL;
  AmDocument *document;

  g_return_val_if_fail (edges_bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (nodes_display_name == NULL)
    nodes_display_name = "nodes.csv";

  actors_init (&actors);
  if (nodes != NULL && !read_nodes (nodes, nodes_display_name, &actors, error))
    return NULL;
  if (!read_edges (edges_bytes, display_name, nodes_display_name, nodes != NULL, &actors,
                   edges, error))
    return NULL;

  /* Relation ids once every actor is known: a file's own id when it is free, else the
   * id with a suffix; e1, e2, … (by row) when the file gives none. */
  relations = g_ptr_array_new_full (edges->len, g_object_unref);
  for (guint i = 0; i < edges->len; i++)
    {
      Edge *e = g_ptr_array_index (edges, i);
      g_autofree char *fallback = g_strdup_printf ("e%u", i + 1);
      g_autofree char *id = unique_id (actors.ids, e->id != NULL ? e->id : fallback);

      g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION,
                                                "id", id,
                                                "source", am_entity_get_id (e->source),
                                                "target", am_entity_get_id (e->target),
                                                "label", e->label != NULL ? e->label : "",
                                                "rel-type", e->type,
                                                "date", e->date,
                                                "directed", e->directed,
                                                "attributes", e->attributes,
                                                NULL));
    }

  document = am_document_new_imported (AM_DOCUMENT_ORIGIN_NETWORK, NULL, actors.entities,
                                       relations, NULL, NULL, &local_error);
  if (document == NULL)
    {
      g_set_error (error, AM_MODEL_ERROR, local_error->domain == AM_MODEL_ERROR
                     ? local_error->code : AM_MODEL_ERROR_INVALID_DOCUMENT,
                   "%s: %s", display_name, local_error->message);
      return NULL;
    }

  return document;
}
