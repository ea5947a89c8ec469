/* am-document-builder.c
 *
 * Edits make new immutable documents (issue 8): the views of a document never see it
 * change, undo is a stack of documents, and a new document shares every item the edit
 * did not touch, so a step costs a few pointers per item.  This file is that step's
 * core: a mutable list of items, checked like a loaded file when it becomes a document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-core-private.h"
#include "am-document-builder.h"
#include "am-document-private.h"
#include "am-json-reader.h"
#include "am-object-copy.h"

typedef enum
{
  SECTION_ENTITIES,
  SECTION_RELATIONS,
  SECTION_STATEMENTS,
  N_SECTIONS,
} Section;

static const char * const section_names[N_SECTIONS] = {
  [SECTION_ENTITIES] = "entities",
  [SECTION_RELATIONS] = "relations",
  [SECTION_STATEMENTS] = "statements",
};

#define N_ARTICLE_FIELDS (AM_ARTICLE_FIELD_URL + 1)

struct _AmDocumentBuilder
{
  AmDocumentOrigin  origin;
  char             *fields[N_ARTICLE_FIELDS];
  char            **paragraphs;                 /* NULL-terminated, never NULL */
  GPtrArray        *items[N_SECTIONS];          /* owned references */
  GHashTable       *by_id;                      /* id (borrowed from the item) → item */
  GHashTable       *graph_attributes;           /* utf8 → utf8, owned */
  GHashTable       *group_labels;               /* utf8 → utf8, owned */
};

static gboolean
section_of_item (gpointer  item,
                 Section  *section)
{
  if (AM_IS_ENTITY (item))
    *section = SECTION_ENTITIES;
  else if (AM_IS_RELATION (item))
    *section = SECTION_RELATIONS;
  else if (AM_IS_STATEMENT (item))
    *section = SECTION_STATEMENTS;
  else
    return FALSE;

  return TRUE;
}

static gboolean
section_of_type (GType    type,
                 Section *section)
{
  if (type == AM_TYPE_ENTITY)
    *section = SECTION_ENTITIES;
  else if (type == AM_TYPE_RELATION)
    *section = SECTION_RELATIONS;
  else if (type == AM_TYPE_STATEMENT)
    *section = SECTION_STATEMENTS;
  else
    return FALSE;

  return TRUE;
}

static const char *
item_id (gpointer item)
{
  if (AM_IS_ENTITY (item))
    return am_entity_get_id (item);
  if (AM_IS_RELATION (item))
    return am_relation_get_id (item);
  return am_statement_get_id (item);
}

static GPtrArray *
item_evidence (gpointer item)
{
  if (AM_IS_ENTITY (item))
    return am_entity_get_evidence (item);
  if (AM_IS_RELATION (item))
    return am_relation_get_evidence (item);
  return am_statement_get_evidence (item);
}

AmDocumentBuilder *
am_document_builder_new (void)
{
  AmDocumentBuilder *self = g_new0 (AmDocumentBuilder, 1);

  self->origin = AM_DOCUMENT_ORIGIN_MODEL;
  self->paragraphs = g_new0 (char *, 1);
  for (guint i = 0; i < N_SECTIONS; i++)
    self->items[i] = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->graph_attributes = _am_string_table_copy (NULL);
  self->group_labels = _am_string_table_copy (NULL);

  return self;
}

