/* am-article-view.c — the article's text, with the evidence of the selection marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "am-article-view.h"
#include "am-edit-util.h"
#include "am-evidence-index.h"
#include "am-ui-util.h"
#include "am-word-snap.h"

struct _AmArticleView
{
  GtkWidget        parent_instance;

  /* Template Widgets */
  GtkFlowBox      *choices_box;
  GtkRevealer     *choices_revealer;
  AdwStatusPage   *empty_page;
  GtkLabel        *hint_label;
  GtkStack        *stack;
  GtkTextView     *text_view;

  /* Owned References */
  AmSession       *session;
  GSignalGroup    *session_signals;
  /* What the text shows is built once per document: the index of its evidence (which
   * holds that document, so that a notify of the selection which comes before the
   * notify of the document finds the text stale), and where each paragraph lies. */
  AmEvidenceIndex *index;              /* NULL while no document is shown */
  /* The session's view as the marks follow it: made again on notify::view-result and
   * for each document, never per event.  Under a view that hides nothing (the whole map,
   * or a path that only dims the rest) marked_spans is NULL and every sentence of the
   * index is marked; else it holds those of the index's sentences that support
   * something the view shows, in the index's order. */
  AmViewResult    *view_result;        /* NULL while no document is shown */
  GArray          *marked_spans;       /* AmEvidenceSpan, or NULL */
  char           **choices;            /* what the last clicked sentence supports */
  GArray          *paragraph_lengths;  /* gsize, bytes of each paragraph as shown */
  GArray          *paragraph_lines;    /* int, the buffer line of each paragraph */
  GArray          *line_paragraphs;    /* int, the paragraph of each buffer line, or -1 */
  GMenu           *annotate_menu;      /* the text view's extra menu: one section */
  GMenu           *annotate_section;   /* its items; the last one names the selection */

  /* Borrowed References (owned by the buffer's tag table) */
  GtkTextTag      *title_tag;
  GtkTextTag      *meta_tag;
  GtkTextTag      *paragraph_tag;
  GtkTextTag      *evidence_tag;
  GtkTextTag      *hover_tag;
  GtkTextTag      *related_tag;
  GtkTextTag      *selected_tag;
  GtkTextMark     *scroll_mark;

  AmEvidenceSpan   hover;
  double           press_x;            /* where the last primary press was */
  double           press_y;
  guint            has_hover : 1;
  guint            dark : 1;
};

G_DEFINE_FINAL_TYPE (AmArticleView, am_article_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DARK,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void update_annotate_menu    (AmArticleView *self);
static void update_annotate_actions (AmArticleView *self);
static void set_hover               (AmArticleView        *self,
                                     const AmEvidenceSpan *span);

static GtkTextBuffer *
get_buffer (AmArticleView *self)
{
  return gtk_text_view_get_buffer (self->text_view);
}

/* The session's document: what the text shows once sync_text() has run. */
static AmDocument *
get_document (AmArticleView *self)
{
  return self->session != NULL ? am_session_get_document (self->session) : NULL;
}

static const char *
get_selection (AmArticleView *self)
{
  return self->session != NULL ? am_session_get_selection (self->session) : NULL;
}

/* The document the buffer was built from. */
static AmDocument *
shown_document (AmArticleView *self)
{
  return self->index != NULL ? am_evidence_index_get_document (self->index) : NULL;
}

/* Colours: a marker-pen yellow for the selection, a paler one for what is related,
 * and a faint underline for every sentence that can be clicked. */
static void
update_tag_colors (AmArticleView *self)
{
  GdkRGBA meta, underline, hover, related, selected;

  if (self->dark)
    {
      gdk_rgba_parse (&meta, "rgba(255,255,255,0.60)");
      gdk_rgba_parse (&underline, "rgba(120,174,237,0.55)");
      gdk_rgba_parse (&hover, "rgba(120,174,237,0.16)");
      gdk_rgba_parse (&related, "rgba(229,165,10,0.20)");
      gdk_rgba_parse (&selected, "rgba(229,165,10,0.42)");
    }
  else
    {
      gdk_rgba_parse (&meta, "rgba(0,0,0,0.55)");
      gdk_rgba_parse (&underline, "rgba(28,113,216,0.45)");
      gdk_rgba_parse (&hover, "rgba(28,113,216,0.10)");
      gdk_rgba_parse (&related, "rgba(248,228,92,0.35)");
      gdk_rgba_parse (&selected, "rgba(246,211,45,0.80)");
    }

  g_object_set (self->meta_tag, "foreground-rgba", &meta, NULL);
  g_object_set (self->evidence_tag, "underline-rgba", &underline, NULL);
  g_object_set (self->hover_tag, "background-rgba", &hover, NULL);
  g_object_set (self->related_tag, "background-rgba", &related, NULL);
  g_object_set (self->selected_tag, "background-rgba", &selected, NULL);
}

/* Positions */

static const char *
paragraph_text (AmArticleView *self,
                guint          paragraph)
{
  const char * const *paragraphs = am_document_get_paragraphs (shown_document (self));

  return paragraphs[paragraph];
}

gboolean
am_article_view_get_iter (AmArticleView *self,
                          guint          paragraph,
                          gssize         offset,
                          GtkTextIter   *iter)
{
  const char *text;
  gsize length;

  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  if (self->index == NULL || paragraph >= self->paragraph_lengths->len || offset < 0)
    return FALSE;

  length = g_array_index (self->paragraph_lengths, gsize, paragraph);
  if ((gsize) offset > length)
    return FALSE;

  /* GtkTextBuffer aborts on an index inside a UTF-8 sequence. */
  text = paragraph_text (self, paragraph);
  if ((gsize) offset < length && ((guchar) text[offset] & 0xC0) == 0x80)
    return FALSE;

  gtk_text_buffer_get_iter_at_line_index (get_buffer (self), iter,
                                          g_array_index (self->paragraph_lines, int, paragraph),
                                          offset);
  return TRUE;
}

static gboolean
span_range (AmArticleView        *self,
            const AmEvidenceSpan *span,
            GtkTextIter          *start,
            GtkTextIter          *end)
{
  return am_article_view_get_iter (self, span->paragraph, span->start, start)
      && am_article_view_get_iter (self, span->paragraph, span->end, end);
}

static gboolean
span_from_evidence (AmArticleView  *self,
                    AmEvidence     *evidence,
                    AmEvidenceSpan *span)
{
  const char *text = am_evidence_get_text (evidence);
  gssize offset = am_evidence_get_offset (evidence);
  guint paragraph = am_evidence_get_paragraph (evidence);

  if (text == NULL || offset < 0 || paragraph >= self->paragraph_lengths->len)
    return FALSE;

  span->paragraph = paragraph;
  span->start = offset;
  span->end = offset + strlen (text);

  return span->end <= g_array_index (self->paragraph_lengths, gsize, paragraph);
}

/* The buffer position under widget coordinates (x, y), as paragraph and byte offset. */
static gboolean
position_at (AmArticleView *self,
             double         x,
             double         y,
             guint         *paragraph,
             gsize         *offset)
{
  GtkTextIter iter;
  int bx, by, line;

  if (self->index == NULL)
    return FALSE;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return FALSE;

  line = gtk_text_iter_get_line (&iter);
  if (line < 0 || (guint) line >= self->line_paragraphs->len
      || g_array_index (self->line_paragraphs, int, line) < 0)
    return FALSE;

  *paragraph = g_array_index (self->line_paragraphs, int, line);
  *offset = gtk_text_iter_get_line_index (&iter);

  return TRUE;
}

/* Building the text */

static char *
text_for_buffer (const char *paragraph)
{
  char *copy = g_strdup (paragraph);

  /* One paragraph is one buffer line, so that (paragraph, byte offset) maps straight to
   * (line, index).  Line breaks inside a paragraph become spaces of the same byte length. */
  for (char *p = copy; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        *p = ' ';
      else if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0xA9)
        {
          /* U+2029 PARAGRAPH SEPARATOR also ends a line in GtkTextBuffer. */
          memset (p, ' ', 3);
          p += 2;
        }
    }

  return copy;
}

