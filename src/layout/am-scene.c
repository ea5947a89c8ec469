/* am-scene.c — the immutable laid-out scene and its builder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The spatial index and hit-testing are in am-scene-index.c, the wire format in
 * am-scene-serialize.c, the plane geometry in am-geometry.c.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-scene-private.h"

/* Coordinates are points; nothing Graphviz produces for the node caps comes near this, and
 * it keeps every sum and product below far from overflow. */
#define MAX_EXTENT          1e7
/* Rounding in the y flip may push a value a hair outside the bounds. */
#define BOUNDS_SLACK        1e-3

struct _AmSceneBuilder
{
  AmRect      bounds;
  char       *engine;
  GArray     *nodes;         /* AmSceneNode */
  GArray     *edges;         /* AmSceneEdge */
  GArray     *clusters;      /* AmSceneCluster */
  GHashTable *node_ids;      /* borrowed keys → index + 1 */
  GHashTable *edge_ids;
  GHashTable *cluster_ids;
  char       *error;         /* the first problem met, reported by end() */
};

G_DEFINE_BOXED_TYPE (AmScene, am_scene, am_scene_ref, am_scene_unref)

/* The one mutable slot of a scene: written once, under g_once_init, by the adjacency. */
gpointer *
_am_scene_get_adjacency_slot (const AmScene *self)
{
  return &((AmScene *) self)->adjacency;
}

static gboolean
point_in_bounds (const AmRect *bounds,
                 double        x,
                 double        y)
{
  return am_rect_contains_point (bounds, x, y, BOUNDS_SLACK);
}

static gboolean
rect_in_bounds (const AmRect *bounds,
                const AmRect *r)
{
  return am_rect_is_finite (r) && r->width >= 0 && r->height >= 0 &&
         point_in_bounds (bounds, r->x, r->y) &&
         point_in_bounds (bounds, r->x + r->width, r->y + r->height);
}

/* ------------------------------------------------------------------------------------ */
/* Strings and element copies                                                           */

static void
node_clear (AmSceneNode *node)
{
  g_clear_pointer (&node->id, g_free);
  g_clear_pointer (&node->label, g_free);
  g_clear_pointer (&node->kind, g_free);
}

static void
edge_clear (AmSceneEdge *edge)
{
  g_clear_pointer (&edge->id, g_free);
  g_clear_pointer (&edge->source, g_free);
  g_clear_pointer (&edge->target, g_free);
  g_clear_pointer (&edge->label, g_free);
  g_clear_pointer (&edge->type, g_free);
  g_clear_pointer (&edge->points, g_free);
}

static void
cluster_clear (AmSceneCluster *cluster)
{
  g_clear_pointer (&cluster->id, g_free);
  g_clear_pointer (&cluster->label, g_free);
}

static gboolean
valid_id (const char *s)
{
  return s != NULL && *s != '\0' && g_utf8_validate (s, -1, NULL);
}

static gboolean
valid_optional_text (const char *s)
{
  return s == NULL || g_utf8_validate (s, -1, NULL);
}

/* ------------------------------------------------------------------------------------ */
/* The builder                                                                          */

/* Records the first problem and returns FALSE, so validators can `return builder_fail (…)`. */
static gboolean
builder_fail (AmSceneBuilder *builder,
              const char     *format,
              ...) G_GNUC_PRINTF (2, 3);

static gboolean
builder_fail (AmSceneBuilder *builder,
              const char     *format,
              ...)
{
  va_list args;

  if (builder->error != NULL)
    return FALSE;

  va_start (args, format);
  builder->error = g_strdup_vprintf (format, args);
  va_end (args);

  return FALSE;
}

/* Ids may come from anywhere; keep messages readable and valid UTF-8. */
char *
_am_scene_describe_id (const char *id)
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

/**
 * am_scene_builder_new:
 * @bounds: the scene's bounds; they start at (0, 0) and include the margin
 *
 * Returns: (transfer full): a new builder
 */
