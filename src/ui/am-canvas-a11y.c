/* am-canvas-a11y.c — what the canvas says about its items: tooltips and accessible text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-canvas-private.h"
#include "am-ui-util.h"

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
  AmDocument *document = _am_canvas_state_document (self);
  AmScene *scene = am_canvas_get_scene (self);
  gint index;

  if (document != NULL)
    {
      AmEntity *entity = am_document_lookup_entity (document, id);
      AmRelation *relation;

      if (entity != NULL)
        return g_strdup (am_entity_get_name (entity));

      relation = am_document_lookup_relation (document, id);
      if (relation != NULL)
        {
          AmEntity *source = am_document_lookup_entity (document,
                                                        am_relation_get_source (relation));
          AmEntity *target = am_document_lookup_entity (document,
                                                        am_relation_get_target (relation));
          const char *label = am_relation_get_label (relation);

          return relation_name (source ? am_entity_get_name (source)
                                       : am_relation_get_source (relation),
                                target ? am_entity_get_name (target)
                                       : am_relation_get_target (relation),
                                label);
        }
    }

  if (scene != NULL)
    {
      if ((index = am_scene_find_node (scene, id)) >= 0)
        {
          const char *label = am_scene_get_node (scene, index)->label;

          return g_strdup (label && *label ? label : id);
        }
      if ((index = am_scene_find_edge (scene, id)) >= 0)
        {
          const AmSceneEdge *edge = am_scene_get_edge (scene, index);

          return relation_name (edge->source, edge->target, edge->label);
        }
    }

  return g_strdup (id);
}

void
_am_canvas_update_accessible_description (AmCanvas *self)
{
  const char *selection = _am_canvas_state_selection (self);

  if (selection != NULL)
    {
      g_autofree char *name = item_name (self, selection);
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

char *
_am_canvas_dup_tooltip_text (AmCanvas   *self,
                             const char *id)
{
  g_autoptr(GString) text = NULL;
  AmDocument *document;
  AmScene *scene;
  AmEntity *entity = NULL;
  AmRelation *relation = NULL;
  gint index;

  g_return_val_if_fail (AM_IS_CANVAS (self), NULL);

  document = _am_canvas_state_document (self);
  scene = am_canvas_get_scene (self);
  if (id == NULL || scene == NULL)
    return NULL;

  if (document != NULL)
    {
      entity = am_document_lookup_entity (document, id);
      relation = entity == NULL ? am_document_lookup_relation (document, id) : NULL;
    }

  text = g_string_new (NULL);

  if (entity != NULL)
    {
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
  else if (relation != NULL)
    {
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
  else if ((index = am_scene_find_node (scene, id)) >= 0)
    {
      const AmSceneNode *node = am_scene_get_node (scene, index);
      g_autofree char *name = item_name (self, id);

      g_string_append (text, name);
      if (node->kind != NULL)
        {
          g_string_append_c (text, '\n');
          g_string_append_printf (text, _("Kind: %s"), node->kind);
        }
    }
  else if (am_scene_find_edge (scene, id) >= 0)
    {
      g_autofree char *name = item_name (self, id);

      g_string_append (text, name);
    }
  else
    return NULL;

  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
_am_canvas_query_tooltip (AmCanvas   *self,
                          int         x,
                          int         y,
                          gboolean    keyboard_tooltip,
                          GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;

  text = _am_canvas_dup_tooltip_text (self, keyboard_tooltip ? _am_canvas_state_selection (self)
                                                             : _am_canvas_hit_test (self, x, y));
  if (text == NULL)
    return FALSE;

  /* Plain text: names come from the article and may contain '<' or '&'. */
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}
