/* am-export.c — PNG, SVG and PDF pages from a scene, written atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <glib/gi18n-lib.h>

#include "am-export.h"
#include "am-geometry.h"
#include "am-renderer-private.h"

G_DEFINE_QUARK (am-export-error-quark, am_export_error)

#define PAGE_MARGIN          24.0
#define LEGEND_GAP           16.0
#define CAPTION_GAP          14.0
#define TITLE_FONT_SIZE      16.0
#define SUBTITLE_FONT_SIZE   10.0
#define CAPTION_MIN_WIDTH    360.0
/* Room around a cropped network for outlines and strokes, which boxes do not include. */
#define CROP_MARGIN          8.0

#define MIN_SCALE            0.1
#define MAX_SCALE            16.0
/* cairo image surfaces are limited to 32767 pixels a side; the area cap keeps a PNG
 * export under ~1.6 GB of pixels in memory. */
#define MAX_PNG_SIDE         32767.0
#define MAX_PNG_PIXELS       400e6
/* Acrobat and most viewers refuse pages over 200 inches (PDF 1.x implementation limit). */
#define MAX_PDF_SIDE         14400.0

/*
 * The page: everything measured before any surface exists, so sizes can be validated
 * first and the PNG, PDF and SVG outputs share one composition.
 */
typedef struct
{
  PangoLayout *title;
  PangoLayout *subtitle;
  double       caption_height;
  double       title_height;
  AmRect       area;          /* the part of the scene drawn: its bounds, or cropped */
  AmPoint      network;       /* where the area's top-left corner is on the page */
  gboolean     has_legend;
  AmPoint      legend;
  double       width;
  double       height;
} Page;

static void
page_clear (Page *page)
{
  g_clear_object (&page->title);
  g_clear_object (&page->subtitle);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Page, page_clear)

/* What is drawn in @scene, with a margin, inside its bounds; the bounds when nothing is. */
static AmRect
scene_content (const AmScene *scene)
{
  const AmRect *bounds = am_scene_get_bounds (scene);
  AmExtent extent;
  AmRect area;

  am_extent_init (&extent);
  for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
    am_extent_add_rect (&extent, &am_scene_get_node (scene, i)->box);
  for (guint i = 0; i < am_scene_get_n_edges (scene); i++)
    am_extent_add_rect (&extent, &am_scene_get_edge (scene, i)->bounds);
  for (guint i = 0; i < am_scene_get_n_clusters (scene); i++)
    am_extent_add_rect (&extent, &am_scene_get_cluster (scene, i)->box);

  if (extent.x0 > extent.x1)
    return *bounds;

  extent.x0 -= CROP_MARGIN;
  extent.y0 -= CROP_MARGIN;
  extent.x1 += CROP_MARGIN;
  extent.y1 += CROP_MARGIN;
  am_extent_to_rect (&extent, bounds, &area);
  return area;
}

