/* am-session-commands.c — the edits a window makes, each one undoable step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-scene-move.h"
#include "am-session-edits.h"
#include "am-session-private.h"
#include "am-ui-util.h"

/* Each edit here is a builder change (am-session-edits.c) run by _am_session_edit_full(),
 * which builds the new snapshot, validates it and pushes the step (am-session.c). */

/* Edits */

gboolean
am_session_edit (AmSession          *self,
                 const char         *label,
                 AmSessionEditFunc   func,
                 gpointer            user_data,
                 GError            **error)
{
  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _am_session_edit_full (self, label, func, user_data, NULL, error);
}

/* The arguments of one edit and what it gives back. */
typedef struct
{
  const char       *id;
  const char       *other;
  const char       *text;
  const char       *type;
  const GValue     *value;
  const AmEvidence *evidence;
  AmEntityKind      kind;
  gboolean          flag;
  double            x, y;
  AmItemType        item_type;
  char             *new_id;
  guint             count;
} EditArgs;

static gboolean
add_actor_edit (AmDocumentBuilder *builder, gpointer user_data, GError **error)
{
  EditArgs *args = user_data;

  args->new_id = _am_edit_add_actor (builder, args->text, args->kind, args->evidence, error);
  return args->new_id != NULL;
}

char *
am_session_add_actor (AmSession         *self,
                      const char        *name,
                      AmEntityKind       kind,
                      const AmEvidence  *evidence,
                      GError           **error)
{
  EditArgs args = { .text = name, .kind = kind, .evidence = evidence };

  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  /* Translators: the name of an undoable step, shown as “Undo New Actor” */
  if (!_am_session_edit_full (self, _("New Actor"), add_actor_edit, &args, NULL, error))
    g_clear_pointer (&args.new_id, g_free);
  return args.new_id;
}

static gboolean
add_alias_edit (AmDocumentBuilder *builder, gpointer user_data, GError **error)
{
  EditArgs *args = user_data;

  return _am_edit_add_alias (builder, args->id, args->text, args->evidence, error);
}

gboolean
am_session_add_alias (AmSession         *self,
                      const char        *entity_id,
                      const char        *alias,
                      const AmEvidence  *evidence,
                      GError           **error)
{
  EditArgs args = { .id = entity_id, .text = alias, .evidence = evidence };

  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  /* Translators: the name of an undoable step, shown as “Undo Add Alias” */
  return _am_session_edit_full (self, _("Add Alias"), add_alias_edit, &args, NULL, error);
}

static gboolean
add_relation_edit (AmDocumentBuilder *builder, gpointer user_data, GError **error)
{
  EditArgs *args = user_data;

  args->new_id = _am_edit_add_relation (builder, args->id, args->other, args->text, args->type,
                                        args->flag, args->evidence, error);
  return args->new_id != NULL;
}

char *
am_session_add_relation (AmSession         *self,
                         const char        *source,
                         const char        *target,
                         const char        *label,
                         const char        *type,
                         gboolean           directed,
                         const AmEvidence  *evidence,
                         GError           **error)
{
  EditArgs args = { .id = source, .other = target, .text = label, .type = type,
                    .flag = directed, .evidence = evidence };

  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  /* Translators: the name of an undoable step, shown as “Undo New Relation” */
  if (!_am_session_edit_full (self, _("New Relation"), add_relation_edit, &args, NULL, error))
    g_clear_pointer (&args.new_id, g_free);
  return args.new_id;
}

static gboolean
add_statement_edit (AmDocumentBuilder *builder, gpointer user_data, GError **error)
{
  EditArgs *args = user_data;

  args->new_id = _am_edit_add_statement (builder, args->id, args->text, args->flag,
                                         args->evidence, error);
  return args->new_id != NULL;
}

