/* test-metrics.c — the metrics and the wait estimate on hand-computed fixtures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-db.h"
#include "wk-error.h"
#include "wk-estimate.h"
#include "wk-metrics.h"

#include <math.h>
#include <string.h>

/* Monday 2024-03-04 00:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1709510400)
#define H  3600
#define D  86400

static sqlite3 *
open_db (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  sqlite3 *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  db = wk_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static void
exec (sqlite3    *db,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  wk_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
exec_printf (sqlite3    *db,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

/* Test fixtures only: every value is a number this file made. */
static void
exec_printf (sqlite3    *db,
             const char *format,
             ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  exec (db, sql);
}

/* Inserts one visit; 0 for a time or the engineer means NULL. */
static void
add_visit (sqlite3    *db,
           gint64      lounge,
           const char *reason,
           const char *status,
           gint64      checked_in,
           gint64      called,
           gint64      started,
           gint64      finished,
           gint64      engineer,
           const char *outcome,
           gint64      kiosk_ms,
           gint64      estimate)
{
  static guint n = 0;
  g_autofree char *sql = NULL;
  g_autofree char *outcome_sql = outcome != NULL ? g_strdup_printf ("'%s'", outcome) : g_strdup ("NULL");

#define OPT(x) ((x) > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) (x)) : g_strdup ("NULL"))
  {
    g_autofree char *c = OPT (called);
    g_autofree char *s = OPT (started);
    g_autofree char *f = OPT (finished);
    g_autofree char *e = OPT (engineer);
    g_autofree char *k = kiosk_ms >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, kiosk_ms) : g_strdup ("NULL");
    g_autofree char *w = estimate >= 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, estimate) : g_strdup ("NULL");

    exec_printf (db,
                 "INSERT INTO visit (uuid, lounge_id, reason, status, checked_in_at, called_at,"
                 " service_started_at, finished_at, engineer_id, outcome, kiosk_ms, estimated_wait_s)"
                 " VALUES ('v-%u', %" G_GINT64_FORMAT ", '%s', '%s', %" G_GINT64_FORMAT ","
                 " %s, %s, %s, %s, %s, %s, %s)",
                 n++, lounge, reason, status, checked_in, c, s, f, e, outcome_sql, k, w);
  }
#undef OPT
}

static void
add_survey (sqlite3 *db,
            gint64   lounge,
            gint64   engineer,
            int      score,
            gint64   created)
{
  static guint n = 0;
  g_autofree char *l = lounge > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, lounge) : g_strdup ("NULL");
  g_autofree char *e = engineer > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, engineer) : g_strdup ("NULL");

  exec_printf (db,
               "INSERT INTO survey (uuid, lounge_id, engineer_id, score, created_at)"
               " VALUES ('s-%u', %s, %s, %d, %" G_GINT64_FORMAT ")",
               n++, l, e, score, created);
}

static void
add_people (sqlite3 *db)
{
  exec (db,
        "INSERT INTO lounge (id, name, timezone) VALUES (1, 'A', 'UTC'), (2, 'B', 'Asia/Kolkata');"
        "INSERT INTO person (id, display_name, role, created_at, updated_at) VALUES"
        " (1, 'Visitor', 'visitor', 0, 0),"
        " (10, 'Eng Ten', 'engineer', 0, 0), (11, 'Eng Eleven', 'engineer', 0, 0),"
        " (12, 'Eng Twelve', 'engineer', 0, 0), (13, 'Eng Thirteen', 'engineer', 0, 0);");
}

