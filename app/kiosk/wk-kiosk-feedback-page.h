/* wk-kiosk-feedback-page.h — five faces, "Is it fixed?", and for low scores what went wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-enums.h"

G_BEGIN_DECLS

#define WK_TYPE_KIOSK_FEEDBACK_PAGE (wk_kiosk_feedback_page_get_type ())

G_DECLARE_FINAL_TYPE (WkKioskFeedbackPage, wk_kiosk_feedback_page, WK, KIOSK_FEEDBACK_PAGE, AdwBin)

/* @can_contact: the person is known, so "may we contact you?" is asked */
GtkWidget        *wk_kiosk_feedback_page_new             (gboolean             can_contact);
/* 0 until a face is tapped: one tap is already a response. */
int               wk_kiosk_feedback_page_get_score       (WkKioskFeedbackPage *self);
WkSurveyResolved  wk_kiosk_feedback_page_get_resolved    (WkKioskFeedbackPage *self);
/* The chosen tags (known survey tags), NULL-terminated; free with g_strfreev(). */
GStrv             wk_kiosk_feedback_page_dup_tags        (WkKioskFeedbackPage *self);
/* Trimmed; NULL when empty. */
char             *wk_kiosk_feedback_page_dup_comment     (WkKioskFeedbackPage *self);
gboolean          wk_kiosk_feedback_page_get_contact     (WkKioskFeedbackPage *self);
/* The words shown for a known survey tag, translated. */
const char       *wk_kiosk_survey_tag_label              (const char          *tag);

G_END_DECLS
