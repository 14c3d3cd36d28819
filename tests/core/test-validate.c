/* test-validate.c — input rules, lifecycles, enum strings, JSON text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-enums.h"
#include "wk-error.h"
#include "wk-json-text.h"
#include "wk-lifecycle.h"
#include "wk-person.h"
#include "wk-validate.h"

#include <string.h>

static void
test_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (WK_MAX_SUBJECT + 1, 'x');
  g_autofree char *max_text = g_strnfill (WK_MAX_SUBJECT, 'x');

  g_assert_true (wk_validate_text ("Subject", "Printer jams", WK_MAX_SUBJECT, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (wk_validate_text ("Subject", NULL, WK_MAX_SUBJECT, FALSE, &error));
  g_assert_true (wk_validate_text ("Subject", max_text, WK_MAX_SUBJECT, TRUE, &error));
  g_assert_no_error (error);

  g_assert_false (wk_validate_text ("Subject", "  \t", WK_MAX_SUBJECT, TRUE, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Subject"));
  g_clear_error (&error);

  g_assert_false (wk_validate_text ("Subject", NULL, WK_MAX_SUBJECT, TRUE, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (wk_validate_text ("Subject", long_text, WK_MAX_SUBJECT, TRUE, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "too long"));
  g_clear_error (&error);

  /* characters, not bytes: 200 × "é" (400 bytes) is fine */
  {
    g_autoptr(GString) accents = g_string_new (NULL);

    for (int i = 0; i < WK_MAX_SUBJECT; i++)
      g_string_append (accents, "é");
    g_assert_true (wk_validate_text ("Subject", accents->str, WK_MAX_SUBJECT, TRUE, &error));
    g_assert_no_error (error);
  }

  g_assert_false (wk_validate_text ("Subject", "bad \xff utf8", WK_MAX_SUBJECT, TRUE, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (wk_validate_text ("Subject", "bell \a", WK_MAX_SUBJECT, TRUE, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (wk_validate_text ("Note", "line one\nline two\ttab", WK_MAX_NOTE, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_email (void)
{
  const char *good[] = { "priya.sharma@example.com", "A.B@sub.example.org", "x+tag@ex.co" };
  const char *bad[] = { "priya", "@example.com", "priya@", "priya@example", "pri ya@example.com",
                        "a@b@example.com", "priya@.com", "priya@example.", "a..b@example.com" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (wk_validate_email ("Email", good[i], TRUE, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (wk_validate_email ("Email", bad[i], TRUE, &error));
      g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_true (wk_validate_email ("Email", NULL, FALSE, &error));
  g_assert_false (wk_validate_email ("Email", "", TRUE, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
}

static void
test_misc (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  const char *tags_ok[] = { "speed", "knowledge", NULL };
  const char *tags_unknown[] = { "speed", "vibes", NULL };
  const char *tags_twice[] = { "speed", "speed", NULL };

  for (int s = 1; s <= 5; s++)
    g_assert_true (wk_validate_score (s, NULL));
  g_assert_false (wk_validate_score (0, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wk_validate_score (6, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (wk_validate_uuid (uuid, NULL));
  g_assert_false (wk_validate_uuid ("not-a-uuid", &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wk_validate_uuid (NULL, NULL));

  g_assert_true (wk_validate_category ("hardware", NULL));
  g_assert_false (wk_validate_category ("coffee", &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (wk_validate_location ("counter", NULL));
  g_assert_true (wk_validate_location ("locker 12", NULL));
  g_assert_true (wk_validate_location ("locker 9999", NULL));
  g_assert_false (wk_validate_location ("locker 0", NULL));
  g_assert_false (wk_validate_location ("locker 10000", NULL));
  g_assert_false (wk_validate_location ("locker 012", NULL));
  g_assert_false (wk_validate_location ("locker", NULL));
  g_assert_false (wk_validate_location ("desk 2", &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wk_validate_location (NULL, NULL));

  g_assert_true (wk_validate_signature (NULL, NULL));
  g_assert_true (wk_validate_signature ("[[[1,2],[3.5,4e1]],[[5,-6]]]", NULL));
  g_assert_true (wk_validate_signature (" [ [1, 2, 3] ] ", NULL));
  g_assert_false (wk_validate_signature ("[[1,2]", NULL));
  g_assert_false (wk_validate_signature ("[1]]", NULL));
  g_assert_false (wk_validate_signature ("{\"a\": 1}", NULL));
  g_assert_false (wk_validate_signature ("[\"x\"]", NULL));
  g_assert_false (wk_validate_signature ("[[[[1]]]]", NULL));
  g_assert_false (wk_validate_signature ("[1] [2]", &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (wk_validate_tags (NULL, NULL));
  g_assert_true (wk_validate_tags (tags_ok, NULL));
  g_assert_false (wk_validate_tags (tags_unknown, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (wk_validate_tags (tags_twice, NULL));

  g_assert_true (wk_validate_language (NULL, NULL));
  g_assert_true (wk_validate_language ("pt-BR", NULL));
  g_assert_false (wk_validate_language ("x", NULL));
  g_assert_false (wk_validate_language ("de;DROP", NULL));

  g_assert_true (wk_validate_priority (1, NULL));
  g_assert_false (wk_validate_priority (9, NULL));
  g_assert_true (wk_validate_id ("The visit", 3, NULL));
  g_assert_false (wk_validate_id ("The visit", 0, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
}

static void
test_lifecycles (void)
{
  g_autoptr(GError) error = NULL;

  /* visit */
  g_assert_true (wk_lifecycle_visit_allows (WK_VISIT_STATUS_WAITING, WK_VISIT_STATUS_CALLED));
  g_assert_true (wk_lifecycle_visit_allows (WK_VISIT_STATUS_CALLED, WK_VISIT_STATUS_IN_SERVICE));
  g_assert_true (wk_lifecycle_visit_allows (WK_VISIT_STATUS_IN_SERVICE, WK_VISIT_STATUS_DONE));
  g_assert_true (wk_lifecycle_visit_allows (WK_VISIT_STATUS_CALLED, WK_VISIT_STATUS_DONE));
  g_assert_true (wk_lifecycle_visit_allows (WK_VISIT_STATUS_CALLED, WK_VISIT_STATUS_WAITING));
  g_assert_true (wk_lifecycle_visit_allows (WK_VISIT_STATUS_WAITING, WK_VISIT_STATUS_LEFT));
  g_assert_false (wk_lifecycle_visit_allows (WK_VISIT_STATUS_WAITING, WK_VISIT_STATUS_DONE));
  g_assert_false (wk_lifecycle_visit_allows (WK_VISIT_STATUS_WAITING, WK_VISIT_STATUS_WAITING));
  g_assert_false (wk_lifecycle_visit_allows (WK_VISIT_STATUS_IN_SERVICE, WK_VISIT_STATUS_LEFT));
  g_assert_true (wk_lifecycle_visit_is_final (WK_VISIT_STATUS_DONE));
  g_assert_true (wk_lifecycle_visit_is_final (WK_VISIT_STATUS_LEFT));
  g_assert_true (wk_lifecycle_visit_is_final (WK_VISIT_STATUS_CANCELLED));
  g_assert_false (wk_lifecycle_visit_is_final (WK_VISIT_STATUS_CALLED));
  for (int to = 0; to <= WK_VISIT_STATUS_CANCELLED; to++)
    g_assert_false (wk_lifecycle_visit_allows (WK_VISIT_STATUS_DONE, to));
  g_assert_false (wk_lifecycle_visit_allows (42, WK_VISIT_STATUS_DONE));

  g_assert_false (wk_lifecycle_check_visit (WK_VISIT_STATUS_DONE, WK_VISIT_STATUS_WAITING, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A visit that is done cannot become waiting");
  g_clear_error (&error);

  /* ticket */
  g_assert_true (wk_lifecycle_ticket_allows (WK_TICKET_STATUS_NEW, WK_TICKET_STATUS_OPEN));
  g_assert_true (wk_lifecycle_ticket_allows (WK_TICKET_STATUS_RESOLVED, WK_TICKET_STATUS_OPEN));
  g_assert_true (wk_lifecycle_ticket_allows (WK_TICKET_STATUS_PENDING, WK_TICKET_STATUS_OPEN));
  g_assert_false (wk_lifecycle_ticket_allows (WK_TICKET_STATUS_OPEN, WK_TICKET_STATUS_NEW));
  g_assert_false (wk_lifecycle_ticket_allows (WK_TICKET_STATUS_CLOSED, WK_TICKET_STATUS_OPEN));
  g_assert_false (wk_lifecycle_check_ticket (WK_TICKET_STATUS_CLOSED, WK_TICKET_STATUS_OPEN, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_clear_error (&error);

  /* hardware */
  g_assert_true (wk_lifecycle_hardware_allows (WK_HARDWARE_STATUS_PREPARING, WK_HARDWARE_STATUS_READY));
  g_assert_true (wk_lifecycle_hardware_allows (WK_HARDWARE_STATUS_READY, WK_HARDWARE_STATUS_COLLECTED));
  g_assert_true (wk_lifecycle_hardware_allows (WK_HARDWARE_STATUS_READY, WK_HARDWARE_STATUS_PREPARING));
  g_assert_false (wk_lifecycle_hardware_allows (WK_HARDWARE_STATUS_PREPARING, WK_HARDWARE_STATUS_COLLECTED));
  g_assert_false (wk_lifecycle_hardware_allows (WK_HARDWARE_STATUS_COLLECTED, WK_HARDWARE_STATUS_CANCELLED));
  g_assert_true (wk_lifecycle_hardware_is_final (WK_HARDWARE_STATUS_COLLECTED));
  g_assert_false (wk_lifecycle_check_hardware (WK_HARDWARE_STATUS_CANCELLED, WK_HARDWARE_STATUS_READY, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_clear_error (&error);

  /* follow-up */
  g_assert_true (wk_lifecycle_followup_allows (WK_FOLLOWUP_STATUS_NONE, WK_FOLLOWUP_STATUS_NEEDED));
  g_assert_true (wk_lifecycle_followup_allows (WK_FOLLOWUP_STATUS_NEEDED, WK_FOLLOWUP_STATUS_CONTACTED));
  g_assert_true (wk_lifecycle_followup_allows (WK_FOLLOWUP_STATUS_CONTACTED, WK_FOLLOWUP_STATUS_CLOSED));
  g_assert_true (wk_lifecycle_followup_allows (WK_FOLLOWUP_STATUS_NEEDED, WK_FOLLOWUP_STATUS_CLOSED));
  g_assert_false (wk_lifecycle_followup_allows (WK_FOLLOWUP_STATUS_NONE, WK_FOLLOWUP_STATUS_CLOSED));
  g_assert_false (wk_lifecycle_followup_allows (WK_FOLLOWUP_STATUS_CLOSED, WK_FOLLOWUP_STATUS_NEEDED));
}

static void
test_enum_strings (void)
{
  WkVisitStatus vs;
  WkOutcome outcome;
  WkRole role;

  /* exactly the schema strings */
  g_assert_cmpstr (wk_visit_status_to_string (WK_VISIT_STATUS_IN_SERVICE), ==, "in_service");
  g_assert_cmpstr (wk_identified_by_to_string (WK_IDENTIFIED_BY_EMPLOYEE_NO), ==, "employee_no");
  g_assert_cmpstr (wk_identified_by_to_string (WK_IDENTIFIED_BY_TICKET_REF), ==, "ticket_ref");
  g_assert_cmpstr (wk_outcome_to_string (WK_OUTCOME_RESOLVED_FIRST_CONTACT), ==, "resolved_first_contact");
  g_assert_cmpstr (wk_outcome_to_string (WK_OUTCOME_FOLLOW_UP), ==, "follow_up");
  g_assert_null (wk_outcome_to_string (WK_OUTCOME_NONE));
  g_assert_cmpstr (wk_role_to_string (WK_ROLE_LEAD), ==, "lead");
  g_assert_cmpstr (wk_hardware_status_to_string (WK_HARDWARE_STATUS_COLLECTED), ==, "collected");
  g_assert_cmpstr (wk_ticket_status_to_string (WK_TICKET_STATUS_PENDING), ==, "pending");
  g_assert_cmpstr (wk_followup_status_to_string (WK_FOLLOWUP_STATUS_CONTACTED), ==, "contacted");
  g_assert_cmpstr (wk_survey_resolved_to_string (WK_SURVEY_RESOLVED_NO), ==, "no");
  g_assert_cmpstr (wk_note_visibility_to_string (WK_NOTE_VISIBILITY_PUBLIC), ==, "public");
  g_assert_null (wk_visit_status_to_string (99));

  g_assert_true (wk_visit_status_from_string ("cancelled", &vs));
  g_assert_cmpint (vs, ==, WK_VISIT_STATUS_CANCELLED);
  g_assert_false (wk_visit_status_from_string ("gone", &vs));
  g_assert_false (wk_visit_status_from_string (NULL, &vs));
  g_assert_true (wk_outcome_from_string ("workaround", &outcome));
  g_assert_cmpint (outcome, ==, WK_OUTCOME_WORKAROUND);
  g_assert_false (wk_outcome_from_string ("", &outcome));
  g_assert_true (wk_role_from_string ("admin", &role));
  g_assert_cmpint (role, ==, WK_ROLE_ADMIN);
}

static void
test_json_text (void)
{
  g_autoptr(GString) json = g_string_new (NULL);

  wk_json_begin_object (json);
  wk_json_member_int (json, "id", 42);
  wk_json_member_string (json, "name", "Zoë \"Z\" \\ O'Brien\n\x01");
  wk_json_member_string (json, "none", NULL);
  wk_json_member_id (json, "ticket_id", 0);
  wk_json_member_bool (json, "ok", TRUE);
  wk_json_end_object (json);

  g_assert_cmpstr (json->str, ==,
                   "{\"id\":42,\"name\":\"Zoë \\\"Z\\\" \\\\ O'Brien\\n\\u0001\","
                   "\"none\":null,\"ticket_id\":null,\"ok\":true}");

  g_string_truncate (json, 0);
  wk_json_append_string (json, "bad \xff byte");
  g_assert_true (g_utf8_validate (json->str, -1, NULL));
}

static void
test_initials (void)
{
  g_autofree char *a = wk_name_dup_initials ("Priya Sharma");
  g_autofree char *b = wk_name_dup_initials ("José María García-López");
  g_autofree char *c = wk_name_dup_initials ("Ólafur");
  g_autofree char *d = wk_name_dup_initials ("");

  g_assert_cmpstr (a, ==, "PS");
  g_assert_cmpstr (b, ==, "JL");
  g_assert_cmpstr (c, ==, "Ó");
  g_assert_cmpstr (d, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/validate/text", test_text);
  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/misc", test_misc);
  g_test_add_func ("/lifecycle/tables", test_lifecycles);
  g_test_add_func ("/enums/strings", test_enum_strings);
  g_test_add_func ("/json-text/escape", test_json_text);
  g_test_add_func ("/person/initials", test_initials);

  return g_test_run ();
}
