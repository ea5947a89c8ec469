/* am-interchange-private.h — the importers behind am_interchange_import()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "am-interchange.h"

G_BEGIN_DECLS

/* Caps for XML networks, beyond the file size cap of am_document_read_file(). */
#define AM_XML_MAX_DEPTH      64        /* element nesting */
#define AM_XML_MAX_ELEMENTS   4000000   /* elements in one file */

/* Parses @bytes as XML with libxml2: no network, no DTD loaded or validated, entities
 * not substituted (an entity declaration is refused), no XInclude, nesting and element
 * caps.  Errors name @display_name and libxml2's line: "net.graphml: line 3: …".
 * (transfer full: xmlFreeDoc) */
xmlDoc     *_am_xml_read          (GBytes      *bytes,
                                   const char  *display_name,
                                   GError     **error);
/* The root element's local name is @name (namespace ignored). */
gboolean    _am_xml_root_is       (GBytes      *bytes,
                                   const char  *name);

AmDocument *_am_graphml_import    (GBytes      *bytes,
                                   const char  *display_name,
                                   GError     **error);
AmDocument *_am_gexf_import       (GBytes      *bytes,
                                   const char  *display_name,
                                   GError     **error);
/* @nodes (nullable): the nodes table, named @nodes_display_name in errors. */
AmDocument *_am_csv_import        (GBytes      *edges,
                                   const char  *display_name,
                                   GBytes      *nodes,
                                   const char  *nodes_display_name,
                                   GError     **error);
/* The first line of @bytes (BOM skipped) holds source and target columns. */
gboolean    _am_csv_sniff         (GBytes      *bytes);

G_END_DECLS
