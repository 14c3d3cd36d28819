/* wk-ticket-update.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-ticket-update"

#include "config.h"

#include "wk-ticket-update.h"

G_DEFINE_BOXED_TYPE (WkTicketUpdate, wk_ticket_update,
                     wk_ticket_update_copy, wk_ticket_update_free)

WkTicketUpdate *
wk_ticket_update_new (void)
{
  WkTicketUpdate *update = g_new0 (WkTicketUpdate, 1);

  update->status = -1;
  update->assignee_id = -1;
  return update;
}

WkTicketUpdate *
wk_ticket_update_copy (const WkTicketUpdate *update)
{
  WkTicketUpdate *copy;

  g_return_val_if_fail (update != NULL, NULL);

  copy = g_memdup2 (update, sizeof *update);
  copy->subject = g_strdup (update->subject);
  copy->description = g_strdup (update->description);
  copy->category = g_strdup (update->category);
  copy->uuid = g_strdup (update->uuid);
  return copy;
}

void
wk_ticket_update_free (WkTicketUpdate *update)
{
  if (update == NULL)
    return;
  g_free (update->subject);
  g_free (update->description);
  g_free (update->category);
  g_free (update->uuid);
  g_free (update);
}
