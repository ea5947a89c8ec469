/* test-model.c — the model objects, the loader on valid files, lookups and queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <time.h>

#include "am-core.h"
#include "am-core-enums.h"
#include "test-result.h"

static AmDocument *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "core", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  document = am_document_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (AM_IS_DOCUMENT (document));

  return document;
}

static AmDocument *
load_string (const char  *json,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return am_document_load_from_bytes (bytes, "inline.json", error);
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static gboolean
strv_equal (const char * const *strv,
            const char         *first,
            ...)
{
  const char *expected = first;
  va_list args;
  guint i = 0;
  gboolean equal = TRUE;

  va_start (args, first);
  for (; expected != NULL; expected = va_arg (args, const char *), i++)
    {
      if (strv[i] == NULL || g_strcmp0 (strv[i], expected) != 0)
        {
          equal = FALSE;
          break;
        }
    }
  va_end (args);

  return equal && strv[i] == NULL;
}

static char *
ids_of (GPtrArray *items)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      GObject *item = g_ptr_array_index (items, i);
      const char *id;

      if (AM_IS_RELATION (item))
        id = am_relation_get_id (AM_RELATION (item));
      else if (AM_IS_STATEMENT (item))
        id = am_statement_get_id (AM_STATEMENT (item));
      else
        id = am_entity_get_id (AM_ENTITY (item));

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, id);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
join_ids (GPtrArray *items)
{
  g_autoptr(GPtrArray) owned = items;

  return ids_of (owned);
}

/* ------------------------------------------------------------------------------------ */

static void
test_load_valid_article (void)
{
  AmDocument *document = load_fixture ("valid-full.json");
  const char * const *paragraphs;

  g_assert_cmpstr (am_document_get_title (document), ==, "Ministers meet in Seoul");
  g_assert_cmpstr (am_document_get_date (document), ==, "2021-03-18");
  g_assert_cmpstr (am_document_get_publisher (document), ==, "Example News");
  g_assert_cmpstr (am_document_get_source (document), ==, "Yonhap");
  g_assert_cmpstr (am_document_get_url (document), ==,
                   "https://example.org/news/ministers-meet?id=7&lang=en");

  g_assert_cmpuint (am_document_get_n_paragraphs (document), ==, 4);
  paragraphs = am_document_get_paragraphs (document);
  g_assert_cmpstr (paragraphs[1], ==, "\"We will keep talking,\" Silva said, according to Yonhap.");
  g_assert_cmpstr (paragraphs[2], ==,
                   "Talks & <b>tensions</b>: the two states argued, then agreed. "
                   "김여정 🙂 שלום");
  g_assert_null (paragraphs[4]);

  g_assert_cmpuint (n_items (am_document_get_entities (document)), ==, 6);
  g_assert_cmpuint (n_items (am_document_get_relations (document)), ==, 5);
  g_assert_cmpuint (n_items (am_document_get_statements (document)), ==, 2);

  g_assert_finalize_object (document);
}