static void
insert_line (AmArticleView *self,
             GtkTextIter   *iter,
             const char    *text,
             int            paragraph,
             GtkTextTag    *tag,
             GtkTextTag    *tag2)
{
  GtkTextBuffer *buffer = get_buffer (self);
  g_autofree char *line = text_for_buffer (text);
  gsize length = strlen (line);

  if (self->line_paragraphs->len > 0)
    gtk_text_buffer_insert (buffer, iter, "\n", 1);

  gtk_text_buffer_insert_with_tags (buffer, iter, line, length, tag, tag2, NULL);
  g_array_append_val (self->line_paragraphs, paragraph);

  if (paragraph >= 0)
    {
      int line_number = self->line_paragraphs->len - 1;

      g_array_index (self->paragraph_lengths, gsize, paragraph) = length;
      g_array_index (self->paragraph_lines, int, paragraph) = line_number;
    }
}

/* Builds the text of @document (and its index) from scratch. */
static void
rebuild_text (AmArticleView *self,
              AmDocument    *document)
{
  GtkTextBuffer *buffer = get_buffer (self);
  const char * const *paragraphs;
  g_autoptr(GPtrArray) meta = g_ptr_array_new_with_free_func (g_free);
  const char *title, *publisher, *source;
  char *date;
  GtkTextIter iter;
  gboolean headline_is_paragraph;
  guint n;

  gtk_text_buffer_set_text (buffer, "", 0);
  g_array_set_size (self->paragraph_lengths, 0);
  g_array_set_size (self->paragraph_lines, 0);
  g_array_set_size (self->line_paragraphs, 0);
  g_clear_pointer (&self->index, am_evidence_index_unref);
  self->has_hover = FALSE;

  /* The session builds the index once per document; a document handed in without a
   * session (never, today) gets its own. */
  if (document != NULL)
    {
      AmEvidenceIndex *shared = self->session ? am_session_get_evidence_index (self->session) : NULL;

      if (shared != NULL && am_evidence_index_get_document (shared) == document)
        self->index = am_evidence_index_ref (shared);
      else
        self->index = am_evidence_index_new (document);
    }

  if (document == NULL || am_document_get_n_paragraphs (document) == 0)
    {
      if (document == NULL)
        /* Translators: the article pane when no map is open */
        adw_status_page_set_title (self->empty_page, _("No Article"));
      else
        /* Translators: the article pane when the map has no article text (a Graphviz file) */
        adw_status_page_set_title (self->empty_page, _("No Article Text"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  paragraphs = am_document_get_paragraphs (document);
  n = g_strv_length ((char **) paragraphs);
  g_array_set_size (self->paragraph_lengths, n);
  g_array_set_size (self->paragraph_lines, n);

  gtk_text_buffer_get_end_iter (buffer, &iter);

  /* Articles often repeat their headline as the first paragraph; it is shown once, as
   * the title, and stays clickable as paragraph 0. */
  title = am_document_get_title (document);
  headline_is_paragraph = title != NULL && title[0] != '\0' && g_strcmp0 (title, paragraphs[0]) == 0;
  if (headline_is_paragraph)
    insert_line (self, &iter, paragraphs[0], 0, self->paragraph_tag, self->title_tag);
  else if (title != NULL && title[0] != '\0')
    insert_line (self, &iter, title, -1, self->title_tag, NULL);

  date = am_format_date (am_document_get_date (document));
  if (date != NULL)
    g_ptr_array_add (meta, date);
  publisher = am_document_get_publisher (document);
  if (publisher != NULL)
    g_ptr_array_add (meta, g_strdup (publisher));
  source = am_document_get_source (document);
  if (source != NULL && g_strcmp0 (source, publisher) != 0)
    g_ptr_array_add (meta, g_strdup (source));
  if (meta->len > 0)
    {
      g_autofree char *text = NULL;

      g_ptr_array_add (meta, NULL);
      text = g_strjoinv (" · ", (char **) meta->pdata);
      insert_line (self, &iter, text, -1, self->meta_tag, NULL);
    }

  for (guint i = headline_is_paragraph ? 1 : 0; i < n; i++)
    insert_line (self, &iter, paragraphs[i], i, self->paragraph_tag, NULL);

  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_stack_set_visible_child_name (self->stack, "text");
}

/* An edit makes a new document with the same article: the text, its scroll position
 * and the reader's text selection stay; only the evidence marks are made again (by
 * update_marks(), which sync_text() calls next). */
static void
refresh_evidence (AmArticleView *self,
                  AmDocument    *document)
{
  AmEvidenceIndex *shared = am_session_get_evidence_index (self->session);

  g_clear_pointer (&self->index, am_evidence_index_unref);
  if (shared != NULL && am_evidence_index_get_document (shared) == document)
    self->index = am_evidence_index_ref (shared);
  else
    self->index = am_evidence_index_new (document);
}

/* The view: what the marks count */

/* Whether the view the marks follow shows @id; everything, when it hides nothing. */
static gboolean
shows (AmArticleView *self,
       const char    *id)
{
  return self->marked_spans == NULL || am_view_result_is_visible (self->view_result, id);
}

/* Drops from @ids (in place) what the view hides; returns how many are left. */
static guint
keep_shown (AmArticleView  *self,
            char          **ids)
{
  guint kept = 0;

  for (guint i = 0; ids[i] != NULL; i++)
    if (shows (self, ids[i]))
      ids[kept++] = ids[i];
    else
      g_free (ids[i]);
  ids[kept] = NULL;

  return kept;
}

/* A key naming a sentence, for sets of them. (transfer full) */
static char *
span_key (const AmEvidenceSpan *span)
{
  return g_strdup_printf ("%u:%" G_GSIZE_FORMAT ":%" G_GSIZE_FORMAT,
                          span->paragraph, span->start, span->end);
}

/* The sentences of the index that support something the view shows, in the index's
 * order.  The index does not say which items each of its sentences carries, so the
 * items the view shows name theirs; the article is small (one pass over the items'
 * evidence, one over the index's sentences). */
static GArray *
visible_spans (AmArticleView *self)
{
  AmDocument *document = shown_document (self);
  GListModel *models[] = {
    am_document_get_statements (document),
    am_document_get_relations (document),
    am_document_get_entities (document),
  };
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (AmEvidenceSpan));
  const AmEvidenceSpan *all;
  guint n_all;

  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0, n = g_list_model_get_n_items (models[m]); i < n; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (models[m], i);
        GPtrArray *evidence;

        if (!am_view_result_is_visible (self->view_result, am_document_item_get_id (item)))
          continue;

        evidence = am_document_item_get_evidence (item);
        for (guint e = 0; e < evidence->len; e++)
          {
            AmEvidenceSpan span;

            if (span_from_evidence (self, g_ptr_array_index (evidence, e), &span))
              g_hash_table_add (shown, span_key (&span));
          }
      }

  all = am_evidence_index_get_spans (self->index, &n_all);
  for (guint i = 0; i < n_all; i++)
    {
      g_autofree char *key = span_key (&all[i]);

      if (g_hash_table_contains (shown, key))
        g_array_append_val (spans, all[i]);
    }

  return spans;
}

/* The sentences marked: those of the index, or under a view that hides something, only
 * those that support something it shows. */
static const AmEvidenceSpan *
marked_spans (AmArticleView *self,
              guint         *n_spans)
{
  if (self->marked_spans == NULL)
    return am_evidence_index_get_spans (self->index, n_spans);

  *n_spans = self->marked_spans->len;
  return (const AmEvidenceSpan *) (const void *) self->marked_spans->data;
}

/* Marks (underlines, and makes clickable) every sentence that supports something the
 * session's view shows.  A sentence that supports only hidden items is drawn as plain
 * text, not dimmed: the map and the lists leave hidden items out altogether, and a mark
 * in the article promises something to click; a pale mark that selects nothing (or a
 * hidden item the map cannot show) would be a dead link.  The article's words
 * themselves all stay: the text is the source, not a view of it. */
static void
update_marks (AmArticleView *self)
{
  GtkTextBuffer *buffer = get_buffer (self);
  AmViewResult *result = self->session != NULL ? am_session_get_view_result (self->session) : NULL;
  const AmEvidenceSpan *spans;
  GtkTextIter start, end;
  guint n_spans;

  /* The hovered sentence may be one that goes. */
  set_hover (self, NULL);
  g_clear_pointer (&self->marked_spans, g_array_unref);
  g_clear_pointer (&self->view_result, am_view_result_unref);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->evidence_tag, &start, &end);

  if (self->index == NULL)
    return;

  if (result != NULL)
    {
      self->view_result = am_view_result_ref (result);
      /* The whole map marks what the index holds, exactly as before views; a path
       * without Hide Others shows (dims) everything, and so marks everything too. */
      if (!am_view_result_is_whole_map (result))
        self->marked_spans = visible_spans (self);
    }

  spans = marked_spans (self, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    if (span_range (self, &spans[i], &start, &end))
      gtk_text_buffer_apply_tag (buffer, self->evidence_tag, &start, &end);
}

/* The shortest marked sentence around byte @offset of @paragraph, or NULL. */
static const AmEvidenceSpan *
marked_span_at (AmArticleView *self,
                guint          paragraph,
                gsize          offset)
{
  const AmEvidenceSpan *spans, *best = NULL;
  guint n_spans;

  if (self->marked_spans == NULL)
    return am_evidence_index_span_at (self->index, paragraph, offset);

  spans = marked_spans (self, &n_spans);
  for (guint i = 0; i < n_spans; i++)
    {
      const AmEvidenceSpan *span = &spans[i];

      if (span->paragraph < paragraph)
        continue;
      if (span->paragraph > paragraph || span->start > offset)
        break;
      if (offset < span->end
          && (best == NULL || span->end - span->start < best->end - best->start))
        best = span;
    }

  return best;
}

/* Rebuilds the text when the session's document is not the one shown.  Every handler
 * calls it first: GObject does not promise that "notify::document" comes before
 * "notify::selection" when the session changes both at once. */
static gboolean
sync_text (AmArticleView *self)
{
  AmDocument *document = get_document (self);

  if (document == shown_document (self))
    return FALSE;

  g_clear_pointer (&self->choices, g_strfreev);
  if (self->session != NULL && _am_edit_same_article (document, shown_document (self)))
    refresh_evidence (self, document);
  else
    rebuild_text (self, document);

  update_marks (self);
  update_annotate_menu (self);
  update_annotate_actions (self);

  return TRUE;
}

/* Highlighting the selection */

static void
collect_evidence (AmArticleView *self,
                  AmDocument    *document,
                  const char    *id,
                  GPtrArray     *primary,
                  GPtrArray     *related)
{
  switch (_am_ui_item_type (document, id))
    {
    case AM_ITEM_ENTITY:
      {
        g_autoptr(GPtrArray) relations = am_document_relations_of (document, id);
        g_autoptr(GPtrArray) said = am_document_statements_by (document, id);

        g_ptr_array_extend (primary, am_entity_get_evidence (am_document_lookup_entity (document, id)),
                            NULL, NULL);
        /* What the actor said and did is part of its story: marked, more faintly — as
         * far as the view shows it.  (The selection's own sentences are always marked:
         * it is what the reader chose.) */
        for (guint i = 0; i < said->len; i++)
          if (shows (self, am_statement_get_id (g_ptr_array_index (said, i))))
            g_ptr_array_extend (related, am_statement_get_evidence (g_ptr_array_index (said, i)),
                                NULL, NULL);
        for (guint i = 0; i < relations->len; i++)
          if (shows (self, am_relation_get_id (g_ptr_array_index (relations, i))))
            g_ptr_array_extend (related, am_relation_get_evidence (g_ptr_array_index (relations, i)),
                                NULL, NULL);
      }
      break;

    case AM_ITEM_RELATION:
      g_ptr_array_extend (primary, am_relation_get_evidence (am_document_lookup_relation (document, id)),
                          NULL, NULL);
      break;

    case AM_ITEM_STATEMENT:
      g_ptr_array_extend (primary, am_statement_get_evidence (am_document_lookup_statement (document, id)),
                          NULL, NULL);
      break;

    case AM_ITEM_NONE:
    default:
      break;
    }
}

static gboolean
apply_evidence (AmArticleView  *self,
                GPtrArray      *evidence,
                GtkTextTag     *tag,
                AmEvidenceSpan *first)
{
  gboolean found = FALSE;

  for (guint i = 0; i < evidence->len; i++)
    {
      GtkTextIter start, end;
      AmEvidenceSpan span;

      if (!span_from_evidence (self, g_ptr_array_index (evidence, i), &span)
          || !span_range (self, &span, &start, &end))
        continue;

      gtk_text_buffer_apply_tag (get_buffer (self), tag, &start, &end);

      if (!found || span.paragraph < first->paragraph
          || (span.paragraph == first->paragraph && span.start < first->start))
        *first = span;
      found = TRUE;
    }

  return found;
}

static gboolean
is_in_view (AmArticleView     *self,
            const GtkTextIter *iter)
{
  GdkRectangle visible, location;

  gtk_text_view_get_visible_rect (self->text_view, &visible);
  if (visible.height <= 0)
    return FALSE;

  gtk_text_view_get_iter_location (self->text_view, iter, &location);

  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

static void
scroll_to (AmArticleView     *self,
           const GtkTextIter *iter,
           gboolean           always)
{
  if (!always && is_in_view (self, iter))
    return;

  gtk_text_buffer_move_mark (get_buffer (self), self->scroll_mark, iter);
  /* A little space above, so the sentence does not sit against the edge. */
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.0, TRUE, 0.0, 0.15);
}

/* Marks the evidence of the session's selection, and with @scroll, scrolls to its first
 * sentence when that is out of view, unless the selection came from a click in this
 * text: the clicked item's first sentence may lie elsewhere, and the text must not jump
 * away from where the reader is. */
static void
highlight_selection (AmArticleView *self,
                     gboolean       scroll)
{
  GtkTextBuffer *buffer = get_buffer (self);
  g_autoptr(GPtrArray) primary = g_ptr_array_new ();
  g_autoptr(GPtrArray) related = g_ptr_array_new ();
  const char *id = get_selection (self);
  GtkTextIter start, end;
  AmEvidenceSpan first_primary = { 0 };
  AmEvidenceSpan first_related = { 0 };
  gboolean has_primary, has_related;
  const AmEvidenceSpan *first;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->selected_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->related_tag, &start, &end);

  if (self->index == NULL || id == NULL)
    return;

  collect_evidence (self, shown_document (self), id, primary, related);
  has_related = apply_evidence (self, related, self->related_tag, &first_related);
  has_primary = apply_evidence (self, primary, self->selected_tag, &first_primary);

  if (!scroll || am_session_get_selection_origin (self->session) == AM_SELECTION_ORIGIN_ARTICLE
      || !(has_primary || has_related))
    return;

  first = has_primary ? &first_primary : &first_related;
  if (am_article_view_get_iter (self, first->paragraph, first->start, &start))
    scroll_to (self, &start, FALSE);
}

