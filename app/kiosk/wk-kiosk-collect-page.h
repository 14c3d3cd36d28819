/* wk-kiosk-collect-page.h — collect a device: item, asset tag, where; sign for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-hardware.h"
#include "wk-signature-pad.h"

G_BEGIN_DECLS

#define WK_TYPE_KIOSK_COLLECT_PAGE (wk_kiosk_collect_page_get_type ())

G_DECLARE_FINAL_TYPE (WkKioskCollectPage, wk_kiosk_collect_page, WK, KIOSK_COLLECT_PAGE, AdwBin)

GtkWidget  *wk_kiosk_collect_page_new            (WkHardware         *hardware);
WkHardware *wk_kiosk_collect_page_get_hardware   (WkKioskCollectPage *self);
/* The typed name, trimmed; NULL when empty. */
char       *wk_kiosk_collect_page_dup_name       (WkKioskCollectPage *self);
/* The signature strokes as JSON text; NULL when nothing was drawn. */
char       *wk_kiosk_collect_page_dup_signature  (WkKioskCollectPage *self);
void        wk_kiosk_collect_page_set_busy       (WkKioskCollectPage *self,
                                                  gboolean            busy);
/* The strokes in the store's format (a JSON array of strokes). */
char       *wk_kiosk_signature_strokes_json      (WkSignaturePad     *pad);
/* "In locker 12" or "At the counter" */
char       *wk_kiosk_format_location             (const char         *location);

G_END_DECLS
