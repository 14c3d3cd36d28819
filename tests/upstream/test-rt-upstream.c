/* test-rt-upstream.c — WkRtUpstream against a real Request Tracker 5
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rt-test-util.h"
#include "wk-error.h"
#include "wk-rt-upstream.h"

#include <gio/gio.h>
#include <string.h>

static RtTest *rt;

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static WkUpstream *
new_upstream (void)
{
  return WK_UPSTREAM (wk_rt_upstream_new (rt->url, rt->token, "General", 10));
}

static WkUpstreamTicket *
get_ticket (WkUpstream  *upstream,
            const char  *id,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  wk_upstream_get_ticket_async (upstream, id, NULL, got_result_cb, &result);
  return wk_upstream_get_ticket_finish (upstream, wait_for (&result), error);
}

static WkUpstreamTicket *
update_ticket (WkUpstream              *upstream,
               const char              *id,
               const char              *version,
               const WkUpstreamTicket  *values,
               WkUpstreamFields         fields,
               WkUpstreamTicket       **current,
               GError                 **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  wk_upstream_update_ticket_async (upstream, id, version, values, fields, NULL,
                                   got_result_cb, &result);
  return wk_upstream_update_ticket_finish (upstream, wait_for (&result), current, error);
}

static void
test_find_tickets (void)
{
  g_autoptr(WkUpstream) upstream = new_upstream ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = rt_test_create_ticket (rt, "priya.sharma@corp.example", "Laptop will not charge");
  g_autofree char *second = rt_test_create_ticket (rt, "priya.sharma@corp.example", "VPN drops");
  g_autofree char *other = rt_test_create_ticket (rt, "someone.else@corp.example", "Not hers");
  WkUpstreamTicket *ticket;

  g_assert_cmpstr (wk_upstream_get_system (upstream), ==, "rt5");

  wk_upstream_find_tickets_async (upstream, "priya.sharma@corp.example", NULL, got_result_cb, &result);
  tickets = wk_upstream_find_tickets_finish (upstream, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tickets->len, ==, 2);
  ticket = g_ptr_array_index (tickets, 1);
  g_assert_cmpstr (ticket->id, ==, first);
  g_assert_cmpstr (ticket->subject, ==, "Laptop will not charge");
  g_assert_cmpint (ticket->status, ==, WK_TICKET_STATUS_NEW);
  g_assert_cmpstr (ticket->queue, ==, "General");
  g_assert_cmpstr (ticket->requester_email, ==, "priya.sharma@corp.example");
  g_assert_null (ticket->owner);
  g_assert_cmpint (ticket->updated_at, >, 0);
  g_assert_true (g_str_has_prefix (ticket->ref, "RT-"));

  /* a quote in the address is escaped, not injected */
  g_clear_object (&result);
  g_clear_pointer (&tickets, g_ptr_array_unref);
  wk_upstream_find_tickets_async (upstream, "o'brien@corp.example' OR id > '0", NULL,
                                  got_result_cb, &result);
  tickets = wk_upstream_find_tickets_finish (upstream, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tickets->len, ==, 0);
}

