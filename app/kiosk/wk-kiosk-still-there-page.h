/* wk-kiosk-still-there-page.h — "Still there?" before the kiosk starts over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WK_TYPE_KIOSK_STILL_THERE_PAGE (wk_kiosk_still_there_page_get_type ())

G_DECLARE_FINAL_TYPE (WkKioskStillTherePage, wk_kiosk_still_there_page, WK, KIOSK_STILL_THERE_PAGE, AdwBin)

GtkWidget *wk_kiosk_still_there_page_new         (void);
void       wk_kiosk_still_there_page_set_seconds (WkKioskStillTherePage *self,
                                                  guint                  seconds);

G_END_DECLS
