/* fuzz-document.c — libFuzzer's entry points for the document fuzz targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-document.h"

void
fuzz_check (gboolean    condition,
            const char *what)
{
  if (!condition)
    {
      g_printerr ("%s: broken promise: %s\n", fuzz_document_target.name, what);
      abort ();
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A warning or critical is a finding, as it is in the test suites. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const FuzzDocumentTarget *target = &fuzz_document_target;
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (target->display_name, ": ", NULL);
  g_autofree char *wrong_domain = g_strconcat ("error outside ", target->error_domain_name,
                                               NULL);
  AmDocument *document;

  document = target->decode (bytes, target->display_name, &error);

  if (document == NULL)
    {
      fuzz_check (error != NULL, "NULL without an error");
      fuzz_check (error->domain == target->error_domain (), wrong_domain);
      fuzz_check (g_str_has_prefix (error->message, prefix),
                  "message does not start with the file name");
      fuzz_check (g_utf8_validate (error->message, -1, NULL), "message is not UTF-8");
      return 0;
    }

  fuzz_check (error == NULL, "a document and an error");
  target->exercise (document);
  g_object_unref (document);

  return 0;
}
