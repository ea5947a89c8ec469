/* test-documents.c — loading the documents a test works on, failing the test if they do not load
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-documents.h"

AmDocument *
test_documents_load_bytes (GBytes     *bytes,
                           const char *name)
{
  g_autoptr(GError) error = NULL;
  AmDocument *document = am_document_load_from_bytes (bytes, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

AmDocument *
test_documents_load_json (const char *json,
                          const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));

  return test_documents_load_bytes (bytes, name);
}

AmDocument *
test_documents_load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AmDocument *document = am_document_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

char *
test_documents_bundled_path (void)
{
  const char *root = g_getenv ("AM_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "north-korea-ignores-us-dialogue-offer.json", NULL);
}

AmDocument *
test_documents_load_bundled (void)
{
  g_autofree char *path = test_documents_bundled_path ();

  return test_documents_load_path (path);
}
