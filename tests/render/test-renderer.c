/* test-renderer.c — the one drawing routine, checked pixel by pixel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "am-hairline-private.h"
#include "am-renderer-private.h"
#include "render-fixtures.h"
#include "test-scenes.h"

/* Drawn at 4 pixels per point, so 1.2-point lines cover whole pixels. */
#define SCALE 4.0

typedef struct
{
  AmScene         *scene;
  AmScene         *labelled;
  cairo_surface_t *surface;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->scene = render_fixture_scene (FALSE);
  fixture->labelled = render_fixture_scene (TRUE);
  fixture->surface = NULL;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->scene, am_scene_unref);
  g_clear_pointer (&fixture->labelled, am_scene_unref);
  g_clear_pointer (&fixture->surface, cairo_surface_destroy);
}

/* Draws @scene on a background-filled surface, as the canvas does. */
static cairo_surface_t *
draw (const AmScene       *scene,
      const AmTheme       *theme,
      const AmRenderState *state)
{
  const AmRect *bounds = am_scene_get_bounds (scene);
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        (int) ceil (bounds->width * SCALE),
                                        (int) ceil (bounds->height * SCALE));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, theme->background.red, theme->background.green, theme->background.blue);
  cairo_paint (cr);
  cairo_scale (cr, SCALE, SCALE);
  am_renderer_draw_scene (cr, scene, theme, state);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  return surface;
}

static AmRenderState
state_at_scale (void)
{
  AmRenderState state;

  am_render_state_init (&state);
  state.pixels_per_point = SCALE;

  return state;
}

static void
assert_pixel (cairo_surface_t *surface,
              double           x,
              double           y,
              const AmColor   *expected,
              int              tolerance)
{
  Pixel pixel = render_fixture_scene_pixel (surface, SCALE, x, y);

  if (!render_fixture_pixel_is (pixel, expected, tolerance))
    {
      g_autofree char *got = render_fixture_describe (pixel);

      g_test_message ("at (%g, %g): got %s, expected #%02x%02x%02x", x, y, got,
                      (int) round (expected->red * 255), (int) round (expected->green * 255),
                      (int) round (expected->blue * 255));
      g_assert_true (render_fixture_pixel_is (pixel, expected, tolerance));
    }
}

static const AmTheme *
theme_for (gconstpointer data)
{
  return GPOINTER_TO_INT (data) ? am_theme_get_dark () : am_theme_get_light ();
}

static void
test_node_fill (Fixture       *fixture,
                gconstpointer  data)
{
  const AmTheme *theme = theme_for (data);
  AmRenderState state = state_at_scale ();

  fixture->surface = draw (fixture->scene, theme, &state);

  for (guint i = 0; i < am_scene_get_n_nodes (fixture->scene); i++)
    {
      const AmSceneNode *node = am_scene_get_node (fixture->scene, i);
      const AmKindStyle *style = am_theme_style_for_kind (theme, node->kind);
      double x, y;

      g_test_message ("node %s (%s)", node->id, node->kind);
      test_scenes_centre (fixture->scene, node->id, &x, &y);
      assert_pixel (fixture->surface, x, y, &style->fill, 2);
    }

  /* Outside every node and edge: the background. */
  assert_pixel (fixture->surface, 5, 310, &theme->background, 0);
}

static void
test_shapes (Fixture       *fixture,
             gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_light ();
  AmRenderState state = state_at_scale ();

  fixture->surface = draw (fixture->scene, theme, &state);

  /* The corners of a diamond's, an ellipse's and a hexagon's box are outside the shape;
   * a box fills its corners (less the rounding). */
  assert_pixel (fixture->surface, 272, 212, &theme->background, 0);     /* ex, diamond */
  assert_pixel (fixture->surface, 283, 18, &theme->background, 0);      /* kyj, ellipse */
  assert_pixel (fixture->surface, 22, 22, &theme->background, 0);       /* kp, hexagon */
  assert_pixel (fixture->surface, 162, 132, &theme->background, 0);     /* pyo, octagon */
  assert_pixel (fixture->surface, 24, 256, &theme->kinds[AM_ENTITY_KIND_ORGANIZATION].fill, 2);
}

static void
test_edge_color (Fixture       *fixture,
                 gconstpointer  data)
{
  const AmTheme *theme = theme_for (data);
  AmRenderState state = state_at_scale ();
  AmColor role = am_theme_color_for_relation_type (theme, "role");
  AmColor reports = am_theme_color_for_relation_type (theme, "reports");

  fixture->surface = draw (fixture->scene, theme, &state);

  /* On the curves, away from labels and arrowheads. */
  assert_pixel (fixture->surface, 160, 40, &role, 2);
  assert_pixel (fixture->surface, 80, 190, &reports, 2);
  /* The arrowhead, filled, just behind its tip. */
  assert_pixel (fixture->surface, 277, 40, &role, 2);
  /* A plain line is thin: one point off it is background. */
  assert_pixel (fixture->surface, 160, 41.5, &theme->background, 0);
}

static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  const AmTheme *theme = theme_for (data);
  AmRenderState state = state_at_scale ();
  AmColor role = am_theme_color_for_relation_type (theme, "role");

  /* The outline ring sits 3 points outside the node's box. */
  fixture->surface = draw (fixture->scene, theme, &state);
  assert_pixel (fixture->surface, 80, 15.8, &theme->background, 0);
  assert_pixel (fixture->surface, 160, 41.1, &theme->background, 0);
  g_clear_pointer (&fixture->surface, cairo_surface_destroy);

  state.selected_id = "kp";
  fixture->surface = draw (fixture->scene, theme, &state);
  assert_pixel (fixture->surface, 80, 15.8, &theme->selection, 2);
  /* The selected node's edges are drawn thicker. */
  assert_pixel (fixture->surface, 160, 41.1, &role, 2);
}

static void
test_hover (Fixture       *fixture,
            gconstpointer  data)
{
  const AmTheme *theme = theme_for (data);
  AmRenderState state = state_at_scale ();
  const AmKindStyle *state_style = am_theme_style_for_kind (theme, "state");

  fixture->surface = draw (fixture->scene, theme, &state);
  assert_pixel (fixture->surface, 80, 20.1, &state_style->stroke, 2);
  g_clear_pointer (&fixture->surface, cairo_surface_destroy);

  state.hovered_id = "kp";
  fixture->surface = draw (fixture->scene, theme, &state);
  assert_pixel (fixture->surface, 80, 20.1, &theme->hover, 2);
}

