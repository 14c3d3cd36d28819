/* wk-feedback-detail.h — one survey with its visit, ticket and engineer,
 * the visitor's contact details only where they consented, and the
 * follow-up workflow (needed → contacted → closed with a note)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-desk.h"

G_BEGIN_DECLS

#define WK_TYPE_FEEDBACK_DETAIL (wk_feedback_detail_get_type ())

G_DECLARE_FINAL_TYPE (WkFeedbackDetail, wk_feedback_detail, WK, FEEDBACK_DETAIL, AdwBin)

GtkWidget *wk_feedback_detail_new        (void);
/* The desk to read and write through, and the lead who acts. */
void       wk_feedback_detail_set_desk   (WkFeedbackDetail *self,
                                          WkDesk           *desk,
                                          gint64            lead_id);
/* NULL shows the empty state. */
void       wk_feedback_detail_set_survey (WkFeedbackDetail *self,
                                          WkSurvey         *survey);
WkSurvey  *wk_feedback_detail_get_survey (WkFeedbackDetail *self);
/* Shows the "back to the list" button (when the list and detail are folded). */
void       wk_feedback_detail_set_show_back (WkFeedbackDetail *self,
                                             gboolean          show_back);

G_END_DECLS
