/* test-writer.c — the model format written: round trips, equality, and saving that
 * loses nothing when the write fails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "am-core.h"

static const char status_model[] =
  "{\"format\": \"actormap\", \"version\": 2,"
  " \"article\": {\"title\": \"T\", \"url\": \"https://example.org/a\","
  "   \"paragraphs\": [\"Joe Biden met Moon.\", \"Moon said no, and Moon left.\"]},"
  " \"entities\": ["
  "  {\"id\": \"biden\", \"name\": \"Joe Biden\", \"kind\": \"person\", \"role\": \"President\","
  "   \"aliases\": [\"Biden\"], \"position\": {\"x\": 120.5, \"y\": -48}, \"colour\": \"blue\","
  "   \"evidence\": [{\"paragraph\": 0, \"text\": \"Joe Biden\"}]},"
  "  {\"id\": \"moon\", \"name\": \"Moon\", \"kind\": \"person\", \"status\": \"suggested\","
  "   \"position\": {\"x\": 0.1, \"y\": 1e-7}, \"evidence\": [{\"paragraph\": 1, \"text\": \"Moon left\"}]},"
  "  {\"id\": \"kr\", \"name\": \"South Korea\", \"kind\": \"nation\", \"status\": \"suggested\"}"
  " ],"
  " \"relations\": ["
  "  {\"id\": \"r-met\", \"source\": \"biden\", \"target\": \"moon\", \"label\": \"met\", \"directed\": false,"
  "   \"date\": \"2021-03\", \"type\": \"meeting\"},"
  "  {\"id\": \"r-kr\", \"source\": \"kr\", \"target\": \"biden\", \"label\": \"hosts\", \"status\": \"suggested\"}"
  " ],"
  " \"statements\": [{\"id\": \"s-no\", \"speaker\": \"moon\", \"text\": \"no\", \"quoted\": true,"
  "   \"about\": [\"biden\"], \"addressees\": [\"biden\"], \"reported_by\": \"biden\","
  "   \"status\": \"suggested\", \"evidence\": [{\"paragraph\": 1, \"text\": \"said no\"}]}]"
  "}";

static AmDocument *
load_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  AmDocument *document = am_document_load_from_bytes (bytes, "test.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static AmDocument *
load_string (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));

  return load_bytes (bytes);
}

static AmDocument *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AmDocument *document = am_document_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static char *
bundled_model_path (void)
{
  return g_build_filename (g_getenv ("AM_SOURCE_ROOT"), "data",
                           "north-korea-ignores-us-dialogue-offer.json", NULL);
}

/* load (to_json (d)) equals d, and writing it again gives the same bytes. */
static void
assert_round_trip (AmDocument  *document,
                   AmJsonFlags  flags)
{
  g_autoptr(GBytes) json = am_document_to_json (document, flags);
  g_autoptr(AmDocument) again = load_bytes (json);
  g_autoptr(GBytes) json_again = am_document_to_json (again, flags);

  g_assert_true (am_document_equal (document, again));
  g_assert_true (am_document_equal (again, document));
  g_assert_true (g_bytes_equal (json, json_again));
}

static void
test_round_trip_bundled (void)
{
  g_autofree char *path = bundled_model_path ();
  g_autoptr(AmDocument) document = load_path (path);
  g_autoptr(GBytes) json = am_document_to_json (document, AM_JSON_DEFAULT);
  const char *text = g_bytes_get_data (json, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_entities (document)), >, 10);
  assert_round_trip (document, AM_JSON_DEFAULT);
  assert_round_trip (document, AM_JSON_INCLUDE_SUGGESTED);

  /* Version 2, pretty, the known keys first. */
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\" : \"actormap\",\n  \"version\" : 2,\n  \"article\" : {\n    \"title\" : "));
  g_assert_nonnull (strstr (text, "\"entities\" : [\n    {\n      \"id\" : \"us\",\n      \"name\" : \"United States\",\n      \"kind\" : \"state\""));
  g_assert_true (g_str_has_suffix (text, "}\n"));
  /* Nothing in the bundled model is suggested, so nothing says so. */
  g_assert_null (strstr (text, "\"status\""));
}

static void
test_round_trip_fixtures (void)
{
  const char *names[] = {
    "valid-full.json", "minimal.json", "empty-entities.json", "bom.json", "version-2.json"
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "core", names[i], NULL);
      g_autoptr(AmDocument) document = load_path (path);

      g_test_message ("%s", names[i]);
      assert_round_trip (document, AM_JSON_INCLUDE_SUGGESTED);
    }
}