static void
test_dimming (Fixture       *fixture,
              gconstpointer  data)
{
  const AmTheme *theme = theme_for (data);
  g_autoptr(GHashTable) highlighted = g_hash_table_new (g_str_hash, g_str_equal);
  AmRenderState state = state_at_scale ();
  AmColor dimmed_person = render_fixture_blend (&theme->kinds[AM_ENTITY_KIND_PERSON].fill,
                                                &theme->background, theme->dim_alpha);
  AmColor reports = am_theme_color_for_relation_type (theme, "reports");
  AmColor dimmed_reports = render_fixture_blend (&reports, &theme->background, theme->dim_alpha);
  double x, y;

  g_hash_table_add (highlighted, (gpointer) "kp");
  state.highlighted = highlighted;
  fixture->surface = draw (fixture->scene, theme, &state);

  /* In the set: full colour.  Outside: faded towards the background. */
  test_scenes_centre (fixture->scene, "kp", &x, &y);
  assert_pixel (fixture->surface, x, y, &theme->kinds[AM_ENTITY_KIND_STATE].fill, 2);
  test_scenes_centre (fixture->scene, "kyj", &x, &y);
  assert_pixel (fixture->surface, x, y, &dimmed_person, 3);
  assert_pixel (fixture->surface, 80, 190, &dimmed_reports, 3);
}

/* A hub with two edges, each edge's label lying across the other edge's line: whichever
 * emphasised edge is drawn last, its stroke would cross the other's label if labels were
 * not drawn after every stroke.
 *
 *   hub (130, 110, 40, 20)
 *   h-east  hub → east, along y = 120 from x = 170 to 290, label box (140, 44, 80, 12)
 *   h-north hub → north, along x = 150 from y = 110 to 10, label box (220, 114, 80, 12)
 *
 * Each label box reaches 40 points left of its centre, over the other line, where its
 * short text ("ab") is not. */
static AmScene *
crossing_scene (void)
{
  static const AmPoint east[] = { { 170, 120 }, { 210, 120 }, { 250, 120 }, { 290, 120 } };
  static const AmPoint north[] = { { 150, 110 }, { 150, 77 }, { 150, 43 }, { 150, 10 } };
  AmRect bounds = { 0, 0, 320, 160 };
  AmSceneBuilder *builder = am_scene_builder_new (&bounds);
  AmSceneNode nodes[] = {
    { (char *) "hub", (char *) "", (char *) "state", AM_NODE_SHAPE_BOX, { 130, 110, 40, 20 } },
    { (char *) "east", (char *) "", (char *) "state", AM_NODE_SHAPE_BOX, { 290, 110, 20, 20 } },
    { (char *) "north", (char *) "", (char *) "state", AM_NODE_SHAPE_BOX, { 140, 0, 20, 10 } },
  };
  AmSceneEdge edges[2] = { { 0, }, { 0, } };
  g_autoptr(GError) error = NULL;
  AmScene *scene;

  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    am_scene_builder_add_node (builder, &nodes[i]);

  edges[0].id = (char *) "h-east";
  edges[0].source = (char *) "hub";
  edges[0].target = (char *) "east";
  edges[0].type = (char *) "role";
  edges[0].points = (AmPoint *) east;
  edges[0].n_points = G_N_ELEMENTS (east);
  edges[1].id = (char *) "h-north";
  edges[1].source = (char *) "hub";
  edges[1].target = (char *) "north";
  edges[1].type = (char *) "role";
  edges[1].points = (AmPoint *) north;
  edges[1].n_points = G_N_ELEMENTS (north);
  /* Each one's label on the other's line. */
  edges[0].label = (char *) "ab";
  edges[0].has_label = TRUE;
  edges[0].label_box = (AmRect) { 140, 44, 80, 12 };
  edges[1].label = (char *) "ab";
  edges[1].has_label = TRUE;
  edges[1].label_box = (AmRect) { 220, 114, 80, 12 };

  for (guint i = 0; i < G_N_ELEMENTS (edges); i++)
    am_scene_builder_add_edge (builder, &edges[i]);

  scene = am_scene_builder_end (builder, &error);
  g_assert_no_error (error);

  return scene;
}

static void
test_labels_over_strokes (Fixture       *fixture,
                          gconstpointer  data)
{
  const AmTheme *theme = theme_for (data);
  g_autoptr(AmScene) scene = crossing_scene ();
  AmRenderState state = state_at_scale ();
  AmColor role = am_theme_color_for_relation_type (theme, "role");
  AmColor over_line = render_fixture_blend (&theme->edge_label_background, &role,
                                            theme->edge_label_background.alpha);

  /* Plain edges: each label's background covers the other line. */
  fixture->surface = draw (scene, theme, &state);
  assert_pixel (fixture->surface, 150, 50, &over_line, 3);
  assert_pixel (fixture->surface, 240, 120, &over_line, 3);
  /* On the lines away from the labels: the line itself. */
  assert_pixel (fixture->surface, 150, 90, &role, 2);
  assert_pixel (fixture->surface, 200, 120, &role, 2);
  g_clear_pointer (&fixture->surface, cairo_surface_destroy);

  /* The hub selected: both edges emphasised, thicker, drawn after the plain ones; the
   * labels still come after every stroke. */
  state.selected_id = "hub";
  fixture->surface = draw (scene, theme, &state);
  assert_pixel (fixture->surface, 150, 50, &over_line, 3);
  assert_pixel (fixture->surface, 240, 120, &over_line, 3);
  g_clear_pointer (&fixture->surface, cairo_surface_destroy);

  /* One edge selected: its halo is wider still, and stays under the other's label. */
  state.selected_id = "h-north";
  fixture->surface = draw (scene, theme, &state);
  assert_pixel (fixture->surface, 150, 50, &over_line, 3);
}

static void
test_label_padding (Fixture       *fixture,
                    gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_dark ();
  AmRenderState state = state_at_scale ();
  AmColor label_background = render_fixture_blend (&theme->edge_label_background,
                                                   &theme->background,
                                                   theme->edge_label_background.alpha);

  /* e1's label box is (185, 22, 50, 12): the background reaches a little beyond it on
   * every side, so the text never touches its edge. */
  fixture->surface = draw (fixture->labelled, theme, &state);
  assert_pixel (fixture->surface, 183.8, 28, &label_background, 3);
  assert_pixel (fixture->surface, 236.2, 28, &label_background, 3);
  assert_pixel (fixture->surface, 189, 21.6, &label_background, 3);
  /* And no further. */
  assert_pixel (fixture->surface, 181.5, 28, &theme->background, 0);
}

