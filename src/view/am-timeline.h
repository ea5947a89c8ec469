/* am-timeline.h — dated items binned for the timeline's histogram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-view.h"

G_BEGIN_DECLS

/*
 * The dated relations and statements of a document, counted in bins of one calendar unit
 * for the timeline bar.  Dates have mixed precision and are ranges (am_date_range_parse()):
 * an item that lies inside one bin counts there as "exact"; an item that spans several
 * bins (a year on a month axis, a month on a day axis) counts once in each bin it
 * overlaps and as "imprecise" there, so the bar can draw it lighter instead of guessing a
 * day.  A date that does not parse counts as undated.
 *
 * The unit is the finest of day, month and year that keeps the span to at most
 * AM_TIMELINE_MAX_BINS bins (years may exceed it: there is no coarser unit), and never
 * finer than the finest date the items have (a map dated only by years gets a year
 * axis).  Bins are whole units: the first starts on the first day of the unit holding the
 * earliest date, the last ends on the last day of the unit holding the latest.
 *
 * Immutable once computed; a new document or view means a new timeline.
 */
typedef struct _AmTimeline AmTimeline;

typedef enum
{
  AM_TIMELINE_UNIT_DAY,
  AM_TIMELINE_UNIT_MONTH,
  AM_TIMELINE_UNIT_YEAR,
} AmTimelineUnit;

#define AM_TIMELINE_MAX_BINS 60

/* The relations and statements of @document, only those @result shows when it is not
 * NULL.  (transfer full) */
AmTimeline    *am_timeline_compute       (AmDocument   *document,
                                          AmViewResult *result);
void           am_timeline_free          (AmTimeline   *self);

/* The days from the earliest dated item's first day to the latest one's last day;
 * FALSE (and @span untouched) when nothing is dated. */
gboolean       am_timeline_get_span      (AmTimeline   *self,
                                          AmDateRange  *span);
guint          am_timeline_get_n_undated (AmTimeline   *self);
/* Dated items (each counted once, whatever its number of bins). */
guint          am_timeline_get_n_dated   (AmTimeline   *self);

AmTimelineUnit am_timeline_get_unit      (AmTimeline   *self);
/* 0 when nothing is dated. */
guint          am_timeline_get_n_bins    (AmTimeline   *self);
/* The days of bin @index and how many items lie inside it (@n_exact) or overlap it
 * while spanning other bins too (@n_imprecise).  Each out argument may be NULL. */
void           am_timeline_get_bin       (AmTimeline   *self,
                                          guint         index,
                                          AmDateRange  *range,
                                          guint        *n_exact,
                                          guint        *n_imprecise);
/* The ISO string of bin @index at the unit's precision ("2021", "2021-03",
 * "2021-03-16"): as a view's "from" it means the bin's first day, as "to" its last day.
 * (transfer full) */
char          *am_timeline_format_bin    (AmTimeline   *self,
                                          guint         index);

/* The bins @range overlaps, clamped to the axis; FALSE when it overlaps none. */
gboolean       am_timeline_find_bins     (AmTimeline        *self,
                                          const AmDateRange *range,
                                          guint             *first_bin,
                                          guint             *last_bin);
/* How many dated items overlap @range (each once). */
guint          am_timeline_count_in_range (AmTimeline        *self,
                                           const AmDateRange *range);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmTimeline, am_timeline_free)

G_END_DECLS
