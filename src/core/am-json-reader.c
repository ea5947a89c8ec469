/* am-json-reader.c — typed members of a JSON tree, with messages that say where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader's schema (am-document-reader.c) reads every member through these: a wrong
 * type, a missing required member or a malformed date is an AM_MODEL_ERROR whose message
 * starts with the file name and the JSON location.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-core-private.h"
#include "am-json-reader.h"

/* Longest piece of file text quoted back in a message, in characters. */
#define QUOTE_MAX 80




gboolean
_am_json_fail (AmJsonReader      *reader,
               const AmJsonWhere *where,
               gint               code,
               const char        *format,
               ...)
{
  g_autofree char *what = NULL;
  g_autoptr(GString) message = g_string_new (reader->display_name);
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

  g_set_error_literal (reader->error, AM_MODEL_ERROR, code, message->str);
  return FALSE;
}

gboolean
_am_json_unknown_entity (AmJsonReader      *reader,
                         const AmJsonWhere *where,
                         const char        *path,
                         const char        *id,
                         const char        *defined_in,
                         guint              index)
{
  if (defined_in != NULL)
    return _am_json_fail (reader, where, AM_MODEL_ERROR_UNKNOWN_REFERENCE,
                          /* Translators: an error in an Actormap model file, after its name and
                             the JSON location; the placeholders are, in order: path, id, the
                             section ("relations") and index of the item that has that id */
                          _("'%s' refers to unknown entity '%s' (that id is %s[%u], not an entity)"),
                          path, id, defined_in, index);

  return _am_json_fail (reader, where, AM_MODEL_ERROR_UNKNOWN_REFERENCE,
                        /* Translators: an error in an Actormap model file, after its name and the
                           JSON location; the placeholders are, in order: path, id */
                        _("'%s' refers to unknown entity '%s'"), path, id);
}

gboolean
_am_json_locate_evidence (AmJsonReader       *reader,
                          const AmJsonWhere  *where,
                          const char         *path,
                          const char * const *paragraphs,
                          gint64              paragraph,
                          const char         *text,
                          gssize             *offset)
{
  guint n_paragraphs = paragraphs != NULL ? g_strv_length ((char **) paragraphs) : 0;
  const char *found;

  if (paragraph < 0)
    return _am_json_fail (reader, where, AM_MODEL_ERROR_INVALID_VALUE,
                          /* Translators: %s is where in the item ("evidence[0]"), %lld the
                           * paragraph number the file gives */
                          _("%s: paragraph %lld is negative"), path, (long long) paragraph);

  if (text == NULL || *text == '\0')
    return _am_json_fail (reader, where, AM_MODEL_ERROR_INVALID_VALUE,
                          /* Translators: an error in an Actormap model file, after its name and
                             the JSON location; the placeholders are, in order: path */
                          _("%s: 'text' is empty"), path);

  if (paragraphs == NULL)
    return _am_json_fail (reader, where, AM_MODEL_ERROR_EVIDENCE_RANGE,
                          /* Translators: an error in an Actormap model file, after its name and
                             the JSON location; the placeholders are, in order: path */
                          _("%s: evidence needs an 'article' with paragraphs, and the file has none"),
                          path);

  if (paragraph >= n_paragraphs)
    return _am_json_fail (reader, where, AM_MODEL_ERROR_EVIDENCE_RANGE,
                          g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %s is where in the item ("evidence[0]"),
                                        * %lld the paragraph number the file gives, %u how many
                                        * the article has */
                                       "%s: paragraph %lld is out of range (the article has %u "
                                       "paragraph)",
                                       "%s: paragraph %lld is out of range (the article has %u "
                                       "paragraphs)",
                                       n_paragraphs),
                          path, (long long) paragraph, n_paragraphs);

  found = strstr (paragraphs[paragraph], text);
  if (found == NULL)
    {
      g_autofree char *quoted = _am_json_quote (text);

      return _am_json_fail (reader, where, AM_MODEL_ERROR_EVIDENCE_MISMATCH,
                            /* Translators: the first %s is where in the item ("evidence[0]"),
                             * the second the quoted text, %lld the paragraph number */
                            _("%s: text \"%s\" not found verbatim in paragraph %lld"),
                            path, quoted, (long long) paragraph);
    }

  *offset = found - paragraphs[paragraph];
  return TRUE;
}

/* A length-capped copy of file text for a message. */
char *
_am_json_quote (const char *text)
{
  if (g_utf8_strlen (text, -1) > QUOTE_MAX)
    {
      g_autofree char *head = g_utf8_substring (text, 0, QUOTE_MAX);

      return g_strconcat (head, "...", NULL);
    }

  return g_strdup (text);
}

const char *
_am_json_describe_node (JsonNode *node)
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

gboolean
_am_json_node_is_value_of (JsonNode *node,
                           GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Fetches @member of @object.  A missing member, or for an optional member a null one,
 * gives *out = NULL and TRUE; a missing required member is MISSING_FIELD.  @path is how
 * the member is named in messages ("name", "evidence[2].text"). */
gboolean
_am_json_get_member (AmJsonReader      *reader,
                     const AmJsonWhere *where,
                     JsonObject        *object,
                     const char        *member,
                     const char        *path,
                     gboolean           required,
                     JsonNode         **out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL)
    {
      if (required)
        return _am_json_fail (reader, where, AM_MODEL_ERROR_MISSING_FIELD,
                              /* Translators: an error in an Actormap model file, after its name
                                 and the JSON location; the placeholders are, in order: path */
                              _("missing required member '%s'"), path);
      return TRUE;
    }

  if (JSON_NODE_HOLDS_NULL (node) && !required)
    return TRUE;

  *out = node;
  return TRUE;
}

