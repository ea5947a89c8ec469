/* am-layout-request.c — what to lay out: sized nodes, capped labels, the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-layout-private.h"

#define REQUEST_MAGIC   "actormap-layout-request"
/* Version 2 adds rankdir, edge weight and minlen, and cluster labels (for imported
 * Graphviz files); version 3 the mode and the nodes' positions (node index, x, y,
 * pinned).  Versions 1 and 2 are still read, with their defaults. */
#define REQUEST_VERSION 3
#define REQUEST_PAYLOAD_TYPE_V1 "(umsmsdda(ssssmsudd)a(sssmsmsb))"
#define REQUEST_PAYLOAD_TYPE_V2 "(umsmsddmsa(ssssmsudd)a(sssmsmsbmdmd)a{ss})"
#define REQUEST_PAYLOAD_TYPE "(umsmsddmsa(ssssmsudd)a(sssmsmsbmdmd)a{ss}ua(uddb))"
/* The two "ms" after the engine held the caption before it moved to the export options:
 * written empty, ignored when read. */
/* Node labels are at most four lines of ~18 ems; this is far above that. */
#define MAX_NODE_LABEL_BYTES 4096

/*
 * Invariant: an AmLayoutRequest never changes after it is made, and everything in it has
 * been checked (valid UTF-8, finite sizes inside the clamps, a known engine, unique ids,
 * edges between existing nodes, the caps, finite positions between 0 and
 * AM_LAYOUT_MAX_POSITION, every node positioned in keep mode and only pinned ones
 * otherwise), whether it was built from a document here or read from the wire in the
 * helper.  Pinned positions are pulled in so the node's box starts right of and below
 * the scene margin (the scene starts at (0, 0)).
 */
struct _AmLayoutRequest
{
  gatomicrefcount  ref_count;
  AmLayoutEngine   engine;
  AmLayoutMode     mode;
  double           nodesep;
  double           ranksep;
  char            *rankdir;   /* TB, LR, BT, RL or NULL */
  GHashTable      *group_labels;  /* group id → label; never NULL */
  GArray          *nodes;     /* AmLayoutRequestNode */
  GArray          *edges;     /* AmLayoutRequestEdge */
};

G_DEFINE_BOXED_TYPE (AmLayoutRequest, am_layout_request,
                     am_layout_request_ref, am_layout_request_unref)

static void
request_node_clear (AmLayoutRequestNode *node)
{
  g_clear_pointer (&node->id, g_free);
  g_clear_pointer (&node->label, g_free);
  g_clear_pointer (&node->kind, g_free);
  g_clear_pointer (&node->group, g_free);
}

static void
request_edge_clear (AmLayoutRequestEdge *edge)
{
  g_clear_pointer (&edge->id, g_free);
  g_clear_pointer (&edge->source, g_free);
  g_clear_pointer (&edge->target, g_free);
  g_clear_pointer (&edge->label, g_free);
  g_clear_pointer (&edge->type, g_free);
}

static gboolean
valid_id (const char *s)
{
  return s != NULL && *s != '\0' && g_utf8_validate (s, -1, NULL);
}

static gboolean
valid_text (const char *s)
{
  return s == NULL || g_utf8_validate (s, -1, NULL);
}

/* For messages: ids come from files, keep them short and printable. */
static char *
describe (const char *id)
{
  if (id == NULL)
    return g_strdup ("(null)");
  if (!g_utf8_validate (id, -1, NULL))
    return g_strdup ("(invalid UTF-8)");
  if (g_utf8_strlen (id, -1) > 64)
    {
      g_autofree char *head = g_utf8_substring (id, 0, 64);
      return g_strdup_printf ("%s…", head);
    }
  return g_strdup (id);
}

static gboolean
size_in_range (double v,
               double lo,
               double hi)
{
  return isfinite (v) && v >= lo && v <= hi;
}

/* Every check that a request must pass, wherever it comes from. */
static gboolean
valid_position (double v)
{
  return isfinite (v) && v >= 0 && v <= AM_LAYOUT_MAX_POSITION;
}

