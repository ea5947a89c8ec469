/* am-canvas.c — the network view: pan, zoom, hover, click, fly-to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "am-canvas-private.h"
#include "am-renderer.h"
#include "am-text-metrics.h"
#include "am-theme.h"
#include "am-ui-util.h"

/* Frames are built from three layers, so that most frames cost a blit (performance.md):
 *
 *  - the base: the whole scene rendered through am_renderer_draw_scene() into an opaque
 *    image at the device scale, covering the viewport plus a margin.  It depends only on
 *    the scene, the theme, the highlight set, the zoom and the device scale.  A pan
 *    reuses it with an offset; during a zoom gesture or a fly-to it is scaled, and
 *    rendered again, sharp, once the view has settled.  When a render takes longer than
 *    a frame, the next ones run on a worker thread while frames go on with the old
 *    picture; only the very first one blocks.
 *  - the overlay: the selected and hovered items with their edges and neighbours,
 *    copied into a small scene of their own and drawn over the base (with a veil under
 *    them while hovering).  A few items are recorded as vectors; a hub's hundreds are
 *    rendered to an image on the worker.  Hover never touches the base.
 *  - the legend, in a corner, at a fixed size.
 *
 * Each layer is kept as a render node and appended again frame after frame: under the
 * cairo renderer a cairo node whose recording replays one image paint, under GL a
 * texture uploaded once.  Nothing here ever lays the scene out again. */

/* Base margin on each side, as a fraction of the viewport, capped in widget pixels: the
 * distance a pan can go before the base is rendered again. */
#define BASE_MARGIN_FRACTION 0.25
#define BASE_MARGIN_MAX      320.0
/* Time without view changes after which a scaled or off-centre base is re-rendered. */
#define SETTLE_MS            150
#define ZOOM_STEP            1.25
/* Widget pixels kept free around a fitted scene, and the largest fit zoom: a tiny scene
 * is not blown up to fill a big window. */
#define FIT_PADDING          16.0
#define FIT_MAX_ZOOM         2.0
#define HIT_TOLERANCE_PX     4.0
#define FLY_DURATION_US      (250 * G_TIME_SPAN_MILLISECOND)
/* fly_to() zooms in to at least READABLE_ZOOM when node text would be smaller than this. */
#define READABLE_MIN_ZOOM    0.75
#define READABLE_ZOOM        1.0
#define LEGEND_MARGIN        12.0
/* The legend is left out while it would take more than this share of the canvas width,
 * or more than its height: on a narrow canvas the map matters more than its key. */
#define LEGEND_MAX_WIDTH_SHARE 0.25
/* On a map this small, text costs little, and names are what a person reads first: node
 * labels are drawn at fit down to LABEL_FLOOR_MIN_PPP device pixels per point, below the
 * renderer's usual cut-off (6 px, about 0.55 px per point for AM_NODE_FONT_SIZE). */
#define LABEL_FLOOR_MAX_NODES 120
#define LABEL_FLOOR_MIN_PPP   0.40
#define LABEL_FLOOR_PPP       (6.05 / AM_NODE_FONT_SIZE)
#define SCROLL_STEP_PX       48.0
/* How much of (1 - theme->dim_alpha) the hover veil takes: hover is transient, so it
 * dims less than a search does. */
#define HOVER_VEIL_STRENGTH  0.6
/* A base that took longer than this to render is rendered on a worker thread next time. */
#define SYNC_RENDER_LIMIT_US (8 * G_TIME_SPAN_MILLISECOND)
/* Larger overlays (a hub with its edges and neighbours) are rendered on the worker. */
#define OVERLAY_VECTOR_MAX_ITEMS 120
/* The overlay's strokes are drawn over the base, labels included: the labels of other
 * edges they cross are drawn again above them, as the renderer draws every label above
 * every stroke.  Past this many highlighted edges (a hub) that search is not made. */
#define OVERLAY_COVERED_LABELS_MAX_EDGES 200
/* How far from a label's box a highlighted stroke still touches it: half the selection
 * halo (2.5 + 2 × 2.5 points) plus the label's padding, rounded up. */
#define OVERLAY_LABEL_MARGIN 7.0

/* A picture of the scene at one zoom, covering the viewport plus a margin, with the
 * geometry it was made for.  Frames draw it shifted or scaled while the view moves, and a
 * new one replaces it when the view settles or the content changes. */
typedef struct
{
  GskRenderNode *node;
  double         x;                 /* scene point at the top-left corner */
  double         y;
  double         zoom;
  double         width;             /* widget pixels */
  double         height;
  int            scale;
  gboolean       texture;
  guint          serial;            /* the content it shows */
  /* Worth rendering again: the view moved on, or the base under an overlay changed. */
  gboolean       refresh;
  gboolean       job_running;
  gint64         last_render_us;
  GCancellable  *cancellable;
} Layer;

typedef enum
{
  LAYER_BASE,
  LAYER_OVERLAY,
} LayerKind;

struct _AmCanvas
{
  GtkWidget      parent_instance;

  /* Owned references */
  AmScene       *scene;
  AmDocument    *document;
  GHashTable    *highlight;
  char          *selection;
  char          *hovered;

  /* View: the scene point shown at the widget centre, and widget pixels per point. */
  double         center_x;
  double         center_y;
  double         zoom;

  /* Per scene: incident edges of each node (CSR) and the node index of each edge end. */
  guint         *adj_offsets;
  guint         *adj_edges;
  gint          *edge_source;
  gint          *edge_target;

  /* The base (the whole scene) and the raster overlay (the selected and hovered items
   * when there are too many to draw as vectors every frame). */
  Layer          base;
  Layer          overlay;
  /* Bumped when what a layer shows changes (highlight, theme; selection, hover): the old
   * picture stays on screen until the new one is ready. */
  guint          base_serial;
  guint          overlay_serial;

  /* The overlay's items, copied into a scene of their own (NULL when nothing is selected
   * or hovered).  A small one is drawn as vectors, in the base's coordinates. */
  AmScene       *overlay_scene;
  /* Edges of the overlay scene that are there for their label only (ids, owned). */
  GHashTable    *overlay_labels_only;
  GskRenderNode *overlay_vector;
  guint          overlay_scene_valid : 1;

  GskRenderNode *legend_node;
  double         legend_width;
  double         legend_height;
  guint          legend_measured : 1;

  guint          dark : 1;
  guint          show_legend : 1;
  /* Set when the user zooms or pans: from then on, resizes no longer fit. */
  guint          user_moved : 1;
  guint          drag_active : 1;
  guint          drag_panning : 1;
  guint          drag_moved : 1;
  guint          has_pointer : 1;

  guint          settle_id;

  /* Drag: the centre when the drag began. */
  double         drag_start_x;
  double         drag_start_y;
  /* Pinch: the zoom when it began and the scene point under the fingers. */
  double         pinch_zoom;
  double         pinch_anchor_x;
  double         pinch_anchor_y;
  double         pointer_x;
  double         pointer_y;

  /* Fly-to animation */
  guint          fly_tick_id;
  gint64         fly_start_us;
  double         fly_from_x;
  double         fly_from_y;
  double         fly_from_zoom;
  double         fly_to_x;
  double         fly_to_y;
  double         fly_to_zoom;
};