static void
update_highlight (AmArticleView *self)
{
  highlight_selection (self, TRUE);
}

/* The bar of choices under the text */

/* A chip names an item in a few words; its icon says what it is, its tooltip says
 * all of it. */
static GtkWidget *
choice_new (AmArticleView *self,
            const char    *id)
{
  AmDocument *document = shown_document (self);
  g_autofree char *tooltip = _am_ui_describe_item (document, id, 0);
  g_autofree char *text = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *leading = NULL;
  GtkWidget *label;

  switch (_am_ui_item_type (document, id))
    {
    case AM_ITEM_ENTITY:
      {
        AmEntity *entity = am_document_lookup_entity (document, id);
        g_autofree char *css_class = g_strdup_printf ("kind-%s", _am_ui_kind_css_name (entity));

        leading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
        gtk_widget_add_css_class (leading, "kind-dot");
        gtk_widget_add_css_class (leading, css_class);
        text = g_strdup (am_entity_get_name (entity));
      }
      break;

    case AM_ITEM_RELATION:
      {
        AmRelation *relation = am_document_lookup_relation (document, id);
        const char *label_text = am_relation_get_label (relation);

        leading = gtk_image_new_from_icon_name ("am-relation-symbolic");
        text = label_text && label_text[0] ? g_strdup (label_text) : _am_ui_relation_ends (document, relation);
      }
      break;

    case AM_ITEM_STATEMENT:
      {
        AmStatement *statement = am_document_lookup_statement (document, id);

        leading = gtk_image_new_from_icon_name ("am-quote-symbolic");
        text = g_strdup (_am_ui_entity_name (document, am_statement_get_speaker (statement)));
      }
      break;

    case AM_ITEM_NONE:
    default:
      text = g_strdup (id);
      break;
    }

  if (leading != NULL)
    {
      gtk_widget_set_valign (leading, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), leading);
    }

  /* Plain text: these are names and labels from the file.  Cut here rather than
   * ellipsized by the label, which would let the flow box squeeze it to "…". */
  {
    g_autofree char *shown = _am_ui_truncate (text, 28);

    label = gtk_label_new (shown);
    gtk_box_append (GTK_BOX (box), label);
  }

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "choice");
  if (g_strcmp0 (id, get_selection (self)) == 0)
    gtk_widget_add_css_class (button, "current");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "article.select");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);

  return button;
}

