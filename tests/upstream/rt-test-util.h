/* rt-test-util.h — a real Request Tracker for the upstream tests
 *
 * rt_test_start() runs tests/upstream/rt-fixture in a new temporary
 * directory, creates the custom fields Walkup maps, and leaves a reaper
 * process behind that stops RT by its PID when this test program ends in any
 * way (an abort included).  Direct REST calls let a test act "as if in RT".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct {
  char        *dir;
  char        *url;      /* http://127.0.0.1:PORT/REST/2.0 */
  char        *token;
  SoupSession *session;
} RtTest;

/* NULL (after g_test_skip-worthy reason in *@skip_reason) when RT is not
 * installed; aborts on any other failure. */
RtTest   *rt_test_start          (char       **skip_reason);
/* Stops and starts the same RT again (same port and data). */
void      rt_test_stop_server    (RtTest      *rt);
void      rt_test_restart_server (RtTest      *rt);
void      rt_test_free           (RtTest      *rt);

/* One REST call as RT's root user; returns the parsed JSON body (or NULL)
 * and the HTTP status in *@status.  @body may be NULL. */
JsonNode *rt_test_call           (RtTest      *rt,
                                  const char  *method,
                                  const char  *path,
                                  const char  *json_body,
                                  guint       *status);
/* Opens a ticket directly in RT, as if by phone; returns its id. */
char     *rt_test_create_ticket  (RtTest      *rt,
                                  const char  *requestor,
                                  const char  *subject);
/* Creates an RT user (login @name) with @email, @real_name and, unless
 * NULL, the user custom field Badge = @badge, as RT's REST 2.0 does. */
void      rt_test_create_user    (RtTest      *rt,
                                  const char  *name,
                                  const char  *email,
                                  const char  *real_name,
                                  const char  *badge);
/* Number of transactions of @type ("Comment", "Correspond", "Create") on
 * ticket @id whose content contains @needle (NULL: any). */
guint     rt_test_count_transactions (RtTest  *rt,
                                      const char *id,
                                      const char *type,
                                      const char *needle);
/* A member of ticket @id as RT shows it ("Status", or "CF:Pickup Status"). */
char     *rt_test_ticket_field   (RtTest      *rt,
                                  const char  *id,
                                  const char  *field);
/* Tickets matching TicketSQL @query. */
guint     rt_test_count_tickets  (RtTest      *rt,
                                  const char  *query);

G_END_DECLS