AmSceneBuilder *
am_scene_builder_new (const AmRect *bounds)
{
  AmSceneBuilder *builder;

  g_return_val_if_fail (bounds != NULL, NULL);

  builder = g_new0 (AmSceneBuilder, 1);
  builder->bounds = *bounds;
  builder->nodes = g_array_new (FALSE, TRUE, sizeof (AmSceneNode));
  builder->edges = g_array_new (FALSE, TRUE, sizeof (AmSceneEdge));
  builder->clusters = g_array_new (FALSE, TRUE, sizeof (AmSceneCluster));
  g_array_set_clear_func (builder->nodes, (GDestroyNotify) node_clear);
  g_array_set_clear_func (builder->edges, (GDestroyNotify) edge_clear);
  g_array_set_clear_func (builder->clusters, (GDestroyNotify) cluster_clear);
  builder->node_ids = g_hash_table_new (g_str_hash, g_str_equal);
  builder->edge_ids = g_hash_table_new (g_str_hash, g_str_equal);
  builder->cluster_ids = g_hash_table_new (g_str_hash, g_str_equal);

  if (!am_rect_is_finite (bounds))
    builder_fail (builder, _("the scene bounds are not finite"));
  else if (bounds->x != 0 || bounds->y != 0)
    builder_fail (builder, _("the scene bounds do not start at (0, 0)"));
  else if (bounds->width < 0 || bounds->height < 0 ||
           bounds->width > MAX_EXTENT || bounds->height > MAX_EXTENT)
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: bounds->width, bounds->height */
    builder_fail (builder, _("the scene bounds (%g × %g) are out of range"),
                  bounds->width, bounds->height);

  return builder;
}

void
am_scene_builder_free (AmSceneBuilder *builder)
{
  if (builder == NULL)
    return;

  g_clear_pointer (&builder->node_ids, g_hash_table_unref);
  g_clear_pointer (&builder->edge_ids, g_hash_table_unref);
  g_clear_pointer (&builder->cluster_ids, g_hash_table_unref);
  g_clear_pointer (&builder->nodes, g_array_unref);
  g_clear_pointer (&builder->edges, g_array_unref);
  g_clear_pointer (&builder->clusters, g_array_unref);
  g_free (builder->engine);
  g_free (builder->error);
  g_free (builder);
}

void
am_scene_builder_set_engine (AmSceneBuilder *builder,
                             const char     *engine)
{
  AmLayoutEngine unused;

  g_return_if_fail (builder != NULL);

  if (engine != NULL && !am_layout_engine_from_string (engine, &unused))
    {
      g_autofree char *desc = _am_scene_describe_id (engine);
      /* Translators: an error in a laid-out map the layout helper sent back; the placeholders
         are, in order: desc */
      builder_fail (builder, _("unknown layout engine '%s'"), desc);
      return;
    }

  g_free (builder->engine);
  builder->engine = g_strdup (engine);
}

static gboolean
validate_node (AmSceneBuilder    *builder,
               const AmSceneNode *node)
{
  g_autofree char *desc = _am_scene_describe_id (node->id);

  if (builder->nodes->len >= AM_LAYOUT_MAX_NODES)
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: AM_LAYOUT_MAX_NODES */
    return builder_fail (builder, _("more than %u nodes"), AM_LAYOUT_MAX_NODES);
  if (!valid_id (node->id))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: builder->nodes->len */
    return builder_fail (builder, _("node %u: the id is empty or not valid UTF-8"),
                         builder->nodes->len);
  if (g_hash_table_contains (builder->node_ids, node->id))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("node '%s': duplicate id"), desc);
  if (!valid_optional_text (node->label) || !valid_optional_text (node->kind))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("node '%s': label or kind is not valid UTF-8"), desc);
  if ((guint) node->shape > AM_NODE_SHAPE_OCTAGON)
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc, (int) node->shape */
    return builder_fail (builder, _("node '%s': unknown shape %d"), desc, (int) node->shape);
  if (!am_rect_is_finite (&node->box))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("node '%s': the box is not finite"), desc);
  if (!rect_in_bounds (&builder->bounds, &node->box))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("node '%s': the box lies outside the scene bounds"), desc);

  return TRUE;
}

void
am_scene_builder_add_node (AmSceneBuilder    *builder,
                           const AmSceneNode *node)
{
  AmSceneNode copy = { 0, };

  g_return_if_fail (builder != NULL);
  g_return_if_fail (node != NULL);

  if (builder->error != NULL || !validate_node (builder, node))
    return;

  copy.id = g_strdup (node->id);
  copy.label = g_strdup (node->label ? node->label : "");
  copy.kind = g_strdup (node->kind ? node->kind : AM_GRAPHVIZ_NODE_KIND);
  copy.shape = node->shape;
  copy.box = node->box;
  g_array_append_val (builder->nodes, copy);
  g_hash_table_insert (builder->node_ids, copy.id, GUINT_TO_POINTER (builder->nodes->len));
}

