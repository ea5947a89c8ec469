/* am-document-writer.c — the model format, written (docs/format.md; the loader is
 * am-document-loader.c: every member it reads is written here, in a fixed order)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "am-document-writer.h"
#include "am-file-write.h"

/* The version this writer writes; the loader reads it and version 1. */
#define FORMAT_VERSION 2

/* Members an item's extra attributes must not shadow: the loader's known keys. */
static const char * const entity_members[] = {
  "id", "name", "kind", "role", "description", "affiliation", "aliases", "group",
  "evidence", "status", "position", NULL
};
static const char * const relation_members[] = {
  "id", "source", "target", "label", "type", "directed", "date", "evidence", "status", NULL
};

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* A boolean member, left out when it has the loader's default. */
static void
add_boolean (JsonBuilder *builder,
             const char  *member,
             gboolean     value,
             gboolean     default_value)
{
  if (!value == !default_value)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* A string array member, left out when empty. */
static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_status (JsonBuilder *builder,
            AmStatus     status,
            gboolean     written_as_accepted)
{
  /* "accepted" is the default and is not written. */
  if (status != AM_STATUS_ACCEPTED && !written_as_accepted)
    add_string (builder, "status", am_status_to_string (status));
}

static void
add_evidence (JsonBuilder *builder,
              GPtrArray   *evidence)
{
  if (evidence->len == 0)
    return;

  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < evidence->len; i++)
    {
      AmEvidence *ev = g_ptr_array_index (evidence, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "paragraph");
      json_builder_add_int_value (builder, am_evidence_get_paragraph (ev));
      add_string (builder, "text", am_evidence_get_text (ev));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static gint
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Extra string attributes, after the known members, sorted by name so the output is
 * stable; names of known members are skipped (they would be read as those members). */
static void
add_attributes (JsonBuilder        *builder,
                GHashTable         *attributes,
                const char * const *known)
{
  g_autofree gpointer *keys = (gpointer *) g_hash_table_get_keys_as_array (attributes, NULL);
  guint n = g_hash_table_size (attributes);

  g_qsort_with_data (keys, (gint) n, sizeof (gpointer), compare_keys, NULL);
  for (guint i = 0; i < n; i++)
    {
      if (!g_strv_contains (known, keys[i]))
        add_string (builder, keys[i], g_hash_table_lookup (attributes, keys[i]));
    }
}

static void
add_entity (JsonBuilder *builder,
            AmEntity    *entity,
            gboolean     written_as_accepted)
{
  double x, y;

  json_builder_begin_object (builder);
  add_string (builder, "id", am_entity_get_id (entity));
  add_string (builder, "name", am_entity_get_name (entity));
  add_string (builder, "kind", am_entity_get_kind_name (entity));
  add_status (builder, am_entity_get_status (entity), written_as_accepted);
  add_string (builder, "role", am_entity_get_role (entity));
  add_string (builder, "affiliation", am_entity_get_affiliation (entity));
  add_string (builder, "group", am_entity_get_group (entity));
  add_string (builder, "description", am_entity_get_description (entity));
  add_strv (builder, "aliases", am_entity_get_aliases (entity));
  if (am_entity_get_position (entity, &x, &y))
    {
      json_builder_set_member_name (builder, "position");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "x");
      json_builder_add_double_value (builder, x);
      json_builder_set_member_name (builder, "y");
      json_builder_add_double_value (builder, y);
      json_builder_end_object (builder);
    }
  add_evidence (builder, am_entity_get_evidence (entity));
  add_attributes (builder, am_entity_get_attributes (entity), entity_members);
  json_builder_end_object (builder);
}

static void
add_relation (JsonBuilder *builder,
              AmRelation  *relation)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", am_relation_get_id (relation));
  add_string (builder, "source", am_relation_get_source (relation));
  add_string (builder, "target", am_relation_get_target (relation));
  add_string (builder, "label", am_relation_get_label (relation));
  add_string (builder, "type", am_relation_get_rel_type (relation));
  add_boolean (builder, "directed", am_relation_get_directed (relation), TRUE);
  add_string (builder, "date", am_relation_get_date (relation));
  add_status (builder, am_relation_get_status (relation), FALSE);
  add_evidence (builder, am_relation_get_evidence (relation));
  add_attributes (builder, am_relation_get_attributes (relation), relation_members);
  json_builder_end_object (builder);
}

