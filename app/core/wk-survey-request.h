/* wk-survey-request.h — one answer to "how did we do?", as submitted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wk-enums.h"

G_BEGIN_DECLS

/**
 * WkSurveyRequest:
 * @uuid: client-generated UUID, the idempotency key (required)
 * @visit_id: the visit rated, or 0; fills in engineer, lounge, ticket and
 *   person when they are 0
 * @ticket_id: the ticket, or 0
 * @lounge_id: the lounge, or 0
 * @person_id: who answers, or 0 (ignored when @anonymous)
 * @score: 1 to 5
 * @resolved: is it fixed?
 * @tags: known tags (wk_survey_known_tags()), or NULL
 * @comment: free text, or NULL
 * @contact_consent: may we contact you?  A score of 1 or 2 with consent
 *   starts the follow-up as `needed`.
 * @anonymous: store no person
 * @language: the kiosk's language, or NULL
 * @kiosk: the kiosk's name, or NULL (for the event log)
 */
typedef struct {
  char             *uuid;
  gint64            visit_id;
  gint64            ticket_id;
  gint64            lounge_id;
  gint64            person_id;
  int               score;
  WkSurveyResolved  resolved;
  GStrv             tags;
  char             *comment;
  gboolean          contact_consent;
  gboolean          anonymous;
  char             *language;
  char             *kiosk;
} WkSurveyRequest;

#define WK_TYPE_SURVEY_REQUEST (wk_survey_request_get_type ())

GType            wk_survey_request_get_type (void) G_GNUC_CONST;
WkSurveyRequest *wk_survey_request_new      (void);
WkSurveyRequest *wk_survey_request_copy     (const WkSurveyRequest *request);
void             wk_survey_request_free     (WkSurveyRequest       *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkSurveyRequest, wk_survey_request_free)

G_END_DECLS
