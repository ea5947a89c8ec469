/* test-loader-errors.c — every bad input gets its own clear error, and nothing else
 *
 * A table: each file in tests/data/bad/ → the AM_MODEL_ERROR code and substrings of
 * the message (which always starts with the file name), plus inputs made at run time
 * (deep nesting, a FIFO, a directory, a sparse file over the size cap, /dev/zero and a
 * link to it, a vanished path).  Covers robustness.md §7 items 1–14.  Warnings and
 * criticals are fatal (g_test_init), so "no CRITICAL" is checked by every row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "am-core.h"

typedef struct
{
  const char   *file;
  AmModelError  code;
  const char   *needles[3];   /* substrings of the message, after "FILE: " */
} BadInput;

/* Grouped by robustness.md §7 item; every file of tests/data/bad/ has exactly one row
 * (test_table_complete checks it), so a new crasher cannot be added without one. */
static const BadInput bad_inputs[] = {
  /* 1. empty, or only white space / a BOM */
  { "empty.json", AM_MODEL_ERROR_EMPTY, { "empty file" } },
  { "whitespace-only.json", AM_MODEL_ERROR_EMPTY, { "empty file" } },
  { "bom-only.json", AM_MODEL_ERROR_EMPTY, { "empty file" } },
  { "bom-whitespace.json", AM_MODEL_ERROR_EMPTY, { "empty file" } },

  /* 5. not UTF-8, NUL bytes */
  { "latin1.json", AM_MODEL_ERROR_NOT_UTF8, { "line 1, column 39", "not UTF-8", "0xE9" } },
  { "nul-byte.json", AM_MODEL_ERROR_NOT_UTF8, { "line 1, column 37", "NUL byte" } },
  { "overlong-utf8.json", AM_MODEL_ERROR_NOT_UTF8, { "not UTF-8", "0xC0" } },

  /* 6. lone surrogates: a parse error with a position (json-glib would have produced
   * invalid UTF-8 for "\ud800x"), and the NUL escape json-glib would have cut at */
  { "lone-surrogate.json", AM_MODEL_ERROR_SYNTAX, { "line 1, column 36", "surrogate \\uD800" } },
  { "lone-surrogate-then-char.json", AM_MODEL_ERROR_SYNTAX, { "line 1, column 36", "surrogate" } },
  { "lone-low-surrogate.json", AM_MODEL_ERROR_SYNTAX, { "surrogate \\uDC00" } },
  { "escaped-nul.json", AM_MODEL_ERROR_INVALID_VALUE, { "line 1, column 37", "\\u0000" } },

  /* 7. nesting deeper than the cap (64 is accepted: tests/data/core/depth-64.json) */
  { "deep-65.json", AM_MODEL_ERROR_TOO_DEEP, { "nested too deeply", "64" } },

  /* syntax, and the json-glib laxness the format refuses */
  { "two-values.json", AM_MODEL_ERROR_SYNTAX, { "line 2, column 1", "second top-level value" } },
  { "two-arrays.json", AM_MODEL_ERROR_SYNTAX, { "second top-level value" } },
  { "trailing-junk.json", AM_MODEL_ERROR_SYNTAX, { "line 1, column 18" } },
  { "trailing-comma.json", AM_MODEL_ERROR_SYNTAX, { "line 1, column 16" } },
  { "missing-colon.json", AM_MODEL_ERROR_SYNTAX, { "line 1, column 11", ":" } },
  { "unclosed.json", AM_MODEL_ERROR_SYNTAX, { "line 2, column 1", "end of file" } },
  { "unterminated-string.json", AM_MODEL_ERROR_SYNTAX, { "line 1" } },
  { "comment.json", AM_MODEL_ERROR_SYNTAX, { "line 2, column 3", "comments" } },
  { "block-comment.json", AM_MODEL_ERROR_SYNTAX, { "comments" } },
  { "single-quotes.json", AM_MODEL_ERROR_SYNTAX, { "single quotes" } },
  { "js-assignment.json", AM_MODEL_ERROR_SYNTAX, { "'var'" } },
  { "hex-number.json", AM_MODEL_ERROR_SYNTAX, { "'0x10'" } },
  { "leading-zero.json", AM_MODEL_ERROR_SYNTAX, { "'01'" } },
  { "nan.json", AM_MODEL_ERROR_SYNTAX, { "'NaN'" } },
  { "infinity.json", AM_MODEL_ERROR_SYNTAX, { "Infinity" } },
  { "invalid-escape.json", AM_MODEL_ERROR_SYNTAX, { "invalid escape '\\x'" } },
  { "raw-tab-in-string.json", AM_MODEL_ERROR_SYNTAX, { "control character U+0009" } },
  { "raw-newline-in-string.json", AM_MODEL_ERROR_SYNTAX, { "control character U+000A" } },
  { "form-feed.json", AM_MODEL_ERROR_SYNTAX, { "U+000C" } },
  /* json-glib quotes the token at fault cut at a byte count, splitting a character:
   * the message must still be valid UTF-8 (found by the fuzzer), and its column counts
   * characters like the loader's own messages */
  { "json-glib-message-cut-utf8.json", AM_MODEL_ERROR_SYNTAX, { "line 1, column 39", "expected character `:'" } },
  { "fuzz-json-glib-message-cut-utf8.json", AM_MODEL_ERROR_SYNTAX, { "line 31, column 41", "unexpected string constant" } },

  /* numbers the parser accepts but the model cannot use */
  { "big-integer.json", AM_MODEL_ERROR_INVALID_VALUE, { "line 3", "99999999999999999999", "64 bits" } },
  { "huge-number.json", AM_MODEL_ERROR_INVALID_VALUE, { "1e999", "out of range" } },
  { "huge-negative-number.json", AM_MODEL_ERROR_INVALID_VALUE, { "-1.5e400" } },

  /* 8. not an Actormap file */
  { "top-array.json", AM_MODEL_ERROR_INVALID_DOCUMENT, { "not an Actormap file", "an array" } },
  { "top-number.json", AM_MODEL_ERROR_INVALID_DOCUMENT, { "not an Actormap file", "an integer" } },
  { "top-string.json", AM_MODEL_ERROR_INVALID_DOCUMENT, { "not an Actormap file" } },
  { "top-null.json", AM_MODEL_ERROR_INVALID_DOCUMENT, { "not an Actormap file" } },
  { "no-entities.json", AM_MODEL_ERROR_INVALID_DOCUMENT, { "not an Actormap file", "'entities'" } },
  { "entities-object.json", AM_MODEL_ERROR_INVALID_DOCUMENT, { "not an Actormap file", "'entities' is an object" } },
  { "entities-null.json", AM_MODEL_ERROR_INVALID_DOCUMENT, { "'entities' is null" } },
  { "wrong-format.json", AM_MODEL_ERROR_INVALID_DOCUMENT, { "not an Actormap file", "'graphml'" } },
  { "format-number.json", AM_MODEL_ERROR_WRONG_TYPE, { "format: expected a string, got an integer" } },
  { "version-3.json", AM_MODEL_ERROR_INVALID_DOCUMENT, { "version 3", "versions 1 and 2" } },

  /* version 2: an item's status and an actor's position */
  { "status-unknown.json", AM_MODEL_ERROR_INVALID_VALUE, { "entities[0] (a): status: 'maybe' is neither 'accepted' nor 'suggested'" } },
  { "status-boolean.json", AM_MODEL_ERROR_WRONG_TYPE, { "relations[0] (r1): status: expected a string, got a boolean" } },
  { "position-array.json", AM_MODEL_ERROR_WRONG_TYPE, { "entities[0] (a): position: expected an object, got an array" } },
  { "position-no-y.json", AM_MODEL_ERROR_MISSING_FIELD, { "entities[0] (a): missing required member 'position.y'" } },
  { "position-x-string.json", AM_MODEL_ERROR_WRONG_TYPE, { "entities[0] (a): position.x: expected a number, got a string" } },

  /* 9. wrong member types: the member, and the id once known */
  { "id-number.json", AM_MODEL_ERROR_WRONG_TYPE, { "entities[0]: id: expected a string, got an integer" } },
  { "name-null.json", AM_MODEL_ERROR_WRONG_TYPE, { "entities[1] (kim): name: expected a string, got null" } },
  { "kind-array.json", AM_MODEL_ERROR_WRONG_TYPE, { "entities[0] (a): kind: expected a string, got an array" } },
  { "entity-not-object.json", AM_MODEL_ERROR_WRONG_TYPE, { "entities[1]: expected an object, got a string" } },
  { "aliases-string.json", AM_MODEL_ERROR_WRONG_TYPE, { "entities[0] (a): aliases: expected an array" } },
  { "aliases-item-number.json", AM_MODEL_ERROR_WRONG_TYPE, { "entities[0] (a): aliases[1]: expected a string" } },
  { "role-number.json", AM_MODEL_ERROR_WRONG_TYPE, { "entities[0] (a): role: expected a string" } },
  { "article-array.json", AM_MODEL_ERROR_WRONG_TYPE, { "article: expected an object, got an array" } },
  { "paragraphs-item-number.json", AM_MODEL_ERROR_WRONG_TYPE, { "article: paragraphs[1]: expected a string" } },
  { "title-object.json", AM_MODEL_ERROR_WRONG_TYPE, { "article: title: expected a string, got an object" } },
  { "relations-object.json", AM_MODEL_ERROR_WRONG_TYPE, { "relations: expected an array, got an object" } },
  { "relation-directed-string.json", AM_MODEL_ERROR_WRONG_TYPE, { "relations[0] (r1): directed: expected a boolean" } },
  { "relation-label-number.json", AM_MODEL_ERROR_WRONG_TYPE, { "relations[0] (r1): label: expected a string" } },
  { "statement-quoted-number.json", AM_MODEL_ERROR_WRONG_TYPE, { "statements[0] (s1): quoted: expected a boolean" } },
  { "statement-about-string.json", AM_MODEL_ERROR_WRONG_TYPE, { "statements[0] (s1): about: expected an array" } },
  { "evidence-object.json", AM_MODEL_ERROR_WRONG_TYPE, { "relations[0] (r1): evidence: expected an array" } },
  { "evidence-paragraph-string.json", AM_MODEL_ERROR_WRONG_TYPE, { "relations[0] (r1): evidence[0].paragraph: expected an integer, got a string" } },
  { "evidence-paragraph-float.json", AM_MODEL_ERROR_WRONG_TYPE, { "evidence[0].paragraph: expected an integer, got a number" } },
  { "evidence-text-null.json", AM_MODEL_ERROR_WRONG_TYPE, { "statements[0] (s1): evidence[0].text: expected a string, got null" } },

  /* required members */
  { "entity-no-id.json", AM_MODEL_ERROR_MISSING_FIELD, { "entities[0]: missing required member 'id'" } },
  { "entity-no-name.json", AM_MODEL_ERROR_MISSING_FIELD, { "entities[0] (a): missing required member 'name'" } },
  { "entity-no-kind.json", AM_MODEL_ERROR_MISSING_FIELD, { "entities[0] (a): missing required member 'kind'" } },
  /* 12. a relation without an end: nodes are never created implicitly */
  { "relation-no-target.json", AM_MODEL_ERROR_MISSING_FIELD, { "relations[0] (r1): missing required member 'target'" } },
  { "relation-no-source.json", AM_MODEL_ERROR_MISSING_FIELD, { "relations[0] (r1): missing required member 'source'" } },
  { "relation-no-label.json", AM_MODEL_ERROR_MISSING_FIELD, { "relations[0] (r1): missing required member 'label'" } },
  { "statement-no-speaker.json", AM_MODEL_ERROR_MISSING_FIELD, { "statements[0] (s1): missing required member 'speaker'" } },
  { "statement-no-text.json", AM_MODEL_ERROR_MISSING_FIELD, { "statements[0] (s1): missing required member 'text'" } },
  { "evidence-no-text.json", AM_MODEL_ERROR_MISSING_FIELD, { "relations[0] (r1): missing required member 'evidence[0].text'" } },
  { "evidence-no-paragraph.json", AM_MODEL_ERROR_MISSING_FIELD, { "'evidence[0].paragraph'" } },

  /* right type, unusable value */
  { "empty-id.json", AM_MODEL_ERROR_INVALID_VALUE, { "entities[0]: 'id' is empty" } },
  { "empty-name.json", AM_MODEL_ERROR_INVALID_VALUE, { "entities[0] (a): 'name' is empty" } },
  { "empty-kind.json", AM_MODEL_ERROR_INVALID_VALUE, { "entities[0] (a): 'kind' is empty" } },
  { "relation-empty-id.json", AM_MODEL_ERROR_INVALID_VALUE, { "relations[0]: 'id' is empty" } },
  { "statement-empty-text.json", AM_MODEL_ERROR_INVALID_VALUE, { "statements[0] (s1): 'text' is empty" } },
  { "bad-date-day.json", AM_MODEL_ERROR_INVALID_VALUE, { "relations[0] (r3): date: '2021-02-30' is not an ISO 8601 date" } },
  { "bad-date-format.json", AM_MODEL_ERROR_INVALID_VALUE, { "statements[0] (s1): date: '18/03/2021'" } },
  { "bad-date-empty.json", AM_MODEL_ERROR_INVALID_VALUE, { "article: date: ''" } },
  { "bad-date-time-no-zone.json", AM_MODEL_ERROR_INVALID_VALUE, { "'2021-03-18T10:00'" } },
  { "bad-url.json", AM_MODEL_ERROR_INVALID_VALUE, { "article: url: 'javascript:alert(1)'" } },
  { "relative-url.json", AM_MODEL_ERROR_INVALID_VALUE, { "article: url: '/news/1'" } },
  /* 10. negative paragraph index: names the statement */
  { "evidence-negative-paragraph.json", AM_MODEL_ERROR_INVALID_VALUE, { "statements[0] (s-neg): evidence[0]: paragraph -1 is negative" } },
  { "evidence-empty-text.json", AM_MODEL_ERROR_INVALID_VALUE, { "relations[0] (r1): evidence[0]: 'text' is empty" } },

  /* 11. duplicate ids, also across entities, relations and statements */
  { "duplicate-entity-id.json", AM_MODEL_ERROR_DUPLICATE_ID, { "entities[2] (a): duplicate id 'a', already used by entities[0]" } },
  { "duplicate-across-sections.json", AM_MODEL_ERROR_DUPLICATE_ID, { "relations[0] (b): duplicate id 'b', already used by entities[1]" } },
  { "duplicate-statement-id.json", AM_MODEL_ERROR_DUPLICATE_ID, { "statements[0] (r1): duplicate id 'r1', already used by relations[0]" } },

  /* 12. relations to missing entities */
  { "relation-unknown-target.json", AM_MODEL_ERROR_UNKNOWN_REFERENCE, { "relations[1] (r-visit): 'target' refers to unknown entity 'e99'" } },
  { "relation-unknown-source.json", AM_MODEL_ERROR_UNKNOWN_REFERENCE, { "relations[0] (r1): 'source' refers to unknown entity 'nobody'" } },
  { "relation-empty-target.json", AM_MODEL_ERROR_UNKNOWN_REFERENCE, { "relations[0] (r1): 'target' refers to unknown entity ''" } },
  { "relation-to-relation.json", AM_MODEL_ERROR_UNKNOWN_REFERENCE, { "relations[1] (r2): 'target' refers to unknown entity 'r1'", "relations[0]" } },
  { "relation-case-mismatch.json", AM_MODEL_ERROR_UNKNOWN_REFERENCE, { "'source' refers to unknown entity 'A'" } },

  /* 14. statements that refer to unknown entities: refused (issue 2 asks for errors on
   * every unknown reference; see docs/format.md §7) */
  { "statement-unknown-speaker.json", AM_MODEL_ERROR_UNKNOWN_REFERENCE, { "statements[0] (s1): 'speaker' refers to unknown entity 'ghost'" } },
  { "statement-unknown-about.json", AM_MODEL_ERROR_UNKNOWN_REFERENCE, { "statements[0] (s1): 'about[1]' refers to unknown entity 'zz'" } },
  { "statement-unknown-addressee.json", AM_MODEL_ERROR_UNKNOWN_REFERENCE, { "statements[0] (s1): 'addressees[0]' refers to unknown entity 'yy'" } },
  { "statement-unknown-reported-by.json", AM_MODEL_ERROR_UNKNOWN_REFERENCE, { "statements[0] (s1): 'reported_by' refers to unknown entity 'kcna'" } },

  /* 10. evidence outside the article; text not in its paragraph */
  { "evidence-out-of-range.json", AM_MODEL_ERROR_EVIDENCE_RANGE, { "statements[0] (s2): evidence[0]: paragraph 12 is out of range", "2 paragraphs" } },
  { "evidence-entity-out-of-range.json", AM_MODEL_ERROR_EVIDENCE_RANGE, { "entities[0] (a): evidence[0]: paragraph 2 is out of range" } },
  { "evidence-no-article.json", AM_MODEL_ERROR_EVIDENCE_RANGE, { "relations[0] (r1): evidence[0]", "'article'" } },
  { "evidence-no-paragraphs.json", AM_MODEL_ERROR_EVIDENCE_RANGE, { "entities[0] (a): evidence[0]", "0 paragraphs" } },
  { "evidence-mismatch.json", AM_MODEL_ERROR_EVIDENCE_MISMATCH, { "relations[0] (r6): evidence[0]: text \"Alpha beta\" not found verbatim in paragraph 1" } },
  { "evidence-mismatch-case.json", AM_MODEL_ERROR_EVIDENCE_MISMATCH, { "\"alpha beta\"", "paragraph 0" } },
  { "evidence-mismatch-whitespace.json", AM_MODEL_ERROR_EVIDENCE_MISMATCH, { "\"Alpha  beta\"" } },
};