G_DEFINE_FINAL_TYPE (AmCanvas, am_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCENE,
  PROP_SELECTION,
  PROP_HOVERED,
  PROP_ZOOM,
  PROP_DARK,
  PROP_SHOW_LEGEND,
  PROP_HIGHLIGHT,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* AM_CANVAS_DEBUG=worker renders every base but the first on the worker thread, however
 * quick it is: the tests reach that path with a small map. */
static gboolean debug_always_worker;

static const AmTheme *
current_theme (AmCanvas *self)
{
  return self->dark ? am_theme_get_dark () : am_theme_get_light ();
}

static void
color_to_rgba (const AmColor *color,
               GdkRGBA       *rgba)
{
  rgba->red = color->red;
  rgba->green = color->green;
  rgba->blue = color->blue;
  rgba->alpha = color->alpha;
}

static double
clamp_zoom (double zoom)
{
  return CLAMP (zoom, AM_CANVAS_MIN_ZOOM, AM_CANVAS_MAX_ZOOM);
}

static void
widget_to_scene (AmCanvas *self,
                 double    widget_x,
                 double    widget_y,
                 double   *scene_x,
                 double   *scene_y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  *scene_x = self->center_x + (widget_x - width / 2.0) / self->zoom;
  *scene_y = self->center_y + (widget_y - height / 2.0) / self->zoom;
}

static void
rect_center (const AmRect *rect,
             double       *x,
             double       *y)
{
  *x = rect->x + rect->width / 2.0;
  *y = rect->y + rect->height / 2.0;
}

/* Caches */

static void
drop_overlay_scene (AmCanvas *self)
{
  g_clear_pointer (&self->overlay_scene, am_scene_unref);
  g_clear_pointer (&self->overlay_labels_only, g_hash_table_unref);
  g_clear_pointer (&self->overlay_vector, gsk_render_node_unref);
  self->overlay_scene_valid = FALSE;
}

/* The worker cannot be interrupted mid-drawing; this skips it if it has not started,
 * and its result is dropped when it arrives. */
static void
layer_cancel (Layer *layer)
{
  if (layer->cancellable != NULL)
    g_cancellable_cancel (layer->cancellable);
}

static void
drop_all_caches (AmCanvas *self)
{
  g_clear_pointer (&self->base.node, gsk_render_node_unref);
  g_clear_pointer (&self->overlay.node, gsk_render_node_unref);
  drop_overlay_scene (self);
  g_clear_pointer (&self->legend_node, gsk_render_node_unref);
}

/* What the selection or the hover shows changed. */
static void
overlay_changed (AmCanvas *self)
{
  self->overlay_serial++;
  drop_overlay_scene (self);
}

static void
drop_adjacency (AmCanvas *self)
{
  g_clear_pointer (&self->adj_offsets, g_free);
  g_clear_pointer (&self->adj_edges, g_free);
  g_clear_pointer (&self->edge_source, g_free);
  g_clear_pointer (&self->edge_target, g_free);
}

/* Built once per scene, so that hover and the arrow keys find incident edges without
 * scanning every edge. */
static void
ensure_adjacency (AmCanvas *self)
{
  guint n_nodes, n_edges;

  if (self->adj_offsets != NULL || self->scene == NULL)
    return;

  n_nodes = am_scene_get_n_nodes (self->scene);
  n_edges = am_scene_get_n_edges (self->scene);

  self->adj_offsets = g_new0 (guint, n_nodes + 1);
  self->adj_edges = g_new (guint, 2 * (gsize) n_edges + 1);
  self->edge_source = g_new (gint, n_edges + 1);
  self->edge_target = g_new (gint, n_edges + 1);

  for (guint i = 0; i < n_edges; i++)
    {
      const AmSceneEdge *edge = am_scene_get_edge (self->scene, i);

      self->edge_source[i] = am_scene_find_node (self->scene, edge->source);
      self->edge_target[i] = am_scene_find_node (self->scene, edge->target);

      if (self->edge_source[i] >= 0)
        self->adj_offsets[self->edge_source[i] + 1]++;
      if (self->edge_target[i] >= 0 && self->edge_target[i] != self->edge_source[i])
        self->adj_offsets[self->edge_target[i] + 1]++;
    }

  for (guint i = 0; i < n_nodes; i++)
    self->adj_offsets[i + 1] += self->adj_offsets[i];

  {
    g_autofree guint *fill = g_memdup2 (self->adj_offsets, sizeof (guint) * (n_nodes + 1));

    for (guint i = 0; i < n_edges; i++)
      {
        if (self->edge_source[i] >= 0)
          self->adj_edges[fill[self->edge_source[i]]++] = i;
        if (self->edge_target[i] >= 0 && self->edge_target[i] != self->edge_source[i])
          self->adj_edges[fill[self->edge_target[i]]++] = i;
      }
  }
}

/* Marks an item with its incident edges and their other ends. */
static void
mark_neighbourhood (AmCanvas   *self,
                    const char *id,
                    guint8     *node_marks,
                    guint8     *edge_marks)
{
  gint index;

  if (id == NULL)
    return;

  if ((index = am_scene_find_node (self->scene, id)) >= 0)
    {
      node_marks[index] = TRUE;

      for (guint k = self->adj_offsets[index]; k < self->adj_offsets[index + 1]; k++)
        {
          guint edge = self->adj_edges[k];

          edge_marks[edge] = TRUE;
          if (self->edge_source[edge] >= 0)
            node_marks[self->edge_source[edge]] = TRUE;
          if (self->edge_target[edge] >= 0)
            node_marks[self->edge_target[edge]] = TRUE;
        }
    }
  else if ((index = am_scene_find_edge (self->scene, id)) >= 0)
    {
      edge_marks[index] = TRUE;
      if (self->edge_source[index] >= 0)
        node_marks[self->edge_source[index]] = TRUE;
      if (self->edge_target[index] >= 0)
        node_marks[self->edge_target[index]] = TRUE;
    }
}

static gboolean
point_in_rect (const AmPoint *p,
               const AmRect  *rect)
{
  return p->x >= rect->x && p->x <= rect->x + rect->width &&
         p->y >= rect->y && p->y <= rect->y + rect->height;
}

/* Whether @edge's curve passes through @rect, sampled finely enough (a few points apart)
 * that it cannot step over a label's box grown by OVERLAY_LABEL_MARGIN. */
static gboolean
curve_meets_rect (const AmSceneEdge *edge,
                  const AmRect      *rect)
{
  for (guint k = 0; k + 3 < edge->n_points; k += 3)
    {
      const AmPoint *p = &edge->points[k];
      double chord = hypot (p[1].x - p[0].x, p[1].y - p[0].y) +
                     hypot (p[2].x - p[1].x, p[2].y - p[1].y) +
                     hypot (p[3].x - p[2].x, p[3].y - p[2].y);
      guint steps = CLAMP ((guint) ceil (chord / 4.0), 4, 1024);

      for (guint i = 0; i <= steps; i++)
        {
          double t = (double) i / steps, u = 1 - t;
          AmPoint q = {
            u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x,
            u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y,
          };

          if (point_in_rect (&q, rect))
            return TRUE;
        }
    }

  return FALSE;
}

/* Marks in @label_marks the edges, not already in the overlay, whose labels the
 * overlay's edges cross: the base drew those labels, and the overlay's strokes would
 * cover them. */
static void
mark_covered_labels (AmCanvas     *self,
                     const guint8 *edge_marks,
                     guint8       *label_marks)
{
  guint n_edges = am_scene_get_n_edges (self->scene);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_marked = 0;

  for (guint i = 0; i < n_edges; i++)
    n_marked += edge_marks[i] ? 1 : 0;
  if (n_marked == 0 || n_marked > OVERLAY_COVERED_LABELS_MAX_EDGES)
    return;

  for (guint i = 0; i < n_edges; i++)
    {
      const AmSceneEdge *marked;

      if (!edge_marks[i])
        continue;

      marked = am_scene_get_edge (self->scene, i);
      g_array_set_size (candidates, 0);
      am_scene_query_rect (self->scene, &marked->bounds, NULL, candidates);

      for (guint k = 0; k < candidates->len; k++)
        {
          guint c = g_array_index (candidates, guint, k);
          const AmSceneEdge *edge = am_scene_get_edge (self->scene, c);
          AmRect grown;

          if (edge_marks[c] || label_marks[c] || !edge->has_label ||
              edge->label == NULL || edge->label[0] == '\0')
            continue;
          /* A label the base dims stays under the stroke, faint as it is. */
          if (self->highlight != NULL && !g_hash_table_contains (self->highlight, edge->id))
            continue;

          grown = (AmRect) {
            edge->label_box.x - OVERLAY_LABEL_MARGIN, edge->label_box.y - OVERLAY_LABEL_MARGIN,
            edge->label_box.width + 2 * OVERLAY_LABEL_MARGIN,
            edge->label_box.height + 2 * OVERLAY_LABEL_MARGIN,
          };
          if (curve_meets_rect (marked, &grown))
            label_marks[c] = TRUE;
        }
    }
}

/* The few items drawn over the base: the selected and hovered items, their edges and
 * neighbours, copied into a scene of their own so the one renderer can draw them; and
 * the edges whose labels those cross, which draw their label only (@labels_only). */
static AmScene *
build_overlay_scene (AmCanvas    *self,
                     GHashTable **labels_only)
{
  g_autoptr(AmSceneBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *node_marks = NULL;
  g_autofree guint8 *edge_marks = NULL;
  g_autofree guint8 *label_marks = NULL;
  guint n_nodes, n_edges;
  gboolean any = FALSE;
  AmScene *scene;

  if (self->scene == NULL || (self->selection == NULL && self->hovered == NULL))
    return NULL;

  ensure_adjacency (self);

  n_nodes = am_scene_get_n_nodes (self->scene);
  n_edges = am_scene_get_n_edges (self->scene);
  node_marks = g_new0 (guint8, n_nodes + 1);
  edge_marks = g_new0 (guint8, n_edges + 1);

  mark_neighbourhood (self, self->selection, node_marks, edge_marks);
  mark_neighbourhood (self, self->hovered, node_marks, edge_marks);

  /* Under a hover the veil already fades the base's labels; drawing them again above it
   * would make unrelated labels stand out. */
  label_marks = g_new0 (guint8, n_edges + 1);
  if (self->hovered == NULL)
    mark_covered_labels (self, edge_marks, label_marks);

  builder = am_scene_builder_new (am_scene_get_bounds (self->scene));

  /* Scene order is drawing order: keep it. */
  for (guint i = 0; i < n_nodes; i++)
    {
      if (node_marks[i])
        {
          am_scene_builder_add_node (builder, am_scene_get_node (self->scene, i));
          any = TRUE;
        }
    }
  for (guint i = 0; i < n_edges; i++)
    {
      if (edge_marks[i])
        {
          am_scene_builder_add_edge (builder, am_scene_get_edge (self->scene, i));
          any = TRUE;
        }
      else if (label_marks[i])
        {
          const AmSceneEdge *edge = am_scene_get_edge (self->scene, i);
          gint ends[2] = { self->edge_source[i], self->edge_target[i] };

          if (*labels_only == NULL)
            *labels_only = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

          /* Its ends come along, undrawn: a scene's edges must name its nodes. */
          for (guint k = 0; k < G_N_ELEMENTS (ends); k++)
            {
              if (ends[k] >= 0 && !node_marks[ends[k]])
                {
                  const AmSceneNode *node = am_scene_get_node (self->scene, ends[k]);

                  am_scene_builder_add_node (builder, node);
                  g_hash_table_add (*labels_only, g_strdup (node->id));
                  node_marks[ends[k]] = 2;
                }
            }
          am_scene_builder_add_edge (builder, edge);
          g_hash_table_add (*labels_only, g_strdup (edge->id));
        }
    }

  if (!any)
    return NULL;

  scene = am_scene_builder_end (g_steal_pointer (&builder), &error);
  if (scene == NULL)
    g_debug ("Cannot build the highlight overlay: %s", error->message);

  return scene;
}

static gboolean
layer_covers (AmCanvas    *self,
              const Layer *layer,
              double       width,
              double       height)
{
  double left, top, right, bottom;

  if (layer->node == NULL)
    return FALSE;

  /* The viewport in scene points, against the layer's extent (with a hair of slack for
   * rounding). */
  left = self->center_x - width / 2.0 / self->zoom;
  top = self->center_y - height / 2.0 / self->zoom;
  right = self->center_x + width / 2.0 / self->zoom;
  bottom = self->center_y + height / 2.0 / self->zoom;

  return left >= layer->x - 0.01 / layer->zoom
         && top >= layer->y - 0.01 / layer->zoom
         && right <= layer->x + (layer->width + 0.01) / layer->zoom
         && bottom <= layer->y + (layer->height + 0.01) / layer->zoom;
}

/* Sharp, with the device scale it was made for, and with room left to pan. */
static gboolean
layer_is_settled (AmCanvas    *self,
                  const Layer *layer,
                  double       width,
                  double       height,
                  int          scale)
{
  double slack_x, slack_y, left, top;

  if (layer->node == NULL
      || layer->zoom != self->zoom
      || layer->scale != scale
      || !layer_covers (self, layer, width, height))
    return FALSE;

  /* Re-centre before the viewport runs into the edge of the picture. */
  slack_x = (layer->width - width) / 4.0;
  slack_y = (layer->height - height) / 4.0;
  left = (self->center_x - layer->x) * self->zoom - width / 2.0;
  top = (self->center_y - layer->y) * self->zoom - height / 2.0;

  return left >= slack_x && top >= slack_y
         && left + width <= layer->width - slack_x
         && top + height <= layer->height - slack_y;
}

/* Where the layer goes in the widget for the current view. */
static void
layer_transform (AmCanvas    *self,
                 const Layer *layer,
                 double       width,
                 double       height,
                 int          scale,
                 double      *offset_x,
                 double      *offset_y,
                 double      *factor)
{
  *factor = self->zoom / layer->zoom;
  *offset_x = (layer->x - self->center_x) * self->zoom + width / 2.0;
  *offset_y = (layer->y - self->center_y) * self->zoom + height / 2.0;

  if (*factor == 1.0)
    {
      /* Whole device pixels keep the image crisp. */
      *offset_x = round (*offset_x * scale) / scale;
      *offset_y = round (*offset_y * scale) / scale;
    }
}

static void
append_layer_node (GtkSnapshot   *snapshot,
                   GskRenderNode *node,
                   double         offset_x,
                   double         offset_y,
                   double         factor)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (offset_x, offset_y));
  if (factor != 1.0)
    gtk_snapshot_scale (snapshot, factor, factor);
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
}

