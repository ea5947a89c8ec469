/* test-session-edit.c — edits as snapshots, undo and redo, the modified flag,
 * suggestions, saving and recovery, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "am-session.h"
#include "am-session-recovery.h"
#include "am-ui-util.h"
#include "session-fixtures.h"
#include "test-documents.h"
#include "test-files.h"
#include "test-result.h"
#include "test-scenes.h"

static char *state_dir;

/* A session with the bundled article and no layout: these tests are about the model. */
static AmSession *
session_with_article (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  AmSession *session = am_session_new ();

  am_session_set_document (session, document, NULL);
  am_session_cancel (session);
  return session;
}

static char *
document_json (AmDocument *document)
{
  g_autoptr(GBytes) bytes = am_document_to_json (document, AM_JSON_INCLUDE_SUGGESTED);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
session_json (AmSession *session)
{
  return document_json (am_session_get_document (session));
}

static AmEvidence *
evidence_in (guint       paragraph,
             const char *text)
{
  return am_evidence_new (paragraph, text, -1);
}

static gboolean
strv_has (const char * const *strv,
          const char         *value)
{
  return strv != NULL && g_strv_contains (strv, value);
}

/* Every kind of edit, undone and redone: the document is byte for byte what it was. */

typedef gboolean (*EditFunc) (AmSession *session, GError **error);

static gboolean
edit_add_actor (AmSession *session, GError **error)
{
  g_autoptr(AmEvidence) evidence = evidence_in (2, "A senior North Korean official");
  g_autofree char *id = am_session_add_actor (session, "Senior official", AM_ENTITY_KIND_PERSON,
                                              evidence, error);

  if (id != NULL)
    g_assert_nonnull (am_document_lookup_entity (am_session_get_document (session), id));
  return id != NULL;
}

static gboolean
edit_add_alias (AmSession *session, GError **error)
{
  g_autoptr(AmEvidence) evidence = evidence_in (1, "Washington");

  return am_session_add_alias (session, "us", "The Americans", evidence, error);
}

static gboolean
edit_add_relation (AmSession *session, GError **error)
{
  g_autoptr(AmEvidence) evidence = evidence_in (1, "North Korea will ignore any attempt to contact the United States");
  g_autofree char *id = am_session_add_relation (session, "north-korea", "joe-biden", "ignores", "stance",
                                                 TRUE, evidence, error);
  return id != NULL;
}

static gboolean
edit_add_statement (AmSession *session, GError **error)
{
  g_autofree char *id = am_session_add_statement (session, "joe-biden", "We are ready to talk.", TRUE,
                                                  NULL, error);
  return id != NULL;
}

static gboolean
edit_add_evidence (AmSession *session, GError **error)
{
  g_autoptr(AmEvidence) evidence = evidence_in (3, "No contact or dialogue between the United States and North Korea");

  return am_session_add_evidence (session, "r-north-korea-ignores-us", evidence, error);
}

static gboolean
edit_set_name (AmSession *session, GError **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "DPRK");
  return am_session_set_item_property (session, "north-korea", "name", &value, error);
}

static gboolean
edit_set_kind (AmSession *session, GError **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "organization");
  return am_session_set_item_property (session, "seoul", "kind", &value, error);
}

static gboolean
edit_set_relation_type (AmSession *session, GError **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "conflict");
  return am_session_set_item_property (session, "r-north-korea-ignores-us", "type", &value, error);
}

static gboolean
edit_set_directed (AmSession *session, GError **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, FALSE);
  return am_session_set_item_property (session, "r-north-korea-ignores-us", "directed", &value, error);
}

static gboolean
edit_set_about (AmSession *session, GError **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *about[] = { "us", "china", NULL };

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, about);
  return am_session_set_item_property (session, "s-choe-ignore", "about", &value, error);
}

static gboolean
edit_delete_actor (AmSession *session, GError **error)
{
  return am_session_delete (session, "north-korea", error);
}

static gboolean
edit_delete_statement (AmSession *session, GError **error)
{
  return am_session_delete (session, "s-choe-ignore", error);
}

static gboolean
edit_merge (AmSession *session, GError **error)
{
  return am_session_merge (session, "us", "us-administration", error);
}

static gboolean
edit_move (AmSession *session, GError **error)
{
  return am_session_move_actor (session, "china", 120.5, 48.0, error);
}

static const struct
{
  const char *name;
  EditFunc    func;
  const char *label;
} edits[] = {
  { "add-actor", edit_add_actor, "New Actor" },
  { "add-alias", edit_add_alias, "Add Alias" },
  { "add-relation", edit_add_relation, "New Relation" },
  { "add-statement", edit_add_statement, "New Statement" },
  { "add-evidence", edit_add_evidence, "Add Evidence" },
  { "set-name", edit_set_name, "Edit Actor" },
  { "set-kind", edit_set_kind, "Edit Actor" },
  { "set-relation-type", edit_set_relation_type, "Edit Relation" },
  { "set-directed", edit_set_directed, "Edit Relation" },
  { "set-about", edit_set_about, "Edit Statement" },
  { "delete-actor", edit_delete_actor, "Delete Actor" },
  { "delete-statement", edit_delete_statement, "Delete Statement" },
  { "merge", edit_merge, "Merge Actors" },
  { "move", edit_move, "Move Actor" },
};

