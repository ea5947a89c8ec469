/* am-export-gexf.c — PLACEHOLDER, replaced by the gexf writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-export.h"
#include "am-export-network-private.h"

GBytes *
_am_export_gexf (AmDocument     *document,
                 const AmScene  *scene,
                 const AmTheme  *theme,
                 GError        **error)
{
  g_set_error_literal (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_UNKNOWN_FORMAT, "not written yet");
  return NULL;
}
