/* am-scene-serialize.c — the scene's self-describing, validated wire format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "am-scene-private.h"

#define SCENE_MAGIC   "actormap-scene"
/* Version 2 added the labels' leader lines, as a last member (edge index, from, to) that
 * lists only the edges that have one; version 1 is still read (no leaders). */
#define SCENE_VERSION 2
/* The first two members held a caption (title, subtitle) before captions moved to the
 * export options; they are written empty and ignored when read. */
#define SCENE_PAYLOAD_TYPE_1 "(msmsms(dddd)a(sssu(dddd))a(ssssmsmsba(dd)b(dd)b(dd)b(dddd))a(sms(dddd)))"
#define SCENE_PAYLOAD_TYPE "(msmsms(dddd)a(sssu(dddd))a(ssssmsmsba(dd)b(dd)b(dd)b(dddd))a(sms(dddd))a(u(dd)(dd)))"

/* The fixed-size tuples are made from their bytes, and every container from an array of
 * its children: at 40 000 edges, GVariantBuilder with format strings (one parse and one
 * floating value per point) took a second to write the scene, and as long to free it. */
static GVariant *
rect_to_variant (const AmRect *r)
{
  G_STATIC_ASSERT (sizeof (AmRect) == 4 * sizeof (double));
  return g_variant_new_from_data (G_VARIANT_TYPE ("(dddd)"), r, sizeof *r, TRUE, NULL, NULL);
}

static GVariant *
point_to_variant (const AmPoint *p)
{
  G_STATIC_ASSERT (sizeof (AmPoint) == 2 * sizeof (double));
  return g_variant_new_from_data (G_VARIANT_TYPE ("(dd)"), p, sizeof *p, TRUE, NULL, NULL);
}

static GVariant *
string_to_variant (const char *s)
{
  return g_variant_new_string (s != NULL ? s : "");
}

static GVariant *
maybe_string_to_variant (const char *s)
{
  return g_variant_new_maybe (G_VARIANT_TYPE_STRING, s != NULL ? g_variant_new_string (s) : NULL);
}

static GVariant *
node_to_variant (const AmSceneNode *n)
{
  GVariant *children[] = {
    string_to_variant (n->id), string_to_variant (n->label), string_to_variant (n->kind),
    g_variant_new_uint32 ((guint32) n->shape), rect_to_variant (&n->box),
  };

  return g_variant_new_tuple (children, G_N_ELEMENTS (children));
}

static GVariant *
edge_to_variant (const AmSceneEdge *e)
{
  GVariant *children[] = {
    /* Reserved for a per-edge format tag; empty today. */
    g_variant_new_string (""),
    string_to_variant (e->id), string_to_variant (e->source), string_to_variant (e->target),
    maybe_string_to_variant (e->label), maybe_string_to_variant (e->type),
    g_variant_new_boolean (e->directed),
    g_variant_new_fixed_array (G_VARIANT_TYPE ("(dd)"), e->points, e->n_points, sizeof (AmPoint)),
    g_variant_new_boolean (e->has_head), point_to_variant (&e->head),
    g_variant_new_boolean (e->has_tail), point_to_variant (&e->tail),
    g_variant_new_boolean (e->has_label), rect_to_variant (&e->label_box),
  };

  return g_variant_new_tuple (children, G_N_ELEMENTS (children));
}

static GVariant *
leader_to_variant (guint32            index,
                   const AmSceneEdge *e)
{
  GVariant *children[] = {
    g_variant_new_uint32 (index), point_to_variant (&e->leader_from),
    point_to_variant (&e->leader_to),
  };

  return g_variant_new_tuple (children, G_N_ELEMENTS (children));
}

static GVariant *
cluster_to_variant (const AmSceneCluster *c)
{
  GVariant *children[] = {
    string_to_variant (c->id), maybe_string_to_variant (c->label), rect_to_variant (&c->box),
  };

  return g_variant_new_tuple (children, G_N_ELEMENTS (children));
}

