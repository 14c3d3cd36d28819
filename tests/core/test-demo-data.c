/* test-demo-data.c — demo data: deterministic, consistent, usable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-db.h"
#include "wk-demo-data.h"
#include "wk-error.h"
#include "wk-password.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

/* Monday 2024-03-04 10:30:00 UTC */
#define NOW G_GINT64_CONSTANT (1709548200)

static char *
temp_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static void
small_options (WkDemoDataOptions *options,
               guint64            seed)
{
  wk_demo_data_options_init (options);
  options->people = 80;
  options->tickets = 200;
  options->visits = 600;
  options->surveys = 150;
  options->days = 45;
  options->seed = seed;
  options->now = NOW;
}

static sqlite3 *
create (const char              *name,
        const WkDemoDataOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (name);
  sqlite3 *db;

  wk_demo_data_create (path, options, FALSE, &error);
  g_assert_no_error (error);
  db = wk_db_open (path, &error);
  g_assert_no_error (error);
  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* Every row of every table, in id order: SHA-256 over types and values.
 * Staff password hashes are left out: their salts are random by design. */
static char *
content_hash (sqlite3 *db)
{
  static const char * const tables[] = {
    "lounge", "desk", "person", "ticket", "note", "visit", "hardware", "survey",
    "announcement", "event",
  };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", tables[t]);
      int rc;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_checksum_update (sum, (const guchar *) tables[t], -1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            guchar type = (guchar) sqlite3_column_type (stmt, c);
            const guchar *text;

            if (strcmp (sqlite3_column_name (stmt, c), "credential_hash") == 0)
              continue;
            text = sqlite3_column_text (stmt, c);
            g_checksum_update (sum, &type, 1);
            if (text != NULL)
              g_checksum_update (sum, text, sqlite3_column_bytes (stmt, c));
            g_checksum_update (sum, (const guchar *) "", 1);
          }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static void
test_deterministic (void)
{
  WkDemoDataOptions options;
  sqlite3 *a, *b, *c;
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;
  g_autofree char *hash_c = NULL;

  small_options (&options, 7);
  a = create ("a.db", &options);
  b = create ("b.db", &options);
  options.seed = 8;
  c = create ("c.db", &options);

  hash_a = content_hash (a);
  hash_b = content_hash (b);
  hash_c = content_hash (c);
  g_assert_cmpstr (hash_a, ==, hash_b);
  g_assert_cmpstr (hash_a, !=, hash_c);

  sqlite3_close (a);
  sqlite3_close (b);
  sqlite3_close (c);
}

static void
assert_none (sqlite3    *db,
             const char *what,
             const char *sql)
{
  gint64 n = query_int (db, sql);

  if (n != 0)
    g_error ("%s: %" G_GINT64_FORMAT " rows break it (%s)", what, n, sql);
}

static void
test_consistent (void)
{
  WkDemoDataOptions options;
  g_autofree char *check = NULL;
  g_autofree char *mode = NULL;
  g_autoptr(sqlite3_stmt) fk = NULL;
  sqlite3 *db;
  double csat;

  small_options (&options, 42);
  db = create ("consistent.db", &options);

  /* constraints: integrity_check also verifies NOT NULL and CHECK */
  check = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &fk, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (fk), ==, SQLITE_DONE);
  g_clear_pointer (&fk, sqlite3_finalize);

  /* settings are back to normal */
  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'visit_metrics'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"),
                   >=, 15);

  /* exact counts */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE role = 'visitor'"), ==, 80);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM ticket"), ==, 200);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM visit"), ==, 600);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM survey"), ==, 150);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM lounge"), >=, 2);

  /* visits: ordered times, status matching its times */
  assert_none (db, "timestamps out of order",
               "SELECT count(*) FROM visit WHERE called_at < checked_in_at"
               " OR service_started_at < called_at OR finished_at < service_started_at"
               " OR finished_at < checked_in_at OR finished_at < called_at");
  assert_none (db, "status and times disagree",
               "SELECT count(*) FROM visit WHERE NOT CASE status"
               " WHEN 'waiting' THEN called_at IS NULL AND service_started_at IS NULL AND finished_at IS NULL"
               "   AND engineer_id IS NULL"
               " WHEN 'called' THEN called_at IS NOT NULL AND service_started_at IS NULL"
               "   AND finished_at IS NULL AND engineer_id IS NOT NULL"
               " WHEN 'in_service' THEN called_at IS NOT NULL AND service_started_at IS NOT NULL"
               "   AND finished_at IS NULL AND engineer_id IS NOT NULL"
               " WHEN 'done' THEN called_at IS NOT NULL AND service_started_at IS NOT NULL"
               "   AND finished_at IS NOT NULL AND engineer_id IS NOT NULL AND outcome IS NOT NULL"
               " WHEN 'left' THEN finished_at IS NOT NULL AND service_started_at IS NULL"
               " WHEN 'cancelled' THEN finished_at IS NOT NULL AND called_at IS NULL END");
  assert_none (db, "outcome without being done",
               "SELECT count(*) FROM visit WHERE outcome IS NOT NULL AND status <> 'done'");
  assert_none (db, "visit of nobody",
               "SELECT count(*) FROM visit WHERE (person_id IS NULL) = (guest_name IS NULL)");
  assert_none (db, "guest identified otherwise",
               "SELECT count(*) FROM visit WHERE (person_id IS NULL) <> (identified_by = 'guest')");
  assert_none (db, "identified by a badge they do not have",
               "SELECT count(*) FROM visit v JOIN person p ON p.id = v.person_id"
               " WHERE (v.identified_by = 'badge' AND p.badge_id IS NULL)"
               " OR (v.identified_by = 'email' AND p.email IS NULL)"
               " OR (v.identified_by = 'employee_no' AND p.employee_no IS NULL)"
               " OR (v.identified_by = 'ticket_ref' AND v.ticket_id IS NULL)");
  assert_none (db, "ticket of someone else",
               "SELECT count(*) FROM visit v JOIN ticket t ON t.id = v.ticket_id"
               " WHERE t.requester_id <> v.person_id OR t.created_at > v.checked_in_at");
  assert_none (db, "the future", "SELECT count(*) FROM visit WHERE checked_in_at >= 1709548200"
               " OR called_at >= 1709548200 OR finished_at >= 1709548200");
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT status) FROM visit"), ==, 6);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT identified_by) FROM visit"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT outcome) FROM visit"), ==, 3);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM visit WHERE status = 'waiting'"), >=, 3);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT lounge_id) FROM visit WHERE status = 'waiting'"),
                   >=, 2);

  /* tickets */
  assert_none (db, "ticket reference",
               "SELECT count(*) FROM ticket WHERE ref NOT GLOB 'WK-[1-9][0-9]*'");
  assert_none (db, "resolution time",
               "SELECT count(*) FROM ticket WHERE (status IN ('resolved', 'closed')) <> (resolved_at IS NOT NULL)"
               " OR resolved_at < created_at OR updated_at < created_at OR updated_at >= 1709548200");
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT status) FROM ticket"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT category) FROM ticket"), >=, 6);

  /* hardware in every state, each with the times its state needs */
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT status) FROM hardware"), ==, 4);
  assert_none (db, "hardware times",
               "SELECT count(*) FROM hardware WHERE NOT CASE status"
               " WHEN 'preparing' THEN ready_at IS NULL AND collected_at IS NULL AND ready_by > 1709548200"
               " WHEN 'ready' THEN ready_at IS NOT NULL AND collected_at IS NULL AND location IS NOT NULL"
               " WHEN 'collected' THEN ready_at <= collected_at AND collected_at < 1709548200"
               "   AND handed_over_by IS NOT NULL AND (ack_name IS NOT NULL OR ack_signature IS NOT NULL)"
               " WHEN 'cancelled' THEN collected_at IS NULL END");
  assert_none (db, "hardware location",
               "SELECT count(*) FROM hardware WHERE location IS NOT NULL AND location <> 'counter'"
               " AND NOT (location GLOB 'locker [1-9]*' AND CAST (substr (location, 8) AS INTEGER) BETWEEN 1 AND 9999)");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM hardware WHERE location = 'counter'"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM hardware WHERE location GLOB 'locker *'"), >=, 1);

  /* surveys: mostly happy, some not, with tags and comments */
  csat = (double) query_int (db, "SELECT count(*) FROM survey WHERE score >= 4") / 150;
  g_assert_cmpfloat (csat, >, 0.6);
  g_assert_cmpfloat (csat, <, 0.95);
  g_assert_cmpint (query_int (db, "SELECT count(DISTINCT score) FROM survey"), ==, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM survey WHERE score <= 2 AND comment <> '' AND tags <> ''"),
                   >=, 1);
  assert_none (db, "survey before its visit ended",
               "SELECT count(*) FROM survey s JOIN visit v ON v.id = s.visit_id"
               " WHERE s.created_at < v.finished_at OR s.created_at >= 1709548200");
  assert_none (db, "anonymous survey with a person",
               "SELECT count(*) FROM survey WHERE anonymous AND (person_id IS NOT NULL OR contact_consent)");

  /* people: international names, some identifiers each */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE display_name GLOB '*[^ -~]*'"), >=, 5);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE display_name = '王芳'"), ==, 1);
  assert_none (db, "unreachable visitor",
               "SELECT count(*) FROM person WHERE role = 'visitor' AND badge_id IS NULL AND email IS NULL");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE employee_no IS NOT NULL"), >=, 1);
  assert_none (db, "opening hours", "SELECT count(*) FROM lounge WHERE opening_hours NOT GLOB '[a-z][a-z][a-z]-[a-z][a-z][a-z] [0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]*' OR phone = ''");

  /* announcements showing now */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM announcement WHERE starts_at <= 1709548200"
                                  " AND ends_at > 1709548200"), >=, 2);

  sqlite3_close (db);
}

