/* wk-identity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-identity"

#include "config.h"

#include "wk-identity.h"

struct _WkIdentity
{
  GObject parent_instance;

  WkIdentifiedBy identified_by;
  WkPerson *person;
  GListModel *tickets;
  GListModel *hardware;
  WkVisit *pending_survey;
};

G_DEFINE_FINAL_TYPE (WkIdentity, wk_identity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IDENTIFIED_BY,
  PROP_PERSON,
  PROP_TICKETS,
  PROP_HARDWARE,
  PROP_PENDING_SURVEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wk_identity_dispose (GObject *object)
{
  WkIdentity *self = (WkIdentity *) object;

  g_clear_object (&self->person);
  g_clear_object (&self->tickets);
  g_clear_object (&self->hardware);
  g_clear_object (&self->pending_survey);

  G_OBJECT_CLASS (wk_identity_parent_class)->dispose (object);
}

static void
wk_identity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WkIdentity *self = WK_IDENTITY (object);

  switch (prop_id)
    {
    case PROP_IDENTIFIED_BY:
      g_value_set_enum (value, self->identified_by);
      break;

    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;

    case PROP_TICKETS:
      g_value_set_object (value, self->tickets);
      break;

    case PROP_HARDWARE:
      g_value_set_object (value, self->hardware);
      break;

    case PROP_PENDING_SURVEY:
      g_value_set_object (value, self->pending_survey);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_identity_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WkIdentity *self = WK_IDENTITY (object);

  switch (prop_id)
    {
    case PROP_IDENTIFIED_BY:
      self->identified_by = g_value_get_enum (value);
      break;

    case PROP_PERSON:
      self->person = g_value_dup_object (value);
      break;

    case PROP_TICKETS:
      self->tickets = g_value_dup_object (value);
      break;

    case PROP_HARDWARE:
      self->hardware = g_value_dup_object (value);
      break;

    case PROP_PENDING_SURVEY:
      self->pending_survey = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_identity_class_init (WkIdentityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wk_identity_dispose;
  object_class->get_property = wk_identity_get_property;
  object_class->set_property = wk_identity_set_property;

  properties[PROP_IDENTIFIED_BY] =
    g_param_spec_enum ("identified-by", NULL, NULL,
                       WK_TYPE_IDENTIFIED_BY, WK_IDENTIFIED_BY_GUEST,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL,
                         WK_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TICKETS] =
    g_param_spec_object ("tickets", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HARDWARE] =
    g_param_spec_object ("hardware", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PENDING_SURVEY] =
    g_param_spec_object ("pending-survey", NULL, NULL,
                         WK_TYPE_VISIT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_identity_init (WkIdentity *self)
{
}

WkIdentifiedBy
wk_identity_get_identified_by (WkIdentity *self)
{
  g_return_val_if_fail (WK_IS_IDENTITY (self), 0);

  return self->identified_by;
}

WkPerson *
wk_identity_get_person (WkIdentity *self)
{
  g_return_val_if_fail (WK_IS_IDENTITY (self), NULL);

  return self->person;
}

GListModel *
wk_identity_get_tickets (WkIdentity *self)
{
  g_return_val_if_fail (WK_IS_IDENTITY (self), NULL);

  return self->tickets;
}

GListModel *
wk_identity_get_hardware (WkIdentity *self)
{
  g_return_val_if_fail (WK_IS_IDENTITY (self), NULL);

  return self->hardware;
}

WkVisit *
wk_identity_get_pending_survey (WkIdentity *self)
{
  g_return_val_if_fail (WK_IS_IDENTITY (self), NULL);

  return self->pending_survey;
}

gboolean
wk_identity_is_strong (WkIdentity *self)
{
  g_return_val_if_fail (WK_IS_IDENTITY (self), FALSE);

  return self->identified_by == WK_IDENTIFIED_BY_BADGE;
}
