/* test-evidence-index.c — from a place in the article to what it supports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-evidence-index.h"
#include "am-item.h"
#include "test-documents.h"

/* Paragraph 0 has three nested sentences ending at "Gamma"; paragraph 1 quotes a
 * statement whose evidence is given twice. */
static const char model_json[] =
  "{ \"format\": \"actormap\", \"version\": 1,"
  "  \"article\": { \"title\": \"T\", \"paragraphs\": ["
  "    \"Alpha met Beta in Gamma. Nothing here.\","
  "    \"Beta said: we will talk. Alpha agreed.\" ] },"
  "  \"entities\": ["
  "    { \"id\": \"alpha\", \"name\": \"Alpha\", \"kind\": \"person\", \"evidence\": ["
  "      { \"paragraph\": 0, \"text\": \"Alpha met Beta in Gamma\" },"
  "      { \"paragraph\": 1, \"text\": \"Alpha agreed\" } ] },"
  "    { \"id\": \"beta\", \"name\": \"Beta\", \"kind\": \"person\", \"evidence\": ["
  "      { \"paragraph\": 0, \"text\": \"Alpha met Beta in Gamma\" } ] },"
  "    { \"id\": \"gamma\", \"name\": \"Gamma\", \"kind\": \"place\", \"evidence\": ["
  "      { \"paragraph\": 0, \"text\": \"Gamma\" } ] },"
  "    { \"id\": \"silent\", \"name\": \"Silent\", \"kind\": \"person\" } ],"
  "  \"relations\": ["
  "    { \"id\": \"r-meet\", \"source\": \"alpha\", \"target\": \"beta\","
  "      \"label\": \"meets\", \"evidence\": ["
  "      { \"paragraph\": 0, \"text\": \"Alpha met Beta in Gamma\" } ] },"
  "    { \"id\": \"r-in\", \"source\": \"alpha\", \"target\": \"gamma\","
  "      \"label\": \"in\", \"evidence\": ["
  "      { \"paragraph\": 0, \"text\": \"met Beta in Gamma\" } ] } ],"
  "  \"statements\": ["
  "    { \"id\": \"s-talk\", \"speaker\": \"beta\", \"text\": \"we will talk\","
  "      \"evidence\": ["
  "        { \"paragraph\": 1, \"text\": \"Beta said: we will talk\" },"
  "        { \"paragraph\": 1, \"text\": \"Beta said: we will talk\" } ] } ] }";

static void
assert_items (char       **found,
              const char  *expected)
{
  g_autofree char *joined = g_strjoinv (" ", found);

  g_assert_cmpstr (joined, ==, expected);
  g_strfreev (found);
}

static void
test_spans (void)
{
  g_autoptr(AmDocument) document = test_documents_load_json (model_json, "model.json");
  g_autoptr(AmEvidenceIndex) index = am_evidence_index_new (document);
  const AmEvidenceSpan *spans;
  guint n;

  g_assert_true (am_evidence_index_get_document (index) == document);

  /* Each sentence once however many items it supports, sorted by place. */
  spans = am_evidence_index_get_spans (index, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (spans[0].paragraph, ==, 0);
  g_assert_cmpuint (spans[0].start, ==, 0);
  g_assert_cmpuint (spans[0].end, ==, strlen ("Alpha met Beta in Gamma"));
  g_assert_cmpuint (spans[1].paragraph, ==, 0);
  g_assert_cmpuint (spans[1].start, ==, strlen ("Alpha "));
  g_assert_cmpuint (spans[1].end, ==, strlen ("Alpha met Beta in Gamma"));
  g_assert_cmpuint (spans[2].start, ==, strlen ("Alpha met Beta in "));
  g_assert_cmpuint (spans[2].end, ==, strlen ("Alpha met Beta in Gamma"));
  g_assert_cmpuint (spans[3].paragraph, ==, 1);
  g_assert_cmpuint (spans[3].start, ==, 0);
  g_assert_cmpuint (spans[3].end, ==, strlen ("Beta said: we will talk"));
  g_assert_cmpuint (spans[4].paragraph, ==, 1);
  g_assert_cmpuint (spans[4].start, ==, strlen ("Beta said: we will talk. "));
}

static void
test_items_at (void)
{
  g_autoptr(AmDocument) document = test_documents_load_json (model_json, "model.json");
  g_autoptr(AmEvidenceIndex) index = am_evidence_index_new (document);
  gsize gamma = strlen ("Alpha met Beta in ");
  gsize end = strlen ("Alpha met Beta in Gamma");

  /* Relations before actors, each group in file order. */
  assert_items (am_evidence_index_items_at (index, 0, 0), "r-meet alpha beta");
  /* Inside three nested sentences: everything they support, each once. */
  assert_items (am_evidence_index_items_at (index, 0, gamma + 1),
                "r-meet r-in alpha beta gamma");
  assert_items (am_evidence_index_items_at (index, 0, end - 1),
                "r-meet r-in alpha beta gamma");
  /* A sentence ends before its end offset. */
  assert_items (am_evidence_index_items_at (index, 0, end), "");
  /* Statements first; evidence given twice names the statement once. */
  assert_items (am_evidence_index_items_at (index, 1, 3), "s-talk");
  assert_items (am_evidence_index_items_at (index, 1, strlen ("Beta said: we will talk. A")),
                "alpha");
  /* Out of range: nothing, never a crash. */
  assert_items (am_evidence_index_items_at (index, 0, G_MAXSIZE), "");
  assert_items (am_evidence_index_items_at (index, 2, 0), "");
  assert_items (am_evidence_index_items_at (index, G_MAXUINT, 0), "");
}

static void
test_span_at (void)
{
  g_autoptr(AmDocument) document = test_documents_load_json (model_json, "model.json");
  g_autoptr(AmEvidenceIndex) index = am_evidence_index_new (document);
  gsize gamma = strlen ("Alpha met Beta in ");
  const AmEvidenceSpan *span;

  /* The shortest sentence around a byte is the most specific one. */
  span = am_evidence_index_span_at (index, 0, gamma + 2);
  g_assert_nonnull (span);
  g_assert_cmpuint (span->start, ==, gamma);
  span = am_evidence_index_span_at (index, 0, strlen ("Alpha m"));
  g_assert_nonnull (span);
  g_assert_cmpuint (span->start, ==, strlen ("Alpha "));
  span = am_evidence_index_span_at (index, 0, 1);
  g_assert_nonnull (span);
  g_assert_cmpuint (span->start, ==, 0);

  g_assert_null (am_evidence_index_span_at (index, 0, strlen ("Alpha met Beta in Gamma. No")));
  g_assert_null (am_evidence_index_span_at (index, 5, 0));
  g_assert_null (am_evidence_index_span_at (index, G_MAXUINT, 0));
}

/* An imported graph has no article: evidence without a place is not indexed. */
static void
test_no_article (void)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmEvidenceIndex) index = NULL;
  guint n = 99;

  evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) am_evidence_unref);
  g_ptr_array_add (evidence, am_evidence_new (0, "somewhere", -1));
  g_ptr_array_add (evidence, am_evidence_new (0, "elsewhere", 4));
  g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", "a", "name", "A",
                                           "evidence", evidence, NULL));
  document = am_document_new_from_objects ("G", entities, relations, &error);
  g_assert_no_error (error);

  index = am_evidence_index_new (document);
  am_evidence_index_get_spans (index, &n);
  g_assert_cmpuint (n, ==, 0);
  assert_items (am_evidence_index_items_at (index, 0, 0), "");
  assert_items (am_evidence_index_items_at (index, 0, 5), "");
  g_assert_null (am_evidence_index_span_at (index, 0, 5));
}