static void
update_choices (AmArticleView *self)
{
  GtkWidget *child;
  guint n = self->choices ? g_strv_length (self->choices) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_box))))
    gtk_flow_box_remove (self->choices_box, child);

  for (guint i = 0; i < n; i++)
    gtk_flow_box_append (self->choices_box, choice_new (self, self->choices[i]));

  /* One item needs no choice; the bar only appears when a sentence is shared. */
  gtk_revealer_set_reveal_child (self->choices_revealer, n > 1);
}

static void
clear_choices (AmArticleView *self)
{
  g_clear_pointer (&self->choices, g_strfreev);
  update_choices (self);
}

static void
close_choices_cb (AmArticleView *self)
{
  clear_choices (self);
}

/* Input */

static void
set_hover (AmArticleView        *self,
           const AmEvidenceSpan *span)
{
  GtkTextBuffer *buffer = get_buffer (self);
  GtkTextIter start, end;

  /* Motion events come by the hundred: do nothing unless the sentence changed. */
  if (span == NULL && !self->has_hover)
    return;
  if (span != NULL && self->has_hover && memcmp (span, &self->hover, sizeof *span) == 0)
    return;

  if (self->has_hover && span_range (self, &self->hover, &start, &end))
    gtk_text_buffer_remove_tag (buffer, self->hover_tag, &start, &end);
  self->has_hover = FALSE;

  if (span != NULL && span_range (self, span, &start, &end))
    {
      gtk_text_buffer_apply_tag (buffer, self->hover_tag, &start, &end);
      self->hover = *span;
      self->has_hover = TRUE;
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view), span ? "pointer" : "text");
}

static void
motion_cb (AmArticleView            *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  guint paragraph;
  gsize offset;

  if (position_at (self, x, y, &paragraph, &offset))
    set_hover (self, marked_span_at (self, paragraph, offset));
  else
    set_hover (self, NULL);
}

static void
leave_cb (AmArticleView            *self,
          GtkEventControllerMotion *controller)
{
  set_hover (self, NULL);
}

static void
pressed_cb (AmArticleView   *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  self->press_x = x;
  self->press_y = y;
}

