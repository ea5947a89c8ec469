/* am-evidence.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-evidence.h"

/*
 * Immutable after am_evidence_new(): the fields are never written again, so an
 * AmEvidence may be shared between documents and threads.  The reference count is
 * atomic because a document is built on a worker thread and used on the main thread.
 */
struct _AmEvidence
{
  guint  paragraph;
  gssize offset;
  char  *text;
};

G_DEFINE_BOXED_TYPE (AmEvidence, am_evidence, am_evidence_ref, am_evidence_unref)

static void
am_evidence_clear (gpointer data)
{
  AmEvidence *self = data;

  g_clear_pointer (&self->text, g_free);
}

/**
 * am_evidence_new:
 * @paragraph: index into the article's paragraphs
 * @text: the words, copied verbatim from that paragraph
 * @offset: byte offset of @text in the paragraph, or -1 when unknown
 *
 * Returns: (transfer full): a new evidence value
 */
AmEvidence *
am_evidence_new (guint       paragraph,
                 const char *text,
                 gssize      offset)
{
  AmEvidence *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (offset >= -1, NULL);

  self = g_atomic_rc_box_new0 (AmEvidence);
  self->paragraph = paragraph;
  self->text = g_strdup (text);
  self->offset = offset;

  return self;
}

/**
 * am_evidence_ref:
 * Returns: (transfer full): @self
 */
AmEvidence *
am_evidence_ref (AmEvidence *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
am_evidence_unref (AmEvidence *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, am_evidence_clear);
}

guint
am_evidence_get_paragraph (const AmEvidence *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->paragraph;
}

/**
 * am_evidence_get_text:
 * Returns: (transfer none): the verbatim text
 */
const char *
am_evidence_get_text (const AmEvidence *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/**
 * am_evidence_get_offset:
 * Returns: the byte offset of the text in its paragraph, or -1 when the document
 *   has no article to check it against
 */
gssize
am_evidence_get_offset (const AmEvidence *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->offset;
}
