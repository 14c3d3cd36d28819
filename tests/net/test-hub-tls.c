/* test-hub-tls.c — the real `walkup-hub serve --tls-cert --tls-key` on
 * 127.0.0.1 port 0 with a throw-away self-signed certificate made here by
 * openssl, and WkRemoteDesk over https: it works when told to trust that
 * certificate (wk_remote_desk_set_tls_ca_file(), what `walkup --hub-ca`
 * does), and refuses, saying why, with the system's authorities or
 * another certificate.  The event stream works over wss, a client that
 * connects and never starts its handshake holds nothing up, and the hub
 * stops at once on SIGTERM.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../common/wk-test-process.h"
#include "wk-check-in-request.h"
#include "wk-error.h"
#include "wk-event.h"
#include "wk-remote-desk.h"

#include <signal.h>
#include <string.h>

/* The same, returning what it printed (a line or two). */
static char *
run_output (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  if (!g_subprocess_get_if_exited (process) || g_subprocess_get_exit_status (process) != 0)
    g_error ("%s failed", argv[0]);
  return g_steal_pointer (&out);
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GListModel *
list_lounges (WkRemoteDesk  *desk,
              GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  wk_desk_list_lounges_async (WK_DESK (desk), NULL, got_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return wk_desk_list_lounges_finish (WK_DESK (desk), result, error);
}

static WkRemoteDesk *
desk_trusting (const char *base,
               const char *token,
               const char *ca_file)
{
  g_autoptr(GError) error = NULL;
  WkRemoteDesk *desk = wk_remote_desk_new (base, token, &error);

  g_assert_no_error (error);
  if (ca_file != NULL)
    {
      g_assert_true (wk_remote_desk_set_tls_ca_file (desk, ca_file, &error));
      g_assert_no_error (error);
    }
  return desk;
}

static void
event_cb (WkDesk   *desk,
          WkEvent  *event,
          gpointer  user_data)
{
  WkEvent **heard = user_data;

  if (*heard == NULL)
    *heard = g_object_ref (event);
}

static gboolean
too_long_cb (gpointer user_data)
{
  g_error ("%s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* A guest checks in through @desk; its event comes back over the stream. */
static void
assert_live_events (WkRemoteDesk *desk)
{
  g_autoptr(WkCheckInRequest) request = wk_check_in_request_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WkVisit) visit = NULL;
  g_autoptr(WkEvent) heard = NULL;
  g_autoptr(GError) error = NULL;
  guint subscription = wk_desk_subscribe (WK_DESK (desk), -1, event_cb, &heard, NULL);
  guint guard = g_timeout_add_seconds (30, too_long_cb, (gpointer) "no event over wss");

  request->uuid = g_uuid_string_random ();
  request->lounge_id = 1;
  request->identified_by = WK_IDENTIFIED_BY_GUEST;
  request->guest_name = g_strdup ("Test Guest");
  request->reason = g_strdup ("other");
  request->kiosk = g_strdup ("door");
  wk_desk_check_in_async (WK_DESK (desk), request, NULL, got_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  visit = wk_desk_check_in_finish (WK_DESK (desk), result, &error);
  g_assert_no_error (error);
  while (heard == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
  wk_desk_unsubscribe (WK_DESK (desk), subscription);
  g_assert_cmpstr (wk_event_get_kind (heard), ==, "visit.checked_in");
  g_assert_cmpint (wk_event_get_entity_id (heard), ==, wk_visit_get_id (visit));
}

static void
assert_refused (WkRemoteDesk *desk)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lounges = list_lounges (desk, &error);

  g_assert_null (lounges);
  g_assert_error (error, WK_ERROR, WK_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "TLS certificate is not trusted"));
  g_assert_false (wk_remote_desk_get_online (desk));
}

static void
test_https_hub (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "tls", NULL);
  g_autofree char *db = g_build_filename (dir, "hub.db", NULL);
  g_autofree char *hub = wk_test_hub_binary ();
  g_autofree char *cert = NULL;
  g_autofree char *key = NULL;
  g_autofree char *other = NULL;
  g_autofree char *token = NULL;
  g_autofree char *line = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) idle = NULL;
  g_autoptr(GAsyncResult) stopped = NULL;
  guint guard;
  const char *prefix = "walkup-hub listening on https://127.0.0.1:";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  cert = wk_test_make_certificate (dir, "hub");
  key = g_build_filename (dir, "hub.key", NULL);
  other = wk_test_make_certificate (dir, "other");
  wk_test_run ((const char *[]) { hub, "demo-data", "--db", db, "--seed", "3", "--people", "10",
                          "--tickets", "10", "--visits", "11", "--surveys", "1", "--days", "7", NULL });
  token = run_output ((const char *[]) { hub, "token", "create", "--db", db, "--role", "kiosk",
                                         "--name", "door", NULL });
  g_strstrip (token);

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             hub, "serve", "--db", db, "--listen", "127.0.0.1:0",
                             "--tls-cert", cert, "--tls-key", key, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, prefix));
  base = g_strdup (line + strlen ("walkup-hub listening on "));

  /* told to trust the hub's own certificate: works over https */
  {
    g_autoptr(WkRemoteDesk) desk = desk_trusting (base, token, cert);
    g_autoptr(GListModel) lounges = list_lounges (desk, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (lounges), >, 0);
    g_assert_true (wk_remote_desk_get_online (desk));
    assert_live_events (desk);
  }

  /* a client that connects and never says anything holds nothing up */
  idle = g_socket_client_connect_to_host (client, strrchr (base, '/') + 1, 0, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(WkRemoteDesk) desk = desk_trusting (base, token, cert);
    g_autoptr(GListModel) lounges = list_lounges (desk, &error);

    g_assert_no_error (error);
    g_assert_nonnull (lounges);
  }

  /* the system's authorities, or another certificate: refused, never sent */
  {
    g_autoptr(WkRemoteDesk) system = desk_trusting (base, token, NULL);
    g_autoptr(WkRemoteDesk) wrong = desk_trusting (base, token, other);

    assert_refused (system);
    assert_refused (wrong);
  }

  /* a file that is no certificate is a clear error at once */
  {
    g_autoptr(WkRemoteDesk) desk = desk_trusting (base, token, NULL);

    g_assert_false (wk_remote_desk_set_tls_ca_file (desk, db, &error));
    g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, db));
    g_clear_error (&error);
  }

  /* and the hub stops at once, with the idle client still connected */
  g_subprocess_send_signal (server, SIGTERM);
  guard = g_timeout_add_seconds (5, too_long_cb, (gpointer) "the hub did not stop on SIGTERM");
  g_subprocess_wait_async (server, NULL, got_result_cb, &stopped);
  while (stopped == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
  g_assert_true (g_subprocess_wait_finish (server, stopped, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (server));
  g_assert_cmpint (g_subprocess_get_exit_status (server), ==, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hub-tls/https-hub", test_https_hub);

  return g_test_run ();
}