/* A rendering with everything it reads copied or referenced, so that it can run on a
 * worker thread: the scene is immutable, the highlight set is the canvas's private copy
 * (never changed, only replaced), themes are constant, and the renderer keeps its text
 * caches per thread. */
typedef struct
{
  LayerKind        kind;
  AmScene         *scene;           /* what to draw: the scene, or the overlay's sub-scene */
  AmScene         *canvas_scene;    /* the canvas's scene at the time, to spot a late answer */
  GHashTable      *highlight;
  GHashTable      *labels_only;     /* the overlay's label-only items (never changed) */
  char            *selected_id;
  char            *hovered_id;
  const AmTheme   *theme;
  guint            serial;
  double           x;
  double           y;
  double           zoom;
  double           width;
  double           height;
  int              scale;
  /* What the renderer is told, for its text cut-off: zoom × scale, or more on a small
   * map (LABEL_FLOOR_*). */
  double           text_pixels_per_point;
  gboolean         texture;         /* for a GdkTexture or a cairo node */
  gboolean         on_worker;
  cairo_surface_t *surface;         /* the result, NULL if it could not be allocated */
  gint64           duration_us;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_clear_pointer (&job->scene, am_scene_unref);
  g_clear_pointer (&job->canvas_scene, am_scene_unref);
  g_clear_pointer (&job->highlight, g_hash_table_unref);
  g_clear_pointer (&job->labels_only, g_hash_table_unref);
  g_clear_pointer (&job->selected_id, g_free);
  g_clear_pointer (&job->hovered_id, g_free);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

/* GL renderers keep textures on the GPU, so a texture node is uploaded once and then
 * drawn for free; the cairo renderer would copy a texture on every frame, but replays a
 * cairo node's one image paint directly. */
static gboolean
renderer_wants_textures (AmCanvas *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native ? gtk_native_get_renderer (native) : NULL;

  return renderer != NULL && !GSK_IS_CAIRO_RENDERER (renderer);
}

static Layer *
layer_for_kind (AmCanvas  *self,
                LayerKind  kind)
{
  return kind == LAYER_BASE ? &self->base : &self->overlay;
}

/* Device pixels per scene point as the renderer's text cut-off should see them. */
static double
text_pixels_per_point (AmCanvas *self,
                       double    pixels_per_point)
{
  if (self->scene != NULL
      && am_scene_get_n_nodes (self->scene) <= LABEL_FLOOR_MAX_NODES
      && pixels_per_point >= LABEL_FLOOR_MIN_PPP)
    return MAX (pixels_per_point, LABEL_FLOOR_PPP);

  return pixels_per_point;
}

/* The base for the current view: the viewport plus a margin on every side.  The overlay
 * takes the base's geometry, so that both move together. */
static RenderJob *
render_job_new (AmCanvas  *self,
                LayerKind  kind,
                double     width,
                double     height,
                int        scale)
{
  RenderJob *job = g_new0 (RenderJob, 1);

  job->kind = kind;
  job->canvas_scene = am_scene_ref (self->scene);
  job->theme = current_theme (self);
  job->scale = scale;
  job->texture = renderer_wants_textures (self);

  if (kind == LAYER_BASE)
    {
      double margin_max = BASE_MARGIN_MAX / scale;
      double margin_x = ceil (MIN (width * BASE_MARGIN_FRACTION, margin_max));
      double margin_y = ceil (MIN (height * BASE_MARGIN_FRACTION, margin_max));

      job->scene = am_scene_ref (self->scene);
      job->highlight = self->highlight ? g_hash_table_ref (self->highlight) : NULL;
      job->serial = self->base_serial;
      job->zoom = self->zoom;
      job->width = ceil ((width + 2 * margin_x) * scale) / scale;
      job->height = ceil ((height + 2 * margin_y) * scale) / scale;
      job->x = self->center_x - (width / 2.0 + margin_x) / self->zoom;
      job->y = self->center_y - (height / 2.0 + margin_y) / self->zoom;
    }
  else
    {
      job->scene = am_scene_ref (self->overlay_scene);
      job->labels_only = self->overlay_labels_only ? g_hash_table_ref (self->overlay_labels_only) : NULL;
      job->selected_id = g_strdup (self->selection);
      job->hovered_id = g_strdup (self->hovered);
      job->serial = self->overlay_serial;
      job->zoom = self->base.zoom;
      job->width = self->base.width;
      job->height = self->base.height;
      job->x = self->base.x;
      job->y = self->base.y;
    }

  job->text_pixels_per_point = text_pixels_per_point (self, job->zoom * job->scale);

  return job;
}

static void
draw_job (RenderJob *job,
          cairo_t   *cr)
{
  AmRenderState state;

  cairo_scale (cr, job->zoom, job->zoom);
  cairo_translate (cr, -job->x, -job->y);

  am_render_state_init (&state);
  state.highlighted = job->highlight;
  state.selected_id = job->selected_id;
  state.hovered_id = job->hovered_id;
  state.labels_only = job->labels_only;
  state.visible.x = job->x;
  state.visible.y = job->y;
  state.visible.width = job->width / job->zoom;
  state.visible.height = job->height / job->zoom;
  state.pixels_per_point = job->text_pixels_per_point;
  am_renderer_draw_scene (cr, job->scene, job->theme, &state);
}

/* Thread-safe: touches nothing but the job. */
static void
render_job_run (RenderJob *job)
{
  int device_width = (int) round (job->width * job->scale);
  int device_height = (int) round (job->height * job->scale);
  gint64 start = g_get_monotonic_time ();
  cairo_format_t format;
  cairo_t *cr;

  /* The base is opaque (the background is part of it, so painting it is a plain copy);
   * textures and overlays need alpha. */
  format = job->kind == LAYER_BASE && !job->texture ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32;
  job->surface = cairo_image_surface_create (format, device_width, device_height);
  if (cairo_surface_status (job->surface) != CAIRO_STATUS_SUCCESS)
    {
      g_debug ("Cannot allocate a %d×%d canvas image: %s", device_width, device_height,
               cairo_status_to_string (cairo_surface_status (job->surface)));
      g_clear_pointer (&job->surface, cairo_surface_destroy);
      return;
    }
  cairo_surface_set_device_scale (job->surface, job->scale, job->scale);

  cr = cairo_create (job->surface);
  if (job->kind == LAYER_BASE)
    {
      cairo_set_source_rgb (cr, job->theme->background.red, job->theme->background.green,
                            job->theme->background.blue);
      cairo_paint (cr);
    }
  draw_job (job, cr);
  cairo_destroy (cr);
  cairo_surface_flush (job->surface);

  job->duration_us = g_get_monotonic_time () - start;
}

static GskRenderNode *
render_job_to_node (RenderJob *job)
{
  const graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, job->width, job->height);
  GskRenderNode *node;

  if (job->texture)
    {
      int stride = cairo_image_surface_get_stride (job->surface);
      int height = cairo_image_surface_get_height (job->surface);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      /* GDK_MEMORY_DEFAULT is cairo's ARGB32: the texture wraps the pixels, no copy. */
      bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (job->surface),
                                          (gsize) stride * height,
                                          (GDestroyNotify) cairo_surface_destroy,
                                          cairo_surface_reference (job->surface));
      texture = gdk_memory_texture_new (cairo_image_surface_get_width (job->surface), height,
                                        GDK_MEMORY_DEFAULT, bytes, stride);
      node = gsk_texture_node_new (texture, &bounds);
    }
  else
    {
      cairo_t *cr;

      /* The node's recording keeps a snapshot of the image; painting it is all it
       * replays. */
      node = gsk_cairo_node_new (&bounds);
      cr = gsk_cairo_node_get_draw_context (node);
      cairo_set_source_surface (cr, job->surface, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }

  return node;
}

