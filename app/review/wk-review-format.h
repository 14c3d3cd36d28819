/* wk-review-format.h — the review face's figures as people read them, and
 * its periods
 *
 * GLib only, so that the unit tests need no display and the hand-computed
 * fixture figures can be formatted exactly as the cards show them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  WK_REVIEW_PERIOD_TODAY,
  WK_REVIEW_PERIOD_7_DAYS,
  WK_REVIEW_PERIOD_30_DAYS,
  WK_REVIEW_PERIOD_90_DAYS,
  WK_REVIEW_PERIOD_CUSTOM,
} WkReviewPeriod;

/* Whether a bigger value is better, worse, or neither. */
typedef enum {
  WK_REVIEW_BETTER_NEITHER,
  WK_REVIEW_BETTER_HIGHER,
  WK_REVIEW_BETTER_LOWER,
} WkReviewBetter;

/* How a figure stands against the reference targets of DESIGN.md. */
typedef enum {
  WK_REVIEW_STANDING_NONE,       /* no target, or no data */
  WK_REVIEW_STANDING_BELOW,      /* worse than the industry range */
  WK_REVIEW_STANDING_INDUSTRY,   /* within the industry range */
  WK_REVIEW_STANDING_ABOVE,      /* better than industry, short of best */
  WK_REVIEW_STANDING_BEST,       /* at or better than best in class */
} WkReviewStanding;

/* [from, to) in unix seconds for @period ending on the local day of @now
 * (whole days in @now's zone: today; the last 7, 30, 90 days including
 * today).  For WK_REVIEW_PERIOD_CUSTOM, @custom_from and @custom_to are
 * the first and last day (inclusive).  FALSE when the custom days are
 * missing or reversed. */
gboolean    wk_review_period_range      (WkReviewPeriod  period,
                                         GDateTime      *now,
                                         const GDate    *custom_from,
                                         const GDate    *custom_to,
                                         gint64         *from,
                                         gint64         *to);
/* The period of the same length just before [from, to). */
void        wk_review_previous_range    (gint64          from,
                                         gint64          to,
                                         gint64         *prev_from,
                                         gint64         *prev_to);

/* "75%": a share in [0, 1], rounded to a whole percent. */
char       *wk_review_format_percent    (double          share);
/* "45 s", "4 min 30 s", "2 h 5 min", "3 d 4 h": whole seconds, rounded. */
char       *wk_review_format_duration   (double          seconds);
/* As above with a sign: "+1 min 30 s", "−45 s", "0 s". */
char       *wk_review_format_signed_duration (double     seconds);
/* A count: "1,234" in the user's locale grouping. */
char       *wk_review_format_count      (guint           count);

/* The change against the previous period: "+5 pts", "−30 s", "+12"… or
 * "No change".  @kind: 'p' share, 'd' duration, 'n' count. */
char       *wk_review_format_change     (char            kind,
                                         double          current,
                                         double          previous);
/* Whether the change from @previous to @current is good (1), bad (−1) or
 * neither (0), at the precision the cards show. */
int         wk_review_change_direction  (char            kind,
                                         WkReviewBetter  better,
                                         double          current,
                                         double          previous);

/* Standing of CSAT (> 70 % industry, > 90 % best), FCR (50–70 % industry,
 * 90 % best) and answer time (30–60 s industry, 6 s best). */
WkReviewStanding wk_review_standing_csat (double share);
WkReviewStanding wk_review_standing_fcr  (double share);
WkReviewStanding wk_review_standing_wait (double seconds);
/* "Best in class", "Above industry", …; NULL for NONE. */
const char *wk_review_standing_to_label (WkReviewStanding standing);

G_END_DECLS
