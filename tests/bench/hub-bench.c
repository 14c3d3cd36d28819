/* hub-bench.c — the hub under 32 concurrent keep-alive clients on loopback
 *
 * Starts the real `walkup-hub serve` (its path is the first argument) on a
 * fresh database with 1,000 badge holders, then runs a load generator of
 * our own on libsoup: 32 clients, each its own SoupSession (one keep-alive
 * connection) with one request in flight, for a fixed time per phase:
 * guest check-ins (POST /api/v1/check-ins, a new UUID each), then badge
 * look-ups (POST /api/v1/identify).  Prints NAME VALUE lines:
 * checkin_per_s, checkin_p99_ms, identify_per_s, identify_p99_ms, and
 * checkin_hub_cpu_us, identify_hub_cpu_us: the hub's CPU time (all its
 * threads, /proc) per answered request, which a machine busy with other
 * work does not inflate.
 *
 * Then, in a child process (`hub-bench --rt`: a Request Tracker that does
 * not start ends only that child), the same requester look-up against the
 * tests' real Request Tracker 5 (tests/upstream/rt-fixture), by the same 32
 * clients: RT's REST 2.0 user by email, then the user's active tickets by
 * TicketSQL, as the RT connector asks them: rt_identify_per_s (look-ups,
 * two requests each), rt_identify_p99_ms and hub_vs_rt_ratio
 * (identify_per_s ÷ rt_identify_per_s).  Without RT, one "# … skipped" line.
 *
 * Targets (issue 7): ≥ 2,000 check-ins/s, p99 ≤ 20 ms, ≥ 5,000 identifies/s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rt-test-util.h"
#include "wk-db.h"
#include "wk-http.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define N_CLIENTS   32
#define N_PEOPLE    1000
#define PHASE_S     5
#define RT_PEOPLE   8     /* requesters seeded in RT, two tickets each */

typedef enum {
  PHASE_CHECK_IN,
  PHASE_IDENTIFY,
  PHASE_RT_IDENTIFY,
} Phase;

typedef struct _Bench Bench;

typedef struct {
  Bench       *bench;
  SoupSession *session;     /* owned */
  SoupMessage *msg;         /* owned: in flight */
  gint64       started_us;
  int          person;      /* RT: the requester being looked up */
  gboolean     tickets;     /* RT: the second request (the tickets) */
} Client;

struct _Bench {
  char    *url;
  char    *auth;            /* "Bearer …" */
  Phase    phase;
  gint64   until_us;
  guint    active;
  guint    failures;
  GArray  *latencies_us;    /* of gint64 */
  GRand   *rand;
  GPid     hub_pid;         /* 0 for RT */
};

static void client_next    (Client       *c);
static void client_done_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data);

/* RT's REST 2.0: the user by email, then their active tickets with the
 * fields the RT connector asks for (app/net/wk-rt-upstream.c) */
static void
rt_send (Client *c)
{
  Bench *bench = c->bench;
  g_autofree char *email = g_strdup_printf ("bench.%d@corp.example", c->person);
  g_autofree char *uri = NULL;

  if (!c->tickets)
    uri = g_strdup_printf ("%s/user/%s", bench->url, email);
  else
    {
      g_autofree char *sql = g_strdup_printf ("Requestor.EmailAddress = '%s' AND Status = '__Active__'",
                                              email);
      g_autofree char *query = g_uri_escape_string (sql, NULL, FALSE);

      uri = g_strdup_printf ("%s/tickets?query=%s&fields=Subject,Status,Owner,Queue,Requestor,"
                             "LastUpdated,Created,CustomFields&per_page=100", bench->url, query);
    }
  c->msg = soup_message_new ("GET", uri);
  soup_message_headers_replace (soup_message_get_request_headers (c->msg), "Authorization",
                                bench->auth);
  soup_session_send_and_read_async (c->session, c->msg, G_PRIORITY_DEFAULT, NULL,
                                    client_done_cb, c);
}

static void
client_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Client *c = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  gint64 latency = g_get_monotonic_time () - c->started_us;

  if (bytes == NULL || soup_message_get_status (c->msg) != SOUP_STATUS_OK)
    {
      if (c->bench->failures++ == 0)
        g_printerr ("first failure: HTTP %u %s\n", soup_message_get_status (c->msg),
                    error != NULL ? error->message : "");
    }
  else if (c->bench->phase == PHASE_RT_IDENTIFY && !c->tickets)
    {
      /* the user is known: now their tickets, within the same look-up */
      g_clear_object (&c->msg);
      c->tickets = TRUE;
      rt_send (c);
      return;
    }
  else
    g_array_append_val (c->bench->latencies_us, latency);
  g_clear_object (&c->msg);
  client_next (c);
}

