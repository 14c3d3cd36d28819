/* wk-ticket-update.h — the fields a ticket edit changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * WkTicketUpdate:
 * @subject: new subject, or NULL to keep
 * @description: new description, or NULL to keep ("" clears it)
 * @category: new category id, or NULL to keep
 * @status: a #WkTicketStatus, or -1 to keep; must follow the lifecycle
 * @priority: 1 to 5, or 0 to keep
 * @assignee_id: a staff person, 0 to unassign, or -1 to keep
 * @uuid: the edit's client UUID (idempotency key), or NULL: the same UUID
 *   again changes nothing and answers the ticket as it is now
 */
typedef struct {
  char   *subject;
  char   *description;
  char   *category;
  int     status;
  int     priority;
  gint64  assignee_id;
  char   *uuid;
} WkTicketUpdate;

#define WK_TYPE_TICKET_UPDATE (wk_ticket_update_get_type ())

GType           wk_ticket_update_get_type (void) G_GNUC_CONST;
/* Keeps everything: status -1, priority 0, assignee -1. */
WkTicketUpdate *wk_ticket_update_new      (void);
WkTicketUpdate *wk_ticket_update_copy     (const WkTicketUpdate *update);
void            wk_ticket_update_free     (WkTicketUpdate       *update);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkTicketUpdate, wk_ticket_update_free)

G_END_DECLS
