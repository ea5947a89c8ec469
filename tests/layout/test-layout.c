/* test-layout.c — text metrics, layout requests and Graphviz, in process, for every engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "am-layout.h"
#include "am-layout-private.h"
#include "am-text-metrics.h"
#include "layout-test-util.h"

static AmLayoutRequest *
fixture_request (AmLayoutEngine engine)
{
  g_autoptr(AmDocument) document = lt_load_fixture ();

  return lt_make_request (document, engine);
}

/* ------------------------------------------------------------------------------------ */

static void
test_engine_names (void)
{
  const char *bad[] = { "osage", "patchwork", "nop", "nop2", "DOT", "dot ", "", "neato\n" };
  AmLayoutEngine engine = AM_LAYOUT_ENGINE_TWOPI;

  for (guint i = 0; i < AM_N_LAYOUT_ENGINES; i++)
    {
      const char *name = am_layout_engine_to_string ((AmLayoutEngine) i);
      g_assert_true (am_layout_engine_from_string (name, &engine));
      g_assert_cmpint (engine, ==, (AmLayoutEngine) i);
    }
  g_assert_cmpstr (am_layout_engine_to_string (AM_LAYOUT_ENGINE_SFDP), ==, "sfdp");

  engine = AM_LAYOUT_ENGINE_CIRCO;
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (am_layout_engine_from_string (bad[i], &engine));
      g_assert_cmpint (engine, ==, AM_LAYOUT_ENGINE_CIRCO);   /* untouched */
    }
  g_assert_false (am_layout_engine_from_string (NULL, &engine));

  g_assert_cmpint (am_layout_engine_for_size (30), ==, AM_LAYOUT_ENGINE_NEATO);
  g_assert_cmpint (am_layout_engine_for_size (5000), ==, AM_LAYOUT_ENGINE_SFDP);

  /* Graphviz sees one edge per pair of actors: two actors and 2 000 relations between
   * them are a small graph (issue 10: neato took 71 s when each was an edge). */
  g_assert_cmpint (am_layout_engine_for_counts (2, 2000, 1999, 2000), ==, AM_LAYOUT_ENGINE_NEATO);
  g_assert_cmpint (am_layout_engine_for_counts (400, 2000, 0, 0), ==, AM_LAYOUT_ENGINE_SFDP);
  g_assert_cmpint (am_layout_engine_for_counts (400, 2000, 1000, 0), ==, AM_LAYOUT_ENGINE_NEATO);
  g_assert_cmpint (am_layout_engine_for_counts (400, 800, 0, 5000), ==, AM_LAYOUT_ENGINE_SFDP);
  g_assert_cmpint (am_layout_engine_for_counts (20000, 40000, 0, 40000), ==, AM_LAYOUT_ENGINE_SFDP);
  /* More parallel relations than relations (a caller's slip) is not a wrap-around. */
  g_assert_cmpint (am_layout_engine_for_counts (10, 5, 9, 0), ==, AM_LAYOUT_ENGINE_NEATO);
}

static void
test_shape_for_kind (void)
{
  g_assert_cmpint (am_node_shape_for_kind (AM_ENTITY_KIND_STATE), ==, AM_NODE_SHAPE_HEXAGON);
  g_assert_cmpint (am_node_shape_for_kind (AM_ENTITY_KIND_ORGANIZATION), ==, AM_NODE_SHAPE_BOX);
  g_assert_cmpint (am_node_shape_for_kind (AM_ENTITY_KIND_PERSON), ==, AM_NODE_SHAPE_ELLIPSE);
  g_assert_cmpint (am_node_shape_for_kind (AM_ENTITY_KIND_EVENT), ==, AM_NODE_SHAPE_DIAMOND);
  g_assert_cmpint (am_node_shape_for_kind (AM_ENTITY_KIND_PLACE), ==, AM_NODE_SHAPE_OCTAGON);
  g_assert_cmpint (am_node_shape_for_kind (AM_ENTITY_KIND_MEDIA), ==, AM_NODE_SHAPE_BOX);
  g_assert_cmpint (am_node_shape_for_kind (AM_ENTITY_KIND_OTHER), ==, AM_NODE_SHAPE_BOX);
}