static void
client_next (Client *c)
{
  Bench *bench = c->bench;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = NULL;
  char *body;

  if (g_get_monotonic_time () >= bench->until_us)
    {
      bench->active--;
      return;
    }

  if (bench->phase == PHASE_RT_IDENTIFY)
    {
      c->person = g_rand_int_range (bench->rand, 1, RT_PEOPLE + 1);
      c->tickets = FALSE;
      c->started_us = g_get_monotonic_time ();
      rt_send (c);
      return;
    }
  if (bench->phase == PHASE_CHECK_IN)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      uri = g_strconcat (bench->url, "/api/v1/check-ins", NULL);
      body = g_strdup_printf ("{\"uuid\":\"%s\",\"lounge_id\":1,\"identified_by\":\"guest\","
                              "\"guest_name\":\"Bench Guest\",\"reason\":\"other\"}", uuid);
    }
  else
    {
      uri = g_strconcat (bench->url, "/api/v1/identify", NULL);
      body = g_strdup_printf ("{\"by\":\"badge\",\"value\":\"B%05d\"}",
                              g_rand_int_range (bench->rand, 1, N_PEOPLE + 1));
    }
  bytes = g_bytes_new_take (body, strlen (body));
  c->msg = soup_message_new ("POST", uri);
  soup_message_headers_replace (soup_message_get_request_headers (c->msg), "Authorization",
                                bench->auth);
  soup_message_set_request_body_from_bytes (c->msg, "application/json", bytes);
  /* as WkRemoteDesk: both are safe to send again (a check-in carries its
   * UUID), so libsoup keeps the connection alive instead of opening a new
   * one per POST */
  soup_message_add_flags (c->msg, SOUP_MESSAGE_IDEMPOTENT);
  c->started_us = g_get_monotonic_time ();
  soup_session_send_and_read_async (c->session, c->msg, G_PRIORITY_DEFAULT, NULL,
                                    client_done_cb, c);
}

