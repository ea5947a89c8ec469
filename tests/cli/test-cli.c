/* test-cli.c — actormap --export / --check from the outside, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "cli-run.h"

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("AM_SOURCE_ROOT"), name, NULL);
}

static void
assert_file_starts_with (const char *path,
                         const char *magic,
                         gsize       magic_len)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, magic_len);
  g_assert_cmpmem (contents, magic_len, magic, magic_len);
}

static void
test_export_formats (void)
{
  struct { const char *name; const char *magic; gsize len; } cases[] = {
    { "map.png", "\x89PNG\r\n\x1a\n", 8 },
    { "map.svg", "<?xml", 5 },
    { "map.pdf", "%PDF-", 5 },
    { "MAP.SVG", "<?xml", 5 },
  };

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = tmp_path (cases[i].name);
      g_autofree char *arg = g_strconcat ("--export=", out, NULL);
      g_auto(Run) run = { 0 };

      run_actormap (&run, arg, NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      assert_file_starts_with (out, cases[i].magic, cases[i].len);
    }
}

static void
test_export_engines_and_themes (void)
{
  const char *engines[] = { "dot", "neato", "fdp", "sfdp", "circo", "twopi" };
  g_autofree char *model = fixture ("data/north-korea-ignores-us-dialogue-offer.json");

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);

  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
      g_autofree char *name = g_strdup_printf ("map-%s.svg", engines[i]);
      g_autofree char *out = tmp_path (name);
      g_autofree char *arg = g_strconcat ("--export=", out, NULL);
      g_autofree char *layout = g_strconcat ("--layout=", engines[i], NULL);
      g_autofree char *svg = NULL;
      g_auto(Run) run = { 0 };

      run_actormap (&run, arg, layout, i % 2 ? "--theme=dark" : "--theme=light", model, NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_get_contents (out, &svg, NULL, NULL));
      /* The names are real text, not glyph outlines. */
      g_assert_nonnull (strstr (svg, "Kim Yo Jong"));
      g_assert_nonnull (strstr (svg, "Choe Son Hui"));
      /* The caption writes the date as the panels do, and the legend speaks of actors. */
      g_assert_nonnull (strstr (svg, "18 March 2021"));
      g_assert_null (strstr (svg, "2021-03-18"));
      g_assert_nonnull (strstr (svg, ">Actors<"));
      g_assert_null (strstr (svg, ">Nodes<"));
    }
}

static void
test_export_scale (void)
{
  g_autofree char *one = tmp_path ("one.png");
  g_autofree char *two = tmp_path ("two.png");
  g_autofree char *arg1 = g_strconcat ("--export=", one, NULL);
  g_autofree char *arg2 = g_strconcat ("--export=", two, NULL);
  g_autofree char *c1 = NULL;
  g_autofree char *c2 = NULL;
  gsize l1, l2;
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };
  guint32 w1, w2;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  run_actormap (&r1, arg1, "--scale=1", "--layout=dot", NULL);
  run_actormap (&r2, arg2, "--scale=2", "--layout=dot", NULL);
  g_assert_cmpint (r1.status, ==, 0);
  g_assert_cmpint (r2.status, ==, 0);
  g_assert_true (g_file_get_contents (one, &c1, &l1, NULL));
  g_assert_true (g_file_get_contents (two, &c2, &l2, NULL));
  g_assert_cmpuint (l1, >, 24);
  g_assert_cmpuint (l2, >, 24);
  /* The IHDR width, big-endian at byte 16. */
  memcpy (&w1, c1 + 16, sizeof w1);
  memcpy (&w2, c2 + 16, sizeof w2);
  w1 = GUINT32_FROM_BE (w1);
  w2 = GUINT32_FROM_BE (w2);
  g_assert_cmpuint (w1, >, 100);
  g_assert_cmpuint (w2, >=, 2 * w1 - 2);
  g_assert_cmpuint (w2, <=, 2 * w1 + 2);
}

static void
test_check (void)
{
  g_autofree char *model = fixture ("data/north-korea-ignores-us-dialogue-offer.json");
  g_auto(Run) run = { 0 };

  run_actormap (&run, "--check", model, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^ok: [0-9]+ entities, [0-9]+ relations, "
                                       "[0-9]+ statements\n$", run.out, 0, 0));
}

static void
test_check_bad (void)
{
  g_autofree char *bad = tmp_path ("broken.json");
  g_auto(Run) run = { 0 };
  g_auto(Run) missing = { 0 };

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (g_file_set_contents (bad, "{\"entities\": [ {\"id\": 5} ]}", -1, NULL));
  run_actormap (&run, "--check", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "broken.json"));
  g_assert_nonnull (strstr (run.err, "id"));

  run_actormap (&missing, "--check", "/nonexistent/model.json", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "model.json"));
}

