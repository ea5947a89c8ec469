/* am-document-loader.c — JSON model file → AmDocument, strictly: the schema
 *
 * The format is documented in docs/format.md; keep the two in step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "am-core-enums.h"
#include "am-document-private.h"
#include "am-file-read.h"
#include "am-json-reader.h"
#include "am-json-scan.h"


typedef enum
{
  SECTION_ENTITIES,
  SECTION_RELATIONS,
  SECTION_STATEMENTS,
} Section;

static const char * const section_names[] = {
  [SECTION_ENTITIES] = "entities",
  [SECTION_RELATIONS] = "relations",
  [SECTION_STATEMENTS] = "statements",
};

/* Where an id was defined, packed into a pointer for the id table. */
#define PACK_WHERE(section, index) GUINT_TO_POINTER (((guint) (section) << 28) | ((index) + 1))
#define WHERE_SECTION(p)           ((Section) (GPOINTER_TO_UINT (p) >> 28))
#define WHERE_INDEX(p)             ((GPOINTER_TO_UINT (p) & 0x0FFFFFFF) - 1)
#define MAX_ITEMS                  AM_JSON_MAX_ITEMS

typedef struct
{
  AmJsonReader reader;       /* the file's name and where errors go */

  /* id → PACK_WHERE; keys borrowed from the JSON tree, which outlives the load */
  GHashTable  *ids;

  gboolean     has_article;
  char       **paragraphs;   /* borrowed from the AmArticleInfo being filled */
  guint        n_paragraphs;
} Loader;

/* Records @id as defined at @where; DUPLICATE_ID if it already is. */
static gboolean
register_id (Loader            *loader,
             const AmJsonWhere *where,
             Section            section,
             const char        *id)
{
  gpointer previous;

  if (g_hash_table_lookup_extended (loader->ids, id, NULL, &previous))
    return _am_json_fail (&loader->reader, where, AM_MODEL_ERROR_DUPLICATE_ID,
                          /* Translators: an error in an Actormap model file, after its name and
                             the JSON location; the placeholders are, in order: id,
                             section_names[WHERE_SECTION (previous)], WHERE_INDEX (previous) */
                          _("duplicate id '%s', already used by %s[%u]"), id,
                          section_names[WHERE_SECTION (previous)], WHERE_INDEX (previous));

  g_hash_table_insert (loader->ids, (gpointer) id, PACK_WHERE (section, (guint) where->index));
  return TRUE;
}

/* @id must name an entity; @path is the member that holds it. */
static gboolean
check_entity_ref (Loader            *loader,
                  const AmJsonWhere *where,
                  const char        *path,
                  const char        *id)
{
  gpointer found;

  if (!g_hash_table_lookup_extended (loader->ids, id, NULL, &found))
    return _am_json_unknown_entity (&loader->reader, where, path, id, NULL, 0);
  if (WHERE_SECTION (found) != SECTION_ENTITIES)
    return _am_json_unknown_entity (&loader->reader, where, path, id,
                                    section_names[WHERE_SECTION (found)], WHERE_INDEX (found));

  return TRUE;
}

static gboolean
check_entity_refs (Loader             *loader,
                   const AmJsonWhere  *where,
                   const char         *member,
                   const char * const *ids)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);

      if (!check_entity_ref (loader, where, path, ids[i]))
        return FALSE;
    }

  return TRUE;
}

static AmEvidence *
parse_evidence (Loader            *loader,
                const AmJsonWhere *where,
                JsonNode          *node,
                guint              index)
{
  g_autofree char *path = g_strdup_printf ("evidence[%u]", index);
  g_autofree char *text_path = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *text;
  gint64 paragraph;
  gssize offset;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _am_json_wrong_type (&loader->reader, where, path, "an object", node);
      return NULL;
    }
  object = json_node_get_object (node);

  /* paragraph */
  {
    g_autofree char *member_path = g_strdup_printf ("%s.paragraph", path);

    if (!_am_json_get_member (&loader->reader, where, object, "paragraph", member_path, TRUE,
                              &member))
      return NULL;
    if (!_am_json_node_is_value_of (member, G_TYPE_INT64))
      {
        _am_json_wrong_type (&loader->reader, where, member_path, "an integer", member);
        return NULL;
      }
    paragraph = json_node_get_int (member);
  }

  /* text */
  text_path = g_strdup_printf ("%s.text", path);
  if (!_am_json_get_member (&loader->reader, where, object, "text", text_path, TRUE, &member))
    return NULL;
  if (!_am_json_node_is_value_of (member, G_TYPE_STRING))
    {
      _am_json_wrong_type (&loader->reader, where, text_path, "a string", member);
      return NULL;
    }
  text = json_node_get_string (member);

  if (!_am_json_locate_evidence (&loader->reader, where, path,
                                 loader->has_article
                                   ? (const char * const *) loader->paragraphs : NULL,
                                 paragraph, text, &offset))
    return NULL;

  return am_evidence_new ((guint) paragraph, text, offset);
}

