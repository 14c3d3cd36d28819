/* wk-kiosk-closed-page.h — shown outside opening hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-lounge.h"

G_BEGIN_DECLS

#define WK_TYPE_KIOSK_CLOSED_PAGE (wk_kiosk_closed_page_get_type ())

G_DECLARE_FINAL_TYPE (WkKioskClosedPage, wk_kiosk_closed_page, WK, KIOSK_CLOSED_PAGE, AdwBin)

GtkWidget *wk_kiosk_closed_page_new        (void);
void       wk_kiosk_closed_page_set_lounge (WkKioskClosedPage *self,
                                            WkLounge          *lounge);

G_END_DECLS