static int
compare_us (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* CPU seconds of process @pid so far, all its threads (utime + stime) */
static double
process_cpu_s (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *text = NULL;
  unsigned long utime = 0, stime = 0;
  const char *p;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (p = strrchr (text, ')')) == NULL ||
      sscanf (p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
    return -1;
  return (utime + stime) / (double) sysconf (_SC_CLK_TCK);
}

/* Runs one phase; returns its requests per second. */
static double
run_phase (Bench      *bench,
           Client     *clients,
           Phase       phase,
           const char *name)
{
  gint64 started = g_get_monotonic_time ();
  double cpu = bench->hub_pid != 0 ? process_cpu_s (bench->hub_pid) : -1;
  double seconds, p99_ms = 0;

  bench->phase = phase;
  bench->failures = 0;
  g_array_set_size (bench->latencies_us, 0);
  bench->until_us = started + PHASE_S * G_USEC_PER_SEC;
  bench->active = N_CLIENTS;
  for (guint i = 0; i < N_CLIENTS; i++)
    client_next (&clients[i]);
  while (bench->active > 0)
    g_main_context_iteration (NULL, TRUE);
  seconds = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;

  g_array_sort (bench->latencies_us, compare_us);
  if (bench->latencies_us->len > 0)
    p99_ms = g_array_index (bench->latencies_us, gint64,
                            (guint) (bench->latencies_us->len * 0.99) <
                            bench->latencies_us->len ?
                            (guint) (bench->latencies_us->len * 0.99) :
                            bench->latencies_us->len - 1) / 1000.0;
  g_print ("%s_per_s %.0f\n", name, bench->latencies_us->len / seconds);
  g_print ("%s_p99_ms %.2f\n", name, p99_ms);
  if (cpu >= 0 && bench->latencies_us->len > 0)
    g_print ("%s_hub_cpu_us %.0f\n", name,
             (process_cpu_s (bench->hub_pid) - cpu) * 1e6 / bench->latencies_us->len);
  if (bench->failures > 0)
    g_print ("%s_failures %u\n", name, bench->failures);
  return bench->latencies_us->len / seconds;
}

static void
seed (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = wk_db_open (path, &error);

  if (db == NULL)
    g_error ("%s", error->message);
  sqlite3_exec (db, "BEGIN; INSERT INTO lounge (id, name) VALUES (1, 'Bench Lounge');",
                NULL, NULL, NULL);
  sqlite3_prepare_v2 (db,
                      "INSERT INTO person (badge_id, display_name, created_at, updated_at)"
                      " VALUES (?, ?, 0, 0)", -1, &stmt, NULL);
  for (int i = 1; i <= N_PEOPLE; i++)
    {
      g_autofree char *badge = g_strdup_printf ("B%05d", i);
      g_autofree char *name = g_strdup_printf ("Person %d", i);

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, badge, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_error ("seeding: %s", sqlite3_errmsg (db));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
}

/* `hub-bench --rt`: the look-up against RT; prints its figures, or one
 * "# … skipped" line when RT is not installed. */
static int
rt_main (void)
{
  g_autofree char *skip = NULL;
  Client clients[N_CLIENTS] = { { 0, }, };
  Bench bench = { 0, };
  RtTest *rt;

  rt = rt_test_start (&skip);
  if (rt == NULL)
    {
      g_print ("# rt_identify_per_s, hub_vs_rt_ratio skipped: %s\n", skip);
      return 0;
    }
  for (int i = 1; i <= RT_PEOPLE; i++)
    for (int j = 0; j < 2; j++)
      {
        g_autofree char *email = g_strdup_printf ("bench.%d@corp.example", i);
        g_autofree char *subject = g_strdup_printf ("Bench ticket %d of %d", j + 1, i);

        g_free (rt_test_create_ticket (rt, email, subject));
      }

  bench.url = g_strdup (rt->url);
  bench.auth = g_strdup_printf ("token %s", rt->token);
  bench.latencies_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.rand = g_rand_new_with_seed (7);
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      clients[i].bench = &bench;
      clients[i].session = wk_http_session_new ("bench", 60);
    }
  run_phase (&bench, clients, PHASE_RT_IDENTIFY, "rt_identify");

  for (guint i = 0; i < N_CLIENTS; i++)
    g_clear_object (&clients[i].session);
  g_array_unref (bench.latencies_us);
  g_rand_free (bench.rand);
  g_free (bench.url);
  explicit_bzero (bench.auth, strlen (bench.auth));
  g_free (bench.auth);
  rt_test_free (rt);
  return 0;
}

/* Runs `hub-bench --rt` and passes its lines on, with the ratio. */
static void
compare_with_rt (const char *self,
                 double      identify_per_s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  double rt_per_s = -1;

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, self, "--rt", NULL);
  if (child == NULL || !g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error))
    {
      g_print ("# rt_identify_per_s, hub_vs_rt_ratio skipped: %s\n", error->message);
      return;
    }
  lines = g_strsplit (out != NULL ? out : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      g_print ("%s\n", lines[i]);
      if (g_str_has_prefix (lines[i], "rt_identify_per_s "))
        rt_per_s = g_ascii_strtod (lines[i] + strlen ("rt_identify_per_s "), NULL);
    }
  if (!g_subprocess_get_successful (child))
    g_print ("# rt_identify_per_s, hub_vs_rt_ratio skipped: Request Tracker 5 did not start"
             " or failed (see its messages above)\n");
  else if (rt_per_s > 0)
    g_print ("hub_vs_rt_ratio %.1f\n", identify_per_s / rt_per_s);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *token = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GSubprocess) hub = NULL;
  g_autoptr(GSubprocess) create = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  Client clients[N_CLIENTS] = { { 0, }, };
  Bench bench = { 0, };
  const char *prefix = "walkup-hub listening on ";

  double identify_per_s;

  if (argc == 2 && strcmp (argv[1], "--rt") == 0)
    return rt_main ();
  if (argc < 2)
    g_error ("usage: hub-bench PATH-TO-WALKUP-HUB");

  dir = g_dir_make_tmp ("hub-bench-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "lounge.db", NULL);
  seed (db);

  create = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, argv[1], "token", "create",
                             "--db", db, "--role", "kiosk", "--name", "bench", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (create, NULL, NULL, &token, NULL, &error));
  g_assert_no_error (error);
  g_strstrip (token);

  hub = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                          argv[1], "serve", "--db", db, "--listen", "127.0.0.1:0", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (hub));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  if (line == NULL || !g_str_has_prefix (line, prefix))
    g_error ("walkup-hub did not start");

  bench.url = g_strdup (line + strlen (prefix));
  bench.auth = g_strdup_printf ("Bearer %s", token);
  bench.latencies_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  bench.rand = g_rand_new_with_seed (7);
  for (guint i = 0; i < N_CLIENTS; i++)
    {
      clients[i].bench = &bench;
      /* one request in flight: one keep-alive connection per client */
      clients[i].session = wk_http_session_new ("bench", 30);
    }

  g_print ("clients %d\n", N_CLIENTS);
  bench.hub_pid = (GPid) g_ascii_strtoll (g_subprocess_get_identifier (hub), NULL, 10);
  run_phase (&bench, clients, PHASE_CHECK_IN, "checkin");
  identify_per_s = run_phase (&bench, clients, PHASE_IDENTIFY, "identify");

  for (guint i = 0; i < N_CLIENTS; i++)
    g_clear_object (&clients[i].session);
  g_subprocess_send_signal (hub, SIGTERM);
  g_subprocess_wait (hub, NULL, NULL);
  g_array_unref (bench.latencies_us);
  g_rand_free (bench.rand);
  g_free (bench.url);
  explicit_bzero (bench.auth, strlen (bench.auth));
  g_free (bench.auth);
  {
    g_autoptr(GFile) file = g_file_new_for_path (dir);
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_file_delete (file, NULL, NULL);
  }

  /* the hub is stopped: RT has the machine to itself */
  compare_with_rt (argv[0], identify_per_s);
  return 0;
}
