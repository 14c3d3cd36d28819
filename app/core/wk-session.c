/* wk-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-session"

#include "config.h"

#include "wk-session.h"

struct _WkSession
{
  GObject parent_instance;

  WkPerson *person;
  WkRole role;
  char *token;
};

G_DEFINE_FINAL_TYPE (WkSession, wk_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSON,
  PROP_ROLE,
  PROP_TOKEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wk_session_dispose (GObject *object)
{
  WkSession *self = (WkSession *) object;

  g_clear_object (&self->person);

  G_OBJECT_CLASS (wk_session_parent_class)->dispose (object);
}

static void
wk_session_finalize (GObject *object)
{
  WkSession *self = (WkSession *) object;

  g_clear_pointer (&self->token, g_free);

  G_OBJECT_CLASS (wk_session_parent_class)->finalize (object);
}

static void
wk_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WkSession *self = WK_SESSION (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  WkSession *self = WK_SESSION (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;

    case PROP_ROLE:
      self->role = g_value_get_enum (value);
      break;

    case PROP_TOKEN:
      self->token = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_session_class_init (WkSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wk_session_dispose;
  object_class->finalize = wk_session_finalize;
  object_class->get_property = wk_session_get_property;
  object_class->set_property = wk_session_set_property;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL,
                         WK_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       WK_TYPE_ROLE, WK_ROLE_VISITOR,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_session_init (WkSession *self)
{
}

WkPerson *
wk_session_get_person (WkSession *self)
{
  g_return_val_if_fail (WK_IS_SESSION (self), NULL);

  return self->person;
}

WkRole
wk_session_get_role (WkSession *self)
{
  g_return_val_if_fail (WK_IS_SESSION (self), 0);

  return self->role;
}

const char *
wk_session_get_token (WkSession *self)
{
  g_return_val_if_fail (WK_IS_SESSION (self), NULL);

  return self->token;
}
