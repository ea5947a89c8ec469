/* test-export.c — PNG, SVG and PDF files, their checks, and atomic writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#ifdef HAVE_LIBXML
#include <libxml/parser.h>
#endif

#include "am-export.h"
#include "render-fixtures.h"
#include "test-files.h"

/* ------------------------------------------------------------------------------------ */
/* Helpers                                                                              */

static char *
normalise (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static GBytes *
render_with_options (const AmScene         *scene,
                     const AmExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = am_export_render (scene, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static GBytes *
render (const AmScene  *scene,
        AmExportFormat  format,
        double          scale)
{
  AmExportOptions options;

  render_fixture_export_options_init (&options);
  options.format = format;
  options.scale = scale;

  return render_with_options (scene, &options);
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} ReadClosure;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  ReadClosure *rc = closure;

  if (rc->offset + length > rc->size)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, rc->data + rc->offset, length);
  rc->offset += length;

  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
decode_png (GBytes *bytes)
{
  ReadClosure rc = { 0, };
  cairo_surface_t *surface;

  rc.data = g_bytes_get_data (bytes, &rc.size);
  surface = cairo_image_surface_create_from_png_stream (read_bytes, &rc);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  return surface;
}

/* ------------------------------------------------------------------------------------ */
/* A small SVG reader on GMarkup: groups with their titles, texts and ids.              */

typedef struct
{
  char      *id;
  char      *klass;
  GString   *title;
  GPtrArray *texts;
} SvgGroup;

typedef struct
{
  GPtrArray  *groups;        /* SvgGroup*, every <g> with an id */
  GPtrArray  *group_stack;   /* SvgGroup* or NULL, one per open <g> */
  GPtrArray  *texts;         /* char*, every <text>, tspans joined by spaces */
  GHashTable *ids;
  GHashTable *elements;      /* name → count */
  GString    *text;
  gboolean    in_text;
  gboolean    in_tspan;
  gboolean    in_title;
  gboolean    root_is_svg;
  guint       depth;
} SvgDoc;

static void
svg_group_free (gpointer data)
{
  SvgGroup *group = data;

  g_free (group->id);
  g_free (group->klass);
  g_string_free (group->title, TRUE);
  g_ptr_array_unref (group->texts);
  g_free (group);
}

static void
svg_doc_free (SvgDoc *doc)
{
  g_ptr_array_unref (doc->groups);
  g_ptr_array_unref (doc->group_stack);
  g_ptr_array_unref (doc->texts);
  g_hash_table_unref (doc->ids);
  g_hash_table_unref (doc->elements);
  g_string_free (doc->text, TRUE);
  g_free (doc);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SvgDoc, svg_doc_free)

static SvgGroup *
current_group (SvgDoc *doc)
{
  for (guint i = doc->group_stack->len; i > 0; i--)
    {
      SvgGroup *group = g_ptr_array_index (doc->group_stack, i - 1);

      if (group != NULL)
        return group;
    }

  return NULL;
}

static gboolean
is_ncname (const char *id)
{
  if (!g_ascii_isalpha (id[0]) && id[0] != '_')
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;

  return TRUE;
}

static void
svg_start (GMarkupParseContext  *context,
           const char           *name,
           const char          **attribute_names,
           const char          **attribute_values,
           gpointer              user_data,
           GError              **error)
{
  SvgDoc *doc = user_data;
  const char *id = NULL;
  const char *klass = NULL;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      if (strcmp (attribute_names[i], "id") == 0)
        id = attribute_values[i];
      else if (strcmp (attribute_names[i], "class") == 0)
        klass = attribute_values[i];
    }

  if (doc->depth++ == 0)
    doc->root_is_svg = strcmp (name, "svg") == 0;

  g_hash_table_insert (doc->elements, g_strdup (name),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (doc->elements, name)) + 1));

  if (id != NULL)
    {
      g_assert_true (is_ncname (id));
      g_assert_false (g_hash_table_contains (doc->ids, id));
      g_hash_table_add (doc->ids, g_strdup (id));
    }

  if (strcmp (name, "g") == 0)
    {
      SvgGroup *group = NULL;

      if (id != NULL)
        {
          group = g_new0 (SvgGroup, 1);
          group->id = g_strdup (id);
          group->klass = g_strdup (klass);
          group->title = g_string_new (NULL);
          group->texts = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (doc->groups, group);
        }
      g_ptr_array_add (doc->group_stack, group);
    }
  else if (strcmp (name, "text") == 0)
    {
      doc->in_text = TRUE;
      g_string_truncate (doc->text, 0);
    }
  else if (strcmp (name, "tspan") == 0)
    {
      if (doc->text->len > 0)
        g_string_append_c (doc->text, ' ');
      doc->in_tspan = TRUE;
    }
  else if (strcmp (name, "title") == 0)
    {
      doc->in_title = TRUE;
    }
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *name,
         gpointer              user_data,
         GError              **error)
{
  SvgDoc *doc = user_data;

  doc->depth--;

  if (strcmp (name, "g") == 0)
    {
      g_ptr_array_set_size (doc->group_stack, doc->group_stack->len - 1);
    }
  else if (strcmp (name, "text") == 0)
    {
      SvgGroup *group = current_group (doc);
      char *text = normalise (doc->text->str);

      if (group != NULL)
        g_ptr_array_add (group->texts, g_strdup (text));
      g_ptr_array_add (doc->texts, text);
      doc->in_text = FALSE;
    }
  else if (strcmp (name, "tspan") == 0)
    {
      doc->in_tspan = FALSE;
    }
  else if (strcmp (name, "title") == 0)
    {
      doc->in_title = FALSE;
    }
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  SvgDoc *doc = user_data;

  if (doc->in_tspan)
    g_string_append_len (doc->text, text, length);
  else if (doc->in_title && current_group (doc) != NULL)
    g_string_append_len (current_group (doc)->title, text, length);
}

