/* am-gexf-import.c — GEXF 1.1draft, 1.2draft and 1.3 networks in (Gephi, NetworkX)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The XML is parsed by _am_xml_read() (no network, no DTD, no entities, capped), then
 * walked here by local names, so that the namespaces of every GEXF version are read
 * alike (docs/interchange-gexf.md).  A node becomes an entity: its label the name, an
 * attribute titled "kind" or "type" the kind, "role", "description", "affiliation" and
 * "aliases" their fields, every other attribute and the viz colour, size and z kept as
 * attributes, the viz position as the entity's pinned position (GEXF's y grows up, the
 * scene's down).  An edge becomes a relation: label, type (directed, undirected, mutual
 * or the graph's defaultedgetype), its "kind" or an attribute titled "type" the relation
 * type, its start and end (or first spell) the date when they are ISO dates.  Parallel
 * edges are kept; a repeated or missing edge id gets a unique one.  Every error names
 * the file and the line: "net.gexf: line 12: edge 'e3': unknown target node 'n9'".
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "am-core-private.h"
#include "am-entity.h"
#include "am-interchange-private.h"
#include "am-model-error.h"
#include "am-object-copy.h"
#include "am-relation.h"

#define MAX_ID_BYTES 1024      /* longer ids are replaced by derived ones */
/* Pinned positions closer than this many points per node (NetworkX layouts span 0–1)
 * are spread out: a node of the map is about 100 points wide, and needs room. */
#define MIN_SPACING 180.0

typedef struct
{
  char *title;
  char *type;
  char *default_value;
} GexfAttribute;

typedef struct
{
  const char *display_name;
  GError    **error;
  gboolean    failed;
  gboolean    default_directed;
  gboolean    numeric_time;        /* timeformat double or integer: no ISO dates */
  GHashTable *node_attributes;     /* id → GexfAttribute */
  GHashTable *edge_attributes;
  GHashTable *ids;                 /* every entity and relation id (one id space) */
  GHashTable *node_ids;            /* file id → entity id */
  GPtrArray  *entities;
  GPtrArray  *relations;
} Reader;

static void
gexf_attribute_free (gpointer data)
{
  GexfAttribute *attribute = data;

  g_free (attribute->title);
  g_free (attribute->type);
  g_free (attribute->default_value);
  g_free (attribute);
}

static gboolean G_GNUC_PRINTF (4, 5)
fail (Reader     *r,
      xmlNode    *node,
      gint        code,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (r->failed)
    return FALSE;
  r->failed = TRUE;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (r->error, AM_MODEL_ERROR, code,
               /* Translators: an error in a GEXF file; the placeholders are the file's
                * name, a line number and what is wrong */
               _("%s: line %ld: %s"), r->display_name,
               node != NULL ? MAX (xmlGetLineNo (node), 1) : 1L, what);
  return FALSE;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE &&
         g_str_equal ((const char *) node->name, name);
}

/* Whether @node is in a GEXF viz namespace ("…/viz"), or named viz:… without one. */
static gboolean
is_viz (xmlNode *node)
{
  return node->ns != NULL && node->ns->href != NULL &&
         g_str_has_suffix ((const char *) node->ns->href, "/viz");
}

static xmlNode *
first_child (xmlNode    *parent,
             const char *name)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (is_element (child, name) && !is_viz (child))
      return child;
  return NULL;
}

/* An attribute's value, without namespace (transfer full, nullable). */
static char *
get_prop (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* Replaces *@slot by a copy of @value (g_set_str() is GLib 2.76). */
static void
set_string (char       **slot,
            const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*slot);
  *slot = copy;
}

static char *
element_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strdup ((const char *) content);

  xmlFree (content);
  return g_strstrip (text);
}

/* A finite number, the whole of @text (white space around allowed). */
static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *copy = NULL;
  char *end = NULL;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return FALSE;
  *value = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

