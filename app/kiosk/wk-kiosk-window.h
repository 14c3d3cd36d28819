/* wk-kiosk-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WK_TYPE_KIOSK_WINDOW (wk_kiosk_window_get_type ())

G_DECLARE_FINAL_TYPE (WkKioskWindow, wk_kiosk_window, WK, KIOSK_WINDOW, AdwApplicationWindow)

WkKioskWindow *wk_kiosk_window_new (GtkApplication *application);

G_END_DECLS
