/* am-window-private.h — AmWindow's fields, shared by am-window.c and am-window-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-article-view.h"
#include "am-canvas.h"
#include "am-detail-panel.h"
#include "am-filter-popover.h"
#include "am-layout.h"
#include "am-minimap.h"
#include "am-path-panel.h"
#include "am-reload-banner.h"
#include "am-session.h"
#include "am-sidebar.h"
#include "am-suggestions-pane.h"
#include "am-timeline-bar.h"
#include "am-view-bar.h"
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
  AmFilterPopover      *filter_popover;
  GtkWidget            *legend_button;
  AdwStatusPage        *error_page;
  GtkButton            *error_retry_button;
  GtkButton            *error_other_button;
  AdwFlap              *flap;
  GMenu                *edit_section;
  AmPathPanel          *path_panel;
  GtkLabel             *progress_label;
  GtkRevealer          *progress_revealer;
  GtkPaned             *side_paned;
  AmSidebar            *sidebar;
  AmSuggestionsPane    *suggestions_pane;
  AmTimelineBar        *timeline_bar;
  GtkWidget            *timeline_button;
  GtkRevealer          *timeline_revealer;
  AdwToastOverlay      *toast_overlay;
  AmViewBar            *view_bar;
  AdwWindowTitle       *window_title;
  GtkWidget            *zoom_box;

  /* Owned References */
  AmSession            *session;           /* what the window shows: the one owner of state */
  GSettings            *settings;          /* NULL when the schema is not installed */

  guint                 progress_timeout_id;
  guint                 progress_tick_id;
  gint64                busy_since;

  guint                 show_legend : 1;
  guint                 show_sidebar : 1;
  guint                 show_timeline : 1;
  guint                 close_confirmed : 1;   /* the unsaved changes were saved or discarded */
  guint                 asking : 1;            /* the unsaved-changes dialog is up */

  /* am-window-extras.c: the minimap and the reload bar (template widgets), and the
   * remembered viewport: the file it was restored for, what waits to be restored once
   * that file's first scene is on the map, and the debounced report to the session. */
  AmMinimap            *minimap;
  AmReloadBanner       *reload_banner;
  GFile                *viewport_file;
  double                viewport_x;
  double                viewport_y;
  double                viewport_zoom;
  guint                 viewport_report_id;
  guint                 viewport_restore_id;
  guint                 viewport_pending : 1;
};

/* What to do once the unsaved changes are out of the way (saved, or discarded). */
typedef void (*AmWindowThen) (AmWindow *self,
                              gpointer  data);

void        _am_window_class_actions_init (GtkWidgetClass *widget_class);
void        _am_window_update_actions     (AmWindow       *self);
void        _am_window_update_canvas_page (AmWindow      *self);
/* The page shown instead of the map when there is no map to keep on screen.  Its first
 * button retries (with a longer time limit after a timeout), its second tries another
 * engine.  @description is plain text. */
void        _am_window_show_error_page    (AmWindow      *self,
                                           const char    *icon_name,
                                           const char    *heading,
                                           const char    *description,
                                           gboolean       timed_out,
                                           const char    *failed_engine);
/* @title is plain text; it is escaped here, since toast titles are always markup. */
void        _am_window_toast              (AmWindow       *self,
                                           const char     *title,
                                           const char     *button_label,
                                           const char     *detailed_action);
/* A modal error message; @heading and @body are plain text. */
void        _am_window_message            (AmWindow       *self,
                                           const char     *heading,
                                           const char     *body);
/* Runs @then at once when nothing is unsaved; otherwise asks Cancel / Discard / Save
 * and runs it after Discard, or after Save once the map is saved.  @destroy frees
 * @data in every case, @then or not. */
void        _am_window_confirm_unsaved    (AmWindow       *self,
                                           AmWindowThen    then,
                                           gpointer        data,
                                           GDestroyNotify  destroy);
/* Save (@file NULL: the session's file, or Save As when the map has none that is a
 * model) or Save As (@file set); then @then on success.  Errors in a dialog. */
void        _am_window_save               (AmWindow       *self,
                                           GFile          *file,
                                           AmWindowThen    then,
                                           gpointer        data,
                                           GDestroyNotify  destroy);
/* The Save As dialog, then _am_window_save(). */
void        _am_window_save_as            (AmWindow       *self,
                                           AmWindowThen    then,
                                           gpointer        data,
                                           GDestroyNotify  destroy);
/* An article by its name (.txt, .md, .markdown, .html, .htm): imported, not opened. */
gboolean    _am_window_is_article_file    (GFile          *file);
/* The Article Details dialog (title, date, publisher, source, URL). */
GtkWindow  *_am_window_show_article_details (AmWindow     *self);
/* The undo and redo items of the main menu name the step. */
void        _am_window_update_edit_menu   (AmWindow       *self);
/* "title-slug.EXT" for the export dialog; @ext without the dot. */
char       *_am_window_suggest_export_name (AmWindow      *self,
                                            const char    *ext);
/* Where the export dialog ends: adds the chosen type's extension when the name has
 * none, exports on a worker thread, then a toast or an error dialog. */
void        _am_window_export_chosen      (AmWindow       *self,
                                           const char     *path,
                                           const char     *chosen_ext);
/* am-window-extras.c: the minimap, the reload bar, the remembered viewport, printing. */
void        _am_window_extras_class_init  (GtkWidgetClass *widget_class);
void        _am_window_extras_init        (AmWindow       *self);
void        _am_window_extras_dispose     (AmWindow       *self);

G_END_DECLS
