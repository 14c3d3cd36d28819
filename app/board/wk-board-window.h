/* wk-board-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wk-face-window.h"

G_BEGIN_DECLS

#define WK_TYPE_BOARD_WINDOW (wk_board_window_get_type ())

G_DECLARE_FINAL_TYPE (WkBoardWindow, wk_board_window, WK, BOARD_WINDOW, WkFaceWindow)

WkBoardWindow *wk_board_window_new (GtkApplication *application,
                                    WkDesk         *desk);

/* The wait for someone checking in at @now, in minutes, from a queue (a
 * GListModel of WkVisit): 0 when nobody waits, -1 when unknown. */

G_END_DECLS
