/* am-session-edits.c — the changes the session's edits make to a document builder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "am-session-edits.h"

/* How many words of a statement's text its new id takes. */
#define STATEMENT_ID_WORDS 5

AmStatus
_am_edit_item_status (gpointer item)
{
  if (AM_IS_ENTITY (item))
    return am_entity_get_status (item);
  if (AM_IS_RELATION (item))
    return am_relation_get_status (item);
  if (AM_IS_STATEMENT (item))
    return am_statement_get_status (item);
  g_return_val_if_reached (AM_STATUS_ACCEPTED);
}

static void
set_unknown_id_error (GError     **error,
                      const char  *id)
{
  g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_UNKNOWN_REFERENCE,
               /* Translators: an edit names an item the map does not have; %s is its id */
               _("There is no item “%s” in this map"), id ? id : "");
}

/* The item of @id, which must be of @type (G_TYPE_OBJECT: any item). */
static gpointer
lookup_item (AmDocumentBuilder  *builder,
             const char         *id,
             GType               type,
             GError            **error)
{
  gpointer item = id != NULL ? am_document_builder_lookup (builder, id) : NULL;

  if (item == NULL || !g_type_is_a (G_OBJECT_TYPE (item), type))
    {
      if (item != NULL && type == AM_TYPE_ENTITY)
        g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_UNKNOWN_REFERENCE,
                     /* Translators: an edit needs an actor; %s is the id of something else */
                     _("“%s” is not an actor"), id);
      else
        set_unknown_id_error (error, id);
      return NULL;
    }

  return item;
}

static gboolean
check_text (const char  *text,
            const char  *what,
            GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));

  if (copy[0] != '\0')
    return TRUE;

  /* @what is already translated */
  g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE, "%s", what);
  return FALSE;
}

/* Puts @copy (transfer full) in place of the item with its id. */
static void
put_owned (AmDocumentBuilder *builder,
           gpointer           copy)
{
  am_document_builder_put (builder, copy);
  g_object_unref (copy);
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

static gboolean
evidence_equal (const AmEvidence *a,
                const AmEvidence *b)
{
  return am_evidence_get_paragraph (a) == am_evidence_get_paragraph (b)
         && g_strcmp0 (am_evidence_get_text (a), am_evidence_get_text (b)) == 0;
}

/* @evidence plus the ones of @more it does not have, in order. (transfer full) */
static GPtrArray *
evidence_union (GPtrArray *evidence,
                GPtrArray *more)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) am_evidence_unref);

  for (guint i = 0; evidence != NULL && i < evidence->len; i++)
    g_ptr_array_add (result, am_evidence_ref (g_ptr_array_index (evidence, i)));

  for (guint i = 0; more != NULL && i < more->len; i++)
    {
      AmEvidence *candidate = g_ptr_array_index (more, i);
      gboolean found = FALSE;

      for (guint j = 0; !found && j < result->len; j++)
        found = evidence_equal (g_ptr_array_index (result, j), candidate);
      if (!found)
        g_ptr_array_add (result, am_evidence_ref (candidate));
    }

  return result;
}

/* A one-element evidence array, or NULL. (transfer full) */
static GPtrArray *
evidence_array_of (const AmEvidence *evidence)
{
  GPtrArray *array;

  if (evidence == NULL)
    return NULL;

  array = g_ptr_array_new_with_free_func ((GDestroyNotify) am_evidence_unref);
  g_ptr_array_add (array, am_evidence_ref ((AmEvidence *) evidence));
  return array;
}

/* @strv with @add appended unless it is there already. (transfer full) */
static GStrv
strv_with (const char * const *strv,
           const char         *add)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (strv != NULL)
    g_strv_builder_addv (builder, (const char **) strv);
  if (add != NULL && (strv == NULL || !g_strv_contains (strv, add)))
    g_strv_builder_add (builder, add);

  return g_strv_builder_end (builder);
}

/* @strv with @old replaced by @replacement (NULL: removed), without duplicates.
 * (transfer full) */
