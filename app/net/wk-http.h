/* wk-http.h — the one place HTTP sessions are made and statuses mapped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define WK_HTTP_DEFAULT_TIMEOUT_S 15

/* A session for one subsystem (hub client, upstream connector…) with
 * Walkup's user agent and timeouts.  Make one per subsystem, not per request. */
SoupSession *wk_http_session_new        (const char  *subsystem,
                                         guint        timeout_s);
/* "walkup/VERSION (SUBSYSTEM)" */
char        *wk_http_user_agent         (const char  *subsystem);

/* Maps an HTTP status to WK_ERROR: TRUE (and no error) for 2xx, otherwise
 * FALSE with @error set; @message, when not NULL, becomes the error text. */
gboolean     wk_http_status_to_error    (guint        status,
                                         const char  *message,
                                         GError     **error);
/* The status the hub answers for a WK_ERROR (401, 403, 404, 409, 413, 422,
 * 429, 503), and 400 for a body that is not JSON (JSON_PARSER_ERROR, see
 * wk-json.h); 500 for anything else. */
guint        wk_http_status_for_error   (const GError *error);
/* The machine-readable "code" of the hub's JSON error for @error
 * (wk_error_to_code(); "invalid" for a body that is not JSON). */
const char  *wk_http_code_for_error     (const GError *error);

G_END_DECLS
