/* wk-review-dashboard.c — the KPI cards and charts of one period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-review-dashboard"

#include "config.h"

#include "wk-review-dashboard.h"

#include "wk-bar-chart.h"
#include "wk-category.h"
#include "wk-heatmap.h"
#include "wk-kpi-card.h"
#include "wk-review-format.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

struct _WkReviewDashboard
{
  AdwBin        parent_instance;

  GtkLabel     *scope_label;
  WkKpiCard    *csat_card;
  WkKpiCard    *fcr_card;
  WkKpiCard    *wait_median_card;
  WkKpiCard    *wait_p90_card;
  WkKpiCard    *visits_card;
  WkKpiCard    *abandonment_card;
  WkKpiCard    *lag_card;
  WkKpiCard    *estimate_card;
  WkHeatmap    *heatmap;
  WkTrendChart *trend;
  WkBarChart   *waits;
};

G_DEFINE_FINAL_TYPE (WkReviewDashboard, wk_review_dashboard, ADW_TYPE_BIN)

static void
wk_review_dashboard_class_init (WkReviewDashboardClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (WK_TYPE_KPI_CARD);
  g_type_ensure (WK_TYPE_HEATMAP);
  g_type_ensure (WK_TYPE_TREND_CHART);
  g_type_ensure (WK_TYPE_BAR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/review/wk-review-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, WkReviewDashboard, scope_label);
  gtk_widget_class_bind_template_child (widget_class, WkReviewDashboard, csat_card);
  gtk_widget_class_bind_template_child (widget_class, WkReviewDashboard, fcr_card);
  gtk_widget_class_bind_template_child (widget_class, WkReviewDashboard, wait_median_card);
  gtk_widget_class_bind_template_child (widget_class, WkReviewDashboard, wait_p90_card);
  gtk_widget_class_bind_template_child (widget_class, WkReviewDashboard, visits_card);
  gtk_widget_class_bind_template_child (widget_class, WkReviewDashboard, abandonment_card);
  gtk_widget_class_bind_template_child (widget_class, WkReviewDashboard, lag_card);
  gtk_widget_class_bind_template_child (widget_class, WkReviewDashboard, estimate_card);
  gtk_widget_class_bind_template_child (widget_class, WkReviewDashboard, heatmap);
  gtk_widget_class_bind_template_child (widget_class, WkReviewDashboard, trend);
  gtk_widget_class_bind_template_child (widget_class, WkReviewDashboard, waits);
}

static void
wk_review_dashboard_init (WkReviewDashboard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wk_bar_chart_set_reference (self->waits, 60, _("Industry 60 s"));
  wk_bar_chart_set_empty_text (self->waits, _("No visitor was called in this period"));
}

GtkWidget *
wk_review_dashboard_new (void)
{
  return g_object_new (WK_TYPE_REVIEW_DASHBOARD, NULL);
}

static WkKpiTone
standing_tone (WkReviewStanding standing)
{
  switch (standing)
    {
    case WK_REVIEW_STANDING_BELOW:
      return WK_KPI_TONE_BAD;
    case WK_REVIEW_STANDING_INDUSTRY:
      return WK_KPI_TONE_NEUTRAL;
    case WK_REVIEW_STANDING_ABOVE:
    case WK_REVIEW_STANDING_BEST:
      return WK_KPI_TONE_GOOD;
    case WK_REVIEW_STANDING_NONE:
    default:
      return WK_KPI_TONE_NEUTRAL;
    }
}

static void
set_standing (WkKpiCard        *card,
              gboolean          has_data,
              WkReviewStanding  standing)
{
  if (!has_data)
    standing = WK_REVIEW_STANDING_NONE;
  wk_kpi_card_set_standing (card, wk_review_standing_to_label (standing),
                            standing_tone (standing));
}

/* The change line: only when both periods have data. */
static void
set_change (WkKpiCard      *card,
            char            kind,
            WkReviewBetter  better,
            gboolean        has_data,
            double          current,
            gboolean        previous_has_data,
            double          previous)
{
  g_autofree char *change = NULL;
  g_autofree char *text = NULL;
  int direction;

  if (!has_data)
    {
      wk_kpi_card_set_change (card, NULL, WK_KPI_TONE_NEUTRAL);
      return;
    }
  if (!previous_has_data)
    {
      wk_kpi_card_set_change (card, _("No data for the previous period"), WK_KPI_TONE_NEUTRAL);
      return;
    }
  change = wk_review_format_change (kind, current, previous);
  direction = wk_review_change_direction (kind, better, current, previous);
  /* Translators: %s is a change such as "+5 pts", "−30 s" or "No change" */
  text = g_strdup_printf (_("%s on the previous period"), change);
  wk_kpi_card_set_change (card, text,
                          direction > 0 ? WK_KPI_TONE_GOOD :
                          direction < 0 ? WK_KPI_TONE_BAD : WK_KPI_TONE_NEUTRAL);
}

