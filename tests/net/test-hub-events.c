/* test-hub-events.c — the WebSocket event stream /api/v1/events against a
 * real hub on 127.0.0.1 (tests/common/wk-test-hub.c), with libsoup's own
 * WebSocket client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../common/wk-test-hub.h"

#include "wk-db.h"
#include "wk-error.h"
#include "wk-event.h"
#include "wk-http.h"
#include "wk-hub-server.h"
#include "wk-json.h"

#include <string.h>

typedef struct {
  char        *db_path;
  WkTestHub   *hub;
  SoupSession *session;
  char        *kiosk;
  char        *engineer;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  f->db_path = g_build_filename (g_get_user_data_dir (), "events.db", NULL);
  db = wk_db_open (f->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (wk_db_exec (db,
                             "INSERT INTO lounge (id, name, location, timezone, opening_hours, phone)"
                             " VALUES (1, 'Tech Bar', 'HQ', 'UTC', '', '');",
                             &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  f->hub = wk_test_hub_start (f->db_path, 0);
  f->session = wk_http_session_new ("test", 30);
  f->kiosk = wk_test_hub_new_token (f->hub, WK_HUB_ROLE_KIOSK, "board", 0);
  f->engineer = wk_test_hub_new_token (f->hub, WK_HUB_ROLE_ENGINEER, "laptop", 0);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->session);
  if (f->hub != NULL)
    wk_test_hub_stop (f->hub);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_free (f->kiosk);
  g_free (f->engineer);
  g_free (f->db_path);
}

/* A guest check-in over HTTP (blocking). */
static void
check_in (Fixture *f)
{
  g_autofree char *uri = g_strdup_printf ("http://127.0.0.1:%u/api/v1/check-ins",
                                          wk_test_hub_get_port (f->hub));
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autofree char *auth = g_strdup_printf ("Bearer %s", f->kiosk);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *body = g_strdup_printf ("{\"uuid\":\"%s\",\"lounge_id\":1,\"identified_by\":\"guest\","
                                           "\"guest_name\":\"Gus Guest\",\"reason\":\"account\"}", uuid);
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  answer = soup_session_send_and_read (f->session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
}

/* ---- a listening client ----------------------------------------------------- */

typedef struct {
  SoupWebsocketConnection *conn;
  GPtrArray               *events;   /* of WkEvent */
  gint64                   hello;    /* -1 until the hello came */
  gboolean                 closed;
  gushort                  close_code;
  guint                    messages;
} Listener;

static void
listener_free (Listener *l)
{
  g_clear_object (&l->conn);
  g_ptr_array_unref (l->events);
  g_free (l);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Listener, listener_free)

static void
message_cb (SoupWebsocketConnection *conn,
            int                      type,
            GBytes                  *message,
            gpointer                 user_data)
{
  Listener *l = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(WkEvent) event = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (message, &length);
  gint64 cursor = -1;

  g_assert_cmpint (type, ==, SOUP_WEBSOCKET_DATA_TEXT);
  node = wk_json_parse (data, length, &error);
  g_assert_no_error (error);
  g_assert_true (wk_json_read_stream_message (node, &cursor, &event, &error));
  g_assert_no_error (error);
  if (l->messages++ == 0)
    {
      g_assert_null (event);
      l->hello = cursor;
      return;
    }
  g_assert_nonnull (event);
  g_ptr_array_add (l->events, g_steal_pointer (&event));
}

static void
closed_cb (SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  Listener *l = user_data;

  l->closed = TRUE;
  l->close_code = soup_websocket_connection_get_close_code (conn);
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Connects to /api/v1/events@query with @token (NULL: none); NULL with
 * *@status set when the hub refuses. */
static Listener *
listen_events (Fixture    *f,
               const char *query,
               const char *token,
               guint      *status)
{
  g_autofree char *uri = g_strdup_printf ("ws://127.0.0.1:%u/api/v1/events%s",
                                          wk_test_hub_get_port (f->hub), query);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *conn;
  Listener *l;

  if (token != NULL)
    {
      g_autofree char *auth = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  soup_session_websocket_connect_async (f->session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        got_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  conn = soup_session_websocket_connect_finish (f->session, result, &error);
  *status = soup_message_get_status (msg);
  if (conn == NULL)
    {
      g_assert_nonnull (error);
      return NULL;
    }
  g_assert_no_error (error);

  l = g_new0 (Listener, 1);
  l->conn = conn;
  l->events = g_ptr_array_new_with_free_func (g_object_unref);
  l->hello = -1;
  g_signal_connect (conn, "message", G_CALLBACK (message_cb), l);
  g_signal_connect (conn, "closed", G_CALLBACK (closed_cb), l);
  return l;
}

static void
wait_events (Listener *l,
             guint     n)
{
  while (l->events->len < n && !l->closed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (l->events->len, ==, n);
}

static void
close_listener (Listener *l)
{
  g_signal_handlers_disconnect_by_data (l->conn, l);
  if (soup_websocket_connection_get_state (l->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    {
      soup_websocket_connection_close (l->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      while (soup_websocket_connection_get_state (l->conn) != SOUP_WEBSOCKET_STATE_CLOSED)
        g_main_context_iteration (NULL, TRUE);
    }
}

/* ---- tests --------------------------------------------------------------------- */

static void
test_resume_and_live (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Listener) all = NULL;
  g_autoptr(Listener) resumed = NULL;
  g_autoptr(Listener) now = NULL;
  guint status = 0;

  for (int i = 0; i < 3; i++)
    check_in (f);

  /* from the start: the backlog in order */
  all = listen_events (f, "?after=0", f->engineer, &status);
  g_assert_nonnull (all);
  g_assert_cmpuint (status, ==, 101);
  wait_events (all, 3);
  g_assert_cmpint (all->hello, ==, 0);
  for (guint i = 0; i < 3; i++)
    {
      WkEvent *e = g_ptr_array_index (all->events, i);

      g_assert_cmpint (wk_event_get_id (e), ==, i + 1);
      g_assert_cmpstr (wk_event_get_kind (e), ==, "visit.checked_in");
    }

  /* resume by cursor: exactly what came after it; a kiosk token (the board) may listen */
  resumed = listen_events (f, "?after=2", f->kiosk, &status);
  g_assert_nonnull (resumed);
  wait_events (resumed, 1);
  g_assert_cmpint (resumed->hello, ==, 2);
  g_assert_cmpint (wk_event_get_id (g_ptr_array_index (resumed->events, 0)), ==, 3);

  /* from now on: the hello names the last event, then only live ones */
  now = listen_events (f, "", f->engineer, &status);
  g_assert_nonnull (now);
  while (now->hello < 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (now->hello, ==, 3);

  /* live */
  check_in (f);
  check_in (f);
  wait_events (all, 5);
  wait_events (resumed, 3);
  wait_events (now, 2);
  g_assert_cmpint (wk_event_get_id (g_ptr_array_index (now->events, 0)), ==, 4);
  g_assert_cmpint (wk_event_get_id (g_ptr_array_index (all->events, 4)), ==, 5);
  g_assert_cmpint (wk_event_get_id (g_ptr_array_index (resumed->events, 2)), ==, 5);

  /* keepalive pings are on */
  g_assert_cmpuint (WK_HUB_EVENTS_KEEPALIVE_S, >, 0);

  close_listener (all);
  close_listener (resumed);
  close_listener (now);

  /* a listener that left costs nothing: the hub keeps working */
  check_in (f);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  guint status = 0;
  Listener *l;

  /* no token */
  l = listen_events (f, "?after=0", NULL, &status);
  g_assert_null (l);
  g_assert_cmpuint (status, ==, 401);

  /* a forged token */
  l = listen_events (f, "?after=0", "wkt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &status);
  g_assert_null (l);
  g_assert_cmpuint (status, ==, 401);

  /* a token in the query is not a token */
  l = listen_events (f, "?after=0&access_token=xyz", NULL, &status);
  g_assert_null (l);
  g_assert_cmpuint (status, ==, 401);

  /* a bad cursor */
  l = listen_events (f, "?after=banana", f->engineer, &status);
  g_assert_null (l);
  g_assert_cmpuint (status, ==, 422);
}

static void
test_plain_get (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *uri = g_strdup_printf ("http://127.0.0.1:%u/api/v1/events?after=0",
                                          wk_test_hub_get_port (f->hub));
  g_autofree char *auth = g_strdup_printf ("Bearer %s", f->engineer);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(SoupMessage) get = soup_message_new ("GET", uri);
  g_autoptr(SoupMessage) post = soup_message_new ("POST", uri);
  g_autoptr(SoupMessage) anonymous = soup_message_new ("GET", uri);
  g_autoptr(JsonNode) node = NULL;

  /* a token but no handshake */
  soup_message_headers_replace (soup_message_get_request_headers (get), "Authorization", auth);
  answer = soup_session_send_and_read (f->session, get, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (get), ==, 400);
  node = wk_json_parse (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer), &error);
  g_assert_no_error (error);
  g_assert_true (wk_json_read_error (node, NULL));
  g_clear_pointer (&answer, g_bytes_unref);

  soup_message_headers_replace (soup_message_get_request_headers (post), "Authorization", auth);
  answer = soup_session_send_and_read (f->session, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (post), ==, 404);
  g_clear_pointer (&answer, g_bytes_unref);

  answer = soup_session_send_and_read (f->session, anonymous, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (anonymous), ==, 401);

  /* and the hub still serves */
  check_in (f);
}

static void
disconnect_hub (gpointer server,
                gpointer data)
{
  wk_hub_server_disconnect (server);
}

static void
test_shutdown_closes (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(Listener) l = NULL;
  guint status = 0;

  check_in (f);
  l = listen_events (f, "?after=0", f->engineer, &status);
  g_assert_nonnull (l);
  wait_events (l, 1);

  wk_test_hub_run (f->hub, disconnect_hub, NULL);
  while (!l->closed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (l->close_code, ==, SOUP_WEBSOCKET_CLOSE_GOING_AWAY);
  g_signal_handlers_disconnect_by_data (l->conn, l);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/hub/events/resume-and-live", test_resume_and_live);
  ADD ("/hub/events/refused", test_refused);
  ADD ("/hub/events/plain-get", test_plain_get);
  ADD ("/hub/events/shutdown-closes", test_shutdown_closes);
#undef ADD

  return g_test_run ();
}
