/* wk-deskside-window.h — the deskside face: engineers work the queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wk-face-window.h"

G_BEGIN_DECLS

#define WK_TYPE_DESKSIDE_WINDOW (wk_deskside_window_get_type ())

G_DECLARE_FINAL_TYPE (WkDesksideWindow, wk_deskside_window, WK, DESKSIDE_WINDOW, WkFaceWindow)

WkDesksideWindow *wk_deskside_window_new (GtkApplication *application,
                                          WkDesk         *desk);

/* For tests and the benchmark: the signed-in session (NULL before), the
 * lounge shown, and the queue's model (a GListModel of WkVisit). */
WkSession        *wk_deskside_window_get_session    (WkDesksideWindow *self);
gint64            wk_deskside_window_get_lounge_id  (WkDesksideWindow *self);
GListModel       *wk_deskside_window_get_queue      (WkDesksideWindow *self);
/* Starts working as @session without the sign-in page (tests). */
void              wk_deskside_window_sign_in_as     (WkDesksideWindow *self,
                                                     WkSession        *session);

G_END_DECLS
