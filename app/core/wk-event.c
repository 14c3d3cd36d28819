/* wk-event.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-event"

#include "config.h"

#include "wk-event.h"

struct _WkEvent
{
  GObject parent_instance;

  gint64 id;
  gint64 at;
  char *actor;
  char *kind;
  char *entity;
  gint64 entity_id;
  char *payload;
};

G_DEFINE_FINAL_TYPE (WkEvent, wk_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_ACTOR,
  PROP_KIND,
  PROP_ENTITY,
  PROP_ENTITY_ID,
  PROP_PAYLOAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wk_event_finalize (GObject *object)
{
  WkEvent *self = (WkEvent *) object;

  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->payload, g_free);

  G_OBJECT_CLASS (wk_event_parent_class)->finalize (object);
}

static void
wk_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  WkEvent *self = WK_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_AT:
      g_value_set_int64 (value, self->at);
      break;

    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_ENTITY:
      g_value_set_string (value, self->entity);
      break;

    case PROP_ENTITY_ID:
      g_value_set_int64 (value, self->entity_id);
      break;

    case PROP_PAYLOAD:
      g_value_set_string (value, self->payload);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_event_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  WkEvent *self = WK_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_AT:
      self->at = g_value_get_int64 (value);
      break;

    case PROP_ACTOR:
      self->actor = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_ENTITY:
      self->entity = g_value_dup_string (value);
      break;

    case PROP_ENTITY_ID:
      self->entity_id = g_value_get_int64 (value);
      break;

    case PROP_PAYLOAD:
      self->payload = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_event_class_init (WkEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wk_event_finalize;
  object_class->get_property = wk_event_get_property;
  object_class->set_property = wk_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AT] =
    g_param_spec_int64 ("at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENTITY] =
    g_param_spec_string ("entity", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENTITY_ID] =
    g_param_spec_int64 ("entity-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PAYLOAD] =
    g_param_spec_string ("payload", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_event_init (WkEvent *self)
{
}

gint64
wk_event_get_id (WkEvent *self)
{
  g_return_val_if_fail (WK_IS_EVENT (self), 0);

  return self->id;
}

gint64
wk_event_get_at (WkEvent *self)
{
  g_return_val_if_fail (WK_IS_EVENT (self), 0);

  return self->at;
}

const char *
wk_event_get_actor (WkEvent *self)
{
  g_return_val_if_fail (WK_IS_EVENT (self), NULL);

  return self->actor;
}

const char *
wk_event_get_kind (WkEvent *self)
{
  g_return_val_if_fail (WK_IS_EVENT (self), NULL);

  return self->kind;
}

const char *
wk_event_get_entity (WkEvent *self)
{
  g_return_val_if_fail (WK_IS_EVENT (self), NULL);

  return self->entity;
}

gint64
wk_event_get_entity_id (WkEvent *self)
{
  g_return_val_if_fail (WK_IS_EVENT (self), 0);

  return self->entity_id;
}

const char *
wk_event_get_payload (WkEvent *self)
{
  g_return_val_if_fail (WK_IS_EVENT (self), NULL);

  return self->payload;
}
