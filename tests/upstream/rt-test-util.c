/* rt-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rt-test-util.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static const char * const ticket_fields[] = { "Walk-up Category", "Pickup Location", "Pickup Status" };

static char *
fixture_path (void)
{
  const char *root = g_getenv ("WALKUP_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "tests", "upstream", "rt-fixture", NULL);
}

static gboolean
run_fixture (const char  *verb,
             const char  *dir,
             const char  *port,
             char       **out,
             int         *exit_status)
{
  g_autofree char *fixture = fixture_path ();
  g_autofree char *err = NULL;
  const char *argv[] = { fixture, verb, dir, port, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     out, &err, &wait_status, &error))
    g_error ("rt-fixture %s: %s", verb, error->message);
  *exit_status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (*exit_status != 0 && *exit_status != 77)
    g_printerr ("rt-fixture %s failed:\n%s\n", verb, err);
  return *exit_status == 0;
}

/* A process that outlives an abort: when this test program is gone, it
 * stops RT by the PID in DIR/server.pid (rt-fixture stop) and removes DIR. */
static void
spawn_reaper (const char *dir)
{
  g_autofree char *fixture = fixture_path ();
  g_autofree char *script = NULL;
  g_autofree char *quoted_fixture = g_shell_quote (fixture);
  g_autofree char *quoted_dir = g_shell_quote (dir);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "setsid", "/bin/sh", "-c", NULL, NULL };

  script = g_strdup_printf ("while kill -0 %d 2>/dev/null; do sleep 0.5; done; "
                            "%s stop %s >/dev/null 2>&1; rm -rf %s",
                            (int) getpid (), quoted_fixture, quoted_dir, quoted_dir);
  argv[3] = script;
  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, NULL, &error))
    g_error ("reaper: %s", error->message);
}

RtTest *
rt_test_start (char **skip_reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *token_path = NULL;
  RtTest *rt;
  int status;

  rt = g_new0 (RtTest, 1);
  rt->dir = g_dir_make_tmp ("walkup-rt-XXXXXX", &error);
  g_assert_no_error (error);
  spawn_reaper (rt->dir);

  if (!run_fixture ("start", rt->dir, NULL, &out, &status))
    {
      if (status == 77)
        {
          *skip_reason = g_strdup ("Request Tracker 5 is not installed");
          rt_test_free (rt);
          return NULL;
        }
      g_error ("could not start Request Tracker");
    }
  rt->url = g_strdup (g_strstrip (out));
  token_path = g_build_filename (rt->dir, "token", NULL);
  g_file_get_contents (token_path, &rt->token, NULL, &error);
  g_assert_no_error (error);
  g_strstrip (rt->token);
  rt->session = soup_session_new_with_options ("timeout", 60, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ticket_fields); i++)
    {
      g_autofree char *body = g_strdup_printf ("{\"Name\":\"%s\",\"Type\":\"Freeform\",\"MaxValues\":1,"
                                               "\"LookupType\":\"RT::Queue-RT::Ticket\",\"Queue\":\"General\"}",
                                               ticket_fields[i]);
      g_autoptr(JsonNode) node = rt_test_call (rt, "POST", "/customfield", body, (guint *) &status);

      g_assert_cmpint (status, ==, 201);
    }
  return rt;
}

void
rt_test_stop_server (RtTest *rt)
{
  int status;

  run_fixture ("stop", rt->dir, NULL, NULL, &status);
  g_assert_cmpint (status, ==, 0);
}

