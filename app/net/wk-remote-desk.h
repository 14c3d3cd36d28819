/* wk-remote-desk.h — WkDesk against a hub over HTTP (docs/hub-api.md)
 *
 * Every operation is one request on the desk's own SoupSession (from
 * wk_http_session_new()) with the bearer token; answers are decoded by the
 * codec (wk-json.h) and statuses mapped by wk-http.c, so the errors are the
 * local desk's: 409 CONFLICT, 400/422 INVALID, 404 NOT_FOUND, 401
 * UNAUTHORIZED, 403 FORBIDDEN, 429 RATE_LIMITED, and UNAVAILABLE when the
 * hub cannot be reached.  Ids are checked before anything is sent.
 *
 * The acting person is the token's: the engineer/actor/author ids the
 * WkDesk calls take are not sent (the hub uses the person who signed in).
 * sign_in exchanges credentials for a token, which the desk then uses.
 *
 * Events: wk_desk_subscribe() opens the hub's WebSocket stream
 * (/api/v1/events?after=CURSOR) and reconnects after a drop with
 * exponential backoff (1 s doubling to WK_REMOTE_DESK_MAX_BACKOFF_S),
 * resuming after the last event it delivered, so nothing is missed or
 * delivered twice.  Subscribe and unsubscribe on the desk's own main
 * context.  The WkDesk::event signal has its own stream, opened while a
 * token is set.
 *
 * Offline outbox (optional, wk_remote_desk_set_outbox(); a kiosk or a
 * laptop sets one on its own local file, wk-outbox.h).  With an outbox,
 * check_in and submit_survey are first written to the outbox with their
 * client UUID, durably, and then delivered by the desk, one at a time in
 * the order they were written, exactly once: the hub is idempotent by
 * UUID, and a row is removed only after the hub answered it, so a lost
 * answer only means the same UUID is sent again.
 *
 * - The hub answers in time: the caller gets the hub's visit or survey
 *   (after every row written before it was delivered), or the hub's
 *   refusal (400, 404, 409, 413, 422; the row is then removed).
 * - The hub is away (WK_ERROR_UNAVAILABLE, 503), busy (429, 5xx) or
 *   refuses the token (401, 403): the caller gets a *provisional* answer,
 *   built here from the request: a WkVisit with id 0, version 0, status
 *   waiting, position 0 ("pending": there is no place in the queue yet),
 *   estimated_wait_s -1, checked_in_at now, no person or ticket names; a
 *   WkSurvey with id 0, created_at now and followup_status none.  The row
 *   stays in the outbox; delivery is retried with backoff (1 s doubling to
 *   WK_REMOTE_DESK_MAX_BACKOFF_S), and at once when the desk sees the hub
 *   again ("online" becoming TRUE: any answered request, or the event
 *   stream's reconnection) or on wk_remote_desk_flush_outbox().  While a
 *   retry is scheduled, new writes are answered provisionally at once.
 *   A new token (someone signing in) also delivers at once.
 * - A row the hub refuses later (nobody waiting for it any more) is set
 *   aside as `refused` in the outbox, with the hub's message, and logged;
 *   the rows after it are still delivered.  The refused rows are counted
 *   ("refused-count") and described ("refusals") for the user.
 * - Cancelling the caller's @cancellable only stops the waiting: a write
 *   that reached the outbox is delivered anyway.
 * - Only the UUID, lounge and kind of answer are checked before a write
 *   is queued; anything else the hub refuses at delivery (above).
 *
 * update_ticket and add_note go the same way: each carries a client UUID
 * (the caller's, or one made here when it passes none), so a resend
 * applies once.  Their provisional answers: a WkTicket with the ticket's
 * id, version 0 and only the edited fields set (ref and subject may be
 * NULL); a WkNote with id 0, created_at now and the given body.  A queued
 * ticket edit carries the version the user saw: when someone else changed
 * the ticket before it was delivered, the hub refuses it (409) and it is
 * set aside like any refused row, counted in "refused-count" with the
 * hub's reason in "refusals", until dismissed.
 *
 * Not queued: pick-up and the other visit and hardware actions, which
 * carry no client UUID in the hub API (a resend could apply twice), fail
 * with WK_ERROR_UNAVAILABLE while the hub is away, as without an outbox.
 *
 * Cached directory (with an outbox): every identify answer is kept in the
 * local file under how and what was identified; a 404 forgets it.  While
 * the hub is away, identify answers from that cache when the same badge
 * (or the same typed email, employee number or ticket reference; those
 * keep identified_by, so the faces still show less) was answered within
 * WK_REMOTE_DESK_DIRECTORY_MAX_AGE_S; otherwise the UNAVAILABLE error
 * stands (the kiosk checks in a guest).  Badge entries are refreshed from
 * the hub every WK_REMOTE_DESK_DIRECTORY_REFRESH_S and by
 * wk_remote_desk_refresh_directory_async(); typed entries only when typed
 * again (the hub rate-limits typed look-ups).  A cached answer may be
 * stale: tickets closed or hardware collected since, a survey already
 * given offline (the hub then refuses the second one, 409).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-desk.h"
#include "wk-outbox.h"

G_BEGIN_DECLS

#define WK_REMOTE_DESK_MAX_BACKOFF_S 60
/* How old a cached identify answer may be to answer offline. */
#define WK_REMOTE_DESK_DIRECTORY_MAX_AGE_S (7 * 24 * 3600)
/* How often cached badges are refreshed while an outbox is set. */
#define WK_REMOTE_DESK_DIRECTORY_REFRESH_S (15 * 60)

