/* wk-kiosk-window.h — the kiosk face: the touchscreen at the lounge door
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wk-face-window.h"

G_BEGIN_DECLS

#define WK_TYPE_KIOSK_WINDOW (wk_kiosk_window_get_type ())

G_DECLARE_FINAL_TYPE (WkKioskWindow, wk_kiosk_window, WK, KIOSK_WINDOW, WkFaceWindow)

WkKioskWindow *wk_kiosk_window_new           (GtkApplication *application,
                                              WkDesk         *desk);
WkDesk        *wk_kiosk_window_get_desk      (WkKioskWindow  *self);
/* Kiosk mode: fullscreen, undecorated, refuses to close.  Leaving it takes
 * the hidden gesture and the admin PIN (or this, for tests). */
gboolean       wk_kiosk_window_get_lockdown  (WkKioskWindow  *self);
void           wk_kiosk_window_set_lockdown  (WkKioskWindow  *self,
                                              gboolean        lockdown);
/* The page shown now: "setup", "start", "closed", "still-there", or the
 * journey page's type name ("WkKioskHelloPage", …). */
const char    *wk_kiosk_window_get_page_name (WkKioskWindow  *self);
/* Ends the journey as an idle timeout does: back to the start screen in the
 * default language, every page that held personal data destroyed. */
void           wk_kiosk_window_reset         (WkKioskWindow  *self);
/* Identifies as a badge scan does (what WkBadgeDetector calls). */
void           wk_kiosk_window_scan_badge    (WkKioskWindow  *self,
                                              const char     *badge);

G_END_DECLS