static void
install_layer (AmCanvas  *self,
               RenderJob *job)
{
  Layer *layer = layer_for_kind (self, job->kind);
  GtkWidget *widget = GTK_WIDGET (self);

  layer->last_render_us = job->duration_us;
  if (job->surface == NULL)
    return;

  g_clear_pointer (&layer->node, gsk_render_node_unref);
  layer->node = render_job_to_node (job);
  layer->x = job->x;
  layer->y = job->y;
  layer->zoom = job->zoom;
  layer->width = job->width;
  layer->height = job->height;
  layer->scale = job->scale;
  layer->texture = job->texture;
  layer->serial = job->serial;
  layer->refresh = FALSE;

  if (job->kind == LAYER_BASE)
    {
      /* Vector overlays are drawn in the base's coordinates; a raster one is redone to
       * match, and shown as it is meanwhile. */
      g_clear_pointer (&self->overlay_vector, gsk_render_node_unref);
      self->overlay.refresh = TRUE;
      /* The view may have moved on while a worker was busy. */
      layer->refresh = !layer_is_settled (self, layer, gtk_widget_get_width (widget),
                                          gtk_widget_get_height (widget),
                                          gtk_widget_get_scale_factor (widget));
    }

  g_debug ("Rendered the canvas %s: %.0f×%.0f px at zoom %.3f in %.1f ms, %s, %s",
           job->kind == LAYER_BASE ? "base" : "overlay",
           job->width * job->scale, job->height * job->scale, job->zoom,
           job->duration_us / 1000.0, job->texture ? "texture" : "cairo node",
           job->on_worker ? "worker thread" : "in the frame");
}

static void
render_now (AmCanvas  *self,
            LayerKind  kind,
            double     width,
            double     height,
            int        scale)
{
  RenderJob *job = render_job_new (self, kind, width, height, scale);

  render_job_run (job);
  install_layer (self, job);
  render_job_free (job);
}

static void
render_job_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  RenderJob *job = task_data;

  job->on_worker = TRUE;
  if (!g_cancellable_is_cancelled (cancellable))
    render_job_run (job);

  g_task_return_boolean (task, TRUE);
}

static void
render_job_done_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(AmCanvas) self = g_weak_ref_get (weak);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  GtkWidget *widget;
  Layer *layer;

  g_weak_ref_clear (weak);
  g_free (weak);

  if (self == NULL)
    return;

  widget = GTK_WIDGET (self);
  layer = layer_for_kind (self, job->kind);
  layer->job_running = FALSE;
  g_clear_object (&layer->cancellable);

  /* A late answer to an old question is dropped; the next frame asks again. */
  if (job->surface != NULL
      && job->canvas_scene == self->scene
      && job->serial == (job->kind == LAYER_BASE ? self->base_serial : self->overlay_serial)
      && job->scale == gtk_widget_get_scale_factor (widget)
      && job->texture == renderer_wants_textures (self))
    install_layer (self, job);

  gtk_widget_queue_draw (widget);
}

/* Renders on a worker while the frames go on with the picture there is. */
static void
render_later (AmCanvas  *self,
              LayerKind  kind,
              double     width,
              double     height,
              int        scale)
{
  Layer *layer = layer_for_kind (self, kind);
  g_autoptr(GTask) task = NULL;
  GWeakRef *weak;

  if (layer->job_running)
    return;

  layer->job_running = TRUE;
  layer->cancellable = g_cancellable_new ();

  /* No source object: a canvas that goes away does not wait for its last rendering. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, layer->cancellable, render_job_done_cb, weak);
  g_task_set_source_tag (task, render_later);
  g_task_set_task_data (task, render_job_new (self, kind, width, height, scale),
                        (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_job_thread);
}

/* Makes sure there is a base worth drawing, and asks for a better one when it is
 * stale, blurred, off-centre or short of the viewport. */
static void
update_base (AmCanvas *self,
             double    width,
             double    height,
             int       scale)
{
  Layer *base = &self->base;

  if (base->node != NULL
      && base->serial == self->base_serial
      && base->scale == scale
      && base->texture == renderer_wants_textures (self)
      && layer_covers (self, base, width, height)
      && !base->refresh)
    return;

  /* Nothing to show, or quick enough to fit in this frame: render now.  Otherwise keep
   * showing the old base (scaled, shifted, or with the previous highlight) while a
   * worker renders the new one (performance.md: 5 000 nodes take longer than a frame). */
  if (base->node == NULL
      || (base->last_render_us <= SYNC_RENDER_LIMIT_US && !debug_always_worker))
    render_now (self, LAYER_BASE, width, height, scale);
  else
    render_later (self, LAYER_BASE, width, height, scale);
}

/* The items' extent in the job's widget pixels, with room for outlines and halos. */
static void
overlay_bounds (const AmScene   *scene,
                const RenderJob *job,
                graphene_rect_t *bounds)
{
  const double pad = 12.0;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < am_scene_get_n_nodes (scene); i++)
    {
      const AmRect *r = &am_scene_get_node (scene, i)->box;

      x0 = MIN (x0, r->x);
      y0 = MIN (y0, r->y);
      x1 = MAX (x1, r->x + r->width);
      y1 = MAX (y1, r->y + r->height);
    }
  for (guint i = 0; i < am_scene_get_n_edges (scene); i++)
    {
      const AmRect *r = &am_scene_get_edge (scene, i)->bounds;

      x0 = MIN (x0, r->x);
      y0 = MIN (y0, r->y);
      x1 = MAX (x1, r->x + r->width);
      y1 = MAX (y1, r->y + r->height);
    }

  x0 = CLAMP ((x0 - job->x) * job->zoom - pad, 0, job->width);
  y0 = CLAMP ((y0 - job->y) * job->zoom - pad, 0, job->height);
  x1 = CLAMP ((x1 - job->x) * job->zoom + pad, 0, job->width);
  y1 = CLAMP ((y1 - job->y) * job->zoom + pad, 0, job->height);

  graphene_rect_init (bounds, floor (x0), floor (y0), ceil (x1) - floor (x0),
                      ceil (y1) - floor (y0));
}

/* The overlay node to draw over the base, or NULL.  A few items are recorded as vectors
 * and replayed every frame; a hub with hundreds of edges is rendered to an image on the
 * worker thread, as replaying it would cost more than a frame. */
static GskRenderNode *
update_overlay (AmCanvas *self,
                int       scale,
                Layer   **raster)
{
  Layer *overlay = &self->overlay;
  guint n_items;

  *raster = NULL;

  if (self->base.node == NULL)
    return NULL;

  if (!self->overlay_scene_valid)
    {
      g_clear_pointer (&self->overlay_scene, am_scene_unref);
      g_clear_pointer (&self->overlay_vector, gsk_render_node_unref);
      g_clear_pointer (&self->overlay_labels_only, g_hash_table_unref);
      self->overlay_scene = build_overlay_scene (self, &self->overlay_labels_only);
      self->overlay_scene_valid = TRUE;
    }

  if (self->overlay_scene == NULL)
    {
      /* Nothing to highlight: let the last image go. */
      g_clear_pointer (&overlay->node, gsk_render_node_unref);
      return NULL;
    }

  n_items = am_scene_get_n_nodes (self->overlay_scene) + am_scene_get_n_edges (self->overlay_scene);

  if (n_items <= OVERLAY_VECTOR_MAX_ITEMS)
    {
      if (self->overlay_vector == NULL)
        {
          RenderJob *job = render_job_new (self, LAYER_OVERLAY, 0, 0, scale);
          graphene_rect_t bounds;
          cairo_t *cr;

          /* Only as large as the items: GL renderers rasterise a cairo node to a texture
           * of its bounds. */
          overlay_bounds (self->overlay_scene, job, &bounds);
          self->overlay_vector = gsk_cairo_node_new (&bounds);
          cr = gsk_cairo_node_get_draw_context (self->overlay_vector);
          draw_job (job, cr);
          cairo_destroy (cr);
          render_job_free (job);
        }

      return self->overlay_vector;
    }

  if (overlay->node == NULL
      || overlay->serial != self->overlay_serial
      || overlay->scale != scale
      || overlay->texture != renderer_wants_textures (self)
      || overlay->refresh)
    render_later (self, LAYER_OVERLAY, 0, 0, scale);

  /* An overlay of other items would be wrong; one of these items at another zoom is
   * only blurred for a moment. */
  if (overlay->node == NULL || overlay->serial != self->overlay_serial)
    return NULL;

  *raster = overlay;
  return overlay->node;
}

