/* am-model-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-model-error.h"

G_DEFINE_QUARK (am-model-error-quark, am_model_error)
