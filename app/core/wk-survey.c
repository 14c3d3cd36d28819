/* wk-survey.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-survey"

#include "config.h"

#include "wk-survey.h"

struct _WkSurvey
{
  GObject parent_instance;

  gint64 id;
  char *uuid;
  gint64 visit_id;
  gint64 ticket_id;
  gint64 engineer_id;
  char *engineer_name;
  gint64 lounge_id;
  gint64 person_id;
  char *person_name;
  int score;
  WkSurveyResolved resolved;
  GStrv tags;
  char *comment;
  gboolean contact_consent;
  gboolean anonymous;
  char *language;
  gint64 created_at;
  WkFollowupStatus followup_status;
  gint64 followup_by;
  char *followup_note;
  gint64 followup_at;
};

G_DEFINE_FINAL_TYPE (WkSurvey, wk_survey, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_VISIT_ID,
  PROP_TICKET_ID,
  PROP_ENGINEER_ID,
  PROP_ENGINEER_NAME,
  PROP_LOUNGE_ID,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_SCORE,
  PROP_RESOLVED,
  PROP_TAGS,
  PROP_COMMENT,
  PROP_CONTACT_CONSENT,
  PROP_ANONYMOUS,
  PROP_LANGUAGE,
  PROP_CREATED_AT,
  PROP_FOLLOWUP_STATUS,
  PROP_FOLLOWUP_BY,
  PROP_FOLLOWUP_NOTE,
  PROP_FOLLOWUP_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wk_survey_finalize (GObject *object)
{
  WkSurvey *self = (WkSurvey *) object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->engineer_name, g_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->comment, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->followup_note, g_free);

  G_OBJECT_CLASS (wk_survey_parent_class)->finalize (object);
}

static void
wk_survey_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WkSurvey *self = WK_SURVEY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    case PROP_VISIT_ID:
      g_value_set_int64 (value, self->visit_id);
      break;

    case PROP_TICKET_ID:
      g_value_set_int64 (value, self->ticket_id);
      break;

    case PROP_ENGINEER_ID:
      g_value_set_int64 (value, self->engineer_id);
      break;

    case PROP_ENGINEER_NAME:
      g_value_set_string (value, self->engineer_name);
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

    case PROP_SCORE:
      g_value_set_int (value, self->score);
      break;

    case PROP_RESOLVED:
      g_value_set_enum (value, self->resolved);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;

    case PROP_CONTACT_CONSENT:
      g_value_set_boolean (value, self->contact_consent);
      break;

    case PROP_ANONYMOUS:
      g_value_set_boolean (value, self->anonymous);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_FOLLOWUP_STATUS:
      g_value_set_enum (value, self->followup_status);
      break;

    case PROP_FOLLOWUP_BY:
      g_value_set_int64 (value, self->followup_by);
      break;

    case PROP_FOLLOWUP_NOTE:
      g_value_set_string (value, self->followup_note);
      break;

    case PROP_FOLLOWUP_AT:
      g_value_set_int64 (value, self->followup_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_survey_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WkSurvey *self = WK_SURVEY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    case PROP_VISIT_ID:
      self->visit_id = g_value_get_int64 (value);
      break;

    case PROP_TICKET_ID:
      self->ticket_id = g_value_get_int64 (value);
      break;

    case PROP_ENGINEER_ID:
      self->engineer_id = g_value_get_int64 (value);
      break;

    case PROP_ENGINEER_NAME:
      self->engineer_name = g_value_dup_string (value);
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

    case PROP_SCORE:
      self->score = g_value_get_int (value);
      break;

    case PROP_RESOLVED:
      self->resolved = g_value_get_enum (value);
      break;

    case PROP_TAGS:
      self->tags = g_value_dup_boxed (value);
      break;

    case PROP_COMMENT:
      self->comment = g_value_dup_string (value);
      break;

    case PROP_CONTACT_CONSENT:
      self->contact_consent = g_value_get_boolean (value);
      break;

    case PROP_ANONYMOUS:
      self->anonymous = g_value_get_boolean (value);
      break;

    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_get_int64 (value);
      break;

    case PROP_FOLLOWUP_STATUS:
      self->followup_status = g_value_get_enum (value);
      break;

    case PROP_FOLLOWUP_BY:
      self->followup_by = g_value_get_int64 (value);
      break;

    case PROP_FOLLOWUP_NOTE:
      self->followup_note = g_value_dup_string (value);
      break;

    case PROP_FOLLOWUP_AT:
      self->followup_at = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_survey_class_init (WkSurveyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wk_survey_finalize;
  object_class->get_property = wk_survey_get_property;
  object_class->set_property = wk_survey_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VISIT_ID] =
    g_param_spec_int64 ("visit-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TICKET_ID] =
    g_param_spec_int64 ("ticket-id", NULL, NULL,
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
  properties[PROP_SCORE] =
    g_param_spec_int ("score", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESOLVED] =
    g_param_spec_enum ("resolved", NULL, NULL,
                       WK_TYPE_SURVEY_RESOLVED, WK_SURVEY_RESOLVED_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COMMENT] =
    g_param_spec_string ("comment", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONTACT_CONSENT] =
    g_param_spec_boolean ("contact-consent", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ANONYMOUS] =
    g_param_spec_boolean ("anonymous", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FOLLOWUP_STATUS] =
    g_param_spec_enum ("followup-status", NULL, NULL,
                       WK_TYPE_FOLLOWUP_STATUS, WK_FOLLOWUP_STATUS_NONE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FOLLOWUP_BY] =
    g_param_spec_int64 ("followup-by", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FOLLOWUP_NOTE] =
    g_param_spec_string ("followup-note", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FOLLOWUP_AT] =
    g_param_spec_int64 ("followup-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_survey_init (WkSurvey *self)
{
}

gint64
wk_survey_get_id (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), 0);

  return self->id;
}

const char *
wk_survey_get_uuid (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), NULL);

  return self->uuid;
}

gint64
wk_survey_get_visit_id (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), 0);

  return self->visit_id;
}

gint64
wk_survey_get_ticket_id (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), 0);

  return self->ticket_id;
}

gint64
wk_survey_get_engineer_id (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), 0);

  return self->engineer_id;
}

const char *
wk_survey_get_engineer_name (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), NULL);

  return self->engineer_name;
}

gint64
wk_survey_get_lounge_id (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), 0);

  return self->lounge_id;
}

gint64
wk_survey_get_person_id (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), 0);

  return self->person_id;
}

const char *
wk_survey_get_person_name (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), NULL);

  return self->person_name;
}

int
wk_survey_get_score (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), 0);

  return self->score;
}

WkSurveyResolved
wk_survey_get_resolved (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), 0);

  return self->resolved;
}

const char * const *
wk_survey_get_tags (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), NULL);

  return (const char * const *) self->tags;
}

const char *
wk_survey_get_comment (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), NULL);

  return self->comment;
}

gboolean
wk_survey_get_contact_consent (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), FALSE);

  return self->contact_consent;
}

gboolean
wk_survey_get_anonymous (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), FALSE);

  return self->anonymous;
}

const char *
wk_survey_get_language (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), NULL);

  return self->language;
}

gint64
wk_survey_get_created_at (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), 0);

  return self->created_at;
}

WkFollowupStatus
wk_survey_get_followup_status (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), 0);

  return self->followup_status;
}

gint64
wk_survey_get_followup_by (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), 0);

  return self->followup_by;
}

const char *
wk_survey_get_followup_note (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), NULL);

  return self->followup_note;
}

gint64
wk_survey_get_followup_at (WkSurvey *self)
{
  g_return_val_if_fail (WK_IS_SURVEY (self), 0);

  return self->followup_at;
}

static const char * const known_tags[] = {
  "speed", "friendliness", "knowledge", "fixed-first-time", "process",
  "quality", "value", NULL,
};

const char * const *
wk_survey_known_tags (void)
{
  return known_tags;
}

gboolean
wk_survey_tag_is_known (const char *tag)
{
  return tag != NULL && g_strv_contains (known_tags, tag);
}
