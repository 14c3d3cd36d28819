/* test-hub-kill.c — the real `walkup-hub serve` killed with SIGKILL while
 * 10 kiosk clients write
 *
 * Ten WkRemoteDesks, each with its own outbox file, make check-ins and
 * surveys concurrently against a `walkup-hub serve` subprocess; after 200
 * answers from the hub it is killed (SIGKILL: no shutdown, requests in
 * flight cut), the clients go on (answered provisionally from their
 * outboxes), the hub is started again on the same port and the outboxes
 * drain.  Then, in the hub's database: every write the hub acknowledged is
 * there with the id it answered, every write acknowledged locally is
 * there, and none is there twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../common/wk-test-process.h"
#include "wk-db.h"
#include "wk-error.h"
#include "wk-outbox.h"
#include "wk-remote-desk.h"
#include "wk-survey.h"
#include "wk-visit.h"

#include <signal.h>
#include <string.h>

#define N_CLIENTS         10
#define WRITES_PER_CLIENT 60
#define KILL_AFTER        200

typedef struct {
  char    *uuid;
  gboolean survey;
  gint64   id;        /* the hub's id, or 0: acknowledged by the outbox */
} Ack;

static void
ack_free (gpointer data)
{
  Ack *ack = data;

  g_free (ack->uuid);
  g_free (ack);
}

typedef struct _Run Run;

typedef struct {
  Run          *run;
  guint         index;
  WkRemoteDesk *desk;     /* owned */
  WkOutbox     *outbox;   /* owned */
  guint         made;
  char         *uuid;     /* owned: the write in flight */
} Client;

struct _Run {
  GPtrArray   *acks;      /* of Ack */
  GSubprocess *hub;       /* owned */
  guint        hub_acked;
  guint        active;
  gboolean     killed;
};

static char *
create_token (const char *db)
{
  g_autofree char *hub = wk_test_hub_binary ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, hub, "token", "create",
                              "--db", db, "--role", "kiosk", "--name", "door kiosk", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_strstrip (out);
  g_assert_true (g_str_has_prefix (out, "wkt_"));
  return out;
}

/* Starts `walkup-hub serve` on @port (0: any; a port just freed may take a
 * moment) and returns its URL in *@url. */
static GSubprocess *
start_hub (const char  *db,
           guint        port,
           char       **url)
{
  g_autofree char *hub = wk_test_hub_binary ();
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", port);
  const char *prefix = "walkup-hub listening on ";

  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GDataInputStream) out = NULL;
      g_autofree char *line = NULL;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                  &error, hub, "serve", "--db", db, "--listen", listen, NULL);
      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
      line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      g_assert_no_error (error);
      if (line != NULL && g_str_has_prefix (line, prefix))
        {
          *url = g_strdup (line + strlen (prefix));
          return g_steal_pointer (&process);
        }
      g_subprocess_wait (process, NULL, NULL);
      g_usleep (100 * 1000);
    }
  g_error ("walkup-hub did not start on port %u", port);
  return NULL;
}

static void client_next (Client *c);

static void
client_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Client *c = user_data;
  Run *run = c->run;
  g_autoptr(GError) error = NULL;
  Ack *ack = g_new0 (Ack, 1);

  ack->uuid = g_steal_pointer (&c->uuid);
  ack->survey = c->made % 2 == 0;
  if (ack->survey)
    {
      g_autoptr(WkSurvey) survey = wk_desk_submit_survey_finish (WK_DESK (source), result, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (wk_survey_get_uuid (survey), ==, ack->uuid);
      ack->id = wk_survey_get_id (survey);
    }
  else
    {
      g_autoptr(WkVisit) visit = wk_desk_check_in_finish (WK_DESK (source), result, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (wk_visit_get_uuid (visit), ==, ack->uuid);
      ack->id = wk_visit_get_id (visit);
    }
  g_ptr_array_add (run->acks, ack);
  if (ack->id > 0)
    run->hub_acked++;

  if (!run->killed && run->hub_acked >= KILL_AFTER)
    {
      g_test_message ("SIGKILL after %u answers from the hub", run->hub_acked);
      g_subprocess_send_signal (run->hub, SIGKILL);
      run->killed = TRUE;
    }
  client_next (c);
}

static void
client_next (Client *c)
{
  if (c->made == WRITES_PER_CLIENT)
    {
      c->run->active--;
      return;
    }
  c->made++;
  c->uuid = g_uuid_string_random ();
  if (c->made % 2 == 0)
    {
      g_autoptr(WkSurveyRequest) request = wk_survey_request_new ();

      request->uuid = g_strdup (c->uuid);
      request->lounge_id = 1;
      request->score = 1 + c->made % 5;
      request->anonymous = TRUE;
      request->kiosk = g_strdup_printf ("kiosk %u", c->index);
      wk_desk_submit_survey_async (WK_DESK (c->desk), request, NULL, client_done_cb, c);
    }
  else
    {
      g_autoptr(WkCheckInRequest) request = wk_check_in_request_new ();

      request->uuid = g_strdup (c->uuid);
      request->lounge_id = 1;
      request->identified_by = WK_IDENTIFIED_BY_GUEST;
      request->guest_name = g_strdup_printf ("Guest %u.%u", c->index, c->made);
      request->reason = g_strdup ("other");
      request->kiosk = g_strdup_printf ("kiosk %u", c->index);
      wk_desk_check_in_async (WK_DESK (c->desk), request, NULL, client_done_cb, c);
    }
}

static gint64
count_uuid (sqlite3    *db,
            const char *table_sql,
            const char *uuid,
            gint64     *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 count = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, table_sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *id = sqlite3_column_int64 (stmt, 0);
      count++;
    }
  return count;
}

