/* wk-rt-upstream.h — WkUpstream for Request Tracker 5 over REST 2.0
 *
 * Talks to RT's REST 2.0 API (BASE_URL is ".../REST/2.0") with
 * "Authorization: token …", through one SoupSession.
 *
 * Mapping (docs/upstream.md has the whole table):
 * - RT users ↔ people by email; the badge is the user custom field "Badge".
 * - RT tickets ↔ tickets: Subject, Status (new/open/stalled/resolved/
 *   rejected/deleted ↔ new/open/pending/resolved/closed), Queue, Owner,
 *   Requestor, LastUpdated; custom fields "Walk-up Category",
 *   "Pickup Location" and "Pickup Status".  The version is RT's ETag.
 * - Updates are PUT with If-Match; 412 re-reads and fails with
 *   WK_ERROR_CONFLICT.  RT answers 200 with a list of messages even when a
 *   value was refused ("… isn't a valid status …"): such messages fail with
 *   WK_ERROR_INVALID carrying RT's words.
 * - Transport failures (refused, timed out) are WK_ERROR_UNAVAILABLE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-upstream.h"

G_BEGIN_DECLS

#define WK_RT_UPSTREAM_SYSTEM            "rt5"
#define WK_RT_UPSTREAM_DEFAULT_TIMEOUT_S 10

#define WK_TYPE_RT_UPSTREAM (wk_rt_upstream_get_type ())
G_DECLARE_FINAL_TYPE (WkRtUpstream, wk_rt_upstream, WK, RT_UPSTREAM, GObject)

/* @base_url: "http://rt.example/REST/2.0"; @token: an RT auth token;
 * @queue: where new tickets go; @timeout_s: per request (0: the default). */
WkRtUpstream *wk_rt_upstream_new         (const char   *base_url,
                                          const char   *token,
                                          const char   *queue,
                                          guint         timeout_s);

const char   *wk_rt_upstream_get_base_url (WkRtUpstream *self);
const char   *wk_rt_upstream_get_queue    (WkRtUpstream *self);

/* For a queue with a custom lifecycle: the RT status that stands for
 * @status (defaults: new, open, stalled, resolved, resolved).  Reading maps
 * it back; other active RT statuses read as open. */
void          wk_rt_upstream_set_status_name (WkRtUpstream   *self,
                                              WkTicketStatus  status,
                                              const char     *rt_status);

/* The REST path (below the base URL) of the search find_tickets makes for
 * @requester_email: upstream-bench times RT answering exactly this. */
char         *wk_rt_upstream_requester_search_path (const char *requester_email);

/* Reads a token file (RT's token on its first line; surrounding space is
 * dropped).  WK_ERROR_INVALID when it is empty. */
char         *wk_rt_upstream_read_token   (const char   *path,
                                           GError      **error);

G_END_DECLS