/* Its size depends on the scene alone (fonts and rows), not on the colours. */
static void
measure_legend (AmCanvas *self)
{
  if (self->legend_measured || self->scene == NULL)
    return;

  am_renderer_measure_legend (self->scene, current_theme (self),
                              &self->legend_width, &self->legend_height);
  if (!(self->legend_width > 0 && self->legend_height > 0))
    self->legend_width = self->legend_height = 0;
  self->legend_measured = TRUE;
}

/* Whether the legend is on screen: asked for, and the canvas has room for it. */
static gboolean
legend_visible (AmCanvas *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!self->show_legend || self->scene == NULL)
    return FALSE;

  measure_legend (self);
  return self->legend_width > 0
         && self->legend_width + 2 * LEGEND_MARGIN <= width * LEGEND_MAX_WIDTH_SHARE
         && self->legend_height + 2 * LEGEND_MARGIN <= height;
}

static void
ensure_legend (AmCanvas *self)
{
  const AmTheme *theme = current_theme (self);
  cairo_t *cr;

  if (self->legend_node != NULL || self->scene == NULL)
    return;

  measure_legend (self);
  if (!(self->legend_width > 0 && self->legend_height > 0))
    return;

  self->legend_node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, self->legend_width,
                                                               self->legend_height));
  cr = gsk_cairo_node_get_draw_context (self->legend_node);
  am_renderer_draw_legend (cr, self->scene, theme, 0, 0);
  cairo_destroy (cr);
}

static void
legend_origin (AmCanvas *self,
               double   *x,
               double   *y)
{
  *x = LEGEND_MARGIN;
  *y = gtk_widget_get_height (GTK_WIDGET (self)) - self->legend_height - LEGEND_MARGIN;
}

static gboolean
point_in_legend (AmCanvas *self,
                 double    x,
                 double    y)
{
  double lx, ly;

  if (!legend_visible (self))
    return FALSE;

  legend_origin (self, &lx, &ly);
  return x >= lx && x < lx + self->legend_width && y >= ly && y < ly + self->legend_height;
}

/* View changes */

static void
update_actions (AmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_scene = self->scene != NULL;

  gtk_widget_action_set_enabled (widget, "canvas.zoom-in",
                                 has_scene && self->zoom < AM_CANVAS_MAX_ZOOM);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-out",
                                 has_scene && self->zoom > AM_CANVAS_MIN_ZOOM);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-fit", has_scene);
  gtk_widget_action_set_enabled (widget, "canvas.select-neighbour", has_scene);
}

static void
settle_cb (gpointer user_data)
{
  AmCanvas *self = user_data;

  self->settle_id = 0;

  if (!layer_is_settled (self, &self->base, gtk_widget_get_width (GTK_WIDGET (self)),
                         gtk_widget_get_height (GTK_WIDGET (self)),
                         gtk_widget_get_scale_factor (GTK_WIDGET (self))))
    {
      self->base.refresh = TRUE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
schedule_settle (AmCanvas *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add_once (SETTLE_MS, settle_cb, self);
}

/* Every change of centre or zoom goes through here. */
static void
set_view (AmCanvas *self,
          double    center_x,
          double    center_y,
          double    zoom)
{
  gboolean zoom_changed;

  if (!isfinite (center_x) || !isfinite (center_y) || !isfinite (zoom))
    return;

  zoom = clamp_zoom (zoom);
  zoom_changed = zoom != self->zoom;

  if (!zoom_changed && center_x == self->center_x && center_y == self->center_y)
    return;

  self->center_x = center_x;
  self->center_y = center_y;
  self->zoom = zoom;

  schedule_settle (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (zoom_changed)
    {
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
    }
}

/* Keeps the scene point under (widget_x, widget_y) where it is. */
static void
zoom_about (AmCanvas *self,
            double    zoom,
            double    widget_x,
            double    widget_y)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double anchor_x, anchor_y;

  if (!isfinite (zoom))
    return;

  zoom = clamp_zoom (zoom);
  widget_to_scene (self, widget_x, widget_y, &anchor_x, &anchor_y);
  set_view (self,
            anchor_x - (widget_x - width / 2.0) / zoom,
            anchor_y - (widget_y - height / 2.0) / zoom,
            zoom);
}

static void
stop_flying (AmCanvas *self)
{
  if (self->fly_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fly_tick_id);
      self->fly_tick_id = 0;
    }
}

/* The user took the view: stop fitting on resize, and stop any animation. */
static void
user_moved (AmCanvas *self)
{
  self->user_moved = TRUE;
  stop_flying (self);
}

/* The zoom that shows @bounds whole in a @width × @height area, with padding. */
static double
fit_zoom (const AmRect *bounds,
          double        width,
          double        height)
{
  double zoom = FIT_MAX_ZOOM;

  if (bounds->width > 0)
    zoom = MIN (zoom, MAX (width - 2 * FIT_PADDING, 1.0) / bounds->width);
  if (bounds->height > 0)
    zoom = MIN (zoom, MAX (height - 2 * FIT_PADDING, 1.0) / bounds->height);

  return zoom;
}

static void
fit (AmCanvas *self)
{
  const AmRect *bounds;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom, center_x, center_y;

  if (self->scene == NULL || width <= 0 || height <= 0)
    return;

  bounds = am_scene_get_bounds (self->scene);
  rect_center (bounds, &center_x, &center_y);

  if (legend_visible (self))
    {
      /* The legend sits in the bottom-left corner: fit the map beside it or above it,
       * whichever shows it larger, so that no node starts out under the legend. */
      double beside = self->legend_width + LEGEND_MARGIN;
      double above = self->legend_height + LEGEND_MARGIN;
      double zoom_beside = fit_zoom (bounds, width - beside, height);
      double zoom_above = fit_zoom (bounds, width, height - above);

      if (zoom_beside >= zoom_above)
        {
          zoom = zoom_beside;
          center_x -= beside / 2.0 / zoom;
        }
      else
        {
          zoom = zoom_above;
          center_y += above / 2.0 / zoom;
        }
    }
  else
    zoom = fit_zoom (bounds, width, height);

  set_view (self, center_x, center_y, zoom);
}

static gboolean
fly_tick_cb (GtkWidget     *widget,
             GdkFrameClock *frame_clock,
             gpointer       user_data)
{
  AmCanvas *self = AM_CANVAS (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);
  double t, e;

  t = CLAMP ((double) (now - self->fly_start_us) / FLY_DURATION_US, 0.0, 1.0);
  e = 1.0 - pow (1.0 - t, 3.0);   /* ease-out cubic */

  /* Zoom moves evenly in log space, so zooming by 4 looks like two steps of 2. */
  set_view (self,
            self->fly_from_x + (self->fly_to_x - self->fly_from_x) * e,
            self->fly_from_y + (self->fly_to_y - self->fly_from_y) * e,
            exp (log (self->fly_from_zoom)
                 + (log (self->fly_to_zoom) - log (self->fly_from_zoom)) * e));

  if (t >= 1.0)
    {
      self->fly_tick_id = 0;
      /* Sharpen now rather than after the settle delay. */
      g_clear_handle_id (&self->settle_id, g_source_remove);
      settle_cb (self);
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* Hover and selection */

static void
set_hovered (AmCanvas   *self,
             const char *id)
{
  if (g_strcmp0 (self->hovered, id) == 0)
    return;

  g_free (self->hovered);
  self->hovered = g_strdup (id);

  overlay_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HOVERED]);
}

/* The id at widget (x, y), or NULL. */
static const char *
hit_test (AmCanvas *self,
          double    x,
          double    y)
{
  AmSceneHitKind kind;
  double scene_x, scene_y;
  guint index = 0;

  if (self->scene == NULL || point_in_legend (self, x, y))
    return NULL;

  widget_to_scene (self, x, y, &scene_x, &scene_y);

  /* What is drawn right there first: inside a node or an edge label, that item wins
   * over an edge ending a few pixels away, which at a low zoom is most of the node.
   * Only then the tolerance, for thin curves and box borders. */
  kind = am_scene_hit_test (self->scene, scene_x, scene_y, 0.0, &index);
  if (kind == AM_SCENE_HIT_NONE)
    kind = am_scene_hit_test (self->scene, scene_x, scene_y, HIT_TOLERANCE_PX / self->zoom,
                              &index);

  switch (kind)
    {
    case AM_SCENE_HIT_NODE:
      return am_scene_get_node (self->scene, index)->id;
    case AM_SCENE_HIT_EDGE:
      return am_scene_get_edge (self->scene, index)->id;
    case AM_SCENE_HIT_NONE:
    default:
      return NULL;
    }
}

static void
select_id (AmCanvas   *self,
           const char *id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.select", "s", id ? id : "");
}

static char *
relation_name (const char *source,
               const char *target,
               const char *label)
{
  if (label != NULL && *label != '\0')
    /* Translators: a relation named on the map, e.g. "Kim Yo Jong → United States: warns". */
    return g_strdup_printf (_("%s → %s: %s"), source, target, label);
  else
    /* Translators: a relation without a label, e.g. "Kim Yo Jong → United States". */
    return g_strdup_printf (_("%s → %s"), source, target);
}

/* A readable name for an item: the document's when there is one, else the scene's. */
static char *
item_name (AmCanvas   *self,
           const char *id)
{
  gint index;

  if (self->document != NULL)
    {
      AmEntity *entity = am_document_lookup_entity (self->document, id);
      AmRelation *relation;

      if (entity != NULL)
        return g_strdup (am_entity_get_name (entity));

      relation = am_document_lookup_relation (self->document, id);
      if (relation != NULL)
        {
          AmEntity *source = am_document_lookup_entity (self->document,
                                                        am_relation_get_source (relation));
          AmEntity *target = am_document_lookup_entity (self->document,
                                                        am_relation_get_target (relation));
          const char *label = am_relation_get_label (relation);

          return relation_name (source ? am_entity_get_name (source)
                                       : am_relation_get_source (relation),
                                target ? am_entity_get_name (target)
                                       : am_relation_get_target (relation),
                                label);
        }
    }

  if (self->scene != NULL)
    {
      if ((index = am_scene_find_node (self->scene, id)) >= 0)
        {
          const char *label = am_scene_get_node (self->scene, index)->label;

          return g_strdup (label && *label ? label : id);
        }
      if ((index = am_scene_find_edge (self->scene, id)) >= 0)
        {
          const AmSceneEdge *edge = am_scene_get_edge (self->scene, index);

          return relation_name (edge->source, edge->target, edge->label);
        }
    }

  return g_strdup (id);
}

static void
update_accessible_description (AmCanvas *self)
{
  if (self->selection != NULL)
    {
      g_autofree char *name = item_name (self, self->selection);
      /* Translators: the accessible description of the map; %s is an actor or relation. */
      g_autofree char *description = g_strdup_printf (_("Selected: %s"), name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Keyboard: the node nearest in a direction, preferring nodes joined by an edge. */

static gboolean
direction_score (double  origin_x,
                 double  origin_y,
                 double  x,
                 double  y,
                 int     dx,
                 int     dy,
                 double *score)
{
  double vx = x - origin_x;
  double vy = y - origin_y;
  double along = vx * dx + vy * dy;
  double across = fabs (vx * dy - vy * dx);

  /* Within 60° (tan 60° = 1.732) of the direction; straight ahead beats a little
   * closer but askew. */
  if (along <= 0.5 || across > along * 1.7320508)
    return FALSE;

  *score = along + 2.0 * across;
  return TRUE;
}

static gint
nearest_in_direction (AmCanvas *self,
                      gint      from_node,
                      double    origin_x,
                      double    origin_y,
                      const gint *candidates,
                      guint     n_candidates,
                      int       dx,
                      int       dy)
{
  double best_score = G_MAXDOUBLE;
  gint best = -1;

  for (guint k = 0; k < n_candidates; k++)
    {
      gint i = candidates ? candidates[k] : (gint) k;
      double x, y, score;

      if (i < 0 || i == from_node)
        continue;

      rect_center (&am_scene_get_node (self->scene, i)->box, &x, &y);
      if (direction_score (origin_x, origin_y, x, y, dx, dy, &score) && score < best_score)
        {
          best_score = score;
          best = i;
        }
    }

  return best;
}

static gint
nearest_to_center (AmCanvas *self)
{
  double best = G_MAXDOUBLE;
  gint best_index = -1;
  guint n = am_scene_get_n_nodes (self->scene);

  for (guint i = 0; i < n; i++)
    {
      double x, y, d;

      rect_center (&am_scene_get_node (self->scene, i)->box, &x, &y);
      d = hypot (x - self->center_x, y - self->center_y);
      if (d < best)
        {
          best = d;
          best_index = i;
        }
    }

  return best_index;
}

static gboolean
scene_point_visible (AmCanvas *self,
                     double    x,
                     double    y)
{
  double wx, wy;

  return am_canvas_scene_to_widget (self, x, y, &wx, &wy);
}

static void
select_neighbour (AmCanvas *self,
                  int       dx,
                  int       dy)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (gint));
  double origin_x, origin_y;
  gint from_node = -1;
  gint index, target;
  const AmSceneNode *node;

  if (self->scene == NULL || am_scene_get_n_nodes (self->scene) == 0)
    return;

  ensure_adjacency (self);

  if (self->selection != NULL
      && (from_node = am_scene_find_node (self->scene, self->selection)) >= 0)
    {
      rect_center (&am_scene_get_node (self->scene, from_node)->box, &origin_x, &origin_y);
      for (guint k = self->adj_offsets[from_node]; k < self->adj_offsets[from_node + 1]; k++)
        {
          guint edge = self->adj_edges[k];
          gint other = self->edge_source[edge] == from_node ? self->edge_target[edge]
                                                             : self->edge_source[edge];

          g_array_append_val (candidates, other);
        }
    }
  else if (self->selection != NULL
           && (index = am_scene_find_edge (self->scene, self->selection)) >= 0)
    {
      const AmSceneEdge *edge = am_scene_get_edge (self->scene, index);

      if (edge->has_label)
        rect_center (&edge->label_box, &origin_x, &origin_y);
      else
        rect_center (&edge->bounds, &origin_x, &origin_y);
      g_array_append_val (candidates, self->edge_source[index]);
      g_array_append_val (candidates, self->edge_target[index]);
    }
  else
    {
      /* Nothing selected yet: start from the node nearest the middle of the view. */
      target = nearest_to_center (self);
      if (target >= 0)
        select_id (self, am_scene_get_node (self->scene, target)->id);
      return;
    }

  target = nearest_in_direction (self, from_node, origin_x, origin_y,
                                 (const gint *) (gpointer) candidates->data, candidates->len,
                                 dx, dy);
  if (target < 0)
    target = nearest_in_direction (self, from_node, origin_x, origin_y, NULL,
                                   am_scene_get_n_nodes (self->scene), dx, dy);
  if (target < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  node = am_scene_get_node (self->scene, target);
  select_id (self, node->id);

  {
    double x, y;

    rect_center (&node->box, &x, &y);
    if (!scene_point_visible (self, x, y))
      am_canvas_fly_to (self, node->id);
  }
}

/* Actions */

static void
zoom_in_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AmCanvas *self = AM_CANVAS (widget);

  user_moved (self);
  set_view (self, self->center_x, self->center_y, self->zoom * ZOOM_STEP);
}

static void
zoom_out_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmCanvas *self = AM_CANVAS (widget);

  user_moved (self);
  set_view (self, self->center_x, self->center_y, self->zoom / ZOOM_STEP);
}

static void
zoom_fit_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  am_canvas_zoom_to_fit (AM_CANVAS (widget));
}

