/* am-graphml-import.c — GraphML networks in, as yEd, Gephi, NetworkX and igraph write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is parsed by _am_xml_read() (no network, no DTD, no entities, capped), then
 * read as GraphML (docs/interchange-graphml.md):
 *
 * - <key> declarations give each data key its attribute name (attr.name, or the key's id
 *   when it has none) and its <default>, which every node or edge without that data gets.
 * - A node's "label" (or else "name", or else yEd's y:NodeLabel text, or else its id)
 *   is the entity's name; "kind" (or else "type") its kind, known words mapped to the
 *   Actormap kinds and any other word kept as the kind's spelling; "description",
 *   "role" and "affiliation" their fields.  An edge's "label", "type" and "date" (an
 *   ISO 8601 date; any other is kept as an attribute) are the relation's (Cytoscape's
 *   "interaction" is the type when there is no "type").  Every other
 *   data value is kept as an attribute, as text.
 * - Edges are directed as the graph's edgedefault says, unless the edge's own
 *   directed="…" or a boolean "directed" data value says otherwise.  Parallel edges are
 *   all kept; an edge without an id, or with an id already taken, gets one made from
 *   its own ("e3", "e3-2", …).
 * - Nested graphs (yEd groups) are flattened: their nodes and edges are read as if they
 *   were at the top, each nested node remembering its group node in the attribute
 *   "graphml.parent".  Hyperedges and ports have no meaning in Actormap and are refused.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-core-private.h"
#include "am-interchange-private.h"
#include "am-json-reader.h"
#include "am-model-error.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

/* Caps beyond the XML reader's: declared keys, and the data values kept in all (a
 * declared default is copied into every node or edge, so a few keys with defaults and
 * many nodes could otherwise fill the memory). */
#define MAX_KEYS    10000
#define MAX_VALUES  4000000

/* The attribute that keeps a flattened node's group node. */
#define PARENT_ATTRIBUTE "graphml.parent"

typedef struct
{
  char     *id;
  char     *domain;     /* the key's for="…": node, edge, graph, all, … */
  char     *name;       /* attr.name, or the id */
  char     *fallback;   /* the <default> text, or NULL */
} Key;

typedef struct
{
  xmlNode  *node;
  gboolean  directed;   /* the edgedefault of the graph it is in */
} PendingEdge;

typedef struct
{
  const char  *display_name;
  GError     **error;
  GPtrArray   *keys;          /* of Key, in file order */
  GHashTable  *keys_by_id;    /* id → Key (borrowed) */
  GPtrArray   *node_defaults; /* the keys with a default for nodes (borrowed) */
  GPtrArray   *edge_defaults; /* … for edges */
  GHashTable  *taken;         /* every entity and relation id used so far */
  GHashTable  *node_ids;      /* the nodes' ids (borrowed from taken) */
  GHashTable  *suffixes;      /* an edge id given more than once → the next suffix */
  gsize        n_values;      /* data values kept so far */
  GPtrArray   *entities;
  GArray      *edges;         /* of PendingEdge */
  GPtrArray   *relations;
  char        *title;
} Reader;

static void
key_free (gpointer data)
{
  Key *key = data;

  g_free (key->id);
  g_free (key->domain);
  g_free (key->name);
  g_free (key->fallback);
  g_free (key);
}

static long
line_of (xmlNode *node)
{
  return MAX (xmlGetLineNo (node), 1);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (Reader      *r,
      int          code,
      xmlNode     *node,
      const char  *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (r->error, AM_MODEL_ERROR, code,
               /* Translators: an error in a GraphML file; the placeholders are the file's
                * name, a line number and what is wrong */
               _("%s: line %ld: %s"), r->display_name, line_of (node), what);
  return FALSE;
}

/* A GraphML element: in the GraphML namespace, or in none (many writers omit it). */
static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         (node->ns == NULL || node->ns->href == NULL ||
          g_str_equal ((const char *) node->ns->href, GRAPHML_NS)) &&
         g_str_equal ((const char *) node->name, name);
}

