/* am-extract.h — offline suggestions: a draft map read from an article's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "am-core.h"

G_BEGIN_DECLS

/**
 * am_extract_suggest:
 * @document: a document with an article (its paragraphs are read)
 * @cancellable: (nullable)
 * @error: G_IO_ERROR_CANCELLED, or an error reading the iso-codes state names, or
 *   AM_MODEL_ERROR if the result does not validate (a bug)
 *
 * Proposes actors (people, organisations, media, states), statements (direct quotes and
 * reported speech, with speaker, addressees and who reported them) and relations (titles,
 * appositions, possessives, actor–verb–actor sentences) for @document's article.  Every
 * proposed item has status %AM_STATUS_SUGGESTED and evidence copied verbatim from a
 * paragraph.  What @document already has is skipped: an actor whose name or alias equals
 * a proposed actor's name or alias (case and spaces folded) is used instead of a new one,
 * and a statement with the same evidence is not proposed again.
 *
 * Thread-safe (the session runs it on a worker); never touches the network.
 *
 * Returns: (transfer full) (nullable): a new document = @document + the suggested items
 */
AmDocument *am_extract_suggest (AmDocument    *document,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
