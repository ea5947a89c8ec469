/* am-detail-panel.c — what is known about the selected actor, relation or statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "am-detail-panel.h"
#include "am-ui-util.h"

struct _AmDetailPanel
{
  GtkWidget          parent_instance;

  /* Template Widgets */
  GtkBox            *content;
  AdwStatusPage     *empty_page;
  GtkScrolledWindow *scroller;
  GtkStack          *stack;

  /* Owned References */
  AmDocument        *document;
  char              *selection;
};

G_DEFINE_FINAL_TYPE (AmDetailPanel, am_detail_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Building blocks.  Every label and row here shows text from the file, so markup is
 * off everywhere (AdwPreferencesRow:use-markup is on by default in libadwaita 1.2). */

static GtkWidget *
plain_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
add_header (AmDetailPanel *self,
            const char    *pill,
            const char    *pill_class,
            const char    *title,
            const char    *title_class,
            const char    *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *pill_label = gtk_label_new (pill);
  GtkWidget *label;

  gtk_widget_add_css_class (pill_label, "kind-pill");
  if (pill_class != NULL)
    gtk_widget_add_css_class (pill_label, pill_class);
  gtk_widget_set_halign (pill_label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), pill_label);

  /* Not selectable: a selectable label claims every focus move into the panel (GtkLabel's
   * focus handler returns TRUE even when it cannot take focus), so Enter on the map
   * would lead nowhere. */
  label = plain_label (title, title_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_box_append (GTK_BOX (box), label);

  if (subtitle != NULL && subtitle[0] != '\0')
    gtk_box_append (GTK_BOX (box), plain_label (subtitle, "dim-label"));

  gtk_widget_add_css_class (box, "detail-header");
  gtk_box_append (self->content, box);
}

static AdwPreferencesGroup *
add_group (AmDetailPanel *self,
           const char    *title,
           guint          count)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  /* The group's title label is markup; a translation may well contain “&”. */
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_group_set_title (group, escaped);
  if (count > 1)
    {
      g_autofree char *text = g_strdup_printf ("%u", count);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_preferences_group_set_header_suffix (group, label);
    }

  gtk_box_append (self->content, GTK_WIDGET (group));

  return group;
}

static AdwActionRow *
row_new (const char *title,
         const char *subtitle)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (row, subtitle);

  return row;
}

/* A fact: the name of the field small, the value below it. */
static void
add_property (AdwPreferencesGroup *group,
              const char          *key,
              const char          *value)
{
  AdwActionRow *row;

  if (value == NULL || value[0] == '\0')
    return;

  row = row_new (key, value);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (row));
}

static void
make_navigable (AdwActionRow *row,
                const char   *id,
                const char   *icon_name)
{
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.select");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (icon_name != NULL)
    adw_action_row_add_suffix (row, gtk_image_new_from_icon_name (icon_name));
}

static void
add_entity_link (AmDetailPanel       *self,
                 AdwPreferencesGroup *group,
                 const char          *entity_id,
                 const char          *subtitle)
{
  AmEntity *entity = am_document_lookup_entity (self->document, entity_id);
  AdwActionRow *row = row_new (_am_ui_entity_name (self->document, entity_id), subtitle);

  if (entity != NULL)
    {
      g_autofree char *css_class = g_strdup_printf ("kind-%s", _am_ui_kind_css_name (entity));
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (dot, "kind-dot");
      gtk_widget_add_css_class (dot, css_class);
      gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (row, dot);
    }

  make_navigable (row, entity_id, "go-next-symbolic");
  adw_preferences_group_add (group, GTK_WIDGET (row));
}

static char *
join_names (AmDocument         *document,
            const char * const *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, _am_ui_entity_name (document, ids[i]));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Quote · 16 March 2021 · to US administration · reported by Yonhap" */