static void
compute_edge_bounds (const AmRect *clip,
                     AmSceneEdge  *edge)
{
  AmExtent e;

  am_extent_init (&e);

  /* A cubic lies inside the hull of its control points. */
  for (guint i = 0; i < edge->n_points; i++)
    am_extent_add_point (&e, edge->points[i].x, edge->points[i].y);

  if (edge->has_head)
    {
      double w = am_arrow_half_width (&edge->points[edge->n_points - 1], &edge->head);
      am_extent_add_point (&e, edge->head.x - w, edge->head.y - w);
      am_extent_add_point (&e, edge->head.x + w, edge->head.y + w);
    }
  if (edge->has_tail)
    {
      double w = am_arrow_half_width (&edge->points[0], &edge->tail);
      am_extent_add_point (&e, edge->tail.x - w, edge->tail.y - w);
      am_extent_add_point (&e, edge->tail.x + w, edge->tail.y + w);
    }
  if (edge->has_label)
    am_extent_add_rect (&e, &edge->label_box);
  if (edge->has_leader)
    {
      am_extent_add_point (&e, edge->leader_from.x, edge->leader_from.y);
      am_extent_add_point (&e, edge->leader_to.x, edge->leader_to.y);
    }

  am_extent_to_rect (&e, clip, &edge->bounds);
}

static gboolean
validate_edge (AmSceneBuilder    *builder,
               const AmSceneEdge *edge)
{
  g_autofree char *desc = _am_scene_describe_id (edge->id);

  if (builder->edges->len >= AM_LAYOUT_MAX_EDGES)
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: AM_LAYOUT_MAX_EDGES */
    return builder_fail (builder, _("more than %u edges"), AM_LAYOUT_MAX_EDGES);
  if (!valid_id (edge->id))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: builder->edges->len */
    return builder_fail (builder, _("edge %u: the id is empty or not valid UTF-8"),
                         builder->edges->len);
  if (g_hash_table_contains (builder->edge_ids, edge->id))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("edge '%s': duplicate id"), desc);
  if (!valid_id (edge->source) || !valid_id (edge->target))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("edge '%s': an end is empty or not valid UTF-8"), desc);
  if (!valid_optional_text (edge->label) || !valid_optional_text (edge->type))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("edge '%s': label or type is not valid UTF-8"), desc);
  if (edge->n_points < 4 || (edge->n_points - 1) % 3 != 0 ||
      edge->n_points > AM_SCENE_MAX_POINTS_PER_EDGE || edge->points == NULL)
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc, edge->n_points */
    return builder_fail (builder, _("edge '%s': %u points do not make a cubic Bézier path"),
                         desc, edge->n_points);

  for (guint i = 0; i < edge->n_points; i++)
    {
      if (!isfinite (edge->points[i].x) || !isfinite (edge->points[i].y))
        /* Translators: an error in a laid-out map the layout helper sent back; the placeholders
           are, in order: desc, i */
        return builder_fail (builder, _("edge '%s': point %u is not finite"), desc, i);
      if (!point_in_bounds (&builder->bounds, edge->points[i].x, edge->points[i].y))
        /* Translators: an error in a laid-out map the layout helper sent back; the placeholders
           are, in order: desc, i */
        return builder_fail (builder, _("edge '%s': point %u lies outside the scene bounds"),
                             desc, i);
    }

  if (edge->has_head &&
      (!isfinite (edge->head.x) || !isfinite (edge->head.y) ||
       !point_in_bounds (&builder->bounds, edge->head.x, edge->head.y)))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("edge '%s': the arrowhead is not finite or out of bounds"),
                         desc);
  if (edge->has_tail &&
      (!isfinite (edge->tail.x) || !isfinite (edge->tail.y) ||
       !point_in_bounds (&builder->bounds, edge->tail.x, edge->tail.y)))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("edge '%s': the arrow tail is not finite or out of bounds"),
                         desc);
  if (edge->has_label && !am_rect_is_finite (&edge->label_box))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("edge '%s': the label box is not finite"), desc);
  if (edge->has_label && !rect_in_bounds (&builder->bounds, &edge->label_box))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("edge '%s': the label box lies outside the scene bounds"),
                         desc);
  if (edge->has_leader &&
      (!edge->has_label ||
       !isfinite (edge->leader_from.x) || !isfinite (edge->leader_from.y) ||
       !isfinite (edge->leader_to.x) || !isfinite (edge->leader_to.y) ||
       !point_in_bounds (&builder->bounds, edge->leader_from.x, edge->leader_from.y) ||
       !point_in_bounds (&builder->bounds, edge->leader_to.x, edge->leader_to.y)))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("edge '%s': the label's leader line is not finite, out of "
                                    "bounds or has no label"), desc);

  return TRUE;
}

