/* am-program.c — finding Actormap's own executables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>
#include <glib/gstdio.h>

#include "am-program.h"

static gboolean
is_executable (const char *path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_access (path, X_OK) == 0;
}

/**
 * am_program_find:
 * @env_var: (nullable): an environment variable that names the program, when set and not
 *   empty (tests and benchmarks point at a build this way)
 * @built_path: where the program is in the build tree, relative to the directory of the
 *   running executable ("layout/actormap-layout-helper")
 * @installed_dir: where it is once installed (libexecdir)
 * @name: its file name there
 *
 * The layout helper and the window are executables of their own, found next to the
 * running one in the build tree and in libexecdir once installed, in that order.
 *
 * Returns: (transfer full) (nullable) (type filename): the path, or %NULL
 */
char *
am_program_find (const char *env_var,
                 const char *built_path,
                 const char *installed_dir,
                 const char *name)
{
  const char *from_env = env_var != NULL ? g_getenv (env_var) : NULL;
  g_autofree char *self = NULL;
  g_autofree char *installed = NULL;

  g_return_val_if_fail (built_path != NULL, NULL);
  g_return_val_if_fail (installed_dir != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (from_env != NULL && *from_env != '\0')
    return g_strdup (from_env);

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *built = g_build_filename (dir, built_path, NULL);

      if (is_executable (built))
        return g_steal_pointer (&built);
    }

  installed = g_build_filename (installed_dir, name, NULL);
  if (is_executable (installed))
    return g_steal_pointer (&installed);

  return NULL;
}