static char *
statement_details (AmDocument  *document,
                   AmStatement *statement,
                   gboolean     with_about)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char * const *addressees = am_statement_get_addressees (statement);
  const char * const *about = am_statement_get_about (statement);
  const char *reported_by = am_statement_get_reported_by (statement);
  char *date = am_format_date (am_statement_get_date (statement));

  if (am_statement_get_quoted (statement))
    /* Translators: marks a statement quoted word for word */
    g_ptr_array_add (parts, g_strdup (_("Quote")));
  else
    /* Translators: marks a statement the article paraphrases */
    g_ptr_array_add (parts, g_strdup (_("Reported speech")));

  if (date != NULL)
    g_ptr_array_add (parts, date);

  if (addressees[0] != NULL)
    {
      g_autofree char *names = join_names (document, addressees);

      /* Translators: whom a statement is addressed to; %s is a list of names */
      g_ptr_array_add (parts, g_strdup_printf (_("to %s"), names));
    }

  if (with_about && about[0] != NULL)
    {
      g_autofree char *names = join_names (document, about);

      /* Translators: whom a statement is about; %s is a list of names */
      g_ptr_array_add (parts, g_strdup_printf (_("about %s"), names));
    }

  if (reported_by != NULL)
    /* Translators: who reported a statement; %s is a name (a news agency) */
    g_ptr_array_add (parts, g_strdup_printf (_("reported by %s"),
                                             _am_ui_entity_name (document, reported_by)));

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
add_statement_row (AmDetailPanel       *self,
                   AdwPreferencesGroup *group,
                   AmStatement         *statement,
                   gboolean             with_speaker)
{
  g_autofree char *words = _am_ui_statement_words (statement);
  g_autofree char *details = statement_details (self->document, statement, TRUE);
  g_autofree char *title = NULL;
  AdwActionRow *row;

  if (with_speaker)
    /* Translators: a statement with its speaker, "Kim Yo Jong: “…”" */
    title = g_strdup_printf (_("%s: %s"),
                             _am_ui_entity_name (self->document, am_statement_get_speaker (statement)),
                             words);

  row = row_new (title ? title : words, details);
  gtk_widget_add_css_class (GTK_WIDGET (row), "statement-row");
  if (!am_statement_get_quoted (statement))
    gtk_widget_add_css_class (GTK_WIDGET (row), "reported");
  adw_action_row_add_prefix (row, gtk_image_new_from_icon_name ("am-quote-symbolic"));
  make_navigable (row, am_statement_get_id (statement), "go-next-symbolic");
  adw_preferences_group_add (group, GTK_WIDGET (row));
}

static void
add_evidence (AmDetailPanel *self,
              GPtrArray     *evidence)
{
  AdwPreferencesGroup *group;

  if (evidence == NULL || evidence->len == 0)
    return;

  /* Translators: a heading in the details: the article's sentences a fact rests on */
  group = add_group (self, _("Evidence in the Article"), evidence->len);

  for (guint i = 0; i < evidence->len; i++)
    {
      AmEvidence *item = g_ptr_array_index (evidence, i);
      g_autofree char *where = NULL;
      AdwActionRow *row;

      /* Translators: where a sentence is in the article; %u is a paragraph number */
      where = g_strdup_printf (_("Paragraph %u"), am_evidence_get_paragraph (item) + 1);
      row = row_new (am_evidence_get_text (item), where);
      gtk_widget_add_css_class (GTK_WIDGET (row), "evidence-row");
      adw_action_row_add_prefix (row, gtk_image_new_from_icon_name ("format-justify-left-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.reveal-evidence");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ux)",
                                        (guint32) am_evidence_get_paragraph (item),
                                        (gint64) am_evidence_get_offset (item));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (row),
                                   /* Translators: tooltip of a sentence in the details */
                                   _("Show in the article"));
      adw_preferences_group_add (group, GTK_WIDGET (row));
    }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static void
add_attributes (AmDetailPanel *self,
                GHashTable    *attributes)
{
  g_autofree gpointer *keys = NULL;
  AdwPreferencesGroup *group;
  guint n = 0;

  if (attributes == NULL || g_hash_table_size (attributes) == 0)
    return;

  keys = g_hash_table_get_keys_as_array (attributes, &n);
  qsort (keys, n, sizeof (gpointer), compare_keys);

  /* Translators: a heading in the details: extra fields from the file (or DOT attributes) */
  group = add_group (self, _("Attributes"), n);
  for (guint i = 0; i < n; i++)
    add_property (group, keys[i], g_hash_table_lookup (attributes, keys[i]));
}

/* Pages */

