/* am-export-gexf.c — the network as GEXF 1.3, for Gephi and NetworkX
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written with libxml2's xmlTextWriter (escaping, UTF-8, declared namespaces).  Nodes
 * carry their kind, role, description, affiliation, aliases, group and every extra
 * attribute as declared <attributes>; viz:position is the centre of the scene's node
 * with y flipped (Gephi's y grows up), viz:size half the node's larger side, viz:color
 * the theme's fill for the kind.  Edges carry their label, the relation type as the
 * 1.3 "kind" and as an attribute, and a date as start and end (a month or a year as
 * its first and last day) plus the exact ISO date as an attribute.  A graph with both
 * directed and undirected relations is written as directed, its undirected ones as
 * type="mutual": NetworkX refuses a graph that mixes "directed" and "undirected", and
 * mutual (both ways) is what an undirected tie means in a directed graph; our own
 * import reads mutual back as undirected.  The same document gives the same bytes:
 * no time stamp, attributes in a fixed then sorted order.  docs/interchange-gexf.md.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "am-export.h"
#include "am-export-network-private.h"

#define GEXF_NS     "http://gexf.net/1.3"
#define GEXF_VIZ_NS "http://gexf.net/1.3/viz"
#define XSI_NS      "http://www.w3.org/2001/XMLSchema-instance"

/* Node columns every file declares, in this order; extra attributes follow, sorted. */
static const char * const node_fields[] = {
  "kind", "role", "description", "affiliation", "aliases", "group", NULL
};
static const char * const edge_fields[] = { "type", "date", NULL };

typedef struct
{
  xmlTextWriter *w;
  gboolean       ok;
} Out;

/* Text XML 1.0 can hold: other control characters become U+FFFD. */
static char *
xml_text (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        g_string_append_unichar (s, 0xfffd);
      else
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static void
start (Out        *out,
       const char *name)
{
  out->ok = out->ok && xmlTextWriterStartElement (out->w, (const xmlChar *) name) >= 0;
}

static void
end (Out *out)
{
  out->ok = out->ok && xmlTextWriterEndElement (out->w) >= 0;
}

static void
attr (Out        *out,
      const char *name,
      const char *value)
{
  g_autofree char *text = NULL;

  if (!out->ok || value == NULL)
    return;
  text = xml_text (value);
  out->ok = xmlTextWriterWriteAttribute (out->w, (const xmlChar *) name,
                                         (const xmlChar *) text) >= 0;
}

static void
attr_number (Out        *out,
             const char *name,
             double      value,
             const char *format)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == 0)
    value = 0;   /* no "-0.00" */
  attr (out, name, g_ascii_formatd (buffer, sizeof buffer, format, value));
}

static void
element_text (Out        *out,
              const char *name,
              const char *text)
{
  g_autofree char *clean = xml_text (text);

  out->ok = out->ok && xmlTextWriterWriteElement (out->w, (const xmlChar *) name,
                                                  (const xmlChar *) clean) >= 0;
}

static gboolean
is_field (const char * const *fields,
          const char         *key)
{
  return g_strv_contains (fields, key);
}

/* The extra attribute keys of every item of @model, sorted, fixed fields left out. */
static GPtrArray *
extra_keys (GListModel         *model,
            GHashTable       *(*get_attributes) (gpointer item),
            const char * const *fields)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_hash_table_iter_init (&iter, get_attributes (item));
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!is_field (fields, key))
          g_hash_table_add (keys, key);
    }

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (sorted, key);
  return sorted;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
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

static void
declare (Out                *out,
         const char         *klass,
         const char * const *fields,
         GPtrArray          *extra)
{
  start (out, "attributes");
  attr (out, "class", klass);
  attr (out, "mode", "static");
  for (guint i = 0; fields[i] != NULL; i++)
    {
      start (out, "attribute");
      attr (out, "id", fields[i]);
      attr (out, "title", fields[i]);
      attr (out, "type", "string");
      end (out);
    }
  for (guint i = 0; i < extra->len; i++)
    {
      start (out, "attribute");
      attr (out, "id", g_ptr_array_index (extra, i));
      attr (out, "title", g_ptr_array_index (extra, i));
      attr (out, "type", "string");
      end (out);
    }
  end (out);
}

static void
attvalue (Out        *out,
          gboolean   *open,
          const char *key,
          const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (!*open)
    {
      start (out, "attvalues");
      *open = TRUE;
    }
  start (out, "attvalue");
  attr (out, "for", key);
  attr (out, "value", value);
  end (out);
}

