/* test-export-gexf.c — the GEXF 1.3 writer: what it declares, that the same document
 * gives the same bytes, and that our own importer reads back every actor, relation
 * (parallel and undirected ones too), kind, date and position
 *
 * The document is the render fixture's six actors (render-fixtures.h) with the
 * fixture's scene, plus a parallel relation, an undirected one, dates of each
 * precision and text XML 1.0 cannot hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-export-network.h"
#include "am-interchange.h"
#include "render-fixtures.h"

static const struct
{
  const char   *id;
  const char   *name;
  AmEntityKind  kind;
} fixture_entities[] = {
  { "kp", "North Korea", AM_ENTITY_KIND_STATE },
  { "kyj", "Kim Yo Jong", AM_ENTITY_KIND_PERSON },
  { "kcna", "KCNA <b>&amp; R&D \"quoted\"", AM_ENTITY_KIND_ORGANIZATION },
  { "ex", "Joint exercise", AM_ENTITY_KIND_EVENT },
  { "pyo", "Pyongyang", AM_ENTITY_KIND_PLACE },
  { "yonhap", "Yonhap\x01 news", AM_ENTITY_KIND_MEDIA },
};

static const struct
{
  const char *id, *source, *target, *label, *type, *date;
  gboolean    directed;
} fixture_relations[] = {
  { "e1", "kp", "kyj", "leader's sister", "role", "2021-03-18", TRUE },
  { "e2", "kcna", "kp", "reports on", "reports", "2021-03", TRUE },
  { "e3", "kp", "ex", "", "hostility", "2018", TRUE },
  { "e4", "yonhap", "pyo", "", "custom ties", NULL, TRUE },
  { "e5", "kyj", "kcna", "", NULL, NULL, FALSE },
  { "e6", "kp", "kyj", "second tie", "role", NULL, TRUE },   /* parallel to e1 */
};

static AmDocument *
fixture_document (void)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) numeric = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) wordy = g_hash_table_new (g_str_hash, g_str_equal);
  const char *aliases[] = { "DPRK", "the North", NULL };
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  g_hash_table_insert (attributes, (gpointer) "population", (gpointer) "26 million");
  for (guint i = 0; i < G_N_ELEMENTS (fixture_entities); i++)
    g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY,
                                             "id", fixture_entities[i].id,
                                             "name", fixture_entities[i].name,
                                             "kind", fixture_entities[i].kind,
                                             "role", i == 0 ? "State" : NULL,
                                             "aliases", i == 0 ? aliases : NULL,
                                             "attributes", i == 0 ? attributes : NULL,
                                             NULL));
  g_hash_table_insert (numeric, (gpointer) "weight", (gpointer) "2.5");
  g_hash_table_insert (wordy, (gpointer) "weight", (gpointer) "heavy");
  for (guint i = 0; i < G_N_ELEMENTS (fixture_relations); i++)
    g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION,
                                              "attributes", i == 0 ? numeric :
                                                            i == 3 ? wordy : NULL,
                                              "id", fixture_relations[i].id,
                                              "source", fixture_relations[i].source,
                                              "target", fixture_relations[i].target,
                                              "label", fixture_relations[i].label,
                                              "rel-type", fixture_relations[i].type,
                                              "date", fixture_relations[i].date,
                                              "directed", fixture_relations[i].directed,
                                              NULL));

  document = am_document_new_from_objects (RENDER_FIXTURE_TITLE, entities, relations, &error);
  g_assert_no_error (error);
  return document;
}

