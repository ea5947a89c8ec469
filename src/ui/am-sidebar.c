/* am-sidebar.c — the actor list: entities grouped by kind, and a search over everything
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "am-sidebar.h"
#include "am-ui-util.h"

typedef enum
{
  SECTION_ENTITY,
  SECTION_RELATION,
  SECTION_STATEMENT,
} Section;

/* What a row stands for.  Rows are rebuilt with the document, so this never changes. */
typedef struct
{
  char      *id;
  char      *group;        /* the header shown above the first row of its group */
  char      *haystack;     /* folded text the search looks in */
  GPtrArray *context;      /* ids the canvas shows with a match (ends, speaker) */
  Section    section;
} RowInfo;

struct _AmSidebar
{
  GtkWidget          parent_instance;

  /* Template Widgets */
  GtkListBox        *list_box;
  AdwStatusPage     *no_results_page;
  GtkScrolledWindow *scroller;
  GtkSearchEntry    *search_entry;
  GtkStack          *stack;

  /* Owned References */
  AmDocument        *document;
  GHashTable        *rows_by_id;     /* id → GtkListBoxRow, borrowed from the list */
  char              *selection;
  char              *search_text;
  char              *folded_query;   /* NULL when not searching */
  guint              scroll_tick;
  guint              scroll_frames;

  guint              search_rows_built : 1;
  /* Set while the entry is given text from outside; it emits search-changed midway
   * (with an empty text, between deleting and inserting). */
  guint              setting_entry : 1;
  /* Set while the list follows the window, so that it does not echo the change back. */
  guint              syncing : 1;
};

G_DEFINE_FINAL_TYPE (AmSidebar, am_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SEARCH_TEXT,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
row_info_free (RowInfo *info)
{
  g_free (info->id);
  g_free (info->group);
  g_free (info->haystack);
  g_clear_pointer (&info->context, g_ptr_array_unref);
  g_free (info);
}

static RowInfo *
row_info (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "am-row-info");
}

/* Row widgets */

static GtkWidget *
row_new (AmSidebar  *self,
         RowInfo    *info,
         GtkWidget  *leading,
         const char *title,
         const char *subtitle,
         const char *tooltip)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  GtkWidget *label;

  gtk_widget_set_valign (leading, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), leading);

  /* Plain labels: names and quotes come from the file and are never markup. */
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), label);

  if (subtitle != NULL && subtitle[0] != '\0')
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (labels), label);
    }

  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  if (tooltip != NULL && tooltip[0] != '\0')
    gtk_widget_set_tooltip_text (row, tooltip);   /* tooltip-text is plain text */

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle ? subtitle : "",
                                  -1);

  g_object_set_data_full (G_OBJECT (row), "am-row-info", info, (GDestroyNotify) row_info_free);
  g_hash_table_insert (self->rows_by_id, info->id, row);

  return row;
}

static void
append_folded (GString    *haystack,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  folded = _am_ui_fold (text);
  g_string_append (haystack, folded);
  g_string_append_c (haystack, '\n');
}

static GtkWidget *
entity_row_new (AmSidebar *self,
                AmEntity  *entity)
{
  RowInfo *info = g_new0 (RowInfo, 1);
  g_autoptr(GString) haystack = g_string_new (NULL);
  g_autofree char *kind_label = _am_ui_kind_label (entity);
  g_autofree char *css_class = g_strdup_printf ("kind-%s", _am_ui_kind_css_name (entity));
  const char * const *aliases = am_entity_get_aliases (entity);
  const char *role = am_entity_get_role (entity);
  GtkWidget *dot;

  append_folded (haystack, am_entity_get_name (entity));
  for (guint i = 0; aliases[i] != NULL; i++)
    append_folded (haystack, aliases[i]);
  append_folded (haystack, role);
  append_folded (haystack, am_entity_get_affiliation (entity));
  append_folded (haystack, kind_label);
  append_folded (haystack, am_entity_get_kind_name (entity));

  info->id = g_strdup (am_entity_get_id (entity));
  info->group = _am_ui_kind_heading (entity);
  info->haystack = g_string_free (g_steal_pointer (&haystack), FALSE);
  info->section = SECTION_ENTITY;

  /* The dot has the node's colours on the map (style set from the render theme). */
  dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (dot, "kind-dot");
  gtk_widget_add_css_class (dot, css_class);

  return row_new (self, info, dot, am_entity_get_name (entity),
                  role ? role : kind_label,
                  am_entity_get_description (entity));
}

