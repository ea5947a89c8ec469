/* fuzz-document.h — what the two document fuzz targets share
 *
 * Both targets feed untrusted bytes to something that makes an AmDocument and hold it
 * to the same promise: a document, or one error of the right domain whose message
 * starts with the display name and is valid UTF-8, with no warning or critical.
 * fuzz-document.c implements libFuzzer's entry points from a target's description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdint.h>
#include <stdlib.h>

#include "am-core.h"

G_BEGIN_DECLS

typedef struct
{
  const char   *name;                  /* "fuzz-load-document", in abort messages */
  const char   *display_name;          /* what every error message must start with */
  GQuark      (*error_domain) (void);
  const char   *error_domain_name;
  AmDocument *(*decode)   (GBytes      *bytes,
                           const char  *display_name,
                           GError     **error);
  /* Checks a document's own promises; calls fuzz_check(). */
  void        (*exercise) (AmDocument  *document);
} FuzzDocumentTarget;

/* Each target file defines this. */
extern const FuzzDocumentTarget fuzz_document_target;

/* Aborts with @what, naming the target, unless @condition holds. */
void fuzz_check (gboolean    condition,
                 const char *what);

int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

G_END_DECLS