static SvgDoc *
parse_svg (GBytes *bytes)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SvgDoc *doc = g_new0 (SvgDoc, 1);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  doc->groups = g_ptr_array_new_with_free_func (svg_group_free);
  doc->group_stack = g_ptr_array_new ();
  doc->texts = g_ptr_array_new_with_free_func (g_free);
  doc->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  doc->text = g_string_new (NULL);

  g_assert_true (g_str_has_prefix (data, "<?xml"));
  g_assert_true (g_utf8_validate (data, size, NULL));

  context = g_markup_parse_context_new (&parser, 0, doc, NULL);
  g_markup_parse_context_parse (context, data, size, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_true (doc->root_is_svg);
  g_assert_cmpuint (doc->depth, ==, 0);

#ifdef HAVE_LIBXML
  /* A real XML parser too: GMarkup accepts a few things XML does not. */
  {
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt ();
    xmlDocPtr xdoc = xmlCtxtReadMemory (ctxt, data, (int) size, "export.svg", "UTF-8",
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

    g_assert_nonnull (xdoc);
    g_assert_true (ctxt->wellFormed);
    g_assert_cmpstr ((const char *) xmlDocGetRootElement (xdoc)->name, ==, "svg");
    g_assert_cmpstr ((const char *) xmlDocGetRootElement (xdoc)->ns->href, ==,
                     "http://www.w3.org/2000/svg");
    xmlFreeDoc (xdoc);
    xmlFreeParserCtxt (ctxt);
  }
#endif

  return doc;
}

static SvgGroup *
find_group (SvgDoc     *doc,
            const char *id)
{
  for (guint i = 0; i < doc->groups->len; i++)
    {
      SvgGroup *group = g_ptr_array_index (doc->groups, i);

      if (strcmp (group->id, id) == 0)
        return group;
    }

  return NULL;
}

static gboolean
has_text (GPtrArray  *texts,
          const char *wanted)
{
  g_autofree char *norm = normalise (wanted);

  for (guint i = 0; i < texts->len; i++)
    if (strcmp (g_ptr_array_index (texts, i), norm) == 0)
      return TRUE;

  return FALSE;
}

static guint
count_elements (SvgDoc     *doc,
                const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (doc->elements, name));
}

/* ------------------------------------------------------------------------------------ */
/* Formats                                                                              */

static void
test_format_from_path (void)
{
  static const struct { const char *path; gboolean ok; AmExportFormat format; } cases[] = {
    { "map.png", TRUE, AM_EXPORT_FORMAT_PNG },
    { "MAP.PNG", TRUE, AM_EXPORT_FORMAT_PNG },
    { "/tmp/x.Svg", TRUE, AM_EXPORT_FORMAT_SVG },
    { "a.b.pdf", TRUE, AM_EXPORT_FORMAT_PDF },
    { "/dir.png/file.pdf", TRUE, AM_EXPORT_FORMAT_PDF },
    { "map.jpg", FALSE, 0 },
    { "map.png.bak", FALSE, 0 },
    { "map", FALSE, 0 },
    { ".png", FALSE, 0 },
    { "/dir.png/noext", FALSE, 0 },
    { "", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AmExportFormat format = 99;

      g_test_message ("%s", cases[i].path);
      g_assert_cmpint (am_export_format_from_path (cases[i].path, &format), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (format, ==, cases[i].format);
    }

  g_assert_cmpstr (am_export_format_to_string (AM_EXPORT_FORMAT_PNG), ==, "png");
  g_assert_cmpstr (am_export_format_to_string (AM_EXPORT_FORMAT_SVG), ==, "svg");
  g_assert_cmpstr (am_export_format_to_string (AM_EXPORT_FORMAT_PDF), ==, "pdf");
}

static void
test_options_defaults (void)
{
  AmExportOptions options;

  memset (&options, 0xff, sizeof options);
  am_export_options_init (&options);
  g_assert_cmpint (options.format, ==, AM_EXPORT_FORMAT_PNG);
  g_assert_cmpfloat (options.scale, ==, 1.0);
  g_assert_null (options.theme);
  g_assert_true (options.show_legend);
  g_assert_true (options.show_caption);
  g_assert_null (options.selected_id);
  g_assert_null (options.highlighted);
  g_assert_false (options.crop);
  g_assert_null (options.caption_title);
  g_assert_null (options.caption_subtitle);
  g_assert_cmpint (options.origin, ==, AM_DOCUMENT_ORIGIN_MODEL);
}

static void
test_png (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  static const double scales[] = { 1.0, 2.0, 0.5, 1.37 };
  const AmRect *bounds = am_scene_get_bounds (scene);
  AmExportOptions options;
  double width, height;

  render_fixture_export_options_init (&options);
  am_export_measure_page (scene, &options, &width, &height);
  /* The network, the legend beside it, the caption above. */
  g_assert_cmpfloat (width, >, bounds->width + 40);
  g_assert_cmpfloat (height, >, bounds->height + 20);

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(GBytes) bytes = render (scene, AM_EXPORT_FORMAT_PNG, scales[i]);
      cairo_surface_t *surface;
      gsize size;
      const guint8 *data = g_bytes_get_data (bytes, &size);
      g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);
      const AmTheme *light = am_theme_get_light ();
      gboolean state_fill = FALSE;

      g_test_message ("scale %g", scales[i]);
      g_assert_cmpuint (size, >, 8);
      g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);

      surface = decode_png (bytes);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (width * scales[i]));
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (height * scales[i]));

      /* Not blank: the light background in the corner, and many colours, among them a
       * state's fill. */
      g_assert_true (render_fixture_pixel_is (render_fixture_pixel (surface, 1, 1), &light->background, 0));
      for (int y = 0; y < cairo_image_surface_get_height (surface); y += 2)
        for (int x = 0; x < cairo_image_surface_get_width (surface); x += 2)
          {
            Pixel p = render_fixture_pixel (surface, x, y);

            g_hash_table_add (colors, GUINT_TO_POINTER ((p.r << 16) | (p.g << 8) | p.b));
            if (render_fixture_pixel_is (p, &light->kinds[AM_ENTITY_KIND_STATE].fill, 0))
              state_fill = TRUE;
          }
      g_assert_cmpuint (g_hash_table_size (colors), >, 20);
      g_assert_true (state_fill);
      cairo_surface_destroy (surface);
    }
}