/* A viz number attribute: absent gives @fallback, present must be a finite number. */
static gboolean
viz_number (Reader     *r,
            xmlNode    *node,
            const char *name,
            double      fallback,
            double     *value)
{
  g_autofree char *text = get_prop (node, name);

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }
  if (!parse_number (text, value))
    {
      g_autofree char *shown = g_utf8_make_valid (text, MIN (strlen (text), 40));
      return fail (r, node, AM_MODEL_ERROR_INVALID_VALUE,
                   /* Translators: in a GEXF file; the placeholders are an element's name,
                    * one of its attributes and that attribute's value */
                   _("viz:%s: '%s' is not a number: '%s'"), (const char *) node->name, name,
                   shown);
    }
  return TRUE;
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

/* viz:color as "#rrggbb" or "#rrggbbaa" (alpha below 1), from r/g/b/a or 1.3's hex. */
static gboolean
read_color (Reader     *r,
            xmlNode    *node,
            GHashTable *attributes)
{
  g_autofree char *hex = get_prop (node, "hex");
  g_autofree char *lower = NULL;
  double rgb[3], alpha;
  const char *names[3] = { "r", "g", "b" };

  if (hex != NULL)
    {
      const char *digits = hex[0] == '#' ? hex + 1 : hex;
      gsize n = strlen (digits);
      gboolean ok = n == 6 || n == 8;

      for (gsize i = 0; ok && i < n; i++)
        ok = g_ascii_isxdigit (digits[i]);
      if (!ok)
        return fail (r, node, AM_MODEL_ERROR_INVALID_VALUE,
                     /* Translators: in a GEXF file */
                     _("viz:color: 'hex' is not a colour like #1f77b4"));
      g_hash_table_insert (attributes, g_strdup ("viz:color"),
                           g_strconcat ("#", lower = g_ascii_strdown (digits, -1), NULL));
      return TRUE;
    }

  for (guint i = 0; i < 3; i++)
    {
      if (!viz_number (r, node, names[i], 0, &rgb[i]))
        return FALSE;
      if (rgb[i] < 0 || rgb[i] > 255)
        return fail (r, node, AM_MODEL_ERROR_INVALID_VALUE,
                     /* Translators: in a GEXF file; %s is r, g or b */
                     _("viz:color: '%s' is outside 0–255"), names[i]);
    }
  if (!viz_number (r, node, "a", 1, &alpha))
    return FALSE;
  if (alpha < 0 || alpha > 1)
    return fail (r, node, AM_MODEL_ERROR_INVALID_VALUE,
                 /* Translators: in a GEXF file */
                 _("viz:color: 'a' is outside 0–1"));

  if (alpha < 1)
    g_hash_table_insert (attributes, g_strdup ("viz:color"),
                         g_strdup_printf ("#%02x%02x%02x%02x", (guint) lround (rgb[0]),
                                          (guint) lround (rgb[1]), (guint) lround (rgb[2]),
                                          (guint) lround (alpha * 255)));
  else
    g_hash_table_insert (attributes, g_strdup ("viz:color"),
                         g_strdup_printf ("#%02x%02x%02x", (guint) lround (rgb[0]),
                                          (guint) lround (rgb[1]), (guint) lround (rgb[2])));
  return TRUE;
}

typedef struct
{
  gboolean has_position;
  double   x;
  double   y;
} Viz;

/* viz:color, viz:position, viz:size, viz:shape, viz:thickness of a node or an edge. */
static gboolean
read_viz (Reader     *r,
          xmlNode    *owner,
          GHashTable *attributes,
          Viz        *viz)
{
  for (xmlNode *child = owner->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || !is_viz (child))
        continue;

      if (is_element (child, "color"))
        {
          if (!read_color (r, child, attributes))
            return FALSE;
        }
      else if (is_element (child, "position"))
        {
          double x, y, z;

          if (!viz_number (r, child, "x", 0, &x) || !viz_number (r, child, "y", 0, &y) ||
              !viz_number (r, child, "z", 0, &z))
            return FALSE;
          if (viz != NULL)
            {
              viz->has_position = TRUE;
              viz->x = x;
              viz->y = y == 0 ? 0 : -y;   /* GEXF's y grows up */
            }
          if (z != 0)
            g_hash_table_insert (attributes, g_strdup ("viz:z"), format_number (z));
        }
      else if (is_element (child, "size") || is_element (child, "thickness"))
        {
          double value;
          g_autofree char *key = g_strconcat ("viz:", (const char *) child->name, NULL);

          if (!viz_number (r, child, "value", 1, &value))
            return FALSE;
          g_hash_table_insert (attributes, g_steal_pointer (&key), format_number (value));
        }
      else if (is_element (child, "shape"))
        {
          g_autofree char *value = get_prop (child, "value");

          if (value != NULL)
            g_hash_table_insert (attributes, g_strdup ("viz:shape"), g_strdup (value));
        }
    }

  return TRUE;
}

