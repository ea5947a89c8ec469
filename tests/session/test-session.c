/* test-session.c — the session without a display: selection, search, derived state,
 * loading and its errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "am-session.h"
#include "session-fixtures.h"


/* Items are built on a worker thread: iterate until they are there. */
static void
wait_for_items (AmSession *session,
                guint      n)
{
  GListModel *items = am_session_get_items (session);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (items) != n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n);
}

static guint
n_article_items (AmDocument *document)
{
  return g_list_model_get_n_items (am_document_get_entities (document))
         + g_list_model_get_n_items (am_document_get_relations (document))
         + g_list_model_get_n_items (am_document_get_statements (document));
}

/* A session with the article open and its items built; the layout is cancelled, since
 * these tests are about state, not about Graphviz. */
static AmSession *
session_with_article (AmDocument **out_document)
{
  g_autoptr(AmDocument) document = session_fixture_load_article ();
  AmSession *session = am_session_new ();

  am_session_set_document (session, document, NULL);
  am_session_cancel (session);
  wait_for_items (session, n_article_items (document));

  if (out_document != NULL)
    *out_document = g_steal_pointer (&document);
  return session;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_reveal (AmSession         *session,
              const char        *id,
              AmSelectionOrigin  origin,
              guint             *count)
{
  g_assert_nonnull (id);
  g_assert_cmpstr (id, ==, am_session_get_selection (session));
  g_assert_cmpint (origin, ==, am_session_get_selection_origin (session));
  (*count)++;
}

static void
test_session_defaults (void)
{
  g_autoptr(AmSession) session = am_session_new ();

  g_assert_null (am_session_get_document (session));
  g_assert_null (am_session_get_scene (session));
  g_assert_null (am_session_get_selection (session));
  g_assert_null (am_session_get_highlight (session));
  g_assert_cmpstr (am_session_get_engine (session), ==, "auto");
  g_assert_cmpstr (am_session_get_search_text (session), ==, "");
  g_assert_false (am_session_get_searching (session));
  g_assert_false (am_session_get_busy (session));
  g_assert_cmpuint (g_list_model_get_n_items (am_session_get_items (session)), ==, 0);
  g_assert_cmpuint (am_session_get_timeout_seconds (session), ==, AM_LAYOUT_DEFAULT_TIMEOUT_SECONDS);
}

static void
test_session_items (void)
{
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmSession) session = session_with_article (&document);
  GListModel *items = am_session_get_items (session);
  guint n_entities = g_list_model_get_n_items (am_document_get_entities (document));
  guint n_relations = g_list_model_get_n_items (am_document_get_relations (document));
  g_autoptr(AmItem) first = g_list_model_get_item (items, 0);
  g_autoptr(AmItem) last_entity = g_list_model_get_item (items, n_entities - 1);
  g_autoptr(AmItem) first_relation = g_list_model_get_item (items, n_entities);
  g_autoptr(AmItem) first_statement = g_list_model_get_item (items, n_entities + n_relations);

  /* Actors by kind (states first), then relations, then statements. */
  g_assert_cmpint (am_item_get_item_type (first), ==, AM_ITEM_ENTITY);
  g_assert_cmpstr (am_item_get_group (first), ==, "States");
  g_assert_cmpstr (am_item_get_kind_css (first), ==, "state");
  g_assert_cmpint (am_item_get_item_type (last_entity), ==, AM_ITEM_ENTITY);
  g_assert_cmpint (am_item_get_item_type (first_relation), ==, AM_ITEM_RELATION);
  g_assert_cmpstr (am_item_get_group (first_relation), ==, "Relations");
  g_assert_cmpint (am_item_get_item_type (first_statement), ==, AM_ITEM_STATEMENT);
  /* A relation lights up itself and both ends; a statement its speaker. */
  g_assert_cmpuint (g_strv_length ((GStrv) am_item_get_map_ids (first_relation)), ==, 3);
  g_assert_cmpuint (g_strv_length ((GStrv) am_item_get_map_ids (first_statement)), ==, 1);

  /* Positions follow the list order; unknown ids have none. */
  g_assert_cmpuint (am_session_get_item_position (session, am_item_get_id (first)), ==, 0);
  g_assert_cmpuint (am_session_get_item_position (session, am_item_get_id (first_relation)), ==, n_entities);
  g_assert_cmpuint (am_session_get_item_position (session, am_item_get_id (first_statement)), ==,
                    n_entities + n_relations);
  g_assert_cmpuint (am_session_get_item_position (session, "no-such-id"), ==, G_MAXUINT);
  g_assert_cmpuint (am_session_get_item_position (session, NULL), ==, G_MAXUINT);

  /* Without a search the list is the actors. */
  g_assert_true (am_session_item_matches (session, am_item_get_id (first)));
  g_assert_false (am_session_item_matches (session, am_item_get_id (first_relation)));
  g_assert_false (am_session_item_matches (session, "no-such-id"));
}