/* libxml2's string as GLib's (NULL stays NULL); @value is freed. */
static char *
from_xml (xmlChar *value)
{
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  return from_xml (xmlGetNoNsProp (node, (const xmlChar *) name));
}

/* The text of @node and all below it, never NULL. */
static char *
get_text (xmlNode *node)
{
  char *text = from_xml (xmlNodeGetContent (node));

  return text != NULL ? text : g_strdup ("");
}

/* ------------------------------------------------------------------------------------ */
/* Keys                                                                                 */

static gboolean
read_key (Reader  *r,
          xmlNode *node)
{
  g_autofree char *id = get_attribute (node, "id");
  Key *key;

  if (id == NULL || *id == '\0')
    return fail (r, AM_MODEL_ERROR_MISSING_FIELD, node,
                 /* Translators: GraphML words (key, id) are left as they are */
                 _("a <key> without an id"));
  if (g_hash_table_contains (r->keys_by_id, id))
    {
      g_autofree char *desc = _am_json_quote (id);
      return fail (r, AM_MODEL_ERROR_DUPLICATE_ID, node,
                   /* Translators: %s is a key's id in a GraphML file */
                   _("key '%s' is declared twice"), desc);
    }

  if (r->keys->len >= MAX_KEYS)
    return fail (r, AM_MODEL_ERROR_TOO_LARGE, node,
                 /* Translators: GraphML words (key) are left as they are; %d is a number */
                 _("more than %d <key> declarations"), MAX_KEYS);

  key = g_new0 (Key, 1);
  key->id = g_steal_pointer (&id);
  key->domain = get_attribute (node, "for");
  if (key->domain == NULL)
    key->domain = g_strdup ("all");
  key->name = get_attribute (node, "attr.name");
  if (key->name == NULL || *key->name == '\0')
    {
      g_free (key->name);
      key->name = g_strdup (key->id);
    }
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, "default"))
      {
        key->fallback = get_text (child);
        break;
      }

  g_ptr_array_add (r->keys, key);
  g_hash_table_insert (r->keys_by_id, key->id, key);
  if (key->fallback != NULL)
    {
      gboolean all = g_str_equal (key->domain, "all");

      if (all || g_str_equal (key->domain, "node"))
        g_ptr_array_add (r->node_defaults, key);
      if (all || g_str_equal (key->domain, "edge"))
        g_ptr_array_add (r->edge_defaults, key);
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------ */
/* Data                                                                                 */

/* The text of the first element named @label_name under @node (yEd's y:NodeLabel or
 * y:EdgeLabel), trimmed; NULL when there is none or it is blank. */
static char *
find_label (xmlNode    *node,
            const char *label_name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      char *found;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal ((const char *) child->name, label_name))
        {
          char *text = g_strstrip (get_text (child));

          if (*text != '\0')
            return text;
          g_free (text);
          continue;
        }
      found = find_label (child, label_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_element_children (xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      return TRUE;
  return FALSE;
}

/* The data of @owner (a node, an edge or a graph), the declared defaults first, as
 * attribute name → text in @values.  yEd's graphics data is not a value: the text of
 * its first label goes to *graphics_label. */
static gboolean
read_data (Reader      *r,
           xmlNode     *owner,
           const char  *domain,
           GHashTable  *values,
           char       **graphics_label)
{
  gboolean edge = g_str_equal (domain, "edge");
  const char *label_name = edge ? "EdgeLabel" : "NodeLabel";
  GPtrArray *defaults = edge ? r->edge_defaults : r->node_defaults;

  for (guint i = 0; i < defaults->len; i++)
    {
      Key *key = g_ptr_array_index (defaults, i);

      g_hash_table_insert (values, g_strdup (key->name), g_strdup (key->fallback));
    }

  for (xmlNode *child = owner->children; child != NULL; child = child->next)
    {
      g_autofree char *key_id = NULL;
      Key *key;

      if (!is_element (child, "data"))
        continue;

      key_id = get_attribute (child, "key");
      if (key_id == NULL)
        return fail (r, AM_MODEL_ERROR_MISSING_FIELD, child,
                     /* Translators: GraphML words (data, key) are left as they are */
                     _("a <data> without a key"));
      key = g_hash_table_lookup (r->keys_by_id, key_id);
      if (key == NULL)
        {
          g_autofree char *desc = _am_json_quote (key_id);
          return fail (r, AM_MODEL_ERROR_UNKNOWN_REFERENCE, child,
                       /* Translators: %s is a key's id in a GraphML file */
                       _("data for key '%s', which no <key> declares"), desc);
        }

      if (has_element_children (child))
        {
          /* yEd's nodegraphics / edgegraphics, or another program's markup. */
          if (graphics_label != NULL && *graphics_label == NULL)
            *graphics_label = find_label (child, label_name);
          continue;
        }

      g_hash_table_insert (values, g_strdup (key->name), get_text (child));
    }

  r->n_values += g_hash_table_size (values);
  if (r->n_values > MAX_VALUES)
    return fail (r, AM_MODEL_ERROR_TOO_LARGE, owner,
                 /* Translators: %d is a number */
                 _("more than %d data values in the file (with the declared defaults)"),
                 MAX_VALUES);

  return TRUE;
}

/* Removes and returns the value whose name is @name in any case; NULL when there is
 * none.  Blank values count as none (they are dropped). */
static char *
take (GHashTable *values,
      const char *name)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_ascii_strcasecmp (key, name) == 0)
        {
          char *text = g_strdup (value);

          g_hash_table_iter_remove (&iter);
          if (*g_strstrip (text) == '\0')
            g_clear_pointer (&text, g_free);
          return text;
        }
    }
  return NULL;
}

