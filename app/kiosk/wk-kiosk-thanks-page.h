/* wk-kiosk-thanks-page.h — thanks after feedback or a collection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WK_TYPE_KIOSK_THANKS_PAGE (wk_kiosk_thanks_page_get_type ())

G_DECLARE_FINAL_TYPE (WkKioskThanksPage, wk_kiosk_thanks_page, WK, KIOSK_THANKS_PAGE, AdwBin)

GtkWidget *wk_kiosk_thanks_page_new (const char *title,
                                     const char *description);

G_END_DECLS
