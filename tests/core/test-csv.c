/* test-csv.c — the CSV writer and the exports of visits and surveys
 * (core only: needs no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-csv.h"
#include "wk-export.h"

#include <locale.h>
#include <string.h>

static void
check_escape (const char *in,
              const char *out)
{
  g_autofree char *escaped = wk_csv_escape_text (in);

  g_assert_cmpstr (escaped, ==, out);
}

static void
test_csv_quoting (void)
{
  check_escape ("plain", "plain");
  check_escape ("", "");
  check_escape (NULL, "");
  check_escape ("a,b", "\"a,b\"");
  check_escape ("say \"hi\"", "\"say \"\"hi\"\"\"");
  check_escape ("two\nlines", "\"two\nlines\"");
  check_escape ("cr\rlf", "\"cr\rlf\"");
  check_escape (" padded ", "\" padded \"");
  check_escape ("Søren Jørgensen, 陈静", "\"Søren Jørgensen, 陈静\"");
}

static void
test_csv_formula_guard (void)
{
  check_escape ("=1+2", "'=1+2");
  check_escape ("+44 20 7946 0000", "'+44 20 7946 0000");
  check_escape ("-2", "'-2");
  check_escape ("@SUM(A1)", "'@SUM(A1)");
  check_escape ("\tTab", "'\tTab");
  check_escape ("\rcr", "\"'\rcr\"");
  check_escape ("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  check_escape ("a=b", "a=b");          /* only a leading sign counts */
  check_escape ("e-mail", "e-mail");
}

static void
test_csv_rows (void)
{
  g_autoptr(WkCsvWriter) csv = wk_csv_writer_new ();
  static const char * const header[] = { "a", "b", "c", "d", "e" };
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  wk_csv_writer_add_row (csv, header, G_N_ELEMENTS (header));
  wk_csv_writer_add_int (csv, -30);              /* numbers are never guarded */
  wk_csv_writer_add_double (csv, 0.6, 2);
  wk_csv_writer_add_double (csv, -0.0001, 2);    /* no "-0.00" */
  wk_csv_writer_add_empty (csv);
  wk_csv_writer_add_time (csv, 1741950300);
  wk_csv_writer_end_row (csv);
  wk_csv_writer_add_text (csv, "x");
  wk_csv_writer_add_time (csv, 0);
  wk_csv_writer_end_row (csv);
  g_assert_cmpuint (wk_csv_writer_get_rows (csv), ==, 3);
  g_assert_cmpstr (wk_csv_writer_peek (csv), ==,
                   "a,b,c,d,e\r\n-30,0.60,0.00,,2025-03-14T11:05:00Z\r\nx,\r\n");
  bytes = wk_csv_writer_free_to_bytes (g_steal_pointer (&csv));
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, ==, strlen ("a,b,c,d,e\r\n-30,0.60,0.00,,2025-03-14T11:05:00Z\r\nx,\r\n"));
  g_assert_true (g_utf8_validate (data, (gssize) size, NULL));
}

static void
test_csv_double_ignores_locale (void)
{
  g_autoptr(WkCsvWriter) csv = wk_csv_writer_new ();
  const char *old = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved = g_strdup (old);

  /* a locale with a decimal comma, when installed */
  setlocale (LC_NUMERIC, "de_DE.UTF-8");
  wk_csv_writer_add_double (csv, 1.5, 1);
  wk_csv_writer_end_row (csv);
  setlocale (LC_NUMERIC, saved);
  g_assert_cmpstr (wk_csv_writer_peek (csv), ==, "1.5\r\n");
}

static void
test_csv_invalid_utf8 (void)
{
  g_autofree char *escaped = wk_csv_escape_text ("bad \xff byte");

  g_assert_true (g_utf8_validate (escaped, -1, NULL));
  g_assert_nonnull (strstr (escaped, "\xef\xbf\xbd"));   /* U+FFFD */
}

static WkSurvey *
make_survey (gint64      id,
             int         score,
             const char *comment,
             gboolean    consent,
             gboolean    anonymous,
             const char *person)
{
  const char *tags[] = { "speed", "quality", NULL };

  return g_object_new (WK_TYPE_SURVEY,
                       "id", id, "uuid", "u", "score", score, "comment", comment,
                       "contact-consent", consent, "anonymous", anonymous,
                       "person-name", person, "person-id", anonymous ? (gint64) 0 : (gint64) 7,
                       "engineer-name", "Ngozi Okafor", "lounge-id", (gint64) 1,
                       "visit-id", (gint64) 3, "tags", tags,
                       "created-at", (gint64) 1741950300,
                       NULL);
}