#define WK_TYPE_REMOTE_DESK (wk_remote_desk_get_type ())
G_DECLARE_FINAL_TYPE (WkRemoteDesk, wk_remote_desk, WK, REMOTE_DESK, GObject)

/* @base_url: "http://host:port" or "https://…" (a path prefix is kept);
 * @token: a bearer token or NULL (sign in later).  NULL with
 * WK_ERROR_INVALID when @base_url is not an http(s) URL. */
WkRemoteDesk *wk_remote_desk_new          (const char    *base_url,
                                           const char    *token,
                                           GError       **error);
const char   *wk_remote_desk_get_base_url (WkRemoteDesk  *self);
/* The token in use (never logged), or NULL. */
const char   *wk_remote_desk_get_token    (WkRemoteDesk  *self);
void          wk_remote_desk_set_token    (WkRemoteDesk  *self,
                                           const char    *token);
/* Trusts only the certificates in the PEM file at @path (a hub's own
 * self-signed certificate, or the authority that signed it) for an https
 * hub, instead of the system's.  WK_ERROR_INVALID when the file cannot be
 * read as certificates.  An https hub whose certificate is not trusted is
 * never contacted: requests fail with WK_ERROR_UNAVAILABLE saying so. */
gboolean      wk_remote_desk_set_tls_ca_file (WkRemoteDesk  *self,
                                              const char    *path,
                                              GError       **error);
/* FALSE after a request found the hub unreachable, TRUE again once one
 * reaches it (the "online" property, notified on change). */
gboolean      wk_remote_desk_get_online   (WkRemoteDesk  *self);

/* Uses @outbox (or none: NULL) for check-ins, surveys and the cached
 * directory, and starts delivering what it holds.  Set it once, at start. */
void          wk_remote_desk_set_outbox        (WkRemoteDesk  *self,
                                                WkOutbox      *outbox);
WkOutbox     *wk_remote_desk_get_outbox        (WkRemoteDesk  *self);
/* Writes waiting in the outbox for the hub (the "pending-count"
 * property, notified on change); 0 without an outbox. */
guint         wk_remote_desk_get_pending_count (WkRemoteDesk  *self);
/* Writes the hub refused for good at delivery (the "refused-count"
 * property, notified on change), kept in the outbox until dismissed
 * (g_signal_emit_by_name (desk, "dismiss-refused"), an action signal);
 * 0 without an outbox. */
guint         wk_remote_desk_get_refused_count (WkRemoteDesk  *self);
/* The same, each as "What: the hub's reason" in the user's language (the
 * "refusals" property, notified once read from the outbox), or NULL. */
const char * const *wk_remote_desk_get_refusals (WkRemoteDesk  *self);
/* Tries to deliver the outbox now instead of after the backoff. */
void          wk_remote_desk_flush_outbox      (WkRemoteDesk  *self);
/* Asks the hub again about every cached badge (least recently fetched
 * first); _finish returns how many answers were refreshed, or
 * WK_ERROR_UNAVAILABLE when the hub went away meanwhile. */
void          wk_remote_desk_refresh_directory_async  (WkRemoteDesk        *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
guint         wk_remote_desk_refresh_directory_finish (WkRemoteDesk        *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