static void
test_labels_only (Fixture       *fixture,
                  gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_light ();
  g_autoptr(AmScene) scene = crossing_scene ();
  g_autoptr(GHashTable) labels_only = g_hash_table_new (g_str_hash, g_str_equal);
  AmRenderState state = state_at_scale ();
  AmColor role = am_theme_color_for_relation_type (theme, "role");
  AmColor label_background = render_fixture_blend (&theme->edge_label_background,
                                                   &theme->background,
                                                   theme->edge_label_background.alpha);

  /* h-north draws its label and nothing else: no line, no arrowhead. */
  g_hash_table_add (labels_only, (gpointer) "h-north");
  state.labels_only = labels_only;
  fixture->surface = draw (scene, theme, &state);
  assert_pixel (fixture->surface, 150, 90, &theme->background, 0);
  assert_pixel (fixture->surface, 232, 116, &label_background, 3);
  /* h-east is drawn whole. */
  assert_pixel (fixture->surface, 200, 120, &role, 2);
}

/* Rows of the node's inside at 0.45 px/pt (its box spans 10–30 pt, 4.5–13.5 px), clear
 * of its border. */
#define TEXT_TOP    6
#define TEXT_BOTTOM 12

/* Darkness of device column @x over rows [y0, y1) against @fill: the ink there. */
static int
column_ink (cairo_surface_t *surface,
            int              x,
            int              y0,
            int              y1,
            const AmColor   *fill)
{
  int ink = 0;

  for (int y = y0; y < y1; y++)
    {
      Pixel p = render_fixture_pixel (surface, x, y);

      ink += abs (p.r - (int) round (fill->red * 255)) +
             abs (p.g - (int) round (fill->green * 255)) +
             abs (p.b - (int) round (fill->blue * 255));
    }

  return ink;
}

/* Small text stays where its layout puts it, to a fraction of a pixel: cairo's image
 * backend would put each glyph at a whole pixel, and at 5 px a word space then rounds
 * away ("KimJongUn").  One wide glyph ("M") in a node, drawn at 0.45 px/pt as a small
 * map keeps its names, moved by eighths of a pixel: its ink follows (glyphs put at
 * whole pixels would jump by one). */
static double
ink_centroid (cairo_surface_t *surface,
              const AmColor   *fill)
{
  double sum = 0, weighted = 0;

  /* The box spans 4.5–58.5 px: its inside, clear of the border. */
  for (int x = 8; x < 55; x++)
    {
      int ink = column_ink (surface, x, TEXT_TOP, TEXT_BOTTOM, fill);

      sum += ink;
      weighted += ink * (x + 0.5);
    }

  g_assert_cmpfloat (sum, >, 0);
  return weighted / sum;
}

static void
test_small_text_follows_layout (void)
{
  const AmTheme *theme = am_theme_get_light ();
  const AmColor *fill = &am_theme_style_for_kind (theme, "state")->fill;
  const double scale = 0.45;
  AmRect bounds = { 0, 0, 140, 40 };
  AmSceneNode node = { (char *) "m", (char *) "M", (char *) "state", AM_NODE_SHAPE_BOX,
                       { 10, 10, 120, 20 } };
  g_autoptr(AmScene) scene = NULL;
  AmSceneBuilder *builder = am_scene_builder_new (&bounds);
  double origin = 0;

  am_scene_builder_add_node (builder, &node);
  scene = am_scene_builder_end (builder, NULL);
  g_assert_nonnull (scene);

  for (int shift = 0; shift < 8; shift++)
    {
      double dx = shift / 8.0;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 80, 24);
      cairo_t *cr = cairo_create (surface);
      AmRenderState state;
      double centroid;

      am_render_state_init (&state);
      state.pixels_per_point = 1.0;
      cairo_translate (cr, dx, 0);
      cairo_scale (cr, scale, scale);
      am_renderer_draw_scene (cr, scene, theme, &state);
      cairo_destroy (cr);

      centroid = ink_centroid (surface, fill);
      if (shift == 0)
        origin = centroid;
      g_test_message ("moved %g px: ink moved %g px", dx, centroid - origin);
      g_assert_cmpfloat_with_epsilon (centroid - origin, dx, 0.3);

      cairo_surface_destroy (surface);
    }
}

static void
test_culling (Fixture       *fixture,
              gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_light ();
  AmRenderState state = state_at_scale ();
  double x, y;

  state.visible = (AmRect) { 0, 0, 150, 70 };
  fixture->surface = draw (fixture->scene, theme, &state);

  test_scenes_centre (fixture->scene, "kp", &x, &y);
  assert_pixel (fixture->surface, x, y, &theme->kinds[AM_ENTITY_KIND_STATE].fill, 2);
  /* Outside the visible rectangle: not drawn at all. */
  test_scenes_centre (fixture->scene, "kyj", &x, &y);
  assert_pixel (fixture->surface, x, y, &theme->background, 0);
  test_scenes_centre (fixture->scene, "ex", &x, &y);
  assert_pixel (fixture->surface, x, y, &theme->background, 0);
  assert_pixel (fixture->surface, 281, 145, &theme->background, 0);   /* on e4 */
  g_clear_pointer (&fixture->surface, cairo_surface_destroy);

  /* width <= 0 means everything. */
  state.visible = (AmRect) { 0, 0, 0, 0 };
  fixture->surface = draw (fixture->scene, theme, &state);
  test_scenes_centre (fixture->scene, "kyj", &x, &y);
  assert_pixel (fixture->surface, x, y, &theme->kinds[AM_ENTITY_KIND_PERSON].fill, 2);
  {
    AmColor custom = am_theme_color_for_relation_type (theme, "custom ties");

    assert_pixel (fixture->surface, 281, 145, &custom, 2);
  }
}

/* Pixels of the kcna box's inside (3 points in from its border) that are not its fill:
 * the text. */
static guint
count_text_pixels (cairo_surface_t *surface,
                   const AmTheme   *theme)
{
  const AmColor *fill = &theme->kinds[AM_ENTITY_KIND_ORGANIZATION].fill;
  guint n = 0;

  for (int y = (int) (223 * SCALE); y < (int) (257 * SCALE); y++)
    for (int x = (int) (23 * SCALE); x < (int) (157 * SCALE); x++)
      if (!render_fixture_pixel_is (render_fixture_pixel (surface, x, y), fill, 24))
        n++;

  return n;
}

static void
test_markup_is_text (Fixture       *fixture,
                     gconstpointer  data)
{
  const AmTheme *theme = theme_for (data);
  AmRenderState state = state_at_scale ();

  /* "KCNA <b>&amp; R&D" would be a markup error (a fatal warning here) if it were ever
   * parsed as markup; drawn as text it gives plenty of glyph pixels. */
  fixture->surface = draw (fixture->labelled, theme, &state);
  g_assert_cmpuint (count_text_pixels (fixture->surface, theme), >, 500);
}