static void
test_load_valid_entities (void)
{
  AmDocument *document = load_fixture ("valid-full.json");
  g_autoptr(AmEntity) first = g_list_model_get_item (am_document_get_entities (document), 0);
  AmEntity *entity;
  GPtrArray *evidence;
  GHashTable *attributes;
  const AmEvidence *ev;

  /* File order, and every getter returns what the file says. */
  g_assert_true (first == am_document_lookup_entity (document, "silva"));
  entity = first;
  g_assert_cmpstr (am_entity_get_id (entity), ==, "silva");
  g_assert_cmpstr (am_entity_get_name (entity), ==, "Ana Silva");
  g_assert_cmpint (am_entity_get_kind (entity), ==, AM_ENTITY_KIND_PERSON);
  g_assert_cmpstr (am_entity_get_kind_name (entity), ==, "person");
  g_assert_cmpstr (am_entity_get_role (entity), ==, "Foreign Minister");
  g_assert_cmpstr (am_entity_get_affiliation (entity), ==, "Portugal");
  g_assert_cmpstr (am_entity_get_description (entity), ==, "Portugal's foreign minister.");
  g_assert_cmpstr (am_entity_get_group (entity), ==, "portugal-gov");
  g_assert_true (strv_equal (am_entity_get_aliases (entity), "Silva", "the minister", NULL));

  evidence = am_entity_get_evidence (entity);
  g_assert_cmpuint (evidence->len, ==, 1);
  ev = g_ptr_array_index (evidence, 0);
  g_assert_cmpuint (am_evidence_get_paragraph (ev), ==, 0);
  g_assert_cmpstr (am_evidence_get_text (ev), ==, "Foreign Minister Ana Silva");
  g_assert_cmpint (am_evidence_get_offset (ev), ==, 0);

  /* Unknown string members become attributes; other unknown members are dropped. */
  attributes = am_entity_get_attributes (entity);
  g_assert_cmpuint (g_hash_table_size (attributes), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "twitter"), ==, "@anasilva");
  g_assert_false (g_hash_table_contains (attributes, "rank"));
  g_assert_false (g_hash_table_contains (attributes, "name"));

  /* Optional members left out, or null, are NULL / empty. */
  entity = am_document_lookup_entity (document, "seoul");
  g_assert_cmpint (am_entity_get_kind (entity), ==, AM_ENTITY_KIND_PLACE);
  g_assert_null (am_entity_get_role (entity));
  g_assert_null (am_entity_get_description (entity));
  g_assert_null (am_entity_get_affiliation (entity));
  g_assert_null (am_entity_get_group (entity));
  g_assert_nonnull (am_entity_get_aliases (entity));
  g_assert_null (am_entity_get_aliases (entity)[0]);
  g_assert_cmpuint (am_entity_get_evidence (entity)->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (am_entity_get_attributes (entity)), ==, 0);

  /* Kinds: case-insensitive, the British spelling, and unknown words. */
  entity = am_document_lookup_entity (document, "south-korea");
  g_assert_cmpint (am_entity_get_kind (entity), ==, AM_ENTITY_KIND_STATE);
  g_assert_cmpstr (am_entity_get_kind_name (entity), ==, "State");
  entity = am_document_lookup_entity (document, "yonhap");
  g_assert_cmpint (am_entity_get_kind (entity), ==, AM_ENTITY_KIND_ORGANIZATION);
  g_assert_cmpstr (am_entity_get_kind_name (entity), ==, "organisation");
  entity = am_document_lookup_entity (document, "markup");
  g_assert_cmpint (am_entity_get_kind (entity), ==, AM_ENTITY_KIND_OTHER);
  g_assert_cmpstr (am_entity_get_kind_name (entity), ==, "policy");

  /* Markup characters, Hangul, emoji, RTL and combining marks arrive verbatim. */
  g_assert_cmpstr (am_entity_get_name (entity), ==, "<b>Talks</b> & tensions");
  g_assert_cmpstr (am_entity_get_description (entity), ==, "김여정 🙂 שלום e\xcc\x81");
  ev = g_ptr_array_index (am_entity_get_evidence (entity), 0);
  g_assert_cmpint (am_evidence_get_offset (ev), ==, 0);

  g_assert_finalize_object (document);
}

static void
test_load_valid_relations (void)
{
  AmDocument *document = load_fixture ("valid-full.json");
  AmRelation *relation;
  const AmEvidence *ev;

  relation = am_document_lookup_relation (document, "r-silva-visit");
  g_assert_nonnull (relation);
  g_assert_cmpstr (am_relation_get_source (relation), ==, "silva");
  g_assert_cmpstr (am_relation_get_target (relation), ==, "seoul");
  g_assert_cmpstr (am_relation_get_label (relation), ==, "visits");
  g_assert_cmpstr (am_relation_get_rel_type (relation), ==, "visit");
  g_assert_cmpstr (am_relation_get_date (relation), ==, "2021-03-18");
  g_assert_true (am_relation_get_directed (relation));
  ev = g_ptr_array_index (am_relation_get_evidence (relation), 0);
  g_assert_cmpint (am_evidence_get_offset (ev), ==,
                   strlen ("Foreign Minister Ana Silva "));

  relation = am_document_lookup_relation (document, "r-talks");
  g_assert_false (am_relation_get_directed (relation));
  g_assert_cmpstr (am_relation_get_date (relation), ==, "2021-03");

  relation = am_document_lookup_relation (document, "r-silva-portugal");
  g_assert_cmpstr (g_hash_table_lookup (am_relation_get_attributes (relation), "weight"), ==,
                   "strong");

  /* A self-loop is accepted. */
  relation = am_document_lookup_relation (document, "r-self");
  g_assert_cmpstr (am_relation_get_source (relation), ==, "silva");
  g_assert_cmpstr (am_relation_get_target (relation), ==, "silva");
  g_assert_null (am_relation_get_rel_type (relation));
  g_assert_cmpstr (am_relation_get_date (relation), ==, "2021-03-19T10:30:00+09:00");

  g_assert_finalize_object (document);
}

