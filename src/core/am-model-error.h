/* am-model-error.h — the error domain of the core layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AM_MODEL_ERROR (am_model_error_quark ())

/**
 * AmModelError:
 * @AM_MODEL_ERROR_NOT_REGULAR: a FIFO, directory, device…; nothing was read
 * @AM_MODEL_ERROR_EMPTY: zero bytes, or only white space / a BOM
 * @AM_MODEL_ERROR_TOO_LARGE: over the size cap
 * @AM_MODEL_ERROR_NOT_UTF8: invalid UTF-8, or a NUL byte
 * @AM_MODEL_ERROR_TOO_DEEP: nesting deeper than the cap (checked before json-glib sees it)
 * @AM_MODEL_ERROR_SYNTAX: json-glib rejected the text, or it holds more than one value
 * @AM_MODEL_ERROR_INVALID_DOCUMENT: the top level is not an Actormap object
 * @AM_MODEL_ERROR_WRONG_TYPE: a member has the wrong JSON type
 * @AM_MODEL_ERROR_MISSING_FIELD: a required member is missing
 * @AM_MODEL_ERROR_INVALID_VALUE: right type, unusable value (empty id, bad date, inf…)
 * @AM_MODEL_ERROR_DUPLICATE_ID: two objects share an id
 * @AM_MODEL_ERROR_UNKNOWN_REFERENCE: an id that names no entity
 * @AM_MODEL_ERROR_EVIDENCE_RANGE: evidence paragraph index outside the article
 * @AM_MODEL_ERROR_EVIDENCE_MISMATCH: evidence text not found verbatim in its paragraph
 * @AM_MODEL_ERROR_IO: the file could not be read (the GIO message follows)
 */
typedef enum
{
  AM_MODEL_ERROR_NOT_REGULAR,
  AM_MODEL_ERROR_EMPTY,
  AM_MODEL_ERROR_TOO_LARGE,
  AM_MODEL_ERROR_NOT_UTF8,
  AM_MODEL_ERROR_TOO_DEEP,
  AM_MODEL_ERROR_SYNTAX,
  AM_MODEL_ERROR_INVALID_DOCUMENT,
  AM_MODEL_ERROR_WRONG_TYPE,
  AM_MODEL_ERROR_MISSING_FIELD,
  AM_MODEL_ERROR_INVALID_VALUE,
  AM_MODEL_ERROR_DUPLICATE_ID,
  AM_MODEL_ERROR_UNKNOWN_REFERENCE,
  AM_MODEL_ERROR_EVIDENCE_RANGE,
  AM_MODEL_ERROR_EVIDENCE_MISMATCH,
  AM_MODEL_ERROR_IO,
} AmModelError;

GQuark am_model_error_quark (void);

G_END_DECLS
