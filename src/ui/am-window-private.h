/* am-window-private.h — AmWindow's fields, shared by am-window.c and am-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-article-view.h"
#include "am-canvas.h"
#include "am-detail-panel.h"
#include "am-layout.h"
#include "am-sidebar.h"
#include "am-window.h"

G_BEGIN_DECLS

struct _AmWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template Widgets */
  AmArticleView        *article_view;
  AmCanvas             *canvas;
  GtkStack             *canvas_stack;
  AmDetailPanel        *detail_panel;
  AdwStatusPage        *empty_page;
  GtkMenuButton        *engine_button;
  GtkWidget            *export_button;
  GtkWidget            *legend_button;
  AdwStatusPage        *error_page;
  GtkButton            *error_retry_button;
  GtkButton            *error_other_button;
  AdwFlap              *flap;
  GtkLabel             *progress_label;
  GtkRevealer          *progress_revealer;
  GtkPaned             *side_paned;
  AmSidebar            *sidebar;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *zoom_box;

  /* Owned References */
  GSettings            *settings;          /* NULL when the schema is not installed */
  GtkCssProvider       *kind_css;          /* entity-kind colours from the render theme */
  AmDocument           *document;
  AmScene              *scene;
  GFile                *file;              /* where the document came from, or NULL */
  GCancellable         *load_cancellable;
  GCancellable         *layout_cancellable;
  GHashTable           *highlight;         /* ids shown undimmed on the canvas, or NULL */
  char                 *selection;         /* NULL when nothing is selected */
  char                 *engine;            /* "auto" or an allowlisted engine name */
  char                 *busy_message;

  /* Each job carries the serial it was started with; a result whose serial is not the
   * current one is late (a newer request replaced it) and is dropped. */
  guint                 load_serial;
  guint                 layout_serial;
  guint                 progress_timeout_id;
  guint                 timeout_seconds;    /* for the layout helper; "Wait Longer" raises it */

  guint                 show_legend : 1;
  guint                 show_sidebar : 1;
  guint                 loading : 1;
  guint                 laying_out : 1;
  guint                 fit_next_scene : 1;
};

void        _am_window_class_actions_init (GtkWidgetClass *widget_class);
void        _am_window_update_actions     (AmWindow       *self);
/* Runs Graphviz again on the current document with the current engine. */
void        _am_window_relayout           (AmWindow       *self);
/* Stops reading a file; the document on screen stays. */
void        _am_window_cancel_loading     (AmWindow       *self);
/* Shows the item: selects it and flies the canvas there. */
void        _am_window_show_item          (AmWindow       *self,
                                           const char     *id,
                                           gboolean        fly);
/* @title is plain text; it is escaped here, since toast titles are always markup. */
void        _am_window_toast              (AmWindow       *self,
                                           const char     *title,
                                           const char     *button_label,
                                           const char     *detailed_action);
/* A modal error message; @heading and @body are plain text. */
void        _am_window_message            (AmWindow       *self,
                                           const char     *heading,
                                           const char     *body);
char       *_am_window_suggest_export_name (AmWindow      *self,
                                            AmExportFormat format);
/* Where the export dialog ends: adds the chosen type's extension when the name has
 * none, exports on a worker thread, then a toast or an error dialog. */
void        _am_window_export_chosen      (AmWindow       *self,
                                           const char     *path,
                                           AmExportFormat  chosen_format);
/* The engine that "auto" means for the current document. */
const char *_am_window_resolved_engine    (AmWindow       *self);

G_END_DECLS
