/* am-cli.c — the headless modes of the actormap binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-article-import.h"
#include "am-cli.h"
#include "am-export.h"
#include "am-extract.h"
#include "am-layout.h"
#include "am-open.h"
#include "am-theme.h"

static AmDocument *
load_document (const char    *path,
               const char    *helper_path,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;

      bytes = g_resources_lookup_data (AM_BUNDLED_MODEL_RESOURCE,
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return NULL;

      return am_document_load_from_bytes (bytes, "article.json", error);
    }

  /* A JSON model or a Graphviz file; Graphviz files are parsed by the helper,
   * actormap-layout-helper (@helper_path; NULL finds it). */
  file = g_file_new_for_commandline_arg (path);

  return am_open_document_sync (file, helper_path, cancellable, error);
}

AmDocument *
am_cli_load_document (const char    *path,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *helper_path = am_layout_helper_find_path ();

  return load_document (path, helper_path, cancellable, error);
}

static void
print_error (const GError *error)
{
  /* Messages from the loader, layout and exporter already start with the file name. */
  g_printerr ("actormap: %s\n", error->message);
}

int
am_cli_check (const char *path)
{
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (path != NULL, 2);

  document = am_cli_load_document (path, NULL, &error);
  if (document == NULL)
    {
      print_error (error);
      return 1;
    }

  g_print ("ok: %u entities, %u relations, %u statements\n",
           g_list_model_get_n_items (am_document_get_entities (document)),
           g_list_model_get_n_items (am_document_get_relations (document)),
           g_list_model_get_n_items (am_document_get_statements (document)));

  return 0;
}

int
am_cli_export (const char *input,
               const char *output,
               const char *engine_name,
               double      scale,
               const char *theme_name,
               guint       timeout_seconds)
{
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmLayoutRequest) request = NULL;
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(AmLayoutHelper) helper = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *helper_path = NULL;
  g_autofree char *caption_title = NULL;
  g_autofree char *caption_subtitle = NULL;
  AmExportOptions options;
  AmLayoutEngine engine;

  g_return_val_if_fail (output != NULL, 2);

  am_export_options_init (&options);

  /* Check every argument before any work, so a typo costs nothing and touches no file. */
  if (!am_export_format_from_path (output, &options.format))
    {
      g_autofree char *name = g_filename_display_name (output);

      g_printerr (_("actormap: %s: unknown export format (use .png, .svg or .pdf)\n"), name);
      return 2;
    }

  if (engine_name != NULL && !am_layout_engine_from_string (engine_name, &engine))
    {
      g_printerr (_("actormap: unknown layout engine “%s” (use dot, neato, fdp, sfdp, circo or twopi)\n"),
                  engine_name);
      return 2;
    }

  if (theme_name != NULL && (options.theme = am_theme_lookup (theme_name)) == NULL)
    {
      g_printerr (_("actormap: unknown theme “%s” (use light or dark)\n"), theme_name);
      return 2;
    }

  /* Written so that NaN fails too. */
  if (!(scale >= AM_CLI_MIN_SCALE && scale <= AM_CLI_MAX_SCALE))
    {
      g_printerr (_("actormap: --scale must be between %g and %g\n"),
                  AM_CLI_MIN_SCALE, AM_CLI_MAX_SCALE);
      return 2;
    }

  if (timeout_seconds == 0)
    timeout_seconds = AM_LAYOUT_DEFAULT_TIMEOUT_SECONDS;

  options.scale = scale;
  options.show_legend = TRUE;
  options.show_caption = TRUE;

  /* Start the helper first: its start-up (libraries, Graphviz's plugins, fonts) then
   * runs on the other core while this process loads the model and measures its text.
   * The helper (actormap-layout-helper, the same one the window runs) links no GTK. */
  helper_path = am_layout_helper_find_path ();
  helper = am_layout_helper_spawn (helper_path, timeout_seconds, &error);
  if (helper == NULL)
    {
      print_error (error);
      return 1;
    }

  document = load_document (input, helper_path, NULL, &error);
  if (document == NULL)
    {
      print_error (error);
      return 1;
    }

  /* A Graphviz file's own layout attribute (dot by default), else by size. */
  if (engine_name == NULL)
    engine = am_layout_engine_for_document (document);

  request = am_layout_request_new_for_document (document, engine, &error);
  if (request == NULL)
    {
      print_error (error);
      return 1;
    }

  scene = am_layout_helper_run_sync (helper, request, NULL, &error);
  if (scene == NULL)
    {
      print_error (error);
      return 1;
    }

  am_export_caption_for_document (document, &caption_title, &caption_subtitle);
  options.caption_title = caption_title;
  options.caption_subtitle = caption_subtitle;
  options.origin = am_document_get_origin (document);

  if (!am_export_to_file (scene, &options, output, &error))
    {
      print_error (error);
      return 1;
    }

  return 0;
}

int
am_cli_extract (const char *input,
                const char *output)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(AmArticle) article = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmDocument) draft = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (output != NULL, 2);

  if (input == NULL)
    {
      g_printerr (_("actormap: --extract needs an ARTICLE (text, Markdown or HTML)\n"));
      return 2;
    }

  /* Nothing is written unless every step worked: the draft is saved last, atomically. */
  file = g_file_new_for_commandline_arg (input);
  article = am_article_import_file (file, NULL, &error);
  if (article != NULL)
    document = am_article_to_document (article, &error);
  if (document != NULL)
    draft = am_extract_suggest (document, NULL, &error);
  if (draft == NULL || !am_document_save (draft, output, AM_JSON_INCLUDE_SUGGESTED, &error))
    {
      print_error (error);
      return 1;
    }
  return 0;
}
