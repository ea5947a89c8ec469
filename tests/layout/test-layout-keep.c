/* test-layout-keep.c — the map stays put: kept centres, new nodes beside their neighbours,
 * pinned entities where they are pinned, and positions the helper refuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display.  Layouts run in the real helper (helper path NULL: $AM_LAYOUT_HELPER, set by
 * tests/meson.build), so positions also cross the request's wire format.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "am-geometry.h"
#include "am-layout-private.h"
#include "layout-test-util.h"

#define CENTRE_TOLERANCE 0.01

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

/* A keeping job through the real helper; asserts it gives a scene. */
static AmScene *
run_keeping (AmDocument     *document,
             AmLayoutEngine  engine,
             AmScene        *previous)
{
  g_autoptr(GError) error = NULL;
  AmScene *scene;
  Wait wait = { NULL };

  am_layout_job_run_keeping_async (document, engine, previous, NULL, 120, NULL,
                                   NULL, NULL, NULL, done_cb, &wait);
  while (wait.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  scene = am_layout_job_run_finish (wait.result, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
  g_assert_nonnull (scene);
  g_assert_cmpstr (am_scene_get_engine (scene), ==, am_layout_engine_to_string (engine));

  return scene;
}

static void
node_centre (AmScene    *scene,
             const char *id,
             double     *x,
             double     *y)
{
  gint i = am_scene_find_node (scene, id);
  const AmRect *box;

  g_assert_cmpint (i, >=, 0);
  box = &am_scene_get_node (scene, i)->box;
  *x = box->x + box->width / 2;
  *y = box->y + box->height / 2;
}

static gboolean
boxes_overlap (const AmRect *a,
               const AmRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* No node box of @scene overlaps node @id's. */
static void
assert_no_overlap (AmScene    *scene,
                   const char *id)
{
  gint k = am_scene_find_node (scene, id);
  const AmRect *box;

  g_assert_cmpint (k, >=, 0);
  box = &am_scene_get_node (scene, k)->box;
  for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
    {
      const AmSceneNode *other = am_scene_get_node (scene, i);

      if ((gint) i == k)
        continue;
      if (boxes_overlap (box, &other->box))
        g_error ("node '%s' overlaps '%s'", id, other->id);
    }
}

/* @document with @entity (and @relation, nullable) put in. */
static AmDocument *
document_with (AmDocument *document,
               gpointer    entity,
               gpointer    relation)
{
  g_autoptr(AmDocumentBuilder) builder = am_document_builder_new_from_document (document);
  g_autoptr(GError) error = NULL;
  AmDocument *result;

  am_document_builder_put (builder, entity);
  if (relation != NULL)
    am_document_builder_put (builder, relation);
  result = am_document_builder_build (builder, "edited.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_object_unref (entity);
  if (relation != NULL)
    g_object_unref (relation);

  return result;
}

/* @document with entity @id pinned at (x, y). */
static AmDocument *
document_pinning (AmDocument *document,
                  const char *id,
                  double      x,
                  double      y)
{
  AmEntity *entity = am_document_lookup_entity (document, id);

  g_assert_nonnull (entity);
  return document_with (document, am_object_copy_with (entity, "has-position", TRUE,
                                                       "x", x, "y", y, NULL),
                        NULL);
}

/* Every node of @before is in @after with the same centre. */
static void
assert_centres_kept (AmScene *before,
                     AmScene *after)
{
  for (guint i = 0; i < am_scene_get_n_nodes (before); i++)
    {
      const char *id = am_scene_get_node (before, i)->id;
      double x0, y0, x1, y1;

      node_centre (before, id, &x0, &y0);
      node_centre (after, id, &x1, &y1);
      if (fabs (x0 - x1) > CENTRE_TOLERANCE || fabs (y0 - y1) > CENTRE_TOLERANCE)
        g_error ("node '%s' moved from (%g, %g) to (%g, %g)", id, x0, y0, x1, y1);
    }
}

/* ------------------------------------------------------------------------------------ */

/* A node in the previous scene keeps its centre; a new node lands near its neighbour,
 * overlapping no other node; the clusters still enclose their members. */
static void
test_keep (gconstpointer data)
{
  AmLayoutEngine engine = GPOINTER_TO_INT (data);
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmDocument) edited = NULL;
  g_autoptr(AmScene) before = NULL;
  g_autoptr(AmScene) after = NULL;
  double nx, ny, kx, ky;
  gint r;

  before = run_keeping (document, engine, NULL);
  edited = document_with (document,
                          g_object_new (AM_TYPE_ENTITY, "id", "new-envoy",
                                        "name", "A New Envoy", "kind", AM_ENTITY_KIND_PERSON,
                                        NULL),
                          g_object_new (AM_TYPE_RELATION, "id", "r-envoy",
                                        "source", "new-envoy", "target", "kim-jong-un",
                                        "label", "envoy of", "directed", TRUE, NULL));
  after = run_keeping (edited, engine, before);

  g_assert_cmpuint (am_scene_get_n_nodes (after), ==, am_scene_get_n_nodes (before) + 1);
  assert_centres_kept (before, after);

  /* The new node: no overlap, and nearer its neighbour than most of the map is. */
  assert_no_overlap (after, "new-envoy");
  node_centre (after, "new-envoy", &nx, &ny);
  node_centre (after, "kim-jong-un", &kx, &ky);
  g_assert_cmpfloat (hypot (nx - kx, ny - ky), <, 200);

  /* Its edge was routed between the two. */
  r = am_scene_find_edge (after, "r-envoy");
  g_assert_cmpint (r, >=, 0);
  g_assert_cmpuint (am_scene_get_edge (after, r)->n_points, >=, 4);

  /* dot draws groups: their boxes, computed around the members, enclose them. */
  if (engine == AM_LAYOUT_ENGINE_DOT)
    {
      g_assert_cmpuint (am_scene_get_n_clusters (after), ==, 2);
      for (guint c = 0; c < am_scene_get_n_clusters (after); c++)
        {
          const AmSceneCluster *cluster = am_scene_get_cluster (after, c);
          GListModel *entities = am_document_get_entities (edited);

          for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
            {
              g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
              const AmRect *box;

              if (g_strcmp0 (am_entity_get_group (entity), cluster->id) != 0)
                continue;
              box = &am_scene_get_node (after, am_scene_find_node (after,
                                                     am_entity_get_id (entity)))->box;
              g_assert_true (am_rect_contains_rect (&cluster->box, box));
            }
        }
    }
}

/* A new node no one is linked to goes beside the map, still overlapping nothing. */
static void
test_keep_unlinked (void)
{
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmDocument) edited = NULL;
  g_autoptr(AmScene) before = NULL;
  g_autoptr(AmScene) after = NULL;

  before = run_keeping (document, AM_LAYOUT_ENGINE_NEATO, NULL);
  edited = document_with (document,
                          g_object_new (AM_TYPE_ENTITY, "id", "loner", "name", "Loner",
                                        "kind", AM_ENTITY_KIND_OTHER, NULL),
                          NULL);
  after = run_keeping (edited, AM_LAYOUT_ENGINE_NEATO, before);
  assert_centres_kept (before, after);
  assert_no_overlap (after, "loner");
}

/* A chain of new nodes hanging off the map: each beside the one before, none on another. */
static void
test_keep_chain (void)
{
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmDocumentBuilder) builder = am_document_builder_new_from_document (document);
  g_autoptr(AmDocument) edited = NULL;
  g_autoptr(AmScene) before = NULL;
  g_autoptr(AmScene) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *previous = "seoul";

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("new-%u", i);
      g_autofree char *rid = g_strdup_printf ("r-new-%u", i);
      g_autoptr(AmEntity) entity = g_object_new (AM_TYPE_ENTITY, "id", id,
                                                 "name", "Someone New",
                                                 "kind", AM_ENTITY_KIND_PERSON, NULL);
      g_autoptr(AmRelation) relation = g_object_new (AM_TYPE_RELATION, "id", rid,
                                                     "source", previous, "target", id,
                                                     "label", "knows", NULL);

      am_document_builder_put (builder, entity);
      am_document_builder_put (builder, relation);
      previous = am_entity_get_id (entity);
    }
  edited = am_document_builder_build (builder, "chain.json", &error);
  g_assert_no_error (error);

  before = run_keeping (document, AM_LAYOUT_ENGINE_DOT, NULL);
  after = run_keeping (edited, AM_LAYOUT_ENGINE_DOT, before);
  assert_centres_kept (before, after);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("new-%u", i);
      g_autofree char *prev = i == 0 ? g_strdup ("seoul") : g_strdup_printf ("new-%u", i - 1);
      double x0, y0, x1, y1;

      assert_no_overlap (after, id);
      node_centre (after, prev, &x0, &y0);
      node_centre (after, id, &x1, &y1);
      g_assert_cmpfloat (hypot (x1 - x0, y1 - y0), <, 200);
    }
}