static GStrv
strv_replacing (const char * const *strv,
                const char         *old,
                const char         *replacement)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      const char *value = g_str_equal (strv[i], old) ? replacement : strv[i];
      gboolean seen = FALSE;

      if (value == NULL)
        continue;
      for (guint j = 0; !seen && j < result->len; j++)
        seen = g_str_equal (g_ptr_array_index (result, j), value);
      if (!seen)
        g_ptr_array_add (result, (gpointer) value);
    }

  g_ptr_array_add (result, NULL);
  return g_strdupv ((char **) result->pdata);
}

static gboolean
strv_has (const char * const *strv,
          const char         *value)
{
  return strv != NULL && g_strv_contains (strv, value);
}

/* Adding items */

char *
_am_edit_add_actor (AmDocumentBuilder  *builder,
                    const char         *name,
                    AmEntityKind        kind,
                    const AmEvidence   *evidence,
                    GError            **error)
{
  g_autoptr(GPtrArray) evidence_array = evidence_array_of (evidence);
  g_autofree char *stripped = NULL;
  char *id;

  /* Translators: an error when a new actor has an empty name */
  if (!check_text (name, _("An actor needs a name"), error))
    return NULL;
  if ((guint) kind >= AM_N_ENTITY_KINDS)
    kind = AM_ENTITY_KIND_OTHER;

  stripped = g_strstrip (g_strdup (name));
  id = am_document_builder_make_id (builder, "", stripped);
  put_owned (builder, g_object_new (AM_TYPE_ENTITY,
                                    "id", id,
                                    "name", stripped,
                                    "kind", kind,
                                    "evidence", evidence_array,
                                    NULL));
  return id;
}

gboolean
_am_edit_add_alias (AmDocumentBuilder  *builder,
                    const char         *entity_id,
                    const char         *alias,
                    const AmEvidence   *evidence,
                    GError            **error)
{
  AmEntity *entity = lookup_item (builder, entity_id, AM_TYPE_ENTITY, error);
  g_autoptr(GPtrArray) more = evidence_array_of (evidence);
  g_autoptr(GPtrArray) evidence_array = NULL;
  g_auto(GStrv) aliases = NULL;
  g_autofree char *stripped = NULL;

  if (entity == NULL)
    return FALSE;
  /* Translators: an error when an alias is empty */
  if (!check_text (alias, _("An alias cannot be empty"), error))
    return FALSE;

  stripped = g_strstrip (g_strdup (alias));
  /* The name itself is not an alias of the actor. */
  aliases = g_str_equal (stripped, am_entity_get_name (entity))
            ? g_strdupv ((char **) am_entity_get_aliases (entity))
            : strv_with (am_entity_get_aliases (entity), stripped);
  evidence_array = evidence_union (am_entity_get_evidence (entity), more);
  put_owned (builder, am_object_copy_with (entity,
                                           "aliases", aliases,
                                           "evidence", evidence_array,
                                           NULL));
  return TRUE;
}

char *
_am_edit_add_relation (AmDocumentBuilder  *builder,
                       const char         *source,
                       const char         *target,
                       const char         *label,
                       const char         *type,
                       gboolean            directed,
                       const AmEvidence   *evidence,
                       GError            **error)
{
  g_autoptr(GPtrArray) evidence_array = evidence_array_of (evidence);
  g_autofree char *stripped = NULL;
  g_autofree char *id_name = NULL;
  AmEntity *from;
  char *id;

  if ((from = lookup_item (builder, source, AM_TYPE_ENTITY, error)) == NULL
      || lookup_item (builder, target, AM_TYPE_ENTITY, error) == NULL)
    return NULL;
  /* Translators: an error when a new relation has an empty label */
  if (!check_text (label, _("A relation needs a label"), error))
    return NULL;

  stripped = g_strstrip (g_strdup (label));
  /* "r-" and the words the map shows: who, and how. */
  id_name = g_strdup_printf ("%s %s", am_entity_get_name (from), stripped);
  id = am_document_builder_make_id (builder, "r-", id_name);
  put_owned (builder, g_object_new (AM_TYPE_RELATION,
                                    "id", id,
                                    "source", source,
                                    "target", target,
                                    "label", stripped,
                                    "rel-type", type != NULL && type[0] != '\0' ? type : NULL,
                                    "directed", directed,
                                    "evidence", evidence_array,
                                    NULL));
  return id;
}