static void
test_text_metrics (void)
{
  double w1, h1, w2, h2, w3, h3, lw, lh;
  g_autofree char *fitted = NULL;
  g_autofree char *short_fit = NULL;

  am_text_metrics_measure_node ("Kim", &w1, &h1);
  am_text_metrics_measure_node ("Kim Jong Un", &w2, &h2);
  g_assert_cmpfloat (w1, >, 5);
  g_assert_cmpfloat (h1, >, AM_NODE_FONT_SIZE * 0.8);
  g_assert_cmpfloat (h1, <, AM_NODE_FONT_SIZE * 2);
  g_assert_cmpfloat (w2, >, w1);
  g_assert_cmpfloat (h2, ==, h1);

  /* Long names wrap at about 18 ems. */
  am_text_metrics_measure_node ("Consultations on Washington's North Korea policy under the "
                                "new administration", &w3, &h3);
  g_assert_cmpfloat (w3, <=, 18 * AM_NODE_FONT_SIZE + 1);
  g_assert_cmpfloat (h3, >=, 2 * h1);

  /* Edge labels are smaller and never wrap. */
  am_text_metrics_measure_label ("Kim Jong Un", &lw, &lh);
  g_assert_cmpfloat (lw, <, w2);
  g_assert_cmpfloat (lh, <, h2);

  /* Markup is measured as text: "<b>x</b>" is wider than "x". */
  am_text_metrics_measure_node ("x", &w1, NULL);
  am_text_metrics_measure_node ("<b>x</b>", &w2, NULL);
  g_assert_cmpfloat (w2, >, 4 * w1);

  /* Fitting keeps short names, breaks long ones and cuts very long ones. */
  short_fit = _am_text_metrics_fit_node_label ("Kim Yo Jong");
  g_assert_cmpstr (short_fit, ==, "Kim Yo Jong");
  fitted = _am_text_metrics_fit_node_label ("one two three four five six seven eight nine ten "
                                            "eleven twelve thirteen fourteen fifteen sixteen "
                                            "seventeen eighteen nineteen twenty twenty-one "
                                            "twenty-two twenty-three twenty-four twenty-five");
  g_assert_nonnull (strchr (fitted, '\n'));
  g_assert_true (g_str_has_suffix (fitted, "…"));
  {
    g_auto(GStrv) lines = g_strsplit (fitted, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 4);
  }
}

static gpointer
context_thread (gpointer data)
{
  PangoContext *context = am_text_metrics_get_context ();
  double w;

  /* Usable on this thread, and the same object on a second call. */
  g_assert_true (context == am_text_metrics_get_context ());
  am_text_metrics_measure_node ("Seoul", &w, NULL);
  g_assert_cmpfloat (w, >, 0);

  return context;
}

static void
test_text_metrics_per_thread (void)
{
  PangoContext *main_context = am_text_metrics_get_context ();
  GThread *thread = g_thread_new ("metrics", context_thread, NULL);
  gpointer other = g_thread_join (thread);

  g_assert_nonnull (main_context);
  g_assert_true (PANGO_IS_CONTEXT (main_context));
  g_assert_true (other != main_context);
}