/* ------------------------------------------------------------------------------------ */
/* Nodes, edges and graphs                                                              */

static gboolean read_graph (Reader     *r,
                            xmlNode    *graph,
                            const char *parent);

static gboolean
refuse_ports (Reader  *r,
              xmlNode *node)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, "port"))
      return fail (r, AM_MODEL_ERROR_INVALID_DOCUMENT, child,
                   /* Translators: GraphML words (port) are left as they are */
                   _("ports (<port>) are not supported: Actormap joins actors, not parts "
                     "of them"));
  return TRUE;
}

static gboolean
read_node (Reader     *r,
           xmlNode    *node,
           const char *parent)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *id = get_attribute (node, "id");
  g_autofree char *graphics_label = NULL;
  g_autofree char *label = NULL, *name = NULL, *kind = NULL;
  g_autofree char *description = NULL, *role = NULL, *affiliation = NULL;
  const char *entity_name;
  AmEntityKind entity_kind = AM_ENTITY_KIND_OTHER;
  const char *kind_name = AM_GRAPHVIZ_NODE_KIND;

  if (id == NULL || *id == '\0')
    return fail (r, AM_MODEL_ERROR_MISSING_FIELD, node,
                 /* Translators: GraphML words (node, id) are left as they are */
                 _("a <node> without an id"));
  if (g_hash_table_contains (r->taken, id))
    {
      g_autofree char *desc = _am_json_quote (id);
      return fail (r, AM_MODEL_ERROR_DUPLICATE_ID, node,
                   /* Translators: %s is a node's id in a GraphML file */
                   _("node id '%s' is used twice"), desc);
    }
  if (!refuse_ports (r, node) || !read_data (r, node, "node", values, &graphics_label))
    return FALSE;

  label = take (values, "label");
  name = take (values, "name");
  if (name != NULL && label != NULL && !g_str_equal (name, label))
    g_hash_table_insert (values, g_strdup ("name"), g_strdup (name));
  entity_name = label != NULL ? label : name != NULL ? name : graphics_label != NULL ?
                graphics_label : id;

  kind = take (values, "kind");
  if (kind == NULL)
    kind = take (values, "type");
  if (kind != NULL)
    {
      entity_kind = am_entity_kind_from_string (kind);
      kind_name = entity_kind == AM_ENTITY_KIND_OTHER ? kind : NULL;
    }

  description = take (values, "description");
  role = take (values, "role");
  affiliation = take (values, "affiliation");
  if (parent != NULL)
    g_hash_table_insert (values, g_strdup (PARENT_ATTRIBUTE), g_strdup (parent));

  {
    char *kept = g_strdup (id);

    g_hash_table_add (r->taken, kept);
    g_hash_table_add (r->node_ids, kept);
  }
  g_ptr_array_add (r->entities, g_object_new (AM_TYPE_ENTITY,
                                              "id", id,
                                              "name", entity_name,
                                              "kind", entity_kind,
                                              "kind-name", kind_name,
                                              "description", description,
                                              "role", role,
                                              "affiliation", affiliation,
                                              "attributes", values,
                                              NULL));

  /* A yEd group: its own graph's nodes are flattened into this one. */
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, "graph") && !read_graph (r, child, id))
      return FALSE;

  return TRUE;
}

