/* test-export-annotations.c — the evidence as W3C Web Annotations: one annotation per
 * evidence, and every selector finds its sentence in the article text (paragraphs
 * joined with "\n\n", positions in code points)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "am-export-network.h"
#include "test-documents.h"

static JsonNode *
export_annotations (AmDocument *d,
                    GBytes    **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  gsize n;
  const char *data;

  bytes = am_export_network_bytes (AM_NETWORK_FORMAT_ANNOTATIONS, d, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &n);
  g_assert_true (g_utf8_validate (data, n, NULL));
  json_parser_load_from_data (parser, data, n, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_bytes_ref (bytes);
  return json_node_copy (json_parser_get_root (parser));
}

static char *
joined_text (AmDocument *d)
{
  return g_strjoinv ("\n\n", (char **) am_document_get_paragraphs (d));
}

static guint
count_evidence (AmDocument *d)
{
  GListModel *lists[] = {
    am_document_get_entities (d), am_document_get_relations (d),
    am_document_get_statements (d),
  };
  guint total = 0;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);

        if (AM_IS_ENTITY (item))
          total += am_entity_get_evidence (AM_ENTITY (item))->len;
        else if (AM_IS_RELATION (item))
          total += am_relation_get_evidence (AM_RELATION (item))->len;
        else
          total += am_statement_get_evidence (AM_STATEMENT (item))->len;
      }
  return total;
}

static JsonObject *
selector_of_type (JsonObject *target,
                  const char *type)
{
  JsonArray *selectors = json_object_get_array_member (target, "selector");

  for (guint i = 0; i < json_array_get_length (selectors); i++)
    {
      JsonObject *s = json_array_get_object_element (selectors, i);

      if (g_str_equal (json_object_get_string_member (s, "type"), type))
        return s;
    }
  return NULL;
}

static void
test_bundled (void)
{
  g_autoptr(AmDocument) d = test_documents_load_bundled ();
  g_autoptr(GBytes) first = NULL, second = NULL;
  g_autoptr(JsonNode) root = export_annotations (d, &first);
  g_autoptr(JsonNode) root2 = export_annotations (d, &second);
  g_autofree char *text = joined_text (d);
  glong length = g_utf8_strlen (text, -1);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *collection = json_node_get_object (root);
  JsonObject *page;
  JsonArray *items;
  guint n_evidence = count_evidence (d);
  guint shifted = 0, relation_bodies = 0;
  const char *source = NULL;

  g_assert_true (g_bytes_equal (first, second));
  g_assert_cmpuint (n_evidence, ==, 126);

  g_assert_cmpstr (json_object_get_string_member (collection, "@context"), ==,
                   "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (json_object_get_string_member (collection, "type"), ==,
                   "AnnotationCollection");
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, n_evidence);
  g_assert_cmpstr (json_object_get_string_member (collection, "label"), ==,
                   am_document_get_title (d));
  page = json_object_get_object_member (collection, "first");
  g_assert_cmpstr (json_object_get_string_member (page, "type"), ==, "AnnotationPage");
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, n_evidence);

  /* The article has non-breaking spaces: code points and bytes differ after them. */
  g_assert_nonnull (strstr (text, "\xc2\xa0"));

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *a = json_array_get_object_element (items, i);
      JsonObject *target = json_object_get_object_member (a, "target");
      JsonArray *body = json_object_get_array_member (a, "body");
      JsonObject *quote = selector_of_type (target, "TextQuoteSelector");
      JsonObject *position = selector_of_type (target, "TextPositionSelector");
      const char *id = json_object_get_string_member (a, "id");
      const char *exact, *prefix, *suffix, *describing;
      gint64 start, end;
      g_autofree char *at = NULL, *before = NULL, *after = NULL;
      g_autofree char *byte_based = NULL;

      g_assert_cmpstr (json_object_get_string_member (a, "type"), ==, "Annotation");
      g_assert_true (g_str_has_prefix (id, "urn:actormap:"));
      g_assert_true (g_hash_table_add (ids, (gpointer) id));
      if (source == NULL)
        source = json_object_get_string_member (target, "source");
      g_assert_cmpstr (json_object_get_string_member (target, "source"), ==, source);

      g_assert_nonnull (quote);
      g_assert_nonnull (position);
      exact = json_object_get_string_member (quote, "exact");
      prefix = json_object_get_string_member (quote, "prefix");
      suffix = json_object_get_string_member (quote, "suffix");
      start = json_object_get_int_member (position, "start");
      end = json_object_get_int_member (position, "end");

      g_assert_cmpint (0, <=, start);
      g_assert_cmpint (start, <, end);
      g_assert_cmpint (end, <=, length);
      at = g_utf8_substring (text, start, end);
      g_assert_cmpstr (at, ==, exact);
      before = g_utf8_substring (text, MAX (0, start - 32), start);
      after = g_utf8_substring (text, end, MIN (length, end + 32));
      g_assert_cmpstr (prefix, ==, before);
      g_assert_cmpstr (suffix, ==, after);
      g_assert_cmpint (g_utf8_strlen (prefix, -1), <=, 32);
      g_assert_cmpint (g_utf8_strlen (suffix, -1), <=, 32);

      /* Counting bytes instead would land elsewhere after a non-breaking space. */
      byte_based = g_strndup (text + start, end - start);
      if (!g_str_equal (byte_based, exact))
        shifted++;

      describing = json_object_get_string_member (json_array_get_object_element (body, 0),
                                                  "value");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (body, 0),
                                                      "purpose"), ==, "describing");
      if (strstr (id, ":relation:") != NULL)
        {
          g_assert_nonnull (strstr (describing, " —"));
          relation_bodies++;
        }
    }

  g_assert_cmpuint (shifted, >, 0);
  g_assert_cmpuint (relation_bodies, >, 0);
  /* The bundled model has no URL: the target is a urn of the text. */
  g_assert_true (g_str_has_prefix (source, "urn:actormap:sha256:"));

  /* One relation's description, exactly. */
  {
    AmRelation *r = am_document_lookup_relation (d, "r-choe-son-hui-deputy-foreign-minister");
    JsonObject *a = NULL;

    g_assert_nonnull (r);
    for (guint i = 0; i < json_array_get_length (items) && a == NULL; i++)
      {
        JsonObject *x = json_array_get_object_element (items, i);

        if (strstr (json_object_get_string_member (x, "id"),
                    ":relation:r-choe-son-hui-deputy-foreign-minister:1") != NULL)
          a = x;
      }
    g_assert_nonnull (a);
    g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (json_object_get_array_member (a, "body"), 0),
                       "value"), ==,
                     "Choe Son Hui —Deputy Foreign Minister→ "
                     "North Korean Foreign Ministry");
  }
}

