/* wk-review-format.c — the review face's figures as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-review-format"

#include "config.h"

#include "wk-review-format.h"

#include <glib/gi18n.h>
#include <math.h>

#define MINUS_SIGN "\342\210\222"   /* U+2212 */

gboolean
wk_review_period_range (WkReviewPeriod  period,
                        GDateTime      *now,
                        const GDate    *custom_from,
                        const GDate    *custom_to,
                        gint64         *from,
                        gint64         *to)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  GTimeZone *zone;
  int days;

  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (from != NULL && to != NULL, FALSE);

  zone = g_date_time_get_timezone (now);

  if (period == WK_REVIEW_PERIOD_CUSTOM)
    {
      if (custom_from == NULL || custom_to == NULL ||
          !g_date_valid (custom_from) || !g_date_valid (custom_to) ||
          g_date_compare (custom_from, custom_to) > 0)
        return FALSE;
      start = g_date_time_new (zone, g_date_get_year (custom_from),
                               g_date_get_month (custom_from),
                               g_date_get_day (custom_from), 0, 0, 0);
      end = g_date_time_new (zone, g_date_get_year (custom_to),
                             g_date_get_month (custom_to),
                             g_date_get_day (custom_to), 0, 0, 0);
      if (start == NULL || end == NULL)
        return FALSE;
      {
        g_autoptr(GDateTime) next = g_date_time_add_days (end, 1);
        *from = g_date_time_to_unix (start);
        *to = g_date_time_to_unix (next);
      }
      return TRUE;
    }

  switch (period)
    {
    case WK_REVIEW_PERIOD_TODAY:   days = 1;  break;
    case WK_REVIEW_PERIOD_7_DAYS:  days = 7;  break;
    case WK_REVIEW_PERIOD_30_DAYS: days = 30; break;
    case WK_REVIEW_PERIOD_90_DAYS: days = 90; break;
    case WK_REVIEW_PERIOD_CUSTOM:
    default:
      g_return_val_if_reached (FALSE);
    }

  midnight = g_date_time_new (zone, g_date_time_get_year (now),
                              g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now), 0, 0, 0);
  start = g_date_time_add_days (midnight, -(days - 1));
  end = g_date_time_add_days (midnight, 1);
  *from = g_date_time_to_unix (start);
  *to = g_date_time_to_unix (end);
  return TRUE;
}

void
wk_review_previous_range (gint64  from,
                          gint64  to,
                          gint64 *prev_from,
                          gint64 *prev_to)
{
  *prev_to = from;
  *prev_from = from - (to - from);
}

static gint64
round_to_int (double value)
{
  return (gint64) llround (value);
}

char *
wk_review_format_percent (double share)
{
  /* Translators: a whole percentage, e.g. "75%"; use "%d %%" for "75 %" */
  return g_strdup_printf (_("%d%%"), (int) round_to_int (share * 100.0));
}

static char *
format_whole_seconds (gint64 s)
{
  if (s < 60)
    /* Translators: a duration in seconds */
    return g_strdup_printf (_("%d s"), (int) s);
  if (s < 3600)
    {
      if (s % 60 == 0)
        /* Translators: a duration in whole minutes */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", (gulong) (s / 60)),
                                (int) (s / 60));
      /* Translators: a duration, minutes and seconds */
      return g_strdup_printf (_("%d min %d s"), (int) (s / 60), (int) (s % 60));
    }
  if (s < 86400)
    {
      gint64 minutes = (s + 30) / 60;   /* to the nearest minute */

      if (minutes % 60 == 0)
        /* Translators: a duration in whole hours */
        return g_strdup_printf (_("%d h"), (int) (minutes / 60));
      /* Translators: a duration, hours and minutes */
      return g_strdup_printf (_("%d h %d min"), (int) (minutes / 60), (int) (minutes % 60));
    }
  {
    gint64 hours = (s + 1800) / 3600;   /* to the nearest hour */

    if (hours % 24 == 0)
      /* Translators: a duration in whole days */
      return g_strdup_printf (_("%d d"), (int) (hours / 24));
    /* Translators: a duration, days and hours */
    return g_strdup_printf (_("%d d %d h"), (int) (hours / 24), (int) (hours % 24));
  }
}