static void
test_load_valid_statements (void)
{
  AmDocument *document = load_fixture ("valid-full.json");
  AmStatement *statement;
  GPtrArray *evidence;
  const AmEvidence *ev;

  statement = am_document_lookup_statement (document, "s-keep-talking");
  g_assert_nonnull (statement);
  g_assert_cmpstr (am_statement_get_speaker (statement), ==, "silva");
  g_assert_cmpstr (am_statement_get_text (statement), ==, "We will keep talking,");
  g_assert_true (am_statement_get_quoted (statement));
  g_assert_cmpstr (am_statement_get_date (statement), ==, "2021-03-18");
  g_assert_true (strv_equal (am_statement_get_about (statement), "south-korea", "portugal", NULL));
  g_assert_true (strv_equal (am_statement_get_addressees (statement), "south-korea", NULL));
  g_assert_cmpstr (am_statement_get_reported_by (statement), ==, "yonhap");

  evidence = am_statement_get_evidence (statement);
  g_assert_cmpuint (evidence->len, ==, 2);
  ev = g_ptr_array_index (evidence, 1);
  g_assert_cmpuint (am_evidence_get_paragraph (ev), ==, 1);
  g_assert_cmpint (am_evidence_get_offset (ev), ==,
                   strlen ("\"We will keep talking,\" Silva said, "));

  statement = am_document_lookup_statement (document, "s-summary");
  g_assert_false (am_statement_get_quoted (statement));
  g_assert_null (am_statement_get_date (statement));
  g_assert_null (am_statement_get_reported_by (statement));
  g_assert_nonnull (am_statement_get_addressees (statement));
  g_assert_null (am_statement_get_addressees (statement)[0]);

  g_assert_finalize_object (document);
}

static void
test_lookups (void)
{
  AmDocument *document = load_fixture ("valid-full.json");

  g_assert_nonnull (am_document_lookup_entity (document, "yonhap"));
  g_assert_null (am_document_lookup_entity (document, "Yonhap"));
  g_assert_null (am_document_lookup_entity (document, "nobody"));
  g_assert_null (am_document_lookup_entity (document, NULL));

  /* Ids are shared by all three kinds, but each lookup answers for its own. */
  g_assert_null (am_document_lookup_entity (document, "r-talks"));
  g_assert_null (am_document_lookup_relation (document, "silva"));
  g_assert_null (am_document_lookup_statement (document, "r-talks"));
  g_assert_nonnull (am_document_lookup_statement (document, "s-summary"));

  g_assert_finalize_object (document);
}

static void
test_queries (void)
{
  AmDocument *document = load_fixture ("valid-full.json");
  g_autofree char *ids = NULL;

  /* Both ends, file order, a self-loop once. */
  ids = join_ids (am_document_relations_of (document, "silva"));
  g_assert_cmpstr (ids, ==, "r-silva-portugal r-silva-visit r-self");
  g_clear_pointer (&ids, g_free);

  ids = join_ids (am_document_relations_of (document, "south-korea"));
  g_assert_cmpstr (ids, ==, "r-talks r-argue");
  g_clear_pointer (&ids, g_free);

  ids = join_ids (am_document_relations_of (document, "nobody"));
  g_assert_cmpstr (ids, ==, "");
  g_clear_pointer (&ids, g_free);

  ids = join_ids (am_document_statements_by (document, "silva"));
  g_assert_cmpstr (ids, ==, "s-keep-talking");
  g_clear_pointer (&ids, g_free);

  ids = join_ids (am_document_statements_by (document, "yonhap"));
  g_assert_cmpstr (ids, ==, "");
  g_clear_pointer (&ids, g_free);

  /* About or addressed to, each statement once even when it is both. */
  ids = join_ids (am_document_statements_about (document, "south-korea"));
  g_assert_cmpstr (ids, ==, "s-keep-talking s-summary");
  g_clear_pointer (&ids, g_free);

  ids = join_ids (am_document_statements_about (document, "portugal"));
  g_assert_cmpstr (ids, ==, "s-keep-talking");
  g_clear_pointer (&ids, g_free);

  ids = join_ids (am_document_statements_about (document, "silva"));
  g_assert_cmpstr (ids, ==, "");
  g_clear_pointer (&ids, g_free);

  g_assert_finalize_object (document);
}