static GtkWidget *
relation_row_new (AmSidebar  *self,
                  AmRelation *relation)
{
  RowInfo *info = g_new0 (RowInfo, 1);
  g_autoptr(GString) haystack = g_string_new (NULL);
  g_autofree char *ends = _am_ui_relation_ends (self->document, relation);
  const char *label = am_relation_get_label (relation);

  append_folded (haystack, label);
  append_folded (haystack, am_relation_get_rel_type (relation));
  append_folded (haystack, _am_ui_entity_name (self->document, am_relation_get_source (relation)));
  append_folded (haystack, _am_ui_entity_name (self->document, am_relation_get_target (relation)));

  info->id = g_strdup (am_relation_get_id (relation));
  /* Translators: a heading in the search results */
  info->group = g_strdup (_("Relations"));
  info->haystack = g_string_free (g_steal_pointer (&haystack), FALSE);
  info->section = SECTION_RELATION;
  info->context = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (info->context, g_strdup (am_relation_get_source (relation)));
  g_ptr_array_add (info->context, g_strdup (am_relation_get_target (relation)));

  return row_new (self, info, gtk_image_new_from_icon_name ("am-relation-symbolic"),
                  label && label[0] ? label : ends, ends, NULL);
}

static GtkWidget *
statement_row_new (AmSidebar   *self,
                   AmStatement *statement)
{
  RowInfo *info = g_new0 (RowInfo, 1);
  g_autoptr(GString) haystack = g_string_new (NULL);
  g_autofree char *words = _am_ui_statement_words (statement);
  const char *speaker = _am_ui_entity_name (self->document, am_statement_get_speaker (statement));
  const char * const *about = am_statement_get_about (statement);

  append_folded (haystack, am_statement_get_text (statement));
  append_folded (haystack, speaker);
  for (guint i = 0; about[i] != NULL; i++)
    append_folded (haystack, _am_ui_entity_name (self->document, about[i]));

  info->id = g_strdup (am_statement_get_id (statement));
  /* Translators: a heading in the search results */
  info->group = g_strdup (_("Statements"));
  info->haystack = g_string_free (g_steal_pointer (&haystack), FALSE);
  info->section = SECTION_STATEMENT;
  info->context = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (info->context, g_strdup (am_statement_get_speaker (statement)));

  return row_new (self, info, gtk_image_new_from_icon_name ("am-quote-symbolic"),
                  speaker, words, words);
}

/* Filtering and headers */

static gboolean
row_visible (AmSidebar     *self,
             GtkListBoxRow *row)
{
  RowInfo *info = row_info (row);

  if (info == NULL)
    return FALSE;

  /* Without a search the list is the actors; a search looks at everything. */
  if (self->folded_query == NULL)
    return info->section == SECTION_ENTITY;

  return _am_ui_matches (info->haystack, self->folded_query);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  return row_visible (AM_SIDEBAR (user_data), row);
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  RowInfo *info = row_info (row);
  RowInfo *before_info = before ? row_info (before) : NULL;
  GtkWidget *header;

  if (before_info != NULL && g_strcmp0 (info->group, before_info->group) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_list_box_row_get_header (row);
  if (header != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (header)), info->group) == 0)
    return;

  header = gtk_label_new (info->group);
  gtk_label_set_xalign (GTK_LABEL (header), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (header, "sidebar-heading");
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

typedef struct
{
  AmEntity *entity;
  char     *key;   /* "Actor 9" before "Actor 10": a file-name collation key */
} SortItem;

static int
compare_entities (gconstpointer a,
                  gconstpointer b)
{
  const SortItem *ia = a;
  const SortItem *ib = b;
  AmEntityKind ka = am_entity_get_kind (ia->entity);
  AmEntityKind kb = am_entity_get_kind (ib->entity);
  int ret;

  if (ka != kb)
    return ka < kb ? -1 : 1;
  if (ka == AM_ENTITY_KIND_OTHER
      && (ret = g_strcmp0 (am_entity_get_kind_name (ia->entity), am_entity_get_kind_name (ib->entity))) != 0)
    return ret;

  return strcmp (ia->key, ib->key);
}

static void
clear_rows (AmSidebar *self)
{
  GtkListBoxRow *row;

  g_hash_table_remove_all (self->rows_by_id);
  while ((row = gtk_list_box_get_row_at_index (self->list_box, 0)))
    gtk_list_box_remove (self->list_box, GTK_WIDGET (row));
  self->search_rows_built = FALSE;
}

static void
build_entity_rows (AmSidebar *self)
{
  GListModel *entities = am_document_get_entities (self->document);
  guint n = g_list_model_get_n_items (entities);
  g_autofree SortItem *items = g_new0 (SortItem, n);

  /* Keys once per entity, not once per comparison: maps can hold thousands. */
  for (guint i = 0; i < n; i++)
    {
      items[i].entity = g_list_model_get_item (entities, i);
      items[i].key = g_utf8_collate_key_for_filename (am_entity_get_name (items[i].entity), -1);
    }
  qsort (items, n, sizeof (SortItem), compare_entities);

  for (guint i = 0; i < n; i++)
    {
      gtk_list_box_append (self->list_box, entity_row_new (self, items[i].entity));
      g_object_unref (items[i].entity);
      g_free (items[i].key);
    }
}

/* Relations and statements appear only in search results, so their rows are made the
 * first time someone searches: a large map opens without thousands of hidden rows. */
static void
ensure_search_rows (AmSidebar *self)
{
  GListModel *model;
  guint n;

  if (self->search_rows_built || self->document == NULL)
    return;

  self->search_rows_built = TRUE;

  model = am_document_get_relations (self->document);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmRelation) relation = g_list_model_get_item (model, i);

      gtk_list_box_append (self->list_box, relation_row_new (self, relation));
    }

  model = am_document_get_statements (self->document);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmStatement) statement = g_list_model_get_item (model, i);

      gtk_list_box_append (self->list_box, statement_row_new (self, statement));
    }
}