static void
select_neighbour_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  int dx = 0, dy = 0;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  select_neighbour (AM_CANVAS (widget), CLAMP (dx, -1, 1), CLAMP (dy, -1, 1));
}

/* Input */

static void
click_pressed_cb (AmCanvas       *self,
                  int             n_press,
                  double          x,
                  double          y,
                  GtkGestureClick *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
click_released_cb (AmCanvas       *self,
                   int             n_press,
                   double          x,
                   double          y,
                   GtkGestureClick *gesture)
{
  /* A press that moved past the drag threshold was a pan, not a click. */
  if (self->drag_moved)
    return;

  am_canvas_click_at (self, x, y);
}

static void
drag_begin_cb (AmCanvas       *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  self->drag_start_x = self->center_x;
  self->drag_start_y = self->center_y;
  self->drag_active = TRUE;
  self->drag_moved = FALSE;
  /* On empty space the map follows the pointer at once; on an item only after the
   * pointer has moved far enough not to be a click. */
  self->drag_panning = FALSE;
  if (hit_test (self, x, y) == NULL && !point_in_legend (self, x, y))
    {
      self->drag_panning = TRUE;
      stop_flying (self);
    }
}

static void
drag_update_cb (AmCanvas       *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  int threshold = 8;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-dnd-drag-threshold", &threshold, NULL);

  if (hypot (offset_x, offset_y) > threshold)
    {
      self->drag_moved = TRUE;
      if (!self->drag_panning)
        {
          self->drag_panning = TRUE;
          stop_flying (self);
        }
      /* Claiming only now leaves a short press to the click gesture. */
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  if (!self->drag_panning)
    return;

  /* The drag's own offset, not accumulated steps, so nothing drifts. */
  user_moved (self);
  set_view (self,
            self->drag_start_x - offset_x / self->zoom,
            self->drag_start_y - offset_y / self->zoom,
            self->zoom);
}

static void
drag_end_cb (AmCanvas       *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  self->drag_active = FALSE;
  self->drag_panning = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
drag_cancel_cb (AmCanvas         *self,
                GdkEventSequence *sequence,
                GtkGesture       *gesture)
{
  self->drag_active = FALSE;
  self->drag_panning = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
pinch_begin_cb (AmCanvas         *self,
                GdkEventSequence *sequence,
                GtkGesture       *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  user_moved (self);
  self->pinch_zoom = self->zoom;
  widget_to_scene (self, x, y, &self->pinch_anchor_x, &self->pinch_anchor_y);
}

static void
pinch_scale_changed_cb (AmCanvas       *self,
                        double          scale,
                        GtkGestureZoom *gesture)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double x, y, zoom;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;

  /* The scene point that was under the fingers stays under them, which also lets two
   * fingers pan. */
  zoom = clamp_zoom (self->pinch_zoom * scale);
  set_view (self,
            self->pinch_anchor_x - (x - width / 2.0) / zoom,
            self->pinch_anchor_y - (y - height / 2.0) / zoom,
            zoom);
}

static gboolean
scroll_cb (AmCanvas                 *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state;
  gboolean wheel;

  if (self->scene == NULL)
    return FALSE;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  user_moved (self);

  if (state & GDK_CONTROL_MASK)
    {
      double x = self->has_pointer ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      double y = self->has_pointer ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
      double factor = wheel ? pow (ZOOM_STEP, -dy) : exp (-dy * 0.01);

      zoom_about (self, self->zoom * factor, x, y);
      return TRUE;
    }

  /* A plain mouse wheel only scrolls vertically; Shift turns it sideways. */
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  if (wheel)
    am_canvas_pan_by (self, dx * SCROLL_STEP_PX, dy * SCROLL_STEP_PX);
  else
    am_canvas_pan_by (self, dx, dy);

  return TRUE;
}

static void
motion_cb (AmCanvas                 *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  const char *id;

  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;

  /* The map moves under a still pointer while panning: hover waits for the drag. */
  if (self->drag_active && self->drag_panning)
    return;

  id = hit_test (self, x, y);
  set_hovered (self, id);

  if (!self->drag_active)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), id ? "pointer" : NULL);
}

static void
leave_cb (AmCanvas                 *self,
          GtkEventControllerMotion *controller)
{
  self->has_pointer = FALSE;
  set_hovered (self, NULL);
}

/* GtkWidget */

static void
am_canvas_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  *minimum = 48;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 360;
}

