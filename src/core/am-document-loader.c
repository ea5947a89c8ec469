/* am-document-loader.c — JSON model file → AmDocument, strictly
 *
 * The format is documented in docs/format.md; keep the two in step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "am-core-enums.h"
#include "am-document-private.h"
#include "am-json-scan.h"

/* Longest piece of file text quoted back in a message, in characters. */
#define QUOTE_MAX 80

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
#define MAX_ITEMS                  0x0FFFFFFE

typedef struct
{
  const char  *display_name;
  GError     **error;

  /* id → PACK_WHERE; keys borrowed from the JSON tree, which outlives the load */
  GHashTable  *ids;

  gboolean     has_article;
  char       **paragraphs;   /* borrowed from the AmArticleInfo being filled */
  guint        n_paragraphs;
} Loader;

/* The JSON location of the object being read, for messages: "entities[3]" plus its id
 * once known. */
typedef struct
{
  const char *section;   /* "entities", "article"… */
  gint        index;     /* -1 for none */
  const char *id;        /* NULL until read */
} Where;

static gboolean loader_fail (Loader      *loader,
                             const Where *where,
                             gint         code,
                             const char  *format,
                             ...) G_GNUC_PRINTF (4, 5);

static gboolean
loader_fail (Loader      *loader,
             const Where *where,
             gint         code,
             const char  *format,
             ...)
{
  g_autofree char *what = NULL;
  g_autoptr(GString) message = g_string_new (loader->display_name);
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_string_append (message, ": ");
  if (where != NULL)
    {
      g_string_append (message, where->section);
      if (where->index >= 0)
        g_string_append_printf (message, "[%d]", where->index);
      if (where->id != NULL)
        g_string_append_printf (message, " (%s)", where->id);
      g_string_append (message, ": ");
    }
  g_string_append (message, what);

  g_set_error_literal (loader->error, AM_MODEL_ERROR, code, message->str);
  return FALSE;
}

/* A length-capped copy of file text for a message. */
static char *
quote_text (const char *text)
{
  if (g_utf8_strlen (text, -1) > QUOTE_MAX)
    {
      g_autofree char *head = g_utf8_substring (text, 0, QUOTE_MAX);

      return g_strconcat (head, "...", NULL);
    }

  return g_strdup (text);
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_INT64:
      return "an integer";
    case G_TYPE_DOUBLE:
      return "a number";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    default:
      return "a value";
    }
}

static gboolean
node_is_value_of (JsonNode *node,
                  GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Fetches @member of @object.  A missing member, or for an optional member a null one,
 * gives *out = NULL and TRUE; a missing required member is MISSING_FIELD.  @path is how
 * the member is named in messages ("name", "evidence[2].text"). */
static gboolean
get_member (Loader      *loader,
            const Where *where,
            JsonObject  *object,
            const char  *member,
            const char  *path,
            gboolean     required,
            JsonNode   **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL)
    {
      if (required)
        return loader_fail (loader, where, AM_MODEL_ERROR_MISSING_FIELD,
                            "missing required member '%s'", path);
      return TRUE;
    }

  if (JSON_NODE_HOLDS_NULL (node) && !required)
    return TRUE;

  *out = node;
  return TRUE;
}

static gboolean
wrong_type (Loader      *loader,
            const Where *where,
            const char  *path,
            const char  *expected,
            JsonNode    *node)
{
  return loader_fail (loader, where, AM_MODEL_ERROR_WRONG_TYPE,
                      "%s: expected %s, got %s", path, expected, describe_node (node));
}

static gboolean
node_is_string (JsonNode *node)
{
  return node_is_value_of (node, G_TYPE_STRING);
}

static gboolean
node_is_boolean (JsonNode *node)
{
  return node_is_value_of (node, G_TYPE_BOOLEAN);
}

static gboolean
node_is_array (JsonNode *node)
{
  return JSON_NODE_HOLDS_ARRAY (node);
}

static gboolean
node_is_integer (JsonNode *node)
{
  return node_is_value_of (node, G_TYPE_INT64);
}

static gboolean
node_is_object (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node);
}

/* get_member(), then WRONG_TYPE unless @is_expected accepts the node; *@out is NULL
 * when an optional member is missing or null. */
