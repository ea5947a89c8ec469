/* test-builder.c — status and position in the model, am_object_copy_with() and the
 * document builder: edits as new documents, checked like the loader checks a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-core.h"
#include "test-documents.h"

static const char small_model[] =
  "{\"format\": \"actormap\", \"version\": 2,"
  " \"article\": {\"title\": \"T\", \"paragraphs\": [\"Joe Biden met Moon.\", \"Moon said no, and Moon left.\"]},"
  " \"entities\": ["
  "  {\"id\": \"biden\", \"name\": \"Joe Biden\", \"kind\": \"person\","
  "   \"position\": {\"x\": 120.5, \"y\": -48}},"
  "  {\"id\": \"moon\", \"name\": \"Moon\", \"kind\": \"person\", \"status\": \"suggested\","
  "   \"evidence\": [{\"paragraph\": 1, \"text\": \"Moon left\"}]},"
  "  {\"id\": \"kr\", \"name\": \"South Korea\", \"kind\": \"state\", \"status\": \"accepted\"}"
  " ],"
  " \"relations\": [{\"id\": \"r-met\", \"source\": \"biden\", \"target\": \"moon\", \"label\": \"met\","
  "   \"status\": \"suggested\"}],"
  " \"statements\": [{\"id\": \"s-no\", \"speaker\": \"moon\", \"text\": \"no\", \"status\": \"suggested\"}]"
  "}";

static void
test_status_and_position_load (void)
{
  g_autoptr(AmDocument) document = test_documents_load_json (small_model, "small.json");
  AmEntity *biden = am_document_lookup_entity (document, "biden");
  AmEntity *moon = am_document_lookup_entity (document, "moon");
  double x = 1, y = 1;

  g_assert_cmpint (am_entity_get_status (biden), ==, AM_STATUS_ACCEPTED);
  g_assert_cmpint (am_entity_get_status (moon), ==, AM_STATUS_SUGGESTED);
  g_assert_cmpint (am_entity_get_status (am_document_lookup_entity (document, "kr")), ==,
                   AM_STATUS_ACCEPTED);
  g_assert_cmpint (am_relation_get_status (am_document_lookup_relation (document, "r-met")), ==,
                   AM_STATUS_SUGGESTED);
  g_assert_cmpint (am_statement_get_status (am_document_lookup_statement (document, "s-no")), ==,
                   AM_STATUS_SUGGESTED);

  g_assert_true (am_entity_get_position (biden, &x, &y));
  g_assert_cmpfloat (x, ==, 120.5);
  g_assert_cmpfloat (y, ==, -48.0);
  g_assert_false (am_entity_get_position (moon, &x, &y));
  g_assert_cmpfloat (x, ==, 0.0);
  g_assert_cmpfloat (y, ==, 0.0);

  /* Neither key becomes an extra attribute. */
  g_assert_false (g_hash_table_contains (am_entity_get_attributes (moon), "status"));
  g_assert_false (g_hash_table_contains (am_entity_get_attributes (biden), "position"));

  g_assert_cmpstr (am_status_to_string (AM_STATUS_SUGGESTED), ==, "suggested");
  g_assert_cmpstr (am_status_to_string (AM_STATUS_ACCEPTED), ==, "accepted");
}

/* What an entity, a relation and a statement share, read through one call for any of them. */
static void
test_item_accessors (void)
{
  g_autoptr(AmDocument) document = test_documents_load_json (small_model, "small.json");
  AmEntity *biden = am_document_lookup_entity (document, "biden");
  AmRelation *met = am_document_lookup_relation (document, "r-met");
  AmStatement *no = am_document_lookup_statement (document, "s-no");

  g_assert_cmpstr (am_document_item_get_id (biden), ==, "biden");
  g_assert_cmpstr (am_document_item_get_id (met), ==, "r-met");
  g_assert_cmpstr (am_document_item_get_id (no), ==, "s-no");

  g_assert_cmpint (am_document_item_get_status (biden), ==, AM_STATUS_ACCEPTED);
  g_assert_cmpint (am_document_item_get_status (met), ==, AM_STATUS_SUGGESTED);
  g_assert_cmpint (am_document_item_get_status (no), ==, AM_STATUS_SUGGESTED);

  g_assert_true (am_document_item_get_evidence (biden) == am_entity_get_evidence (biden));
  g_assert_true (am_document_item_get_evidence (met) == am_relation_get_evidence (met));
  g_assert_true (am_document_item_get_evidence (no) == am_statement_get_evidence (no));
}

