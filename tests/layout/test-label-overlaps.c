/* test-label-overlaps.c — no hidden words: edge labels off nodes and off each other, with
 * every engine, counted from the scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two maps: the bundled article (no overlap at all allowed, with every engine and the
 * automatic choice) and a generated 200-actor map with about 400 labelled relations (at
 * most 1 % of the labels may still overlap something).  Nodes never overlap each other.
 * The counts go to the test log.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "am-geometry.h"
#include "am-layout.h"
#include "layout-test-util.h"

/* Boxes that share less than this (in each direction, points) do not count: rounding. */
#define TOLERANCE 0.5
#define GENERATED_ACTORS 200

typedef struct
{
  guint n_labels;
  guint label_label;      /* pairs */
  guint label_node;       /* pairs */
  guint node_node;        /* pairs */
  guint labels_hidden;    /* labels in at least one overlap */
} Counts;

static gboolean
boxes_overlap (const AmRect *a,
               const AmRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return w > TOLERANCE && h > TOLERANCE;
}

/* All pairs: a few hundred boxes, so the quadratic count is quick and simple to trust. */
static Counts
count_overlaps (AmScene *scene)
{
  guint n_nodes = am_scene_get_n_nodes (scene), n_edges = am_scene_get_n_edges (scene);
  g_autofree gboolean *hidden = g_new0 (gboolean, MAX (n_edges, 1));
  Counts c = { 0, };

  for (guint i = 0; i < n_nodes; i++)
    for (guint j = i + 1; j < n_nodes; j++)
      if (boxes_overlap (&am_scene_get_node (scene, i)->box, &am_scene_get_node (scene, j)->box))
        c.node_node++;

  for (guint i = 0; i < n_edges; i++)
    {
      const AmSceneEdge *e = am_scene_get_edge (scene, i);

      if (!e->has_label)
        continue;
      c.n_labels++;

      for (guint j = 0; j < n_nodes; j++)
        if (boxes_overlap (&e->label_box, &am_scene_get_node (scene, j)->box))
          {
            c.label_node++;
            hidden[i] = TRUE;
          }

      for (guint j = i + 1; j < n_edges; j++)
        {
          const AmSceneEdge *f = am_scene_get_edge (scene, j);

          if (f->has_label && boxes_overlap (&e->label_box, &f->label_box))
            {
              c.label_label++;
              hidden[i] = hidden[j] = TRUE;
            }
        }
    }

  for (guint i = 0; i < n_edges; i++)
    if (hidden[i])
      c.labels_hidden++;

  return c;
}

/* A leader line joins its label's box to a point near the edge's curve. */
static void
assert_leaders (AmScene *scene)
{
  for (guint i = 0; i < am_scene_get_n_edges (scene); i++)
    {
      const AmSceneEdge *e = am_scene_get_edge (scene, i);
      double best = INFINITY;

      if (!e->has_leader)
        continue;
      g_assert_true (e->has_label);
      g_assert_true (am_rect_contains_point (&e->label_box, e->leader_from.x, e->leader_from.y,
                                             1e-6));
      for (guint k = 0; k + 3 < e->n_points; k += 3)
        best = MIN (best, am_point_bezier_distance (e->leader_to.x, e->leader_to.y,
                                                    &e->points[k], 0.1));
      g_assert_cmpfloat (best, <, 1.0);
    }
}

/* A deterministic actor-like map, shaped as bench/gen-model.py's: relations attach
 * preferentially to well-connected actors, about two per actor, each labelled with its
 * type. */
static AmDocument *
generated_map (guint n)
{
  static const char *kinds[] = { "state", "organization", "person", "person", "person",
                                 "event", "place", "media" };
  static const char *types[] = { "role", "alliance", "hostility", "meeting", "visit",
                                 "negotiation", "reports", "advises" };
  static const char *syllables[] = { "ka", "min", "so", "ra", "tel", "vo", "an", "ji", "lu",
                                     "mar", "ne", "to", "ha", "zen" };
  g_autoptr(GRand) rng = g_rand_new_with_seed (1000003 + n);
  g_autoptr(GString) json = g_string_new ("{\"format\": \"actormap\", \"version\": 1, "
                                          "\"article\": {\"title\": \"Generated\", "
                                          "\"paragraphs\": []}, \"entities\": [");
  g_autoptr(GArray) pool = g_array_new (FALSE, FALSE, sizeof (guint));
  guint zero = 0, n_relations = 0;

#define PICK(a) (a)[g_rand_int_range (rng, 0, G_N_ELEMENTS (a))]
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"name\": \"%s%s %s%s %u\", "
                            "\"kind\": \"%s\"}", i > 0 ? ", " : "", i,
                            PICK (syllables), PICK (syllables), PICK (syllables),
                            PICK (syllables), i, PICK (kinds));
  g_string_append (json, "], \"relations\": [");

  g_array_append_val (pool, zero);
  for (guint i = 1; i < n; i++)
    {
      for (guint k = 0; k < 2; k++)
        {
          guint j = g_array_index (pool, guint, g_rand_int_range (rng, 0, pool->len));
          const char *type = PICK (types);

          if (j == i)
            continue;
          g_string_append_printf (json, "%s{\"id\": \"r%u\", \"source\": \"e%u\", "
                                  "\"target\": \"e%u\", \"label\": \"%s\", \"type\": \"%s\", "
                                  "\"directed\": true}", n_relations > 0 ? ", " : "",
                                  n_relations, i, j, type, type);
          n_relations++;
          g_array_append_val (pool, j);
        }
      g_array_append_val (pool, i);
    }
