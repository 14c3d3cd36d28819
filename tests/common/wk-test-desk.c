/* wk-test-desk.c — see wk-test-desk.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-test-desk.h"
#include "wk-test-seed.h"

#include <sqlite3.h>

gint64
wk_test_count (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

void
wk_test_got_result_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

void
wk_test_wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
}

WkCheckInRequest *
wk_test_person_request (gint64          person_id,
                        WkIdentifiedBy  by,
                        const char     *reason)
{
  WkCheckInRequest *r = wk_check_in_request_new ();

  r->uuid = g_uuid_string_random ();
  r->lounge_id = LOUNGE_MAIN;
  r->person_id = person_id;
  r->identified_by = by;
  r->reason = g_strdup (reason);
  r->kiosk = g_strdup ("door-1");
  r->kiosk_ms = 8200;
  return r;
}

WkCheckInRequest *
wk_test_guest_request (const char *name)
{
  WkCheckInRequest *r = wk_check_in_request_new ();

  r->uuid = g_uuid_string_random ();
  r->lounge_id = LOUNGE_MAIN;
  r->identified_by = WK_IDENTIFIED_BY_GUEST;
  r->guest_name = g_strdup (name);
  r->reason = g_strdup ("account");
  r->kiosk = g_strdup ("door-1");
  return r;
}

WkVisit *
wk_test_check_in_ok (WkDesk           *desk,
                     WkCheckInRequest *request)
{
  g_autoptr(GError) error = NULL;
  WkVisit *visit = CALL_ON (desk, &error, check_in, request);

  g_assert_no_error (error);
  g_assert_true (WK_IS_VISIT (visit));
  return visit;
}

WkTicketQuery *
wk_test_ticket_query (const char *text,
                      gint64      requester_id,
                      int         status,
                      gint64      assignee_id,
                      gint64      lounge_id,
                      guint       limit)
{
  WkTicketQuery *q = wk_ticket_query_new ();

  q->text = g_strdup (text);
  q->requester_id = requester_id;
  q->status = status;
  q->assignee_id = assignee_id;
  q->lounge_id = lounge_id;
  q->limit = limit;
  return q;
}
