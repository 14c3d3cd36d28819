/* wk-trend-chart.h — CSAT and FCR per week as two lines on 0–100 %, with
 * the reference targets as dashed lines; drawn with GtkSnapshot and cairo
 *
 * Its accessible description is a text alternative: each week's figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * WkTrendPoint:
 * @label: the x-axis label, e.g. "3 Mar" (the week's Monday)
 * @csat: a share in [0, 1], meaningful when @has_csat
 * @fcr: a share in [0, 1], meaningful when @has_fcr
 */
typedef struct {
  char     label[32];
  double   csat;
  double   fcr;
  gboolean has_csat;
  gboolean has_fcr;
} WkTrendPoint;

#define WK_TYPE_TREND_CHART (wk_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (WkTrendChart, wk_trend_chart, WK, TREND_CHART, GtkWidget)

GtkWidget          *wk_trend_chart_new        (void);
void                wk_trend_chart_set_points (WkTrendChart       *self,
                                               const WkTrendPoint *points,
                                               guint               n_points);
const WkTrendPoint *wk_trend_chart_get_points (WkTrendChart       *self,
                                               guint              *n_points);
/* The text alternative (also the accessible description). */
const char         *wk_trend_chart_get_summary (WkTrendChart      *self);

G_END_DECLS