/* The version 2 fixture: what each item says, read back. */
static void
test_version_2_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "core", "version-2.json", NULL);
  g_autoptr(AmDocument) document = load_path (path);
  double x, y;

  g_assert_true (am_entity_get_position (am_document_lookup_entity (document, "silva"), &x, &y));
  g_assert_cmpfloat (x, ==, 120.5);
  g_assert_cmpfloat (y, ==, 48.0);
  g_assert_true (am_entity_get_position (am_document_lookup_entity (document, "seoul"), &x, &y));
  g_assert_cmpfloat (x, ==, -10.0);
  g_assert_cmpfloat (y, ==, 225.0);
  g_assert_false (am_entity_get_position (am_document_lookup_entity (document, "yonhap"), NULL, NULL));
  g_assert_cmpint (am_entity_get_status (am_document_lookup_entity (document, "seoul")), ==,
                   AM_STATUS_ACCEPTED);
  g_assert_cmpint (am_entity_get_status (am_document_lookup_entity (document, "yonhap")), ==,
                   AM_STATUS_SUGGESTED);
  g_assert_cmpint (am_relation_get_status (am_document_lookup_relation (document, "r-reports")), ==,
                   AM_STATUS_SUGGESTED);
  g_assert_cmpint (am_statement_get_status (am_document_lookup_statement (document, "s-keep-talking")),
                   ==, AM_STATUS_SUGGESTED);
}

static void
test_round_trip_status_position (void)
{
  g_autoptr(AmDocument) document = load_string (status_model);
  g_autoptr(GBytes) json = am_document_to_json (document, AM_JSON_INCLUDE_SUGGESTED);
  const char *text = g_bytes_get_data (json, NULL);
  double x, y;

  assert_round_trip (document, AM_JSON_INCLUDE_SUGGESTED);
  g_assert_nonnull (strstr (text, "\"status\" : \"suggested\""));
  g_assert_nonnull (strstr (text, "\"position\" : {\n        \"x\" : 120.5,\n        \"y\" : -48"));
  g_assert_nonnull (strstr (text, "\"colour\" : \"blue\""));
  g_assert_nonnull (strstr (text, "\"kind\" : \"nation\""));
  g_assert_nonnull (strstr (text, "\"directed\" : false"));
  g_assert_null (strstr (text, "\"accepted\""));

  {
    g_autoptr(AmDocument) again = load_bytes (json);

    g_assert_true (am_entity_get_position (am_document_lookup_entity (again, "moon"), &x, &y));
    g_assert_cmpfloat (x, ==, 0.1);
    g_assert_cmpfloat (y, ==, 1e-7);
  }
}

/* The saved model has no suggested items; a suggested actor an accepted item needs is
 * written as accepted, so the file loads. */
static void
test_default_leaves_suggestions_out (void)
{
  g_autoptr(AmDocument) document = load_string (status_model);
  g_autoptr(GBytes) json = am_document_to_json (document, AM_JSON_DEFAULT);
  g_autoptr(AmDocument) saved = load_bytes (json);
  AmEntity *moon;

  g_assert_null (strstr (g_bytes_get_data (json, NULL), "\"status\""));
  g_assert_null (am_document_lookup_entity (saved, "kr"));
  g_assert_null (am_document_lookup_relation (saved, "r-kr"));
  g_assert_null (am_document_lookup_statement (saved, "s-no"));
  g_assert_nonnull (am_document_lookup_relation (saved, "r-met"));
  moon = am_document_lookup_entity (saved, "moon");
  g_assert_nonnull (moon);
  g_assert_cmpint (am_entity_get_status (moon), ==, AM_STATUS_ACCEPTED);
  g_assert_false (am_document_equal (document, saved));
}