static gboolean
validate (AmLayoutEngine              engine,
          AmLayoutMode                mode,
          double                      nodesep,
          double                      ranksep,
          const AmLayoutRequestNode  *nodes,
          guint                       n_nodes,
          const AmLayoutRequestEdge  *edges,
          guint                       n_edges,
          GError                    **error)
{
  g_autoptr(GHashTable) node_ids = NULL;
  g_autoptr(GHashTable) edge_ids = NULL;

  if ((guint) engine >= AM_N_LAYOUT_ENGINES)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_UNKNOWN_ENGINE,
                   /* Translators: a layout error; the placeholders are, in order: (guint) engine */
                   _("unknown layout engine %u"), (guint) engine);
      return FALSE;
    }
  if (n_nodes > AM_LAYOUT_MAX_NODES)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TOO_LARGE,
                   /* Translators: a layout error; the placeholders are, in order: n_nodes,
                      AM_LAYOUT_MAX_NODES */
                   _("%u entities is more than the %u Actormap can lay out"),
                   n_nodes, AM_LAYOUT_MAX_NODES);
      return FALSE;
    }
  if (n_edges > AM_LAYOUT_MAX_EDGES)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TOO_LARGE,
                   /* Translators: a layout error; the placeholders are, in order: n_edges,
                      AM_LAYOUT_MAX_EDGES */
                   _("%u relations is more than the %u Actormap can lay out"),
                   n_edges, AM_LAYOUT_MAX_EDGES);
      return FALSE;
    }
  if (!size_in_range (nodesep, AM_SEP_MIN_IN, AM_SEP_MAX_IN) ||
      !size_in_range (ranksep, AM_SEP_MIN_IN, AM_SEP_MAX_IN))
    {
      g_set_error_literal (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                           _("invalid layout request: node or rank separation out of range"));
      return FALSE;
    }
  if ((guint) mode > AM_LAYOUT_MODE_KEEP)
    {
      g_set_error_literal (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                           _("invalid layout request: unknown mode"));
      return FALSE;
    }

  node_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_nodes; i++)
    {
      const AmLayoutRequestNode *n = &nodes[i];
      g_autofree char *desc = describe (n->id);
      const char *problem = NULL;

      if (!valid_id (n->id))
        problem = "the id is empty or not valid UTF-8";
      else if (g_hash_table_contains (node_ids, n->id))
        problem = "duplicate id";
      else if (!valid_text (n->label) || !valid_text (n->kind) ||
               (n->group != NULL && !valid_id (n->group)))
        problem = "label, kind or group is not valid UTF-8";
      else if (n->label != NULL && strlen (n->label) > MAX_NODE_LABEL_BYTES)
        problem = "the label is too long";
      else if ((guint) n->shape > AM_NODE_SHAPE_OCTAGON)
        problem = "unknown shape";
      else if (!size_in_range (n->width, AM_NODE_MIN_WIDTH_IN, AM_NODE_MAX_WIDTH_IN) ||
               !size_in_range (n->height, AM_NODE_MIN_HEIGHT_IN, AM_NODE_MAX_HEIGHT_IN))
        problem = "the size is not finite or out of range";
      else if (n->has_position && (!valid_position (n->x) || !valid_position (n->y)))
        problem = "the position is not finite or out of range";
      else if (n->pinned && !n->has_position)
        problem = "pinned without a position";
      else if (mode == AM_LAYOUT_MODE_KEEP && !n->has_position)
        problem = "no position in keep mode";
      else if (mode == AM_LAYOUT_MODE_FULL && n->has_position && !n->pinned)
        problem = "a position that is not pinned outside keep mode";

      if (problem != NULL)
        {
          g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                       /* Translators: a layout error; the placeholders are, in order: i, desc,
                          problem */
                       _("invalid layout request: node %u ('%s'): %s"), i, desc, problem);
          return FALSE;
        }
      g_hash_table_add (node_ids, n->id);
    }

  edge_ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < n_edges; i++)
    {
      const AmLayoutRequestEdge *e = &edges[i];
      g_autofree char *desc = describe (e->id);
      g_autofree char *problem = NULL;

      if (!valid_id (e->id))
        problem = g_strdup ("the id is empty or not valid UTF-8");
      else if (g_hash_table_contains (edge_ids, e->id))
        problem = g_strdup ("duplicate id");
      else if (!valid_id (e->source) || !valid_id (e->target))
        problem = g_strdup ("an end is empty or not valid UTF-8");
      else if (!g_hash_table_contains (node_ids, e->source) ||
               !g_hash_table_contains (node_ids, e->target))
        {
          g_autofree char *end = describe (g_hash_table_contains (node_ids, e->source)
                                           ? e->target : e->source);
          problem = g_strdup_printf ("refers to unknown node '%s'", end);
        }
      else if (!valid_text (e->label) || !valid_text (e->type))
        problem = g_strdup ("label or type is not valid UTF-8");
      else if (e->label != NULL && g_utf8_strlen (e->label, -1) > AM_LABEL_MAX_CHARS)
        problem = g_strdup ("the label is longer than the cap");

      if (problem != NULL)
        {
          g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                       /* Translators: a layout error; the placeholders are, in order: i, desc,
                          problem */
                       _("invalid layout request: edge %u ('%s'): %s"), i, desc, problem);
          return FALSE;
        }
      g_hash_table_add (edge_ids, e->id);
    }

  return TRUE;
}

static gboolean
valid_rankdir (const char *rankdir)
{
  return rankdir == NULL || g_str_equal (rankdir, "TB") || g_str_equal (rankdir, "LR") ||
         g_str_equal (rankdir, "BT") || g_str_equal (rankdir, "RL");
}

/* The parts version 2 added: rankdir, each edge's weight and minlen, cluster labels. */
static gboolean
validate_extras (const char                 *rankdir,
                 GHashTable                 *group_labels,
                 const AmLayoutRequestEdge  *edges,
                 guint                       n_edges,
                 GError                    **error)
{
  GHashTableIter iter;
  gpointer key, value;

  if (!valid_rankdir (rankdir))
    {
      g_set_error_literal (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                           _("invalid layout request: unknown rank direction"));
      return FALSE;
    }

  for (guint i = 0; i < n_edges; i++)
    {
      const AmLayoutRequestEdge *e = &edges[i];

      if ((e->has_weight && !size_in_range (e->weight, 0, AM_EDGE_WEIGHT_MAX)) ||
          (e->has_minlen && !size_in_range (e->minlen, 0, AM_EDGE_MINLEN_MAX)))
        {
          g_autofree char *desc = describe (e->id);
          g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                       /* Translators: a layout error; the placeholders are, in order: i, desc */
                       _("invalid layout request: edge %u ('%s'): weight or minlen out of range"),
                       i, desc);
          return FALSE;
        }
    }

  if (group_labels == NULL)
    return TRUE;
  if (g_hash_table_size (group_labels) > AM_LAYOUT_MAX_NODES)
    {
      g_set_error_literal (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TOO_LARGE,
                           _("invalid layout request: too many cluster labels"));
      return FALSE;
    }
  g_hash_table_iter_init (&iter, group_labels);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!valid_id (key) || value == NULL || !g_utf8_validate (value, -1, NULL) ||
          strlen (value) > MAX_NODE_LABEL_BYTES)
        {
          g_set_error_literal (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
                               _("invalid layout request: a cluster label is empty, too long "
                                 "or not valid UTF-8"));
          return FALSE;
        }
    }

  return TRUE;
}

