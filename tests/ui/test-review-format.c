/* test-review-format.c — the review face's figures as the cards print
 * them, the standings against the targets and the periods (GLib only: needs
 * no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-review-format.h"

#include <locale.h>

static void
check_text (char       *text,   /* consumed */
            const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_format (void)
{
  check_text (wk_review_format_percent (0.6), "60%");
  check_text (wk_review_format_percent (1.0 / 7.0), "14%");
  check_text (wk_review_format_percent (2.0 / 3.0), "67%");
  check_text (wk_review_format_duration (45), "45 s");
  check_text (wk_review_format_duration (120), "2 min");
  check_text (wk_review_format_duration (165), "2 min 45 s");
  check_text (wk_review_format_duration (89.5), "1 min 30 s");   /* rounds half away */
  check_text (wk_review_format_duration (3600), "1 h");
  check_text (wk_review_format_duration (3 * 3600 + 29 * 60 + 40), "3 h 30 min");
  check_text (wk_review_format_duration (26 * 3600), "1 d 2 h");
  check_text (wk_review_format_signed_duration (-30), "\342\210\222" "30 s");
  check_text (wk_review_format_signed_duration (90), "+1 min 30 s");
  check_text (wk_review_format_signed_duration (0), "0 s");
  check_text (wk_review_format_change ('p', 0.6, 1.0), "\342\210\222" "40 pts");
  check_text (wk_review_format_change ('p', 0.51, 0.5), "+1 pt");
  check_text (wk_review_format_change ('p', 0.6, 0.6004), "No change");
  check_text (wk_review_format_change ('d', 120, 210), "\342\210\222" "1 min 30 s");
  check_text (wk_review_format_change ('n', 8, 2), "+6");

  g_assert_cmpint (wk_review_change_direction ('p', WK_REVIEW_BETTER_HIGHER, 0.6, 0.5), ==, 1);
  g_assert_cmpint (wk_review_change_direction ('d', WK_REVIEW_BETTER_LOWER, 120, 210), ==, 1);
  g_assert_cmpint (wk_review_change_direction ('p', WK_REVIEW_BETTER_LOWER, 0.14, 0), ==, -1);
  g_assert_cmpint (wk_review_change_direction ('n', WK_REVIEW_BETTER_NEITHER, 8, 2), ==, 0);
}

static void
test_standings (void)
{
  /* DESIGN.md: satisfaction industry > 70 %, best > 90 % */
  g_assert_cmpint (wk_review_standing_csat (0.70), ==, WK_REVIEW_STANDING_BELOW);
  g_assert_cmpint (wk_review_standing_csat (0.71), ==, WK_REVIEW_STANDING_INDUSTRY);
  g_assert_cmpint (wk_review_standing_csat (0.90), ==, WK_REVIEW_STANDING_INDUSTRY);
  g_assert_cmpint (wk_review_standing_csat (0.91), ==, WK_REVIEW_STANDING_BEST);
  /* FCR industry 50–70 %, best 90 % */
  g_assert_cmpint (wk_review_standing_fcr (0.49), ==, WK_REVIEW_STANDING_BELOW);
  g_assert_cmpint (wk_review_standing_fcr (0.50), ==, WK_REVIEW_STANDING_INDUSTRY);
  g_assert_cmpint (wk_review_standing_fcr (0.70), ==, WK_REVIEW_STANDING_INDUSTRY);
  g_assert_cmpint (wk_review_standing_fcr (0.80), ==, WK_REVIEW_STANDING_ABOVE);
  g_assert_cmpint (wk_review_standing_fcr (0.90), ==, WK_REVIEW_STANDING_BEST);
  /* answer time industry 30–60 s, best 6 s */
  g_assert_cmpint (wk_review_standing_wait (6), ==, WK_REVIEW_STANDING_BEST);
  g_assert_cmpint (wk_review_standing_wait (20), ==, WK_REVIEW_STANDING_ABOVE);
  g_assert_cmpint (wk_review_standing_wait (60), ==, WK_REVIEW_STANDING_INDUSTRY);
  g_assert_cmpint (wk_review_standing_wait (61), ==, WK_REVIEW_STANDING_BELOW);
}

static void
test_periods (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  gint64 from, to, pfrom, pto;
  GDate a, b;

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  now = g_date_time_new (zone, 2025, 3, 31, 15, 0, 0);   /* DST began on 30 March */

  g_assert_true (wk_review_period_range (WK_REVIEW_PERIOD_TODAY, now, NULL, NULL, &from, &to));
  start = g_date_time_new (zone, 2025, 3, 31, 0, 0, 0);
  end = g_date_time_new (zone, 2025, 4, 1, 0, 0, 0);
  g_assert_cmpint (from, ==, g_date_time_to_unix (start));
  g_assert_cmpint (to, ==, g_date_time_to_unix (end));

  g_assert_true (wk_review_period_range (WK_REVIEW_PERIOD_7_DAYS, now, NULL, NULL, &from, &to));
  g_clear_pointer (&start, g_date_time_unref);
  start = g_date_time_new (zone, 2025, 3, 25, 0, 0, 0);   /* local midnights across DST */
  g_assert_cmpint (from, ==, g_date_time_to_unix (start));
  g_assert_cmpint (to, ==, g_date_time_to_unix (end));
  wk_review_previous_range (from, to, &pfrom, &pto);
  g_assert_cmpint (pto, ==, from);
  g_assert_cmpint (pto - pfrom, ==, to - from);

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, 1, 3, 2025);
  g_date_set_dmy (&b, 14, 3, 2025);
  g_assert_true (wk_review_period_range (WK_REVIEW_PERIOD_CUSTOM, now, &a, &b, &from, &to));
  g_assert_cmpint (to - from, ==, 14 * 86400);
  g_assert_false (wk_review_period_range (WK_REVIEW_PERIOD_CUSTOM, now, &b, &a, &from, &to));
  g_assert_false (wk_review_period_range (WK_REVIEW_PERIOD_CUSTOM, now, NULL, &a, &from, &to));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  /* No G_TEST_OPTION_ISOLATE_DIRS: walkup-test-session already gives throw-away
   * HOME and XDG directories, and GLib 2.74 leaks the ones it replaces with a
   * stack LeakSanitizer cannot match to a suppression.  Nothing here writes. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/format", test_format);
  g_test_add_func ("/review/standings", test_standings);
  g_test_add_func ("/review/periods", test_periods);

  return g_test_run ();
}
