/* wk-metrics.h — the service figures, defined once: CSAT, FCR, wait, service…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/**
 * WkMetricsQuery:
 * @from: start of the range, unix seconds, inclusive
 * @to: end of the range, unix seconds, exclusive
 * @lounge_id: one lounge, or 0 for every lounge
 * @engineer_id: one engineer, or 0 for everyone
 *
 * Which rows count (the range is always half-open, [from, to)):
 *
 * - a **visit** counts when its `checked_in_at` lies in the range, whatever
 *   happened to it later (so a visit checked in at 23:59 on the last day and
 *   called after midnight still counts, with its whole wait);
 * - a **survey** counts when its `created_at` lies in the range;
 * - a **hardware** item counts (collection lag only) when its `collected_at`
 *   lies in the range.
 *
 * The lounge filter applies to `visit.lounge_id`, `survey.lounge_id` and
 * `hardware.lounge_id`; the engineer filter to `visit.engineer_id`,
 * `survey.engineer_id` and `hardware.handed_over_by`.  With an engineer
 * filter, visits nobody called (most `left` and `cancelled` ones) drop out,
 * so abandonment is only meaningful without it.
 */
typedef struct {
  gint64 from;
  gint64 to;
  gint64 lounge_id;
  gint64 engineer_id;
} WkMetricsQuery;

/**
 * WkMetricsDay:
 * @date: the calendar day in the lounge's own timezone ("YYYY-MM-DD")
 *
 * One day of the trend.  Only days with at least one visit or survey appear.
 * @csat and @fcr are 0 when their denominators (@surveys, @finished) are 0.
 */
typedef struct {
  char   date[11];
  guint  visits;
  guint  finished;
  guint  resolved_first_contact;
  guint  surveys;
  guint  satisfied;
  double csat;
  double fcr;
} WkMetricsDay;

/**
 * WkMetricsReason:
 * @reason: the category id (see wk-category.h), or whatever the visit says
 * @visits: visits with this reason
 * @answered: of those, visits that were called (have a wait)
 * @wait_median_s: median wait of the answered ones; 0 when @answered is 0
 */
typedef struct {
  char   *reason;  /* owned */
  guint   visits;
  guint   answered;
  double  wait_median_s;
} WkMetricsReason;

#define WK_TYPE_METRICS (wk_metrics_get_type ())

/**
 * WkMetrics:
 *
 * The figures for one #WkMetricsQuery.  Every share is a fraction in [0, 1];
 * every duration is in seconds (kiosk time in milliseconds).  A figure whose
 * population is empty is 0, never NaN: look at the matching count
 * (@surveys for @csat, @finished for @fcr, @answered for the wait figures,
 * @serviced for service time, @ended for @abandonment, @kiosk_timed,
 * @collected, @estimated) to tell "0" from "no data".
 *
 * Percentiles are exact, over whole seconds:
 * - the median of n values is the middle one when n is odd and the mean of
 *   the two middle ones when n is even;
 * - p90 is the nearest-rank 90th percentile: the value at 1-based rank
 *   ceil (0.9 × n) in ascending order.
 *
 * Definitions (DESIGN.md "Metrics"):
 * - **CSAT** = @satisfied / @surveys, where satisfied means score 4 or 5.
 * - **FCR** = @resolved_first_contact / @finished, where finished means
 *   status `done` and resolved_first_contact means outcome
 *   `resolved_first_contact`.
 * - **wait** (answer time) = called_at − checked_in_at, over visits that were
 *   called (@answered): @wait_median_s, @wait_p90_s.
 * - **service time** = finished_at − called_at over `done` visits that have
 *   both (@serviced): @service_median_s.
 * - **abandonment** = @left / @ended, where ended means status `done`,
 *   `left` or `cancelled` (visits still waiting or being served are not over
 *   yet and do not count either way).
 * - **kiosk time** = visit.kiosk_ms (first touch → check-in confirmed) over
 *   visits that have it (@kiosk_timed): @kiosk_median_ms.
 * - **collection lag** = collected_at − ready_at over collected hardware
 *   (@collected): @collection_lag_median_s.
 * - **estimate error** = estimated_wait_s − actual wait, over called visits
 *   that were given an estimate (@estimated).  Positive means we told people
 *   a longer wait than they had.  @estimate_error_mean_s is the signed mean
 *   (bias), @estimate_error_mean_abs_s the mean of absolute errors.
 *
 * Groupings:
 * - @days: per calendar day, in the visit's (or survey's) lounge timezone,
 *   ascending; surveys without a lounge use UTC.
 * - @heatmap[weekday][hour]: visit counts; weekday 0 is Monday … 6 Sunday,
 *   hour 0–23, both in the lounge's timezone (lounge.timezone; UTC when the
 *   zone is unknown).
 * - @reasons: per visit reason, most visits first (ties by name).
 */
typedef struct {
  WkMetricsQuery query;

  guint  visits;
  guint  ended;
  guint  left;
  guint  finished;
  guint  resolved_first_contact;
  guint  answered;
  guint  serviced;
  guint  kiosk_timed;
  guint  estimated;
  guint  surveys;
  guint  satisfied;
  guint  collected;

  double csat;
  double fcr;
  double abandonment;
  double wait_median_s;
  double wait_p90_s;
  double service_median_s;
  double kiosk_median_ms;
  double collection_lag_median_s;
  double estimate_error_mean_s;
  double estimate_error_mean_abs_s;

  GArray    *days;           /* owned, of WkMetricsDay */
  guint      heatmap[7][24];
  GPtrArray *reasons;        /* owned, of WkMetricsReason */
} WkMetrics;

GType      wk_metrics_get_type (void) G_GNUC_CONST;

/* Runs on the thread that owns @db (the store's worker).  Only reads. */
WkMetrics *wk_metrics_compute  (sqlite3              *db,
                                const WkMetricsQuery *query,
                                GError              **error);
WkMetrics *wk_metrics_copy     (const WkMetrics      *metrics);
void       wk_metrics_free     (WkMetrics            *metrics);

/* The exact percentiles defined above, in O(n): they reorder @values in
 * place (quickselect).  0 when @n is 0. */
double     wk_metrics_median   (gint64               *values,
                                gsize                 n);
double     wk_metrics_p90      (gint64               *values,
                                gsize                 n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkMetrics, wk_metrics_free)

G_END_DECLS
