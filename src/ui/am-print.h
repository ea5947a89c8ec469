/* am-print.h — printing the map: fitted to the page, with legend, citation and preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_PRINT_OPERATION (am_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (AmPrintOperation, am_print_operation, AM, PRINT_OPERATION, GtkPrintOperation)

/*
 * One page: what @session's map shows when the operation is made (the view-scene,
 * dimmed where the map dims it: a path, a search), in the light theme, through the
 * exporter's page (am_export_draw_page()), scaled to fit the printable area and centred.  The citation above it is the article's
 * title, "publisher · date" and "Made with Actormap".  The print dialog gets a "Map" tab
 * with a live preview of the page and check buttons for the legend and the citation.
 *
 * Properties: "show-legend", "show-citation" (booleans, default TRUE).
 */
AmPrintOperation *am_print_operation_new             (AmSession        *session);
gboolean          am_print_operation_get_show_legend   (AmPrintOperation *self);
void              am_print_operation_set_show_legend   (AmPrintOperation *self,
                                                        gboolean          show_legend);
gboolean          am_print_operation_get_show_citation (AmPrintOperation *self);
void              am_print_operation_set_show_citation (AmPrintOperation *self,
                                                        gboolean          show_citation);
/* FALSE when there is nothing to print (no map laid out yet). */
gboolean          am_print_operation_has_page          (AmPrintOperation *self);
/* Draws the page scaled to fit @width × @height (in @cr's units) and centred in it:
 * what draw-page and the preview both call. */
void              am_print_operation_draw              (AmPrintOperation *self,
                                                        cairo_t          *cr,
                                                        double            width,
                                                        double            height);
/* The print dialog for @session's map, over @parent; errors in a message dialog.
 * Remembers the printer settings for the next print of this process. */
void              am_print_run_dialog                  (GtkWindow        *parent,
                                                        AmSession        *session);

G_END_DECLS