/* @skip (nullable): a key written elsewhere (a numeric weight is the edge's own). */
static void
extra_attvalues (Out        *out,
                 gboolean   *open,
                 GHashTable *attributes,
                 GPtrArray  *extra,
                 const char *skip)
{
  for (guint i = 0; i < extra->len; i++)
    {
      const char *key = g_ptr_array_index (extra, i);

      if (g_strcmp0 (key, skip) != 0)
        attvalue (out, open, key, g_hash_table_lookup (attributes, key));
    }
}

static void
write_node (Out           *out,
            AmEntity      *entity,
            GPtrArray     *extra,
            const AmScene *scene,
            const AmTheme *theme)
{
  const char *kind_name = am_entity_get_kind_name (entity);
  const char * const *aliases = am_entity_get_aliases (entity);
  g_autofree char *joined = g_strjoinv ("; ", (char **) aliases);
  const AmKindStyle *style = am_theme_style_for_kind (theme, kind_name);
  gint index = scene != NULL ? am_scene_find_node (scene, am_entity_get_id (entity)) : -1;
  gboolean open = FALSE;

  start (out, "node");
  attr (out, "id", am_entity_get_id (entity));
  attr (out, "label", am_entity_get_name (entity));

  attvalue (out, &open, "kind", kind_name);
  attvalue (out, &open, "role", am_entity_get_role (entity));
  attvalue (out, &open, "description", am_entity_get_description (entity));
  attvalue (out, &open, "affiliation", am_entity_get_affiliation (entity));
  attvalue (out, &open, "aliases", joined);
  attvalue (out, &open, "group", am_entity_get_group (entity));
  extra_attvalues (out, &open, am_entity_get_attributes (entity), extra, NULL);
  if (open)
    end (out);

  start (out, "viz:color");
  attr_number (out, "r", round (CLAMP (style->fill.red, 0, 1) * 255), "%.0f");
  attr_number (out, "g", round (CLAMP (style->fill.green, 0, 1) * 255), "%.0f");
  attr_number (out, "b", round (CLAMP (style->fill.blue, 0, 1) * 255), "%.0f");
  attr_number (out, "a", CLAMP (style->fill.alpha, 0, 1), "%.2f");
  end (out);

  if (index >= 0)
    {
      const AmRect *box = &am_scene_get_node (scene, (guint) index)->box;

      start (out, "viz:position");
      attr_number (out, "x", box->x + box->width / 2, "%.2f");
      attr_number (out, "y", -(box->y + box->height / 2), "%.2f");
      attr_number (out, "z", 0, "%.1f");
      end (out);
      start (out, "viz:size");
      attr_number (out, "value", MAX (box->width, box->height) / 2, "%.2f");
      end (out);
    }

  end (out);
}

/* start and end of a spell for an ISO date: a day both, a month or a year its first
 * and last day, a date-time its day.  The model checked the date; this only splits it. */
static gboolean
date_spell (const char *date,
            char        start_out[11],
            char        end_out[11])
{
  guint y = 0, m = 0, d = 0;
  gsize len = strlen (date);
  int n;

  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (date[i]))
      return FALSE;
  n = sscanf (date, "%4u-%2u-%2u", &y, &m, &d);
  if (y < 1)
    return FALSE;
  if (n == 1 && len == 4)
    {
      g_snprintf (start_out, 11, "%04u-01-01", y);
      g_snprintf (end_out, 11, "%04u-12-31", y);
      return TRUE;
    }
  if (n == 2 && len == 7 && m >= 1 && m <= 12)
    {
      g_snprintf (start_out, 11, "%04u-%02u-01", y, m);
      g_snprintf (end_out, 11, "%04u-%02u-%02u", y, m,
                  g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y));
      return TRUE;
    }
  if (n == 3 && len >= 10 && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_snprintf (start_out, 11, "%04u-%02u-%02u", y, m, d);
      g_snprintf (end_out, 11, "%04u-%02u-%02u", y, m, d);
      return TRUE;
    }
  return FALSE;
}

