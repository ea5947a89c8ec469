/* am-cli-options.c — actormap's command line, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One option table and one parser for both programs: actormap, which runs the headless
 * modes itself and hands everything else to the window program, and the window program,
 * which parses the same command line again.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-cli.h"

static const GOptionEntry main_entries[] = {
  /* Translators: --export FILE: write the map to FILE (PNG, SVG or PDF) without a window. */
  { "export", 'e', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the map to OUT without opening a window: a picture (.png, .svg, .pdf) or the network (.gexf, .graphml, .csv, .json, .jsonld)"), N_("OUT") },
  { "layout", 'l', 0, G_OPTION_ARG_STRING, NULL,
    N_("Layout engine: dot, neato, fdp, sfdp, circo or twopi"), N_("ENGINE") },
  /* A string, not G_OPTION_ARG_DOUBLE: GApplication drops a double option whose value is 0
   * from the options dict, so "--scale=0" would silently mean the default. */
  { "scale", 's', 0, G_OPTION_ARG_STRING, NULL,
    N_("Pixels per point for PNG export (default 2)"), N_("FACTOR") },
  { "theme", 't', 0, G_OPTION_ARG_STRING, NULL,
    N_("Colours for export: light or dark"), N_("THEME") },
  { "timeout", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("Give up on a layout after SECONDS (default 15)"), N_("SECONDS") },
  /* Translators: --extract OUT: write a draft map of an article to OUT, without a window. */
  { "extract", 'x', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Draft the map of ARTICLE (text, Markdown or HTML) into OUT, every item suggested"), N_("OUT") },
  { "check", 'c', 0, G_OPTION_ARG_NONE, NULL,
    N_("Validate FILE and print a summary, without a window"), NULL },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE]") },
  { NULL }
};

/**
 * am_cli_setup_application:
 * @app: the application whose command line this is
 *
 * Adds actormap's options (and so its --help) to @app.
 */
void
am_cli_setup_application (GApplication *app)
{
  g_application_add_main_option_entries (app, main_entries);
  am_cli_add_view_options (app);
  g_application_set_option_context_parameter_string (app, _("[FILE]"));
  g_application_set_option_context_summary (
    app,
    /* Translators: shown by actormap --help */
    _("Read a news story as a network of actors, relations and statements."));
}

/**
 * am_cli_handle_options:
 * @options: handle-local-options' dict
 *
 * Runs the headless mode the options ask for, or reports a bad command line.  Everything
 * here runs before startup, so GTK is never initialised on the headless paths: a
 * filename option must be read as a byte string ("^&ay"); "&s" would silently fail and
 * fall through into the window, which dies without a display.
 *
 * Returns: the exit status, or -1 when the command line asks for the window
 */
int
am_cli_handle_options (GVariantDict *options)
{
  g_autofree const char **files = NULL;
  const char *export_path = NULL;
  const char *extract_path = NULL;
  const char *engine = NULL;
  const char *theme = NULL;
  const char *scale_text = NULL;
  double scale = 2.0;
  int timeout = 0;
  g_auto(AmCliViewArgs) view_args = { 0 };
  gboolean has_view;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("actormap %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "export", "^&ay", &export_path);
  g_variant_dict_lookup (options, "extract", "^&ay", &extract_path);
  g_variant_dict_lookup (options, "layout", "&s", &engine);
  g_variant_dict_lookup (options, "theme", "&s", &theme);
  if (g_variant_dict_lookup (options, "scale", "&s", &scale_text))
    {
      char *end = NULL;

      scale = g_ascii_strtod (scale_text, &end);
      if (end == scale_text || *end != '\0')
        {
          g_printerr (_("actormap: --scale needs a number, not “%s”\n"), scale_text);
          return 2;
        }
    }
  g_variant_dict_lookup (options, "timeout", "i", &timeout);
  has_view = am_cli_view_args_lookup (options, &view_args);

  if (files != NULL && g_strv_length ((char **) files) > 1
      && (export_path != NULL || extract_path != NULL || g_variant_dict_contains (options, "check")))
    {
      g_printerr (_("actormap: give one input file, not %u\n"),
                  g_strv_length ((char **) files));
      return 2;
    }

  if (has_view && (extract_path != NULL
                   || (export_path == NULL && !g_variant_dict_contains (options, "check"))))
    {
      /* Translators: keep the option names (--focus, --export…) as they are */
      g_printerr (_("actormap: --focus, --depth, --direction, --kinds, --types, --from, --to, "
                    "--path and --collapse go with --export or --check\n"));
      return 2;
    }

  if (extract_path != NULL)
    return am_cli_extract (files != NULL ? files[0] : NULL, extract_path);

  if (g_variant_dict_contains (options, "check"))
    {
      if (files == NULL || files[0] == NULL)
        {
          g_printerr (_("actormap: --check needs a FILE\n"));
          return 2;
        }
      return am_cli_check (files[0], &view_args);
    }

  if (timeout < 0 || timeout > 3600)
    {
      g_printerr (_("actormap: --timeout must be between 1 and 3600 seconds\n"));
      return 2;
    }

  if (export_path != NULL)
    return am_cli_export (files != NULL ? files[0] : NULL, export_path, engine, scale, theme,
                          (guint) timeout, &view_args);

  if (engine != NULL || theme != NULL || g_variant_dict_contains (options, "scale")
      || g_variant_dict_contains (options, "timeout"))
    {
      g_printerr (_("actormap: --layout, --scale, --theme and --timeout go with --export\n"));
      return 2;
    }

  return -1;
}
