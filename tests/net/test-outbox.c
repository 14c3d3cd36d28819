/* test-outbox.c — the offline outbox and the cached directory of WkRemoteDesk
 *
 * A kiosk desk (kiosk token, an outbox on its own local file) talks to a
 * real hub on 127.0.0.1 (tests/common/wk-test-hub.c).  The hub is stopped
 * while the kiosk makes 200 check-ins and 200 surveys (each answered
 * provisionally, the pending count following), the kiosk itself is
 * restarted on the same local file, the hub comes back on the same port,
 * and then every write is in the hub's database exactly once, in order
 * (read directly with SQLite), one the hub refuses is set aside, and a
 * badge identified before is answered from the cache meanwhile.  An
 * engineer's laptop does the same with ticket edits and notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../common/wk-test-hub.h"

#include "wk-db.h"
#include "wk-error.h"
#include "wk-identity.h"
#include "wk-json.h"
#include "wk-outbox.h"
#include "wk-remote-desk.h"
#include "wk-survey.h"
#include "wk-ticket.h"
#include "wk-visit.h"

#include <string.h>

#define N_WRITES 200
#define BADGE "100200"

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

static char *
seed_hub (const char *name)
{
  g_autoptr(GError) error = NULL;
  char *path;
  sqlite3 *db;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  db = wk_db_open (path, &error);
  g_assert_no_error (error);
  exec_ok (db,
           "INSERT INTO lounge (id, name) VALUES (1, 'Main Lounge');"
           "INSERT INTO person (id, badge_id, email, display_name, preferred_name, role,"
           " created_at, updated_at) VALUES (1, '" BADGE "', 'priya@example.com', 'Priya Sharma',"
           " 'Priya', 'visitor', 0, 0);"
           "INSERT INTO ticket (id, ref, requester_id, subject, category, status, created_at,"
           " updated_at) VALUES (1, 'WK-10001', 1, 'Laptop battery drains fast', 'hardware',"
           " 'open', 0, 0);"
           "INSERT INTO hardware (id, ticket_id, person_id, lounge_id, description, status,"
           " location, ready_at, created_at, updated_at) VALUES (1, 1, 1, 1, 'ThinkPad T14',"
           " 'ready', 'locker 12', 1, 0, 0);");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return path;
}

static gint64
query_int (const char *path,
           const char *sql,
           const char *text)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return value;
}

/* The uuids of @table in id order. */
static GPtrArray *
query_uuids (const char *path,
             const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return uuids;
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
}

/* Drops the last reference to *@object and runs the main context until
 * whatever it still had under way is over and it is finalized. */