/* An article with a URL is the target's source; a document without evidence gives an
 * empty collection. */
static void
test_url_and_empty (void)
{
  g_autoptr(AmDocument) d = test_documents_load_json (
    "{\"format\":\"actormap\",\"version\":1,"
    "\"article\":{\"title\":\"T\",\"url\":\"https://example.org/a\","
    "\"paragraphs\":[\"T\",\"Ann met Bob.\"]},"
    "\"entities\":[{\"id\":\"a\",\"name\":\"Ann\",\"kind\":\"person\","
    "\"evidence\":[{\"paragraph\":1,\"text\":\"Ann\"}]},"
    "{\"id\":\"b\",\"name\":\"Bob\",\"kind\":\"person\"}],"
    "\"relations\":[{\"id\":\"r\",\"source\":\"a\",\"target\":\"b\",\"label\":\"met\","
    "\"directed\":false,\"evidence\":[{\"paragraph\":1,\"text\":\"met Bob\"}]}]}", "url.json");
  g_autoptr(AmDocument) empty = test_documents_load_json (
    "{\"format\":\"actormap\",\"version\":1,"
    "\"entities\":[{\"id\":\"a\",\"name\":\"Ann\",\"kind\":\"person\"}],\"relations\":[]}",
    "empty.json");
  g_autoptr(JsonNode) root = export_annotations (d, NULL);
  g_autoptr(JsonNode) none = export_annotations (empty, NULL);
  JsonArray *items = json_object_get_array_member (
    json_object_get_object_member (json_node_get_object (root), "first"), "items");
  JsonObject *rel;
  JsonObject *target;

  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  rel = json_array_get_object_element (items, 1);
  target = json_object_get_object_member (rel, "target");
  g_assert_cmpstr (json_object_get_string_member (target, "source"), ==, "https://example.org/a");
  /* "T\n\nAnn met Bob.": "met Bob" is at 7. */
  g_assert_cmpint (json_object_get_int_member (selector_of_type (target, "TextPositionSelector"),
                                               "start"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (selector_of_type (target, "TextQuoteSelector"),
                                                  "prefix"), ==, "T\n\nAnn ");
  g_assert_cmpstr (json_object_get_string_member (selector_of_type (target, "TextQuoteSelector"),
                                                  "suffix"), ==, ".");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (rel, "body"), 0),
                     "value"), ==, "Ann —met— Bob");

  g_assert_cmpint (json_object_get_int_member (json_node_get_object (none), "total"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_object_get_object_member (json_node_get_object (none), "first"), "items")), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export-annotations/bundled", test_bundled);
  g_test_add_func ("/export-annotations/url-and-empty", test_url_and_empty);

  return g_test_run ();
}
