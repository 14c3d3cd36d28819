/* wk-upstream-lookup.h — a person's active upstream tickets, fast or not at all
 *
 * What WkLocalDesk asks at identify (wk_local_desk_set_upstream_lookup()):
 * the tickets an upstream (RT…) has for a requester's email, under a tight
 * time budget, so that a slow or stopped upstream never holds up a kiosk.
 *
 * - A fresh answer is kept for the cache time (30 s by default): the next
 *   identify of the same person gets it at once.
 * - Over the budget (800 ms by default) _finish fails with
 *   WK_ERROR_UNAVAILABLE, but the request goes on; when it lands, its answer
 *   is cached for the next identify.
 * - After a failure (down, timed out) the upstream is not asked again for
 *   the cache time: every identify meanwhile fails at once.
 *
 * Main thread only (the thread-default context it was made on).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-upstream.h"

G_BEGIN_DECLS

#define WK_UPSTREAM_LOOKUP_DEFAULT_BUDGET_MS 800
#define WK_UPSTREAM_LOOKUP_DEFAULT_CACHE_S   30

#define WK_TYPE_UPSTREAM_LOOKUP (wk_upstream_lookup_get_type ())
G_DECLARE_FINAL_TYPE (WkUpstreamLookup, wk_upstream_lookup, WK, UPSTREAM_LOOKUP, GObject)

/* @budget_ms: 0 for the default; @cache_s: 0 for the default. */
WkUpstreamLookup *wk_upstream_lookup_new               (WkUpstream           *upstream,
                                                        guint                 budget_ms,
                                                        guint                 cache_s);

WkUpstream       *wk_upstream_lookup_get_upstream      (WkUpstreamLookup     *self);
guint             wk_upstream_lookup_get_budget_ms     (WkUpstreamLookup     *self);

/* The active tickets @email asked for: a GPtrArray of WkUpstreamTicket
 * (newest first), from the cache when fresh (*@cached set to TRUE).
 * WK_ERROR_UNAVAILABLE when the upstream is down, failed lately or did not
 * answer within the budget. */
void              wk_upstream_lookup_find_tickets_async  (WkUpstreamLookup    *self,
                                                          const char          *email,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray        *wk_upstream_lookup_find_tickets_finish (WkUpstreamLookup    *self,
                                                          GAsyncResult        *result,
                                                          gboolean            *cached,
                                                          GError             **error);

/* The person the upstream knows by @email (or, when @email is NULL, by
 * @badge_id), within the same budget and failure memory as tickets (not
 * cached: a person found is kept in the local directory).  NOT_FOUND when
 * the upstream does not know them; UNAVAILABLE as above. */
void              wk_upstream_lookup_find_person_async   (WkUpstreamLookup    *self,
                                                          const char          *email,
                                                          const char          *badge_id,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
WkUpstreamPerson *wk_upstream_lookup_find_person_finish  (WkUpstreamLookup    *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

/* Drops every cached answer and the memory of a failure. */
void              wk_upstream_lookup_forget              (WkUpstreamLookup    *self);

G_END_DECLS
