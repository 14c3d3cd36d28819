/* wk-kiosk-identify-page.h — badge prompt, or a typed email, employee or ticket number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-enums.h"

G_BEGIN_DECLS

#define WK_TYPE_KIOSK_IDENTIFY_PAGE (wk_kiosk_identify_page_get_type ())

G_DECLARE_FINAL_TYPE (WkKioskIdentifyPage, wk_kiosk_identify_page, WK, KIOSK_IDENTIFY_PAGE, AdwBin)

GtkWidget *wk_kiosk_identify_page_new            (gboolean             allow_guest);
/* NULL hides the message. */
void       wk_kiosk_identify_page_set_message    (WkKioskIdentifyPage *self,
                                                  const char          *message);
void       wk_kiosk_identify_page_set_busy       (WkKioskIdentifyPage *self,
                                                  gboolean             busy);
WkIdentifiedBy wk_kiosk_identify_page_get_mode   (WkKioskIdentifyPage *self);
void       wk_kiosk_identify_page_set_mode       (WkKioskIdentifyPage *self,
                                                  WkIdentifiedBy       mode);
GtkEditable *wk_kiosk_identify_page_get_entry    (WkKioskIdentifyPage *self);

G_END_DECLS