static void
test_equal (void)
{
  g_autoptr(AmDocument) document = load_string (status_model);
  g_autoptr(AmDocumentBuilder) builder = am_document_builder_new_from_document (document);
  g_autoptr(AmDocument) same = am_document_builder_build (builder, NULL, NULL);
  struct { const char *id, *property; } changes[] = {
    { "biden", "name" }, { "biden", "position" }, { "moon", "status" },
    { "r-met", "directed" }, { "s-no", "quoted" }, { "biden", "attributes" },
    { "biden", "evidence" }, { "article", "title" }, { "kr", "remove" },
  };

  g_assert_true (am_document_equal (document, same));

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_autoptr(AmDocumentBuilder) b = am_document_builder_new_from_document (document);
      g_autoptr(AmDocument) changed = NULL;
      g_autoptr(GObject) item = NULL;
      gpointer old = am_document_builder_lookup (b, changes[i].id);
      const char *property = changes[i].property;

      g_test_message ("%s.%s", changes[i].id, property);
      if (g_str_equal (property, "name"))
        item = am_object_copy_with (old, "name", "Joseph Biden", NULL);
      else if (g_str_equal (property, "position"))
        item = am_object_copy_with (old, "x", 120.5, "y", -48.000001, NULL);
      else if (g_str_equal (property, "status"))
        item = am_object_copy_with (old, "status", AM_STATUS_ACCEPTED, NULL);
      else if (g_str_equal (property, "directed"))
        item = am_object_copy_with (old, "directed", TRUE, NULL);
      else if (g_str_equal (property, "quoted"))
        item = am_object_copy_with (old, "quoted", FALSE, NULL);
      else if (g_str_equal (property, "attributes"))
        {
          g_autoptr(GHashTable) table = g_hash_table_new (g_str_hash, g_str_equal);

          g_hash_table_insert (table, (gpointer) "colour", (gpointer) "red");
          item = am_object_copy_with (old, "attributes", table, NULL);
        }
      else if (g_str_equal (property, "evidence"))
        item = am_object_copy_with (old, "evidence", NULL, NULL);
      else if (g_str_equal (property, "title"))
        am_document_builder_set_article_field (b, AM_ARTICLE_FIELD_TITLE, "T2");
      else if (g_str_equal (property, "remove"))
        {
          g_assert_true (am_document_builder_remove (b, "r-kr"));
          g_assert_true (am_document_builder_remove (b, "kr"));
        }

      if (item != NULL)
        am_document_builder_put (b, item);
      changed = am_document_builder_build (b, NULL, NULL);
      g_assert_nonnull (changed);
      g_assert_false (am_document_equal (document, changed));
      g_assert_false (am_document_equal (changed, document));
    }
}