static void
test_small_text_skipped (Fixture       *fixture,
                         gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_light ();
  AmRenderState state = state_at_scale ();

  /* 11 pt at 0.5 px/pt is 5.5 px: unreadable, so not drawn. */
  state.pixels_per_point = 0.5;
  fixture->surface = draw (fixture->labelled, theme, &state);
  g_assert_cmpuint (count_text_pixels (fixture->surface, theme), ==, 0);
  g_clear_pointer (&fixture->surface, cairo_surface_destroy);

  state.pixels_per_point = 0.6;
  fixture->surface = draw (fixture->labelled, theme, &state);
  g_assert_cmpuint (count_text_pixels (fixture->surface, theme), >, 500);
}

static void
test_cluster (Fixture       *fixture,
              gconstpointer  data)
{
  const AmTheme *theme = theme_for (data);
  AmRenderState state = state_at_scale ();
  guint label_pixels = 0;

  fixture->surface = draw (fixture->labelled, theme, &state);

  /* A light fill with its label at the top. */
  assert_pixel (fixture->surface, 215, 305, &theme->cluster_fill, 2);
  assert_pixel (fixture->surface, 170.1, 280, &theme->cluster_stroke, 24);
  for (int y = (int) (252 * SCALE); y < (int) (266 * SCALE); y++)
    for (int x = (int) (175 * SCALE); x < (int) (255 * SCALE); x++)
      if (!render_fixture_pixel_is (render_fixture_pixel (fixture->surface, x, y),
                                    &theme->cluster_fill, 24))
        label_pixels++;
  g_assert_cmpuint (label_pixels, >, 100);
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_light ();
  AmRenderState state = state_at_scale ();
  cairo_surface_t *again;
  gsize size;

  /* The second frame comes from the layout cache: it must look the same. */
  fixture->surface = draw (fixture->labelled, theme, &state);
  again = draw (fixture->labelled, theme, &state);

  size = (gsize) cairo_image_surface_get_stride (again) * cairo_image_surface_get_height (again);
  g_assert_cmpmem (cairo_image_surface_get_data (fixture->surface), size,
                   cairo_image_surface_get_data (again), size);
  cairo_surface_destroy (again);
}

static void
test_context_restored (Fixture       *fixture,
                       gconstpointer  data)
{
  cairo_matrix_t before, after;
  double r, g, b, a;
  cairo_t *cr;

  fixture->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cr = cairo_create (fixture->surface);
  cairo_translate (cr, 3, 4);
  cairo_set_line_width (cr, 7.0);
  cairo_set_source_rgba (cr, 0.1, 0.2, 0.3, 0.4);
  cairo_get_matrix (cr, &before);

  am_renderer_draw_scene (cr, fixture->labelled, am_theme_get_dark (), NULL);
  am_renderer_draw_legend (cr, fixture->labelled, am_theme_get_dark (), 0, 0);

  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_get_matrix (cr, &after);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
  g_assert_cmpfloat (cairo_get_line_width (cr), ==, 7.0);
  g_assert_false (cairo_has_current_point (cr));
  g_assert_cmpint (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a), ==,
                   CAIRO_STATUS_SUCCESS);
  g_assert_cmpfloat (a, ==, 0.4);
  cairo_destroy (cr);
}

static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_light ();
  double width, height, x, y;
  cairo_t *cr;
  guint inside = 0;
  int w, h;

  am_renderer_measure_legend (fixture->labelled, theme, &width, &height);
  g_assert_cmpfloat (width, >, 40);
  /* Six kinds and four relation types, each a row of at least 14 points. */
  g_assert_cmpfloat (height, >, 10 * 14);

  /* Drawn where asked and nowhere else. */
  w = (int) ceil (width) + 40;
  h = (int) ceil (height) + 40;
  fixture->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (fixture->surface);
  cairo_set_source_rgb (cr, 1, 0, 1);
  cairo_paint (cr);
  am_renderer_draw_legend (cr, fixture->labelled, theme, 20, 20);
  cairo_destroy (cr);

  for (y = 0; y < h; y++)
    for (x = 0; x < w; x++)
      {
        Pixel pixel = render_fixture_pixel (fixture->surface, (int) x, (int) y);
        gboolean magenta = pixel.r == 255 && pixel.g == 0 && pixel.b == 255;
        gboolean in_box = x >= 19 && y >= 19 && x <= 20 + width && y <= 20 + height;

        if (!in_box)
          g_assert_true (magenta);
        else if (!magenta)
          inside++;
      }
  g_assert_cmpuint (inside, >, (guint) (width * height / 2));

  /* A scene with no kinds or types present has nothing to explain. */
  {
    AmRect bounds = { 0, 0, 10, 10 };
    AmSceneBuilder *builder = am_scene_builder_new (&bounds);
    g_autoptr(AmScene) empty = am_scene_builder_end (builder, NULL);

    g_assert_nonnull (empty);
    am_renderer_measure_legend (empty, theme, &width, &height);
    g_assert_cmpfloat (width, ==, 0);
    g_assert_cmpfloat (height, ==, 0);
  }
}

static void
test_legend_lists_present_only (Fixture       *fixture,
                                gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_light ();
  double full_width, full_height, width, height;
  AmRect bounds = { 0, 0, 100, 100 };
  AmSceneBuilder *builder = am_scene_builder_new (&bounds);
  AmSceneNode node = { (char *) "a", (char *) "A", (char *) "person", AM_NODE_SHAPE_ELLIPSE,
                       { 10, 10, 30, 20 } };
  g_autoptr(AmScene) one = NULL;

  am_scene_builder_add_node (builder, &node);
  one = am_scene_builder_end (builder, NULL);
  g_assert_nonnull (one);

  am_renderer_measure_legend (fixture->labelled, theme, &full_width, &full_height);
  am_renderer_measure_legend (one, theme, &width, &height);

  /* One kind and no relation types: a much shorter legend. */
  g_assert_cmpfloat (height, >, 14);
  g_assert_cmpfloat (height, <, full_height / 3);
}

/* Each row of the legend answers for its kind or type (a click toggles it in the window),
 * and a hidden one is drawn pale: its swatch is nearer the background than when shown. */