static void
released_cb (AmArticleView   *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  guint paragraph;
  gsize offset;

  /* Double and triple clicks select words and lines as usual.  On release, not on
   * press: a press that goes on to drag selects words to annotate, and must not change
   * the selected item (the words may be evidence for it). */
  if (n_press != 1 || hypot (x - self->press_x, y - self->press_y) > 4.0
      || gtk_text_buffer_get_has_selection (get_buffer (self))
      || !position_at (self, x, y, &paragraph, &offset))
    return;

  am_article_view_activate_at (self, paragraph, offset);
}

/* Annotating: the words selected in the text become an actor, an alias, a relation, a
 * statement or a piece of evidence.  The text view's own context menu (right click,
 * Menu, Shift+F10) carries the choices as its extra menu; they act through the
 * "article.*" actions below. */

/* The selected words as paragraph and byte range, snapped to whole words
 * (am_word_snap); FALSE when nothing of a paragraph is selected.  A selection over
 * several paragraphs keeps to its first. */
static gboolean
selected_span (AmArticleView  *self,
               AmEvidenceSpan *span)
{
  GtkTextIter start, end;
  int line;
  gsize length, from, to;

  if (self->index == NULL
      || !gtk_text_buffer_get_selection_bounds (get_buffer (self), &start, &end))
    return FALSE;

  line = gtk_text_iter_get_line (&start);
  if (line < 0 || (guint) line >= self->line_paragraphs->len
      || g_array_index (self->line_paragraphs, int, line) < 0)
    return FALSE;

  span->paragraph = g_array_index (self->line_paragraphs, int, line);
  length = g_array_index (self->paragraph_lengths, gsize, span->paragraph);
  from = gtk_text_iter_get_line_index (&start);
  to = gtk_text_iter_get_line (&end) == line ? (gsize) gtk_text_iter_get_line_index (&end) : length;

  if (!am_word_snap (paragraph_text (self, span->paragraph), length, &from, &to))
    return FALSE;

  span->start = from;
  span->end = to;

  return TRUE;
}

static void
add_actor (GPtrArray  *actors,
           const char *id)
{
  if (id != NULL && !g_ptr_array_find_with_equal_func (actors, id, g_str_equal, NULL))
    g_ptr_array_add (actors, (gpointer) id);
}

static void
add_actors (GPtrArray          *actors,
            const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    add_actor (actors, ids[i]);
}

/* The actors the sentence at @span names: those it is evidence for, and those of the
 * relations and statements it supports, the most specific first. (transfer container,
 * the ids belong to the shown document) */
static GPtrArray *
actors_in_sentence (AmArticleView        *self,
                    const AmEvidenceSpan *span)
{
  g_auto(GStrv) items = am_evidence_index_items_at (self->index, span->paragraph, span->start);
  AmDocument *document = shown_document (self);
  GPtrArray *actors = g_ptr_array_new ();

  for (guint i = 0; items[i] != NULL; i++)
    switch (_am_ui_item_type (document, items[i]))
      {
      case AM_ITEM_ENTITY:
        add_actor (actors, am_entity_get_id (am_document_lookup_entity (document, items[i])));
        break;

      case AM_ITEM_RELATION:
        {
          AmRelation *relation = am_document_lookup_relation (document, items[i]);

          add_actor (actors, am_relation_get_source (relation));
          add_actor (actors, am_relation_get_target (relation));
        }
        break;

      case AM_ITEM_STATEMENT:
        {
          AmStatement *statement = am_document_lookup_statement (document, items[i]);

          add_actor (actors, am_statement_get_speaker (statement));
          add_actors (actors, am_statement_get_about (statement));
          add_actors (actors, am_statement_get_addressees (statement));
        }
        break;

      case AM_ITEM_NONE:
      default:
        break;
      }

  return actors;
}

static gboolean
can_annotate (AmArticleView *self)
{
  AmEvidenceSpan span;

  return self->session != NULL && shown_document (self) == get_document (self)
         && selected_span (self, &span);
}

static void
update_annotate_actions (AmArticleView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean can = can_annotate (self);
  const char *selection = get_selection (self);

  gtk_widget_action_set_enabled (widget, "article.new-actor", can);
  gtk_widget_action_set_enabled (widget, "article.add-alias", can);
  gtk_widget_action_set_enabled (widget, "article.new-relation", can);
  gtk_widget_action_set_enabled (widget, "article.add-relation", can);
  gtk_widget_action_set_enabled (widget, "article.new-statement", can);
  gtk_widget_action_set_enabled (widget, "article.add-statement", can);
  gtk_widget_action_set_enabled (widget, "article.add-evidence", can && selection != NULL);
}

/* The last item of the menu names the item the words would be evidence for. */
static void
update_evidence_item (AmArticleView *self)
{
  AmDocument *document = shown_document (self);
  const char *selection = get_selection (self);
  guint n = g_menu_model_get_n_items (G_MENU_MODEL (self->annotate_section));
  g_autofree char *label = NULL;

  if (n == 0)
    return;

  if (selection != NULL && _am_ui_document_has_id (document, selection))
    {
      g_autofree char *name = _am_ui_describe_item (document, selection, 32);

      /* Translators: an item of the article's context menu; %s names the selected actor,
       * relation or statement */
      label = g_strdup_printf (_("Add as _Evidence to %s"), name);
    }
  else
    /* Translators: an item of the article's context menu (disabled: nothing is selected) */
    label = g_strdup (_("Add as _Evidence to the Selected Item"));

  g_menu_remove (self->annotate_section, n - 1);
  g_menu_append (self->annotate_section, label, "article.add-evidence");
}

/* The extra menu of the text view, made again for each document: the aliases submenu
 * lists its actors. */
static void
update_annotate_menu (AmArticleView *self)
{
  AmDocument *document = shown_document (self);
  g_autoptr(GMenu) kinds = g_menu_new ();
  g_autoptr(GMenu) actors = g_menu_new ();
  g_autoptr(GPtrArray) sorted = NULL;

  g_menu_remove_all (self->annotate_section);
  if (document == NULL || am_document_get_n_paragraphs (document) == 0)
    return;

  for (guint kind = 0; kind < AM_N_ENTITY_KINDS; kind++)
    {
      g_autoptr(AmEntity) probe = g_object_new (AM_TYPE_ENTITY, "kind", kind, NULL);
      g_autofree char *label = _am_ui_kind_label (probe);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "article.new-actor",
                                               g_variant_new_string (am_entity_kind_to_string (kind)));
      g_menu_append_item (kinds, item);
    }
  /* Translators: a submenu of the article's context menu: the selected words become a new
   * actor of the kind chosen */
  g_menu_append_submenu (self->annotate_section, _("New _Actor"), G_MENU_MODEL (kinds));

  sorted = _am_edit_sorted_actors (document, NULL);
  for (guint i = 0; i < sorted->len; i++)
    {
      AmEntity *entity = g_ptr_array_index (sorted, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (am_entity_get_name (entity), NULL);

      g_menu_item_set_action_and_target_value (item, "article.add-alias",
                                               g_variant_new_string (am_entity_get_id (entity)));
      g_menu_append_item (actors, item);
    }
  /* Translators: a submenu of the article's context menu: the selected words become
   * another name of the actor chosen */
  g_menu_append_submenu (self->annotate_section, _("Add as A_lias of"), G_MENU_MODEL (actors));

  /* Translators: an item of the article's context menu */
  g_menu_append (self->annotate_section, _("New _Relation…"), "article.new-relation");
  /* Translators: an item of the article's context menu */
  g_menu_append (self->annotate_section, _("New _Statement…"), "article.new-statement");
  /* Named by update_evidence_item(). */
  g_menu_append (self->annotate_section, "", "article.add-evidence");
  update_evidence_item (self);
}

