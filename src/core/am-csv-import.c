/* am-csv-import.c — PLACEHOLDER, replaced by the CSV importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "am-interchange-private.h"
#include "am-model-error.h"

gboolean
_am_csv_sniff (GBytes *bytes)
{
  return FALSE;
}

AmDocument *
_am_csv_import (GBytes      *edges,
                const char  *display_name,
                GBytes      *nodes,
                const char  *nodes_display_name,
                GError     **error)
{
  g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_DOCUMENT, "%s: not read yet", display_name);
  return NULL;
}
