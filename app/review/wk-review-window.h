/* wk-review-window.h — the review face: desk leads see satisfaction,
 * resolution and waits, and follow up on feedback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wk-face-window.h"
#include "wk-review-format.h"

G_BEGIN_DECLS

#define WK_TYPE_REVIEW_WINDOW (wk_review_window_get_type ())

G_DECLARE_FINAL_TYPE (WkReviewWindow, wk_review_window, WK, REVIEW_WINDOW, WkFaceWindow)

WkReviewWindow *wk_review_window_new (GtkApplication *application,
                                      WkDesk         *desk);

/* For the tests: the range the filters select, [from, to). */
void            wk_review_window_get_range (WkReviewWindow *self,
                                            gint64         *from,
                                            gint64         *to);
void            wk_review_window_set_period (WkReviewWindow *self,
                                             WkReviewPeriod  period);
GtkWidget      *wk_review_window_get_dashboard (WkReviewWindow *self);
GtkWidget      *wk_review_window_get_feedback  (WkReviewWindow *self);
/* The number of metrics and feedback loads finished, for the tests to
 * wait on. */
guint           wk_review_window_get_refreshes (WkReviewWindow *self);

G_END_DECLS
