/* am-export-network.c — which network format a file name asks for, and the writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "am-export.h"
#include "am-export-network-private.h"

static const struct
{
  const char      *suffix;
  AmNetworkFormat  format;
} suffixes[] = {
  { ".gexf", AM_NETWORK_FORMAT_GEXF },
  { ".graphml", AM_NETWORK_FORMAT_GRAPHML },
  { ".csv", AM_NETWORK_FORMAT_CSV },
  { ".jsonld", AM_NETWORK_FORMAT_ANNOTATIONS },
  { ".json", AM_NETWORK_FORMAT_MODEL },
};

gboolean
am_network_format_from_path (const char      *path,
                             AmNetworkFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      {
        *format = suffixes[i].format;
        return TRUE;
      }

  return FALSE;
}

const char *
am_network_format_name (AmNetworkFormat format)
{
  switch (format)
    {
    case AM_NETWORK_FORMAT_GEXF:
      return "GEXF";
    case AM_NETWORK_FORMAT_GRAPHML:
      return "GraphML";
    case AM_NETWORK_FORMAT_CSV:
      return "CSV";
    case AM_NETWORK_FORMAT_MODEL:
      /* Translators: a file format, in messages */
      return _("Actormap model");
    case AM_NETWORK_FORMAT_ANNOTATIONS:
      /* Translators: a file format (a W3C standard), in messages */
      return _("Web Annotations");
    default:
      g_return_val_if_reached ("?");
    }
}

gboolean
am_network_format_uses_scene (AmNetworkFormat format)
{
  /* GraphML's x, y, width and height keys are what yEd places the nodes by: written
   * when there is a scene (the window's always has one, and the command line lays the
   * map out for them, so that one map gives one file whichever wrote it). */
  return format == AM_NETWORK_FORMAT_GRAPHML || am_network_format_needs_scene (format);
}

gboolean
am_network_format_needs_scene (AmNetworkFormat format)
{
  /* GEXF's viz elements are the point of exporting it for Gephi. */
  return format == AM_NETWORK_FORMAT_GEXF;
}

GBytes *
am_export_network_bytes (AmNetworkFormat  format,
                         AmDocument      *document,
                         const AmScene   *scene,
                         const AmTheme   *theme,
                         GError         **error)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (scene != NULL || !am_network_format_needs_scene (format), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case AM_NETWORK_FORMAT_GEXF:
      return _am_export_gexf (document, scene, theme != NULL ? theme : am_theme_get_light (),
                              error);
    case AM_NETWORK_FORMAT_GRAPHML:
      return _am_export_graphml (document, scene, error);
    case AM_NETWORK_FORMAT_CSV:
      return _am_export_csv_edges (document, error);
    case AM_NETWORK_FORMAT_MODEL:
      return am_document_to_json (document, AM_JSON_DEFAULT);
    case AM_NETWORK_FORMAT_ANNOTATIONS:
      return _am_export_annotations (document, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

GBytes *
am_export_network_csv_nodes (AmDocument  *document,
                             GError     **error)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);

  return _am_export_csv_nodes (document, error);
}

static gboolean
write_bytes (const char  *path,
             GBytes      *bytes,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if ((g_stat (path, &st) == 0 && !S_ISREG (st.st_mode)) ||
      !am_file_write_atomic (path, data, size, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_WRITE_FAILED,
                   /* Translators: an export error; the placeholders are, in order: name, reason */
                   _("Could not write “%s”: %s"), name,
                   local_error != NULL ? local_error->message : _("not a regular file"));
      return FALSE;
    }

  return TRUE;
}

gboolean
am_export_network_file (AmNetworkFormat  format,
                        AmDocument      *document,
                        const AmScene   *scene,
                        const AmTheme   *theme,
                        const char      *path,
                        GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (AM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Everything is made in memory before any file is touched. */
  bytes = am_export_network_bytes (format, document, scene, theme, error);
  if (bytes == NULL)
    return FALSE;

  if (format == AM_NETWORK_FORMAT_CSV)
    {
      g_autoptr(GBytes) nodes = am_export_network_csv_nodes (document, error);
      g_autofree char *nodes_path = am_interchange_csv_nodes_path (path);

      if (nodes == NULL || !write_bytes (nodes_path, nodes, error))
        return FALSE;
    }

  return write_bytes (path, bytes, error);
}