static void
test_find_by_evidence (void)
{
  AmDocument *document = load_fixture ("valid-full.json");
  g_auto(GStrv) ids = NULL;
  const char *p2;
  gssize argued;

  /* Whole paragraph: entities, then relations, then statements. */
  ids = am_document_find_by_evidence (document, 0, -1);
  g_assert_true (strv_equal ((const char * const *) ids,
                             "silva", "r-silva-portugal", "r-silva-visit", NULL));
  g_clear_pointer (&ids, g_strfreev);

  ids = am_document_find_by_evidence (document, 2, -1);
  g_assert_true (strv_equal ((const char * const *) ids,
                             "markup", "r-talks", "r-argue", "s-summary", NULL));
  g_clear_pointer (&ids, g_strfreev);

  /* A byte offset: only the evidence that covers it. */
  p2 = am_document_get_paragraphs (document)[2];
  argued = strstr (p2, "argued") - p2;
  ids = am_document_find_by_evidence (document, 2, argued);
  g_assert_true (strv_equal ((const char * const *) ids, "r-argue", "s-summary", NULL));
  g_clear_pointer (&ids, g_strfreev);

  ids = am_document_find_by_evidence (document, 2, 0);
  g_assert_true (strv_equal ((const char * const *) ids, "markup", NULL));
  g_clear_pointer (&ids, g_strfreev);

  /* The byte just past an evidence text is not covered by it. */
  ids = am_document_find_by_evidence (document, 0, strlen ("Foreign Minister Ana Silva"));
  g_assert_true (strv_equal ((const char * const *) ids, NULL));
  g_clear_pointer (&ids, g_strfreev);

  ids = am_document_find_by_evidence (document, 0, strlen ("Foreign Minister Ana Silva") - 1);
  g_assert_true (strv_equal ((const char * const *) ids, "silva", "r-silva-portugal", NULL));
  g_clear_pointer (&ids, g_strfreev);

  /* Nothing there: an empty vector, never NULL. */
  ids = am_document_find_by_evidence (document, 99, -1);
  g_assert_nonnull (ids);
  g_assert_null (ids[0]);

  g_assert_finalize_object (document);
}

static void
test_parallel_relations (void)
{
  AmDocument *document = load_fixture ("minimal.json");
  g_autoptr(GPtrArray) between = am_document_relations_of (document, "b");

  g_assert_cmpuint (n_items (am_document_get_relations (document)), ==, 3);
  g_assert_cmpuint (between->len, ==, 2);
  g_assert_cmpstr (am_relation_get_id (g_ptr_array_index (between, 0)), ==, "ab");
  g_assert_cmpstr (am_relation_get_id (g_ptr_array_index (between, 1)), ==, "ab2");

  g_clear_pointer (&between, g_ptr_array_unref);
  g_assert_finalize_object (document);
}

static void
test_minimal (void)
{
  AmDocument *document = load_fixture ("minimal.json");
  AmRelation *relation;

  /* No article and no statements: metadata NULL, paragraphs empty, never NULL. */
  g_assert_null (am_document_get_title (document));
  g_assert_null (am_document_get_date (document));
  g_assert_null (am_document_get_publisher (document));
  g_assert_null (am_document_get_source (document));
  g_assert_null (am_document_get_url (document));
  g_assert_nonnull (am_document_get_paragraphs (document));
  g_assert_null (am_document_get_paragraphs (document)[0]);
  g_assert_cmpuint (am_document_get_n_paragraphs (document), ==, 0);
  g_assert_cmpuint (n_items (am_document_get_entities (document)), ==, 3);
  g_assert_cmpuint (n_items (am_document_get_statements (document)), ==, 0);

  relation = am_document_lookup_relation (document, "ab");
  g_assert_true (am_relation_get_directed (relation));
  g_assert_null (am_relation_get_rel_type (relation));
  g_assert_null (am_relation_get_date (relation));
  g_assert_cmpuint (am_relation_get_evidence (relation)->len, ==, 0);

  /* An empty label is allowed, and so is a self-loop. */
  relation = am_document_lookup_relation (document, "cc");
  g_assert_cmpstr (am_relation_get_label (relation), ==, "");

  g_assert_finalize_object (document);
}

static void
test_small_files (void)
{
  static const char * const fixtures[] = { "bom.json", "empty-entities.json", "depth-64.json" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      AmDocument *document;

      g_test_message ("loading %s", fixtures[i]);
      document = load_fixture (fixtures[i]);
      g_assert_finalize_object (document);
    }
}

