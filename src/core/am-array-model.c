/* am-array-model.c — a list model over a fixed array, safe to read from any thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-array-model-private.h"

/*
 * A document's lists never change once it is built, and they are read from worker
 * threads (the layout job measures names, the session builds its list items) while the
 * main thread reads them too.  GListStore is not safe for that: its get_item() writes a
 * cache of the last position read, so two threads can get each other's items.  This
 * model only reads its array, and a GPtrArray read without writers is thread-safe.
 */
struct _AmArrayModel
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;    /* owns a reference to each item; never NULL, never changes */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmArrayModel, am_array_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
am_array_model_get_item_type (GListModel *model)
{
  return AM_ARRAY_MODEL (model)->item_type;
}

static guint
am_array_model_get_n_items (GListModel *model)
{
  return AM_ARRAY_MODEL (model)->items->len;
}

static gpointer
am_array_model_get_item (GListModel *model,
                         guint       position)
{
  AmArrayModel *self = AM_ARRAY_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = am_array_model_get_item_type;
  iface->get_n_items = am_array_model_get_n_items;
  iface->get_item = am_array_model_get_item;
}

static void
am_array_model_finalize (GObject *object)
{
  AmArrayModel *self = AM_ARRAY_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (am_array_model_parent_class)->finalize (object);
}

static void
am_array_model_class_init (AmArrayModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = am_array_model_finalize;
}

static void
am_array_model_init (AmArrayModel *self)
{
}

AmArrayModel *
_am_array_model_new (GType      item_type,
                     GPtrArray *items)
{
  AmArrayModel *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (AM_TYPE_ARRAY_MODEL, NULL);
  self->item_type = item_type;
  self->items = g_ptr_array_new_full (items ? items->len : 0, g_object_unref);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (g_ptr_array_index (items, i), item_type), self);
      g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (items, i)));
    }

  return self;
}