static void
test_legend_hidden (Fixture       *fixture,
                    gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_light ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first_kind = NULL;
  double width, height, first_y0 = -1, first_y1 = -1;
  gboolean seen_type = FALSE;
  Pixel shown, hidden;

  am_renderer_measure_legend (fixture->labelled, theme, &width, &height);

  for (double y = 0; y < height; y += 0.5)
    {
      gboolean is_kind = FALSE;
      g_autofree char *name = am_renderer_legend_entry_at (fixture->labelled, theme,
                                                           AM_DOCUMENT_ORIGIN_MODEL,
                                                           width / 2, y, &is_kind);

      if (name == NULL)
        continue;
      /* Kinds first, then relation types. */
      if (!is_kind)
        seen_type = TRUE;
      else
        g_assert_false (seen_type);
      if (first_kind == NULL && is_kind)
        first_kind = g_strdup (name);
      if (g_strcmp0 (name, first_kind) == 0)
        {
          if (first_y0 < 0)
            first_y0 = y;
          first_y1 = y;
        }
      if (names->len == 0 || g_strcmp0 (g_ptr_array_index (names, names->len - 1), name) != 0)
        g_ptr_array_add (names, g_steal_pointer (&name));
    }

  /* Six kinds and four relation types, each once, in one run of rows. */
  g_assert_cmpuint (names->len, ==, 10);
  g_assert_true (seen_type);
  g_assert_nonnull (first_kind);
  /* Outside the legend, or over the heading: nothing. */
  g_assert_null (am_renderer_legend_entry_at (fixture->labelled, theme, AM_DOCUMENT_ORIGIN_MODEL,
                                              -1, first_y0 + 1, NULL));
  g_assert_null (am_renderer_legend_entry_at (fixture->labelled, theme, AM_DOCUMENT_ORIGIN_MODEL,
                                              width + 1, first_y0 + 1, NULL));
  g_assert_null (am_renderer_legend_entry_at (fixture->labelled, theme, AM_DOCUMENT_ORIGIN_MODEL,
                                              width / 2, 1, NULL));

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *hidden_kinds[] = { first_kind, NULL };
      AmLegendState state = { AM_DOCUMENT_ORIGIN_MODEL, pass ? hidden_kinds : NULL, NULL };
      cairo_surface_t *surface;
      cairo_t *cr;

      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width),
                                            (int) ceil (height));
      cr = cairo_create (surface);
      am_renderer_draw_legend_state (cr, fixture->labelled, theme, &state, 0, 0);
      cairo_destroy (cr);
      /* The middle of the swatch (10 points of padding, 26 wide). */
      if (pass == 0)
        shown = render_fixture_pixel (surface, 23, (int) ((first_y0 + first_y1) / 2));
      else
        hidden = render_fixture_pixel (surface, 23, (int) ((first_y0 + first_y1) / 2));
      cairo_surface_destroy (surface);
    }

  g_assert_cmpint (hidden.r + hidden.g + hidden.b, >, shown.r + shown.g + shown.b);
}

/* Background pixels of the whole surface. */
static guint
count_background (cairo_surface_t *surface,
                  const AmTheme   *theme)
{
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      if (render_fixture_pixel_is (render_fixture_pixel (surface, x, y), &theme->background, 0))
        n++;

  return n;
}

/* A suggested node has a dashed outline (gaps of background along its border) and a
 * translucent fill; a suggested edge is dashed and paler, so more background shows. */
static void
test_suggested (Fixture       *fixture,
                gconstpointer  data)
{
  const AmTheme *theme = theme_for (data);
  const AmKindStyle *style = am_theme_style_for_kind (theme, "media");
  g_autoptr(GHashTable) suggested = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) edge_only = g_hash_table_new (g_str_hash, g_str_equal);
  AmRenderState state = state_at_scale ();
  cairo_surface_t *plain, *dashed, *edge;
  AmColor pale_fill = render_fixture_blend (&style->fill, &theme->background, 0.4);
  guint plain_gaps = 0, dashed_gaps = 0, dashed_ink = 0;

  plain = draw (fixture->scene, theme, &state);
  g_hash_table_add (suggested, (gpointer) "yonhap");
  state.suggested = suggested;
  dashed = draw (fixture->scene, theme, &state);
  g_hash_table_add (edge_only, (gpointer) "e4");
  state.suggested = edge_only;
  edge = draw (fixture->scene, theme, &state);

  /* Along the bottom side of "yonhap" (box 310,120 100×36), one pixel at a time. */
  for (double x = 320; x <= 400; x += 1 / SCALE)
    {
      if (render_fixture_pixel_is (render_fixture_scene_pixel (plain, SCALE, x, 156), &theme->background, 8))
        plain_gaps++;
      if (render_fixture_pixel_is (render_fixture_scene_pixel (dashed, SCALE, x, 156), &theme->background, 8))
        dashed_gaps++;
      else
        dashed_ink++;
    }
  g_assert_cmpuint (plain_gaps, ==, 0);
  g_assert_cmpuint (dashed_gaps, >, 40);
  g_assert_cmpuint (dashed_ink, >, 40);

  /* The fill: the kind's colour at 40 % over the background, instead of opaque. */
  assert_pixel (plain, 360, 138, &style->fill, 2);
  assert_pixel (dashed, 360, 138, &pale_fill, 2);

  /* The edge alone: the node stays as it was, the edge leaves more background. */
  assert_pixel (edge, 360, 138, &style->fill, 2);
  g_assert_cmpuint (count_background (edge, theme), >, count_background (plain, theme));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (dashed);
  cairo_surface_destroy (edge);
}

/* A node a few pixels high is a plain rectangle: no shape, no rounded corners; an
 * arrowhead a pixel long is not drawn; edges still are. */
static void
test_detail_simple_shapes (Fixture       *fixture,
                           gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_light ();
  AmRenderState state = state_at_scale ();
  AmColor role = am_theme_color_for_relation_type (theme, "role");

  /* At full size: the ellipse's corner, the rounded box's corner and the space before
   * kyj (where e1's arrowhead is) show what is drawn. */
  fixture->surface = draw (fixture->scene, theme, &state);
  assert_pixel (fixture->surface, 283, 18, &theme->background, 0);
  assert_pixel (fixture->surface, 20.9, 220.9, &theme->background, 0);
  assert_pixel (fixture->surface, 276, 40, &role, 24);
  g_clear_pointer (&fixture->surface, cairo_surface_destroy);

  /* At 0.1 pixel per point the 40–80 point nodes are 4–8 pixels: the same pixels (drawn
   * large here, to look at them) are now inside plain rectangles, and the arrowhead,
   * 1 pixel long, is gone while its edge stays. */
  state.pixels_per_point = 0.1;
  fixture->surface = draw (fixture->scene, theme, &state);
  assert_pixel (fixture->surface, 283, 18, &am_theme_style_for_kind (theme, "person")->fill, 2);
  assert_pixel (fixture->surface, 20.9, 220.9,
                &am_theme_style_for_kind (theme, "organization")->fill, 2);
  assert_pixel (fixture->surface, 276, 40, &theme->background, 0);
  assert_pixel (fixture->surface, 200, 40, &role, 24);
  /* ex's box (80 points high, 8 pixels) keeps its diamond. */
  assert_pixel (fixture->surface, 272, 212, &theme->background, 0);
}

