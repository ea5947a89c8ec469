/* am-format.c — text for people, made the same way in every layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "am-format.h"

/* Reads exactly @n ASCII digits at *@p and moves past them. */
static gboolean
read_digits (const char **p,
             guint        n,
             int         *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + g_ascii_digit_value ((*p)[i]);
    }

  *p += n;
  *value = v;
  return TRUE;
}

/**
 * am_format_date:
 * @iso: (nullable): a date as the model writes it: "2021", "2021-03" or "2021-03-18"
 *
 * The one way dates are shown, in the panels, the article view and the export caption:
 * "18 March 2021", "March 2021" or "2021", in the user's language (month names come from
 * the locale, the order from the translation).  Text that is not one of those three forms,
 * or names no real day ("2021-02-30"), is returned as it is, so that nothing the file says
 * is hidden.
 *
 * Returns: (transfer full) (nullable): the date for display, or %NULL when @iso is %NULL or
 *   empty
 */
char *
am_format_date (const char *iso)
{
  const char *p = iso;
  int year = 0, month = 0, day = 0;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL || *iso == '\0')
    return NULL;

  if (!read_digits (&p, 4, &year) || year < 1)
    return g_strdup (iso);
  if (*p == '\0')
    return g_strdup_printf ("%d", year);

  if (*p++ != '-' || !read_digits (&p, 2, &month) || month < 1 || month > 12)
    return g_strdup (iso);
  if (*p == '\0')
    {
      date = g_date_time_new_utc (year, month, 1, 0, 0, 0);
      /* Translators: a month and year, in g_date_time_format() notation: "March 2021" */
      return g_date_time_format (date, _("%B %Y"));
    }

  if (*p++ != '-' || !read_digits (&p, 2, &day) || *p != '\0' ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return g_strdup (iso);

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  /* Translators: a full date, in g_date_time_format() notation: "18 March 2021" */
  return g_date_time_format (date, _("%-d %B %Y"));
}
