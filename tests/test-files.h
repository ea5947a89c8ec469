/* test-files.h — temporary folders and files for the tests that write files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new empty folder made from @tmpl ("am-export-XXXXXX"); fails the test when it cannot.
 * (transfer full) */
char *test_files_make_temp_dir (const char *tmpl);

/* The names in @dir, sorted and comma-separated: proves no temporary file is left.
 * (transfer full) */
char *test_files_list_dir (const char *dir);

/* Removes @path and, when it is a folder (not a link to one), all below it; folders made
 * read-only by a test are made writable first. */
void  test_files_remove_tree (const char *path);

/* Writes @contents to @path, failing the test when it cannot. */
void  test_files_write (const char *path,
                        const char *contents);

/* Fails the test unless @path holds exactly @expected. */
void  test_files_assert_contents (const char *path,
                                  const char *expected);

/* Fails the test unless @dir holds nothing but the file @name, holding exactly @contents:
 * what a failed write must leave (the old file as it was, no temporary file). */
void  test_files_assert_only (const char *dir,
                              const char *name,
                              const char *contents);

/* Writes of this process past 4 KiB fail with EFBIG, as on a full disk writes fail with
 * ENOSPC, instead of killing it: for a test's subprocess. */
void  test_files_limit_size (void);

G_END_DECLS
