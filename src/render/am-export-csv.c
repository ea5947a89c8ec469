/* am-export-csv.c — the network as an edge list and a nodes table (RFC 4180)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Comma-separated, UTF-8 without a BOM, every record ended by CRLF as RFC 4180 says.  A
 * field is quoted when it holds a comma, a quote, a line break or white space at either
 * end (which the reader would trim from ids); quotes inside are doubled.  The columns:
 *
 *   edges: id,source,target,label,type,date,directed, then every attribute key
 *   nodes: id,name,kind,role,description,affiliation,group, then every attribute key
 *
 * attribute keys sorted by code point, so the same document always gives the same bytes.
 * An attribute whose key is one of the reader's column names (or a synonym) is written
 * as "KEY (attribute)" so that it stays an attribute.  am-csv-import.c reads this back
 * into the same network (docs/interchange-csv.md).
 */
#include "config.h"

#include <string.h>

#include "am-export.h"
#include "am-export-network-private.h"

static const char * const edge_columns[] = {
  "id", "source", "target", "label", "type", "date", "directed",
};

static const char * const node_columns[] = {
  "id", "name", "kind", "role", "description", "affiliation", "group",
};

/* Every header name the reader gives a meaning (am-csv-import.c's synonyms). */
static const char * const reserved[] = {
  "id", "edge id", "edge_id", "node id", "node_id", "key", "source", "from", "src", "tail",
  "target", "to", "dst", "head", "label", "relation", "type", "kind", "rel-type", "rel_type",
  "relation type", "date", "directed", "name", "category", "role", "description",
  "affiliation", "group",
};

static void
append_field (GString    *out,
              const char *value)
{
  gsize n;

  if (value == NULL)
    value = "";
  n = strlen (value);

  if (strpbrk (value, ",\"\r\n") == NULL &&
      (n == 0 || (!g_ascii_isspace (value[0]) && !g_ascii_isspace (value[n - 1]))))
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_record (GString            *out,
               const char * const *values,
               guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, values[i]);
    }
  g_string_append (out, "\r\n");
}

static gboolean
is_reserved (const char *key)
{
  g_autofree char *lower = g_utf8_casefold (key, -1);
  g_autofree char *trimmed = g_strstrip (g_strdup (lower));

  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    if (g_str_equal (trimmed, reserved[i]))
      return TRUE;
  return FALSE;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The attribute keys of every item, sorted; @get gives an item's table. */
static GPtrArray *
collect_keys (GListModel  *items,
              GHashTable *(*get) (gpointer item))
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *keys = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, get (item));
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (g_hash_table_add (seen, key))
          g_ptr_array_add (keys, key);
    }

  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

/* The header: the fixed columns, then the attribute keys. */
static void
append_header (GString            *out,
               const char * const *columns,
               guint               n_columns,
               GPtrArray          *keys)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (names, g_strdup (columns[i]));
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);

      g_ptr_array_add (names, is_reserved (key) ? g_strconcat (key, " (attribute)", NULL)
                                                : g_strdup (key));
    }
  append_record (out, (const char * const *) names->pdata, names->len);
}

static GHashTable *
entity_attributes (gpointer item)
{
  return am_entity_get_attributes (item);
}

static GHashTable *
relation_attributes (gpointer item)
{
  return am_relation_get_attributes (item);
}

/* Fills @values from index @first with @attributes' values for @keys. */
static void
fill_attributes (const char **values,
                 guint        first,
                 GPtrArray   *keys,
                 GHashTable  *attributes)
{
  for (guint i = 0; i < keys->len; i++)
    values[first + i] = g_hash_table_lookup (attributes, g_ptr_array_index (keys, i));
}

static void
fill_relation (gpointer     item,
               const char **values)
{
  AmRelation *relation = item;

  values[0] = am_relation_get_id (relation);
  values[1] = am_relation_get_source (relation);
  values[2] = am_relation_get_target (relation);
  values[3] = am_relation_get_label (relation);
  values[4] = am_relation_get_rel_type (relation);
  values[5] = am_relation_get_date (relation);
  values[6] = am_relation_get_directed (relation) ? "true" : "false";
}

static void
fill_entity (gpointer     item,
             const char **values)
{
  AmEntity *entity = item;

  values[0] = am_entity_get_id (entity);
  values[1] = am_entity_get_name (entity);
  values[2] = am_entity_get_kind_name (entity);
  values[3] = am_entity_get_role (entity);
  values[4] = am_entity_get_description (entity);
  values[5] = am_entity_get_affiliation (entity);
  values[6] = am_entity_get_group (entity);
}

/* One table: a row per item, @fill giving the fixed columns, then the attributes. */
static GBytes *
write_table (GListModel          *items,
             const char * const  *columns,
             guint                n_columns,
             GHashTable        *(*attributes) (gpointer item),
             void               (*fill) (gpointer item, const char **values))
{
  g_autoptr(GPtrArray) keys = collect_keys (items, attributes);
  guint n = n_columns + keys->len;
  g_autofree const char **values = g_new0 (const char *, n);
  GString *out = g_string_new (NULL);

  append_header (out, columns, n_columns, keys);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      fill (item, values);
      fill_attributes (values, n_columns, keys, attributes (item));
      append_record (out, values, n);
    }

  return g_string_free_to_bytes (out);
}

GBytes *
_am_export_csv_edges (AmDocument  *document,
                      GError     **error)
{
  return write_table (am_document_get_relations (document), edge_columns,
                      G_N_ELEMENTS (edge_columns), relation_attributes, fill_relation);
}

GBytes *
_am_export_csv_nodes (AmDocument  *document,
                      GError     **error)
{
  return write_table (am_document_get_entities (document), node_columns,
                      G_N_ELEMENTS (node_columns), entity_attributes, fill_entity);
}
