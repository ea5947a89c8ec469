/* am-evidence.h — one sentence of the article that a fact rests on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-types.h"

G_BEGIN_DECLS

#define AM_TYPE_EVIDENCE (am_evidence_get_type ())

/*
 * AmEvidence is an immutable, reference-counted boxed value: @paragraph is an index into
 * am_document_get_paragraphs() and @text is copied verbatim from that paragraph.  When a
 * document has an article, the loader has checked that @text occurs in the paragraph and
 * records where (@offset, in bytes); without an article @offset is -1.
 */
GType        am_evidence_get_type      (void) G_GNUC_CONST;
AmEvidence  *am_evidence_new           (guint       paragraph,
                                        const char *text,
                                        gssize      offset);
AmEvidence  *am_evidence_ref           (AmEvidence *self);
void         am_evidence_unref         (AmEvidence *self);
guint        am_evidence_get_paragraph (const AmEvidence *self);
const char  *am_evidence_get_text      (const AmEvidence *self);
gssize       am_evidence_get_offset    (const AmEvidence *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmEvidence, am_evidence_unref)

G_END_DECLS