static AmLayoutRequest *
request_alloc (void)
{
  AmLayoutRequest *self = g_new0 (AmLayoutRequest, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->nodes = g_array_new (FALSE, TRUE, sizeof (AmLayoutRequestNode));
  self->edges = g_array_new (FALSE, TRUE, sizeof (AmLayoutRequestEdge));
  g_array_set_clear_func (self->nodes, (GDestroyNotify) request_node_clear);
  g_array_set_clear_func (self->edges, (GDestroyNotify) request_edge_clear);
  self->nodesep = AM_NODESEP_DEFAULT_IN;
  self->ranksep = AM_RANKSEP_DEFAULT_IN;
  self->group_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return self;
}

AmLayoutRequest *
_am_layout_request_new (AmLayoutEngine              engine,
                        const AmLayoutRequestNode  *nodes,
                        guint                       n_nodes,
                        const AmLayoutRequestEdge  *edges,
                        guint                       n_edges,
                        GError                    **error)
{
  return _am_layout_request_new_with_mode (engine, AM_LAYOUT_MODE_FULL, nodes, n_nodes,
                                           edges, n_edges, error);
}

AmLayoutRequest *
_am_layout_request_new_with_mode (AmLayoutEngine              engine,
                                  AmLayoutMode                mode,
                                  const AmLayoutRequestNode  *nodes,
                                  guint                       n_nodes,
                                  const AmLayoutRequestEdge  *edges,
                                  guint                       n_edges,
                                  GError                    **error)
{
  AmLayoutRequest *self;

  g_return_val_if_fail (n_nodes == 0 || nodes != NULL, NULL);
  g_return_val_if_fail (n_edges == 0 || edges != NULL, NULL);

  if (!validate (engine, mode, AM_NODESEP_DEFAULT_IN, AM_RANKSEP_DEFAULT_IN,
                 nodes, n_nodes, edges, n_edges, error) ||
      !validate_extras (NULL, NULL, edges, n_edges, error))
    return NULL;

  self = request_alloc ();
  self->engine = engine;
  self->mode = mode;

  g_array_set_size (self->nodes, n_nodes);
  for (guint i = 0; i < n_nodes; i++)
    {
      AmLayoutRequestNode *n = &g_array_index (self->nodes, AmLayoutRequestNode, i);

      *n = nodes[i];
      n->id = g_strdup (nodes[i].id);
      n->label = g_strdup (nodes[i].label ? nodes[i].label : "");
      n->kind = g_strdup (nodes[i].kind ? nodes[i].kind : AM_GRAPHVIZ_NODE_KIND);
      n->group = g_strdup (nodes[i].group);
      n->has_position = !!nodes[i].has_position;
      n->pinned = !!nodes[i].pinned;
    }

  g_array_set_size (self->edges, n_edges);
  for (guint i = 0; i < n_edges; i++)
    {
      AmLayoutRequestEdge *e = &g_array_index (self->edges, AmLayoutRequestEdge, i);

      *e = edges[i];
      e->id = g_strdup (edges[i].id);
      e->source = g_strdup (edges[i].source);
      e->target = g_strdup (edges[i].target);
      e->label = g_strdup (edges[i].label);
      e->type = g_strdup (edges[i].type);
      e->directed = !!edges[i].directed;
      e->has_weight = !!edges[i].has_weight;
      e->has_minlen = !!edges[i].has_minlen;
    }

  return self;
}

/* Labels go to Graphviz, which routes around them: keep them to one line and
 * AM_LABEL_MAX_CHARS characters, the last being an ellipsis when cut.  Long text
 * belongs in the panel (architecture.md §5.9). */
static char *
cap_label (const char *label)
{
  g_autofree char *valid = NULL;
  GString *s;

  if (label == NULL || *label == '\0')
    return NULL;

  valid = g_utf8_make_valid (label, -1);
  s = g_string_new (NULL);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (s, ' ');
      else
        g_string_append_unichar (s, c);
    }

  if (g_utf8_strlen (s->str, -1) > AM_LABEL_MAX_CHARS)
    {
      const char *end = g_utf8_offset_to_pointer (s->str, AM_LABEL_MAX_CHARS - 1);

      g_string_truncate (s, end - s->str);
      /* Don't leave a space before the ellipsis. */
      while (s->len > 0 && s->str[s->len - 1] == ' ')
        g_string_truncate (s, s->len - 1);
      g_string_append (s, "…");
    }

  return g_string_free (s, FALSE);
}

static double
clamp_inches (double points,
              double lo,
              double hi)
{
  /* Whole points, rounded up: Graphviz rounds node sizes to whole points (POINTS() in
   * shapes.c), and the box must never come back smaller than the text. */
  double whole = ceil (points);

  if (!isfinite (whole))
    return hi;

  return CLAMP (whole / 72.0, lo, hi);
}

/* A finite number from an attribute table, clamped, or FALSE. */
static gboolean
attribute_number (GHashTable *attributes,
                  const char *name,
                  double      lo,
                  double      hi,
                  double     *out)
{
  const char *value = attributes != NULL ? g_hash_table_lookup (attributes, name) : NULL;
  char *end = NULL;
  double v;

  if (value == NULL)
    return FALSE;
  v = g_ascii_strtod (value, &end);
  if (end == value || !isfinite (v))
    return FALSE;

  *out = CLAMP (v, lo, hi);
  return TRUE;
}

/* Imported Graphviz nodes keep the look of their DOT shape, as close as Actormap's
 * shapes go; DOT's default is an ellipse.  Record and HTML shapes become boxes. */
static AmNodeShape
dot_shape (GHashTable *attributes)
{
  static const struct { const char *name; AmNodeShape shape; } shapes[] = {
    { "ellipse", AM_NODE_SHAPE_ELLIPSE }, { "oval", AM_NODE_SHAPE_ELLIPSE },
    { "circle", AM_NODE_SHAPE_ELLIPSE }, { "doublecircle", AM_NODE_SHAPE_ELLIPSE },
    { "Mcircle", AM_NODE_SHAPE_ELLIPSE }, { "point", AM_NODE_SHAPE_ELLIPSE },
    { "egg", AM_NODE_SHAPE_ELLIPSE },
    { "diamond", AM_NODE_SHAPE_DIAMOND }, { "Mdiamond", AM_NODE_SHAPE_DIAMOND },
    { "hexagon", AM_NODE_SHAPE_HEXAGON },
    { "octagon", AM_NODE_SHAPE_OCTAGON }, { "doubleoctagon", AM_NODE_SHAPE_OCTAGON },
    { "tripleoctagon", AM_NODE_SHAPE_OCTAGON },
  };
  const char *shape = g_hash_table_lookup (attributes, "shape");

  if (shape == NULL)
    return AM_NODE_SHAPE_ELLIPSE;
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    if (g_ascii_strcasecmp (shape, shapes[i].name) == 0)
      return shapes[i].shape;

  return AM_NODE_SHAPE_BOX;
}

