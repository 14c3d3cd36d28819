/* wk-deskside-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WK_TYPE_DESKSIDE_WINDOW (wk_deskside_window_get_type ())

G_DECLARE_FINAL_TYPE (WkDesksideWindow, wk_deskside_window, WK, DESKSIDE_WINDOW, AdwApplicationWindow)

WkDesksideWindow *wk_deskside_window_new (GtkApplication *application);

G_END_DECLS
