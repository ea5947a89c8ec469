/* am-window.h — one document: canvas, detail panels, entity list, article pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-core.h"
#include "am-export.h"
#include "am-scene.h"
#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_WINDOW (am_window_get_type ())

G_DECLARE_FINAL_TYPE (AmWindow, am_window, AM, WINDOW, AdwApplicationWindow)

/*
 * One document on screen: the map, the actor list, the details and the article.  What
 * it shows is its session's (am_window_get_session()); the window only turns session
 * changes into pages, toasts and dialogs, and user commands into session calls.
 * Properties: "session" (AmSession, read-only), "engine" (string: the session's layout
 * engine, for the engine menu), "show-legend" (boolean), "show-sidebar" (boolean), "show-timeline"
 * (boolean: the timeline bar under the map, shown only when the document has dates).
 */
AmWindow   *am_window_new           (GtkApplication *application);
/* The size a window opens at before any size was remembered, on a monitor of
 * @monitor_width × @monitor_height (application pixels): most of it. */
void        am_window_first_run_size (int            monitor_width,
                                      int            monitor_height,
                                      int           *width,
                                      int           *height);
/* (transfer none) */
AmSession  *am_window_get_session   (AmWindow       *self);
/* Loads asynchronously; on failure the previous document stays and an error is shown.
 * An article (.txt, .md, .markdown, .html, .htm) is imported as a new map instead
 * (am_window_import_article()).  With unsaved changes it asks first. */
void        am_window_open_file     (AmWindow       *self,
                                     GFile          *file);
/* Reads the article on a worker thread; then (having asked about unsaved changes) a new
 * unsaved map of it, and the session drafts suggestions.  Errors name the file. */
void        am_window_import_article (AmWindow      *self,
                                      GFile         *file);
/* The same from plain text (the clipboard); @display_name names it in errors. */
void        am_window_import_text   (AmWindow       *self,
                                     const char     *text,
                                     const char     *display_name);
/* Where Save (@file NULL: the map's own file; a map without a model file asks where)
 * and the Save As dialog (@file) end: writes on a worker thread, then a toast or an
 * error dialog naming the file. */
void        am_window_save          (AmWindow       *self,
                                     GFile          *file);
/* Title, date, publisher, source and URL, in that order (NULL-terminated; "" clears
 * a field), as one undo step "Edit Article Details"; none when nothing changes. */
gboolean    am_window_set_article_details (AmWindow            *self,
                                           const char * const  *values,
                                           GError             **error);
/* Offers to recover what sessions that did not end left behind (one dialog each:
 * Recover / Discard); returns how many there were. */
guint       am_window_offer_recovery (AmWindow      *self);
/* The article model compiled into the binary. */
void        am_window_open_bundled  (AmWindow       *self);

gboolean    am_window_get_show_legend  (AmWindow    *self);
void        am_window_set_show_legend  (AmWindow    *self,
                                        gboolean     show_legend);
gboolean    am_window_get_show_sidebar (AmWindow    *self);
void        am_window_set_show_sidebar (AmWindow    *self,
                                        gboolean     show_sidebar);
gboolean    am_window_get_show_timeline (AmWindow   *self);
void        am_window_set_show_timeline (AmWindow   *self,
                                         gboolean    show_timeline);
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
