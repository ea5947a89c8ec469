/* am-types.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