static void
test_edit_undo_redo (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);
  g_autoptr(AmSession) session = session_with_article ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = session_json (session);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  AmDocument *before_document = am_session_get_document (session);

  g_assert_false (am_session_get_can_undo (session));
  g_assert_true (edits[index].func (session, &error));
  g_assert_no_error (error);

  /* A new snapshot; the old one is untouched. */
  g_assert_true (am_session_get_document (session) != before_document);
  after = session_json (session);
  g_assert_cmpstr (after, !=, before);
  g_assert_true (am_session_get_can_undo (session));
  g_assert_cmpstr (am_session_get_undo_label (session), ==, edits[index].label);

  am_session_undo (session);
  undone = session_json (session);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (am_session_get_document (session) == before_document);
  g_assert_cmpstr (am_session_get_redo_label (session), ==, edits[index].label);
  g_assert_null (am_session_get_undo_label (session));

  am_session_redo (session);
  redone = session_json (session);
  g_assert_cmpstr (redone, ==, after);
  g_assert_false (am_session_get_can_redo (session));
  am_session_cancel (session);
}

static void
test_labels_and_notify (void)
{
  g_autoptr(AmSession) session = session_with_article ();
  g_autoptr(GError) error = NULL;
  g_autofree char *relation = NULL;
  g_autofree char *actor = NULL;
  guint undo_label_count = 0, can_redo_count = 0;

  g_signal_connect (session, "notify::undo-label", G_CALLBACK (session_fixture_count_notify), &undo_label_count);
  g_signal_connect (session, "notify::can-redo", G_CALLBACK (session_fixture_count_notify), &can_redo_count);

  actor = am_session_add_actor (session, "Seoul Embassy", AM_ENTITY_KIND_ORGANIZATION, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (actor, ==, "seoul-embassy");
  relation = am_session_add_relation (session, actor, "seoul", "is in", NULL, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (relation, ==, "r-seoul-embassy-is-in");

  g_assert_cmpstr (am_session_get_undo_label (session), ==, "New Relation");
  g_assert_cmpuint (undo_label_count, ==, 2);

  am_session_undo (session);
  g_assert_cmpstr (am_session_get_undo_label (session), ==, "New Actor");
  g_assert_cmpstr (am_session_get_redo_label (session), ==, "New Relation");
  g_assert_cmpuint (can_redo_count, ==, 1);

  /* A new edit drops what could be redone. */
  g_assert_true (am_session_add_alias (session, actor, "the embassy", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (am_session_get_can_redo (session));
  g_assert_null (am_session_get_redo_label (session));
  g_assert_cmpuint (can_redo_count, ==, 2);
  am_session_cancel (session);
}

static void
test_invalid_edit_changes_nothing (void)
{
  g_autoptr(AmSession) session = session_with_article ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmEvidence) wrong = evidence_in (1, "words the article does not have");
  AmDocument *document = am_session_get_document (session);
  g_autofree char *id = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  id = am_session_add_relation (session, "us", "nobody", "meets", NULL, TRUE, NULL, &error);
  g_assert_null (id);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_UNKNOWN_REFERENCE);
  g_assert_nonnull (strstr (error->message, "nobody"));
  g_clear_error (&error);

  /* Evidence is checked like the loader checks it. */
  g_assert_false (am_session_add_evidence (session, "us", wrong, &error));
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_EVIDENCE_MISMATCH);
  g_clear_error (&error);

  id = am_session_add_actor (session, "   ", AM_ENTITY_KIND_PERSON, NULL, &error);
  g_assert_null (id);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "");
  g_assert_false (am_session_set_item_property (session, "us", "name", &value, &error));
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (am_session_set_item_property (session, "us", "id", &value, &error));
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (am_session_merge (session, "us", "us", &error));
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_true (am_session_get_document (session) == document);
  g_assert_false (am_session_get_can_undo (session));
  g_assert_false (am_session_get_modified (session));
  am_session_cancel (session);
}