static void
page_measure (Page                  *page,
              const AmScene         *scene,
              const AmExportOptions *options,
              const AmTheme         *theme)
{
  AmRect area = options->crop ? scene_content (scene) : *am_scene_get_bounds (scene);
  const char *title = options->caption_title;
  const char *subtitle = options->caption_subtitle;
  double legend_width = 0, legend_height = 0;
  double content_width, content_height;

  memset (page, 0, sizeof *page);

  if (options->show_legend)
    am_renderer_measure_legend_full (scene, theme, options->origin,
                                     &legend_width, &legend_height);
  page->has_legend = legend_width > 0 && legend_height > 0;

  /* The legend goes beside the network, top-aligned: networks are laid out wider than
   * tall more often than not, and a side legend never hides a node. */
  content_width = area.width + (page->has_legend ? LEGEND_GAP + legend_width : 0);
  content_height = MAX (area.height, page->has_legend ? legend_height : 0);

  if (options->show_caption && ((title != NULL && *title != '\0') ||
                                (subtitle != NULL && *subtitle != '\0')))
    {
      double wrap = MAX (content_width, CAPTION_MIN_WIDTH);
      double w, h;

      if (title != NULL && *title != '\0')
        {
          page->title = _am_renderer_new_layout (title, TITLE_FONT_SIZE, TRUE, wrap);
          pango_layout_set_alignment (page->title, PANGO_ALIGN_LEFT);
          _am_renderer_layout_size (page->title, &w, &h);
          page->title_height = h;
          page->caption_height += h;
          content_width = MAX (content_width, w);
        }

      if (subtitle != NULL && *subtitle != '\0')
        {
          page->subtitle = _am_renderer_new_layout (subtitle, SUBTITLE_FONT_SIZE, FALSE, wrap);
          pango_layout_set_alignment (page->subtitle, PANGO_ALIGN_LEFT);
          _am_renderer_layout_size (page->subtitle, &w, &h);
          page->caption_height += (page->title ? 4 : 0) + h;
          content_width = MAX (content_width, w);
        }

      page->caption_height += CAPTION_GAP;
    }

  page->area = area;
  page->network = (AmPoint) { PAGE_MARGIN, PAGE_MARGIN + page->caption_height };
  page->legend = (AmPoint) { PAGE_MARGIN + area.width + LEGEND_GAP, page->network.y };
  page->width = ceil (2 * PAGE_MARGIN + content_width);
  page->height = ceil (2 * PAGE_MARGIN + page->caption_height + content_height);
}

static void
page_paint (const Page            *page,
            AmPainter             *painter,
            const AmScene         *scene,
            const AmExportOptions *options,
            const AmTheme         *theme)
{
  AmRect background = { 0, 0, page->width, page->height };
  AmRenderState state;

  _am_painter_begin_group (painter, AM_PAINTER_GROUP_OTHER, "background", NULL, NULL, 1.0);
  _am_painter_rect (painter, &background, 0, &theme->background, NULL, 0);
  _am_painter_end_group (painter);

  if (page->title != NULL || page->subtitle != NULL)
    {
      _am_painter_begin_group (painter, AM_PAINTER_GROUP_OTHER, "caption", NULL, NULL, 1.0);
      if (page->title != NULL)
        _am_painter_text (painter, page->title, PAGE_MARGIN, PAGE_MARGIN, &theme->foreground);
      if (page->subtitle != NULL)
        _am_painter_text (painter, page->subtitle, PAGE_MARGIN,
                          PAGE_MARGIN + (page->title ? page->title_height + 4 : 0),
                          &theme->foreground);
      _am_painter_end_group (painter);
    }

  /* As on screen, minus hover: dimming only when the caller asks for it (a path's
   * emphasis), otherwise a file shows the whole network at full strength. */
  am_render_state_init (&state);
  state.selected_id = options->selected_id;
  state.suggested = options->suggested;
  state.highlighted = options->highlighted;
  state.pixels_per_point = 1.0;

  _am_painter_push_transform (painter, page->network.x - page->area.x,
                              page->network.y - page->area.y, 1.0);
  _am_painter_begin_group (painter, AM_PAINTER_GROUP_OTHER, "network", NULL, NULL, 1.0);
  _am_renderer_paint_scene (painter, scene, theme, &state);
  _am_painter_end_group (painter);
  _am_painter_pop_transform (painter);

  if (page->has_legend)
    _am_renderer_paint_legend (painter, scene, theme, options->origin,
                               page->legend.x, page->legend.y);
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              AmExportFormat   format,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_RENDER_FAILED,
               /* Translators: an export error; the placeholders are, in order:
                  am_export_format_to_string (format), cairo_status_to_string (status) */
               _("Could not render the %s: %s"),
               am_export_format_to_string (format), cairo_status_to_string (status));
  return FALSE;
}

static GBytes *
render_png (const Page            *page,
            const AmScene         *scene,
            const AmExportOptions *options,
            const AmTheme         *theme,
            int                    pixel_width,
            int                    pixel_height,
            GError               **error)
{
  g_autoptr(GByteArray) array = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  cairo_scale (cr, options->scale, options->scale);

  {
    g_autoptr(AmPainter) painter = _am_painter_new_cairo (cr);
    page_paint (page, painter, scene, options, theme);
  }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, write_to_array, array);
  cairo_surface_destroy (surface);

  if (!check_status (status, AM_EXPORT_FORMAT_PNG, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&array));
}