void
am_scene_builder_add_edge (AmSceneBuilder    *builder,
                           const AmSceneEdge *edge)
{
  AmSceneEdge copy = { 0, };

  g_return_if_fail (builder != NULL);
  g_return_if_fail (edge != NULL);

  if (builder->error != NULL || !validate_edge (builder, edge))
    return;

  copy.id = g_strdup (edge->id);
  copy.source = g_strdup (edge->source);
  copy.target = g_strdup (edge->target);
  copy.label = g_strdup (edge->label);
  copy.type = g_strdup (edge->type);
  copy.directed = !!edge->directed;
  copy.points = g_memdup2 (edge->points, sizeof (AmPoint) * edge->n_points);
  copy.n_points = edge->n_points;
  copy.has_head = !!edge->has_head;
  copy.head = edge->has_head ? edge->head : (AmPoint) { 0, 0 };
  copy.has_tail = !!edge->has_tail;
  copy.tail = edge->has_tail ? edge->tail : (AmPoint) { 0, 0 };
  copy.has_label = !!edge->has_label;
  copy.label_box = edge->has_label ? edge->label_box : (AmRect) { 0, 0, 0, 0 };
  copy.has_leader = !!edge->has_leader;
  copy.leader_from = edge->has_leader ? edge->leader_from : (AmPoint) { 0, 0 };
  copy.leader_to = edge->has_leader ? edge->leader_to : (AmPoint) { 0, 0 };
  compute_edge_bounds (&builder->bounds, &copy);

  g_array_append_val (builder->edges, copy);
  g_hash_table_insert (builder->edge_ids, copy.id, GUINT_TO_POINTER (builder->edges->len));
}

static gboolean
validate_cluster (AmSceneBuilder       *builder,
                  const AmSceneCluster *cluster)
{
  g_autofree char *desc = _am_scene_describe_id (cluster->id);

  if (builder->clusters->len >= AM_SCENE_MAX_CLUSTERS)
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: AM_SCENE_MAX_CLUSTERS */
    return builder_fail (builder, _("more than %u clusters"), AM_SCENE_MAX_CLUSTERS);
  if (!valid_id (cluster->id))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: builder->clusters->len */
    return builder_fail (builder, _("cluster %u: the id is empty or not valid UTF-8"),
                         builder->clusters->len);
  if (g_hash_table_contains (builder->cluster_ids, cluster->id))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("cluster '%s': duplicate id"), desc);
  if (!valid_optional_text (cluster->label))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("cluster '%s': the label is not valid UTF-8"), desc);
  if (!am_rect_is_finite (&cluster->box))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("cluster '%s': the box is not finite"), desc);
  if (!rect_in_bounds (&builder->bounds, &cluster->box))
    /* Translators: an error in a laid-out map the layout helper sent back; the placeholders are,
       in order: desc */
    return builder_fail (builder, _("cluster '%s': the box lies outside the scene bounds"), desc);

  return TRUE;
}

void
am_scene_builder_add_cluster (AmSceneBuilder       *builder,
                              const AmSceneCluster *cluster)
{
  AmSceneCluster copy = { 0, };

  g_return_if_fail (builder != NULL);
  g_return_if_fail (cluster != NULL);

  if (builder->error != NULL || !validate_cluster (builder, cluster))
    return;

  copy.id = g_strdup (cluster->id);
  copy.label = g_strdup (cluster->label);
  copy.box = cluster->box;
  g_array_append_val (builder->clusters, copy);
  g_hash_table_insert (builder->cluster_ids, copy.id, GUINT_TO_POINTER (1));
}

/* ------------------------------------------------------------------------------------ */
/* Finishing the build                                                                  */

/**
 * am_scene_builder_end:
 * @builder: (transfer full): the builder; it is freed
 * @error: return location for an %AM_LAYOUT_ERROR_INVALID_SCENE error
 *
 * Returns: (transfer full) (nullable): the scene, or %NULL if anything added was invalid
 */
void
am_scene_builder_place_labels (AmSceneBuilder *builder)
{
  g_return_if_fail (builder != NULL);

  if (builder->error != NULL || builder->edges->len == 0)
    return;

  _am_place_edge_labels (&builder->bounds,
                         (const AmSceneNode *) (void *) builder->nodes->data, builder->nodes->len,
                         (AmSceneEdge *) (void *) builder->edges->data, builder->edges->len);
  for (guint i = 0; i < builder->edges->len; i++)
    compute_edge_bounds (&builder->bounds, &g_array_index (builder->edges, AmSceneEdge, i));
}