static gboolean
parse_boolean (const char *text,
               gboolean   *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (g_ascii_strcasecmp (copy, "true") == 0 || g_str_equal (copy, "1"))
    *value = TRUE;
  else if (g_ascii_strcasecmp (copy, "false") == 0 || g_str_equal (copy, "0"))
    *value = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* graph: its edgedefault, its nodes now, its edges for later (they may name nodes that
 * come after them), nested graphs through their nodes. */
static gboolean
read_graph (Reader     *r,
            xmlNode    *graph,
            const char *parent)
{
  g_autofree char *edgedefault = get_attribute (graph, "edgedefault");
  gboolean directed = TRUE;

  if (edgedefault != NULL && g_str_equal (edgedefault, "undirected"))
    directed = FALSE;
  else if (edgedefault != NULL && !g_str_equal (edgedefault, "directed"))
    {
      g_autofree char *desc = _am_json_quote (edgedefault);
      return fail (r, AM_MODEL_ERROR_INVALID_VALUE, graph,
                   /* Translators: GraphML words (edgedefault, directed, undirected) are
                    * left as they are; %s is the value found */
                   _("edgedefault is '%s', not 'directed' or 'undirected'"), desc);
    }

  for (xmlNode *child = graph->children; child != NULL; child = child->next)
    {
      if (is_element (child, "node"))
        {
          if (!read_node (r, child, parent))
            return FALSE;
        }
      else if (is_element (child, "edge"))
        {
          PendingEdge edge = { child, directed };

          g_array_append_val (r->edges, edge);
        }
      else if (is_element (child, "hyperedge"))
        return fail (r, AM_MODEL_ERROR_INVALID_DOCUMENT, child,
                     /* Translators: GraphML words (hyperedge) are left as they are */
                     _("hyperedges (<hyperedge>) are not supported: an Actormap relation "
                       "joins two actors"));
      else if (is_element (child, "data") && parent == NULL && r->title == NULL)
        {
          g_autofree char *key_id = get_attribute (child, "key");
          Key *key = key_id != NULL ? g_hash_table_lookup (r->keys_by_id, key_id) : NULL;

          if (key != NULL && !has_element_children (child) &&
              (g_ascii_strcasecmp (key->name, "name") == 0 ||
               g_ascii_strcasecmp (key->name, "label") == 0 ||
               g_ascii_strcasecmp (key->name, "title") == 0))
            {
              r->title = g_strstrip (get_text (child));
              if (*r->title == '\0')
                g_clear_pointer (&r->title, g_free);
            }
        }
    }

  return TRUE;
}

/* A fresh id for an edge: its own when free, else with a suffix; "e<index>" when it
 * has none. */
static char *
edge_id (Reader     *r,
         const char *given,
         guint       index)
{
  g_autofree char *base = given != NULL && *given != '\0' ? g_strdup (given)
                                                           : g_strdup_printf ("e%u", index);
  char *id = g_strdup (base);
  guint n;

  if (!g_hash_table_contains (r->taken, id))
    return id;

  /* Counting on from the last suffix given to this id: a file that repeats one id a
   * million times is read in linear time. */
  n = GPOINTER_TO_UINT (g_hash_table_lookup (r->suffixes, base));
  for (n = MAX (n, 2); g_hash_table_contains (r->taken, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_insert (r->suffixes, g_steal_pointer (&base), GUINT_TO_POINTER (n));
  return id;
}

static gboolean
read_edge (Reader            *r,
           const PendingEdge *pending,
           guint              index)
{
  xmlNode *node = pending->node;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *given = get_attribute (node, "id");
  g_autofree char *source = get_attribute (node, "source");
  g_autofree char *target = get_attribute (node, "target");
  g_autofree char *directed_text = get_attribute (node, "directed");
  g_autofree char *graphics_label = NULL;
  g_autofree char *label = NULL, *type = NULL, *date = NULL, *directed_data = NULL;
  g_autofree char *id = NULL;
  gboolean directed = pending->directed;

  if (source == NULL || target == NULL)
    return fail (r, AM_MODEL_ERROR_MISSING_FIELD, node,
                 /* Translators: GraphML words (edge, source, target) are left as they are */
                 _("an <edge> without a source or a target"));
  for (guint i = 0; i < 2; i++)
    {
      const char *end = i == 0 ? source : target;

      if (!g_hash_table_contains (r->node_ids, end))
        {
          g_autofree char *desc = _am_json_quote (end);
          return fail (r, AM_MODEL_ERROR_UNKNOWN_REFERENCE, node,
                       /* Translators: %s is a node's id in a GraphML file */
                       _("an edge names an unknown node '%s'"), desc);
        }
    }
  if (xmlHasProp (node, (const xmlChar *) "sourceport") != NULL ||
      xmlHasProp (node, (const xmlChar *) "targetport") != NULL)
    return fail (r, AM_MODEL_ERROR_INVALID_DOCUMENT, node,
                 /* Translators: GraphML words (sourceport, targetport) are left as they are */
                 _("edges between ports (sourceport, targetport) are not supported"));
  if (directed_text != NULL && !parse_boolean (directed_text, &directed))
    {
      g_autofree char *desc = _am_json_quote (directed_text);
      return fail (r, AM_MODEL_ERROR_INVALID_VALUE, node,
                   /* Translators: GraphML words (directed) are left as they are; %s is the
                    * value found */
                   _("directed is '%s', not 'true' or 'false'"), desc);
    }
  if (!read_data (r, node, "edge", values, &graphics_label))
    return FALSE;

  /* Actormap's own files say it in a data value: NetworkX refuses directed="false" in
   * a directed graph.  The attribute, when given, wins. */
  directed_data = take (values, "directed");
  if (directed_data != NULL && directed_text == NULL &&
      !parse_boolean (directed_data, &directed))
    g_hash_table_insert (values, g_strdup ("directed"), g_strdup (directed_data));

  label = take (values, "label");
  if (label == NULL)
    label = g_steal_pointer (&graphics_label);
  type = take (values, "type");
  if (type == NULL)
    type = take (values, "interaction");   /* Cytoscape's word for it */
  date = take (values, "date");
  if (date != NULL && _am_date_parse (date, NULL, NULL, NULL) == AM_DATE_INVALID)
    g_hash_table_insert (values, g_strdup ("date"), g_steal_pointer (&date));

  id = edge_id (r, given, index);
  g_hash_table_add (r->taken, g_strdup (id));
  g_ptr_array_add (r->relations, g_object_new (AM_TYPE_RELATION,
                                               "id", id,
                                               "source", source,
                                               "target", target,
                                               "label", label != NULL ? label : "",
                                               "rel-type", type,
                                               "date", date,
                                               "directed", directed,
                                               "attributes", values,
                                               NULL));
  return TRUE;
}

/* ------------------------------------------------------------------------------------ */

static AmDocument *
read_document (Reader  *r,
               xmlNode *root)
{
  g_autoptr(GError) local_error = NULL;
  xmlNode *graph = NULL;
  AmDocument *document;

  if (!is_element (root, "graphml"))
    {
      fail (r, AM_MODEL_ERROR_INVALID_DOCUMENT, root,
            /* Translators: GraphML words (graphml) are left as they are; %s is the element
             * found */
            _("the root element is <%s>, not <graphml>"), (const char *) root->name);
      return NULL;
    }

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (is_element (child, "key"))
        {
          if (!read_key (r, child))
            return NULL;
        }
      else if (is_element (child, "graph"))
        {
          if (graph != NULL)
            {
              fail (r, AM_MODEL_ERROR_INVALID_DOCUMENT, child,
                    /* Translators: GraphML words (graph) are left as they are */
                    _("a second <graph>: Actormap opens one network per file"));
              return NULL;
            }
          graph = child;
        }
    }
  if (graph == NULL)
    {
      fail (r, AM_MODEL_ERROR_MISSING_FIELD, root,
            /* Translators: GraphML words (graph) are left as they are */
            _("no <graph> in the file"));
      return NULL;
    }

  if (!read_graph (r, graph, NULL))
    return NULL;
  for (guint i = 0; i < r->edges->len; i++)
    if (!read_edge (r, &g_array_index (r->edges, PendingEdge, i), i))
      return NULL;

  document = am_document_new_imported (AM_DOCUMENT_ORIGIN_NETWORK, r->title, r->entities,
                                       r->relations, NULL, NULL, &local_error);
  if (document == NULL)
    {
      g_set_error (r->error, AM_MODEL_ERROR, local_error->code, "%s: %s", r->display_name,
                   local_error->message);
      return NULL;
    }
  return document;
}

AmDocument *
_am_graphml_import (GBytes      *bytes,
                    const char  *display_name,
                    GError     **error)
{
  xmlDoc *doc;
  xmlNode *root;
  AmDocument *document = NULL;
  Reader r = { 0, };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = _am_xml_read (bytes, display_name, error);
  if (doc == NULL)
    return NULL;

  r.display_name = display_name;
  r.error = error;
  r.keys = g_ptr_array_new_with_free_func (key_free);
  r.keys_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  r.node_defaults = g_ptr_array_new ();
  r.edge_defaults = g_ptr_array_new ();
  r.taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.node_ids = g_hash_table_new (g_str_hash, g_str_equal);
  r.suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.entities = g_ptr_array_new_with_free_func (g_object_unref);
  r.edges = g_array_new (FALSE, FALSE, sizeof (PendingEdge));
  r.relations = g_ptr_array_new_with_free_func (g_object_unref);

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_EMPTY,
                 /* Translators: %s is a file name */
                 _("%s: line 1: no root element"), display_name);
  else
    document = read_document (&r, root);

  g_ptr_array_unref (r.keys);
  g_hash_table_unref (r.keys_by_id);
  g_ptr_array_unref (r.node_defaults);
  g_ptr_array_unref (r.edge_defaults);
  g_hash_table_unref (r.node_ids);
  g_hash_table_unref (r.suffixes);
  g_hash_table_unref (r.taken);
  g_ptr_array_unref (r.entities);
  g_array_unref (r.edges);
  g_ptr_array_unref (r.relations);
  g_free (r.title);
  xmlFreeDoc (doc);

  return document;
}