static void
add_statement (JsonBuilder *builder,
               AmStatement *statement)
{
  json_builder_begin_object (builder);
  add_string (builder, "id", am_statement_get_id (statement));
  add_string (builder, "speaker", am_statement_get_speaker (statement));
  add_string (builder, "text", am_statement_get_text (statement));
  add_boolean (builder, "quoted", am_statement_get_quoted (statement), FALSE);
  add_string (builder, "date", am_statement_get_date (statement));
  add_strv (builder, "about", am_statement_get_about (statement));
  add_strv (builder, "addressees", am_statement_get_addressees (statement));
  add_string (builder, "reported_by", am_statement_get_reported_by (statement));
  add_status (builder, am_statement_get_status (statement), FALSE);
  add_evidence (builder, am_statement_get_evidence (statement));
  json_builder_end_object (builder);
}

static gboolean
has_article (AmDocument *document)
{
  return am_document_get_title (document) != NULL || am_document_get_date (document) != NULL ||
         am_document_get_publisher (document) != NULL ||
         am_document_get_source (document) != NULL || am_document_get_url (document) != NULL ||
         am_document_get_n_paragraphs (document) > 0;
}

static void
add_article (JsonBuilder *builder,
             AmDocument  *document)
{
  const char * const *paragraphs = am_document_get_paragraphs (document);

  json_builder_set_member_name (builder, "article");
  json_builder_begin_object (builder);
  add_string (builder, "title", am_document_get_title (document));
  add_string (builder, "date", am_document_get_date (document));
  add_string (builder, "publisher", am_document_get_publisher (document));
  add_string (builder, "source", am_document_get_source (document));
  add_string (builder, "url", am_document_get_url (document));
  json_builder_set_member_name (builder, "paragraphs");
  json_builder_begin_array (builder);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    json_builder_add_string_value (builder, paragraphs[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* Adds the ids of the entities @statement refers to into @needed. */
static void
add_statement_refs (GHashTable  *needed,
                    AmStatement *statement)
{
  const char * const *lists[] = { am_statement_get_about (statement),
                                  am_statement_get_addressees (statement) };

  g_hash_table_add (needed, (gpointer) am_statement_get_speaker (statement));
  if (am_statement_get_reported_by (statement) != NULL)
    g_hash_table_add (needed, (gpointer) am_statement_get_reported_by (statement));
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      for (guint i = 0; lists[l][i] != NULL; i++)
        g_hash_table_add (needed, (gpointer) lists[l][i]);
    }
}

GBytes *
am_document_to_json (AmDocument  *document,
                     AmJsonFlags  flags)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) needed = NULL;
  gboolean all = (flags & AM_JSON_INCLUDE_SUGGESTED) != 0;
  GListModel *entities, *relations, *statements;
  GString *text;
  gsize length;

  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);

  entities = am_document_get_entities (document);
  relations = am_document_get_relations (document);
  statements = am_document_get_statements (document);

  /* The entities the written relations and statements refer to: a suggested one of
   * those is written too (as accepted), so that the file loads. */
  needed = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

      if (all || am_relation_get_status (relation) == AM_STATUS_ACCEPTED)
        {
          g_hash_table_add (needed, (gpointer) am_relation_get_source (relation));
          g_hash_table_add (needed, (gpointer) am_relation_get_target (relation));
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(AmStatement) statement = g_list_model_get_item (statements, i);

      if (all || am_statement_get_status (statement) == AM_STATUS_ACCEPTED)
        add_statement_refs (needed, statement);
    }

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  add_string (builder, "format", "actormap");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);
  if (has_article (document))
    add_article (builder, document);

  json_builder_set_member_name (builder, "entities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) entity = g_list_model_get_item (entities, i);
      gboolean suggested = am_entity_get_status (entity) == AM_STATUS_SUGGESTED;

      if (all || !suggested)
        add_entity (builder, entity, FALSE);
      else if (g_hash_table_contains (needed, am_entity_get_id (entity)))
        add_entity (builder, entity, TRUE);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "relations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (relations, i);

      if (all || am_relation_get_status (relation) == AM_STATUS_ACCEPTED)
        add_relation (builder, relation);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "statements");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(AmStatement) statement = g_list_model_get_item (statements, i);

      if (all || am_statement_get_status (statement) == AM_STATUS_ACCEPTED)
        add_statement (builder, statement);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');
  length = text->len;

  return g_bytes_new_take (g_string_free (text, FALSE), length);
}

