/* kiosk-bench.c — the kiosk at the lounge door
 *
 * Generates the scale preset (seed 1) into a temporary directory, opens every
 * lounge around the clock, then prints:
 *
 *   scan_to_hello_p95_ms  wk_kiosk_window_scan_badge() (what the badge
 *                         detector calls on Enter) → the hello page is the
 *                         visible page → the next frame painted (the frame
 *                         clock's after-paint).  The 95th percentile of 100
 *                         scans of 100 different badges, each from the start
 *                         page (reset and repainted in between)
 *   scan_to_hello_p50_ms  the median of the same scans
 *   scan_to_hello_shown_p50_ms  the median time until the hello page is the
 *                         visible page, before it is painted
 *   start_ratio           cold start of the real `walkup --kiosk --db PATH`
 *                         to its first painted start page (the program prints
 *                         "first-frame start" when WALKUP_MARK_FIRST_FRAME is
 *                         set) ÷ the same for kiosk-bench-bare, a bare
 *                         AdwApplicationWindow; medians of START_RUNS spawns
 *                         each, alternating
 *   rss_growth_mb         resident memory (/proc/self/statm) after 1,000
 *                         journeys minus after 100; a journey is a badge scan
 *                         → the hello page painted → reset → the start page
 *                         painted
 *
 * The window has the program's stylesheet (what AdwApplication loads for
 * `walkup --kiosk`), so that it paints what a kiosk paints.
 *
 * Targets (issue 4): ≤ 33 ms, ≤ 1.5, ≤ 5 MB — read them, they are not
 * asserted.  Needs a display: meson runs it through tests/walkup-test-session.
 * Usage: kiosk-bench WALKUP KIOSK-BENCH-BARE [DB] (an existing database
 * instead of generating the scale preset).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../common/wk-test-display.h"
#include "wk-demo-data.h"
#include "wk-kiosk-window.h"
#include "wk-local-desk.h"
#include "wk-store.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#define SCANS       100
#define JOURNEYS    1000
#define START_RUNS  7

typedef struct {
  WkKioskWindow *window;
  gboolean       painted;
} Bench;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (double *values,
            guint   n,
            double  p)
{
  guint i;

  qsort (values, n, sizeof values[0], compare_double);
  i = (guint) (p * n + 0.5);
  return values[MIN (i > 0 ? i - 1 : 0, n - 1)];
}

static double
rss_mb (void)
{
  g_autofree char *text = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &text, NULL, NULL) ||
      sscanf (text, "%lu %lu", &size, &resident) != 2)
    return -1;
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *b)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, b);
  b->painted = TRUE;
}

/* Waits until @page is the visible page, then for the next painted frame;
 * returns when the page became the visible one. */
static gint64
wait_painted (Bench      *b,
              const char *page)
{
  gint64 shown;

  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_strcmp0 (wk_kiosk_window_get_page_name (b->window), page) != 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("still on %s, waiting for %s", wk_kiosk_window_get_page_name (b->window), page);
      g_main_context_iteration (NULL, TRUE);
    }
  shown = g_get_monotonic_time ();
  b->painted = FALSE;
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (b->window)), "after-paint",
                    G_CALLBACK (after_paint_cb), b);
  gtk_widget_queue_draw (GTK_WIDGET (b->window));
  while (!b->painted)
    g_main_context_iteration (NULL, TRUE);
  return shown;
}

static double
journey (Bench      *b,
         const char *badge,
         double     *shown_ms)
{
  gint64 start = g_get_monotonic_time ();
  gint64 shown;
  double ms;

  wk_kiosk_window_scan_badge (b->window, badge);
  shown = wait_painted (b, "WkKioskHelloPage");
  ms = (g_get_monotonic_time () - start) / 1000.0;
  *shown_ms = (shown - start) / 1000.0;
  wk_kiosk_window_reset (b->window);
  wait_painted (b, "start");
  return ms;
}