static void
test_png_dark (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  AmExportOptions options;
  cairo_surface_t *surface;

  render_fixture_export_options_init (&options);
  options.theme = am_theme_get_dark ();
  bytes = am_export_render (scene, &options, &error);
  g_assert_no_error (error);

  surface = decode_png (bytes);
  g_assert_true (render_fixture_pixel_is (render_fixture_pixel (surface, 1, 1),
                                          &am_theme_get_dark ()->background, 0));
  cairo_surface_destroy (surface);
}

static void
test_svg (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  g_autoptr(GBytes) bytes = render (scene, AM_EXPORT_FORMAT_SVG, 1.0);
  g_autoptr(GBytes) again = render (scene, AM_EXPORT_FORMAT_SVG, 1.0);
  g_autoptr(SvgDoc) doc = parse_svg (bytes);
  g_autofree char *last_edge = NULL;
  const char *last_edge_at;
  const char *text;
  gsize size;

  /* Every node: a group with its title, its kind as a class, its name as real text. */
  for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
    {
      const AmSceneNode *node = am_scene_get_node (scene, i);
      g_autofree char *id = g_strconcat ("node-", node->id, NULL);
      g_autofree char *klass = g_strconcat ("node kind-", node->kind, NULL);
      g_autofree char *label = normalise (node->label);
      g_autofree char *title = NULL;
      SvgGroup *group = find_group (doc, id);

      g_test_message ("node %s", node->id);
      g_assert_nonnull (group);
      g_assert_cmpstr (group->klass, ==, klass);
      title = normalise (group->title->str);
      g_assert_cmpstr (title, ==, label);
      g_assert_true (has_text (group->texts, node->label));
      g_assert_true (has_text (doc->texts, node->label));
    }

  /* Every edge: a group with a title; labels as text, in a group of their own named
   * after the edge, drawn after every edge so no line crosses them. */
  text = g_bytes_get_data (bytes, &size);
  last_edge = g_strdup_printf ("id=\"edge-%s\"",
                               am_scene_get_edge (scene, am_scene_get_n_edges (scene) - 1)->id);
  last_edge_at = g_strstr_len (text, size, last_edge);
  for (guint i = 0; i < am_scene_get_n_edges (scene); i++)
    {
      const AmSceneEdge *edge = am_scene_get_edge (scene, i);
      g_autofree char *id = g_strconcat ("edge-", edge->id, NULL);
      g_autofree char *label_id = g_strconcat ("label-", edge->id, NULL);
      SvgGroup *group = find_group (doc, id);
      SvgGroup *label_group = find_group (doc, label_id);

      g_test_message ("edge %s", edge->id);
      g_assert_nonnull (group);
      g_assert_cmpstr (group->klass, ==, "edge");
      g_assert_cmpuint (group->title->len, >, 0);
      if (edge->label != NULL)
        {
          g_autofree char *label_attr = g_strdup_printf ("id=\"%s\"", label_id);
          const char *label_at = g_strstr_len (text, size, label_attr);

          g_assert_nonnull (label_group);
          g_assert_cmpstr (label_group->klass, ==, "edge-label");
          g_assert_true (has_text (label_group->texts, edge->label));
          g_assert_false (has_text (group->texts, edge->label));
          /* After the last edge's line in document order, that is above it. */
          g_assert_nonnull (last_edge_at);
          g_assert_nonnull (label_at);
          g_assert_true (label_at > last_edge_at);
        }
      else
        {
          g_assert_null (label_group);
        }
    }

  /* Clusters too. */
  {
    SvgGroup *cluster = find_group (doc, "cluster-c1");

    g_assert_nonnull (cluster);
    g_assert_cmpstr (cluster->klass, ==, "cluster");
    g_assert_cmpstr (cluster->title->str, ==, "Allies");
    g_assert_true (has_text (cluster->texts, "Allies"));
  }

  /* Shapes are elements, not outlines of glyphs. */
  g_assert_cmpuint (count_elements (doc, "ellipse"), >=, 1);
  g_assert_cmpuint (count_elements (doc, "polygon"), >=, 3 + 4);   /* hexagon, diamond, octagon, arrows */
  g_assert_cmpuint (count_elements (doc, "rect"), >=, 4);
  g_assert_cmpuint (count_elements (doc, "path"), >=, 5);
  g_assert_cmpuint (count_elements (doc, "text"), >=, am_scene_get_n_nodes (scene));

  /* The caption and the legend of what is present. */
  g_assert_true (has_text (doc->texts, RENDER_FIXTURE_TITLE));
  g_assert_true (has_text (doc->texts, RENDER_FIXTURE_SUBTITLE));
  g_assert_nonnull (find_group (doc, "legend"));
  g_assert_true (has_text (find_group (doc, "legend")->texts, "Hostility"));
  g_assert_true (has_text (find_group (doc, "legend")->texts, "Custom ties"));
  g_assert_true (has_text (find_group (doc, "legend")->texts, "Person"));
  g_assert_false (has_text (find_group (doc, "legend")->texts, "Sanctions"));

  /* Text as text: the font the layout measured with, anchored. */
  {
    const char *data = g_bytes_get_data (bytes, NULL);

    g_assert_nonnull (strstr (data, "font-family=\"DejaVu Sans\""));
    g_assert_nonnull (strstr (data, "font-size=\"11\""));
    g_assert_nonnull (strstr (data, "text-anchor=\"middle\""));
    /* The two lines of "Kim Yo\nJong" are two tspans. */
    g_assert_nonnull (strstr (data, ">Kim Yo</tspan><tspan"));
  }

  /* The same scene gives the same file. */
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_svg_hostile_text (void)
{
  AmRect bounds = { 0, 0, 200, 200 };
  AmSceneBuilder *builder = am_scene_builder_new (&bounds);
  static const char * const ids[] = { "a b", "a_20b", "é/ü", "x\"<&>'" };
  /* "\001" rather than "\x01": an octal escape ends after three digits, a hex one
   * would swallow the "c" that follows. */
  static const char * const labels[] = {
    "<b>&amp;</b> \"quoted\" 'single'", "Ctrl\001char", "]]> <!-- -->", "Ünïcödé 한국 ☃",
  };
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SvgDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  AmExportOptions options;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      AmSceneNode node = { (char *) ids[i], (char *) labels[i], (char *) "odd kind<>",
                           AM_NODE_SHAPE_BOX, { 10, 10 + 40 * i, 180, 30 } };

      am_scene_builder_add_node (builder, &node);
    }
  scene = am_scene_builder_end (builder, &error);
  g_assert_no_error (error);

  am_export_options_init (&options);
  options.format = AM_EXPORT_FORMAT_SVG;
  options.caption_title = "A & B <i>";
  bytes = render_with_options (scene, &options);
  doc = parse_svg (bytes);

  /* Four distinct, valid ids (parse_svg asserts validity and uniqueness). */
  g_assert_cmpuint (doc->groups->len, >=, 4);
  g_assert_true (has_text (doc->texts, labels[0]));
  g_assert_true (has_text (doc->texts, "Ctrlchar"));     /* the control character is dropped */
  g_assert_true (has_text (doc->texts, labels[2]));
  g_assert_true (has_text (doc->texts, labels[3]));
  g_assert_true (has_text (doc->texts, "A & B <i>"));
}

