/* test-hub-export.c — the real `walkup-hub export` on a small fixture: its
 * CSV equals rows written out by hand here, and the bytes wk-export gives
 * the review window over a WkLocalDesk for the same range; bad dates, paths
 * and options are refused with a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-db.h"
#include "wk-export.h"
#include "wk-local-desk.h"
#include "wk-store.h"

#include <string.h>

/* 2025-03-01T00:00:00Z and 2025-04-01T00:00:00Z: --from 2025-03-01 --to 2025-03-31 in UTC */
#define MARCH_FROM 1740787200
#define MARCH_TO   1743465600

#define HEADER_VISITS \
  "visit_id,checked_in_at,lounge,reason,status,identified_by,engineer,desk,called_at," \
  "finished_at,wait_s,service_s,outcome,estimated_wait_s,estimate_error_s,ticket\r\n"
#define VISIT_1 \
  "1,2025-03-14T11:00:00Z,Tech Lounge London,hardware,done,badge,Łukasz Nowak,Desk 2," \
  "2025-03-14T11:01:00Z,2025-03-14T11:11:00Z,60,600,resolved_first_contact,120,60,WK-10042\r\n"
#define VISIT_2 \
  "2,2025-03-14T12:00:00Z,Tech Lounge London,other,left,guest,,,,2025-03-14T12:15:00Z,,,,600,,\r\n"
#define VISIT_4 \
  "4,2025-03-15T09:00:00Z,\"Side, \"\"Lounge\"\"\",account,waiting,email,,,,,,,,,,\r\n"

#define HEADER_SURVEYS \
  "survey_id,created_at,lounge,engineer,visit_id,ticket_id,score,resolved,tags,comment," \
  "anonymous,contact_consent,contact_name,language,followup_status,followup_note,followup_at\r\n"
#define SURVEY_1 \
  "1,2025-03-14T11:12:00Z,Tech Lounge London,Łukasz Nowak,1,1,2,no,speed;quality,'=1+2," \
  "0,1,Priya Sharma,en,none,,\r\n"
#define SURVEY_2 \
  "2,2025-03-14T12:16:00Z,Tech Lounge London,,2,,5,unknown,,\"Schnell, danke\",1,0,,de,none,,\r\n"

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

static char *
make_fixture (void)
{
  g_autoptr(GError) error = NULL;
  char *path;
  sqlite3 *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "export.db", NULL);
  db = wk_db_open (path, &error);
  g_assert_no_error (error);
  exec_ok (db,
           "BEGIN;"
           "INSERT INTO lounge (id, name, timezone) VALUES"
           " (1, 'Tech Lounge London', 'Europe/London'), (2, 'Side, \"Lounge\"', 'UTC');"
           "INSERT INTO person (id, email, display_name, role, created_at, updated_at) VALUES"
           " (1, 'priya@example.com', 'Priya Sharma', 'visitor', 0, 0),"
           " (2, 'lukasz@example.com', 'Łukasz Nowak', 'engineer', 0, 0);"
           "INSERT INTO ticket (id, ref, requester_id, subject, created_at, updated_at) VALUES"
           " (1, 'WK-10042', 1, 'Dock', 0, 0);"
           "INSERT INTO visit (id, uuid, lounge_id, person_id, guest_name, ticket_id, reason, status,"
           " checked_in_at, called_at, service_started_at, finished_at, engineer_id, desk,"
           " identified_by, outcome, estimated_wait_s) VALUES"
           " (1, 'v1', 1, 1, NULL, 1, 'hardware', 'done', 1741950000, 1741950060, 1741950060,"
           "  1741950660, 2, 'Desk 2', 'badge', 'resolved_first_contact', 120),"
           " (2, 'v2', 1, NULL, '=Guest', NULL, 'other', 'left', 1741953600, NULL, NULL,"
           "  1741954500, NULL, NULL, 'guest', NULL, 600),"
           " (3, 'v3', 1, 1, NULL, NULL, 'other', 'waiting', 1743465600, NULL, NULL, NULL, NULL,"
           "  NULL, 'badge', NULL, NULL),"
           " (4, 'v4', 2, 1, NULL, NULL, 'account', 'waiting', 1742029200, NULL, NULL, NULL, NULL,"
           "  NULL, 'email', NULL, NULL);"
           "INSERT INTO survey (id, uuid, visit_id, ticket_id, engineer_id, lounge_id, person_id,"
           " score, resolved, tags, comment, contact_consent, anonymous, language, created_at) VALUES"
           " (1, 's1', 1, 1, 2, 1, 1, 2, 'no', 'speed,quality', '=1+2', 1, 0, 'en', 1741950720),"
           " (2, 's2', 2, NULL, NULL, 1, NULL, 5, 'unknown', '', 'Schnell, danke', 0, 1, 'de',"
           "  1741954560);"
           "COMMIT;");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return path;
}

/* Runs walkup-hub with @args in UTC; returns its stdout, and its stderr in
 * @err_out. */
static char *
run_hub (const char * const *args,
         int                 expected_status,
         char              **err_out)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *root = g_getenv ("WALKUP_BUILD_ROOT");

  g_assert_nonnull (root);
  g_subprocess_launcher_setenv (launcher, "TZ", "UTC", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_ptr_array_add (argv, g_build_filename (root, "app", "walkup-hub", NULL));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) != expected_status)
    g_error ("walkup-hub %s: exit %d, expected %d: %s", args[0],
             g_subprocess_get_exit_status (process), expected_status, err);
  if (err_out != NULL)
    *err_out = g_steal_pointer (&err);
  return g_steal_pointer (&out);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* What the review window writes for the same range: wk-export over a
 * WkLocalDesk. */
