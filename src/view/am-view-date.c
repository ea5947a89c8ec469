/* am-view-date.c — dates of mixed precision as ranges of days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-view-private.h"

static gboolean
parse_digits (const char *text,
              guint       n,
              guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (guint) (text[i] - '0');
    }
  *value = v;
  return TRUE;
}

static guint32
julian (guint day,
        guint month,
        guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

/**
 * am_date_range_parse:
 * @iso: (nullable): "YYYY", "YYYY-MM" or "YYYY-MM-DD", year 0001–9999
 * @range: (out): the days it covers
 *
 * Returns: FALSE (and @range untouched) for anything else, or a date that does not exist
 * ("2021-02-30").
 */
gboolean
am_date_range_parse (const char  *iso,
                     AmDateRange *range)
{
  gsize len;
  guint year = 0, month = 0, day = 0;
  AmDateRange parsed;

  g_return_val_if_fail (range != NULL, FALSE);

  if (iso == NULL)
    return FALSE;
  len = strlen (iso);
  if (len != 4 && len != 7 && len != 10)
    return FALSE;
  if (!parse_digits (iso, 4, &year) || year < 1)
    return FALSE;
  if (len >= 7 && (iso[4] != '-' || !parse_digits (iso + 5, 2, &month) || month < 1
                   || month > 12))
    return FALSE;
  if (len == 10 && (iso[7] != '-' || !parse_digits (iso + 8, 2, &day)
                    || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month,
                                          (GDateYear) year)))
    return FALSE;

  if (len == 4)
    {
      parsed.first = julian (1, 1, year);
      parsed.last = julian (31, 12, year);
    }
  else if (len == 7)
    {
      parsed.first = julian (1, month, year);
      parsed.last = julian (g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year),
                            month, year);
    }
  else
    {
      parsed.first = julian (day, month, year);
      parsed.last = parsed.first;
    }
  *range = parsed;
  return TRUE;
}

/**
 * am_date_range_overlaps:
 *
 * Whether @a and @b share a day (both ends included).
 */
gboolean
am_date_range_overlaps (const AmDateRange *a,
                        const AmDateRange *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->first <= b->last && b->first <= a->last;
}

/* The file format also takes a full date-time ("2021-03-18T09:30:00+09:00"): its day is the
 * one written, as the article's reader sees it. */
gboolean
_am_view_item_date_range (const char  *date,
                          AmDateRange *range)
{
  char day[11];

  if (date == NULL)
    return FALSE;
  if (strlen (date) > 10 && date[10] == 'T')
    {
      memcpy (day, date, 10);
      day[10] = '\0';
      return am_date_range_parse (day, range);
    }
  return am_date_range_parse (date, range);
}

/* Unparsable ends are open (the caller validates).  Returns whether the view filters by
 * time at all. */
gboolean
_am_view_get_day_range (const AmView *view,
                        AmDateRange  *range)
{
  AmDateRange from, to;

  range->first = 0;
  range->last = G_MAXUINT32;
  if (am_date_range_parse (view->time_from, &from))
    range->first = from.first;
  if (am_date_range_parse (view->time_to, &to))
    range->last = to.last;
  return am_view_has_time_range (view) || !view->keep_undated;
}
