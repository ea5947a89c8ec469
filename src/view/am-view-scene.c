/* am-view-scene.c — the scene a view draws, derived from the laid-out one without Graphviz:
 * hidden items left out, collapsed groups drawn as one node with merged edges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-text-metrics.h"
#include "am-view-private.h"

/* Length of a merged edge's arrowhead, in points, as Graphviz draws its own. */
#define ARROW_LENGTH 10.0

typedef struct
{
  AmSceneNode  node;           /* strings owned */
} GroupNode;

static void
group_node_clear (GroupNode *group)
{
  g_free (group->node.id);
  g_free (group->node.label);
  g_free (group->node.kind);
}

/* The box of the drawn node @id: a group node (@group_boxes: node id → AmRect) or a node
 * of @laid_out. */
static const AmRect *
drawn_box (const AmScene *laid_out,
           GHashTable    *group_boxes,
           const char    *id)
{
  const AmRect *box = g_hash_table_lookup (group_boxes, id);
  gint index;

  if (box != NULL)
    return box;
  index = am_scene_find_node (laid_out, id);
  return index >= 0 ? &am_scene_get_node (laid_out, (guint) index)->box : NULL;
}

static void
rect_union (AmRect       *acc,
            const AmRect *box,
            gboolean      first)
{
  double x2, y2;

  if (first)
    {
      *acc = *box;
      return;
    }
  x2 = MAX (acc->x + acc->width, box->x + box->width);
  y2 = MAX (acc->y + acc->height, box->y + box->height);
  acc->x = MIN (acc->x, box->x);
  acc->y = MIN (acc->y, box->y);
  acc->width = x2 - acc->x;
  acc->height = y2 - acc->y;
}

/* Moves @box inside @bounds, growing @bounds when @box is larger. */
static void
fit_in_bounds (AmRect *box,
               AmRect *bounds)
{
  if (box->width > bounds->width)
    bounds->width = box->width;
  if (box->height > bounds->height)
    bounds->height = box->height;
  box->x = CLAMP (box->x, bounds->x, bounds->x + bounds->width - box->width);
  box->y = CLAMP (box->y, bounds->y, bounds->y + bounds->height - box->height);
}

/* The gap kept between a moved group node and the nodes around it: the layout's own
 * separation (sep="+6" in the request). */
#define GROUP_GAP 6.0
/* Rings of spots tried around a group's centre, and spots per ring. */
#define GROUP_RINGS      24
#define GROUP_RING_SPOTS 16

static gboolean
rects_meet (const AmRect *a,
            const AmRect *b,
            double        gap)
{
  return a->x < b->x + b->width + gap && b->x < a->x + a->width + gap &&
         a->y < b->y + b->height + gap && b->y < a->y + a->height + gap;
}

/* Whether @box, drawn in the derived scene, would cover a node that scene draws: one of
 * @laid_out's shown and not collapsed, or a group node placed before. */
static gboolean
spot_taken (AmViewResult  *self,
            const AmScene *laid_out,
            GArray        *groups,
            GArray        *scratch,
            const AmRect  *box)
{
  AmRect around = { box->x - GROUP_GAP, box->y - GROUP_GAP,
                    box->width + 2 * GROUP_GAP, box->height + 2 * GROUP_GAP };

  g_array_set_size (scratch, 0);
  am_scene_query_rect (laid_out, &around, scratch, NULL);
  for (guint i = 0; i < scratch->len; i++)
    {
      const AmSceneNode *node = am_scene_get_node (laid_out, g_array_index (scratch, guint, i));

      if (g_hash_table_contains (self->visible, node->id)
          && !g_hash_table_contains (self->collapsed_of, node->id)
          && rects_meet (box, &node->box, GROUP_GAP))
        return TRUE;
    }
  for (guint g = 0; g < groups->len; g++)
    if (rects_meet (box, &g_array_index (groups, GroupNode, g).node.box, GROUP_GAP))
      return TRUE;

  return FALSE;
}

/* Puts @box, centred on its members, where it hides no node: the members are not drawn,
 * so their centre is usually free; when the centre falls on another node (members on
 * both sides of it), the nearest free spot on rings around it.  No node may hide
 * another (issue 10), collapsed or not. */