/* Suggested items are dashed in SVG too: one dashed stroke per suggested node and edge. */
static guint
count_occurrences (GBytes     *bytes,
                   const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_strndup (data, size);
  guint n = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_svg_suggested_dashed (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (FALSE);
  g_autoptr(GHashTable) suggested = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) dashed = NULL;
  AmExportOptions options;

  am_export_options_init (&options);
  options.format = AM_EXPORT_FORMAT_SVG;
  plain = render_with_options (scene, &options);
  g_assert_cmpuint (count_occurrences (plain, "stroke-dasharray"), ==, 0);

  g_hash_table_add (suggested, (gpointer) "yonhap");
  g_hash_table_add (suggested, (gpointer) "e4");
  options.suggested = suggested;
  dashed = render_with_options (scene, &options);
  g_assert_cmpuint (count_occurrences (dashed, "stroke-dasharray"), ==, 2);
}

/* A path's emphasis in a file: what is not highlighted is drawn dimmed (a group with an
 * opacity), what is stays at full strength, as on screen. */
static void
test_svg_highlighted_dims_the_rest (void)
{
  static const char * const on_path[] = { "kp", "kyj", "e1" };
  g_autoptr(AmScene) scene = render_fixture_scene (FALSE);
  g_autoptr(GHashTable) highlighted = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) svg = NULL;
  AmExportOptions options;

  for (guint i = 0; i < G_N_ELEMENTS (on_path); i++)
    g_hash_table_add (highlighted, (gpointer) on_path[i]);
  am_export_options_init (&options);
  options.format = AM_EXPORT_FORMAT_SVG;
  options.highlighted = highlighted;
  svg = render_with_options (scene, &options);

  /* kp and kyj undimmed; kcna, ex, pyo, yonhap dimmed; e1 undimmed, e2–e5 dimmed (their
   * curves, and the labels of those that have one). */
  g_assert_cmpuint (count_occurrences (svg, "class=\"node kind-state\">"), ==, 1);
  g_assert_cmpuint (count_occurrences (svg, "class=\"node kind-person\">"), ==, 1);
  g_assert_cmpuint (count_occurrences (svg, "class=\"node kind-event\" opacity="), ==, 1);
  g_assert_cmpuint (count_occurrences (svg, "class=\"node kind-media\" opacity="), ==, 1);
  g_assert_cmpuint (count_occurrences (svg, "id=\"edge-e1\" class=\"edge\">"), ==, 1);
  g_assert_cmpuint (count_occurrences (svg, "id=\"edge-e3\" class=\"edge\" opacity="), ==, 1);

  /* Without the set, a file dims nothing. */
  g_clear_pointer (&svg, g_bytes_unref);
  options.highlighted = NULL;
  svg = render_with_options (scene, &options);
  g_assert_cmpuint (count_occurrences (svg, "\" opacity=\""), ==, 0);
}