static GBytes *
export_fixture (AmDocument *document,
                AmScene    *scene)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = am_export_network_bytes (AM_NETWORK_FORMAT_GEXF, document, scene, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static char *
bytes_text (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static void
test_declared (void)
{
  g_autoptr(AmDocument) document = fixture_document ();
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  g_autoptr(GBytes) bytes = export_fixture (document, scene);
  g_autofree char *text = bytes_text (bytes);
  const AmKindStyle *state = am_theme_style_for_kind (am_theme_get_light (), "state");
  g_autofree char *state_color = g_strdup_printf ("<viz:color r=\"%.0f\" g=\"%.0f\" b=\"%.0f\"",
                                                  state->fill.red * 255,
                                                  state->fill.green * 255,
                                                  state->fill.blue * 255);

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf "));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (strstr (text, "xmlns=\"http://gexf.net/1.3\""));
  g_assert_nonnull (strstr (text, "xmlns:viz=\"http://gexf.net/1.3/viz\""));
  g_assert_nonnull (strstr (text, "version=\"1.3\""));
  g_assert_nonnull (strstr (text, "<creator>Actormap</creator>"));
  g_assert_nonnull (strstr (text, "<description>" RENDER_FIXTURE_TITLE "</description>"));
  /* A graph with one undirected relation among directed ones: directed, that one
   * mutual (NetworkX refuses "undirected" edges in a directed graph). */
  g_assert_nonnull (strstr (text, "defaultedgetype=\"directed\""));
  g_assert_nonnull (strstr (text, "<edge id=\"e5\" source=\"kyj\" target=\"kcna\" type=\"mutual\""));
  g_assert_nonnull (strstr (text, "mode=\"dynamic\" timeformat=\"date\""));
  g_assert_nonnull (strstr (text, "<attribute id=\"kind\" title=\"kind\" type=\"string\"/>"));
  g_assert_nonnull (strstr (text, "<attribute id=\"population\" title=\"population\""));
  g_assert_nonnull (strstr (text, "<attvalue for=\"aliases\" value=\"DPRK; the North\"/>"));
  /* Dates: a day, a month and a year as the span they cover. */
  g_assert_nonnull (strstr (text, "start=\"2021-03-18\" end=\"2021-03-18\""));
  g_assert_nonnull (strstr (text, "start=\"2021-03-01\" end=\"2021-03-31\""));
  g_assert_nonnull (strstr (text, "start=\"2018-01-01\" end=\"2018-12-31\""));
  g_assert_nonnull (strstr (text, "kind=\"custom ties\""));
  /* A numeric weight is the edge's own; another is an attribute. */
  g_assert_nonnull (strstr (text, "kind=\"role\" weight=\"2.5\""));
  g_assert_null (strstr (text, "<attvalue for=\"weight\" value=\"2.5\"/>"));
  g_assert_nonnull (strstr (text, "<attvalue for=\"weight\" value=\"heavy\"/>"));
  /* Escaping, and the control character XML 1.0 cannot hold replaced. */
  g_assert_nonnull (strstr (text, "label=\"KCNA &lt;b&gt;&amp;amp; R&amp;D &quot;quoted&quot;\""));
  g_assert_nonnull (strstr (text, "label=\"Yonhap\xef\xbf\xbd news\""));
  g_assert_null (strchr (text, '\x01'));
  /* kp's centre is (80, 40) in the scene: y flipped for Gephi; its box is 120 × 40. */
  g_assert_nonnull (strstr (text, "<viz:position x=\"80.00\" y=\"-40.00\" z=\"0.0\"/>"));
  g_assert_nonnull (strstr (text, "<viz:size value=\"60.00\"/>"));
  g_assert_nonnull (strstr (text, state_color));
}

static void
test_deterministic (void)
{
  g_autoptr(AmDocument) document = fixture_document ();
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  g_autoptr(GBytes) first = export_fixture (document, scene);
  g_autoptr(GBytes) second = export_fixture (document, scene);
  g_autoptr(AmDocument) again = fixture_document ();
  g_autoptr(GBytes) third = export_fixture (again, scene);

  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (g_bytes_equal (first, third));
}

