/* wk-review-dashboard.h — the KPI cards and charts of one period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-metrics.h"
#include "wk-trend-chart.h"

G_BEGIN_DECLS

#define WK_TYPE_REVIEW_DASHBOARD (wk_review_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (WkReviewDashboard, wk_review_dashboard, WK, REVIEW_DASHBOARD, AdwBin)

GtkWidget *wk_review_dashboard_new         (void);
/* Shows @current (with the change against @previous, the period of the
 * same length just before; NULL when unknown).  @scope describes the
 * filters, e.g. "Last 30 days · All lounges · Everyone". */
void       wk_review_dashboard_set_metrics (WkReviewDashboard *self,
                                            const WkMetrics   *current,
                                            const WkMetrics   *previous,
                                            const char        *scope);
/* A KPI card by key: csat, fcr, wait-median, wait-p90, visits,
 * abandonment, collection-lag, estimate-error (for the tests). */
GtkWidget *wk_review_dashboard_get_card    (WkReviewDashboard *self,
                                            const char        *key);
GtkWidget *wk_review_dashboard_get_heatmap (WkReviewDashboard *self);
GtkWidget *wk_review_dashboard_get_trend   (WkReviewDashboard *self);
GtkWidget *wk_review_dashboard_get_waits   (WkReviewDashboard *self);

/* Weekly points (weeks start on Monday) from @metrics->days; returns the
 * number written to @points (at most @max). */
guint      wk_review_weekly_points         (const WkMetrics   *metrics,
                                            WkTrendPoint      *points,
                                            guint              max);

G_END_DECLS