AmDocumentBuilder *
am_document_builder_new_from_document (AmDocument *document)
{
  AmDocumentBuilder *self;
  GListModel *lists[N_SECTIONS];

  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);

  self = am_document_builder_new ();
  self->origin = am_document_get_origin (document);
  self->fields[AM_ARTICLE_FIELD_TITLE] = g_strdup (am_document_get_title (document));
  self->fields[AM_ARTICLE_FIELD_DATE] = g_strdup (am_document_get_date (document));
  self->fields[AM_ARTICLE_FIELD_PUBLISHER] = g_strdup (am_document_get_publisher (document));
  self->fields[AM_ARTICLE_FIELD_SOURCE] = g_strdup (am_document_get_source (document));
  self->fields[AM_ARTICLE_FIELD_URL] = g_strdup (am_document_get_url (document));
  am_document_builder_set_paragraphs (self, am_document_get_paragraphs (document));

  g_clear_pointer (&self->graph_attributes, g_hash_table_unref);
  g_clear_pointer (&self->group_labels, g_hash_table_unref);
  self->graph_attributes = _am_string_table_copy (am_document_get_graph_attributes (document));
  self->group_labels = _am_string_table_copy (_am_document_get_group_labels (document));

  lists[SECTION_ENTITIES] = am_document_get_entities (document);
  lists[SECTION_RELATIONS] = am_document_get_relations (document);
  lists[SECTION_STATEMENTS] = am_document_get_statements (document);
  for (guint s = 0; s < N_SECTIONS; s++)
    {
      guint n = g_list_model_get_n_items (lists[s]);

      for (guint i = 0; i < n; i++)
        {
          gpointer item = g_list_model_get_item (lists[s], i);  /* the array owns it */

          g_ptr_array_add (self->items[s], item);
          g_hash_table_insert (self->by_id, (gpointer) item_id (item), item);
        }
    }

  return self;
}

void
am_document_builder_free (AmDocumentBuilder *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->by_id);
  for (guint i = 0; i < N_SECTIONS; i++)
    g_ptr_array_unref (self->items[i]);
  for (guint i = 0; i < N_ARTICLE_FIELDS; i++)
    g_free (self->fields[i]);
  g_strfreev (self->paragraphs);
  g_hash_table_unref (self->graph_attributes);
  g_hash_table_unref (self->group_labels);
  g_free (self);
}

void
am_document_builder_set_article_field (AmDocumentBuilder *self,
                                       AmArticleField     field,
                                       const char        *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) field < N_ARTICLE_FIELDS);

  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
}

void
am_document_builder_set_paragraphs (AmDocumentBuilder  *self,
                                    const char * const *paragraphs)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->paragraphs);
  self->paragraphs = _am_strv_copy_or_empty (paragraphs);
}

/* Where @item stands in its section, or -1. */
static gint
index_in_section (AmDocumentBuilder *self,
                  Section            section,
                  gpointer           item)
{
  guint index;

  if (!g_ptr_array_find (self->items[section], item, &index))
    return -1;

  return (gint) index;
}

void
am_document_builder_put (AmDocumentBuilder *self,
                         gpointer           item)
{
  Section section, old_section;
  gpointer old;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (section_of_item (item, &section));

  old = g_hash_table_lookup (self->by_id, item_id (item));
  if (old == item)
    return;

  /* The table's key is the new item's id before the old item can go. */
  g_object_ref (item);
  g_hash_table_replace (self->by_id, (gpointer) item_id (item), item);

  if (old != NULL && section_of_item (old, &old_section) && old_section == section)
    {
      gint index = index_in_section (self, section, old);

      g_object_unref (g_ptr_array_index (self->items[section], index));
      g_ptr_array_index (self->items[section], index) = item;
      return;
    }

  if (old != NULL)
    g_ptr_array_remove (self->items[old_section], old);
  g_ptr_array_add (self->items[section], item);
}

gpointer
am_document_builder_lookup (AmDocumentBuilder *self,
                            const char        *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

gboolean
am_document_builder_remove (AmDocumentBuilder *self,
                            const char        *id)
{
  gpointer item;
  Section section;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  item = g_hash_table_lookup (self->by_id, id);
  if (item == NULL)
    return FALSE;

  /* The key belongs to the item: out of the table first. */
  g_hash_table_remove (self->by_id, id);
  section_of_item (item, &section);
  g_ptr_array_remove (self->items[section], item);

  return TRUE;
}

static char *
slug (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name != NULL ? name : "", "C");
  GString *out = g_string_new (NULL);
  gboolean hyphen = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (hyphen && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          hyphen = FALSE;
        }
      else
        hyphen = TRUE;
    }

  if (out->len == 0)
    g_string_append (out, "item");

  return g_string_free (out, FALSE);
}