/* A DOT file's nodes keep the shapes their file gave them; a model's actors are drawn by
 * kind. */
static AmNodeShape
entity_shape (AmDocumentOrigin  origin,
              AmEntity         *entity)
{
  if (origin == AM_DOCUMENT_ORIGIN_GRAPHVIZ)
    return dot_shape (am_entity_get_attributes (entity));

  return am_node_shape_for_kind (am_entity_get_kind (entity));
}

/* A position inside what a request accepts, with the node's box right of and below the
 * scene margin (the scene starts at (0, 0)). */
static void
set_position (AmLayoutRequestNode *n,
              double               x,
              double               y,
              gboolean             pinned)
{
  double half_w = n->width * 36.0, half_h = n->height * 36.0;

  n->has_position = TRUE;
  n->pinned = pinned;
  n->x = isfinite (x) ? CLAMP (x, half_w + AM_SCENE_MARGIN, AM_LAYOUT_MAX_POSITION) : half_w + AM_SCENE_MARGIN;
  n->y = isfinite (y) ? CLAMP (y, half_h + AM_SCENE_MARGIN, AM_LAYOUT_MAX_POSITION) : half_h + AM_SCENE_MARGIN;
}

static AmRect
node_box (const AmLayoutRequestNode *n,
          double                     x,
          double                     y)
{
  double w = n->width * 72.0, h = n->height * 72.0;

  return (AmRect) { x - w / 2, y - h / 2, w, h };
}

/*
 * Keep mode: nodes without a position (new to the document) are placed one by one, each
 * near the centroid of its neighbours that already have one, breadth first from the
 * nodes that stay; a node with no placed neighbour goes beside the map.  The placer moves
 * each box to the nearest spot where it overlaps nothing.
 */
static void
place_new_nodes (GArray *nodes,
                 GArray *edges)
{
  g_autoptr(AmPlacer) placer = _am_placer_new ();
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *first = g_new0 (guint, nodes->len + 1);
  g_autofree guint *adjacent = g_new (guint, 2 * MAX (edges->len, 1));
  g_autofree guint *fill = g_new0 (guint, nodes->len + 1);
  g_autoptr(GQueue) queue = g_queue_new ();
  guint next_unplaced = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      AmLayoutRequestNode *n = &g_array_index (nodes, AmLayoutRequestNode, i);

      g_hash_table_insert (index, n->id, GUINT_TO_POINTER (i));
      if (n->has_position)
        {
          AmRect box = node_box (n, n->x, n->y);
          _am_placer_add (placer, &box);
        }
    }

  /* Adjacency lists, compressed: the neighbours of i are adjacent[first[i] … first[i+1]). */
  for (guint i = 0; i < edges->len; i++)
    {
      const AmLayoutRequestEdge *e = &g_array_index (edges, AmLayoutRequestEdge, i);
      first[GPOINTER_TO_UINT (g_hash_table_lookup (index, e->source)) + 1]++;
      first[GPOINTER_TO_UINT (g_hash_table_lookup (index, e->target)) + 1]++;
    }
  for (guint i = 0; i < nodes->len; i++)
    first[i + 1] += first[i];
  for (guint i = 0; i < edges->len; i++)
    {
      const AmLayoutRequestEdge *e = &g_array_index (edges, AmLayoutRequestEdge, i);
      guint s = GPOINTER_TO_UINT (g_hash_table_lookup (index, e->source));
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup (index, e->target));

      adjacent[first[s] + fill[s]++] = t;
      adjacent[first[t] + fill[t]++] = s;
    }

  /* Breadth first from every node that has a position. */
  for (guint i = 0; i < nodes->len; i++)
    if (g_array_index (nodes, AmLayoutRequestNode, i).has_position)
      g_queue_push_tail (queue, GUINT_TO_POINTER (i));

  for (;;)
    {
      AmLayoutRequestNode *n;
      guint i;

      if (g_queue_is_empty (queue))
        {
          AmRect extent, box;

          /* The next node no path reaches: beside the map, level with its top. */
          while (next_unplaced < nodes->len &&
                 g_array_index (nodes, AmLayoutRequestNode, next_unplaced).has_position)
            next_unplaced++;
          if (next_unplaced == nodes->len)
            break;
          n = &g_array_index (nodes, AmLayoutRequestNode, next_unplaced);
          if (!_am_placer_get_extent (placer, &extent))
            extent = (AmRect) { AM_SCENE_MARGIN, AM_SCENE_MARGIN, 0, 0 };
          box = node_box (n, extent.x + extent.width + AM_PLACE_GAP + n->width * 36.0,
                          extent.y + n->height * 36.0);
          _am_placer_place (placer, &box);
          set_position (n, box.x + box.width / 2, box.y + box.height / 2, FALSE);
          g_queue_push_tail (queue, GUINT_TO_POINTER (next_unplaced));
          continue;
        }

      i = GPOINTER_TO_UINT (g_queue_pop_head (queue));
      for (guint k = first[i]; k < first[i + 1]; k++)
        {
          guint j = adjacent[k];
          double sx = 0, sy = 0;
          guint count = 0;
          AmRect box;

          n = &g_array_index (nodes, AmLayoutRequestNode, j);
          if (n->has_position)
            continue;

          for (guint m = first[j]; m < first[j + 1]; m++)
            {
              const AmLayoutRequestNode *o = &g_array_index (nodes, AmLayoutRequestNode,
                                                             adjacent[m]);
              if (o->has_position)
                {
                  sx += o->x;
                  sy += o->y;
                  count++;
                }
            }
          box = node_box (n, sx / count, sy / count);
          _am_placer_place (placer, &box);
          set_position (n, box.x + box.width / 2, box.y + box.height / 2, FALSE);
          g_queue_push_tail (queue, GUINT_TO_POINTER (j));
        }
    }
}