/* ------------------------------------------------------------------------------------ */
/* Equality: every readable property of the items, so a new property is compared too    */

static gboolean
evidence_equal (GPtrArray *a,
                GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      AmEvidence *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      if (am_evidence_get_paragraph (x) != am_evidence_get_paragraph (y) ||
          am_evidence_get_offset (x) != am_evidence_get_offset (y) ||
          g_strcmp0 (am_evidence_get_text (x), am_evidence_get_text (y)) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
string_table_equal (GHashTable *a,
                    GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal (a, b);
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_STRV)
    return strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_PTR_ARRAY)
    return evidence_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_HASH_TABLE)
    return string_table_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_BOOLEAN)
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  if (type == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);
  if (G_TYPE_IS_ENUM (type))
    return g_value_get_enum (a) == g_value_get_enum (b);

  g_critical ("%s: cannot compare values of type %s", G_STRFUNC, g_type_name (type));
  return FALSE;
}

static gboolean
items_equal (GObject *a,
             GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  if (a == b)
    return TRUE;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) x = G_VALUE_INIT;
      g_auto(GValue) y = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READABLE) == 0)
        continue;

      g_value_init (&x, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_value_init (&y, G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
      g_object_get_property (a, pspecs[i]->name, &x);
      g_object_get_property (b, pspecs[i]->name, &y);
      if (!values_equal (&x, &y))
        return FALSE;
    }

  return TRUE;
}

static gboolean
lists_equal (GListModel *a,
             GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);

      if (!items_equal (x, y))
        return FALSE;
    }

  return TRUE;
}

gboolean
am_document_equal (AmDocument *a,
                   AmDocument *b)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (a), FALSE);
  g_return_val_if_fail (AM_IS_DOCUMENT (b), FALSE);

  if (a == b)
    return TRUE;

  return g_strcmp0 (am_document_get_title (a), am_document_get_title (b)) == 0 &&
         g_strcmp0 (am_document_get_date (a), am_document_get_date (b)) == 0 &&
         g_strcmp0 (am_document_get_publisher (a), am_document_get_publisher (b)) == 0 &&
         g_strcmp0 (am_document_get_source (a), am_document_get_source (b)) == 0 &&
         g_strcmp0 (am_document_get_url (a), am_document_get_url (b)) == 0 &&
         strv_equal (am_document_get_paragraphs (a), am_document_get_paragraphs (b)) &&
         lists_equal (am_document_get_entities (a), am_document_get_entities (b)) &&
         lists_equal (am_document_get_relations (a), am_document_get_relations (b)) &&
         lists_equal (am_document_get_statements (a), am_document_get_statements (b));
}

/* ------------------------------------------------------------------------------------ */

gboolean
am_document_save (AmDocument  *document,
                  const char  *path,
                  AmJsonFlags  flags,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  const void *data;
  gsize size;

  g_return_val_if_fail (AM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = am_document_to_json (document, flags);
  data = g_bytes_get_data (bytes, &size);
  if (am_file_write_atomic (path, data, size, &local_error))
    return TRUE;

  basename = g_path_get_basename (path);
  name = g_filename_display_name (basename);
  g_set_error (error, local_error->domain, local_error->code,
               /* Translators: a save error; the placeholders are the file's name and the
                  reason ("No space left on device") */
               _("Could not save “%s”: %s"), name, local_error->message);
  return FALSE;
}