static void
test_node_size_for_shape (void)
{
  const double tw = 80, th = 14;

  for (guint shape = AM_NODE_SHAPE_BOX; shape <= AM_NODE_SHAPE_OCTAGON; shape++)
    {
      double w, h;

      _am_node_size_for_shape ((AmNodeShape) shape, tw, th, &w, &h);
      /* Every shape holds at least the padded text box. */
      g_assert_cmpfloat (w, >=, tw + 2 * AM_NODE_PADDING_X);
      g_assert_cmpfloat (h, >=, th + 2 * AM_NODE_PADDING_Y);

      switch ((AmNodeShape) shape)
        {
        case AM_NODE_SHAPE_DIAMOND:
          /* Text corners inside the diamond: |x|/(w/2) + |y|/(h/2) <= 1. */
          g_assert_cmpfloat (tw / w + th / h, <=, 1.0);
          break;
        case AM_NODE_SHAPE_ELLIPSE:
          g_assert_cmpfloat (pow (tw / w, 2) + pow (th / h, 2), <=, 1.0);
          break;
        case AM_NODE_SHAPE_HEXAGON:
          {
            double inset = MIN (h * 0.2887, w / 4);
            g_assert_cmpfloat (w / 2 - inset * th / h, >=, tw / 2);
          }
          break;
        case AM_NODE_SHAPE_OCTAGON:
          {
            double c = MIN (w, h) * 0.29;
            g_assert_cmpfloat ((w - tw) / 2 + (h - th) / 2, >=, c);
          }
          break;
        case AM_NODE_SHAPE_BOX:
        default:
          break;
        }
    }
}

/* ------------------------------------------------------------------------------------ */

static void
test_request_from_document (void)
{
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmLayoutRequest) request = fixture_request (AM_LAYOUT_ENGINE_NEATO);
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);

  g_assert_cmpint (am_layout_request_get_engine (request), ==, AM_LAYOUT_ENGINE_NEATO);
  g_assert_cmpuint (am_layout_request_get_n_nodes (request), ==,
                    g_list_model_get_n_items (entities));
  g_assert_cmpuint (am_layout_request_get_n_edges (request), ==,
                    g_list_model_get_n_items (relations));

  for (guint i = 0; i < am_layout_request_get_n_nodes (request); i++)
    {
      const AmLayoutRequestNode *n = _am_layout_request_get_node (request, i);
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

      g_assert_cmpstr (n->id, ==, am_entity_get_id (entity));
      g_assert_cmpstr (n->kind, ==, am_entity_get_kind_name (entity));
      g_assert_cmpstr (n->group, ==, am_entity_get_group (entity));
      g_assert_cmpint (n->shape, ==, am_node_shape_for_kind (am_entity_get_kind (entity)));
      g_assert_true (isfinite (n->width) && isfinite (n->height));
      g_assert_cmpfloat (n->width, >=, AM_NODE_MIN_WIDTH_IN);
      g_assert_cmpfloat (n->width, <=, AM_NODE_MAX_WIDTH_IN);
      g_assert_cmpfloat (n->height, >=, AM_NODE_MIN_HEIGHT_IN);
      g_assert_cmpfloat (n->height, <=, AM_NODE_MAX_HEIGHT_IN);
    }

  for (guint i = 0; i < am_layout_request_get_n_edges (request); i++)
    {
      const AmLayoutRequestEdge *e = _am_layout_request_get_edge (request, i);
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);
      const char *label = am_relation_get_label (relation);

      g_assert_cmpstr (e->id, ==, am_relation_get_id (relation));
      g_assert_cmpstr (e->source, ==, am_relation_get_source (relation));
      g_assert_cmpstr (e->target, ==, am_relation_get_target (relation));
      g_assert_cmpint (e->directed, ==, am_relation_get_directed (relation));

      if (label == NULL || *label == '\0')
        g_assert_null (e->label);
      else if (g_utf8_strlen (label, -1) <= AM_LABEL_MAX_CHARS)
        g_assert_cmpstr (e->label, ==, label);
      else
        {
          /* Cut to the cap with an ellipsis, keeping the start. */
          g_assert_cmpint (g_utf8_strlen (e->label, -1), <=, AM_LABEL_MAX_CHARS);
          g_assert_true (g_str_has_suffix (e->label, "…"));
          g_assert_true (strncmp (e->label, label, 20) == 0);
        }
    }
}

