/* am-theme.h — colours and shapes as plain values, light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "am-core.h"
#include "am-scene.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} AmColor;

typedef struct
{
  AmColor fill;
  AmColor stroke;
  AmColor text;
} AmKindStyle;

/* Fonts are not part of the theme: layout measures text with AM_FONT_FAMILY and the
 * sizes in am-text-metrics.h, and the renderer must draw with the same numbers.
 * A theme is a constant table; the two built-in ones live for the whole process. */
typedef struct
{
  const char  *name;              /* "light" / "dark" */
  AmColor      background;
  AmColor      foreground;        /* caption, legend text */
  AmColor      edge;
  AmColor      edge_label;
  AmColor      edge_label_background;
  AmColor      selection;         /* outline of the selected item */
  AmColor      hover;
  AmColor      cluster_fill;
  AmColor      cluster_stroke;
  double       dim_alpha;         /* opacity of items outside the highlight */
  AmKindStyle  kinds[AM_N_ENTITY_KINDS];
  AmKindStyle  unknown_kind;      /* for DOT nodes and unknown kinds */
} AmTheme;

const AmTheme *am_theme_get_light (void);
const AmTheme *am_theme_get_dark  (void);
/* "light"/"dark" → theme; NULL for anything else. */
const AmTheme *am_theme_lookup    (const char *name);

const AmKindStyle *am_theme_style_for_kind (const AmTheme *theme,
                                            const char    *kind_name);
/* A stable colour per relation type, so the legend and edges agree. */
AmColor        am_theme_color_for_relation_type (const AmTheme *theme,
                                                 const char    *type);

G_END_DECLS
