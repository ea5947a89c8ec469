/* am-window.h — one document: canvas, detail panels, entity list, article pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "am-core.h"
#include "am-scene.h"

G_BEGIN_DECLS

#define AM_TYPE_WINDOW (am_window_get_type ())

G_DECLARE_FINAL_TYPE (AmWindow, am_window, AM, WINDOW, AdwApplicationWindow)

/*
 * The window owns the document, the scene, the pending load/layout jobs and the
 * selection (an id: entity, relation or statement), which is the single source of truth
 * for the canvas and the panels ("selection" property; changed through "win.select").
 * Properties: "document" (AmDocument), "scene" (AmScene, boxed, read-only),
 * "selection" (string), "engine" (string, the layout engine).
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

G_END_DECLS