/* <attributes class="node|edge"><attribute id title type><default/></attribute>… */
static gboolean
read_declarations (Reader  *r,
                   xmlNode *graph)
{
  for (xmlNode *block = graph->children; block != NULL; block = block->next)
    {
      g_autofree char *klass = NULL;
      GHashTable *table;

      if (!is_element (block, "attributes"))
        continue;
      klass = get_prop (block, "class");
      if (g_strcmp0 (klass, "node") == 0)
        table = r->node_attributes;
      else if (g_strcmp0 (klass, "edge") == 0)
        table = r->edge_attributes;
      else
        continue;   /* graph attributes and unknown classes carry nothing we map */

      for (xmlNode *decl = block->children; decl != NULL; decl = decl->next)
        {
          GexfAttribute *attribute;
          char *id;
          xmlNode *def;

          if (!is_element (decl, "attribute"))
            continue;
          id = get_prop (decl, "id");
          if (id == NULL || *id == '\0')
            {
              g_free (id);
              return fail (r, decl, AM_MODEL_ERROR_MISSING_FIELD,
                           /* Translators: in a GEXF file */
                           _("an <attribute> without an id"));
            }
          attribute = g_new0 (GexfAttribute, 1);
          attribute->title = get_prop (decl, "title");
          if (attribute->title == NULL || *attribute->title == '\0')
            {
              g_free (attribute->title);
              attribute->title = g_strdup (id);
            }
          attribute->type = get_prop (decl, "type");
          def = first_child (decl, "default");
          if (def != NULL)
            attribute->default_value = element_text (def);
          g_hash_table_replace (table, id, attribute);
        }
    }

  return TRUE;
}

/* The attvalues of @owner as title → value, declared defaults first. */
static GHashTable *
read_attvalues (Reader     *r,
                xmlNode    *owner,
                GHashTable *declared,
                const char *what)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;
  xmlNode *block = first_child (owner, "attvalues");

  g_hash_table_iter_init (&iter, declared);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GexfAttribute *attribute = value;

      if (attribute->default_value != NULL)
        g_hash_table_replace (values, g_strdup (attribute->title),
                              g_strdup (attribute->default_value));
    }

  for (xmlNode *child = block != NULL ? block->children : NULL; child != NULL;
       child = child->next)
    {
      g_autofree char *key = NULL;
      g_autofree char *text = NULL;
      GexfAttribute *attribute;

      if (!is_element (child, "attvalue"))
        continue;
      key = get_prop (child, "for");
      if (key == NULL)
        key = get_prop (child, "id");   /* GEXF 1.0 and some old writers */
      attribute = key != NULL ? g_hash_table_lookup (declared, key) : NULL;
      if (attribute == NULL)
        {
          g_autofree char *shown = g_utf8_make_valid (key != NULL ? key : "",
                                                      key != NULL ? MIN (strlen (key), 40) : 0);
          fail (r, child, AM_MODEL_ERROR_UNKNOWN_REFERENCE,
                /* Translators: in a GEXF file; the placeholders are "node 'n1'" or
                 * "edge 'e1'", then an attribute id */
                _("%s: <attvalue> for undeclared attribute '%s'"), what, shown);
          return NULL;
        }
      text = get_prop (child, "value");
      if (text == NULL)
        continue;
      /* A dynamic attribute repeats with other spells: the first value is kept. */
      if (g_hash_table_contains (seen, attribute->title))
        continue;
      g_hash_table_add (seen, attribute->title);
      g_hash_table_replace (values, g_strdup (attribute->title), g_steal_pointer (&text));
    }

  return g_steal_pointer (&values);
}

