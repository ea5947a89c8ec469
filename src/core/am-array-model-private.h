/* am-array-model-private.h — a list model over a fixed array, safe to read from any thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AM_TYPE_ARRAY_MODEL (am_array_model_get_type ())

G_DECLARE_FINAL_TYPE (AmArrayModel, am_array_model, AM, ARRAY_MODEL, GObject)

/* A model holding a reference to each of @items (of @item_type), in order; it never
 * changes, so any thread may read it. */
AmArrayModel *_am_array_model_new (GType      item_type,
                                   GPtrArray *items);

G_END_DECLS