static void
test_accepted_syntax (void)
{
  /* Valid inputs at the edges of the byte scan and the value checks. */
  static const char * const inputs[] = {
    "{\"entities\": []}",
    "  \r\n\t{\"entities\": []}\r\n\t  ",
    "{\"entities\": [], \"n\": [0, -0, 1.5e3, -2E-7, 9223372036854775807, -9223372036854775808]}",
    "{\"entities\": [], \"s\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\ud83d\\ude00 ]]]}}} [[[{{{\"}",
    "{\"entities\": [], \"b\": [true, false, null]}",
    "{\"format\": \"actormap\", \"version\": 1, \"entities\": []}",
    ("{\"format\": null, \"version\": null, \"article\": null, \"relations\": null, "
     "\"statements\": null, \"entities\": []}"),
    "{\"article\": {}, \"entities\": []}",
    "{\"article\": {\"date\": \"2021\"}, \"entities\": []}",
    "{\"article\": {\"date\": \"2020-02-29\"}, \"entities\": []}",
    "{\"article\": {\"date\": \"2021-03-18T09:30:00.123Z\"}, \"entities\": []}",
    "{\"article\": {\"date\": \"2021-03-18T09:30-05:00\"}, \"entities\": []}",
    "{\"article\": {\"url\": \"http://example.org\"}, \"entities\": []}",
    "{\"article\": {\"paragraphs\": []}, \"entities\": []}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      AmDocument *document;

      g_test_message ("input %u: %s", i, inputs[i]);
      document = load_string (inputs[i], &error);
      g_assert_no_error (error);
      g_assert_finalize_object (document);
    }
}

static void
test_optional_nulls (void)
{
  g_autoptr(GError) error = NULL;
  AmDocument *document;
  AmStatement *statement;
  AmRelation *relation;

  document = load_string ("{\"article\": {\"title\": null, \"paragraphs\": [\"P.\"]},"
                          " \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\","
                          "   \"role\": null, \"aliases\": null, \"evidence\": null}],"
                          " \"relations\": [{\"id\": \"r\", \"source\": \"a\", \"target\": \"a\","
                          "   \"label\": \"l\", \"type\": null, \"directed\": null, \"date\": null}],"
                          " \"statements\": [{\"id\": \"s\", \"speaker\": \"a\", \"text\": \"t\","
                          "   \"quoted\": null, \"about\": null, \"reported_by\": null,"
                          "   \"evidence\": [{\"paragraph\": 0, \"text\": \"P\", \"note\": 1}]}]}",
                          &error);
  g_assert_no_error (error);

  g_assert_null (am_document_get_title (document));
  relation = am_document_lookup_relation (document, "r");
  g_assert_true (am_relation_get_directed (relation));
  statement = am_document_lookup_statement (document, "s");
  g_assert_false (am_statement_get_quoted (statement));
  g_assert_null (am_statement_get_about (statement)[0]);
  g_assert_cmpuint (am_statement_get_evidence (statement)->len, ==, 1);

  g_assert_finalize_object (document);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (*result == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (*result);

  return *result;
}

static void
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "core", "valid-full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  am_document_load_file_async (file, NULL, test_result_store_cb, &result);
  document = am_document_load_file_finish (wait_for_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (am_document_get_entities (document)), ==, 6);
  g_assert_nonnull (am_document_lookup_statement (document, "s-summary"));

  g_clear_object (&result);
  g_assert_finalize_object (document);
}

static void
test_async_error (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad",
                                                 "relation-unknown-target.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  am_document_load_file_async (file, NULL, test_result_store_cb, &result);
  document = am_document_load_file_finish (wait_for_result (&result), &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_UNKNOWN_REFERENCE);
  g_assert_nonnull (strstr (error->message, "relation-unknown-target.json: relations[1] (r-visit)"));
}

static void
test_async_cancelled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "core", "valid-full.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  g_cancellable_cancel (cancellable);
  am_document_load_file_async (file, cancellable, test_result_store_cb, &result);
  document = am_document_load_file_finish (wait_for_result (&result), &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* The synchronous loader honours the cancellable the same way. */
  g_clear_error (&error);
  document = am_document_load_from_file (file, cancellable, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_resource (void)
{
  g_autoptr(GFile) file =
    g_file_new_for_uri ("resource:///org/actormap/Actormap/tests/valid-full.json");
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  /* Not a local path: read through the GFile stream, with the same checks. */
  document = am_document_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (am_document_get_relations (document)), ==, 5);
  g_assert_finalize_object (document);

  g_clear_object (&file);
  file = g_file_new_for_uri ("resource:///org/actormap/Actormap/tests/missing.json");
  document = am_document_load_from_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "missing.json: "));
}

