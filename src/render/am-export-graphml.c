/* am-export-graphml.c — the network as GraphML, for yEd, Gephi, Cytoscape, NetworkX and igraph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One <graph edgedefault="directed">: every entity a <node> with its id, every relation
 * an <edge> with its id (parallel relations stay separate edges).  Every data key is
 * declared with its attr.name and attr.type: the entities' name and label (both the
 * entity's name: Gephi and yEd show "label", igraph names vertices by "name"), kind,
 * role, description, affiliation, and x, y, width, height (the node's box in the scene,
 * y down, when a scene is given); the relations' label, type, date and directed (a
 * boolean data value rather than directed="false", which NetworkX refuses in a directed
 * graph); then each attribute name the entities or relations carry, as strings.  Keys
 * and attributes are sorted, so the same document gives the same bytes.  Statements
 * are not written: they are not ties between two actors (docs/interchange-graphml.md).
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "am-export.h"
#include "am-export-network-private.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"
#define GRAPHML_XSD "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

typedef enum
{
  FIELD_NAME,
  FIELD_LABEL,
  FIELD_KIND,
  FIELD_ROLE,
  FIELD_DESCRIPTION,
  FIELD_AFFILIATION,
  FIELD_X,
  FIELD_Y,
  FIELD_WIDTH,
  FIELD_HEIGHT,
  FIELD_EDGE_LABEL,
  FIELD_TYPE,
  FIELD_DATE,
  FIELD_DIRECTED,
  N_FIELDS,
} Field;

static const struct
{
  const char *id;
  const char *domain;
  const char *name;
  const char *type;
} fields[N_FIELDS] = {
  [FIELD_NAME] = { "name", "node", "name", "string" },
  [FIELD_LABEL] = { "label", "node", "label", "string" },
  [FIELD_KIND] = { "kind", "node", "kind", "string" },
  [FIELD_ROLE] = { "role", "node", "role", "string" },
  [FIELD_DESCRIPTION] = { "description", "node", "description", "string" },
  [FIELD_AFFILIATION] = { "affiliation", "node", "affiliation", "string" },
  [FIELD_X] = { "x", "node", "x", "double" },
  [FIELD_Y] = { "y", "node", "y", "double" },
  [FIELD_WIDTH] = { "width", "node", "width", "double" },
  [FIELD_HEIGHT] = { "height", "node", "height", "double" },
  [FIELD_EDGE_LABEL] = { "e_label", "edge", "label", "string" },
  [FIELD_TYPE] = { "e_type", "edge", "type", "string" },
  [FIELD_DATE] = { "e_date", "edge", "date", "string" },
  [FIELD_DIRECTED] = { "e_directed", "edge", "directed", "boolean" },
};

typedef struct
{
  xmlTextWriter *w;
  gboolean       failed;
  GPtrArray     *node_attributes;   /* sorted names, not among the fields */
  GPtrArray     *edge_attributes;
} Writer;

/* Text XML 1.0 can hold: other control characters (which a model string may contain)
 * become U+FFFD, so that every GraphML reader accepts the file. */
static char *
xml_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
check (Writer *wr,
       int     rc)
{
  if (rc < 0)
    wr->failed = TRUE;
}

static void
start (Writer     *wr,
       const char *element)
{
  check (wr, xmlTextWriterStartElement (wr->w, (const xmlChar *) element));
}

static void
end (Writer *wr)
{
  check (wr, xmlTextWriterEndElement (wr->w));
}

static void
attribute (Writer     *wr,
           const char *name,
           const char *value)
{
  g_autofree char *text = xml_text (value);

  check (wr, xmlTextWriterWriteAttribute (wr->w, (const xmlChar *) name,
                                          (const xmlChar *) text));
}

static void
data (Writer     *wr,
      const char *key,
      const char *value)
{
  g_autofree char *text = NULL;

  if (value == NULL)
    return;
  text = xml_text (value);
  start (wr, "data");
  attribute (wr, "key", key);
  check (wr, xmlTextWriterWriteString (wr->w, (const xmlChar *) text));
  end (wr);
}

