/* test-db.c — opening databases: pragmas, migrations, refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-db.h"
#include "wk-error.h"

#include <glib/gstdio.h>
#include <string.h>

static char *
temp_db_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
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

static void
test_open_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_db_path ("empty.db");
  g_autofree char *mode = NULL;
  sqlite3 *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  db = wk_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, wk_db_schema_version ());
  g_assert_cmpint (query_int (db, "PRAGMA foreign_keys"), ==, 1);
  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                  "AND name IN ('lounge', 'person', 'ticket', 'note', 'visit', "
                                  "'hardware', 'survey', 'announcement', 'event')"), ==, 9);

  /* foreign keys are enforced */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO desk (lounge_id, name) VALUES (42, 'Desk 1')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_FOREIGNKEY);
  sqlite3_close (db);
}

static void
test_reopen_keeps_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_db_path ("reopen.db");
  sqlite3 *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  db = wk_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (wk_db_exec (db, "INSERT INTO lounge (name) VALUES ('Lounge A')", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  /* migrating again is a no-op and keeps the row */
  db = wk_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, wk_db_schema_version ());
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM lounge WHERE name = 'Lounge A'"), ==, 1);
  g_assert_true (wk_db_migrate (db, &error));
  g_assert_no_error (error);
  sqlite3_close (db);
}

static void
test_newer_schema_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_db_path ("newer.db");
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d",
                                           wk_db_schema_version () + 1);
  sqlite3 *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  db = wk_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (wk_db_exec (db, bump, &error));
  sqlite3_close (db);

  db = wk_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, WK_ERROR, WK_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "schema version"));
}

static void
test_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_db_path ("garbage.db");
  g_autofree char *garbage = g_strnfill (4096, 'x');
  sqlite3 *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));

  db = wk_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, WK_ERROR, WK_ERROR_CORRUPT);

  /* and the file was left as it was */
  {
    g_autofree char *after = NULL;
    g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, garbage);
  }
}

static void
test_unwritable_dir (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = wk_db_open ("/proc/walkup-no-such-dir/x.db", &error);

  g_assert_null (db);
  g_assert_error (error, WK_ERROR, WK_ERROR_UNAVAILABLE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/db/open-empty", test_open_empty);
  g_test_add_func ("/db/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/db/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/db/not-a-database", test_not_a_database);
  g_test_add_func ("/db/unwritable-dir", test_unwritable_dir);

  return g_test_run ();
}
