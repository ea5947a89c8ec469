/* am-export.h — PNG, SVG and PDF files from a scene, written atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "am-core.h"
#include "am-scene.h"
#include "am-theme.h"

G_BEGIN_DECLS

#define AM_EXPORT_ERROR (am_export_error_quark ())

typedef enum
{
  AM_EXPORT_ERROR_UNKNOWN_FORMAT,  /* the file name does not end in .png, .svg or .pdf */
  AM_EXPORT_ERROR_INVALID_SIZE,    /* zero, negative, non-finite or too large */
  AM_EXPORT_ERROR_RENDER_FAILED,   /* cairo reported an error status */
  AM_EXPORT_ERROR_WRITE_FAILED,    /* the file could not be written; the old one is intact */
} AmExportError;

GQuark am_export_error_quark (void);

typedef enum
{
  AM_EXPORT_FORMAT_PNG,
  AM_EXPORT_FORMAT_SVG,
  AM_EXPORT_FORMAT_PDF,
} AmExportFormat;

typedef struct
{
  AmExportFormat  format;
  double          scale;         /* PNG pixels per point (0.1 – 16); ignored by SVG and PDF */
  const AmTheme  *theme;         /* NULL = light */
  gboolean        show_legend;
  gboolean        show_caption;  /* caption_title and caption_subtitle above the network */
  /* Optional: highlight as on screen */
  const char     *selected_id;
  /* Optional: ids drawn as suggestions, as on screen (AmRenderState.suggested) */
  GHashTable     *suggested;
  /* Optional: the ids left undimmed, as on screen (AmRenderState.highlighted): a path's
   * emphasis, a search.  NULL draws nothing dimmed. */
  GHashTable     *highlighted;
  /* Draw only the part of the scene that has something in it (nodes, edges, clusters)
   * instead of its whole bounds: a view's derived scene keeps the laid-out map's bounds,
   * so a focus on three actors would otherwise sit in a page the size of the map. */
  gboolean        crop;
  /* The caption, built by the caller (am_export_caption_for_document()); either may be
   * NULL.  Borrowed for the duration of the call; the PDF title is caption_title. */
  const char     *caption_title;
  const char     *caption_subtitle;
  /* What the legend calls the kinds and types: "Actors"/"Relations" for a model,
   * "Nodes"/"Edges" for a Graphviz graph. */
  AmDocumentOrigin origin;
} AmExportOptions;

void      am_export_options_init       (AmExportOptions *options);
/* From the file name's extension, case-insensitive. */
gboolean  am_export_format_from_path   (const char      *path,
                                        AmExportFormat  *format);
const char *am_export_format_to_string (AmExportFormat   format);

/* The caption of @document's exports and window: its title, and "publisher · date" with
 * the date as am_format_date() writes it (the source when there is no publisher).  Both
 * are (transfer full) and NULL when the document has nothing to say. */
void      am_export_caption_for_document (AmDocument      *document,
                                          char           **title,
                                          char           **subtitle);

/* Size in points of the page am_export_render() draws for @options (caption, network —
 * the scene's bounds, or what is drawn in them with options->crop —, legend, margins).
 * A PNG is this times options->scale, rounded up, in pixels. */
void      am_export_measure_page       (const AmScene         *scene,
                                        const AmExportOptions *options,
                                        double                *width,
                                        double                *height);

/* Draws the page am_export_render() makes (background, caption, network, legend) on
 * @cr, from (0, 0) to am_export_measure_page()'s size in @cr's user units: for printing
 * and print previews, which scale and place it themselves.  options->format and
 * options->scale are ignored. */
void      am_export_draw_page          (cairo_t               *cr,
                                        const AmScene         *scene,
                                        const AmExportOptions *options);

/* Renders the whole page (caption, network, legend) into memory. */
GBytes   *am_export_render             (const AmScene         *scene,
                                        const AmExportOptions *options,
                                        GError               **error);
/* am_export_render() then an atomic, durable write: on any failure @path is untouched,
 * no temporary file is left, and the error names @path. */
gboolean  am_export_to_file            (const AmScene         *scene,
                                        const AmExportOptions *options,
                                        const char            *path,
                                        GError               **error);

G_END_DECLS