static gboolean
get_typed_member (Loader       *loader,
                  const Where  *where,
                  JsonObject   *object,
                  const char   *member,
                  gboolean      required,
                  gboolean    (*is_expected) (JsonNode *node),
                  const char   *expected,
                  JsonNode    **out)
{
  if (!get_member (loader, where, object, member, member, required, out))
    return FALSE;
  if (*out != NULL && !is_expected (*out))
    return wrong_type (loader, where, member, expected, *out);

  return TRUE;
}

static gboolean
get_string (Loader      *loader,
            const Where *where,
            JsonObject  *object,
            const char  *member,
            gboolean     required,
            const char **out)
{
  JsonNode *node;

  *out = NULL;
  if (!get_typed_member (loader, where, object, member, required, node_is_string,
                         "a string", &node))
    return FALSE;

  if (node != NULL)
    *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_nonempty_string (Loader      *loader,
                     const Where *where,
                     JsonObject  *object,
                     const char  *member,
                     const char **out)
{
  if (!get_string (loader, where, object, member, TRUE, out))
    return FALSE;
  if (**out == '\0')
    return loader_fail (loader, where, AM_MODEL_ERROR_INVALID_VALUE,
                        "'%s' is empty", member);
  return TRUE;
}

static gboolean
get_boolean (Loader      *loader,
             const Where *where,
             JsonObject  *object,
             const char  *member,
             gboolean     default_value,
             gboolean    *out)
{
  JsonNode *node;

  *out = default_value;
  if (!get_typed_member (loader, where, object, member, FALSE, node_is_boolean,
                         "a boolean", &node))
    return FALSE;

  if (node != NULL)
    *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_array (Loader      *loader,
           const Where *where,
           JsonObject  *object,
           const char  *member,
           JsonArray  **out)
{
  JsonNode *node;

  *out = NULL;
  if (!get_typed_member (loader, where, object, member, FALSE, node_is_array,
                         "an array", &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  *out = json_node_get_array (node);
  if (json_array_get_length (*out) > MAX_ITEMS)
    return loader_fail (loader, where, AM_MODEL_ERROR_INVALID_VALUE,
                        "'%s' has too many items", member);
  return TRUE;
}

/* An optional array of strings → a NULL-terminated vector (never NULL on success). */
static gboolean
get_string_array (Loader      *loader,
                  const Where *where,
                  JsonObject  *object,
                  const char  *member,
                  char      ***out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  *out = NULL;
  if (!get_array (loader, where, object, member, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!node_is_value_of (node, G_TYPE_STRING))
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);

          return wrong_type (loader, where, path, "a string", node);
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
parse_digits (const char **p,
              guint        n,
              guint       *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + (guint) ((*p)[i] - '0');
    }

  *p += n;
  *value = v;
  return TRUE;
}

/* ISO 8601 with the precision that is known: "2021", "2021-03", "2021-03-18", or a
 * full date-time with a zone, "2021-03-18T09:30[:00[.000]](Z|±hh:mm)". */
static gboolean
is_iso_date (const char *s)
{
  guint year, month, day, hour, minute, second;

  if (!parse_digits (&s, 4, &year) || year < 1)
    return FALSE;
  if (*s == '\0')
    return TRUE;

  if (*s++ != '-' || !parse_digits (&s, 2, &month) || month < 1 || month > 12)
    return FALSE;
  if (*s == '\0')
    return TRUE;

  if (*s++ != '-' || !parse_digits (&s, 2, &day) ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  if (*s == '\0')
    return TRUE;

  if (*s++ != 'T' || !parse_digits (&s, 2, &hour) || hour > 23 ||
      *s++ != ':' || !parse_digits (&s, 2, &minute) || minute > 59)
    return FALSE;

  if (*s == ':')
    {
      s++;
      if (!parse_digits (&s, 2, &second) || second > 60)
        return FALSE;
      if (*s == '.')
        {
          s++;
          if (!g_ascii_isdigit (*s))
            return FALSE;
          while (g_ascii_isdigit (*s))
            s++;
        }
    }

  if (*s == 'Z')
    return s[1] == '\0';

  if (*s == '+' || *s == '-')
    {
      guint zh, zm;

      s++;
      if (!parse_digits (&s, 2, &zh) || zh > 14 || *s++ != ':' ||
          !parse_digits (&s, 2, &zm) || zm > 59)
        return FALSE;
      return *s == '\0';
    }

  return FALSE;
}

static gboolean
get_date (Loader      *loader,
          const Where *where,
          JsonObject  *object,
          const char  *member,
          const char **out)
{
  if (!get_string (loader, where, object, member, FALSE, out))
    return FALSE;

  if (*out != NULL && !is_iso_date (*out))
    {
      g_autofree char *quoted = quote_text (*out);

      return loader_fail (loader, where, AM_MODEL_ERROR_INVALID_VALUE,
                          "%s: '%s' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)",
                          member, quoted);
    }

  return TRUE;
}

static gboolean
is_web_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme, *host;

  /* GUri lets spaces and control characters through; a link must not carry them. */
  for (const char *p = url; *p != '\0'; p++)
    {
      if ((guchar) *p <= 0x20 || *p == 0x7F)
        return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  return (g_ascii_strcasecmp (scheme, "http") == 0 ||
          g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && *host != '\0';
}

/* Records @id as defined at @where; DUPLICATE_ID if it already is. */
static gboolean
register_id (Loader      *loader,
             const Where *where,
             Section      section,
             const char  *id)
{
  gpointer previous;

  if (g_hash_table_lookup_extended (loader->ids, id, NULL, &previous))
    return loader_fail (loader, where, AM_MODEL_ERROR_DUPLICATE_ID,
                        "duplicate id '%s', already used by %s[%u]", id,
                        section_names[WHERE_SECTION (previous)], WHERE_INDEX (previous));

  g_hash_table_insert (loader->ids, (gpointer) id, PACK_WHERE (section, (guint) where->index));
  return TRUE;
}

/* @id must name an entity; @path is the member that holds it. */
static gboolean
check_entity_ref (Loader      *loader,
                  const Where *where,
                  const char  *path,
                  const char  *id)
{
  gpointer found;

  if (g_hash_table_lookup_extended (loader->ids, id, NULL, &found))
    {
      if (WHERE_SECTION (found) == SECTION_ENTITIES)
        return TRUE;

      return loader_fail (loader, where, AM_MODEL_ERROR_UNKNOWN_REFERENCE,
                          "'%s' refers to unknown entity '%s' (that id is %s[%u], not an entity)",
                          path, id, section_names[WHERE_SECTION (found)], WHERE_INDEX (found));
    }

  return loader_fail (loader, where, AM_MODEL_ERROR_UNKNOWN_REFERENCE,
                      "'%s' refers to unknown entity '%s'", path, id);
}

static gboolean
check_entity_refs (Loader             *loader,
                   const Where        *where,
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
parse_evidence (Loader      *loader,
                const Where *where,
                JsonNode    *node,
                guint        index)
{
  g_autofree char *path = g_strdup_printf ("evidence[%u]", index);
  g_autofree char *text_path = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *text, *paragraph_text, *found;
  gint64 paragraph;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (loader, where, path, "an object", node);
      return NULL;
    }
  object = json_node_get_object (node);

  /* paragraph */
  {
    g_autofree char *member_path = g_strdup_printf ("%s.paragraph", path);

    if (!get_member (loader, where, object, "paragraph", member_path, TRUE, &member))
      return NULL;
    if (!node_is_value_of (member, G_TYPE_INT64))
      {
        wrong_type (loader, where, member_path, "an integer", member);
        return NULL;
      }
    paragraph = json_node_get_int (member);
  }

  /* text */
  text_path = g_strdup_printf ("%s.text", path);
  if (!get_member (loader, where, object, "text", text_path, TRUE, &member))
    return NULL;
  if (!node_is_value_of (member, G_TYPE_STRING))
    {
      wrong_type (loader, where, text_path, "a string", member);
      return NULL;
    }
  text = json_node_get_string (member);

  if (paragraph < 0)
    {
      loader_fail (loader, where, AM_MODEL_ERROR_INVALID_VALUE,
                   "%s: paragraph %" G_GINT64_FORMAT " is negative", path, paragraph);
      return NULL;
    }

  if (*text == '\0')
    {
      loader_fail (loader, where, AM_MODEL_ERROR_INVALID_VALUE,
                   "%s: 'text' is empty", path);
      return NULL;
    }

  if (!loader->has_article)
    {
      loader_fail (loader, where, AM_MODEL_ERROR_EVIDENCE_RANGE,
                   "%s: evidence needs an 'article' with paragraphs, and the file has none",
                   path);
      return NULL;
    }

  if (paragraph >= loader->n_paragraphs)
    {
      loader_fail (loader, where, AM_MODEL_ERROR_EVIDENCE_RANGE,
                   "%s: paragraph %" G_GINT64_FORMAT " is out of range (the article has %u paragraph%s)",
                   path, paragraph, loader->n_paragraphs,
                   loader->n_paragraphs == 1 ? "" : "s");
      return NULL;
    }

  paragraph_text = loader->paragraphs[paragraph];
  found = strstr (paragraph_text, text);
  if (found == NULL)
    {
      g_autofree char *quoted = quote_text (text);

      loader_fail (loader, where, AM_MODEL_ERROR_EVIDENCE_MISMATCH,
                   "%s: text \"%s\" not found verbatim in paragraph %" G_GINT64_FORMAT,
                   path, quoted, paragraph);
      return NULL;
    }

  return am_evidence_new ((guint) paragraph, text, found - paragraph_text);
}

/* The optional "evidence" member → a new array (never NULL on success). */
static GPtrArray *
parse_evidence_list (Loader      *loader,
                     const Where *where,
                     JsonObject  *object)
{
  g_autoptr(GPtrArray) evidence = NULL;
  JsonArray *array;

  if (!get_array (loader, where, object, "evidence", &array))
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
      if (!node_is_value_of (node, G_TYPE_STRING) || g_strv_contains (known, name))
        continue;
      g_hash_table_insert (attributes, g_strdup (name), g_strdup (json_node_get_string (node)));
    }

  return attributes;
}

/* The item at @index of a section must be an object whose "id" is a non-empty string;
 * fills @where and registers the id. */
static JsonObject *
begin_item (Loader     *loader,
            Where      *where,
            Section     section,
            JsonArray  *array,
            guint       index)
{
  JsonNode *node = json_array_get_element (array, index);
  JsonObject *object;
  const char *id;

  where->section = section_names[section];
  where->index = (gint) index;
  where->id = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      loader_fail (loader, where, AM_MODEL_ERROR_WRONG_TYPE,
                   "expected an object, got %s", describe_node (node));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!get_nonempty_string (loader, where, object, "id", &id))
    return NULL;
  where->id = id;

  if (!register_id (loader, where, section, id))
    return NULL;

  return object;
}

static AmEntity *
parse_entity (Loader    *loader,
              JsonArray *array,
              guint      index)
{
  static const char * const known[] = {
    "id", "name", "kind", "role", "description", "affiliation", "aliases", "group",
    "evidence", NULL
  };
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_auto(GStrv) aliases = NULL;
  const char *name, *kind, *role, *description, *affiliation, *group;
  JsonObject *object;
  Where where;

  if (!(object = begin_item (loader, &where, SECTION_ENTITIES, array, index)) ||
      !get_nonempty_string (loader, &where, object, "name", &name) ||
      !get_nonempty_string (loader, &where, object, "kind", &kind) ||
      !get_string (loader, &where, object, "role", FALSE, &role) ||
      !get_string (loader, &where, object, "description", FALSE, &description) ||
      !get_string (loader, &where, object, "affiliation", FALSE, &affiliation) ||
      !get_string_array (loader, &where, object, "aliases", &aliases) ||
      !get_string (loader, &where, object, "group", FALSE, &group) ||
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
                       NULL);
}

static AmRelation *
parse_relation (Loader    *loader,
                JsonArray *array,
                guint      index)
{
  static const char * const known[] = {
    "id", "source", "target", "label", "type", "directed", "date", "evidence", NULL
  };
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  const char *source, *target, *label, *type, *date;
  gboolean directed;
  JsonObject *object;
  Where where;

  if (!(object = begin_item (loader, &where, SECTION_RELATIONS, array, index)) ||
      !get_string (loader, &where, object, "source", TRUE, &source) ||
      !get_string (loader, &where, object, "target", TRUE, &target) ||
      !get_string (loader, &where, object, "label", TRUE, &label) ||
      !get_string (loader, &where, object, "type", FALSE, &type) ||
      !get_boolean (loader, &where, object, "directed", TRUE, &directed) ||
      !get_date (loader, &where, object, "date", &date) ||
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
  JsonObject *object;
  Where where;

  if (!(object = begin_item (loader, &where, SECTION_STATEMENTS, array, index)) ||
      !get_string (loader, &where, object, "speaker", TRUE, &speaker) ||
      !get_nonempty_string (loader, &where, object, "text", &text) ||
      !get_boolean (loader, &where, object, "quoted", FALSE, &quoted) ||
      !get_date (loader, &where, object, "date", &date) ||
      !get_string_array (loader, &where, object, "about", &about) ||
      !get_string_array (loader, &where, object, "addressees", &addressees) ||
      !get_string (loader, &where, object, "reported_by", FALSE, &reported_by) ||
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
                       NULL);
}

static gboolean
parse_article (Loader        *loader,
               JsonObject    *root,
               AmArticleInfo *info)
{
  const Where where = { "article", -1, NULL };
  const char *title, *date, *publisher, *source, *url;
  JsonObject *object;
  JsonNode *node;

  if (!get_typed_member (loader, NULL, root, "article", FALSE, node_is_object, "an object",
                         &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  object = json_node_get_object (node);

  if (!get_string (loader, &where, object, "title", FALSE, &title) ||
      !get_date (loader, &where, object, "date", &date) ||
      !get_string (loader, &where, object, "publisher", FALSE, &publisher) ||
      !get_string (loader, &where, object, "source", FALSE, &source) ||
      !get_string (loader, &where, object, "url", FALSE, &url) ||
      !get_string_array (loader, &where, object, "paragraphs", &info->paragraphs))
    return FALSE;

  if (url != NULL && !is_web_url (url))
    {
      g_autofree char *quoted = quote_text (url);

      return loader_fail (loader, &where, AM_MODEL_ERROR_INVALID_VALUE,
                          "url: '%s' is not an absolute http or https URL", quoted);
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
    return loader_fail (loader, NULL, AM_MODEL_ERROR_INVALID_DOCUMENT,
                        "not an Actormap file: the top level is %s, not an object",
                        describe_node (root));
  object = json_node_get_object (root);

  if (!get_typed_member (loader, NULL, object, "format", FALSE, node_is_string, "a string",
                         &node))
    return FALSE;
  if (node != NULL)
    {
      if (strcmp (json_node_get_string (node), "actormap") != 0)
        {
          g_autofree char *quoted = quote_text (json_node_get_string (node));

          return loader_fail (loader, NULL, AM_MODEL_ERROR_INVALID_DOCUMENT,
                              "not an Actormap file: 'format' is '%s', not 'actormap'", quoted);
        }
    }

  if (!get_typed_member (loader, NULL, object, "version", FALSE, node_is_integer,
                         "an integer", &node))
    return FALSE;
  if (node != NULL)
    {
      if (json_node_get_int (node) != 1)
        return loader_fail (loader, NULL, AM_MODEL_ERROR_INVALID_DOCUMENT,
                            "format version %" G_GINT64_FORMAT " is not supported (this Actormap reads version 1)",
                            json_node_get_int (node));
    }

  node = json_object_get_member (object, "entities");
  if (node == NULL)
    return loader_fail (loader, NULL, AM_MODEL_ERROR_INVALID_DOCUMENT,
                        "not an Actormap file: there is no 'entities' array");
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return loader_fail (loader, NULL, AM_MODEL_ERROR_INVALID_DOCUMENT,
                        "not an Actormap file: 'entities' is %s, not an array",
                        describe_node (node));

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
  capped = quote_text (valid);

  if (has_position)
    g_set_error (loader->error, AM_MODEL_ERROR, AM_MODEL_ERROR_SYNTAX,
                 "%s: line %u, column %u: %s", loader->display_name, line,
                 byte_column_to_characters (data, length, line, column), capped);
  else
    g_set_error (loader->error, AM_MODEL_ERROR, AM_MODEL_ERROR_SYNTAX,
                 "%s: %s", loader->display_name, capped);
}

static GPtrArray *
parse_section (Loader     *loader,
               JsonObject *root,
               Section     section)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const Where top = { section_names[section], -1, NULL };
  JsonArray *array;
  guint n;

  /* "entities" was checked to be an array; the other two are optional. */
  if (!get_array (loader, NULL, root, section_names[section], &array))
    return NULL;
  if (array == NULL)
    return g_steal_pointer (&items);

  n = json_array_get_length (array);
  if (n > MAX_ITEMS)
    {
      loader_fail (loader, &top, AM_MODEL_ERROR_INVALID_VALUE, "too many items");
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
am_document_load_from_bytes (GBytes      *bytes,
                             const char  *display_name,
                             GError     **error)
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
  loader.display_name = display_name;
  loader.error = error;

  data = g_bytes_get_data (bytes, &length);

  /* The byte scan runs first: json-glib must never see what would crash it. */
  if (!_am_json_scan (data, length, AM_DOCUMENT_MAX_DEPTH, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  "%s: ", loader.display_name);
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
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_EMPTY, "%s: empty file",
                   loader.display_name);
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
/* Files                                                                                */

static char *
file_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *basename = NULL;

  if (path != NULL)
    return g_filename_display_basename (path);

  basename = g_file_get_basename (file);
  if (basename != NULL && *basename != '\0' && strcmp (basename, "/") != 0)
    return g_filename_display_name (basename);

  return g_file_get_parse_name (file);
}

static const char *
describe_mode (guint32 mode)
{
  if (S_ISDIR (mode))
    return "a directory";
  if (S_ISFIFO (mode))
    return "a named pipe";
  if (S_ISCHR (mode))
    return "a character device";
  if (S_ISBLK (mode))
    return "a block device";
  if (S_ISSOCK (mode))
    return "a socket";
  if (S_ISLNK (mode))
    return "a broken symbolic link";
  return "not a regular file";
}

static const char *
describe_file_type (GFileType type)
{
  switch (type)
    {
    case G_FILE_TYPE_DIRECTORY:
      return "a directory";
    case G_FILE_TYPE_SYMBOLIC_LINK:
      return "a broken symbolic link";
    case G_FILE_TYPE_SPECIAL:
      return "a device, pipe or socket";
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_REGULAR:
    default:
      return "not a regular file";
    }
}

static gboolean
fail_not_regular (const char  *display_name,
                  const char  *what,
                  GError     **error)
{
  g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_NOT_REGULAR,
               "%s: not a regular file (%s)", display_name, what);
  return FALSE;
}

static gboolean
fail_too_large (const char  *display_name,
                goffset      size,
                GError     **error)
{
  if (size >= 0)
    g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_TOO_LARGE,
                 "%s: file too large (%" G_GOFFSET_FORMAT " bytes; the limit is %d)",
                 display_name, size, AM_DOCUMENT_MAX_FILE_SIZE);
  else
    g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_TOO_LARGE,
                 "%s: file too large (over the limit of %d bytes)",
                 display_name, AM_DOCUMENT_MAX_FILE_SIZE);
  return FALSE;
}

static void
fail_io (const char  *display_name,
         GError      *io_error,
         GError     **error)
{
  /* Cancellation stays G_IO_ERROR_CANCELLED: callers ignore it. */
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, io_error);
  else
    {
      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_IO,
                   "%s: %s", display_name, io_error->message);
      g_error_free (io_error);
    }
}

/* Reads a local file without ever blocking in open() and without trusting the earlier
 * query: the descriptor itself must be a regular file under the cap. */
static GBytes *
read_local_file (const char    *path,
                 const char    *display_name,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  struct stat st;
  gsize length = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_IO,
                   "%s: cannot open: %s", display_name, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_IO,
                   "%s: cannot read: %s", display_name, g_strerror (saved_errno));
      close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode))
    {
      fail_not_regular (display_name, describe_mode (st.st_mode), error);
      close (fd);
      return NULL;
    }

  if (st.st_size > AM_DOCUMENT_MAX_FILE_SIZE)
    {
      fail_too_large (display_name, st.st_size, error);
      close (fd);
      return NULL;
    }

  buffer = g_byte_array_sized_new ((guint) st.st_size + 1);

  for (;;)
    {
      /* Room for the rest of the expected size plus one byte, so that EOF shows in
       * the next read; files that report no size (/proc) grow in 64 KiB steps. */
      gsize room = length < (gsize) st.st_size ? (gsize) st.st_size - length + 1 : 65536;
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }

      g_byte_array_set_size (buffer, (guint) (length + room));
      n = read (fd, buffer->data + length, room);
      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;

          g_set_error (error, AM_MODEL_ERROR, AM_MODEL_ERROR_IO,
                       "%s: cannot read: %s", display_name, g_strerror (saved_errno));
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;

      length += (gsize) n;
      if (length > AM_DOCUMENT_MAX_FILE_SIZE)
        {
          fail_too_large (display_name, -1, error);
          close (fd);
          return NULL;
        }
    }

  close (fd);
  g_byte_array_set_size (buffer, (guint) length);

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* Any other GFile (resource://, a GVfs mount): through its input stream, capped. */
static GBytes *
read_stream_file (GFile         *file,
                  const char    *display_name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  GError *local_error = NULL;
  gsize length = 0;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      fail_io (display_name, local_error, error);
      return NULL;
    }

  for (;;)
    {
      gsize room = 65536, n = 0;

      g_byte_array_set_size (buffer, (guint) (length + room));
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + length, room,
                                    &n, cancellable, &local_error))
        {
          fail_io (display_name, local_error, error);
          return NULL;
        }

      length += n;
      if (length > AM_DOCUMENT_MAX_FILE_SIZE)
        {
          fail_too_large (display_name, -1, error);
          return NULL;
        }
      if (n < room)
        break;
    }

  g_byte_array_set_size (buffer, (guint) length);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* Checks then reads @file; sets *display_name in every case. */