char *
_am_edit_add_statement (AmDocumentBuilder  *builder,
                        const char         *speaker,
                        const char         *text,
                        gboolean            quoted,
                        const AmEvidence   *evidence,
                        GError            **error)
{
  g_autoptr(GPtrArray) evidence_array = evidence_array_of (evidence);
  g_autoptr(GString) id_name = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *stripped = NULL;
  AmEntity *who;
  char *id;

  if ((who = lookup_item (builder, speaker, AM_TYPE_ENTITY, error)) == NULL)
    return NULL;
  /* Translators: an error when a new statement has no words */
  if (!check_text (text, _("A statement needs its words"), error))
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  /* "s-", the speaker and the first words: readable in the saved file. */
  id_name = g_string_new (am_entity_get_name (who));
  words = g_strsplit_set (stripped, " \t\n", -1);
  for (guint i = 0, n = 0; words[i] != NULL && n < STATEMENT_ID_WORDS; i++)
    if (words[i][0] != '\0')
      {
        g_string_append_printf (id_name, " %s", words[i]);
        n++;
      }
  id = am_document_builder_make_id (builder, "s-", id_name->str);
  put_owned (builder, g_object_new (AM_TYPE_STATEMENT,
                                    "id", id,
                                    "speaker", speaker,
                                    "text", stripped,
                                    "quoted", quoted,
                                    "evidence", evidence_array,
                                    NULL));
  return id;
}

gboolean
_am_edit_add_evidence (AmDocumentBuilder  *builder,
                       const char         *item_id,
                       const AmEvidence   *evidence,
                       GError            **error)
{
  gpointer item = lookup_item (builder, item_id, G_TYPE_OBJECT, error);
  g_autoptr(GPtrArray) more = evidence_array_of (evidence);
  g_autoptr(GPtrArray) evidence_array = NULL;

  if (item == NULL)
    return FALSE;
  if (evidence == NULL)
    {
      g_set_error_literal (error, AM_MODEL_ERROR, AM_MODEL_ERROR_MISSING_FIELD,
                           /* Translators: an error when evidence is added without a sentence */
                           _("There is no evidence to add"));
      return FALSE;
    }

  evidence_array = evidence_union (item_evidence (item), more);
  put_owned (builder, am_object_copy_with (item, "evidence", evidence_array, NULL));
  return TRUE;
}

/* Editing one property */

static const char * const editable_properties[] = {
  "name", "kind", "role", "description", "aliases", "label", "type", "directed", "date",
  "text", "quoted", "speaker", "about", "addressees", "reported-by", NULL
};

/* Optional text that is empty means "none": the saved file has no empty strings. */
static const char * const optional_text_properties[] = {
  "role", "description", "rel-type", "date", "reported-by", NULL
};

