/* test-cli-extract.c — actormap --extract from the outside, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-run.h"

static char *
article_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "articles", name, NULL);
}

/* A good article gives a valid model whose items are all "suggested", and --check takes it. */
static void
test_extract (void)
{
  g_autofree char *article = article_path ("pension-debate.txt");
  g_autofree char *out = tmp_path ("draft.json");
  g_autofree char *arg = g_strconcat ("--extract=", out, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) check = { 0 };
  const char *members[] = { "entities", "relations", "statements" };
  JsonObject *root;

  run_actormap (&run, arg, article, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 2);
  for (guint m = 0; m < G_N_ELEMENTS (members); m++)
    {
      JsonArray *items = json_object_get_array_member (root, members[m]);

      g_assert_cmpuint (json_array_get_length (items), >, 2);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);

          g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "suggested");
          g_assert_true (json_object_has_member (item, "evidence"));
        }
    }
  /* The article is in the file, verbatim. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "article"), "title"), ==,
                   "Bundestag Rejects Opposition Motion on Pension Age After Heated Debate");

  run_actormap (&check, "--check", out, NULL);
  g_assert_cmpint (check.status, ==, 0);
  g_assert_true (g_str_has_prefix (check.out, "ok: "));
}

/* Markdown and HTML articles are drafted too. */
static void
test_extract_formats (void)
{
  static const struct { const char *name; const char *text; } rows[] = {
    { "story.md", "# Port deal signed\n\nFinance Minister Ana Castro said the *Port Authority* would hire 300 workers.\n\n\"It is a good day,\" Castro said.\n" },
    { "story.html", "<html><head><title>Port</title></head><body><h1>Port deal signed</h1>"
                    "<p>Finance Minister Ana Castro said the Port Authority would hire 300 workers.</p>"
                    "<p>&ldquo;It is a good day,&rdquo; Castro said.</p><script>var x;</script></body></html>" },
  };

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_autofree char *in = tmp_path (rows[r].name);
      g_autofree char *out = tmp_path ("format.json");
      g_autofree char *arg = g_strconcat ("--extract=", out, NULL);
      g_autofree char *json = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(Run) run = { 0 };

      g_file_set_contents (in, rows[r].text, -1, &error);
      g_assert_no_error (error);
      run_actormap (&run, arg, in, NULL);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);
      g_file_get_contents (out, &json, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (json, "\"name\" : \"Ana Castro\""));
      g_assert_nonnull (strstr (json, "\"text\" : \"It is a good day,\""));
    }
}

/* A bad article: exit 1, a message naming the file, and no output file — nor is an old
 * one touched. */
static void
test_extract_bad (void)
{
  static const struct { const char *name; const char *bytes; gsize size; const char *message; } rows[] = {
    { "empty.txt", "", 0, "empty.txt" },
    { "binary.txt", "\x7f" "ELF\0\0\1\2\3", 9, "binary.txt" },
    { "latin1.txt", "Caf\xe9 society\n", 13, "latin1.txt" },
    { "nothing.html", "<html><body><script>x()</script></body></html>", 46, "nothing.html" },
  };

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_autofree char *in = tmp_path (rows[r].name);
      g_autofree char *out = tmp_path ("never.json");
      g_autofree char *old = tmp_path ("old.json");
      g_autofree char *arg = g_strconcat ("--extract=", out, NULL);
      g_autofree char *old_arg = g_strconcat ("--extract=", old, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(Run) run = { 0 };
      g_auto(Run) run_old = { 0 };

      g_file_set_contents (in, rows[r].bytes, rows[r].size, &error);
      g_assert_no_error (error);
      g_file_set_contents (old, "previous", -1, &error);
      g_assert_no_error (error);

      run_actormap (&run, arg, in, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (g_str_has_prefix (run.err, "actormap: "));
      g_assert_nonnull (strstr (run.err, rows[r].message));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

      run_actormap (&run_old, old_arg, in, NULL);
      g_assert_cmpint (run_old.status, ==, 1);
      g_file_get_contents (old, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (contents, ==, "previous");
    }

  /* A missing article, and an output that cannot be written. */
  {
    g_autofree char *out = tmp_path ("missing.json");
    g_autofree char *arg = g_strconcat ("--extract=", out, NULL);
    g_autofree char *article = article_path ("pension-debate.txt");
    g_auto(Run) run = { 0 };
    g_auto(Run) run_dir = { 0 };

    run_actormap (&run, arg, "/nonexistent/article.txt", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "article.txt"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

    run_actormap (&run_dir, "--extract=/nonexistent/dir/out.json", article, NULL);
    g_assert_cmpint (run_dir.status, ==, 1);
    g_assert_nonnull (strstr (run_dir.err, "out.json"));
  }
}

static void
test_extract_usage (void)
{
  g_auto(Run) run = { 0 };

  run_actormap (&run, "--extract=x.json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--extract"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/Cli/extract", test_extract);
  g_test_add_func ("/Actormap/Cli/extract-formats", test_extract_formats);
  g_test_add_func ("/Actormap/Cli/extract-bad", test_extract_bad);
  g_test_add_func ("/Actormap/Cli/extract-usage", test_extract_usage);

  return g_test_run ();
}