static void
test_request_serialize (void)
{
  g_autoptr(AmLayoutRequest) request = fixture_request (AM_LAYOUT_ENGINE_FDP);
  g_autoptr(GBytes) bytes = am_layout_request_serialize (request);
  g_autoptr(AmLayoutRequest) back = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = g_bytes_get_size (bytes);

  back = am_layout_request_deserialize (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (am_layout_request_get_engine (back), ==, AM_LAYOUT_ENGINE_FDP);
  again = am_layout_request_serialize (back);
  g_assert_true (g_bytes_equal (bytes, again));

  /* Truncations and garbage are refused with an AM_LAYOUT_ERROR. */
  for (gsize len = 0; len < size; len += 7)
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (bytes, 0, len);
      g_autoptr(GError) cut_error = NULL;
      g_autoptr(AmLayoutRequest) none = am_layout_request_deserialize (cut, &cut_error);

      g_assert_null (none);
      g_assert_true (cut_error != NULL && cut_error->domain == AM_LAYOUT_ERROR);
    }
  {
    g_autoptr(GBytes) junk = g_bytes_new_static ("not a request at all", 20);
    g_autoptr(GError) junk_error = NULL;
    g_autoptr(AmLayoutRequest) none = am_layout_request_deserialize (junk, &junk_error);

    g_assert_null (none);
    g_assert_error (junk_error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_FAILED);
    g_assert_nonnull (strstr (junk_error->message, "invalid layout request"));
  }
}

static GBytes *
hand_made_request (guint32     engine,
                   double      width,
                   const char *target,
                   const char *label)
{
  GVariantBuilder nodes, edges;
  g_autoptr(GVariant) v = NULL;

  g_variant_builder_init (&nodes, G_VARIANT_TYPE ("a(ssssmsudd)"));
  g_variant_builder_add (&nodes, "(ssssmsudd)", "", "a", "A", "state", NULL, 0, width, 0.5);
  g_variant_builder_add (&nodes, "(ssssmsudd)", "", "b", "B", "state", NULL, 1, 1.0, 0.5);
  g_variant_builder_init (&edges, G_VARIANT_TYPE ("a(sssmsmsb)"));
  g_variant_builder_add (&edges, "(sssmsmsb)", "r", "a", target, label, NULL, TRUE);

  v = g_variant_ref_sink (g_variant_new ("(suv)", "actormap-layout-request", 1,
                                         g_variant_new ("(umsmsdda(ssssmsudd)a(sssmsmsb))",
                                                        engine, NULL, NULL, 0.35, 0.6,
                                                        &nodes, &edges)));
  return g_variant_get_data_as_bytes (v);
}

static void
test_request_rejects (void)
{
  g_autofree char *long_label = g_strnfill (AM_LABEL_MAX_CHARS + 1, 'x');
  struct
  {
    guint32     engine;
    double      width;
    const char *target;
    const char *label;
    gint        code;     /* -1: accepted */
    const char *needle;
  } cases[] = {
    { 1, 1.0, "b", "ok", -1, NULL },
    { 9, 1.0, "b", "ok", AM_LAYOUT_ERROR_UNKNOWN_ENGINE, "engine" },
    { 1, NAN, "b", "ok", AM_LAYOUT_ERROR_FAILED, "node 0 ('a')" },
    { 1, INFINITY, "b", "ok", AM_LAYOUT_ERROR_FAILED, "node 0 ('a')" },
    { 1, 1e6, "b", "ok", AM_LAYOUT_ERROR_FAILED, "node 0 ('a')" },
    { 1, 0.0, "b", "ok", AM_LAYOUT_ERROR_FAILED, "node 0 ('a')" },
    { 1, 1.0, "nowhere", "ok", AM_LAYOUT_ERROR_FAILED, "unknown node 'nowhere'" },
    { 1, 1.0, "b", long_label, AM_LAYOUT_ERROR_FAILED, "edge 0 ('r')" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = hand_made_request (cases[i].engine, cases[i].width,
                                                   cases[i].target, cases[i].label);
      g_autoptr(GError) error = NULL;
      g_autoptr(AmLayoutRequest) request = am_layout_request_deserialize (bytes, &error);

      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (am_layout_request_get_n_edges (request), ==, 1);
          continue;
        }

      g_assert_null (request);
      g_assert_error (error, AM_LAYOUT_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("case %u: “%s” does not name “%s”", i, error->message, cases[i].needle);
    }
}

static void
test_request_too_large (void)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmLayoutRequest) request = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i <= AM_LAYOUT_MAX_NODES; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", id, "name", id,
                                               "kind", AM_ENTITY_KIND_PERSON, NULL));
    }

  document = am_document_new_from_objects ("big", entities, relations, &error);
  g_assert_no_error (error);

  request = am_layout_request_new_for_document (document, AM_LAYOUT_ENGINE_SFDP, &error);
  g_assert_null (request);
  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "20001 entities"));
}