/* A large map (straight edges) keeps its centres too, and a new node finds room. */
static void
test_keep_large (void)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmDocument) edited = NULL;
  g_autoptr(AmScene) before = NULL;
  g_autoptr(AmScene) after = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 800;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *rid = g_strdup_printf ("r%u", i);
      g_autofree char *next = g_strdup_printf ("a%u", (i * 7 + 3) % n);

      g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", id, "name", id,
                                               "kind", AM_ENTITY_KIND_PERSON, NULL));
      g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", rid, "source", id,
                                                "target", next, NULL));
    }
  document = am_document_new_from_objects ("Large", entities, relations, &error);
  g_assert_no_error (error);

  before = run_keeping (document, AM_LAYOUT_ENGINE_SFDP, NULL);
  edited = document_with (document,
                          g_object_new (AM_TYPE_ENTITY, "id", "newcomer", "name", "Newcomer",
                                        "kind", AM_ENTITY_KIND_PERSON, NULL),
                          g_object_new (AM_TYPE_RELATION, "id", "r-newcomer",
                                        "source", "newcomer", "target", "a10", NULL));
  after = run_keeping (edited, AM_LAYOUT_ENGINE_SFDP, before);
  assert_centres_kept (before, after);
  assert_no_overlap (after, "newcomer");
}

