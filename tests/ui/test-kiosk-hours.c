/* test-kiosk-hours.c — the opening-hours parser behind the kiosk's closed page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-opening-hours.h"

#include <gio/gio.h>
#include <string.h>

/* 2026-11-23 is a Monday */
static GDateTime *
at (int day,
    int hour,
    int minute)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new (utc, 2026, 11, 23 + day, hour, minute, 0);
}

static gboolean
open_at (const WkOpeningHours *hours,
         int                   day,
         int                   hour,
         int                   minute)
{
  g_autoptr(GDateTime) time = at (day, hour, minute);

  return wk_opening_hours_is_open (hours, time);
}

static WkOpeningHours *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  WkOpeningHours *hours = wk_opening_hours_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hours);
  return hours;
}

static void
test_weekdays (void)
{
  g_autoptr(WkOpeningHours) hours = parse_ok ("mon-fri 08:00-18:00");

  g_assert_true (open_at (hours, 0, 8, 0));
  g_assert_true (open_at (hours, 0, 17, 59));
  g_assert_false (open_at (hours, 0, 18, 0));     /* the end is exclusive */
  g_assert_false (open_at (hours, 0, 7, 59));
  g_assert_true (open_at (hours, 4, 12, 0));      /* Friday */
  g_assert_false (open_at (hours, 5, 12, 0));     /* Saturday */
  g_assert_false (open_at (hours, 6, 12, 0));     /* Sunday */
  g_assert_false (wk_opening_hours_is_always_open (hours));
}

static void
test_several_rules (void)
{
  g_autoptr(WkOpeningHours) hours = parse_ok ("mon-thu 08:30-17:30, fri 08:30-16:00");

  g_assert_true (open_at (hours, 3, 17, 0));      /* Thursday */
  g_assert_true (open_at (hours, 4, 15, 59));     /* Friday */
  g_assert_false (open_at (hours, 4, 16, 30));
  g_assert_false (open_at (hours, 0, 8, 29));
}

static void
test_day_lists_and_ranges (void)
{
  g_autoptr(WkOpeningHours) hours = parse_ok ("Mon, Wed,FRI 09:00-12:00 13:00-17:00; sat 10-14");

  g_assert_true (open_at (hours, 0, 9, 0));
  g_assert_false (open_at (hours, 0, 12, 30));    /* lunch */
  g_assert_true (open_at (hours, 2, 16, 0));
  g_assert_false (open_at (hours, 1, 10, 0));     /* Tuesday */
  g_assert_true (open_at (hours, 5, 13, 59));
  g_assert_false (open_at (hours, 5, 14, 0));
}

static void
test_overnight_and_wrap (void)
{
  g_autoptr(WkOpeningHours) night = parse_ok ("sun 22:00-02:00");
  g_autoptr(WkOpeningHours) weekend = parse_ok ("fri-mon 8.00-9.00");

  g_assert_true (open_at (night, 6, 23, 0));
  g_assert_true (open_at (night, 7, 1, 59));      /* Monday, past midnight: wraps the week */
  g_assert_false (open_at (night, 7, 2, 0));
  g_assert_true (open_at (weekend, 4, 8, 30));
  g_assert_true (open_at (weekend, 6, 8, 30));
  g_assert_true (open_at (weekend, 0, 8, 30));
  g_assert_false (open_at (weekend, 1, 8, 30));
}

static void
test_always_open (void)
{
  const char *texts[] = { "", "   ", "24/7", "daily 00:00-24:00", "mon-sun 0:00-24:00" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(WkOpeningHours) hours = parse_ok (texts[i]);

      g_assert_true (wk_opening_hours_is_always_open (hours));
      g_assert_true (open_at (hours, 6, 3, 0));
    }
  {
    g_autoptr(WkOpeningHours) hours = wk_opening_hours_parse (NULL, NULL);

    g_assert_true (wk_opening_hours_is_always_open (hours));
  }
}

static void
test_time_zones (void)
{
  g_autoptr(WkOpeningHours) hours = parse_ok ("mon-fri 08:00-18:00");
  g_autoptr(GTimeZone) kolkata = g_time_zone_new_identifier ("Asia/Kolkata");
  g_autoptr(GDateTime) utc = at (0, 3, 0);          /* Monday 03:00 UTC */
  g_autoptr(GDateTime) local = NULL;

  if (kolkata == NULL)
    {
      g_test_skip ("no time zone data");
      return;
    }
  /* the lounge's own zone decides: 08:30 in Bengaluru */
  local = g_date_time_to_timezone (utc, kolkata);
  g_assert_false (wk_opening_hours_is_open (hours, utc));
  g_assert_true (wk_opening_hours_is_open (hours, local));
}

static void
test_invalid (void)
{
  const char *texts[] = {
    "mon-fri", "08:00-18:00", "mon-fri 8-", "mon-fri 25:00-26:00", "mon-fri 08:60-09:00",
    "funday 08:00-18:00", "mon-fri 08:00-08:00", "mon-fri 08:00-18:00,", "mon-fri 08:00-18:00 extra",
    "mon-xyz 08:00-18:00", "mon-fri 24:30-24:45",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WkOpeningHours) hours = wk_opening_hours_parse (texts[i], &error);

      g_assert_null (hours);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, texts[i]));
    }
}

int
main (int    argc,
      char **argv)
{
  /* pure data: no display, no files; the session already isolates the dirs */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kiosk/hours/weekdays", test_weekdays);
  g_test_add_func ("/kiosk/hours/several-rules", test_several_rules);
  g_test_add_func ("/kiosk/hours/day-lists-and-ranges", test_day_lists_and_ranges);
  g_test_add_func ("/kiosk/hours/overnight-and-wrap", test_overnight_and_wrap);
  g_test_add_func ("/kiosk/hours/always-open", test_always_open);
  g_test_add_func ("/kiosk/hours/time-zones", test_time_zones);
  g_test_add_func ("/kiosk/hours/invalid", test_invalid);

  return g_test_run ();
}