static void
test_create_and_read (void)
{
  g_autoptr(WkUpstream) upstream = new_upstream ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WkUpstreamTicket) spec = wk_upstream_ticket_new ();
  g_autoptr(WkUpstreamTicket) created = NULL;
  g_autoptr(WkUpstreamTicket) read = NULL;
  g_autoptr(WkUpstreamTicket) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC - 1;

  spec->subject = g_strdup ("Monitor flickers (it's the cable?)");
  spec->requester_email = g_strdup ("jonas.berg@corp.example");
  spec->category = g_strdup ("hardware");
  wk_upstream_create_ticket_async (upstream, spec, "Opened at the walk-up kiosk.", NULL,
                                   got_result_cb, &result);
  created = wk_upstream_create_ticket_finish (upstream, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (created->id);
  g_assert_nonnull (created->version);
  g_assert_cmpstr (created->subject, ==, spec->subject);
  g_assert_cmpstr (created->category, ==, "hardware");
  g_assert_cmpstr (created->requester_email, ==, "jonas.berg@corp.example");
  g_assert_cmpstr (created->queue, ==, "General");

  read = get_ticket (upstream, created->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->version, ==, created->version);
  g_assert_cmpint (read->created_at, >=, before);

  /* a create whose answer was lost is found again, not made twice */
  g_clear_object (&result);
  wk_upstream_find_created_async (upstream, spec, before, NULL, got_result_cb, &result);
  found = wk_upstream_find_created_finish (upstream, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->id, ==, created->id);

  /* and nothing is found for another subject */
  g_clear_object (&result);
  g_clear_pointer (&found, wk_upstream_ticket_free);
  g_free (spec->subject);
  spec->subject = g_strdup ("Never made");
  wk_upstream_find_created_async (upstream, spec, before, NULL, got_result_cb, &result);
  found = wk_upstream_find_created_finish (upstream, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_null (found);

  g_clear_pointer (&read, wk_upstream_ticket_free);
  read = get_ticket (upstream, "999999", &error);
  g_assert_error (error, WK_ERROR, WK_ERROR_NOT_FOUND);
  g_assert_null (read);
  g_clear_error (&error);
  read = get_ticket (upstream, "1 OR 1", &error);
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
}

static void
test_update_with_version (void)
{
  g_autoptr(WkUpstream) upstream = new_upstream ();
  g_autofree char *id = rt_test_create_ticket (rt, "mia.keller@corp.example", "Dock has no video");
  g_autoptr(WkUpstreamTicket) before = NULL;
  g_autoptr(WkUpstreamTicket) after = NULL;
  g_autoptr(WkUpstreamTicket) values = wk_upstream_ticket_new ();
  g_autoptr(WkUpstreamTicket) current = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cf = NULL;

  before = get_ticket (upstream, id, &error);
  g_assert_no_error (error);

  values->status = WK_TICKET_STATUS_OPEN;
  values->pickup_location = g_strdup ("locker 12");
  values->pickup_status = g_strdup ("ready");
  after = update_ticket (upstream, id, before->version, values,
                         WK_UPSTREAM_FIELD_STATUS | WK_UPSTREAM_FIELD_PICKUP_LOCATION |
                         WK_UPSTREAM_FIELD_PICKUP_STATUS, &current, &error);
  g_assert_no_error (error);
  g_assert_null (current);
  g_assert_cmpint (after->status, ==, WK_TICKET_STATUS_OPEN);
  g_assert_cmpstr (after->pickup_location, ==, "locker 12");
  g_assert_cmpstr (after->pickup_status, ==, "ready");
  g_assert_cmpstr (after->version, !=, before->version);
  cf = rt_test_ticket_field (rt, id, "CF:Pickup Location");
  g_assert_cmpstr (cf, ==, "locker 12");

  /* stalled ↔ pending, resolved ↔ resolved */
  values->status = WK_TICKET_STATUS_PENDING;
  g_clear_pointer (&before, wk_upstream_ticket_free);
  before = g_steal_pointer (&after);
  after = update_ticket (upstream, id, before->version, values, WK_UPSTREAM_FIELD_STATUS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->status, ==, WK_TICKET_STATUS_PENDING);
  g_free (cf);
  cf = rt_test_ticket_field (rt, id, "Status");
  g_assert_cmpstr (cf, ==, "stalled");
}

static void
test_conflict (void)
{
  g_autoptr(WkUpstream) upstream = new_upstream ();
  g_autofree char *id = rt_test_create_ticket (rt, "lena.fischer@corp.example", "Printer jams");
  g_autoptr(WkUpstreamTicket) seen = NULL;
  g_autoptr(WkUpstreamTicket) after = NULL;
  g_autoptr(WkUpstreamTicket) values = wk_upstream_ticket_new ();
  g_autoptr(WkUpstreamTicket) current = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/ticket/%s", id);
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *status = NULL;
  guint http;

  seen = get_ticket (upstream, id, &error);
  g_assert_no_error (error);

  /* meanwhile, an agent edits it directly in RT */
  answer = rt_test_call (rt, "PUT", path, "{\"Subject\":\"Printer jams on floor 3\"}", &http);
  g_assert_cmpuint (http, ==, 200);

  values->status = WK_TICKET_STATUS_RESOLVED;
  after = update_ticket (upstream, id, seen->version, values, WK_UPSTREAM_FIELD_STATUS, &current, &error);
  g_assert_error (error, WK_ERROR, WK_ERROR_CONFLICT);
  g_assert_null (after);
  /* re-read: what RT has now, with its new version */
  g_assert_nonnull (current);
  g_assert_cmpstr (current->subject, ==, "Printer jams on floor 3");
  g_assert_cmpstr (current->version, !=, seen->version);
  status = rt_test_ticket_field (rt, id, "Status");
  g_assert_cmpstr (status, ==, "new");

  /* with the version just read, the change goes through */
  g_clear_error (&error);
  after = update_ticket (upstream, id, current->version, values, WK_UPSTREAM_FIELD_STATUS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after->status, ==, WK_TICKET_STATUS_RESOLVED);
}

static void
test_ok_with_error_messages (void)
{
  g_autoptr(WkUpstream) upstream = new_upstream ();
  g_autofree char *id = rt_test_create_ticket (rt, "tom.weber@corp.example", "Badge does not open door");
  g_autoptr(WkUpstreamTicket) values = wk_upstream_ticket_new ();
  g_autoptr(WkUpstreamTicket) after = NULL;
  g_autoptr(WkUpstreamTicket) current = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/ticket/%s", id);
  g_autoptr(JsonNode) answer = NULL;
  guint http;

  /* RT itself answers 200 with a message that carries the refusal */
  answer = rt_test_call (rt, "PUT", path, "{\"Status\":\"bogus\"}", &http);
  g_assert_cmpuint (http, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (answer));
  g_assert_nonnull (strstr (json_array_get_string_element (json_node_get_array (answer), 0),
                            "isn't a valid status"));

  /* an owner RT does not know: 200 "That user does not exist" → INVALID */
  values->owner = g_strdup ("no-such-engineer");
  after = update_ticket (upstream, id, NULL, values, WK_UPSTREAM_FIELD_OWNER, &current, &error);
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_assert_null (after);
  g_assert_nonnull (current);
  g_assert_null (current->owner);
  g_clear_error (&error);
  g_clear_pointer (&current, wk_upstream_ticket_free);

  /* a status this queue's lifecycle does not have: 200 "… isn't a valid
   * status …" → INVALID with RT's words, and what RT has now */
  wk_rt_upstream_set_status_name (WK_RT_UPSTREAM (upstream), WK_TICKET_STATUS_PENDING,
                                  "waiting for parts");
  values->status = WK_TICKET_STATUS_PENDING;
  after = update_ticket (upstream, id, NULL, values, WK_UPSTREAM_FIELD_STATUS, &current, &error);
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "isn't a valid status"));
  g_assert_null (after);
  g_assert_nonnull (current);
  g_assert_cmpint (current->status, ==, WK_TICKET_STATUS_NEW);
}

