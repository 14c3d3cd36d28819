/* wk-metrics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How it is computed: SQL selects the rows (the time range and the filters,
 * through the covering indexes visit_metrics and survey_metrics of
 * migration 2), and one pass over them in C adds everything up.  Measured
 * with the sqlite3 shell on 165,000 visits of a 90-day range: a bare
 * covering-index scan takes ~15 ms, one SQL aggregate with the CASE
 * expressions needed here ~75 ms, each ORDER BY … LIMIT/OFFSET percentile
 * ~40 ms, and GROUP BY by slot ~90 ms: the target of 100 ms for every figure
 * at once leaves room for one pass only.  Percentiles use quickselect
 * (O(n)).  The whole computation takes ~60 ms of CPU for the 130,000 visits
 * of the last 90 days of the scale preset (tests/bench/core-bench.c).
 */
#define G_LOG_DOMAIN "wk-metrics"

#include "config.h"

#include "wk-metrics.h"

#include "wk-db.h"
#include "wk-error.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define SLOT_S  900    /* every real UTC offset is a multiple of 15 minutes */
#define DAY_S   86400
#define UNIX_EPOCH_JULIAN 719163  /* GDate julian day of 1970-01-01 */

G_DEFINE_BOXED_TYPE (WkMetrics, wk_metrics, wk_metrics_copy, wk_metrics_free)

/* ---- percentiles --------------------------------------------------------- */

static inline void
swap64 (gint64 *a,
        gint64 *b)
{
  gint64 t = *a;
  *a = *b;
  *b = t;
}

/* Moves the k-th smallest (0-based) to values[k], with smaller or equal ones
 * before it and larger or equal ones after it: Wirth's selection, which
 * copes well with the many equal values durations in whole seconds have. */
static void
select_kth (gint64 *values,
            gsize   n,
            gsize   k)
{
  gssize lo = 0, hi = (gssize) n - 1, kk = (gssize) k;

  while (lo < hi)
    {
      gint64 pivot = values[kk];
      gssize i = lo, j = hi;

      do
        {
          while (values[i] < pivot)
            i++;
          while (pivot < values[j])
            j--;
          if (i <= j)
            {
              swap64 (&values[i], &values[j]);
              i++;
              j--;
            }
        }
      while (i <= j);

      if (j < kk)
        lo = i;
      if (kk < i)
        hi = j;
    }
}

static gint64
min_from (const gint64 *values,
          gsize         start,
          gsize         n)
{
  gint64 m = values[start];

  for (gsize i = start + 1; i < n; i++)
    if (values[i] < m)
      m = values[i];
  return m;
}

double
wk_metrics_median (gint64 *values,
                   gsize   n)
{
  gsize k;

  if (n == 0)
    return 0;
  g_return_val_if_fail (values != NULL, 0);

  k = (n - 1) / 2;
  select_kth (values, n, k);
  if (n % 2 == 1)
    return (double) values[k];
  /* the next one up is the smallest of the upper part */
  return ((double) values[k] + (double) min_from (values, k + 1, n)) / 2.0;
}

double
wk_metrics_p90 (gint64 *values,
                gsize   n)
{
  gsize rank;

  if (n == 0)
    return 0;
  g_return_val_if_fail (values != NULL, 0);

  /* nearest rank: ceil (0.9 n), 1-based, in integers */
  rank = (9 * n + 9) / 10;
  select_kth (values, n, rank - 1);
  return (double) values[rank - 1];
}

/* ---- values ---------------------------------------------------------------- */

/* A growable array of durations: appending is the inner loop of the scan,
 * so it is inline rather than a GArray call per value. */
typedef struct {
  gint64 *data;  /* owned */
  gsize   len;
  gsize   size;
} Values;

static inline void
values_push (Values *v,
             gint64  x)
{
  if (G_UNLIKELY (v->len == v->size))
    {
      v->size = MAX (v->size * 2, 256);
      v->data = g_renew (gint64, v->data, v->size);
    }
  v->data[v->len++] = x;
}

static void
values_clear (Values *v)
{
  g_clear_pointer (&v->data, g_free);
  v->len = v->size = 0;
}

/* ---- the result ---------------------------------------------------------- */

static void
reason_free (gpointer data)
{
  WkMetricsReason *reason = data;

  g_free (reason->reason);
  g_free (reason);
}

