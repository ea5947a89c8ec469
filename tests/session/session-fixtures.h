/* session-fixtures.h — what the session tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-session.h"

G_BEGIN_DECLS

#define ARTICLE_MODEL "data/north-korea-ignores-us-dialogue-offer.json"

/* @relative under the source tree (AM_SOURCE_ROOT). (transfer full) */
char       *session_fixture_source_path  (const char *relative);
/* A "notify" handler that counts: @count points to a guint. */
void        session_fixture_count_notify (GObject    *object,
                                          GParamSpec *pspec,
                                          guint      *count);

G_END_DECLS
