/* am-entity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "am-core-enums.h"
#include "am-core-private.h"
#include "am-entity.h"
#include "am-evidence.h"

/*
 * Immutable: every field is set once, during construction, and never changed; the
 * getters hand out borrowed pointers that live as long as the entity.  @id and @name
 * are never NULL (an empty string when the creator gave none), @kind_name is never
 * NULL, @aliases, @evidence and @attributes are never NULL.
 */
struct _AmEntity
{
  GObject       parent_instance;

  char         *id;
  char         *name;
  AmEntityKind  kind;
  char         *kind_name;
  char         *role;
  char         *description;
  char         *affiliation;
  char        **aliases;
  GPtrArray    *evidence;    /* of AmEvidence, owned */
  GHashTable   *attributes;  /* utf8 → utf8, owned */
  char         *group;
  AmStatus      status;
  gboolean      has_position;
  double        x;
  double        y;
};

G_DEFINE_FINAL_TYPE (AmEntity, am_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_KIND_NAME,
  PROP_ROLE,
  PROP_DESCRIPTION,
  PROP_AFFILIATION,
  PROP_ALIASES,
  PROP_EVIDENCE,
  PROP_ATTRIBUTES,
  PROP_GROUP,
  PROP_STATUS,
  PROP_HAS_POSITION,
  PROP_X,
  PROP_Y,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
am_entity_constructed (GObject *object)
{
  AmEntity *self = AM_ENTITY (object);

  G_OBJECT_CLASS (am_entity_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_strdup ("");
  if (self->name == NULL)
    self->name = g_strdup ("");

  /* A creator that only spells the kind ("person") gets the enum from the word. */
  if (self->kind == AM_ENTITY_KIND_OTHER && self->kind_name != NULL)
    self->kind = am_entity_kind_from_string (self->kind_name);
  if (self->kind_name == NULL)
    self->kind_name = g_strdup (am_entity_kind_to_string (self->kind));

  if (self->aliases == NULL)
    self->aliases = g_new0 (char *, 1);
  if (self->evidence == NULL)
    self->evidence = _am_evidence_array_copy (NULL);
  if (self->attributes == NULL)
    self->attributes = _am_string_table_copy (NULL);
}

static void
am_entity_finalize (GObject *object)
{
  AmEntity *self = AM_ENTITY (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->kind_name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->affiliation, g_free);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->attributes, g_hash_table_unref);
  g_clear_pointer (&self->group, g_free);

  G_OBJECT_CLASS (am_entity_parent_class)->finalize (object);
}

static void
am_entity_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AmEntity *self = AM_ENTITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_KIND_NAME:
      g_value_set_string (value, self->kind_name);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_AFFILIATION:
      g_value_set_string (value, self->affiliation);
      break;
    case PROP_ALIASES:
      g_value_set_boxed (value, self->aliases);
      break;
    case PROP_EVIDENCE:
      g_value_set_boxed (value, self->evidence);
      break;
    case PROP_ATTRIBUTES:
      g_value_set_boxed (value, self->attributes);
      break;
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_HAS_POSITION:
      g_value_set_boolean (value, self->has_position);
      break;
    case PROP_X:
      g_value_set_double (value, self->x);
      break;
    case PROP_Y:
      g_value_set_double (value, self->y);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_entity_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AmEntity *self = AM_ENTITY (object);

  /* Construct-only: each case runs exactly once, on a zeroed field. */
  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_KIND_NAME:
      self->kind_name = g_value_dup_string (value);
      break;
    case PROP_ROLE:
      self->role = g_value_dup_string (value);
      break;
    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;
    case PROP_AFFILIATION:
      self->affiliation = g_value_dup_string (value);
      break;
    case PROP_ALIASES:
      self->aliases = _am_strv_copy_or_empty (g_value_get_boxed (value));
      break;
    case PROP_EVIDENCE:
      self->evidence = _am_evidence_array_copy (g_value_get_boxed (value));
      break;
    case PROP_ATTRIBUTES:
      self->attributes = _am_string_table_copy (g_value_get_boxed (value));
      break;
    case PROP_GROUP:
      self->group = g_value_dup_string (value);
      break;
    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;
    case PROP_HAS_POSITION:
      self->has_position = g_value_get_boolean (value);
      break;
    case PROP_X:
      self->x = g_value_get_double (value);
      break;
    case PROP_Y:
      self->y = g_value_get_double (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_entity_class_init (AmEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                             G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  object_class->constructed = am_entity_constructed;
  object_class->finalize = am_entity_finalize;
  object_class->get_property = am_entity_get_property;
  object_class->set_property = am_entity_set_property;

  /**
   * AmEntity:id:
   *
   * The entity's id, unique in its document.
   */
  properties [PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  /**
   * AmEntity:name:
   *
   * The display name.
   */
  properties [PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  /**
   * AmEntity:kind:
   *
   * What the actor is.  When it is left at %AM_ENTITY_KIND_OTHER and
   * #AmEntity:kind-name is set, the kind is taken from that word.
   */
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       AM_TYPE_ENTITY_KIND, AM_ENTITY_KIND_OTHER, flags);
  /**
   * AmEntity:kind-name:
   *
   * The kind as spelled in the file; defaults to the canonical word of #AmEntity:kind.
   */
  properties [PROP_KIND_NAME] = g_param_spec_string ("kind-name", NULL, NULL, NULL, flags);
  properties [PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties [PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties [PROP_AFFILIATION] = g_param_spec_string ("affiliation", NULL, NULL, NULL, flags);
  /**
   * AmEntity:aliases: (type GStrv)
   *
   * Other names; copied at construction.
   */
  properties [PROP_ALIASES] = g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV, flags);
  /**
   * AmEntity:evidence: (type GPtrArray(AmEvidence))
   *
   * The evidence; the entity keeps its own array with its own references.
   */
  properties [PROP_EVIDENCE] =
    g_param_spec_boxed ("evidence", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  /**
   * AmEntity:attributes: (type GHashTable(utf8,utf8))
   *
   * Extra string attributes; copied at construction.
   */
  properties [PROP_ATTRIBUTES] =
    g_param_spec_boxed ("attributes", NULL, NULL, G_TYPE_HASH_TABLE, flags);
  properties [PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, flags);

  /**
   * AmEntity:status:
   *
   * Whether the item is part of the map or only suggested.
   */
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, AM_TYPE_STATUS, AM_STATUS_ACCEPTED, flags);
  /**
   * AmEntity:has-position:
   *
   * Whether the user put the actor somewhere (pinned it): then #AmEntity:x and
   * #AmEntity:y are the centre of its node in scene coordinates (points, y grows down).
   */
  properties [PROP_HAS_POSITION] =
    g_param_spec_boolean ("has-position", NULL, NULL, FALSE, flags);
  properties [PROP_X] =
    g_param_spec_double ("x", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);
  properties [PROP_Y] =
    g_param_spec_double ("y", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_entity_init (AmEntity *self)
{
  self->kind = AM_ENTITY_KIND_OTHER;
}

const char *
am_entity_get_id (AmEntity *self)
{
  g_return_val_if_fail (AM_IS_ENTITY (self), NULL);

  return self->id;
}

const char *
am_entity_get_name (AmEntity *self)
{
  g_return_val_if_fail (AM_IS_ENTITY (self), NULL);

  return self->name;
}

AmEntityKind
am_entity_get_kind (AmEntity *self)
{
  g_return_val_if_fail (AM_IS_ENTITY (self), AM_ENTITY_KIND_OTHER);

  return self->kind;
}

const char *
am_entity_get_kind_name (AmEntity *self)
{
  g_return_val_if_fail (AM_IS_ENTITY (self), NULL);

  return self->kind_name;
}

const char *
am_entity_get_role (AmEntity *self)
{
  g_return_val_if_fail (AM_IS_ENTITY (self), NULL);

  return self->role;
}

const char *
am_entity_get_description (AmEntity *self)
{
  g_return_val_if_fail (AM_IS_ENTITY (self), NULL);

  return self->description;
}

const char *
am_entity_get_affiliation (AmEntity *self)
{
  g_return_val_if_fail (AM_IS_ENTITY (self), NULL);

  return self->affiliation;
}

const char * const *
am_entity_get_aliases (AmEntity *self)
{
  g_return_val_if_fail (AM_IS_ENTITY (self), NULL);

  return (const char * const *) self->aliases;
}

GPtrArray *
am_entity_get_evidence (AmEntity *self)
{
  g_return_val_if_fail (AM_IS_ENTITY (self), NULL);

  return self->evidence;
}

GHashTable *
am_entity_get_attributes (AmEntity *self)
{
  g_return_val_if_fail (AM_IS_ENTITY (self), NULL);

  return self->attributes;
}

const char *
am_entity_get_group (AmEntity *self)
{
  g_return_val_if_fail (AM_IS_ENTITY (self), NULL);

  return self->group;
}

AmStatus
am_entity_get_status (AmEntity *self)
{
  g_return_val_if_fail (AM_IS_ENTITY (self), AM_STATUS_ACCEPTED);

  return self->status;
}

/**
 * am_entity_get_position:
 * @self: an entity
 * @x: (out) (optional): the centre's x, in scene coordinates
 * @y: (out) (optional): the centre's y (grows down)
 *
 * Where the user put the actor, if they did.
 *
 * Returns: %FALSE (and 0, 0) when the entity has no position
 */
gboolean
am_entity_get_position (AmEntity *self,
                        double   *x,
                        double   *y)
{
  g_return_val_if_fail (AM_IS_ENTITY (self), FALSE);

  if (x != NULL)
    *x = self->has_position ? self->x : 0.0;
  if (y != NULL)
    *y = self->has_position ? self->y : 0.0;

  return self->has_position;
}