gboolean
_am_edit_set_property (AmDocumentBuilder  *builder,
                       const char         *item_id,
                       const char         *property,
                       const GValue       *value,
                       GError            **error)
{
  gpointer item = lookup_item (builder, item_id, G_TYPE_OBJECT, error);
  g_auto(GValue) converted = G_VALUE_INIT;
  const char *name;
  GParamSpec *pspec;
  gpointer copy;

  if (item == NULL)
    return FALSE;

  g_return_val_if_fail (property != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  /* The relation's "type" is its "rel-type" property (GObject's own "type" is taken). */
  name = AM_IS_RELATION (item) && g_str_equal (property, "type") ? "rel-type" : property;
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), name);
  if (pspec == NULL || !g_strv_contains (editable_properties, property)
      || g_str_equal (name, "type"))
    {
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE,
                   /* Translators: an edit of a property that cannot be edited; %s is its name */
                   _("“%s” cannot be edited here"), property);
      return FALSE;
    }

  /* An actor's kind may come as the enum or as the word the file uses. */
  if (AM_IS_ENTITY (item) && g_str_equal (name, "kind"))
    {
      AmEntityKind kind;

      if (G_VALUE_HOLDS_STRING (value))
        kind = am_entity_kind_from_string (g_value_get_string (value));
      else if (G_VALUE_HOLDS_ENUM (value))
        kind = g_value_get_enum (value);
      else if (G_VALUE_HOLDS_INT (value))
        kind = g_value_get_int (value);
      else
        kind = AM_N_ENTITY_KINDS;

      if ((guint) kind >= AM_N_ENTITY_KINDS)
        {
          g_set_error_literal (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE,
                               /* Translators: an error when an actor's kind is unknown */
                               _("Unknown kind of actor"));
          return FALSE;
        }
      put_owned (builder, am_object_copy_with (item,
                                               "kind", kind,
                                               "kind-name", am_entity_kind_to_string (kind),
                                               NULL));
      return TRUE;
    }

  g_value_init (&converted, G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (!g_value_transform (value, &converted))
    {
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_WRONG_TYPE,
                   /* Translators: an edit gave a property a value of the wrong type; %s is
                      the property */
                   _("Wrong type of value for “%s”"), property);
      return FALSE;
    }

  if (G_VALUE_HOLDS_STRING (&converted))
    {
      const char *text = g_value_get_string (&converted);
      g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

      if (stripped[0] == '\0' && !g_strv_contains (optional_text_properties, name))
        {
          g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE,
                       /* Translators: an edit emptied a required field; %s is its name */
                       _("“%s” cannot be empty"), property);
          return FALSE;
        }
      copy = am_object_copy_with (item, name, stripped[0] != '\0' ? stripped : NULL, NULL);
    }
  else if (G_VALUE_HOLDS_BOOLEAN (&converted))
    copy = am_object_copy_with (item, name, g_value_get_boolean (&converted), NULL);
  else if (G_VALUE_HOLDS_BOXED (&converted))
    copy = am_object_copy_with (item, name, g_value_get_boxed (&converted), NULL);
  else
    {
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_WRONG_TYPE,
                   _("Wrong type of value for “%s”"), property);
      return FALSE;
    }

  put_owned (builder, copy);
  return TRUE;
}

/* Deleting */

static gboolean
relation_touches (AmRelation *relation,
                  const char *entity_id)
{
  return g_str_equal (am_relation_get_source (relation), entity_id)
         || g_str_equal (am_relation_get_target (relation), entity_id);
}

GStrv
_am_edit_delete_cascade (AmDocumentBuilder *builder,
                         const char        *item_id)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  gpointer item = item_id != NULL ? am_document_builder_lookup (builder, item_id) : NULL;

  if (item != NULL && AM_IS_ENTITY (item))
    {
      guint n_relations = am_document_builder_get_n_items (builder, AM_TYPE_RELATION);
      guint n_statements = am_document_builder_get_n_items (builder, AM_TYPE_STATEMENT);

      for (guint i = 0; i < n_relations; i++)
        {
          AmRelation *relation = am_document_builder_get_item (builder, AM_TYPE_RELATION, i);

          if (relation_touches (relation, item_id))
            g_strv_builder_add (ids, am_relation_get_id (relation));
        }
      for (guint i = 0; i < n_statements; i++)
        {
          AmStatement *statement = am_document_builder_get_item (builder, AM_TYPE_STATEMENT, i);

          if (g_str_equal (am_statement_get_speaker (statement), item_id))
            g_strv_builder_add (ids, am_statement_get_id (statement));
        }
    }

  return g_strv_builder_end (ids);
}

/* Statements that mention @old (about, addressees, reported by) mention @replacement
 * instead, or nobody when it is NULL. */