static void
test_objects (void)
{
  g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) am_evidence_unref);
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  const char *aliases[] = { "Al", NULL };
  g_autofree char *kind_name = NULL;
  g_auto(GStrv) about = NULL;
  AmEntityKind kind;
  AmEntity *entity;
  AmRelation *relation;
  AmStatement *statement;
  GParamSpec *pspec;

  g_ptr_array_add (evidence, am_evidence_new (1, "words", -1));
  g_hash_table_insert (attributes, (gpointer) "color", (gpointer) "red");

  /* A creator that only spells the kind gets the enum from it. */
  entity = g_object_new (AM_TYPE_ENTITY,
                         "id", "al", "name", "Al", "kind-name", "person",
                         "aliases", aliases, "evidence", evidence, "attributes", attributes,
                         NULL);
  g_assert_cmpint (am_entity_get_kind (entity), ==, AM_ENTITY_KIND_PERSON);
  g_object_get (entity, "kind", &kind, "kind-name", &kind_name, NULL);
  g_assert_cmpint (kind, ==, AM_ENTITY_KIND_PERSON);
  g_assert_cmpstr (kind_name, ==, "person");

  /* The object keeps its own copies: changing the creator's containers is harmless. */
  g_ptr_array_set_size (evidence, 0);
  g_hash_table_remove_all (attributes);
  aliases[0] = "Changed";
  g_assert_cmpuint (am_entity_get_evidence (entity)->len, ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (am_entity_get_attributes (entity), "color"), ==, "red");
  g_assert_cmpstr (am_entity_get_aliases (entity)[0], ==, "Al");

  /* Every property is construct-only, with static strings and explicit notify. */
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), "name");
  g_assert_true (pspec->flags & G_PARAM_CONSTRUCT_ONLY);
  g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
  g_assert_true ((pspec->flags & G_PARAM_STATIC_STRINGS) == G_PARAM_STATIC_STRINGS);
  g_assert_finalize_object (entity);

  /* Defaults: an enum kind gets its canonical word; no NULL containers. */
  entity = g_object_new (AM_TYPE_ENTITY, "id", "us", "name", "US",
                         "kind", AM_ENTITY_KIND_STATE, NULL);
  g_assert_cmpstr (am_entity_get_kind_name (entity), ==, "state");
  g_assert_nonnull (am_entity_get_aliases (entity));
  g_assert_nonnull (am_entity_get_evidence (entity));
  g_assert_nonnull (am_entity_get_attributes (entity));
  g_assert_finalize_object (entity);

  entity = g_object_new (AM_TYPE_ENTITY, NULL);
  g_assert_cmpstr (am_entity_get_id (entity), ==, "");
  g_assert_cmpstr (am_entity_get_name (entity), ==, "");
  g_assert_cmpint (am_entity_get_kind (entity), ==, AM_ENTITY_KIND_OTHER);
  g_assert_cmpstr (am_entity_get_kind_name (entity), ==, "other");
  g_assert_finalize_object (entity);

  relation = g_object_new (AM_TYPE_RELATION, "id", "r", "source", "a", "target", "b", NULL);
  g_assert_true (am_relation_get_directed (relation));
  g_assert_cmpstr (am_relation_get_label (relation), ==, "");
  g_assert_nonnull (am_relation_get_evidence (relation));
  g_assert_nonnull (am_relation_get_attributes (relation));
  g_assert_finalize_object (relation);

  statement = g_object_new (AM_TYPE_STATEMENT, "id", "s", "speaker", "a", "text", "t", NULL);
  g_assert_false (am_statement_get_quoted (statement));
  g_object_get (statement, "about", &about, NULL);
  g_assert_nonnull (about);
  g_assert_null (about[0]);
  g_assert_nonnull (am_statement_get_addressees (statement));
  g_assert_nonnull (am_statement_get_evidence (statement));
  g_assert_finalize_object (statement);
}

