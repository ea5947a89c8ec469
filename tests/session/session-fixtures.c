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

void
session_fixture_count_notify (GObject    *object,
                              GParamSpec *pspec,
                              guint      *count)
{
  (*count)++;
}
