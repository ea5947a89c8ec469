/* am-evidence-index.h — which sentences of the article are evidence, and of what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "am-core.h"

G_BEGIN_DECLS

/* One evidence sentence: bytes [start, end) of a paragraph of the article. */
typedef struct
{
  guint paragraph;
  gsize start;
  gsize end;
} AmEvidenceSpan;

#define AM_TYPE_EVIDENCE_INDEX (am_evidence_index_get_type ())

typedef struct _AmEvidenceIndex AmEvidenceIndex;

GType                 am_evidence_index_get_type     (void) G_GNUC_CONST;

/*
 * The evidence of a document, read the other way round: from a place in the article to
 * the actors, relations and statements it supports.  Built once per document (it reads
 * every item once); asking what a byte supports then only looks at the evidence of that
 * byte's paragraph.  Immutable and ref-counted, so it may be built on a worker thread and
 * shared.
 *
 * Only evidence with a known position that lies inside its paragraph counts: that is
 * what the article pane can mark and what a click can reach.
 */
AmEvidenceIndex      *am_evidence_index_new          (AmDocument       *document);
AmEvidenceIndex      *am_evidence_index_ref          (AmEvidenceIndex  *self);
void                  am_evidence_index_unref        (AmEvidenceIndex  *self);

/* The document it was built from. (transfer none) */
AmDocument           *am_evidence_index_get_document (AmEvidenceIndex  *self);

/* Every evidence sentence once, by paragraph, then start, then end. (transfer none) */
const AmEvidenceSpan *am_evidence_index_get_spans    (AmEvidenceIndex  *self,
                                                      guint            *n_spans);

/* The shortest evidence sentence around byte @offset of @paragraph — the most specific
 * one — or NULL. (transfer none) (nullable) */
const AmEvidenceSpan *am_evidence_index_span_at      (AmEvidenceIndex  *self,
                                                      guint             paragraph,
                                                      gsize             offset);

/* The ids of everything whose evidence covers byte @offset of @paragraph: statements,
 * then relations, then actors (the most specific first), each in file order and each
 * once.  (transfer full) NULL-terminated, never NULL */
char                **am_evidence_index_items_at     (AmEvidenceIndex  *self,
                                                      guint             paragraph,
                                                      gsize             offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmEvidenceIndex, am_evidence_index_unref)

G_END_DECLS
