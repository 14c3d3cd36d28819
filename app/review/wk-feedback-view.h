/* wk-feedback-view.h — the surveys of the review filters, lowest score
 * first, with their own filters (score, tag, comment, follow-up) and the
 * detail beside them (an AdwLeaflet that folds on narrow windows)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-desk.h"

G_BEGIN_DECLS

#define WK_TYPE_FEEDBACK_VIEW (wk_feedback_view_get_type ())

G_DECLARE_FINAL_TYPE (WkFeedbackView, wk_feedback_view, WK, FEEDBACK_VIEW, AdwBin)

GtkWidget  *wk_feedback_view_new       (void);
void        wk_feedback_view_set_desk  (WkFeedbackView *self,
                                        WkDesk         *desk,
                                        gint64          lead_id);
/* The window's filters; reloads. */
void        wk_feedback_view_set_scope (WkFeedbackView *self,
                                        gint64          from,
                                        gint64          to,
                                        gint64          lounge_id,
                                        gint64          engineer_id);
void        wk_feedback_view_reload    (WkFeedbackView *self);
/* The query the list shows (the scope and the view's own filters but the
 * tag, which the desk cannot filter by: see wk_feedback_view_get_tag()). */
WkFeedbackQuery *wk_feedback_view_dup_query (WkFeedbackView *self);
/* The tag filter, or NULL. */
const char *wk_feedback_view_get_tag   (WkFeedbackView *self);
/* Shows @survey in the detail pane (selecting it in the list when it is
 * there), e.g. from a notification. */
void        wk_feedback_view_show_survey (WkFeedbackView *self,
                                          WkSurvey       *survey);
/* The surveys shown, a GListModel of WkSurvey. */
GListModel *wk_feedback_view_get_model (WkFeedbackView *self);

G_END_DECLS
