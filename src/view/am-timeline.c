/* am-timeline.c — dated items binned for the timeline's histogram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-timeline.h"

/*
 * Immutable after am_timeline_compute().  @items holds the date of every dated item
 * counted (an AmDateRange each); @exact and @imprecise have @n_bins entries.  When
 * nothing is dated, @n_bins is 0 and @span, @axis and @base_key mean nothing.
 */
struct _AmTimeline
{
  AmTimelineUnit  unit;
  guint           n_undated;
  GArray         *items;       /* of AmDateRange */
  AmDateRange     span;        /* earliest first day … latest last day */
  AmDateRange     axis;        /* the first bin's first day … the last bin's last day */
  guint           base_key;    /* unit_key() of the first bin */
  guint           n_bins;
  guint          *exact;
  guint          *imprecise;
};

/* The unit a date was written with, from the days it covers. */
static AmTimelineUnit
range_precision (const AmDateRange *range)
{
  GDate first, last;

  if (range->first == range->last)
    return AM_TIMELINE_UNIT_DAY;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_julian (&first, range->first);
  g_date_set_julian (&last, range->last);

  if (g_date_get_day (&first) == 1
      && g_date_get_year (&first) == g_date_get_year (&last)
      && g_date_get_month (&first) == g_date_get_month (&last)
      && g_date_is_last_of_month (&last))
    return AM_TIMELINE_UNIT_MONTH;

  return AM_TIMELINE_UNIT_YEAR;
}

/* Consecutive numbers for consecutive units: the bin of @julian_day is its key minus the
 * first bin's key. */
static guint
unit_key (AmTimelineUnit unit,
          guint32        julian_day)
{
  GDate date;

  if (unit == AM_TIMELINE_UNIT_DAY)
    return julian_day;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian_day);

  if (unit == AM_TIMELINE_UNIT_MONTH)
    return g_date_get_year (&date) * 12u + (g_date_get_month (&date) - 1u);

  return g_date_get_year (&date);
}

/* The days of the unit with @key. */
static void
unit_range (AmTimelineUnit  unit,
            guint           key,
            AmDateRange    *range)
{
  GDate date;
  GDateYear year;
  GDateMonth month;

  if (unit == AM_TIMELINE_UNIT_DAY)
    {
      range->first = range->last = key;
      return;
    }

  g_date_clear (&date, 1);
  if (unit == AM_TIMELINE_UNIT_MONTH)
    {
      year = (GDateYear) (key / 12u);
      month = (GDateMonth) (key % 12u + 1u);
      g_date_set_dmy (&date, 1, month, year);
      range->first = g_date_get_julian (&date);
      range->last = range->first + g_date_get_days_in_month (month, year) - 1u;
      return;
    }

  year = (GDateYear) key;
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
  range->first = g_date_get_julian (&date);
  range->last = range->first + (g_date_is_leap_year (year) ? 366u : 365u) - 1u;
}

static void
add_item (AmTimeline   *self,
          AmViewResult *result,
          const char   *id,
          const char   *iso)
{
  AmDateRange range;

  if (result != NULL && !am_view_result_is_visible (result, id))
    return;

  if (iso == NULL || !am_date_range_parse (iso, &range))
    {
      self->n_undated++;
      return;
    }

  g_array_append_val (self->items, range);
}

/* The finest unit that keeps the span to AM_TIMELINE_MAX_BINS bins, and no finer than
 * the finest date written. */
static AmTimelineUnit
choose_unit (AmTimeline *self)
{
  AmTimelineUnit finest = AM_TIMELINE_UNIT_YEAR;
  AmTimelineUnit needed;

  for (guint i = 0; i < self->items->len && finest != AM_TIMELINE_UNIT_DAY; i++)
    finest = MIN (finest, range_precision (&g_array_index (self->items, AmDateRange, i)));

  if (self->span.last - self->span.first + 1u <= AM_TIMELINE_MAX_BINS)
    needed = AM_TIMELINE_UNIT_DAY;
  else if (unit_key (AM_TIMELINE_UNIT_MONTH, self->span.last)
           - unit_key (AM_TIMELINE_UNIT_MONTH, self->span.first) + 1u <= AM_TIMELINE_MAX_BINS)
    needed = AM_TIMELINE_UNIT_MONTH;
  else
    needed = AM_TIMELINE_UNIT_YEAR;

  return MAX (finest, needed);
}

/**
 * am_timeline_compute:
 * @document: the document whose relations and statements are counted
 * @result: (nullable): count only what this view result shows
 *
 * Returns: (transfer full): the binned dates
 */