/* The batched rectangles keep what each node needs: dimming, and the outline of the
 * selected node, which is drawn on its own. */
static void
test_detail_simple_state (Fixture       *fixture,
                          gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_light ();
  AmRenderState state = state_at_scale ();
  g_autoptr(GHashTable) highlighted = g_hash_table_new (g_str_hash, g_str_equal);
  const AmColor *person = &am_theme_style_for_kind (theme, "person")->fill;
  AmColor dimmed = render_fixture_blend (person, &theme->background, theme->dim_alpha);

  g_hash_table_add (highlighted, (gpointer) "kp");
  state.pixels_per_point = 0.1;
  state.highlighted = highlighted;
  state.selected_id = "kcna";
  fixture->surface = draw (fixture->scene, theme, &state);

  assert_pixel (fixture->surface, 283, 18, &dimmed, 3);
  /* kcna is selected: its ring, outside its box, in the selection colour. */
  assert_pixel (fixture->surface, 90, 220 - 4.25, &theme->selection, 40);
}

/* Below natural size, a stroke thinner than a pixel is one aliased pixel, as faint as
 * it is thin: on e1 (y = 40, drawn at 0.5 px/pt: 0.6 px wide on row 20), exactly one
 * row of pixels is touched, in the role colour at 60 %. */
static void
test_detail_thin_strokes (Fixture       *fixture,
                          gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_light ();
  AmColor role = am_theme_color_for_relation_type (theme, "role");
  AmColor faint = render_fixture_blend (&role, &theme->background, 0.6);
  AmRenderState state;
  cairo_t *cr;
  guint touched = 0;

  am_render_state_init (&state);
  state.pixels_per_point = 0.5;
  fixture->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 210, 160);
  cr = cairo_create (fixture->surface);
  cairo_set_source_rgb (cr, theme->background.red, theme->background.green, theme->background.blue);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  am_renderer_draw_scene (cr, fixture->scene, theme, &state);
  cairo_destroy (cr);

  for (int y = 17; y <= 23; y++)
    {
      Pixel pixel = render_fixture_pixel (fixture->surface, 100, y);

      if (!render_fixture_pixel_is (pixel, &theme->background, 0))
        {
          touched++;
          g_assert_true (render_fixture_pixel_is (pixel, &faint, 3));
        }
    }
  g_assert_cmpuint (touched, ==, 1);
}

/* A small RGB24 image, white, for hairlines. */
typedef struct
{
  guint32          pixels[16 * 16];
  AmHairlineTarget target;
} Hairlines;

static void
hairlines_init (Hairlines *h)
{
  for (guint i = 0; i < G_N_ELEMENTS (h->pixels); i++)
    h->pixels[i] = 0xffffffff;
  h->target = (AmHairlineTarget) { (guint8 *) h->pixels, 16 * sizeof (guint32), 0, 0, 16, 16 };
}

/* The red byte of pixel (x, y), which black ink darkens. */
static guint
hairline_red (const Hairlines *h,
              int              x,
              int              y)
{
  return (h->pixels[y * 16 + x] >> 16) & 0xff;
}

static guint
hairlines_touched (const Hairlines *h)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (h->pixels); i++)
    n += h->pixels[i] != 0xffffffff;

  return n;
}

/* One pixel a column (a row, when steep) whose centre the segment spans, blended at the
 * colour's alpha, times the length per step on a diagonal; a polyline's joints are not
 * drawn twice; nothing outside the target's rectangle is touched. */
static void
test_hairline_polyline (void)
{
  const AmPoint flat[] = { { 0.2, 5.5 }, { 10.8, 5.5 } };
  const AmPoint diagonal[] = { { 0, 0 }, { 8, 8 } };
  const AmPoint steep[] = { { 3.5, 14.9 }, { 3.5, 2.1 } };
  const AmPoint joined[] = { { 0, 2.5 }, { 5, 2.5 }, { 12, 2.5 } };
  const AmPoint across[] = { { -5000, -3000 }, { 5000, 3000 } };
  Hairlines h;

  hairlines_init (&h);
  _am_hairline_polyline (&h.target, flat, G_N_ELEMENTS (flat), 0, 0, 0, 0.5);
  for (int x = 0; x < 16; x++)
    g_assert_cmpuint (hairline_red (&h, x, 5), ==, x <= 10 ? 127 : 255);
  g_assert_cmpuint (hairlines_touched (&h), ==, 11);

  /* 45°: √2 × 0.5 of the way to black, one pixel a column. */
  hairlines_init (&h);
  _am_hairline_polyline (&h.target, diagonal, G_N_ELEMENTS (diagonal), 0, 0, 0, 0.5);
  for (int i = 0; i < 8; i++)
    g_assert_cmpuint (hairline_red (&h, i, i), ==, 255 - 180);
  g_assert_cmpuint (hairlines_touched (&h), ==, 8);

  /* Steep, drawn bottom to top: rows 2 to 14 of column 3, in red at full alpha. */
  hairlines_init (&h);
  _am_hairline_polyline (&h.target, steep, G_N_ELEMENTS (steep), 1, 0, 0, 1);
  for (int y = 2; y <= 14; y++)
    g_assert_cmphex (h.pixels[y * 16 + 3], ==, 0xffff0000);
  g_assert_cmpuint (hairlines_touched (&h), ==, 13);

  /* Two segments end to end: each of the 12 pixels once. */
  hairlines_init (&h);
  _am_hairline_polyline (&h.target, joined, G_N_ELEMENTS (joined), 0, 0, 0, 0.5);
  for (int x = 0; x < 12; x++)
    g_assert_cmpuint (hairline_red (&h, x, 2), ==, 127);
  g_assert_cmpuint (hairlines_touched (&h), ==, 12);

  /* A line thousands of pixels long crossing a 6 × 4 window of the target: only the
   * window's pixels, one per column. */
  hairlines_init (&h);
  h.target = (AmHairlineTarget) { (guint8 *) h.pixels, 16 * sizeof (guint32), 4, 6, 10, 10 };
  {
    const AmPoint through[] = { { across[0].x + 7, across[0].y + 8 },
                                { across[1].x + 7, across[1].y + 8 } };

    _am_hairline_polyline (&h.target, through, G_N_ELEMENTS (through), 0, 0, 0, 1);
  }
  g_assert_cmpuint (hairlines_touched (&h), ==, 6);
  for (int y = 0; y < 16; y++)
    for (int x = 0; x < 16; x++)
      if (h.pixels[y * 16 + x] != 0xffffffff)
        {
          g_assert_cmpint (x, >=, 4);
          g_assert_cmpint (x, <, 10);
          g_assert_cmpint (y, >=, 6);
          g_assert_cmpint (y, <, 10);
        }
}

