/* am-ui-util.c — small text helpers shared by the window and its panels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "am-ui-util.h"
#include "am-session.h"

AmItemType
_am_ui_item_type (AmDocument *document,
                  const char *id)
{
  if (document == NULL || id == NULL || id[0] == '\0')
    return AM_ITEM_NONE;
  if (am_document_lookup_entity (document, id) != NULL)
    return AM_ITEM_ENTITY;
  if (am_document_lookup_relation (document, id) != NULL)
    return AM_ITEM_RELATION;
  if (am_document_lookup_statement (document, id) != NULL)
    return AM_ITEM_STATEMENT;
  return AM_ITEM_NONE;
}

gboolean
_am_ui_document_has_id (AmDocument *document,
                        const char *id)
{
  return _am_ui_item_type (document, id) != AM_ITEM_NONE;
}

const char *
_am_ui_entity_name (AmDocument *document,
                    const char *id)
{
  AmEntity *entity;

  if (id == NULL)
    return "";

  entity = document ? am_document_lookup_entity (document, id) : NULL;
  if (entity != NULL && am_entity_get_name (entity) != NULL)
    return am_entity_get_name (entity);

  return id;
}

char *
_am_ui_relation_ends (AmDocument *document,
                      AmRelation *relation)
{
  const char *source = _am_ui_entity_name (document, am_relation_get_source (relation));
  const char *target = _am_ui_entity_name (document, am_relation_get_target (relation));

  return g_strdup_printf (am_relation_get_directed (relation) ? "%s → %s" : "%s — %s",
                          source, target);
}

char *
_am_ui_statement_words (AmStatement *statement)
{
  const char *text = am_statement_get_text (statement);

  if (text == NULL)
    text = "";

  if (am_statement_get_quoted (statement))
    /* Translators: quotation marks around a quoted statement; use your language's */
    return g_strdup_printf (_("“%s”"), text);

  return g_strdup (text);
}

char *
_am_ui_describe_item (AmDocument *document,
                      const char *id,
                      guint       max_chars)
{
  g_autofree char *text = NULL;

  switch (_am_ui_item_type (document, id))
    {
    case AM_ITEM_ENTITY:
      text = g_strdup (_am_ui_entity_name (document, id));
      break;

    case AM_ITEM_RELATION:
      {
        AmRelation *relation = am_document_lookup_relation (document, id);
        g_autofree char *ends = _am_ui_relation_ends (document, relation);
        const char *label = am_relation_get_label (relation);

        text = label ? g_strdup_printf ("%s: %s", ends, label) : g_steal_pointer (&ends);
      }
      break;

    case AM_ITEM_STATEMENT:
      {
        AmStatement *statement = am_document_lookup_statement (document, id);
        g_autofree char *words = _am_ui_statement_words (statement);

        /* Translators: a statement in one line: "Speaker: “words”" */
        text = g_strdup_printf (_("%s: %s"),
                                _am_ui_entity_name (document, am_statement_get_speaker (statement)),
                                words);
      }
      break;

    case AM_ITEM_NONE:
    default:
      text = g_strdup (id ? id : "");
      break;
    }

  return max_chars > 0 ? _am_ui_truncate (text, max_chars) : g_steal_pointer (&text);
}

static char *
capitalise (const char *word)
{
  g_autofree char *first = NULL;
  const char *rest;

  if (word == NULL || word[0] == '\0' || !g_utf8_validate (word, -1, NULL))
    /* Translators: the kind of an actor whose kind is not known */
    return g_strdup (_("Other"));

  rest = g_utf8_next_char (word);
  first = g_utf8_strup (word, rest - word);

  return g_strconcat (first, rest, NULL);
}

/* Indexed by AmEntityKind, up to (not including) AM_ENTITY_KIND_OTHER. */
static const char * const kind_labels[] = {
  /* Translators: a kind of actor, singular */
  NC_("kind", "State"),
  /* Translators: a kind of actor, singular */
  NC_("kind", "Organization"),
  /* Translators: a kind of actor, singular */
  NC_("kind", "Person"),
  /* Translators: a kind of actor, singular */
  NC_("kind", "Event"),
  /* Translators: a kind of actor, singular */
  NC_("kind", "Place"),
  /* Translators: a kind of actor, singular (newspapers, agencies, broadcasters) */
  NC_("kind", "News Media"),
};

static const char * const kind_headings[] = {
  /* Translators: a heading in the actor list: the actors of one kind */
  NC_("kinds", "States"),
  /* Translators: a heading in the actor list: the actors of one kind */
  NC_("kinds", "Organizations"),
  /* Translators: a heading in the actor list: the actors of one kind */
  NC_("kinds", "People"),
  /* Translators: a heading in the actor list: the actors of one kind */
  NC_("kinds", "Events"),
  /* Translators: a heading in the actor list: the actors of one kind */
  NC_("kinds", "Places"),
  /* Translators: a heading in the actor list: the actors of one kind */
  NC_("kinds", "News Media"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_labels) == AM_ENTITY_KIND_OTHER);
G_STATIC_ASSERT (G_N_ELEMENTS (kind_headings) == AM_ENTITY_KIND_OTHER);