static void
test_request_unknown_engine (void)
{
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmLayoutRequest) request =
    am_layout_request_new_for_document (document, (AmLayoutEngine) 42, &error);

  g_assert_null (request);
  g_assert_error (error, AM_LAYOUT_ERROR, AM_LAYOUT_ERROR_UNKNOWN_ENGINE);
}

/* ------------------------------------------------------------------------------------ */

static gboolean
inside (const AmRect *bounds,
        double        x,
        double        y)
{
  return isfinite (x) && isfinite (y) &&
         x >= bounds->x && x <= bounds->x + bounds->width &&
         y >= bounds->y && y <= bounds->y + bounds->height;
}

static gboolean
rect_inside (const AmRect *bounds,
             const AmRect *r)
{
  return isfinite (r->width) && isfinite (r->height) && r->width >= 0 && r->height >= 0 &&
         inside (bounds, r->x, r->y) && inside (bounds, r->x + r->width, r->y + r->height);
}

static void
assert_scene_invariants (AmScene    *scene,
                         AmDocument *document)
{
  const AmRect *bounds = am_scene_get_bounds (scene);
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);

  g_assert_true (isfinite (bounds->width) && isfinite (bounds->height));
  g_assert_cmpfloat (bounds->x, ==, 0);
  g_assert_cmpfloat (bounds->y, ==, 0);
  g_assert_cmpfloat (bounds->width, >, 0);
  g_assert_cmpfloat (bounds->height, >, 0);

  /* One node per entity, one edge per relation. */
  g_assert_cmpuint (am_scene_get_n_nodes (scene), ==, g_list_model_get_n_items (entities));
  g_assert_cmpuint (am_scene_get_n_edges (scene), ==, g_list_model_get_n_items (relations));

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      gint index = am_scene_find_node (scene, am_entity_get_id (entity));
      const AmSceneNode *node;
      double tw, th;

      g_assert_cmpint (index, >=, 0);
      node = am_scene_get_node (scene, index);
      g_assert_cmpstr (node->kind, ==, am_entity_get_kind_name (entity));
      g_assert_true (rect_inside (bounds, &node->box));

      /* The box holds the text the renderer will draw. */
      am_text_metrics_measure_node (node->label, &tw, &th);
      g_assert_cmpfloat (node->box.width, >=, tw + 2 * AM_NODE_PADDING_X - 0.01);
      g_assert_cmpfloat (node->box.height, >=, th + 2 * AM_NODE_PADDING_Y - 0.01);
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);
      gint index = am_scene_find_edge (scene, am_relation_get_id (relation));
      const AmSceneEdge *edge;

      g_assert_cmpint (index, >=, 0);
      edge = am_scene_get_edge (scene, index);
      g_assert_cmpstr (edge->source, ==, am_relation_get_source (relation));
      g_assert_cmpstr (edge->target, ==, am_relation_get_target (relation));
      g_assert_cmpuint (edge->n_points, >=, 4);
      g_assert_cmpuint ((edge->n_points - 1) % 3, ==, 0);
      for (guint j = 0; j < edge->n_points; j++)
        g_assert_true (inside (bounds, edge->points[j].x, edge->points[j].y));
      if (edge->has_head)
        g_assert_true (inside (bounds, edge->head.x, edge->head.y));
      if (edge->has_tail)
        g_assert_true (inside (bounds, edge->tail.x, edge->tail.y));
      g_assert_true (rect_inside (bounds, &edge->bounds));

      /* Undirected relations have no arrowheads. */
      if (!am_relation_get_directed (relation))
        {
          g_assert_false (edge->has_head);
          g_assert_false (edge->has_tail);
        }
      g_assert_false (edge->has_tail);

      if (am_relation_get_label (relation) != NULL && *am_relation_get_label (relation) != '\0')
        {
          g_assert_true (edge->has_label);
          g_assert_true (rect_inside (bounds, &edge->label_box));
          g_assert_cmpfloat (edge->label_box.width, >, 0);
        }
      else
        g_assert_false (edge->has_label);
    }

  for (guint i = 0; i < am_scene_get_n_clusters (scene); i++)
    g_assert_true (rect_inside (bounds, &am_scene_get_cluster (scene, i)->box));
}