static void
scroll_to_row (AmSidebar     *self,
               GtkListBoxRow *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  double value, page, top, bottom;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list_box), &bounds))
    return;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y;
  bottom = top + bounds.size.height;

  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, bottom - page);
}

/* Rows the filter has just shown again have no position until GTK lays the list out,
 * so the scroll waits for the frame after next (tick callbacks run before layout). */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  AmSidebar *self = AM_SIDEBAR (user_data);
  GtkListBoxRow *row;

  if (++self->scroll_frames < 2)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;
  if ((row = gtk_list_box_get_selected_row (self->list_box)))
    scroll_to_row (self, row);

  return G_SOURCE_REMOVE;
}

static void
queue_scroll_to_selection (AmSidebar *self)
{
  self->scroll_frames = 0;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_box),
                                                      scroll_tick_cb, self, NULL);
}

static void
sync_selection (AmSidebar *self)
{
  GtkListBoxRow *row = NULL;

  if (self->selection != NULL)
    row = g_hash_table_lookup (self->rows_by_id, self->selection);

  self->syncing = TRUE;
  if (row != NULL && gtk_widget_get_child_visible (GTK_WIDGET (row)))
    {
      gtk_list_box_select_row (self->list_box, row);
      scroll_to_row (self, row);
      queue_scroll_to_selection (self);
    }
  else
    {
      gtk_list_box_unselect_all (self->list_box);
    }
  self->syncing = FALSE;
}

static void
update_results (AmSidebar *self)
{
  gboolean any = FALSE;

  gtk_list_box_invalidate_filter (self->list_box);
  gtk_list_box_invalidate_headers (self->list_box);

  for (int i = 0; !any; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        break;
      any = row_visible (self, row);
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    any || self->folded_query == NULL ? "list" : "empty");
}

/* Template callbacks */

static void
select_id (AmSidebar  *self,
           const char *id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.select", "s", id);
}

static void
row_selected_cb (AmSidebar     *self,
                 GtkListBoxRow *row,
                 GtkListBox    *list_box)
{
  RowInfo *info;

  /* Keyboard moves and accessibility tools select rows; clicks also activate. */
  if (self->syncing || row == NULL || !(info = row_info (row)))
    return;

  if (g_strcmp0 (info->id, self->selection) != 0)
    select_id (self, info->id);
}

static void
row_activated_cb (AmSidebar     *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list_box)
{
  RowInfo *info = row_info (row);

  /* Activating the selected row again flies the map back to it. */
  if (info != NULL)
    select_id (self, info->id);
}

static void
search_changed_cb (AmSidebar      *self,
                   GtkSearchEntry *entry)
{
  if (self->setting_entry)
    return;

  am_sidebar_set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
search_activate_cb (AmSidebar      *self,
                    GtkSearchEntry *entry)
{
  /* Enter picks the first result, like a search in a sidebar does. */
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        break;
      if (row_visible (self, row))
        {
          select_id (self, row_info (row)->id);
          break;
        }
    }
}

static void
stop_search_cb (AmSidebar      *self,
                GtkSearchEntry *entry)
{
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    /* Escape in an empty search hands focus back to the list. */
    gtk_widget_grab_focus (GTK_WIDGET (self->list_box));
}

/* GObject */

