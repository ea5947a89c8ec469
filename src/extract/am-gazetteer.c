/* am-gazetteer.c — states, their demonyms and capitals
 *
 * State names come from Debian's iso-codes (iso_3166-1.json, read once with json-glib);
 * demonyms, capitals and newspaper short forms from am-gazetteer-data.c.  The table is
 * built once per process under g_once and never changes afterwards, so lookups from any
 * thread need no lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "am-extract-private.h"

typedef struct
{
  char          *state;   /* display name */
  AmGazetteerHit hit;
} Entry;

static GHashTable *table;         /* exact text → Entry */
static guint max_words;
static char *load_error;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->state);
  g_free (entry);
}

static guint
count_words (const char *text)
{
  guint n = 1;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == ' ')
      n++;
  return n;
}

static void
add (const char     *text,
     const char     *state,
     AmGazetteerHit  hit)
{
  Entry *entry;

  if (text == NULL || *text == '\0' || g_hash_table_contains (table, text))
    return;
  /* Names in iso-codes's "Korea, Republic of" order are not what articles write. */
  if (strchr (text, ',') != NULL || strchr (text, '(') != NULL)
    return;
  entry = g_new0 (Entry, 1);
  entry->state = g_strdup (state);
  entry->hit = hit;
  g_hash_table_insert (table, g_strdup (text), entry);
  max_words = MAX (max_words, count_words (text));
}

static void
add_list (const char     *list,
          const char     *state,
          AmGazetteerHit  hit)
{
  g_auto(GStrv) items = g_strsplit (list, "|", -1);

  for (guint i = 0; items[i] != NULL; i++)
    add (items[i], state, hit);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
load (GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *contents = NULL;
  gsize length = 0;
  JsonNode *root;
  JsonNode *list;

  if (!g_file_get_contents (AM_ISO_3166_1_JSON, &contents, &length, error)
      || !json_parser_load_from_data (parser, contents, length, error))
    return FALSE;

  root = json_parser_get_root (parser);
  list = JSON_NODE_HOLDS_OBJECT (root)
           ? json_object_get_member (json_node_get_object (root), "3166-1") : NULL;
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: no \"3166-1\" list", AM_ISO_3166_1_JSON);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (list), i);
      JsonObject *object;
      const char *code, *name, *common, *official, *display;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      code = member_string (object, "alpha_2");
      name = member_string (object, "name");
      common = member_string (object, "common_name");
      official = member_string (object, "official_name");
      if (code == NULL || name == NULL)
        continue;
      display = common != NULL ? common : name;
      add (display, display, AM_GAZETTEER_NAME);
      add (name, display, AM_GAZETTEER_NAME);
      if (official != NULL && g_str_has_prefix (official, "the "))
        official += strlen ("the ");
      add (official, display, AM_GAZETTEER_NAME);
      g_hash_table_insert (by_code, g_strdup (code), g_strdup (display));
    }

  for (guint i = 0; am_gazetteer_extra[i].code != NULL; i++)
    {
      const AmGazetteerExtra *extra = &am_gazetteer_extra[i];
      const char *state = g_hash_table_lookup (by_code, extra->code);

      if (state == NULL)
        continue;
      add_list (extra->names, state, AM_GAZETTEER_NAME);
      add_list (extra->demonyms, state, AM_GAZETTEER_DEMONYM);
      add_list (extra->capitals, state, AM_GAZETTEER_CAPITAL);
    }

  return TRUE;
}

gboolean
_am_gazetteer_ensure (GError **error)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      g_autoptr(GError) local_error = NULL;

      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
      if (!load (&local_error))
        load_error = g_strdup (local_error->message);
      g_once_init_leave (&initialised, 1);
    }

  if (load_error != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not read the state names of iso-codes: %s", load_error);
      return FALSE;
    }
  return TRUE;
}

const char *
_am_gazetteer_lookup (const char     *text,
                      AmGazetteerHit *hit)
{
  Entry *entry = g_hash_table_lookup (table, text);

  if (entry == NULL)
    return NULL;
  if (hit != NULL)
    *hit = entry->hit;
  return entry->state;
}

guint
_am_gazetteer_max_words (void)
{
  return max_words;
}