char *
am_document_builder_make_id (AmDocumentBuilder *self,
                             const char        *prefix,
                             const char        *name)
{
  g_autofree char *name_slug = NULL;
  g_autofree char *base = NULL;
  char *id;

  g_return_val_if_fail (self != NULL, NULL);

  name_slug = slug (name);
  base = g_strconcat (prefix != NULL ? prefix : "", name_slug, NULL);
  id = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (self->by_id, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }

  return id;
}

guint
am_document_builder_get_n_items (AmDocumentBuilder *self,
                                 GType              type)
{
  Section section;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (section_of_type (type, &section), 0);

  return self->items[section]->len;
}

gpointer
am_document_builder_get_item (AmDocumentBuilder *self,
                              GType              type,
                              guint              position)
{
  Section section;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (section_of_type (type, &section), NULL);
  g_return_val_if_fail (position < self->items[section]->len, NULL);

  return g_ptr_array_index (self->items[section], position);
}

/* ------------------------------------------------------------------------------------ */
/* Checking, with the loader's messages                                                 */

typedef struct
{
  AmJsonReader        reader;
  AmDocumentBuilder  *builder;
  guint               n_paragraphs;
  GHashTable         *ids;           /* id → the AmJsonWhere-like place it was defined */
} Check;

typedef struct
{
  Section section;
  guint   index;
} Place;

static gboolean
check_date (Check             *check,
            const AmJsonWhere *where,
            const char        *member,
            const char        *date)
{
  g_autofree char *quoted = NULL;

  if (date == NULL || _am_date_parse (date, NULL, NULL, NULL) != AM_DATE_INVALID)
    return TRUE;

  quoted = _am_json_quote (date);
  return _am_json_fail (&check->reader, where, AM_MODEL_ERROR_INVALID_VALUE,
                        /* Translators: an error in an Actormap model file, after its name and
                           the JSON location; the placeholders are, in order: member, quoted */
                        _("%s: '%s' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"),
                        member, quoted);
}

static gboolean
check_nonempty (Check             *check,
                const AmJsonWhere *where,
                const char        *member,
                const char        *value)
{
  if (value != NULL && *value != '\0')
    return TRUE;

  return _am_json_fail (&check->reader, where, AM_MODEL_ERROR_INVALID_VALUE,
                        /* Translators: an error in an Actormap model file, after its name and
                           the JSON location; the placeholders are, in order: member */
                        _("'%s' is empty"), member);
}

static gboolean
check_entity_ref (Check             *check,
                  const AmJsonWhere *where,
                  const char        *path,
                  const char        *id)
{
  Place *found = g_hash_table_lookup (check->ids, id);

  if (found == NULL)
    return _am_json_unknown_entity (&check->reader, where, path, id, NULL, 0);
  if (found->section != SECTION_ENTITIES)
    return _am_json_unknown_entity (&check->reader, where, path, id,
                                    section_names[found->section], found->index);

  return TRUE;
}

static gboolean
check_entity_refs (Check              *check,
                   const AmJsonWhere  *where,
                   const char         *member,
                   const char * const *ids)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);

      if (!check_entity_ref (check, where, path, ids[i]))
        return FALSE;
    }

  return TRUE;
}

/* Checks @evidence against the article.  *@fixed is a new array when an offset had to be
 * set (the first occurrence, as the loader finds it), else NULL. */
static gboolean
check_evidence (Check             *check,
                const AmJsonWhere *where,
                GPtrArray         *evidence,
                GPtrArray        **fixed)
{
  g_autoptr(GPtrArray) copy = NULL;

  *fixed = NULL;

  for (guint i = 0; i < evidence->len; i++)
    {
      AmEvidence *ev = g_ptr_array_index (evidence, i);
      guint paragraph = am_evidence_get_paragraph (ev);
      const char *text = am_evidence_get_text (ev);
      g_autofree char *path = g_strdup_printf ("evidence[%u]", i);
      gssize offset;

      if (!_am_json_locate_evidence (&check->reader, where, path,
                                     check->n_paragraphs > 0
                                       ? (const char * const *) check->builder->paragraphs
                                       : NULL,
                                     paragraph, text, &offset))
        return FALSE;

      /* The first evidence whose offset is not the loader's starts a new array. */
      if (am_evidence_get_offset (ev) != offset && copy == NULL)
        {
          copy = g_ptr_array_new_with_free_func ((GDestroyNotify) am_evidence_unref);
          for (guint j = 0; j < i; j++)
            g_ptr_array_add (copy, am_evidence_ref (g_ptr_array_index (evidence, j)));
        }
      if (copy != NULL)
        g_ptr_array_add (copy, am_evidence_new (paragraph, text, offset));
    }

  *fixed = g_steal_pointer (&copy);
  return TRUE;
}