/* Spawns @argv and returns the milliseconds until it prints @marker. */
static double
time_to_marker (const char * const *argv,
                const char         *marker)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double ms = -1;

  g_subprocess_launcher_setenv (launcher, "WALKUP_MARK_FIRST_FRAME", "1", TRUE);
  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (out, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("%s ended without printing \"%s\"", argv[0], marker);
      if (g_strcmp0 (line, marker) == 0)
        {
          ms = (g_get_monotonic_time () - start) / 1000.0;
          break;
        }
    }
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
  return ms;
}

static GPtrArray *
badges (const char *path)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* open around the clock, whatever time the bench runs */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE lounge SET opening_hours = 'daily 00:00-24:00'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT badge_id FROM person WHERE badge_id IS NOT NULL ORDER BY id LIMIT ?",
    -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, SCANS);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (list->len, >, 0);
  return list;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(WkStore) store = NULL;
  g_autoptr(WkDesk) desk = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  double scans[SCANS], shown[SCANS], p50, p95, rss100 = 0, rss1000;
  double kiosk[START_RUNS], bare[START_RUNS];
  Bench b = { 0 };
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  if (argc < 3)
    g_error ("usage: kiosk-bench WALKUP KIOSK-BENCH-BARE [DB]");

  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_init ();
  adw_init ();
  wk_test_display_as_program ();

  if (argc > 3)
    {
      path = g_strdup (argv[3]);
      g_print ("dataset given\n");
    }
  else
    {
      WkDemoDataOptions options;
      gint64 start;

      dir = g_dir_make_tmp ("walkup-kiosk-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "scale.db", NULL);
      wk_demo_data_options_init_scale (&options);
      options.seed = 1;
      start = g_get_monotonic_time ();
      wk_demo_data_create (path, &options, FALSE, &error);
      g_assert_no_error (error);
      g_print ("dataset scale\n");
      g_print ("generate_scale_s %.1f\n", (g_get_monotonic_time () - start) / 1e6);
    }
  ids = badges (path);

  /* cold starts first, while this process has no window of its own */
  for (guint i = 0; i < START_RUNS; i++)
    {
      const char * const walkup[] = { argv[1], "--kiosk", "--db", path, NULL };
      const char * const yardstick[] = { argv[2], NULL };

      kiosk[i] = time_to_marker (walkup, "first-frame start");
      bare[i] = time_to_marker (yardstick, "first-frame bare");
    }

  store = wk_store_new (path, NULL, &error);
  g_assert_no_error (error);
  desk = WK_DESK (wk_local_desk_new (store));
  b.window = wk_kiosk_window_new (NULL, desk);
  gtk_window_present (GTK_WINDOW (b.window));
  wait_painted (&b, "start");

  for (guint i = 0; i < JOURNEYS; i++)
    {
      double shown_ms;
      double ms = journey (&b, g_ptr_array_index (ids, i % ids->len), &shown_ms);

      if (i < SCANS)
        {
          scans[i] = ms;
          shown[i] = shown_ms;
        }
      if (i + 1 == SCANS)
        rss100 = rss_mb ();
    }
  rss1000 = rss_mb ();

  p50 = percentile (scans, SCANS, 0.50);
  p95 = percentile (scans, SCANS, 0.95);
  g_print ("scan_to_hello_p95_ms %.1f\n", p95);
  g_print ("scan_to_hello_p50_ms %.1f\n", p50);
  /* of which: until the hello page is the visible page (the look-up and
   * building the page), before its frame is painted */
  g_print ("scan_to_hello_shown_p50_ms %.1f\n", percentile (shown, SCANS, 0.50));
  {
    double k = percentile (kiosk, START_RUNS, 0.5), y = percentile (bare, START_RUNS, 0.5);

    g_print ("start_kiosk_ms %.1f\n", k);
    g_print ("start_bare_ms %.1f\n", y);
    g_print ("start_ratio %.2f\n", k / y);
  }
  g_print ("rss_after_100_mb %.1f\n", rss100);
  g_print ("rss_after_1000_mb %.1f\n", rss1000);
  g_print ("rss_growth_mb %.1f\n", rss1000 - rss100);

  gtk_window_destroy (GTK_WINDOW (b.window));
  g_clear_object (&desk);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  wk_store_close (store);
  for (guint i = 0; dir != NULL && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
  if (dir != NULL)
    g_rmdir (dir);
  return 0;
}