/* Removes the value titled one of @titles (case-insensitive) from @values. */
static char *
take_value (GHashTable         *values,
            const char * const *titles)
{
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; titles[i] != NULL; i++)
    {
      g_hash_table_iter_init (&iter, values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (g_ascii_strcasecmp (key, titles[i]) == 0)
          {
            char *taken = g_strdup (value);
            g_hash_table_iter_remove (&iter);
            return taken;
          }
    }
  return NULL;
}

static char *
take_one (GHashTable *values,
          const char *title)
{
  const char *titles[] = { title, NULL };

  return take_value (values, titles);
}

/* @id if it is a usable id not taken yet, else @stem with the first free suffix. */
static char *
unique_id (Reader     *r,
           const char *id,
           const char *stem,
           guint       index)
{
  g_autofree char *base = NULL;

  if (id != NULL && *id != '\0' && strlen (id) <= MAX_ID_BYTES)
    base = g_strdup (id);
  else
    base = g_strdup_printf ("%s%u", stem, index);
  if (!g_hash_table_contains (r->ids, base))
    return g_steal_pointer (&base);

  for (guint n = 2;; n++)
    {
      char *candidate = g_strdup_printf ("%s-%u", base, n);

      if (!g_hash_table_contains (r->ids, candidate))
        return candidate;
      g_free (candidate);
    }
}

static const char *
shown_id (const char *id,
          char      **storage)
{
  *storage = g_utf8_make_valid (id, MIN (strlen (id), 60));
  return *storage;
}

static gboolean read_nodes (Reader *r, xmlNode *nodes, const char *parent);

static gboolean
read_node (Reader     *r,
           xmlNode    *node,
           const char *parent)
{
  g_autofree char *file_id = get_prop (node, "id");
  g_autofree char *label = get_prop (node, "label");
  g_autofree char *owner = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *id = NULL;
  g_autofree char *kind_word = NULL;
  g_autofree char *role = NULL;
  g_autofree char *description = NULL;
  g_autofree char *affiliation = NULL;
  g_autofree char *aliases_text = NULL;
  g_autofree char *name = NULL;
  g_auto(GStrv) aliases = NULL;
  g_autoptr(GHashTable) values = NULL;
  static const char * const kind_titles[] = { "kind", "type", NULL };
  static const char * const name_titles[] = { "label", "name", NULL };
  AmEntityKind kind = AM_ENTITY_KIND_OTHER;
  const char *kind_name = AM_GRAPHVIZ_NODE_KIND;
  Viz viz = { FALSE, 0, 0 };
  xmlNode *children;

  if (file_id == NULL || *file_id == '\0')
    return fail (r, node, AM_MODEL_ERROR_MISSING_FIELD,
                 /* Translators: in a GEXF file */
                 _("a <node> without an id"));
  owner = g_strdup_printf ("node '%s'", shown_id (file_id, &shown));
  if (g_hash_table_contains (r->node_ids, file_id))
    return fail (r, node, AM_MODEL_ERROR_DUPLICATE_ID,
                 /* Translators: in a GEXF file; %s is "node 'n1'" */
                 _("%s: duplicate node id"), owner);

  values = read_attvalues (r, node, r->node_attributes, owner);
  if (values == NULL)
    return FALSE;
  if (!read_viz (r, node, values, &viz))
    return FALSE;

  kind_word = take_value (values, kind_titles);
  if (kind_word != NULL && *kind_word != '\0')
    {
      kind = am_entity_kind_from_string (kind_word);
      if (kind != AM_ENTITY_KIND_OTHER || g_ascii_strcasecmp (kind_word, "other") == 0)
        kind_name = NULL;
      else
        {
          /* An unknown kind keeps its word, as the JSON loader does, and the attribute. */
          kind_name = kind_word;
          g_hash_table_insert (values, g_strdup ("kind"), g_strdup (kind_word));
        }
    }
  role = take_one (values, "role");
  description = take_one (values, "description");
  affiliation = take_one (values, "affiliation");
  aliases_text = take_one (values, "aliases");
  if (aliases_text != NULL && *aliases_text != '\0')
    {
      aliases = g_strsplit (aliases_text, ";", -1);
      for (guint i = 0; aliases[i] != NULL; i++)
        g_strstrip (aliases[i]);
    }
  name = take_value (values, name_titles);
  if (label != NULL && *label != '\0')
    set_string (&name, label);
  else if (name == NULL || *name == '\0')
    set_string (&name, file_id);

  if (parent != NULL)
    g_hash_table_insert (values, g_strdup ("pid"), g_strdup (parent));
  else
    {
      g_autofree char *pid = get_prop (node, "pid");
      if (pid != NULL)
        g_hash_table_insert (values, g_strdup ("pid"), g_steal_pointer (&pid));
    }

  id = unique_id (r, file_id, "n", r->entities->len);
  if (!g_str_equal (id, file_id))
    g_hash_table_insert (values, g_strdup ("gexf-id"), g_strdup (file_id));
  g_hash_table_add (r->ids, g_strdup (id));
  g_hash_table_insert (r->node_ids, g_strdup (file_id), g_strdup (id));

  g_ptr_array_add (r->entities, g_object_new (AM_TYPE_ENTITY,
                                              "id", id,
                                              "name", name,
                                              "kind", kind,
                                              "kind-name", kind_name,
                                              "role", role != NULL && *role != '\0' ? role : NULL,
                                              "description", description != NULL &&
                                                *description != '\0' ? description : NULL,
                                              "affiliation", affiliation != NULL &&
                                                *affiliation != '\0' ? affiliation : NULL,
                                              "aliases", aliases,
                                              "attributes", values,
                                              "has-position", viz.has_position,
                                              "x", viz.x,
                                              "y", viz.y,
                                              NULL));

  /* A hierarchy: the nodes inside a node are nodes of the graph, with their parent. */
  children = first_child (node, "nodes");
  if (children != NULL && !read_nodes (r, children, file_id))
    return FALSE;

  return TRUE;
}