char *
am_session_add_statement (AmSession         *self,
                          const char        *speaker,
                          const char        *text,
                          gboolean           quoted,
                          const AmEvidence  *evidence,
                          GError           **error)
{
  EditArgs args = { .id = speaker, .text = text, .flag = quoted, .evidence = evidence };

  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  /* Translators: the name of an undoable step, shown as “Undo New Statement” */
  if (!_am_session_edit_full (self, _("New Statement"), add_statement_edit, &args, NULL, error))
    g_clear_pointer (&args.new_id, g_free);
  return args.new_id;
}

static gboolean
add_evidence_edit (AmDocumentBuilder *builder, gpointer user_data, GError **error)
{
  EditArgs *args = user_data;

  return _am_edit_add_evidence (builder, args->id, args->evidence, error);
}

gboolean
am_session_add_evidence (AmSession         *self,
                         const char        *item_id,
                         const AmEvidence  *evidence,
                         GError           **error)
{
  EditArgs args = { .id = item_id, .evidence = evidence };

  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  /* Translators: the name of an undoable step, shown as “Undo Add Evidence” */
  return _am_session_edit_full (self, _("Add Evidence"), add_evidence_edit, &args, NULL, error);
}

static gboolean
set_property_edit (AmDocumentBuilder *builder, gpointer user_data, GError **error)
{
  EditArgs *args = user_data;

  return _am_edit_set_property (builder, args->id, args->text, args->value, error);
}

/* "Edit Actor", "Delete Relation"…: a step's name says what kind of item it changed. */
static const char *
item_step_label (AmSession  *self,
                 const char *item_id,
                 const char *entity_label,
                 const char *relation_label,
                 const char *statement_label)
{
  switch (_am_ui_item_type (am_session_get_document (self), item_id))
    {
    case AM_ITEM_RELATION:
      return relation_label;
    case AM_ITEM_STATEMENT:
      return statement_label;
    case AM_ITEM_ENTITY:
    case AM_ITEM_NONE:
    default:
      return entity_label;
    }
}

gboolean
am_session_set_item_property (AmSession     *self,
                              const char    *item_id,
                              const char    *property,
                              const GValue  *value,
                              GError       **error)
{
  EditArgs args = { .id = item_id, .text = property, .value = value };

  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  return _am_session_edit_full (self,
                    item_step_label (self, item_id,
                                     /* Translators: the name of an undoable step, shown as “Undo Edit Actor” */
                                     _("Edit Actor"),
                                     /* Translators: the name of an undoable step, shown as “Undo Edit Relation” */
                                     _("Edit Relation"),
                                     /* Translators: the name of an undoable step, shown as “Undo Edit Statement” */
                                     _("Edit Statement")),
                    set_property_edit, &args, NULL, error);
}

GStrv
am_session_dup_delete_cascade (AmSession  *self,
                               const char *item_id)
{
  g_autoptr(AmDocumentBuilder) builder = NULL;

  g_return_val_if_fail (AM_IS_SESSION (self), NULL);

  if (am_session_get_document (self) == NULL)
    return g_new0 (char *, 1);

  builder = am_document_builder_new_from_document (am_session_get_document (self));
  return _am_edit_delete_cascade (builder, item_id);
}

static gboolean
delete_edit (AmDocumentBuilder *builder, gpointer user_data, GError **error)
{
  EditArgs *args = user_data;

  return _am_edit_delete (builder, args->id, error);
}

gboolean
am_session_delete (AmSession   *self,
                   const char  *item_id,
                   GError     **error)
{
  EditArgs args = { .id = item_id };

  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  return _am_session_edit_full (self,
                    item_step_label (self, item_id,
                                     /* Translators: the name of an undoable step, shown as “Undo Delete Actor” */
                                     _("Delete Actor"),
                                     /* Translators: the name of an undoable step, shown as “Undo Delete Relation” */
                                     _("Delete Relation"),
                                     /* Translators: the name of an undoable step, shown as “Undo Delete Statement” */
                                     _("Delete Statement")),
                    delete_edit, &args, NULL, error);
}

static gboolean
merge_edit (AmDocumentBuilder *builder, gpointer user_data, GError **error)
{
  EditArgs *args = user_data;

  return _am_edit_merge (builder, args->id, args->other, error);
}

