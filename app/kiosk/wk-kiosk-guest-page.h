/* wk-kiosk-guest-page.h — not in the directory: a name and an optional email
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WK_TYPE_KIOSK_GUEST_PAGE (wk_kiosk_guest_page_get_type ())

G_DECLARE_FINAL_TYPE (WkKioskGuestPage, wk_kiosk_guest_page, WK, KIOSK_GUEST_PAGE, AdwBin)

GtkWidget *wk_kiosk_guest_page_new          (void);
/* Trimmed; the email is NULL when empty. */
char      *wk_kiosk_guest_page_dup_name     (WkKioskGuestPage *self);
char      *wk_kiosk_guest_page_dup_email    (WkKioskGuestPage *self);

G_END_DECLS
