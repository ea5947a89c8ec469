/* am-interchange.h — networks from other programs: GraphML, GEXF and CSV in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each importer turns a file's bytes into an AmDocument of origin
 * %AM_DOCUMENT_ORIGIN_NETWORK, in process: XML is read with libxml2 with the network
 * off, no DTD loading and no entity expansion (am-xml-read.c), CSV by our own RFC 4180
 * reader.  Every error is AM_MODEL_ERROR and its message starts with the file's display
 * name, then the line when there is one: "net.graphml: line 12: edge 'e3' names an
 * unknown node 'n9'".  The writers (GEXF, GraphML, CSV, Web Annotations) are in the
 * render layer (am-export-network.h): they need the scene's positions and the theme.
 */
#pragma once

#include <gio/gio.h>

#include "am-document.h"

G_BEGIN_DECLS

typedef enum
{
  AM_INTERCHANGE_GRAPHML,   /* GraphML (yEd, Gephi, NetworkX, igraph, Cytoscape) */
  AM_INTERCHANGE_GEXF,      /* GEXF 1.2 and 1.3 (Gephi, NetworkX) */
  AM_INTERCHANGE_CSV,       /* an edge list, with an optional nodes table beside it */
} AmInterchangeFormat;

/* What @contents is, by content first (an XML root element <graphml> or <gexf>, a CSV
 * header with source and target columns), then by @name's extension (.graphml, .gexf,
 * .csv, .tsv).  FALSE for anything else (a JSON model, DOT).  @name may be NULL. */
gboolean     am_interchange_sniff       (const char          *name,
                                         GBytes              *contents,
                                         AmInterchangeFormat *format);
/* "GraphML", "GEXF", "CSV": for messages. */
const char  *am_interchange_format_name (AmInterchangeFormat  format);

/* Imports @bytes (read with am_document_read_file(): size-capped) as @format.
 * @file (nullable) is where they came from: a CSV edge list looks for its nodes table
 * beside it (am_interchange_csv_nodes_path()).  @display_name names the file in errors. */
AmDocument  *am_interchange_import      (AmInterchangeFormat  format,
                                         GBytes              *bytes,
                                         const char          *display_name,
                                         GFile               *file,
                                         GError             **error);

/* The nodes table that goes with a CSV edge list: "net.csv" → "net.nodes.csv".  The
 * CSV export writes both; the import reads the second when it exists. (transfer full) */
char        *am_interchange_csv_nodes_path (const char *edges_path);

G_END_DECLS