/* A pinned entity sits at its position, in a full layout with every engine, and after a
 * keeping one where the pin wins over the previous scene. */
static void
test_pinned (gconstpointer data)
{
  AmLayoutEngine engine = GPOINTER_TO_INT (data);
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmDocument) pinned = document_pinning (document, "north-korea", 260.5, 190.25);
  g_autoptr(AmDocument) moved = NULL;
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(AmScene) kept = NULL;
  double x, y;

  scene = run_keeping (pinned, engine, NULL);
  node_centre (scene, "north-korea", &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 260.5, CENTRE_TOLERANCE);
  g_assert_cmpfloat_with_epsilon (y, 190.25, CENTRE_TOLERANCE);
  assert_no_overlap (scene, "north-korea");

  /* Far from the origin, where neato and fdp keep their own drawing around the pin. */
  {
    g_autoptr(AmDocument) far = document_pinning (document, "kim-jong-un", 1500, 1200);
    g_autoptr(AmScene) far_scene = run_keeping (far, engine, NULL);

    node_centre (far_scene, "kim-jong-un", &x, &y);
    g_assert_cmpfloat_with_epsilon (x, 1500, CENTRE_TOLERANCE);
    g_assert_cmpfloat_with_epsilon (y, 1200, CENTRE_TOLERANCE);
    assert_no_overlap (far_scene, "kim-jong-un");
  }

  /* Moved again (as a drag does): the others stay, the pinned one goes to its pin. */
  moved = document_pinning (pinned, "north-korea", 300.0, 80.0);
  kept = run_keeping (moved, engine, scene);
  node_centre (kept, "north-korea", &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 300.0, CENTRE_TOLERANCE);
  g_assert_cmpfloat_with_epsilon (y, 80.0, CENTRE_TOLERANCE);
  for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
    {
      const char *id = am_scene_get_node (scene, i)->id;
      double x0, y0, x1, y1;

      if (g_str_equal (id, "north-korea"))
        continue;
      node_centre (scene, id, &x0, &y0);
      node_centre (kept, id, &x1, &y1);
      g_assert_cmpfloat_with_epsilon (x0, x1, CENTRE_TOLERANCE);
      g_assert_cmpfloat_with_epsilon (y0, y1, CENTRE_TOLERANCE);
    }
}