static void
place_group_free (AmViewResult  *self,
                  const AmScene *laid_out,
                  GArray        *groups,
                  AmRect        *box,
                  const AmRect  *bounds)
{
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint));
  AmPoint centre = { box->x + box->width / 2, box->y + box->height / 2 };
  double step = MAX (box->height, 12.0) + GROUP_GAP;

  if (!spot_taken (self, laid_out, groups, scratch, box))
    return;

  for (guint ring = 1; ring <= GROUP_RINGS; ring++)
    for (guint k = 0; k < GROUP_RING_SPOTS; k++)
      {
        /* Start straight below (screen y grows down), then round both ways. */
        double angle = G_PI / 2 + (k % 2 == 0 ? 1 : -1) * ((k + 1) / 2) * (2 * G_PI / GROUP_RING_SPOTS);
        AmRect candidate = *box;

        candidate.x = centre.x + cos (angle) * ring * step * (box->width / box->height > 2 ? 1.6 : 1.0)
                      - box->width / 2;
        candidate.y = centre.y + sin (angle) * ring * step - box->height / 2;
        if (candidate.x < bounds->x || candidate.y < bounds->y
            || candidate.x + candidate.width > bounds->x + bounds->width
            || candidate.y + candidate.height > bounds->y + bounds->height)
          continue;
        if (!spot_taken (self, laid_out, groups, scratch, &candidate))
          {
            *box = candidate;
            return;
          }
      }
  /* A map packed so tight that no ring has room: the centre, as before. */
}

/* Each collapsed group with a member in @laid_out: one node centred on its members'
 * boxes (or the nearest free spot), labelled "Name (n)", shaped and coloured as its
 * head.  One pass over the nodes. */
static GArray *
place_groups (AmViewResult  *self,
              const AmScene *laid_out,
              AmRect        *bounds)
{
  GArray *groups = g_array_new (FALSE, TRUE, sizeof (GroupNode));
  guint n_collapsed = self->collapsed_groups->len;
  g_autofree AmRect *members = g_new0 (AmRect, n_collapsed + 1);
  g_autofree gboolean *any = g_new0 (gboolean, n_collapsed + 1);
  g_autoptr(GHashTable) record_index = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_nodes = am_scene_get_n_nodes (laid_out);

  g_array_set_clear_func (groups, (GDestroyNotify) group_node_clear);
  for (guint c = 0; c < n_collapsed; c++)
    {
      AmViewCollapsed *record = self->collapsed_groups->pdata[c];

      g_hash_table_insert (record_index, (gpointer) record->group_id, GUINT_TO_POINTER (c + 1));
    }
  for (guint i = 0; i < n_nodes && n_collapsed > 0; i++)
    {
      const AmSceneNode *node = am_scene_get_node (laid_out, i);
      const char *of = g_hash_table_lookup (self->collapsed_of, node->id);
      guint c;

      if (of == NULL)
        continue;
      c = GPOINTER_TO_UINT (g_hash_table_lookup (record_index, of)) - 1;
      rect_union (&members[c], &node->box, !any[c]);
      any[c] = TRUE;
    }

  for (guint c = 0; c < n_collapsed; c++)
    {
      AmViewCollapsed *record = self->collapsed_groups->pdata[c];
      gint g = am_groups_find (self->groups, record->group_id);
      const char *head_id = am_groups_get_head (self->groups, (guint) g);
      AmEntity *head = head_id != NULL ? am_document_lookup_entity (self->document, head_id) : NULL;
      GroupNode group = { { 0, } };
      double tw, th;

      if (!any[c])
        continue;
      group.node.id = g_strdup (record->node_id);
      group.node.label = g_strdup_printf (
          /* Translators: a collapsed group drawn as one node: the group's name and how
           * many of its actors it stands for, e.g. "North Korea (4)" */
          _("%s (%u)"), am_groups_get_label (self->groups, (guint) g), record->n_members);
      group.node.kind = g_strdup (head != NULL ? am_entity_get_kind_name (head) : "group");
      group.node.shape = head != NULL ? am_node_shape_for_kind (am_entity_get_kind (head))
                                      : AM_NODE_SHAPE_BOX;
      am_text_metrics_measure_node (group.node.label, &tw, &th);
      group.node.box.width = tw + 2 * AM_NODE_PADDING_X;
      group.node.box.height = th + 2 * AM_NODE_PADDING_Y;
      group.node.box.x = members[c].x + members[c].width / 2 - group.node.box.width / 2;
      group.node.box.y = members[c].y + members[c].height / 2 - group.node.box.height / 2;
      fit_in_bounds (&group.node.box, bounds);
      place_group_free (self, laid_out, groups, &group.node.box, bounds);
      g_array_append_val (groups, group);
    }
  return groups;
}

