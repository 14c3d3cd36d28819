/* wk-deskside-format.h — how deskside words waits, statuses and places
 *
 * Pure functions (no widgets), so that tests need no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wk-enums.h"
#include "wk-ticket.h"

G_BEGIN_DECLS

typedef enum {
  WK_WAIT_LEVEL_NORMAL,
  WK_WAIT_LEVEL_AMBER,
  WK_WAIT_LEVEL_RED,
} WkWaitLevel;

/* "Just now", "4 min", "1 h 05 min" for a wait of @seconds. */
char        *wk_deskside_format_wait        (gint64       seconds);
/* Amber from @amber_minutes on, red from @red_minutes on. */
WkWaitLevel  wk_deskside_wait_level         (gint64       seconds,
                                             guint        amber_minutes,
                                             guint        red_minutes);
/* The style class of a level ("wait-normal", "wait-amber", "wait-red"). */
const char  *wk_deskside_wait_style_class   (WkWaitLevel  level);

/* Translated names of the domain's values. */
const char  *wk_deskside_ticket_status_label   (WkTicketStatus   status);
const char  *wk_deskside_visit_status_label    (WkVisitStatus    status);
const char  *wk_deskside_outcome_label         (WkOutcome        outcome);
const char  *wk_deskside_hardware_status_label (WkHardwareStatus status);
/* The category's translated name, or @id itself when unknown. */
const char  *wk_deskside_category_label        (const char      *id);

/* "counter" for @locker 0, else "locker N". */
char        *wk_deskside_format_location       (guint            locker);
/* "Counter" / "Locker 12", translated, for a stored location. */
char        *wk_deskside_location_label        (const char      *location);

/* Parses "HH:MM" as today's time at @now (unix seconds, local time);
 * an empty string gives 0; an invalid one FALSE. */
gboolean     wk_deskside_parse_ready_by        (const char      *text,
                                                gint64           now,
                                                gint64          *ready_by);

/* "Request Tracker" for "rt5"; another system by its own name. */
const char  *wk_deskside_upstream_label        (const char      *system);
/* One line per field of @ticket's upstream conflict: what the system has
 * and what was not applied; NULL when the ticket has no conflict. */
char        *wk_deskside_conflict_details      (WkTicket        *ticket);

/* An integer member of an event's flat JSON payload, or 0 when absent. */
gint64       wk_deskside_payload_get_int       (const char      *payload,
                                                const char      *member);

G_END_DECLS