/* The selected words as evidence, or NULL (after the error bell) when there are none. */
static AmEvidence *
take_evidence (AmArticleView *self)
{
  AmEvidence *evidence = am_article_view_dup_selected_evidence (self);

  if (evidence == NULL)
    gtk_widget_error_bell (GTK_WIDGET (self));

  return evidence;
}

/* The edits, one action each: "article.new-actor" ("s", a kind), "article.add-alias"
 * ("s", an actor), "article.add-relation" ("(sssb)": source, target, label, directed),
 * "article.add-statement" ("(ssb)": speaker, words, quoted) and "article.add-evidence"
 * (to the selected item).  The selected words are the evidence (and the new actor's name
 * or alias); what an edit makes (or adds to) is then selected from here, so the text
 * stays where the reader is.  A refused edit is told. */
static void
annotate_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AmArticleView *self = AM_ARTICLE_VIEW (widget);
  g_autoptr(AmEvidence) evidence = take_evidence (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *words;

  if (evidence == NULL)
    return;

  words = am_evidence_get_text (evidence);

  if (g_str_equal (action_name, "article.new-actor"))
    {
      AmEntityKind kind = am_entity_kind_from_string (g_variant_get_string (parameter, NULL));

      id = am_session_add_actor (self->session, words, kind, evidence, &error);
    }
  else if (g_str_equal (action_name, "article.add-alias"))
    {
      const char *entity = g_variant_get_string (parameter, NULL);

      if (am_session_add_alias (self->session, entity, words, evidence, &error))
        id = g_strdup (entity);
    }
  else if (g_str_equal (action_name, "article.add-relation"))
    {
      const char *source, *target, *label;
      gboolean directed;

      g_variant_get (parameter, "(&s&s&sb)", &source, &target, &label, &directed);
      id = am_session_add_relation (self->session, source, target, label, NULL, directed,
                                    evidence, &error);
    }
  else if (g_str_equal (action_name, "article.add-statement"))
    {
      const char *speaker, *text;
      gboolean quoted;

      g_variant_get (parameter, "(&s&sb)", &speaker, &text, &quoted);
      id = am_session_add_statement (self->session, speaker, text, quoted, evidence, &error);
    }
  else
    {
      g_autofree char *item = g_strdup (get_selection (self));

      if (item == NULL)
        return;
      am_session_add_evidence (self->session, item, evidence, &error);
    }

  if (error != NULL)
    _am_edit_report_error (GTK_WIDGET (self), error);
  else if (id != NULL)
    am_session_select (self->session, id, AM_SELECTION_ORIGIN_ARTICLE);
}

/* The dialogs behind "New Relation…" and "New Statement…": a form, then the action
 * above with what it says.  The selection may change while the dialog is open, so the
 * dialog keeps the span it was opened for and puts it back before acting. */

typedef struct
{
  AmArticleView  *self;       /* a reference */
  AmEvidenceSpan  span;
  GtkWidget      *first;      /* source or speaker */
  GtkWidget      *second;     /* target, or NULL */
  GtkWidget      *entry;      /* label or text */
  GtkWidget      *check;      /* directed or quoted */
} FormData;

static void
form_data_free (FormData *data)
{
  g_clear_object (&data->self);
  g_free (data);
}

static void
form_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  FormData         *data)
{
  AmArticleView *self = data->self;
  const char *first = _am_edit_actor_dropdown_get_id (data->first);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (data->entry));
  gboolean check = gtk_check_button_get_active (GTK_CHECK_BUTTON (data->check));

  if (g_strcmp0 (response, "create") != 0 || self->session == NULL || first == NULL)
    return;

  if (!am_article_view_select_text (self, data->span.paragraph, data->span.start, data->span.end))
    return;

  if (data->second != NULL)
    {
      const char *second = _am_edit_actor_dropdown_get_id (data->second);

      if (second != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "article.add-relation", "(sssb)",
                                    first, second, text, check);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "article.add-statement", "(ssb)",
                                first, text, check);
}

static gboolean
is_quote_mark (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
}

/* The words without the quotation marks around them, if any. (transfer full) */
static char *
strip_quotes (const char *text,
              gboolean   *had_quotes)
{
  const char *end = text + strlen (text);
  const char *last;

  *had_quotes = FALSE;
  if (end == text || !is_quote_mark (g_utf8_get_char (text)))
    return g_strdup (text);

  last = g_utf8_find_prev_char (text, end);
  text = g_utf8_next_char (text);
  if (last >= text && is_quote_mark (g_utf8_get_char (last)))
    end = last;
  /* Punctuation inside the closing mark stays with the words. */
  *had_quotes = TRUE;

  return g_strstrip (g_strndup (text, end - text));
}