static void
write_edge (Out        *out,
            AmRelation *relation,
            GPtrArray  *extra,
            gboolean    mixed)
{
  GHashTable *attributes = am_relation_get_attributes (relation);
  const char *weight = g_hash_table_lookup (attributes, "weight");
  const char *type = am_relation_get_rel_type (relation);
  const char *date = am_relation_get_date (relation);
  char spell_start[11], spell_end[11];
  gboolean open = FALSE;
  double w = 0;
  char *end_ptr = NULL;

  start (out, "edge");
  attr (out, "id", am_relation_get_id (relation));
  attr (out, "source", am_relation_get_source (relation));
  attr (out, "target", am_relation_get_target (relation));
  if (*am_relation_get_label (relation) != '\0')
    attr (out, "label", am_relation_get_label (relation));
  if (mixed && !am_relation_get_directed (relation))
    attr (out, "type", "mutual");
  if (type != NULL && *type != '\0')
    attr (out, "kind", type);
  if (weight != NULL)
    w = g_ascii_strtod (weight, &end_ptr);
  if (weight != NULL && end_ptr != weight && *end_ptr == '\0' && isfinite (w))
    attr_number (out, "weight", w, "%.6g");
  else
    weight = NULL;
  if (date != NULL && date_spell (date, spell_start, spell_end))
    {
      attr (out, "start", spell_start);
      attr (out, "end", spell_end);
    }

  attvalue (out, &open, "type", type);
  attvalue (out, &open, "date", date);
  extra_attvalues (out, &open, attributes, extra, weight != NULL ? "weight" : NULL);
  if (open)
    end (out);
  end (out);
}

GBytes *
_am_export_gexf (AmDocument     *document,
                 const AmScene  *scene,
                 const AmTheme  *theme,
                 GError        **error)
{
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);
  g_autoptr(GPtrArray) node_extra = NULL;
  g_autoptr(GPtrArray) edge_extra = NULL;
  guint n_entities = g_list_model_get_n_items (entities);
  guint n_relations = g_list_model_get_n_items (relations);
  guint n_directed = 0;
  gboolean dated = FALSE;
  const char *title = am_document_get_title (document);
  xmlBuffer *buffer;
  Out out = { NULL, TRUE };
  GBytes *bytes = NULL;

  for (guint i = 0; i < n_relations; i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);
      const char *date = am_relation_get_date (relation);

      n_directed += am_relation_get_directed (relation) ? 1 : 0;
      char spell_start[11], spell_end[11];

      dated = dated || (date != NULL && date_spell (date, spell_start, spell_end));
    }

  node_extra = extra_keys (entities, entity_attributes, node_fields);
  edge_extra = extra_keys (relations, relation_attributes, edge_fields);
  g_ptr_array_sort (node_extra, compare_strings);
  g_ptr_array_sort (edge_extra, compare_strings);

  buffer = xmlBufferCreate ();
  out.w = buffer != NULL ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  if (out.w == NULL)
    {
      g_clear_pointer (&buffer, xmlBufferFree);
      g_set_error_literal (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_RENDER_FAILED,
                           /* Translators: an export error */
                           _("The XML writer could not start"));
      return NULL;
    }
  xmlTextWriterSetIndent (out.w, 1);
  xmlTextWriterSetIndentString (out.w, (const xmlChar *) "  ");

  out.ok = xmlTextWriterStartDocument (out.w, "1.0", "UTF-8", NULL) >= 0;
  start (&out, "gexf");
  attr (&out, "xmlns", GEXF_NS);
  attr (&out, "xmlns:viz", GEXF_VIZ_NS);
  attr (&out, "xmlns:xsi", XSI_NS);
  attr (&out, "xsi:schemaLocation", GEXF_NS " " GEXF_NS "/gexf.xsd");
  attr (&out, "version", "1.3");

  start (&out, "meta");
  element_text (&out, "creator", "Actormap");
  if (title != NULL && *title != '\0')
    element_text (&out, "description", title);
  end (&out);

  start (&out, "graph");
  attr (&out, "defaultedgetype", n_relations > 0 && n_directed == 0 ? "undirected" : "directed");
  attr (&out, "mode", dated ? "dynamic" : "static");
  if (dated)
    attr (&out, "timeformat", "date");

  declare (&out, "node", node_fields, node_extra);
  declare (&out, "edge", edge_fields, edge_extra);

  start (&out, "nodes");
  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      write_node (&out, entity, node_extra, scene, theme);
    }
  end (&out);

  start (&out, "edges");
  for (guint i = 0; i < n_relations; i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);
      write_edge (&out, relation, edge_extra, n_directed > 0 && n_directed < n_relations);
    }
  end (&out);

  end (&out);   /* graph */
  end (&out);   /* gexf */
  out.ok = out.ok && xmlTextWriterEndDocument (out.w) >= 0;
  xmlFreeTextWriter (out.w);   /* flushes into the buffer */

  if (out.ok)
    bytes = g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
  else
    g_set_error_literal (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_RENDER_FAILED,
                         /* Translators: an export error */
                         _("The XML writer failed"));
  xmlBufferFree (buffer);

  return bytes;
}