static WkMetrics *
metrics_new (const WkMetricsQuery *query)
{
  WkMetrics *metrics = g_new0 (WkMetrics, 1);

  if (query != NULL)
    metrics->query = *query;
  metrics->days = g_array_new (FALSE, TRUE, sizeof (WkMetricsDay));
  metrics->reasons = g_ptr_array_new_with_free_func (reason_free);
  return metrics;
}

WkMetrics *
wk_metrics_copy (const WkMetrics *metrics)
{
  WkMetrics *copy;

  g_return_val_if_fail (metrics != NULL, NULL);

  copy = g_memdup2 (metrics, sizeof *metrics);
  copy->days = g_array_copy (metrics->days);
  copy->reasons = g_ptr_array_new_with_free_func (reason_free);
  for (guint i = 0; i < metrics->reasons->len; i++)
    {
      const WkMetricsReason *r = g_ptr_array_index (metrics->reasons, i);
      WkMetricsReason *c = g_memdup2 (r, sizeof *r);

      c->reason = g_strdup (r->reason);
      g_ptr_array_add (copy->reasons, c);
    }
  return copy;
}

void
wk_metrics_free (WkMetrics *metrics)
{
  if (metrics == NULL)
    return;
  g_clear_pointer (&metrics->days, g_array_unref);
  g_clear_pointer (&metrics->reasons, g_ptr_array_unref);
  g_free (metrics);
}

/* ---- local time ---------------------------------------------------------- */

/* A lounge's timezone, and the last 15-minute slot looked up in it: rows come
 * in time order, so almost every lookup hits the cache. */
typedef struct {
  gint64        lounge_id;
  GTimeZone    *tz;       /* owned */
  gint64        slot;
  gint64        day;      /* local days since 1970-01-01 */
  int           weekday;  /* 0 = Monday */
  int           hour;
  WkMetricsDay *entry;    /* the day's figures, once looked up */
} Zone;

static void
zone_free (gpointer data)
{
  Zone *zone = data;

  g_time_zone_unref (zone->tz);
  g_free (zone);
}

static Zone *
zone_new (gint64     lounge_id,
          GTimeZone *tz)
{
  Zone *zone = g_new0 (Zone, 1);

  zone->lounge_id = lounge_id;
  zone->tz = tz;
  zone->slot = G_MININT64;
  zone->day = G_MININT64;
  return zone;
}

static void
zone_locate (Zone   *zone,
             gint64  t)
{
  gint64 slot = t / SLOT_S;
  gint64 start, local, day;
  int interval;

  if (slot == zone->slot)
    return;

  start = slot * SLOT_S;
  interval = g_time_zone_find_interval (zone->tz, G_TIME_TYPE_UNIVERSAL, start);
  local = start + (interval >= 0 ? g_time_zone_get_offset (zone->tz, interval) : 0);
  day = local >= 0 ? local / DAY_S : -((-local + DAY_S - 1) / DAY_S);

  zone->slot = slot;
  if (day != zone->day)
    zone->entry = NULL;
  zone->day = day;
  zone->weekday = (int) (((day + 3) % 7 + 7) % 7);  /* 1970-01-01 was a Thursday */
  zone->hour = (int) ((local - day * DAY_S) / 3600);
}

typedef struct {
  GPtrArray  *zones;  /* owned, of Zone; the first is UTC, for lounge id 0 */
  GHashTable *days;   /* owned: local day number (gint64 *) → WkMetricsDay * */
} Calendar;

static gboolean
calendar_init (Calendar  *cal,
               sqlite3   *db,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  cal->zones = g_ptr_array_new_with_free_func (zone_free);
  cal->days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_ptr_array_add (cal->zones, zone_new (0, g_time_zone_new_utc ()));

  rc = sqlite3_prepare_v2 (db, "SELECT id, timezone FROM lounge", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      wk_db_set_error (db, rc, error, _("Reading lounges"));
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      GTimeZone *tz = name != NULL ? g_time_zone_new_identifier (name) : NULL;

      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      g_ptr_array_add (cal->zones, zone_new (id, tz));
    }
  if (rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, _("Reading lounges"));
      return FALSE;
    }
  return TRUE;
}

static void
calendar_clear (Calendar *cal)
{
  g_clear_pointer (&cal->zones, g_ptr_array_unref);
  g_clear_pointer (&cal->days, g_hash_table_unref);
}