static gboolean
read_nodes (Reader     *r,
            xmlNode    *nodes,
            const char *parent)
{
  for (xmlNode *child = nodes->children; child != NULL; child = child->next)
    if (is_element (child, "node") && !read_node (r, child, parent))
      return FALSE;
  return TRUE;
}

/* The date of an edge from its start and end: a day, or a whole month or year written
 * as a spell from its first to its last day (as the writer does), when they are ISO.
 * NULL when they make no date the model holds; the raw values are then kept. */
static char *
spell_date (const char *start,
            const char *end)
{
  guint y1, m1, d1, y2, m2, d2;
  AmDatePrecision p1, p2;

  if (start == NULL)
    return NULL;
  p1 = _am_date_parse (start, &y1, &m1, &d1);
  if (p1 == AM_DATE_INVALID)
    return NULL;
  if (end == NULL || g_str_equal (start, end))
    return g_strdup (start);
  p2 = _am_date_parse (end, &y2, &m2, &d2);
  if (p1 != AM_DATE_DAY || p2 != AM_DATE_DAY || y1 != y2)
    return NULL;
  if (m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31)
    return g_strdup_printf ("%04u", y1);
  if (m1 == m2 && d1 == 1 && d2 == g_date_get_days_in_month ((GDateMonth) m2, (GDateYear) y2))
    return g_strdup_printf ("%04u-%02u", y1, m1);
  return NULL;
}

