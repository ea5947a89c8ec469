/* am-core-private.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-core-private.h"

static gpointer
evidence_copy_func (gconstpointer src,
                    gpointer      user_data)
{
  return am_evidence_ref ((AmEvidence *) src);
}

GPtrArray *
_am_evidence_array_copy (GPtrArray *src)
{
  if (src == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) am_evidence_unref);

  GPtrArray *copy = g_ptr_array_copy (src, evidence_copy_func, NULL);
  g_ptr_array_set_free_func (copy, (GDestroyNotify) am_evidence_unref);

  return copy;
}

char **
_am_strv_copy_or_empty (const char * const *strv)
{
  if (strv == NULL)
    return g_new0 (char *, 1);

  return g_strdupv ((char **) strv);
}

GHashTable *
_am_string_table_copy (GHashTable *src)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (src != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, src);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          if (key != NULL && value != NULL)
            g_hash_table_insert (copy, g_strdup (key), g_strdup (value));
        }
    }

  return copy;
}