static gboolean
check_item (Check       *check,
            AmJsonWhere *where,
            gpointer     item)
{
  if (AM_IS_ENTITY (item))
    {
      double x, y;

      if ((check->builder->origin == AM_DOCUMENT_ORIGIN_MODEL &&
           !check_nonempty (check, where, "name", am_entity_get_name (item))) ||
          !check_nonempty (check, where, "kind", am_entity_get_kind_name (item)))
        return FALSE;
      if (am_entity_get_position (item, &x, &y) && (!isfinite (x) || !isfinite (y)))
        return _am_json_fail (&check->reader, where, AM_MODEL_ERROR_INVALID_VALUE,
                              /* Translators: an error in an Actormap model file, after its name
                                 and the JSON location; %s is the member ("position.x") */
                              _("%s is not a finite number"),
                              isfinite (x) ? "position.y" : "position.x");
      return TRUE;
    }

  if (AM_IS_RELATION (item))
    return check_date (check, where, "date", am_relation_get_date (item)) &&
           check_entity_ref (check, where, "source", am_relation_get_source (item)) &&
           check_entity_ref (check, where, "target", am_relation_get_target (item));

  return check_nonempty (check, where, "text", am_statement_get_text (item)) &&
         check_date (check, where, "date", am_statement_get_date (item)) &&
         check_entity_ref (check, where, "speaker", am_statement_get_speaker (item)) &&
         check_entity_refs (check, where, "about", am_statement_get_about (item)) &&
         check_entity_refs (check, where, "addressees", am_statement_get_addressees (item)) &&
         (am_statement_get_reported_by (item) == NULL ||
          check_entity_ref (check, where, "reported_by", am_statement_get_reported_by (item)));
}

static gboolean
check_article (Check *check)
{
  const AmJsonWhere where = { "article", -1, NULL };
  const char *url = check->builder->fields[AM_ARTICLE_FIELD_URL];
  g_autofree char *quoted = NULL;

  static const char * const field_names[N_ARTICLE_FIELDS] = {
    [AM_ARTICLE_FIELD_TITLE] = "title",
    [AM_ARTICLE_FIELD_DATE] = "date",
    [AM_ARTICLE_FIELD_PUBLISHER] = "publisher",
    [AM_ARTICLE_FIELD_SOURCE] = "source",
    [AM_ARTICLE_FIELD_URL] = "url",
  };

  for (guint i = 0; i < N_ARTICLE_FIELDS; i++)
    {
      const char *value = check->builder->fields[i];

      if (value != NULL && !g_utf8_validate (value, -1, NULL))
        return _am_json_fail (&check->reader, &where, AM_MODEL_ERROR_NOT_UTF8,
                              /* Translators: an error in an Actormap model, after its name and
                                 "article: "; %s is the field ("title", "url"…) */
                              _("%s is not valid UTF-8"), field_names[i]);
    }
  for (guint i = 0; check->builder->paragraphs[i] != NULL; i++)
    {
      if (!g_utf8_validate (check->builder->paragraphs[i], -1, NULL))
        return _am_json_fail (&check->reader, &where, AM_MODEL_ERROR_NOT_UTF8,
                              /* Translators: an error in an Actormap model, after its name and
                                 "article: "; %u is a paragraph's index */
                              _("paragraphs[%u] is not valid UTF-8"), i);
    }

  if (!check_date (check, &where, "date", check->builder->fields[AM_ARTICLE_FIELD_DATE]))
    return FALSE;
  if (url == NULL || _am_json_is_web_url (url))
    return TRUE;

  quoted = _am_json_quote (url);
  return _am_json_fail (&check->reader, &where, AM_MODEL_ERROR_INVALID_VALUE,
                        /* Translators: an error in an Actormap model file, after its name and
                           the JSON location; the placeholders are, in order: quoted */
                        _("url: '%s' is not an absolute http or https URL"), quoted);
}

