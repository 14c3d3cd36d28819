/* wk-kiosk-start-page.h — the kiosk's start screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-lounge.h"

G_BEGIN_DECLS

#define WK_TYPE_KIOSK_START_PAGE (wk_kiosk_start_page_get_type ())

G_DECLARE_FINAL_TYPE (WkKioskStartPage, wk_kiosk_start_page, WK, KIOSK_START_PAGE, AdwBin)

GtkWidget *wk_kiosk_start_page_new              (void);
void       wk_kiosk_start_page_set_lounge       (WkKioskStartPage *self,
                                                 WkLounge         *lounge,
                                                 GTimeZone        *timezone);
void       wk_kiosk_start_page_set_portrait  (WkKioskStartPage *self,
                                              gboolean          portrait);
/* @minutes < 0: no estimate */
void       wk_kiosk_start_page_set_queue        (WkKioskStartPage *self,
                                                 guint             waiting,
                                                 int               minutes);
/* How many writes wait for the hub (0 hides the staff-facing hint). */
void       wk_kiosk_start_page_set_pending      (WkKioskStartPage *self,
                                                 guint             pending);
/* A GListModel of WkAnnouncement, or NULL. */
void       wk_kiosk_start_page_set_announcements (WkKioskStartPage *self,
                                                  GListModel       *announcements);
/* The text of the queue line, e.g. "3 waiting · about 12 min". */
char      *wk_kiosk_format_queue                (guint             waiting,
                                                 int               minutes);

G_END_DECLS
