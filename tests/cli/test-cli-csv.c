/* test-cli-csv.c — actormap --export / --check with CSV, the model JSON and Web
 * Annotations, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-run.h"

static char *
bundled (void)
{
  return g_build_filename (g_getenv ("AM_SOURCE_ROOT"), "data",
                           "north-korea-ignores-us-dialogue-offer.json", NULL);
}

static void
check_counts (const char *path,
              const char *expected)
{
  g_auto(Run) run = { 0 };

  run_actormap (&run, "--check", path, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
}

static void
export (const char *input,
        const char *output)
{
  g_autofree char *arg = g_strconcat ("--export=", output, NULL);
  g_auto(Run) run = { 0 };

  run_actormap (&run, arg, input, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
}

/* The bundled model to CSV (edge list and nodes table), read back with the counts. */
static void
test_bundled_round_trip (void)
{
  g_autofree char *model = bundled ();
  g_autofree char *out = tmp_path ("map.csv");
  g_autofree char *nodes = tmp_path ("map.nodes.csv");
  g_autofree char *json = tmp_path ("map-again.json");
  g_autofree char *edges_text = NULL;

  export (model, out);
  g_assert_true (g_file_test (nodes, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (out, &edges_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (edges_text, "id,source,target,label,type,date,directed"));
  check_counts (out, "ok: 29 entities, 53 relations, 0 statements\n");

  /* CSV → model → check. */
  export (out, json);
  check_counts (json, "ok: 29 entities, 53 relations, 0 statements\n");
}

/* A CSV file and a DOT file become models that load. */
static void
test_model_from_csv_and_dot (void)
{
  g_autofree char *csv = tmp_path ("hand.csv");
  g_autofree char *csv_json = tmp_path ("hand.json");
  g_autofree char *dot = g_test_build_filename (G_TEST_DIST, "data", "dot", "labels.gv", NULL);
  g_autofree char *dot_json = tmp_path ("labels.json");
  g_autofree char *text = NULL;

  g_assert_true (g_file_set_contents (csv, "Source;Target;Label\r\nKim;Choe;\"sends, says\"\r\n"
                                      "Choe;US;ignores\r\nChoe;US;ignores\r\n", -1, NULL));
  check_counts (csv, "ok: 3 entities, 3 relations, 0 statements\n");
  export (csv, csv_json);
  check_counts (csv_json, "ok: 3 entities, 3 relations, 0 statements\n");
  g_assert_true (g_file_get_contents (csv_json, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"sends, says\""));

  export (dot, dot_json);
  check_counts (dot_json, "ok: 6 entities, 6 relations, 0 statements\n");
}

/* The bundled model's evidence as Web Annotations: one per evidence. */
static void
test_annotations (void)
{
  g_autofree char *model = bundled ();
  g_autofree char *out = tmp_path ("evidence.jsonld");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  export (model, out);
  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "@context"), ==,
                   "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, 126);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
    json_object_get_object_member (root, "first"), "items")), ==, 126);
}

/* A bad CSV file: exit 1, one line that names the file and the line, no output. */
static void
test_bad_csv (void)
{
  g_autofree char *csv = tmp_path ("bad.csv");
  g_autofree char *out = tmp_path ("bad.json");
  g_autofree char *arg = g_strconcat ("--export=", out, NULL);
  g_auto(Run) run = { 0 };
  g_auto(Run) check = { 0 };

  g_assert_true (g_file_set_contents (csv, "source,target\na,\"b\n", -1, NULL));
  run_actormap (&run, arg, csv, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, "actormap: bad.csv: line 2: unbalanced quotes"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_actormap (&check, "--check", csv, NULL);
  g_assert_cmpint (check.status, ==, 1);
  g_assert_cmpstr (check.err, ==, run.err);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/CliCsv/bundled-round-trip", test_bundled_round_trip);
  g_test_add_func ("/Actormap/CliCsv/model-from-csv-and-dot", test_model_from_csv_and_dot);
  g_test_add_func ("/Actormap/CliCsv/annotations", test_annotations);
  g_test_add_func ("/Actormap/CliCsv/bad-csv", test_bad_csv);

  return g_test_run ();
}