static void
test_copy_with (void)
{
  g_autoptr(AmDocument) document = test_documents_load_json (small_model, "small.json");
  AmEntity *moon = am_document_lookup_entity (document, "moon");
  g_autoptr(AmEntity) renamed = NULL;
  g_autoptr(AmEntity) state = NULL;
  g_autoptr(AmEntity) pinned = NULL;
  g_autoptr(AmEntity) summit = NULL;
  g_autoptr(AmEntity) summit_pinned = NULL;
  g_autoptr(AmStatement) accepted = NULL;
  const char *aliases[] = { "President Moon", NULL };
  double x, y;

  renamed = am_object_copy_with (moon, "name", "Moon Jae-in", "aliases", aliases, NULL);
  g_assert_true (renamed != moon);
  g_assert_cmpstr (am_entity_get_name (renamed), ==, "Moon Jae-in");
  g_assert_cmpstr (am_entity_get_id (renamed), ==, "moon");
  g_assert_cmpint (am_entity_get_status (renamed), ==, AM_STATUS_SUGGESTED);
  g_assert_cmpstr (am_entity_get_aliases (renamed)[0], ==, "President Moon");
  g_assert_cmpuint (am_entity_get_evidence (renamed)->len, ==, 1);
  /* The containers are the copy's own. */
  g_assert_true (am_entity_get_evidence (renamed) != am_entity_get_evidence (moon));
  g_assert_cmpstr (am_entity_get_name (moon), ==, "Moon");

  /* A new kind takes its own word, not the old one. */
  state = am_object_copy_with (moon, "kind", AM_ENTITY_KIND_STATE, NULL);
  g_assert_cmpint (am_entity_get_kind (state), ==, AM_ENTITY_KIND_STATE);
  g_assert_cmpstr (am_entity_get_kind_name (state), ==, "state");

  /* An entity of a kind Actormap does not know keeps its word through a copy (it
   * came back as "other" when an actor imported from GEXF was dragged). */
  summit = g_object_new (AM_TYPE_ENTITY, "id", "hanoi-summit", "name", "Hanoi summit",
                         "kind-name", "summit", NULL);
  g_assert_cmpint (am_entity_get_kind (summit), ==, AM_ENTITY_KIND_OTHER);
  summit_pinned = am_object_copy_with (summit, "x", 1.0, "y", 2.0, NULL);
  g_assert_cmpint (am_entity_get_kind (summit_pinned), ==, AM_ENTITY_KIND_OTHER);
  g_assert_cmpstr (am_entity_get_kind_name (summit_pinned), ==, "summit");

  /* x and y alone pin the copy. */
  pinned = am_object_copy_with (moon, "x", 3.0, "y", 4.0, NULL);
  g_assert_true (am_entity_get_position (pinned, &x, &y));
  g_assert_cmpfloat (x, ==, 3.0);
  g_assert_cmpfloat (y, ==, 4.0);

  accepted = am_object_copy_with (am_document_lookup_statement (document, "s-no"),
                                  "status", AM_STATUS_ACCEPTED, NULL);
  g_assert_cmpint (am_statement_get_status (accepted), ==, AM_STATUS_ACCEPTED);
  g_assert_cmpstr (am_statement_get_speaker (accepted), ==, "moon");
  g_assert_cmpstr (am_statement_get_text (accepted), ==, "no");
}

