/* test-deskside-format.c — how deskside words waits, places and payloads
 *
 * Pure logic: no display is opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-deskside-format.h"

#include <locale.h>

static void
test_wait_text (void)
{
  struct { gint64 seconds; const char *text; } cases[] = {
    { -5, "Just now" }, { 0, "Just now" }, { 59, "Just now" }, { 60, "1 min" },
    { 59 * 60 + 59, "59 min" }, { 3600, "1 h 00 min" }, { 3600 + 5 * 60, "1 h 05 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = wk_deskside_format_wait (cases[i].seconds);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_wait_level (void)
{
  g_assert_cmpint (wk_deskside_wait_level (9 * 60 + 59, 10, 20), ==, WK_WAIT_LEVEL_NORMAL);
  g_assert_cmpint (wk_deskside_wait_level (10 * 60, 10, 20), ==, WK_WAIT_LEVEL_AMBER);
  g_assert_cmpint (wk_deskside_wait_level (20 * 60 - 1, 10, 20), ==, WK_WAIT_LEVEL_AMBER);
  g_assert_cmpint (wk_deskside_wait_level (20 * 60, 10, 20), ==, WK_WAIT_LEVEL_RED);
  /* red before amber when set so: red wins */
  g_assert_cmpint (wk_deskside_wait_level (5 * 60, 10, 5), ==, WK_WAIT_LEVEL_RED);
  g_assert_cmpstr (wk_deskside_wait_style_class (WK_WAIT_LEVEL_AMBER), ==, "wait-amber");
  g_assert_cmpstr (wk_deskside_wait_style_class (WK_WAIT_LEVEL_RED), ==, "wait-red");
}

static void
test_location (void)
{
  g_autofree char *counter = wk_deskside_format_location (0);
  g_autofree char *locker = wk_deskside_format_location (12);
  g_autofree char *counter_label = wk_deskside_location_label ("counter");
  g_autofree char *locker_label = wk_deskside_location_label ("locker 12");
  g_autofree char *none = wk_deskside_location_label (NULL);

  g_assert_cmpstr (counter, ==, "counter");
  g_assert_cmpstr (locker, ==, "locker 12");
  g_assert_cmpstr (counter_label, ==, "Counter");
  g_assert_cmpstr (locker_label, ==, "Locker 12");
  g_assert_cmpstr (none, ==, "");
}

static void
test_ready_by (void)
{
  g_autoptr(GDateTime) noon = g_date_time_new_local (2025, 3, 4, 12, 0, 0);
  gint64 now = g_date_time_to_unix (noon);
  gint64 at = -1;

  g_assert_true (wk_deskside_parse_ready_by ("", now, &at));
  g_assert_cmpint (at, ==, 0);
  g_assert_true (wk_deskside_parse_ready_by (" 14:30 ", now, &at));
  g_assert_cmpint (at, ==, now + 2 * 3600 + 30 * 60);
  g_assert_true (wk_deskside_parse_ready_by ("9:05", now, &at));
  g_assert_cmpint (at, ==, now - 3 * 3600 + 5 * 60);
  g_assert_false (wk_deskside_parse_ready_by ("24:00", now, &at));
  g_assert_false (wk_deskside_parse_ready_by ("12:60", now, &at));
  g_assert_false (wk_deskside_parse_ready_by ("noon", now, &at));
  g_assert_false (wk_deskside_parse_ready_by ("12:30:00", now, &at));
  g_assert_false (wk_deskside_parse_ready_by ("12:", now, &at));
}