/**
 * am_scene_serialize:
 * @self: a scene
 *
 * The format is a GVariant `(suv)`: a magic string, a version and the payload, so a
 * reader can tell an Actormap scene from anything else before looking further.
 *
 * Returns: (transfer full): the bytes
 */
GBytes *
am_scene_serialize (const AmScene *self)
{
  g_autofree GVariant **items = NULL;
  GVariant *payload[8];
  guint n_leaders = 0;

  g_return_val_if_fail (self != NULL, NULL);

  items = g_new (GVariant *, MAX (MAX (self->n_nodes, self->n_edges), self->n_clusters) + 1);

  /* The first two members held a caption; written empty (see SCENE_PAYLOAD_TYPE_1). */
  payload[0] = maybe_string_to_variant (NULL);
  payload[1] = maybe_string_to_variant (NULL);
  payload[2] = maybe_string_to_variant (self->engine);
  payload[3] = rect_to_variant (&self->bounds);

  for (guint i = 0; i < self->n_nodes; i++)
    items[i] = node_to_variant (&self->nodes[i]);
  payload[4] = g_variant_new_array (G_VARIANT_TYPE ("(sssu(dddd))"), items, self->n_nodes);

  for (guint i = 0; i < self->n_edges; i++)
    items[i] = edge_to_variant (&self->edges[i]);
  payload[5] = g_variant_new_array (G_VARIANT_TYPE ("(ssssmsmsba(dd)b(dd)b(dd)b(dddd))"), items,
                                    self->n_edges);

  for (guint i = 0; i < self->n_clusters; i++)
    items[i] = cluster_to_variant (&self->clusters[i]);
  payload[6] = g_variant_new_array (G_VARIANT_TYPE ("(sms(dddd))"), items, self->n_clusters);

  for (guint i = 0; i < self->n_edges; i++)
    if (self->edges[i].has_leader)
      items[n_leaders++] = leader_to_variant (i, &self->edges[i]);
  payload[7] = g_variant_new_array (G_VARIANT_TYPE ("(u(dd)(dd))"), items, n_leaders);

  return _am_envelope_wrap (SCENE_MAGIC, SCENE_VERSION,
                            g_variant_new_tuple (payload, G_N_ELEMENTS (payload)));
}

static gpointer
fail_invalid (GError    **error,
              const char *what)
{
  g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
               /* Translators: an error in a laid-out map the layout helper sent back; the
                  placeholders are, in order: what */
               _("invalid scene: %s"), what);
  return NULL;
}

/* Readers of one member of a tuple in normal form (the envelope checked it), without a
 * format string: at 40 000 edges, g_variant_iter_next() with one spent most of the time
 * reading the scene parsing it.  The strings point into the scene's bytes, which outlive
 * the builder's copies. */
static const char *
child_string (GVariant *tuple,
              gsize     index)
{
  g_autoptr(GVariant) v = g_variant_get_child_value (tuple, index);

  return g_variant_get_string (v, NULL);
}

static const char *
child_maybe_string (GVariant *tuple,
                    gsize     index)
{
  g_autoptr(GVariant) v = g_variant_get_child_value (tuple, index);
  g_autoptr(GVariant) inner = g_variant_get_maybe (v);

  return inner != NULL ? g_variant_get_string (inner, NULL) : NULL;
}

static gboolean
child_boolean (GVariant *tuple,
               gsize     index)
{
  g_autoptr(GVariant) v = g_variant_get_child_value (tuple, index);

  return g_variant_get_boolean (v);
}

static guint32
child_uint32 (GVariant *tuple,
              gsize     index)
{
  g_autoptr(GVariant) v = g_variant_get_child_value (tuple, index);

  return g_variant_get_uint32 (v);
}

/* A tuple of doubles ((dd), (dddd)) in normal form is exactly its doubles in a row. */
static void
child_fixed (GVariant *tuple,
             gsize     index,
             gpointer  out,
             gsize     size)
{
  g_autoptr(GVariant) v = g_variant_get_child_value (tuple, index);

  /* Always so in normal form; zeros rather than a read past the end otherwise. */
  if (g_variant_get_size (v) == size)
    memcpy (out, g_variant_get_data (v), size);
  else
    memset (out, 0, size);
}

