/* wk-lifecycle.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-lifecycle"

#include "config.h"

#include "wk-lifecycle.h"

#include "wk-error.h"

#include <glib/gi18n-lib.h>

/* Each table reads row → column: may a thing in status ROW move to COLUMN?
 * Keep HACKING.md ("Lifecycles") in step with these. */

#define N_VISIT (WK_VISIT_STATUS_CANCELLED + 1)
static const gboolean visit_moves[N_VISIT][N_VISIT] = {
  /*                     waiting called in_service done   left   cancelled */
  [WK_VISIT_STATUS_WAITING]    = { FALSE, TRUE,  FALSE,  FALSE, TRUE,  TRUE  },
  [WK_VISIT_STATUS_CALLED]     = { TRUE,  FALSE, TRUE,   TRUE,  TRUE,  TRUE  },
  [WK_VISIT_STATUS_IN_SERVICE] = { FALSE, FALSE, FALSE,  TRUE,  FALSE, TRUE  },
  [WK_VISIT_STATUS_DONE]       = { FALSE, FALSE, FALSE,  FALSE, FALSE, FALSE },
  [WK_VISIT_STATUS_LEFT]       = { FALSE, FALSE, FALSE,  FALSE, FALSE, FALSE },
  [WK_VISIT_STATUS_CANCELLED]  = { FALSE, FALSE, FALSE,  FALSE, FALSE, FALSE },
};

#define N_TICKET (WK_TICKET_STATUS_CLOSED + 1)
static const gboolean ticket_moves[N_TICKET][N_TICKET] = {
  /*                           new    open   pending resolved closed */
  [WK_TICKET_STATUS_NEW]      = { FALSE, TRUE,  TRUE,   TRUE,    TRUE  },
  [WK_TICKET_STATUS_OPEN]     = { FALSE, FALSE, TRUE,   TRUE,    TRUE  },
  [WK_TICKET_STATUS_PENDING]  = { FALSE, TRUE,  FALSE,  TRUE,    TRUE  },
  [WK_TICKET_STATUS_RESOLVED] = { FALSE, TRUE,  FALSE,  FALSE,   TRUE  },
  [WK_TICKET_STATUS_CLOSED]   = { FALSE, FALSE, FALSE,  FALSE,   FALSE },
};

#define N_HARDWARE (WK_HARDWARE_STATUS_CANCELLED + 1)
static const gboolean hardware_moves[N_HARDWARE][N_HARDWARE] = {
  /*                              preparing ready  collected cancelled */
  [WK_HARDWARE_STATUS_PREPARING] = { FALSE,  TRUE,  FALSE,    TRUE  },
  [WK_HARDWARE_STATUS_READY]     = { TRUE,   FALSE, TRUE,     TRUE  },
  [WK_HARDWARE_STATUS_COLLECTED] = { FALSE,  FALSE, FALSE,    FALSE },
  [WK_HARDWARE_STATUS_CANCELLED] = { FALSE,  FALSE, FALSE,    FALSE },
};

#define N_FOLLOWUP (WK_FOLLOWUP_STATUS_CLOSED + 1)
static const gboolean followup_moves[N_FOLLOWUP][N_FOLLOWUP] = {
  /*                              none   needed contacted closed */
  [WK_FOLLOWUP_STATUS_NONE]      = { FALSE, TRUE,  FALSE,    FALSE },
  [WK_FOLLOWUP_STATUS_NEEDED]    = { FALSE, FALSE, TRUE,     TRUE  },
  [WK_FOLLOWUP_STATUS_CONTACTED] = { FALSE, FALSE, FALSE,    TRUE  },
  [WK_FOLLOWUP_STATUS_CLOSED]    = { FALSE, FALSE, FALSE,    FALSE },
};

static gboolean
table_allows (const gboolean *table,
              int             n,
              int             from,
              int             to)
{
  if (from < 0 || from >= n || to < 0 || to >= n)
    return FALSE;
  return table[from * n + to];
}

gboolean
wk_lifecycle_visit_allows (WkVisitStatus from,
                           WkVisitStatus to)
{
  return table_allows (&visit_moves[0][0], N_VISIT, (int) from, (int) to);
}

gboolean
wk_lifecycle_ticket_allows (WkTicketStatus from,
                            WkTicketStatus to)
{
  return table_allows (&ticket_moves[0][0], N_TICKET, (int) from, (int) to);
}

gboolean
wk_lifecycle_hardware_allows (WkHardwareStatus from,
                              WkHardwareStatus to)
{
  return table_allows (&hardware_moves[0][0], N_HARDWARE, (int) from, (int) to);
}

gboolean
wk_lifecycle_followup_allows (WkFollowupStatus from,
                              WkFollowupStatus to)
{
  return table_allows (&followup_moves[0][0], N_FOLLOWUP, (int) from, (int) to);
}