static gint64
count_rows (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Drops the last reference to *@object and runs the main context until
 * whatever it still had under way is over and it is finalized. */
static void
unref_and_wait (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  while (weak != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_sigkill_while_writing (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "kill", NULL);
  g_autofree char *db_path = g_build_filename (dir, "lounge.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *url = NULL;
  g_autofree char *url2 = NULL;
  g_autoptr(GUri) uri = NULL;
  Client clients[N_CLIENTS] = { { 0, }, };
  Run run = { 0, };
  gboolean timed_out = FALSE;
  guint timeout_id, lost = 0, provisional = 0;
  sqlite3 *db;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = wk_db_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO lounge (id, name) VALUES (1, 'Main Lounge')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  token = create_token (db_path);

  run.acks = g_ptr_array_new_with_free_func (ack_free);
  run.hub = start_hub (db_path, 0, &url);
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("client-%u.db", i);
      g_autofree char *local = g_build_filename (dir, name, NULL);

      clients[i].run = &run;
      clients[i].index = i;
      clients[i].outbox = wk_outbox_new (local, &error);
      g_assert_no_error (error);
      clients[i].desk = wk_remote_desk_new (url, token, &error);
      g_assert_no_error (error);
      wk_remote_desk_set_outbox (clients[i].desk, clients[i].outbox);
    }

  /* all ten write at once, one write in flight each */
  timeout_id = g_timeout_add_seconds (120, timeout_cb, &timed_out);
  run.active = N_CLIENTS;
  for (guint i = 0; i < N_CLIENTS; i++)
    client_next (&clients[i]);
  while (run.active > 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_assert_true (run.killed);
  g_assert_cmpuint (run.acks->len, ==, N_CLIENTS * WRITES_PER_CLIENT);
  g_assert_true (g_subprocess_wait (run.hub, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (run.hub));
  g_assert_cmpint (g_subprocess_get_term_sig (run.hub), ==, SIGKILL);
  g_clear_object (&run.hub);

  /* the hub comes back where it was; the outboxes drain */
  run.hub = start_hub (db_path, (guint) g_uri_get_port (uri), &url2);
  g_assert_cmpstr (url2, ==, url);
  for (guint i = 0; i < N_CLIENTS; i++)
    wk_remote_desk_flush_outbox (clients[i].desk);
  for (guint i = 0; i < N_CLIENTS && !timed_out; i++)
    while (wk_remote_desk_get_pending_count (clients[i].desk) > 0 && !timed_out)
      g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);

  /* the hub's own file */
  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < run.acks->len; i++)
    {
      Ack *ack = g_ptr_array_index (run.acks, i);
      gint64 id = 0;
      gint64 count = count_uuid (db, ack->survey ? "SELECT id FROM survey WHERE uuid = ?"
                                                 : "SELECT id FROM visit WHERE uuid = ?",
                                 ack->uuid, &id);

      if (count != 1)
        lost++;
      g_assert_cmpint (count, ==, 1);
      if (ack->id > 0)
        g_assert_cmpint (id, ==, ack->id);
      else
        provisional++;
    }
  g_assert_cmpuint (lost, ==, 0);
  g_test_message ("%u acknowledged by the hub, %u by the outboxes", run.hub_acked, provisional);
  g_assert_cmpuint (run.hub_acked, >=, KILL_AFTER);
  g_assert_cmpuint (provisional, >, 0);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM visit"), ==,
                   N_CLIENTS * WRITES_PER_CLIENT / 2);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM survey"), ==,
                   N_CLIENTS * WRITES_PER_CLIENT / 2);
  sqlite3_close (db);

  for (guint i = 0; i < N_CLIENTS; i++)
    {
      unref_and_wait (clients[i].desk);
      unref_and_wait (clients[i].outbox);
    }
  g_subprocess_send_signal (run.hub, SIGTERM);
  g_assert_true (g_subprocess_wait (run.hub, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&run.hub);
  g_ptr_array_unref (run.acks);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hub-kill/sigkill-while-writing", test_sigkill_while_writing);

  return g_test_run ();
}
