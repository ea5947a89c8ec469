/* main.c
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

  /* Debug and info messages must never reach stdout: the CLI's output and the layout
   * helper's wire format use it.  gtk_init() is never called here, so the headless
   * --export path works without a display (handle-local-options returns first). */
  g_log_writer_default_set_use_stderr (TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = am_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