static GBytes *
render_pdf (const Page            *page,
            const AmScene         *scene,
            const AmExportOptions *options,
            const AmTheme         *theme,
            GError               **error)
{
  g_autoptr(GByteArray) array = g_byte_array_new ();
  const char *title = options->show_caption ? options->caption_title : NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double fit = 1.0;
  cairo_t *cr;

  /* A page larger than viewers accept is scaled down as a whole: PDF is vector, so
   * nothing is lost but the nominal print size. */
  if (MAX (page->width, page->height) > MAX_PDF_SIDE)
    fit = MAX_PDF_SIDE / MAX (page->width, page->height);

  surface = cairo_pdf_surface_create_for_stream (write_to_array, array,
                                                 page->width * fit, page->height * fit);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Actormap");
  if (title != NULL && *title != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);

  cr = cairo_create (surface);
  cairo_scale (cr, fit, fit);

  {
    g_autoptr(AmPainter) painter = _am_painter_new_cairo (cr);
    page_paint (page, painter, scene, options, theme);
  }

  status = cairo_status (cr);
  cairo_destroy (cr);
  /* Only finishing writes the trailer; errors found while writing show up after it. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!check_status (status, AM_EXPORT_FORMAT_PDF, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&array));
}

static GBytes *
render_svg (const Page            *page,
            const AmScene         *scene,
            const AmExportOptions *options,
            const AmTheme         *theme)
{
  AmPainter *painter = _am_painter_new_svg (page->width, page->height);

  page_paint (page, painter, scene, options, theme);

  return _am_painter_svg_finish (painter);
}

/**
 * am_export_caption_for_document:
 * @document: a document
 * @title: (out) (transfer full) (nullable): the article's title, or %NULL
 * @subtitle: (out) (transfer full) (nullable): "publisher · 18 March 2021", either part
 *   alone when the other is missing, or %NULL
 *
 * The caption the window and the CLI put into #AmExportOptions: the same words and the
 * same date format as the panels.  The publisher falls back to the source.
 */
void
am_export_caption_for_document (AmDocument  *document,
                                char       **title,
                                char       **subtitle)
{
  const char *publisher;
  const char *doc_title;
  g_autofree char *date = NULL;

  g_return_if_fail (AM_IS_DOCUMENT (document));
  g_return_if_fail (title != NULL);
  g_return_if_fail (subtitle != NULL);

  doc_title = am_document_get_title (document);
  *title = doc_title != NULL && *doc_title != '\0' ? g_strdup (doc_title) : NULL;

  publisher = am_document_get_publisher (document);
  if (publisher == NULL || *publisher == '\0')
    publisher = am_document_get_source (document);
  if (publisher != NULL && *publisher == '\0')
    publisher = NULL;
  date = am_format_date (am_document_get_date (document));

  if (publisher != NULL && date != NULL)
    /* Translators: the second line of an exported map's caption: the publisher and the
     * date, "Yonhap · 18 March 2021" */
    *subtitle = g_strdup_printf (_("%s · %s"), publisher, date);
  else if (publisher != NULL)
    *subtitle = g_strdup (publisher);
  else
    *subtitle = g_steal_pointer (&date);
}

/**
 * am_export_options_init:
 * @options: options to fill
 *
 * PNG at one pixel per point, the light theme, with legend and caption, nothing selected
 * or dimmed.
 */
void
am_export_options_init (AmExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = AM_EXPORT_FORMAT_PNG;
  options->scale = 1.0;
  options->theme = NULL;
  options->show_legend = TRUE;
  options->show_caption = TRUE;
  options->selected_id = NULL;
  options->highlighted = NULL;
  options->crop = FALSE;
  options->caption_title = NULL;
  options->caption_subtitle = NULL;
  options->origin = AM_DOCUMENT_ORIGIN_MODEL;
}

/**
 * am_export_format_from_path:
 * @path: a file name, in the GLib file name encoding
 * @format: (out) (optional): the format
 *
 * Returns: %TRUE when @path ends in .png, .svg or .pdf, in any case
 */
gboolean
am_export_format_from_path (const char     *path,
                            AmExportFormat *format)
{
  static const struct { const char *ext; AmExportFormat format; } formats[] = {
    { ".png", AM_EXPORT_FORMAT_PNG },
    { ".svg", AM_EXPORT_FORMAT_SVG },
    { ".pdf", AM_EXPORT_FORMAT_PDF },
  };
  const char *base;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  base = strrchr (path, G_DIR_SEPARATOR);
  base = base ? base + 1 : path;
  dot = strrchr (base, '.');

  /* ".png" alone is a hidden file without an extension. */
  if (dot == NULL || dot == base)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (dot, formats[i].ext) == 0)
        {
          if (format != NULL)
            *format = formats[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * am_export_format_to_string:
 * @format: a format
 *
 * Returns: "png", "svg" or "pdf"
 */
const char *
am_export_format_to_string (AmExportFormat format)
{
  switch (format)
    {
    case AM_EXPORT_FORMAT_PNG:
      return "png";
    case AM_EXPORT_FORMAT_SVG:
      return "svg";
    case AM_EXPORT_FORMAT_PDF:
      return "pdf";
    default:
      g_return_val_if_reached ("png");
    }
}

/**
 * am_export_measure_page:
 * @scene: the scene
 * @options: the export options (format and scale do not matter)
 * @width: (out): page width in points
 * @height: (out): page height in points
 *
 * The page is the scene's bounds (or, with options->crop, what is drawn in them), the
 * legend beside it and the caption above, with a margin all round; a PNG of it is
 * ceil (size × scale) pixels.
 */
void
am_export_measure_page (const AmScene         *scene,
                        const AmExportOptions *options,
                        double                *width,
                        double                *height)
{
  g_auto(Page) page = { 0, };

  g_return_if_fail (scene != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  page_measure (&page, scene, options, options->theme ? options->theme : am_theme_get_light ());
  *width = page.width;
  *height = page.height;
}

/**
 * am_export_draw_page:
 * @cr: a cairo context; its current transform maps page points
 * @scene: the scene
 * @options: what to draw (format and scale do not matter)
 *
 * The same page as am_export_render(), drawn through the same painter on a context the
 * caller owns (a printer's, a preview's): the caller fits it with am_export_measure_page().
 */
void
am_export_draw_page (cairo_t               *cr,
                     const AmScene         *scene,
                     const AmExportOptions *options)
{
  g_auto(Page) page = { 0, };
  const AmTheme *theme;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);
  g_return_if_fail (options != NULL);

  theme = options->theme ? options->theme : am_theme_get_light ();
  page_measure (&page, scene, options, theme);

  {
    g_autoptr(AmPainter) painter = _am_painter_new_cairo (cr);
    page_paint (&page, painter, scene, options, theme);
  }
}

/**
 * am_export_render:
 * @scene: the scene, as laid out for the screen (nothing is laid out again)
 * @options: format, scale, theme and what to include
 * @error: return location for an error
 *
 * Every size is checked before any cairo surface exists: the PNG scale must lie in
 * 0.1–16 and the image within 32767 pixels a side and 400 million pixels
 * (%AM_EXPORT_ERROR_INVALID_SIZE).  cairo's status is checked after the surface is
 * finished (%AM_EXPORT_ERROR_RENDER_FAILED).
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
am_export_render (const AmScene          *scene,
                  const AmExportOptions  *options,
                  GError                **error)
{
  g_auto(Page) page = { 0, };
  const AmTheme *theme;

  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((guint) options->format > AM_EXPORT_FORMAT_PDF)
    {
      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_UNKNOWN_FORMAT,
                   /* Translators: an export error; the placeholders are, in order: (int)
                      options->format */
                   _("Unknown export format %d"), (int) options->format);
      return NULL;
    }

  /* Written so that NaN fails too: cairo_scale (0) or NaN would leave the context in
   * an error state for good, and a huge scale would try to allocate gigabytes. */
  if (options->format == AM_EXPORT_FORMAT_PNG &&
      !(options->scale >= MIN_SCALE && options->scale <= MAX_SCALE))
    {
      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_INVALID_SIZE,
                   /* Translators: an export error; the placeholders are, in order:
                      options->scale, MIN_SCALE, MAX_SCALE */
                   _("The scale %g is outside %g–%g"), options->scale, MIN_SCALE, MAX_SCALE);
      return NULL;
    }

  theme = options->theme ? options->theme : am_theme_get_light ();
  page_measure (&page, scene, options, theme);

  if (!isfinite (page.width) || !isfinite (page.height) || page.width <= 0 || page.height <= 0)
    {
      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_INVALID_SIZE,
                   /* Translators: an export error; the placeholders are, in order: page.width,
                      page.height */
                   _("The page size %g × %g is not valid"), page.width, page.height);
      return NULL;
    }

  switch (options->format)
    {
    case AM_EXPORT_FORMAT_PNG:
      {
        double pixel_width = ceil (page.width * options->scale);
        double pixel_height = ceil (page.height * options->scale);

        if (pixel_width > MAX_PNG_SIDE || pixel_height > MAX_PNG_SIDE ||
            pixel_width * pixel_height > MAX_PNG_PIXELS)
          {
            g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_INVALID_SIZE,
                         /* Translators: an export error; the placeholders are, in order:
                            pixel_width, pixel_height, MAX_PNG_SIDE, MAX_PNG_PIXELS / 1e6 */
                         _("A %.0f × %.0f pixel image is too large (at most %.0f pixels a side "
                           "and %.0f million in all); choose a smaller scale"),
                         pixel_width, pixel_height, MAX_PNG_SIDE, MAX_PNG_PIXELS / 1e6);
            return NULL;
          }

        return render_png (&page, scene, options, theme,
                           (int) pixel_width, (int) pixel_height, error);
      }

    case AM_EXPORT_FORMAT_PDF:
      return render_pdf (&page, scene, options, theme, error);

    case AM_EXPORT_FORMAT_SVG:
    default:
      return render_svg (&page, scene, options, theme);
    }
}