static void
test_evidence_boxed (void)
{
  g_autoptr(AmEvidence) evidence = am_evidence_new (3, "some words", 12);
  GValue value = G_VALUE_INIT;
  AmEvidence *copy;

  g_assert_cmpuint (am_evidence_get_paragraph (evidence), ==, 3);
  g_assert_cmpstr (am_evidence_get_text (evidence), ==, "some words");
  g_assert_cmpint (am_evidence_get_offset (evidence), ==, 12);

  /* Boxed copies share the value. */
  g_value_init (&value, AM_TYPE_EVIDENCE);
  g_value_set_boxed (&value, evidence);
  copy = g_value_dup_boxed (&value);
  g_assert_true (copy == evidence);
  am_evidence_unref (copy);
  g_value_unset (&value);

  g_clear_pointer (&evidence, am_evidence_unref);
  evidence = am_evidence_new (0, "x", -1);
  g_assert_cmpint (am_evidence_get_offset (evidence), ==, -1);
}

static GPtrArray *
make_entities (guint n)
{
  GPtrArray *entities = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);

      g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", id, "name", id,
                                               "kind", AM_ENTITY_KIND_PERSON, NULL));
    }

  return entities;
}

static void
test_new_from_objects (void)
{
  g_autoptr(GPtrArray) entities = make_entities (3);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  AmDocument *document;

  g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", "r1", "source", "e0",
                                            "target", "e1", "label", "x", NULL));
  g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", "r2", "source", "e0",
                                            "target", "e1", "label", "y", NULL));

  document = am_document_new_from_objects ("graph", entities, relations, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_document_get_title (document), ==, "graph");
  g_assert_cmpuint (am_document_get_n_paragraphs (document), ==, 0);
  g_assert_cmpuint (n_items (am_document_get_entities (document)), ==, 3);
  g_assert_cmpuint (n_items (am_document_get_relations (document)), ==, 2);
  g_assert_cmpuint (n_items (am_document_get_statements (document)), ==, 0);
  ids = join_ids (am_document_relations_of (document, "e1"));
  g_assert_cmpstr (ids, ==, "r1 r2");
  g_assert_finalize_object (document);

  /* Without relations. */
  document = am_document_new_from_objects (NULL, entities, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (am_document_get_title (document));
  g_assert_finalize_object (document);

  /* A relation to a missing node is refused: nodes are never created implicitly. */
  g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", "r3", "source", "e2",
                                            "target", "n9", "label", "z", NULL));
  document = am_document_new_from_objects ("graph", entities, relations, &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_UNKNOWN_REFERENCE);
  g_assert_cmpstr (error->message, ==, "relations[2] (r3): 'target' refers to unknown entity 'n9'");
  g_clear_error (&error);
  g_ptr_array_remove_index (relations, 2);

  /* Ids are unique across entities and relations. */
  g_ptr_array_add (relations, g_object_new (AM_TYPE_RELATION, "id", "e2", "source", "e2",
                                            "target", "e2", "label", "z", NULL));
  document = am_document_new_from_objects ("graph", entities, relations, &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_DUPLICATE_ID);
  g_assert_cmpstr (error->message, ==, "relations[2] (e2): duplicate id 'e2', already used by entities[2]");
  g_clear_error (&error);
  g_ptr_array_remove_index (relations, 2);

  g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", "", "name", "x", NULL));
  document = am_document_new_from_objects ("graph", entities, relations, &error);
  g_assert_null (document);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE);
}

/* Microseconds of CPU used by this thread. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  g_assert_cmpint (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts), ==, 0);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_SANITIZER 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_SANITIZER 1
# endif
#endif

/* The loader's budget: 5 000 entities and 10 000 relations well under a second.  Under
 * a sanitizer or valgrind, where the time means nothing, a tenth of it checks the same
 * code without crawling (ASan's slow unwinder takes minutes on the full size). */