static void
test_builder_edit (void)
{
  g_autoptr(AmDocument) document = test_documents_load_json (small_model, "small.json");
  g_autoptr(AmDocumentBuilder) builder = am_document_builder_new_from_document (document);
  g_autoptr(AmDocument) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmEntity) renamed = NULL;
  g_autoptr(AmRelation) relation = NULL;
  g_autofree char *id = NULL;
  const char * const paragraphs[] = { "A", NULL };

  g_assert_cmpuint (am_document_builder_get_n_items (builder, AM_TYPE_ENTITY), ==, 3);
  g_assert_cmpuint (am_document_builder_get_n_items (builder, AM_TYPE_RELATION), ==, 1);
  g_assert_cmpuint (am_document_builder_get_n_items (builder, AM_TYPE_STATEMENT), ==, 1);
  g_assert_true (am_document_builder_lookup (builder, "moon") ==
                 am_document_lookup_entity (document, "moon"));
  g_assert_null (am_document_builder_lookup (builder, "nobody"));

  /* Replace where it stands. */
  renamed = am_object_copy_with (am_document_builder_lookup (builder, "moon"),
                                 "name", "Moon Jae-in", NULL);
  am_document_builder_put (builder, renamed);
  g_assert_true (am_document_builder_get_item (builder, AM_TYPE_ENTITY, 1) == (gpointer) renamed);
  g_assert_cmpuint (am_document_builder_get_n_items (builder, AM_TYPE_ENTITY), ==, 3);

  /* make_id: prefix + slug, then a number when taken. */
  id = am_document_builder_make_id (builder, "r-", "Joe Biden");
  g_assert_cmpstr (id, ==, "r-joe-biden");
  relation = g_object_new (AM_TYPE_RELATION, "id", id, "source", "kr", "target", "biden",
                           "label", "hosts", NULL);
  am_document_builder_put (builder, relation);
  g_assert_cmpuint (am_document_builder_get_n_items (builder, AM_TYPE_RELATION), ==, 2);
  {
    g_autofree char *next = am_document_builder_make_id (builder, "r-", "Joe  Biden!");
    g_autofree char *accented = am_document_builder_make_id (builder, "e-", "Mariela Ortúzar");
    g_autofree char *empty = am_document_builder_make_id (builder, "", "!!");
    g_autofree char *taken = am_document_builder_make_id (builder, "", "Moon");

    g_assert_cmpstr (next, ==, "r-joe-biden-2");
    g_assert_cmpstr (accented, ==, "e-mariela-ortuzar");
    g_assert_cmpstr (empty, ==, "item");
    g_assert_cmpstr (taken, ==, "moon-2");
  }

  /* Remove: only that item. */
  g_assert_true (am_document_builder_remove (builder, "s-no"));
  g_assert_false (am_document_builder_remove (builder, "s-no"));
  g_assert_cmpuint (am_document_builder_get_n_items (builder, AM_TYPE_STATEMENT), ==, 0);

  am_document_builder_set_article_field (builder, AM_ARTICLE_FIELD_PUBLISHER, "Yonhap");
  edited = am_document_builder_build (builder, "edited.json", &error);
  g_assert_no_error (error);

  /* The old document has not changed; the new one shares what was not touched. */
  g_assert_cmpstr (am_entity_get_name (am_document_lookup_entity (document, "moon")), ==, "Moon");
  g_assert_nonnull (am_document_lookup_statement (document, "s-no"));
  g_assert_null (am_document_get_publisher (document));
  g_assert_cmpstr (am_document_get_publisher (edited), ==, "Yonhap");
  g_assert_cmpstr (am_document_get_title (edited), ==, "T");
  g_assert_true (am_document_lookup_entity (edited, "biden") ==
                 am_document_lookup_entity (document, "biden"));
  g_assert_cmpstr (am_entity_get_name (am_document_lookup_entity (edited, "moon")), ==,
                   "Moon Jae-in");
  g_assert_null (am_document_lookup_statement (edited, "s-no"));
  {
    g_autoptr(GPtrArray) of_kr = am_document_relations_of (edited, "kr");

    g_assert_cmpuint (of_kr->len, ==, 1);
  }
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_relations (edited)), ==, 2);

  /* An item of another type under a taken id replaces it too. */
  {
    g_autoptr(AmStatement) statement =
      g_object_new (AM_TYPE_STATEMENT, "id", "r-met", "speaker", "kr", "text", "x", NULL);

    am_document_builder_put (builder, statement);
    g_assert_cmpuint (am_document_builder_get_n_items (builder, AM_TYPE_RELATION), ==, 1);
    g_assert_cmpuint (am_document_builder_get_n_items (builder, AM_TYPE_STATEMENT), ==, 1);
    g_assert_true (am_document_builder_lookup (builder, "r-met") == (gpointer) statement);
  }

  /* Paragraphs: evidence that is no longer in the article fails the build. */
  am_document_builder_set_paragraphs (builder, paragraphs);
  g_assert_null (am_document_builder_build (builder, "edited.json", &error));
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_EVIDENCE_RANGE);
  g_assert_cmpstr (error->message, ==,
                   "edited.json: entities[1] (moon): evidence[0]: paragraph 1 is out of range "
                   "(the article has 1 paragraph)");
}

