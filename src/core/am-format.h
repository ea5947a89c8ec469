/* am-format.h — text for people, made the same way in every layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *am_format_date (const char *iso);

G_END_DECLS
