/* test-corpus.c — every file of Graphviz's own test corpus through the real binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-corpus --tap -k dot|neato|auto SHARD SHARDS
 *
 * Runs `actormap --export=OUT.svg --layout=ENGINE --timeout=10 FILE` for every SHARD-th
 * of the 352 files in ../shared/corpus/graphviz-graphs/ (robustness.md §6), one test
 * point per file.  Each must end in a valid SVG (exit 0) or a non-zero exit with one
 * clear line on stderr — never a signal, never a hang (killed after 30 s and failed).
 * The results table that comes with the corpus is the oracle: a file that Graphviz
 * 2.42.2 lays out must export unless Graphviz itself needed longer than our timeout; a
 * file Graphviz crashed or hung on may export (the allowlist removed the trigger) or
 * fail cleanly; the file with a syntax error must give a parse error.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#define CORPUS_FILES        352
#define EXPORT_TIMEOUT      10     /* --timeout, as robustness.md §6 suggests */
#define KILL_AFTER_SECONDS  30     /* a run still going after this is a hang */

typedef struct
{
  int    status;        /* what the results table says Graphviz did */
  double seconds;
} Oracle;

typedef struct
{
  char   *relpath;
  char   *path;
  Oracle  oracle;
  gboolean has_oracle;
} CorpusFile;

typedef enum
{
  OUTCOME_EXPORTED,
  OUTCOME_PARSE,
  OUTCOME_TOO_LARGE,
  OUTCOME_LAYOUT_FAILED,
  OUTCOME_TIMEOUT,
  OUTCOME_OTHER_ERROR,
  N_OUTCOMES,
} Outcome;

static const char * const outcome_names[N_OUTCOMES] = {
  "exported", "parse error", "too large", "layout failed", "took too long", "other error",
};

static const char *engine;
static guint n_found, n_in_oracle;
static guint counts[N_OUTCOMES];
static GString *results;            /* per-file outcomes, kept as a TSV in the build dir */

static void
corpus_file_free (CorpusFile *f)
{
  g_free (f->relpath);
  g_free (f->path);
  g_free (f);
}

static char *
find_corpus (void)
{
  const char *root = g_getenv ("AM_SOURCE_ROOT");
  const char *env = g_getenv ("AM_GRAPHVIZ_CORPUS");

  if (root != NULL)
    {
      g_autofree char *dir = g_build_filename (root, "..", "shared", "corpus",
                                               "graphviz-graphs", NULL);
      if (g_file_test (dir, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&dir);
    }
  if (env != NULL && g_file_test (env, G_FILE_TEST_IS_DIR))
    return g_strdup (env);

  return NULL;
}

static void
collect (const char *dir,
         const char *rel,
         GPtrArray  *out)
{
  g_autofree char *path = rel != NULL ? g_build_filename (dir, rel, NULL) : g_strdup (dir);
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child_rel = rel != NULL ? g_build_filename (rel, name, NULL)
                                               : g_strdup (name);
      g_autofree char *child = g_build_filename (dir, child_rel, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        collect (dir, child_rel, out);
      else if (g_str_has_suffix (name, ".gv") || g_str_has_suffix (name, ".dot"))
        g_ptr_array_add (out, g_steal_pointer (&child_rel));
    }
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
is_auto (void)
{
  return g_str_equal (engine, "auto");
}

/* engine → file → oracle, from graphviz-2.42.2-results.tsv */
static GHashTable *
read_oracle (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "graphviz-2.42.2-results.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return table;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", 5);
      Oracle *o;

      if (g_strv_length (cols) < 4)
        continue;
      if (!g_str_equal (cols[0], engine) &&
          !(is_auto () && (g_str_equal (cols[0], "dot") || g_str_equal (cols[0], "neato"))))
        continue;
      o = g_hash_table_lookup (table, cols[1]);
      if (o == NULL)
        {
          o = g_new0 (Oracle, 1);
          o->status = atoi (cols[2]);
          o->seconds = g_ascii_strtod (cols[3], NULL);
          g_hash_table_insert (table, g_strdup (cols[1]), o);
        }
      else if (atoi (cols[2]) == 0 && o->status != 0)
        {
          /* auto: laid out by either engine counts as laid out. */
          o->status = 0;
          o->seconds = g_ascii_strtod (cols[3], NULL);
        }
    }

  return table;
}

typedef struct
{
  GSubprocess *process;
  char        *out;
  char        *err;
  gboolean     done;
  gboolean     killed;
  GError      *error;
} Child;

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Child *child = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &child->out,
                                        &child->err, &child->error);
  child->done = TRUE;
}

static gboolean
kill_cb (gpointer user_data)
{
  Child *child = user_data;

  child->killed = TRUE;
  g_subprocess_force_exit (child->process);
  return G_SOURCE_REMOVE;
}