static void
test_builder_evidence_offset (void)
{
  g_autoptr(AmDocumentBuilder) builder = am_document_builder_new ();
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) am_evidence_unref);
  g_autoptr(AmEntity) entity = NULL;
  const char * const paragraphs[] = { "Moon said no, and Moon left.", NULL };
  AmEvidence *ev;

  am_document_builder_set_paragraphs (builder, paragraphs);
  g_ptr_array_add (evidence, am_evidence_new (0, "Moon", -1));
  g_ptr_array_add (evidence, am_evidence_new (0, "left", 23));
  entity = g_object_new (AM_TYPE_ENTITY, "id", "moon", "name", "Moon", "kind", AM_ENTITY_KIND_PERSON,
                         "evidence", evidence, NULL);
  am_document_builder_put (builder, entity);

  document = am_document_builder_build (builder, NULL, &error);
  g_assert_no_error (error);
  ev = g_ptr_array_index (am_entity_get_evidence (am_document_lookup_entity (document, "moon")), 0);
  g_assert_cmpint (am_evidence_get_offset (ev), ==, 0);
  ev = g_ptr_array_index (am_entity_get_evidence (am_document_lookup_entity (document, "moon")), 1);
  g_assert_cmpint (am_evidence_get_offset (ev), ==, 23);
  g_assert_cmpint (am_document_get_origin (document), ==, AM_DOCUMENT_ORIGIN_MODEL);
}

typedef struct
{
  const char   *what;
  AmModelError  code;
  const char   *message;
} BuildError;

