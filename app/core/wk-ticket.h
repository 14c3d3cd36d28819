/* wk-ticket.h — a ticket, local or mirrored from the upstream service desk
 *
 * An immutable value: every property is construct-only.  Id, time and
 * count properties are 0 when unknown unless documented otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-enums.h"

G_BEGIN_DECLS

#define WK_TYPE_TICKET (wk_ticket_get_type ())
G_DECLARE_FINAL_TYPE (WkTicket, wk_ticket, WK, TICKET, GObject)

/* row id (the primary key) */
gint64 wk_ticket_get_id (WkTicket *self);
/* human reference, e.g. 'WK-10042' */
const char *wk_ticket_get_ref (WkTicket *self);
/* the person it is for, 0 when none */
gint64 wk_ticket_get_requester_id (WkTicket *self);
/* display name of the requester, or NULL */
const char *wk_ticket_get_requester_name (WkTicket *self);
/* the requester's own words */
const char *wk_ticket_get_subject (WkTicket *self);
/* longer text, may be empty */
const char *wk_ticket_get_description (WkTicket *self);
/* a wk-category id */
const char *wk_ticket_get_category (WkTicket *self);
/* lifecycle status */
WkTicketStatus wk_ticket_get_status (WkTicket *self);
/* 1 (highest) to 5 */
int wk_ticket_get_priority (WkTicket *self);
/* engineer, 0 when unassigned */
gint64 wk_ticket_get_assignee_id (WkTicket *self);
/* display name of the assignee, or NULL */
const char *wk_ticket_get_assignee_name (WkTicket *self);
/* lounge, 0 when none */
gint64 wk_ticket_get_lounge_id (WkTicket *self);
/* unix seconds */
gint64 wk_ticket_get_created_at (WkTicket *self);
/* unix seconds */
gint64 wk_ticket_get_updated_at (WkTicket *self);
/* unix seconds, 0 when not resolved */
gint64 wk_ticket_get_resolved_at (WkTicket *self);
/* e.g. 'rt5', or NULL */
const char *wk_ticket_get_upstream_system (WkTicket *self);
/* id in the upstream system, or NULL */
const char *wk_ticket_get_upstream_id (WkTicket *self);
/* version seen upstream, or NULL */
const char *wk_ticket_get_upstream_version (WkTicket *self);
/* bumped on every update; pass it back to update */
gint64 wk_ticket_get_version (WkTicket *self);
/* a GListModel of WkNote, oldest first; NULL unless fetched with wk_desk_get_ticket_async() */
GListModel *wk_ticket_get_notes (WkTicket *self);

/* An edit the upstream did not take (its version had moved on: someone
 * changed the ticket there meanwhile), until a member of staff acknowledges
 * it (wk_desk_acknowledge_conflict_async()) or a later edit goes through.
 * Filled by wk_desk_get_ticket_async() only. */
/* the ticket.updated event whose edit was not applied, 0 when none */
gint64 wk_ticket_get_upstream_conflict_id (WkTicket *self);
/* unix seconds: when the sync met it */
gint64 wk_ticket_get_upstream_conflict_at (WkTicket *self);
/* the fields not applied: "subject", "status", "assignee", "category" */
const char * const *wk_ticket_get_upstream_conflict_fields (WkTicket *self);
/* per field, what the upstream holds now (a status or category id, the
 * owner's upstream login; "" for none) */
const char * const *wk_ticket_get_upstream_conflict_theirs (WkTicket *self);
/* per field, the value that was not applied */
const char * const *wk_ticket_get_upstream_conflict_ours (WkTicket *self);

G_END_DECLS