/* The optional "evidence" member → a new array (never NULL on success). */
static GPtrArray *
parse_evidence_list (Loader            *loader,
                     const AmJsonWhere *where,
                     JsonObject        *object)
{
  g_autoptr(GPtrArray) evidence = NULL;
  JsonArray *array;

  if (!_am_json_get_array (&loader->reader, where, object, "evidence", &array))
    return NULL;

  evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) am_evidence_unref);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      AmEvidence *item = parse_evidence (loader, where, json_array_get_element (array, i), i);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (evidence, item);
    }

  return g_steal_pointer (&evidence);
}

/* Unknown members with string values; the known ones are in @known. */
static GHashTable *
collect_attributes (JsonObject         *object,
                    const char * const *known)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &node))
    {
      if (!_am_json_node_is_value_of (node, G_TYPE_STRING) || g_strv_contains (known, name))
        continue;
      g_hash_table_insert (attributes, g_strdup (name), g_strdup (json_node_get_string (node)));
    }

  return attributes;
}

/* The item at @index of a section must be an object whose "id" is a non-empty string;
 * fills @where and registers the id. */
static JsonObject *
begin_item (Loader      *loader,
            AmJsonWhere *where,
            Section      section,
            JsonArray   *array,
            guint        index)
{
  JsonNode *node = json_array_get_element (array, index);
  JsonObject *object;
  const char *id;

  where->section = section_names[section];
  where->index = (gint) index;
  where->id = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _am_json_fail (&loader->reader, where, AM_MODEL_ERROR_WRONG_TYPE,
                     /* Translators: an error in an Actormap model file, after its name and the
                        JSON location; the placeholders are, in order: _am_json_describe_node
                        (node) */
                     _("expected an object, got %s"), _am_json_describe_node (node));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!_am_json_get_nonempty_string (&loader->reader, where, object, "id", &id))
    return NULL;
  where->id = id;

  if (!register_id (loader, where, section, id))
    return NULL;

  return object;
}

/* The optional "status": "accepted" (the default) or "suggested". */
static gboolean
parse_status (Loader            *loader,
              const AmJsonWhere *where,
              JsonObject        *object,
              AmStatus          *out)
{
  const char *word;

  *out = AM_STATUS_ACCEPTED;
  if (!_am_json_get_string (&loader->reader, where, object, "status", FALSE, &word))
    return FALSE;
  if (word != NULL && !am_status_from_string (word, out))
    {
      g_autofree char *quoted = _am_json_quote (word);

      return _am_json_fail (&loader->reader, where, AM_MODEL_ERROR_INVALID_VALUE,
                            /* Translators: an error in an Actormap model file, after its name and
                               the JSON location; %s is the word the file gives.  'accepted' and
                               'suggested' are the format's own words: do not translate them */
                            _("status: '%s' is neither 'accepted' nor 'suggested'"), quoted);
    }

  return TRUE;
}

/* One coordinate of "position": a finite number. */
static gboolean
parse_coordinate (Loader            *loader,
                  const AmJsonWhere *where,
                  JsonObject        *object,
                  const char        *member,
                  double            *out)
{
  g_autofree char *path = g_strdup_printf ("position.%s", member);
  JsonNode *node;

  if (!_am_json_get_member (&loader->reader, where, object, member, path, TRUE, &node))
    return FALSE;
  if (!_am_json_node_is_value_of (node, G_TYPE_DOUBLE) &&
      !_am_json_node_is_value_of (node, G_TYPE_INT64))
    return _am_json_wrong_type (&loader->reader, where, path, "a number", node);

  *out = json_node_get_double (node);
  if (!isfinite (*out))
    return _am_json_fail (&loader->reader, where, AM_MODEL_ERROR_INVALID_VALUE,
                          /* Translators: an error in an Actormap model file, after its name and
                             the JSON location; %s is the member ("position.x") */
                          _("%s is not a finite number"), path);

  return TRUE;
}