/* ------------------------------------------------------------------------------------ */
/* Saving                                                                               */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("actormap-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined with spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
assert_file_contents (const char *path,
                      const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

static const char old_contents[] = "{\"entities\": [], \"note\": \"the old file\"}\n";

static void
test_save (void)
{
  g_autoptr(AmDocument) document = load_string (status_model);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "map.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) expected = am_document_to_json (document, AM_JSON_DEFAULT);
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  /* A new file: 0644 (before the umask). */
  g_assert_true (am_document_save (document, path, AM_JSON_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  /* An existing file keeps its mode; a link is followed and stays a link. */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_cmpint (symlink ("map.json", link), ==, 0);
  g_assert_true (am_document_save (document, link, AM_JSON_INCLUDE_SUGGESTED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autoptr(AmDocument) again = load_path (path);

    g_assert_true (am_document_equal (document, again));
  }

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "link.json map.json");
  remove_tree (dir);
}

typedef enum
{
  FAIL_MISSING_FOLDER,
  FAIL_PARENT_IS_FILE,
  FAIL_TARGET_IS_DIRECTORY,
  FAIL_LINK_TO_DEVICE,
  FAIL_FIFO,
} Failure;

/* Every case fails for root too (a chmod'd read-only file would not stop root), and
 * stands for a failure users meet:
 *   MISSING_FOLDER     the folder was removed, or a USB stick unplugged, since Save As
 *   PARENT_IS_FILE     a path through something that is not a folder (ENOTDIR), like a
 *                      folder replaced by a file, or a read-only mount refusing the temp file
 *   TARGET_IS_DIRECTORY  Save As onto a folder's name
 *   LINK_TO_DEVICE     a link to /dev/full: the full disk that refuses every write; a
 *                      device is never replaced by a file
 *   FIFO               a special file where the model was */
static void
test_save_fails (gconstpointer data)
{
  Failure failure = GPOINTER_TO_INT (data);
  g_autoptr(AmDocument) document = load_string (status_model);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *old = g_build_filename (dir, "old.json", NULL);
  g_autofree char *path = NULL;
  g_autofree char *listing_before = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected_name = "map.json";
  GIOErrorEnum code;

  /* An old model next to the target, which no failure may touch. */
  write_file (old, old_contents);

  switch (failure)
    {
    case FAIL_MISSING_FOLDER:
      path = g_build_filename (dir, "gone", "map.json", NULL);
      code = G_IO_ERROR_NOT_FOUND;
      break;
    case FAIL_PARENT_IS_FILE:
      path = g_build_filename (old, "map.json", NULL);
      code = G_IO_ERROR_NOT_DIRECTORY;
      break;
    case FAIL_TARGET_IS_DIRECTORY:
      path = g_build_filename (dir, "map.json", NULL);
      g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
      code = G_IO_ERROR_IS_DIRECTORY;
      break;
    case FAIL_LINK_TO_DEVICE:
      path = g_build_filename (dir, "map.json", NULL);
      g_assert_cmpint (symlink ("/dev/full", path), ==, 0);
      code = G_IO_ERROR_NOT_REGULAR_FILE;
      break;
    case FAIL_FIFO:
      path = g_build_filename (dir, "map.json", NULL);
      g_assert_cmpint (mkfifo (path, 0644), ==, 0);
      code = G_IO_ERROR_NOT_REGULAR_FILE;
      break;
    default:
      g_assert_not_reached ();
    }

  listing_before = list_dir (dir);
  g_assert_false (am_document_save (document, path, AM_JSON_DEFAULT, &error));
  g_assert_error (error, G_IO_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not save “"));
  g_assert_nonnull (strstr (error->message, expected_name));

  /* The old file byte for byte, and nothing new: no temporary file. */
  assert_file_contents (old, old_contents);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, listing_before);
  if (failure == FAIL_LINK_TO_DEVICE)
    {
      GStatBuf st;

      g_assert_cmpint (g_lstat (path, &st), ==, 0);
      g_assert_true (S_ISLNK (st.st_mode));
    }

  remove_tree (dir);
}

/* A full disk: the write fails part way (ENOSPC).  No tmpfs here, so the file size limit
 * stands in for it: a write past RLIMIT_FSIZE fails with EFBIG, for root too.  The old
 * file must be intact and the temporary file gone. */
static void
test_save_disk_full (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(AmDocument) document = NULL;
      g_autofree char *model = bundled_model_path ();
      const char *path = g_getenv ("AM_TEST_SAVE_PATH");
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };

      document = load_path (model);
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (am_document_save (document, path, AM_JSON_DEFAULT, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      g_printerr ("%s\n", error->message);
      return;
    }

  {
    g_autofree char *dir = make_temp_dir ();
    g_autofree char *path = g_build_filename (dir, "map.json", NULL);
    g_autofree char *listing = NULL;

    write_file (path, old_contents);
    g_setenv ("AM_TEST_SAVE_PATH", path, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stderr ("*Could not save ?map.json?: File too large*");

    assert_file_contents (path, old_contents);
    listing = list_dir (dir);
    g_assert_cmpstr (listing, ==, "map.json");

    g_unsetenv ("AM_TEST_SAVE_PATH");
    remove_tree (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/writer/round-trip/bundled", test_round_trip_bundled);
  g_test_add_func ("/writer/round-trip/fixtures", test_round_trip_fixtures);
  g_test_add_func ("/writer/version-2-fixture", test_version_2_fixture);
  g_test_add_func ("/writer/round-trip/status-position", test_round_trip_status_position);
  g_test_add_func ("/writer/default-leaves-suggestions-out", test_default_leaves_suggestions_out);
  g_test_add_func ("/writer/equal", test_equal);
  g_test_add_func ("/save/ok", test_save);
  g_test_add_data_func ("/save/fails/missing-folder", GINT_TO_POINTER (FAIL_MISSING_FOLDER), test_save_fails);
  g_test_add_data_func ("/save/fails/parent-is-file", GINT_TO_POINTER (FAIL_PARENT_IS_FILE), test_save_fails);
  g_test_add_data_func ("/save/fails/target-is-directory", GINT_TO_POINTER (FAIL_TARGET_IS_DIRECTORY), test_save_fails);
  g_test_add_data_func ("/save/fails/link-to-device", GINT_TO_POINTER (FAIL_LINK_TO_DEVICE), test_save_fails);
  g_test_add_data_func ("/save/fails/fifo", GINT_TO_POINTER (FAIL_FIFO), test_save_fails);
  g_test_add_func ("/save/fails/disk-full", test_save_disk_full);

  return g_test_run ();
}
