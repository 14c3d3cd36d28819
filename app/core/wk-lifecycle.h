/* wk-lifecycle.h — the visit, ticket, hardware and follow-up lifecycles
 *
 * The allowed moves are written down once, in wk-lifecycle.c, as tables;
 * HACKING.md ("Lifecycles") describes them in prose.  Everything that changes a status
 * asks here first.  Staying in the same status is never a move.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wk-enums.h"

G_BEGIN_DECLS

gboolean wk_lifecycle_visit_allows     (WkVisitStatus     from,
                                        WkVisitStatus     to);
gboolean wk_lifecycle_ticket_allows    (WkTicketStatus    from,
                                        WkTicketStatus    to);
gboolean wk_lifecycle_hardware_allows  (WkHardwareStatus  from,
                                        WkHardwareStatus  to);
gboolean wk_lifecycle_followup_allows  (WkFollowupStatus  from,
                                        WkFollowupStatus  to);

/* TRUE for a status nothing can leave (done, left, cancelled; closed;
 * collected, cancelled; closed). */
gboolean wk_lifecycle_visit_is_final    (WkVisitStatus     status);
gboolean wk_lifecycle_hardware_is_final (WkHardwareStatus  status);

/* The same checks, failing with WK_ERROR_INVALID and a human message
 * ("A visit that is done cannot become waiting") when the move is illegal. */
gboolean wk_lifecycle_check_visit      (WkVisitStatus     from,
                                        WkVisitStatus     to,
                                        GError          **error);
gboolean wk_lifecycle_check_ticket     (WkTicketStatus    from,
                                        WkTicketStatus    to,
                                        GError          **error);
gboolean wk_lifecycle_check_hardware   (WkHardwareStatus  from,
                                        WkHardwareStatus  to,
                                        GError          **error);
gboolean wk_lifecycle_check_followup   (WkFollowupStatus  from,
                                        WkFollowupStatus  to,
                                        GError          **error);

/* A status as a short translated word for messages ("done", "in service"). */
const char *wk_lifecycle_visit_word    (WkVisitStatus     status);
const char *wk_lifecycle_ticket_word   (WkTicketStatus    status);
const char *wk_lifecycle_hardware_word (WkHardwareStatus  status);
const char *wk_lifecycle_followup_word (WkFollowupStatus  status);

G_END_DECLS
