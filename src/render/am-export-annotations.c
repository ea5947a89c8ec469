/* am-export-annotations.c — the evidence as W3C Web Annotations (JSON-LD)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One AnnotationCollection whose first (and only) AnnotationPage holds one Annotation per
 * evidence sentence of every entity, relation and statement, in that order and in the
 * model's order.  Each annotation has:
 *
 *   body:   a TextualBody describing the item ("Choe Son Hui —Deputy Foreign Minister→
 *           Foreign Ministry"), a TextualBody tagging it with its kind or type, and a
 *           SpecificResource identifying it (urn:actormap:entity|relation|statement:ID);
 *   target: the article (its URL, or a urn made from a SHA-256 of its text when it has
 *           none) with a TextQuoteSelector (exact, and up to 32 characters of prefix and
 *           suffix) and a TextPositionSelector.
 *
 * The text the selectors refer to is the article's paragraphs joined with "\n\n" (the
 * headline is paragraph 0); positions count Unicode code points from 0, end exclusive,
 * as the Web Annotation model says.  Nothing depends on the time, so the same document
 * gives the same bytes.  docs/interchange-csv.md describes it with an example.
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "am-export.h"
#include "am-export-network-private.h"

#define AM_ANNOTATION_CONTEXT     "http://www.w3.org/ns/anno.jsonld"
#define AM_ANNOTATION_CONTEXT_LEN 32   /* code points of prefix and suffix */
#define AM_PARAGRAPH_SEPARATOR    "\n\n"

typedef struct
{
  AmDocument  *document;
  char        *text;          /* the paragraphs joined */
  glong       *starts;        /* per paragraph: its first code point in text */
  gsize       *byte_starts;   /* per paragraph: its first byte in text */
  glong        length;        /* code points in text */
  char        *source;        /* the target's source IRI */
  char        *base;          /* urn prefix of the annotations' ids */
  JsonBuilder *builder;
  guint        count;
} Writer;

static void
writer_init (Writer     *w,
             AmDocument *document)
{
  const char * const *paragraphs = am_document_get_paragraphs (document);
  guint n = am_document_get_n_paragraphs (document);
  GString *text = g_string_new (NULL);
  g_autofree char *digest = NULL;
  const char *url = am_document_get_url (document);

  w->document = document;
  w->starts = g_new0 (glong, n + 1);
  w->byte_starts = g_new0 (gsize, n + 1);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (text, AM_PARAGRAPH_SEPARATOR);
      w->byte_starts[i] = text->len;
      w->starts[i] = g_utf8_strlen (text->str, text->len);
      g_string_append (text, paragraphs[i]);
    }
  w->text = g_string_free (text, FALSE);
  w->length = g_utf8_strlen (w->text, -1);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, w->text, -1);
  w->base = g_strconcat ("urn:actormap:sha256:", digest, NULL);
  w->source = url != NULL && *url != '\0' ? g_strdup (url)
                                          : g_strconcat (w->base, ":article", NULL);
  w->builder = json_builder_new ();
}