/* A view's scene keeps the whole map's bounds; crop draws only the part that has something
 * in it, and draws it there (not off the page). */
static void
test_crop_to_content (void)
{
  AmRect bounds = { 0, 0, 1000, 800 };
  AmSceneBuilder *builder = am_scene_builder_new (&bounds);
  AmSceneNode node = { (char *) "far", (char *) "Far away", (char *) "state",
                       AM_NODE_SHAPE_BOX, { 500, 400, 60, 30 } };
  g_autoptr(AmScene) scene = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AmExportOptions options;
  double width, height;
  gsize size;

  am_scene_builder_add_node (builder, &node);
  scene = am_scene_builder_end (builder, &error);
  g_assert_no_error (error);

  am_export_options_init (&options);
  options.show_legend = FALSE;
  options.show_caption = FALSE;
  am_export_measure_page (scene, &options, &width, &height);
  g_assert_cmpfloat (width, ==, 1000 + 2 * 24);
  g_assert_cmpfloat (height, ==, 800 + 2 * 24);

  /* The node, 8 points around it, the page margin around that. */
  options.crop = TRUE;
  am_export_measure_page (scene, &options, &width, &height);
  g_assert_cmpfloat (width, ==, 60 + 2 * 8 + 2 * 24);
  g_assert_cmpfloat (height, ==, 30 + 2 * 8 + 2 * 24);

  /* Drawn where the cropped page has it: the scene is moved by the crop's corner. */
  options.format = AM_EXPORT_FORMAT_SVG;
  bytes = render_with_options (scene, &options);
  text = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  g_assert_nonnull (strstr (text, "Far away"));
  g_assert_nonnull (strstr (text, "translate(-468 -368)"));
}

/* Whether the last bytes of @data contain @needle (the data may hold NULs). */
static gboolean
tail_contains (const char *data,
               gsize       size,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = size > 32 ? size - 32 : 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static char *
pdf_text (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  int fd;

  if (pdftotext == NULL)
    return NULL;

  fd = g_file_open_tmp ("am-export-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", "-raw", path, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  &out, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_unlink (path);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return normalise (out);
}

static void
test_pdf (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  g_autoptr(GBytes) bytes = render (scene, AM_EXPORT_FORMAT_PDF, 1.0);
  g_autofree char *text = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (size, >, 5);
  g_assert_cmpmem (data, 5, "%PDF-", 5);
  /* Finished: the trailer is there (binary data before it, so no strstr). */
  g_assert_true (tail_contains (data, size, "%%EOF"));

  text = pdf_text (bytes);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  g_test_message ("pdftotext: %s", text);
  for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
    {
      g_autofree char *label = normalise (am_scene_get_node (scene, i)->label);

      g_test_message ("node %s", label);
      g_assert_nonnull (strstr (text, label));
    }
  g_assert_nonnull (strstr (text, RENDER_FIXTURE_TITLE));
  g_assert_nonnull (strstr (text, RENDER_FIXTURE_SUBTITLE));
  g_assert_nonnull (strstr (text, "sister of"));
}

static void
test_legend_and_caption_optional (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  g_autoptr(GError) error = NULL;
  double full_w, full_h, w, h;
  AmExportOptions options;

  render_fixture_export_options_init (&options);
  am_export_measure_page (scene, &options, &full_w, &full_h);

  options.format = AM_EXPORT_FORMAT_SVG;
  options.show_legend = FALSE;
  options.show_caption = FALSE;
  am_export_measure_page (scene, &options, &w, &h);
  g_assert_cmpfloat (w, <, full_w);
  g_assert_cmpfloat (h, <, full_h);

  {
    g_autoptr(GBytes) bytes = am_export_render (scene, &options, &error);
    g_autoptr(SvgDoc) doc = NULL;

    g_assert_no_error (error);
    doc = parse_svg (bytes);
    g_assert_null (find_group (doc, "legend"));
    g_assert_null (find_group (doc, "caption"));
    g_assert_false (has_text (doc->texts, RENDER_FIXTURE_TITLE));
    g_assert_true (has_text (doc->texts, "North Korea"));
  }
}

static void
test_selected (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) selected = NULL;
  g_autoptr(SvgDoc) plain_doc = NULL;
  g_autoptr(SvgDoc) selected_doc = NULL;
  AmExportOptions options;

  render_fixture_export_options_init (&options);
  options.format = AM_EXPORT_FORMAT_SVG;
  plain = am_export_render (scene, &options, &error);
  g_assert_no_error (error);
  options.selected_id = "kp";
  selected = am_export_render (scene, &options, &error);
  g_assert_no_error (error);

  /* The selection ring is one more hexagon. */
  plain_doc = parse_svg (plain);
  selected_doc = parse_svg (selected);
  g_assert_cmpuint (count_elements (selected_doc, "polygon"), ==,
                    count_elements (plain_doc, "polygon") + 1);
}

/* ------------------------------------------------------------------------------------ */
/* Sizes                                                                                */

static void
test_invalid_size (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (FALSE);
  AmRect small_bounds = { 0, 0, 20, 10 };
  g_autoptr(AmScene) small = am_scene_builder_end (am_scene_builder_new (&small_bounds), NULL);
  const double scales[] = { 0, -1, NAN, INFINITY, -INFINITY, 0.05, 16.5, 1e6 };
  AmExportOptions options;

  render_fixture_export_options_init (&options);

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      g_test_message ("scale %g", scales[i]);
      options.scale = scales[i];
      bytes = am_export_render (scene, &options, &error);
      g_assert_null (bytes);
      g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_INVALID_SIZE);
    }

  /* The limits themselves are fine (on a small page, to keep the test quick). */
  options.show_legend = FALSE;
  options.show_caption = FALSE;
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      options.scale = i == 0 ? 0.1 : 16;
      bytes = am_export_render (small, &options, &error);
      g_assert_no_error (error);
      g_assert_nonnull (bytes);
    }
}