static void
replace_mentions (AmDocumentBuilder *builder,
                  const char        *old,
                  const char        *replacement)
{
  guint n = am_document_builder_get_n_items (builder, AM_TYPE_STATEMENT);

  for (guint i = 0; i < n; i++)
    {
      AmStatement *statement = am_document_builder_get_item (builder, AM_TYPE_STATEMENT, i);
      const char * const *about = am_statement_get_about (statement);
      const char * const *addressees = am_statement_get_addressees (statement);
      const char *reported_by = am_statement_get_reported_by (statement);
      const char *speaker = am_statement_get_speaker (statement);
      g_auto(GStrv) new_about = NULL;
      g_auto(GStrv) new_addressees = NULL;

      if (!strv_has (about, old) && !strv_has (addressees, old)
          && g_strcmp0 (reported_by, old) != 0 && !g_str_equal (speaker, old))
        continue;

      new_about = strv_replacing (about, old, replacement);
      new_addressees = strv_replacing (addressees, old, replacement);
      /* put() replaces the item where it stands, so @i still names the next one. */
      put_owned (builder, am_object_copy_with (statement,
                                               "speaker", g_str_equal (speaker, old) && replacement
                                                            ? replacement : speaker,
                                               "about", new_about,
                                               "addressees", new_addressees,
                                               "reported-by", g_strcmp0 (reported_by, old) == 0
                                                                ? replacement : reported_by,
                                               NULL));
    }
}

gboolean
_am_edit_delete (AmDocumentBuilder  *builder,
                 const char         *item_id,
                 GError            **error)
{
  gpointer item = lookup_item (builder, item_id, G_TYPE_OBJECT, error);
  g_auto(GStrv) cascade = NULL;
  g_autofree char *id = NULL;

  if (item == NULL)
    return FALSE;

  id = g_strdup (item_id);   /* @item_id may belong to the item removed below */
  cascade = _am_edit_delete_cascade (builder, id);
  for (guint i = 0; cascade[i] != NULL; i++)
    am_document_builder_remove (builder, cascade[i]);
  if (AM_IS_ENTITY (item))
    replace_mentions (builder, id, NULL);
  am_document_builder_remove (builder, id);

  return TRUE;
}

/* Merging two actors */

gboolean
_am_edit_merge (AmDocumentBuilder  *builder,
                const char         *keep_id,
                const char         *merge_id,
                GError            **error)
{
  AmEntity *keep = lookup_item (builder, keep_id, AM_TYPE_ENTITY, error);
  AmEntity *merge = keep ? lookup_item (builder, merge_id, AM_TYPE_ENTITY, error) : NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) doomed = NULL;
  g_autofree char *keep_name = NULL;
  g_autofree char *merge_copy = NULL;
  const char * const *merge_aliases;
  g_auto(GStrv) aliases = NULL;
  const char *role, *description;
  AmStatus status;
  guint n_relations;

  if (merge == NULL)
    return FALSE;
  if (keep == merge)
    {
      g_set_error_literal (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE,
                           /* Translators: an error when an actor is merged into itself */
                           _("An actor cannot be merged into itself"));
      return FALSE;
    }

  keep_name = g_strdup (am_entity_get_name (keep));
  merge_copy = g_strdup (merge_id);

  /* The kept actor: the other's name and aliases become aliases, evidence joins. */
  aliases = g_strdupv ((char **) am_entity_get_aliases (keep));
  merge_aliases = am_entity_get_aliases (merge);
  for (gint i = -1; i < 0 || merge_aliases[i] != NULL; i++)
    {
      const char *alias = i < 0 ? am_entity_get_name (merge) : merge_aliases[i];
      GStrv more;

      if (alias[0] == '\0' || g_str_equal (alias, keep_name))
        continue;
      more = strv_with ((const char * const *) aliases, alias);
      g_strfreev (aliases);
      aliases = more;
    }
  evidence = evidence_union (am_entity_get_evidence (keep), am_entity_get_evidence (merge));
  role = am_entity_get_role (keep) ? am_entity_get_role (keep) : am_entity_get_role (merge);
  description = am_entity_get_description (keep) ? am_entity_get_description (keep)
                                                  : am_entity_get_description (merge);
  /* Accepted when either was: a person said so. */
  status = _am_edit_item_status (keep) == AM_STATUS_ACCEPTED
           || _am_edit_item_status (merge) == AM_STATUS_ACCEPTED
           ? AM_STATUS_ACCEPTED : AM_STATUS_SUGGESTED;
  put_owned (builder, am_object_copy_with (keep,
                                           "aliases", aliases,
                                           "evidence", evidence,
                                           "role", role,
                                           "description", description,
                                           "status", status,
                                           NULL));

  /* Its relations: a relation between the two would now join the actor to itself and
   * says nothing any more, so it goes. */
  doomed = g_ptr_array_new_with_free_func (g_free);
  n_relations = am_document_builder_get_n_items (builder, AM_TYPE_RELATION);
  for (guint i = 0; i < n_relations; i++)
    {
      AmRelation *relation = am_document_builder_get_item (builder, AM_TYPE_RELATION, i);
      const char *source = am_relation_get_source (relation);
      const char *target = am_relation_get_target (relation);

      if (!relation_touches (relation, merge_copy))
        continue;
      source = g_str_equal (source, merge_copy) ? keep_id : source;
      target = g_str_equal (target, merge_copy) ? keep_id : target;
      if (g_str_equal (source, target))
        g_ptr_array_add (doomed, g_strdup (am_relation_get_id (relation)));
      else
        put_owned (builder, am_object_copy_with (relation, "source", source, "target", target, NULL));
    }
  for (guint i = 0; i < doomed->len; i++)
    am_document_builder_remove (builder, g_ptr_array_index (doomed, i));

  /* Its statements and mentions. */
  replace_mentions (builder, merge_copy, keep_id);
  am_document_builder_remove (builder, merge_copy);

  return TRUE;
}

