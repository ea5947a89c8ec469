/* test-export-csv.c — the CSV writer: RFC 4180 quoting, CRLF, the same bytes every time,
 * and export → import giving back the same network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-export-network.h"
#include "am-interchange-private.h"
#include "test-documents.h"

static GBytes *
export_edges (AmDocument *d)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = am_export_network_bytes (AM_NETWORK_FORMAT_CSV, d, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static GBytes *
export_nodes (AmDocument *d)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = am_export_network_csv_nodes (d, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static char *
text_of (GBytes *bytes)
{
  gsize n;
  const char *data = g_bytes_get_data (bytes, &n);

  return g_strndup (data, n);
}

static void
assert_same_table (GHashTable *a,
                   GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (a), ==, g_hash_table_size (b));
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (g_hash_table_lookup (b, key), ==, value);
}

/* Every entity and relation of @a is in @b with the same fields the CSV carries. */
static void
assert_same_network (AmDocument *a,
                     AmDocument *b)
{
  GListModel *ea = am_document_get_entities (a), *eb = am_document_get_entities (b);
  GListModel *ra = am_document_get_relations (a), *rb = am_document_get_relations (b);

  g_assert_cmpuint (g_list_model_get_n_items (ea), ==, g_list_model_get_n_items (eb));
  g_assert_cmpuint (g_list_model_get_n_items (ra), ==, g_list_model_get_n_items (rb));

  for (guint i = 0; i < g_list_model_get_n_items (ea); i++)
    {
      g_autoptr(AmEntity) x = g_list_model_get_item (ea, i);
      g_autoptr(AmEntity) y = g_list_model_get_item (eb, i);

      g_assert_cmpstr (am_entity_get_id (x), ==, am_entity_get_id (y));
      g_assert_cmpstr (am_entity_get_name (x), ==, am_entity_get_name (y));
      g_assert_cmpint (am_entity_get_kind (x), ==, am_entity_get_kind (y));
      g_assert_cmpstr (am_entity_get_kind_name (x), ==, am_entity_get_kind_name (y));
      g_assert_cmpstr (am_entity_get_role (x), ==, am_entity_get_role (y));
      g_assert_cmpstr (am_entity_get_description (x), ==, am_entity_get_description (y));
      g_assert_cmpstr (am_entity_get_affiliation (x), ==, am_entity_get_affiliation (y));
      g_assert_cmpstr (am_entity_get_group (x), ==, am_entity_get_group (y));
      assert_same_table (am_entity_get_attributes (x), am_entity_get_attributes (y));
    }

  for (guint i = 0; i < g_list_model_get_n_items (ra); i++)
    {
      g_autoptr(AmRelation) x = g_list_model_get_item (ra, i);
      g_autoptr(AmRelation) y = g_list_model_get_item (rb, i);

      g_assert_cmpstr (am_relation_get_id (x), ==, am_relation_get_id (y));
      g_assert_cmpstr (am_relation_get_source (x), ==, am_relation_get_source (y));
      g_assert_cmpstr (am_relation_get_target (x), ==, am_relation_get_target (y));
      g_assert_cmpstr (am_relation_get_label (x), ==, am_relation_get_label (y));
      g_assert_cmpstr (am_relation_get_rel_type (x), ==, am_relation_get_rel_type (y));
      g_assert_cmpstr (am_relation_get_date (x), ==, am_relation_get_date (y));
      g_assert_cmpint (am_relation_get_directed (x), ==, am_relation_get_directed (y));
      assert_same_table (am_relation_get_attributes (x), am_relation_get_attributes (y));
    }
}

static AmDocument *
reimport (AmDocument *d)
{
  g_autoptr(GBytes) edges = export_edges (d);
  g_autoptr(GBytes) nodes = export_nodes (d);
  g_autoptr(GError) error = NULL;
  AmDocument *back = _am_csv_import (edges, "out.csv", nodes, "out.nodes.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (back);
  return back;
}

static void
test_bundled_round_trip (void)
{
  g_autoptr(AmDocument) d = test_documents_load_bundled ();
  g_autoptr(AmDocument) back = reimport (d);
  g_autoptr(AmDocument) again = reimport (back);
  g_autoptr(GBytes) e1 = export_edges (d), e2 = export_edges (d), e3 = export_edges (back);
  g_autoptr(GBytes) n1 = export_nodes (d), n3 = export_nodes (back);

  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (d)), ==, 29);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (d)), ==, 53);
  assert_same_network (d, back);
  assert_same_network (back, again);

  /* Deterministic, and a fixed point after one trip. */
  g_assert_true (g_bytes_equal (e1, e2));
  g_assert_true (g_bytes_equal (e1, e3));
  g_assert_true (g_bytes_equal (n1, n3));
}

