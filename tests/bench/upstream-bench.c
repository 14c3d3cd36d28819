/* upstream-bench.c — identify in front of a real Request Tracker 5
 *
 * Prints (NAME VALUE, milliseconds, medians over RUNS):
 *   identify_local_ms      identify with no upstream (the local copy only)
 *   identify_rt_cold_ms    identify asking RT (cache dropped before each)
 *   identify_rt_warm_ms    identify within the cache time (RT not asked)
 *   rt_rest_search_ms      RT's own answer to the connector's search for the
 *                          same requester, taken in turns with the cold runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rt-test-util.h"
#include "wk-local-desk.h"
#include "wk-rt-upstream.h"
#include "wk-upstream-lookup.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>

#define RUNS       21
#define N_TICKETS  5
#define EMAIL      "bench.requester@corp.example"

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gpointer
seed_job (sqlite3  *db,
          gpointer  data,
          GError  **error)
{
  if (sqlite3_exec (db,
                    "INSERT INTO lounge (id, name) VALUES (1, 'Bench Lounge');"
                    "INSERT INTO person (id, badge_id, email, display_name, role, created_at, updated_at)"
                    " VALUES (1, '4242', '" EMAIL "', 'Bench Person', 'visitor', 0, 0);",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return NULL;
    }
  return GINT_TO_POINTER (TRUE);
}

static double
identify_ms (WkLocalDesk *desk,
             guint       *n_tickets)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WkIdentity) identity = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  wk_desk_identify_async (WK_DESK (desk), WK_IDENTIFIED_BY_BADGE, "4242", NULL, got_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  identity = wk_desk_identify_finish (WK_DESK (desk), result, &error);
  if (identity == NULL)
    g_error ("identify: %s", error->message);
  *n_tickets = g_list_model_get_n_items (wk_identity_get_tickets (identity));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *skip = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *search = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkStore) store = NULL;
  g_autoptr(WkLocalDesk) desk = NULL;
  g_autoptr(WkUpstream) upstream = NULL;
  g_autoptr(WkUpstreamLookup) lookup = NULL;
  double local[RUNS], cold[RUNS], warm[RUNS], rest[RUNS];
  guint n = 0;
  RtTest *rt;

  rt = rt_test_start (&skip);
  if (rt == NULL)
    {
      g_print ("# skipped: %s\n", skip != NULL ? skip : "Request Tracker 5 is not installed");
      return 0;
    }
  for (int i = 0; i < N_TICKETS; i++)
    {
      g_autofree char *subject = g_strdup_printf ("Bench ticket %d", i);
      g_autofree char *id = rt_test_create_ticket (rt, EMAIL, subject);
    }

  dir = g_dir_make_tmp ("upstream-bench-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "lounge.db", NULL);
  store = wk_store_new (path, NULL, &error);
  g_assert_no_error (error);
  wk_store_run_sync (store, seed_job, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  desk = wk_local_desk_new (store);

  for (guint i = 0; i < RUNS; i++)
    local[i] = identify_ms (desk, &n);

  upstream = WK_UPSTREAM (wk_rt_upstream_new (rt->url, rt->token, "General", 10));
  lookup = wk_upstream_lookup_new (upstream, 5000, 0);
  wk_local_desk_set_upstream_lookup (desk, lookup);
  /* cold identify and RT's own answer to the same search, taken in turns so
   * that both meet the same load */
  search = wk_rt_upstream_requester_search_path (EMAIL);
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start;
      guint status = 0;
      g_autoptr(JsonNode) answer = NULL;

      wk_upstream_lookup_forget (lookup);
      cold[i] = identify_ms (desk, &n);
      g_assert_cmpuint (n, ==, N_TICKETS);

      start = g_get_monotonic_time ();
      answer = rt_test_call (rt, "GET", search, NULL, &status);
      g_assert_cmpuint (status, ==, 200);
      rest[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  for (guint i = 0; i < RUNS; i++)
    {
      warm[i] = identify_ms (desk, &n);
      g_assert_cmpuint (n, ==, N_TICKETS);
    }

  g_print ("identify_local_ms %.2f\n", median (local, RUNS));
  g_print ("identify_rt_cold_ms %.2f\n", median (cold, RUNS));
  g_print ("identify_rt_warm_ms %.2f\n", median (warm, RUNS));
  g_print ("rt_rest_search_ms %.2f\n", median (rest, RUNS));

  g_clear_object (&lookup);
  g_clear_object (&upstream);
  g_clear_object (&desk);
  wk_store_close (store);
  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *file = g_strconcat (path, suffix[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
  rt_test_free (rt);
  return 0;
}
