/* wk-estimate.h — the wait estimate shown at check-in: "about N min"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "Recent" service times: done visits of the lounge checked in during the
 * last WK_ESTIMATE_RECENT_DAYS before now, at most the latest
 * WK_ESTIMATE_RECENT_MAX of them (a busy lounge has plenty in a day or two,
 * and every check-in asks: the cap keeps it to a fraction of a millisecond). */
#define WK_ESTIMATE_RECENT_DAYS       14
#define WK_ESTIMATE_RECENT_MAX        200
/* A reason with fewer recent samples than this uses the lounge's median over
 * all reasons; a lounge with no recent sample at all uses the default. */
#define WK_ESTIMATE_MIN_SAMPLES       5
#define WK_ESTIMATE_DEFAULT_SERVICE_S 600
/* "On duty": see wk_estimate_wait(). */
#define WK_ESTIMATE_ON_DUTY_S         (2 * 3600)
#define WK_ESTIMATE_LOOKBACK_S        (4 * 3600)

/**
 * WkEstimateGroup:
 * @people: people waiting with one reason
 * @median_service_s: the recent median service time for that reason
 */
typedef struct {
  guint  people;
  double median_service_s;
} WkEstimateGroup;

/* The arithmetic, on its own: Σ people × median service time ÷ engineers
 * (0 counts as 1), in minutes rounded half up to a whole number.  0 when
 * nobody is waiting. */
int wk_estimate_minutes (const WkEstimateGroup *groups,
                         guint                  n_groups,
                         guint                  engineers);

/**
 * wk_estimate_wait:
 * @db: the connection, on the thread that owns it
 * @lounge_id: the lounge
 * @now: the reference time, unix seconds
 * @people_ahead: (out) (optional): the people waiting in the lounge
 * @error: a #GError
 *
 * The wait a person checking in at @now can expect, in whole minutes
 * (DESIGN.md: people ahead × recent median service time for their reasons ÷
 * engineers on duty, rounded):
 *
 * - people ahead: visits of the lounge with status `waiting`;
 * - service time: finished_at − called_at of `done` visits of the lounge
 *   checked in within [now − WK_ESTIMATE_RECENT_DAYS days, now), the latest
 *   WK_ESTIMATE_RECENT_MAX of them, median per reason (fallbacks above);
 * - engineers on duty: distinct engineers who, in this lounge, called or
 *   finished a visit in (now − 2 h, now] or are serving one now (status
 *   `called` or `in_service`), looking at visits checked in during the
 *   WK_ESTIMATE_LOOKBACK_S (4 h) before now; at least 1.
 *
 * Returns: the minutes, or -1 with @error set.
 */
int wk_estimate_wait    (sqlite3  *db,
                         gint64    lounge_id,
                         gint64    now,
                         int      *people_ahead,
                         GError  **error);

G_END_DECLS
