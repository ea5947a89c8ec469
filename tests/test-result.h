/* test-result.h — waiting for an asynchronous call in a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A GAsyncReadyCallback: stores a reference to @result in the GAsyncResult * that
 * @user_data points to (which must be NULL before). */
void          test_result_store_cb (GObject       *object,
                                    GAsyncResult  *result,
                                    gpointer       user_data);

/* Iterates the default main context until test_result_store_cb() has set *@result;
 * returns it.  (transfer none: *@result keeps the reference) */
GAsyncResult *test_result_wait     (GAsyncResult **result);

G_END_DECLS