static AmLayoutRequest *
request_new_for_document (AmDocument      *document,
                          AmLayoutEngine   engine,
                          AmScene         *previous,
                          GHashTable      *groups,
                          GHashTable      *group_labels,
                          GError         **error)
{
  AmLayoutMode mode = AM_LAYOUT_MODE_FULL;
  GListModel *entities, *relations;
  guint n_entities, n_relations;
  g_autoptr(GArray) nodes = NULL;
  g_autoptr(GArray) edges = NULL;
  AmLayoutRequest *request;
  GHashTable *graph_attributes;
  const char *rankdir;

  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((guint) engine >= AM_N_LAYOUT_ENGINES)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_UNKNOWN_ENGINE,
                   /* Translators: a layout error; the placeholders are, in order: (guint) engine */
                   _("unknown layout engine %u"), (guint) engine);
      return NULL;
    }

  entities = am_document_get_entities (document);
  relations = am_document_get_relations (document);
  n_entities = g_list_model_get_n_items (entities);
  n_relations = g_list_model_get_n_items (relations);

  /* Refuse before measuring thousands of names. */
  if (n_entities > AM_LAYOUT_MAX_NODES || n_relations > AM_LAYOUT_MAX_EDGES)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TOO_LARGE,
                   /* Translators: a layout error; the placeholders are, in order: n_entities,
                      n_relations, AM_LAYOUT_MAX_NODES, AM_LAYOUT_MAX_EDGES */
                   _("%u entities and %u relations is more than Actormap can lay out "
                     "(at most %u and %u)"), n_entities, n_relations,
                   AM_LAYOUT_MAX_NODES, AM_LAYOUT_MAX_EDGES);
      return NULL;
    }

  nodes = g_array_sized_new (FALSE, TRUE, sizeof (AmLayoutRequestNode), n_entities);
  g_array_set_clear_func (nodes, (GDestroyNotify) request_node_clear);
  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      const char *name = am_entity_get_name (entity);
      AmLayoutRequestNode n = { 0, };
      double tw, th, w, h;

      n.id = g_strdup (am_entity_get_id (entity));
      n.kind = g_strdup (am_entity_get_kind_name (entity));
      n.group = g_strdup (groups != NULL && g_hash_table_contains (groups, n.id)
                          ? g_hash_table_lookup (groups, n.id)
                          : am_entity_get_group (entity));
      n.shape = entity_shape (am_document_get_origin (document), entity);
      n.label = _am_text_metrics_fit_node_label (name != NULL ? name : n.id);

      am_text_metrics_measure_node (n.label, &tw, &th);
      _am_node_size_for_shape (n.shape, tw, th, &w, &h);
      n.width = clamp_inches (w, AM_NODE_MIN_WIDTH_IN, AM_NODE_MAX_WIDTH_IN);
      n.height = clamp_inches (h, AM_NODE_MIN_HEIGHT_IN, AM_NODE_MAX_HEIGHT_IN);

      g_array_append_val (nodes, n);
    }

  edges = g_array_sized_new (FALSE, TRUE, sizeof (AmLayoutRequestEdge), n_relations);
  g_array_set_clear_func (edges, (GDestroyNotify) request_edge_clear);
  for (guint i = 0; i < n_relations; i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);
      AmLayoutRequestEdge e = { 0, };

      e.id = g_strdup (am_relation_get_id (relation));
      e.source = g_strdup (am_relation_get_source (relation));
      e.target = g_strdup (am_relation_get_target (relation));
      e.label = cap_label (am_relation_get_label (relation));
      e.type = g_strdup (am_relation_get_rel_type (relation));
      e.directed = am_relation_get_directed (relation);
      e.has_weight = attribute_number (am_relation_get_attributes (relation), "weight",
                                       0, AM_EDGE_WEIGHT_MAX, &e.weight);
      e.has_minlen = attribute_number (am_relation_get_attributes (relation), "minlen",
                                       0, AM_EDGE_MINLEN_MAX, &e.minlen);

      g_array_append_val (edges, e);
    }

  /* Pinned entities, then (keep mode) the nodes the previous scene has. */
  for (guint i = 0; i < n_entities; i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      AmLayoutRequestNode *n = &g_array_index (nodes, AmLayoutRequestNode, i);
      double x, y;

      if (am_entity_get_position (entity, &x, &y))
        set_position (n, x, y, TRUE);
    }
  if (previous != NULL)
    {
      for (guint i = 0; i < nodes->len; i++)
        {
          AmLayoutRequestNode *n = &g_array_index (nodes, AmLayoutRequestNode, i);
          gint k = am_scene_find_node (previous, n->id);
          const AmRect *box;

          if (n->has_position || k < 0)
            continue;
          box = &am_scene_get_node (previous, k)->box;
          set_position (n, box->x + box->width / 2, box->y + box->height / 2, FALSE);
          mode = AM_LAYOUT_MODE_KEEP;
        }
      /* Nothing of the previous scene is left: a full layout. */
      if (mode == AM_LAYOUT_MODE_KEEP)
        place_new_nodes (nodes, edges);
    }

  request = _am_layout_request_new_with_mode (engine, mode,
                                              (AmLayoutRequestNode *) (void *) nodes->data,
                                              nodes->len,
                                              (AmLayoutRequestEdge *) (void *) edges->data,
                                              edges->len, error);
  if (request == NULL)
    return NULL;

  /* An imported graph's own spacing and direction, inside the clamps. */
  graph_attributes = am_document_get_graph_attributes (document);
  attribute_number (graph_attributes, "nodesep", AM_SEP_MIN_IN, AM_SEP_MAX_IN, &request->nodesep);
  attribute_number (graph_attributes, "ranksep", AM_SEP_MIN_IN, AM_SEP_MAX_IN, &request->ranksep);
  rankdir = g_hash_table_lookup (graph_attributes, "rankdir");
  if (rankdir != NULL && valid_rankdir (rankdir))
    request->rankdir = g_strdup (rankdir);

  for (guint i = 0; i < request->nodes->len; i++)
    {
      const char *group = g_array_index (request->nodes, AmLayoutRequestNode, i).group;
      const char *label;

      if (group == NULL || g_hash_table_contains (request->group_labels, group))
        continue;
      label = group_labels != NULL ? g_hash_table_lookup (group_labels, group) : NULL;
      if (label == NULL)
        label = am_document_get_group_label (document, group);
      if (label != NULL && g_utf8_validate (label, -1, NULL) &&
          strlen (label) <= MAX_NODE_LABEL_BYTES)
        g_hash_table_insert (request->group_labels, g_strdup (group), g_strdup (label));
    }

  return request;
}