static void
open_form (AmArticleView *self,
           gboolean       relation)
{
  g_autoptr(AmEvidence) evidence = take_evidence (self);
  g_autoptr(GPtrArray) mentioned = NULL;
  AmDocument *document = shown_document (self);
  const char *selection = get_selection (self);
  const char *first_id = NULL, *second_id = NULL;
  g_autofree char *text = NULL;
  gboolean quoted = FALSE;
  AdwMessageDialog *dialog;
  GtkWidget *box;
  FormData *data;

  if (evidence == NULL)
    return;

  data = g_new0 (FormData, 1);
  data->self = g_object_ref (self);
  selected_span (self, &data->span);

  /* The actors this sentence already names come first, then the selected actor. */
  mentioned = actors_in_sentence (self, &data->span);
  if (_am_ui_item_type (document, selection) == AM_ITEM_ENTITY)
    add_actor (mentioned, selection);
  first_id = mentioned->len > 0 ? g_ptr_array_index (mentioned, 0) : NULL;
  second_id = mentioned->len > 1 ? g_ptr_array_index (mentioned, 1) : NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  data->first = _am_edit_actor_dropdown_new (document, first_id, NULL, NULL);

  if (relation)
    {
      text = g_strdup (am_evidence_get_text (evidence));
      data->second = _am_edit_actor_dropdown_new (document, second_id, NULL, NULL);
      /* Translators: the first actor of a new relation */
      gtk_box_append (GTK_BOX (box), _am_edit_form_field (_("_From"), data->first));
      /* Translators: the second actor of a new relation */
      gtk_box_append (GTK_BOX (box), _am_edit_form_field (_("_To"), data->second));
      /* Translators: a check box in the New Relation dialog */
      data->check = gtk_check_button_new_with_mnemonic (_("_One way, from the first to the second"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (data->check), TRUE);
    }
  else
    {
      text = strip_quotes (am_evidence_get_text (evidence), &quoted);
      /* Translators: who made a new statement */
      gtk_box_append (GTK_BOX (box), _am_edit_form_field (_("_Speaker"), data->first));
      /* Translators: a check box in the New Statement dialog */
      data->check = gtk_check_button_new_with_mnemonic (_("_Quoted word for word"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (data->check), quoted);
    }

  data->entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (data->entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (data->entry), TRUE);
  gtk_box_append (GTK_BOX (box),
                  _am_edit_form_field (relation
                                       /* Translators: the label of a new relation ("met") */
                                       ? _("_Label")
                                       /* Translators: the words of a new statement */
                                       : _("_Words"),
                                       data->entry));
  gtk_box_append (GTK_BOX (box), data->check);

  dialog = _am_edit_dialog_new (GTK_WIDGET (self),
                                relation
                                /* Translators: the heading of a dialog */
                                ? _("New Relation")
                                /* Translators: the heading of a dialog */
                                : _("New Statement"),
                                NULL, "create",
                                /* Translators: the button that makes a new relation or statement */
                                _("C_reate"), FALSE, box);
  g_signal_connect_data (dialog, "response", G_CALLBACK (form_response_cb), data,
                         (GClosureNotify) form_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_relation_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  open_form (AM_ARTICLE_VIEW (widget), TRUE);
}

static void
new_statement_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  open_form (AM_ARTICLE_VIEW (widget), FALSE);
}

/* Following the session */

static void
document_changed_cb (AmArticleView *self)
{
  if (!sync_text (self))
    return;

  update_highlight (self);
  update_choices (self);
}

static void
selection_changed_cb (AmArticleView *self)
{
  const char *id = get_selection (self);

  sync_text (self);
  update_highlight (self);
  update_evidence_item (self);
  update_annotate_actions (self);

  /* The bar stays while the selection is one of its choices. */
  if (self->choices != NULL
      && (id == NULL || !g_strv_contains ((const char * const *) self->choices, id)))
    clear_choices (self);
  else
    update_choices (self);
}

/* The chips of the bar name only what the view shows; the bar goes when none is left. */
static void
filter_choices (AmArticleView *self)
{
  if (self->choices == NULL)
    return;

  if (keep_shown (self, self->choices) == 0)
    clear_choices (self);
  else
    update_choices (self);
}

/* The view changed (or was made again for a new document): the marks, the faint marks
 * of the selection's story and the bar follow.  Nothing else runs per view. */
static void
view_result_changed_cb (AmArticleView *self)
{
  AmViewResult *result = self->session != NULL ? am_session_get_view_result (self->session) : NULL;

  /* A new document is marked by sync_text() itself. */
  if (!sync_text (self))
    {
      if (result == self->view_result)
        return;
      update_marks (self);
    }

  /* The selection did not change: the text stays where the reader is. */
  highlight_selection (self, FALSE);
  filter_choices (self);
}

/* The selected item chosen again elsewhere (the list, the map): bring its evidence
 * back into view, as a new selection would. */
static void
reveal_cb (AmArticleView     *self,
           const char        *id,
           AmSelectionOrigin  origin)
{
  if (origin != AM_SELECTION_ORIGIN_ARTICLE)
    update_highlight (self);
}

/* A chip of the bar of choices. */
static void
select_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AmArticleView *self = AM_ARTICLE_VIEW (widget);

  if (self->session != NULL)
    am_session_select (self->session, g_variant_get_string (parameter, NULL),
                       AM_SELECTION_ORIGIN_ARTICLE);
}

/* GObject */

static void
am_article_view_dispose (GObject *object)
{
  AmArticleView *self = AM_ARTICLE_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_ARTICLE_VIEW);
  /* dispose_template() only unparents the children it bound; the root box is not one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  /* The group disconnects from the session as it goes. */
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_pointer (&self->index, am_evidence_index_unref);
  g_clear_pointer (&self->view_result, am_view_result_unref);
  g_clear_pointer (&self->marked_spans, g_array_unref);

  G_OBJECT_CLASS (am_article_view_parent_class)->dispose (object);
}

static void
am_article_view_finalize (GObject *object)
{
  AmArticleView *self = AM_ARTICLE_VIEW (object);

  g_clear_pointer (&self->choices, g_strfreev);
  g_clear_pointer (&self->paragraph_lengths, g_array_unref);
  g_clear_pointer (&self->paragraph_lines, g_array_unref);
  g_clear_pointer (&self->line_paragraphs, g_array_unref);
  g_clear_object (&self->annotate_menu);
  g_clear_object (&self->annotate_section);

  G_OBJECT_CLASS (am_article_view_parent_class)->finalize (object);
}

static void
am_article_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AmArticleView *self = AM_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_article_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AmArticleView *self = AM_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DARK:
      am_article_view_set_dark (self, g_value_get_boolean (value));
      break;

    case PROP_SESSION:
      am_article_view_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_article_view_class_init (AmArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_article_view_dispose;
  object_class->finalize = am_article_view_finalize;
  object_class->get_property = am_article_view_get_property;
  object_class->set_property = am_article_view_set_property;

  properties [PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SESSION] = am_session_param_spec ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "article.select", "s", select_action_cb);
  gtk_widget_class_install_action (widget_class, "article.new-actor", "s", annotate_action_cb);
  gtk_widget_class_install_action (widget_class, "article.add-alias", "s", annotate_action_cb);
  gtk_widget_class_install_action (widget_class, "article.add-relation", "(sssb)",
                                   annotate_action_cb);
  gtk_widget_class_install_action (widget_class, "article.add-statement", "(ssb)",
                                   annotate_action_cb);
  gtk_widget_class_install_action (widget_class, "article.add-evidence", NULL, annotate_action_cb);
  gtk_widget_class_install_action (widget_class, "article.new-relation", NULL, new_relation_action_cb);
  gtk_widget_class_install_action (widget_class, "article.new-statement", NULL,
                                   new_statement_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "amarticleview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AmArticleView, choices_box);
  gtk_widget_class_bind_template_child (widget_class, AmArticleView, choices_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmArticleView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AmArticleView, hint_label);
  gtk_widget_class_bind_template_child (widget_class, AmArticleView, stack);
  gtk_widget_class_bind_template_child (widget_class, AmArticleView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, close_choices_cb);
}

