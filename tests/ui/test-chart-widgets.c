/* test-chart-widgets.c — the KPI card and the charts: what they show, and
 * their text alternatives; the dashboard fed with hand-made figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-bar-chart.h"
#include "wk-heatmap.h"
#include "wk-kpi-card.h"
#include "wk-review-dashboard.h"
#include "wk-trend-chart.h"

#include <locale.h>
#include <string.h>

static void
show_and_draw (GtkWidget *widget)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  /* one frame: snapshot runs */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_kpi_card (void)
{
  GtkWidget *card = g_object_ref_sink (wk_kpi_card_new ());

  wk_kpi_card_set_title (WK_KPI_CARD (card), "CSAT");
  wk_kpi_card_set_value (WK_KPI_CARD (card), "75%");
  wk_kpi_card_set_target (WK_KPI_CARD (card), "Industry > 70% · Best > 90%");
  g_assert_null (wk_kpi_card_get_change (WK_KPI_CARD (card)));
  g_assert_null (wk_kpi_card_get_standing (WK_KPI_CARD (card)));
  wk_kpi_card_set_change (WK_KPI_CARD (card), "+5 pts", WK_KPI_TONE_GOOD);
  wk_kpi_card_set_standing (WK_KPI_CARD (card), "Industry range", WK_KPI_TONE_NEUTRAL);
  g_assert_cmpstr (wk_kpi_card_get_value (WK_KPI_CARD (card)), ==, "75%");
  g_assert_cmpstr (wk_kpi_card_get_change (WK_KPI_CARD (card)), ==, "+5 pts");
  g_assert_cmpstr (wk_kpi_card_get_standing (WK_KPI_CARD (card)), ==, "Industry range");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (card)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
  show_and_draw (card);
  g_object_unref (card);
}

static void
test_heatmap (void)
{
  GtkWidget *heatmap = g_object_ref_sink (wk_heatmap_new ());
  guint counts[7][24] = { { 0 } };

  g_assert_cmpstr (wk_heatmap_get_summary (WK_HEATMAP (heatmap)), ==, "No visits in this period.");
  show_and_draw (g_object_ref (heatmap));   /* empty draws too */
  counts[1][10] = 14;   /* Tuesday 10–11 */
  counts[0][9] = 12;
  counts[4][16] = 1;
  wk_heatmap_set_counts (WK_HEATMAP (heatmap), (const guint (*)[24]) counts);
  g_assert_cmpuint (wk_heatmap_get_count (WK_HEATMAP (heatmap), 1, 10), ==, 14);
  g_assert_cmpstr (wk_heatmap_get_summary (WK_HEATMAP (heatmap)), ==,
                   "27 visits. Busiest: Tuesday 10:00–11:00, 14 visits. "
                   "Busiest: Monday 09:00–10:00, 12 visits. Busiest: Friday 16:00–17:00, 1 visit. "
                   "Monday: 12. Tuesday: 14. Wednesday: 0. Thursday: 0. Friday: 1. "
                   "Saturday: 0. Sunday: 0.");
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (heatmap)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
  show_and_draw (heatmap);
}

static void
test_bar_chart (void)
{
  GtkWidget *chart = g_object_ref_sink (wk_bar_chart_new ());

  wk_bar_chart_set_empty_text (WK_BAR_CHART (chart), "Nothing");
  g_assert_cmpstr (wk_bar_chart_get_summary (WK_BAR_CHART (chart)), ==, "Nothing");
  wk_bar_chart_set_reference (WK_BAR_CHART (chart), 60, "Industry 60 s");
  wk_bar_chart_add_bar (WK_BAR_CHART (chart), "Software and apps", 600, "10 min");
  wk_bar_chart_add_bar (WK_BAR_CHART (chart), "Laptop or desktop", 90, "1 min 30 s");
  g_assert_cmpuint (wk_bar_chart_get_n_bars (WK_BAR_CHART (chart)), ==, 2);
  g_assert_cmpstr (wk_bar_chart_get_summary (WK_BAR_CHART (chart)), ==,
                   "Software and apps: 10 min. Laptop or desktop: 1 min 30 s.");
  show_and_draw (g_object_ref (chart));
  wk_bar_chart_clear (WK_BAR_CHART (chart));
  g_assert_cmpuint (wk_bar_chart_get_n_bars (WK_BAR_CHART (chart)), ==, 0);
  g_object_unref (chart);
}