static gboolean
read_edge (Reader  *r,
           xmlNode *edge,
           guint    index)
{
  g_autofree char *file_id = get_prop (edge, "id");
  g_autofree char *source = get_prop (edge, "source");
  g_autofree char *target = get_prop (edge, "target");
  g_autofree char *label = get_prop (edge, "label");
  g_autofree char *type = get_prop (edge, "type");
  g_autofree char *weight = get_prop (edge, "weight");
  g_autofree char *kind = get_prop (edge, "kind");
  g_autofree char *start = get_prop (edge, "start");
  g_autofree char *end = get_prop (edge, "end");
  g_autofree char *owner = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *id = NULL;
  g_autofree char *rel_type = NULL;
  g_autofree char *date = NULL;
  g_autofree char *value_label = NULL;
  g_autofree char *spelled = NULL;
  g_autoptr(GHashTable) values = NULL;
  static const char * const type_titles[] = { "type", "relation", "kind", NULL };
  const char *source_id, *target_id;
  gboolean directed = r->default_directed;
  xmlNode *spells;

  if (file_id != NULL && *file_id != '\0')
    owner = g_strdup_printf ("edge '%s'", shown_id (file_id, &shown));
  else
    owner = g_strdup_printf ("edge %u", index);

  if (source == NULL || target == NULL)
    return fail (r, edge, AM_MODEL_ERROR_MISSING_FIELD,
                 /* Translators: in a GEXF file; %s is "edge 'e1'" */
                 _("%s: no source or no target"), owner);
  source_id = g_hash_table_lookup (r->node_ids, source);
  target_id = g_hash_table_lookup (r->node_ids, target);
  if (source_id == NULL || target_id == NULL)
    {
      g_autofree char *missing = NULL;
      const char *end_name = source_id == NULL ? "source" : "target";

      shown_id (source_id == NULL ? source : target, &missing);
      return fail (r, edge, AM_MODEL_ERROR_UNKNOWN_REFERENCE,
                   /* Translators: in a GEXF file; the placeholders are "edge 'e1'", the
                    * word source or target, and a node id */
                   _("%s: unknown %s node '%s'"), owner, end_name, missing);
    }

  /* NetworkX writes an edge's "type" data here: any other word is the relation type. */
  if (g_strcmp0 (type, "directed") == 0)
    directed = TRUE;
  else if (g_strcmp0 (type, "undirected") == 0 || g_strcmp0 (type, "mutual") == 0)
    directed = FALSE;
  else if (type != NULL && *type != '\0' && (kind == NULL || *kind == '\0'))
    set_string (&kind, type);

  values = read_attvalues (r, edge, r->edge_attributes, owner);
  if (values == NULL)
    return FALSE;
  if (!read_viz (r, edge, values, NULL))
    return FALSE;

  if (weight != NULL)
    {
      double w;

      if (!parse_number (weight, &w))
        {
          g_autofree char *bad = NULL;
          return fail (r, edge, AM_MODEL_ERROR_INVALID_VALUE,
                       /* Translators: in a GEXF file; the placeholders are "edge 'e1'" and
                        * the value found */
                       _("%s: weight '%s' is not a number"), owner, shown_id (weight, &bad));
        }
      g_hash_table_insert (values, g_strdup ("weight"), g_strdup (weight));
    }

  rel_type = take_value (values, type_titles);
  if ((rel_type == NULL || *rel_type == '\0') && kind != NULL && *kind != '\0')
    set_string (&rel_type, kind);
  else if (kind != NULL && *kind != '\0')
    g_hash_table_insert (values, g_strdup ("kind"), g_strdup (kind));
  value_label = take_one (values, "label");
  if (label == NULL || *label == '\0')
    set_string (&label, value_label);

  spells = first_child (edge, "spells");
  if (start == NULL && end == NULL && spells != NULL)
    {
      xmlNode *spell = first_child (spells, "spell");
      if (spell != NULL)
        {
          start = get_prop (spell, "start");
          end = get_prop (spell, "end");
        }
    }
  date = take_one (values, "date");
  if (date != NULL && _am_date_parse (date, NULL, NULL, NULL) == AM_DATE_INVALID)
    {
      g_hash_table_insert (values, g_strdup ("date"), g_steal_pointer (&date));
    }
  if (!r->numeric_time)
    spelled = spell_date (start, end);
  if (date == NULL)
    date = g_strdup (spelled);
  /* The ends are kept unless they are the date (the writer gives both). */
  if (spelled == NULL || !g_str_equal (spelled, date))
    {
      if (start != NULL)
        g_hash_table_insert (values, g_strdup ("start"), g_strdup (start));
      if (end != NULL)
        g_hash_table_insert (values, g_strdup ("end"), g_strdup (end));
    }

  id = unique_id (r, file_id, "e", index);
  if (file_id != NULL && !g_str_equal (id, file_id))
    g_hash_table_insert (values, g_strdup ("gexf-id"), g_strdup (file_id));
  g_hash_table_add (r->ids, g_strdup (id));

  g_ptr_array_add (r->relations, g_object_new (AM_TYPE_RELATION,
                                               "id", id,
                                               "source", source_id,
                                               "target", target_id,
                                               "label", label != NULL ? label : "",
                                               "rel-type", rel_type != NULL &&
                                                 *rel_type != '\0' ? rel_type : NULL,
                                               "date", date,
                                               "directed", directed,
                                               "attributes", values,
                                               NULL));
  return TRUE;
}

