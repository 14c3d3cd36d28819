/* wk-visit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-visit"

#include "config.h"

#include "wk-visit.h"

struct _WkVisit
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 lounge_id;
  gint64 person_id;
  char *person_name;
  char *greeting_name;
  char *guest_name;
  char *guest_email;
  char *contact_email;
  gint64 ticket_id;
  char *ticket_ref;
  char *ticket_subject;
  char *reason;
  WkVisitStatus status;
  gint64 checked_in_at;
  gint64 called_at;
  gint64 service_started_at;
  gint64 finished_at;
  gint64 engineer_id;
  char *engineer_name;
  char *desk;
  char *kiosk;
  WkIdentifiedBy identified_by;
  gint64 kiosk_ms;
  WkOutcome outcome;
  gint64 estimated_wait_s;
  int survey_score;
  gint64 version;
  guint position;
};

G_DEFINE_FINAL_TYPE (WkVisit, wk_visit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_LOUNGE_ID,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_GREETING_NAME,
  PROP_GUEST_NAME,
  PROP_GUEST_EMAIL,
  PROP_CONTACT_EMAIL,
  PROP_TICKET_ID,
  PROP_TICKET_REF,
  PROP_TICKET_SUBJECT,
  PROP_REASON,
  PROP_STATUS,
  PROP_CHECKED_IN_AT,
  PROP_CALLED_AT,
  PROP_SERVICE_STARTED_AT,
  PROP_FINISHED_AT,
  PROP_ENGINEER_ID,
  PROP_ENGINEER_NAME,
  PROP_DESK,
  PROP_KIOSK,
  PROP_IDENTIFIED_BY,
  PROP_KIOSK_MS,
  PROP_OUTCOME,
  PROP_ESTIMATED_WAIT_S,
  PROP_SURVEY_SCORE,
  PROP_VERSION,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wk_visit_finalize (GObject *object)
{
  WkVisit *self = (WkVisit *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->greeting_name, g_free);
  g_clear_pointer (&self->guest_name, g_free);
  g_clear_pointer (&self->guest_email, g_free);
  g_clear_pointer (&self->contact_email, g_free);
  g_clear_pointer (&self->ticket_ref, g_free);
  g_clear_pointer (&self->ticket_subject, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->engineer_name, g_free);
  g_clear_pointer (&self->desk, g_free);
  g_clear_pointer (&self->kiosk, g_free);

  G_OBJECT_CLASS (wk_visit_parent_class)->finalize (object);
}

static void
wk_visit_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  WkVisit *self = WK_VISIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_LOUNGE_ID:
      g_value_set_int64 (value, self->lounge_id);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;

    case PROP_GREETING_NAME:
      g_value_set_string (value, self->greeting_name);
      break;

    case PROP_GUEST_NAME:
      g_value_set_string (value, self->guest_name);
      break;

    case PROP_GUEST_EMAIL:
      g_value_set_string (value, self->guest_email);
      break;
    case PROP_CONTACT_EMAIL:
      g_value_set_string (value, self->contact_email);
      break;

    case PROP_TICKET_ID:
      g_value_set_int64 (value, self->ticket_id);
      break;

    case PROP_TICKET_REF:
      g_value_set_string (value, self->ticket_ref);
      break;

    case PROP_TICKET_SUBJECT:
      g_value_set_string (value, self->ticket_subject);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_CHECKED_IN_AT:
      g_value_set_int64 (value, self->checked_in_at);
      break;

    case PROP_CALLED_AT:
      g_value_set_int64 (value, self->called_at);
      break;

    case PROP_SERVICE_STARTED_AT:
      g_value_set_int64 (value, self->service_started_at);
      break;

    case PROP_FINISHED_AT:
      g_value_set_int64 (value, self->finished_at);
      break;

    case PROP_ENGINEER_ID:
      g_value_set_int64 (value, self->engineer_id);
      break;

    case PROP_ENGINEER_NAME:
      g_value_set_string (value, self->engineer_name);
      break;

    case PROP_DESK:
      g_value_set_string (value, self->desk);
      break;

    case PROP_KIOSK:
      g_value_set_string (value, self->kiosk);
      break;

    case PROP_IDENTIFIED_BY:
      g_value_set_enum (value, self->identified_by);
      break;

    case PROP_KIOSK_MS:
      g_value_set_int64 (value, self->kiosk_ms);
      break;

    case PROP_OUTCOME:
      g_value_set_enum (value, self->outcome);
      break;

    case PROP_ESTIMATED_WAIT_S:
      g_value_set_int64 (value, self->estimated_wait_s);
      break;

    case PROP_SURVEY_SCORE:
      g_value_set_int (value, self->survey_score);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_visit_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  WkVisit *self = WK_VISIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_LOUNGE_ID:
      self->lounge_id = g_value_get_int64 (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_get_int64 (value);
      break;

    case PROP_PERSON_NAME:
      self->person_name = g_value_dup_string (value);
      break;

    case PROP_GREETING_NAME:
      self->greeting_name = g_value_dup_string (value);
      break;

    case PROP_GUEST_NAME:
      self->guest_name = g_value_dup_string (value);
      break;

    case PROP_GUEST_EMAIL:
      self->guest_email = g_value_dup_string (value);
      break;
    case PROP_CONTACT_EMAIL:
      self->contact_email = g_value_dup_string (value);
      break;

    case PROP_TICKET_ID:
      self->ticket_id = g_value_get_int64 (value);
      break;

    case PROP_TICKET_REF:
      self->ticket_ref = g_value_dup_string (value);
      break;

    case PROP_TICKET_SUBJECT:
      self->ticket_subject = g_value_dup_string (value);
      break;

    case PROP_REASON:
      self->reason = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;

    case PROP_CHECKED_IN_AT:
      self->checked_in_at = g_value_get_int64 (value);
      break;

    case PROP_CALLED_AT:
      self->called_at = g_value_get_int64 (value);
      break;

    case PROP_SERVICE_STARTED_AT:
      self->service_started_at = g_value_get_int64 (value);
      break;

    case PROP_FINISHED_AT:
      self->finished_at = g_value_get_int64 (value);
      break;

    case PROP_ENGINEER_ID:
      self->engineer_id = g_value_get_int64 (value);
      break;

    case PROP_ENGINEER_NAME:
      self->engineer_name = g_value_dup_string (value);
      break;

    case PROP_DESK:
      self->desk = g_value_dup_string (value);
      break;

    case PROP_KIOSK:
      self->kiosk = g_value_dup_string (value);
      break;

    case PROP_IDENTIFIED_BY:
      self->identified_by = g_value_get_enum (value);
      break;

    case PROP_KIOSK_MS:
      self->kiosk_ms = g_value_get_int64 (value);
      break;

    case PROP_OUTCOME:
      self->outcome = g_value_get_enum (value);
      break;

    case PROP_ESTIMATED_WAIT_S:
      self->estimated_wait_s = g_value_get_int64 (value);
      break;

    case PROP_SURVEY_SCORE:
      self->survey_score = g_value_get_int (value);
      break;

    case PROP_VERSION:
      self->version = g_value_get_int64 (value);
      break;

    case PROP_POSITION:
      self->position = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_visit_class_init (WkVisitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wk_visit_finalize;
  object_class->get_property = wk_visit_get_property;
  object_class->set_property = wk_visit_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOUNGE_ID] =
    g_param_spec_int64 ("lounge-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GREETING_NAME] =
    g_param_spec_string ("greeting-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GUEST_NAME] =
    g_param_spec_string ("guest-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_GUEST_EMAIL] =
    g_param_spec_string ("guest-email", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONTACT_EMAIL] =
    g_param_spec_string ("contact-email", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TICKET_ID] =
    g_param_spec_int64 ("ticket-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TICKET_REF] =
    g_param_spec_string ("ticket-ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TICKET_SUBJECT] =
    g_param_spec_string ("ticket-subject", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       WK_TYPE_VISIT_STATUS, WK_VISIT_STATUS_WAITING,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CHECKED_IN_AT] =
    g_param_spec_int64 ("checked-in-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CALLED_AT] =
    g_param_spec_int64 ("called-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SERVICE_STARTED_AT] =
    g_param_spec_int64 ("service-started-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FINISHED_AT] =
    g_param_spec_int64 ("finished-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENGINEER_ID] =
    g_param_spec_int64 ("engineer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENGINEER_NAME] =
    g_param_spec_string ("engineer-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESK] =
    g_param_spec_string ("desk", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIOSK] =
    g_param_spec_string ("kiosk", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IDENTIFIED_BY] =
    g_param_spec_enum ("identified-by", NULL, NULL,
                       WK_TYPE_IDENTIFIED_BY, WK_IDENTIFIED_BY_GUEST,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KIOSK_MS] =
    g_param_spec_int64 ("kiosk-ms", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OUTCOME] =
    g_param_spec_enum ("outcome", NULL, NULL,
                       WK_TYPE_OUTCOME, WK_OUTCOME_NONE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ESTIMATED_WAIT_S] =
    g_param_spec_int64 ("estimated-wait-s", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SURVEY_SCORE] =
    g_param_spec_int ("survey-score", NULL, NULL,
                      0, 5, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_visit_init (WkVisit *self)
{
  self->kiosk_ms = -1;
  self->estimated_wait_s = -1;
}

gint64
wk_visit_get_id (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->id;
}

const char *
wk_visit_get_uuid (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), NULL);

  return self->uuid;
}

gint64
wk_visit_get_lounge_id (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->lounge_id;
}

gint64
wk_visit_get_person_id (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->person_id;
}

const char *
wk_visit_get_person_name (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), NULL);

  return self->person_name;
}

const char *
wk_visit_get_greeting_name (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), NULL);

  return self->greeting_name;
}

const char *
wk_visit_get_guest_name (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), NULL);

  return self->guest_name;
}

const char *
wk_visit_get_guest_email (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), NULL);

  return self->guest_email;
}

const char *
wk_visit_get_contact_email (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), NULL);

  return self->contact_email;
}

gint64
wk_visit_get_ticket_id (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->ticket_id;
}

const char *
wk_visit_get_ticket_ref (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), NULL);

  return self->ticket_ref;
}

const char *
wk_visit_get_ticket_subject (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), NULL);

  return self->ticket_subject;
}

const char *
wk_visit_get_reason (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), NULL);

  return self->reason;
}

WkVisitStatus
wk_visit_get_status (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->status;
}

gint64
wk_visit_get_checked_in_at (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->checked_in_at;
}

gint64
wk_visit_get_called_at (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->called_at;
}

gint64
wk_visit_get_service_started_at (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->service_started_at;
}

gint64
wk_visit_get_finished_at (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->finished_at;
}

gint64
wk_visit_get_engineer_id (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->engineer_id;
}

const char *
wk_visit_get_engineer_name (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), NULL);

  return self->engineer_name;
}

const char *
wk_visit_get_desk (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), NULL);

  return self->desk;
}

const char *
wk_visit_get_kiosk (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), NULL);

  return self->kiosk;
}

WkIdentifiedBy
wk_visit_get_identified_by (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->identified_by;
}

gint64
wk_visit_get_kiosk_ms (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->kiosk_ms;
}

WkOutcome
wk_visit_get_outcome (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->outcome;
}

gint64
wk_visit_get_estimated_wait_s (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->estimated_wait_s;
}

int
wk_visit_get_survey_score (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->survey_score;
}

gint64
wk_visit_get_version (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->version;
}

guint
wk_visit_get_position (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->position;
}

char *
wk_visit_dup_initials (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), NULL);

  return wk_name_dup_initials (self->person_name);
}

guint
wk_visit_get_people_ahead (WkVisit *self)
{
  g_return_val_if_fail (WK_IS_VISIT (self), 0);

  return self->position > 0 ? self->position - 1 : 0;
}