gboolean
_am_edit_move_actor (AmDocumentBuilder  *builder,
                     const char         *entity_id,
                     double              x,
                     double              y,
                     GError            **error)
{
  AmEntity *entity = lookup_item (builder, entity_id, AM_TYPE_ENTITY, error);

  if (entity == NULL)
    return FALSE;
  if (!isfinite (x) || !isfinite (y))
    {
      g_set_error_literal (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE,
                           /* Translators: an error when an actor is moved off any map */
                           _("An actor’s position must be a finite point"));
      return FALSE;
    }

  put_owned (builder, am_object_copy_with (entity,
                                           "has-position", TRUE,
                                           "x", x,
                                           "y", y,
                                           NULL));
  return TRUE;
}

/* Suggestions */

static void
accept_item (AmDocumentBuilder *builder,
             gpointer           item)
{
  if (item != NULL && _am_edit_item_status (item) == AM_STATUS_SUGGESTED)
    put_owned (builder, am_object_copy_with (item, "status", AM_STATUS_ACCEPTED, NULL));
}

static void
accept_entity (AmDocumentBuilder *builder,
               const char        *id)
{
  gpointer item = id != NULL ? am_document_builder_lookup (builder, id) : NULL;

  if (item != NULL && AM_IS_ENTITY (item))
    accept_item (builder, item);
}

void
_am_edit_accept_references (AmDocumentBuilder *builder)
{
  guint n_relations = am_document_builder_get_n_items (builder, AM_TYPE_RELATION);
  guint n_statements = am_document_builder_get_n_items (builder, AM_TYPE_STATEMENT);

  for (guint i = 0; i < n_relations; i++)
    {
      AmRelation *relation = am_document_builder_get_item (builder, AM_TYPE_RELATION, i);

      if (am_relation_get_status (relation) != AM_STATUS_ACCEPTED)
        continue;
      accept_entity (builder, am_relation_get_source (relation));
      accept_entity (builder, am_relation_get_target (relation));
    }

  for (guint i = 0; i < n_statements; i++)
    {
      AmStatement *statement = am_document_builder_get_item (builder, AM_TYPE_STATEMENT, i);
      const char * const *about = am_statement_get_about (statement);
      const char * const *addressees = am_statement_get_addressees (statement);

      if (am_statement_get_status (statement) != AM_STATUS_ACCEPTED)
        continue;
      accept_entity (builder, am_statement_get_speaker (statement));
      accept_entity (builder, am_statement_get_reported_by (statement));
      for (guint j = 0; about[j] != NULL; j++)
        accept_entity (builder, about[j]);
      for (guint j = 0; addressees[j] != NULL; j++)
        accept_entity (builder, addressees[j]);
    }
}

