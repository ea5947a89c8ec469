/* am-window.h — one document: canvas, detail panels, entity list, article pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-core.h"
#include "am-export.h"
#include "am-scene.h"

G_BEGIN_DECLS

#define AM_TYPE_WINDOW (am_window_get_type ())

G_DECLARE_FINAL_TYPE (AmWindow, am_window, AM, WINDOW, AdwApplicationWindow)

/*
 * The window owns the document, the scene, the pending load/layout jobs and the
 * selection (an id: entity, relation or statement), which is the single source of truth
 * for the canvas and the panels ("selection" property; changed through "win.select").
 * Properties: "document" (AmDocument), "scene" (AmScene, boxed, read-only),
 * "selection" (string), "engine" (string, the layout engine or "auto"),
 * "show-legend" (boolean), "show-sidebar" (boolean), "busy" (boolean, read-only:
 * a load or layout job is running).
 */
AmWindow   *am_window_new           (GtkApplication *application);
/* Loads asynchronously; on failure the previous document stays and an error is shown. */
void        am_window_open_file     (AmWindow       *self,
                                     GFile          *file);
/* The article model compiled into the binary. */
void        am_window_open_bundled  (AmWindow       *self);
/* Takes a document that is already loaded (tests, drag and drop of a parsed model). */
void        am_window_set_document  (AmWindow       *self,
                                     AmDocument     *document);
AmDocument *am_window_get_document  (AmWindow       *self);
AmScene    *am_window_get_scene     (AmWindow       *self);
const char *am_window_get_selection (AmWindow       *self);
void        am_window_set_selection (AmWindow       *self,
                                     const char     *id);

/* "auto" picks the engine by the size of the map; otherwise one of dot, neato, fdp,
 * sfdp, circo, twopi.  Changing it lays the map out again, keeping the selection. */
const char *am_window_get_engine    (AmWindow       *self);
void        am_window_set_engine    (AmWindow       *self,
                                     const char     *engine);
gboolean    am_window_get_show_legend  (AmWindow    *self);
void        am_window_set_show_legend  (AmWindow    *self,
                                        gboolean     show_legend);
gboolean    am_window_get_show_sidebar (AmWindow    *self);
void        am_window_set_show_sidebar (AmWindow    *self,
                                        gboolean     show_sidebar);
/* TRUE while a file is loading or a layout is running. */
gboolean    am_window_get_busy      (AmWindow       *self);
/* Cancels a running layout (the helper process is killed); the previous scene stays. */
void        am_window_cancel_layout (AmWindow       *self);

/* Writes the current scene as the screen shows it (theme, legend, selection) to @path;
 * the format comes from the extension.  Atomic: on failure @path is untouched.  The
 * export dialog ends here too (from a worker thread, through the async variant). */
gboolean    am_window_export_to_path   (AmWindow             *self,
                                        const char           *path,
                                        GError              **error);
void        am_window_export_async     (AmWindow             *self,
                                        const char           *path,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean    am_window_export_finish    (AmWindow             *self,
                                        GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