static void
show_entity (AmDetailPanel *self,
             AmEntity      *entity)
{
  const char *id = am_entity_get_id (entity);
  const char * const *aliases = am_entity_get_aliases (entity);
  g_autofree char *kind = _am_ui_kind_label (entity);
  g_autofree char *css_class = g_strdup_printf ("kind-%s", _am_ui_kind_css_name (entity));
  g_autoptr(GPtrArray) relations = am_document_relations_of (self->document, id);
  g_autoptr(GPtrArray) said = am_document_statements_by (self->document, id);
  g_autoptr(GPtrArray) about = am_document_statements_about (self->document, id);
  const char *description = am_entity_get_description (entity);
  AdwPreferencesGroup *group;

  add_header (self, kind, css_class, am_entity_get_name (entity), "title-2",
              am_entity_get_role (entity));

  if (description != NULL && description[0] != '\0')
    gtk_box_append (self->content, plain_label (description, "body"));

  if (am_entity_get_affiliation (entity) != NULL || aliases[0] != NULL)
    {
      g_autofree char *alias_text = g_strjoinv (", ", (char **) aliases);

      /* Translators: a heading in the details of an actor */
      group = add_group (self, _("Facts"), 0);
      /* Translators: a field of an actor: what it belongs to */
      add_property (group, _("Affiliation"), am_entity_get_affiliation (entity));
      /* Translators: a field of an actor: other names the article uses */
      add_property (group, _("Also Known As"), alias_text);
    }

  if (said->len > 0)
    {
      /* Translators: a heading in the details of an actor: what the actor said */
      group = add_group (self, _("Statements"), said->len);
      for (guint i = 0; i < said->len; i++)
        add_statement_row (self, group, g_ptr_array_index (said, i), FALSE);
    }

  if (relations->len > 0)
    {
      /* Translators: a heading in the details of an actor */
      group = add_group (self, _("Relations"), relations->len);

      for (guint i = 0; i < relations->len; i++)
        {
          AmRelation *relation = g_ptr_array_index (relations, i);
          gboolean outgoing = g_strcmp0 (am_relation_get_source (relation), id) == 0;
          const char *other = outgoing ? am_relation_get_target (relation) : am_relation_get_source (relation);
          const char *label = am_relation_get_label (relation);
          g_autofree char *date = am_format_date (am_relation_get_date (relation));
          g_autofree char *subtitle = NULL;
          const char *arrow;
          AdwActionRow *row;
          GtkWidget *button;

          if (!am_relation_get_directed (relation))
            arrow = "—";
          else
            arrow = outgoing ? "→" : "←";

          subtitle = g_strdup_printf ("%s %s%s%s", arrow,
                                      label && label[0] ? label : "",
                                      date ? " · " : "", date ? date : "");
          row = row_new (_am_ui_entity_name (self->document, other), subtitle);
          make_navigable (row, other, NULL);

          /* The row goes to the other actor; this button shows the tie itself. */
          button = gtk_button_new_from_icon_name ("am-relation-symbolic");
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          /* Translators: tooltip of a button next to a relation of an actor */
          gtk_widget_set_tooltip_text (button, _("Show this relation"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show this relation"),
                                          -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.select");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", am_relation_get_id (relation));
          adw_action_row_add_suffix (row, button);
          adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));

          adw_preferences_group_add (group, GTK_WIDGET (row));
        }
    }

  if (about->len > 0)
    {
      /* Translators: a heading in the details of an actor: what others said about it */
      group = add_group (self, _("Mentioned in Statements"), about->len);
      for (guint i = 0; i < about->len; i++)
        add_statement_row (self, group, g_ptr_array_index (about, i), TRUE);
    }

  add_evidence (self, am_entity_get_evidence (entity));
  add_attributes (self, am_entity_get_attributes (entity));
}

static void
show_relation (AmDetailPanel *self,
               AmRelation    *relation)
{
  const char *label = am_relation_get_label (relation);
  const char *type = am_relation_get_rel_type (relation);
  gboolean directed = am_relation_get_directed (relation);
  g_autofree char *ends = _am_ui_relation_ends (self->document, relation);
  g_autofree char *date = am_format_date (am_relation_get_date (relation));
  g_autofree char *pill = NULL;
  const char *first_end, *second_end, *direction;
  AdwPreferencesGroup *group;

  if (type != NULL && type[0] != '\0')
    /* Translators: the label above a relation's title; %s is its type ("visit") */
    pill = g_strdup_printf (_("Relation · %s"), type);
  else
    /* Translators: the label above a relation's title */
    pill = g_strdup (_("Relation"));

  add_header (self, pill, "relation-pill", label && label[0] ? label : ends, "title-2",
              label && label[0] ? ends : NULL);

  if (directed)
    {
      /* Translators: the first actor of a relation that has a direction */
      first_end = _("From");
      /* Translators: the second actor of a relation that has a direction */
      second_end = _("To");
      /* Translators: the direction of a relation */
      direction = _("One way, from the first actor to the second");
    }
  else
    {
      /* Translators: the first actor of a relation without a direction */
      first_end = _("One side");
      /* Translators: the second actor of a relation without a direction */
      second_end = _("Other side");
      /* Translators: the direction of a relation */
      direction = _("Both ways");
    }

  /* Translators: a heading in the details of a relation: the two actors it joins */
  group = add_group (self, _("Between"), 0);
  add_entity_link (self, group, am_relation_get_source (relation), first_end);
  add_entity_link (self, group, am_relation_get_target (relation), second_end);

  /* Translators: a heading in the details of a relation */
  group = add_group (self, _("Details"), 0);
  /* Translators: a field of a relation */
  add_property (group, _("Type"), type);
  /* Translators: a field of a relation: one way or both ways */
  add_property (group, _("Direction"), direction);
  /* Translators: a field of a relation */
  add_property (group, _("Date"), date);

  add_evidence (self, am_relation_get_evidence (relation));
  add_attributes (self, am_relation_get_attributes (relation));
}

