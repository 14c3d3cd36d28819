/* wk-test-seed.c — the small lounge the desk tests start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-test-seed.h"

#include "wk-db.h"
#include "wk-password.h"

void
wk_test_exec (sqlite3    *db,
              const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

void
wk_test_seed (const char *path,
              guint       n_racers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = wk_db_open (path, &error);
  static char *hash = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *sql = NULL;

  g_assert_no_error (error);

  /* one hash for every staff account: "secret-pass" */
  if (hash == NULL)
    hash = wk_password_hash ("secret-pass", &error);
  g_assert_no_error (error);

  wk_test_exec (db, "BEGIN");
  wk_test_exec (db,
           "INSERT INTO lounge (id, name, location, timezone, opening_hours, phone) VALUES"
           " (1, 'Main Lounge', 'Building A', 'Europe/Berlin', 'mon-fri 08:00-18:00', '+49 30 1234'),"
           " (2, 'Side Lounge', 'Building B', 'UTC', '', '');"
           "INSERT INTO desk (lounge_id, name) VALUES (1, 'Desk 2'), (1, 'Desk 1');");

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO person (id, badge_id, email, employee_no, username,"
                                       " display_name, preferred_name, role, credential_hash,"
                                       " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
#define PERSON(id, badge, email, emp, user, name, pref, role, h) \
  sqlite3_reset (stmt); \
  sqlite3_bind_int (stmt, 1, id); \
  sqlite3_bind_text (stmt, 2, badge, -1, SQLITE_STATIC); \
  sqlite3_bind_text (stmt, 3, email, -1, SQLITE_STATIC); \
  sqlite3_bind_text (stmt, 4, emp, -1, SQLITE_STATIC); \
  sqlite3_bind_text (stmt, 5, user, -1, SQLITE_STATIC); \
  sqlite3_bind_text (stmt, 6, name, -1, SQLITE_STATIC); \
  sqlite3_bind_text (stmt, 7, pref, -1, SQLITE_STATIC); \
  sqlite3_bind_text (stmt, 8, role, -1, SQLITE_STATIC); \
  sqlite3_bind_text (stmt, 9, h, -1, SQLITE_STATIC); \
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  PERSON (PRIYA, "100200", "Priya.Sharma@example.com", "E1001", NULL, "Priya Sharma", "Priya", "visitor", NULL);
  PERSON (ALEX, "900001", "alex.chen@example.com", "S0002", "alex", "Alex Chen", NULL, "engineer", hash);
  PERSON (BO, NULL, "bo.li@example.com", NULL, "bo", "Bo Li", NULL, "engineer", hash);
  PERSON (LEA, NULL, "lea.muller@example.com", NULL, "lea", "Lea Müller", NULL, "lead", hash);
  PERSON (VIC, NULL, "vic@example.com", NULL, "vic", "Vic Visitor", NULL, "visitor", hash);
  for (guint i = 0; i < n_racers; i++)
    {
      g_autofree char *name = g_strdup_printf ("Racer %u", i);
      g_autofree char *user = g_strdup_printf ("racer%u", i);

      PERSON (FIRST_RACER + i, NULL, NULL, NULL, user, name, NULL, "engineer", NULL);
    }
#undef PERSON

  sql = g_strdup_printf ("INSERT INTO ticket (id, ref, requester_id, subject, category, status,"
                         " created_at, updated_at) VALUES"
                         " (1, 'WK-10001', 1, 'Laptop battery drains fast', 'hardware', 'open', %1$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT "),"
                         " (2, 'WK-10002', 1, 'Old VPN question', 'network', 'closed', 0, 0),"
                         " (3, 'WK-10003', NULL, 'Projector 50%% dim in room 4', 'other', 'new', 0, 0);"
                         "INSERT INTO hardware (id, ticket_id, person_id, lounge_id, description, asset_tag,"
                         " status, location, ready_at, created_at, updated_at) VALUES"
                         " (1, 1, 1, 1, 'ThinkPad T14', 'A-1234', 'ready', 'locker 12', %1$" G_GINT64_FORMAT ", 0, 0),"
                         " (2, NULL, 1, 1, 'USB-C dock', NULL, 'collected', 'counter', 0, 0, 0);"
                         "INSERT INTO announcement (lounge_id, title, body, starts_at, ends_at) VALUES"
                         " (1, 'Email moves on Monday', 'Here is what changes', %1$" G_GINT64_FORMAT " - 100, %1$" G_GINT64_FORMAT " + 100),"
                         " (NULL, 'Holiday hours', '', %1$" G_GINT64_FORMAT " - 50, %1$" G_GINT64_FORMAT " + 100),"
                         " (2, 'Other lounge only', '', %1$" G_GINT64_FORMAT " - 50, %1$" G_GINT64_FORMAT " + 100),"
                         " (1, 'Expired', '', 0, 10);",
                         now);
  wk_test_exec (db, sql);
  wk_test_exec (db, "COMMIT");

  g_clear_pointer (&stmt, sqlite3_finalize);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}