static void
test_selection_kept (void)
{
  g_autoptr(AmSession) session = session_with_article ();
  g_autoptr(GError) error = NULL;

  am_session_select (session, "china", AM_SELECTION_ORIGIN_LIST);
  g_assert_true (am_session_add_alias (session, "china", "Beijing", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (am_session_get_selection (session), ==, "china");

  g_assert_true (am_session_delete (session, "china", &error));
  g_assert_no_error (error);
  g_assert_null (am_session_get_selection (session));

  /* Undo brings the actor back, not the selection: that is the user's. */
  am_session_undo (session);
  g_assert_nonnull (am_document_lookup_entity (am_session_get_document (session), "china"));
  am_session_cancel (session);
}

/* Modified through edit, save, undo, redo */

static gboolean
save_sync (AmSession  *session,
           GFile      *file,
           GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  am_session_save_async (session, file, NULL, test_result_store_cb, &result);
  return am_session_save_finish (session, test_result_wait (&result), error);
}

static void
test_modified (void)
{
  g_autoptr(AmSession) session = session_with_article ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_files_make_temp_dir ("am-session-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "map.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AmDocument) reloaded = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *current = NULL;
  guint modified_count = 0;

  g_signal_connect (session, "notify::modified", G_CALLBACK (session_fixture_count_notify), &modified_count);

  g_assert_false (am_session_get_modified (session));
  g_assert_true (edit_add_relation (session, &error));
  g_assert_true (am_session_get_modified (session));
  g_assert_cmpuint (modified_count, ==, 1);

  /* Save As: the file becomes the session's, and it is not modified any more. */
  g_assert_true (save_sync (session, file, &error));
  g_assert_no_error (error);
  g_assert_false (am_session_get_modified (session));
  g_assert_true (g_file_equal (am_session_get_file (session), file));
  g_assert_cmpuint (modified_count, ==, 2);

  /* What was written loads back as the same model. */
  reloaded = am_document_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (am_document_equal (reloaded, am_session_get_document (session)));

  /* Undo leaves the saved step; redo comes back to it. */
  am_session_undo (session);
  g_assert_true (am_session_get_modified (session));
  am_session_redo (session);
  g_assert_false (am_session_get_modified (session));
  g_assert_cmpuint (modified_count, ==, 4);

  /* An edit after the saved step, then undone: not modified again. */
  g_assert_true (edit_add_alias (session, &error));
  g_assert_true (am_session_get_modified (session));
  am_session_undo (session);
  g_assert_false (am_session_get_modified (session));

  /* Undo past the save, then Save (its own file): the older step is the saved one now. */
  am_session_undo (session);
  g_assert_true (am_session_get_modified (session));
  g_assert_true (save_sync (session, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (am_session_get_modified (session));
  g_file_get_contents (path, &saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (saved, "\"ignores\""));
  am_session_redo (session);
  g_assert_true (am_session_get_modified (session));

  /* Opening (set_document) starts a new history. */
  am_session_set_document (session, reloaded, file);
  g_assert_false (am_session_get_modified (session));
  g_assert_false (am_session_get_can_undo (session));
  g_assert_false (am_session_get_can_redo (session));
  current = session_json (session);
  g_assert_nonnull (strstr (current, "\"ignores\""));

  am_session_cancel (session);
  test_files_remove_tree (dir);
}

/* Delete, merge */

static void
test_delete_cascade (void)
{
  g_autoptr(AmSession) session = session_with_article ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cascade = am_session_dup_delete_cascade (session, "north-korea");
  g_auto(GStrv) none = am_session_dup_delete_cascade (session, "s-choe-ignore");
  g_auto(GStrv) speaker_cascade = am_session_dup_delete_cascade (session, "choe-son-hui");
  AmDocument *document;
  AmStatement *statement;

  /* The actor's relations and the statements it speaks, and nothing else. */
  g_assert_true (strv_has ((const char * const *) cascade, "r-north-korea-ignores-us"));
  g_assert_true (strv_has ((const char * const *) cascade, "r-kim-jong-un-leader-of-north-korea"));
  g_assert_true (strv_has ((const char * const *) cascade, "r-north-korea-ignores-dialogue-offer"));
  /* Choe Son Hui speaks the statements about it: they stay. */
  g_assert_false (strv_has ((const char * const *) cascade, "s-north-korea-will-ignore-contact"));
  g_assert_false (strv_has ((const char * const *) cascade, "s-choe-no-contact"));
  g_assert_cmpuint (g_strv_length (cascade), ==, 10);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_true (strv_has ((const char * const *) speaker_cascade, "s-choe-ignore"));
  g_assert_true (strv_has ((const char * const *) speaker_cascade, "s-north-korea-will-ignore-contact"));

  g_assert_true (am_session_delete (session, "north-korea", &error));
  g_assert_no_error (error);
  document = am_session_get_document (session);
  g_assert_null (am_document_lookup_entity (document, "north-korea"));
  for (guint i = 0; cascade[i] != NULL; i++)
    g_assert_false (_am_ui_document_has_id (document, cascade[i]));

  /* A statement that was only about it stays, without the mention. */
  statement = am_document_lookup_statement (document, "s-choe-no-contact");
  g_assert_nonnull (statement);
  g_assert_false (strv_has (am_statement_get_about (statement), "north-korea"));
  g_assert_true (strv_has (am_statement_get_about (statement), "us"));
  am_session_cancel (session);
}

static void
test_merge (void)
{
  g_autoptr(AmSession) session = session_with_article ();
  g_autoptr(GError) error = NULL;
  AmDocument *before = am_session_get_document (session);
  AmEntity *old_keep = am_document_lookup_entity (before, "us");
  AmEntity *old_merge = am_document_lookup_entity (before, "us-administration");
  g_autoptr(GPtrArray) old_relations = am_document_relations_of (before, "us-administration");
  AmDocument *document;
  AmEntity *kept;
  AmStatement *warning;
  GPtrArray *evidence;

  g_assert_cmpuint (old_relations->len, >, 0);
  g_assert_true (am_session_merge (session, "us", "us-administration", &error));
  g_assert_no_error (error);
  document = am_session_get_document (session);

  g_assert_null (am_document_lookup_entity (document, "us-administration"));
  kept = am_document_lookup_entity (document, "us");
  g_assert_cmpstr (am_entity_get_name (kept), ==, "United States");
  /* The other's name and aliases are aliases now. */
  g_assert_true (strv_has (am_entity_get_aliases (kept), "US administration"));
  for (guint i = 0; am_entity_get_aliases (old_keep)[i] != NULL; i++)
    g_assert_true (strv_has (am_entity_get_aliases (kept), am_entity_get_aliases (old_keep)[i]));
  for (guint i = 0; am_entity_get_aliases (old_merge)[i] != NULL; i++)
    g_assert_true (strv_has (am_entity_get_aliases (kept), am_entity_get_aliases (old_merge)[i]));
  /* Evidence of both. */
  evidence = am_entity_get_evidence (kept);
  g_assert_cmpuint (evidence->len, >=, am_entity_get_evidence (old_keep)->len);
  for (guint i = 0; i < am_entity_get_evidence (old_merge)->len; i++)
    {
      AmEvidence *wanted = g_ptr_array_index (am_entity_get_evidence (old_merge), i);
      gboolean found = FALSE;

      for (guint j = 0; j < evidence->len; j++)
        found |= g_str_equal (am_evidence_get_text (g_ptr_array_index (evidence, j)),
                              am_evidence_get_text (wanted));
      g_assert_true (found);
    }
  /* Relations now start or end at the kept actor. */
  for (guint i = 0; i < old_relations->len; i++)
    {
      AmRelation *old = g_ptr_array_index (old_relations, i);
      AmRelation *now = am_document_lookup_relation (document, am_relation_get_id (old));
      gboolean joined_both = (g_str_equal (am_relation_get_source (old), "us")
                              || g_str_equal (am_relation_get_target (old), "us"));

      if (joined_both)
        {
          g_assert_null (now);
          continue;
        }
      g_assert_nonnull (now);
      g_assert_true (g_str_equal (am_relation_get_source (now), "us")
                     || g_str_equal (am_relation_get_target (now), "us"));
    }
  /* Statements about and addressed to it follow. */
  warning = am_document_lookup_statement (document, "s-kim-yo-jong-warning");
  g_assert_true (strv_has (am_statement_get_about (warning), "us"));
  g_assert_true (strv_has (am_statement_get_addressees (warning), "us"));
  g_assert_false (strv_has (am_statement_get_about (warning), "us-administration"));
  am_session_cancel (session);
}

/* Suggestions */

/* The article with a suggested actor, a suggested relation from it to an accepted actor,
 * a suggested statement it speaks, and a suggested relation between accepted actors. */
static AmDocument *
document_with_suggestions (void)
{
  g_autoptr(AmDocument) article = test_documents_load_bundled ();
  g_autoptr(AmDocumentBuilder) builder = am_document_builder_new_from_document (article);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmEntity) official = NULL;
  g_autoptr(AmRelation) official_of = NULL;
  g_autoptr(AmRelation) china_japan = NULL;
  g_autoptr(AmStatement) said = NULL;
  AmDocument *document;

  official = g_object_new (AM_TYPE_ENTITY, "id", "senior-official", "name", "senior North Korean official",
                           "kind", AM_ENTITY_KIND_PERSON, "status", AM_STATUS_SUGGESTED, NULL);
  official_of = g_object_new (AM_TYPE_RELATION, "id", "r-official-of", "source", "senior-official",
                              "target", "north-korea", "label", "official of",
                              "status", AM_STATUS_SUGGESTED, NULL);
  china_japan = g_object_new (AM_TYPE_RELATION, "id", "r-china-japan", "source", "china",
                              "target", "japan", "label", "neighbours",
                              "status", AM_STATUS_SUGGESTED, NULL);
  said = g_object_new (AM_TYPE_STATEMENT, "id", "s-official", "speaker", "senior-official",
                       "text", "We will ignore it.", "status", AM_STATUS_SUGGESTED, NULL);
  am_document_builder_put (builder, official);
  am_document_builder_put (builder, official_of);
  am_document_builder_put (builder, china_japan);
  am_document_builder_put (builder, said);
  document = am_document_builder_build (builder, "suggested", &error);
  g_assert_no_error (error);
  return document;
}

static AmSession *
session_with_suggestions (void)
{
  g_autoptr(AmDocument) document = document_with_suggestions ();
  AmSession *session = am_session_new ();

  am_session_set_document (session, document, NULL);
  am_session_cancel (session);
  return session;
}

static void
test_accept_relation_accepts_ends (void)
{
  g_autoptr(AmSession) session = session_with_suggestions ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = session_json (session);
  g_autofree char *undone = NULL;
  AmDocument *document;

  g_assert_true (am_session_accept (session, "r-official-of", &error));
  g_assert_no_error (error);
  document = am_session_get_document (session);
  g_assert_cmpint (am_relation_get_status (am_document_lookup_relation (document, "r-official-of")),
                   ==, AM_STATUS_ACCEPTED);
  g_assert_cmpint (am_entity_get_status (am_document_lookup_entity (document, "senior-official")),
                   ==, AM_STATUS_ACCEPTED);
  /* Only what it refers to: its actor's statement stays a suggestion. */
  g_assert_cmpint (am_statement_get_status (am_document_lookup_statement (document, "s-official")),
                   ==, AM_STATUS_SUGGESTED);
  g_assert_cmpstr (am_session_get_undo_label (session), ==, "Accept Suggestion");

  /* Accepting what is accepted already is an error, and changes nothing. */
  g_assert_false (am_session_accept (session, "us", &error));
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE);

  am_session_undo (session);
  undone = session_json (session);
  g_assert_cmpstr (undone, ==, before);
  am_session_cancel (session);
}

static void
test_reject_removes_dependents (void)
{
  g_autoptr(AmSession) session = session_with_suggestions ();
  g_autoptr(GError) error = NULL;
  AmDocument *document;

  g_assert_true (am_session_reject (session, "senior-official", &error));
  g_assert_no_error (error);
  document = am_session_get_document (session);
  g_assert_null (am_document_lookup_entity (document, "senior-official"));
  g_assert_null (am_document_lookup_relation (document, "r-official-of"));
  g_assert_null (am_document_lookup_statement (document, "s-official"));
  g_assert_nonnull (am_document_lookup_relation (document, "r-china-japan"));
  g_assert_nonnull (am_document_lookup_entity (document, "north-korea"));

  /* Rejecting an accepted item is refused. */
  g_assert_false (am_session_reject (session, "north-korea", &error));
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE);
  g_assert_nonnull (am_document_lookup_entity (am_session_get_document (session), "north-korea"));
  am_session_cancel (session);
}

static void
test_accept_all (void)
{
  g_autoptr(AmSession) session = session_with_suggestions ();
  AmDocument *document;

  g_assert_cmpuint (am_session_accept_all (session, AM_ITEM_RELATION), ==, 2);
  g_assert_cmpstr (am_session_get_undo_label (session), ==, "Accept All Relations");
  document = am_session_get_document (session);
  g_assert_cmpint (am_entity_get_status (am_document_lookup_entity (document, "senior-official")),
                   ==, AM_STATUS_ACCEPTED);
  g_assert_cmpint (am_statement_get_status (am_document_lookup_statement (document, "s-official")),
                   ==, AM_STATUS_SUGGESTED);

  /* Nothing left of that kind: no step. */
  g_assert_cmpuint (am_session_accept_all (session, AM_ITEM_RELATION), ==, 0);
  am_session_undo (session);
  g_assert_false (am_session_get_can_undo (session));

  g_assert_cmpuint (am_session_accept_all (session, AM_ITEM_STATEMENT), ==, 1);
  g_assert_cmpuint (am_session_accept_all (session, AM_ITEM_ENTITY), ==, 0);
  am_session_cancel (session);
}

/* The set the map draws as suggestions: exactly the suggested actors and relations
 * (statements have no shape), notified as it changes, NULL once all are accepted. */
static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_suggested_set (void)
{
  g_autoptr(AmSession) session = session_with_suggestions ();
  GHashTable *suggested = am_session_get_suggested (session);
  guint notified = 0;

  g_assert_nonnull (suggested);
  g_assert_cmpuint (g_hash_table_size (suggested), ==, 3);
  g_assert_true (g_hash_table_contains (suggested, "senior-official"));
  g_assert_true (g_hash_table_contains (suggested, "r-official-of"));
  g_assert_true (g_hash_table_contains (suggested, "r-china-japan"));
  g_assert_false (g_hash_table_contains (suggested, "s-official"));
  g_assert_false (g_hash_table_contains (suggested, "north-korea"));

  g_signal_connect (session, "notify::suggested", G_CALLBACK (notify_count_cb), &notified);

  /* Accepting the relation between accepted actors leaves the other two. */
  g_assert_true (am_session_accept (session, "r-china-japan", NULL));
  g_assert_cmpuint (notified, ==, 1);
  suggested = am_session_get_suggested (session);
  g_assert_cmpuint (g_hash_table_size (suggested), ==, 2);
  g_assert_false (g_hash_table_contains (suggested, "r-china-japan"));

  g_assert_cmpuint (am_session_accept_all (session, AM_ITEM_RELATION), ==, 1);
  g_assert_null (am_session_get_suggested (session));
  g_assert_cmpuint (notified, ==, 2);

  /* Undo brings the suggestions back. */
  am_session_undo (session);
  suggested = am_session_get_suggested (session);
  g_assert_nonnull (suggested);
  g_assert_cmpuint (g_hash_table_size (suggested), ==, 2);
  g_assert_true (g_hash_table_contains (suggested, "senior-official"));
  g_assert_true (g_hash_table_contains (suggested, "r-official-of"));
  g_assert_cmpuint (notified, ==, 3);
  am_session_cancel (session);
}

/* The saved model has no suggestions; the recovery copy keeps them. */
static void
test_save_leaves_suggestions_out (void)
{
  g_autoptr(AmSession) session = session_with_suggestions ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_files_make_temp_dir ("am-session-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "map.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AmDocument) reloaded = NULL;

  g_assert_true (save_sync (session, file, &error));
  g_assert_no_error (error);
  reloaded = am_document_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (am_document_lookup_entity (reloaded, "senior-official"));
  g_assert_null (am_document_lookup_relation (reloaded, "r-china-japan"));
  g_assert_nonnull (am_document_lookup_entity (reloaded, "north-korea"));
  am_session_cancel (session);
  test_files_remove_tree (dir);
}

/* Saving fails cleanly */

static void
test_save_errors (void)
{
  g_autoptr(AmSession) session = session_with_article ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_files_make_temp_dir ("am-session-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "map.json", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "missing", "folder", "lost.json", NULL);
  g_autofree char *folder_path = g_build_filename (dir, "a-folder.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *old_content = NULL;
  g_autofree char *content = NULL;
  g_autoptr(AmSession) fresh = am_session_new ();

  /* Save with no file at all. */
  g_assert_true (edit_add_alias (session, &error));
  g_assert_false (save_sync (session, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (save_sync (fresh, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (save_sync (session, file, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &old_content, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (edit_add_relation (session, &error));

  /* A missing folder: the error names the file; the session keeps its file and stays
   * modified; the old file is intact. */
  g_assert_false (save_sync (session, missing, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, "lost.json"));
  g_clear_error (&error);
  g_assert_true (g_file_equal (am_session_get_file (session), file));
  g_assert_true (am_session_get_modified (session));

  /* A directory where the file should be. */
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  g_assert_false (save_sync (session, folder, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_assert_nonnull (strstr (error->message, "a-folder.json"));
  g_clear_error (&error);
  g_assert_true (g_file_test (folder_path, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_equal (am_session_get_file (session), file));
  g_assert_true (am_session_get_modified (session));

  g_file_get_contents (path, &content, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (content, ==, old_content);

  am_session_cancel (session);
  test_files_remove_tree (dir);
}

/* A Graphviz file is never overwritten with a model: Save asks for a new name. */
static void
test_save_graph_needs_new_name (void)
{
  g_autoptr(AmSession) session = am_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmDocument) graph = NULL;
  g_autofree char *relation_id = NULL;
  g_autofree char *dir = test_files_make_temp_dir ("am-session-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "graph.dot", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *content = NULL;

  g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", "a", "name", "a", NULL));
  g_ptr_array_add (entities, g_object_new (AM_TYPE_ENTITY, "id", "b", "name", "b", NULL));
  graph = am_document_new_imported (AM_DOCUMENT_ORIGIN_GRAPHVIZ, "graph", entities, relations,
                                    NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "digraph { a; b }", -1, NULL));

  am_session_set_document (session, graph, file);
  am_session_cancel (session);
  relation_id = am_session_add_relation (session, "a", "b", "to", NULL, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (relation_id);

  g_assert_false (save_sync (session, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "graph.dot"));
  g_file_get_contents (path, &content, NULL, NULL);
  g_assert_cmpstr (content, ==, "digraph { a; b }");
  g_assert_true (am_session_get_modified (session));
  am_session_cancel (session);
  am_session_discard_recovery (session);
  test_files_remove_tree (dir);
}

/* Recovery */

static char *
recovery_dir (void)
{
  return _am_recovery_dir ();
}

static GPtrArray *
recovery_files_now (void)
{
  g_autofree char *dir = recovery_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  /* Finished copies only: an atomic write's temporary file has a suffix after ".json". */
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  return names;
}

static void
clear_recovery_dir (void)
{
  g_autofree char *dir = recovery_dir ();

  test_files_remove_tree (dir);
}

/* A process id that is gone: a child that has exited and been waited for. */
static GPid
dead_pid (void)
{
  const char *argv[] = { "/bin/true", NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_cmpint (kill (pid, 0), !=, 0);
  return pid;
}

static gboolean
iterate_until_file (const char *path,
                    gboolean    exists,
                    guint       seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (g_file_test (path, G_FILE_TEST_EXISTS) != exists && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (20000);

  return g_file_test (path, G_FILE_TEST_EXISTS) == exists;
}

static void
test_recovery_written_and_discarded (void)
{
  g_autoptr(AmSession) session = session_with_article ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *content = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected_name = NULL;
  gint64 started;

  clear_recovery_dir ();
  g_assert_true (edit_add_relation (session, &error));
  started = g_get_monotonic_time ();

  /* Not at once: after AM_SESSION_RECOVERY_SECONDS. */
  g_main_context_iteration (NULL, FALSE);
  files = recovery_files_now ();
  g_assert_cmpuint (files->len, ==, 0);
  g_clear_pointer (&files, g_ptr_array_unref);

  while ((files = recovery_files_now ())->len == 0
         && g_get_monotonic_time () - started < 10 * G_USEC_PER_SEC)
    {
      g_clear_pointer (&files, g_ptr_array_unref);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
    }
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - started, >=, (AM_SESSION_RECOVERY_SECONDS - 1) * G_USEC_PER_SEC);
  path = g_strdup (g_ptr_array_index (files, 0));

  /* Named by this process; not listed, since this process lives. */
  expected_name = g_strdup_printf ("%ld-", (long) getpid ());
  g_assert_true (g_str_has_prefix (strrchr (path, '/') + 1, expected_name));
  g_assert_null (am_session_list_recovery ());

  /* The envelope and the model, suggestions included. */
  g_file_get_contents (path, &content, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (content, "\"file\": null"));
  g_assert_nonnull (strstr (content, "\"ignores\""));

  /* Undo back to the opened (saved) document: no longer modified, the copy goes. */
  am_session_undo (session);
  g_assert_false (am_session_get_modified (session));
  g_assert_true (iterate_until_file (path, FALSE, 5));

  am_session_cancel (session);
  clear_recovery_dir ();
}

static void
test_recovery_list_and_recover (void)
{
  g_autoptr(AmDocument) document = document_with_suggestions ();
  g_autoptr(AmSession) session = am_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) edited = g_file_new_for_path ("/tmp/some map.json");
  g_autoptr(GBytes) payload = _am_recovery_payload (document, edited);
  g_autofree char *dir = recovery_dir ();
  g_autofree char *dead_name = g_strdup_printf ("%ld-1.json", (long) dead_pid ());
  g_autofree char *live_name = g_strdup_printf ("%ld-1.json", (long) getppid ());
  g_autofree char *dead_path = g_build_filename (dir, dead_name, NULL);
  g_autofree char *live_path = g_build_filename (dir, live_name, NULL);
  g_autofree char *expected = document_json (document);
  g_autofree char *recovered = NULL;
  GList *files;

  clear_recovery_dir ();
  g_assert_true (_am_recovery_write (dead_path, payload, &error));
  g_assert_no_error (error);
  g_assert_true (_am_recovery_write (live_path, payload, &error));
  g_assert_no_error (error);

  /* Only the dead process's file is offered. */
  files = am_session_list_recovery ();
  g_assert_cmpuint (g_list_length (files), ==, 1);
  g_assert_cmpstr (g_file_peek_path (files->data), ==, dead_path);

  g_assert_true (am_session_recover (session, files->data, &error));
  g_assert_no_error (error);
  am_session_cancel (session);
  g_list_free_full (files, g_object_unref);

  /* The same document, suggestions and all; it was editing that file; unsaved. */
  recovered = session_json (session);
  g_assert_cmpstr (recovered, ==, expected);
  g_assert_true (am_document_equal (am_session_get_document (session), document));
  g_assert_true (g_file_equal (am_session_get_file (session), edited));
  g_assert_true (am_session_get_modified (session));
  g_assert_false (am_session_get_can_undo (session));
  /* Loaded, so deleted; the live one is left alone. */
  g_assert_false (g_file_test (dead_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live_path, G_FILE_TEST_EXISTS));

  am_session_discard_recovery (session);
  clear_recovery_dir ();
}

static void
test_recover_bad_file (void)
{
  g_autoptr(AmSession) session = session_with_article ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_files_make_temp_dir ("am-session-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "1-1.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AmDocument *document = am_session_get_document (session);

  g_assert_true (g_file_set_contents (path, "{\"file\": null}", -1, NULL));
  g_assert_false (am_session_recover (session, file, &error));
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "1-1.json"));
  g_assert_true (am_session_get_document (session) == document);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  am_session_cancel (session);
  test_files_remove_tree (dir);
}


/* The map while editing: a moved actor shows at once, the layout keeps the others where
 * they are, undo and redo bring back the map of each step. */

static void
wait_for_layout (AmSession *session)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while ((am_session_get_laying_out (session) || am_session_get_scene (session) == NULL)
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (am_session_get_laying_out (session));
  g_assert_null (am_session_get_layout_error (session));
  g_assert_nonnull (am_session_get_scene (session));
}

static void
assert_centre (AmScene    *scene,
               const char *id,
               AmPoint     expected)
{
  AmPoint centre;

  test_scenes_centre (scene, id, &centre.x, &centre.y);
  g_assert_cmpfloat_with_epsilon (centre.x, expected.x, 0.01);
  g_assert_cmpfloat_with_epsilon (centre.y, expected.y, 0.01);
}

static void
test_move_keeps_map (void)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autoptr(AmSession) session = am_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmScene) first = NULL;
  g_autoptr(AmScene) moved_layout = NULL;
  AmPoint china, us, target;
  AmScene *shown;
  gint edge;

  am_session_set_engine (session, "neato");
  am_session_set_document (session, document, NULL);
  wait_for_layout (session);
  first = am_scene_ref (am_session_get_scene (session));
  test_scenes_centre (first, "china", &china.x, &china.y);
  test_scenes_centre (first, "us", &us.x, &us.y);
  target = (AmPoint) { china.x + 37.5, china.y + 21.25 };

  /* At once: the actor where it was dropped, its edges straight, everything else put. */
  g_assert_true (am_session_move_actor (session, "china", target.x, target.y, &error));
  g_assert_no_error (error);
  shown = am_session_get_scene (session);
  g_assert_true (shown != first);
  assert_centre (shown, "china", target);
  assert_centre (shown, "us", us);
  edge = am_scene_find_edge (shown, "r-us-united-front-against-china");
  g_assert_cmpint (edge, >=, 0);
  g_assert_cmpuint (am_scene_get_edge (shown, edge)->n_points, ==, 4);

  /* The layout that follows keeps the pinned actor and the others where they were. */
  wait_for_layout (session);
  moved_layout = am_scene_ref (am_session_get_scene (session));
  assert_centre (moved_layout, "china", target);
  assert_centre (moved_layout, "us", us);

  /* Undo: the map of the step before, at once and without a layout. */
  am_session_undo (session);
  g_assert_true (am_session_get_scene (session) == first);
  g_assert_false (am_session_get_laying_out (session));

  /* Redo: the map laid out after the move. */
  am_session_redo (session);
  g_assert_true (am_session_get_scene (session) == moved_layout);
  g_assert_false (am_session_get_laying_out (session));
  am_session_cancel (session);
}

/* A new map from an article: unsaved, nothing to undo, then the suggestions as one step. */

static void
test_new_from_article (void)
{
  g_autoptr(AmSession) session = am_session_new ();
  const char *paragraphs[] = {
    "Chile and Peru sign a water treaty",
    "SANTIAGO (Reuters) - Chile and Peru signed a treaty on Tuesday to share the water of "
    "the Lauca river, ending a dispute that began in the 1960s.",
    "\"This is a good day for both our peoples,\" Chilean Foreign Minister Alberto van Klaveren "
    "told reporters in Santiago.",
    NULL,
  };
  AmArticle article = {
    .title = (char *) paragraphs[0],
    .paragraphs = (GStrv) paragraphs,
  };
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  AmDocument *document;
  guint n_suggested = 0;
  GListModel *entities;

  am_session_new_from_article (session, &article);
  document = am_session_get_document (session);
  g_assert_nonnull (document);
  g_assert_cmpstr (am_document_get_title (document), ==, paragraphs[0]);
  g_assert_cmpuint (am_document_get_n_paragraphs (document), ==, 3);
  g_assert_null (am_session_get_file (session));
  g_assert_true (am_session_get_modified (session));
  g_assert_false (am_session_get_can_undo (session));
  g_assert_true (am_session_get_suggesting (session));

  while (am_session_get_suggesting (session) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (am_session_get_suggesting (session));

  g_assert_cmpstr (am_session_get_undo_label (session), ==, "Suggest");
  entities = am_document_get_entities (am_session_get_document (session));
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);

      if (am_entity_get_status (entity) == AM_STATUS_SUGGESTED)
        n_suggested++;
    }
  g_assert_cmpuint (n_suggested, >=, 2);

  /* Suggesting again finds nothing new: no second step. */
  am_session_suggest (session);
  while (am_session_get_suggesting (session) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (am_session_get_suggesting (session));

  /* Undo takes the suggestions away at once; still unsaved. */
  am_session_undo (session);
  g_assert_true (am_session_get_document (session) == document);
  g_assert_true (am_session_get_modified (session));
  g_assert_false (am_session_get_can_undo (session));
  am_session_cancel (session);
  am_session_discard_recovery (session);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  /* Recovery files go to a state directory of our own, set before GLib reads it. */
  state_dir = g_dir_make_tmp ("am-session-state-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *name = g_strdup_printf ("/session-edit/undo-redo/%s", edits[i].name);

      g_test_add_data_func (name, GUINT_TO_POINTER (i), test_edit_undo_redo);
    }
  g_test_add_func ("/session-edit/labels-and-notify", test_labels_and_notify);
  g_test_add_func ("/session-edit/invalid-edit-changes-nothing", test_invalid_edit_changes_nothing);
  g_test_add_func ("/session-edit/selection-kept", test_selection_kept);
  g_test_add_func ("/session-edit/modified", test_modified);
  g_test_add_func ("/session-edit/delete-cascade", test_delete_cascade);
  g_test_add_func ("/session-edit/merge", test_merge);
  g_test_add_func ("/session-edit/accept-relation-accepts-ends", test_accept_relation_accepts_ends);
  g_test_add_func ("/session-edit/reject-removes-dependents", test_reject_removes_dependents);
  g_test_add_func ("/session-edit/accept-all", test_accept_all);
  g_test_add_func ("/session-edit/suggested-set", test_suggested_set);
  g_test_add_func ("/session-edit/save-leaves-suggestions-out", test_save_leaves_suggestions_out);
  g_test_add_func ("/session-edit/save-errors", test_save_errors);
  g_test_add_func ("/session-edit/save-graph-needs-new-name", test_save_graph_needs_new_name);
  g_test_add_func ("/session-edit/move-keeps-map", test_move_keeps_map);
  g_test_add_func ("/session-edit/new-from-article", test_new_from_article);
  g_test_add_func ("/session-edit/recovery/written-and-discarded", test_recovery_written_and_discarded);
  g_test_add_func ("/session-edit/recovery/list-and-recover", test_recovery_list_and_recover);
  g_test_add_func ("/session-edit/recovery/bad-file", test_recover_bad_file);

  int result = g_test_run ();

  test_files_remove_tree (state_dir);
  g_free (state_dir);
  return result;
}
