/* am-article-view.h — the article's text, with the evidence of the selection marked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "am-session.h"

G_BEGIN_DECLS

#define AM_TYPE_ARTICLE_VIEW (am_article_view_get_type ())

G_DECLARE_FINAL_TYPE (AmArticleView, am_article_view, AM, ARTICLE_VIEW, GtkWidget)

/*
 * Shows the title, publisher, date and paragraphs of the session's document.  Every
 * evidence sentence of an item the session's view ("view-result") shows is marked —
 * with the whole map, every one; the sentences of the session's selection are
 * highlighted and, unless the selection came from this text, scrolled to.  Clicking a
 * sentence selects (origin ARTICLE) what it supports and the view shows: statements
 * first, then relations, then actors; clicking it again moves on to the next, and a bar
 * under the text lists them all (its chips select through the "article.select" action,
 * parameter "s").
 * Properties: "session" (AmSession, nullable), "dark".
 */
GtkWidget   *am_article_view_new           (void);
AmSession   *am_article_view_get_session   (AmArticleView *self);
void         am_article_view_set_session   (AmArticleView *self,
                                            AmSession     *session);
gboolean     am_article_view_get_dark      (AmArticleView *self);
void         am_article_view_set_dark      (AmArticleView *self,
                                            gboolean       dark);

/* The seam the click gesture calls: select what the sentence at byte @offset of
 * @paragraph supports.  Returns FALSE when no evidence lies there (or @offset is
 * negative, or there is no session); the selection then stays. */
gboolean     am_article_view_activate_at   (AmArticleView *self,
                                            guint          paragraph,
                                            gssize         offset);
/* Scrolls so that byte @offset of @paragraph is in view. */
void         am_article_view_reveal        (AmArticleView *self,
                                            guint          paragraph,
                                            gssize         offset);

/* Annotating.  The text view's context menu (right click, Menu, Shift+F10) offers, for
 * the selected words: "article.new-actor" ("s", a kind such as "person"; the name is the
 * words), "article.add-alias" ("s", an actor id), "article.new-relation" and
 * "article.new-statement" (dialogs that end in "article.add-relation" "(sssb)": source,
 * target, label, directed; and "article.add-statement" "(ssb)": speaker, words, quoted),
 * and "article.add-evidence" (to the session's selection).  Each is one session edit
 * whose evidence is the selection snapped to whole words (am_word_snap); a new item is
 * then selected.  The actions are disabled while no words are selected. */

/* Selects bytes [@start, @end) of @paragraph in the text (as a mouse would); FALSE when
 * out of range. */
gboolean     am_article_view_select_text   (AmArticleView *self,
                                            guint          paragraph,
                                            gsize          start,
                                            gsize          end);
/* The selected words as evidence: the paragraph of the selection's start, and the words
 * it touches there, verbatim.  NULL when no words are selected. (transfer full) */
AmEvidence  *am_article_view_dup_selected_evidence (AmArticleView *self);

/* For tests and accessibility checks. */
GtkTextView *am_article_view_get_text_view (AmArticleView *self);
/* The buffer position of byte @offset of @paragraph; FALSE when out of range. */
gboolean     am_article_view_get_iter      (AmArticleView *self,
                                            guint          paragraph,
                                            gssize         offset,
                                            GtkTextIter   *iter);
/* Whether that position is highlighted as evidence of the selected item. */
gboolean     am_article_view_is_highlighted (AmArticleView *self,
                                             guint          paragraph,
                                             gssize         offset);
/* Whether byte @offset of @paragraph is marked as evidence (underlined, and a click
 * there selects something): some item the session's view shows rests on it.  Under a
 * view that hides items, a sentence that supports only hidden ones is plain text. */
gboolean     am_article_view_is_marked     (AmArticleView *self,
                                            guint          paragraph,
                                            gssize         offset);
/* What a click at byte @offset of @paragraph goes through: the items whose evidence
 * covers it and that the view shows, the most specific first (statements, relations,
 * actors).  Empty where nothing is marked.  (transfer full) NULL-terminated, never NULL */
char       **am_article_view_dup_items_at  (AmArticleView *self,
                                            guint          paragraph,
                                            gssize         offset);
/* The items the last clicked sentence supports, in the order clicks go through them.
 * (transfer none) (nullable) */
const char * const *am_article_view_get_choices (AmArticleView *self);

G_END_DECLS