static void
assert_bad (const GError *error,
            AmModelError  code,
            const char   *display_name,
            const char   *const *needles)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", display_name);

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, AM_MODEL_ERROR, (gint) code);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  for (guint i = 0; i < 3 && needles[i] != NULL; i++)
    {
      if (strstr (error->message + strlen (prefix), needles[i]) == NULL)
        g_error ("message \"%s\" lacks \"%s\"", error->message, needles[i]);
    }
}

static void
test_bad_file (gconstpointer data)
{
  const BadInput *row = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", row->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  AmDocument *document;

  /* Through the file checks… */
  document = am_document_load_from_file (file, NULL, &error);
  g_assert_null (document);
  assert_bad (error, row->code, row->file, row->needles);
  g_clear_error (&error);

  /* …and straight from bytes, under another name: the same answer. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  document = am_document_load_from_bytes (bytes, "from-bytes.json", &error);
  g_assert_null (document);
  assert_bad (error, row->code, "from-bytes.json", row->needles);
}

/* Every file in tests/data/bad/ must have a row: a crasher moved there from the fuzzer
 * without one would otherwise be checked only by the replay suite. */
static void
test_table_complete (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (dir);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      if (!g_hash_table_add (rows, (gpointer) bad_inputs[i].file))
        g_error ("%s has two rows", bad_inputs[i].file);
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_equal (name, "README.md"))
        continue;
      n_files++;
      if (!g_hash_table_contains (rows, name))
        g_error ("tests/data/bad/%s has no row in the bad_inputs table", name);
    }

  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (bad_inputs));
}