static void
test_round_trip (void)
{
  g_autoptr(AmDocument) document = fixture_document ();
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  g_autoptr(GBytes) bytes = export_fixture (document, scene);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) back = NULL;
  AmInterchangeFormat format;

  g_assert_true (am_interchange_sniff ("map.gexf", bytes, &format));
  g_assert_cmpint (format, ==, AM_INTERCHANGE_GEXF);
  back = am_interchange_import (format, bytes, "map.gexf", NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (am_document_get_title (back), ==, RENDER_FIXTURE_TITLE);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (back)), ==,
                    G_N_ELEMENTS (fixture_entities));
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (back)), ==,
                    G_N_ELEMENTS (fixture_relations));

  for (guint i = 0; i < G_N_ELEMENTS (fixture_entities); i++)
    {
      AmEntity *entity = am_document_lookup_entity (back, fixture_entities[i].id);
      const AmSceneNode *node;
      double x, y;

      g_assert_nonnull (entity);
      if (i != 5)
        g_assert_cmpstr (am_entity_get_name (entity), ==, fixture_entities[i].name);
      g_assert_cmpint (am_entity_get_kind (entity), ==, fixture_entities[i].kind);
      node = am_scene_get_node (scene, (guint) am_scene_find_node (scene, fixture_entities[i].id));
      g_assert_true (am_entity_get_position (entity, &x, &y));
      g_assert_cmpfloat_with_epsilon (x, node->box.x + node->box.width / 2, 0.01);
      g_assert_cmpfloat_with_epsilon (y, node->box.y + node->box.height / 2, 0.01);
    }
  {
    AmEntity *kp = am_document_lookup_entity (back, "kp");
    const char * const *aliases = am_entity_get_aliases (kp);

    g_assert_cmpstr (am_entity_get_role (kp), ==, "State");
    g_assert_cmpuint (g_strv_length ((char **) aliases), ==, 2);
    g_assert_cmpstr (aliases[1], ==, "the North");
    g_assert_cmpstr (g_hash_table_lookup (am_entity_get_attributes (kp), "population"), ==,
                     "26 million");
  }

  for (guint i = 0; i < G_N_ELEMENTS (fixture_relations); i++)
    {
      AmRelation *relation = am_document_lookup_relation (back, fixture_relations[i].id);

      g_assert_nonnull (relation);
      g_assert_cmpstr (am_relation_get_source (relation), ==, fixture_relations[i].source);
      g_assert_cmpstr (am_relation_get_target (relation), ==, fixture_relations[i].target);
      g_assert_cmpstr (am_relation_get_label (relation), ==, fixture_relations[i].label);
      g_assert_cmpstr (am_relation_get_rel_type (relation), ==, fixture_relations[i].type);
      g_assert_cmpstr (am_relation_get_date (relation), ==, fixture_relations[i].date);
      g_assert_cmpint (am_relation_get_directed (relation), ==, fixture_relations[i].directed);
      g_assert_cmpstr (g_hash_table_lookup (am_relation_get_attributes (relation), "weight"), ==,
                       i == 0 ? "2.5" : i == 3 ? "heavy" : NULL);
    }
}

/* Every relation undirected: the graph says so, and no edge needs a type. */
static void
test_undirected_graph (void)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmScene) scene = render_fixture_scene (FALSE);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) positions = NULL;

  g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", "kp", "name", "A", NULL));
  g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", "nowhere", "name", "B", NULL));
  g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", "r", "source", "kp",
                                            "target", "nowhere", "directed", FALSE, NULL));
  document = am_document_new_from_objects (NULL, entities, relations, &error);
  g_assert_no_error (error);
  bytes = export_fixture (document, scene);
  text = bytes_text (bytes);

  g_assert_nonnull (strstr (text, "defaultedgetype=\"undirected\" mode=\"static\">"));
  g_assert_null (strstr (text, "type=\"mutual\""));
  g_assert_null (strstr (text, "<description>"));
  /* An actor the scene does not hold has no position, but its colour. */
  g_assert_nonnull (strstr (text, "<node id=\"nowhere\" label=\"B\">"));
  positions = g_strsplit (text, "<viz:position", -1);
  g_assert_cmpuint (g_strv_length (positions), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Actormap/ExportGexf/declared", test_declared);
  g_test_add_func ("/Actormap/ExportGexf/deterministic", test_deterministic);
  g_test_add_func ("/Actormap/ExportGexf/round-trip", test_round_trip);
  g_test_add_func ("/Actormap/ExportGexf/undirected-graph", test_undirected_graph);

  return g_test_run ();
}