static void
test_layout_engine (gconstpointer data)
{
  AmLayoutEngine engine = GPOINTER_TO_UINT (data);
  g_autoptr(AmDocument) document = lt_load_fixture ();
  g_autoptr(AmLayoutRequest) request = fixture_request (engine);
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(AmScene) again = NULL;
  g_autoptr(GError) error = NULL;
  const AmSceneEdge *sister, *adviser, *self_loop, *markup, *alliance, *hostile;
  const AmSceneNode *markup_node;

  scene = am_layout_run_in_process (request, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scene);

  assert_scene_invariants (scene, document);
  g_assert_cmpstr (am_scene_get_engine (scene), ==, am_layout_engine_to_string (engine));

  /* Two relations between the same pair stay two edges with their own curves. */
  sister = am_scene_get_edge (scene, am_scene_find_edge (scene, "r-sister"));
  adviser = am_scene_get_edge (scene, am_scene_find_edge (scene, "r-adviser"));
  g_assert_cmpstr (sister->label, ==, "sister of");
  g_assert_cmpstr (adviser->label, ==, "key adviser to");
  g_assert_cmpstr (sister->source, ==, adviser->source);
  g_assert_cmpstr (sister->target, ==, adviser->target);
  g_assert_true (sister->n_points != adviser->n_points ||
                 memcmp (sister->points, adviser->points,
                         sister->n_points * sizeof (AmPoint)) != 0 ||
                 memcmp (&sister->label_box, &adviser->label_box, sizeof (AmRect)) != 0);

  /* A self-loop comes back as a curve. */
  self_loop = am_scene_get_edge (scene, am_scene_find_edge (scene, "r-self"));
  g_assert_cmpstr (self_loop->source, ==, "north-korea");
  g_assert_cmpstr (self_loop->target, ==, "north-korea");
  g_assert_cmpuint (self_loop->n_points, >=, 4);

  /* Directed relations get an arrowhead; the undirected one none. */
  hostile = am_scene_get_edge (scene, am_scene_find_edge (scene, "r-hostile"));
  alliance = am_scene_get_edge (scene, am_scene_find_edge (scene, "r-alliance"));
  g_assert_true (hostile->directed);
  g_assert_true (hostile->has_head);
  g_assert_false (alliance->directed);
  g_assert_cmpstr (alliance->type, ==, "alliance");

  /* Escape sequences and markup come back literally, in the scene and in Graphviz's
   * measurement: one line, about as wide as the literal text. */
  markup_node = am_scene_get_node (scene, am_scene_find_node (scene, "markup"));
  g_assert_cmpstr (markup_node->label, ==, "<b>Bold</b> & \"quoted\" \\N \\l");
  markup = am_scene_get_edge (scene, am_scene_find_edge (scene, "r-markup"));
  g_assert_cmpstr (markup->label, ==, "<b>x</b> & \"y\" \\N \\l \\G");
  {
    double lw, lh;

    am_text_metrics_measure_label (markup->label, &lw, &lh);
    g_assert_cmpfloat (markup->label_box.height, <, 1.8 * lh);
    g_assert_cmpfloat (markup->label_box.width, >, 0.75 * lw);
    g_assert_cmpfloat (markup->label_box.width, <, 1.5 * lw + 10);
  }

  /* Clusters for the engines that support them, with their members inside. */
  if (engine == AM_LAYOUT_ENGINE_DOT || engine == AM_LAYOUT_ENGINE_FDP)
    {
      g_assert_cmpuint (am_scene_get_n_clusters (scene), ==, 2);
      for (guint i = 0; i < am_scene_get_n_clusters (scene); i++)
        {
          const AmSceneCluster *cluster = am_scene_get_cluster (scene, i);
          g_autoptr(AmLayoutRequest) r = fixture_request (engine);

          for (guint k = 0; k < am_layout_request_get_n_nodes (r); k++)
            {
              const AmLayoutRequestNode *rn = _am_layout_request_get_node (r, k);
              const AmRect *box;

              if (g_strcmp0 (rn->group, cluster->id) != 0)
                continue;
              box = &am_scene_get_node (scene, am_scene_find_node (scene, rn->id))->box;
              g_assert_cmpfloat (box->x, >=, cluster->box.x - 0.5);
              g_assert_cmpfloat (box->y, >=, cluster->box.y - 0.5);
              g_assert_cmpfloat (box->x + box->width, <=,
                                 cluster->box.x + cluster->box.width + 0.5);
              g_assert_cmpfloat (box->y + box->height, <=,
                                 cluster->box.y + cluster->box.height + 0.5);
            }
        }
    }
  else
    g_assert_cmpuint (am_scene_get_n_clusters (scene), ==, 0);

  /* Same input, same output.  Not for fdp: on Graphviz 2.42 its result depends on what
   * fdp laid out before in the same process and, now and then, on the process itself
   * (measured: 2 of 20 fresh processes differ, more with clusters), so no test can
   * promise it.  The other five engines are checked here and through the helper. */
  if (engine != AM_LAYOUT_ENGINE_FDP)
    {
      again = am_layout_run_in_process (request, &error);
      g_assert_no_error (error);
      lt_assert_scenes_match (scene, again, LT_MATCH_CLOSE);
    }
}