static void
test_large_model (void)
{
#ifdef UNDER_SANITIZER
  const gboolean timed = FALSE;
#else
  const gboolean timed = g_getenv ("AM_UNDER_VALGRIND") == NULL;
#endif
  const guint n_entities = timed ? 5000 : 500, n_relations = timed ? 10000 : 1000;
  g_autoptr(GString) json = g_string_new ("{\"article\": {\"title\": \"Big\", \"paragraphs\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations_of = NULL;
  AmDocument *document;
  gint64 start, elapsed, cpu_start, cpu;

  for (guint p = 0; p < 50; p++)
    g_string_append_printf (json, "%s\"Paragraph %u says that entity e%u met entity e%u.\"",
                            p > 0 ? ", " : "", p, p, p + 1);
  g_string_append (json, "]}, \"entities\": [\n");
  for (guint i = 0; i < n_entities; i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"e%u\", \"name\": \"Entity %u\", \"kind\": \"%s\","
                            " \"role\": \"role %u\", \"aliases\": [\"E%u\"],"
                            " \"evidence\": [{\"paragraph\": %u, \"text\": \"entity e%u\"}]}\n",
                            i > 0 ? "," : "", i, i, i % 2 ? "person" : "state", i, i,
                            i < 50 ? i : 0, i < 50 ? i : 0);
  g_string_append (json, "], \"relations\": [\n");
  for (guint i = 0; i < n_relations; i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"r%u\", \"source\": \"e%u\", \"target\": \"e%u\","
                            " \"label\": \"rel %u\", \"type\": \"meeting\", \"date\": \"2021-03-18\","
                            " \"evidence\": [{\"paragraph\": %u, \"text\": \"met\"}]}\n",
                            i > 0 ? "," : "", i, i % n_entities, (i * 7 + 1) % n_entities, i,
                            i % 50);
  g_string_append (json, "], \"statements\": [\n");
  for (guint i = 0; i < n_entities / 5; i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"s%u\", \"speaker\": \"e%u\", \"text\": \"Words %u\","
                            " \"about\": [\"e%u\", \"e%u\"], \"reported_by\": \"e0\"}\n",
                            i > 0 ? "," : "", i, i, i, i + 1, i + 2);
  g_string_append (json, "]}\n");

  bytes = g_bytes_new (json->str, json->len);
  start = g_get_monotonic_time ();
  cpu_start = thread_cpu_time ();
  document = am_document_load_from_bytes (bytes, "large.json", &error);
  cpu = thread_cpu_time () - cpu_start;
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);

  g_test_message ("loaded %u entities, %u relations, %u statements (%zu bytes) in %.1f ms "
                  "(%.1f ms of CPU)", n_entities, n_relations, n_entities / 5, json->len,
                  elapsed / 1000.0, cpu / 1000.0);
  g_assert_cmpuint (n_items (am_document_get_entities (document)), ==, n_entities);
  g_assert_cmpuint (n_items (am_document_get_relations (document)), ==, n_relations);
  relations_of = am_document_relations_of (document, "e1");
  g_assert_cmpuint (relations_of->len, >=, 2);
  g_clear_pointer (&relations_of, g_ptr_array_unref);

  /* A debugoptimized build takes about a quarter of a second (see the message above).
   * CPU time, not wall time, is bounded: a CI machine running suites in parallel must
   * not make this fail. */
  if (timed)
    g_assert_cmpint (cpu, <, G_USEC_PER_SEC);

  g_assert_finalize_object (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/Model/load-valid/article", test_load_valid_article);
  g_test_add_func ("/Actormap/Model/load-valid/entities", test_load_valid_entities);
  g_test_add_func ("/Actormap/Model/load-valid/relations", test_load_valid_relations);
  g_test_add_func ("/Actormap/Model/load-valid/statements", test_load_valid_statements);
  g_test_add_func ("/Actormap/Model/load-valid/minimal", test_minimal);
  g_test_add_func ("/Actormap/Model/load-valid/small-files", test_small_files);
  g_test_add_func ("/Actormap/Model/load-valid/accepted-syntax", test_accepted_syntax);
  g_test_add_func ("/Actormap/Model/load-valid/optional-nulls", test_optional_nulls);
  g_test_add_func ("/Actormap/Model/lookups", test_lookups);
  g_test_add_func ("/Actormap/Model/queries", test_queries);
  g_test_add_func ("/Actormap/Model/find-by-evidence", test_find_by_evidence);
  g_test_add_func ("/Actormap/Model/parallel-relations", test_parallel_relations);
  g_test_add_func ("/Actormap/Model/async", test_async);
  g_test_add_func ("/Actormap/Model/async-error", test_async_error);
  g_test_add_func ("/Actormap/Model/async-cancelled", test_async_cancelled);
  g_test_add_func ("/Actormap/Model/resource", test_resource);
  g_test_add_func ("/Actormap/Model/objects", test_objects);
  g_test_add_func ("/Actormap/Model/evidence-boxed", test_evidence_boxed);
  g_test_add_func ("/Actormap/Model/new-from-objects", test_new_from_objects);
  g_test_add_func ("/Actormap/Model/large-model", test_large_model);

  return g_test_run ();
}
