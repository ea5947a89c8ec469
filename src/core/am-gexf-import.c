/* am-gexf-import.c — PLACEHOLDER, replaced by the gexf importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "am-interchange-private.h"
#include "am-model-error.h"

AmDocument *
_am_gexf_import (GBytes      *bytes,
                 const char  *display_name,
                 GError     **error)
{
  g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_DOCUMENT, "%s: not read yet", display_name);
  return NULL;
}