static void
unref_and_wait (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  while (weak != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until @desk has nothing pending (at most 60 s). */
static void
wait_drained (WkRemoteDesk *desk)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (60, timeout_cb, &timed_out);

  while (wk_remote_desk_get_pending_count (desk) > 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static WkVisit *
check_in (WkDesk     *desk,
          const char *uuid,
          gint64      lounge_id,
          gboolean    guest,
          GError    **error)
{
  g_autoptr(WkCheckInRequest) request = wk_check_in_request_new ();
  g_autoptr(GAsyncResult) result = NULL;

  request->uuid = g_strdup (uuid);
  request->lounge_id = lounge_id;
  if (guest)
    {
      request->identified_by = WK_IDENTIFIED_BY_GUEST;
      request->guest_name = g_strdup_printf ("Guest %.8s", uuid);
    }
  else
    {
      request->person_id = 1;
      request->identified_by = WK_IDENTIFIED_BY_BADGE;
      request->ticket_id = 1;
    }
  request->reason = g_strdup ("hardware");
  request->kiosk_ms = 4200;
  wk_desk_check_in_async (desk, request, NULL, got_result_cb, &result);
  wait_for (&result);
  return wk_desk_check_in_finish (desk, result, error);
}

static WkSurvey *
submit_survey (WkDesk     *desk,
               const char *uuid,
               int         score,
               GError    **error)
{
  g_autoptr(WkSurveyRequest) request = wk_survey_request_new ();
  g_autoptr(GAsyncResult) result = NULL;

  request->uuid = g_strdup (uuid);
  request->lounge_id = 1;
  request->score = score;
  request->resolved = WK_SURVEY_RESOLVED_YES;
  request->comment = g_strdup ("Quick and friendly");
  request->anonymous = TRUE;
  wk_desk_submit_survey_async (desk, request, NULL, got_result_cb, &result);
  wait_for (&result);
  return wk_desk_submit_survey_finish (desk, result, error);
}

static WkIdentity *
identify (WkDesk         *desk,
          WkIdentifiedBy  by,
          const char     *value,
          GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  wk_desk_identify_async (desk, by, value, NULL, got_result_cb, &result);
  wait_for (&result);
  return wk_desk_identify_finish (desk, result, error);
}

/* Waits until every job queued on @outbox before has run (they run in
 * order on its one worker). */
static void
barrier (WkOutbox *outbox)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WkOutboxItem) item = NULL;
  g_autoptr(GError) error = NULL;

  wk_outbox_next_async (outbox, NULL, got_result_cb, &result);
  wait_for (&result);
  item = wk_outbox_next_finish (outbox, result, &error);
  g_assert_no_error (error);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static WkRemoteDesk *
kiosk_desk (const char *url,
            const char *token,
            WkOutbox   *outbox)
{
  g_autoptr(GError) error = NULL;
  WkRemoteDesk *desk = wk_remote_desk_new (url, token, &error);

  g_assert_no_error (error);
  wk_remote_desk_set_outbox (desk, outbox);
  return desk;
}

static void
test_offline_writes_delivered_once (void)
{
  g_autofree char *hub_db = seed_hub ("hub-offline.db");
  g_autofree char *local = g_build_filename (g_get_user_data_dir (), "kiosk-local.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) surveys = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autofree char *refused_uuid = NULL;
  g_autofree char *first_uuid = NULL;
  WkOutbox *outbox;
  WkRemoteDesk *desk;
  WkTestHub *hub;
  guint port, notified = 0;

  hub = wk_test_hub_start (hub_db, 0);
  port = wk_test_hub_get_port (hub);
  url = wk_test_hub_get_url (hub);
  token = wk_test_hub_new_token (hub, WK_HUB_ROLE_KIOSK, "door kiosk", 0);

  outbox = wk_outbox_new (local, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wk_outbox_get_pending_count (outbox), ==, 0);
  desk = kiosk_desk (url, token, outbox);
  g_signal_connect (desk, "notify::pending-count", G_CALLBACK (count_notify_cb), &notified);

  /* online: through the outbox, answered by the hub; the badge is cached */
  {
    g_autoptr(WkVisit) visit = NULL;
    g_autoptr(WkIdentity) identity = identify (WK_DESK (desk), WK_IDENTIFIED_BY_BADGE, BADGE, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (wk_person_get_display_name (wk_identity_get_person (identity)), ==,
                     "Priya Sharma");
    first_uuid = g_uuid_string_random ();
    visit = check_in (WK_DESK (desk), first_uuid, 1, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpint (wk_visit_get_id (visit), >, 0);
    g_assert_cmpuint (wk_visit_get_position (visit), ==, 1);
    g_assert_cmpuint (wk_remote_desk_get_pending_count (desk), ==, 0);
    g_ptr_array_add (order, g_strdup (first_uuid));
  }
  /* let the detached cache write land before the hub goes */
  barrier (outbox);

  wk_test_hub_stop (hub);

  /* offline: every write answered at once, provisionally */
  notified = 0;
  for (guint i = 0; i < N_WRITES; i++)
    {
      g_autofree char *cuuid = g_uuid_string_random ();
      g_autofree char *suuid = g_uuid_string_random ();
      g_autoptr(WkVisit) visit = check_in (WK_DESK (desk), cuuid, 1, i % 2 == 0, &error);
      g_autoptr(WkSurvey) survey = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (wk_visit_get_id (visit), ==, 0);
      g_assert_cmpint (wk_visit_get_version (visit), ==, 0);
      g_assert_cmpuint (wk_visit_get_position (visit), ==, 0);
      g_assert_cmpint (wk_visit_get_status (visit), ==, WK_VISIT_STATUS_WAITING);
      g_assert_cmpstr (wk_visit_get_uuid (visit), ==, cuuid);
      g_ptr_array_add (order, g_steal_pointer (&cuuid));

      survey = submit_survey (WK_DESK (desk), suuid, 1 + i % 5, &error);
      g_assert_no_error (error);
      g_assert_cmpint (wk_survey_get_id (survey), ==, 0);
      g_assert_cmpstr (wk_survey_get_uuid (survey), ==, suuid);

      if (i == N_WRITES / 2)
        {
          /* one the hub will refuse (no lounge 999): set aside, not blocking */
          g_autoptr(WkVisit) bad = NULL;

          refused_uuid = g_uuid_string_random ();
          bad = check_in (WK_DESK (desk), refused_uuid, 999, TRUE, &error);
          g_assert_no_error (error);
          g_assert_cmpint (wk_visit_get_id (bad), ==, 0);
        }
    }
  g_assert_false (wk_remote_desk_get_online (desk));
  g_assert_cmpuint (wk_remote_desk_get_pending_count (desk), ==, 2 * N_WRITES + 1);
  g_assert_cmpuint (notified, ==, 2 * N_WRITES + 1);

  /* a malformed write is refused at once, not queued */
  {
    g_autoptr(WkVisit) visit = check_in (WK_DESK (desk), "not-a-uuid", 1, TRUE, &error);

    g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
    g_assert_null (visit);
    g_clear_error (&error);
  }

  /* the cached directory: the badge seen before, nobody else */
  {
    g_autoptr(WkIdentity) identity = identify (WK_DESK (desk), WK_IDENTIFIED_BY_BADGE, BADGE, &error);
    g_autoptr(WkIdentity) stranger = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (wk_person_get_preferred_name (wk_identity_get_person (identity)), ==, "Priya");
    g_assert_cmpuint (g_list_model_get_n_items (wk_identity_get_tickets (identity)), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (wk_identity_get_hardware (identity)), ==, 1);
    g_assert_true (wk_identity_is_strong (identity));
    stranger = identify (WK_DESK (desk), WK_IDENTIFIED_BY_BADGE, "555555", &error);
    g_assert_error (error, WK_ERROR, WK_ERROR_UNAVAILABLE);
    g_assert_null (stranger);
    g_clear_error (&error);
  }

  /* the kiosk restarts too: the outbox is in its file */
  unref_and_wait (desk);
  unref_and_wait (outbox);
  outbox = wk_outbox_new (local, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wk_outbox_get_pending_count (outbox), ==, 2 * N_WRITES + 1);

  /* the hub comes back on the same port: the desk finds it by itself
   * (its event stream reconnects, or the retry timer fires) */
  hub = wk_test_hub_start (hub_db, port);
  g_test_expect_message ("wk-remote-desk", G_LOG_LEVEL_WARNING,
                         "The hub refused a check-in from the outbox*no lounge*");
  desk = kiosk_desk (url, token, outbox);
  wait_drained (desk);
  g_test_assert_expected_messages ();
  g_assert_true (wk_remote_desk_get_online (desk));

  /* in the hub's own file: each exactly once, in the order written */
  visits = query_uuids (hub_db, "SELECT uuid FROM visit ORDER BY id");
  g_assert_cmpuint (visits->len, ==, N_WRITES + 1);
  for (guint i = 0; i < order->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (visits, i), ==, g_ptr_array_index (order, i));
      g_assert_cmpint (query_int (hub_db, "SELECT count(*) FROM visit WHERE uuid = ?",
                                  g_ptr_array_index (order, i)), ==, 1);
    }
  surveys = query_uuids (hub_db, "SELECT uuid FROM survey ORDER BY id");
  g_assert_cmpuint (surveys->len, ==, N_WRITES);
  g_assert_cmpint (query_int (hub_db, "SELECT count(DISTINCT uuid) FROM survey", NULL), ==, N_WRITES);
  g_assert_cmpint (query_int (hub_db, "SELECT count(*) FROM visit WHERE uuid = ?", refused_uuid), ==, 0);

  /* the refused one is kept aside in the kiosk's file, with the hub's words */
  g_assert_cmpint (query_int (local, "SELECT count(*) FROM outbox WHERE state = 'refused' AND uuid = ?",
                              refused_uuid), ==, 1);
  g_assert_cmpint (query_int (local, "SELECT count(*) FROM outbox", NULL), ==, 1);

  /* an answer lost after the hub stored it: the row is sent again, and
   * the hub's idempotency keeps it once */
  {
    g_autoptr(WkCheckInRequest) request = wk_check_in_request_new ();
    g_autoptr(JsonNode) body = NULL;
    g_autofree char *text = NULL;
    g_autoptr(GAsyncResult) result = NULL;

    request->uuid = g_strdup (first_uuid);
    request->lounge_id = 1;
    request->person_id = 1;
    request->identified_by = WK_IDENTIFIED_BY_BADGE;
    request->reason = g_strdup ("hardware");
    body = wk_json_from_check_in_request (request);
    text = wk_json_to_string (body, NULL);
    wk_outbox_add_async (outbox, WK_OUTBOX_KIND_CHECK_IN, first_uuid, "POST", "/api/v1/check-ins",
                         text, NULL,
                         got_result_cb, &result);
    wait_for (&result);
    g_assert_cmpint (wk_outbox_add_finish (outbox, result, NULL, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpuint (wk_remote_desk_get_pending_count (desk), ==, 1);
    wk_remote_desk_flush_outbox (desk);
    wait_drained (desk);
    g_assert_cmpint (query_int (hub_db, "SELECT count(*) FROM visit WHERE uuid = ?", first_uuid), ==, 1);
    g_assert_cmpint (query_int (hub_db, "SELECT count(*) FROM visit", NULL), ==, N_WRITES + 1);
  }

  /* online again: a refusal reaches the caller and leaves nothing behind */
  {
    g_autofree char *uuid = g_uuid_string_random ();
    g_autoptr(WkVisit) visit = check_in (WK_DESK (desk), uuid, 999, TRUE, &error);

    g_assert_error (error, WK_ERROR, WK_ERROR_NOT_FOUND);
    g_assert_null (visit);
    g_clear_error (&error);
    g_assert_cmpuint (wk_remote_desk_get_pending_count (desk), ==, 0);
    g_assert_cmpint (query_int (local, "SELECT count(*) FROM outbox WHERE uuid = ?", uuid), ==, 0);
  }

  /* the refresh asks the hub about every cached badge */
  {
    g_autoptr(GAsyncResult) result = NULL;

    wk_remote_desk_refresh_directory_async (desk, NULL, got_result_cb, &result);
    wait_for (&result);
    g_assert_cmpuint (wk_remote_desk_refresh_directory_finish (desk, result, &error), ==, 1);
    g_assert_no_error (error);
  }

  unref_and_wait (desk);
  unref_and_wait (outbox);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  wk_test_hub_stop (hub);
}

static WkTicket *
get_ticket (WkDesk  *desk,
            gint64   id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  WkTicket *ticket;

  wk_desk_get_ticket_async (desk, id, NULL, got_result_cb, &result);
  wait_for (&result);
  ticket = wk_desk_get_ticket_finish (desk, result, &error);
  g_assert_no_error (error);
  return ticket;
}

static WkTicket *
update_ticket (WkDesk     *desk,
               gint64      id,
               gint64      version,
               const char *uuid,
               int         status,
               int         priority,
               GError    **error)
{
  g_autoptr(WkTicketUpdate) update = wk_ticket_update_new ();
  g_autoptr(GAsyncResult) result = NULL;

  update->uuid = g_strdup (uuid);
  update->status = status;
  update->priority = priority;
  wk_desk_update_ticket_async (desk, id, version, update, 0, NULL, got_result_cb, &result);
  wait_for (&result);
  return wk_desk_update_ticket_finish (desk, result, error);
}

static WkNote *
add_note (WkDesk     *desk,
          gint64      ticket_id,
          const char *body,
          const char *uuid,
          GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  wk_desk_add_note_async (desk, ticket_id, 0, body, WK_NOTE_VISIBILITY_INTERNAL, uuid, NULL,
                          got_result_cb, &result);
  wait_for (&result);
  return wk_desk_add_note_finish (desk, result, error);
}

/* Ticket edits and notes made while the hub is away arrive once each, in
 * order; an edit whose version went stale meanwhile is kept as refused,
 * with the hub's reason, until dismissed; a UUID sent again adds nothing. */
static void
test_offline_ticket_edits (void)
{
  g_autofree char *hub_db = seed_hub ("hub-tickets.db");
  g_autofree char *local = g_build_filename (g_get_user_data_dir (), "laptop-local.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autofree char *online_note = g_uuid_string_random ();
  g_autofree char *note_a = g_uuid_string_random ();
  g_autofree char *note_b = g_uuid_string_random ();
  g_autofree char *note_c = g_uuid_string_random ();
  g_autofree char *edit_stale = g_uuid_string_random ();
  g_autofree char *edit_good = g_uuid_string_random ();
  g_autoptr(GPtrArray) notes = NULL;
  gint64 version1, version2, online_note_id;
  WkOutbox *outbox;
  WkRemoteDesk *desk;
  WkTestHub *hub;
  guint port;

  {
    sqlite3 *db = wk_db_open (hub_db, &error);

    g_assert_no_error (error);
    exec_ok (db,
             "INSERT INTO person (id, email, display_name, role, created_at, updated_at)"
             " VALUES (2, 'alex@example.com', 'Alex Chen', 'engineer', 0, 0);"
             "INSERT INTO ticket (id, ref, requester_id, subject, category, status, created_at,"
             " updated_at) VALUES (2, 'WK-10002', 1, 'VPN drops at home', 'network', 'open', 0, 0);");
    sqlite3_close (db);
  }
  hub = wk_test_hub_start (hub_db, 0);
  port = wk_test_hub_get_port (hub);
  url = wk_test_hub_get_url (hub);
  token = wk_test_hub_new_token (hub, WK_HUB_ROLE_ENGINEER, "alex", 2);
  outbox = wk_outbox_new (local, &error);
  g_assert_no_error (error);
  desk = kiosk_desk (url, token, outbox);

  /* online: a note answered by the hub; the same UUID again is the same note */
  {
    g_autoptr(WkNote) note = add_note (WK_DESK (desk), 1, "Battery swapped", online_note, &error);
    g_autoptr(WkNote) again = NULL;

    g_assert_no_error (error);
    online_note_id = wk_note_get_id (note);
    g_assert_cmpint (online_note_id, >, 0);
    g_assert_cmpstr (wk_note_get_uuid (note), ==, online_note);
    again = add_note (WK_DESK (desk), 1, "Battery swapped", online_note, &error);
    g_assert_no_error (error);
    g_assert_cmpint (wk_note_get_id (again), ==, online_note_id);
    g_assert_cmpint (query_int (hub_db, "SELECT count(*) FROM note WHERE uuid = ?", online_note), ==, 1);
    /* on another ticket, the same UUID is refused, in front of the caller */
    g_assert_null (add_note (WK_DESK (desk), 2, "Battery swapped", online_note, &error));
    g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(WkTicket) t1 = get_ticket (WK_DESK (desk), 1);
    g_autoptr(WkTicket) t2 = get_ticket (WK_DESK (desk), 2);

    version1 = wk_ticket_get_version (t1);
    version2 = wk_ticket_get_version (t2);
  }

  wk_test_hub_stop (hub);

  /* offline: each answered provisionally, in the outbox in order */
  {
    g_autoptr(WkNote) a = add_note (WK_DESK (desk), 1, "Imaging started", note_a, &error);
    g_autoptr(WkTicket) stale = NULL;
    g_autoptr(WkNote) b = NULL;
    g_autoptr(WkTicket) good = NULL;
    g_autoptr(WkNote) c = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (wk_note_get_id (a), ==, 0);
    g_assert_cmpstr (wk_note_get_body (a), ==, "Imaging started");
    stale = update_ticket (WK_DESK (desk), 1, version1, edit_stale, WK_TICKET_STATUS_PENDING, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (wk_ticket_get_id (stale), ==, 1);
    g_assert_cmpint (wk_ticket_get_version (stale), ==, 0);
    g_assert_cmpint (wk_ticket_get_status (stale), ==, WK_TICKET_STATUS_PENDING);
    b = add_note (WK_DESK (desk), 2, "Router replaced", note_b, &error);
    g_assert_no_error (error);
    good = update_ticket (WK_DESK (desk), 2, version2, edit_good, -1, 2, &error);
    g_assert_no_error (error);
    g_assert_cmpint (wk_ticket_get_priority (good), ==, 2);
    c = add_note (WK_DESK (desk), 1, "Waiting for the image", note_c, &error);
    g_assert_no_error (error);
    /* the desk makes a UUID when the caller has none */
    g_clear_object (&c);
    c = add_note (WK_DESK (desk), 2, "Asked to test from home", NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_uuid_string_is_valid (wk_note_get_uuid (c)));
  }
  g_assert_cmpuint (wk_remote_desk_get_pending_count (desk), ==, 6);

  /* meanwhile someone else edits ticket 1 at the hub */
  {
    sqlite3 *db = wk_db_open (hub_db, &error);

    g_assert_no_error (error);
    exec_ok (db, "UPDATE ticket SET priority = 1, version = version + 1 WHERE id = 1");
    sqlite3_close (db);
  }

  /* the laptop restarts on its own file, then the hub comes back */
  unref_and_wait (desk);
  unref_and_wait (outbox);
  outbox = wk_outbox_new (local, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wk_outbox_get_pending_count (outbox), ==, 6);
  hub = wk_test_hub_start (hub_db, port);
  g_test_expect_message ("wk-remote-desk", G_LOG_LEVEL_WARNING,
                         "The hub refused a ticket edit from the outbox*changed by someone else*");
  desk = kiosk_desk (url, token, outbox);
  wait_drained (desk);
  g_test_assert_expected_messages ();

  /* each note once, in the order written */
  notes = query_uuids (hub_db, "SELECT uuid FROM note WHERE uuid IS NOT NULL ORDER BY id");
  g_assert_cmpuint (notes->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (notes, 0), ==, online_note);
  g_assert_cmpstr (g_ptr_array_index (notes, 1), ==, note_a);
  g_assert_cmpstr (g_ptr_array_index (notes, 2), ==, note_b);
  g_assert_cmpstr (g_ptr_array_index (notes, 3), ==, note_c);
  g_assert_cmpint (query_int (hub_db, "SELECT count(DISTINCT uuid) FROM note", NULL), ==, 5);
  /* the good edit once; the stale one not at all */
  g_assert_cmpint (query_int (hub_db, "SELECT priority FROM ticket WHERE id = 2", NULL), ==, 2);
  g_assert_cmpint (query_int (hub_db, "SELECT version FROM ticket WHERE id = 2", NULL), ==, version2 + 1);
  g_assert_cmpint (query_int (hub_db, "SELECT count(*) FROM ticket_edit WHERE uuid = ?", edit_good), ==, 1);
  g_assert_cmpint (query_int (hub_db, "SELECT count(*) FROM ticket WHERE id = 1 AND status = 'open'", NULL),
                   ==, 1);
  g_assert_cmpint (query_int (hub_db, "SELECT count(*) FROM ticket_edit WHERE uuid = ?", edit_stale), ==, 0);

  /* the refused edit is there for the user to see, with the hub's reason */
  g_assert_cmpuint (wk_remote_desk_get_refused_count (desk), ==, 1);
  while (wk_remote_desk_get_refusals (desk) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_strv_length ((GStrv) wk_remote_desk_get_refusals (desk)), ==, 1);
  g_assert_true (g_str_has_prefix (wk_remote_desk_get_refusals (desk)[0], "Ticket change: "));
  g_assert_nonnull (strstr (wk_remote_desk_get_refusals (desk)[0], "WK-10001"));
  g_assert_cmpint (query_int (local, "SELECT count(*) FROM outbox WHERE state = 'refused' AND uuid = ?",
                              edit_stale), ==, 1);

  /* sent again (an answer lost): nothing changes twice */
  {
    g_autoptr(WkNote) again = add_note (WK_DESK (desk), 1, "Imaging started", note_a, &error);
    g_autoptr(WkTicket) replay = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (wk_note_get_id (again), >, 0);
    g_assert_cmpint (query_int (hub_db, "SELECT count(*) FROM note WHERE uuid = ?", note_a), ==, 1);
    replay = update_ticket (WK_DESK (desk), 2, version2, edit_good, -1, 2, &error);
    g_assert_no_error (error);
    g_assert_cmpint (wk_ticket_get_version (replay), ==, version2 + 1);
    g_assert_cmpint (query_int (hub_db, "SELECT version FROM ticket WHERE id = 2", NULL), ==, version2 + 1);
  }

  /* the user has seen it: dismissed, gone from the file */
  g_signal_emit_by_name (desk, "dismiss-refused");
  while (wk_remote_desk_get_refused_count (desk) > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (query_int (local, "SELECT count(*) FROM outbox", NULL), ==, 0);

  unref_and_wait (desk);
  unref_and_wait (outbox);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  wk_test_hub_stop (hub);
}

/* An unknown badge answered 404 online is forgotten from the cache. */
static void
test_cache_forgets_unknown (void)
{
  g_autofree char *hub_db = seed_hub ("hub-forget.db");
  g_autofree char *local = g_build_filename (g_get_user_data_dir (), "kiosk-forget.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  WkOutbox *outbox;
  WkRemoteDesk *desk;
  WkTestHub *hub;
  guint port;

  hub = wk_test_hub_start (hub_db, 0);
  port = wk_test_hub_get_port (hub);
  url = wk_test_hub_get_url (hub);
  token = wk_test_hub_new_token (hub, WK_HUB_ROLE_KIOSK, "door kiosk", 0);
  outbox = wk_outbox_new (local, &error);
  g_assert_no_error (error);
  desk = kiosk_desk (url, token, outbox);

  {
    g_autoptr(WkIdentity) identity = identify (WK_DESK (desk), WK_IDENTIFIED_BY_EMAIL,
                                               "priya@example.com", &error);

    g_assert_no_error (error);
    g_assert_false (wk_identity_is_strong (identity));
  }
  barrier (outbox);
  g_assert_cmpint (query_int (local, "SELECT count(*) FROM directory_cache WHERE by = 'email'", NULL),
                   ==, 1);

  /* the person leaves the directory */
  wk_test_hub_stop (hub);
  {
    sqlite3 *db = wk_db_open (hub_db, &error);

    g_assert_no_error (error);
    exec_ok (db, "UPDATE person SET email = 'gone@example.com' WHERE id = 1");
    sqlite3_close (db);
  }
  hub = wk_test_hub_start (hub_db, port);
  {
    g_autoptr(WkIdentity) identity = identify (WK_DESK (desk), WK_IDENTIFIED_BY_EMAIL,
                                               "priya@example.com", &error);

    g_assert_error (error, WK_ERROR, WK_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  barrier (outbox);
  g_assert_cmpint (query_int (local, "SELECT count(*) FROM directory_cache", NULL), ==, 0);

  /* so offline it is not answered either (typed identities stay typed) */
  wk_test_hub_stop (hub);
  {
    g_autoptr(WkIdentity) identity = identify (WK_DESK (desk), WK_IDENTIFIED_BY_EMAIL,
                                               "priya@example.com", &error);

    g_assert_error (error, WK_ERROR, WK_ERROR_UNAVAILABLE);
    g_clear_error (&error);
  }

  unref_and_wait (desk);
  unref_and_wait (outbox);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/outbox/offline-writes-delivered-once", test_offline_writes_delivered_once);
  g_test_add_func ("/outbox/cache-forgets-unknown", test_cache_forgets_unknown);
  g_test_add_func ("/outbox/offline-ticket-edits", test_offline_ticket_edits);

  return g_test_run ();
}
