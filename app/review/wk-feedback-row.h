/* wk-feedback-row.h — one survey in the feedback list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-survey.h"

G_BEGIN_DECLS

#define WK_TYPE_FEEDBACK_ROW (wk_feedback_row_get_type ())

G_DECLARE_FINAL_TYPE (WkFeedbackRow, wk_feedback_row, WK, FEEDBACK_ROW, AdwBin)

GtkWidget  *wk_feedback_row_new        (void);
void        wk_feedback_row_set_survey (WkFeedbackRow *self,
                                        WkSurvey      *survey);
WkSurvey   *wk_feedback_row_get_survey (WkFeedbackRow *self);

/* Shared with the detail: "Needs follow-up" etc., NULL for none. */
const char *wk_feedback_followup_label (WkFollowupStatus status);
/* The translated name of a survey tag ("fixed-first-time" → "Fixed first time"). */
const char *wk_feedback_tag_label      (const char      *tag);

G_END_DECLS