static void
show_statement (AmDetailPanel *self,
                AmStatement   *statement)
{
  const char *speaker = am_statement_get_speaker (statement);
  const char * const *about = am_statement_get_about (statement);
  const char * const *addressees = am_statement_get_addressees (statement);
  const char *reported_by = am_statement_get_reported_by (statement);
  g_autofree char *words = _am_ui_statement_words (statement);
  g_autofree char *date = am_format_date (am_statement_get_date (statement));
  g_autofree char *attribution = NULL;
  const char *form;
  AdwPreferencesGroup *group;

  if (date != NULL)
    /* Translators: under a statement: "— Speaker, date" */
    attribution = g_strdup_printf (_("— %s, %s"), _am_ui_entity_name (self->document, speaker), date);
  else
    /* Translators: under a statement: "— Speaker" */
    attribution = g_strdup_printf (_("— %s"), _am_ui_entity_name (self->document, speaker));

  if (am_statement_get_quoted (statement))
    /* Translators: the label above a statement quoted word for word */
    form = _("Quote");
  else
    /* Translators: the label above a statement the article paraphrases */
    form = _("Reported Speech");

  add_header (self, form, "statement-pill", words,
              am_statement_get_quoted (statement) ? "statement-quote" : "statement-reported",
              attribution);

  /* Translators: a heading in the details of a statement */
  group = add_group (self, _("Speaker"), 0);
  add_entity_link (self, group, speaker, NULL);

  if (addressees[0] != NULL)
    {
      /* Translators: a heading in the details of a statement */
      group = add_group (self, _("Addressed To"), g_strv_length ((char **) addressees));
      for (guint i = 0; addressees[i] != NULL; i++)
        add_entity_link (self, group, addressees[i], NULL);
    }

  if (about[0] != NULL)
    {
      /* Translators: a heading in the details of a statement */
      group = add_group (self, _("About"), g_strv_length ((char **) about));
      for (guint i = 0; about[i] != NULL; i++)
        add_entity_link (self, group, about[i], NULL);
    }

  /* Translators: a heading in the details of a statement: who reported it, and when */
  group = add_group (self, _("Source"), 0);
  if (reported_by != NULL)
    /* Translators: a statement was reported by this actor */
    add_entity_link (self, group, reported_by, _("Reported by"));
  /* Translators: a field of a statement */
  add_property (group, _("Date"), date);
  add_property (group,
                /* Translators: a field of a statement: quoted or paraphrased */
                _("Form"),
                am_statement_get_quoted (statement)
                  /* Translators: the form of a statement */
                  ? _("Quoted word for word")
                  /* Translators: the form of a statement */
                  : _("Paraphrased by the article"));

  add_evidence (self, am_statement_get_evidence (statement));
}

static void
clear_content (AmDetailPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))))
    gtk_box_remove (self->content, child);
}

static void
set_empty_state (AmDetailPanel *self)
{
  g_autofree char *description = NULL;

  if (self->document == NULL)
    {
      /* Translators: the details panel when no map is open */
      adw_status_page_set_title (self->empty_page, _("No Map Open"));
      /* AdwStatusPage's description is markup; escape even our own strings. */
      /* Translators: the details panel when no map is open */
      description = g_markup_escape_text (_("Open an actor map with Ctrl+O, or drop a file on the window."), -1);
    }
  else
    {
      const char *hint;

      if (_am_ui_document_is_graph (self->document))
        /* Translators: the details panel when nothing is selected in a Graphviz file */
        hint = _("Click a node or an edge on the map, or pick one from the list.");
      else if (am_document_get_n_paragraphs (self->document) == 0)
        /* Translators: the details panel when nothing is selected in a map without an article */
        hint = _("Click an actor or a relation on the map, or pick one from the list.");
      else
        /* Translators: the details panel when nothing is selected */
        hint = _("Click an actor or a relation on the map, pick one from the list, "
                 "or click a marked sentence in the article.");

      /* Translators: the details panel when nothing is selected */
      adw_status_page_set_title (self->empty_page, _("Nothing Selected"));
      description = g_markup_escape_text (hint, -1);
    }

  adw_status_page_set_description (self->empty_page, description);
}

