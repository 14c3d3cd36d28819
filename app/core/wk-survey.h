/* wk-survey.h — one answer to "how did we do?"
 *
 * An immutable value: every property is construct-only.  Id, time and
 * count properties are 0 when unknown unless documented otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-enums.h"

G_BEGIN_DECLS

#define WK_TYPE_SURVEY (wk_survey_get_type ())
G_DECLARE_FINAL_TYPE (WkSurvey, wk_survey, WK, SURVEY, GObject)

/* row id (the primary key) */
gint64 wk_survey_get_id (WkSurvey *self);
/* client-generated idempotency key */
const char *wk_survey_get_uuid (WkSurvey *self);
/* the visit, 0 when none */
gint64 wk_survey_get_visit_id (WkSurvey *self);
/* the ticket, 0 when none */
gint64 wk_survey_get_ticket_id (WkSurvey *self);
/* the engineer, 0 when none */
gint64 wk_survey_get_engineer_id (WkSurvey *self);
/* display name of the engineer, or NULL */
const char *wk_survey_get_engineer_name (WkSurvey *self);
/* the lounge, 0 when none */
gint64 wk_survey_get_lounge_id (WkSurvey *self);
/* who answered, 0 when anonymous or unknown */
gint64 wk_survey_get_person_id (WkSurvey *self);
/* their display name, or NULL */
const char *wk_survey_get_person_name (WkSurvey *self);
/* 1 to 5 */
int wk_survey_get_score (WkSurvey *self);
/* is it fixed? */
WkSurveyResolved wk_survey_get_resolved (WkSurvey *self);
/* what went well or wrong, see wk_survey_tag_is_known() */
const char * const *wk_survey_get_tags (WkSurvey *self);
/* free text, may be empty */
const char *wk_survey_get_comment (WkSurvey *self);
/* may we contact you? */
gboolean wk_survey_get_contact_consent (WkSurvey *self);
/* submitted without a person */
gboolean wk_survey_get_anonymous (WkSurvey *self);
/* language of the kiosk at the time, or NULL */
const char *wk_survey_get_language (WkSurvey *self);
/* unix seconds */
gint64 wk_survey_get_created_at (WkSurvey *self);
/* follow-up workflow */
WkFollowupStatus wk_survey_get_followup_status (WkSurvey *self);
/* lead who last moved the follow-up, 0 when none */
gint64 wk_survey_get_followup_by (WkSurvey *self);
/* their note, or NULL */
const char *wk_survey_get_followup_note (WkSurvey *self);
/* unix seconds, 0 when none */
gint64 wk_survey_get_followup_at (WkSurvey *self);

/* The tags the kiosk offers: speed, friendliness, knowledge,
 * fixed-first-time, process, quality, value. NULL-terminated, static. */
const char * const *wk_survey_known_tags   (void);
gboolean            wk_survey_tag_is_known (const char *tag);

G_END_DECLS