/* The index holds its document: a session may drop the document before the index. */
static void
test_lifetime (void)
{
  AmDocument *document = test_documents_load_json (model_json, "model.json");
  AmEvidenceIndex *index = am_evidence_index_new (document);
  AmEvidenceIndex *copy;

  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);

  copy = g_boxed_copy (AM_TYPE_EVIDENCE_INDEX, index);
  g_assert_true (copy == index);
  g_boxed_free (AM_TYPE_EVIDENCE_INDEX, copy);

  g_object_unref (document);
  g_assert_nonnull (document);
  g_assert_cmpuint (am_document_get_n_paragraphs (am_evidence_index_get_document (index)), ==, 2);

  am_evidence_index_unref (index);
  g_assert_null (document);
}

/* The bundled article, byte by byte: the index finds what the document's own linear
 * search finds, in click order. */
static void
test_matches_document (void)
{
  const char *name = "north-korea-ignores-us-dialogue-offer.json";
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) document = am_document_load_from_file (file, NULL, &error);
  g_autoptr(AmEvidenceIndex) index = NULL;
  const char * const *paragraphs;
  guint checked = 0;

  g_assert_no_error (error);
  index = am_evidence_index_new (document);
  paragraphs = am_document_get_paragraphs (document);

  for (guint p = 0; paragraphs[p] != NULL; p++)
    for (gsize offset = 0; paragraphs[p][offset] != '\0'; offset++)
      {
        g_auto(GStrv) found = am_evidence_index_items_at (index, p, offset);
        g_auto(GStrv) linear = am_document_find_by_evidence (document, p, offset);
        g_autoptr(GPtrArray) expected = g_ptr_array_new ();

        /* The document lists actors, relations, statements: reverse the groups. */
        for (AmItemType type = AM_ITEM_STATEMENT; type >= AM_ITEM_ENTITY; type--)
          for (guint i = 0; linear[i] != NULL; i++)
            {
              gboolean is_type;

              switch (type)
                {
                case AM_ITEM_STATEMENT:
                  is_type = am_document_lookup_statement (document, linear[i]) != NULL;
                  break;
                case AM_ITEM_RELATION:
                  is_type = am_document_lookup_relation (document, linear[i]) != NULL;
                  break;
                case AM_ITEM_ENTITY:
                case AM_ITEM_NONE:
                default:
                  is_type = am_document_lookup_entity (document, linear[i]) != NULL;
                  break;
                }
              if (is_type)
                g_ptr_array_add (expected, linear[i]);
            }

        g_assert_cmpuint (g_strv_length (found), ==, expected->len);
        for (guint i = 0; i < expected->len; i++)
          g_assert_cmpstr (found[i], ==, g_ptr_array_index (expected, i));

        if (expected->len > 0)
          checked++;
        /* A byte that supports something lies in a marked sentence. */
        g_assert_true ((expected->len > 0)
                       == (am_evidence_index_span_at (index, p, offset) != NULL));
      }

  /* The article really is evidence-rich: the loop did check something. */
  g_assert_cmpuint (checked, >, 500);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/EvidenceIndex/spans", test_spans);
  g_test_add_func ("/Actormap/EvidenceIndex/items-at", test_items_at);
  g_test_add_func ("/Actormap/EvidenceIndex/span-at", test_span_at);
  g_test_add_func ("/Actormap/EvidenceIndex/no-article", test_no_article);
  g_test_add_func ("/Actormap/EvidenceIndex/lifetime", test_lifetime);
  g_test_add_func ("/Actormap/EvidenceIndex/matches-document", test_matches_document);

  return g_test_run ();
}
