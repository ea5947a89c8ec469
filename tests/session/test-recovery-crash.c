/* test-recovery-crash.c — a session killed with SIGKILL in the middle of editing is
 * recovered by the next one, losing at most the edits of its last few seconds
 *
 * The test runs itself a second time as the editing process ("--child STATE_DIR"): it
 * opens the bundled article, makes edits, waits for its recovery copy, tells the parent
 * which edits the copy holds, and goes on editing until it is killed.  The parent kills
 * it with SIGKILL — no handler, no atexit, no flush — and recovers the copy in a session
 * of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>

#include "am-session.h"
#include "test-documents.h"
#include "test-files.h"

static const char *self_path;

static GPtrArray *
recovery_files (const char *state_dir)
{
  g_autofree char *dir = g_build_filename (state_dir, "actormap", "recovery", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));

  return files;
}

static char *
add_actor (AmSession *session,
           guint      n)
{
  g_autofree char *name = g_strdup_printf ("Crash Test Actor %u", n);
  g_autoptr(GError) error = NULL;
  char *id = am_session_add_actor (session, name, AM_ENTITY_KIND_PERSON, NULL, &error);

  g_assert_no_error (error);
  return id;
}

/* The editing process.  Prints "saved N" once a recovery copy with the first N edits
 * exists, then edits on, one actor every 100 ms, until it is killed. */
static int
run_child (const char *state_dir)
{
  g_autoptr(AmDocument) document = test_documents_load_bundled ();
  g_autoptr(AmSession) session = am_session_new ();
  g_autoptr(GPtrArray) files = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint n = 0;

  am_session_set_document (session, document, NULL);
  for (; n < 3; n++)
    g_free (add_actor (session, n));

  while ((files = recovery_files (state_dir))->len == 0 && g_get_monotonic_time () < deadline)
    {
      g_clear_pointer (&files, g_ptr_array_unref);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  if (files->len == 0)
    return 3;

  printf ("saved %u\n", n);
  fflush (stdout);

  for (;;)
    {
      gint64 next = g_get_monotonic_time () + 100000;

      g_free (add_actor (session, n++));
      while (g_get_monotonic_time () < next)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (5000);
        }
    }
}

static void
test_recover_after_sigkill (void)
{
  const char *state_dir = g_getenv ("XDG_STATE_HOME");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(AmSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GList *found;
  AmDocument *recovered;
  guint saved = 0;
  guint n_recovered = 0;

  g_assert_nonnull (state_dir);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", state_dir, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, self_path, "--child", state_dir, NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (sscanf (line, "saved %u", &saved) == 1);
  g_assert_cmpuint (saved, ==, 3);

  /* Let it edit on until a later recovery copy replaces the first (one every few
   * seconds; slower under sanitizers), then kill it. */
  {
    g_autoptr(GPtrArray) files = recovery_files (state_dir);
    g_autofree char *first = NULL;
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    g_assert_cmpuint (files->len, ==, 1);
    g_assert_true (g_file_get_contents (g_ptr_array_index (files, 0), &first, NULL, NULL));
    for (;;)
      {
        g_autoptr(GPtrArray) now = recovery_files (state_dir);
        g_autofree char *content = NULL;

        if (now->len == 1
            && g_file_get_contents (g_ptr_array_index (now, 0), &content, NULL, NULL)
            && !g_str_equal (content, first))
          break;
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_usleep (100000);
      }
  }
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, SIGKILL);

  /* The next start finds the copy of the dead process and recovers it. */
  found = am_session_list_recovery ();
  g_assert_cmpuint (g_list_length (found), ==, 1);
  session = am_session_new ();
  g_assert_true (am_session_recover (session, found->data, &error));
  g_assert_no_error (error);
  g_list_free_full (found, g_object_unref);
  g_assert_true (am_session_get_modified (session));

  /* Every edit made before the first copy is there, and more of them: the later copy
   * (every AM_SESSION_RECOVERY_SECONDS) holds the edits made after it. */
  recovered = am_session_get_document (session);
  for (guint i = 0;; i++)
    {
      g_autofree char *id = g_strdup_printf ("crash-test-actor-%u", i);

      if (am_document_lookup_entity (recovered, id) == NULL)
        break;
      n_recovered++;
    }
  g_test_message ("recovered %u edits; the first copy held %u", n_recovered, saved);
  g_assert_cmpuint (n_recovered, >=, saved + 1);
  /* The bundled model is all there too. */
  g_assert_nonnull (am_document_lookup_entity (recovered, "kim-yo-jong"));
  g_assert_nonnull (am_document_lookup_statement (recovered, "s-choe-ignore"));

  /* Loaded copies are deleted: nothing is offered twice. */
  g_assert_null (am_session_list_recovery ());
  am_session_discard_recovery (session);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

  /* The parent's state folder is the child's: set before GLib reads it. */
  {
    g_autofree char *state_dir = test_files_make_temp_dir ("am-crash-XXXXXX");

    g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  }

  g_test_add_func ("/session/recovery/after-sigkill", test_recover_after_sigkill);

  {
    int status = g_test_run ();

    test_files_remove_tree (g_getenv ("XDG_STATE_HOME"));
    return status;
  }
}