/* A handful of lounges: a linear scan; unknown ids (and 0) get UTC. */
static Zone *
calendar_zone (Calendar *cal,
               gint64    lounge_id)
{
  for (guint i = 1; i < cal->zones->len; i++)
    {
      Zone *zone = g_ptr_array_index (cal->zones, i);

      if (zone->lounge_id == lounge_id)
        return zone;
    }
  return g_ptr_array_index (cal->zones, 0);
}

static WkMetricsDay *
calendar_lookup (Calendar *cal,
                 gint64    day)
{
  WkMetricsDay *d = g_hash_table_lookup (cal->days, &day);

  if (d == NULL)
    {
      GDate date;

      d = g_new0 (WkMetricsDay, 1);
      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) (day + UNIX_EPOCH_JULIAN));
      g_snprintf (d->date, sizeof d->date, "%04u-%02u-%02u",
                  (guint) g_date_get_year (&date),
                  (guint) g_date_get_month (&date),
                  (guint) g_date_get_day (&date));
      g_hash_table_insert (cal->days, g_memdup2 (&day, sizeof day), d);
    }
  return d;
}

/* The figures of the local day @zone was last located in. */
static inline WkMetricsDay *
calendar_day (Calendar *cal,
              Zone     *zone)
{
  if (zone->entry == NULL)
    zone->entry = calendar_lookup (cal, zone->day);
  return zone->entry;
}

/* ---- reasons ------------------------------------------------------------- */

typedef struct {
  char   *reason;  /* owned */
  int     len;
  guint   visits;
  Values  waits;   /* owned */
} ReasonAcc;

static void
reason_acc_free (gpointer data)
{
  ReasonAcc *acc = data;

  g_free (acc->reason);
  values_clear (&acc->waits);
  g_free (acc);
}

static ReasonAcc *
reason_acc (GPtrArray  *accs,
            const char *reason,
            int         len)
{
  ReasonAcc *acc;

  /* a handful of categories: a linear scan beats hashing */
  for (guint i = 0; i < accs->len; i++)
    {
      acc = g_ptr_array_index (accs, i);
      if (acc->len == len && memcmp (acc->reason, reason, len) == 0)
        return acc;
    }
  acc = g_new0 (ReasonAcc, 1);
  acc->reason = g_strndup (reason, len);
  acc->len = len;
  g_ptr_array_add (accs, acc);
  return acc;
}

static int
reason_compare (gconstpointer a,
                gconstpointer b)
{
  const WkMetricsReason *ra = *(WkMetricsReason * const *) a;
  const WkMetricsReason *rb = *(WkMetricsReason * const *) b;

  if (ra->visits != rb->visits)
    return ra->visits > rb->visits ? -1 : 1;
  return strcmp (ra->reason, rb->reason);
}

static int
day_compare (gconstpointer a,
             gconstpointer b)
{
  return strcmp (((const WkMetricsDay *) a)->date, ((const WkMetricsDay *) b)->date);
}

/* ---- the scans ----------------------------------------------------------- */

static sqlite3_stmt *
prepare_filtered (sqlite3               *db,
                  const char            *base,
                  const char            *lounge_column,
                  const char            *engineer_column,
                  const WkMetricsQuery  *query,
                  GError               **error)
{
  g_autoptr(GString) sql = g_string_new (base);
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* the SQL text varies only by which filters are on; values are bound.
   * Unary + keeps the planner on the time range of the covering index: on
   * "= ?" alone it takes the lounge's (or engineer's) own index, reads
   * years of rows and looks every one of them up in the table, 3-4 times
   * slower on the scale preset. */
  if (query->lounge_id != 0)
    g_string_append_printf (sql, " AND +%s = ?3", lounge_column);
  if (query->engineer_id != 0)
    g_string_append_printf (sql, " AND +%s = ?4", engineer_column);

  rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 1, query->from);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (stmt, 2, query->to);
  if (rc == SQLITE_OK && query->lounge_id != 0)
    rc = sqlite3_bind_int64 (stmt, 3, query->lounge_id);
  if (rc == SQLITE_OK && query->engineer_id != 0)
    rc = sqlite3_bind_int64 (stmt, 4, query->engineer_id);
  if (rc != SQLITE_OK)
    {
      wk_db_set_error (db, rc, error, _("Computing metrics"));
      g_clear_pointer (&stmt, sqlite3_finalize);
      return NULL;
    }
  return stmt;
}

enum {
  V_LOUNGE, V_CHECKED_IN, V_STATUS, V_REASON, V_CALLED, V_FINISHED,
  V_OUTCOME, V_KIOSK_MS, V_ESTIMATE,
};

