/* am-export-network.h — the network itself as a file: GEXF, GraphML, CSV, the model
 * JSON, and the evidence as W3C Web Annotations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pictures (PNG, SVG, PDF) are am-export.h; these formats carry the data, for Gephi,
 * yEd, Cytoscape, NetworkX, igraph, spreadsheets and annotation tools.  Every file is
 * written atomically (am_file_write_atomic()): on failure the old file is intact.
 */
#pragma once

#include <gio/gio.h>

#include "am-core.h"
#include "am-scene.h"
#include "am-theme.h"

G_BEGIN_DECLS

typedef enum
{
  AM_NETWORK_FORMAT_GEXF,         /* .gexf: GEXF 1.3 with viz positions, colours, sizes */
  AM_NETWORK_FORMAT_GRAPHML,      /* .graphml: GraphML with declared keys */
  AM_NETWORK_FORMAT_CSV,          /* .csv: the edge list, and the nodes table beside it */
  AM_NETWORK_FORMAT_MODEL,        /* .json: the Actormap model (docs/format.md) */
  AM_NETWORK_FORMAT_ANNOTATIONS,  /* .jsonld: W3C Web Annotations of the evidence */
} AmNetworkFormat;

/* From the file name's extension, case-insensitive; FALSE for any other. */
gboolean    am_network_format_from_path (const char      *path,
                                         AmNetworkFormat *format);
/* "GEXF", "GraphML", "CSV", "Actormap model", "Web Annotations": for messages. */
const char *am_network_format_name      (AmNetworkFormat  format);
/* Whether the format stores positions when it is given a laid-out scene (GEXF,
 * GraphML), and whether it cannot be written without one (GEXF). */
gboolean    am_network_format_uses_scene  (AmNetworkFormat format);
gboolean    am_network_format_needs_scene (AmNetworkFormat format);

/* The bytes of @document as @format.  @scene (nullable; required by the formats that
 * am_network_format_needs_scene()) gives positions and sizes, @theme (NULL = light)
 * colours.  For CSV these are the edge list; am_export_network_csv_nodes() gives the
 * nodes table. (transfer full) */
GBytes     *am_export_network_bytes     (AmNetworkFormat  format,
                                         AmDocument      *document,
                                         const AmScene   *scene,
                                         const AmTheme   *theme,
                                         GError         **error);
GBytes     *am_export_network_csv_nodes (AmDocument      *document,
                                         GError         **error);

/* Writes @document to @path as @format (for CSV: @path and
 * am_interchange_csv_nodes_path (@path)).  Errors are AM_EXPORT_ERROR with a message
 * naming the file: "Could not write “x.gexf”: No space left on device". */
gboolean    am_export_network_file      (AmNetworkFormat  format,
                                         AmDocument      *document,
                                         const AmScene   *scene,
                                         const AmTheme   *theme,
                                         const char      *path,
                                         GError         **error);

G_END_DECLS