/* The request keeps positions across its wire format, and says which mode it is in. */
static void
test_request_positions (void)
{
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmDocument) pinned = document_pinning (document, "us", 100, 80);
  g_autoptr(AmLayoutRequest) full = NULL;
  g_autoptr(AmLayoutRequest) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  double x, y;

  full = am_layout_request_new_keeping (pinned, AM_LAYOUT_ENGINE_DOT, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (am_layout_request_get_keeping (full));
  g_assert_true (am_layout_request_get_node_position (full, "us", &x, &y));
  g_assert_cmpfloat (x, ==, 100);
  g_assert_cmpfloat (y, ==, 80);
  g_assert_false (am_layout_request_get_node_position (full, "seoul", NULL, NULL));

  bytes = am_layout_request_serialize (full);
  back = am_layout_request_deserialize (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (am_layout_request_get_node_position (back, "us", &x, &y));
  g_assert_cmpfloat (x, ==, 100);
  g_assert_cmpfloat (y, ==, 80);
  g_assert_false (am_layout_request_get_node_position (back, "seoul", NULL, NULL));
}

/* A version 3 request as the helper reads it, with no edges: built by hand, so it can
 * say what am_layout_request_serialize() never would. */
static GBytes *
wire_request (GVariantBuilder *nodes,
              AmLayoutMode     mode,
              GVariantBuilder *positions)
{
  return _am_envelope_wrap ("actormap-layout-request", 3,
                            g_variant_new ("(umsmsddmsa(ssssmsudd)a(sssmsmsbmdmd)a{ss}ua(uddb))",
                                           (guint32) AM_LAYOUT_ENGINE_NEATO, NULL, NULL,
                                           0.35, 0.6, NULL, nodes, NULL, NULL,
                                           (guint32) mode, positions));
}

/* Requests whose positions the helper must not trust. */
static void
test_request_bad_positions (void)
{
  static const struct
  {
    AmLayoutMode mode;
    gboolean     has_position;
    double       x, y;
    gboolean     pinned;
    const char  *problem;
  } cases[] = {
    { AM_LAYOUT_MODE_FULL, TRUE, NAN, 10, TRUE, "the position is not finite or out of range" },
    { AM_LAYOUT_MODE_FULL, TRUE, 10, INFINITY, TRUE, "the position is not finite or out of range" },
    { AM_LAYOUT_MODE_KEEP, TRUE, -5, 10, FALSE, "the position is not finite or out of range" },
    { AM_LAYOUT_MODE_KEEP, TRUE, 10, 2e6, FALSE, "the position is not finite or out of range" },
    { AM_LAYOUT_MODE_KEEP, FALSE, 0, 0, FALSE, "no position in keep mode" },
    { AM_LAYOUT_MODE_FULL, FALSE, 0, 0, TRUE, "pinned without a position" },
    { AM_LAYOUT_MODE_FULL, TRUE, 10, 10, FALSE, "a position that is not pinned outside keep mode" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      AmLayoutRequestNode nodes[2] = {
        { .id = (char *) "a", .width = 1, .height = 0.5, .has_position = TRUE, .x = 50, .y = 50 },
        { .id = (char *) "b", .width = 1, .height = 0.5 },
      };
      g_autoptr(AmLayoutRequest) request = NULL;
      g_autoptr(AmLayoutRequest) back = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) wire_error = NULL;
      g_autofree char *expected = g_strdup_printf ("invalid layout request: node 1 ('b'): %s",
                                                   cases[k].problem);
      GVariantBuilder vnodes, positions;

      nodes[0].pinned = cases[k].mode == AM_LAYOUT_MODE_FULL;
      nodes[1].has_position = cases[k].has_position;
      nodes[1].x = cases[k].x;
      nodes[1].y = cases[k].y;
      nodes[1].pinned = cases[k].pinned;

      request = _am_layout_request_new_with_mode (AM_LAYOUT_ENGINE_NEATO, cases[k].mode,
                                                  nodes, 2, NULL, 0, &error);
      g_assert_null (request);
      g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED);
      g_assert_cmpstr (error->message, ==, expected);

      /* The same from the wire, as the helper reads it (where the wire can say it: a
       * position there always has both numbers). */
      if (!cases[k].has_position && cases[k].pinned)
        continue;
      g_variant_builder_init (&vnodes, G_VARIANT_TYPE ("a(ssssmsudd)"));
      g_variant_builder_init (&positions, G_VARIANT_TYPE ("a(uddb)"));
      for (guint i = 0; i < 2; i++)
        {
          g_variant_builder_add (&vnodes, "(ssssmsudd)", "", nodes[i].id, "", "node", NULL,
                                 (guint32) AM_NODE_SHAPE_BOX, nodes[i].width, nodes[i].height);
          if (nodes[i].has_position)
            g_variant_builder_add (&positions, "(uddb)", i, nodes[i].x, nodes[i].y,
                                   nodes[i].pinned);
        }
      bytes = wire_request (&vnodes, cases[k].mode, &positions);
      back = am_layout_request_deserialize (bytes, &wire_error);
      g_assert_null (back);
      g_assert_error (wire_error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED);
      g_assert_cmpstr (wire_error->message, ==, expected);
    }
}

