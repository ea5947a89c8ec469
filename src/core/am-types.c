/* am-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-types.h"

static const char * const kind_names[AM_N_ENTITY_KINDS] = {
  [AM_ENTITY_KIND_STATE] = "state",
  [AM_ENTITY_KIND_ORGANIZATION] = "organization",
  [AM_ENTITY_KIND_PERSON] = "person",
  [AM_ENTITY_KIND_EVENT] = "event",
  [AM_ENTITY_KIND_PLACE] = "place",
  [AM_ENTITY_KIND_MEDIA] = "media",
  [AM_ENTITY_KIND_OTHER] = "other",
};

const char *
am_entity_kind_to_string (AmEntityKind kind)
{
  g_return_val_if_fail ((guint) kind < AM_N_ENTITY_KINDS, "other");

  return kind_names[kind];
}

AmEntityKind
am_entity_kind_from_string (const char *str)
{
  if (str == NULL)
    return AM_ENTITY_KIND_OTHER;

  for (guint i = 0; i < AM_N_ENTITY_KINDS; i++)
    {
      if (g_ascii_strcasecmp (str, kind_names[i]) == 0)
        return (AmEntityKind) i;
    }

  /* "organisation" is how the article's own English spells it. */
  if (g_ascii_strcasecmp (str, "organisation") == 0)
    return AM_ENTITY_KIND_ORGANIZATION;

  return AM_ENTITY_KIND_OTHER;
}

static const char * const status_names[AM_N_STATUSES] = {
  [AM_STATUS_ACCEPTED] = "accepted",
  [AM_STATUS_SUGGESTED] = "suggested",
};

const char *
am_status_to_string (AmStatus status)
{
  g_return_val_if_fail ((guint) status < AM_N_STATUSES, "accepted");

  return status_names[status];
}

gboolean
am_status_from_string (const char *str,
                       AmStatus   *status)
{
  for (guint i = 0; str != NULL && i < AM_N_STATUSES; i++)
    {
      if (strcmp (str, status_names[i]) == 0)
        {
          if (status != NULL)
            *status = (AmStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}