/* Positions from a layout made at another scale (NetworkX's span 0–1, the map's nodes
 * are ~100 points wide) would pin every node on top of the others: the positions are
 * scaled up about their centre until they span MIN_SPACING × √n points, n the number
 * of positioned nodes.  Positions that all coincide say nothing and are dropped.  A
 * file Actormap wrote holds the map's own points and is left as it is. */
static void
spread_positions (GPtrArray *entities)
{
  double min_x = G_MAXDOUBLE, min_y = G_MAXDOUBLE, max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  double extent, wanted, scale, cx, cy;
  guint n = 0;

  for (guint i = 0; i < entities->len; i++)
    {
      double x, y;

      if (!am_entity_get_position (g_ptr_array_index (entities, i), &x, &y))
        continue;
      n++;
      min_x = MIN (min_x, x);
      max_x = MAX (max_x, x);
      min_y = MIN (min_y, y);
      max_y = MAX (max_y, y);
    }
  if (n < 2)
    return;

  extent = MAX (max_x - min_x, max_y - min_y);
  wanted = MIN_SPACING * sqrt ((double) n);
  if (extent >= wanted)
    return;
  scale = extent > 0 ? wanted / extent : 0;
  cx = (min_x + max_x) / 2;
  cy = (min_y + max_y) / 2;

  for (guint i = 0; i < entities->len; i++)
    {
      AmEntity *entity = g_ptr_array_index (entities, i);
      double x, y;

      if (!am_entity_get_position (entity, &x, &y))
        continue;
      /* The kind's word is given: am_object_copy_with() would drop it (it is "other"
       * in the copy when neither "kind" nor "kind-name" is given). */
      if (scale > 0 && isfinite (scale))
        g_ptr_array_index (entities, i) =
          am_object_copy_with (entity, "x", (x - cx) * scale, "y", (y - cy) * scale,
                               "kind-name", am_entity_get_kind_name (entity), NULL);
      else
        g_ptr_array_index (entities, i) =
          am_object_copy_with (entity, "has-position", FALSE,
                               "kind-name", am_entity_get_kind_name (entity), NULL);
      g_object_unref (entity);
    }
}

static char *
meta_text (xmlNode    *root,
           const char *name)
{
  xmlNode *meta = first_child (root, "meta");
  xmlNode *element = meta != NULL ? first_child (meta, name) : NULL;
  char *text = element != NULL ? element_text (element) : NULL;

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* What libxml2 would read but the model does not take: nothing but white space (and a
 * BOM), and NUL bytes, each with the line where it is.  UTF-16 and UTF-32 (a BOM, or
 * the '<' of the first tag next to a zero byte) are left to libxml2, which decodes
 * them, as it does for GraphML; their zero bytes are not NULs. */
static gboolean
check_bytes (GBytes      *bytes,
             const char  *display_name,
             GError     **error)
{
  gsize length;
  const guchar *data = g_bytes_get_data (bytes, &length);
  const guchar *p = data, *end = data + length;
  long line = 1;

  if (data == NULL)
    p = end = (const guchar *) "";
  if (length >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff) ||
                      (data[0] == '<' && data[1] == 0) || (data[0] == 0 && data[1] == '<')))
    return TRUE;

  if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end)
    {
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_EMPTY,
                   /* Translators: an error reading a file; %s is its name */
                   _("%s: empty file"), display_name);
      return FALSE;
    }

  for (p = data; p < end; p++)
    {
      if (*p == '\n')
        line++;
      else if (*p == '\0')
        {
          g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_NOT_UTF8,
                       /* Translators: an error reading a file; %s is its name, %ld a line */
                       _("%s: line %ld: a NUL byte"), display_name, line);
          return FALSE;
        }
    }

  return TRUE;
}

