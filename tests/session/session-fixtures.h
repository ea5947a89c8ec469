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
/* The bundled article's model. (transfer full) */
AmDocument *session_fixture_load_article (void);

G_END_DECLS
