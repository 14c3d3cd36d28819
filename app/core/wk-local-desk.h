/* wk-local-desk.h — WkDesk on the in-process SQLite store (the default)
 *
 * Every change runs as one store job in one transaction (BEGIN IMMEDIATE …
 * COMMIT) that also appends its row to the event table; subscribers hear of
 * the events once they are committed.  Input is validated on the caller's
 * thread before anything is queued; unknown ids are found in the job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-desk.h"
#include "wk-store.h"
#include "wk-upstream-lookup.h"

G_BEGIN_DECLS

#define WK_TYPE_LOCAL_DESK (wk_local_desk_get_type ())
G_DECLARE_FINAL_TYPE (WkLocalDesk, wk_local_desk, WK, LOCAL_DESK, GObject)

WkLocalDesk *wk_local_desk_new       (WkStore     *store);
WkStore     *wk_local_desk_get_store (WkLocalDesk *self);

/* In front of an upstream (RT…): identify then also asks @lookup for the
 * person's active upstream tickets (by their email, within the lookup's
 * budget) and merges them into the local tickets, upserting by
 * upstream_system + upstream_id, with events whose actor is
 * "upstream:SYSTEM".  A ticket with local changes the sync has not yet
 * delivered is left as it is.  When the upstream is slow, down or fails,
 * identify answers from the local copy: it is never refused for that.
 * NULL turns it off. */
void         wk_local_desk_set_upstream_lookup (WkLocalDesk      *self,
                                                WkUpstreamLookup *lookup);

G_END_DECLS