AmDocument *
_am_gexf_import (GBytes      *bytes,
                 const char  *display_name,
                 GError     **error)
{
  g_autoptr(GHashTable) node_attributes = NULL;
  g_autoptr(GHashTable) edge_attributes = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GHashTable) node_ids = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GHashTable) graph_attributes = NULL;
  g_autofree char *edge_type = NULL;
  g_autofree char *timeformat = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) local_error = NULL;
  xmlDoc *doc;
  xmlNode *root, *graph, *nodes, *edges;
  Reader r = { 0, };
  AmDocument *document = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!check_bytes (bytes, display_name, error))
    return NULL;
  doc = _am_xml_read (bytes, display_name, error);
  if (doc == NULL)
    return NULL;

  node_attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           gexf_attribute_free);
  edge_attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           gexf_attribute_free);
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  node_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  entities = g_ptr_array_new_with_free_func (g_object_unref);
  relations = g_ptr_array_new_with_free_func (g_object_unref);
  graph_attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  r.display_name = display_name;
  r.error = error;
  r.default_directed = TRUE;
  r.node_attributes = node_attributes;
  r.edge_attributes = edge_attributes;
  r.ids = ids;
  r.node_ids = node_ids;
  r.entities = entities;
  r.relations = relations;

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_element (root, "gexf"))
    {
      fail (&r, root, AM_MODEL_ERROR_INVALID_DOCUMENT,
            /* Translators: in a GEXF file; %s is an XML element's name */
            _("the root element is <%s>, not <gexf>"),
            root != NULL ? (const char *) root->name : "");
      goto out;
    }
  graph = first_child (root, "graph");
  if (graph == NULL)
    {
      fail (&r, root, AM_MODEL_ERROR_MISSING_FIELD,
            /* Translators: in a GEXF file */
            _("no <graph> element"));
      goto out;
    }

  edge_type = get_prop (graph, "defaultedgetype");
  if (edge_type != NULL && (g_str_equal (edge_type, "undirected") ||
                            g_str_equal (edge_type, "mutual")))
    r.default_directed = FALSE;
  else if (edge_type != NULL && !g_str_equal (edge_type, "directed") &&
           !g_str_equal (edge_type, "mixed"))
    {
      g_autofree char *bad = NULL;
      fail (&r, graph, AM_MODEL_ERROR_INVALID_VALUE,
            /* Translators: in a GEXF file; %s is the value found; do not translate the
             * quoted words */
            _("defaultedgetype '%s' is not directed, undirected or mutual"),
            shown_id (edge_type, &bad));
      goto out;
    }
  timeformat = get_prop (graph, "timeformat");
  r.numeric_time = timeformat != NULL && (g_str_equal (timeformat, "double") ||
                                          g_str_equal (timeformat, "integer") ||
                                          g_str_equal (timeformat, "float"));

  if (!read_declarations (&r, graph))
    goto out;

  nodes = first_child (graph, "nodes");
  if (nodes != NULL && !read_nodes (&r, nodes, NULL))
    goto out;

  {
    g_autofree char *creator = meta_text (root, "creator");

    if (g_strcmp0 (creator, "Actormap") != 0)
      spread_positions (r.entities);
    if (creator != NULL)
      g_hash_table_insert (graph_attributes, g_strdup ("creator"), g_steal_pointer (&creator));
  }

  edges = first_child (graph, "edges");
  for (xmlNode *child = edges != NULL ? edges->children : NULL; child != NULL;
       child = child->next)
    if (is_element (child, "edge") && !read_edge (&r, child, r.relations->len))
      goto out;

  title = meta_text (root, "title");
  if (title == NULL)
    title = meta_text (root, "description");
  if (title == NULL)
    {
      title = get_prop (graph, "name");
      if (title != NULL && *title == '\0')
        g_clear_pointer (&title, g_free);
    }

  document = am_document_new_imported (AM_DOCUMENT_ORIGIN_NETWORK, title, entities,
                                       relations, graph_attributes, NULL, &local_error);
  if (document == NULL)
    fail (&r, root, local_error->code, "%s", local_error->message);

out:
  xmlFreeDoc (doc);
  return document;
}
