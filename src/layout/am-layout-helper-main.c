/* am-layout-helper-main.c — actormap-layout-helper, the layout helper without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one layout helper of architecture.md §5.12, for the window and the command line
 * alike: an executable that links only the layers below the UI, since loading GTK and
 * libadwaita costs the helper about as much as a small layout does, on every layout.
 * The runner finds it next to actormap (build tree) or in libexecdir.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-layout.h"

int
main (int   argc,
      char *argv[])
{
  /* The same start as actormap's main(): nothing but the scene may reach stdout. */
  g_log_writer_default_set_use_stderr (TRUE);
  setlocale (LC_ALL, "");
  /* Layout and DOT errors are written here and shown by the application as they are. */
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* The runner calls every helper as `HELPER --layout-helper`. */
  if (argc != 2 || strcmp (argv[1], "--layout-helper") != 0)
    {
      g_printerr ("usage: %s --layout-helper\n", argv[0]);
      return 2;
    }

  return am_layout_helper_main ();
}
