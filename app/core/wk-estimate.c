/* wk-estimate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-estimate"

#include "config.h"

#include "wk-estimate.h"

#include "wk-db.h"
#include "wk-metrics.h"
#include "wk-store.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

int
wk_estimate_minutes (const WkEstimateGroup *groups,
                     guint                  n_groups,
                     guint                  engineers)
{
  double total_s = 0;

  g_return_val_if_fail (groups != NULL || n_groups == 0, 0);

  for (guint i = 0; i < n_groups; i++)
    total_s += groups[i].people * MAX (groups[i].median_service_s, 0.0);

  return (int) floor (total_s / MAX (engineers, 1u) / 60.0 + 0.5);
}

typedef struct {
  char   *reason;    /* owned */
  guint   waiting;
  GArray *services;  /* owned, gint64 seconds */
} Reason;

static void
reason_free (gpointer data)
{
  Reason *r = data;

  g_free (r->reason);
  g_array_unref (r->services);
  g_free (r);
}

static Reason *
reason_find (GPtrArray  *reasons,
             const char *name,
             gboolean    create)
{
  Reason *r;

  for (guint i = 0; i < reasons->len; i++)
    {
      r = g_ptr_array_index (reasons, i);
      if (strcmp (r->reason, name) == 0)
        return r;
    }
  if (!create)
    return NULL;
  r = g_new0 (Reason, 1);
  r->reason = g_strdup (name);
  r->services = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_ptr_array_add (reasons, r);
  return r;
}

/* Statements come from the store's cache when run by its worker: every
 * check-in asks for an estimate. */
