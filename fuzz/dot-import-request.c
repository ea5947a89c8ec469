/* dot-import-request.c — writes the helper's import request for a DOT file to stdout
 *
 * Used to make the seeds of fuzz-dot-import from real files: the answers in
 * fuzz/corpus/dot_import/ are what the real helper wrote back for this request
 * (see fuzz/make-dot-import-seeds.sh).  Not a test; built with the fuzz targets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "am-dot-import.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) dot = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autofree char *contents = NULL;
  const guint8 *data;
  gsize length = 0, written = 0;

  if (argc != 2)
    {
      g_printerr ("usage: %s FILE.gv > request\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  dot = g_bytes_new_take (g_steal_pointer (&contents), length);
  request = _am_dot_import_request_new (dot);
  data = g_bytes_get_data (request, &length);
  while (written < length)
    {
      ssize_t n = write (STDOUT_FILENO, data + written, length - written);

      if (n <= 0)
        return 1;
      written += (gsize) n;
    }

  return 0;
}