static void
am_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  AmCanvas *self = AM_CANVAS (widget);

  if (!self->user_moved && self->fly_tick_id == 0)
    fit (self);
  else
    schedule_settle (self);
}

static void
am_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  AmCanvas *self = AM_CANVAS (widget);
  const AmTheme *theme = current_theme (self);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  gboolean base_drawn = FALSE;
  GdkRGBA rgba;

  if (width <= 0 || height <= 0)
    return;

  if (self->scene != NULL)
    {
      GskRenderNode *overlay;
      Layer *raster;
      double offset_x, offset_y, factor;

      /* A scaled or shifted base is fine while it covers the view: the settle timeout
       * sharpens it once the view stops moving. */
      update_base (self, width, height, scale);

      if (self->base.node != NULL)
        {
          gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

          /* While a worker renders the area a pan uncovered. */
          if (!layer_covers (self, &self->base, width, height))
            {
              color_to_rgba (&theme->background, &rgba);
              gtk_snapshot_append_color (snapshot, &rgba,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
            }

          layer_transform (self, &self->base, width, height, scale,
                           &offset_x, &offset_y, &factor);
          append_layer_node (snapshot, self->base.node, offset_x, offset_y, factor);

          overlay = update_overlay (self, scale, &raster);
          if (overlay != NULL)
            {
              /* The veil and the highlighted items appear together. */
              if (self->hovered != NULL)
                {
                  color_to_rgba (&theme->background, &rgba);
                  rgba.alpha = (1.0 - theme->dim_alpha) * HOVER_VEIL_STRENGTH;
                  gtk_snapshot_append_color (snapshot, &rgba,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
                }

              if (raster != NULL)
                layer_transform (self, raster, width, height, scale,
                                 &offset_x, &offset_y, &factor);
              append_layer_node (snapshot, overlay, offset_x, offset_y, factor);
            }

          gtk_snapshot_pop (snapshot);
          base_drawn = TRUE;
        }
    }

  if (!base_drawn)
    {
      color_to_rgba (&theme->background, &rgba);
      gtk_snapshot_append_color (snapshot, &rgba, &GRAPHENE_RECT_INIT (0, 0, width, height));
    }

  if (legend_visible (self))
    {
      double x, y;

      ensure_legend (self);
      if (self->legend_node != NULL)
        {
          legend_origin (self, &x, &y);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
          gtk_snapshot_append_node (snapshot, self->legend_node);
          gtk_snapshot_restore (snapshot);
        }
    }

  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect outline;
      GdkRGBA colors[4];
      float widths[4] = { 2, 2, 2, 2 };

      color_to_rgba (&theme->selection, &colors[0]);
      colors[1] = colors[2] = colors[3] = colors[0];
      gsk_rounded_rect_init_from_rect (&outline,
                                       &GRAPHENE_RECT_INIT (1, 1, width - 2, height - 2), 4);
      gtk_snapshot_append_border (snapshot, &outline, widths, colors);
    }
}

char *
_am_canvas_dup_tooltip_text (AmCanvas   *self,
                             const char *id)
{
  g_autoptr(GString) text = NULL;
  gint index;

  g_return_val_if_fail (AM_IS_CANVAS (self), NULL);

  if (id == NULL || self->scene == NULL)
    return NULL;

  text = g_string_new (NULL);

  if (self->document != NULL && am_document_lookup_entity (self->document, id) != NULL)
    {
      AmEntity *entity = am_document_lookup_entity (self->document, id);
      const char *role = am_entity_get_role (entity);
      g_autofree char *kind = _am_ui_kind_label (entity);

      g_string_append (text, am_entity_get_name (entity));
      g_string_append_c (text, '\n');
      /* Translators: in the map's tooltip; %s is an entity kind such as "Person". */
      g_string_append_printf (text, _("Kind: %s"), kind);
      if (role != NULL && *role != '\0')
        {
          g_string_append_c (text, '\n');
          /* Translators: in the map's tooltip; %s is a role such as "Deputy Foreign Minister". */
          g_string_append_printf (text, _("Role: %s"), role);
        }
    }
  else if (self->document != NULL && am_document_lookup_relation (self->document, id) != NULL)
    {
      AmRelation *relation = am_document_lookup_relation (self->document, id);
      g_autofree char *name = item_name (self, id);
      const char *type = am_relation_get_rel_type (relation);

      g_string_append (text, name);
      if (type != NULL && *type != '\0')
        {
          g_autofree char *first = g_utf8_strup (type, g_utf8_next_char (type) - type);

          g_string_append_c (text, '\n');
          /* Translators: in the map's tooltip; %s%s is a relation type such as "Visit"
           * (its first letter, then the rest), as the legend writes it. */
          g_string_append_printf (text, _("Type: %s%s"), first, g_utf8_next_char (type));
        }
    }
  else if ((index = am_scene_find_node (self->scene, id)) >= 0)
    {
      const AmSceneNode *node = am_scene_get_node (self->scene, index);
      g_autofree char *name = item_name (self, id);

      g_string_append (text, name);
      if (node->kind != NULL)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Kind: %s"), node->kind);
        }
    }
  else if (am_scene_find_edge (self->scene, id) >= 0)
    {
      g_autofree char *name = item_name (self, id);

      g_string_append (text, name);
    }
  else
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
am_canvas_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard_tooltip,
                         GtkTooltip *tooltip)
{
  AmCanvas *self = AM_CANVAS (widget);
  g_autofree char *text = NULL;

  text = _am_canvas_dup_tooltip_text (self, keyboard_tooltip ? self->selection
                                                             : hit_test (self, x, y));
  if (text == NULL)
    return FALSE;

  /* Plain text: names come from the article and may contain '<' or '&'. */
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
am_canvas_state_flags_changed (GtkWidget     *widget,
                               GtkStateFlags  previous_state)
{
  GtkStateFlags changed = previous_state ^ gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (am_canvas_parent_class)->state_flags_changed (widget, previous_state);

  /* The focus ring is drawn here, not by CSS. */
  if (changed & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE))
    gtk_widget_queue_draw (widget);
}

