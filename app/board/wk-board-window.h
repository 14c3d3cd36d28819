/* wk-board-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WK_TYPE_BOARD_WINDOW (wk_board_window_get_type ())

G_DECLARE_FINAL_TYPE (WkBoardWindow, wk_board_window, WK, BOARD_WINDOW, AdwApplicationWindow)

WkBoardWindow *wk_board_window_new (GtkApplication *application);

G_END_DECLS