gboolean
_am_json_wrong_type (AmJsonReader      *reader,
                     const AmJsonWhere *where,
                     const char        *path,
                     const char        *expected,
                     JsonNode          *node)
{
  return _am_json_fail (reader, where, AM_MODEL_ERROR_WRONG_TYPE,
                        /* Translators: an error in an Actormap model file, after its name and the
                           JSON location; the placeholders are, in order: path, expected,
                           _am_json_describe_node (node) */
                        _("%s: expected %s, got %s"), path, expected, _am_json_describe_node (node));
}

gboolean
_am_json_node_is_string (JsonNode *node)
{
  return _am_json_node_is_value_of (node, G_TYPE_STRING);
}

gboolean
_am_json_node_is_boolean (JsonNode *node)
{
  return _am_json_node_is_value_of (node, G_TYPE_BOOLEAN);
}

gboolean
_am_json_node_is_array (JsonNode *node)
{
  return JSON_NODE_HOLDS_ARRAY (node);
}

gboolean
_am_json_node_is_integer (JsonNode *node)
{
  return _am_json_node_is_value_of (node, G_TYPE_INT64);
}

gboolean
_am_json_node_is_object (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node);
}

/* get_member(), then WRONG_TYPE unless @is_expected accepts the node; *@out is NULL
 * when an optional member is missing or null. */
gboolean
_am_json_get_typed_member (AmJsonReader       *reader,
                           const AmJsonWhere  *where,
                           JsonObject         *object,
                           const char         *member,
                           gboolean            required,
                           gboolean          (*is_expected) (JsonNode *node),
                           const char         *expected,
                           JsonNode          **out)
{
  if (!_am_json_get_member (reader, where, object, member, member, required, out))
    return FALSE;
  if (*out != NULL && !is_expected (*out))
    return _am_json_wrong_type (reader, where, member, expected, *out);

  return TRUE;
}

gboolean
_am_json_get_string (AmJsonReader      *reader,
                     const AmJsonWhere *where,
                     JsonObject        *object,
                     const char        *member,
                     gboolean           required,
                     const char       **out)
{
  JsonNode *node;

  *out = NULL;
  if (!_am_json_get_typed_member (reader, where, object, member, required, _am_json_node_is_string,
                                  "a string", &node))
    return FALSE;

  if (node != NULL)
    *out = json_node_get_string (node);
  return TRUE;
}

gboolean
_am_json_get_nonempty_string (AmJsonReader      *reader,
                              const AmJsonWhere *where,
                              JsonObject        *object,
                              const char        *member,
                              const char       **out)
{
  if (!_am_json_get_string (reader, where, object, member, TRUE, out))
    return FALSE;
  if (**out == '\0')
    return _am_json_fail (reader, where, AM_MODEL_ERROR_INVALID_VALUE,
                          /* Translators: an error in an Actormap model file, after its name and
                             the JSON location; the placeholders are, in order: member */
                          _("'%s' is empty"), member);
  return TRUE;
}

gboolean
_am_json_get_boolean (AmJsonReader      *reader,
                      const AmJsonWhere *where,
                      JsonObject        *object,
                      const char        *member,
                      gboolean           default_value,
                      gboolean          *out)
{
  JsonNode *node;

  *out = default_value;
  if (!_am_json_get_typed_member (reader, where, object, member, FALSE, _am_json_node_is_boolean,
                                  "a boolean", &node))
    return FALSE;

  if (node != NULL)
    *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
_am_json_get_array (AmJsonReader      *reader,
                    const AmJsonWhere *where,
                    JsonObject        *object,
                    const char        *member,
                    JsonArray        **out)
{
  JsonNode *node;

  *out = NULL;
  if (!_am_json_get_typed_member (reader, where, object, member, FALSE, _am_json_node_is_array,
                                  "an array", &node))
    return FALSE;
  if (node == NULL)
    return TRUE;

  *out = json_node_get_array (node);
  if (json_array_get_length (*out) > AM_JSON_MAX_ITEMS)
    return _am_json_fail (reader, where, AM_MODEL_ERROR_INVALID_VALUE,
                          /* Translators: an error in an Actormap model file, after its name and
                             the JSON location; the placeholders are, in order: member */
                          _("'%s' has too many items"), member);
  return TRUE;
}

/* An optional array of strings → a NULL-terminated vector (never NULL on success). */
gboolean
_am_json_get_string_array (AmJsonReader      *reader,
                           const AmJsonWhere *where,
                           JsonObject        *object,
                           const char        *member,
                           char            ***out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  *out = NULL;
  if (!_am_json_get_array (reader, where, object, member, &array))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!_am_json_node_is_value_of (node, G_TYPE_STRING))
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", member, i);

          return _am_json_wrong_type (reader, where, path, "a string", node);
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
_am_json_get_date (AmJsonReader      *reader,
                   const AmJsonWhere *where,
                   JsonObject        *object,
                   const char        *member,
                   const char       **out)
{
  if (!_am_json_get_string (reader, where, object, member, FALSE, out))
    return FALSE;

  if (*out != NULL && _am_date_parse (*out, NULL, NULL, NULL) == AM_DATE_INVALID)
    {
      g_autofree char *quoted = _am_json_quote (*out);

      return _am_json_fail (reader, where, AM_MODEL_ERROR_INVALID_VALUE,
                            /* Translators: an error in an Actormap model file, after its name and
                               the JSON location; the placeholders are, in order: member, quoted */
                            _("%s: '%s' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)"),
                            member, quoted);
    }

  return TRUE;
}

gboolean
_am_json_is_web_url (const char *url)
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

