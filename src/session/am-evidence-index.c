/* am-evidence-index.c — which sentences of the article are evidence, and of what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "am-evidence-index.h"

/*
 * Invariant: an AmEvidenceIndex never changes after am_evidence_index_new() returns.
 *
 * Items are numbered in the order a click goes through them: statements, relations,
 * actors, each in file order.  Spans are sorted and unique; the items of span i are
 * items[span_items[i] .. span_items[i + 1]), sorted and unique; the spans of paragraph p
 * are spans[paragraph_spans[p] .. paragraph_spans[p + 1]).
 */
struct _AmEvidenceIndex
{
  gatomicrefcount  ref_count;
  AmDocument      *document;
  GPtrArray       *ids;              /* char *, by item number */
  GArray          *spans;            /* AmEvidenceSpan */
  GArray          *span_items;       /* guint, n_spans + 1 */
  GArray          *items;            /* guint, item numbers */
  GArray          *paragraph_spans;  /* guint, n_paragraphs + 1 */
};

G_DEFINE_BOXED_TYPE (AmEvidenceIndex, am_evidence_index,
                     am_evidence_index_ref, am_evidence_index_unref)

/* One piece of evidence of one item, while building. */
typedef struct
{
  AmEvidenceSpan span;
  guint          item;
} Entry;

static int
compare_spans (const AmEvidenceSpan *a,
               const AmEvidenceSpan *b)
{
  if (a->paragraph != b->paragraph)
    return a->paragraph < b->paragraph ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return 0;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;
  int cmp = compare_spans (&ea->span, &eb->span);

  if (cmp != 0)
    return cmp;
  if (ea->item != eb->item)
    return ea->item < eb->item ? -1 : 1;
  return 0;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a;
  guint ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

static void
add_item (AmEvidenceIndex *self,
          GArray          *entries,
          GArray          *paragraph_lengths,
          gpointer         object)
{
  guint item = self->ids->len;
  GPtrArray *evidence = am_document_item_get_evidence (object);

  g_ptr_array_add (self->ids, g_strdup (am_document_item_get_id (object)));

  for (guint i = 0; i < evidence->len; i++)
    {
      const AmEvidence *ev = g_ptr_array_index (evidence, i);
      const char *text = am_evidence_get_text (ev);
      gssize offset = am_evidence_get_offset (ev);
      guint paragraph = am_evidence_get_paragraph (ev);
      Entry entry;

      /* Evidence found nowhere in its paragraph has no place to mark or click. */
      if (text == NULL || text[0] == '\0' || offset < 0 || paragraph >= paragraph_lengths->len)
        continue;

      entry.span.paragraph = paragraph;
      entry.span.start = offset;
      entry.span.end = offset + strlen (text);
      entry.item = item;

      if (entry.span.end <= g_array_index (paragraph_lengths, gsize, paragraph))
        g_array_append_val (entries, entry);
    }
}

/* Items are numbered in the order a click goes through them. */
static void
add_items (AmEvidenceIndex *self,
           GArray          *entries,
           GArray          *paragraph_lengths)
{
  GListModel *models[] = {
    am_document_get_statements (self->document),
    am_document_get_relations (self->document),
    am_document_get_entities (self->document),
  };

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    {
      guint n = g_list_model_get_n_items (models[m]);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) object = g_list_model_get_item (models[m], i);

          add_item (self, entries, paragraph_lengths, object);
        }
    }
}

/**
 * am_evidence_index_new:
 * @document: a document
 *
 * Returns: (transfer full): the index of @document's evidence
 */
