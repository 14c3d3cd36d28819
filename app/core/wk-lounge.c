/* wk-lounge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-lounge"

#include "config.h"

#include "wk-lounge.h"

struct _WkLounge
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *location;
  char *timezone;
  char *opening_hours;
  char *phone;
  GStrv desks;
};

G_DEFINE_FINAL_TYPE (WkLounge, wk_lounge, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_LOCATION,
  PROP_TIMEZONE,
  PROP_OPENING_HOURS,
  PROP_PHONE,
  PROP_DESKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wk_lounge_finalize (GObject *object)
{
  WkLounge *self = (WkLounge *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->timezone, g_free);
  g_clear_pointer (&self->opening_hours, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->desks, g_strfreev);

  G_OBJECT_CLASS (wk_lounge_parent_class)->finalize (object);
}

static void
wk_lounge_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WkLounge *self = WK_LOUNGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_TIMEZONE:
      g_value_set_string (value, self->timezone);
      break;

    case PROP_OPENING_HOURS:
      g_value_set_string (value, self->opening_hours);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_DESKS:
      g_value_set_boxed (value, self->desks);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_lounge_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WkLounge *self = WK_LOUNGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_LOCATION:
      self->location = g_value_dup_string (value);
      break;

    case PROP_TIMEZONE:
      self->timezone = g_value_dup_string (value);
      break;

    case PROP_OPENING_HOURS:
      self->opening_hours = g_value_dup_string (value);
      break;

    case PROP_PHONE:
      self->phone = g_value_dup_string (value);
      break;

    case PROP_DESKS:
      self->desks = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_lounge_class_init (WkLoungeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wk_lounge_finalize;
  object_class->get_property = wk_lounge_get_property;
  object_class->set_property = wk_lounge_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TIMEZONE] =
    g_param_spec_string ("timezone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OPENING_HOURS] =
    g_param_spec_string ("opening-hours", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESKS] =
    g_param_spec_boxed ("desks", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_lounge_init (WkLounge *self)
{
}

gint64
wk_lounge_get_id (WkLounge *self)
{
  g_return_val_if_fail (WK_IS_LOUNGE (self), 0);

  return self->id;
}

const char *
wk_lounge_get_name (WkLounge *self)
{
  g_return_val_if_fail (WK_IS_LOUNGE (self), NULL);

  return self->name;
}

const char *
wk_lounge_get_location (WkLounge *self)
{
  g_return_val_if_fail (WK_IS_LOUNGE (self), NULL);

  return self->location;
}

const char *
wk_lounge_get_timezone (WkLounge *self)
{
  g_return_val_if_fail (WK_IS_LOUNGE (self), NULL);

  return self->timezone;
}

const char *
wk_lounge_get_opening_hours (WkLounge *self)
{
  g_return_val_if_fail (WK_IS_LOUNGE (self), NULL);

  return self->opening_hours;
}

const char *
wk_lounge_get_phone (WkLounge *self)
{
  g_return_val_if_fail (WK_IS_LOUNGE (self), NULL);

  return self->phone;
}

const char * const *
wk_lounge_get_desks (WkLounge *self)
{
  g_return_val_if_fail (WK_IS_LOUNGE (self), NULL);

  return (const char * const *) self->desks;
}