gboolean
wk_lifecycle_visit_is_final (WkVisitStatus status)
{
  for (int to = 0; to < N_VISIT; to++)
    if (wk_lifecycle_visit_allows (status, to))
      return FALSE;
  return TRUE;
}

gboolean
wk_lifecycle_hardware_is_final (WkHardwareStatus status)
{
  for (int to = 0; to < N_HARDWARE; to++)
    if (wk_lifecycle_hardware_allows (status, to))
      return FALSE;
  return TRUE;
}

/* Status words for error messages; the deskside and review show their own,
 * longer labels. */
const char *
wk_lifecycle_visit_word (WkVisitStatus status)
{
  switch (status)
    {
    case WK_VISIT_STATUS_WAITING: return C_("visit status", "waiting");
    case WK_VISIT_STATUS_CALLED: return C_("visit status", "called");
    case WK_VISIT_STATUS_IN_SERVICE: return C_("visit status", "in service");
    case WK_VISIT_STATUS_DONE: return C_("visit status", "done");
    case WK_VISIT_STATUS_LEFT: return C_("visit status", "left");
    case WK_VISIT_STATUS_CANCELLED: return C_("visit status", "cancelled");
    default: return "?";
    }
}

const char *
wk_lifecycle_ticket_word (WkTicketStatus status)
{
  switch (status)
    {
    case WK_TICKET_STATUS_NEW: return C_("ticket status", "new");
    case WK_TICKET_STATUS_OPEN: return C_("ticket status", "open");
    case WK_TICKET_STATUS_PENDING: return C_("ticket status", "pending");
    case WK_TICKET_STATUS_RESOLVED: return C_("ticket status", "resolved");
    case WK_TICKET_STATUS_CLOSED: return C_("ticket status", "closed");
    default: return "?";
    }
}

const char *
wk_lifecycle_hardware_word (WkHardwareStatus status)
{
  switch (status)
    {
    case WK_HARDWARE_STATUS_PREPARING: return C_("device status", "preparing");
    case WK_HARDWARE_STATUS_READY: return C_("device status", "ready");
    case WK_HARDWARE_STATUS_COLLECTED: return C_("device status", "collected");
    case WK_HARDWARE_STATUS_CANCELLED: return C_("device status", "cancelled");
    default: return "?";
    }
}

const char *
wk_lifecycle_followup_word (WkFollowupStatus status)
{
  switch (status)
    {
    case WK_FOLLOWUP_STATUS_NONE: return C_("follow-up status", "not needed");
    case WK_FOLLOWUP_STATUS_NEEDED: return C_("follow-up status", "needed");
    case WK_FOLLOWUP_STATUS_CONTACTED: return C_("follow-up status", "contacted");
    case WK_FOLLOWUP_STATUS_CLOSED: return C_("follow-up status", "closed");
    default: return "?";
    }
}

gboolean
wk_lifecycle_check_visit (WkVisitStatus   from,
                          WkVisitStatus   to,
                          GError        **error)
{
  if (wk_lifecycle_visit_allows (from, to))
    return TRUE;
  /* Translators: the two %s are visit status words, e.g.
   * "A visit that is done cannot become waiting" */
  g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("A visit that is %s cannot become %s"),
               wk_lifecycle_visit_word (from), wk_lifecycle_visit_word (to));
  return FALSE;
}

gboolean
wk_lifecycle_check_ticket (WkTicketStatus   from,
                           WkTicketStatus   to,
                           GError         **error)
{
  if (wk_lifecycle_ticket_allows (from, to))
    return TRUE;
  /* Translators: the two %s are ticket status words, e.g.
   * "A ticket that is closed cannot become open" */
  g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("A ticket that is %s cannot become %s"),
               wk_lifecycle_ticket_word (from), wk_lifecycle_ticket_word (to));
  return FALSE;
}

gboolean
wk_lifecycle_check_hardware (WkHardwareStatus   from,
                             WkHardwareStatus   to,
                             GError           **error)
{
  if (wk_lifecycle_hardware_allows (from, to))
    return TRUE;
  /* Translators: the two %s are device status words, e.g.
   * "A device that is collected cannot become ready" */
  g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("A device that is %s cannot become %s"),
               wk_lifecycle_hardware_word (from), wk_lifecycle_hardware_word (to));
  return FALSE;
}

gboolean
wk_lifecycle_check_followup (WkFollowupStatus   from,
                             WkFollowupStatus   to,
                             GError           **error)
{
  if (wk_lifecycle_followup_allows (from, to))
    return TRUE;
  /* Translators: the two %s are follow-up status words, e.g.
   * "A follow-up that is closed cannot become needed" */
  g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("A follow-up that is %s cannot become %s"),
               wk_lifecycle_followup_word (from), wk_lifecycle_followup_word (to));
  return FALSE;
}