static gboolean
scan_visits (sqlite3               *db,
             const WkMetricsQuery  *query,
             Calendar              *cal,
             WkMetrics             *metrics,
             GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Values waits = { NULL, 0, 0 }, services = { NULL, 0, 0 }, kiosk = { NULL, 0, 0 };
  g_autoptr(GPtrArray) accs = g_ptr_array_new_with_free_func (reason_acc_free);
  gint64 error_sum = 0, error_abs_sum = 0;
  gint64 last_lounge = -1;
  Zone *zone = NULL;
  int rc;

  stmt = prepare_filtered (db,
                           "SELECT lounge_id, checked_in_at, status, reason, called_at,"
                           " finished_at, outcome, kiosk_ms, estimated_wait_s"
                           " FROM visit"
                           " WHERE checked_in_at >= ?1 AND checked_in_at < ?2",
                           "lounge_id", "engineer_id", query, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 lounge_id = sqlite3_column_int64 (stmt, V_LOUNGE);
      gint64 checked_in = sqlite3_column_int64 (stmt, V_CHECKED_IN);
      const char *status = (const char *) sqlite3_column_text (stmt, V_STATUS);
      const char *reason = (const char *) sqlite3_column_text (stmt, V_REASON);
      int reason_len = sqlite3_column_bytes (stmt, V_REASON);
      gboolean called = sqlite3_column_type (stmt, V_CALLED) != SQLITE_NULL;
      gboolean done = status != NULL && strcmp (status, "done") == 0;
      gboolean left = status != NULL && strcmp (status, "left") == 0;
      gboolean cancelled = status != NULL && strcmp (status, "cancelled") == 0;
      ReasonAcc *acc;
      WkMetricsDay *day;

      if (lounge_id != last_lounge || zone == NULL)
        {
          zone = calendar_zone (cal, lounge_id);
          last_lounge = lounge_id;
        }
      zone_locate (zone, checked_in);
      day = calendar_day (cal, zone);
      acc = reason_acc (accs, reason != NULL ? reason : "", reason != NULL ? reason_len : 0);

      metrics->visits++;
      day->visits++;
      acc->visits++;
      metrics->heatmap[zone->weekday][zone->hour]++;

      if (done || left || cancelled)
        metrics->ended++;
      if (left)
        metrics->left++;
      if (done)
        {
          const char *outcome = (const char *) sqlite3_column_text (stmt, V_OUTCOME);

          metrics->finished++;
          day->finished++;
          if (outcome != NULL && strcmp (outcome, "resolved_first_contact") == 0)
            {
              metrics->resolved_first_contact++;
              day->resolved_first_contact++;
            }
        }

      if (called)
        {
          gint64 called_at = sqlite3_column_int64 (stmt, V_CALLED);
          gint64 wait = called_at - checked_in;

          values_push (&waits, wait);
          values_push (&acc->waits, wait);

          if (sqlite3_column_type (stmt, V_ESTIMATE) != SQLITE_NULL)
            {
              gint64 err = sqlite3_column_int64 (stmt, V_ESTIMATE) - wait;

              metrics->estimated++;
              error_sum += err;
              error_abs_sum += ABS (err);
            }

          if (done && sqlite3_column_type (stmt, V_FINISHED) != SQLITE_NULL)
            {
              gint64 service = sqlite3_column_int64 (stmt, V_FINISHED) - called_at;

              values_push (&services, service);
            }
        }

      if (sqlite3_column_type (stmt, V_KIOSK_MS) != SQLITE_NULL)
        {
          values_push (&kiosk, sqlite3_column_int64 (stmt, V_KIOSK_MS));
        }
    }
  if (rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, _("Computing metrics"));
      values_clear (&waits);
      values_clear (&services);
      values_clear (&kiosk);
      return FALSE;
    }

  metrics->answered = waits.len;
  metrics->serviced = services.len;
  metrics->kiosk_timed = kiosk.len;

  metrics->fcr = metrics->finished > 0
    ? (double) metrics->resolved_first_contact / metrics->finished : 0;
  metrics->abandonment = metrics->ended > 0
    ? (double) metrics->left / metrics->ended : 0;
  metrics->wait_median_s = wk_metrics_median (waits.data, waits.len);
  metrics->wait_p90_s = wk_metrics_p90 (waits.data, waits.len);
  metrics->service_median_s = wk_metrics_median (services.data, services.len);
  metrics->kiosk_median_ms = wk_metrics_median (kiosk.data, kiosk.len);
  values_clear (&waits);
  values_clear (&services);
  values_clear (&kiosk);
  if (metrics->estimated > 0)
    {
      metrics->estimate_error_mean_s = (double) error_sum / metrics->estimated;
      metrics->estimate_error_mean_abs_s = (double) error_abs_sum / metrics->estimated;
    }

  for (guint i = 0; i < accs->len; i++)
    {
      ReasonAcc *acc = g_ptr_array_index (accs, i);
      WkMetricsReason *r = g_new0 (WkMetricsReason, 1);

      r->reason = g_steal_pointer (&acc->reason);
      r->visits = acc->visits;
      r->answered = acc->waits.len;
      r->wait_median_s = wk_metrics_median (acc->waits.data, acc->waits.len);
      g_ptr_array_add (metrics->reasons, r);
    }
  g_ptr_array_sort (metrics->reasons, reason_compare);

  return TRUE;
}