/**
 * am_layout_request_new_for_document:
 * @document: a loaded document
 * @engine: the Graphviz engine
 * @error: return location for an %AM_LAYOUT_ERROR
 *
 * One node per entity, sized from its name's text metrics for the shape of its kind;
 * one edge per relation, parallel relations included.  Pinned entities
 * (am_entity_get_position()) keep their positions; Graphviz places the others.
 *
 * Returns: (transfer full) (nullable): the request
 */
AmLayoutRequest *
am_layout_request_new_for_document (AmDocument      *document,
                                    AmLayoutEngine   engine,
                                    GError         **error)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return request_new_for_document (document, engine, NULL, NULL, NULL, error);
}

/**
 * am_layout_request_new_keeping:
 * @document: a loaded document
 * @engine: the Graphviz engine
 * @previous: (nullable): the scene the map shows now
 * @error: return location for an %AM_LAYOUT_ERROR
 *
 * Like am_layout_request_new_for_document(), but every node that is in @previous keeps
 * its centre there, pinned entities keep their positions, and nodes new to @document
 * are placed near their neighbours without overlapping any other: Graphviz only routes
 * the edges.  With @previous %NULL, or sharing no node with @document, it is a full
 * layout (with the pinned entities kept).
 *
 * Returns: (transfer full) (nullable): the request
 */
AmLayoutRequest *
am_layout_request_new_keeping (AmDocument      *document,
                               AmLayoutEngine   engine,
                               AmScene         *previous,
                               GError         **error)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return request_new_for_document (document, engine, previous, NULL, NULL, error);
}

/**
 * am_layout_request_new_grouped:
 * @document: a loaded document
 * @engine: the Graphviz engine
 * @previous: (nullable): the scene the map shows now, as for am_layout_request_new_keeping()
 * @groups: (nullable) (element-type utf8 utf8): entity id → group id; wins over the
 *   entity's own group
 * @group_labels: (nullable) (element-type utf8 utf8): group id → the cluster's label
 * @error: return location for an %AM_LAYOUT_ERROR
 *
 * Like am_layout_request_new_keeping(), with every entity in @groups in the cluster of its
 * group ("Group Actors").  The cluster's label is @group_labels' entry, else the
 * document's label for the group, else its id.
 *
 * Returns: (transfer full) (nullable): the request
 */
AmLayoutRequest *
am_layout_request_new_grouped (AmDocument      *document,
                               AmLayoutEngine   engine,
                               AmScene         *previous,
                               GHashTable      *groups,
                               GHashTable      *group_labels,
                               GError         **error)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return request_new_for_document (document, engine, previous, groups, group_labels, error);
}

/**
 * am_layout_request_get_node_group:
 * @self: a request
 * @id: a node id
 *
 * Returns: (nullable): the cluster the node @id is in, or %NULL
 */
const char *
am_layout_request_get_node_group (AmLayoutRequest *self,
                                  const char      *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const AmLayoutRequestNode *n = &g_array_index (self->nodes, AmLayoutRequestNode, i);

      if (g_str_equal (n->id, id))
        return n->group;
    }

  return NULL;
}

/**
 * am_layout_request_get_keeping:
 * @self: a request
 *
 * Returns: %TRUE when the request keeps every node where it is given (Graphviz only
 *   routes the edges)
 */
gboolean
am_layout_request_get_keeping (AmLayoutRequest *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->mode == AM_LAYOUT_MODE_KEEP;
}

/**
 * am_layout_request_get_node_position:
 * @self: a request
 * @id: a node id
 * @x: (out) (optional): the centre's x, in scene points
 * @y: (out) (optional): the centre's y, in scene points (y down)
 *
 * Returns: %TRUE when the node @id has a position (pinned, kept or placed)
 */
gboolean
am_layout_request_get_node_position (AmLayoutRequest *self,
                                     const char      *id,
                                     double          *x,
                                     double          *y)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < self->nodes->len; i++)
    {
      const AmLayoutRequestNode *n = &g_array_index (self->nodes, AmLayoutRequestNode, i);

      if (!g_str_equal (n->id, id))
        continue;
      if (!n->has_position)
        return FALSE;
      if (x != NULL)
        *x = n->x;
      if (y != NULL)
        *y = n->y;
      return TRUE;
    }

  return FALSE;
}

/**
 * am_layout_request_ref:
 * @self: a request
 *
 * Returns: (transfer full): @self
 */
