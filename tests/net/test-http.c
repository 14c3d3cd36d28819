/* test-http.c — the session factory and status mapping, against a real
 * SoupServer on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-error.h"
#include "wk-http.h"

#include <string.h>

typedef struct {
  SoupServer *server;
  GUri       *base;
  char       *last_user_agent;
} Fixture;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  guint status;

  g_free (fixture->last_user_agent);
  fixture->last_user_agent = g_strdup (soup_message_headers_get_one (headers, "User-Agent"));

  /* /status/NNN answers NNN */
  if (g_str_has_prefix (path, "/status/"))
    status = (guint) g_ascii_strtoull (path + strlen ("/status/"), NULL, 10);
  else
    status = SOUP_STATUS_OK;

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "ok", 2);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  g_assert_true (soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  g_assert_nonnull (uris);
  fixture->base = g_uri_ref (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  g_assert_cmpstr (g_uri_get_host (fixture->base), ==, "127.0.0.1");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->base, g_uri_unref);
  g_clear_pointer (&fixture->last_user_agent, g_free);
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;
  *out = g_object_ref (result);
}

/* Sends GET PATH through @session and returns the status. */
static guint
get (Fixture     *fixture,
     SoupSession *session,
     const char  *path)
{
  g_autoptr(GUri) uri = g_uri_parse_relative (fixture->base, path, G_URI_FLAGS_NONE, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new_from_uri ("GET", uri);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, send_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  body = soup_session_send_and_read_finish (session, result, &error);
  g_assert_no_error (error);
  return soup_message_get_status (msg);
}

static void
test_user_agent (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SoupSession) session = wk_http_session_new ("hub-client", 0);
  g_autofree char *expected = g_strdup_printf ("walkup/%s (hub-client)", PACKAGE_VERSION);

  g_assert_cmpuint (soup_session_get_timeout (session), ==, WK_HTTP_DEFAULT_TIMEOUT_S);
  g_assert_cmpuint (get (fixture, session, "/"), ==, 200);
  g_assert_cmpstr (fixture->last_user_agent, ==, expected);
}

static void
test_status_mapping (Fixture       *fixture,
                     gconstpointer  data)
{
  static const struct { guint status; int code; } cases[] = {
    { 400, WK_ERROR_INVALID },
    { 401, WK_ERROR_UNAUTHORIZED },
    { 403, WK_ERROR_FORBIDDEN },
    { 404, WK_ERROR_NOT_FOUND },
    { 409, WK_ERROR_CONFLICT },
    { 412, WK_ERROR_CONFLICT },
    { 413, WK_ERROR_TOO_LARGE },
    { 422, WK_ERROR_INVALID },
    { 429, WK_ERROR_RATE_LIMITED },
    { 500, WK_ERROR_UNAVAILABLE },
    { 503, WK_ERROR_UNAVAILABLE },
  };
  g_autoptr(SoupSession) session = wk_http_session_new ("test", 5);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/status/%u", cases[i].status);
      g_autoptr(GError) error = NULL;
      guint status = get (fixture, session, path);

      g_assert_cmpuint (status, ==, cases[i].status);
      g_assert_false (wk_http_status_to_error (status, NULL, &error));
      g_assert_error (error, WK_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, path + strlen ("/status/")));
    }

  g_assert_true (wk_http_status_to_error (get (fixture, session, "/status/204"), NULL, NULL));
}

static void
test_error_to_status_round_trip (void)
{
  static const int codes[] = {
    WK_ERROR_INVALID, WK_ERROR_UNAUTHORIZED, WK_ERROR_FORBIDDEN, WK_ERROR_NOT_FOUND,
    WK_ERROR_CONFLICT, WK_ERROR_TOO_LARGE, WK_ERROR_RATE_LIMITED, WK_ERROR_UNAVAILABLE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (WK_ERROR, codes[i], "x");
      g_autoptr(GError) back = NULL;
      guint status = wk_http_status_for_error (error);

      g_assert_false (wk_http_status_to_error (status, "told", &back));
      g_assert_error (back, WK_ERROR, codes[i]);
      g_assert_cmpstr (back->message, ==, "told");
      g_assert_cmpint (wk_error_from_code (wk_error_to_code (codes[i])), ==, codes[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/http/user-agent", Fixture, NULL, fixture_setup, test_user_agent, fixture_teardown);
  g_test_add ("/http/status-mapping", Fixture, NULL, fixture_setup, test_status_mapping, fixture_teardown);
  g_test_add_func ("/http/error-round-trip", test_error_to_status_round_trip);

  return g_test_run ();
}
