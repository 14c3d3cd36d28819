/* wk-kiosk-hello-page.h — "Hi Priya": her tickets, hardware and a pending survey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-identity.h"
#include "wk-ticket.h"

G_BEGIN_DECLS

#define WK_TYPE_KIOSK_HELLO_PAGE (wk_kiosk_hello_page_get_type ())

G_DECLARE_FINAL_TYPE (WkKioskHelloPage, wk_kiosk_hello_page, WK, KIOSK_HELLO_PAGE, AdwBin)

GtkWidget *wk_kiosk_hello_page_new         (WkIdentity       *identity,
                                            gboolean          offer_survey);
void       wk_kiosk_hello_page_hide_survey (WkKioskHelloPage *self);

/* The words a card shows for @ticket: its subject to a badge, its
 * category to a typed identity (which shows less). */
char      *wk_kiosk_ticket_card_title      (WkTicket         *ticket,
                                            gboolean          strong);

G_END_DECLS