AmLayoutRequest *
am_layout_request_ref (AmLayoutRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
am_layout_request_unref (AmLayoutRequest *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_hash_table_unref (self->group_labels);
  g_free (self->rankdir);
  g_free (self);
}

AmLayoutEngine
am_layout_request_get_engine (AmLayoutRequest *self)
{
  g_return_val_if_fail (self != NULL, AM_LAYOUT_ENGINE_DOT);

  return self->engine;
}

guint
am_layout_request_get_n_nodes (AmLayoutRequest *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->nodes->len;
}

guint
am_layout_request_get_n_edges (AmLayoutRequest *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->edges->len;
}

double
_am_layout_request_get_nodesep (AmLayoutRequest *self)
{
  return self->nodesep;
}

double
_am_layout_request_get_ranksep (AmLayoutRequest *self)
{
  return self->ranksep;
}

const char *
_am_layout_request_get_rankdir (AmLayoutRequest *self)
{
  return self->rankdir;
}

const char *
_am_layout_request_get_group_label (AmLayoutRequest *self,
                                    const char      *group)
{
  return g_hash_table_lookup (self->group_labels, group);
}

const AmLayoutRequestNode *
_am_layout_request_get_node (AmLayoutRequest *self,
                             guint            index)
{
  g_return_val_if_fail (index < self->nodes->len, NULL);

  return &g_array_index (self->nodes, AmLayoutRequestNode, index);
}

AmLayoutMode
_am_layout_request_get_mode (AmLayoutRequest *self)
{
  return self->mode;
}

gboolean
_am_layout_request_has_pins (AmLayoutRequest *self)
{
  for (guint i = 0; i < self->nodes->len; i++)
    if (g_array_index (self->nodes, AmLayoutRequestNode, i).pinned)
      return TRUE;

  return FALSE;
}

const AmLayoutRequestEdge *
_am_layout_request_get_edge (AmLayoutRequest *self,
                             guint            index)
{
  g_return_val_if_fail (index < self->edges->len, NULL);

  return &g_array_index (self->edges, AmLayoutRequestEdge, index);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * am_layout_request_serialize:
 * @self: a request
 *
 * A GVariant `(suv)`: magic, version, payload.
 *
 * Returns: (transfer full): the bytes sent to the helper
 */
GBytes *
am_layout_request_serialize (AmLayoutRequest *self)
{
  GVariantBuilder nodes, edges, labels, positions;
  g_autofree const char **groups = NULL;
  guint n_groups = 0;

  g_return_val_if_fail (self != NULL, NULL);

  g_variant_builder_init (&nodes, G_VARIANT_TYPE ("a(ssssmsudd)"));
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const AmLayoutRequestNode *n = &g_array_index (self->nodes, AmLayoutRequestNode, i);

      /* The first member is reserved for a per-node format tag; empty today. */
      g_variant_builder_add (&nodes, "(ssssmsudd)", "", n->id, n->label, n->kind, n->group,
                             (guint32) n->shape, n->width, n->height);
    }

  g_variant_builder_init (&positions, G_VARIANT_TYPE ("a(uddb)"));
  for (guint i = 0; i < self->nodes->len; i++)
    {
      const AmLayoutRequestNode *n = &g_array_index (self->nodes, AmLayoutRequestNode, i);

      if (n->has_position)
        g_variant_builder_add (&positions, "(uddb)", (guint32) i, n->x, n->y, n->pinned);
    }

  g_variant_builder_init (&edges, G_VARIANT_TYPE ("a(sssmsmsbmdmd)"));
  for (guint i = 0; i < self->edges->len; i++)
    {
      const AmLayoutRequestEdge *e = &g_array_index (self->edges, AmLayoutRequestEdge, i);

      g_variant_builder_add (&edges, "(sssmsmsb@md@md)", e->id, e->source, e->target,
                             e->label, e->type, e->directed,
                             g_variant_new_maybe (G_VARIANT_TYPE_DOUBLE,
                                                  e->has_weight ? g_variant_new_double (e->weight) : NULL),
                             g_variant_new_maybe (G_VARIANT_TYPE_DOUBLE,
                                                  e->has_minlen ? g_variant_new_double (e->minlen) : NULL));
    }

  /* Sorted, so the same request always gives the same bytes. */
  g_variant_builder_init (&labels, G_VARIANT_TYPE ("a{ss}"));
  groups = (const char **) g_hash_table_get_keys_as_array (self->group_labels, &n_groups);
  qsort (groups, n_groups, sizeof (char *), compare_strings);
  for (guint i = 0; i < n_groups; i++)
    g_variant_builder_add (&labels, "{ss}", groups[i],
                           (const char *) g_hash_table_lookup (self->group_labels, groups[i]));

  return _am_envelope_wrap (REQUEST_MAGIC, REQUEST_VERSION,
                            g_variant_new (REQUEST_PAYLOAD_TYPE,
                                           (guint32) self->engine,
                                           NULL, NULL,
                                           self->nodesep, self->ranksep,
                                           self->rankdir,
                                           &nodes, &edges, &labels,
                                           (guint32) self->mode, &positions));
}

static AmLayoutRequest *
fail_request (GError    **error,
              const char *what)
{
  g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED,
               /* Translators: a layout error; the placeholders are, in order: what */
               _("invalid layout request: %s"), what);
  return NULL;
}

/**
 * am_layout_request_deserialize:
 * @bytes: what am_layout_request_serialize() wrote (not trusted)
 * @error: return location for an %AM_LAYOUT_ERROR
 *
 * Returns: (transfer full) (nullable): the request, checked like a new one
 */