static void
test_layout_empty (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = am_document_new_from_objects (NULL, none, none, &error);
  g_autoptr(AmLayoutRequest) request = NULL;
  g_autoptr(AmScene) scene = NULL;

  g_assert_no_error (error);
  request = am_layout_request_new_for_document (document, AM_LAYOUT_ENGINE_DOT, &error);
  g_assert_no_error (error);
  scene = am_layout_run_in_process (request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (am_scene_get_n_nodes (scene), ==, 0);
  g_assert_true (isfinite (am_scene_get_bounds (scene)->width));
}

static void
test_layout_many_parallel (void)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmLayoutRequest) request = NULL;
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", "a", "name", "A",
                                           "kind", AM_ENTITY_KIND_STATE, NULL));
  g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", "b", "name", "B",
                                           "kind", AM_ENTITY_KIND_STATE, NULL));
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", id, "source", "a",
                                                "target", "b", "label", id,
                                                "directed", TRUE, NULL));
    }

  document = am_document_new_from_objects ("pair", entities, relations, &error);
  g_assert_no_error (error);

  for (guint engine = 0; engine < AM_N_LAYOUT_ENGINES; engine++)
    {
      g_clear_pointer (&request, am_layout_request_unref);
      g_clear_pointer (&scene, am_scene_unref);
      request = am_layout_request_new_for_document (document, engine, &error);
      g_assert_no_error (error);
      scene = am_layout_run_in_process (request, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (am_scene_get_n_edges (scene), ==, 5);
      for (guint i = 0; i < 5; i++)
        g_assert_cmpint (am_scene_find_edge (scene, am_scene_get_edge (scene, i)->id), ==, i);
    }
}