static gboolean
prepare (sqlite3       *db,
         const char    *sql,
         WkStoreStmt  **stmt,
         gint64         lounge_id,
         gint64         now,
         GError       **error)
{
  int rc;

  *stmt = wk_store_prepare (db, sql, error);
  if (*stmt == NULL)
    return FALSE;

  rc = sqlite3_bind_int64 (*stmt, 1, lounge_id);
  if (rc == SQLITE_OK && sqlite3_bind_parameter_count (*stmt) >= 2)
    rc = sqlite3_bind_int64 (*stmt, 2, now);
  if (rc != SQLITE_OK)
    {
      wk_db_set_error (db, rc, error, _("Estimating the wait"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
step_error (sqlite3  *db,
            int       rc,
            GError  **error)
{
  if (rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, _("Estimating the wait"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
estimate (sqlite3  *db,
          gint64    lounge_id,
          gint64    now,
          int      *minutes,
          int      *people,
          GError  **error)
{
  g_autoptr(WkStoreStmt) waiting = NULL;
  g_autoptr(WkStoreStmt) services = NULL;
  g_autoptr(WkStoreStmt) on_duty = NULL;
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (reason_free);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (WkEstimateGroup));
  double lounge_median;
  guint engineers = 0;
  int rc;

  *people = 0;

  /* people ahead, by reason (kept by triggers, migration 7) */
  if (!prepare (db,
                "SELECT reason, n FROM visit_waiting_count"
                " WHERE lounge_id = ?1 AND n > 0",
                &waiting, lounge_id, now, error))
    return FALSE;
  while ((rc = sqlite3_step (waiting)) == SQLITE_ROW)
    {
      const char *reason = (const char *) sqlite3_column_text (waiting, 0);
      Reason *r = reason_find (reasons, reason != NULL ? reason : "", TRUE);

      r->waiting = (guint) sqlite3_column_int (waiting, 1);
      *people += (int) r->waiting;
    }
  if (!step_error (db, rc, error))
    return FALSE;

  if (*people == 0)
    {
      *minutes = 0;
      return TRUE;
    }

  /* recent service times (visit_estimate: lounge, status, time) */
  if (!prepare (db,
                "SELECT reason, finished_at - called_at FROM visit"
                " WHERE lounge_id = ?1 AND status = 'done'"
                " AND checked_in_at >= ?3 AND checked_in_at < ?2"
                " AND called_at IS NOT NULL AND finished_at IS NOT NULL"
                " ORDER BY checked_in_at DESC LIMIT ?4",
                &services, lounge_id, now, error))
    return FALSE;
  rc = sqlite3_bind_int64 (services, 3, now - (gint64) WK_ESTIMATE_RECENT_DAYS * 86400);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int (services, 4, WK_ESTIMATE_RECENT_MAX);
  if (rc != SQLITE_OK)
    return step_error (db, rc, error);
  while ((rc = sqlite3_step (services)) == SQLITE_ROW)
    {
      const char *reason = (const char *) sqlite3_column_text (services, 0);
      gint64 s = sqlite3_column_int64 (services, 1);
      Reason *r = reason_find (reasons, reason != NULL ? reason : "", FALSE);

      g_array_append_val (all, s);
      if (r != NULL)
        g_array_append_val (r->services, s);
    }
  if (!step_error (db, rc, error))
    return FALSE;

  /* engineers on duty (visit_estimate, one range per status) */
  if (!prepare (db,
                "SELECT count(DISTINCT engineer_id) FROM visit"
                " WHERE lounge_id = ?1"
                " AND status IN ('called', 'in_service', 'done', 'left', 'cancelled')"
                " AND checked_in_at > ?2 - ?3 AND checked_in_at <= ?2"
                " AND engineer_id IS NOT NULL"
                " AND (status IN ('called', 'in_service')"
                "      OR (called_at > ?2 - ?4 AND called_at <= ?2)"
                "      OR (finished_at > ?2 - ?4 AND finished_at <= ?2))",
                &on_duty, lounge_id, now, error))
    return FALSE;
  rc = sqlite3_bind_int64 (on_duty, 3, WK_ESTIMATE_LOOKBACK_S);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_int64 (on_duty, 4, WK_ESTIMATE_ON_DUTY_S);
  if (rc != SQLITE_OK)
    return step_error (db, rc, error);
  rc = sqlite3_step (on_duty);
  if (rc == SQLITE_ROW)
    {
      engineers = (guint) sqlite3_column_int (on_duty, 0);
      rc = SQLITE_DONE;
    }
  if (!step_error (db, rc, error))
    return FALSE;

  lounge_median = all->len > 0
    ? wk_metrics_median ((gint64 *) (void *) all->data, all->len)
    : WK_ESTIMATE_DEFAULT_SERVICE_S;

  for (guint i = 0; i < reasons->len; i++)
    {
      Reason *r = g_ptr_array_index (reasons, i);
      WkEstimateGroup group = { r->waiting, lounge_median };

      if (r->waiting == 0)
        continue;
      if (r->services->len >= WK_ESTIMATE_MIN_SAMPLES)
        group.median_service_s = wk_metrics_median ((gint64 *) (void *) r->services->data,
                                                    r->services->len);
      g_array_append_val (groups, group);
    }

  *minutes = wk_estimate_minutes ((const WkEstimateGroup *) (void *) groups->data,
                                  groups->len, MAX (engineers, 1u));
  return TRUE;
}

int
wk_estimate_wait (sqlite3  *db,
                  gint64    lounge_id,
                  gint64    now,
                  int      *people_ahead,
                  GError  **error)
{
  gboolean own_transaction;
  int minutes = -1;
  int people = 0;
  gboolean ok;

  g_return_val_if_fail (db != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  /* the three reads see one snapshot */
  own_transaction = sqlite3_get_autocommit (db) != 0;
  if (own_transaction && !wk_db_exec (db, "BEGIN", error))
    return -1;
  ok = estimate (db, lounge_id, now, &minutes, &people, error);
  if (own_transaction)
    sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);

  if (!ok)
    return -1;
  if (people_ahead != NULL)
    *people_ahead = people;
  return minutes;
}
