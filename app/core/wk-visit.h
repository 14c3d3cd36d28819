/* wk-visit.h — a walk-up check-in; the queue is the open visits of a lounge
 *
 * An immutable value: every property is construct-only.  Id, time and
 * count properties are 0 when unknown unless documented otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-enums.h"
#include "wk-person.h"

G_BEGIN_DECLS

#define WK_TYPE_VISIT (wk_visit_get_type ())
G_DECLARE_FINAL_TYPE (WkVisit, wk_visit, WK, VISIT, GObject)

/* row id (the primary key) */
gint64 wk_visit_get_id (WkVisit *self);
/* client-generated idempotency key */
const char *wk_visit_get_uuid (WkVisit *self);
/* the lounge */
gint64 wk_visit_get_lounge_id (WkVisit *self);
/* the person, 0 for a guest */
gint64 wk_visit_get_person_id (WkVisit *self);
/* display name of the person, or the guest name */
const char *wk_visit_get_person_name (WkVisit *self);
/* preferred name, else display or guest name */
const char *wk_visit_get_greeting_name (WkVisit *self);
/* name a guest typed, or NULL */
const char *wk_visit_get_guest_name (WkVisit *self);
/* email a guest typed, or NULL */
const char *wk_visit_get_guest_email (WkVisit *self);
/* the visitor's email (the person's or the guest's), only from
 * wk_desk_get_visit() and only when a survey of this visit agreed to be
 * contacted and was not anonymous; NULL otherwise */
const char *wk_visit_get_contact_email (WkVisit *self);
/* the ticket, 0 when none */
gint64 wk_visit_get_ticket_id (WkVisit *self);
/* reference of the ticket, or NULL */
const char *wk_visit_get_ticket_ref (WkVisit *self);
/* subject of the ticket, or NULL */
const char *wk_visit_get_ticket_subject (WkVisit *self);
/* a wk-category id */
const char *wk_visit_get_reason (WkVisit *self);
/* lifecycle status */
WkVisitStatus wk_visit_get_status (WkVisit *self);
/* unix seconds */
gint64 wk_visit_get_checked_in_at (WkVisit *self);
/* unix seconds, 0 when not yet */
gint64 wk_visit_get_called_at (WkVisit *self);
/* unix seconds, 0 when not yet */
gint64 wk_visit_get_service_started_at (WkVisit *self);
/* unix seconds, 0 when not yet */
gint64 wk_visit_get_finished_at (WkVisit *self);
/* engineer who picked it up, 0 when none */
gint64 wk_visit_get_engineer_id (WkVisit *self);
/* display name of that engineer, or NULL */
const char *wk_visit_get_engineer_name (WkVisit *self);
/* desk the person is called to, or NULL */
const char *wk_visit_get_desk (WkVisit *self);
/* kiosk that checked them in, or NULL */
const char *wk_visit_get_kiosk (WkVisit *self);
/* how they identified */
WkIdentifiedBy wk_visit_get_identified_by (WkVisit *self);
/* first touch to confirmation in ms, -1 when unknown */
gint64 wk_visit_get_kiosk_ms (WkVisit *self);
/* set when done */
WkOutcome wk_visit_get_outcome (WkVisit *self);
/* wait estimated at check-in in seconds, -1 when none */
gint64 wk_visit_get_estimated_wait_s (WkVisit *self);
/* the score (1–5) of the visit's latest survey that was not anonymous, 0 when none */
int wk_visit_get_survey_score (WkVisit *self);
/* bumped on every change; pass it back to pick up */
gint64 wk_visit_get_version (WkVisit *self);
/* 1-based place among the waiting visits, 0 when not waiting */
guint wk_visit_get_position (WkVisit *self);

/* Initials of the person or guest, for the board. */
char *wk_visit_dup_initials (WkVisit *self);
/* People ahead in the queue: position − 1, or 0. */
guint wk_visit_get_people_ahead (WkVisit *self);

G_END_DECLS