#undef PICK
  g_string_append (json, "], \"statements\": []}");

  return test_documents_load_json (json->str, "generated.json");
}

/* Data: engine index, or AM_N_LAYOUT_ENGINES for the automatic choice; the high bit
 * set for the generated map. */
#define GENERATED_FLAG 0x100

static void
test_overlaps (gconstpointer data)
{
  guint which = GPOINTER_TO_UINT (data);
  gboolean generated = (which & GENERATED_FLAG) != 0;
  guint e = which & ~GENERATED_FLAG;
  g_autoptr(AmDocument) document = NULL;

  AmLayoutEngine engine;
  g_autoptr(AmLayoutRequest) request = NULL;
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AmScene) copy = NULL;
  gint64 start = g_get_monotonic_time ();
  guint n_leaders = 0;
  Counts c;

  /* Under valgrind the generated map's layouts alone take minutes (circo most), and
   * they run the same code as the article's: the article map's cases check the memory. */
  if (generated && g_getenv ("AM_UNDER_VALGRIND") != NULL)
    {
      g_test_skip ("the generated map takes minutes under valgrind");
      return;
    }
  document = generated ? generated_map (GENERATED_ACTORS) : test_documents_load_bundled ();
  engine = e < AM_N_LAYOUT_ENGINES ? (AmLayoutEngine) e
                                   : am_layout_engine_for_document (document);
  request = lt_make_request (document, engine);

  scene = am_layout_run_in_process (request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scene);

  c = count_overlaps (scene);
  for (guint i = 0; i < am_scene_get_n_edges (scene); i++)
    n_leaders += am_scene_get_edge (scene, i)->has_leader;
  g_test_message ("%s map, %s%s: %u labels; overlaps label/label %u, label/node %u, "
                  "node/node %u; labels hidden %u (%.1f %%); %u leader lines; %.2f s",
                  generated ? "generated 200-actor" : "article",
                  e < AM_N_LAYOUT_ENGINES ? "" : "auto = ", am_layout_engine_to_string (engine),
                  c.n_labels, c.label_label, c.label_node, c.node_node, c.labels_hidden,
                  c.n_labels > 0 ? 100.0 * c.labels_hidden / c.n_labels : 0.0, n_leaders,
                  (g_get_monotonic_time () - start) / 1e6);

  g_assert_cmpuint (c.n_labels, >, generated ? 350 : 20);
  g_assert_cmpuint (c.node_node, ==, 0);
  if (generated)
    g_assert_cmpuint (c.labels_hidden * 100, <=, c.n_labels);
  else
    {
      g_assert_cmpuint (c.label_label, ==, 0);
      g_assert_cmpuint (c.label_node, ==, 0);
    }
  assert_leaders (scene);

  /* The leader lines survive the trip from the helper. */
  bytes = am_scene_serialize (scene);
  copy = am_scene_deserialize (bytes, &error);
  g_assert_no_error (error);
  lt_assert_scenes_match (scene, copy, LT_MATCH_EXACT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint map = 0; map < 2; map++)
    for (guint e = 0; e <= AM_N_LAYOUT_ENGINES; e++)
      {
        g_autofree char *path = g_strdup_printf (
          "/Actormap/LabelOverlaps/%s/%s", map == 0 ? "article" : "generated",
          e < AM_N_LAYOUT_ENGINES ? am_layout_engine_to_string ((AmLayoutEngine) e) : "auto");

        g_test_add_data_func (path, GUINT_TO_POINTER (e | (map == 1 ? GENERATED_FLAG : 0)),
                              test_overlaps);
      }

  return g_test_run ();
}