/* ------------------------------------------------------------------------------------ */
/* Inputs made at run time                                                              */

typedef struct
{
  char *dir;
} TempDir;

static void
temp_dir_setup (TempDir       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("actormap-loader-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
temp_dir_teardown (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      if (g_rmdir (path) != 0)
        {
          g_chmod (path, 0600);
          g_unlink (path);
        }
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static GError *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GError *error = NULL;
  AmDocument *document;

  document = am_document_load_from_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_nonnull (error);

  return error;
}

static GError *
load_generated_bytes (GBytes *bytes)
{
  GError *error = NULL;
  AmDocument *document;

  document = am_document_load_from_bytes (bytes, "generated.json", &error);
  g_assert_null (document);
  g_assert_nonnull (error);

  return error;
}

/* 7. 100 000 '[' crash json-glib 1.6.6; the scan refuses them first. */
static void
test_deep_nesting (TempDir       *fixture,
                   gconstpointer  data)
{
  const gsize depth = 100000;
  g_autofree char *path = g_build_filename (fixture->dir, "deep.json", NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *const needles[] = { "nested too deeply", NULL };

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  bytes = g_bytes_new (json->str, json->len);
  error = load_generated_bytes (bytes);
  assert_bad (error, AM_MODEL_ERROR_TOO_DEEP, "generated.json", needles);
  g_clear_error (&error);

  /* Closed, as a file. */
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (json, ']');
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));
  error = load_path (path);
  assert_bad (error, AM_MODEL_ERROR_TOO_DEEP, "deep.json", needles);
  g_clear_error (&error);

  /* Objects count too, and brackets inside strings do not hide them. */
  g_string_truncate (json, 0);
  g_string_append (json, "{\"entities\": [], \"x\": \"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\", \"y\": ");
  for (gsize i = 0; i < depth; i++)
    g_string_append (json, "{\"a\":");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (json->str, json->len);
  error = load_generated_bytes (bytes);
  assert_bad (error, AM_MODEL_ERROR_TOO_DEEP, "generated.json", needles);
}

/* 3. A FIFO would block a plain read forever: refused from its type, nothing opened. */
static void
test_fifo (TempDir       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "pipe.json", NULL);
  g_autoptr(GError) error = NULL;
  const char *const needles[] = { "not a regular file", "named pipe", NULL };

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  error = load_path (path);
  assert_bad (error, AM_MODEL_ERROR_NOT_REGULAR, "pipe.json", needles);
}