/* Where the ray from the centre of @box towards @toward leaves @box. */
static AmPoint
box_exit (const AmRect  *box,
          const AmPoint *toward)
{
  AmPoint c = { box->x + box->width / 2, box->y + box->height / 2 };
  double dx = toward->x - c.x, dy = toward->y - c.y;
  double t = 1.0;

  if (fabs (dx) > 1e-9)
    t = MIN (t, (box->width / 2) / fabs (dx));
  if (fabs (dy) > 1e-9)
    t = MIN (t, (box->height / 2) / fabs (dy));
  return (AmPoint) { c.x + dx * t, c.y + dy * t };
}

/* A straight edge from box to box, as a cubic Bézier, with an arrowhead when directed and
 * its label at the middle: how many relations it carries ("3 relations"), or the one
 * relation's own label when it carries one ("1 relation" says less than "leader"). */
static void
add_merged_edge (AmSceneBuilder     *builder,
                 AmDocument         *document,
                 const AmViewMerged *merged,
                 const AmRect       *from,
                 const AmRect       *to,
                 const AmRect       *bounds)
{
  AmPoint cf = { from->x + from->width / 2, from->y + from->height / 2 };
  AmPoint ct = { to->x + to->width / 2, to->y + to->height / 2 };
  AmPoint start = box_exit (from, &ct);
  AmPoint end = box_exit (to, &cf);
  AmPoint points[4];
  AmSceneEdge edge = { 0, };
  guint n = merged->relation_ids->len - 1;   /* NULL-terminated */
  g_autofree char *label = NULL;
  double length = hypot (end.x - start.x, end.y - start.y);
  double lw, lh;

  edge.id = merged->id;
  edge.source = merged->source;
  edge.target = merged->target;
  edge.type = merged->type;
  edge.directed = merged->directed;

  if (merged->directed && length > 2 * ARROW_LENGTH)
    {
      edge.has_head = TRUE;
      edge.head = end;
      end.x -= (end.x - start.x) / length * ARROW_LENGTH;
      end.y -= (end.y - start.y) / length * ARROW_LENGTH;
    }
  for (guint k = 0; k < 4; k++)
    {
      points[k].x = start.x + (end.x - start.x) * k / 3.0;
      points[k].y = start.y + (end.y - start.y) * k / 3.0;
    }
  edge.points = points;
  edge.n_points = 4;

  if (n == 1)
    {
      AmRelation *relation = am_document_lookup_relation (document,
                                                          merged->relation_ids->pdata[0]);

      if (relation != NULL)
        label = g_strdup (am_relation_get_label (relation));
    }
  if (label == NULL && n != 1)
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: an edge standing for relations
                                           * merged when a group is collapsed */
                                          "%u relation", "%u relations", n), n);
  edge.label = label;
  if (label == NULL)
    {
      am_scene_builder_add_edge (builder, &edge);
      return;
    }
  am_text_metrics_measure_label (label, &lw, &lh);
  edge.has_label = TRUE;
  edge.label_box.width = MIN (lw, bounds->width);
  edge.label_box.height = MIN (lh, bounds->height);
  edge.label_box.x = (cf.x + ct.x) / 2 - edge.label_box.width / 2;
  edge.label_box.y = (cf.y + ct.y) / 2 - edge.label_box.height / 2;
  edge.label_box.x = CLAMP (edge.label_box.x, bounds->x,
                            bounds->x + bounds->width - edge.label_box.width);
  edge.label_box.y = CLAMP (edge.label_box.y, bounds->y,
                            bounds->y + bounds->height - edge.label_box.height);

  am_scene_builder_add_edge (builder, &edge);
}

/* Which clusters of @laid_out still have something to surround: a cluster is a group's
 * (the session names them by group id: an entity's own `group`, or the AmGroups given to
 * am_view_apply()).  One with no shown member, or whose group is collapsed, is left out; a
 * cluster of no known group stays. */