AmTimeline *
am_timeline_compute (AmDocument   *document,
                     AmViewResult *result)
{
  g_autoptr(AmTimeline) self = g_new0 (AmTimeline, 1);
  GListModel *relations, *statements;
  AmDateRange last_bin;
  guint n;

  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);

  self->items = g_array_new (FALSE, FALSE, sizeof (AmDateRange));

  relations = am_document_get_relations (document);
  n = g_list_model_get_n_items (relations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

      add_item (self, result, am_relation_get_id (relation), am_relation_get_date (relation));
    }

  statements = am_document_get_statements (document);
  n = g_list_model_get_n_items (statements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmStatement) statement = g_list_model_get_item (statements, i);

      add_item (self, result, am_statement_get_id (statement), am_statement_get_date (statement));
    }

  if (self->items->len == 0)
    return g_steal_pointer (&self);

  self->span = g_array_index (self->items, AmDateRange, 0);
  for (guint i = 1; i < self->items->len; i++)
    {
      const AmDateRange *range = &g_array_index (self->items, AmDateRange, i);

      self->span.first = MIN (self->span.first, range->first);
      self->span.last = MAX (self->span.last, range->last);
    }

  self->unit = choose_unit (self);
  self->base_key = unit_key (self->unit, self->span.first);
  self->n_bins = unit_key (self->unit, self->span.last) - self->base_key + 1u;
  unit_range (self->unit, self->base_key, &self->axis);
  unit_range (self->unit, self->base_key + self->n_bins - 1u, &last_bin);
  self->axis.last = last_bin.last;

  self->exact = g_new0 (guint, self->n_bins);
  self->imprecise = g_new0 (guint, self->n_bins);

  for (guint i = 0; i < self->items->len; i++)
    {
      const AmDateRange *range = &g_array_index (self->items, AmDateRange, i);
      guint first = unit_key (self->unit, range->first) - self->base_key;
      guint last = unit_key (self->unit, range->last) - self->base_key;

      if (first == last)
        self->exact[first]++;
      else
        for (guint b = first; b <= last; b++)
          self->imprecise[b]++;
    }

  return g_steal_pointer (&self);
}

void
am_timeline_free (AmTimeline *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->items, g_array_unref);
  g_free (self->exact);
  g_free (self->imprecise);
  g_free (self);
}

gboolean
am_timeline_get_span (AmTimeline  *self,
                      AmDateRange *span)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->n_bins == 0)
    return FALSE;

  if (span != NULL)
    *span = self->span;

  return TRUE;
}

guint
am_timeline_get_n_undated (AmTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_undated;
}

guint
am_timeline_get_n_dated (AmTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

AmTimelineUnit
am_timeline_get_unit (AmTimeline *self)
{
  g_return_val_if_fail (self != NULL, AM_TIMELINE_UNIT_YEAR);

  return self->unit;
}

guint
am_timeline_get_n_bins (AmTimeline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_bins;
}

void
am_timeline_get_bin (AmTimeline  *self,
                     guint        index,
                     AmDateRange *range,
                     guint       *n_exact,
                     guint       *n_imprecise)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->n_bins);

  if (range != NULL)
    unit_range (self->unit, self->base_key + index, range);
  if (n_exact != NULL)
    *n_exact = self->exact[index];
  if (n_imprecise != NULL)
    *n_imprecise = self->imprecise[index];
}

char *
am_timeline_format_bin (AmTimeline *self,
                        guint       index)
{
  AmDateRange range;
  GDate date;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_bins, NULL);

  unit_range (self->unit, self->base_key + index, &range);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, range.first);

  switch (self->unit)
    {
    case AM_TIMELINE_UNIT_DAY:
      return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (&date),
                              (guint) g_date_get_month (&date), (guint) g_date_get_day (&date));
    case AM_TIMELINE_UNIT_MONTH:
      return g_strdup_printf ("%04u-%02u", (guint) g_date_get_year (&date),
                              (guint) g_date_get_month (&date));
    case AM_TIMELINE_UNIT_YEAR:
    default:
      return g_strdup_printf ("%04u", (guint) g_date_get_year (&date));
    }
}

gboolean
am_timeline_find_bins (AmTimeline        *self,
                       const AmDateRange *range,
                       guint             *first_bin,
                       guint             *last_bin)
{
  guint32 first, last;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (range != NULL, FALSE);

  if (self->n_bins == 0 || range->first > range->last
      || range->last < self->axis.first || range->first > self->axis.last)
    return FALSE;

  first = MAX (range->first, self->axis.first);
  last = MIN (range->last, self->axis.last);

  if (first_bin != NULL)
    *first_bin = unit_key (self->unit, first) - self->base_key;
  if (last_bin != NULL)
    *last_bin = unit_key (self->unit, last) - self->base_key;

  return TRUE;
}

guint
am_timeline_count_in_range (AmTimeline        *self,
                            const AmDateRange *range)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (range != NULL, 0);

  for (guint i = 0; i < self->items->len; i++)
    if (am_date_range_overlaps (&g_array_index (self->items, AmDateRange, i), range))
      count++;

  return count;
}
