/* wk-hub-server.h — the lounge's HTTP API on a SoupServer (docs/hub-api.md)
 *
 * Every route under /api/v1/ calls the WkDesk it was given, asynchronously:
 * the SoupServerMessage is paused while the desk works, so the main loop
 * never blocks.  Bearer tokens (wk-hub-tokens.h) carry a role; the route
 * table in wk-hub-server.c is the role matrix and is enforced on every
 * request.  Every error is {"error": {"code", "message"}} with the status
 * of wk_http_status_for_error().  Bodies over WK_HUB_MAX_BODY are refused
 * (413) before they are read when Content-Length says so, and as soon as a
 * chunked body grows past it.
 *
 * The event stream, GET /api/v1/events?after=CURSOR, is a WebSocket
 * (bearer token in the upgrade request, any role): a first text message
 * {"type":"hello","cursor":N}, then {"type":"event","event":{…}} for every
 * event after N, in order, then live ones.  Without after (or -1), N is the
 * last event there is.  The hub pings every WK_HUB_EVENTS_KEEPALIVE_S.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-desk.h"
#include "wk-hub-tokens.h"
#include "wk-store.h"

G_BEGIN_DECLS

#define WK_HUB_DEFAULT_PORT   8470
#define WK_HUB_MAX_BODY       (1024 * 1024)
#define WK_HUB_MAX_HEADERS    (32 * 1024)
/* Typed-identity look-ups (email, employee number, ticket reference) per
 * kiosk token, and sign-in attempts per client address, per minute. */
#define WK_HUB_IDENTIFY_LIMIT 10
#define WK_HUB_SIGN_IN_LIMIT  10
/* Seconds between pings on an event stream. */
#define WK_HUB_EVENTS_KEEPALIVE_S 20

#define WK_TYPE_HUB_SERVER (wk_hub_server_get_type ())
G_DECLARE_FINAL_TYPE (WkHubServer, wk_hub_server, WK, HUB_SERVER, GObject)

/* Serves @desk; tokens live in @store (the desk's own store). */
WkHubServer *wk_hub_server_new                (WkDesk           *desk,
                                               WkStore          *store);
WkHubTokens *wk_hub_server_get_tokens         (WkHubServer      *self);

/* Listens on @address ("127.0.0.1", "::", "0.0.0.0") and @port (0: any
 * free port); with @tls_certificate (g_tls_certificate_new_from_files())
 * only HTTPS is served.  May be called once. */
gboolean     wk_hub_server_listen             (WkHubServer      *self,
                                               const char       *address,
                                               guint             port,
                                               GTlsCertificate  *tls_certificate,
                                               GError          **error);
/* The port actually bound, 0 before listening. */
guint        wk_hub_server_get_port           (WkHubServer      *self);
/* Stops listening and drops every connection; open event streams are
 * closed with 1001 (going away). */
void         wk_hub_server_disconnect         (WkHubServer      *self);

/* How many look-ups per minute (for tests; 0 switches the limit off). */
void         wk_hub_server_set_rate_limits    (WkHubServer      *self,
                                               guint             identify_per_minute,
                                               guint             sign_in_per_minute);

G_END_DECLS