static void
fifo_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **out = user_data;
  AmDocument *document;

  document = am_document_load_file_finish (result, out);
  g_assert_null (document);
  g_assert_nonnull (*out);
}

static void
test_fifo_async (TempDir       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "pipe.json", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *const needles[] = { "named pipe", NULL };
  gint64 end;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  file = g_file_new_for_path (path);

  am_document_load_file_async (file, NULL, fifo_async_cb, &error);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (error == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  assert_bad (error, AM_MODEL_ERROR_NOT_REGULAR, "pipe.json", needles);
}

static void
test_directory (TempDir       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "model.json", NULL);
  g_autoptr(GError) error = NULL;
  const char *const needles[] = { "not a regular file", "a directory", NULL };

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);

  error = load_path (path);
  assert_bad (error, AM_MODEL_ERROR_NOT_REGULAR, "model.json", needles);
}

/* 3. A device, and a link to one that looks like a model file: never read. */
static void
test_device (TempDir       *fixture,
             gconstpointer  data)
{
  g_autofree char *link = g_build_filename (fixture->dir, "zero.json", NULL);
  g_autoptr(GError) error = NULL;
  const char *const needles[] = { "not a regular file", "character device", NULL };

  if (!g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/zero");
      return;
    }

  error = load_path ("/dev/zero");
  assert_bad (error, AM_MODEL_ERROR_NOT_REGULAR, "zero", needles);
  g_clear_error (&error);

  g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
  error = load_path (link);
  assert_bad (error, AM_MODEL_ERROR_NOT_REGULAR, "zero.json", needles);
}