/* How much darker than the background @surface is, summed over its pixels. */
static double
ink (cairo_surface_t *surface,
     const AmTheme   *theme)
{
  double total = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        Pixel p = render_fixture_pixel (surface, x, y);

        total += fabs (theme->background.red * 255 - p.r) +
                 fabs (theme->background.green * 255 - p.g) +
                 fabs (theme->background.blue * 255 - p.b);
      }

  return total;
}

/* The scene at 0.5 px/pt onto a 210 × 160 image, through @clip (a path in device
 * pixels, or none), or through a recording replayed onto it. */
static cairo_surface_t *
draw_thin (const AmScene *scene,
           const AmTheme *theme,
           gboolean       recorded,
           void         (*clip) (cairo_t *cr))
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 210, 160);
  cairo_surface_t *recording = NULL;
  AmRenderState state;
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, theme->background.red, theme->background.green, theme->background.blue);
  cairo_paint (cr);
  if (clip != NULL)
    {
      clip (cr);
      cairo_clip (cr);
    }
  if (recorded)
    {
      recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_destroy (cr);
      cr = cairo_create (recording);
    }

  am_render_state_init (&state);
  state.pixels_per_point = 0.5;
  cairo_scale (cr, 0.5, 0.5);
  am_renderer_draw_scene (cr, scene, theme, &state);
  cairo_destroy (cr);

  if (recorded)
    {
      cr = cairo_create (surface);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (recording);
    }

  return surface;
}

static void
clip_right_half (cairo_t *cr)
{
  cairo_rectangle (cr, 105, 0, 105, 160);
}

static void
clip_circle (cairo_t *cr)
{
  cairo_arc (cr, 105, 80, 50, 0, 2 * G_PI);
}

/* Thin strokes written into an image's pixels are as dark overall as cairo's own
 * (drawn through a recording, which keeps them), and keep to the clip, rectangular or
 * not. */
static void
test_detail_thin_strokes_image (Fixture       *fixture,
                                gconstpointer  data)
{
  const AmTheme *theme = am_theme_get_light ();
  cairo_surface_t *direct = draw_thin (fixture->scene, theme, FALSE, NULL);
  cairo_surface_t *recorded = draw_thin (fixture->scene, theme, TRUE, NULL);
  cairo_surface_t *clips[2] = {
    draw_thin (fixture->scene, theme, FALSE, clip_right_half),
    draw_thin (fixture->scene, theme, FALSE, clip_circle),
  };
  double ratio = ink (direct, theme) / ink (recorded, theme);

  g_assert_cmpfloat (ratio, >, 0.8);
  g_assert_cmpfloat (ratio, <, 1.25);

  for (guint i = 0; i < G_N_ELEMENTS (clips); i++)
    {
      guint inside = 0;

      for (int y = 0; y < 160; y++)
        for (int x = 0; x < 210; x++)
          {
            gboolean in = i == 0 ? x >= 105 : hypot (x + 0.5 - 105, y + 0.5 - 80) <= 49;
            gboolean out = i == 0 ? x < 105 : hypot (x + 0.5 - 105, y + 0.5 - 80) >= 51;
            Pixel p = render_fixture_pixel (clips[i], x, y);

            if (out)
              g_assert_true (render_fixture_pixel_is (p, &theme->background, 0));
            else if (in && !render_fixture_pixel_is (p, &theme->background, 0))
              inside++;
          }
      g_assert_cmpuint (inside, >, 50);
    }

  cairo_surface_destroy (direct);
  cairo_surface_destroy (recorded);
  cairo_surface_destroy (clips[0]);
  cairo_surface_destroy (clips[1]);
}

static GBytes *
paint_svg (const AmScene       *scene,
           const AmRenderState *state)
{
  const AmRect *bounds = am_scene_get_bounds (scene);
  AmPainter *painter = _am_painter_new_svg (bounds->width, bounds->height);

  _am_renderer_paint_scene (painter, scene, am_theme_get_light (), state);

  return _am_painter_svg_finish (painter);
}

static gboolean
svg_has (GBytes     *svg,
         const char *needle)
{
  return g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), needle) != NULL;
}

/* The SVG painter (one group per item) simplifies the same way, in its own groups. */
static void
test_detail_svg (Fixture       *fixture,
                 gconstpointer  data)
{
  AmRenderState state = state_at_scale ();
  g_autoptr(GBytes) full = NULL;
  g_autoptr(GBytes) tiny = NULL;

  state.pixels_per_point = 1.0;
  full = paint_svg (fixture->scene, &state);
  state.pixels_per_point = 0.05;
  tiny = paint_svg (fixture->scene, &state);

  g_assert_true (svg_has (full, "<ellipse"));
  g_assert_true (svg_has (full, "<polygon"));
  g_assert_false (svg_has (tiny, "<ellipse"));
  g_assert_false (svg_has (tiny, "<polygon"));
  g_assert_true (svg_has (tiny, "id=\"node-kyj\""));
  g_assert_true (svg_has (tiny, "id=\"edge-e1\""));
}

/*
 * Labels that would touch on screen give way:
 *
 *   a (hub: 3 edges) → b  e1 "first"   label at (150, 100)
 *   c → d                 e2 "second"  label at (160, 104), over e1's
 *   e → f                 e3 "third"   label at (290, 4), over node b
 *   a → e, a → f          no labels
 */
