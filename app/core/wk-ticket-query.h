/* wk-ticket-query.h — which tickets a search returns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * WkTicketQuery:
 * @text: (nullable): a reference (exact, any case), or words that each
 *   appear in the subject or in the requester's name, preferred name or
 *   email (any case); owned
 * @requester_id: tickets of one person, or 0
 * @status: a #WkTicketStatus, or -1 for any
 * @assignee_id: tickets assigned to one person, or 0
 * @lounge_id: tickets of one lounge, or 0
 * @limit: at most this many (0: 50; capped at 500)
 * @after_updated_at: with @after_id, see there
 * @after_id: with a ticket id here and its @after_updated_at, only the
 *   tickets that come after that one in the order: the next page of a
 *   search, given the last ticket of the page before; 0 for the first
 *   page
 *
 * Every criterion set must hold; at least one must be set (a page after
 * the first is not a criterion).  The list is ordered newest update first
 * (then by id), so pages fetched one after another neither repeat nor
 * skip a ticket that did not change meanwhile.
 */
typedef struct {
  char   *text;
  gint64  requester_id;
  int     status;
  gint64  assignee_id;
  gint64  lounge_id;
  guint   limit;
  gint64  after_updated_at;
  gint64  after_id;
} WkTicketQuery;

#define WK_TICKET_QUERY_DEFAULT_LIMIT 50
#define WK_TICKET_QUERY_MAX_LIMIT     500

#define WK_TYPE_TICKET_QUERY (wk_ticket_query_get_type ())

GType          wk_ticket_query_get_type (void) G_GNUC_CONST;
/* No criterion: any status, everything else 0 or NULL. */
WkTicketQuery *wk_ticket_query_new      (void);
WkTicketQuery *wk_ticket_query_copy     (const WkTicketQuery *query);
void           wk_ticket_query_free     (WkTicketQuery       *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkTicketQuery, wk_ticket_query_free)

G_END_DECLS
