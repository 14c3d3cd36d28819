/* wk-kiosk-request-page.h — "Something else": a topic and a few words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WK_TYPE_KIOSK_REQUEST_PAGE (wk_kiosk_request_page_get_type ())

G_DECLARE_FINAL_TYPE (WkKioskRequestPage, wk_kiosk_request_page, WK, KIOSK_REQUEST_PAGE, AdwBin)

GtkWidget  *wk_kiosk_request_page_new             (void);
/* The chosen category id (wk-category.h), or NULL. */
const char *wk_kiosk_request_page_get_category    (WkKioskRequestPage *self);
void        wk_kiosk_request_page_set_category    (WkKioskRequestPage *self,
                                                   const char         *category);
/* The short description, trimmed; NULL when empty. */
char       *wk_kiosk_request_page_dup_description (WkKioskRequestPage *self);
void        wk_kiosk_request_page_set_busy        (WkKioskRequestPage *self,
                                                   gboolean            busy);

G_END_DECLS