static gboolean
write_failed (GError     **error,
              const char  *path,
              const char  *reason)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_WRITE_FAILED,
               /* Translators: an export error; the placeholders are, in order: name, reason */
               _("Could not write “%s”: %s"), name, reason);
  return FALSE;
}

/**
 * am_export_to_file:
 * @scene: the scene
 * @options: what to draw; the format comes from @path's extension
 * @path: the file to write, in the GLib file name encoding
 * @error: return location for an error
 *
 * Renders into memory, then replaces @path atomically and durably with
 * am_file_write_atomic() (g_file_set_contents_full() with CONSISTENT | DURABLE): a
 * temporary file next to it is written, synced and renamed over it.  On any failure @path is untouched and no
 * temporary file is left; the error (%AM_EXPORT_ERROR_WRITE_FAILED) names @path.
 *
 * Only regular files are replaced: a device, a FIFO or a directory at @path is an
 * error, so exporting to /dev/full as root cannot swap the device for a file.  A symbolic
 * link is followed, and the file it points to is replaced; the link stays.  An existing
 * file keeps its permissions; a new one gets 0644.
 *
 * Returns: %TRUE when @path holds the new file
 */
gboolean
am_export_to_file (const AmScene          *scene,
                   const AmExportOptions  *options,
                   const char             *path,
                   GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  AmExportOptions file_options;
  GStatBuf st;
  const guint8 *data;
  gsize size;

  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file_options = *options;
  if (!am_export_format_from_path (path, &file_options.format))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_UNKNOWN_FORMAT,
                   /* Translators: an export error; the placeholders are, in order: name */
                   _("“%s”: unknown export format (use .png, .svg or .pdf)"), name);
      return FALSE;
    }

  /* A target that is not a regular file is refused before rendering, so it costs
   * nothing; am_file_write_atomic() checks again when it writes. */
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    return write_failed (error, path, _("not a regular file"));

  bytes = am_export_render (scene, &file_options, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  if (!am_file_write_atomic (path, data, size, &local_error))
    return write_failed (error, path, local_error->message);

  return TRUE;
}