char *
wk_review_format_duration (double seconds)
{
  gint64 s = round_to_int (seconds);

  return format_whole_seconds (s < 0 ? -s : s);
}

char *
wk_review_format_signed_duration (double seconds)
{
  gint64 s = round_to_int (seconds);
  g_autofree char *magnitude = format_whole_seconds (s < 0 ? -s : s);

  if (s == 0)
    return g_steal_pointer (&magnitude);
  return g_strconcat (s < 0 ? MINUS_SIGN : "+", magnitude, NULL);
}

char *
wk_review_format_count (guint count)
{
  return g_strdup_printf ("%'u", count);
}

char *
wk_review_format_change (char   kind,
                         double current,
                         double previous)
{
  switch (kind)
    {
    case 'p':
      {
        gint64 points = round_to_int (current * 100.0) - round_to_int (previous * 100.0);

        if (points == 0)
          return g_strdup (_("No change"));
        /* Translators: a change in percentage points, e.g. "+5 pts" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s%d pt", "%s%d pts",
                                             (gulong) ABS (points)),
                                points < 0 ? MINUS_SIGN : "+", (int) ABS (points));
      }
    case 'd':
      {
        gint64 diff = round_to_int (current) - round_to_int (previous);

        if (diff == 0)
          return g_strdup (_("No change"));
        return wk_review_format_signed_duration ((double) diff);
      }
    case 'n':
    default:
      {
        gint64 diff = round_to_int (current) - round_to_int (previous);

        if (diff == 0)
          return g_strdup (_("No change"));
        return g_strdup_printf ("%s%'" G_GINT64_FORMAT, diff < 0 ? MINUS_SIGN : "+",
                                diff < 0 ? -diff : diff);
      }
    }
}

int
wk_review_change_direction (char           kind,
                            WkReviewBetter better,
                            double         current,
                            double         previous)
{
  double scale = kind == 'p' ? 100.0 : 1.0;
  gint64 diff = round_to_int (current * scale) - round_to_int (previous * scale);

  if (diff == 0 || better == WK_REVIEW_BETTER_NEITHER)
    return 0;
  if (better == WK_REVIEW_BETTER_HIGHER)
    return diff > 0 ? 1 : -1;
  return diff < 0 ? 1 : -1;
}

/* Standings compare what the card shows: whole percents, whole seconds. */
WkReviewStanding
wk_review_standing_csat (double share)
{
  gint64 p = round_to_int (share * 100.0);

  if (p > 90)
    return WK_REVIEW_STANDING_BEST;
  if (p > 70)
    return WK_REVIEW_STANDING_INDUSTRY;
  return WK_REVIEW_STANDING_BELOW;
}

WkReviewStanding
wk_review_standing_fcr (double share)
{
  gint64 p = round_to_int (share * 100.0);

  if (p >= 90)
    return WK_REVIEW_STANDING_BEST;
  if (p > 70)
    return WK_REVIEW_STANDING_ABOVE;
  if (p >= 50)
    return WK_REVIEW_STANDING_INDUSTRY;
  return WK_REVIEW_STANDING_BELOW;
}

WkReviewStanding
wk_review_standing_wait (double seconds)
{
  gint64 s = round_to_int (seconds);

  if (s <= 6)
    return WK_REVIEW_STANDING_BEST;
  if (s < 30)
    return WK_REVIEW_STANDING_ABOVE;
  if (s <= 60)
    return WK_REVIEW_STANDING_INDUSTRY;
  return WK_REVIEW_STANDING_BELOW;
}

const char *
wk_review_standing_to_label (WkReviewStanding standing)
{
  switch (standing)
    {
    case WK_REVIEW_STANDING_BELOW:
      return _("Below industry");
    case WK_REVIEW_STANDING_INDUSTRY:
      return _("Industry range");
    case WK_REVIEW_STANDING_ABOVE:
      return _("Better than industry");
    case WK_REVIEW_STANDING_BEST:
      return _("Best in class");
    case WK_REVIEW_STANDING_NONE:
    default:
      return NULL;
    }
}
