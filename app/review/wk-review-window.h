/* wk-review-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WK_TYPE_REVIEW_WINDOW (wk_review_window_get_type ())

G_DECLARE_FINAL_TYPE (WkReviewWindow, wk_review_window, WK, REVIEW_WINDOW, AdwApplicationWindow)

WkReviewWindow *wk_review_window_new (GtkApplication *application);

G_END_DECLS
