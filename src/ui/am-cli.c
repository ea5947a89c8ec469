/* am-cli.c — the headless modes of the actormap binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "am-article-import.h"
#include "am-cli.h"
#include "am-export.h"
#include "am-export-network.h"
#include "am-extract.h"
#include "am-layout.h"
#include "am-open.h"
#include "am-theme.h"
#include "am-view.h"

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

/* ---- The view flags ------------------------------------------------------------------ */

static const GOptionEntry view_entries[] = {
  /* Translators: the descriptions of actormap's view flags in --help.  Each goes with
   * --export or --check; keep the flag names (--focus, --depth…) as they are. */
  { "focus", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Draw only these actors and what is within --depth steps of them"), N_("ID[,ID…]") },
  { "depth", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Steps from the --focus actors, 1 to 3 (default 1)"), N_("N") },
  { "direction", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Follow relations from the --focus actors: in, out or both (default)"), N_("in|out|both") },
  { "kinds", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Draw only actors of these kinds"), N_("KIND[,…]") },
  { "types", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Draw only relations of these types"), N_("TYPE[,…]") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Only what holds on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD); undated items stay"),
    N_("DATE") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Only what holds on or before DATE"), N_("DATE") },
  { "path", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Draw exactly the actors and relations on every shortest path between two actors"),
    N_("ID,ID") },
  { "collapse", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("Draw each of these groups as one node, their relations merged"), N_("GROUP[,…]") },
  { NULL }
};

void
am_cli_add_view_options (GApplication *app)
{
  g_return_if_fail (G_IS_APPLICATION (app));

  g_application_add_main_option_entries (app, view_entries);
}

/* A repeated list flag counts as one list: --focus=a --focus=b is --focus=a,b. */
static char *
lookup_list (GVariantDict *options,
             const char   *name)
{
  g_auto(GStrv) values = NULL;

  if (!g_variant_dict_lookup (options, name, "^as", &values))
    return NULL;
  return g_strjoinv (",", values);
}

gboolean
am_cli_view_args_lookup (GVariantDict  *options,
                         AmCliViewArgs *args)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (args != NULL, FALSE);

  memset (args, 0, sizeof *args);
  args->focus = lookup_list (options, "focus");
  g_variant_dict_lookup (options, "depth", "s", &args->depth);
  g_variant_dict_lookup (options, "direction", "s", &args->direction);
  args->kinds = lookup_list (options, "kinds");
  args->types = lookup_list (options, "types");
  g_variant_dict_lookup (options, "from", "s", &args->from);
  g_variant_dict_lookup (options, "to", "s", &args->to);
  g_variant_dict_lookup (options, "path", "s", &args->path);
  args->collapse = lookup_list (options, "collapse");

  return !am_cli_view_args_is_empty (args);
}

void
am_cli_view_args_clear (AmCliViewArgs *args)
{
  g_return_if_fail (args != NULL);

  g_clear_pointer (&args->focus, g_free);
  g_clear_pointer (&args->depth, g_free);
  g_clear_pointer (&args->direction, g_free);
  g_clear_pointer (&args->kinds, g_free);
  g_clear_pointer (&args->types, g_free);
  g_clear_pointer (&args->from, g_free);
  g_clear_pointer (&args->to, g_free);
  g_clear_pointer (&args->path, g_free);
  g_clear_pointer (&args->collapse, g_free);
}

gboolean
am_cli_view_args_is_empty (const AmCliViewArgs *args)
{
  return args == NULL
         || (args->focus == NULL && args->depth == NULL && args->direction == NULL
             && args->kinds == NULL && args->types == NULL && args->from == NULL
             && args->to == NULL && args->path == NULL && args->collapse == NULL);
}

/* The flags, parsed.  Lists are NULL when absent, never empty when present. */
typedef struct
{
  GStrv           focus;
  guint           depth;
  AmViewDirection direction;
  GStrv           kinds;
  GStrv           types;
  GStrv           path;
  GStrv           collapse;
} ParsedView;

static void
parsed_view_clear (ParsedView *parsed)
{
  g_clear_pointer (&parsed->focus, g_strfreev);
  g_clear_pointer (&parsed->kinds, g_strfreev);
  g_clear_pointer (&parsed->types, g_strfreev);
  g_clear_pointer (&parsed->path, g_strfreev);
  g_clear_pointer (&parsed->collapse, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ParsedView, parsed_view_clear)

/* "a, b" → { "a", "b" }; an empty list or item is an error naming @flag. */
static gboolean
split_list (const char  *flag,
            const char  *value,
            GStrv       *items,
            GError     **error)
{
  g_auto(GStrv) parts = NULL;
  gboolean empty;

  if (value == NULL)
    return TRUE;

  /* g_strsplit() makes no item at all of "": an empty list, an error too. */
  parts = g_strsplit (value, ",", -1);
  empty = parts[0] == NULL;
  for (guint i = 0; parts[i] != NULL; i++)
    empty |= *g_strstrip (parts[i]) == '\0';

  if (empty)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: the first %s is a flag (--focus), the second what was
                    * given ("a,,b") */
                   _("%s needs a comma-separated list with no empty item, not “%s”"),
                   flag, value);
      return FALSE;
    }

  *items = g_steal_pointer (&parts);
  return TRUE;
}

static gboolean
parse_date (const char   *flag,
            const char   *value,
            AmDateRange  *range,
            GError      **error)
{
  if (am_date_range_parse (value, range))
    return TRUE;

  g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_BAD_DATE,
               /* Translators: %s are a flag (--from) and what was given ("March") */
               _("%s: “%s” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"), flag, value);
  return FALSE;
}

static gboolean
parse_view_args (const AmCliViewArgs  *args,
                 ParsedView           *parsed,
                 GError              **error)
{
  AmDateRange from, to;

  memset (parsed, 0, sizeof *parsed);
  parsed->depth = AM_VIEW_MIN_DEPTH;
  parsed->direction = AM_VIEW_DIRECTION_BOTH;

  if (!split_list ("--focus", args->focus, &parsed->focus, error))
    return FALSE;

  if (parsed->focus == NULL && (args->depth != NULL || args->direction != NULL))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--depth and --direction go with --focus"));
      return FALSE;
    }

  if (args->depth != NULL)
    {
      guint64 depth = 0;

      if (!g_ascii_string_to_unsigned (args->depth, 10, AM_VIEW_MIN_DEPTH, AM_VIEW_MAX_DEPTH,
                                       &depth, NULL))
        {
          g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_BAD_DEPTH,
                       /* Translators: %s is what was given after --depth= */
                       _("--depth must be 1, 2 or 3, not “%s”"), args->depth);
          return FALSE;
        }
      parsed->depth = (guint) depth;
    }

  if (args->direction != NULL)
    {
      if (g_str_equal (args->direction, "both"))
        parsed->direction = AM_VIEW_DIRECTION_BOTH;
      else if (g_str_equal (args->direction, "out"))
        parsed->direction = AM_VIEW_DIRECTION_OUT;
      else if (g_str_equal (args->direction, "in"))
        parsed->direction = AM_VIEW_DIRECTION_IN;
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: in, out and both are the values to type, keep them */
                       _("--direction must be in, out or both, not “%s”"), args->direction);
          return FALSE;
        }
    }

  if (!split_list ("--kinds", args->kinds, &parsed->kinds, error)
      || !split_list ("--types", args->types, &parsed->types, error)
      || !split_list ("--collapse", args->collapse, &parsed->collapse, error))
    return FALSE;

  if ((args->from != NULL && !parse_date ("--from", args->from, &from, error))
      || (args->to != NULL && !parse_date ("--to", args->to, &to, error)))
    return FALSE;

  /* The range runs from the first day of --from to the last day of --to, so
   * --from=2021-03-18 --to=2021-03 is March 18th to 31st, not an error. */
  if (args->from != NULL && args->to != NULL && from.first > to.last)
    {
      g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_BAD_RANGE,
                   /* Translators: --from %s is after --to %s: the two dates as given */
                   _("--from %s is after --to %s"), args->from, args->to);
      return FALSE;
    }

  if (args->path != NULL)
    {
      if (!split_list ("--path", args->path, &parsed->path, error))
        return FALSE;
      if (g_strv_length (parsed->path) != 2)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: keep --path=ID,ID as it is */
                       _("--path needs two actor ids, as in --path=ID,ID, not “%s”"),
                       args->path);
          return FALSE;
        }
      if (g_str_equal (parsed->path[0], parsed->path[1]))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is the actor id given twice */
                       _("--path needs two different actors, not “%s” twice"),
                       parsed->path[0]);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