static gpointer
lookup_suggested (AmDocumentBuilder  *builder,
                  const char         *item_id,
                  GError            **error)
{
  gpointer item = lookup_item (builder, item_id, G_TYPE_OBJECT, error);

  if (item != NULL && _am_edit_item_status (item) != AM_STATUS_SUGGESTED)
    {
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_INVALID_VALUE,
                   /* Translators: accepting or rejecting an item that is no suggestion; %s is its id */
                   _("“%s” is not a suggestion"), item_id);
      return NULL;
    }

  return item;
}

gboolean
_am_edit_accept (AmDocumentBuilder  *builder,
                 const char         *item_id,
                 GError            **error)
{
  gpointer item = lookup_suggested (builder, item_id, error);

  if (item == NULL)
    return FALSE;

  /* The actors it refers to follow in _am_edit_accept_references(). */
  accept_item (builder, item);
  return TRUE;
}

gboolean
_am_edit_reject (AmDocumentBuilder  *builder,
                 const char         *item_id,
                 GError            **error)
{
  if (lookup_suggested (builder, item_id, error) == NULL)
    return FALSE;

  /* What depends on a suggested actor was suggested with it: an accepted item never
   * refers to a suggested actor (_am_edit_accept_references()). */
  return _am_edit_delete (builder, item_id, error);
}

guint
_am_edit_accept_all (AmDocumentBuilder *builder,
                     AmItemType         type)
{
  GType gtype;
  guint n, count = 0;

  switch (type)
    {
    case AM_ITEM_ENTITY:
      gtype = AM_TYPE_ENTITY;
      break;
    case AM_ITEM_RELATION:
      gtype = AM_TYPE_RELATION;
      break;
    case AM_ITEM_STATEMENT:
      gtype = AM_TYPE_STATEMENT;
      break;
    case AM_ITEM_NONE:
    default:
      return 0;
    }

  n = am_document_builder_get_n_items (builder, gtype);
  for (guint i = 0; i < n; i++)
    {
      gpointer item = am_document_builder_get_item (builder, gtype, i);

      if (_am_edit_item_status (item) != AM_STATUS_SUGGESTED)
        continue;
      accept_item (builder, item);
      count++;
    }

  return count;
}

static gboolean
builder_has_entity (AmDocumentBuilder *builder,
                    const char        *id)
{
  gpointer item = id != NULL ? am_document_builder_lookup (builder, id) : NULL;

  return item != NULL && AM_IS_ENTITY (item);
}

static gboolean
all_entities_known (AmDocumentBuilder  *builder,
                    const char * const *ids)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (!builder_has_entity (builder, ids[i]))
      return FALSE;
  return TRUE;
}

/* Whether @item's actors are all in @builder. */
static gboolean
references_known (AmDocumentBuilder *builder,
                  gpointer           item)
{
  if (AM_IS_RELATION (item))
    return builder_has_entity (builder, am_relation_get_source (item))
           && builder_has_entity (builder, am_relation_get_target (item));

  if (AM_IS_STATEMENT (item))
    return builder_has_entity (builder, am_statement_get_speaker (item))
           && (am_statement_get_reported_by (item) == NULL
               || builder_has_entity (builder, am_statement_get_reported_by (item)))
           && all_entities_known (builder, am_statement_get_about (item))
           && all_entities_known (builder, am_statement_get_addressees (item));

  return TRUE;
}

guint
_am_edit_add_suggestions (AmDocumentBuilder *builder,
                          AmDocument        *suggested)
{
  GListModel *lists[] = {
    am_document_get_entities (suggested),
    am_document_get_relations (suggested),
    am_document_get_statements (suggested),
  };
  guint count = 0;

  /* Actors first, so that relations and statements find them. */
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      guint n = g_list_model_get_n_items (lists[l]);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (lists[l], i);
          g_autofree char *id = NULL;

          g_object_get (item, "id", &id, NULL);
          if (_am_edit_item_status (item) != AM_STATUS_SUGGESTED
              || am_document_builder_lookup (builder, id) != NULL
              || !references_known (builder, item))
            continue;

          am_document_builder_put (builder, item);
          count++;
        }
    }

  return count;
}