static void
am_sidebar_dispose (GObject *object)
{
  AmSidebar *self = AM_SIDEBAR (object);
  GtkWidget *child;

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_box), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_SIDEBAR);
  /* dispose_template() only unparents the children it bound; the root box is not one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (am_sidebar_parent_class)->dispose (object);
}

static void
am_sidebar_finalize (GObject *object)
{
  AmSidebar *self = AM_SIDEBAR (object);

  g_clear_pointer (&self->rows_by_id, g_hash_table_unref);
  g_clear_pointer (&self->selection, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->folded_query, g_free);

  G_OBJECT_CLASS (am_sidebar_parent_class)->finalize (object);
}

static void
am_sidebar_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AmSidebar *self = AM_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    case PROP_SELECTION:
      g_value_set_string (value, self->selection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_sidebar_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AmSidebar *self = AM_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      am_sidebar_set_document (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_TEXT:
      am_sidebar_set_search_text (self, g_value_get_string (value));
      break;

    case PROP_SELECTION:
      am_sidebar_set_selection (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_sidebar_class_init (AmSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_sidebar_dispose;
  object_class->finalize = am_sidebar_finalize;
  object_class->get_property = am_sidebar_get_property;
  object_class->set_property = am_sidebar_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         AM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTION] =
    g_param_spec_string ("selection", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "amsidebar");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AmSidebar, list_box);
  gtk_widget_class_bind_template_child (widget_class, AmSidebar, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, AmSidebar, scroller);
  gtk_widget_class_bind_template_child (widget_class, AmSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AmSidebar, stack);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
}

static void
am_sidebar_init (AmSidebar *self)
{
  self->rows_by_id = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_filter_func (self->list_box, filter_func, self, NULL);
  gtk_list_box_set_header_func (self->list_box, header_func, self, NULL);
  /* Typing while the list has focus goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_box));
}

/* Public API */

GtkWidget *
am_sidebar_new (void)
{
  return g_object_new (AM_TYPE_SIDEBAR, NULL);
}

AmDocument *
am_sidebar_get_document (AmSidebar *self)
{
  g_return_val_if_fail (AM_IS_SIDEBAR (self), NULL);

  return self->document;
}

void
am_sidebar_set_document (AmSidebar  *self,
                         AmDocument *document)
{
  g_return_if_fail (AM_IS_SIDEBAR (self));
  g_return_if_fail (document == NULL || AM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  self->syncing = TRUE;
  clear_rows (self);
  if (document != NULL)
    {
      build_entity_rows (self);
      if (self->folded_query != NULL)
        ensure_search_rows (self);
    }
  self->syncing = FALSE;

  update_results (self);
  sync_selection (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

const char *
am_sidebar_get_selection (AmSidebar *self)
{
  g_return_val_if_fail (AM_IS_SIDEBAR (self), NULL);

  return self->selection;
}

void
am_sidebar_set_selection (AmSidebar  *self,
                          const char *id)
{
  g_return_if_fail (AM_IS_SIDEBAR (self));

  if (id != NULL && id[0] == '\0')
    id = NULL;

  if (g_strcmp0 (self->selection, id) == 0)
    return;

  g_free (self->selection);
  self->selection = g_strdup (id);

  sync_selection (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTION]);
}

const char *
am_sidebar_get_search_text (AmSidebar *self)
{
  g_return_val_if_fail (AM_IS_SIDEBAR (self), NULL);

  return self->search_text ? self->search_text : "";
}

void
am_sidebar_set_search_text (AmSidebar  *self,
                            const char *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (AM_IS_SIDEBAR (self));

  if (text == NULL)
    text = "";

  if (g_strcmp0 (am_sidebar_get_search_text (self), text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);

  folded = _am_ui_fold (text);
  g_strstrip (folded);
  g_clear_pointer (&self->folded_query, g_free);
  if (folded[0] != '\0')
    self->folded_query = g_steal_pointer (&folded);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      self->setting_entry = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      self->setting_entry = FALSE;
    }

  if (self->folded_query != NULL)
    ensure_search_rows (self);
  update_results (self);
  sync_selection (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH_TEXT]);
}

void
am_sidebar_focus_search (AmSidebar *self)
{
  g_return_if_fail (AM_IS_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

GHashTable *
am_sidebar_dup_matches (AmSidebar *self)
{
  GHashTable *matches;

  g_return_val_if_fail (AM_IS_SIDEBAR (self), NULL);

  if (self->folded_query == NULL || self->document == NULL)
    return NULL;

  matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);
      RowInfo *info;

      if (row == NULL)
        break;
      if (!row_visible (self, row))
        continue;

      info = row_info (row);
      /* A statement has no shape on the map: its speaker stands in for it. */
      if (info->section != SECTION_STATEMENT)
        g_hash_table_add (matches, g_strdup (info->id));
      for (guint j = 0; info->context != NULL && j < info->context->len; j++)
        g_hash_table_add (matches, g_strdup (g_ptr_array_index (info->context, j)));
    }

  return matches;
}

GtkListBox *
am_sidebar_get_list (AmSidebar *self)
{
  g_return_val_if_fail (AM_IS_SIDEBAR (self), NULL);

  return self->list_box;
}