static void
test_credentials (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  WkDemoDataOptions options;
  sqlite3 *db;
  guint n_staff, verified = 0;
  gboolean in_staff = FALSE;

  small_options (&options, 1);
  db = create ("credentials.db", &options);
  text = wk_demo_data_describe (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  wk_demo_data_get_staff (&n_staff);

  /* parse what the command prints, and sign in with it */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (strstr (lines[i], "USERNAME") != NULL)
        {
          in_staff = TRUE;
          continue;
        }
      if (!in_staff)
        continue;
      if (lines[i][0] == '\0')
        break;

      words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_assert_cmpuint (g_strv_length (words), >=, 3);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT credential_hash, role FROM person WHERE username = ?",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, words[0], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), !=, "visitor");
      {
        /* the columns: USERNAME ROLE PASSWORD NAME, padded with spaces */
        const char *password = NULL;
        guint column = 0;

        for (guint w = 0; words[w] != NULL; w++)
          if (words[w][0] != '\0' && column++ == 2)
            password = words[w];
        g_assert_nonnull (password);
        g_assert_true (wk_password_verify (password, (const char *) sqlite3_column_text (stmt, 0)));
        g_assert_false (wk_password_verify ("wrong", (const char *) sqlite3_column_text (stmt, 0)));
      }
      verified++;
    }
  g_assert_cmpuint (verified, ==, n_staff);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE role = 'admin'"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE role = 'lead'"), >=, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person WHERE role = 'engineer'"), >=, 3);
  g_assert_nonnull (strstr (text, "locker 12"));

  sqlite3_close (db);
}

