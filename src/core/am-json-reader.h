/* am-json-reader.h — typed members of a JSON tree, for the loader (private to core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "am-model-error.h"

G_BEGIN_DECLS

/* Arrays longer than this are refused (INVALID_VALUE); the loader packs an index into
 * 28 bits. */
#define AM_JSON_MAX_ITEMS 0x0FFFFFFE

/* Where errors go: every failure sets @error to an AM_MODEL_ERROR whose message starts
 * with "@display_name: ". */
typedef struct
{
  const char  *display_name;
  GError     **error;
} AmJsonReader;

/* The JSON location of the object being read, for messages: "entities[3]" plus its id
 * once known. */
typedef struct
{
  const char *section;   /* "entities", "article"… */
  gint        index;     /* -1 for none */
  const char *id;        /* NULL until read */
} AmJsonWhere;

/* Sets the error ("name: section[i] (id): what") and returns FALSE. */
gboolean    _am_json_fail                (AmJsonReader       *reader,
                                          const AmJsonWhere  *where,
                                          gint                code,
                                          const char         *format,
                                          ...) G_GNUC_PRINTF (4, 5);
/* UNKNOWN_REFERENCE: @path ("target", "about[1]") names @id, which is no entity.
 * @defined_in ("relations") and @index say where @id is defined when it is another kind
 * of item; NULL when it is nowhere.  Returns FALSE. */
gboolean    _am_json_unknown_entity      (AmJsonReader       *reader,
                                          const AmJsonWhere  *where,
                                          const char         *path,
                                          const char         *id,
                                          const char         *defined_in,
                                          guint               index);
/* Finds evidence @text in paragraph @paragraph of the article (@paragraphs NULL when
 * there is none) and sets *@offset to its first occurrence.  INVALID_VALUE for a
 * negative paragraph or an empty text, EVIDENCE_RANGE, EVIDENCE_MISMATCH; @path names
 * the evidence item ("evidence[0]").  Shared by the loader and the document builder. */
gboolean    _am_json_locate_evidence     (AmJsonReader       *reader,
                                          const AmJsonWhere  *where,
                                          const char         *path,
                                          const char * const *paragraphs,
                                          gint64              paragraph,
                                          const char         *text,
                                          gssize             *offset);
/* A length-capped copy of file text for a message.  (transfer full) */
char       *_am_json_quote               (const char         *text);
/* "a string", "an array", "null"…: what a node is, for messages. */
const char *_am_json_describe_node       (JsonNode           *node);

gboolean    _am_json_node_is_value_of    (JsonNode           *node,
                                          GType               type);
gboolean    _am_json_node_is_string      (JsonNode           *node);
gboolean    _am_json_node_is_boolean     (JsonNode           *node);
gboolean    _am_json_node_is_array       (JsonNode           *node);
gboolean    _am_json_node_is_integer     (JsonNode           *node);
gboolean    _am_json_node_is_object      (JsonNode           *node);

/* @member of @object.  A missing member, or for an optional member a null one, gives
 * *out = NULL and TRUE; a missing required member is MISSING_FIELD.  @path names the
 * member in messages ("name", "evidence[2].text"). */
gboolean    _am_json_get_member          (AmJsonReader       *reader,
                                          const AmJsonWhere  *where,
                                          JsonObject         *object,
                                          const char         *member,
                                          const char         *path,
                                          gboolean            required,
                                          JsonNode          **out);
/* WRONG_TYPE: "'path' must be @expected, not …". Returns FALSE. */
gboolean    _am_json_wrong_type          (AmJsonReader       *reader,
                                          const AmJsonWhere  *where,
                                          const char         *path,
                                          const char         *expected,
                                          JsonNode           *node);
/* _am_json_get_member(), then WRONG_TYPE unless @is_expected accepts the node. */
gboolean    _am_json_get_typed_member    (AmJsonReader       *reader,
                                          const AmJsonWhere  *where,
                                          JsonObject         *object,
                                          const char         *member,
                                          gboolean            required,
                                          gboolean          (*is_expected) (JsonNode *node),
                                          const char         *expected,
                                          JsonNode          **out);
gboolean    _am_json_get_string          (AmJsonReader       *reader,
                                          const AmJsonWhere  *where,
                                          JsonObject         *object,
                                          const char         *member,
                                          gboolean            required,
                                          const char        **out);
gboolean    _am_json_get_nonempty_string (AmJsonReader       *reader,
                                          const AmJsonWhere  *where,
                                          JsonObject         *object,
                                          const char         *member,
                                          const char        **out);
gboolean    _am_json_get_boolean         (AmJsonReader       *reader,
                                          const AmJsonWhere  *where,
                                          JsonObject         *object,
                                          const char         *member,
                                          gboolean            default_value,
                                          gboolean           *out);
gboolean    _am_json_get_array           (AmJsonReader       *reader,
                                          const AmJsonWhere  *where,
                                          JsonObject         *object,
                                          const char         *member,
                                          JsonArray         **out);
/* An optional array of strings → a NULL-terminated vector (never NULL on success). */
gboolean    _am_json_get_string_array    (AmJsonReader       *reader,
                                          const AmJsonWhere  *where,
                                          JsonObject         *object,
                                          const char         *member,
                                          char             ***out);
/* An optional ISO 8601 date: "YYYY", "YYYY-MM" or "YYYY-MM-DD", a real day. */
gboolean    _am_json_get_date            (AmJsonReader       *reader,
                                          const AmJsonWhere  *where,
                                          JsonObject         *object,
                                          const char         *member,
                                          const char        **out);
/* An absolute http or https URL with a host. */
gboolean    _am_json_is_web_url          (const char         *url);

G_END_DECLS