static GHashTable *
clusters_to_drop (AmViewResult  *self,
                  const AmScene *laid_out)
{
  GHashTable *drop = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *entities = am_document_get_entities (self->document);
  guint n = g_list_model_get_n_items (entities);
  guint n_clusters = am_scene_get_n_clusters (laid_out);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      const char *id = am_entity_get_id (entity);
      const char *of[2] = {
        am_entity_get_group (entity),
        self->groups != NULL ? am_groups_lookup (self->groups, id) : NULL,
      };
      gboolean drawn = g_hash_table_contains (self->visible, id)
                       && !g_hash_table_contains (self->collapsed_of, id);

      for (guint k = 0; k < G_N_ELEMENTS (of); k++)
        {
          if (of[k] == NULL)
            continue;
          if (drawn)
            g_hash_table_add (shown, (gpointer) of[k]);
          g_hash_table_add (drop, (gpointer) of[k]);
        }
    }
  /* Known groups with something drawn stay, unless collapsed. */
  for (guint c = 0; c < n_clusters; c++)
    {
      const char *id = am_scene_get_cluster (laid_out, c)->id;

      if (g_hash_table_contains (shown, id) && !am_view_get_collapsed (self->view, id))
        g_hash_table_remove (drop, id);
      else if (am_view_get_collapsed (self->view, id))
        g_hash_table_add (drop, (gpointer) id);
    }
  return drop;
}

/**
 * am_view_result_build_scene:
 *
 * See am-view.h.  Returns @laid_out itself whenever the view hides nothing (the whole map,
 * or a path that only dims the rest).  The clusters of groups with no actor drawn (or
 * collapsed) are left out.  Fails only when the derived scene does not validate (an
 * invalid @laid_out), with AM_LAYOUT_ERROR_INVALID_SCENE.
 */
AmScene *
am_view_result_build_scene (AmViewResult  *self,
                            const AmScene *laid_out,
                            GError       **error)
{
  g_autoptr(AmSceneBuilder) builder = NULL;
  g_autoptr(GArray) groups = NULL;
  g_autoptr(GHashTable) group_boxes = NULL;
  AmRect bounds;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (laid_out != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Path mode without hiding only dims: the laid-out scene is the one to draw. */
  if (self->whole_map || self->hides_nothing)
    return am_scene_ref ((AmScene *) laid_out);

  bounds = *am_scene_get_bounds (laid_out);
  groups = place_groups (self, laid_out, &bounds);

  builder = am_scene_builder_new (&bounds);
  am_scene_builder_set_engine (builder, am_scene_get_engine (laid_out));

  n = am_scene_get_n_clusters (laid_out);
  if (n > 0)
    {
      g_autoptr(GHashTable) drop = clusters_to_drop (self, laid_out);

      for (guint c = 0; c < n; c++)
        {
          const AmSceneCluster *cluster = am_scene_get_cluster (laid_out, c);

          if (!g_hash_table_contains (drop, cluster->id))
            am_scene_builder_add_cluster (builder, cluster);
        }
    }

  n = am_scene_get_n_nodes (laid_out);
  for (guint i = 0; i < n; i++)
    {
      const AmSceneNode *node = am_scene_get_node (laid_out, i);

      if (g_hash_table_contains (self->visible, node->id)
          && !g_hash_table_contains (self->collapsed_of, node->id))
        am_scene_builder_add_node (builder, node);
    }
  group_boxes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint g = 0; g < groups->len; g++)
    {
      GroupNode *group = &g_array_index (groups, GroupNode, g);

      am_scene_builder_add_node (builder, &group->node);
      g_hash_table_insert (group_boxes, group->node.id, &group->node.box);
    }

  n = am_scene_get_n_edges (laid_out);
  for (guint e = 0; e < n; e++)
    {
      const AmSceneEdge *edge = am_scene_get_edge (laid_out, e);

      if (!g_hash_table_contains (self->visible, edge->id)
          || !g_hash_table_contains (self->visible, edge->source)
          || !g_hash_table_contains (self->visible, edge->target)
          || g_hash_table_contains (self->collapsed_of, edge->source)
          || g_hash_table_contains (self->collapsed_of, edge->target)
          || am_scene_find_node (laid_out, edge->source) < 0
          || am_scene_find_node (laid_out, edge->target) < 0)
        continue;
      am_scene_builder_add_edge (builder, edge);
    }
  for (guint m = 0; m < self->merged->len; m++)
    {
      const AmViewMerged *merged = self->merged->pdata[m];
      const AmRect *from = drawn_box (laid_out, group_boxes, merged->source);
      const AmRect *to = drawn_box (laid_out, group_boxes, merged->target);

      if (from != NULL && to != NULL)
        add_merged_edge (builder, self->document, merged, from, to, &bounds);
    }

  /* Merged edges put their labels at their middles: the placer moves those that would
   * hide a word or a node (the others keep the spots the layout gave them, which it
   * tries first). */
  if (self->merged->len > 0)
    am_scene_builder_place_labels (builder);
  return am_scene_builder_end (g_steal_pointer (&builder), error);
}
