/* am-interchange.c — which network format a file is, and its importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "am-interchange-private.h"
#include "am-model-error.h"

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  g_autofree char *lower = NULL;

  if (name == NULL)
    return FALSE;
  lower = g_ascii_strdown (name, -1);
  return g_str_has_suffix (lower, suffix);
}

/**
 * am_interchange_sniff:
 * @name: (nullable) (type filename): the file's name or path
 * @contents: (nullable): its bytes
 * @format: (out): the format found
 *
 * Content wins over the name, so that "net.json" holding GraphML is read as GraphML
 * and the user is not told about a JSON syntax error.
 *
 * Returns: %TRUE when the file is a GraphML, GEXF or CSV network
 */
gboolean
am_interchange_sniff (const char          *name,
                      GBytes              *contents,
                      AmInterchangeFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (contents != NULL)
    {
      if (_am_xml_root_is (contents, "graphml"))
        {
          *format = AM_INTERCHANGE_GRAPHML;
          return TRUE;
        }
      if (_am_xml_root_is (contents, "gexf"))
        {
          *format = AM_INTERCHANGE_GEXF;
          return TRUE;
        }
    }

  if (has_suffix (name, ".graphml"))
    {
      *format = AM_INTERCHANGE_GRAPHML;
      return TRUE;
    }
  if (has_suffix (name, ".gexf"))
    {
      *format = AM_INTERCHANGE_GEXF;
      return TRUE;
    }
  if (has_suffix (name, ".csv") || has_suffix (name, ".tsv") ||
      (contents != NULL && _am_csv_sniff (contents)))
    {
      *format = AM_INTERCHANGE_CSV;
      return TRUE;
    }

  return FALSE;
}

const char *
am_interchange_format_name (AmInterchangeFormat format)
{
  switch (format)
    {
    case AM_INTERCHANGE_GRAPHML:
      return "GraphML";
    case AM_INTERCHANGE_GEXF:
      return "GEXF";
    case AM_INTERCHANGE_CSV:
      return "CSV";
    default:
      g_return_val_if_reached ("?");
    }
}

char *
am_interchange_csv_nodes_path (const char *edges_path)
{
  const char *dot;

  g_return_val_if_fail (edges_path != NULL, NULL);

  dot = strrchr (edges_path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return g_strconcat (edges_path, ".nodes.csv", NULL);

  return g_strdup_printf ("%.*s.nodes%s", (int) (dot - edges_path), edges_path, dot);
}

/* The nodes table beside a CSV edge list, when there is one: read with the same checks
 * as any file.  A missing table is not an error; an unreadable one is. */
static GBytes *
read_nodes_table (GFile       *file,
                  char       **nodes_display_name,
                  GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *nodes_path = NULL;
  g_autoptr(GFile) nodes = NULL;

  *nodes_display_name = NULL;
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return NULL;

  nodes_path = am_interchange_csv_nodes_path (path);
  if (g_str_equal (nodes_path, path) || !g_file_test (nodes_path, G_FILE_TEST_EXISTS))
    return NULL;

  nodes = g_file_new_for_path (nodes_path);
  return am_document_read_file (nodes, NULL, nodes_display_name, error);
}

AmDocument *
am_interchange_import (AmInterchangeFormat  format,
                       GBytes              *bytes,
                       const char          *display_name,
                       GFile               *file,
                       GError             **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case AM_INTERCHANGE_GRAPHML:
      return _am_graphml_import (bytes, display_name, error);
    case AM_INTERCHANGE_GEXF:
      return _am_gexf_import (bytes, display_name, error);
    case AM_INTERCHANGE_CSV:
      {
        g_autofree char *nodes_name = NULL;
        g_autoptr(GBytes) nodes = NULL;
        GError *local_error = NULL;

        nodes = read_nodes_table (file, &nodes_name, &local_error);
        if (local_error != NULL)
          {
            g_propagate_error (error, local_error);
            return NULL;
          }
        return _am_csv_import (bytes, display_name, nodes, nodes_name, error);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}
