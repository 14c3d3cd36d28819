/* core-bench.c — the core on the scale preset
 *
 * Generates the scale preset into a temporary directory, then measures, on
 * that file, in this order:
 *
 *   generate_scale_s        wk_demo_data_create() of the whole preset (and
 *                           generate_scale_cpu_s, the CPU time it took)
 *   identify_p99_ms         wk_desk_identify_async() → _finish() on a
 *                           WkLocalDesk, badge, email (random case) and ticket
 *                           reference interleaved; main-loop round trip
 *   sqlite_baseline_p99_ms  a bare indexed lookup by badge on its own
 *                           connection (SELECT id FROM person WHERE badge_id = ?)
 *   checkin_per_s           wk_desk_check_in_async() with 32 in flight, in
 *                           rounds of 50 whose visits are then cancelled
 *                           outside the timing (a lounge queue stays short)
 *   metrics_90d_ms          wk_desk_get_metrics_async() for the last 90 days,
 *                           every lounge: the median of 5 runs (and the first)
 *
 * The *_cpu_* lines give the same figures in process CPU time (both threads),
 * which a machine busy with other work does not inflate.
 *
 * Prints one "NAME VALUE" per line.  `core-bench PATH` skips the generation
 * and measures an existing scale file instead (it adds cancelled visits).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-db.h"
#include "wk-demo-data.h"
#include "wk-desk.h"
#include "wk-identity.h"
#include "wk-local-desk.h"
#include "wk-metrics.h"
#include "wk-store.h"
#include "wk-visit.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define N_IDENTIFY 3000
#define N_WARMUP   300
#define N_CHECKIN  6000
#define IN_FLIGHT  32
#define ROUND      50

/* Monday 2024-03-04 10:30 UTC: a fixed, busy reference time */
#define NOW G_GINT64_CONSTANT (1709548200)

/* CPU seconds of the whole process: tells a slow machine from a busy one */
static double
cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct {
  WkIdentifiedBy  by;
  char           *value;
} Probe;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
p99 (GArray *ms)
{
  g_array_sort (ms, compare_double);
  return g_array_index (ms, double, (ms->len * 99 + 99) / 100 - 1);
}

static void
probe_clear (gpointer data)
{
  g_free (((Probe *) data)->value);
}

/* Identifiers to look up, read from the file itself: badges, emails and
 * references of open tickets, spread over the whole table. */
static GArray *
pick_probes (sqlite3 *db)
{
  static const struct {
    WkIdentifiedBy  by;
    const char     *sql;
  } kinds[] = {
    { WK_IDENTIFIED_BY_BADGE, "SELECT badge_id FROM person WHERE badge_id IS NOT NULL"
                              " AND id % 97 = 3 LIMIT ?" },
    { WK_IDENTIFIED_BY_EMAIL, "SELECT email FROM person WHERE email IS NOT NULL"
                              " AND id % 89 = 5 LIMIT ?" },
    { WK_IDENTIFIED_BY_TICKET_REF, "SELECT ref FROM ticket WHERE status IN ('new', 'open', 'pending')"
                                   " AND id % 7 = 1 LIMIT ?" },
  };
  GArray *probes = g_array_new (FALSE, TRUE, sizeof (Probe));
  GPtrArray *lists[G_N_ELEMENTS (kinds)];

  g_array_set_clear_func (probes, probe_clear);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      lists[k] = g_ptr_array_new_with_free_func (g_free);
      g_assert (sqlite3_prepare_v2 (db, kinds[k].sql, -1, &stmt, NULL) == SQLITE_OK);
      sqlite3_bind_int (stmt, 1, N_IDENTIFY / 3);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

          /* emails are found in any case */
          if (kinds[k].by == WK_IDENTIFIED_BY_EMAIL && lists[k]->len % 2 == 1)
            {
              char *upper = g_ascii_strup (value, -1);

              g_free (value);
              value = upper;
            }
          g_ptr_array_add (lists[k], value);
        }
    }
  for (guint i = 0; i < N_IDENTIFY / 3; i++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      if (i < lists[k]->len)
        {
          Probe p = { kinds[k].by, g_strdup (g_ptr_array_index (lists[k], i)) };

          g_array_append_val (probes, p);
        }
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_ptr_array_unref (lists[k]);
  return probes;
}