/* Two positions for one node, or one for a node that is not there. */
static void
test_request_bad_position_index (void)
{
  static const guint32 indexes[][2] = { { 0, 0 }, { 0, 7 } };

  for (guint k = 0; k < G_N_ELEMENTS (indexes); k++)
    {
      g_autoptr(AmLayoutRequest) back = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      GVariantBuilder vnodes, positions;

      g_variant_builder_init (&vnodes, G_VARIANT_TYPE ("a(ssssmsudd)"));
      g_variant_builder_add (&vnodes, "(ssssmsudd)", "", "a", "", "node", NULL,
                             (guint32) AM_NODE_SHAPE_BOX, 1.0, 0.5);
      g_variant_builder_init (&positions, G_VARIANT_TYPE ("a(uddb)"));
      for (guint i = 0; i < 2; i++)
        g_variant_builder_add (&positions, "(uddb)", indexes[k][i], 50.0, 50.0, FALSE);
      bytes = wire_request (&vnodes, AM_LAYOUT_MODE_KEEP, &positions);
      back = am_layout_request_deserialize (bytes, &error);
      g_assert_null (back);
      g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED);
      g_assert_cmpstr (error->message, ==, k == 0
                       ? "invalid layout request: two positions for one node"
                       : "invalid layout request: a position for a node that does not exist");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/Actormap/LayoutKeep/keep/dot",
                        GINT_TO_POINTER (AM_LAYOUT_ENGINE_DOT), test_keep);
  g_test_add_data_func ("/Actormap/LayoutKeep/keep/neato",
                        GINT_TO_POINTER (AM_LAYOUT_ENGINE_NEATO), test_keep);
  g_test_add_func ("/Actormap/LayoutKeep/keep-unlinked", test_keep_unlinked);
  g_test_add_func ("/Actormap/LayoutKeep/keep-chain", test_keep_chain);
  g_test_add_func ("/Actormap/LayoutKeep/keep-large", test_keep_large);
  for (guint e = 0; e < AM_N_LAYOUT_ENGINES; e++)
    {
      g_autofree char *path = g_strdup_printf ("/Actormap/LayoutKeep/pinned/%s",
                                               am_layout_engine_to_string (e));
      g_test_add_data_func (path, GINT_TO_POINTER (e), test_pinned);
    }
  g_test_add_func ("/Actormap/LayoutKeep/request-positions", test_request_positions);
  g_test_add_func ("/Actormap/LayoutKeep/request-bad-positions", test_request_bad_positions);
  g_test_add_func ("/Actormap/LayoutKeep/request-bad-position-index",
                   test_request_bad_position_index);

  return g_test_run ();
}