static void
test_payload (void)
{
  const char *payload = "{\"visit_id\":42,\"lounge_id\":3,\"desk\":\"Desk 2\",\"engineer_id\":null}";

  g_assert_cmpint (wk_deskside_payload_get_int (payload, "visit_id"), ==, 42);
  g_assert_cmpint (wk_deskside_payload_get_int (payload, "lounge_id"), ==, 3);
  g_assert_cmpint (wk_deskside_payload_get_int (payload, "desk"), ==, 0);
  g_assert_cmpint (wk_deskside_payload_get_int (payload, "engineer_id"), ==, 0);
  g_assert_cmpint (wk_deskside_payload_get_int (payload, "missing"), ==, 0);
  g_assert_cmpint (wk_deskside_payload_get_int ("not json", "visit_id"), ==, 0);
  g_assert_cmpint (wk_deskside_payload_get_int ("[1,2]", "visit_id"), ==, 0);
  g_assert_cmpint (wk_deskside_payload_get_int (NULL, "visit_id"), ==, 0);
}

static void
test_labels (void)
{
  g_assert_cmpstr (wk_deskside_ticket_status_label (WK_TICKET_STATUS_PENDING), ==, "Pending");
  g_assert_cmpstr (wk_deskside_visit_status_label (WK_VISIT_STATUS_IN_SERVICE), ==, "In service");
  g_assert_cmpstr (wk_deskside_outcome_label (WK_OUTCOME_RESOLVED_FIRST_CONTACT), ==, "Fixed at first contact");
  g_assert_cmpstr (wk_deskside_hardware_status_label (WK_HARDWARE_STATUS_READY), ==, "Ready");
  g_assert_cmpstr (wk_deskside_category_label ("no-such-category"), ==, "no-such-category");
}

static void
test_conflict_details (void)
{
  const char *fields[] = { "status", "assignee", "category", NULL };
  const char *theirs[] = { "pending", "sam", "", NULL };
  const char *ours[] = { "resolved", "", "printing", NULL };
  const char *one[] = { "assignee", NULL };
  const char *none[] = { NULL };
  g_autoptr(WkTicket) plain = g_object_new (WK_TYPE_TICKET, "ref", "WK-10001", NULL);
  g_autoptr(WkTicket) three = NULL;
  g_autoptr(WkTicket) empty = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  g_assert_null (wk_deskside_conflict_details (plain));

  three = g_object_new (WK_TYPE_TICKET, "upstream-system", "rt5", "upstream-conflict-id", (gint64) 9,
                        "upstream-conflict-fields", fields, "upstream-conflict-theirs", theirs,
                        "upstream-conflict-ours", ours, NULL);
  text = wk_deskside_conflict_details (three);
  g_assert_cmpstr (text, ==,
                   "Status: Request Tracker has “Pending”; your “Resolved” was not applied.\n"
                   "Assignee: Request Tracker has “sam”; your “Unassigned” was not applied.\n"
                   "Category: Request Tracker has “nothing”; your “Printing and scanning” was not applied.");

  /* one empty value travels as an empty list */
  empty = g_object_new (WK_TYPE_TICKET, "upstream-system", "zammad", "upstream-conflict-id", (gint64) 3,
                        "upstream-conflict-fields", one, "upstream-conflict-theirs", none,
                        "upstream-conflict-ours", (const char * const[]) { "alex", NULL }, NULL);
  text2 = wk_deskside_conflict_details (empty);
  g_assert_cmpstr (text2, ==, "Assignee: zammad has “Unassigned”; your “alex” was not applied.");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* Pure functions that touch no files: no isolated dirs, whose GLib 2.74
   * leak LeakSanitizer cannot attribute under the test session's fast
   * unwinding (see tests/lsan.supp). */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deskside/format/wait-text", test_wait_text);
  g_test_add_func ("/deskside/format/wait-level", test_wait_level);
  g_test_add_func ("/deskside/format/location", test_location);
  g_test_add_func ("/deskside/format/ready-by", test_ready_by);
  g_test_add_func ("/deskside/format/payload", test_payload);
  g_test_add_func ("/deskside/format/labels", test_labels);
  g_test_add_func ("/deskside/format/conflict-details", test_conflict_details);

  return g_test_run ();
}
