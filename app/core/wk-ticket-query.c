/* wk-ticket-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-ticket-query"

#include "config.h"

#include "wk-ticket-query.h"

G_DEFINE_BOXED_TYPE (WkTicketQuery, wk_ticket_query,
                     wk_ticket_query_copy, wk_ticket_query_free)

WkTicketQuery *
wk_ticket_query_new (void)
{
  WkTicketQuery *query = g_new0 (WkTicketQuery, 1);

  query->status = -1;
  return query;
}

WkTicketQuery *
wk_ticket_query_copy (const WkTicketQuery *query)
{
  WkTicketQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->text = g_strdup (query->text);
  return copy;
}

void
wk_ticket_query_free (WkTicketQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_free (query);
}
