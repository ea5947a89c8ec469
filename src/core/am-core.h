/* am-core.h — the core layer in one include
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-types.h"
#include "am-model-error.h"
#include "am-evidence.h"
#include "am-entity.h"
#include "am-relation.h"
#include "am-statement.h"
#include "am-document.h"
#include "am-document-builder.h"
#include "am-document-writer.h"
#include "am-file-write.h"
#include "am-object-copy.h"
#include "am-format.h"
#include "am-article-import.h"
#include "am-interchange.h"
