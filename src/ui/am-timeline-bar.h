/* am-timeline-bar.h — the bar under the map: when things happened, and a time range to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-session.h"
#include "am-timeline.h"

G_BEGIN_DECLS

#define AM_TYPE_TIMELINE_BAR (am_timeline_bar_get_type ())

G_DECLARE_FINAL_TYPE (AmTimelineBar, am_timeline_bar, AM, TIMELINE_BAR, GtkWidget)

/*
 * A histogram of the dated relations and statements of the session's whole document
 * (am_timeline_compute() without a view: the axis does not jump while filtering), items
 * whose date spans several bins drawn lighter.  Dragging across it (or the arrow keys,
 * with Shift to widen) picks a range of bins, which becomes the session view's time
 * range (am_view_set_time_range() with the bins' ISO dates); the bar follows the view, so
 * a range set elsewhere (a remembered view) shows here too.  Play steps the range one bin
 * at a time (AM_TIMELINE_BAR_PLAY_INTERVAL_MS) to the end; "Keep Undated" says whether
 * items without a date stay (also without a range: off, only dated items show); Clear
 * removes the range and keeps undated items again.
 *
 * Properties: "session" (AmSession, read-write), "has-dates" (boolean, read-only: the
 * document has a dated item; the window hides the bar without one), "playing" (boolean,
 * read-write).
 */
#define AM_TIMELINE_BAR_PLAY_INTERVAL_MS 700

GtkWidget  *am_timeline_bar_new               (void);
AmSession  *am_timeline_bar_get_session       (AmTimelineBar *self);
void        am_timeline_bar_set_session       (AmTimelineBar *self,
                                               AmSession     *session);
gboolean    am_timeline_bar_get_has_dates     (AmTimelineBar *self);
gboolean    am_timeline_bar_get_playing       (AmTimelineBar *self);
/* Starting from the end (or with no range) starts again from the first bin. */
void        am_timeline_bar_set_playing       (AmTimelineBar *self,
                                               gboolean       playing);

/* The bins of the range on show; FALSE when the view has no time range. */
gboolean    am_timeline_bar_get_selected_bins (AmTimelineBar *self,
                                               guint         *first_bin,
                                               guint         *last_bin);
/* What a drag from bin @first_bin to bin @last_bin does (either order). */
void        am_timeline_bar_select_bins       (AmTimelineBar *self,
                                               guint          first_bin,
                                               guint          last_bin);
/* Clear: no time range, undated items kept. */
void        am_timeline_bar_clear             (AmTimelineBar *self);

/* For tests: the histogram of the whole document (transfer none, nullable without a
 * document), the histogram widget (the keyboard and the drag act on it), and the bin under
 * x in its coordinates. */
AmTimeline *am_timeline_bar_get_timeline      (AmTimelineBar *self);
GtkWidget  *am_timeline_bar_get_histogram     (AmTimelineBar *self);
guint       am_timeline_bar_bin_at            (AmTimelineBar *self,
                                               double         x);
/* The x at the middle of bin @index, in the histogram's coordinates. */
double      am_timeline_bar_bin_center        (AmTimelineBar *self,
                                               guint          index);

G_END_DECLS
