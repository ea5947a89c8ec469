/* session-fixtures.c — what the session tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "session-fixtures.h"

char *
session_fixture_source_path (const char *relative)
{
  const char *root = g_getenv ("AM_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, relative, NULL);
}

AmDocument *
session_fixture_load_article (void)
{
  g_autofree char *path = session_fixture_source_path (ARTICLE_MODEL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AmDocument *document = am_document_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}
