/* test-hub-idle.c — the real `walkup-hub serve` (http, then https) and
 * clients that close their kept-alive connection between requests, as
 * SoupSession does after its idle timeout: the hub closes its end too, so
 * its open descriptors (/proc/PID/fd) come back to what they were, while a
 * kept-alive connection that stays open still serves its next request.
 * (Over https, libsoup 3.2 keeps no connection alive: the hub closes each
 * after its answer, so there the test checks only the descriptors.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../common/wk-test-process.h"

#include <gio/gio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#define CLIENTS 40
#define SETTLE_S 5

/* How many descriptors @pid has open. */
static guint
count_fds (const char *pid)
{
  g_autofree char *path = g_build_filename ("/proc", pid, "fd", NULL);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static gboolean
accept_any_cb (GTlsConnection       *conn,
               GTlsCertificate      *peer_cert,
               GTlsCertificateFlags  errors,
               gpointer              user_data)
{
  return TRUE;   /* the test's own throw-away certificate */
}

static void
client_event_cb (GSocketClient      *client,
                 GSocketClientEvent  event,
                 GSocketConnectable *connectable,
                 GIOStream          *connection,
                 gpointer            user_data)
{
  if (event == G_SOCKET_CLIENT_TLS_HANDSHAKING)
    g_signal_connect (connection, "accept-certificate", G_CALLBACK (accept_any_cb), NULL);
}

static GIOStream *
connect_to (guint    port,
            gboolean tls)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GError) error = NULL;
  GSocketConnection *connection;

  g_socket_client_set_tls (client, tls);
  g_signal_connect (client, "event", G_CALLBACK (client_event_cb), NULL);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, &error);
  g_assert_no_error (error);
  return G_IO_STREAM (connection);
}

/* GET /healthz on @stream, read through @in; asserts a 200 with its body. */
static void
get_healthz (GIOStream        *stream,
             GDataInputStream *in)
{
  static const char request[] = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *body = NULL;
  gsize length = 0;
  gsize got = 0;

  g_output_stream_write_all (g_io_stream_get_output_stream (stream), request, strlen (request),
                             NULL, NULL, &error);
  g_assert_no_error (error);
  status = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (status);
  g_assert_true (g_str_has_prefix (status, "HTTP/1.1 200"));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (in, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (line);
      g_strchomp (line);
      if (*line == '\0')
        break;
      if (g_ascii_strncasecmp (line, "Content-Length:", 15) == 0)
        length = strtoul (line + 15, NULL, 10);
    }
  g_assert_cmpuint (length, >, 0);
  body = g_malloc0 (length + 1);
  g_input_stream_read_all (G_INPUT_STREAM (in), body, length, &got, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got, ==, length);
  g_assert_nonnull (strstr (body, "\"status\":\"ok\""));
}

static void
check_hub (gboolean tls)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), tls ? "https" : "http", NULL);
  g_autofree char *db = g_build_filename (dir, "hub.db", NULL);
  g_autofree char *cert = g_build_filename (dir, "hub.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "hub.key", NULL);
  g_autofree char *hub = wk_test_hub_binary ();
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GIOStream) kept = NULL;
  g_autoptr(GDataInputStream) kept_in = NULL;
  const char *pid;
  guint port;
  guint baseline;
  guint open_fds;
  gint64 deadline;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  wk_test_run ((const char *[]) { hub, "demo-data", "--db", db, "--seed", "3", "--people", "10",
                          "--tickets", "10", "--visits", "11", "--surveys", "1", "--days", "7", NULL });
  if (tls)
    {
      g_free (wk_test_make_certificate (dir, "hub"));   /* cert and key */
      server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, hub, "serve", "--db", db,
                                 "--listen", "127.0.0.1:0", "--tls-cert", cert, "--tls-key", key,
                                 NULL);
    }
  else
    server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, hub, "serve", "--db", db,
                               "--listen", "127.0.0.1:0", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_nonnull (strrchr (line, ':'));
  port = (guint) strtoul (strrchr (line, ':') + 1, NULL, 10);
  g_assert_cmpuint (port, >, 0);
  pid = g_subprocess_get_identifier (server);

  /* a client that keeps its connection (and warms the hub up) */
  kept = connect_to (port, tls);
  kept_in = g_data_input_stream_new (g_io_stream_get_input_stream (kept));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (kept_in), FALSE);
  get_healthz (kept, kept_in);
  if (tls)
    {
      g_io_stream_close (kept, NULL, NULL);
      g_clear_object (&kept_in);
      g_clear_object (&kept);
      g_usleep (G_USEC_PER_SEC / 2);
    }
  baseline = count_fds (pid);

  /* clients that ask, then close while their connection is idle */
  for (guint i = 0; i < CLIENTS; i++)
    {
      g_autoptr(GIOStream) stream = connect_to (port, tls);
      g_autoptr(GDataInputStream) in = g_data_input_stream_new (g_io_stream_get_input_stream (stream));

      g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (in), FALSE);
      get_healthz (stream, in);
      g_io_stream_close (stream, NULL, &error);
      g_assert_no_error (error);
    }

  /* the hub closes its ends: its descriptors come back to the baseline */
  deadline = g_get_monotonic_time () + SETTLE_S * G_USEC_PER_SEC;
  while ((open_fds = count_fds (pid)) > baseline && g_get_monotonic_time () < deadline)
    g_usleep (50 * 1000);
  g_test_message ("%s: %u descriptors before, %u after %d clients went away", tls ? "https" : "http",
                  baseline, open_fds, CLIENTS);
  g_assert_cmpuint (open_fds, <=, baseline);

  /* and the client that kept its connection, idle all that time, is served */
  if (tls)
    {
      kept = connect_to (port, tls);
      kept_in = g_data_input_stream_new (g_io_stream_get_input_stream (kept));
      g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (kept_in), FALSE);
    }
  get_healthz (kept, kept_in);

  g_subprocess_send_signal (server, SIGTERM);
  g_assert_true (g_subprocess_wait (server, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (server));
  g_assert_cmpint (g_subprocess_get_exit_status (server), ==, 0);
}

static void
test_http (void)
{
  check_hub (FALSE);
}

static void
test_https (void)
{
  check_hub (TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hub-idle/http", test_http);
  g_test_add_func ("/hub-idle/https", test_https);

  return g_test_run ();
}
