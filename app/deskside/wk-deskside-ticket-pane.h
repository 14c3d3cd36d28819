/* wk-deskside-ticket-pane.h — one ticket: details, status along its
 * lifecycle, priority, assignee, category, notes, resolve
 *
 * Emits ::toast (a message for the user) and ::desk-error (a GError from
 * the desk, so the window can show the offline banner).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-desk.h"

G_BEGIN_DECLS

#define WK_TYPE_DESKSIDE_TICKET_PANE (wk_deskside_ticket_pane_get_type ())
G_DECLARE_FINAL_TYPE (WkDesksideTicketPane, wk_deskside_ticket_pane, WK, DESKSIDE_TICKET_PANE, AdwBin)

void      wk_deskside_ticket_pane_setup      (WkDesksideTicketPane *self,
                                              WkDesk               *desk,
                                              gint64                engineer_id);
/* Loads and shows @ticket_id (0 clears). */
void      wk_deskside_ticket_pane_show       (WkDesksideTicketPane *self,
                                              gint64                ticket_id);
/* Reloads when @ticket_id is the one shown. */
void      wk_deskside_ticket_pane_reload_if  (WkDesksideTicketPane *self,
                                              gint64                ticket_id);
gint64    wk_deskside_ticket_pane_get_ticket_id (WkDesksideTicketPane *self);
WkTicket *wk_deskside_ticket_pane_get_ticket (WkDesksideTicketPane *self);
/* Focuses the note editor. */
void      wk_deskside_ticket_pane_focus_note (WkDesksideTicketPane *self);
/* Moves the ticket to resolved. */
void      wk_deskside_ticket_pane_resolve    (WkDesksideTicketPane *self);

G_END_DECLS