/* Each case puts one bad item into a builder made from the small model. */
static void
test_builder_errors (void)
{
  const BuildError cases[] = {
    /* Ids cannot be duplicated through put(): a relation put under an entity's id
     * replaces the entity, and what referred to it no longer does. */
    { "replaces-entity", AM_MODEL_ERROR_UNKNOWN_REFERENCE,
      "b.json: relations[0] (r-met): 'target' refers to unknown entity 'moon'" },
    { "empty-id", AM_MODEL_ERROR_INVALID_VALUE, "b.json: relations[1]: 'id' is empty" },
    { "unknown-target", AM_MODEL_ERROR_UNKNOWN_REFERENCE,
      "b.json: relations[1] (r2): 'target' refers to unknown entity 'e99'" },
    { "target-is-relation", AM_MODEL_ERROR_UNKNOWN_REFERENCE,
      "b.json: relations[1] (r2): 'target' refers to unknown entity 'r-met' (that id is relations[0], not an entity)" },
    { "bad-date", AM_MODEL_ERROR_INVALID_VALUE,
      "b.json: relations[1] (r2): date: '2021-02-30' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)" },
    { "evidence-mismatch", AM_MODEL_ERROR_EVIDENCE_MISMATCH,
      "b.json: relations[1] (r2): evidence[0]: text \"Moon met\" not found verbatim in paragraph 0" },
    { "empty-name", AM_MODEL_ERROR_INVALID_VALUE, "b.json: entities[3] (e-x): 'name' is empty" },
    { "statement-about", AM_MODEL_ERROR_UNKNOWN_REFERENCE,
      "b.json: statements[1] (s2): 'about[1]' refers to unknown entity 'nobody'" },
    { "bad-title", AM_MODEL_ERROR_NOT_UTF8, "b.json: article: title is not valid UTF-8" },
    { "empty-evidence", AM_MODEL_ERROR_INVALID_VALUE,
      "b.json: statements[1] (s2): evidence[0]: 'text' is empty" },
    { "bad-url", AM_MODEL_ERROR_INVALID_VALUE,
      "b.json: article: url: 'file:///etc/passwd' is not an absolute http or https URL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AmDocument) document = test_documents_load_json (small_model, "small.json");
      g_autoptr(AmDocumentBuilder) builder = am_document_builder_new_from_document (document);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) am_evidence_unref);
      const char *what = cases[i].what;
      const char *about[] = { "kr", "nobody", NULL };
      gpointer item = NULL;

      g_test_message ("case %s", what);
      g_ptr_array_add (evidence, am_evidence_new (0, "Moon met", -1));

      if (g_str_equal (what, "replaces-entity"))
        item = g_object_new (AM_TYPE_RELATION, "id", "moon", "source", "kr", "target", "kr", NULL);
      else if (g_str_equal (what, "empty-id"))
        item = g_object_new (AM_TYPE_RELATION, "source", "kr", "target", "kr", NULL);
      else if (g_str_equal (what, "unknown-target"))
        item = g_object_new (AM_TYPE_RELATION, "id", "r2", "source", "kr", "target", "e99", NULL);
      else if (g_str_equal (what, "target-is-relation"))
        item = g_object_new (AM_TYPE_RELATION, "id", "r2", "source", "kr", "target", "r-met", NULL);
      else if (g_str_equal (what, "bad-date"))
        item = g_object_new (AM_TYPE_RELATION, "id", "r2", "source", "kr", "target", "kr",
                             "date", "2021-02-30", NULL);
      else if (g_str_equal (what, "evidence-mismatch"))
        item = g_object_new (AM_TYPE_RELATION, "id", "r2", "source", "kr", "target", "kr",
                             "evidence", evidence, NULL);
      else if (g_str_equal (what, "empty-name"))
        item = g_object_new (AM_TYPE_ENTITY, "id", "e-x", "kind-name", "person", NULL);
      else if (g_str_equal (what, "statement-about"))
        item = g_object_new (AM_TYPE_STATEMENT, "id", "s2", "speaker", "kr", "text", "t",
                             "about", about, NULL);
      else if (g_str_equal (what, "bad-title"))
        am_document_builder_set_article_field (builder, AM_ARTICLE_FIELD_TITLE, "caf\xe9");
      else if (g_str_equal (what, "empty-evidence"))
        {
          g_ptr_array_set_size (evidence, 0);
          g_ptr_array_add (evidence, am_evidence_new (0, "", -1));
          item = g_object_new (AM_TYPE_STATEMENT, "id", "s2", "speaker", "kr", "text", "t",
                               "evidence", evidence, NULL);
        }
      else if (g_str_equal (what, "bad-url"))
        am_document_builder_set_article_field (builder, AM_ARTICLE_FIELD_URL, "file:///etc/passwd");
      else
        g_assert_not_reached ();

      if (item != NULL)
        {
          am_document_builder_put (builder, item);
          g_object_unref (item);
        }

      g_assert_null (am_document_builder_build (builder, "b.json", &error));
      g_assert_error (error, AM_MODEL_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/status-and-position", test_status_and_position_load);
  g_test_add_func ("/model/item-accessors", test_item_accessors);
  g_test_add_func ("/model/copy-with", test_copy_with);
  g_test_add_func ("/builder/edit", test_builder_edit);
  g_test_add_func ("/builder/evidence-offset", test_builder_evidence_offset);
  g_test_add_func ("/builder/errors", test_builder_errors);

  return g_test_run ();
}
