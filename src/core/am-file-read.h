/* am-file-read.h — the checked, capped read of a file (private to core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-document.h"

G_BEGIN_DECLS

/* Checks then reads @file: a regular file of at most AM_DOCUMENT_MAX_FILE_SIZE bytes.
 * Sets *@display_name (transfer full) in every case, for the caller's messages.
 * AM_MODEL_ERROR (NOT_REGULAR, TOO_LARGE, IO), or G_IO_ERROR_CANCELLED. */
GBytes *_am_file_read_checked (GFile         *file,
                               GCancellable  *cancellable,
                               char         **display_name,
                               GError       **error);

G_END_DECLS