static void
data_number (Writer     *wr,
             const char *key,
             double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  data (wr, key, g_ascii_formatd (buf, sizeof buf, "%.2f", value));
}

static gboolean
is_field (const char *domain,
          const char *name)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (fields[i].domain, domain) && g_ascii_strcasecmp (fields[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The attribute names of the entities or relations in @model that are not fields,
 * sorted, each once. */
static GPtrArray *
attribute_names (GListModel *model,
                 gboolean    entities)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names = g_ptr_array_new ();
  const char *domain = entities ? "node" : "edge";

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      GHashTable *attributes = entities ? am_entity_get_attributes (AM_ENTITY (item))
                                        : am_relation_get_attributes (AM_RELATION (item));
      GHashTableIter iter;
      gpointer name;

      g_hash_table_iter_init (&iter, attributes);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        if (!is_field (domain, name) && !g_hash_table_contains (seen, name))
          {
            /* Borrowed: the document holds the objects and their tables. */
            g_hash_table_add (seen, name);
            g_ptr_array_add (names, name);
          }
    }
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
declare_key (Writer     *wr,
             const char *id,
             const char *domain,
             const char *name,
             const char *type)
{
  start (wr, "key");
  attribute (wr, "id", id);
  attribute (wr, "for", domain);
  attribute (wr, "attr.name", name);
  attribute (wr, "attr.type", type);
  end (wr);
}

static void
declare_keys (Writer     *wr,
              AmDocument *document)
{
  if (am_document_get_title (document) != NULL)
    declare_key (wr, "g_title", "graph", "title", "string");
  for (guint i = 0; i < N_FIELDS; i++)
    declare_key (wr, fields[i].id, fields[i].domain, fields[i].name, fields[i].type);
  for (guint i = 0; i < wr->node_attributes->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("n_a%u", i);
      declare_key (wr, id, "node", g_ptr_array_index (wr->node_attributes, i), "string");
    }
  for (guint i = 0; i < wr->edge_attributes->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("e_a%u", i);
      declare_key (wr, id, "edge", g_ptr_array_index (wr->edge_attributes, i), "string");
    }
}

static void
write_attributes (Writer     *wr,
                  GHashTable *attributes,
                  GPtrArray  *names,
                  const char *prefix)
{
  for (guint i = 0; i < names->len; i++)
    {
      const char *value = g_hash_table_lookup (attributes, g_ptr_array_index (names, i));

      if (value != NULL)
        {
          g_autofree char *id = g_strdup_printf ("%s%u", prefix, i);
          data (wr, id, value);
        }
    }
}

/* A field's value: the object's own, or else an attribute of the same name (an imported
 * file's "x", say, when no scene gives one). */
static const char *
own_or_attribute (const char *own,
                  GHashTable *attributes,
                  const char *name)
{
  return own != NULL ? own : g_hash_table_lookup (attributes, name);
}

static void
write_node (Writer        *wr,
            AmEntity      *entity,
            const AmScene *scene)
{
  GHashTable *attributes = am_entity_get_attributes (entity);
  const char *id = am_entity_get_id (entity);
  gint index = scene != NULL ? am_scene_find_node (scene, id) : -1;

  start (wr, "node");
  attribute (wr, "id", id);
  /* An imported node whose name and label differed keeps its name as an attribute. */
  data (wr, fields[FIELD_NAME].id, own_or_attribute (NULL, attributes, "name") != NULL ?
        own_or_attribute (NULL, attributes, "name") : am_entity_get_name (entity));
  data (wr, fields[FIELD_LABEL].id, am_entity_get_name (entity));
  data (wr, fields[FIELD_KIND].id, am_entity_get_kind_name (entity));
  data (wr, fields[FIELD_ROLE].id,
        own_or_attribute (am_entity_get_role (entity), attributes, "role"));
  data (wr, fields[FIELD_DESCRIPTION].id,
        own_or_attribute (am_entity_get_description (entity), attributes, "description"));
  data (wr, fields[FIELD_AFFILIATION].id,
        own_or_attribute (am_entity_get_affiliation (entity), attributes, "affiliation"));
  if (index >= 0)
    {
      const AmRect *box = &am_scene_get_node (scene, index)->box;

      data_number (wr, fields[FIELD_X].id, box->x);
      data_number (wr, fields[FIELD_Y].id, box->y);
      data_number (wr, fields[FIELD_WIDTH].id, box->width);
      data_number (wr, fields[FIELD_HEIGHT].id, box->height);
    }
  else
    {
      for (Field f = FIELD_X; f <= FIELD_HEIGHT; f++)
        data (wr, fields[f].id, g_hash_table_lookup (attributes, fields[f].name));
    }
  write_attributes (wr, attributes, wr->node_attributes, "n_a");
  end (wr);
}

static void
write_edge (Writer     *wr,
            AmRelation *relation)
{
  GHashTable *attributes = am_relation_get_attributes (relation);
  const char *label = am_relation_get_label (relation);

  start (wr, "edge");
  attribute (wr, "id", am_relation_get_id (relation));
  attribute (wr, "source", am_relation_get_source (relation));
  attribute (wr, "target", am_relation_get_target (relation));
  data (wr, fields[FIELD_EDGE_LABEL].id, label != NULL && *label != '\0' ? label : NULL);
  data (wr, fields[FIELD_TYPE].id, am_relation_get_rel_type (relation));
  data (wr, fields[FIELD_DATE].id,
        own_or_attribute (am_relation_get_date (relation), attributes, "date"));
  data (wr, fields[FIELD_DIRECTED].id, am_relation_get_directed (relation) ? "true" : "false");
  write_attributes (wr, attributes, wr->edge_attributes, "e_a");
  end (wr);
}

GBytes *
_am_export_graphml (AmDocument     *document,
                    const AmScene  *scene,
                    GError        **error)
{
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);
  xmlBuffer *buffer;
  GBytes *bytes = NULL;
  Writer wr = { 0, };

  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  buffer = xmlBufferCreate ();
  wr.w = buffer != NULL ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  if (wr.w == NULL)
    {
      g_clear_pointer (&buffer, xmlBufferFree);
      g_set_error_literal (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_RENDER_FAILED,
                           /* Translators: an export error */
                           _("Could not start the GraphML writer"));
      return NULL;
    }
  wr.node_attributes = attribute_names (entities, TRUE);
  wr.edge_attributes = attribute_names (relations, FALSE);

  check (&wr, xmlTextWriterSetIndent (wr.w, 1));
  check (&wr, xmlTextWriterSetIndentString (wr.w, (const xmlChar *) "  "));
  check (&wr, xmlTextWriterStartDocument (wr.w, "1.0", "UTF-8", NULL));
  start (&wr, "graphml");
  attribute (&wr, "xmlns", GRAPHML_NS);
  attribute (&wr, "xmlns:xsi", XSI_NS);
  attribute (&wr, "xsi:schemaLocation", GRAPHML_NS " " GRAPHML_XSD);
  declare_keys (&wr, document);

  start (&wr, "graph");
  attribute (&wr, "id", "G");
  attribute (&wr, "edgedefault", "directed");
  if (am_document_get_title (document) != NULL)
    data (&wr, "g_title", am_document_get_title (document));
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      write_node (&wr, entity, scene);
    }
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);
      write_edge (&wr, relation);
    }
  end (&wr);   /* graph */
  end (&wr);   /* graphml */
  check (&wr, xmlTextWriterEndDocument (wr.w));
  xmlFreeTextWriter (wr.w);   /* flushes into the buffer */

  if (wr.failed)
    g_set_error_literal (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_RENDER_FAILED,
                         /* Translators: an export error */
                         _("Could not write the GraphML text"));
  else
    bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));

  xmlBufferFree (buffer);
  g_ptr_array_unref (wr.node_attributes);
  g_ptr_array_unref (wr.edge_attributes);
  return bytes;
}
