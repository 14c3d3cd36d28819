/* wk-kiosk-confirm-page.h — checked in: position, people ahead, the wait, a tip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-visit.h"

G_BEGIN_DECLS

#define WK_TYPE_KIOSK_CONFIRM_PAGE (wk_kiosk_confirm_page_get_type ())

G_DECLARE_FINAL_TYPE (WkKioskConfirmPage, wk_kiosk_confirm_page, WK, KIOSK_CONFIRM_PAGE, AdwBin)

GtkWidget *wk_kiosk_confirm_page_new (WkVisit *visit);

/* "about 12 min" for an estimated wait in seconds; NULL when unknown (< 0). */
char      *wk_kiosk_format_wait      (gint64   estimated_wait_s);

G_END_DECLS