/* The fixture: see the comments for the figures each row feeds. */
static sqlite3 *
metrics_fixture (void)
{
  sqlite3 *db = open_db ("metrics.db");

  add_people (db);

  /*        lounge reason       status        checked in        called     started    finished   eng outcome                  kiosk  estimate */
  add_visit (db, 1, "hardware", "done",       T0 + 9 * H,       T0 + 9 * H + 60, T0 + 9 * H + 90, T0 + 9 * H + 660,
             10, "resolved_first_contact", 10000, 120);        /* v1: wait 60, service 600, error +60 */
  add_visit (db, 1, "hardware", "done",       T0 + 9 * H + 600, T0 + 9 * H + 720, T0 + 9 * H + 730, T0 + 9 * H + 1020,
             10, "workaround", 20000, 60);                      /* v2: wait 120, service 300, error -60 */
  add_visit (db, 1, "account",  "done",       T0 + 10 * H,      T0 + 10 * H + 300, T0 + 10 * H + 320, T0 + 10 * H + 1200,
             11, "follow_up", 30000, -1);                       /* v3: wait 300, service 900 */
  add_visit (db, 1, "account",  "left",       T0 + D + 12 * H, 0, 0, T0 + D + 12 * H + 1200,
             0, NULL, 40000, 300);                              /* v4: left, never called */
  add_visit (db, 1, "other",    "cancelled",  T0 + D + 12 * H + 1800, 0, 0, T0 + D + 12 * H + 1900,
             0, NULL, -1, -1);                                  /* v5 */
  add_visit (db, 1, "other",    "waiting",    T0 + 2 * D + 8 * H, 0, 0, 0,
             0, NULL, 15000, 600);                              /* v6 */
  add_visit (db, 1, "hardware", "in_service", T0 + 2 * D + 8 * H + 300, T0 + 2 * D + 8 * H + 330,
             T0 + 2 * D + 8 * H + 340, 0, 11, NULL, -1, -1);   /* v7: wait 30 */
  add_visit (db, 2, "network",  "done",       T0, T0 + 600, T0 + 700, T0 + 1800,
             10, "resolved_first_contact", 5000, 900);          /* v8: at `from` exactly; Mon 05:30 IST */
  add_visit (db, 1, "hardware", "done",       T0 + 7 * D, T0 + 7 * D + 10, T0 + 7 * D + 20, T0 + 7 * D + 30,
             10, "resolved_first_contact", 1, 1);               /* v9: at `to`: out */
  add_visit (db, 1, "hardware", "done",       T0 - 1, T0 + 10, T0 + 20, T0 + 30,
             10, "resolved_first_contact", 1, 1);               /* v10: before `from`: out */

  add_survey (db, 1, 10, 5, T0 + 10 * H);          /* s1 */
  add_survey (db, 1, 10, 4, T0 + 11 * H);          /* s2 */
  add_survey (db, 1, 11, 2, T0 + D + 13 * H);      /* s3 */
  add_survey (db, 2, 10, 3, T0 + 7 * D - 1);       /* s4: last second; 2024-03-11 in India */
  add_survey (db, 0, 0, 1, T0 + 7 * D);            /* s5: out */
  add_survey (db, 1, 10, 5, T0 - 1);               /* s6: out */

  exec (db,
        "INSERT INTO hardware (person_id, lounge_id, description, status, ready_at, collected_at,"
        " handed_over_by, created_at, updated_at) VALUES"
        " (1, 1, 'h1', 'collected', 1709514000, 1709521200, 10, 0, 0),"   /* T0+1h → +3h: 7200 */
        " (1, 2, 'h2', 'collected', 1709510400, 1709596800, 11, 0, 0),"   /* T0 → T0+1d: 86400 */
        " (1, 1, 'h3', 'ready', 1709510400, NULL, NULL, 0, 0),"
        " (1, 1, 'h4', 'collected', 1709510300, 1709510390, 10, 0, 0);"); /* collected before T0 */
  return db;
}