static gboolean
scan_surveys (sqlite3               *db,
              const WkMetricsQuery  *query,
              Calendar              *cal,
              WkMetrics             *metrics,
              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare_filtered (db,
                           "SELECT lounge_id, created_at, score FROM survey"
                           " WHERE created_at >= ?1 AND created_at < ?2",
                           "lounge_id", "engineer_id", query, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 lounge_id = sqlite3_column_int64 (stmt, 0);  /* NULL reads as 0: UTC */
      Zone *zone = calendar_zone (cal, lounge_id);
      WkMetricsDay *day;

      zone_locate (zone, sqlite3_column_int64 (stmt, 1));
      day = calendar_day (cal, zone);
      metrics->surveys++;
      day->surveys++;
      if (sqlite3_column_int (stmt, 2) >= 4)
        {
          metrics->satisfied++;
          day->satisfied++;
        }
    }
  if (rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, _("Computing metrics"));
      return FALSE;
    }

  metrics->csat = metrics->surveys > 0
    ? (double) metrics->satisfied / metrics->surveys : 0;
  return TRUE;
}

static gboolean
scan_hardware (sqlite3               *db,
               const WkMetricsQuery  *query,
               WkMetrics             *metrics,
               GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) lags = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = prepare_filtered (db,
                           "SELECT collected_at - ready_at FROM hardware"
                           " WHERE collected_at >= ?1 AND collected_at < ?2"
                           /* +status: stay on hardware_by_collected */
                           " AND +status = 'collected' AND ready_at IS NOT NULL",
                           "lounge_id", "handed_over_by", query, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 lag = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (lags, lag);
    }
  if (rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, _("Computing metrics"));
      return FALSE;
    }

  metrics->collected = lags->len;
  metrics->collection_lag_median_s = wk_metrics_median ((gint64 *) (void *) lags->data,
                                                        lags->len);
  return TRUE;
}

WkMetrics *
wk_metrics_compute (sqlite3               *db,
                    const WkMetricsQuery  *query,
                    GError               **error)
{
  g_autoptr(WkMetrics) metrics = NULL;
  Calendar cal = { NULL, NULL };
  GHashTableIter iter;
  gpointer value;
  gboolean own_transaction;
  gboolean ok;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (query->to < query->from)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("The end of the period is before its start"));
      return NULL;
    }

  metrics = metrics_new (query);

  /* one read transaction, so every figure sees the same snapshot (unless the
   * caller already holds one) */
  own_transaction = sqlite3_get_autocommit (db) != 0;
  if (own_transaction && !wk_db_exec (db, "BEGIN", error))
    return NULL;

  ok = calendar_init (&cal, db, error) &&
       scan_visits (db, query, &cal, metrics, error) &&
       scan_surveys (db, query, &cal, metrics, error) &&
       scan_hardware (db, query, metrics, error);

  if (own_transaction)
    sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);

  if (ok)
    {
      g_hash_table_iter_init (&iter, cal.days);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          WkMetricsDay *day = value;

          day->csat = day->surveys > 0 ? (double) day->satisfied / day->surveys : 0;
          day->fcr = day->finished > 0 ? (double) day->resolved_first_contact / day->finished : 0;
          g_array_append_val (metrics->days, *day);
        }
      g_array_sort (metrics->days, day_compare);
    }

  calendar_clear (&cal);

  if (!ok)
    return NULL;
  return g_steal_pointer (&metrics);
}