am_cli_view_args_check (const AmCliViewArgs  *args,
                        GError              **error)
{
  g_auto(ParsedView) parsed = { 0 };

  g_return_val_if_fail (args != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return parse_view_args (args, &parsed, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, comma-separated, for messages. */
static char *
join_sorted (GHashTable *set)
{
  g_autofree const char **names = (const char **) g_hash_table_get_keys_as_array (set, NULL);

  g_qsort_with_data (names, (gint) g_hash_table_size (set), sizeof *names, compare_names,
                     NULL);
  return g_strjoinv (", ", (char **) names);
}

/* "Only these": every name of @present not in @wanted is hidden.  A name of @wanted that
 * @present does not have is an error naming it and listing those that exist. */
static gboolean
hide_all_but (AmView      *view,
              GHashTable  *present,
              GStrv        wanted,
              gboolean     kinds,
              GError     **error)
{
  GHashTableIter iter;
  gpointer name;

  for (guint i = 0; wanted[i] != NULL; i++)
    {
      if (!g_hash_table_contains (present, wanted[i]))
        {
          g_autofree char *names = join_sorted (present);

          if (kinds)
            g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_UNKNOWN_KIND,
                         /* Translators: the first %s is the kind given, the second a
                          * list of the file's kinds ("event, person, state") */
                         _("unknown kind “%s” (the actors here are: %s)"), wanted[i], names);
          else
            g_set_error (error, AM_VIEW_ERROR, AM_VIEW_ERROR_UNKNOWN_TYPE,
                         /* Translators: the first %s is the type given, the second a
                          * list of the file's relation types ("alliance, role") */
                         _("unknown relation type “%s” (the relations here are: %s)"),
                         wanted[i], names);
          return FALSE;
        }
    }

  g_hash_table_iter_init (&iter, present);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    {
      if (g_strv_contains ((const char * const *) wanted, name))
        continue;
      if (kinds)
        am_view_set_kind_hidden (view, name, TRUE);
      else
        am_view_set_type_hidden (view, name, TRUE);
    }

  return TRUE;
}

/* The entity kinds and the relation types @document has (borrowed names: the document
 * holds its entities and relations, so they outlive the references taken here). */
static gboolean
build_view (AmView      *view,
            ParsedView  *parsed,
            AmDocument  *document,
            GError     **error)
{
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  am_view_collect_kinds_and_types (document, kinds, types);
  if ((parsed->kinds != NULL && !hide_all_but (view, kinds, parsed->kinds, TRUE, error))
      || (parsed->types != NULL && !hide_all_but (view, types, parsed->types, FALSE, error)))
    return FALSE;

  if (parsed->focus != NULL)
    am_view_set_focus (view, (const char * const *) parsed->focus, parsed->depth,
                       parsed->direction);

  /* `--path` draws exactly the actors on shortest paths: the others are hidden, not
   * dimmed as in the window. */
  if (parsed->path != NULL)
    am_view_set_path (view, parsed->path[0], parsed->path[1], TRUE);

  for (guint i = 0; parsed->collapse != NULL && parsed->collapse[i] != NULL; i++)
    am_view_set_collapsed (view, parsed->collapse[i], TRUE);

  return am_view_validate (view, document, error);
}

/* The view @args describe on @document: --kinds and --types become the hidden sets (every
 * other kind or type of @document), --path hides the others (as `--path` exports), and
 * the whole is checked with am_view_validate().  Errors name the value, after
 * "@display_name: " when it is not NULL. */
static AmView *
cli_view_new (const AmCliViewArgs  *args,
              AmDocument           *document,
              const char           *display_name,
              GError              **error)
{
  g_auto(ParsedView) parsed = { 0 };
  g_autoptr(AmView) view = NULL;

  if (!parse_view_args (args, &parsed, error))
    return NULL;

  view = am_view_new ();
  if (args->from != NULL || args->to != NULL)
    am_view_set_time_range (view, args->from, args->to, TRUE);

  if (!build_view (view, &parsed, document, error))
    {
      if (display_name != NULL)
        g_prefix_error (error, "%s: ", display_name);
      return NULL;
    }

  return g_steal_pointer (&view);
}

/* ---- The modes ---------------------------------------------------------------------- */

/* The view of --export and --check on @document, or NULL when no view flag was given
 * (then @error is not set). */
static AmView *
view_for_document (const AmCliViewArgs  *view_args,
                   AmDocument           *document,
                   const char           *input,
                   GError              **error)
{
  g_autofree char *name = NULL;

  if (am_cli_view_args_is_empty (view_args))
    return NULL;

  name = input != NULL ? g_filename_display_basename (input) : NULL;
  return cli_view_new (view_args, document, name, error);
}

/* --check --path lists every shortest path, one a line, each step with its relation's
 * label: "path: a -[sister of]-> b <-[heads]- c" (-[label]- when undirected). */
static void
print_paths (AmViewResult *result,
             AmDocument   *document)
{
  guint n_listed = am_view_result_get_n_paths (result);
  guint64 n_paths = am_view_result_get_n_shortest_paths (result);
  g_autoptr(GString) line = g_string_new (NULL);

  if (n_listed == 0)
    return;

  g_print ("paths: %" G_GUINT64_FORMAT " shortest, %u steps each\n", n_paths,
           am_view_result_get_path (result, 0)->n_steps);

  for (guint i = 0; i < n_listed; i++)
    {
      const AmViewPath *path = am_view_result_get_path (result, i);

      g_string_assign (line, "path: ");
      g_string_append (line, path->steps[0].from);
      for (guint j = 0; j < path->n_steps; j++)
        {
          const AmViewStep *step = &path->steps[j];
          AmRelation *relation = am_document_lookup_relation (document, step->relation_id);
          g_autofree char *label = g_strdup (am_relation_get_label (relation));
          gboolean directed = am_relation_get_directed (relation);

          g_strdelimit (label, "\n\r", ' ');
          g_string_append_printf (line, " %s[%s]%s %s",
                                  directed && !step->forward ? "<-" : "-",
                                  *label != '\0' ? label : step->relation_id,
                                  directed && step->forward ? "->" : "-",
                                  step->to);
        }
      g_print ("%s\n", line->str);
    }

  if (n_paths > n_listed)
    g_print ("paths: the first %u listed\n", n_listed);
}

int
am_cli_check (const char          *path,
              const AmCliViewArgs *view_args)
{
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmView) view = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (path != NULL, 2);

  if (view_args != NULL && !am_cli_view_args_check (view_args, &error))
    {
      print_error (error);
      return 2;
    }

  document = am_cli_load_document (path, NULL, &error);
  if (document == NULL)
    {
      print_error (error);
      return 1;
    }

  /* Nothing is printed on stdout unless the view holds too. */
  view = view_for_document (view_args, document, path, &error);
  if (view == NULL && error != NULL)
    {
      print_error (error);
      return 2;
    }

  g_print ("ok: %u entities, %u relations, %u statements\n",
           g_list_model_get_n_items (am_document_get_entities (document)),
           g_list_model_get_n_items (am_document_get_relations (document)),
           g_list_model_get_n_items (am_document_get_statements (document)));

  if (view != NULL)
    {
      g_autoptr(AmViewResult) result = am_view_apply (view, document, NULL);

      g_print ("view: %u entities, %u relations\n",
               am_view_result_get_n_visible_entities (result),
               am_view_result_get_n_visible_relations (result));
      if (am_view_get_path_from (view) != NULL)
        print_paths (result, document);
    }

  return 0;
}

static int
export_network (AmNetworkFormat  format,
                AmDocument      *document,
                const AmScene   *scene,
                const AmTheme   *theme,
                const char      *output)
{
  g_autoptr(GError) error = NULL;

  if (!am_export_network_file (format, document, scene, theme, output, &error))
    {
      print_error (error);
      return 1;
    }
  return 0;
}

int
am_cli_export (const char          *input,
               const char          *output,
               const char          *engine_name,
               double               scale,
               const char          *theme_name,
               guint                timeout_seconds,
               const AmCliViewArgs *view_args)
{
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmLayoutRequest) request = NULL;
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(AmView) view = NULL;
  g_autoptr(AmViewResult) result = NULL;
  g_autoptr(AmLayoutHelper) helper = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *helper_path = NULL;
  g_autofree char *caption_title = NULL;
  g_autofree char *caption_subtitle = NULL;
  AmExportOptions options;
  AmLayoutEngine engine;
  AmNetworkFormat network_format;
  gboolean network;

  g_return_val_if_fail (output != NULL, 2);

  am_export_options_init (&options);

  /* Check every argument before any work, so a typo costs nothing and touches no file. */
  network = am_network_format_from_path (output, &network_format);
  if (!network && !am_export_format_from_path (output, &options.format))
    {
      g_autofree char *name = g_filename_display_name (output);

      g_printerr (_("actormap: %s: unknown export format (use .png, .svg or .pdf for a "
                    "picture; .gexf, .graphml, .csv, .json or .jsonld for the network)\n"),
                  name);
      return 2;
    }
  if (network && view_args != NULL && !am_cli_view_args_is_empty (view_args))
    {
      /* Translators: %s is a file format such as GraphML */
      g_printerr (_("actormap: --focus, --kinds, --from and the other view options shape "
                    "a picture; a %s file holds the whole network\n"),
                  am_network_format_name (network_format));
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

  if (view_args != NULL && !am_cli_view_args_check (view_args, &error))
    {
      print_error (error);
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

  /* The network's own data needs no layout, unless the format stores positions. */
  if (network && !am_network_format_uses_scene (network_format))
    return export_network (network_format, document, NULL, options.theme, output);

  /* Names the file refutes (an unknown actor, kind, type or group, no path) before
   * Graphviz runs. */
  view = view_for_document (view_args, document, input, &error);
  if (view == NULL && error != NULL)
    {
      print_error (error);
      return 2;
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

  if (network)
    return export_network (network_format, document, scene, options.theme, output);

  /* The whole map is laid out once, as in the window, and the view derived from it, so
   * the file shows the view exactly as the window draws it. */
  if (view != NULL)
    {
      AmScene *derived;

      result = am_view_apply (view, document, NULL);
      derived = am_view_result_build_scene (result, scene, &error);
      if (derived == NULL)
        {
          print_error (error);
          return 1;
        }
      g_clear_pointer (&scene, am_scene_unref);
      scene = derived;
      /* The path's emphasis, as the window dims with it (NULL without a path; it names
       * the derived scene's group nodes and merged edges too).  --path hides the rest,
       * so here nothing drawn is dimmed. */
      options.highlighted = am_view_result_get_emphasis (result);
      /* The derived scene keeps the whole map's bounds (the window must not jump); a
       * file of the view is as big as what it shows. */
      options.crop = TRUE;
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
      /* Translators: ARTICLE is the file named after the options, as in --help. */
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