static void
test_too_many_pixels (void)
{
  AmRect bounds = { 0, 0, 3000, 3000 };
  AmSceneBuilder *builder = am_scene_builder_new (&bounds);
  AmSceneNode node = { (char *) "n", (char *) "N", (char *) "state", AM_NODE_SHAPE_BOX,
                       { 10, 10, 50, 20 } };
  g_autoptr(AmScene) scene = NULL;
  AmExportOptions options;

  am_scene_builder_add_node (builder, &node);
  scene = am_scene_builder_end (builder, NULL);
  g_assert_nonnull (scene);
  render_fixture_export_options_init (&options);

  /* Over 32767 pixels a side, then over 400 million pixels in all. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      options.scale = i == 0 ? 12 : 7;
      bytes = am_export_render (scene, &options, &error);
      g_assert_null (bytes);
      g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_INVALID_SIZE);
    }

  /* Vector formats have no pixels and ignore the scale. */
  options.format = AM_EXPORT_FORMAT_SVG;
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = am_export_render (scene, &options, &error);

    g_assert_no_error (error);
    g_assert_nonnull (bytes);
  }
}

/* ------------------------------------------------------------------------------------ */
/* Writing files                                                                        */

static void
test_write_each_format (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  g_autofree char *dir = test_files_make_temp_dir ("am-export-XXXXXX");
  static const char * const names[] = { "map.png", "map.SVG", "map.pdf" };
  static const char * const magic[] = { "\x89PNG", "<?xml", "%PDF" };
  AmExportOptions options;

  render_fixture_export_options_init (&options);
  /* The extension decides, whatever options.format says. */
  options.format = AM_EXPORT_FORMAT_PDF;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;
      GStatBuf st;
      mode_t old_umask = umask (022);

      g_assert_true (am_export_to_file (scene, &options, path, &error));
      g_assert_no_error (error);
      umask (old_umask);

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (length, >, strlen (magic[i]));
      g_assert_cmpmem (contents, strlen (magic[i]), magic[i], strlen (magic[i]));
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0644);
    }

  {
    g_autofree char *listing = test_files_list_dir (dir);

    g_assert_cmpstr (listing, ==, "map.SVG,map.pdf,map.png");
  }

  test_files_remove_tree (dir);
}