static void
test_format (void)
{
  g_autoptr(AmDocument) d = test_documents_load_json (
    "{\"format\":\"actormap\",\"version\":1,"
    "\"entities\":["
    "{\"id\":\"a\",\"name\":\"Ann, \\\"the\\\" first\",\"kind\":\"person\",\"colour\":\"red\"},"
    "{\"id\":\"b\",\"name\":\" padded \",\"kind\":\"think tank\",\"type\":\"x\"}],"
    "\"relations\":["
    "{\"id\":\"r1\",\"source\":\"a\",\"target\":\"b\",\"label\":\"two\\nlines\","
    "\"type\":\"role\",\"date\":\"2021-03\",\"directed\":false,\"weight\":\"2\"},"
    "{\"id\":\"r2\",\"source\":\"b\",\"target\":\"a\",\"label\":\"\"}]}", "tricky.json");
  g_autoptr(GBytes) edges = export_edges (d);
  g_autoptr(GBytes) nodes = export_nodes (d);
  g_autofree char *e = text_of (edges);
  g_autofree char *n = text_of (nodes);
  g_autoptr(AmDocument) back = NULL;

  g_test_message ("%s", e);
  g_test_message ("%s", n);

  /* Unknown string members of the JSON are attributes; check the file is as expected. */
  g_assert_true (g_hash_table_contains (am_relation_get_attributes (
    am_document_lookup_relation (d, "r1")), "weight"));

  g_assert_cmpstr (e, ==,
                   "id,source,target,label,type,date,directed,weight\r\n"
                   "r1,a,b,\"two\nlines\",role,2021-03,false,2\r\n"
                   "r2,b,a,,,,true,\r\n");
  g_assert_true (g_str_has_prefix (n, "id,name,kind,role,description,affiliation,group,"));
  g_assert_nonnull (strstr (n, "a,\"Ann, \"\"the\"\" first\",person,"));
  g_assert_nonnull (strstr (n, "b,\" padded \",think tank,"));
  /* An attribute named like a column stays an attribute. */
  g_assert_nonnull (strstr (n, "type (attribute)"));

  /* Every record ends with CRLF; no bare LF outside quotes in the nodes table. */
  g_assert_true (g_str_has_suffix (n, "\r\n"));
  for (const char *p = strchr (n, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    g_assert_cmpint (p[-1], ==, '\r');

  back = reimport (d);
  g_assert_cmpstr (am_entity_get_name (am_document_lookup_entity (back, "b")), ==, " padded ");
  g_assert_cmpstr (g_hash_table_lookup (am_entity_get_attributes (
    am_document_lookup_entity (back, "b")), "type (attribute)"), ==, "x");
  g_assert_cmpstr (am_relation_get_label (am_document_lookup_relation (back, "r1")), ==,
                   "two\nlines");
}

/* A document with no relations still has a header: a valid, empty edge list. */
static void
test_empty (void)
{
  g_autoptr(AmDocument) d = test_documents_load_json (
    "{\"format\":\"actormap\",\"version\":1,"
    "\"entities\":[{\"id\":\"a\",\"name\":\"A\",\"kind\":\"person\"}],\"relations\":[]}",
    "lonely.json");
  g_autoptr(GBytes) edges = export_edges (d);
  g_autofree char *e = text_of (edges);

  g_assert_cmpstr (e, ==, "id,source,target,label,type,date,directed\r\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-csv/bundled-round-trip", test_bundled_round_trip);
  g_test_add_func ("/export-csv/format", test_format);
  g_test_add_func ("/export-csv/empty", test_empty);

  return g_test_run ();
}
