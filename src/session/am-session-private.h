/* am-session-private.h — what the session's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-session.h"

G_BEGIN_DECLS

/* A scene to show at once for the edited document, until the layout answers (a moved
 * actor), or NULL. (transfer full) */
typedef AmScene *(*AmSessionShownSceneFunc) (AmSession *self,
                                             gpointer   user_data);

/* am_session_edit() with an optional scene shown meanwhile. */
gboolean _am_session_edit_full (AmSession                *self,
                                const char               *label,
                                AmSessionEditFunc         func,
                                gpointer                  user_data,
                                AmSessionShownSceneFunc   shown_func,
                                GError                  **error);

G_END_DECLS