static void
am_article_view_init (AmArticleView *self)
{
  GtkTextBuffer *buffer;
  GtkEventController *motion;
  GtkGesture *click;
  GtkTextIter start;

  self->paragraph_lengths = g_array_new (FALSE, TRUE, sizeof (gsize));
  self->paragraph_lines = g_array_new (FALSE, TRUE, sizeof (int));
  self->line_paragraphs = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = get_buffer (self);
  /* Later tags win: the selection's highlight paints over the hover and the underline. */
  self->paragraph_tag = gtk_text_buffer_create_tag (buffer, "paragraph",
                                                    "pixels-below-lines", 12,
                                                    NULL);
  self->title_tag = gtk_text_buffer_create_tag (buffer, "title",
                                                "weight", PANGO_WEIGHT_BOLD,
                                                "scale", 1.4,
                                                "pixels-below-lines", 4,
                                                NULL);
  self->meta_tag = gtk_text_buffer_create_tag (buffer, "meta",
                                               "scale", PANGO_SCALE_SMALL,
                                               "pixels-below-lines", 16,
                                               NULL);
  self->evidence_tag = gtk_text_buffer_create_tag (buffer, "evidence",
                                                   "underline", PANGO_UNDERLINE_SINGLE,
                                                   NULL);
  self->hover_tag = gtk_text_buffer_create_tag (buffer, "hover", NULL);
  self->related_tag = gtk_text_buffer_create_tag (buffer, "related", NULL);
  self->selected_tag = gtk_text_buffer_create_tag (buffer, "selected", NULL);

  gtk_text_buffer_get_start_iter (buffer, &start);
  self->scroll_mark = gtk_text_buffer_create_mark (buffer, NULL, &start, TRUE);

  update_tag_colors (self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  /* The capture phase sees the press before the text view's own gesture claims it
   * for text selection; this one never claims, so selecting text still works. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);

  self->session_signals = g_signal_group_new (AM_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::document",
                                 G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::selection",
                                 G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::view-result",
                                 G_CALLBACK (view_result_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "reveal",
                                 G_CALLBACK (reveal_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.select", FALSE);

  self->annotate_menu = g_menu_new ();
  self->annotate_section = g_menu_new ();
  g_menu_append_section (self->annotate_menu, NULL, G_MENU_MODEL (self->annotate_section));
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (self->annotate_menu));
  g_signal_connect_object (buffer, "notify::has-selection",
                           G_CALLBACK (update_annotate_actions), self, G_CONNECT_SWAPPED);

  rebuild_text (self, NULL);
  update_annotate_actions (self);
}

/* Public API */

GtkWidget *
am_article_view_new (void)
{
  return g_object_new (AM_TYPE_ARTICLE_VIEW, NULL);
}

AmSession *
am_article_view_get_session (AmArticleView *self)
{
  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), NULL);

  return self->session;
}

void
am_article_view_set_session (AmArticleView *self,
                             AmSession     *session)
{
  g_return_if_fail (AM_IS_ARTICLE_VIEW (self));
  if (!am_session_set_slot (&self->session, self->session_signals, session))
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.select", session != NULL);

  clear_choices (self);
  if (!sync_text (self))
    update_marks (self);
  update_highlight (self);
  update_annotate_menu (self);
  update_annotate_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

gboolean
am_article_view_get_dark (AmArticleView *self)
{
  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), FALSE);

  return self->dark;
}

void
am_article_view_set_dark (AmArticleView *self,
                          gboolean       dark)
{
  g_return_if_fail (AM_IS_ARTICLE_VIEW (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  update_tag_colors (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DARK]);
}

gboolean
am_article_view_activate_at (AmArticleView *self,
                             guint          paragraph,
                             gssize         offset)
{
  g_auto(GStrv) found = NULL;
  g_autofree char *chosen = NULL;
  const char *selection;
  guint n, next;

  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), FALSE);

  sync_text (self);

  if (self->index == NULL || paragraph >= self->paragraph_lengths->len || offset < 0)
    return FALSE;

  /* The most specific first: a sentence usually quotes a statement, states a relation
   * and names actors, and the reader who clicks it most likely means the first.  Only
   * what the view shows: a click never selects what the map hides. */
  found = am_article_view_dup_items_at (self, paragraph, offset);
  n = g_strv_length (found);
  if (n == 0)
    {
      clear_choices (self);
      return FALSE;
    }

  /* Clicking the same sentence again moves on to the next thing it supports. */
  selection = get_selection (self);
  next = 0;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (found[i], selection) == 0)
      next = (i + 1) % n;
  chosen = g_strdup (found[next]);

  g_clear_pointer (&self->choices, g_strfreev);
  self->choices = g_steal_pointer (&found);

  /* The bar follows from notify::selection: it shows the choices, the current one
   * marked. */
  am_session_select (self->session, chosen, AM_SELECTION_ORIGIN_ARTICLE);

  return TRUE;
}

void
am_article_view_reveal (AmArticleView *self,
                        guint          paragraph,
                        gssize         offset)
{
  GtkTextIter iter;

  g_return_if_fail (AM_IS_ARTICLE_VIEW (self));

  if (am_article_view_get_iter (self, paragraph, offset, &iter))
    scroll_to (self, &iter, TRUE);
}

gboolean
am_article_view_is_marked (AmArticleView *self,
                           guint          paragraph,
                           gssize         offset)
{
  GtkTextIter iter;

  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), FALSE);

  sync_text (self);

  return am_article_view_get_iter (self, paragraph, offset, &iter)
      && gtk_text_iter_has_tag (&iter, self->evidence_tag);
}

char **
am_article_view_dup_items_at (AmArticleView *self,
                              guint          paragraph,
                              gssize         offset)
{
  char **found;

  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), NULL);

  sync_text (self);

  if (self->index == NULL || paragraph >= self->paragraph_lengths->len || offset < 0)
    return g_new0 (char *, 1);

  found = am_evidence_index_items_at (self->index, paragraph, offset);
  keep_shown (self, found);

  return found;
}

GtkTextView *
am_article_view_get_text_view (AmArticleView *self)
{
  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), NULL);

  return self->text_view;
}

gboolean
am_article_view_is_highlighted (AmArticleView *self,
                                guint          paragraph,
                                gssize         offset)
{
  GtkTextIter iter;

  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), FALSE);

  return am_article_view_get_iter (self, paragraph, offset, &iter)
      && gtk_text_iter_has_tag (&iter, self->selected_tag);
}

const char * const *
am_article_view_get_choices (AmArticleView *self)
{
  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), NULL);

  return (const char * const *) self->choices;
}

gboolean
am_article_view_select_text (AmArticleView *self,
                             guint          paragraph,
                             gsize          start,
                             gsize          end)
{
  GtkTextIter from, to;

  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), FALSE);

  sync_text (self);

  if (start > end || start > G_MAXSSIZE || end > G_MAXSSIZE
      || !am_article_view_get_iter (self, paragraph, start, &from)
      || !am_article_view_get_iter (self, paragraph, end, &to))
    return FALSE;

  gtk_text_buffer_select_range (get_buffer (self), &from, &to);

  return TRUE;
}

AmEvidence *
am_article_view_dup_selected_evidence (AmArticleView *self)
{
  AmEvidenceSpan span;
  g_autofree char *text = NULL;

  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), NULL);

  sync_text (self);

  if (!selected_span (self, &span))
    return NULL;

  /* Verbatim from the document's paragraph, not from the buffer, which shows line
   * breaks as spaces. */
  text = g_strndup (paragraph_text (self, span.paragraph) + span.start, span.end - span.start);

  return am_evidence_new (span.paragraph, text, span.start);
}
