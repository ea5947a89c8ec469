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

/* Each returns the process exit status and reports errors on stderr. */
int         am_cli_check         (const char *path);
int         am_cli_export        (const char *input,
                                  const char *output,
                                  const char *engine,
                                  double      scale,
                                  const char *theme,
                                  guint       timeout_seconds);
/* Imports the article @input (text, Markdown or HTML), drafts its map
 * (am_extract_suggest()) and saves it to @output with every item "suggested". */
int         am_cli_extract       (const char *input,
                                  const char *output);

G_END_DECLS
