/* am-scene-serialize.c — the scene's self-describing, validated wire format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "am-scene-private.h"

#define SCENE_MAGIC   "actormap-scene"
/* Version 2 added the labels' leader lines, as a last member (edge index, from, to) that
 * lists only the edges that have one; version 1 is still read (no leaders). */
#define SCENE_VERSION 2
/* The first two members held a caption (title, subtitle) before captions moved to the
 * export options; they are written empty and ignored when read. */
#define SCENE_PAYLOAD_TYPE_1 "(msmsms(dddd)a(sssu(dddd))a(ssssmsmsba(dd)b(dd)b(dd)b(dddd))a(sms(dddd)))"
#define SCENE_PAYLOAD_TYPE "(msmsms(dddd)a(sssu(dddd))a(ssssmsmsba(dd)b(dd)b(dd)b(dddd))a(sms(dddd))a(u(dd)(dd)))"

static GVariant *
rect_to_variant (const AmRect *r)
{
  return g_variant_new ("(dddd)", r->x, r->y, r->width, r->height);
}

static GVariant *
point_to_variant (const AmPoint *p)
{
  return g_variant_new ("(dd)", p->x, p->y);
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
  GVariantBuilder nodes, edges, clusters, leaders;

  g_return_val_if_fail (self != NULL, NULL);

  g_variant_builder_init (&nodes, G_VARIANT_TYPE ("a(sssu(dddd))"));
  for (guint i = 0; i < self->n_nodes; i++)
    {
      const AmSceneNode *n = &self->nodes[i];
      g_variant_builder_add (&nodes, "(sssu@(dddd))", n->id, n->label, n->kind,
                             (guint32) n->shape, rect_to_variant (&n->box));
    }

  g_variant_builder_init (&edges, G_VARIANT_TYPE ("a(ssssmsmsba(dd)b(dd)b(dd)b(dddd))"));
  for (guint i = 0; i < self->n_edges; i++)
    {
      const AmSceneEdge *e = &self->edges[i];
      GVariantBuilder pts;

      g_variant_builder_init (&pts, G_VARIANT_TYPE ("a(dd)"));
      for (guint j = 0; j < e->n_points; j++)
        g_variant_builder_add_value (&pts, point_to_variant (&e->points[j]));

      /* The first member is reserved for a per-edge format tag; it is empty today. */
      g_variant_builder_add (&edges, "(ssssmsmsba(dd)b@(dd)b@(dd)b@(dddd))",
                             "", e->id, e->source, e->target, e->label, e->type,
                             e->directed, &pts,
                             e->has_head, point_to_variant (&e->head),
                             e->has_tail, point_to_variant (&e->tail),
                             e->has_label, rect_to_variant (&e->label_box));
    }

  g_variant_builder_init (&leaders, G_VARIANT_TYPE ("a(u(dd)(dd))"));
  for (guint i = 0; i < self->n_edges; i++)
    if (self->edges[i].has_leader)
      g_variant_builder_add (&leaders, "(u@(dd)@(dd))", i,
                             point_to_variant (&self->edges[i].leader_from),
                             point_to_variant (&self->edges[i].leader_to));

  g_variant_builder_init (&clusters, G_VARIANT_TYPE ("a(sms(dddd))"));
  for (guint i = 0; i < self->n_clusters; i++)
    {
      const AmSceneCluster *c = &self->clusters[i];
      g_variant_builder_add (&clusters, "(sms@(dddd))", c->id, c->label,
                             rect_to_variant (&c->box));
    }

  return _am_envelope_wrap (SCENE_MAGIC, SCENE_VERSION,
                            g_variant_new ("(msmsms@(dddd)a(sssu(dddd))a(ssssmsmsba(dd)b(dd)b(dd)b(dddd))a(sms(dddd))a(u(dd)(dd)))",
                                           NULL, NULL, self->engine,
                                           rect_to_variant (&self->bounds),
                                           &nodes, &edges, &clusters, &leaders));
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
  GVariantIter iter;

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
    AmSceneNode node;
    guint32 shape;

    g_variant_iter_init (&iter, nodes);
    while (g_variant_iter_next (&iter, "(&s&s&su(dddd))", &node.id, &node.label, &node.kind,
                                &shape, &node.box.x, &node.box.y, &node.box.width,
                                &node.box.height))
      {
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
    g_autoptr(GVariant) pts = NULL;
    const char *tag;
    AmSceneEdge edge = { 0, };
    gboolean directed, has_head, has_tail, has_label;
    GVariantIter leader_iter;
    guint32 leader_edge = G_MAXUINT32, n_read = 0;
    AmPoint leader_from = { 0, 0 }, leader_to = { 0, 0 };

    /* Leaders come in ascending edge order, each edge at most once. */
    g_variant_iter_init (&leader_iter, leaders);
    if (!g_variant_iter_next (&leader_iter, "(u(dd)(dd))", &leader_edge, &leader_from.x,
                              &leader_from.y, &leader_to.x, &leader_to.y))
      leader_edge = G_MAXUINT32;

    g_variant_iter_init (&iter, edges);
    while (g_variant_iter_next (&iter, "(&s&s&s&sm&sm&sb@a(dd)b(dd)b(dd)b(dddd))",
                                &tag, &edge.id, &edge.source, &edge.target, &edge.label,
                                &edge.type, &directed, &pts,
                                &has_head, &edge.head.x, &edge.head.y,
                                &has_tail, &edge.tail.x, &edge.tail.y,
                                &has_label, &edge.label_box.x, &edge.label_box.y,
                                &edge.label_box.width, &edge.label_box.height))
      {
        gsize n_points = 0;
        /* A fixed-size array of (dd) in normal form is exactly an array of AmPoint. */
        const AmPoint *points = g_variant_get_fixed_array (pts, &n_points, sizeof (AmPoint));
        g_autofree AmPoint *copy = NULL;

        G_STATIC_ASSERT (sizeof (AmPoint) == 2 * sizeof (double));

        if (*tag != '\0')
          {
            g_autofree char *desc = _am_scene_describe_id (edge.id);
            g_set_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_INVALID_SCENE,
                         /* Translators: an error in a laid-out map the layout helper sent back;
                            the placeholders are, in order: desc */
                         _("invalid scene: edge '%s': unknown format tag"), desc);
            return NULL;
          }

        copy = n_points > 0 && n_points <= AM_SCENE_MAX_POINTS_PER_EDGE
                 ? g_memdup2 (points, n_points * sizeof (AmPoint)) : NULL;
        edge.points = copy;
        edge.n_points = n_points <= AM_SCENE_MAX_POINTS_PER_EDGE ? (guint) n_points : G_MAXUINT;
        edge.directed = directed;
        edge.has_head = has_head;
        edge.has_tail = has_tail;
        edge.has_label = has_label;
        edge.has_leader = leader_edge == n_read;
        if (edge.has_leader)
          {
            guint32 previous = leader_edge;

            edge.leader_from = leader_from;
            edge.leader_to = leader_to;
            if (!g_variant_iter_next (&leader_iter, "(u(dd)(dd))", &leader_edge,
                                      &leader_from.x, &leader_from.y, &leader_to.x,
                                      &leader_to.y))
              leader_edge = G_MAXUINT32;
            else if (leader_edge <= previous)
              return fail_invalid (error, _("leader lines out of order"));
          }
        n_read++;
        am_scene_builder_add_edge (builder, &edge);
        g_clear_pointer (&pts, g_variant_unref);
      }
    if (leader_edge != G_MAXUINT32)
      return fail_invalid (error, _("a leader line names no edge"));
  }

  {
    AmSceneCluster cluster;

    g_variant_iter_init (&iter, clusters);
    while (g_variant_iter_next (&iter, "(&sm&s(dddd))", &cluster.id, &cluster.label,
                                &cluster.box.x, &cluster.box.y, &cluster.box.width,
                                &cluster.box.height))
      am_scene_builder_add_cluster (builder, &cluster);
  }

  return am_scene_builder_end (g_steal_pointer (&builder), error);
}
