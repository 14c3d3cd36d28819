/* wk-survey-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-survey-request"

#include "config.h"

#include "wk-survey-request.h"

G_DEFINE_BOXED_TYPE (WkSurveyRequest, wk_survey_request,
                     wk_survey_request_copy, wk_survey_request_free)

WkSurveyRequest *
wk_survey_request_new (void)
{
  return g_new0 (WkSurveyRequest, 1);
}

WkSurveyRequest *
wk_survey_request_copy (const WkSurveyRequest *request)
{
  WkSurveyRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_memdup2 (request, sizeof *request);
  copy->uuid = g_strdup (request->uuid);
  copy->tags = g_strdupv (request->tags);
  copy->comment = g_strdup (request->comment);
  copy->language = g_strdup (request->language);
  copy->kiosk = g_strdup (request->kiosk);
  return copy;
}

void
wk_survey_request_free (WkSurveyRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->uuid);
  g_strfreev (request->tags);
  g_free (request->comment);
  g_free (request->language);
  g_free (request->kiosk);
  g_free (request);
}