typedef struct {
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Wait *wait)
{
  while (wait->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return wait->result;
}

static double
bench_identify (WkDesk *desk,
                GArray *probes)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint found = 0;

  for (guint i = 0; i < N_WARMUP + probes->len; i++)
    {
      const Probe *p = &g_array_index (probes, Probe, i % probes->len);
      g_autoptr(GError) error = NULL;
      g_autoptr(WkIdentity) identity = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      Wait wait = { NULL };
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      wk_desk_identify_async (desk, p->by, p->value, NULL, wait_cb, &wait);
      result = wait_for (&wait);
      identity = wk_desk_identify_finish (desk, result, &error);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      if (identity == NULL)
        g_error ("identify %s: %s", p->value, error->message);
      if (i >= N_WARMUP)
        {
          g_array_append_val (ms, elapsed);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, probes->len);
  return p99 (ms);
}

static double
bench_baseline (const char *path,
                GArray     *probes)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;

  g_assert (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK);
  g_assert (sqlite3_prepare_v2 (db, "SELECT id FROM person WHERE badge_id = ?", -1, &stmt, NULL)
            == SQLITE_OK);
  for (guint i = 0; i < N_WARMUP + probes->len; i++)
    {
      const Probe *p = &g_array_index (probes, Probe, i % probes->len);
      gint64 start;
      double elapsed;

      if (p->by != WK_IDENTIFIED_BY_BADGE)
        continue;
      start = g_get_monotonic_time ();
      sqlite3_bind_text (stmt, 1, p->value, -1, SQLITE_STATIC);
      g_assert (sqlite3_step (stmt) == SQLITE_ROW);
      sqlite3_reset (stmt);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      if (i >= N_WARMUP)
        g_array_append_val (ms, elapsed);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return p99 (ms);
}

typedef struct {
  WkDesk *desk;
  guint   in_flight;
  guint   done;
  guint   failed;
} CheckIns;

static void
check_in_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CheckIns *c = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkVisit) visit = wk_desk_check_in_finish (c->desk, result, &error);

  if (visit == NULL)
    {
      g_printerr ("check-in: %s\n", error->message);
      c->failed++;
    }
  c->in_flight--;
  c->done++;
}

static gpointer
cancel_bench_visits_job (sqlite3  *db,
                         gpointer  data,
                         GError  **error)
{
  if (!wk_db_exec (db, "UPDATE visit SET status = 'cancelled', finished_at = checked_in_at + 1"
                       " WHERE lounge_id IN (1, 2, 3) AND status = 'waiting' AND kiosk = 'bench'",
                  error))
    return NULL;
  return GINT_TO_POINTER (1);
}

