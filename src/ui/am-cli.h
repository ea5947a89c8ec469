/* am-cli.h — the headless command-line modes: --export, --check and --extract
 *
 * None of these initialise GTK; they run from handle-local-options, before startup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-core.h"

G_BEGIN_DECLS

#define AM_CLI_MIN_SCALE 0.1
#define AM_CLI_MAX_SCALE 16.0

#define AM_BUNDLED_MODEL_RESOURCE "/org/actormap/Actormap/model/article.json"

/* Loads @path (a JSON model, or a .gv/.dot file) or, when @path is NULL, the bundled
 * article model. */
AmDocument *am_cli_load_document (const char    *path,
                                  GCancellable  *cancellable,
                                  GError       **error);

/*
 * The view flags of --export and --check (docs/cli.md), as given: each NULL when absent.
 * A flag that takes a list may be repeated; its values are joined with commas.
 */
typedef struct
{
  char *focus;       /* --focus=ID[,ID…] */
  char *depth;       /* --depth=N, 1–3 */
  char *direction;   /* --direction=in|out|both */
  char *kinds;       /* --kinds=KIND[,…]: only these */
  char *types;       /* --types=TYPE[,…]: only these */
  char *from;        /* --from=DATE */
  char *to;          /* --to=DATE */
  char *path;        /* --path=ID,ID */
  char *collapse;    /* --collapse=GROUP[,…] */
} AmCliViewArgs;

/* Adds --focus … --collapse to @app's options (and so to --help). */
void        am_cli_add_view_options   (GApplication        *app);
/* Fills @args from handle-local-options' dict; TRUE when any view flag was given.  Clear
 * @args with am_cli_view_args_clear() either way. */
gboolean    am_cli_view_args_lookup   (GVariantDict        *options,
                                       AmCliViewArgs       *args);
void        am_cli_view_args_clear    (AmCliViewArgs       *args);
gboolean    am_cli_view_args_is_empty (const AmCliViewArgs *args);
/* What can be checked without the file: a depth of 1–3, a direction, ISO dates with
 * --from not after --to, two different ids for --path, no empty item in a list, and
 * --depth / --direction only with --focus.  The message names the flag and the value.
 * am_cli_export() and am_cli_check() then check the rest against the file (ids, kinds,
 * types, groups, a path that exists: am_view_validate()) before any layout. */
gboolean    am_cli_view_args_check    (const AmCliViewArgs *args,
                                       GError             **error);

/* Each returns the process exit status and reports errors on stderr: 0 when it worked,
 * 1 when a file could not be read, laid out or written, 2 for a bad command line —
 * including a view (@view_args, nullable) that the file refutes: an unknown id, kind,
 * type or group, or two actors with no path between them.  Nothing is written then. */
int         am_cli_check         (const char          *path,
                                  const AmCliViewArgs *view_args);
int         am_cli_export        (const char          *input,
                                  const char          *output,
                                  const char          *engine,
                                  double               scale,
                                  const char          *theme,
                                  guint                timeout_seconds,
                                  const AmCliViewArgs *view_args);
/* Imports the article @input (text, Markdown or HTML), drafts its map
 * (am_extract_suggest()) and saves it to @output with every item "suggested". */
int         am_cli_extract       (const char *input,
                                  const char *output);

/* am-cli-options.c: the options of actormap (and its --help) on @app, and the headless
 * modes they ask for: the exit status, or -1 when they ask for the window. */
void        am_cli_setup_application (GApplication *app);
int         am_cli_handle_options    (GVariantDict *options);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AmCliViewArgs, am_cli_view_args_clear)

G_END_DECLS