static void
add_day (GArray     *days,
         const char *date,
         guint       surveys,
         guint       satisfied,
         guint       finished,
         guint       rfc)
{
  WkMetricsDay day = { 0 };

  g_strlcpy (day.date, date, sizeof day.date);
  day.surveys = surveys;
  day.satisfied = satisfied;
  day.finished = finished;
  day.resolved_first_contact = rfc;
  g_array_append_val (days, day);
}

static void
test_weekly_points_and_trend (void)
{
  WkMetrics metrics = { 0 };
  WkTrendPoint points[8];
  GtkWidget *chart = g_object_ref_sink (wk_trend_chart_new ());
  guint n;

  metrics.days = g_array_new (FALSE, TRUE, sizeof (WkMetricsDay));
  /* week of Mon 3 Mar 2025: Wed + Sun; week of 10 Mar: Mon; no surveys in week 3 */
  add_day (metrics.days, "2025-03-05", 2, 1, 4, 2);
  add_day (metrics.days, "2025-03-09", 2, 2, 1, 1);
  add_day (metrics.days, "2025-03-10", 5, 4, 0, 0);
  add_day (metrics.days, "2025-03-18", 0, 0, 2, 1);
  n = wk_review_weekly_points (&metrics, points, G_N_ELEMENTS (points));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (points[0].label, ==, "3 Mar");
  g_assert_true (points[0].has_csat && points[0].has_fcr);
  g_assert_cmpfloat_with_epsilon (points[0].csat, 3.0 / 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (points[0].fcr, 3.0 / 5.0, 1e-9);
  g_assert_cmpstr (points[1].label, ==, "10 Mar");
  g_assert_cmpfloat_with_epsilon (points[1].csat, 0.8, 1e-9);
  g_assert_false (points[1].has_fcr);
  g_assert_cmpstr (points[2].label, ==, "17 Mar");
  g_assert_false (points[2].has_csat);

  wk_trend_chart_set_points (WK_TREND_CHART (chart), points, n);
  g_assert_cmpstr (wk_trend_chart_get_summary (WK_TREND_CHART (chart)), ==,
                   "Week of 3 Mar: CSAT 75%, FCR 60%. Week of 10 Mar: CSAT 80%, FCR no finished visits. "
                   "Week of 17 Mar: CSAT no surveys, FCR 50%.");
  show_and_draw (chart);
  g_array_unref (metrics.days);
}

static void
test_dashboard (void)
{
  /* the e2e fixture's figures, by hand (tests/e2e/test-review-dashboard.py) */
  WkMetrics cur = { 0 }, prev = { 0 };
  WkMetricsReason software = { (char *) "software", 3, 1, 600 };
  WkMetricsReason account = { (char *) "account", 2, 2, 165 };
  GtkWidget *dashboard = g_object_ref_sink (wk_review_dashboard_new ());
  WkReviewDashboard *d = WK_REVIEW_DASHBOARD (dashboard);

  cur.visits = 8; cur.ended = 7; cur.left = 1; cur.finished = 5; cur.resolved_first_contact = 3;
  cur.answered = 5; cur.estimated = 4; cur.surveys = 5; cur.satisfied = 3; cur.collected = 3;
  cur.csat = 0.6; cur.fcr = 0.6; cur.abandonment = 1.0 / 7.0;
  cur.wait_median_s = 120; cur.wait_p90_s = 600; cur.collection_lag_median_s = 3600;
  cur.estimate_error_mean_s = -30; cur.estimate_error_mean_abs_s = 60;
  cur.reasons = g_ptr_array_new ();
  g_ptr_array_add (cur.reasons, &account);
  g_ptr_array_add (cur.reasons, &software);
  cur.heatmap[3][14] = 8;
  prev.visits = 2; prev.ended = 2; prev.finished = 2; prev.resolved_first_contact = 1;
  prev.answered = 2; prev.surveys = 1; prev.satisfied = 1;
  prev.csat = 1; prev.fcr = 0.5; prev.wait_median_s = 210; prev.wait_p90_s = 240;

  wk_review_dashboard_set_metrics (d, &cur, &prev, "Last 30 days · All lounges · Everyone");
#define CARD(key) WK_KPI_CARD (wk_review_dashboard_get_card (d, key))
  g_assert_cmpstr (wk_kpi_card_get_value (CARD ("csat")), ==, "60%");
  g_assert_cmpstr (wk_kpi_card_get_change (CARD ("csat")), ==, "\342\210\222" "40 pts on the previous period");
  g_assert_cmpstr (wk_kpi_card_get_standing (CARD ("csat")), ==, "Below industry");
  g_assert_cmpstr (wk_kpi_card_get_value (CARD ("fcr")), ==, "60%");
  g_assert_cmpstr (wk_kpi_card_get_standing (CARD ("fcr")), ==, "Industry range");
  g_assert_cmpstr (wk_kpi_card_get_value (CARD ("wait-median")), ==, "2 min");
  g_assert_cmpstr (wk_kpi_card_get_change (CARD ("wait-median")), ==,
                   "\342\210\222" "1 min 30 s on the previous period");
  g_assert_cmpstr (wk_kpi_card_get_value (CARD ("wait-p90")), ==, "10 min");
  g_assert_cmpstr (wk_kpi_card_get_value (CARD ("visits")), ==, "8");
  g_assert_cmpstr (wk_kpi_card_get_change (CARD ("visits")), ==, "+6 on the previous period");
  g_assert_cmpstr (wk_kpi_card_get_value (CARD ("abandonment")), ==, "14%");
  g_assert_cmpstr (wk_kpi_card_get_value (CARD ("collection-lag")), ==, "1 h");
  g_assert_cmpstr (wk_kpi_card_get_change (CARD ("collection-lag")), ==, "No data for the previous period");
  g_assert_cmpstr (wk_kpi_card_get_value (CARD ("estimate-error")), ==, "1 min");
  g_assert_cmpstr (wk_kpi_card_get_target (CARD ("estimate-error")), ==,
                   "On average people waited 30 s longer than told");
  g_assert_cmpstr (wk_bar_chart_get_summary (WK_BAR_CHART (wk_review_dashboard_get_waits (d))), ==,
                   "Software and apps: 10 min. Account and password: 2 min 45 s.");
  g_assert_true (g_str_has_prefix (wk_heatmap_get_summary (WK_HEATMAP (wk_review_dashboard_get_heatmap (d))),
                                   "8 visits. Busiest: Thursday 14:00–15:00, 8 visits."));

  /* no data: dashes, no change line, no standing */
  {
    WkMetrics empty = { 0 };

    wk_review_dashboard_set_metrics (d, &empty, NULL, "");
    g_assert_cmpstr (wk_kpi_card_get_value (CARD ("csat")), ==, "—");
    g_assert_null (wk_kpi_card_get_change (CARD ("csat")));
    g_assert_null (wk_kpi_card_get_standing (CARD ("csat")));
    g_assert_cmpstr (wk_kpi_card_get_value (CARD ("visits")), ==, "0");
  }
#undef CARD
  show_and_draw (dashboard);
  g_ptr_array_unref (cur.reasons);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/widgets/kpi-card", test_kpi_card);
  g_test_add_func ("/widgets/heatmap", test_heatmap);
  g_test_add_func ("/widgets/bar-chart", test_bar_chart);
  g_test_add_func ("/widgets/trend-chart", test_weekly_points_and_trend);
  g_test_add_func ("/review/dashboard", test_dashboard);

  return g_test_run ();
}