/* The optional "position": {"x": number, "y": number}, where the user put an actor. */
static gboolean
parse_position (Loader            *loader,
                const AmJsonWhere *where,
                JsonObject        *object,
                gboolean          *has_position,
                double            *x,
                double            *y)
{
  JsonNode *node;

  *has_position = FALSE;
  *x = *y = 0.0;
  if (!_am_json_get_typed_member (&loader->reader, where, object, "position", FALSE,
                                  _am_json_node_is_object, "an object", &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  object = json_node_get_object (node);
  if (!parse_coordinate (loader, where, object, "x", x) ||
      !parse_coordinate (loader, where, object, "y", y))
    return FALSE;

  *has_position = TRUE;
  return TRUE;
}

static AmEntity *
parse_entity (Loader    *loader,
              JsonArray *array,
              guint      index)
{
  static const char * const known[] = {
    "id", "name", "kind", "role", "description", "affiliation", "aliases", "group",
    "evidence", "status", "position", NULL
  };
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_auto(GStrv) aliases = NULL;
  const char *name, *kind, *role, *description, *affiliation, *group;
  gboolean has_position;
  double x, y;
  AmStatus status;
  JsonObject *object;
  AmJsonWhere where;

  if (!(object = begin_item (loader, &where, SECTION_ENTITIES, array, index)) ||
      !_am_json_get_nonempty_string (&loader->reader, &where, object, "name", &name) ||
      !_am_json_get_nonempty_string (&loader->reader, &where, object, "kind", &kind) ||
      !_am_json_get_string (&loader->reader, &where, object, "role", FALSE, &role) ||
      !_am_json_get_string (&loader->reader, &where, object, "description", FALSE, &description) ||
      !_am_json_get_string (&loader->reader, &where, object, "affiliation", FALSE, &affiliation) ||
      !_am_json_get_string_array (&loader->reader, &where, object, "aliases", &aliases) ||
      !_am_json_get_string (&loader->reader, &where, object, "group", FALSE, &group) ||
      !parse_status (loader, &where, object, &status) ||
      !parse_position (loader, &where, object, &has_position, &x, &y) ||
      !(evidence = parse_evidence_list (loader, &where, object)))
    return NULL;

  attributes = collect_attributes (object, known);

  return g_object_new (AM_TYPE_ENTITY,
                       "id", where.id,
                       "name", name,
                       "kind", am_entity_kind_from_string (kind),
                       "kind-name", kind,
                       "role", role,
                       "description", description,
                       "affiliation", affiliation,
                       "aliases", aliases,
                       "group", group,
                       "evidence", evidence,
                       "attributes", attributes,
                       "status", status,
                       "has-position", has_position,
                       "x", x,
                       "y", y,
                       NULL);
}

static AmRelation *
parse_relation (Loader    *loader,
                JsonArray *array,
                guint      index)
{
  static const char * const known[] = {
    "id", "source", "target", "label", "type", "directed", "date", "evidence", "status", NULL
  };
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  const char *source, *target, *label, *type, *date;
  gboolean directed;
  AmStatus status;
  JsonObject *object;
  AmJsonWhere where;

  if (!(object = begin_item (loader, &where, SECTION_RELATIONS, array, index)) ||
      !_am_json_get_string (&loader->reader, &where, object, "source", TRUE, &source) ||
      !_am_json_get_string (&loader->reader, &where, object, "target", TRUE, &target) ||
      !_am_json_get_string (&loader->reader, &where, object, "label", TRUE, &label) ||
      !_am_json_get_string (&loader->reader, &where, object, "type", FALSE, &type) ||
      !_am_json_get_boolean (&loader->reader, &where, object, "directed", TRUE, &directed) ||
      !_am_json_get_date (&loader->reader, &where, object, "date", &date) ||
      !parse_status (loader, &where, object, &status) ||
      !(evidence = parse_evidence_list (loader, &where, object)) ||
      !check_entity_ref (loader, &where, "source", source) ||
      !check_entity_ref (loader, &where, "target", target))
    return NULL;

  attributes = collect_attributes (object, known);

  return g_object_new (AM_TYPE_RELATION,
                       "id", where.id,
                       "source", source,
                       "target", target,
                       "label", label,
                       "rel-type", type,
                       "directed", directed,
                       "date", date,
                       "evidence", evidence,
                       "attributes", attributes,
                       "status", status,
                       NULL);
}

static AmStatement *
parse_statement (Loader    *loader,
                 JsonArray *array,
                 guint      index)
{
  g_autoptr(GPtrArray) evidence = NULL;
  g_auto(GStrv) about = NULL;
  g_auto(GStrv) addressees = NULL;
  const char *speaker, *text, *date, *reported_by;
  gboolean quoted;
  AmStatus status;
  JsonObject *object;
  AmJsonWhere where;

  if (!(object = begin_item (loader, &where, SECTION_STATEMENTS, array, index)) ||
      !_am_json_get_string (&loader->reader, &where, object, "speaker", TRUE, &speaker) ||
      !_am_json_get_nonempty_string (&loader->reader, &where, object, "text", &text) ||
      !_am_json_get_boolean (&loader->reader, &where, object, "quoted", FALSE, &quoted) ||
      !_am_json_get_date (&loader->reader, &where, object, "date", &date) ||
      !_am_json_get_string_array (&loader->reader, &where, object, "about", &about) ||
      !_am_json_get_string_array (&loader->reader, &where, object, "addressees", &addressees) ||
      !_am_json_get_string (&loader->reader, &where, object, "reported_by", FALSE, &reported_by) ||
      !parse_status (loader, &where, object, &status) ||
      !(evidence = parse_evidence_list (loader, &where, object)) ||
      !check_entity_ref (loader, &where, "speaker", speaker) ||
      !check_entity_refs (loader, &where, "about", (const char * const *) about) ||
      !check_entity_refs (loader, &where, "addressees", (const char * const *) addressees) ||
      (reported_by != NULL && !check_entity_ref (loader, &where, "reported_by", reported_by)))
    return NULL;

  return g_object_new (AM_TYPE_STATEMENT,
                       "id", where.id,
                       "speaker", speaker,
                       "text", text,
                       "quoted", quoted,
                       "date", date,
                       "about", about,
                       "addressees", addressees,
                       "reported-by", reported_by,
                       "evidence", evidence,
                       "status", status,
                       NULL);
}

static gboolean
parse_article (Loader        *loader,
               JsonObject    *root,
               AmArticleInfo *info)
{
  const AmJsonWhere where = { "article", -1, NULL };
  const char *title, *date, *publisher, *source, *url;
  JsonObject *object;
  JsonNode *node;

  if (!_am_json_get_typed_member (&loader->reader, NULL, root, "article", FALSE,
                                  _am_json_node_is_object, "an object", &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  object = json_node_get_object (node);

  if (!_am_json_get_string (&loader->reader, &where, object, "title", FALSE, &title) ||
      !_am_json_get_date (&loader->reader, &where, object, "date", &date) ||
      !_am_json_get_string (&loader->reader, &where, object, "publisher", FALSE, &publisher) ||
      !_am_json_get_string (&loader->reader, &where, object, "source", FALSE, &source) ||
      !_am_json_get_string (&loader->reader, &where, object, "url", FALSE, &url) ||
      !_am_json_get_string_array (&loader->reader, &where, object, "paragraphs", &info->paragraphs))
    return FALSE;

  if (url != NULL && !_am_json_is_web_url (url))
    {
      g_autofree char *quoted = _am_json_quote (url);

      return _am_json_fail (&loader->reader, &where, AM_MODEL_ERROR_INVALID_VALUE,
                            /* Translators: an error in an Actormap model file, after its name and
                               the JSON location; the placeholders are, in order: quoted */
                            _("url: '%s' is not an absolute http or https URL"), quoted);
    }

  info->title = g_strdup (title);
  info->date = g_strdup (date);
  info->publisher = g_strdup (publisher);
  info->source = g_strdup (source);
  info->url = g_strdup (url);

  loader->has_article = TRUE;
  loader->paragraphs = info->paragraphs;
  loader->n_paragraphs = g_strv_length (info->paragraphs);

  return TRUE;
}

/* The top level: an object with an "entities" array, else "not an Actormap file". */
static gboolean
check_top_level (Loader      *loader,
                 JsonNode    *root,
                 JsonObject **out)
{
  JsonObject *object;
  JsonNode *node;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return _am_json_fail (&loader->reader, NULL, AM_MODEL_ERROR_INVALID_DOCUMENT,
                          /* Translators: an error in an Actormap model file, after its name and
                             the JSON location; the placeholders are, in order:
                             _am_json_describe_node (root) */
                          _("not an Actormap file: the top level is %s, not an object"),
                          _am_json_describe_node (root));
  object = json_node_get_object (root);

  if (!_am_json_get_typed_member (&loader->reader, NULL, object, "format", FALSE,
                                  _am_json_node_is_string, "a string", &node))
    return FALSE;
  if (node != NULL)
    {
      if (strcmp (json_node_get_string (node), "actormap") != 0)
        {
          g_autofree char *quoted = _am_json_quote (json_node_get_string (node));

          return _am_json_fail (&loader->reader, NULL, AM_MODEL_ERROR_INVALID_DOCUMENT,
                                /* Translators: an error in an Actormap model file, after its name
                                   and the JSON location; the placeholders are, in order: quoted */
                                _("not an Actormap file: 'format' is '%s', not 'actormap'"), quoted);
        }
    }

  if (!_am_json_get_typed_member (&loader->reader, NULL, object, "version", FALSE,
                                  _am_json_node_is_integer, "an integer", &node))
    return FALSE;
  if (node != NULL)
    {
      /* Version 2 added "status" and "position"; a version 1 file simply has neither. */
      if (json_node_get_int (node) != 1 && json_node_get_int (node) != 2)
        return _am_json_fail (&loader->reader, NULL, AM_MODEL_ERROR_INVALID_DOCUMENT,
                              /* Translators: %lld is the format version the file gives */
                              _("format version %lld is not supported (this Actormap reads "
                                "versions 1 and 2)"),
                              (long long) json_node_get_int (node));
    }

  node = json_object_get_member (object, "entities");
  if (node == NULL)
    return _am_json_fail (&loader->reader, NULL, AM_MODEL_ERROR_INVALID_DOCUMENT,
                          _("not an Actormap file: there is no 'entities' array"));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return _am_json_fail (&loader->reader, NULL, AM_MODEL_ERROR_INVALID_DOCUMENT,
                          /* Translators: an error in an Actormap model file, after its name and
                             the JSON location; the placeholders are, in order:
                             _am_json_describe_node (node) */
                          _("not an Actormap file: 'entities' is %s, not an array"),
                          _am_json_describe_node (node));

  *out = object;
  return TRUE;
}

/* json-glib counts columns in bytes; the loader's messages count characters. */
static guint
byte_column_to_characters (const char *data,
                           gsize       length,
                           guint       line,
                           guint       byte_column)
{
  gsize start = 0, end;
  guint l = 1;

  while (l < line && start < length)
    {
      const char *newline = memchr (data + start, '\n', length - start);

      if (newline == NULL)
        return byte_column;
      start = (gsize) (newline - data) + 1;
      l++;
    }

  end = MIN (length, start + (byte_column > 0 ? byte_column - 1 : 0));
  return (guint) g_utf8_strlen (data + start, (gssize) (end - start)) + 1;
}

/* Turns json-glib's "<data>:3:14: Parse error: unexpected …" into
 * "FILE: line 3, column 12: unexpected …".  json-glib cuts the token it quotes at a
 * byte count, which can split a character (found by fuzzing): the text is made valid
 * UTF-8 and capped before it goes into the message. */
static void
set_parse_error (Loader       *loader,
                 const char   *data,
                 gsize         length,
                 const GError *parse_error)
{
  const char *message = parse_error->message;
  g_autofree char *valid = NULL;
  g_autofree char *capped = NULL;
  guint line = 0, column = 0;
  int consumed = 0;
  gboolean has_position = FALSE;

  if (g_str_has_prefix (message, "<data>:") &&
      sscanf (message + strlen ("<data>:"), "%u:%u: %n", &line, &column, &consumed) == 2 &&
      consumed > 0)
    {
      message += strlen ("<data>:") + consumed;
      if (g_str_has_prefix (message, "Parse error: "))
        message += strlen ("Parse error: ");
      has_position = TRUE;
    }

  valid = g_utf8_make_valid (message, -1);
  capped = _am_json_quote (valid);

  if (has_position)
    g_set_error (loader->reader.error, AM_MODEL_ERROR, AM_MODEL_ERROR_SYNTAX,
                 /* Translators: an error in an Actormap model file, after its name and the JSON
                    location; the placeholders are, in order: loader->reader.display_name, line,
                    byte_column_to_characters (data, length, line, column), capped */
                 _("%s: line %u, column %u: %s"), loader->reader.display_name, line,
                 byte_column_to_characters (data, length, line, column), capped);
  else
    g_set_error (loader->reader.error, AM_MODEL_ERROR, AM_MODEL_ERROR_SYNTAX,
                 "%s: %s", loader->reader.display_name, capped);
}

static GPtrArray *
parse_section (Loader     *loader,
               JsonObject *root,
               Section     section)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const AmJsonWhere top = { section_names[section], -1, NULL };
  JsonArray *array;
  guint n;

  /* "entities" was checked to be an array; the other two are optional. */
  if (!_am_json_get_array (&loader->reader, NULL, root, section_names[section], &array))
    return NULL;
  if (array == NULL)
    return g_steal_pointer (&items);

  n = json_array_get_length (array);
  if (n > MAX_ITEMS)
    {
      _am_json_fail (&loader->reader, &top, AM_MODEL_ERROR_INVALID_VALUE, _("too many items"));
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      gpointer item = NULL;

      switch (section)
        {
        case SECTION_ENTITIES:
          item = parse_entity (loader, array, i);
          break;
        case SECTION_RELATIONS:
          item = parse_relation (loader, array, i);
          break;
        case SECTION_STATEMENTS:
          item = parse_statement (loader, array, i);
          break;
        default:
          g_assert_not_reached ();
        }

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }

  return g_steal_pointer (&items);
}

/**
 * am_document_load_from_bytes:
 * @bytes: the file's contents
 * @display_name: (nullable): how to name the file in messages (its basename)
 * @error: return location for an error in %AM_MODEL_ERROR
 *
 * Parses and validates a model (docs/format.md).  Nothing is repaired: the first
 * problem fails the load, with a message that starts with @display_name and names
 * the JSON location.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
AmDocument *
am_document_load_from_bytes (GBytes     *bytes,
                             const char *display_name,
                             GError    **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *valid_name = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  g_auto(AmArticleInfo) article = { 0 };
  JsonObject *root_object = NULL;
  JsonNode *root;
  const char *data;
  gsize length;
  Loader loader = { 0 };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Messages are always valid UTF-8, whatever name the caller passes. */
  if (display_name == NULL)
    display_name = "document";
  else if (!g_utf8_validate (display_name, -1, NULL))
    display_name = valid_name = g_utf8_make_valid (display_name, -1);
  loader.reader.display_name = display_name;
  loader.reader.error = error;

  data = g_bytes_get_data (bytes, &length);

  /* The byte scan runs first: json-glib must never see what would crash it. */
  if (!_am_json_scan (data, length, AM_DOCUMENT_MAX_DEPTH, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "%s: ", loader.reader.display_name);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      set_parse_error (&loader, data, length, local_error);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      /* The scan rules this out; json-glib 1.6 returns TRUE with no root for empty
       * input, so keep the check. */
      /* Translators: an error in an Actormap model file, after its name and the JSON location;
         the placeholders are, in order: loader.reader.display_name */
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_EMPTY, _("%s: empty file"),
                   loader.reader.display_name);
      return NULL;
    }

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  loader.ids = ids;

  if (!check_top_level (&loader, root, &root_object) ||
      !parse_article (&loader, root_object, &article) ||
      !(entities = parse_section (&loader, root_object, SECTION_ENTITIES)) ||
      !(relations = parse_section (&loader, root_object, SECTION_RELATIONS)) ||
      !(statements = parse_section (&loader, root_object, SECTION_STATEMENTS)))
    return NULL;

  return _am_document_new (&article, entities, relations, statements);
}

/* ------------------------------------------------------------------------------------ */
/* Files, read by am-file-read.c                                                        */

/**
 * am_document_load_from_file:
 * @file: a model file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Checks that @file is a regular file under %AM_DOCUMENT_MAX_FILE_SIZE before reading
 * it (so a FIFO or a device never blocks), then loads it like
 * am_document_load_from_bytes() with the file's display name.  Errors are in
 * %AM_MODEL_ERROR, except %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
AmDocument *
am_document_load_from_file (GFile        *file,
                            GCancellable *cancellable,
                            GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = _am_file_read_checked (file, cancellable, &display_name, error);
  if (bytes == NULL)
    return NULL;

  return am_document_load_from_bytes (bytes, display_name, error);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  AmDocument *document;

  document = am_document_load_from_file (file, cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * am_document_load_file_async:
 * @file: a model file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on the thread-default main context of the caller
 * @user_data: data for @callback
 *
 * Loads @file on a worker thread, with the checks of am_document_load_from_file().
 */
void
am_document_load_file_async (GFile              *file,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_document_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * am_document_load_file_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
AmDocument *
am_document_load_file_finish (GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_document_load_file_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
