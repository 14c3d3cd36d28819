/* wk-deskside-ticket-row.h — one ticket in the search results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-ticket.h"

G_BEGIN_DECLS

#define WK_TYPE_DESKSIDE_TICKET_ROW (wk_deskside_ticket_row_get_type ())
G_DECLARE_FINAL_TYPE (WkDesksideTicketRow, wk_deskside_ticket_row, WK, DESKSIDE_TICKET_ROW, GtkWidget)

/* An empty row: a list's factory makes a few and shows tickets in them. */
GtkWidget *wk_deskside_ticket_row_new        (void);
void       wk_deskside_ticket_row_set_ticket (WkDesksideTicketRow *self,
                                              WkTicket            *ticket);
WkTicket  *wk_deskside_ticket_row_get_ticket (WkDesksideTicketRow *self);

G_END_DECLS