static void
test_refuse (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("refuse.db");
  WkDemoDataOptions options;
  sqlite3 *db;

  small_options (&options, 3);
  g_assert_true (wk_demo_data_create (path, &options, FALSE, &error));
  g_assert_no_error (error);

  g_assert_false (wk_demo_data_create (path, &options, FALSE, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_CONFLICT);
  g_clear_error (&error);

  options.seed = 4;
  g_assert_true (wk_demo_data_create (path, &options, TRUE, &error));
  g_assert_no_error (error);

  /* a database with data in it is refused even when opened by the caller */
  db = wk_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_false (wk_demo_data_generate (db, &options, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_CONFLICT);
  g_clear_error (&error);
  sqlite3_close (db);

  /* nonsense sizes */
  options.people = 1;
  g_assert_false (wk_demo_data_create (path, &options, TRUE, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
}

static void
test_command (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = temp_path ("command.db");
      const char *args[] = {
        "demo-data", "--db", path, "--people", "40", "--tickets", "100", "--days", "20",
        "--seed", "5", "--now", "2024-03-04T10:30:00Z", NULL
      };
      const char *forced[] = {
        "demo-data", "--db", path, "--people", "40", "--tickets", "100", "--days", "20",
        "--force", NULL
      };
      const char *bad_time[] = { "demo-data", "--db", path, "--now", "yesterday", NULL };
      const char *no_db[] = { "demo-data", NULL };

      if (wk_demo_data_main (G_N_ELEMENTS (args) - 1, (char **) args) != 0)
        exit (10);
      /* a second run does not overwrite … */
      if (wk_demo_data_main (G_N_ELEMENTS (args) - 1, (char **) args) != 1)
        exit (11);
      /* … unless forced */
      if (wk_demo_data_main (G_N_ELEMENTS (forced) - 1, (char **) forced) != 0)
        exit (12);
      if (wk_demo_data_main (G_N_ELEMENTS (bad_time) - 1, (char **) bad_time) != 2)
        exit (13);
      if (wk_demo_data_main (G_N_ELEMENTS (no_db) - 1, (char **) no_db) != 2)
        exit (14);
      exit (0);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*40 visitors*demo-engineer*");
  g_test_trap_assert_stdout ("*admin*demo-admin*");
  g_test_trap_assert_stderr ("*--force*");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/demo-data/deterministic", test_deterministic);
  g_test_add_func ("/demo-data/consistent", test_consistent);
  g_test_add_func ("/demo-data/credentials", test_credentials);
  g_test_add_func ("/demo-data/refuse", test_refuse);
  g_test_add_func ("/demo-data/command", test_command);

  return g_test_run ();
}
