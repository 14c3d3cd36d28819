/* wk-upstream-sync.h — delivers the event log to an upstream (RT…), exactly once
 *
 * A WkUpstreamSync reads the `event` table in order from its cursor
 * (`upstream_cursor`, one row per system) and turns what the upstream must
 * hear of into WkUpstream calls (docs/upstream.md has the mapping):
 *
 * - ticket.created (no upstream id yet) → a ticket in the configured queue
 *   with the requester; the upstream id and version are stored back on the
 *   local ticket.  An `upstream_attempt` row is written first, so that a
 *   retry after a lost answer finds the ticket instead of making a second.
 * - visit.checked_in on a ticket → a comment saying where and when;
 * - ticket.updated → an update with the version last seen (RT: If-Match);
 *   a stale one is recorded as a conflict with the upstream's current state
 *   (JSON in `upstream_delivery.detail`) and the local version refreshed;
 * - ticket.note_added → a comment (internal) or reply (public);
 * - hardware.ready / hardware.collected → pickup fields and a comment;
 * - survey.submitted → a comment with score, answer and comment; an
 *   anonymous survey is never posted (the requester's ticket would name
 *   them): recorded as delivered, detail "skipped: anonymous".
 *
 * Each handled event gets one `upstream_delivery` row (delivered, conflict
 * or refused) written in the same transaction as the cursor advance.
 * UNAVAILABLE, RATE_LIMITED, UNAUTHORIZED and FORBIDDEN are retried with
 * exponential backoff (1 s doubling to 60 s); INVALID, NOT_FOUND and other
 * refusals are recorded and passed.  Events whose actor is "upstream:…"
 * (mirrored from the upstream) are skipped.  The first start begins at the
 * end of the log: history from before the upstream was set up is not sent.
 *
 * Wakes on the desk's WkDesk::event signal (in the hub) or polls (another
 * process: wk_upstream_sync_set_poll_interval()).  SQLite only through the
 * store's worker.  Main thread only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-desk.h"
#include "wk-store.h"
#include "wk-upstream.h"

G_BEGIN_DECLS

#define WK_UPSTREAM_SYNC_MAX_BACKOFF_MS 60000

#define WK_TYPE_UPSTREAM_SYNC (wk_upstream_sync_get_type ())
G_DECLARE_FINAL_TYPE (WkUpstreamSync, wk_upstream_sync, WK, UPSTREAM_SYNC, GObject)

/* @desk (optional): whose WkDesk::event signal wakes the sync. */
WkUpstreamSync *wk_upstream_sync_new               (WkStore        *store,
                                                    WkDesk         *desk,
                                                    WkUpstream     *upstream);

/* Starts (again) after the cursor; stop cancels what is under way (it is
 * delivered again after the next start: the cursor moves only with a
 * delivery row). */
void            wk_upstream_sync_start             (WkUpstreamSync *self);
void            wk_upstream_sync_stop              (WkUpstreamSync *self);

/* Looks for new events now, cutting a backoff short. */
void            wk_upstream_sync_wake              (WkUpstreamSync *self);

/* The last event handled (0 before the first look). */
gint64          wk_upstream_sync_get_cursor        (WkUpstreamSync *self);
/* TRUE when started and nothing is left to deliver. */
gboolean        wk_upstream_sync_get_idle          (WkUpstreamSync *self);
/* The error of the last retried attempt, or NULL (for status output). */
const GError   *wk_upstream_sync_get_last_error    (WkUpstreamSync *self);

/* When caught up, look again every @interval_ms (0: only when woken). */
void            wk_upstream_sync_set_poll_interval (WkUpstreamSync *self,
                                                    guint           interval_ms);
/* The backoff's first wait and its cap (defaults 1000 and 60000 ms). */
void            wk_upstream_sync_set_backoff       (WkUpstreamSync *self,
                                                    guint           first_ms,
                                                    guint           max_ms);

G_END_DECLS