static void
test_session_select (void)
{
  g_autoptr(AmSession) session = session_with_article (NULL);
  guint selection_notified = 0;
  guint revealed = 0;
  GHashTable *highlight;

  g_signal_connect (session, "notify::selection", G_CALLBACK (count_notify), &selection_notified);
  g_signal_connect (session, "reveal", G_CALLBACK (count_reveal), &revealed);

  am_session_select (session, "kim-yo-jong", AM_SELECTION_ORIGIN_LIST);
  g_assert_cmpstr (am_session_get_selection (session), ==, "kim-yo-jong");
  g_assert_cmpint (am_session_get_selection_origin (session), ==, AM_SELECTION_ORIGIN_LIST);
  g_assert_cmpint (am_session_get_selection_type (session), ==, AM_ITEM_ENTITY);
  g_assert_cmpstr (am_session_get_map_selection (session), ==, "kim-yo-jong");
  g_assert_null (am_session_get_highlight (session));
  g_assert_cmpuint (selection_notified, ==, 1);
  g_assert_cmpuint (revealed, ==, 1);

  /* The same item chosen again is no change of state, but it is shown again: the map
   * flies back to it. */
  am_session_select (session, "kim-yo-jong", AM_SELECTION_ORIGIN_ARTICLE);
  g_assert_cmpuint (selection_notified, ==, 1);
  g_assert_cmpuint (revealed, ==, 2);
  g_assert_cmpint (am_session_get_selection_origin (session), ==, AM_SELECTION_ORIGIN_ARTICLE);

  /* A statement selects its speaker on the map and lights up everyone it involves. */
  am_session_select (session, "s-choe-no-contact", AM_SELECTION_ORIGIN_DETAILS);
  g_assert_cmpint (am_session_get_selection_type (session), ==, AM_ITEM_STATEMENT);
  g_assert_cmpstr (am_session_get_map_selection (session), ==, "choe-son-hui");
  highlight = am_session_get_highlight (session);
  g_assert_nonnull (highlight);
  /* Speaker, the two it is about, and the agency that reported it. */
  g_assert_cmpuint (g_hash_table_size (highlight), ==, 4);
  g_assert_true (g_hash_table_contains (highlight, "yonhap"));
  g_assert_true (g_hash_table_contains (highlight, "choe-son-hui"));
  g_assert_true (g_hash_table_contains (highlight, "us"));
  g_assert_true (g_hash_table_contains (highlight, "north-korea"));

  /* An id the document does not know clears, and so does "". */
  am_session_select (session, "no-such-id", AM_SELECTION_ORIGIN_MAP);
  g_assert_null (am_session_get_selection (session));
  g_assert_cmpint (am_session_get_selection_origin (session), ==, AM_SELECTION_ORIGIN_NONE);
  g_assert_null (am_session_get_highlight (session));

  am_session_select (session, "kim-yo-jong", AM_SELECTION_ORIGIN_MAP);
  am_session_select (session, "", AM_SELECTION_ORIGIN_MAP);
  g_assert_null (am_session_get_selection (session));

  /* Clearing what is already clear is no change, and reveals nothing. */
  selection_notified = 0;
  revealed = 0;
  am_session_select (session, NULL, AM_SELECTION_ORIGIN_NONE);
  g_assert_cmpuint (selection_notified, ==, 0);
  g_assert_cmpuint (revealed, ==, 0);
}

static void
test_session_search (void)
{
  g_autoptr(AmSession) session = session_with_article (NULL);
  guint highlight_notified = 0;
  GHashTable *highlight;
  const char *first;

  g_signal_connect (session, "notify::highlight", G_CALLBACK (count_notify), &highlight_notified);

  /* Case and accents do not matter; every word must occur. */
  am_session_set_search_text (session, "  GUNPOWDER ");
  g_assert_true (am_session_get_searching (session));
  g_assert_true (am_session_item_matches (session, "s-kim-yo-jong-warning"));
  g_assert_false (am_session_item_matches (session, "kim-yo-jong"));
  first = am_session_get_first_match (session);
  g_assert_cmpstr (first, ==, "s-kim-yo-jong-warning");
  /* The map lights up the statement's speaker. */
  highlight = am_session_get_highlight (session);
  g_assert_nonnull (highlight);
  g_assert_true (g_hash_table_contains (highlight, "kim-yo-jong"));
  g_assert_cmpuint (highlight_notified, ==, 1);

  /* Relations match on their ends' names and light up both ends. */
  am_session_set_search_text (session, "kim yo jong sister");
  g_assert_true (am_session_get_searching (session));
  highlight = am_session_get_highlight (session);
  g_assert_nonnull (highlight);
  g_assert_true (g_hash_table_contains (highlight, "kim-jong-un"));

  am_session_set_search_text (session, "zzzz nothing matches this");
  g_assert_true (am_session_get_searching (session));
  g_assert_null (am_session_get_first_match (session));
  g_assert_cmpuint (g_hash_table_size (am_session_get_highlight (session)), ==, 0);

  /* White space is no search: the list is the actors again, nothing is dimmed. */
  am_session_set_search_text (session, "   ");
  g_assert_false (am_session_get_searching (session));
  g_assert_null (am_session_get_highlight (session));
  g_assert_true (am_session_item_matches (session, "kim-yo-jong"));
}