static gboolean
next_leader_of (GVariant *leaders,
                gsize     n_leaders,
                gsize    *next,
                guint32  *edge,
                AmPoint  *from,
                AmPoint  *to)
{
  g_autoptr(GVariant) v = NULL;

  if (*next >= n_leaders)
    return FALSE;
  v = g_variant_get_child_value (leaders, (*next)++);
  *edge = child_uint32 (v, 0);
  child_fixed (v, 1, from, sizeof *from);
  child_fixed (v, 2, to, sizeof *to);
  return TRUE;
}

/**
 * am_scene_deserialize:
 * @bytes: what am_scene_serialize() wrote (or anything else: it is not trusted)
 * @error: return location for an %AM_LAYOUT_ERROR_INVALID_SCENE error
 *
 * Every value goes through the same checks as a scene built in-process.
 *
 * Returns: (transfer full) (nullable): the scene
 */
AmScene *
am_scene_deserialize (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GVariant) nodes = NULL;
  g_autoptr(GVariant) edges = NULL;
  g_autoptr(GVariant) clusters = NULL;
  g_autoptr(GVariant) leaders = NULL;
  g_autoptr(AmSceneBuilder) builder = NULL;
  guint32 version = 0;
  const char *engine = NULL;
  AmRect bounds;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (_am_envelope_open (bytes, SCENE_MAGIC, &version, &payload))
    {
    case AM_ENVELOPE_MALFORMED:
      return fail_invalid (error, _("not an Actormap scene (malformed or truncated data)"));
    case AM_ENVELOPE_WRONG_MAGIC:
      return fail_invalid (error, _("not an Actormap scene (wrong magic)"));
    case AM_ENVELOPE_OK:
    default:
      break;
    }
  if (version != SCENE_VERSION && version != 1)
    {
      g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
                   /* Translators: an error in a laid-out map the layout helper sent back; the
                      placeholders are, in order: version */
                   _("invalid scene: unsupported version %u"), version);
      return NULL;
    }
  if (!g_variant_is_of_type (payload, G_VARIANT_TYPE (version == 1 ? SCENE_PAYLOAD_TYPE_1
                                                                      : SCENE_PAYLOAD_TYPE)))
    return fail_invalid (error, _("unexpected payload type"));

  g_variant_get_child (payload, 2, "m&s", &engine);
  g_variant_get_child (payload, 3, "(dddd)", &bounds.x, &bounds.y, &bounds.width,
                       &bounds.height);
  nodes = g_variant_get_child_value (payload, 4);
  edges = g_variant_get_child_value (payload, 5);
  clusters = g_variant_get_child_value (payload, 6);
  leaders = version == 1 ? g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("(u(dd)(dd))"),
                                                                    NULL, 0))
                         : g_variant_get_child_value (payload, 7);

  if (g_variant_n_children (nodes) > AM_LAYOUT_MAX_NODES)
    return fail_invalid (error, _("too many nodes"));
  if (g_variant_n_children (edges) > AM_LAYOUT_MAX_EDGES)
    return fail_invalid (error, _("too many edges"));
  if (g_variant_n_children (clusters) > AM_SCENE_MAX_CLUSTERS)
    return fail_invalid (error, _("too many clusters"));
  if (g_variant_n_children (leaders) > g_variant_n_children (edges))
    return fail_invalid (error, _("too many leader lines"));

  builder = am_scene_builder_new (&bounds);
  am_scene_builder_set_engine (builder, engine);

  {
    gsize n_nodes = g_variant_n_children (nodes);

    for (gsize i = 0; i < n_nodes; i++)
      {
        g_autoptr(GVariant) v = g_variant_get_child_value (nodes, i);
        AmSceneNode node;
        guint32 shape;

        node.id = (char *) child_string (v, 0);
        node.label = (char *) child_string (v, 1);
        node.kind = (char *) child_string (v, 2);
        shape = child_uint32 (v, 3);
        child_fixed (v, 4, &node.box, sizeof node.box);
        if (shape > AM_NODE_SHAPE_OCTAGON)
          {
            g_autofree char *desc = _am_scene_describe_id (node.id);
            g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
                         /* Translators: an error in a laid-out map the layout helper sent back;
                            the placeholders are, in order: desc, shape */
                         _("invalid scene: node '%s': unknown shape %u"), desc, shape);
            return NULL;
          }
        node.shape = (AmNodeShape) shape;
        am_scene_builder_add_node (builder, &node);
      }
  }

  {
    gsize n_edges = g_variant_n_children (edges), n_leaders = g_variant_n_children (leaders);
    gsize next_leader = 0;
    guint32 leader_edge = G_MAXUINT32;
    AmPoint leader_from = { 0, 0 }, leader_to = { 0, 0 };

    /* Leaders come in ascending edge order, each edge at most once. */
    if (!next_leader_of (leaders, n_leaders, &next_leader, &leader_edge, &leader_from,
                         &leader_to))
      leader_edge = G_MAXUINT32;

    for (gsize i = 0; i < n_edges; i++)
      {
        g_autoptr(GVariant) v = g_variant_get_child_value (edges, i);
        g_autoptr(GVariant) pts = g_variant_get_child_value (v, 7);
        AmSceneEdge edge = { 0, };
        gsize n_points = 0;
        /* A fixed-size array of (dd) in normal form is exactly an array of AmPoint. */
        const AmPoint *points = g_variant_get_fixed_array (pts, &n_points, sizeof (AmPoint));
        g_autofree AmPoint *copy = NULL;

        edge.id = (char *) child_string (v, 1);
        if (*child_string (v, 0) != '\0')
          {
            g_autofree char *desc = _am_scene_describe_id (edge.id);
            g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
                         /* Translators: an error in a laid-out map the layout helper sent back;
                            the placeholders are, in order: desc */
                         _("invalid scene: edge '%s': unknown format tag"), desc);
            return NULL;
          }
        edge.source = (char *) child_string (v, 2);
        edge.target = (char *) child_string (v, 3);
        edge.label = (char *) child_maybe_string (v, 4);
        edge.type = (char *) child_maybe_string (v, 5);
        edge.directed = child_boolean (v, 6);
        edge.has_head = child_boolean (v, 8);
        child_fixed (v, 9, &edge.head, sizeof edge.head);
        edge.has_tail = child_boolean (v, 10);
        child_fixed (v, 11, &edge.tail, sizeof edge.tail);
        edge.has_label = child_boolean (v, 12);
        child_fixed (v, 13, &edge.label_box, sizeof edge.label_box);

        copy = n_points > 0 && n_points <= AM_SCENE_MAX_POINTS_PER_EDGE
                 ? g_memdup2 (points, n_points * sizeof (AmPoint)) : NULL;
        edge.points = copy;
        edge.n_points = n_points <= AM_SCENE_MAX_POINTS_PER_EDGE ? (guint) n_points : G_MAXUINT;
        edge.has_leader = leader_edge == i;
        if (edge.has_leader)
          {
            guint32 previous = leader_edge;

            edge.leader_from = leader_from;
            edge.leader_to = leader_to;
            if (!next_leader_of (leaders, n_leaders, &next_leader, &leader_edge, &leader_from,
                                 &leader_to))
              leader_edge = G_MAXUINT32;
            else if (leader_edge <= previous)
              return fail_invalid (error, _("leader lines out of order"));
          }
        am_scene_builder_add_edge (builder, &edge);
      }
    if (leader_edge != G_MAXUINT32)
      return fail_invalid (error, _("a leader line names no edge"));
  }

  for (gsize i = 0, n = g_variant_n_children (clusters); i < n; i++)
    {
      g_autoptr(GVariant) v = g_variant_get_child_value (clusters, i);
      AmSceneCluster cluster;

      cluster.id = (char *) child_string (v, 0);
      cluster.label = (char *) child_maybe_string (v, 1);
      child_fixed (v, 2, &cluster.box, sizeof cluster.box);
      am_scene_builder_add_cluster (builder, &cluster);
    }

  return am_scene_builder_end (g_steal_pointer (&builder), error);
}
