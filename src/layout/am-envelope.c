/* am-envelope.c — the frame every message between the app and the layout helper uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-layout-private.h"

#define ENVELOPE_TYPE "(suv)"

GBytes *
_am_envelope_wrap (const char *magic,
                   guint32     version,
                   GVariant   *payload)
{
  g_autoptr(GVariant) v = NULL;

  g_return_val_if_fail (magic != NULL, NULL);
  g_return_val_if_fail (payload != NULL, NULL);

  v = g_variant_ref_sink (g_variant_new (ENVELOPE_TYPE, magic, version, payload));

  return g_variant_get_data_as_bytes (v);
}

AmEnvelopeStatus
_am_envelope_open (GBytes     *bytes,
                   const char *magic,
                   guint32    *version,
                   GVariant  **payload)
{
  g_autoptr(GVariant) outer = NULL;
  const char *found_magic = NULL;

  g_return_val_if_fail (bytes != NULL, AM_ENVELOPE_MALFORMED);
  g_return_val_if_fail (magic != NULL, AM_ENVELOPE_MALFORMED);
  g_return_val_if_fail (version != NULL, AM_ENVELOPE_MALFORMED);
  g_return_val_if_fail (payload != NULL, AM_ENVELOPE_MALFORMED);

  *version = 0;
  *payload = NULL;

  /* Non-normal data would read back as silent defaults; refuse it instead.  This also
   * guarantees every string is valid UTF-8 and every array fits in the buffer. */
  outer = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ENVELOPE_TYPE),
                                                        bytes, FALSE));
  if (!g_variant_is_normal_form (outer))
    return AM_ENVELOPE_MALFORMED;

  g_variant_get (outer, "(&suv)", &found_magic, version, payload);
  if (!g_str_equal (found_magic, magic))
    {
      g_clear_pointer (payload, g_variant_unref);
      return AM_ENVELOPE_WRONG_MAGIC;
    }

  return AM_ENVELOPE_OK;
}