AmScene *
am_scene_builder_end (AmSceneBuilder  *builder,
                      GError         **error)
{
  g_autoptr(AmSceneBuilder) b = builder;
  AmScene *self;

  g_return_val_if_fail (builder != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; b->error == NULL && i < b->edges->len; i++)
    {
      const AmSceneEdge *e = &g_array_index (b->edges, AmSceneEdge, i);

      if (!g_hash_table_contains (b->node_ids, e->source) ||
          !g_hash_table_contains (b->node_ids, e->target))
        {
          g_autofree char *desc = _am_scene_describe_id (e->id);
          const char *missing = g_hash_table_contains (b->node_ids, e->source)
                                ? e->target : e->source;
          g_autofree char *end = _am_scene_describe_id (missing);
          /* Translators: an error in a laid-out map the layout helper sent back; the placeholders
             are, in order: desc, end */
          builder_fail (b, _("edge '%s': refers to unknown node '%s'"), desc, end);
        }
    }

  if (b->error != NULL)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
                   /* Translators: an error in a laid-out map the layout helper sent back; the
                      placeholders are, in order: b->error */
                   _("invalid scene: %s"), b->error);
      return NULL;
    }

  self = g_new0 (AmScene, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->bounds = b->bounds;
  self->engine = g_steal_pointer (&b->engine);

  /* The arrays' clear functions must not run on the elements we move out. */
  g_array_set_clear_func (b->nodes, NULL);
  g_array_set_clear_func (b->edges, NULL);
  g_array_set_clear_func (b->clusters, NULL);
  self->n_nodes = b->nodes->len;
  self->n_edges = b->edges->len;
  self->n_clusters = b->clusters->len;
  self->nodes = (AmSceneNode *) (void *) g_array_free (g_steal_pointer (&b->nodes), FALSE);
  self->edges = (AmSceneEdge *) (void *) g_array_free (g_steal_pointer (&b->edges), FALSE);
  self->clusters = (AmSceneCluster *) (void *) g_array_free (g_steal_pointer (&b->clusters),
                                                             FALSE);

  self->node_ids = g_steal_pointer (&b->node_ids);
  self->edge_ids = g_steal_pointer (&b->edge_ids);

  _am_scene_index_build (self);

  return self;
}

/* ------------------------------------------------------------------------------------ */
/* The scene                                                                            */

/**
 * am_scene_ref:
 * @self: a scene
 *
 * Returns: (transfer full): @self
 */
AmScene *
am_scene_ref (AmScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
am_scene_unref (AmScene *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_nodes; i++)
    node_clear (&self->nodes[i]);
  for (guint i = 0; i < self->n_edges; i++)
    edge_clear (&self->edges[i]);
  for (guint i = 0; i < self->n_clusters; i++)
    cluster_clear (&self->clusters[i]);

  g_free (self->nodes);
  g_free (self->edges);
  g_free (self->clusters);
  g_hash_table_unref (self->node_ids);
  g_hash_table_unref (self->edge_ids);
  _am_scene_index_clear (self);
  _am_scene_adjacency_free (self->adjacency);
  g_free (self->engine);
  g_free (self);
}

const AmRect *
am_scene_get_bounds (const AmScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->bounds;
}

const char *
am_scene_get_engine (const AmScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->engine;
}

guint
am_scene_get_n_nodes (const AmScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_nodes;
}

const AmSceneNode *
am_scene_get_node (const AmScene *self,
                   guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_nodes, NULL);

  return &self->nodes[index];
}

guint
am_scene_get_n_edges (const AmScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_edges;
}

const AmSceneEdge *
am_scene_get_edge (const AmScene *self,
                   guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_edges, NULL);

  return &self->edges[index];
}

guint
am_scene_get_n_clusters (const AmScene *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_clusters;
}

const AmSceneCluster *
am_scene_get_cluster (const AmScene *self,
                      guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_clusters, NULL);

  return &self->clusters[index];
}

gint
am_scene_find_node (const AmScene *self,
                    const char    *id)
{
  g_return_val_if_fail (self != NULL, -1);

  if (id == NULL)
    return -1;

  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->node_ids, id)) - 1;
}

gint
am_scene_find_edge (const AmScene *self,
                    const char    *id)
{
  g_return_val_if_fail (self != NULL, -1);

  if (id == NULL)
    return -1;

  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->edge_ids, id)) - 1;
}