void
rt_test_restart_server (RtTest *rt)
{
  g_autofree char *out = NULL;
  g_autoptr(GUri) uri = g_uri_parse (rt->url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *port = NULL;
  int status;

  /* the same port, so that the connector's URL stays right */
  g_assert_nonnull (uri);
  port = g_strdup_printf ("%d", g_uri_get_port (uri));
  if (!run_fixture ("start", rt->dir, port, &out, &status))
    g_error ("could not restart Request Tracker");
  g_assert_cmpstr (g_strstrip (out), ==, rt->url);
}

void
rt_test_free (RtTest *rt)
{
  int status;

  if (rt == NULL)
    return;
  if (rt->url != NULL)
    run_fixture ("stop", rt->dir, NULL, NULL, &status);
  g_clear_object (&rt->session);
  g_free (rt->dir);
  g_free (rt->url);
  g_free (rt->token);
  g_free (rt);
}

JsonNode *
rt_test_call (RtTest     *rt,
              const char *method,
              const char *path,
              const char *json_body,
              guint      *status)
{
  g_autofree char *url = g_strconcat (rt->url, path, NULL);
  g_autofree char *auth = g_strconcat ("token ", rt->token, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_nonnull (msg);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (json_body != NULL)
    {
      g_autoptr(GBytes) body = g_bytes_new (json_body, strlen (json_body));

      soup_message_set_request_body_from_bytes (msg, "application/json", body);
    }
  bytes = soup_session_send_and_read (rt->session, msg, NULL, &error);
  g_assert_no_error (error);
  if (status != NULL)
    *status = soup_message_get_status (msg);
  if (g_bytes_get_size (bytes) == 0 ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

char *
rt_test_create_ticket (RtTest     *rt,
                       const char *requestor,
                       const char *subject)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *body = NULL;
  guint status;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Queue");
  json_builder_add_string_value (builder, "General");
  json_builder_set_member_name (builder, "Subject");
  json_builder_add_string_value (builder, subject);
  json_builder_set_member_name (builder, "Requestor");
  json_builder_add_string_value (builder, requestor);
  json_builder_set_member_name (builder, "Content");
  json_builder_add_string_value (builder, "Called the service desk.");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);

  answer = rt_test_call (rt, "POST", "/ticket", body, &status);
  g_assert_cmpuint (status, ==, 201);
  g_assert_nonnull (answer);
  return g_strdup (json_object_get_string_member (json_node_get_object (answer), "id"));
}

void
rt_test_create_user (RtTest     *rt,
                     const char *name,
                     const char *email,
                     const char *real_name,
                     const char *badge)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *body = NULL;
  guint status;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "EmailAddress");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "RealName");
  json_builder_add_string_value (builder, real_name);
  if (badge != NULL)
    {
      json_builder_set_member_name (builder, "CustomFields");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "Badge");
      json_builder_add_string_value (builder, badge);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = json_to_string (root, FALSE);

  answer = rt_test_call (rt, "POST", "/user", body, &status);
  g_assert_cmpuint (status, ==, 201);
}

static gboolean
transaction_mentions (RtTest     *rt,
                      const char *transaction,
                      const char *needle)
{
  g_autofree char *path = g_strdup_printf ("/transaction/%s/attachments?fields=Content", transaction);
  g_autoptr(JsonNode) node = rt_test_call (rt, "GET", path, NULL, NULL);
  JsonArray *items;

  g_assert_nonnull (node);
  items = json_object_get_array_member (json_node_get_object (node), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *content = json_object_has_member (item, "Content")
                            ? json_object_get_string_member (item, "Content") : NULL;

      if (content != NULL && strstr (content, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

guint
rt_test_count_transactions (RtTest     *rt,
                            const char *id,
                            const char *type,
                            const char *needle)
{
  guint count = 0;

  for (int page = 1; ; page++)
    {
      g_autofree char *path = g_strdup_printf ("/ticket/%s/history?fields=Type&per_page=100&page=%d",
                                               id, page);
      g_autoptr(JsonNode) node = rt_test_call (rt, "GET", path, NULL, NULL);
      JsonArray *items;

      g_assert_nonnull (node);
      items = json_object_get_array_member (json_node_get_object (node), "items");
      if (json_array_get_length (items) == 0)
        break;
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);

          if (g_strcmp0 (json_object_get_string_member (item, "Type"), type) != 0)
            continue;
          if (needle == NULL ||
              transaction_mentions (rt, json_object_get_string_member (item, "id"), needle))
            count++;
        }
      if (json_array_get_length (items) < 100)
        break;
    }
  return count;
}

char *
rt_test_ticket_field (RtTest     *rt,
                      const char *id,
                      const char *field)
{
  g_autofree char *path = g_strdup_printf ("/ticket/%s", id);
  g_autoptr(JsonNode) node = rt_test_call (rt, "GET", path, NULL, NULL);
  JsonObject *object;

  g_assert_nonnull (node);
  object = json_node_get_object (node);
  if (g_str_has_prefix (field, "CF:"))
    {
      JsonArray *cfs = json_object_get_array_member (object, "CustomFields");

      for (guint i = 0; i < json_array_get_length (cfs); i++)
        {
          JsonObject *cf = json_array_get_object_element (cfs, i);
          JsonArray *values = json_object_get_array_member (cf, "values");

          if (g_strcmp0 (json_object_get_string_member (cf, "name"), field + 3) == 0)
            return json_array_get_length (values) > 0
                   ? g_strdup (json_array_get_string_element (values, 0)) : NULL;
        }
      return NULL;
    }
  return g_strdup (json_object_get_string_member (object, field));
}

guint
rt_test_count_tickets (RtTest     *rt,
                       const char *query)
{
  g_autofree char *escaped = g_uri_escape_string (query, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/tickets?query=%s&per_page=100", escaped);
  g_autoptr(JsonNode) node = rt_test_call (rt, "GET", path, NULL, NULL);

  g_assert_nonnull (node);
  return (guint) json_object_get_int_member (json_node_get_object (node), "total");
}