/* The checked items of each section into @items (new arrays), in file order like the
 * loader: a duplicate is reported where it occurs again. */
static gboolean
check_items (Check     *check,
             GPtrArray *items[N_SECTIONS])
{
  AmDocumentBuilder *self = check->builder;
  g_autofree Place *places = NULL;
  guint n_items = 0, next_place = 0;

  for (guint s = 0; s < N_SECTIONS; s++)
    n_items += self->items[s]->len;
  places = g_new0 (Place, MAX (n_items, 1));

  for (guint s = 0; s < N_SECTIONS; s++)
    {
      for (guint i = 0; i < self->items[s]->len; i++)
        {
          gpointer item = g_ptr_array_index (self->items[s], i);
          g_autoptr(GPtrArray) fixed = NULL;
          AmJsonWhere where = { section_names[s], (gint) i, NULL };
          const char *id = item_id (item);
          Place *previous;

          if (!check_nonempty (check, &where, "id", id))
            return FALSE;
          where.id = id;

          previous = g_hash_table_lookup (check->ids, id);
          if (previous != NULL)
            return _am_json_fail (&check->reader, &where, AM_MODEL_ERROR_DUPLICATE_ID,
                                  /* Translators: an error in an Actormap model file, after its
                                     name and the JSON location; the placeholders are, in
                                     order: the id, the section and index of the item that
                                     already has it */
                                  _("duplicate id '%s', already used by %s[%u]"), id,
                                  section_names[previous->section], previous->index);
          places[next_place] = (Place) { s, i };
          g_hash_table_insert (check->ids, (gpointer) id, &places[next_place++]);

          if (!check_item (check, &where, item) ||
              !check_evidence (check, &where, item_evidence (item), &fixed))
            return FALSE;

          if (fixed != NULL)
            g_ptr_array_add (items[s], am_object_copy_with (item, "evidence", fixed, NULL));
          else
            g_ptr_array_add (items[s], g_object_ref (item));
        }
    }

  /* The table's values point into @places, which goes now. */
  g_hash_table_remove_all (check->ids);
  return TRUE;
}

AmDocument *
am_document_builder_build (AmDocumentBuilder *self,
                           const char        *display_name,
                           GError           **error)
{
  g_autoptr(GHashTable) ids = NULL;
  GPtrArray *items[N_SECTIONS];
  AmArticleInfo article = { 0 };
  AmDocument *document = NULL;
  Check check = { 0 };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  check.reader.display_name = display_name != NULL ? display_name : "document";
  check.reader.error = error;
  check.builder = self;
  check.n_paragraphs = g_strv_length (self->paragraphs);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  check.ids = ids;

  for (guint s = 0; s < N_SECTIONS; s++)
    items[s] = g_ptr_array_new_full (self->items[s]->len, g_object_unref);

  if (check_article (&check) && check_items (&check, items))
    {
      article.title = g_strdup (self->fields[AM_ARTICLE_FIELD_TITLE]);
      article.date = g_strdup (self->fields[AM_ARTICLE_FIELD_DATE]);
      article.publisher = g_strdup (self->fields[AM_ARTICLE_FIELD_PUBLISHER]);
      article.source = g_strdup (self->fields[AM_ARTICLE_FIELD_SOURCE]);
      article.url = g_strdup (self->fields[AM_ARTICLE_FIELD_URL]);
      article.paragraphs = g_strdupv (self->paragraphs);

      document = _am_document_new (&article, items[SECTION_ENTITIES], items[SECTION_RELATIONS],
                                   items[SECTION_STATEMENTS]);
      _am_article_info_clear (&article);
      _am_document_set_graph (document, self->origin, self->graph_attributes,
                              self->group_labels);
    }

  for (guint s = 0; s < N_SECTIONS; s++)
    g_ptr_array_unref (items[s]);

  return document;
}