static double
bench_check_in (WkDesk  *desk,
                WkStore *store,
                gint64   first_person,
                guint    n_people,
                double  *per_cpu_s)
{
  static const char * const reasons[] = { "hardware", "account", "software", "network" };
  CheckIns c = { desk, 0, 0, 0 };
  gint64 elapsed = 0;
  double cpu = 0;

  for (guint round = 0; round * ROUND < N_CHECKIN; round++)
    {
      guint sent = 0;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_s ();
      g_autoptr(GError) error = NULL;

      while (sent < ROUND || c.in_flight > 0)
        {
          while (sent < ROUND && c.in_flight < IN_FLIGHT)
            {
              g_autoptr(WkCheckInRequest) r = wk_check_in_request_new ();
              guint i = round * ROUND + sent;

              r->uuid = g_uuid_string_random ();
              r->lounge_id = 1 + i % 3;
              r->person_id = first_person + (gint64) ((i * 7919u) % n_people);
              r->identified_by = WK_IDENTIFIED_BY_BADGE;
              r->reason = g_strdup (reasons[i % G_N_ELEMENTS (reasons)]);
              r->kiosk = g_strdup ("bench");
              r->kiosk_ms = 12000;
              c.in_flight++;
              sent++;
              wk_desk_check_in_async (desk, r, NULL, check_in_cb, &c);
            }
          g_main_context_iteration (NULL, TRUE);
        }
      elapsed += g_get_monotonic_time () - start;
      cpu += cpu_s () - cpu_start;

      /* keep the queues at a lounge's size; not timed */
      wk_store_run_sync (store, cancel_bench_visits_job, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (c.failed, ==, 0);
  *per_cpu_s = c.done / cpu;
  return c.done / (elapsed / 1e6);
}

static double
bench_metrics (WkDesk *desk,
               double *first,
               double *cpu_ms)
{
  WkMetricsQuery query = { NOW - 90 * 86400, NOW, 0, 0 };
  double ms[5];
  guint visits = 0;
  double cpu_start = cpu_s ();

  for (guint i = 0; i < G_N_ELEMENTS (ms); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(WkMetrics) metrics = NULL;
      Wait wait = { NULL };
      gint64 start = g_get_monotonic_time ();

      wk_desk_get_metrics_async (desk, &query, NULL, wait_cb, &wait);
      result = wait_for (&wait);
      metrics = wk_desk_get_metrics_finish (desk, result, &error);
      g_assert_no_error (error);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      visits = metrics->visits;
    }
  *first = ms[0];
  *cpu_ms = (cpu_s () - cpu_start) * 1000 / G_N_ELEMENTS (ms);
  g_printerr ("metrics over %u visits\n", visits);
  qsort (ms, G_N_ELEMENTS (ms), sizeof ms[0], compare_double);
  return ms[G_N_ELEMENTS (ms) / 2];
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK);
  g_assert (sqlite3_step (stmt) == SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GArray) probes = NULL;
  g_autoptr(WkStore) store = NULL;
  g_autoptr(WkLocalDesk) desk = NULL;
  WkDemoDataOptions options;
  gint64 start, first_person;
  guint n_people;
  double generate_s, identify, baseline, checkins, checkins_cpu, metrics, metrics_first, metrics_cpu;
  sqlite3 *db;
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  if (argc > 1)
    {
      path = g_strdup (argv[1]);
      generate_s = 0;
    }
  else
    {
      dir = g_dir_make_tmp ("walkup-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "scale.db", NULL);

      wk_demo_data_options_init_scale (&options);
      options.now = NOW;
      double cpu_start = cpu_s ();

      start = g_get_monotonic_time ();
      wk_demo_data_create (path, &options, FALSE, &error);
      g_assert_no_error (error);
      generate_s = (g_get_monotonic_time () - start) / 1e6;
      g_print ("generate_scale_s %.1f\n", generate_s);
      g_print ("generate_scale_cpu_s %.1f\n", cpu_s () - cpu_start);
    }

  db = wk_db_open (path, &error);
  g_assert_no_error (error);
  probes = pick_probes (db);
  first_person = query_int (db, "SELECT min (id) FROM person WHERE role = 'visitor'");
  n_people = (guint) query_int (db, "SELECT count(*) FROM person WHERE role = 'visitor'");
  sqlite3_close (db);

  store = wk_store_new (path, NULL, &error);
  g_assert_no_error (error);
  desk = wk_local_desk_new (store);

  identify = bench_identify (WK_DESK (desk), probes);
  g_print ("identify_p99_ms %.3f\n", identify);
  baseline = bench_baseline (path, probes);
  g_print ("sqlite_baseline_p99_ms %.3f\n", baseline);
  checkins = bench_check_in (WK_DESK (desk), store, first_person, n_people, &checkins_cpu);
  g_print ("checkin_per_s %.0f\n", checkins);
  g_print ("checkin_per_cpu_s %.0f\n", checkins_cpu);
  metrics = bench_metrics (WK_DESK (desk), &metrics_first, &metrics_cpu);
  g_print ("metrics_90d_ms %.1f\n", metrics);
  g_print ("metrics_90d_first_ms %.1f\n", metrics_first);
  g_print ("metrics_90d_cpu_ms %.1f\n", metrics_cpu);

  g_clear_object (&desk);
  wk_store_close (store);
  g_clear_object (&store);
  for (guint i = 0; dir != NULL && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  if (dir != NULL)
    g_rmdir (dir);

  /* the targets of issue 3, as a figure too: wall-clock figures depend on
   * what else the machine runs, so missing one is reported, not fatal */
  {
    gboolean met = (argc > 1 || generate_s <= 60) && identify <= 2 && checkins >= 2000 &&
                   metrics <= 100;

    g_print ("targets_met %d\n", met ? 1 : 0);
    if (!met)
      g_printerr ("core-bench: a target of issue 3 is missed (generation <= 60 s, identify p99 <= 2 ms, "
                  ">= 2000 check-ins/s, 90-day metrics <= 100 ms)\n");
  }
  return 0;
}