static WkMetrics *
compute (sqlite3 *db,
         gint64   from,
         gint64   to,
         gint64   lounge,
         gint64   engineer)
{
  g_autoptr(GError) error = NULL;
  WkMetricsQuery query = { from, to, lounge, engineer };
  WkMetrics *metrics = wk_metrics_compute (db, &query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (metrics);
  return metrics;
}

static const WkMetricsDay *
find_day (WkMetrics  *metrics,
          const char *date)
{
  for (guint i = 0; i < metrics->days->len; i++)
    {
      const WkMetricsDay *day = &g_array_index (metrics->days, WkMetricsDay, i);

      if (strcmp (day->date, date) == 0)
        return day;
    }
  g_error ("no day %s in the metrics", date);
}

static void
test_metrics_all (void)
{
  sqlite3 *db = metrics_fixture ();
  g_autoptr(WkMetrics) m = compute (db, T0, T0 + 7 * D, 0, 0);
  const WkMetricsReason *r;
  const WkMetricsDay *day;
  guint heat = 0;

  g_assert_cmpuint (m->visits, ==, 8);
  g_assert_cmpuint (m->ended, ==, 6);
  g_assert_cmpuint (m->left, ==, 1);
  g_assert_cmpfloat_with_epsilon (m->abandonment, 1.0 / 6, 1e-9);
  g_assert_cmpuint (m->finished, ==, 4);
  g_assert_cmpuint (m->resolved_first_contact, ==, 2);
  g_assert_cmpfloat_with_epsilon (m->fcr, 0.5, 1e-9);

  /* waits 30 60 120 300 600: median 120, p90 at rank ceil (4.5) = 5 */
  g_assert_cmpuint (m->answered, ==, 5);
  g_assert_cmpfloat (m->wait_median_s, ==, 120);
  g_assert_cmpfloat (m->wait_p90_s, ==, 600);
  /* services 300 600 900 1200: even, (600 + 900) / 2 */
  g_assert_cmpuint (m->serviced, ==, 4);
  g_assert_cmpfloat (m->service_median_s, ==, 750);
  /* kiosk 5000 10000 15000 20000 30000 40000 */
  g_assert_cmpuint (m->kiosk_timed, ==, 6);
  g_assert_cmpfloat (m->kiosk_median_ms, ==, 17500);
  /* estimate errors +60 -60 +300 */
  g_assert_cmpuint (m->estimated, ==, 3);
  g_assert_cmpfloat_with_epsilon (m->estimate_error_mean_s, 100, 1e-9);
  g_assert_cmpfloat_with_epsilon (m->estimate_error_mean_abs_s, 140, 1e-9);

  g_assert_cmpuint (m->surveys, ==, 4);
  g_assert_cmpuint (m->satisfied, ==, 2);
  g_assert_cmpfloat_with_epsilon (m->csat, 0.5, 1e-9);

  g_assert_cmpuint (m->collected, ==, 2);
  g_assert_cmpfloat (m->collection_lag_median_s, ==, (7200 + 86400) / 2);

  /* reasons: most visits first, ties by name */
  g_assert_cmpuint (m->reasons->len, ==, 4);
  r = g_ptr_array_index (m->reasons, 0);
  g_assert_cmpstr (r->reason, ==, "hardware");
  g_assert_cmpuint (r->visits, ==, 3);
  g_assert_cmpuint (r->answered, ==, 3);
  g_assert_cmpfloat (r->wait_median_s, ==, 60);
  r = g_ptr_array_index (m->reasons, 1);
  g_assert_cmpstr (r->reason, ==, "account");
  g_assert_cmpuint (r->visits, ==, 2);
  g_assert_cmpuint (r->answered, ==, 1);
  g_assert_cmpfloat (r->wait_median_s, ==, 300);
  r = g_ptr_array_index (m->reasons, 2);
  g_assert_cmpstr (r->reason, ==, "other");
  g_assert_cmpuint (r->answered, ==, 0);
  g_assert_cmpfloat (r->wait_median_s, ==, 0);
  r = g_ptr_array_index (m->reasons, 3);
  g_assert_cmpstr (r->reason, ==, "network");
  g_assert_cmpfloat (r->wait_median_s, ==, 600);

  /* heatmap in each lounge's own time: v8 is Monday 05:30 in Bengaluru */
  g_assert_cmpuint (m->heatmap[0][9], ==, 2);
  g_assert_cmpuint (m->heatmap[0][10], ==, 1);
  g_assert_cmpuint (m->heatmap[0][5], ==, 1);
  g_assert_cmpuint (m->heatmap[1][12], ==, 2);
  g_assert_cmpuint (m->heatmap[2][8], ==, 2);
  for (int w = 0; w < 7; w++)
    for (int h = 0; h < 24; h++)
      heat += m->heatmap[w][h];
  g_assert_cmpuint (heat, ==, m->visits);

  /* days, ascending */
  g_assert_cmpuint (m->days->len, ==, 4);
  g_assert_cmpstr (g_array_index (m->days, WkMetricsDay, 0).date, ==, "2024-03-04");
  g_assert_cmpstr (g_array_index (m->days, WkMetricsDay, 3).date, ==, "2024-03-11");
  day = find_day (m, "2024-03-04");
  g_assert_cmpuint (day->visits, ==, 4);
  g_assert_cmpuint (day->finished, ==, 4);
  g_assert_cmpuint (day->resolved_first_contact, ==, 2);
  g_assert_cmpfloat_with_epsilon (day->fcr, 0.5, 1e-9);
  g_assert_cmpuint (day->surveys, ==, 2);
  g_assert_cmpfloat_with_epsilon (day->csat, 1.0, 1e-9);
  day = find_day (m, "2024-03-05");
  g_assert_cmpuint (day->visits, ==, 2);
  g_assert_cmpuint (day->finished, ==, 0);
  g_assert_cmpfloat (day->fcr, ==, 0);
  g_assert_cmpuint (day->surveys, ==, 1);
  g_assert_cmpfloat (day->csat, ==, 0);
  day = find_day (m, "2024-03-06");
  g_assert_cmpuint (day->visits, ==, 2);
  g_assert_cmpuint (day->surveys, ==, 0);
  day = find_day (m, "2024-03-11");
  g_assert_cmpuint (day->visits, ==, 0);
  g_assert_cmpuint (day->surveys, ==, 1);

  sqlite3_close (db);
}

static void
test_metrics_filters (void)
{
  sqlite3 *db = metrics_fixture ();
  g_autoptr(WkMetrics) lounge = compute (db, T0, T0 + 7 * D, 1, 0);
  g_autoptr(WkMetrics) engineer = compute (db, T0, T0 + 7 * D, 0, 10);
  g_autoptr(WkMetrics) both = compute (db, T0, T0 + 7 * D, 2, 11);
  g_autoptr(WkMetrics) copy = NULL;

  /* lounge 1: v1–v7 */
  g_assert_cmpuint (lounge->visits, ==, 7);
  g_assert_cmpuint (lounge->answered, ==, 4);
  g_assert_cmpfloat (lounge->wait_median_s, ==, 90);   /* 30 60 | 120 300 */
  g_assert_cmpfloat (lounge->wait_p90_s, ==, 300);     /* rank ceil (3.6) = 4 */
  g_assert_cmpuint (lounge->finished, ==, 3);
  g_assert_cmpfloat_with_epsilon (lounge->fcr, 1.0 / 3, 1e-9);
  g_assert_cmpuint (lounge->surveys, ==, 3);
  g_assert_cmpfloat_with_epsilon (lounge->csat, 2.0 / 3, 1e-9);
  g_assert_cmpuint (lounge->collected, ==, 1);
  g_assert_cmpfloat (lounge->collection_lag_median_s, ==, 7200);
  g_assert_cmpuint (lounge->heatmap[0][5], ==, 0);

  /* engineer 10: v1, v2, v8; s1, s2, s4; h1 */
  g_assert_cmpuint (engineer->visits, ==, 3);
  g_assert_cmpuint (engineer->finished, ==, 3);
  g_assert_cmpuint (engineer->resolved_first_contact, ==, 2);
  g_assert_cmpfloat (engineer->wait_median_s, ==, 120);
  g_assert_cmpfloat (engineer->abandonment, ==, 0);
  g_assert_cmpuint (engineer->surveys, ==, 3);
  g_assert_cmpuint (engineer->satisfied, ==, 2);
  g_assert_cmpuint (engineer->collected, ==, 1);

  /* lounge 2 and engineer 11: only h2 */
  g_assert_cmpuint (both->visits, ==, 0);
  g_assert_cmpuint (both->surveys, ==, 0);
  g_assert_cmpuint (both->collected, ==, 1);
  g_assert_cmpfloat (both->collection_lag_median_s, ==, 86400);

  /* the boxed copy is deep */
  copy = wk_metrics_copy (lounge);
  g_assert_cmpuint (copy->reasons->len, ==, lounge->reasons->len);
  g_assert_true (copy->reasons != lounge->reasons);
  g_assert_cmpstr (((WkMetricsReason *) g_ptr_array_index (copy->reasons, 0))->reason, ==,
                   ((WkMetricsReason *) g_ptr_array_index (lounge->reasons, 0))->reason);
  g_assert_cmpuint (copy->days->len, ==, lounge->days->len);
  g_assert_true (g_type_is_a (WK_TYPE_METRICS, G_TYPE_BOXED));

  sqlite3_close (db);
}

static void
assert_empty (WkMetrics *m)
{
  g_assert_cmpuint (m->visits + m->ended + m->finished + m->answered + m->serviced +
                    m->kiosk_timed + m->estimated + m->surveys + m->collected, ==, 0);
  g_assert_cmpfloat (m->csat, ==, 0);
  g_assert_cmpfloat (m->fcr, ==, 0);
  g_assert_cmpfloat (m->abandonment, ==, 0);
  g_assert_cmpfloat (m->wait_median_s, ==, 0);
  g_assert_cmpfloat (m->wait_p90_s, ==, 0);
  g_assert_cmpfloat (m->service_median_s, ==, 0);
  g_assert_cmpfloat (m->kiosk_median_ms, ==, 0);
  g_assert_cmpfloat (m->collection_lag_median_s, ==, 0);
  g_assert_cmpfloat (m->estimate_error_mean_s, ==, 0);
  g_assert_cmpfloat (m->estimate_error_mean_abs_s, ==, 0);
  g_assert_false (isnan (m->csat) || isnan (m->wait_median_s));
  g_assert_cmpuint (m->days->len, ==, 0);
  g_assert_cmpuint (m->reasons->len, ==, 0);
  for (int w = 0; w < 7; w++)
    for (int h = 0; h < 24; h++)
      g_assert_cmpuint (m->heatmap[w][h], ==, 0);
}

static void
test_metrics_empty (void)
{
  sqlite3 *db = open_db ("empty.db");
  g_autoptr(WkMetrics) none = compute (db, T0, T0 + 90 * D, 0, 0);
  g_autoptr(WkMetrics) instant = NULL;
  g_autoptr(WkMetrics) backwards = NULL;
  g_autoptr(GError) error = NULL;
  WkMetricsQuery bad = { T0 + 1, T0, 0, 0 };

  assert_empty (none);
  sqlite3_close (db);

  /* an empty range over real data */
  db = metrics_fixture ();
  instant = compute (db, T0 + 9 * H, T0 + 9 * H, 0, 0);
  assert_empty (instant);

  backwards = wk_metrics_compute (db, &bad, &error);
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_assert_null (backwards);
  sqlite3_close (db);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
test_metrics_percentiles (void)
{
  gint64 one[] = { 7 };
  gint64 two[] = { 2, 1 };
  gint64 three[] = { 3, 1, 2 };
  gint64 ten[] = { 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };
  gint64 eleven[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
  gint64 same[] = { 4, 4, 4, 4 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  g_assert_cmpfloat (wk_metrics_median (NULL, 0), ==, 0);
  g_assert_cmpfloat (wk_metrics_p90 (NULL, 0), ==, 0);
  g_assert_cmpfloat (wk_metrics_median (one, 1), ==, 7);
  g_assert_cmpfloat (wk_metrics_p90 (one, 1), ==, 7);
  g_assert_cmpfloat (wk_metrics_median (two, 2), ==, 1.5);
  g_assert_cmpfloat (wk_metrics_p90 (two, 2), ==, 2);
  g_assert_cmpfloat (wk_metrics_median (three, 3), ==, 2);
  g_assert_cmpfloat (wk_metrics_median (ten, 10), ==, 5.5);
  g_assert_cmpfloat (wk_metrics_p90 (ten, 10), ==, 9);      /* rank 9 */
  g_assert_cmpfloat (wk_metrics_p90 (eleven, 11), ==, 10);  /* rank ceil (9.9) = 10 */
  g_assert_cmpfloat (wk_metrics_median (same, 4), ==, 4);
  g_assert_cmpfloat (wk_metrics_p90 (same, 4), ==, 4);

  /* against sorting, with many ties */
  for (int round = 0; round < 200; round++)
    {
      gsize n = (gsize) g_rand_int_range (rand, 1, 400);
      g_autofree gint64 *values = g_new (gint64, n);
      g_autofree gint64 *sorted = NULL;
      double median;

      for (gsize i = 0; i < n; i++)
        values[i] = g_rand_int_range (rand, 0, round % 2 ? 10 : 100000);
      sorted = g_memdup2 (values, n * sizeof *values);
      qsort (sorted, n, sizeof *sorted, compare_int64);
      median = n % 2 ? (double) sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;

      g_assert_cmpfloat (wk_metrics_median (values, n), ==, median);
      g_assert_cmpfloat (wk_metrics_p90 (values, n), ==, (double) sorted[(9 * n + 9) / 10 - 1]);
    }
}

/* ---- the wait estimate ---------------------------------------------------- */

static void
test_estimate_arithmetic (void)
{
  WkEstimateGroup groups[] = { { 2, 600 }, { 1, 300 } };
  WkEstimateGroup just_under[] = { { 1, 89.9 } };
  WkEstimateGroup half[] = { { 1, 90 } };
  WkEstimateGroup little[] = { { 1, 29 } };
  WkEstimateGroup nobody[] = { { 0, 600 } };

  g_assert_cmpint (wk_estimate_minutes (NULL, 0, 1), ==, 0);
  g_assert_cmpint (wk_estimate_minutes (nobody, 1, 1), ==, 0);
  /* (2 × 600 + 300) / 2 = 750 s = 12.5 min, rounded half up */
  g_assert_cmpint (wk_estimate_minutes (groups, 2, 2), ==, 13);
  g_assert_cmpint (wk_estimate_minutes (groups, 2, 1), ==, 25);
  g_assert_cmpint (wk_estimate_minutes (groups, 2, 0), ==, 25);  /* 0 engineers count as 1 */
  g_assert_cmpint (wk_estimate_minutes (groups, 2, 3), ==, 8);   /* 8.33 */
  g_assert_cmpint (wk_estimate_minutes (just_under, 1, 1), ==, 1);
  g_assert_cmpint (wk_estimate_minutes (half, 1, 1), ==, 2);
  g_assert_cmpint (wk_estimate_minutes (little, 1, 1), ==, 0);
}

static void
test_estimate_wait (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_db ("estimate.db");
  gint64 now = T0 + 20 * D + 11 * H;
  gint64 old = now - 5 * D;
  static const gint64 hardware[] = { 300, 600, 900, 1200, 1500 };
  int people = -1, minutes;

  add_people (db);

  /* lounge 1: two waiting about hardware, one about their account */
  add_visit (db, 1, "hardware", "waiting", now - 600, 0, 0, 0, 0, NULL, -1, -1);
  add_visit (db, 1, "hardware", "waiting", now - 500, 0, 0, 0, 0, NULL, -1, -1);
  add_visit (db, 1, "account", "waiting", now - 400, 0, 0, 0, 0, NULL, -1, -1);
  /* lounge 2's queue is not lounge 1's */
  add_visit (db, 2, "hardware", "waiting", now - 400, 0, 0, 0, 0, NULL, -1, -1);

  /* recent service times: hardware has five (median 900), account only
   * two, so it uses the lounge median over everything recent */
  for (guint i = 0; i < G_N_ELEMENTS (hardware); i++)
    add_visit (db, 1, "hardware", "done", old + i * H, old + i * H + 60, old + i * H + 70,
               old + i * H + 60 + hardware[i], 12, "resolved_first_contact", -1, -1);
  add_visit (db, 1, "account", "done", old + 6 * H, old + 6 * H + 60, old + 6 * H + 70,
             old + 6 * H + 60 + 2000, 12, "resolved_first_contact", -1, -1);
  add_visit (db, 1, "account", "done", old + 7 * H, old + 7 * H + 60, old + 7 * H + 70,
             old + 7 * H + 60 + 2100, 12, "resolved_first_contact", -1, -1);
  /* too old to be recent */
  add_visit (db, 1, "hardware", "done", now - 20 * D, now - 20 * D + 60, now - 20 * D + 70,
             now - 20 * D + 99999, 12, "resolved_first_contact", -1, -1);

  /* on duty: 10 finished one an hour ago (service 1800), 11 is serving
   * now; 12 last finished three hours ago (service 2000); 13 works in the
   * other lounge */
  add_visit (db, 1, "printing", "done", now - 2 * H, now - H - 1800, now - H - 1790, now - H,
             10, "resolved_first_contact", -1, -1);
  add_visit (db, 1, "printing", "done", now - 4 * H, now - 3 * H - 2000, now - 3 * H - 1990,
             now - 3 * H, 12, "resolved_first_contact", -1, -1);
  add_visit (db, 1, "other", "in_service", now - 30 * 60, now - 10 * 60, now - 9 * 60, 0,
             11, NULL, -1, -1);
  add_visit (db, 2, "other", "done", now - 2 * H, now - H - 60, now - H - 50, now - H + 600,
             13, "resolved_first_contact", -1, -1);

  /* recent samples: 300 600 900 1200 1500 (hardware) 2000 2100 (account)
   * 1800 2000 (printing) and 660 (lounge 2, not counted): lounge median
   * 1500.  (2 × 900 + 1 × 1500) / 2 engineers = 1650 s = 27.5 min → 28 */
  minutes = wk_estimate_wait (db, 1, now, &people, &error);
  g_assert_no_error (error);
  g_assert_cmpint (people, ==, 3);
  g_assert_cmpint (minutes, ==, 28);

  /* lounge 2: one waiting, no recent sample of its own but 660 s of
   * lounge 2 history (1 sample, below the minimum: lounge median 660);
   * engineer 13 on duty: 660 s = 11 min */
  minutes = wk_estimate_wait (db, 2, now, &people, &error);
  g_assert_no_error (error);
  g_assert_cmpint (people, ==, 1);
  g_assert_cmpint (minutes, ==, 11);

  /* nobody waiting */
  exec (db, "UPDATE visit SET status = 'cancelled', finished_at = checked_in_at + 1"
            " WHERE status = 'waiting'");
  minutes = wk_estimate_wait (db, 1, now, &people, &error);
  g_assert_no_error (error);
  g_assert_cmpint (people, ==, 0);
  g_assert_cmpint (minutes, ==, 0);

  sqlite3_close (db);
}

static void
test_estimate_default (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_db ("estimate-default.db");
  gint64 now = T0 + 11 * H;
  int people = -1, minutes;

  add_people (db);
  /* no history at all: the default service time, one engineer */
  add_visit (db, 2, "phone", "waiting", now - 60, 0, 0, 0, 0, NULL, -1, -1);
  add_visit (db, 2, "account", "waiting", now - 30, 0, 0, 0, 0, NULL, -1, -1);
  minutes = wk_estimate_wait (db, 2, now, &people, &error);
  g_assert_no_error (error);
  g_assert_cmpint (people, ==, 2);
  g_assert_cmpint (minutes, ==, 2 * WK_ESTIMATE_DEFAULT_SERVICE_S / 60);

  /* people_ahead is optional */
  minutes = wk_estimate_wait (db, 2, now, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (minutes, ==, 20);
  sqlite3_close (db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/metrics/all", test_metrics_all);
  g_test_add_func ("/metrics/filters", test_metrics_filters);
  g_test_add_func ("/metrics/empty", test_metrics_empty);
  g_test_add_func ("/metrics/percentiles", test_metrics_percentiles);
  g_test_add_func ("/estimate/arithmetic", test_estimate_arithmetic);
  g_test_add_func ("/estimate/wait", test_estimate_wait);
  g_test_add_func ("/estimate/default", test_estimate_default);

  return g_test_run ();
}
