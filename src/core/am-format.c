/* am-format.c — text for people, made the same way in every layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "am-core-private.h"
#include "am-format.h"

static gboolean
parse_digits (const char **p,
              guint        n,
              guint       *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + (guint) ((*p)[i] - '0');
    }

  *p += n;
  *value = v;
  return TRUE;
}

/* The time of day and zone after a date: "T09:30[:00[.000]](Z|±hh:mm)". */
static gboolean
is_iso_time (const char *s)
{
  guint hour, minute, second;

  if (*s++ != 'T' || !parse_digits (&s, 2, &hour) || hour > 23 ||
      *s++ != ':' || !parse_digits (&s, 2, &minute) || minute > 59)
    return FALSE;

  if (*s == ':')
    {
      s++;
      if (!parse_digits (&s, 2, &second) || second > 60)
        return FALSE;
      if (*s == '.')
        {
          s++;
          if (!g_ascii_isdigit (*s))
            return FALSE;
          while (g_ascii_isdigit (*s))
            s++;
        }
    }

  if (*s == 'Z')
    return s[1] == '\0';

  if (*s == '+' || *s == '-')
    {
      guint zh, zm;

      s++;
      if (!parse_digits (&s, 2, &zh) || zh > 14 || *s++ != ':' ||
          !parse_digits (&s, 2, &zm) || zm > 59)
        return FALSE;
      return *s == '\0';
    }

  return FALSE;
}

/**
 * _am_date_parse:
 * @s: text that may be an ISO 8601 date
 * @year: (out) (optional): the year
 * @month: (out) (optional): the month, 1–12, when known
 * @day: (out) (optional): the day of the month, when known
 *
 * The dates the model allows, with the precision that is known: "2021", "2021-03",
 * "2021-03-18", or a full date-time with a zone, "2021-03-18T09:30[:00[.000]](Z|±hh:mm)".
 * The loader checks files with it and am_format_date() shows what it reads.
 *
 * Returns: the precision, or %AM_DATE_INVALID
 */
AmDatePrecision
_am_date_parse (const char *s,
                guint      *year,
                guint      *month,
                guint      *day)
{
  guint y = 0, m = 0, d = 0;
  AmDatePrecision precision;

  if (!parse_digits (&s, 4, &y) || y < 1)
    return AM_DATE_INVALID;
  precision = AM_DATE_YEAR;

  if (*s != '\0')
    {
      if (*s++ != '-' || !parse_digits (&s, 2, &m) || m < 1 || m > 12)
        return AM_DATE_INVALID;
      precision = AM_DATE_MONTH;
    }

  if (*s != '\0')
    {
      if (*s++ != '-' || !parse_digits (&s, 2, &d) ||
          !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
        return AM_DATE_INVALID;
      precision = AM_DATE_DAY;
    }

  if (*s != '\0' && !is_iso_time (s))
    return AM_DATE_INVALID;

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;

  return precision;
}

/**
 * am_format_date:
 * @iso: (nullable): a date as the model writes it: "2021", "2021-03" or "2021-03-18"
 *
 * The one way dates are shown, in the panels, the article view and the export caption:
 * "18 March 2021", "March 2021" or "2021", in the user's language (month names come from
 * the locale, the order from the translation).  A date-time shows its day.  Text that is
 * not a date the model allows, or names no real day ("2021-02-30"), is returned as it is,
 * so that nothing the file says is hidden.
 *
 * Returns: (transfer full) (nullable): the date for display, or %NULL when @iso is %NULL or
 *   empty
 */
char *
am_format_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  guint year, month, day;

  if (iso == NULL || *iso == '\0')
    return NULL;

  switch (_am_date_parse (iso, &year, &month, &day))
    {
    case AM_DATE_YEAR:
      return g_strdup_printf ("%u", year);

    case AM_DATE_MONTH:
      date = g_date_time_new_utc ((gint) year, (gint) month, 1, 0, 0, 0);
      /* Translators: a month and year, in g_date_time_format() notation: "March 2021" */
      return g_date_time_format (date, _("%B %Y"));

    case AM_DATE_DAY:
      date = g_date_time_new_utc ((gint) year, (gint) month, (gint) day, 0, 0, 0);
      /* Translators: a full date, in g_date_time_format() notation: "18 March 2021" */
      return g_date_time_format (date, _("%-d %B %Y"));

    case AM_DATE_INVALID:
    default:
      return g_strdup (iso);
    }
}