/* Any failure leaves what was at OUT exactly as it was. */
static void
test_failures_keep_files (void)
{
  g_autofree char *out = tmp_path ("keep.svg");
  g_autofree char *arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *bad = tmp_path ("bad.json");
  const char *original = "precious";
  struct { const char *args[4]; int status; const char *needle; } cases[] = {
    { { NULL, "--layout=ortho", NULL }, 2, "ortho" },
    { { NULL, "--theme=pink", NULL }, 2, "pink" },
    { { NULL, "--scale=0", NULL }, 2, "scale" },
    { { NULL, "--scale=nan", NULL }, 2, "scale" },
    { { NULL, "--scale=100", NULL }, 2, "scale" },
    { { NULL, "--scale=two", NULL }, 2, "scale" },
    { { NULL, NULL, NULL }, 1, "bad.json" },   /* args[1] = bad model, set below */
  };

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_true (g_file_set_contents (bad, "[1, 2", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *lower = NULL;
      g_auto(Run) run = { 0 };

      g_assert_true (g_file_set_contents (out, original, -1, NULL));
      if (i == G_N_ELEMENTS (cases) - 1)
        run_actormap (&run, arg, bad, NULL);
      else
        run_actormap (&run, arg, cases[i].args[1], NULL);
      g_assert_cmpint (run.status, ==, cases[i].status);
      lower = g_ascii_strdown (run.err, -1);
      g_assert_nonnull (strstr (lower, cases[i].needle));
      g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, original);
    }
}

static void
test_bad_output_paths (void)
{
  g_autofree char *dir = tmp_path ("outdir");
  g_autofree char *unknown = tmp_path ("map.jpg");
  g_autofree char *arg_unknown = g_strconcat ("--export=", unknown, NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "dir", "map.png", NULL);
  g_autofree char *arg_missing = g_strconcat ("--export=", missing, NULL);
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };

  g_mkdir_with_parents (dir, 0700);

  run_actormap (&r1, arg_unknown, NULL);
  g_assert_cmpint (r1.status, ==, 2);
  g_assert_nonnull (strstr (r1.err, "map.jpg"));
  g_assert_false (g_file_test (unknown, G_FILE_TEST_EXISTS));

  run_actormap (&r2, arg_missing, NULL);
  g_assert_cmpint (r2.status, ==, 1);
  g_assert_nonnull (strstr (r2.err, "map.png"));

  run_actormap (&r3, "--export=/dev/full/x.svg", NULL);
  g_assert_cmpint (r3.status, !=, 0);
  g_assert_cmpstr (r3.err, !=, "");
}

static void
test_usage_errors (void)
{
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };

  run_actormap (&r1, "--check", NULL);
  g_assert_cmpint (r1.status, ==, 2);
  g_assert_nonnull (strstr (r1.err, "--check"));

  run_actormap (&r2, "--layout=dot", NULL);
  g_assert_cmpint (r2.status, ==, 2);
  g_assert_nonnull (strstr (r2.err, "--export"));

  run_actormap (&r3, "--version", NULL);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_true (g_str_has_prefix (r3.out, "actormap "));
}

/* actormap runs the headless modes itself and hands any other command line to
 * actormap-window (src/main.c).  Without a display, the window program is the one that
 * says so; without the window program, actormap names what it looked for. */
static void
test_window_program (void)
{
  g_autofree char *model = fixture ("data/north-korea-ignores-us-dialogue-offer.json");
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };
  g_autofree char *g_debug = g_strdup (g_getenv ("G_DEBUG"));

  /* GTK's "cannot open display" is a warning, which G_DEBUG=fatal-warnings would turn
   * into an abort. */
  g_unsetenv ("G_DEBUG");
  run_actormap (&r1, model, NULL);
  if (g_debug != NULL)
    g_setenv ("G_DEBUG", g_debug, TRUE);
  g_assert_cmpint (r1.status, !=, 0);
  g_assert_nonnull (strstr (r1.err, "cannot open display"));

  g_setenv ("AM_WINDOW_PROGRAM", "/nonexistent/actormap-window", TRUE);
  run_actormap (&r2, model, NULL);
  g_unsetenv ("AM_WINDOW_PROGRAM");
  g_assert_cmpint (r2.status, ==, 1);
  g_assert_nonnull (strstr (r2.err, "cannot open a window"));
  g_assert_nonnull (strstr (r2.err, "/nonexistent/actormap-window"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/Cli/export-formats", test_export_formats);
  g_test_add_func ("/Actormap/Cli/export-engines-and-themes", test_export_engines_and_themes);
  g_test_add_func ("/Actormap/Cli/export-scale", test_export_scale);
  g_test_add_func ("/Actormap/Cli/check", test_check);
  g_test_add_func ("/Actormap/Cli/check-bad", test_check_bad);
  g_test_add_func ("/Actormap/Cli/failures-keep-files", test_failures_keep_files);
  g_test_add_func ("/Actormap/Cli/bad-output-paths", test_bad_output_paths);
  g_test_add_func ("/Actormap/Cli/usage-errors", test_usage_errors);
  g_test_add_func ("/Actormap/Cli/window-program", test_window_program);

  return g_test_run ();
}
