/* test-document-graph.c — documents built from an imported graph, and the checked read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "am-core.h"

static GHashTable *
new_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static GPtrArray *
make_entities (void)
{
  GPtrArray *entities = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", "a", "name", "A",
                                           "kind-name", "node", "group", "cluster_x", NULL));
  g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", "b", "name", "B",
                                           "kind-name", "node", NULL));
  return entities;
}

/* Only the DOT import's constructor makes a Graphviz document; entity kinds do not. */
static void
test_origin (void)
{
  g_autoptr(GPtrArray) entities = make_entities ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) model = NULL;
  g_autoptr(AmDocument) graph = NULL;
  g_autoptr(AmDocument) imported = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"entities\": [], \"relations\": []}", 33);
  g_autoptr(AmDocument) loaded = NULL;

  model = am_document_new_from_objects ("G", entities, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (am_document_get_origin (model), ==, AM_DOCUMENT_ORIGIN_MODEL);

  graph = am_document_new_from_graph ("G", entities, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (am_document_get_origin (graph), ==, AM_DOCUMENT_ORIGIN_MODEL);

  imported = am_document_new_imported (AM_DOCUMENT_ORIGIN_GRAPHVIZ, "G", entities, NULL,
                                       NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (am_document_get_origin (imported), ==, AM_DOCUMENT_ORIGIN_GRAPHVIZ);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (imported)), ==, 2);

  loaded = am_document_load_from_bytes (bytes, "empty.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (am_document_get_origin (loaded), ==, AM_DOCUMENT_ORIGIN_MODEL);

  /* The import's checks still apply. */
  g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", "a", NULL));
  g_assert_null (am_document_new_imported (AM_DOCUMENT_ORIGIN_GRAPHVIZ, "G", entities, NULL,
                                           NULL, NULL, &error));
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_DUPLICATE_ID);
}

static void
test_graph_tables (void)
{
  g_autoptr(GPtrArray) entities = make_entities ();
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) attributes = new_table ();
  g_autoptr(GHashTable) labels = new_table ();
  g_autoptr(GError) error = NULL;
  AmDocument *document;
  GHashTable *kept;

  g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", "a->b", "source", "a",
                                            "target", "b", NULL));
  g_hash_table_insert (attributes, g_strdup ("rankdir"), g_strdup ("LR"));
  g_hash_table_insert (labels, g_strdup ("cluster_x"), g_strdup ("The X & Co."));

  document = am_document_new_from_graph ("G", entities, relations, attributes, labels,
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_document_get_title (document), ==, "G");

  /* The tables are copies: changing the caller's does not change the document. */
  g_hash_table_insert (attributes, g_strdup ("rankdir"), g_strdup ("BT"));
  g_hash_table_remove (labels, "cluster_x");

  kept = am_document_get_graph_attributes (document);
  g_assert_cmpuint (g_hash_table_size (kept), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (kept, "rankdir"), ==, "LR");
  g_assert_cmpstr (am_document_get_group_label (document, "cluster_x"), ==, "The X & Co.");
  g_assert_null (am_document_get_group_label (document, "cluster_y"));
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (document)), ==, 1);
  g_assert_finalize_object (document);

  /* Without tables, and from the plain constructor: empty, never NULL. */
  document = am_document_new_from_objects ("G", entities, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (am_document_get_graph_attributes (document));
  g_assert_cmpuint (g_hash_table_size (am_document_get_graph_attributes (document)), ==, 0);
  g_assert_null (am_document_get_group_label (document, "cluster_x"));
  g_assert_finalize_object (document);
}

static void
test_graph_rejects (void)
{
  g_autoptr(GPtrArray) entities = make_entities ();
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) bad = new_table ();
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  /* The same reference checks as the plain constructor. */
  g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", "r", "source", "a",
                                            "target", "zz", NULL));
  document = am_document_new_from_graph ("G", entities, relations, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_UNKNOWN_REFERENCE);
  g_assert_nonnull (strstr (error->message, "'zz'"));
  g_clear_error (&error);

  g_hash_table_insert (bad, g_strdup ("rankdir"), g_strdup ("\xff\xfe"));
  document = am_document_new_from_graph ("G", entities, NULL, bad, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "graph attributes"));
  g_clear_error (&error);

  g_hash_table_remove_all (bad);
  g_hash_table_insert (bad, g_strdup (""), g_strdup ("label"));
  document = am_document_new_from_graph ("G", entities, NULL, NULL, bad, &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "group labels"));
  g_clear_error (&error);

  document = am_document_new_from_graph ("\xc3", entities, NULL, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE);
}

static void
test_read_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("am-read-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "graph.gv", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.gv", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.gv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fifo_file = g_file_new_for_path (fifo);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GBytes *bytes;

  g_assert_true (g_file_set_contents (path, "digraph { a -> b }", -1, NULL));
  bytes = am_document_read_file (file, NULL, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "graph.gv");
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   "digraph { a -> b }", 18);
  g_bytes_unref (bytes);
  g_clear_pointer (&name, g_free);

  /* A FIFO is refused from its type, before anything opens it (which would block). */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  bytes = am_document_read_file (fifo_file, NULL, &name, &error);
  g_assert_null (bytes);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_NOT_REGULAR);
  g_assert_true (g_str_has_prefix (error->message, "pipe.gv: "));
  g_assert_cmpstr (name, ==, "pipe.gv");
  g_clear_error (&error);
  g_clear_pointer (&name, g_free);

  bytes = am_document_read_file (dir_file, NULL, &name, &error);
  g_assert_null (bytes);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_NOT_REGULAR);
  g_clear_error (&error);
  g_clear_pointer (&name, g_free);

  bytes = am_document_read_file (missing_file, NULL, &name, &error);
  g_assert_null (bytes);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "missing.gv: "));
  g_clear_error (&error);

  g_unlink (path);
  g_unlink (fifo);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/Model/origin", test_origin);
  g_test_add_func ("/Actormap/Model/graph-tables", test_graph_tables);
  g_test_add_func ("/Actormap/Model/graph-rejects", test_graph_rejects);
  g_test_add_func ("/Actormap/Model/read-file", test_read_file);

  return g_test_run ();
}
