/* test-hub-cli.c — the real `walkup-hub` program: user add, token create,
 * serve on 127.0.0.1 port 0, a client, then SIGTERM and a clean exit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../common/wk-test-process.h"
#include "wk-http.h"
#include "wk-json.h"

#include <signal.h>
#include <string.h>

/* Runs walkup-hub with @args and @input on stdin; returns its stdout. */
static char *
run_hub (const char * const *args,
         const char         *input,
         int                 expected_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, wk_test_hub_binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, input, NULL, &out, &err, &error));
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) != expected_status)
    g_error ("%s: exit %d, expected %d: %s", args[0], g_subprocess_get_exit_status (process),
             expected_status, err);
  return g_steal_pointer (&out);
}

static guint
send_json (SoupSession *session,
           const char  *method,
           const char  *uri,
           const char  *token,
           const char  *body,
           JsonNode   **answer)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (token != NULL)
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", request);
    }
  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  if (answer != NULL)
    *answer = wk_json_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  return soup_message_get_status (msg);
}

static void
test_commands_and_serve (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "hub", NULL);
  g_autofree char *db = g_build_filename (dir, "lounge.db", NULL);
  g_autofree char *password_file = g_build_filename (dir, "password", NULL);
  g_autofree char *hub = wk_test_hub_binary ();
  g_autofree char *token = NULL;
  g_autofree char *line = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(SoupSession) session = wk_http_session_new ("test", 30);
  const char *prefix = "walkup-hub listening on http://127.0.0.1:";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  /* passwords come from stdin or a file, never argv */
  {
    const char *add[] = { "user", "add", "--db", db, "--email", "lena@example.com", "--name",
                          "Lena Lead", "--role", "lead", NULL };
    const char *add_file[] = { "user", "add", "--db", db, "--email", "sam@example.com", "--name",
                               "Sam", "--role", "engineer", "--password-file", password_file, NULL };
    const char *bad_role[] = { "user", "add", "--db", db, "--email", "v@example.com", "--name", "V",
                               "--role", "visitor", NULL };
    g_autofree char *o1 = run_hub (add, "lead-password-123\n", 0);
    g_autofree char *o2 = NULL;
    /* refused before the password is read: nothing on stdin, so no broken pipe */
    g_autofree char *o3 = run_hub (bad_role, NULL, 2);
    g_autofree char *o4 = run_hub (add, "short\n", 2);

    g_assert_true (g_file_set_contents (password_file, "engineer-password-1\n", -1, &error));
    o2 = run_hub (add_file, NULL, 0);
    g_assert_nonnull (strstr (o1, "lena@example.com"));
  }
  {
    const char *create[] = { "token", "create", "--db", db, "--role", "kiosk", "--name", "door", NULL };
    const char *bad[] = { "token", "create", "--db", db, "--role", "root", "--name", "x", NULL };
    g_autofree char *o = run_hub (bad, NULL, 2);

    token = run_hub (create, NULL, 0);
    g_strstrip (token);
    g_assert_true (g_str_has_prefix (token, "wkt_"));
  }

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, hub, "serve", "--db", db,
                             "--listen", "127.0.0.1:0", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, prefix));
  base = g_strdup (line + strlen ("walkup-hub listening on "));

  {
    g_autofree char *healthz = g_strconcat (base, "/healthz", NULL);
    g_autofree char *sign_in = g_strconcat (base, "/api/v1/sign-in", NULL);
    g_autofree char *lounges = g_strconcat (base, "/api/v1/lounges", NULL);
    g_autofree char *feedback = g_strconcat (base, "/api/v1/feedback", NULL);
    g_autoptr(JsonNode) session_node = NULL;
    g_autoptr(JsonNode) items = NULL;
    const char *lead_token;

    g_assert_cmpuint (send_json (session, "GET", healthz, NULL, NULL, NULL), ==, 200);
    g_assert_cmpuint (send_json (session, "POST", sign_in, NULL,
                                 "{\"login\":\"lena@example.com\",\"password\":\"lead-password-123\"}",
                                 &session_node), ==, 200);
    lead_token = json_object_get_string_member (json_node_get_object (session_node), "token");
    g_assert_cmpuint (send_json (session, "GET", feedback, lead_token, NULL, &items), ==, 200);
    g_assert_cmpuint (send_json (session, "POST", sign_in, NULL,
                                 "{\"login\":\"sam@example.com\",\"password\":\"engineer-password-1\"}",
                                 NULL), ==, 200);
    g_assert_cmpuint (send_json (session, "GET", lounges, token, NULL, NULL), ==, 200);
    g_assert_cmpuint (send_json (session, "GET", feedback, token, NULL, NULL), ==, 403);
  }

  g_subprocess_send_signal (server, SIGTERM);
  g_assert_true (g_subprocess_wait (server, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (server));
  g_assert_cmpint (g_subprocess_get_exit_status (server), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hub-cli/commands-and-serve", test_commands_and_serve);

  return g_test_run ();
}
