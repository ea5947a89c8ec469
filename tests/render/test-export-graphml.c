/* test-export-graphml.c — the GraphML writer: what it declares, round trips, same bytes,
 * atomic writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "am-core.h"
#include "am-export.h"
#include "am-export-network.h"
#include "render-fixtures.h"
#include "test-documents.h"
#include "test-files.h"

static GBytes *
export_graphml (AmDocument    *document,
                const AmScene *scene)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = am_export_network_bytes (AM_NETWORK_FORMAT_GRAPHML, document, scene, NULL,
                                           &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static AmDocument *
reimport (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  AmInterchangeFormat format;
  AmDocument *document;

  /* By content: the name says JSON. */
  g_assert_true (am_interchange_sniff ("map.json", bytes, &format));
  g_assert_cmpint (format, ==, AM_INTERCHANGE_GRAPHML);
  document = am_interchange_import (format, bytes, "map.graphml", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static char *
text_of (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

/* Every entity and relation comes back with its id, name, kind, label, type, date and
 * direction; parallel relations stay apart. */
static void
test_round_trip_bundled (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autoptr(GBytes) bytes = export_graphml (document, NULL);
  g_autoptr(AmDocument) back = reimport (bytes);
  GListModel *entities = am_document_get_entities (document);
  GListModel *relations = am_document_get_relations (document);
  guint n_undirected = 0;

  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (back)), ==,
                    g_list_model_get_n_items (entities));
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (back)), ==,
                    g_list_model_get_n_items (relations));
  g_assert_cmpuint (g_list_model_get_n_items (entities), >, 10);
  g_assert_cmpstr (am_document_get_title (back), ==, am_document_get_title (document));

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      AmEntity *copy = am_document_lookup_entity (back, am_entity_get_id (entity));

      g_assert_nonnull (copy);
      g_assert_cmpstr (am_entity_get_name (copy), ==, am_entity_get_name (entity));
      g_assert_cmpint (am_entity_get_kind (copy), ==, am_entity_get_kind (entity));
      g_assert_cmpstr (am_entity_get_kind_name (copy), ==, am_entity_get_kind_name (entity));
      g_assert_cmpstr (am_entity_get_description (copy), ==, am_entity_get_description (entity));
      g_assert_cmpstr (am_entity_get_role (copy), ==, am_entity_get_role (entity));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);
      AmRelation *copy = am_document_lookup_relation (back, am_relation_get_id (relation));

      g_assert_nonnull (copy);
      g_assert_cmpstr (am_relation_get_source (copy), ==, am_relation_get_source (relation));
      g_assert_cmpstr (am_relation_get_target (copy), ==, am_relation_get_target (relation));
      g_assert_cmpstr (am_relation_get_label (copy), ==, am_relation_get_label (relation));
      g_assert_cmpstr (am_relation_get_rel_type (copy), ==, am_relation_get_rel_type (relation));
      g_assert_cmpstr (am_relation_get_date (copy), ==, am_relation_get_date (relation));
      g_assert_cmpint (am_relation_get_directed (copy), ==, am_relation_get_directed (relation));
      n_undirected += !am_relation_get_directed (relation);
    }
  /* The bundled model has undirected relations: the test covers them. */
  g_assert_cmpuint (n_undirected, >, 0);

  /* Exporting the import again gives the same bytes: nothing drifts. */
  {
    g_autoptr(GBytes) again = export_graphml (back, NULL);
    g_assert_true (g_bytes_equal (bytes, again));
  }
}

/* Parallel relations, attributes (sorted, declared once), characters XML cannot hold. */
static void
test_parallel_and_attributes (void)
{
  g_autoptr(AmDocument) document = test_documents_load_json (
    "{ \"entities\": ["
    "  { \"id\": \"a\", \"name\": \"A \\u0001 & <B>\", \"kind\": \"state\","
    "    \"zeta\": \"z\", \"alpha\": \"1\" },"
    "  { \"id\": \"b\", \"name\": \"B\", \"kind\": \"militia\" } ],"
    "  \"relations\": ["
    "  { \"id\": \"r1\", \"source\": \"a\", \"target\": \"b\", \"type\": \"visit\","
    "    \"label\": \"visits\" },"
    "  { \"id\": \"r2\", \"source\": \"a\", \"target\": \"b\", \"type\": \"visit\","
    "    \"label\": \"visits\" },"
    "  { \"id\": \"r3\", \"source\": \"b\", \"target\": \"a\", \"label\": \"\", \"directed\": false } ] }",
    "parallel.json");
  g_autoptr(GBytes) bytes = export_graphml (document, NULL);
  g_autoptr(AmDocument) back = reimport (bytes);
  g_autofree char *text = text_of (bytes);
  AmEntity *a = am_document_lookup_entity (back, "a");

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  g_assert_nonnull (strstr (text, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""));
  g_assert_nonnull (strstr (text, "<key id=\"kind\" for=\"node\" attr.name=\"kind\" "
                                  "attr.type=\"string\"/>"));
  g_assert_nonnull (strstr (text, "<graph id=\"G\" edgedefault=\"directed\">"));
  g_assert_nonnull (strstr (text, "<edge id=\"r2\" source=\"a\" target=\"b\">"));
  g_assert_null (strstr (text, "directed=\"false\""));
  g_assert_null (strstr (text, "&#1;"));

  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (back)), ==, 3);
  g_assert_cmpstr (am_entity_get_name (a), ==, "A \xef\xbf\xbd & <B>");
  g_assert_cmpstr (am_entity_get_kind_name (am_document_lookup_entity (back, "b")), ==, "militia");
  g_assert_cmpstr (g_hash_table_lookup (am_entity_get_attributes (a), "zeta"), ==, "z");
  g_assert_cmpstr (g_hash_table_lookup (am_entity_get_attributes (a), "alpha"), ==, "1");
  /* alpha is declared before zeta: sorted keys. */
  g_assert_true (strstr (text, "attr.name=\"alpha\"") < strstr (text, "attr.name=\"zeta\""));
  g_assert_cmpstr (am_relation_get_label (am_document_lookup_relation (back, "r2")), ==, "visits");
  g_assert_false (am_relation_get_directed (am_document_lookup_relation (back, "r3")));
  g_assert_true (am_relation_get_directed (am_document_lookup_relation (back, "r1")));
}