static char *
export_in_process (const char *db_path,
                   gboolean    visits,
                   gint64      lounge_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkStore) store = wk_store_new (db_path, NULL, &error);
  g_autoptr(WkLocalDesk) desk = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint rows = 0;

  g_assert_no_error (error);
  desk = wk_local_desk_new (store);
  if (visits)
    {
      WkVisitQuery query = { MARCH_FROM, MARCH_TO, lounge_id, 0, 0, 0 };

      wk_export_visits_async (WK_DESK (desk), &query, NULL, got_result_cb, &result);
    }
  else
    {
      g_autoptr(WkFeedbackQuery) query = wk_feedback_query_new ();

      query->from = MARCH_FROM;
      query->to = MARCH_TO;
      query->lounge_id = lounge_id;
      wk_export_surveys_async (WK_DESK (desk), query, NULL, got_result_cb, &result);
    }
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  bytes = wk_export_finish (WK_DESK (desk), result, &rows, &error);
  g_assert_no_error (error);
  wk_store_close (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_export_csv (void)
{
  g_autofree char *db = make_fixture ();
  g_autofree char *visits_csv = g_build_filename (g_get_user_data_dir (), "visits.csv", NULL);
  g_autofree char *surveys_csv = g_build_filename (g_get_user_data_dir (), "surveys.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *same = NULL;
  g_autofree char *piped = NULL;
  g_autofree char *london = NULL;
  g_autofree char *london_same = NULL;
  g_autofree char *surveys = NULL;
  g_autofree char *surveys_same = NULL;

  out = run_hub ((const char *[]) { "export", "--db", db, "--what", "visits", "--from", "2025-03-01",
                                    "--to", "2025-03-31", "--csv", visits_csv, NULL }, 0, NULL);
  g_assert_nonnull (strstr (out, "Exported 3 visits"));
  text = read_text (visits_csv);
  g_assert_cmpstr (text, ==, HEADER_VISITS VISIT_1 VISIT_2 VISIT_4);
  same = export_in_process (db, TRUE, 0);
  g_assert_cmpstr (text, ==, same);

  /* stdout, one lounge */
  piped = run_hub ((const char *[]) { "export", "--db", db, "--what", "visits", "--from", "2025-03-01",
                                      "--to", "2025-03-31", "--csv", "-", NULL }, 0, NULL);
  g_assert_cmpstr (piped, ==, text);
  london = run_hub ((const char *[]) { "export", "--db", db, "--what", "visits", "--from", "2025-03-01",
                                       "--to", "2025-03-31", "--csv", "-", "--lounge", "1", NULL }, 0, NULL);
  g_assert_cmpstr (london, ==, HEADER_VISITS VISIT_1 VISIT_2);
  london_same = export_in_process (db, TRUE, 1);
  g_assert_cmpstr (london, ==, london_same);

  g_clear_pointer (&out, g_free);
  out = run_hub ((const char *[]) { "export", "--db", db, "--what", "surveys", "--from", "2025-03-01",
                                    "--to", "2025-03-31", "--csv", surveys_csv, NULL }, 0, NULL);
  g_assert_nonnull (strstr (out, "Exported 2 surveys"));
  surveys = read_text (surveys_csv);
  g_assert_cmpstr (surveys, ==, HEADER_SURVEYS SURVEY_1 SURVEY_2);
  surveys_same = export_in_process (db, FALSE, 0);
  g_assert_cmpstr (surveys, ==, surveys_same);
}

static void
expect_refusal (const char * const *args,
                int                 status,
                const char         *message)
{
  g_autofree char *err = NULL;
  g_autofree char *out = run_hub (args, status, &err);

  if (strstr (err, message) == NULL)
    g_error ("expected “%s” in: %s", message, err);
}

static void
test_export_refusals (void)
{
  g_autofree char *db = make_fixture ();
  g_autofree char *missing = g_build_filename (g_get_user_data_dir (), "missing.db", NULL);
  g_autofree char *no_dir = g_build_filename (g_get_user_data_dir (), "no", "such", "x.csv", NULL);

  expect_refusal ((const char *[]) { "export", "--db", db, "--what", "visits", "--from", "2025-02-30",
                                     "--to", "2025-03-31", "--csv", "-", NULL },
                  2, "“2025-02-30” is not a date");
  expect_refusal ((const char *[]) { "export", "--db", db, "--what", "visits", "--from", "yesterday",
                                     "--to", "2025-03-31", "--csv", "-", NULL },
                  2, "“yesterday” is not a date");
  expect_refusal ((const char *[]) { "export", "--db", db, "--what", "visits", "--from", "2025-03-31",
                                     "--to", "2025-03-01", "--csv", "-", NULL },
                  2, "--to must not be before --from");
  expect_refusal ((const char *[]) { "export", "--db", db, "--what", "tickets", "--from", "2025-03-01",
                                     "--to", "2025-03-31", "--csv", "-", NULL },
                  2, "--what must be");
  expect_refusal ((const char *[]) { "export", "--db", db, "--what", "visits", "--from", "2025-03-01",
                                     "--to", "2025-03-31", NULL },
                  2, "--csv FILE is required");
  expect_refusal ((const char *[]) { "export", "--db", missing, "--what", "visits", "--from", "2025-03-01",
                                     "--to", "2025-03-31", "--csv", "-", NULL },
                  1, "there is no database");
  expect_refusal ((const char *[]) { "export", "--db", db, "--what", "visits", "--from", "2025-03-01",
                                     "--to", "2025-03-31", "--csv", no_dir, NULL },
                  1, "could not write");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hub-export/csv", test_export_csv);
  g_test_add_func ("/hub-export/refusals", test_export_refusals);

  return g_test_run ();
}
