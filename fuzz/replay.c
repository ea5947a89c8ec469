/* replay.c — runs a fuzz target over files, outside libFuzzer, speaking TAP
 *
 * Usage: replay PATH…   (each PATH a file, or a directory whose regular files are run
 * in name order).  Linked with one target (fuzz-*.c) in every build, so the seed
 * corpora and every past crasher are re-run by `meson test --suite replay`, with
 * whatever sanitizers the build has.  Modelled on GLib's fuzzing/driver.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (GPtrArray  *files,
         const char *path)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      /* Reported as a failing test point below. */
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      /* Only regular files: never a FIFO or a device that a corpus might hold. */
      if (g_file_test (child, G_FILE_TEST_IS_REGULAR) &&
          !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        g_ptr_array_add (names, g_steal_pointer (&child));
    }

  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_strdup (g_ptr_array_index (names, i)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint failed = 0;

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    collect (files, argv[i]);

  printf ("1..%u\n", files->len);
  fflush (stdout);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, &error))
        {
          printf ("not ok %u - %s # %s\n", i + 1, path, error->message);
          failed++;
          continue;
        }

      /* A crash or an abort here ends the TAP stream early, which meson reports. */
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      printf ("ok %u - %s\n", i + 1, path);
      fflush (stdout);
    }

  return failed > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}
