/* am-object-copy.h — a changed copy of an immutable object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A new object of @object's type with all of @object's construct properties, except the
 * ones given (name, value, …, NULL), e.g. am_object_copy_with (entity, "name", "Joe", NULL).
 * Containers (aliases, evidence, attributes) are copied.  Values are collected like
 * g_object_new()'s: doubles must be passed as doubles ("x", 12.0).
 *
 * For an AmEntity two pairs hang together: giving "kind" without "kind-name" drops the
 * old kind's word (it becomes the new kind's own), giving "kind-name" without "kind"
 * lets the kind follow the word; giving "x" or "y" without "has-position" pins the copy.
 * (transfer full) */
gpointer am_object_copy_with (gpointer    object,
                              const char *first_property_name,
                              ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