/* The scene's boxes as x, y, width and height. */
static void
test_scene_positions (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  g_autoptr(AmDocument) document = test_documents_load_json (
    "{ \"entities\": [ { \"id\": \"kp\", \"name\": \"North Korea\", \"kind\": \"state\" },"
    "  { \"id\": \"nowhere\", \"name\": \"Not drawn\", \"kind\": \"place\" } ],"
    "  \"relations\": [] }", "scene.json");
  g_autoptr(GBytes) bytes = export_graphml (document, scene);
  g_autoptr(AmDocument) back = reimport (bytes);
  GHashTable *kp = am_entity_get_attributes (am_document_lookup_entity (back, "kp"));
  GHashTable *nowhere = am_entity_get_attributes (am_document_lookup_entity (back, "nowhere"));

  g_assert_cmpstr (g_hash_table_lookup (kp, "x"), ==, "20.00");
  g_assert_cmpstr (g_hash_table_lookup (kp, "y"), ==, "20.00");
  g_assert_cmpstr (g_hash_table_lookup (kp, "width"), ==, "120.00");
  g_assert_cmpstr (g_hash_table_lookup (kp, "height"), ==, "40.00");
  g_assert_null (g_hash_table_lookup (nowhere, "x"));
}

static void
test_deterministic (void)
{
  g_autoptr(AmDocument) first = test_documents_load_bundled ();
  g_autoptr(AmDocument) second = test_documents_load_bundled ();
  g_autoptr(GBytes) a = export_graphml (first, NULL);
  g_autoptr(GBytes) b = export_graphml (second, NULL);
  g_autoptr(GBytes) c = export_graphml (first, NULL);

  g_assert_true (g_bytes_equal (a, b));
  g_assert_true (g_bytes_equal (a, c));
}

/* A write that fails half way (EFBIG past 4 KiB, as a full disk) leaves no file, and an
 * old file as it was. */
static void
test_atomic_failure (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AmDocument) document = test_documents_load_bundled ();
      const char *dir = g_getenv ("AM_TEST_EXPORT_DIR");
      g_autofree char *fresh = g_build_filename (dir, "new.graphml", NULL);
      g_autofree char *old = g_build_filename (dir, "old.graphml", NULL);
      g_autoptr(GError) error = NULL;

      test_files_limit_size ();
      g_assert_false (am_export_network_file (AM_NETWORK_FORMAT_GRAPHML, document, NULL, NULL,
                                              fresh, &error));
      g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_WRITE_FAILED);
      g_assert_nonnull (strstr (error->message, "new.graphml"));
      g_clear_error (&error);
      g_assert_false (am_export_network_file (AM_NETWORK_FORMAT_GRAPHML, document, NULL, NULL,
                                              old, &error));
      g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_WRITE_FAILED);
      g_printerr ("%s\n", error->message);
      return;
    }

  {
    g_autofree char *dir = test_files_make_temp_dir ("am-graphml-XXXXXX");
    g_autofree char *old = g_build_filename (dir, "old.graphml", NULL);

    test_files_write (old, "old graph");
    g_setenv ("AM_TEST_EXPORT_DIR", dir, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stderr ("*Could not write*old.graphml*File too large*");
    /* No new file, no temporary file, the old one byte for byte. */
    test_files_assert_only (dir, "old.graphml", "old graph");
    g_unsetenv ("AM_TEST_EXPORT_DIR");
    test_files_remove_tree (dir);
  }
}

/* A folder where the file should go: refused, nothing made. */
static void
test_unwritable_target (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autofree char *dir = test_files_make_temp_dir ("am-graphml-XXXXXX");
  g_autofree char *folder = g_build_filename (dir, "map.graphml", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "map.graphml", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (am_export_network_file (AM_NETWORK_FORMAT_GRAPHML, document, NULL, NULL,
                                          folder, &error));
  g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_WRITE_FAILED);
  g_clear_error (&error);
  g_assert_false (am_export_network_file (AM_NETWORK_FORMAT_GRAPHML, document, NULL, NULL,
                                          missing, &error));
  g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_WRITE_FAILED);
  g_assert_nonnull (strstr (error->message, "map.graphml"));

  listing = test_files_list_dir (dir);
  g_assert_cmpstr (listing, ==, "map.graphml");
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  test_files_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-graphml/round-trip-bundled", test_round_trip_bundled);
  g_test_add_func ("/export-graphml/parallel-and-attributes", test_parallel_and_attributes);
  g_test_add_func ("/export-graphml/scene-positions", test_scene_positions);
  g_test_add_func ("/export-graphml/deterministic", test_deterministic);
  g_test_add_func ("/export-graphml/atomic-failure", test_atomic_failure);
  g_test_add_func ("/export-graphml/unwritable-target", test_unwritable_target);

  return g_test_run ();
}