#define MARKER "[walkup-event 7-1700000000]"

static void
test_comment_and_correspond (void)
{
  g_autoptr(WkUpstream) upstream = new_upstream ();
  g_autofree char *id = rt_test_create_ticket (rt, "ana.lopez@corp.example", "Phone not syncing");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  wk_upstream_add_comment_async (upstream, id, "Checked in at the lounge, internal.", NULL, FALSE, NULL,
                                 got_result_cb, &result);
  g_assert_true (wk_upstream_add_comment_finish (upstream, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  wk_upstream_add_comment_async (upstream, id, "We are on it, public.\nScreen & dock <USB-C>", MARKER,
                                 TRUE, NULL, got_result_cb, &result);
  g_assert_true (wk_upstream_add_comment_finish (upstream, wait_for (&result), &error));
  g_assert_no_error (error);

  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Comment", "internal"), ==, 1);
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Correspond", "public"), ==, 1);
  /* the reply is HTML, the requester's words escaped, the marker in a
   * comment that RT's pages and emails leave out; find_comment finds it */
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Correspond", "Screen &amp; dock &lt;USB-C&gt;"), ==, 1);
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Correspond", "<!-- " MARKER " -->"), ==, 1);
  g_clear_object (&result);
  wk_upstream_find_comment_async (upstream, id, MARKER, NULL, got_result_cb, &result);
  g_assert_true (wk_upstream_find_comment_finish (upstream, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  wk_upstream_find_comment_async (upstream, id, "[walkup-event 8-1700000000]", NULL, got_result_cb, &result);
  g_assert_false (wk_upstream_find_comment_finish (upstream, wait_for (&result), &error));
  g_assert_no_error (error);

  g_clear_object (&result);
  wk_upstream_add_comment_async (upstream, "999999", "Nobody there", NULL, FALSE, NULL,
                                 got_result_cb, &result);
  g_assert_false (wk_upstream_add_comment_finish (upstream, wait_for (&result), &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == WK_ERROR);
  g_test_message ("comment on a missing ticket: %s", error->message);
}

static void
test_find_person (void)
{
  g_autoptr(WkUpstream) upstream = new_upstream ();
  g_autofree char *id = rt_test_create_ticket (rt, "karl.otto@corp.example", "Needs a headset");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WkUpstreamPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  wk_upstream_find_person_async (upstream, "karl.otto@corp.example", NULL, NULL, got_result_cb, &result);
  person = wk_upstream_find_person_finish (upstream, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (person->email, ==, "karl.otto@corp.example");

  g_clear_object (&result);
  g_clear_pointer (&person, wk_upstream_person_free);
  wk_upstream_find_person_async (upstream, "nobody@corp.example", NULL, NULL, got_result_cb, &result);
  person = wk_upstream_find_person_finish (upstream, wait_for (&result), &error);
  g_assert_error (error, WK_ERROR, WK_ERROR_NOT_FOUND);
}

static void
test_bad_token (void)
{
  g_autoptr(WkUpstream) upstream = WK_UPSTREAM (wk_rt_upstream_new (rt->url, "wrong", "General", 10));
  g_autoptr(WkUpstreamTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;

  ticket = get_ticket (upstream, "1", &error);
  g_assert_error (error, WK_ERROR, WK_ERROR_UNAUTHORIZED);
}

/* A server that accepts connections and never answers. */
static void
test_hung_server_times_out (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkUpstream) upstream = NULL;
  g_autoptr(WkUpstreamTicket) ticket = NULL;
  g_autofree char *url = NULL;
  gint64 start;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  g_assert_true (g_socket_listen (socket, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u/REST/2.0",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  upstream = WK_UPSTREAM (wk_rt_upstream_new (url, "token", "General", 1));
  start = g_get_monotonic_time ();
  ticket = get_ticket (upstream, "1", &error);
  g_assert_error (error, WK_ERROR, WK_ERROR_UNAVAILABLE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

/* Last: RT stopped → UNAVAILABLE at once, never a hang. */
static void
test_stopped (void)
{
  g_autoptr(WkUpstream) upstream = new_upstream ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(WkUpstreamTicket) ticket = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, took;

  rt_test_stop_server (rt);

  start = g_get_monotonic_time ();
  wk_upstream_find_tickets_async (upstream, "priya.sharma@corp.example", NULL, got_result_cb, &result);
  tickets = wk_upstream_find_tickets_finish (upstream, wait_for (&result), &error);
  took = g_get_monotonic_time () - start;
  g_assert_error (error, WK_ERROR, WK_ERROR_UNAVAILABLE);
  g_assert_null (tickets);
  g_test_message ("refused after %" G_GINT64_FORMAT " ms: %s", took / 1000, error->message);
  g_assert_cmpint (took, <, G_USEC_PER_SEC);

  /* started again at the same address, the same connector works */
  rt_test_restart_server (rt);
  g_clear_error (&error);
  ticket = get_ticket (upstream, "1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (ticket);
}

static void
test_skip (void)
{
  g_test_skip ("Request Tracker 5 is not installed");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *skip = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  rt = rt_test_start (&skip);
  if (rt == NULL)
    {
      g_test_add_func ("/rt-upstream/skip", test_skip);
      return g_test_run ();
    }

  g_test_add_func ("/rt-upstream/find-tickets", test_find_tickets);
  g_test_add_func ("/rt-upstream/create-and-read", test_create_and_read);
  g_test_add_func ("/rt-upstream/update-with-version", test_update_with_version);
  g_test_add_func ("/rt-upstream/conflict", test_conflict);
  g_test_add_func ("/rt-upstream/ok-with-error-messages", test_ok_with_error_messages);
  g_test_add_func ("/rt-upstream/comment-and-correspond", test_comment_and_correspond);
  g_test_add_func ("/rt-upstream/find-person", test_find_person);
  g_test_add_func ("/rt-upstream/bad-token", test_bad_token);
  g_test_add_func ("/rt-upstream/hung-server-times-out", test_hung_server_times_out);
  g_test_add_func ("/rt-upstream/stopped", test_stopped);

  status = g_test_run ();
  rt_test_free (rt);
  return status;
}