AmEvidenceIndex *
am_evidence_index_new (AmDocument *document)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GArray) paragraph_lengths = NULL;
  const char * const *paragraphs;
  AmEvidenceIndex *self;
  guint n_paragraphs;

  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);

  self = g_new0 (AmEvidenceIndex, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->document = g_object_ref (document);
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->spans = g_array_new (FALSE, FALSE, sizeof (AmEvidenceSpan));
  self->span_items = g_array_new (FALSE, FALSE, sizeof (guint));
  self->items = g_array_new (FALSE, FALSE, sizeof (guint));
  self->paragraph_spans = g_array_new (FALSE, FALSE, sizeof (guint));

  n_paragraphs = am_document_get_n_paragraphs (document);
  paragraphs = am_document_get_paragraphs (document);
  paragraph_lengths = g_array_sized_new (FALSE, FALSE, sizeof (gsize), n_paragraphs);
  for (guint p = 0; p < n_paragraphs; p++)
    {
      gsize length = strlen (paragraphs[p]);

      g_array_append_val (paragraph_lengths, length);
    }

  add_items (self, entries, paragraph_lengths);
  g_array_sort (entries, compare_entries);

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);
      const AmEvidenceSpan *last = self->spans->len > 0
        ? &g_array_index (self->spans, AmEvidenceSpan, self->spans->len - 1) : NULL;

      if (last == NULL || compare_spans (last, &entry->span) != 0)
        {
          g_array_append_val (self->span_items, self->items->len);
          g_array_append_val (self->spans, entry->span);
        }
      else if (g_array_index (self->items, guint, self->items->len - 1) == entry->item)
        /* The same sentence given twice for one item. */
        continue;

      g_array_append_val (self->items, entry->item);
    }
  g_array_append_val (self->span_items, self->items->len);

  /* Spans are sorted by paragraph: paragraph p starts at the first span not before it. */
  for (guint p = 0, s = 0; p <= n_paragraphs; p++)
    {
      while (s < self->spans->len && g_array_index (self->spans, AmEvidenceSpan, s).paragraph < p)
        s++;
      g_array_append_val (self->paragraph_spans, s);
    }

  return self;
}

/**
 * am_evidence_index_ref:
 * @self: an index
 *
 * Returns: (transfer full): @self
 */
AmEvidenceIndex *
am_evidence_index_ref (AmEvidenceIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
am_evidence_index_unref (AmEvidenceIndex *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_object_unref (self->document);
  g_ptr_array_unref (self->ids);
  g_array_unref (self->spans);
  g_array_unref (self->span_items);
  g_array_unref (self->items);
  g_array_unref (self->paragraph_spans);
  g_free (self);
}

AmDocument *
am_evidence_index_get_document (AmEvidenceIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->document;
}

const AmEvidenceSpan *
am_evidence_index_get_spans (AmEvidenceIndex *self,
                             guint           *n_spans)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_spans != NULL, NULL);

  *n_spans = self->spans->len;

  /* Through void *: GArray keeps its elements aligned for their type. */
  return (const AmEvidenceSpan *) (const void *) self->spans->data;
}

/* The first and one past the last span of @paragraph; both 0 when it has none. */
static void
paragraph_range (AmEvidenceIndex *self,
                 guint            paragraph,
                 guint           *first,
                 guint           *last)
{
  *first = *last = 0;

  /* paragraph_spans has one entry more than there are paragraphs. */
  if (paragraph >= self->paragraph_spans->len - 1)
    return;

  *first = g_array_index (self->paragraph_spans, guint, paragraph);
  *last = g_array_index (self->paragraph_spans, guint, paragraph + 1);
}

const AmEvidenceSpan *
am_evidence_index_span_at (AmEvidenceIndex *self,
                           guint            paragraph,
                           gsize            offset)
{
  const AmEvidenceSpan *best = NULL;
  guint first, last;

  g_return_val_if_fail (self != NULL, NULL);

  paragraph_range (self, paragraph, &first, &last);

  /* Spans are sorted by start: none after the first one that starts past @offset. */
  for (guint i = first; i < last; i++)
    {
      const AmEvidenceSpan *span = &g_array_index (self->spans, AmEvidenceSpan, i);

      if (span->start > offset)
        break;
      if (offset < span->end
          && (best == NULL || span->end - span->start < best->end - best->start))
        best = span;
    }

  return best;
}

char **
am_evidence_index_items_at (AmEvidenceIndex *self,
                            guint            paragraph,
                            gsize            offset)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  GStrvBuilder *builder;
  char **ids;
  guint first, last;

  g_return_val_if_fail (self != NULL, NULL);

  paragraph_range (self, paragraph, &first, &last);

  for (guint i = first; i < last; i++)
    {
      const AmEvidenceSpan *span = &g_array_index (self->spans, AmEvidenceSpan, i);
      guint from = g_array_index (self->span_items, guint, i);
      guint to = g_array_index (self->span_items, guint, i + 1);

      if (span->start > offset)
        break;
      if (offset < span->end)
        g_array_append_vals (found, &g_array_index (self->items, guint, from), to - from);
    }

  /* Item numbers are the click order; overlapping sentences may name an item twice. */
  g_array_sort (found, compare_uint);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < found->len; i++)
    {
      guint item = g_array_index (found, guint, i);

      if (i == 0 || item != g_array_index (found, guint, i - 1))
        g_strv_builder_add (builder, g_ptr_array_index (self->ids, item));
    }
  ids = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return ids;
}