static void
test_session_engine (void)
{
  g_autoptr(AmSession) session = am_session_new ();
  guint engine_notified = 0;

  g_signal_connect (session, "notify::engine", G_CALLBACK (count_notify), &engine_notified);

  am_session_set_engine (session, "dot");
  g_assert_cmpstr (am_session_get_engine (session), ==, "dot");
  g_assert_cmpstr (am_session_get_resolved_engine (session), ==, "dot");
  g_assert_cmpuint (engine_notified, ==, 1);

  /* Anything outside the allowlist is "auto". */
  am_session_set_engine (session, "osage");
  g_assert_cmpstr (am_session_get_engine (session), ==, "auto");
  g_assert_cmpuint (engine_notified, ==, 2);
  am_session_set_engine (session, NULL);
  g_assert_cmpuint (engine_notified, ==, 2);

  /* "Wait Longer" multiplies the limit, up to five minutes. */
  am_session_set_timeout_seconds (session, 15);
  am_session_relayout_longer (session);
  g_assert_cmpuint (am_session_get_timeout_seconds (session), ==, 60);
  am_session_relayout_longer (session);
  am_session_relayout_longer (session);
  g_assert_cmpuint (am_session_get_timeout_seconds (session), ==, 300);
}

static void
test_session_new_document_keeps_known_selection (void)
{
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmSession) session = session_with_article (&document);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) other = NULL;
  g_autofree char *path = session_fixture_source_path ("tests/data/core/minimal.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  am_session_select (session, "kim-yo-jong", AM_SELECTION_ORIGIN_LIST);

  /* A reload of the same story keeps the selection: it is an id. */
  {
    g_autoptr(AmDocument) again = session_fixture_load_article ();

    am_session_set_document (session, again, NULL);
    am_session_cancel (session);
    g_assert_cmpstr (am_session_get_selection (session), ==, "kim-yo-jong");
  }

  /* Another document that does not know the id clears it. */
  other = am_document_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  am_session_set_document (session, other, NULL);
  am_session_cancel (session);
  g_assert_null (am_session_get_selection (session));
  g_assert_true (am_session_get_document (session) == other);
  wait_for_items (session, n_article_items (other));
}

typedef struct
{
  GMainLoop *loop;
  GFile     *file;
  GError    *error;
} LoadFailed;

static void
load_failed_cb (AmSession  *session,
                GFile      *file,
                GError     *error,
                LoadFailed *data)
{
  data->file = g_object_ref (file);
  data->error = g_error_copy (error);
  g_main_loop_quit (data->loop);
}

static void
test_session_open_bad_file (void)
{
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmSession) session = session_with_article (&document);
  g_autofree char *dir = g_dir_make_tmp ("am-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "broken.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LoadFailed data = { g_main_loop_new (NULL, FALSE), NULL, NULL };

  g_assert_true (g_file_set_contents (path, "{ \"entities\": [", -1, NULL));
  g_signal_connect (session, "load-failed", G_CALLBACK (load_failed_cb), &data);

  am_session_open_file (session, file);
  g_assert_true (am_session_get_busy (session));
  g_assert_true (am_session_get_loading (session));
  g_assert_nonnull (strstr (am_session_get_busy_message (session), "broken.json"));
  g_main_loop_run (data.loop);

  /* The error names the file; the document on screen stays. */
  g_assert_true (g_file_equal (data.file, file));
  g_assert_nonnull (data.error);
  g_assert_nonnull (strstr (data.error->message, "broken.json"));
  g_assert_true (am_session_get_document (session) == document);
  g_assert_false (am_session_get_busy (session));

  g_main_loop_unref (data.loop);
  g_object_unref (data.file);
  g_error_free (data.error);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_session_open_cancelled (void)
{
  g_autoptr(AmSession) session = am_session_new ();
  g_autofree char *path = session_fixture_source_path (ARTICLE_MODEL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint64 deadline;

  am_session_open_file (session, file);
  g_assert_true (am_session_get_loading (session));
  am_session_cancel (session);
  g_assert_false (am_session_get_busy (session));

  /* A cancelled open never delivers its document. */
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (am_session_get_document (session));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/session/defaults", test_session_defaults);
  g_test_add_func ("/session/items", test_session_items);
  g_test_add_func ("/session/select", test_session_select);
  g_test_add_func ("/session/search", test_session_search);
  g_test_add_func ("/session/engine", test_session_engine);
  g_test_add_func ("/session/new-document", test_session_new_document_keeps_known_selection);
  g_test_add_func ("/session/open-bad-file", test_session_open_bad_file);
  g_test_add_func ("/session/open-cancelled", test_session_open_cancelled);

  return g_test_run ();
}