static void
test_surveys_csv (void)
{
  g_autoptr(GListStore) store = g_list_store_new (WK_TYPE_SURVEY);
  g_autoptr(GHashTable) lounges = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GBytes) bytes = NULL;
  gint64 one = 1;
  g_autoptr(WkSurvey) anon = make_survey (10, 1, "=cmd|' /C calc'!A0", TRUE, TRUE, "Should Not Show");
  g_autoptr(WkSurvey) consent = make_survey (11, 2, "Slow, \"very\" slow", TRUE, FALSE, "Priya Sharma");
  g_autoptr(WkSurvey) no_consent = make_survey (12, 5, "", FALSE, FALSE, "Zoë Taylor");
  g_auto(GStrv) lines = NULL;

  g_hash_table_insert (lounges, g_memdup2 (&one, sizeof one), g_strdup ("Tech Lounge Amsterdam"));
  g_list_store_append (store, anon);
  g_list_store_append (store, consent);
  g_list_store_append (store, no_consent);
  bytes = wk_export_surveys_csv (G_LIST_MODEL (store), lounges);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\r\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* header, 3 rows, "" */
  g_assert_true (g_str_has_prefix (lines[0], "survey_id,created_at,lounge,engineer,"));
  g_assert_cmpstr (lines[1], ==,
                   "10,2025-03-14T11:05:00Z,Tech Lounge Amsterdam,Ngozi Okafor,3,,1,unknown,"
                   "speed;quality,'=cmd|' /C calc'!A0,1,1,,,none,,");
  g_assert_cmpstr (lines[2], ==,
                   "11,2025-03-14T11:05:00Z,Tech Lounge Amsterdam,Ngozi Okafor,3,,2,unknown,"
                   "speed;quality,\"Slow, \"\"very\"\" slow\",0,1,Priya Sharma,,none,,");
  /* no consent: no name */
  g_assert_null (strstr (lines[3], "Zoë"));
  g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "Should Not Show"));
}

static void
test_visits_csv (void)
{
  g_autoptr(GListStore) visits = g_list_store_new (WK_TYPE_VISIT);
  g_autoptr(GHashTable) lounges = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(WkVisit) done = NULL;
  g_autoptr(WkVisit) left = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 london = 4;

  g_hash_table_insert (lounges, g_memdup2 (&london, sizeof london), g_strdup ("Tech Lounge London"));
  done = g_object_new (WK_TYPE_VISIT,
                       "id", (gint64) 1, "uuid", "u1", "lounge-id", london,
                       "checked-in-at", (gint64) 1741950000,
                       "called-at", (gint64) 1741950060,
                       "finished-at", (gint64) 1741950660,
                       "estimated-wait-s", (gint64) 120,
                       "reason", "hardware", "status", WK_VISIT_STATUS_DONE,
                       "identified-by", WK_IDENTIFIED_BY_BADGE,
                       "engineer-name", "Łukasz Nowak", "desk", "Desk 2",
                       "outcome", WK_OUTCOME_RESOLVED_FIRST_CONTACT,
                       "ticket-ref", "WK-10042",
                       "person-name", "Never Named",                /* never exported */
                       "guest-email", "never@example.com",          /* never exported */
                       "contact-email", "never@example.com",        /* never exported */
                       NULL);
  left = g_object_new (WK_TYPE_VISIT,
                       "id", (gint64) 2, "uuid", "u2", "lounge-id", london,
                       "checked-in-at", (gint64) 1741950000,
                       "reason", "other", "status", WK_VISIT_STATUS_LEFT,
                       "identified-by", WK_IDENTIFIED_BY_GUEST,
                       "estimated-wait-s", (gint64) 600,
                       NULL);
  g_list_store_append (visits, done);
  g_list_store_append (visits, left);

  bytes = wk_export_visits_csv (G_LIST_MODEL (visits), lounges);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\r\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "visit_id,checked_in_at,lounge,reason,status,identified_by,engineer,desk,"
                   "called_at,finished_at,wait_s,service_s,outcome,estimated_wait_s,"
                   "estimate_error_s,ticket");
  g_assert_cmpstr (lines[1], ==,
                   "1,2025-03-14T11:00:00Z,Tech Lounge London,hardware,done,badge,Łukasz Nowak,"
                   "Desk 2,2025-03-14T11:01:00Z,2025-03-14T11:11:00Z,60,600,"
                   "resolved_first_contact,120,60,WK-10042");
  /* never called: no wait, no estimate error, but the estimate itself */
  g_assert_cmpstr (lines[2], ==,
                   "2,2025-03-14T11:00:00Z,Tech Lounge London,other,left,guest,,,,,,,,600,,");
  g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "never@example.com"));
  g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "Never Named"));
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add_func ("/csv/formula-guard", test_csv_formula_guard);
  g_test_add_func ("/csv/rows", test_csv_rows);
  g_test_add_func ("/csv/double-ignores-locale", test_csv_double_ignores_locale);
  g_test_add_func ("/csv/invalid-utf8", test_csv_invalid_utf8);
  g_test_add_func ("/export/surveys-csv", test_surveys_csv);
  g_test_add_func ("/export/visits-csv", test_visits_csv);

  return g_test_run ();
}
