/* test-cli-dot.c — actormap --export / --check on plain Graphviz files, with no display
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
  return g_test_build_filename (G_TEST_DIST, "data", "dot", name, NULL);
}

static void
test_export_svg (void)
{
  g_autofree char *input = fixture ("labels.gv");
  g_autofree char *out = tmp_path ("labels.svg");
  g_autofree char *arg = g_strconcat ("--export=", out, NULL);
  g_autofree char *svg = NULL;
  g_auto(Run) run = { 0 };

  /* dot draws clusters (the file itself asks for neato, which does not). */
  run_actormap (&run, arg, "--layout=dot", input, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &svg, NULL, NULL));
  g_assert_true (g_str_has_prefix (svg, "<?xml"));

  /* Labels drawn as text by Actormap: \N resolved, the HTML label reduced to its text
   * (and escaped for SVG), the cluster label, the caption from the graph label. */
  g_assert_nonnull (strstr (svg, "pyongyang (capital)"));
  g_assert_nonnull (strstr (svg, "Seoul &amp; Incheon"));
  g_assert_nonnull (strstr (svg, "Workers"));
  g_assert_nonnull (strstr (svg, "Talks about Crisis"));
  /* A Graphviz file's legend speaks of nodes, not actors. */
  g_assert_nonnull (strstr (svg, ">Nodes<"));
  g_assert_null (strstr (svg, ">Actors<"));
  /* What was dropped never shows up. */
  g_assert_null (strstr (svg, "/etc/passwd"));
  g_assert_null (strstr (svg, "example.com"));
  g_assert_null (strstr (svg, "javascript"));
  g_assert_null (strstr (svg, "<b>"));
}

static void
test_export_formats_and_engines (void)
{
  struct { const char *input; const char *name; const char *layout; const char *magic; } cases[] = {
    { "labels.gv", "a.png", "--layout=dot", "\x89PNG" },
    { "labels.gv", "b.pdf", "--layout=sfdp", "%PDF-" },
    { "undirected.gv", "c.svg", "--layout=circo", "<?xml" },
    { "sniffed.txt", "d.svg", "--layout=twopi", "<?xml" },
    { "two-graphs.gv", "e.svg", "--layout=fdp", "<?xml" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *input = fixture (cases[i].input);
      g_autofree char *out = tmp_path (cases[i].name);
      g_autofree char *arg = g_strconcat ("--export=", out, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;
      g_auto(Run) run = { 0 };

      run_actormap (&run, arg, cases[i].layout, input, NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
      g_assert_cmpuint (length, >, strlen (cases[i].magic));
      g_assert_cmpmem (contents, strlen (cases[i].magic), cases[i].magic,
                       strlen (cases[i].magic));
    }
}

static void
test_check (void)
{
  g_autofree char *input = fixture ("labels.gv");
  g_auto(Run) run = { 0 };

  run_actormap (&run, "--check", input, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ok: 6 entities, 6 relations, 0 statements\n");
}

/* Bad Graphviz files: exit 1, one line on stderr that names the file, no output file. */
static void
test_bad_files (void)
{
  struct { const char *input; const char *expected; } cases[] = {
    { "syntax-error.gv", "actormap: syntax-error.gv: syntax error in line 4 near ';'\n" },
    { "empty.gv", "actormap: empty.gv: empty file\n" },
    { "nul.gv", "actormap: nul.gv: a NUL byte at offset 23: not a Graphviz text file\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *input = fixture (cases[i].input);
      g_autofree char *out = tmp_path ("bad.svg");
      g_autofree char *arg = g_strconcat ("--export=", out, NULL);
      g_auto(Run) run = { 0 };
      g_auto(Run) check = { 0 };

      run_actormap (&run, arg, input, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.err, ==, cases[i].expected);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

      run_actormap (&check, "--check", input, NULL);
      g_assert_cmpint (check.status, ==, 1);
      g_assert_cmpstr (check.err, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/CliDot/export-svg", test_export_svg);
  g_test_add_func ("/Actormap/CliDot/export-formats-and-engines", test_export_formats_and_engines);
  g_test_add_func ("/Actormap/CliDot/check", test_check);
  g_test_add_func ("/Actormap/CliDot/bad-files", test_bad_files);

  return g_test_run ();
}