gboolean
_am_ui_document_is_graph (AmDocument *document)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (document), FALSE);

  return am_document_get_origin (document) == AM_DOCUMENT_ORIGIN_GRAPHVIZ;
}

char *
_am_ui_kind_label (AmEntity *entity)
{
  AmEntityKind kind = am_entity_get_kind (entity);

  if (kind < AM_ENTITY_KIND_OTHER)
    return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "kind", kind_labels[kind]));

  /* The nodes of an imported Graphviz file. */
  if (g_strcmp0 (am_entity_get_kind_name (entity), AM_GRAPHVIZ_NODE_KIND) == 0)
    /* Translators: the kind of the actors of a Graphviz file, singular */
    return g_strdup (C_("kind", "Node"));

  return capitalise (am_entity_get_kind_name (entity));
}

char *
_am_ui_kind_heading (AmEntity *entity)
{
  AmEntityKind kind = am_entity_get_kind (entity);

  if (kind < AM_ENTITY_KIND_OTHER)
    return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "kinds", kind_headings[kind]));

  if (g_strcmp0 (am_entity_get_kind_name (entity), AM_GRAPHVIZ_NODE_KIND) == 0)
    /* Translators: a heading in the actor list: the nodes of a Graphviz file */
    return g_strdup (C_("kinds", "Nodes"));

  return capitalise (am_entity_get_kind_name (entity));
}

const char *
_am_ui_kind_css_name (AmEntity *entity)
{
  AmEntityKind kind = am_entity_get_kind (entity);

  if (kind >= AM_ENTITY_KIND_OTHER)
    return "other";

  return am_entity_kind_to_string (kind);
}

char *
_am_ui_truncate (const char *text,
                 guint       max_chars)
{
  const char *end;

  if (text == NULL)
    return g_strdup ("");

  if (g_utf8_strlen (text, -1) <= (glong) max_chars)
    return g_strdup (text);

  end = g_utf8_offset_to_pointer (text, max_chars > 1 ? max_chars - 1 : 0);
  {
    g_autofree char *head = g_strndup (text, end - text);

    return g_strconcat (g_strchomp (head), "…", NULL);
  }
}

char *
_am_ui_slugify (const char *title,
                gsize       max_len)
{
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *transliterated = NULL;
  g_autofree char *ascii = NULL;
  g_auto(GStrv) words = NULL;

  if (title == NULL || !g_utf8_validate (title, -1, NULL))
    return g_strdup ("");

  transliterated = g_str_to_ascii (title, "C");
  ascii = g_ascii_strdown (transliterated, -1);
  words = g_strsplit_set (ascii, " \t\n\r-_/\\.,;:!?'\"()[]{}<>&|*#%@$^~`+=", -1);

  /* Whole words only, so a long headline does not end in half a word. */
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GString) word = g_string_new (NULL);

      for (const char *p = words[i]; *p != '\0'; p++)
        if (g_ascii_isalnum (*p))
          g_string_append_c (word, *p);

      if (word->len == 0)
        continue;
      if (slug->len > 0 && slug->len + 1 + word->len > max_len)
        break;
      if (slug->len > 0)
        g_string_append_c (slug, '-');
      g_string_append_len (slug, word->str, MIN (word->len, max_len));
    }

  return g_string_free (g_steal_pointer (&slug), FALSE);
}

char *
_am_ui_fold (const char *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *ascii = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  /* "Choe Son Hui" matches "choe", "Séoul" matches "seoul". */
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  ascii = g_str_to_ascii (normal ? normal : text, "C");

  return g_utf8_casefold (ascii, -1);
}

gboolean
_am_ui_matches (const char *folded_haystack,
                const char *folded_query)
{
  g_auto(GStrv) words = NULL;
  gboolean any = FALSE;

  if (folded_query == NULL)
    return TRUE;

  words = g_strsplit_set (folded_query, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      any = TRUE;
      if (strstr (folded_haystack, words[i]) == NULL)
        return FALSE;
    }

  return any;
}

char *
_am_ui_display_name (GFile *file)
{
  g_autofree char *path = NULL;

  if (file == NULL)
    /* Translators: the name of a map that came from no file */
    return g_strdup (_("Untitled"));

  path = g_file_get_path (file);
  if (path != NULL)
    return g_filename_display_basename (path);

  {
    g_autofree char *basename = g_file_get_basename (file);

    return basename ? g_filename_display_name (basename) : g_file_get_uri (file);
  }
}

gboolean
_am_ui_string_set_equal (GHashTable *a,
                         GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (a == NULL || b == NULL)
    return a == b;
  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      return FALSE;

  return TRUE;
}

GSignalGroup *
_am_ui_session_signals_new (gpointer    instance,
                            GCallback   callback,
                            const char *first_property,
                            ...)
{
  GSignalGroup *group = g_signal_group_new (AM_TYPE_SESSION);
  va_list args;

  va_start (args, first_property);
  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *detailed = g_strconcat ("notify::", name, NULL);

      g_signal_group_connect_object (group, detailed, callback, instance, G_CONNECT_SWAPPED);
    }
  va_end (args);

  return group;
}