/* The one line a clean failure prints, classified. */
static Outcome
classify (const char *line)
{
  if (strstr (line, "took longer than") != NULL)
    return OUTCOME_TIMEOUT;
  if (strstr (line, "layout failed") != NULL || strstr (line, "crashed") != NULL)
    return OUTCOME_LAYOUT_FAILED;
  if (strstr (line, "too large") != NULL || strstr (line, "is more than") != NULL)
    return OUTCOME_TOO_LARGE;
  if (strstr (line, "syntax error") != NULL || strstr (line, "no graph found") != NULL ||
      strstr (line, "NUL byte") != NULL || strstr (line, "empty file") != NULL ||
      strstr (line, "memory exhausted") != NULL)
    return OUTCOME_PARSE;
  return OUTCOME_OTHER_ERROR;
}

/* A failed file fails its test point and the run goes on to the next file. */
#define fail_file(...) G_STMT_START { \
    g_test_message (__VA_ARGS__); \
    g_test_fail (); \
    return; \
  } G_STMT_END

static void
check_svg (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 100);
  g_assert_true (g_str_has_prefix (contents, "<?xml") || g_str_has_prefix (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "</svg>"));
}

static void
test_file (gconstpointer data)
{
  const CorpusFile *f = data;
  const char *binary = g_getenv ("AM_ACTORMAP");
  g_autofree char *out_path = g_build_filename (g_get_user_cache_dir (), "out.svg", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", out_path, NULL);
  g_autofree char *layout_arg = g_strconcat ("--layout=", engine, NULL);
  g_autofree char *timeout_arg = g_strdup_printf ("--timeout=%d", EXPORT_TIMEOUT);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) kill_source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *argv[7];
  Child child = { 0, };
  gint64 start;
  double elapsed;
  Outcome outcome;

  g_assert_nonnull (binary);
  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_unlink (out_path);

  argv[0] = binary;
  argv[1] = export_arg;
  if (is_auto ())
    {
      argv[2] = "--";
      argv[3] = f->path;
      argv[4] = NULL;
    }
  else
    {
      argv[2] = layout_arg;
      argv[3] = timeout_arg;
      argv[4] = "--";
      argv[5] = f->path;
      argv[6] = NULL;
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");

  g_main_context_push_thread_default (context);
  start = g_get_monotonic_time ();
  child.process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (child.process, NULL, NULL, communicate_cb, &child);
  kill_source = g_timeout_source_new_seconds (KILL_AFTER_SECONDS);
  g_source_set_callback (kill_source, kill_cb, &child, NULL);
  g_source_attach (kill_source, context);
  while (!child.done)
    g_main_context_iteration (context, TRUE);
  g_subprocess_wait (child.process, NULL, NULL);
  g_source_destroy (kill_source);
  g_main_context_pop_thread_default (context);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  if (child.killed)
    fail_file ("%s: still running after %d s: a hang", f->relpath, KILL_AFTER_SECONDS);
  g_assert_no_error (child.error);
  if (g_subprocess_get_if_signaled (child.process))
    fail_file ("%s: actormap died from signal %d", f->relpath,
               g_subprocess_get_term_sig (child.process));
  g_assert_true (g_subprocess_get_if_exited (child.process));

  if (g_subprocess_get_exit_status (child.process) == 0)
    {
      check_svg (out_path);
      outcome = OUTCOME_EXPORTED;
      line = g_strdup ("");
    }
  else
    {
      /* One clear line, naming the program. */
      line = g_strstrip (g_strdup (child.err != NULL ? child.err : ""));
      if (*line == '\0' || strchr (line, '\n') != NULL || !g_str_has_prefix (line, "actormap: "))
        fail_file ("%s: not one clear line on stderr: “%s”", f->relpath, line);
      g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
      outcome = classify (line);
      if (outcome == OUTCOME_OTHER_ERROR)
        fail_file ("%s: an error that is none of the expected kinds: “%s”", f->relpath, line);
    }

  counts[outcome]++;
  g_string_append_printf (results, "%s\t%s\t%s\t%.2f\t%s\n", engine, f->relpath,
                          outcome_names[outcome], elapsed, line);
  g_test_message ("%s: %s (%.1f s)%s%s", f->relpath, outcome_names[outcome], elapsed,
                  *line != '\0' ? ": " : "", line);

  /* The oracle. */
  if (!f->has_oracle)
    fail_file ("%s: not in the results table", f->relpath);
  switch (f->oracle.status)
    {
    case 0:
      /* Graphviz laid it out: so must we, unless Graphviz itself took longer than our
       * timeout (then "took too long" is fine too). */
      if (outcome != OUTCOME_EXPORTED &&
          (is_auto () ||
           !(outcome == OUTCOME_TIMEOUT && f->oracle.seconds > EXPORT_TIMEOUT / 2.0)))
        fail_file ("%s: Graphviz laid this out in %.2f s, but Actormap said “%s”",
                   f->relpath, f->oracle.seconds, line);
      break;
    case 1:
      if (outcome != OUTCOME_PARSE && outcome != OUTCOME_EXPORTED)
        fail_file ("%s: a clean Graphviz error, but Actormap said “%s”", f->relpath, line);
      break;
    default:
      /* 139, 134, 137: a crash or a hang in Graphviz.  Anything clean will do. */
      break;
    }
}

static void
test_missing (void)
{
  g_test_skip ("the Graphviz corpus is not there: ../shared/corpus/graphviz-graphs next "
               "to the source tree, or AM_GRAPHVIZ_CORPUS");
}

/* Every file is there, and the results table knows each of them. */
static void
test_complete (void)
{
  g_assert_cmpuint (n_found, ==, CORPUS_FILES);
  g_assert_cmpuint (n_in_oracle, ==, CORPUS_FILES);
}

static void
test_summary (void)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  guint total = 0;

  for (guint i = 0; i < N_OUTCOMES; i++)
    total += counts[i];
  g_test_message ("%s: %u files: %u exported, %u clean errors (%u parse errors, %u too "
                  "large, %u layout failed, %u took too long)", engine, total,
                  counts[OUTCOME_EXPORTED], total - counts[OUTCOME_EXPORTED],
                  counts[OUTCOME_PARSE], counts[OUTCOME_TOO_LARGE],
                  counts[OUTCOME_LAYOUT_FAILED], counts[OUTCOME_TIMEOUT]);

  /* The per-file table, for people (meson-logs keeps the TAP lines too). */
  name = g_strdup_printf ("corpus-%s-%s.tsv", engine, g_getenv ("AM_CORPUS_SHARD"));
  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  g_file_set_contents (path, results->str, results->len, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) corpus_file_free);
  g_autoptr(GHashTable) oracle = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *shard_name = NULL;
  guint shard, shards;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* One file's failure is reported on its own line; the others still run. */
  g_test_set_nonfatal_assertions ();

  if (argc != 4 || (!g_str_equal (argv[1], "dot") && !g_str_equal (argv[1], "neato") &&
                     !g_str_equal (argv[1], "auto")))
    {
      g_printerr ("usage: %s [GTest options] dot|neato|auto SHARD SHARDS\n", argv[0]);
      return 2;
    }
  engine = argv[1];
  shard = (guint) atoi (argv[2]);
  shards = (guint) atoi (argv[3]);
  g_assert_cmpuint (shards, >, 0);
  g_assert_cmpuint (shard, <, shards);
  shard_name = g_strdup_printf ("%u", shard);
  g_setenv ("AM_CORPUS_SHARD", shard_name, TRUE);
  results = g_string_new (NULL);

  dir = find_corpus ();
  if (dir == NULL)
    {
      g_test_add_func ("/Actormap/Corpus/missing", test_missing);
      status = g_test_run ();
      g_string_free (results, TRUE);
      return status;
    }

  oracle = read_oracle (dir);
  collect (dir, NULL, names);
  g_ptr_array_sort (names, compare_strings);
  n_found = names->len;
  for (guint i = 0; i < names->len; i++)
    if (g_hash_table_contains (oracle, g_ptr_array_index (names, i)))
      n_in_oracle++;
  {
    g_autofree char *complete = g_strdup_printf ("/Actormap/Corpus/%s-complete", engine);
    g_test_add_func (complete, test_complete);
  }

  for (guint i = 0; i < names->len; i++)
    {
      const char *rel = g_ptr_array_index (names, i);
      CorpusFile *f;
      Oracle *o;
      g_autofree char *test_path = NULL;

      if (i % shards != shard)
        continue;

      f = g_new0 (CorpusFile, 1);
      f->relpath = g_strdup (rel);
      f->path = g_build_filename (dir, rel, NULL);
      o = g_hash_table_lookup (oracle, rel);
      if (o != NULL)
        {
          f->oracle = *o;
          f->has_oracle = TRUE;
        }
      g_ptr_array_add (files, f);

      test_path = g_strdup_printf ("/Actormap/Corpus/%s/%s", engine, rel);
      g_test_add_data_func (test_path, f, test_file);
    }

  /* A suite made after the files' suites, so it runs last and sees every count. */
  {
    g_autofree char *summary = g_strdup_printf ("/Actormap/Corpus/~summary/%s-%u", engine,
                                                shard);
    g_test_add_func (summary, test_summary);
  }

  status = g_test_run ();
  g_string_free (results, TRUE);

  return status;
}