/* 2. Over the cap, decided from the size before reading: a sparse file costs nothing. */
static void
test_too_large (TempDir       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.json", NULL);
  g_autoptr(GError) error = NULL;
  const char *const needles[] = { "file too large", "67108865 bytes", NULL };
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) AM_DOCUMENT_MAX_FILE_SIZE + 1), ==, 0);
  g_close (fd, NULL);

  error = load_path (path);
  assert_bad (error, AM_MODEL_ERROR_TOO_LARGE, "huge.json", needles);
}

/* 4. A path that vanished before it was opened. */
static void
test_vanished (TempDir       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "gone.json", NULL);
  g_autoptr(GError) error = NULL;
  const char *const needles[] = { "No such file or directory", NULL };

  g_assert_true (g_file_set_contents (path, "{\"entities\": []}", -1, NULL));
  g_assert_cmpint (g_unlink (path), ==, 0);

  error = load_path (path);
  assert_bad (error, AM_MODEL_ERROR_IO, "gone.json", needles);
}

static void
test_dangling_link (TempDir       *fixture,
                    gconstpointer  data)
{
  g_autofree char *link = g_build_filename (fixture->dir, "dangling.json", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "nowhere.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink (target, link), ==, 0);

  error = load_path (link);
  g_test_message ("%s", error->message);
  g_assert_true (g_error_matches (error, AM_MODEL_ERROR, AM_MODEL_ERROR_IO) ||
                 g_error_matches (error, AM_MODEL_ERROR, AM_MODEL_ERROR_NOT_REGULAR));
  g_assert_true (g_str_has_prefix (error->message, "dangling.json: "));
}

/* 4. Unreadable: root reads anything, so the case is skipped there. */
static void
test_unreadable (TempDir       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "secret.json", NULL);
  g_autoptr(GError) error = NULL;
  const char *const needles[] = { "Permission denied", NULL };

  if (geteuid () == 0)
    {
      g_test_skip ("root can read a file with mode 000");
      return;
    }

  g_assert_true (g_file_set_contents (path, "{\"entities\": []}", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0), ==, 0);

  error = load_path (path);
  assert_bad (error, AM_MODEL_ERROR_IO, "secret.json", needles);
}

