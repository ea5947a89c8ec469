/* am-object-copy.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <gobject/gvaluecollector.h>

#include "am-core.h"

typedef struct
{
  GPtrArray *names;   /* borrowed from the param specs (static strings) or the caller */
  GArray    *values;  /* of GValue, unset on free */
} PropertyList;

static void
property_list_clear (PropertyList *list)
{
  for (guint i = 0; i < list->values->len; i++)
    g_value_unset (&g_array_index (list->values, GValue, i));
  g_array_unref (list->values);
  g_ptr_array_unref (list->names);
}

static gboolean
property_list_has (PropertyList *list,
                   const char   *name)
{
  for (guint i = 0; i < list->names->len; i++)
    {
      if (strcmp (g_ptr_array_index (list->names, i), name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* A new, zeroed GValue slot for @name at the end of @list (valid until the next add). */
static GValue *
property_list_add (PropertyList *list,
                   const char   *name)
{
  GValue zero = G_VALUE_INIT;

  g_ptr_array_add (list->names, (gpointer) name);
  g_array_append_val (list->values, zero);

  return &g_array_index (list->values, GValue, list->values->len - 1);
}

/* Whether the copy should leave @name to its default, given what the caller sets.
 * @given_kind and @given_kind_name are what the caller passed, decided before any
 * property is copied: once "kind" has been copied from the object, the list holds it,
 * and asking the list then dropped the kind word of an entity of unknown kind
 * ("summit" came back as "other"). */
static gboolean
derived_from_given (GObject    *object,
                    const char *name,
                    gboolean    given_kind,
                    gboolean    given_kind_name)
{
  if (!AM_IS_ENTITY (object))
    return FALSE;

  if (strcmp (name, "kind-name") == 0)
    return given_kind;
  if (strcmp (name, "kind") == 0)
    return given_kind_name;

  return FALSE;
}

gpointer
am_object_copy_with (gpointer    object,
                     const char *first_property_name,
                     ...)
{
  PropertyList list = { g_ptr_array_new (), g_array_new (FALSE, FALSE, sizeof (GValue)) };
  g_autofree GParamSpec **pspecs = NULL;
  GObjectClass *klass;
  const char *name;
  gpointer copy;
  guint n_pspecs;
  gboolean given_kind, given_kind_name;
  va_list args;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  klass = G_OBJECT_GET_CLASS (object);

  /* The given values first, collected like g_object_new() does. */
  va_start (args, first_property_name);
  for (name = first_property_name; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (klass, name);
      g_autofree char *error = NULL;
      GValue *value;

      if (pspec == NULL)
        {
          g_critical ("%s: %s has no property '%s'", G_STRFUNC, G_OBJECT_TYPE_NAME (object), name);
          break;
        }
      value = property_list_add (&list, pspec->name);
      G_VALUE_COLLECT_INIT (value, G_PARAM_SPEC_VALUE_TYPE (pspec), args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s: %s", G_STRFUNC, error);
          break;
        }
    }
  va_end (args);

  if (name != NULL)
    {
      property_list_clear (&list);
      return NULL;
    }

  if (AM_IS_ENTITY (object) && !property_list_has (&list, "has-position") &&
      (property_list_has (&list, "x") || property_list_has (&list, "y")))
    {
      GValue *value = property_list_add (&list, "has-position");

      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, TRUE);
    }

  /* Then every other construct property, read from @object. */
  given_kind = property_list_has (&list, "kind");
  given_kind_name = property_list_has (&list, "kind-name");
  pspecs = g_object_class_list_properties (klass, &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GValue *value;

      if ((pspec->flags & (G_PARAM_READABLE | G_PARAM_WRITABLE)) !=
          (G_PARAM_READABLE | G_PARAM_WRITABLE) ||
          (pspec->flags & (G_PARAM_CONSTRUCT_ONLY | G_PARAM_CONSTRUCT)) == 0 ||
          property_list_has (&list, pspec->name) ||
          derived_from_given (object, pspec->name, given_kind, given_kind_name))
        continue;

      value = property_list_add (&list, pspec->name);
      g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, value);
    }

  copy = g_object_new_with_properties (G_OBJECT_TYPE (object), list.names->len,
                                       (const char **) list.names->pdata,
                                       (const GValue *) (const void *) list.values->data);
  property_list_clear (&list);

  return copy;
}