static AmScene *
give_way_scene (void)
{
  AmRect bounds = { 0, 0, 420, 340 };
  g_autoptr(AmSceneBuilder) builder = am_scene_builder_new (&bounds);
  g_autoptr(GError) error = NULL;
  static const AmPoint ab[] = { { 40, 10 }, { 120, 10 }, { 220, 10 }, { 300, 10 } };
  static const AmPoint cd[] = { { 40, 210 }, { 120, 210 }, { 220, 210 }, { 300, 210 } };
  static const AmPoint ef[] = { { 190, 310 }, { 210, 310 }, { 230, 310 }, { 250, 310 } };
  static const AmPoint ae[] = { { 20, 20 }, { 60, 120 }, { 120, 220 }, { 170, 300 } };
  static const AmPoint af[] = { { 40, 20 }, { 100, 120 }, { 200, 220 }, { 270, 300 } };
  static const AmRect first = { 150, 100, 50, 12 };
  static const AmRect second = { 160, 104, 50, 12 };
  static const AmRect third = { 290, 4, 50, 12 };
  AmScene *scene;

  render_fixture_add_node (builder, "a", "A", "state", AM_NODE_SHAPE_BOX, 0, 0, 40, 20);
  render_fixture_add_node (builder, "b", "B", "state", AM_NODE_SHAPE_BOX, 300, 0, 40, 20);
  render_fixture_add_node (builder, "c", "C", "state", AM_NODE_SHAPE_BOX, 0, 200, 40, 20);
  render_fixture_add_node (builder, "d", "D", "state", AM_NODE_SHAPE_BOX, 300, 200, 40, 20);
  render_fixture_add_node (builder, "e", "E", "state", AM_NODE_SHAPE_BOX, 150, 300, 40, 20);
  render_fixture_add_node (builder, "f", "F", "state", AM_NODE_SHAPE_BOX, 250, 300, 40, 20);
  render_fixture_add_edge (builder, "e1", "a", "b", "first", "role", FALSE,
                           ab, G_N_ELEMENTS (ab), NULL, &first);
  render_fixture_add_edge (builder, "e2", "c", "d", "second", "role", FALSE,
                           cd, G_N_ELEMENTS (cd), NULL, &second);
  render_fixture_add_edge (builder, "e3", "e", "f", "third", "role", FALSE,
                           ef, G_N_ELEMENTS (ef), NULL, &third);
  render_fixture_add_edge (builder, "e4", "a", "e", NULL, "role", FALSE,
                           ae, G_N_ELEMENTS (ae), NULL, NULL);
  render_fixture_add_edge (builder, "e5", "a", "f", NULL, "role", FALSE,
                           af, G_N_ELEMENTS (af), NULL, NULL);
  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);

  return scene;
}

static void
test_labels_give_way (void)
{
  g_autoptr(AmScene) scene = give_way_scene ();
  AmRenderState state;
  g_autoptr(GBytes) natural = NULL;
  g_autoptr(GBytes) smaller = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) selected = NULL;

  am_render_state_init (&state);

  /* At natural size (and so in exports) every label is drawn, as placed. */
  state.pixels_per_point = 1.0;
  natural = paint_svg (scene, &state);
  g_assert_true (svg_has (natural, "id=\"label-e1\""));
  g_assert_true (svg_has (natural, "id=\"label-e2\""));
  g_assert_true (svg_has (natural, "id=\"label-e3\""));

  /* Smaller, text still drawn: e1 (its end a is the busier) keeps its room, e2 gives
   * way to it and e3 to node b's name. */
  state.pixels_per_point = 0.8;
  smaller = paint_svg (scene, &state);
  g_assert_true (svg_has (smaller, "id=\"label-e1\""));
  g_assert_false (svg_has (smaller, "id=\"label-e2\""));
  g_assert_false (svg_has (smaller, "id=\"label-e3\""));
  g_assert_true (svg_has (smaller, "id=\"node-b\""));
  /* The edges themselves stay. */
  g_assert_true (svg_has (smaller, "id=\"edge-e2\""));

  /* The same choice every time. */
  again = paint_svg (scene, &state);
  g_assert_true (g_bytes_equal (smaller, again));

  /* The selected edge's label comes first. */
  state.selected_id = "e2";
  selected = paint_svg (scene, &state);
  g_assert_true (svg_has (selected, "id=\"label-e2\""));
  g_assert_false (svg_has (selected, "id=\"label-e1\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add ("/Actormap/Render/" path, Fixture, data, fixture_setup, func, fixture_teardown)

  ADD ("node-fill/light", test_node_fill, GINT_TO_POINTER (0));
  ADD ("node-fill/dark", test_node_fill, GINT_TO_POINTER (1));
  ADD ("shapes", test_shapes, NULL);
  ADD ("edge-color/light", test_edge_color, GINT_TO_POINTER (0));
  ADD ("edge-color/dark", test_edge_color, GINT_TO_POINTER (1));
  ADD ("selection/light", test_selection, GINT_TO_POINTER (0));
  ADD ("selection/dark", test_selection, GINT_TO_POINTER (1));
  ADD ("hover", test_hover, GINT_TO_POINTER (0));
  ADD ("dimming/light", test_dimming, GINT_TO_POINTER (0));
  ADD ("dimming/dark", test_dimming, GINT_TO_POINTER (1));
  ADD ("suggested/light", test_suggested, GINT_TO_POINTER (0));
  ADD ("suggested/dark", test_suggested, GINT_TO_POINTER (1));
  ADD ("culling", test_culling, NULL);
  ADD ("labels-over-strokes/light", test_labels_over_strokes, GINT_TO_POINTER (0));
  ADD ("labels-over-strokes/dark", test_labels_over_strokes, GINT_TO_POINTER (1));
  ADD ("label-padding", test_label_padding, NULL);
  ADD ("labels-only", test_labels_only, NULL);
  ADD ("markup-is-text/light", test_markup_is_text, GINT_TO_POINTER (0));
  ADD ("markup-is-text/dark", test_markup_is_text, GINT_TO_POINTER (1));
  ADD ("small-text-skipped", test_small_text_skipped, NULL);
  g_test_add_func ("/Actormap/Render/small-text-follows-layout", test_small_text_follows_layout);
  ADD ("cluster/light", test_cluster, GINT_TO_POINTER (0));
  ADD ("cluster/dark", test_cluster, GINT_TO_POINTER (1));
  ADD ("deterministic", test_deterministic, NULL);
  ADD ("context-restored", test_context_restored, NULL);
  ADD ("legend", test_legend, NULL);
  ADD ("legend-present-only", test_legend_lists_present_only, NULL);
  ADD ("legend-hidden", test_legend_hidden, NULL);
  ADD ("detail/simple-shapes", test_detail_simple_shapes, NULL);
  ADD ("detail/simple-state", test_detail_simple_state, NULL);
  ADD ("detail/svg", test_detail_svg, NULL);
  ADD ("detail/thin-strokes", test_detail_thin_strokes, NULL);
  ADD ("detail/thin-strokes-image", test_detail_thin_strokes_image, NULL);
  g_test_add_func ("/Actormap/Render/hairline/polyline", test_hairline_polyline);
  g_test_add_func ("/Actormap/Render/detail/labels-give-way", test_labels_give_way);

#undef ADD

  return g_test_run ();
}
