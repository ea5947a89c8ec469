/* main.c — actormap: the command line, and the way to the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * actormap links no GTK.  The headless modes (--export, --check, --extract, --help,
 * --version and every command-line error) run here; any other command line is handed,
 * as it is, to actormap-window, the program of the window, which replaces this one
 * (same process, same arguments).
 *
 * Why two programs: loading GTK, libadwaita and what they pull in (79 libraries, 17 000
 * symbol bindings, half of them for GL, X11 and image loaders) cost an export of a
 * 100-actor map about 10 ms of its 75, on every run, for nothing it draws.  The window
 * pays one exec (a few ms) once per session.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "am-cli.h"
#include "am-program.h"

static int
handle_local_options_cb (GApplication *app,
                         GVariantDict *options,
                         gpointer      user_data)
{
  char **argv = user_data;
  g_autofree char *window = NULL;
  int status;

  status = am_cli_handle_options (options);
  if (status >= 0)
    return status;

  window = am_program_find ("AM_WINDOW_PROGRAM", "actormap-window", AM_LIBEXECDIR,
                            "actormap-window");
  if (window == NULL)
    {
      g_printerr (_("actormap: cannot open a window: actormap-window is neither next to this "
                    "program nor in %s\n"), AM_LIBEXECDIR);
      return 1;
    }

  execv (window, argv);
  g_printerr (_("actormap: cannot open a window: %s: %s\n"), window, g_strerror (errno));
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  /* Debug and info messages must never reach stdout: the CLI's output and the layout
   * helper's wire format use it. */
  g_log_writer_default_set_use_stderr (TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The window's application id, but never registered: every command line ends in
   * handle-local-options, with an exit status or in actormap-window. */
  app = g_application_new (APP_ID, G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  am_cli_setup_application (app);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options_cb), argv);

  return g_application_run (app, argc, argv);
}