/* A link to a good model loads, under the link's name. */
static void
test_link_to_model (TempDir       *fixture,
                    gconstpointer  data)
{
  g_autofree char *target = g_test_build_filename (G_TEST_DIST, "data", "core", "minimal.json", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.json", NULL);
  g_autofree char *bad_link = g_build_filename (fixture->dir, "bad-link.json", NULL);
  g_autofree char *bad_target = g_test_build_filename (G_TEST_DIST, "data", "bad",
                                                       "empty-name.json", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *const needles[] = { "'name' is empty", NULL };
  AmDocument *document;

  g_assert_cmpint (symlink (target, link), ==, 0);
  file = g_file_new_for_path (link);
  document = am_document_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (document);

  g_assert_cmpint (symlink (bad_target, bad_link), ==, 0);
  error = load_path (bad_link);
  assert_bad (error, AM_MODEL_ERROR_INVALID_VALUE, "bad-link.json", needles);
}

/* A display name with odd bytes is shown safely (robustness.md §4 asks for display
 * names, never raw bytes). */
static void
test_display_name (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "caf\xe9.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "[]", -1, NULL));
  error = load_path (path);
  g_test_message ("%s", error->message);
  g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_DOCUMENT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* Generated byte patterns that must neither crash nor be accepted. */
static void
test_generated_bytes (void)
{
  static const struct {
    const char   *bytes;
    gssize        length;
    AmModelError  code;
  } cases[] = {
    { "\xef\xbb", 2, AM_MODEL_ERROR_NOT_UTF8 },
    { "\xef\xbb\xbf\xef\xbb\xbf{\"entities\": []}", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"s\": \"\\u12\"}", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"s\": \"\\u", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"s\": \"\\", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"s\": \"\\ud800\\u0041\"}", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"s\": \"\\ud800\\ud800\"}", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"n\": -}", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"n\": 1.}", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"n\": .5}", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"n\": 1e}", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"n\": +1}", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"n\": 9223372036854775808}", -1, AM_MODEL_ERROR_INVALID_VALUE },
    { "{\"entities\": [], \"n\": -9223372036854775809}", -1, AM_MODEL_ERROR_INVALID_VALUE },
    { "{\"entities\": [], \"b\": True}", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"b\": nul}", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": []}}", -1, AM_MODEL_ERROR_SYNTAX },
    { "]", -1, AM_MODEL_ERROR_SYNTAX },
    { ":", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": []} 42", -1, AM_MODEL_ERROR_SYNTAX },
    { "42 {\"entities\": []}", -1, AM_MODEL_ERROR_SYNTAX },
    { "\"a\" \"b\"", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": []} \xc2\xa0", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"s\": \"\x7f\"} =", -1, AM_MODEL_ERROR_SYNTAX },
    { "{\"entities\": [], \"version\": 1.0}", -1, AM_MODEL_ERROR_WRONG_TYPE },
    { "{\"entities\": [], \"version\": 0}", -1, AM_MODEL_ERROR_INVALID_DOCUMENT },
    { "{\"entities\": [], \"format\": \"Actormap\"}", -1, AM_MODEL_ERROR_INVALID_DOCUMENT },
    { "{\"entities\": [], \"article\": {\"date\": \"0000\"}}", -1, AM_MODEL_ERROR_INVALID_VALUE },
    { "{\"entities\": [], \"article\": {\"date\": \"2021-13\"}}", -1, AM_MODEL_ERROR_INVALID_VALUE },
    { "{\"entities\": [], \"article\": {\"date\": \"2021-03-18T25:00Z\"}}", -1, AM_MODEL_ERROR_INVALID_VALUE },
    { "{\"entities\": [], \"article\": {\"date\": \"2021-03-18 \"}}", -1, AM_MODEL_ERROR_INVALID_VALUE },
    { "{\"entities\": [], \"article\": {\"url\": \"https://\"}}", -1, AM_MODEL_ERROR_INVALID_VALUE },
    { "{\"entities\": [], \"article\": {\"url\": \"file:///etc/passwd\"}}", -1, AM_MODEL_ERROR_INVALID_VALUE },
    { "{\"entities\": [], \"article\": {\"url\": \"http://exa mple.org\"}}", -1, AM_MODEL_ERROR_INVALID_VALUE },
    { "{\"entities\": [null]}", -1, AM_MODEL_ERROR_WRONG_TYPE },
    { "{\"entities\": [[]]}", -1, AM_MODEL_ERROR_WRONG_TYPE },
    { "{\"entities\": [{\"id\": null, \"name\": \"A\", \"kind\": \"x\"}]}", -1, AM_MODEL_ERROR_WRONG_TYPE },
    { "{\"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"x\", \"evidence\": [7]}]}", -1, AM_MODEL_ERROR_WRONG_TYPE },
    { "{\"entities\": [], \"statements\": [{\"id\": \"s\", \"speaker\": 1, \"text\": \"t\"}]}", -1, AM_MODEL_ERROR_WRONG_TYPE },
    { "{\"entities\": [], \"statements\": \"none\"}", -1, AM_MODEL_ERROR_WRONG_TYPE },
    { "{\"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"x\"}], \"statements\": [{\"id\": \"s\", \"speaker\": \"a\", \"text\": \"t\", \"reported_by\": 5}]}", -1, AM_MODEL_ERROR_WRONG_TYPE },
    { "{\"article\": {\"paragraphs\": [\"abc\"]}, \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"x\", \"evidence\": [{\"paragraph\": 9223372036854775807, \"text\": \"a\"}]}]}", -1, AM_MODEL_ERROR_EVIDENCE_RANGE },
    { "{\"article\": {\"paragraphs\": [\"abc\"]}, \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"x\", \"evidence\": [{\"paragraph\": -9223372036854775808, \"text\": \"a\"}]}]}", -1, AM_MODEL_ERROR_INVALID_VALUE },
    { "{\"article\": {\"paragraphs\": [\"abc\"]}, \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"x\", \"evidence\": [{\"paragraph\": 0, \"text\": \"abcd\"}]}]}", -1, AM_MODEL_ERROR_EVIDENCE_MISMATCH },
  };

  /* A display name that is not UTF-8 does not make the message invalid. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("[]", 2);
    g_autoptr(GError) error = NULL;

    g_assert_null (am_document_load_from_bytes (bytes, "caf\xe9.json", &error));
    g_assert_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_DOCUMENT);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_clear_error (&error);

    g_assert_null (am_document_load_from_bytes (bytes, NULL, &error));
    g_assert_true (g_str_has_prefix (error->message, "document: "));
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length < 0 ? strlen (cases[i].bytes) : (gsize) cases[i].length;
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].bytes, length);
      g_autoptr(GError) error = NULL;
      const char *const needles[] = { NULL };

      g_test_message ("case %u", i);
      error = load_generated_bytes (bytes);
      assert_bad (error, cases[i].code, "generated.json", needles);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Actormap/Loader/bad/%s", bad_inputs[i].file);

      g_test_add_data_func (path, &bad_inputs[i], test_bad_file);
    }
  g_test_add_func ("/Actormap/Loader/table-complete", test_table_complete);
  g_test_add_func ("/Actormap/Loader/generated-bytes", test_generated_bytes);

#define ADD_TEMP(path, func) \
  g_test_add ("/Actormap/Loader/" path, TempDir, NULL, temp_dir_setup, func, temp_dir_teardown)

  ADD_TEMP ("deep-nesting", test_deep_nesting);
  ADD_TEMP ("fifo", test_fifo);
  ADD_TEMP ("fifo-async", test_fifo_async);
  ADD_TEMP ("directory", test_directory);
  ADD_TEMP ("device", test_device);
  ADD_TEMP ("too-large", test_too_large);
  ADD_TEMP ("vanished", test_vanished);
  ADD_TEMP ("dangling-link", test_dangling_link);
  ADD_TEMP ("unreadable", test_unreadable);
  ADD_TEMP ("link-to-model", test_link_to_model);
  ADD_TEMP ("display-name", test_display_name);

#undef ADD_TEMP

  return g_test_run ();
}