gboolean
am_session_merge (AmSession   *self,
                  const char  *keep_id,
                  const char  *merge_id,
                  GError     **error)
{
  EditArgs args = { .id = keep_id, .other = merge_id };

  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  /* Translators: the name of an undoable step, shown as “Undo Merge Actors” */
  return _am_session_edit_full (self, _("Merge Actors"), merge_edit, &args, NULL, error);
}

static gboolean
move_actor_edit (AmDocumentBuilder *builder, gpointer user_data, GError **error)
{
  EditArgs *args = user_data;

  return _am_edit_move_actor (builder, args->id, args->x, args->y, error);
}

/* The moved actor on the map at once, its edges straight until the layout routes them. */
static AmScene *
moved_scene (AmSession *self,
             gpointer   user_data)
{
  EditArgs *args = user_data;

  return am_session_get_scene (self) != NULL ? _am_scene_move_node (am_session_get_scene (self), args->id, args->x, args->y)
                             : NULL;
}

gboolean
am_session_move_actor (AmSession   *self,
                       const char  *entity_id,
                       double       x,
                       double       y,
                       GError     **error)
{
  EditArgs args = { .id = entity_id, .x = x, .y = y };

  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  /* Translators: the name of an undoable step, shown as “Undo Move Actor” */
  return _am_session_edit_full (self, _("Move Actor"), move_actor_edit, &args, moved_scene, error);
}

static gboolean
accept_edit (AmDocumentBuilder *builder, gpointer user_data, GError **error)
{
  EditArgs *args = user_data;

  return _am_edit_accept (builder, args->id, error);
}

gboolean
am_session_accept (AmSession   *self,
                   const char  *item_id,
                   GError     **error)
{
  EditArgs args = { .id = item_id };

  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  /* Translators: the name of an undoable step, shown as “Undo Accept Suggestion” */
  return _am_session_edit_full (self, _("Accept Suggestion"), accept_edit, &args, NULL, error);
}

static gboolean
reject_edit (AmDocumentBuilder *builder, gpointer user_data, GError **error)
{
  EditArgs *args = user_data;

  return _am_edit_reject (builder, args->id, error);
}

gboolean
am_session_reject (AmSession   *self,
                   const char  *item_id,
                   GError     **error)
{
  EditArgs args = { .id = item_id };

  g_return_val_if_fail (AM_IS_SESSION (self), FALSE);

  /* Translators: the name of an undoable step, shown as “Undo Reject Suggestion” */
  return _am_session_edit_full (self, _("Reject Suggestion"), reject_edit, &args, NULL, error);
}

static gboolean
accept_all_edit (AmDocumentBuilder *builder, gpointer user_data, GError **error)
{
  EditArgs *args = user_data;

  args->count = _am_edit_accept_all (builder, args->item_type);
  return TRUE;
}

guint
am_session_accept_all (AmSession  *self,
                       AmItemType  type)
{
  EditArgs args = { .item_type = type };
  g_autoptr(GError) error = NULL;
  const char *label;

  g_return_val_if_fail (AM_IS_SESSION (self), 0);

  switch (type)
    {
    case AM_ITEM_ENTITY:
      /* Translators: the name of an undoable step, shown as “Undo Accept All Actors” */
      label = _("Accept All Actors");
      break;
    case AM_ITEM_RELATION:
      /* Translators: the name of an undoable step, shown as “Undo Accept All Relations” */
      label = _("Accept All Relations");
      break;
    case AM_ITEM_STATEMENT:
      /* Translators: the name of an undoable step, shown as “Undo Accept All Statements” */
      label = _("Accept All Statements");
      break;
    case AM_ITEM_NONE:
    default:
      return 0;
    }

  if (am_session_get_document (self) == NULL)
    return 0;

  /* Accepting only changes statuses of a valid document: it cannot fail to build. */
  if (!_am_session_edit_full (self, label, accept_all_edit, &args, NULL, &error))
    {
      g_critical ("Accepting all suggestions failed: %s", error->message);
      return 0;
    }
  return args.count;
}