static void
test_unknown_format (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (FALSE);
  g_autofree char *dir = test_files_make_temp_dir ("am-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "map.jpg", NULL);
  g_autoptr(GError) error = NULL;
  AmExportOptions options;

  render_fixture_export_options_init (&options);
  g_assert_false (am_export_to_file (scene, &options, path, &error));
  g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_UNKNOWN_FORMAT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  test_files_remove_tree (dir);
}

static void
test_missing_directory (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (FALSE);
  g_autofree char *dir = test_files_make_temp_dir ("am-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "missing", "sub", "map.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  AmExportOptions options;

  render_fixture_export_options_init (&options);
  g_assert_false (am_export_to_file (scene, &options, path, &error));
  g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_WRITE_FAILED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  /* The user's path, never GLib's temporary name. */
  g_assert_null (strstr (error->message, "map.svg."));

  listing = test_files_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");

  test_files_remove_tree (dir);
}

static void
test_failed_export_keeps_file (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (FALSE);
  g_autofree char *dir = test_files_make_temp_dir ("am-export-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  g_autoptr(GError) error = NULL;
  AmExportOptions options;

  test_files_write (path, "the old map\n");
  render_fixture_export_options_init (&options);
  options.scale = NAN;
  g_assert_false (am_export_to_file (scene, &options, path, &error));
  g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_INVALID_SIZE);

  test_files_assert_only (dir, "map.png", "the old map\n");

  test_files_remove_tree (dir);
}

static void
test_full_disk (void)
{
  const char *old_contents = "the old map, which must survive\n";

  if (g_test_subprocess ())
    {
      g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
      const char *dir = g_getenv ("AM_TEST_EXPORT_DIR");
      g_autofree char *path = g_build_filename (dir, "map.png", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *listing = NULL;
      AmExportOptions options;

      test_files_limit_size ();

      render_fixture_export_options_init (&options);
      options.scale = 2;
      g_assert_false (am_export_to_file (scene, &options, path, &error));
      g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_WRITE_FAILED);
      g_assert_nonnull (strstr (error->message, path));
      g_printerr ("%s\n", error->message);

      listing = test_files_list_dir (dir);
      g_assert_cmpstr (listing, ==, "map.png");
      return;
    }

  {
    g_autofree char *dir = test_files_make_temp_dir ("am-export-XXXXXX");
    g_autofree char *path = g_build_filename (dir, "map.png", NULL);

    test_files_write (path, old_contents);
    g_setenv ("AM_TEST_EXPORT_DIR", dir, TRUE);

    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stderr ("*Could not write*map.png*File too large*");

    /* Byte for byte, and nothing else in the directory. */
    test_files_assert_only (dir, "map.png", old_contents);

    g_unsetenv ("AM_TEST_EXPORT_DIR");
    test_files_remove_tree (dir);
  }
}

static void
test_not_a_regular_file (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (FALSE);
  g_autofree char *dir = test_files_make_temp_dir ("am-export-XXXXXX");
  g_autofree char *link = g_build_filename (dir, "full.png", NULL);
  g_autofree char *subdir = g_build_filename (dir, "folder.svg", NULL);
  g_autofree char *listing = NULL;
  AmExportOptions options;
  GStatBuf st;

  render_fixture_export_options_init (&options);

  /* A link to /dev/full: as root, a naive atomic write would put a temporary file in
   * /dev and rename it over the device. */
  if (g_stat ("/dev/full", &st) == 0 && S_ISCHR (st.st_mode))
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (symlink ("/dev/full", link), ==, 0);
      g_assert_false (am_export_to_file (scene, &options, link, &error));
      g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_WRITE_FAILED);
      g_assert_nonnull (strstr (error->message, link));
      g_assert_cmpint (g_stat ("/dev/full", &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
      g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
    }

  /* A directory named like an export. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (g_mkdir (subdir, 0755), ==, 0);
    g_assert_false (am_export_to_file (scene, &options, subdir, &error));
    g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_WRITE_FAILED);
    g_assert_nonnull (strstr (error->message, subdir));
    g_assert_true (g_file_test (subdir, G_FILE_TEST_IS_DIR));
  }

  listing = test_files_list_dir (dir);
  if (g_file_test (link, G_FILE_TEST_IS_SYMLINK))
    g_assert_cmpstr (listing, ==, "folder.svg,full.png");
  else
    g_assert_cmpstr (listing, ==, "folder.svg");

  test_files_remove_tree (dir);
}

static void
test_symlink_followed (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (FALSE);
  g_autofree char *dir = test_files_make_temp_dir ("am-export-XXXXXX");
  g_autofree char *link = g_build_filename (dir, "link.svg", NULL);
  g_autofree char *real = g_build_filename (dir, "real.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  AmExportOptions options;
  GStatBuf st;

  test_files_write (real, "old");
  g_assert_cmpint (g_chmod (real, 0600), ==, 0);
  g_assert_cmpint (symlink ("real.svg", link), ==, 0);

  render_fixture_export_options_init (&options);
  g_assert_true (am_export_to_file (scene, &options, link, &error));
  g_assert_no_error (error);

  /* The link stays a link; the file behind it is replaced and keeps its mode. */
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_file_get_contents (real, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  listing = test_files_list_dir (dir);
  g_assert_cmpstr (listing, ==, "link.svg,real.svg");

  test_files_remove_tree (dir);
}

static void
test_read_only_directory (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (FALSE);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  AmExportOptions options;

  if (geteuid () == 0)
    {
      g_test_skip ("permissions do not apply to root");
      return;
    }

  dir = test_files_make_temp_dir ("am-export-XXXXXX");
  path = g_build_filename (dir, "map.pdf", NULL);
  test_files_write (path, "old pdf");
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  render_fixture_export_options_init (&options);
  g_assert_false (am_export_to_file (scene, &options, path, &error));
  g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_WRITE_FAILED);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  test_files_assert_only (dir, "map.pdf", "old pdf");

  test_files_remove_tree (dir);
}

static AmDocument *
document_with_article (const char *article)
{
  g_autofree char *json = g_strdup_printf ("{ \"article\": %s, \"entities\": [], "
                                           "\"relations\": [] }", article);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  AmDocument *document = am_document_load_from_bytes (bytes, "caption.json", &error);

  g_assert_no_error (error);
  return document;
}

static void
assert_caption (const char *article,
                const char *title,
                const char *subtitle)
{
  g_autoptr(AmDocument) document = document_with_article (article);
  g_autofree char *got_title = NULL;
  g_autofree char *got_subtitle = NULL;

  am_export_caption_for_document (document, &got_title, &got_subtitle);
  g_assert_cmpstr (got_title, ==, title);
  g_assert_cmpstr (got_subtitle, ==, subtitle);
}

/* The caption speaks like the panels: the date as "18 March 2021", never raw ISO. */
static void
test_caption_for_document (void)
{
  assert_caption ("{ \"title\": \"Ministers meet\", \"publisher\": \"Example News\", "
                  "\"source\": \"Yonhap\", \"date\": \"2021-03-18\" }",
                  "Ministers meet", "Example News · 18 March 2021");
  /* The source stands in for a missing publisher; a month stays a month. */
  assert_caption ("{ \"title\": \"T\", \"source\": \"Yonhap\", \"date\": \"2021-03\" }",
                  "T", "Yonhap · March 2021");
  assert_caption ("{ \"title\": \"T\", \"publisher\": \"\", \"source\": \"Yonhap\" }",
                  "T", "Yonhap");
  assert_caption ("{ \"title\": \"T\", \"date\": \"2021\" }", "T", "2021");
  assert_caption ("{ \"publisher\": \"P\" }", NULL, "P");
  assert_caption ("{ \"title\": \"\" }", NULL, NULL);
  assert_caption ("{ }", NULL, NULL);
}

/* Without a caption in the options, the page has none, whatever the scene. */
static void
test_caption_from_options (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  AmExportOptions options;
  double with_w, with_h, without_w, without_h, title_w, title_h;

  render_fixture_export_options_init (&options);
  am_export_measure_page (scene, &options, &with_w, &with_h);

  options.caption_title = NULL;
  options.caption_subtitle = NULL;
  am_export_measure_page (scene, &options, &without_w, &without_h);
  g_assert_cmpfloat (without_h, <, with_h);

  options.caption_title = RENDER_FIXTURE_TITLE;
  am_export_measure_page (scene, &options, &title_w, &title_h);
  g_assert_cmpfloat (without_h, <, title_h);
  g_assert_cmpfloat (title_h, <, with_h);

  {
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(SvgDoc) doc = NULL;

    options.format = AM_EXPORT_FORMAT_SVG;
    options.caption_title = "Only this";
    options.caption_subtitle = NULL;
    bytes = render_with_options (scene, &options);
    doc = parse_svg (bytes);
    g_assert_true (has_text (doc->texts, "Only this"));
    g_assert_false (has_text (doc->texts, RENDER_FIXTURE_TITLE));
    g_assert_false (has_text (doc->texts, RENDER_FIXTURE_SUBTITLE));
  }
}

/* A Graphviz graph's legend speaks of nodes and edges, an actor map's of actors and
 * relations; the scene is the same, only the options say which. */
static void
test_legend_headings (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  const AmDocumentOrigin origins[] = { AM_DOCUMENT_ORIGIN_MODEL, AM_DOCUMENT_ORIGIN_GRAPHVIZ };
  const char *kinds[] = { "Actors", "Nodes" };
  const char *types[] = { "Relations", "Edges" };

  for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(SvgDoc) doc = NULL;
      AmExportOptions options;
      SvgGroup *legend;

      render_fixture_export_options_init (&options);
      options.format = AM_EXPORT_FORMAT_SVG;
      options.origin = origins[i];
      bytes = render_with_options (scene, &options);
      doc = parse_svg (bytes);
      legend = find_group (doc, "legend");
      g_assert_nonnull (legend);
      g_assert_true (has_text (legend->texts, kinds[i]));
      g_assert_true (has_text (legend->texts, types[i]));
      g_assert_false (has_text (legend->texts, kinds[1 - i]));
      g_assert_false (has_text (legend->texts, types[1 - i]));
    }
}

/* The on-screen legend functions measure the same headings. */
static void
test_legend_measure_origin (void)
{
  g_autoptr(AmScene) scene = render_fixture_scene (TRUE);
  double model_w, model_h, plain_w, plain_h, graph_w, graph_h;

  am_renderer_measure_legend (scene, am_theme_get_light (), &plain_w, &plain_h);
  am_renderer_measure_legend_full (scene, am_theme_get_light (), AM_DOCUMENT_ORIGIN_MODEL,
                                   &model_w, &model_h);
  am_renderer_measure_legend_full (scene, am_theme_get_light (),
                                   AM_DOCUMENT_ORIGIN_GRAPHVIZ, &graph_w, &graph_h);
  g_assert_cmpfloat (plain_w, ==, model_w);
  g_assert_cmpfloat (plain_h, ==, model_h);
  g_assert_cmpfloat (graph_h, ==, model_h);
  g_assert_cmpfloat (graph_w, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* English words and month names, whatever the machine's language. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Actormap/Export/format-from-path", test_format_from_path);
  g_test_add_func ("/Actormap/Export/options-defaults", test_options_defaults);
  g_test_add_func ("/Actormap/Export/caption-for-document", test_caption_for_document);
  g_test_add_func ("/Actormap/Export/caption-from-options", test_caption_from_options);
  g_test_add_func ("/Actormap/Export/legend-headings", test_legend_headings);
  g_test_add_func ("/Actormap/Export/legend-measure-origin", test_legend_measure_origin);
  g_test_add_func ("/Actormap/Export/png", test_png);
  g_test_add_func ("/Actormap/Export/png-dark", test_png_dark);
  g_test_add_func ("/Actormap/Export/svg", test_svg);
  g_test_add_func ("/Actormap/Export/svg-hostile-text", test_svg_hostile_text);
  g_test_add_func ("/Actormap/Export/pdf", test_pdf);
  g_test_add_func ("/Actormap/Export/legend-caption-optional", test_legend_and_caption_optional);
  g_test_add_func ("/Actormap/Export/selected", test_selected);
  g_test_add_func ("/Actormap/Export/invalid-size", test_invalid_size);
  g_test_add_func ("/Actormap/Export/too-many-pixels", test_too_many_pixels);
  g_test_add_func ("/Actormap/Export/write-each-format", test_write_each_format);
  g_test_add_func ("/Actormap/Export/unknown-format", test_unknown_format);
  g_test_add_func ("/Actormap/Export/missing-directory", test_missing_directory);
  g_test_add_func ("/Actormap/Export/failed-export-keeps-file", test_failed_export_keeps_file);
  g_test_add_func ("/Actormap/Export/full-disk", test_full_disk);
  g_test_add_func ("/Actormap/Export/not-a-regular-file", test_not_a_regular_file);
  g_test_add_func ("/Actormap/Export/svg-suggested-dashed", test_svg_suggested_dashed);
  g_test_add_func ("/Actormap/Export/svg-highlighted-dims-the-rest", test_svg_highlighted_dims_the_rest);
  g_test_add_func ("/Actormap/Export/crop-to-content", test_crop_to_content);
  g_test_add_func ("/Actormap/Export/symlink-followed", test_symlink_followed);
  g_test_add_func ("/Actormap/Export/read-only-directory", test_read_only_directory);

  return g_test_run ();
}