static void
writer_clear (Writer *w)
{
  g_free (w->text);
  g_free (w->starts);
  g_free (w->byte_starts);
  g_free (w->source);
  g_free (w->base);
  g_clear_object (&w->builder);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_textual_body (JsonBuilder *b,
                  const char  *value,
                  const char  *purpose)
{
  json_builder_begin_object (b);
  add_string (b, "type", "TextualBody");
  add_string (b, "value", value);
  add_string (b, "format", "text/plain");
  add_string (b, "purpose", purpose);
  json_builder_end_object (b);
}

/* The code points [from, to) of the text, clamped to it. */
static char *
substring (Writer *w,
           glong   from,
           glong   to)
{
  from = CLAMP (from, 0, w->length);
  to = CLAMP (to, from, w->length);
  return g_utf8_substring (w->text, from, to);
}

static void
add_target (Writer           *w,
            const AmEvidence *evidence)
{
  JsonBuilder *b = w->builder;
  guint paragraph = am_evidence_get_paragraph (evidence);
  const char *exact = am_evidence_get_text (evidence);
  gssize offset = am_evidence_get_offset (evidence);

  json_builder_begin_object (b);
  add_string (b, "type", "SpecificResource");
  add_string (b, "source", w->source);
  json_builder_set_member_name (b, "selector");
  json_builder_begin_array (b);

  json_builder_begin_object (b);
  add_string (b, "type", "TextQuoteSelector");
  add_string (b, "exact", exact);
  if (offset >= 0 && paragraph < am_document_get_n_paragraphs (w->document))
    {
      gsize byte = w->byte_starts[paragraph] + offset;
      glong start = g_utf8_pointer_to_offset (w->text, w->text + byte);
      glong end = start + g_utf8_strlen (exact, -1);
      g_autofree char *prefix = substring (w, start - AM_ANNOTATION_CONTEXT_LEN, start);
      g_autofree char *suffix = substring (w, end, end + AM_ANNOTATION_CONTEXT_LEN);

      add_string (b, "prefix", prefix);
      add_string (b, "suffix", suffix);
      json_builder_end_object (b);

      json_builder_begin_object (b);
      add_string (b, "type", "TextPositionSelector");
      add_int (b, "start", start);
      add_int (b, "end", end);
    }
  json_builder_end_object (b);

  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* One annotation per evidence of an item. */
static void
add_annotations (Writer     *w,
                 const char *item_kind,
                 const char *item_id,
                 const char *description,
                 const char *tag,
                 GPtrArray  *evidence)
{
  JsonBuilder *b = w->builder;
  g_autofree char *escaped = g_uri_escape_string (item_id, NULL, FALSE);
  g_autofree char *item_urn = g_strconcat ("urn:actormap:", item_kind, ":", escaped, NULL);

  for (guint i = 0; i < evidence->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s:%s:%s:%u", w->base, item_kind, escaped,
                                             i + 1);

      json_builder_begin_object (b);
      add_string (b, "id", id);
      add_string (b, "type", "Annotation");
      add_string (b, "motivation", "describing");

      json_builder_set_member_name (b, "body");
      json_builder_begin_array (b);
      add_textual_body (b, description, "describing");
      if (tag != NULL && *tag != '\0')
        add_textual_body (b, tag, "tagging");
      json_builder_begin_object (b);
      add_string (b, "type", "SpecificResource");
      add_string (b, "source", item_urn);
      add_string (b, "purpose", "identifying");
      json_builder_end_object (b);
      json_builder_end_array (b);

      json_builder_set_member_name (b, "target");
      add_target (w, g_ptr_array_index (evidence, i));
      json_builder_end_object (b);
      w->count++;
    }
}

static const char *
entity_name (AmDocument *document,
             const char *id)
{
  AmEntity *entity = id != NULL ? am_document_lookup_entity (document, id) : NULL;

  if (entity == NULL)
    return id != NULL ? id : "?";
  return *am_entity_get_name (entity) != '\0' ? am_entity_get_name (entity) : id;
}

static void
add_items (Writer *w)
{
  GListModel *entities = am_document_get_entities (w->document);
  GListModel *relations = am_document_get_relations (w->document);
  GListModel *statements = am_document_get_statements (w->document);

  for (guint i = 0; i < g_list_model_get_n_items (entities); i++)
    {
      g_autoptr(AmEntity) e = g_list_model_get_item (entities, i);
      g_autofree char *description = g_strdup_printf ("%s (%s)", entity_name (w->document,
                                                                              am_entity_get_id (e)),
                                                      am_entity_get_kind_name (e));

      add_annotations (w, "entity", am_entity_get_id (e), description,
                       am_entity_get_kind_name (e), am_entity_get_evidence (e));
    }

  for (guint i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelation) r = g_list_model_get_item (relations, i);
      const char *label = am_relation_get_label (r);
      g_autofree char *description =
        g_strdup_printf ("%s —%s%s %s", entity_name (w->document, am_relation_get_source (r)),
                         label, am_relation_get_directed (r) ? "→" : "—",
                         entity_name (w->document, am_relation_get_target (r)));

      add_annotations (w, "relation", am_relation_get_id (r), description,
                       am_relation_get_rel_type (r), am_relation_get_evidence (r));
    }

  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(AmStatement) s = g_list_model_get_item (statements, i);
      const char *speaker = entity_name (w->document, am_statement_get_speaker (s));
      g_autofree char *description =
        am_statement_get_quoted (s)
          ? g_strdup_printf ("%s: “%s”", speaker, am_statement_get_text (s))
          : g_strdup_printf ("%s: %s", speaker, am_statement_get_text (s));

      add_annotations (w, "statement", am_statement_get_id (s), description,
                       am_statement_get_quoted (s) ? "quote" : "statement",
                       am_statement_get_evidence (s));
    }
}

GBytes *
_am_export_annotations (AmDocument  *document,
                        GError     **error)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *collection_id = NULL;
  g_autofree char *page_id = NULL;
  const char *title = am_document_get_title (document);
  JsonBuilder *b;
  JsonNode *total;
  Writer w = { 0, };
  char *json;
  gsize length;

  writer_init (&w, document);
  b = w.builder;
  collection_id = g_strconcat (w.base, ":annotations", NULL);
  page_id = g_strconcat (w.base, ":annotations:page-1", NULL);

  json_builder_begin_object (b);
  add_string (b, "@context", AM_ANNOTATION_CONTEXT);
  add_string (b, "id", collection_id);
  add_string (b, "type", "AnnotationCollection");
  if (title != NULL)
    add_string (b, "label", title);
  /* "total" is filled in once the items are counted. */
  add_int (b, "total", 0);
  json_builder_set_member_name (b, "first");
  json_builder_begin_object (b);
  add_string (b, "id", page_id);
  add_string (b, "type", "AnnotationPage");
  add_int (b, "startIndex", 0);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  add_items (&w);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  total = json_object_get_member (json_node_get_object (root), "total");
  json_node_set_int (total, w.count);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, &length);
  writer_clear (&w);

  /* A final new line, as text files have. */
  json = g_realloc (json, length + 2);
  json[length] = '\n';
  json[length + 1] = '\0';
  return g_bytes_new_take (json, length + 1);
}
