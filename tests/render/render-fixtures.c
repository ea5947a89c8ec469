/* render-fixtures.c — scenes and pixel helpers shared by the render tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "render-fixtures.h"

void
render_fixture_add_node (AmSceneBuilder *builder,
                         const char     *id,
                         const char     *label,
                         const char     *kind,
                         AmNodeShape     shape,
                         double          x,
                         double          y,
                         double          width,
                         double          height)
{
  AmSceneNode node = { (char *) id, (char *) label, (char *) kind, shape, { x, y, width, height } };

  am_scene_builder_add_node (builder, &node);
}

void
render_fixture_add_edge (AmSceneBuilder *builder,
                         const char     *id,
                         const char     *source,
                         const char     *target,
                         const char     *label,
                         const char     *type,
                         gboolean        directed,
                         const AmPoint  *points,
                         guint           n_points,
                         const AmPoint  *head,
                         const AmRect   *label_box)
{
  AmSceneEdge edge = { 0, };

  edge.id = (char *) id;
  edge.source = (char *) source;
  edge.target = (char *) target;
  edge.label = (char *) label;
  edge.type = (char *) type;
  edge.directed = directed;
  edge.points = (AmPoint *) points;
  edge.n_points = n_points;
  if (head != NULL)
    {
      edge.has_head = TRUE;
      edge.head = *head;
    }
  if (label_box != NULL)
    {
      edge.has_label = TRUE;
      edge.label_box = *label_box;
    }

  am_scene_builder_add_edge (builder, &edge);
}

void
render_fixture_export_options_init (AmExportOptions *options)
{
  am_export_options_init (options);
  options->caption_title = RENDER_FIXTURE_TITLE;
  options->caption_subtitle = RENDER_FIXTURE_SUBTITLE;
}

AmScene *
render_fixture_scene (gboolean labels)
{
  AmRect bounds = { 0, 0, 420, 320 };
  AmSceneBuilder *builder = am_scene_builder_new (&bounds);
  g_autoptr(GError) error = NULL;
  AmScene *scene;

  static const AmPoint e1[] = { { 140, 40 }, { 170, 40 }, { 220, 40 }, { 270, 40 } };
  static const AmPoint e1_head = { 280, 40 };
  static const AmRect e1_label = { 185, 22, 50, 12 };
  static const AmPoint e2[] = { { 80, 220 }, { 80, 180 }, { 80, 120 }, { 80, 70 } };
  static const AmPoint e2_head = { 80, 60 };
  static const AmRect e2_label = { 84, 130, 50, 12 };
  static const AmPoint e3[] = { { 140, 50 }, { 200, 100 }, { 250, 180 }, { 298, 222 } };
  static const AmPoint e3_head = { 305, 228 };
  static const AmPoint e4[] = { { 310, 138 }, { 290, 140 }, { 270, 150 }, { 258, 152 } };
  static const AmPoint e4_head = { 250, 152 };
  static const AmPoint e5[] = { { 330, 65 }, { 250, 100 }, { 200, 200 }, { 160, 230 } };

  am_scene_builder_set_engine (builder, "neato");

  render_fixture_add_node (builder, "kp", labels ? "North Korea" : "", "state",
                           AM_NODE_SHAPE_HEXAGON, 20, 20, 120, 40);
  render_fixture_add_node (builder, "kyj", labels ? "Kim Yo\nJong" : "", "person",
                           AM_NODE_SHAPE_ELLIPSE, 280, 15, 120, 50);
  render_fixture_add_node (builder, "kcna", labels ? "KCNA <b>&amp; R&D" : "", "organization",
                           AM_NODE_SHAPE_BOX, 20, 220, 140, 40);
  render_fixture_add_node (builder, "ex", labels ? "Joint exercise" : "", "event",
                           AM_NODE_SHAPE_DIAMOND, 270, 210, 140, 80);
  render_fixture_add_node (builder, "pyo", labels ? "Pyongyang" : "", "place",
                           AM_NODE_SHAPE_OCTAGON, 160, 130, 90, 44);
  render_fixture_add_node (builder, "yonhap", labels ? "Yonhap" : "", "media",
                           AM_NODE_SHAPE_BOX, 310, 120, 100, 36);

  render_fixture_add_edge (builder, "e1", "kp", "kyj", "sister of", "role", TRUE,
                           e1, G_N_ELEMENTS (e1), &e1_head, &e1_label);
  render_fixture_add_edge (builder, "e2", "kcna", "kp", "reports", "reports", TRUE,
                           e2, G_N_ELEMENTS (e2), &e2_head, &e2_label);
  render_fixture_add_edge (builder, "e3", "kp", "ex", NULL, "hostility", TRUE,
                           e3, G_N_ELEMENTS (e3), &e3_head, NULL);
  render_fixture_add_edge (builder, "e4", "yonhap", "pyo", NULL, "custom ties", TRUE,
                           e4, G_N_ELEMENTS (e4), &e4_head, NULL);
  render_fixture_add_edge (builder, "e5", "kyj", "kcna", NULL, NULL, FALSE,
                           e5, G_N_ELEMENTS (e5), NULL, NULL);

  {
    AmSceneCluster cluster = { (char *) "c1", (char *) "Allies", { 170, 250, 90, 62 } };

    am_scene_builder_add_cluster (builder, &cluster);
  }

  scene = am_scene_builder_end (builder, &error);
  g_assert_no_error (error);
  g_assert_nonnull (scene);

  return scene;
}

Pixel
render_fixture_pixel (cairo_surface_t *surface,
                      int              x,
                      int              y)
{
  const guint8 *data;
  guint32 value;
  Pixel pixel;

  /* PNGs without transparency load as RGB24: the same layout, alpha ignored. */
  g_assert_true (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32 ||
                 cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  /* A copy, not a cast: clang's -Wcast-align cannot know cairo's rows are aligned. */
  memcpy (&value, data + y * cairo_image_surface_get_stride (surface) + x * 4, sizeof value);

  pixel.a = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24 ? 255 : value >> 24;
  pixel.r = (value >> 16) & 0xff;
  pixel.g = (value >> 8) & 0xff;
  pixel.b = value & 0xff;

  /* ARGB32 is premultiplied. */
  if (pixel.a > 0 && pixel.a < 255)
    {
      pixel.r = pixel.r * 255 / pixel.a;
      pixel.g = pixel.g * 255 / pixel.a;
      pixel.b = pixel.b * 255 / pixel.a;
    }

  return pixel;
}

Pixel
render_fixture_scene_pixel (cairo_surface_t *surface,
                            double           scale,
                            double           x,
                            double           y)
{
  return render_fixture_pixel (surface, (int) floor (x * scale), (int) floor (y * scale));
}

gboolean
render_fixture_pixel_is (Pixel          pixel,
                         const AmColor *color,
                         int            tolerance)
{
  return ABS (pixel.r - (int) round (color->red * 255)) <= tolerance &&
         ABS (pixel.g - (int) round (color->green * 255)) <= tolerance &&
         ABS (pixel.b - (int) round (color->blue * 255)) <= tolerance;
}

AmColor
render_fixture_blend (const AmColor *top,
                      const AmColor *bottom,
                      double         alpha)
{
  AmColor out = {
    top->red * alpha + bottom->red * (1 - alpha),
    top->green * alpha + bottom->green * (1 - alpha),
    top->blue * alpha + bottom->blue * (1 - alpha),
    1.0,
  };

  return out;
}

char *
render_fixture_describe (Pixel pixel)
{
  return g_strdup_printf ("#%02x%02x%02x (alpha %d)", pixel.r, pixel.g, pixel.b, pixel.a);
}
