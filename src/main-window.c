/* main-window.c — actormap-window, the program of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "am-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AmApplication) app = NULL;

  /* actormap (main.c) execs this program with its own command line when that asks for a
   * window.  Debug and info messages must never reach stdout, as in actormap: the
   * headless modes still work here too, before GTK is initialised (handle-local-options
   * returns first), for anyone who runs this program by hand. */
  g_log_writer_default_set_use_stderr (TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = am_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