static void
rebuild (AmDetailPanel *self)
{
  clear_content (self);

  switch (_am_ui_item_type (self->document, self->selection))
    {
    case AM_ITEM_ENTITY:
      show_entity (self, am_document_lookup_entity (self->document, self->selection));
      break;

    case AM_ITEM_RELATION:
      show_relation (self, am_document_lookup_relation (self->document, self->selection));
      break;

    case AM_ITEM_STATEMENT:
      show_statement (self, am_document_lookup_statement (self->document, self->selection));
      break;

    case AM_ITEM_NONE:
    default:
      set_empty_state (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
  gtk_stack_set_visible_child_name (self->stack, "details");
}

/* GObject */

static void
am_detail_panel_dispose (GObject *object)
{
  AmDetailPanel *self = AM_DETAIL_PANEL (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_DETAIL_PANEL);
  /* dispose_template() only unparents the children it bound; the root box is not one. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (am_detail_panel_parent_class)->dispose (object);
}

static void
am_detail_panel_finalize (GObject *object)
{
  AmDetailPanel *self = AM_DETAIL_PANEL (object);

  g_clear_pointer (&self->selection, g_free);

  G_OBJECT_CLASS (am_detail_panel_parent_class)->finalize (object);
}

static void
am_detail_panel_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AmDetailPanel *self = AM_DETAIL_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTION:
      g_value_set_string (value, self->selection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_detail_panel_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AmDetailPanel *self = AM_DETAIL_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      am_detail_panel_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTION:
      am_detail_panel_set_selection (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_detail_panel_class_init (AmDetailPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_detail_panel_dispose;
  object_class->finalize = am_detail_panel_finalize;
  object_class->get_property = am_detail_panel_get_property;
  object_class->set_property = am_detail_panel_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         AM_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_SELECTION] =
    g_param_spec_string ("selection", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "amdetailpanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/am-detail-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AmDetailPanel, content);
  gtk_widget_class_bind_template_child (widget_class, AmDetailPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AmDetailPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, AmDetailPanel, stack);
}

static void
am_detail_panel_init (AmDetailPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

/* Public API */

GtkWidget *
am_detail_panel_new (void)
{
  return g_object_new (AM_TYPE_DETAIL_PANEL, NULL);
}

AmDocument *
am_detail_panel_get_document (AmDetailPanel *self)
{
  g_return_val_if_fail (AM_IS_DETAIL_PANEL (self), NULL);

  return self->document;
}

void
am_detail_panel_set_document (AmDetailPanel *self,
                              AmDocument    *document)
{
  g_return_if_fail (AM_IS_DETAIL_PANEL (self));
  g_return_if_fail (document == NULL || AM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

const char *
am_detail_panel_get_selection (AmDetailPanel *self)
{
  g_return_val_if_fail (AM_IS_DETAIL_PANEL (self), NULL);

  return self->selection;
}

void
am_detail_panel_set_selection (AmDetailPanel *self,
                               const char    *id)
{
  g_return_if_fail (AM_IS_DETAIL_PANEL (self));

  if (id != NULL && id[0] == '\0')
    id = NULL;

  if (g_strcmp0 (self->selection, id) == 0)
    return;

  g_free (self->selection);
  self->selection = g_strdup (id);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SELECTION]);
}

static gboolean
focus_first_row (AmDetailPanel *self)
{
  return gtk_widget_child_focus (GTK_WIDGET (self->content), GTK_DIR_TAB_FORWARD);
}

static void
focus_later_cb (gpointer data)
{
  g_autoptr(AmDetailPanel) self = data;

  focus_first_row (self);
}

void
am_detail_panel_focus (AmDetailPanel *self)
{
  g_return_if_fail (AM_IS_DETAIL_PANEL (self));

  /* Rows made for a selection a moment ago have no size yet and cannot take focus;
   * try again once the frame has been laid out. */
  if (!focus_first_row (self))
    g_idle_add_once (focus_later_cb, g_object_ref (self));
}
