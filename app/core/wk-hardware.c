/* wk-hardware.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-hardware"

#include "config.h"

#include "wk-hardware.h"

struct _WkHardware
{
  GObject parent_instance;

  gint64 id;
  gint64 ticket_id;
  char *ticket_ref;
  gint64 person_id;
  char *person_name;
  gint64 lounge_id;
  char *description;
  char *asset_tag;
  WkHardwareStatus status;
  char *location;
  gint64 ready_by;
  gint64 ready_at;
  gint64 collected_at;
  gint64 handed_over_by;
  char *ack_name;
  char *ack_signature;
  gint64 created_at;
  gint64 updated_at;
  gint64 version;
};

G_DEFINE_FINAL_TYPE (WkHardware, wk_hardware, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TICKET_ID,
  PROP_TICKET_REF,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_LOUNGE_ID,
  PROP_DESCRIPTION,
  PROP_ASSET_TAG,
  PROP_STATUS,
  PROP_LOCATION,
  PROP_READY_BY,
  PROP_READY_AT,
  PROP_COLLECTED_AT,
  PROP_HANDED_OVER_BY,
  PROP_ACK_NAME,
  PROP_ACK_SIGNATURE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wk_hardware_finalize (GObject *object)
{
  WkHardware *self = (WkHardware *) object;

  g_clear_pointer (&self->ticket_ref, g_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->asset_tag, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->ack_name, g_free);
  g_clear_pointer (&self->ack_signature, g_free);

  G_OBJECT_CLASS (wk_hardware_parent_class)->finalize (object);
}

static void
wk_hardware_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WkHardware *self = WK_HARDWARE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TICKET_ID:
      g_value_set_int64 (value, self->ticket_id);
      break;

    case PROP_TICKET_REF:
      g_value_set_string (value, self->ticket_ref);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;

    case PROP_LOUNGE_ID:
      g_value_set_int64 (value, self->lounge_id);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_ASSET_TAG:
      g_value_set_string (value, self->asset_tag);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_READY_BY:
      g_value_set_int64 (value, self->ready_by);
      break;

    case PROP_READY_AT:
      g_value_set_int64 (value, self->ready_at);
      break;

    case PROP_COLLECTED_AT:
      g_value_set_int64 (value, self->collected_at);
      break;

    case PROP_HANDED_OVER_BY:
      g_value_set_int64 (value, self->handed_over_by);
      break;

    case PROP_ACK_NAME:
      g_value_set_string (value, self->ack_name);
      break;

    case PROP_ACK_SIGNATURE:
      g_value_set_string (value, self->ack_signature);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_hardware_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WkHardware *self = WK_HARDWARE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_TICKET_ID:
      self->ticket_id = g_value_get_int64 (value);
      break;

    case PROP_TICKET_REF:
      self->ticket_ref = g_value_dup_string (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_get_int64 (value);
      break;

    case PROP_PERSON_NAME:
      self->person_name = g_value_dup_string (value);
      break;

    case PROP_LOUNGE_ID:
      self->lounge_id = g_value_get_int64 (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    case PROP_ASSET_TAG:
      self->asset_tag = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;

    case PROP_LOCATION:
      self->location = g_value_dup_string (value);
      break;

    case PROP_READY_BY:
      self->ready_by = g_value_get_int64 (value);
      break;

    case PROP_READY_AT:
      self->ready_at = g_value_get_int64 (value);
      break;

    case PROP_COLLECTED_AT:
      self->collected_at = g_value_get_int64 (value);
      break;

    case PROP_HANDED_OVER_BY:
      self->handed_over_by = g_value_get_int64 (value);
      break;

    case PROP_ACK_NAME:
      self->ack_name = g_value_dup_string (value);
      break;

    case PROP_ACK_SIGNATURE:
      self->ack_signature = g_value_dup_string (value);
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_get_int64 (value);
      break;

    case PROP_UPDATED_AT:
      self->updated_at = g_value_get_int64 (value);
      break;

    case PROP_VERSION:
      self->version = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_hardware_class_init (WkHardwareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wk_hardware_finalize;
  object_class->get_property = wk_hardware_get_property;
  object_class->set_property = wk_hardware_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TICKET_ID] =
    g_param_spec_int64 ("ticket-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TICKET_REF] =
    g_param_spec_string ("ticket-ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOUNGE_ID] =
    g_param_spec_int64 ("lounge-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ASSET_TAG] =
    g_param_spec_string ("asset-tag", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       WK_TYPE_HARDWARE_STATUS, WK_HARDWARE_STATUS_PREPARING,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READY_BY] =
    g_param_spec_int64 ("ready-by", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_READY_AT] =
    g_param_spec_int64 ("ready-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COLLECTED_AT] =
    g_param_spec_int64 ("collected-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HANDED_OVER_BY] =
    g_param_spec_int64 ("handed-over-by", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACK_NAME] =
    g_param_spec_string ("ack-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACK_SIGNATURE] =
    g_param_spec_string ("ack-signature", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_hardware_init (WkHardware *self)
{
}

gint64
wk_hardware_get_id (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), 0);

  return self->id;
}

gint64
wk_hardware_get_ticket_id (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), 0);

  return self->ticket_id;
}

const char *
wk_hardware_get_ticket_ref (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), NULL);

  return self->ticket_ref;
}

gint64
wk_hardware_get_person_id (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), 0);

  return self->person_id;
}

const char *
wk_hardware_get_person_name (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), NULL);

  return self->person_name;
}

gint64
wk_hardware_get_lounge_id (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), 0);

  return self->lounge_id;
}

const char *
wk_hardware_get_description (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), NULL);

  return self->description;
}

const char *
wk_hardware_get_asset_tag (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), NULL);

  return self->asset_tag;
}

WkHardwareStatus
wk_hardware_get_status (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), 0);

  return self->status;
}

const char *
wk_hardware_get_location (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), NULL);

  return self->location;
}

gint64
wk_hardware_get_ready_by (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), 0);

  return self->ready_by;
}

gint64
wk_hardware_get_ready_at (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), 0);

  return self->ready_at;
}

gint64
wk_hardware_get_collected_at (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), 0);

  return self->collected_at;
}

gint64
wk_hardware_get_handed_over_by (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), 0);

  return self->handed_over_by;
}

const char *
wk_hardware_get_ack_name (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), NULL);

  return self->ack_name;
}

const char *
wk_hardware_get_ack_signature (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), NULL);

  return self->ack_signature;
}

gint64
wk_hardware_get_created_at (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), 0);

  return self->created_at;
}

gint64
wk_hardware_get_updated_at (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), 0);

  return self->updated_at;
}

gint64
wk_hardware_get_version (WkHardware *self)
{
  g_return_val_if_fail (WK_IS_HARDWARE (self), 0);

  return self->version;
}
