/* am-export-network-private.h — the writers behind am_export_network_bytes()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-export-network.h"

G_BEGIN_DECLS

GBytes *_am_export_gexf        (AmDocument     *document,
                                const AmScene  *scene,
                                const AmTheme  *theme,
                                GError        **error);
GBytes *_am_export_graphml     (AmDocument     *document,
                                const AmScene  *scene,
                                GError        **error);
GBytes *_am_export_csv_edges   (AmDocument     *document,
                                GError        **error);
GBytes *_am_export_csv_nodes   (AmDocument     *document,
                                GError        **error);
GBytes *_am_export_annotations (AmDocument     *document,
                                GError        **error);

G_END_DECLS