static void
scale_factor_changed_cb (AmCanvas *self)
{
  drop_all_caches (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
am_canvas_dispose (GObject *object)
{
  AmCanvas *self = AM_CANVAS (object);

  stop_flying (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  layer_cancel (&self->base);
  layer_cancel (&self->overlay);
  g_clear_object (&self->base.cancellable);
  g_clear_object (&self->overlay.cancellable);
  drop_all_caches (self);
  g_clear_pointer (&self->scene, am_scene_unref);
  g_clear_pointer (&self->highlight, g_hash_table_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (am_canvas_parent_class)->dispose (object);
}

static void
am_canvas_finalize (GObject *object)
{
  AmCanvas *self = AM_CANVAS (object);

  drop_adjacency (self);
  g_clear_pointer (&self->selection, g_free);
  g_clear_pointer (&self->hovered, g_free);

  G_OBJECT_CLASS (am_canvas_parent_class)->finalize (object);
}

static void
am_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AmCanvas *self = AM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      g_value_set_boxed (value, self->scene);
      break;
    case PROP_SELECTION:
      g_value_set_string (value, self->selection);
      break;
    case PROP_HOVERED:
      g_value_set_string (value, self->hovered);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, self->show_legend);
      break;
    case PROP_HIGHLIGHT:
      g_value_set_boxed (value, self->highlight);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AmCanvas *self = AM_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      am_canvas_set_scene (self, g_value_get_boxed (value));
      break;
    case PROP_SELECTION:
      am_canvas_set_selection (self, g_value_get_string (value));
      break;
    case PROP_ZOOM:
      am_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_DARK:
      am_canvas_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_LEGEND:
      am_canvas_set_show_legend (self, g_value_get_boolean (value));
      break;
    case PROP_HIGHLIGHT:
      am_canvas_set_highlight (self, g_value_get_boxed (value));
      break;
    case PROP_DOCUMENT:
      am_canvas_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_canvas_class_init (AmCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_canvas_dispose;
  object_class->finalize = am_canvas_finalize;
  object_class->get_property = am_canvas_get_property;
  object_class->set_property = am_canvas_set_property;

  widget_class->measure = am_canvas_measure;
  widget_class->size_allocate = am_canvas_size_allocate;
  widget_class->snapshot = am_canvas_snapshot;
  widget_class->query_tooltip = am_canvas_query_tooltip;
  widget_class->state_flags_changed = am_canvas_state_flags_changed;

  properties [PROP_SCENE] =
    g_param_spec_boxed ("scene", NULL, NULL,
                        AM_TYPE_SCENE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTION] =
    g_param_spec_string ("selection", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HOVERED] =
    g_param_spec_string ("hovered", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         AM_CANVAS_MIN_ZOOM, AM_CANVAS_MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_HIGHLIGHT] =
    g_param_spec_boxed ("highlight", NULL, NULL,
                        G_TYPE_HASH_TABLE,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         AM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_cb);
  gtk_widget_class_install_action (widget_class, "canvas.select-neighbour", "(ii)",
                                   select_neighbour_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0,
                                       "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "canvas.zoom-fit", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0,
                                       "canvas.select-neighbour", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0,
                                       "canvas.select-neighbour", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0,
                                       "canvas.select-neighbour", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0,
                                       "canvas.select-neighbour", "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0,
                                       "canvas.select-neighbour", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0,
                                       "canvas.select-neighbour", "(ii)", 0, -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0,
                                       "canvas.select-neighbour", "(ii)", 0, 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0,
                                       "canvas.select-neighbour", "(ii)", 0, 1);

  /* The window owns these actions; the canvas only forwards its keys. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.select", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "win.focus-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0,
                                       "win.focus-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0,
                                       "win.focus-details", NULL);

  /* Orca on GTK 4.8 announces an image with its name and description on focus, which
   * is what the map is to a screen-reader user; the content is in the panels. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "actormap-canvas");

  debug_always_worker = g_strcmp0 (g_getenv ("AM_CANVAS_DEBUG"), "worker") == 0;
}

static void
am_canvas_init (AmCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = 1.0;
  self->show_legend = TRUE;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (click_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "released", G_CALLBACK (click_released_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-update", G_CALLBACK (drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "drag-end", G_CALLBACK (drag_end_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "cancel", G_CALLBACK (drag_cancel_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_object (gesture, "begin", G_CALLBACK (pinch_begin_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_object (controller, "scroll", G_CALLBACK (scroll_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (motion_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the accessible name of the network view. */
                                  _("Actor map"),
                                  -1);

  update_actions (self);
}

/* Public API */

GtkWidget *
am_canvas_new (void)
{
  return g_object_new (AM_TYPE_CANVAS, NULL);
}

AmScene *
am_canvas_get_scene (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), NULL);

  return self->scene;
}

void
am_canvas_set_scene (AmCanvas *self,
                     AmScene  *scene)
{
  gboolean keep_view = FALSE;

  g_return_if_fail (AM_IS_CANVAS (self));

  if (self->scene == scene)
    return;

  if (scene != NULL && self->user_moved)
    {
      const AmRect *bounds = am_scene_get_bounds (scene);

      /* A relayout of the same document: stay where the user was, if that is still on
       * the map. */
      keep_view = self->center_x >= bounds->x && self->center_x <= bounds->x + bounds->width
                  && self->center_y >= bounds->y && self->center_y <= bounds->y + bounds->height;
    }

  g_clear_pointer (&self->scene, am_scene_unref);
  if (scene != NULL)
    self->scene = am_scene_ref (scene);

  stop_flying (self);
  layer_cancel (&self->base);
  layer_cancel (&self->overlay);
  drop_adjacency (self);
  drop_all_caches (self);
  self->legend_measured = FALSE;
  set_hovered (self, NULL);

  if (!keep_view)
    {
      self->user_moved = FALSE;
      fit (self);
    }

  update_actions (self);
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCENE]);
}

const char *
am_canvas_get_selection (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), NULL);

  return self->selection;
}

void
am_canvas_set_selection (AmCanvas   *self,
                         const char *id)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  if (id != NULL && *id == '\0')
    id = NULL;

  if (g_strcmp0 (self->selection, id) == 0)
    return;

  g_free (self->selection);
  self->selection = g_strdup (id);

  overlay_changed (self);
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTION]);
}

const char *
am_canvas_get_hovered (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), NULL);

  return self->hovered;
}

double
am_canvas_get_zoom (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), 1.0);

  return self->zoom;
}

void
am_canvas_set_zoom (AmCanvas *self,
                    double    zoom)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  if (!isfinite (zoom) || clamp_zoom (zoom) == self->zoom)
    return;

  user_moved (self);
  set_view (self, self->center_x, self->center_y, zoom);
}

gboolean
am_canvas_get_dark (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), FALSE);

  return self->dark;
}

void
am_canvas_set_dark (AmCanvas *self,
                    gboolean  dark)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  /* As for a highlight: on a large map the old colours stay up until the worker has the
   * new ones, rather than the window freezing for the length of a render. */
  self->base_serial++;
  overlay_changed (self);
  g_clear_pointer (&self->legend_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DARK]);
}

gboolean
am_canvas_get_show_legend (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), FALSE);

  return self->show_legend;
}

void
am_canvas_set_show_legend (AmCanvas *self,
                           gboolean  show_legend)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  show_legend = !!show_legend;
  if (self->show_legend == show_legend)
    return;

  self->show_legend = show_legend;
  /* A fitted map makes room for the legend, or takes the room back. */
  if (!self->user_moved && self->fly_tick_id == 0)
    fit (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_LEGEND]);
}

GHashTable *
am_canvas_get_highlight (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), NULL);

  return self->highlight;
}

static gboolean
same_set (GHashTable *a,
          GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (!g_hash_table_contains (b, key))
        return FALSE;
    }

  return TRUE;
}

void
am_canvas_set_highlight (AmCanvas   *self,
                         GHashTable *ids)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  if (same_set (self->highlight, ids))
    return;

  /* A private copy: the caller may go on changing its table, and a worker thread may be
   * reading this one. */
  g_clear_pointer (&self->highlight, g_hash_table_unref);
  if (ids != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      self->highlight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, ids);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (self->highlight, g_strdup (key));
    }

  self->base_serial++;
  /* The overlay redraws only the covered labels the base does not dim. */
  overlay_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HIGHLIGHT]);
}

AmDocument *
am_canvas_get_document (AmCanvas *self)
{
  g_return_val_if_fail (AM_IS_CANVAS (self), NULL);

  return self->document;
}

void
am_canvas_set_document (AmCanvas   *self,
                        AmDocument *document)
{
  g_return_if_fail (AM_IS_CANVAS (self));
  g_return_if_fail (document == NULL || AM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  update_accessible_description (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

void
am_canvas_zoom_to_fit (AmCanvas *self)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  stop_flying (self);
  self->user_moved = FALSE;
  fit (self);
}

void
am_canvas_fly_to (AmCanvas   *self,
                   const char *id)
{
  double width, height, x, y, zoom;
  const AmRect *box;
  gint index;

  g_return_if_fail (AM_IS_CANVAS (self));

  if (self->scene == NULL || id == NULL)
    return;

  if ((index = am_scene_find_node (self->scene, id)) >= 0)
    box = &am_scene_get_node (self->scene, index)->box;
  else if ((index = am_scene_find_edge (self->scene, id)) >= 0)
    box = &am_scene_get_edge (self->scene, index)->bounds;
  else
    return;

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  rect_center (box, &x, &y);

  /* Readable: zoom in when text would be tiny, but never so far that the item does not
   * fit. */
  zoom = self->zoom < READABLE_MIN_ZOOM ? READABLE_ZOOM : self->zoom;
  if (width > 0 && box->width > 0)
    zoom = MIN (zoom, 0.8 * width / box->width);
  if (height > 0 && box->height > 0)
    zoom = MIN (zoom, 0.8 * height / box->height);
  zoom = clamp_zoom (zoom);

  user_moved (self);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      set_view (self, x, y, zoom);
      return;
    }

  self->fly_from_x = self->center_x;
  self->fly_from_y = self->center_y;
  self->fly_from_zoom = self->zoom;
  self->fly_to_x = x;
  self->fly_to_y = y;
  self->fly_to_zoom = zoom;
  self->fly_start_us = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->fly_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fly_tick_cb, NULL, NULL);
}

void
am_canvas_pan_by (AmCanvas *self,
                  double    dx,
                  double    dy)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  if (!isfinite (dx) || !isfinite (dy))
    return;

  user_moved (self);
  set_view (self, self->center_x + dx / self->zoom, self->center_y + dy / self->zoom,
            self->zoom);
}

void
am_canvas_drop_caches (AmCanvas *self)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  drop_all_caches (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
am_canvas_scene_to_widget (AmCanvas *self,
                           double    scene_x,
                           double    scene_y,
                           double   *widget_x,
                           double   *widget_y)
{
  double width, height, x, y;

  g_return_val_if_fail (AM_IS_CANVAS (self), FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  x = (scene_x - self->center_x) * self->zoom + width / 2.0;
  y = (scene_y - self->center_y) * self->zoom + height / 2.0;

  if (widget_x != NULL)
    *widget_x = x;
  if (widget_y != NULL)
    *widget_y = y;

  return x >= 0 && y >= 0 && x < width && y < height;
}

void
am_canvas_click_at (AmCanvas *self,
                    double    widget_x,
                    double    widget_y)
{
  g_return_if_fail (AM_IS_CANVAS (self));

  if (self->scene == NULL)
    return;

  select_id (self, hit_test (self, widget_x, widget_y));
}