static void
set_value (WkKpiCard *card,
           gboolean   has_data,
           char      *value)   /* consumed */
{
  wk_kpi_card_set_value (card, has_data ? value : "—");
  g_free (value);
}

static int
reason_by_wait (gconstpointer a,
                gconstpointer b)
{
  const WkMetricsReason *x = *(WkMetricsReason * const *) a;
  const WkMetricsReason *y = *(WkMetricsReason * const *) b;

  if (x->wait_median_s != y->wait_median_s)
    return x->wait_median_s > y->wait_median_s ? -1 : 1;
  return g_strcmp0 (x->reason, y->reason);
}

guint
wk_review_weekly_points (const WkMetrics *metrics,
                         WkTrendPoint    *points,
                         guint            max)
{
  guint n = 0;
  guint satisfied = 0, surveys = 0, rfc = 0, finished = 0;
  GDate week = { 0 };

  g_date_clear (&week, 1);
  for (guint i = 0; metrics->days != NULL && i <= metrics->days->len; i++)
    {
      const WkMetricsDay *day = i < metrics->days->len
                                ? &g_array_index (metrics->days, WkMetricsDay, i) : NULL;
      GDate date;
      GDate monday;
      int y, m, d;

      g_date_clear (&date, 1);
      g_date_clear (&monday, 1);
      if (day != NULL)
        {
          if (sscanf (day->date, "%d-%d-%d", &y, &m, &d) != 3 ||
              !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
            continue;
          g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
          monday = date;
          g_date_subtract_days (&monday, g_date_get_weekday (&date) - G_DATE_MONDAY);
        }

      /* a new week (or the end): close the one before */
      if (g_date_valid (&week) && (day == NULL || g_date_compare (&monday, &week) != 0))
        {
          if (n < max)
            {
              WkTrendPoint *p = &points[n++];

              memset (p, 0, sizeof *p);
              /* Translators: the week's Monday on the trend chart's axis, see strftime */
              g_date_strftime (p->label, sizeof p->label, _("%d %b"), &week);
              if (p->label[0] == '0')
                memmove (p->label, p->label + 1, strlen (p->label));
              p->has_csat = surveys > 0;
              p->csat = surveys > 0 ? (double) satisfied / surveys : 0;
              p->has_fcr = finished > 0;
              p->fcr = finished > 0 ? (double) rfc / finished : 0;
            }
          satisfied = surveys = rfc = finished = 0;
        }
      if (day == NULL)
        break;
      week = monday;
      satisfied += day->satisfied;
      surveys += day->surveys;
      rfc += day->resolved_first_contact;
      finished += day->finished;
    }
  return n;
}

void
wk_review_dashboard_set_metrics (WkReviewDashboard *self,
                                 const WkMetrics   *cur,
                                 const WkMetrics   *prev,
                                 const char        *scope)
{
  static const WkMetrics empty = { 0 };

  g_return_if_fail (WK_IS_REVIEW_DASHBOARD (self));
  g_return_if_fail (cur != NULL);

  if (prev == NULL)
    prev = &empty;
  gtk_label_set_text (self->scope_label, scope != NULL ? scope : "");

  /* CSAT */
  set_value (self->csat_card, cur->surveys > 0, wk_review_format_percent (cur->csat));
  set_standing (self->csat_card, cur->surveys > 0, wk_review_standing_csat (cur->csat));
  set_change (self->csat_card, 'p', WK_REVIEW_BETTER_HIGHER, cur->surveys > 0, cur->csat,
              prev->surveys > 0, prev->csat);

  /* FCR */
  set_value (self->fcr_card, cur->finished > 0, wk_review_format_percent (cur->fcr));
  set_standing (self->fcr_card, cur->finished > 0, wk_review_standing_fcr (cur->fcr));
  set_change (self->fcr_card, 'p', WK_REVIEW_BETTER_HIGHER, cur->finished > 0, cur->fcr,
              prev->finished > 0, prev->fcr);

  /* wait */
  set_value (self->wait_median_card, cur->answered > 0, wk_review_format_duration (cur->wait_median_s));
  set_standing (self->wait_median_card, cur->answered > 0, wk_review_standing_wait (cur->wait_median_s));
  set_change (self->wait_median_card, 'd', WK_REVIEW_BETTER_LOWER, cur->answered > 0,
              cur->wait_median_s, prev->answered > 0, prev->wait_median_s);
  set_value (self->wait_p90_card, cur->answered > 0, wk_review_format_duration (cur->wait_p90_s));
  set_change (self->wait_p90_card, 'd', WK_REVIEW_BETTER_LOWER, cur->answered > 0,
              cur->wait_p90_s, prev->answered > 0, prev->wait_p90_s);

  /* visits */
  set_value (self->visits_card, TRUE, wk_review_format_count (cur->visits));
  set_change (self->visits_card, 'n', WK_REVIEW_BETTER_NEITHER, TRUE, cur->visits,
              prev->visits > 0, prev->visits);

  /* abandonment */
  set_value (self->abandonment_card, cur->ended > 0, wk_review_format_percent (cur->abandonment));
  set_change (self->abandonment_card, 'p', WK_REVIEW_BETTER_LOWER, cur->ended > 0,
              cur->abandonment, prev->ended > 0, prev->abandonment);

  /* collection lag */
  set_value (self->lag_card, cur->collected > 0, wk_review_format_duration (cur->collection_lag_median_s));
  set_change (self->lag_card, 'd', WK_REVIEW_BETTER_LOWER, cur->collected > 0,
              cur->collection_lag_median_s, prev->collected > 0, prev->collection_lag_median_s);

  /* estimate error: the typical size of the error; its bias below */
  set_value (self->estimate_card, cur->estimated > 0,
             wk_review_format_duration (cur->estimate_error_mean_abs_s));
  set_change (self->estimate_card, 'd', WK_REVIEW_BETTER_LOWER, cur->estimated > 0,
              cur->estimate_error_mean_abs_s, prev->estimated > 0, prev->estimate_error_mean_abs_s);
  if (cur->estimated > 0)
    {
      gint64 bias = llround (cur->estimate_error_mean_s);
      g_autofree char *amount = wk_review_format_duration ((double) ABS (bias));
      g_autofree char *text = NULL;

      /* estimate error = estimated − actual: below 0, people waited longer than told */
      if (bias < 0)
        /* Translators: %s is a duration such as "30 s" */
        text = g_strdup_printf (_("On average people waited %s longer than told"), amount);
      else if (bias > 0)
        /* Translators: %s is a duration such as "30 s" */
        text = g_strdup_printf (_("On average people waited %s less than told"), amount);
      else
        text = g_strdup (_("On average the estimates were right"));
      wk_kpi_card_set_target (self->estimate_card, text);
    }
  else
    wk_kpi_card_set_target (self->estimate_card, _("Typical gap between the wait we announced and the real one"));

  /* charts */
  wk_heatmap_set_counts (self->heatmap, cur->heatmap);
  {
    WkTrendPoint points[20];
    guint n = wk_review_weekly_points (cur, points, G_N_ELEMENTS (points));

    wk_trend_chart_set_points (self->trend, points, n);
  }
  {
    g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

    for (guint i = 0; cur->reasons != NULL && i < cur->reasons->len; i++)
      {
        WkMetricsReason *reason = g_ptr_array_index (cur->reasons, i);

        if (reason->answered > 0)
          g_ptr_array_add (reasons, reason);
      }
    g_ptr_array_sort (reasons, reason_by_wait);
    wk_bar_chart_clear (self->waits);
    for (guint i = 0; i < reasons->len; i++)
      {
        WkMetricsReason *reason = g_ptr_array_index (reasons, i);
        const WkCategory *category = wk_category_lookup (reason->reason);
        g_autofree char *value = wk_review_format_duration (reason->wait_median_s);

        wk_bar_chart_add_bar (self->waits,
                              category != NULL ? wk_category_get_name (category) : reason->reason,
                              reason->wait_median_s, value);
      }
  }
}

GtkWidget *
wk_review_dashboard_get_card (WkReviewDashboard *self,
                              const char        *key)
{
  struct { const char *key; WkKpiCard *card; } cards[] = {
    { "csat", self->csat_card },
    { "fcr", self->fcr_card },
    { "wait-median", self->wait_median_card },
    { "wait-p90", self->wait_p90_card },
    { "visits", self->visits_card },
    { "abandonment", self->abandonment_card },
    { "collection-lag", self->lag_card },
    { "estimate-error", self->estimate_card },
  };

  g_return_val_if_fail (WK_IS_REVIEW_DASHBOARD (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    if (g_strcmp0 (key, cards[i].key) == 0)
      return GTK_WIDGET (cards[i].card);
  return NULL;
}

GtkWidget *
wk_review_dashboard_get_heatmap (WkReviewDashboard *self)
{
  return GTK_WIDGET (self->heatmap);
}

GtkWidget *
wk_review_dashboard_get_trend (WkReviewDashboard *self)
{
  return GTK_WIDGET (self->trend);
}

GtkWidget *
wk_review_dashboard_get_waits (WkReviewDashboard *self)
{
  return GTK_WIDGET (self->waits);
}