/* Large graphs get straight edges from the force-directed engines; parallel relations
 * must still come back as separate, distinguishable curves. */
static void
test_layout_parallel_straight (void)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 80;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", id, "name", id,
                                               "kind", AM_ENTITY_KIND_PERSON, NULL));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("chain%u", i);
      g_autofree char *s = g_strdup_printf ("n%u", i);
      g_autofree char *t = g_strdup_printf ("n%u", (i + 1) % n);
      g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", id, "source", s,
                                                "target", t, "label", "next", NULL));
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("twin%u", i);
      g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", id, "source", "n0",
                                                "target", "n40", "label", id, NULL));
    }

  document = am_document_new_from_objects ("ring", entities, relations, &error);
  g_assert_no_error (error);

  for (guint engine = AM_LAYOUT_ENGINE_NEATO; engine <= AM_LAYOUT_ENGINE_SFDP; engine++)
    {
      g_autoptr(AmLayoutRequest) request = NULL;
      g_autoptr(AmScene) scene = NULL;
      const AmSceneEdge *twins[3];

      request = am_layout_request_new_for_document (document, engine, &error);
      g_assert_no_error (error);
      scene = am_layout_run_in_process (request, &error);
      g_assert_no_error (error);
      assert_scene_invariants (scene, document);

      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *id = g_strdup_printf ("twin%u", i);
          twins[i] = am_scene_get_edge (scene, am_scene_find_edge (scene, id));
        }
      for (guint i = 0; i < 3; i++)
        for (guint j = i + 1; j < 3; j++)
          g_assert_true (twins[i]->n_points != twins[j]->n_points ||
                         memcmp (twins[i]->points, twins[j]->points,
                                 twins[i]->n_points * sizeof (AmPoint)) != 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/Layout/engine-names", test_engine_names);
  g_test_add_func ("/Actormap/Layout/shape-for-kind", test_shape_for_kind);
  g_test_add_func ("/Actormap/Layout/text-metrics", test_text_metrics);
  g_test_add_func ("/Actormap/Layout/text-metrics-per-thread", test_text_metrics_per_thread);
  g_test_add_func ("/Actormap/Layout/node-size-for-shape", test_node_size_for_shape);
  g_test_add_func ("/Actormap/Layout/request-from-document", test_request_from_document);
  g_test_add_func ("/Actormap/Layout/request-serialize", test_request_serialize);
  g_test_add_func ("/Actormap/Layout/request-rejects", test_request_rejects);
  g_test_add_func ("/Actormap/Layout/request-too-large", test_request_too_large);
  g_test_add_func ("/Actormap/Layout/request-unknown-engine", test_request_unknown_engine);
  for (guint i = 0; i < AM_N_LAYOUT_ENGINES; i++)
    {
      g_autofree char *path = g_strdup_printf ("/Actormap/Layout/engine/%s",
                                               am_layout_engine_to_string (i));
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_layout_engine);
    }
  g_test_add_func ("/Actormap/Layout/empty", test_layout_empty);
  g_test_add_func ("/Actormap/Layout/parallel-edges", test_layout_many_parallel);
  g_test_add_func ("/Actormap/Layout/parallel-edges-straight", test_layout_parallel_straight);

  ret = g_test_run ();
  _am_graphviz_shutdown ();

  return ret;
}
