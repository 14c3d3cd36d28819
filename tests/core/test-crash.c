/* test-crash.c — a writer killed with SIGKILL loses nothing it confirmed
 *
 * Spawns wk-crash-writer (built next to this test), lets it check visits
 * in, kills it with SIGKILL at some point mid-stream, and reopens the file:
 * every UUID the writer printed (it prints only after the commit was
 * confirmed) is there exactly once, the database passes
 * PRAGMA integrity_check, and every visit has its event (same transaction).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-db.h"

#include <gio/gio.h>
#include <signal.h>
#include <string.h>

static char *
writer_path (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;

  g_assert_nonnull (self);
  dir = g_path_get_dirname (self);
  return g_build_filename (dir, "wk-crash-writer", NULL);
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           const char *text)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
run_and_kill (const char *writer,
              const char *db_path,
              guint       kill_after,
              GPtrArray  *uuids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  guint seen = 0;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              writer, db_path, NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  for (;;)
    {
      gsize length;
      char *line = g_data_input_stream_read_line (lines, &length, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        break;   /* EOF: the writer is gone */
      if (length == 36 && g_uuid_string_is_valid (line))
        g_ptr_array_add (uuids, line);
      else
        g_free (line);

      if (++seen == kill_after)
        g_subprocess_send_signal (process, SIGKILL);
    }

  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
}

static void
test_sigkill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *writer = writer_path ();
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  const guint kill_points[] = { 1, 97, 400, 1500 };
  sqlite3 *db;

  if (!g_file_test (writer, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("wk-crash-writer is not built");
      return;
    }

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), "crash.db", NULL);
  db = wk_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (wk_db_exec (db, "INSERT INTO lounge (id, name) VALUES (1, 'Crash Lounge')", &error));
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  for (guint round = 0; round < G_N_ELEMENTS (kill_points); round++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *check = NULL;
      guint before = uuids->len;

      run_and_kill (writer, path, kill_points[round], uuids);
      g_test_message ("round %u: %u confirmed before the kill", round, uuids->len - before);
      g_assert_cmpuint (uuids->len - before, >=, kill_points[round]);

      /* reopening recovers the WAL; nothing confirmed is missing */
      db = wk_db_open (path, &error);
      g_assert_no_error (error);

      g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      g_assert_cmpstr (check, ==, "ok");
      g_clear_pointer (&stmt, sqlite3_finalize);

      g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      g_clear_pointer (&stmt, sqlite3_finalize);

      for (guint i = 0; i < uuids->len; i++)
        g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM visit WHERE uuid = ?",
                                    g_ptr_array_index (uuids, i)), ==, 1);

      /* a visit without its event, or an event without its visit, would
       * mean a torn transaction */
      g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM visit", NULL), >=, uuids->len);
      g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM visit", NULL), ==,
                       query_int (db, "SELECT COUNT(*) FROM event WHERE kind = 'visit.checked_in'", NULL));
      g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM ticket", NULL), ==,
                       query_int (db, "SELECT COUNT(*) FROM event WHERE kind = 'ticket.created'", NULL));
      g_assert_cmpint (query_int (db, "SELECT COUNT(*) FROM visit v LEFT JOIN event e"
                                      " ON e.entity = 'visit' AND e.entity_id = v.id"
                                      " WHERE e.id IS NULL", NULL), ==, 0);
      g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/crash/sigkill", test_sigkill);

  return g_test_run ();
}