static GBytes *
read_file_checked (GFile         *file,
                   GCancellable  *cancellable,
                   char         **display_name,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  GError *local_error = NULL;
  const char *path;
  GFileType type;

  *display_name = file_display_name (file);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* Nothing is opened before the type and size are known: opening a FIFO blocks, and
   * a link to /dev/zero never ends. */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      fail_io (*display_name, local_error, error);
      return NULL;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    {
      g_free (*display_name);
      *display_name = g_strdup (g_file_info_get_display_name (info));
    }

  type = g_file_info_get_file_type (info);
  if (type != G_FILE_TYPE_REGULAR)
    {
      if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE) &&
          type != G_FILE_TYPE_SYMBOLIC_LINK)
        fail_not_regular (*display_name,
                          describe_mode (g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE)),
                          error);
      else
        fail_not_regular (*display_name, describe_file_type (type), error);
      return NULL;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > AM_DOCUMENT_MAX_FILE_SIZE)
    {
      fail_too_large (*display_name, g_file_info_get_size (info), error);
      return NULL;
    }

  path = g_file_peek_path (file);
  if (path != NULL)
    return read_local_file (path, *display_name, cancellable, error);

  return read_stream_file (file, *display_name, cancellable, error);
}

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
am_document_load_from_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = read_file_checked (file, cancellable, &display_name, error);
  if (bytes == NULL)
    return NULL;

  return am_document_load_from_bytes (bytes, display_name, error);
}

/**
 * am_document_read_file:
 * @file: a file to open
 * @cancellable: (nullable): a #GCancellable
 * @display_name: (out) (transfer full): the name to use in messages, set in every case
 * @error: return location for an error
 *
 * The file checks of am_document_load_from_file() (a regular file under
 * %AM_DOCUMENT_MAX_FILE_SIZE, decided before anything is opened, so a FIFO or a device
 * never blocks) and the read, for formats other than Actormap's JSON.  Errors are in
 * %AM_MODEL_ERROR and start with the display name, except %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
am_document_read_file (GFile         *file,
                       GCancellable  *cancellable,
                       char         **display_name,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_file_checked (file, cancellable, display_name, error);
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
am_document_load_file_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
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
am_document_load_file_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == am_document_load_file_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