AmLayoutRequest *
am_layout_request_deserialize (GBytes  *bytes,
                               GError **error)
{
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GVariant) vnodes = NULL;
  g_autoptr(GVariant) vedges = NULL;
  g_autoptr(GVariant) vlabels = NULL;
  g_autoptr(GVariant) vpositions = NULL;
  g_autoptr(GArray) nodes = NULL;
  g_autoptr(GArray) edges = NULL;
  g_autoptr(GHashTable) labels = NULL;
  g_autoptr(AmLayoutRequest) self = NULL;
  const char *rankdir = NULL;
  guint32 version = 0, engine = 0, mode = AM_LAYOUT_MODE_FULL;
  double nodesep = 0, ranksep = 0;
  GVariantIter iter;
  gsize n_nodes, n_edges;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (_am_envelope_open (bytes, REQUEST_MAGIC, &version, &payload))
    {
    case AM_ENVELOPE_MALFORMED:
      return fail_request (error, _("malformed or truncated data"));
    case AM_ENVELOPE_WRONG_MAGIC:
      return fail_request (error, _("wrong magic"));
    case AM_ENVELOPE_OK:
    default:
      break;
    }
  if (version < 1 || version > REQUEST_VERSION)
    return fail_request (error, _("unsupported version"));
  if (!g_variant_is_of_type (payload,
                             G_VARIANT_TYPE (version == 1 ? REQUEST_PAYLOAD_TYPE_V1 :
                                             version == 2 ? REQUEST_PAYLOAD_TYPE_V2 :
                                             REQUEST_PAYLOAD_TYPE)))
    return fail_request (error, _("unexpected payload type"));

  if (version == 1)
    g_variant_get (payload, "(um&sm&sdd@a(ssssmsudd)@a(sssmsmsb))", &engine, NULL,
                   NULL, &nodesep, &ranksep, &vnodes, &vedges);
  else if (version == 2)
    g_variant_get (payload, "(um&sm&sddm&s@a(ssssmsudd)@a(sssmsmsbmdmd)@a{ss})", &engine,
                   NULL, NULL, &nodesep, &ranksep, &rankdir, &vnodes, &vedges,
                   &vlabels);
  else
    g_variant_get (payload, "(um&sm&sddm&s@a(ssssmsudd)@a(sssmsmsbmdmd)@a{ss}u@a(uddb))",
                   &engine, NULL, NULL, &nodesep, &ranksep, &rankdir, &vnodes, &vedges,
                   &vlabels, &mode, &vpositions);

  n_nodes = g_variant_n_children (vnodes);
  n_edges = g_variant_n_children (vedges);
  if (n_nodes > AM_LAYOUT_MAX_NODES || n_edges > AM_LAYOUT_MAX_EDGES)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TOO_LARGE,
                   /* Translators: the numbers of nodes and edges in a layout request */
                   _("%zu nodes and %zu edges is more than Actormap can lay out"),
                   n_nodes, n_edges);
      return NULL;
    }

  /* Borrowed strings: they live as long as the variants above. */
  nodes = g_array_sized_new (FALSE, TRUE, sizeof (AmLayoutRequestNode), n_nodes);
  g_variant_iter_init (&iter, vnodes);
  for (;;)
    {
      AmLayoutRequestNode n = { 0, };
      const char *tag;
      guint32 shape;

      if (!g_variant_iter_next (&iter, "(&s&s&s&sm&sudd)", &tag, &n.id, &n.label, &n.kind,
                                &n.group, &shape, &n.width, &n.height))
        break;
      if (*tag != '\0')
        return fail_request (error, _("unknown node format tag"));
      if (shape > AM_NODE_SHAPE_OCTAGON)
        return fail_request (error, _("unknown node shape"));
      n.shape = (AmNodeShape) shape;
      g_array_append_val (nodes, n);
    }

  if (vpositions != NULL)
    {
      guint32 index;
      double x, y;
      gboolean pinned;

      g_variant_iter_init (&iter, vpositions);
      while (g_variant_iter_next (&iter, "(uddb)", &index, &x, &y, &pinned))
        {
          AmLayoutRequestNode *n;

          if (index >= nodes->len)
            return fail_request (error, _("a position for a node that does not exist"));
          n = &g_array_index (nodes, AmLayoutRequestNode, index);
          if (n->has_position)
            return fail_request (error, _("two positions for one node"));
          n->has_position = TRUE;
          n->x = x;
          n->y = y;
          n->pinned = pinned;
        }
    }

  edges = g_array_sized_new (FALSE, TRUE, sizeof (AmLayoutRequestEdge), n_edges);
  g_variant_iter_init (&iter, vedges);
  for (;;)
    {
      AmLayoutRequestEdge e = { 0, };
      gboolean more;

      if (version == 1)
        more = g_variant_iter_next (&iter, "(&s&s&sm&sm&sb)", &e.id, &e.source, &e.target,
                                    &e.label, &e.type, &e.directed);
      else
        {
          g_autoptr(GVariant) weight = NULL;
          g_autoptr(GVariant) minlen = NULL;

          more = g_variant_iter_next (&iter, "(&s&s&sm&sm&sb@md@md)", &e.id, &e.source,
                                      &e.target, &e.label, &e.type, &e.directed, &weight,
                                      &minlen);
          if (more && g_variant_n_children (weight) == 1)
            {
              g_autoptr(GVariant) w = g_variant_get_child_value (weight, 0);
              e.has_weight = TRUE;
              e.weight = g_variant_get_double (w);
            }
          if (more && g_variant_n_children (minlen) == 1)
            {
              g_autoptr(GVariant) m = g_variant_get_child_value (minlen, 0);
              e.has_minlen = TRUE;
              e.minlen = g_variant_get_double (m);
            }
        }
      if (!more)
        break;
      g_array_append_val (edges, e);
    }

  if (vlabels != NULL)
    {
      const char *group, *label;

      labels = g_hash_table_new (g_str_hash, g_str_equal);
      g_variant_iter_init (&iter, vlabels);
      while (g_variant_iter_next (&iter, "{&s&s}", &group, &label))
        g_hash_table_insert (labels, (gpointer) group, (gpointer) label);
    }

  if (engine >= AM_N_LAYOUT_ENGINES)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_UNKNOWN_ENGINE,
                   /* Translators: a layout error; the placeholders are, in order: engine */
                   _("invalid layout request: unknown engine %u"), engine);
      return NULL;
    }

  if (!validate ((AmLayoutEngine) engine, (AmLayoutMode) mode, nodesep, ranksep,
                 (AmLayoutRequestNode *) (void *) nodes->data, nodes->len,
                 (AmLayoutRequestEdge *) (void *) edges->data, edges->len, error) ||
      !validate_extras (rankdir, labels,
                        (AmLayoutRequestEdge *) (void *) edges->data, edges->len, error))
    return NULL;

  self = _am_layout_request_new_with_mode ((AmLayoutEngine) engine, (AmLayoutMode) mode,
                                           (AmLayoutRequestNode *) (void *) nodes->data,
                                           nodes->len,
                                           (AmLayoutRequestEdge *) (void *) edges->data,
                                           edges->len, error);
  if (self == NULL)
    return NULL;

  self->nodesep = nodesep;
  self->ranksep = ranksep;
  self->rankdir = g_strdup (rankdir);
  for (guint i = 0; i < edges->len; i++)
    {
      const AmLayoutRequestEdge *in = &g_array_index (edges, AmLayoutRequestEdge, i);
      AmLayoutRequestEdge *e = &g_array_index (self->edges, AmLayoutRequestEdge, i);

      e->weight = in->weight;
      e->minlen = in->minlen;
    }
  if (labels != NULL)
    {
      GHashTableIter hiter;
      gpointer key, value;

      g_hash_table_iter_init (&hiter, labels);
      while (g_hash_table_iter_next (&hiter, &key, &value))
        g_hash_table_insert (self->group_labels, g_strdup (key), g_strdup (value));
    }

  return g_steal_pointer (&self);
}
