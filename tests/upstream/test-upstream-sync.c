/* test-upstream-sync.c — Walkup in front of a real Request Tracker 5
 *
 * The scenarios of issue 8: a lounge (WkLocalDesk on its own SQLite file)
 * with WkUpstreamLookup at identify and WkUpstreamSync delivering its event
 * log to one real RT started for this program (rt-test-util.c).  What RT
 * holds is checked through its REST API, "as if in RT".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rt-test-util.h"
#include "wk-error.h"
#include "wk-local-desk.h"
#include "wk-rt-upstream.h"
#include "wk-upstream-lookup.h"
#include "wk-upstream-sync.h"

#include <gio/gio.h>
#include <sqlite3.h>
#include <string.h>

#define LOUNGE   1
#define VISITOR  1
#define ENGINEER 2

static RtTest *rt;

typedef struct {
  char             *path;
  char             *email;
  WkStore          *store;
  WkLocalDesk      *desk;
  WkUpstream       *upstream;
  WkUpstreamLookup *lookup;
  WkUpstreamSync   *sync;
} Fixture;

/* ---- helpers ---------------------------------------------------------------------- */

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gpointer
exec_job (sqlite3  *db,
          gpointer  data,
          GError  **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, data, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", message);
      sqlite3_free (message);
      return NULL;
    }
  return GINT_TO_POINTER (TRUE);
}

static void
exec_ok (Fixture    *fx,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  wk_store_run_sync (fx->store, exec_job, g_strdup (sql), g_free, NULL, &error);
  g_assert_no_error (error);
}

static gpointer
int_job (sqlite3  *db,
         gpointer  data,
         GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 *value = g_new0 (gint64, 1);

  if (sqlite3_prepare_v2 (db, data, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gint64
query_int (Fixture    *fx,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *value = wk_store_run_sync (fx->store, int_job, g_strdup (sql), g_free, NULL, &error);

  g_assert_no_error (error);
  return *value;
}

static gpointer
text_job (sqlite3  *db,
          gpointer  data,
          GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (db, data, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text != NULL ? text : g_strdup ("");
}

static char *
query_text (Fixture    *fx,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  char *text = wk_store_run_sync (fx->store, text_job, g_strdup (sql), g_free, NULL, &error);

  g_assert_no_error (error);
  return text;
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("timed out waiting for the sync");
  return G_SOURCE_REMOVE;
}

/* Until the sync has handled every event in the log. */
static void
wait_synced (Fixture *fx)
{
  guint guard = g_timeout_add_seconds (120, timeout_cb, NULL);

  for (;;)
    {
      gint64 last = query_int (fx, "SELECT COALESCE (MAX (id), 0) FROM event");

      if (wk_upstream_sync_get_idle (fx->sync) && wk_upstream_sync_get_cursor (fx->sync) >= last)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (guard);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  static guint counter = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("lounge-%u.db", ++counter);
  g_autofree char *seed = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  fx->path = g_build_filename (g_get_user_data_dir (), name, NULL);
  /* RT is shared by the whole program: a requester of our own per test */
  fx->email = g_strdup_printf ("visitor%u.%" G_GINT64_FORMAT "@corp.example", counter,
                               g_get_real_time () % 1000000);
  fx->store = wk_store_new (fx->path, NULL, &error);
  g_assert_no_error (error);

  seed = g_strdup_printf ("INSERT INTO lounge (id, name, timezone) VALUES (1, 'Main Lounge', 'Europe/Berlin');"
                          "INSERT INTO person (id, badge_id, email, display_name, preferred_name, role,"
                          " created_at, updated_at) VALUES (1, '100200', '%s', 'Priya Sharma', 'Priya',"
                          " 'visitor', 0, 0);"
                          "INSERT INTO person (id, email, username, display_name, role, created_at, updated_at)"
                          " VALUES (2, 'alex.chen@corp.example', 'alex', 'Alex Chen', 'engineer', 0, 0);",
                          fx->email);
  exec_ok (fx, seed);

  fx->desk = wk_local_desk_new (fx->store);
  fx->upstream = WK_UPSTREAM (wk_rt_upstream_new (rt->url, rt->token, "General", 5));
  fx->lookup = wk_upstream_lookup_new (fx->upstream, 2000, 0);
  wk_local_desk_set_upstream_lookup (fx->desk, fx->lookup);
  fx->sync = wk_upstream_sync_new (fx->store, WK_DESK (fx->desk), fx->upstream);
  wk_upstream_sync_set_backoff (fx->sync, 200, 2000);
  wk_upstream_sync_start (fx->sync);
  wait_synced (fx);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  wk_upstream_sync_stop (fx->sync);
  g_clear_object (&fx->sync);
  g_clear_object (&fx->lookup);
  g_clear_object (&fx->upstream);
  g_clear_object (&fx->desk);
  wk_store_close (fx->store);
  g_clear_object (&fx->store);
  g_free (fx->email);
  g_free (fx->path);
}

static WkIdentity *
identify (Fixture *fx)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  WkIdentity *identity;

  wk_desk_identify_async (WK_DESK (fx->desk), WK_IDENTIFIED_BY_BADGE, "100200", NULL,
                          got_result_cb, &result);
  identity = wk_desk_identify_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);
  return identity;
}

/* The local ticket mirroring RT ticket @id, after an identify. */
static WkTicket *
find_mirrored (WkIdentity *identity,
               const char *id)
{
  GListModel *tickets = wk_identity_get_tickets (identity);

  for (guint i = 0; i < g_list_model_get_n_items (tickets); i++)
    {
      g_autoptr(WkTicket) ticket = g_list_model_get_item (tickets, i);

      if (g_strcmp0 (wk_ticket_get_upstream_id (ticket), id) == 0)
        return g_steal_pointer (&ticket);
    }
  return NULL;
}

static WkVisit *
check_in (Fixture    *fx,
          gint64      ticket_id,
          const char *new_subject)
{
  g_autoptr(WkCheckInRequest) request = wk_check_in_request_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  WkVisit *visit;

  request->uuid = g_uuid_string_random ();
  request->lounge_id = LOUNGE;
  request->person_id = VISITOR;
  request->identified_by = WK_IDENTIFIED_BY_BADGE;
  request->ticket_id = ticket_id;
  request->reason = g_strdup ("hardware");
  request->open_ticket = new_subject != NULL;
  request->subject = g_strdup (new_subject);
  request->kiosk = g_strdup ("door");
  wk_desk_check_in_async (WK_DESK (fx->desk), request, NULL, got_result_cb, &result);
  visit = wk_desk_check_in_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);
  return visit;
}

static WkTicket *
update_status (Fixture        *fx,
               gint64          ticket_id,
               WkTicketStatus  status)
{
  g_autoptr(WkTicketUpdate) update = wk_ticket_update_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  WkTicket *ticket;

  update->status = status;
  wk_desk_update_ticket_async (WK_DESK (fx->desk), ticket_id, 0, update, ENGINEER, NULL,
                               got_result_cb, &result);
  ticket = wk_desk_update_ticket_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);
  return ticket;
}

static gint64
count_outcome (Fixture    *fx,
               const char *outcome)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM upstream_delivery"
                                          " WHERE system = 'rt5' AND outcome = '%s'", outcome);

  return query_int (fx, sql);
}

/* ---- scenarios ---------------------------------------------------------------------- */

/* A ticket opened in RT, as if by phone, appears at identify for its requester. */
static void
test_phone_ticket_at_identify (Fixture       *fx,
                               gconstpointer  data)
{
  g_autofree char *id = rt_test_create_ticket (rt, fx->email, "Laptop will not charge");
  g_autoptr(WkIdentity) first = NULL;
  g_autoptr(WkIdentity) again = NULL;
  g_autoptr(WkTicket) ticket = NULL;
  g_autoptr(WkTicket) same = NULL;
  g_autofree char *ref = g_strdup_printf ("RT-%s", id);

  first = identify (fx);
  ticket = find_mirrored (first, id);
  g_assert_nonnull (ticket);
  g_assert_cmpstr (wk_ticket_get_subject (ticket), ==, "Laptop will not charge");
  g_assert_cmpstr (wk_ticket_get_ref (ticket), ==, ref);
  g_assert_cmpstr (wk_ticket_get_upstream_system (ticket), ==, "rt5");
  g_assert_cmpint (wk_ticket_get_requester_id (ticket), ==, VISITOR);
  g_assert_cmpint (wk_ticket_get_status (ticket), ==, WK_TICKET_STATUS_NEW);

  /* again (from the cache): the same local ticket, not a second one */
  again = identify (fx);
  same = find_mirrored (again, id);
  g_assert_nonnull (same);
  g_assert_cmpint (wk_ticket_get_id (same), ==, wk_ticket_get_id (ticket));
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM ticket WHERE upstream_system = 'rt5'"), ==, 1);

  /* mirrored with the upstream's actor, which the sync does not send back */
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM event WHERE kind = 'ticket.created'"
                                  " AND actor = 'upstream:rt5'"), ==, 1);
  wait_synced (fx);
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM upstream_delivery"), ==, 0);
  g_assert_cmpuint (rt_test_count_tickets (rt, "Subject = 'Laptop will not charge'"), ==, 1);
}

/* A kiosk check-in on that ticket adds an RT comment saying where and when. */
static void
test_check_in_comments (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *id = rt_test_create_ticket (rt, fx->email, "Headset crackles");
  g_autoptr(WkIdentity) identity = identify (fx);
  g_autoptr(WkTicket) ticket = find_mirrored (identity, id);
  g_autoptr(WkVisit) visit = NULL;

  g_assert_nonnull (ticket);
  visit = check_in (fx, wk_ticket_get_id (ticket), NULL);
  wait_synced (fx);

  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Comment",
                                                "Checked in at the walk-up lounge Main Lounge"), ==, 1);
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Comment", "(kiosk door)"), ==, 1);
  g_assert_cmpint (count_outcome (fx, "delivered"), ==, 1);
}

/* Something else at the kiosk: an RT ticket in the queue with the requestor,
 * linked back to the local ticket, and the check-in comment on it. */
static void
test_new_request_creates (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(WkVisit) visit = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *id = NULL;
  g_autofree char *query = NULL;
  g_autofree char *requestor = NULL;

  visit = check_in (fx, 0, "Second screen stays black");
  wait_synced (fx);

  sql = g_strdup_printf ("SELECT upstream_id FROM ticket WHERE id = %" G_GINT64_FORMAT,
                         wk_visit_get_ticket_id (visit));
  id = query_text (fx, sql);
  g_assert_cmpstr (id, !=, "");
  query = g_strdup_printf ("Subject = 'Second screen stays black' AND Requestor.EmailAddress = '%s'"
                           " AND Queue = 'General'", fx->email);
  g_assert_cmpuint (rt_test_count_tickets (rt, query), ==, 1);
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Comment", "Checked in"), ==, 1);
  g_assert_cmpint (count_outcome (fx, "delivered"), ==, 2);
  g_free (sql);
  sql = g_strdup_printf ("SELECT upstream_version IS NOT NULL FROM ticket WHERE id = %" G_GINT64_FORMAT,
                         wk_visit_get_ticket_id (visit));
  g_assert_cmpint (query_int (fx, sql), ==, 1);
  (void) requestor;
}

/* A create whose answer was lost: the retry finds the ticket, makes none. */
static void
test_lost_create_found (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(WkVisit) visit = NULL;
  g_autofree char *made = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *id = NULL;
  g_autofree char *query = NULL;

  /* as if the last try reached RT and its answer was lost */
  wk_upstream_sync_stop (fx->sync);
  made = rt_test_create_ticket (rt, fx->email, "Keyboard misses keys");
  visit = check_in (fx, 0, "Keyboard misses keys");
  sql = g_strdup_printf ("INSERT INTO upstream_attempt (system, event_id, started_at)"
                         " SELECT 'rt5', id, at FROM event WHERE kind = 'ticket.created'"
                         " AND entity_id = %" G_GINT64_FORMAT, wk_visit_get_ticket_id (visit));
  exec_ok (fx, sql);
  wk_upstream_sync_start (fx->sync);
  wait_synced (fx);

  query = g_strdup_printf ("Subject = 'Keyboard misses keys' AND Requestor.EmailAddress = '%s'", fx->email);
  g_assert_cmpuint (rt_test_count_tickets (rt, query), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT upstream_id FROM ticket WHERE id = %" G_GINT64_FORMAT,
                         wk_visit_get_ticket_id (visit));
  id = query_text (fx, sql);
  g_assert_cmpstr (id, ==, made);
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM upstream_attempt"), ==, 0);
}

/* An engineer resolves through the desk: RT says resolved. */
static void
test_resolve_through_desk (Fixture       *fx,
                           gconstpointer  data)
{
  g_autofree char *id = rt_test_create_ticket (rt, fx->email, "Docking station flickers");
  g_autoptr(WkIdentity) identity = identify (fx);
  g_autoptr(WkTicket) ticket = find_mirrored (identity, id);
  g_autoptr(WkVisit) visit = NULL;
  g_autoptr(WkTicket) resolved = NULL;
  g_autofree char *status = NULL;

  g_assert_nonnull (ticket);
  visit = check_in (fx, wk_ticket_get_id (ticket), NULL);
  wait_synced (fx);   /* the check-in comment moved RT's version on */

  resolved = update_status (fx, wk_ticket_get_id (ticket), WK_TICKET_STATUS_RESOLVED);
  wait_synced (fx);

  status = rt_test_ticket_field (rt, id, "Status");
  g_assert_cmpstr (status, ==, "resolved");
  g_assert_cmpint (count_outcome (fx, "conflict"), ==, 0);
  g_assert_cmpint (count_outcome (fx, "delivered"), ==, 2);
}

static WkIdentity *
identify_by (Fixture        *fx,
             WkIdentifiedBy  by,
             const char     *value,
             GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  wk_desk_identify_async (WK_DESK (fx->desk), by, value, NULL, got_result_cb, &result);
  return wk_desk_identify_finish (WK_DESK (fx->desk), wait_for (&result), error);
}

/* People only RT knows (by email, or by the user field Badge) become known
 * visitors with RT's real name and their RT tickets, not guests. */
static void
test_person_known_only_to_rt (Fixture       *fx,
                              gconstpointer  data)
{
  g_autofree char *stamp = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () % 100000000);
  g_autofree char *nora = g_strdup_printf ("nora.%s@corp.example", stamp);
  g_autofree char *olaf = g_strdup_printf ("olaf.%s@corp.example", stamp);
  g_autofree char *badge = g_strdup_printf ("77%s", stamp);
  g_autofree char *login_n = g_strdup_printf ("nora%s", stamp);
  g_autofree char *login_o = g_strdup_printf ("olaf%s", stamp);
  g_autofree char *nora_ticket = NULL;
  g_autofree char *olaf_ticket = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(WkIdentity) by_badge = NULL;
  g_autoptr(WkIdentity) by_email = NULL;
  g_autoptr(WkIdentity) again = NULL;
  g_autoptr(WkIdentity) nobody = NULL;
  g_autoptr(WkTicket) mirrored = NULL;
  g_autoptr(GError) error = NULL;
  WkPerson *person;

  rt_test_create_user (rt, login_n, nora, "Nora Quist", badge);
  rt_test_create_user (rt, login_o, olaf, "Olaf Berg", NULL);
  nora_ticket = rt_test_create_ticket (rt, nora, "Monitor flickers");
  olaf_ticket = rt_test_create_ticket (rt, olaf, "Cannot print");

  /* by badge: RT's Badge field names Nora */
  by_badge = identify_by (fx, WK_IDENTIFIED_BY_BADGE, badge, &error);
  g_assert_no_error (error);
  person = wk_identity_get_person (by_badge);
  g_assert_nonnull (person);
  g_assert_cmpstr (wk_person_get_display_name (person), ==, "Nora Quist");
  g_assert_cmpstr (wk_person_get_email (person), ==, nora);
  g_assert_cmpstr (wk_person_get_badge_id (person), ==, badge);
  g_assert_cmpint (wk_person_get_role (person), ==, WK_ROLE_VISITOR);
  mirrored = find_mirrored (by_badge, nora_ticket);
  g_assert_nonnull (mirrored);
  g_assert_cmpstr (wk_ticket_get_subject (mirrored), ==, "Monitor flickers");
  g_assert_cmpint (wk_ticket_get_requester_id (mirrored), ==, wk_person_get_id (person));

  /* by email */
  by_email = identify_by (fx, WK_IDENTIFIED_BY_EMAIL, olaf, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wk_person_get_display_name (wk_identity_get_person (by_email)), ==, "Olaf Berg");
  g_clear_object (&mirrored);
  mirrored = find_mirrored (by_email, olaf_ticket);
  g_assert_nonnull (mirrored);

  /* known now: once in the directory, with the upstream as the actor */
  again = identify_by (fx, WK_IDENTIFIED_BY_BADGE, badge, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wk_person_get_id (wk_identity_get_person (again)), ==, wk_person_get_id (person));
  sql = g_strdup_printf ("SELECT COUNT(*) FROM person WHERE email IN ('%s', '%s')", nora, olaf);
  g_assert_cmpint (query_int (fx, sql), ==, 2);
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM event WHERE kind = 'person.added'"
                                  " AND actor = 'upstream:rt5'"), ==, 2);

  /* unknown to both: still a guest */
  nobody = identify_by (fx, WK_IDENTIFIED_BY_BADGE, "99999999", &error);
  g_assert_null (nobody);
  g_assert_error (error, WK_ERROR, WK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  nobody = identify_by (fx, WK_IDENTIFIED_BY_EMAIL, "no.one.here@corp.example", &error);
  g_assert_null (nobody);
  g_assert_error (error, WK_ERROR, WK_ERROR_NOT_FOUND);
}

/* Notes the first ticket.upstream_conflict event the desk publishes. */
static void
conflict_event_cb (WkDesk   *desk,
                   WkEvent  *event,
                   gpointer  user_data)
{
  WkEvent **heard = user_data;

  if (*heard == NULL && g_strcmp0 (wk_event_get_kind (event), "ticket.upstream_conflict") == 0)
    *heard = g_object_ref (event);
}

/* An agent edits the ticket directly in RT meanwhile: the desk's edit meets a
 * conflict, which is recorded with RT's state; nothing is lost on either side. */
static void
test_conflict_recorded (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *id = rt_test_create_ticket (rt, fx->email, "Printer jams");
  g_autoptr(WkIdentity) identity = identify (fx);
  g_autoptr(WkTicket) ticket = find_mirrored (identity, id);
  g_autoptr(WkVisit) visit = NULL;
  g_autoptr(WkTicket) local = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *path = g_strdup_printf ("/ticket/%s", id);
  g_autofree char *status = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *version = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WkUpstreamTicket) now = NULL;
  g_autoptr(WkTicket) shown = NULL;
  g_autoptr(WkTicket) acknowledged = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkEvent) heard = NULL;
  guint http, subscription, guard;

  g_assert_nonnull (ticket);
  visit = check_in (fx, wk_ticket_get_id (ticket), NULL);
  wait_synced (fx);
  subscription = wk_desk_subscribe (WK_DESK (fx->desk), -1, conflict_event_cb, &heard, NULL);

  /* the lounge's sync is held up while an agent edits in RT */
  wk_upstream_sync_stop (fx->sync);
  answer = rt_test_call (rt, "PUT", path, "{\"Subject\":\"Printer jams on floor 3\",\"Status\":\"stalled\"}", &http);
  g_assert_cmpuint (http, ==, 200);
  local = update_status (fx, wk_ticket_get_id (ticket), WK_TICKET_STATUS_RESOLVED);
  wk_upstream_sync_start (fx->sync);
  wait_synced (fx);

  g_assert_cmpint (count_outcome (fx, "conflict"), ==, 1);
  detail = query_text (fx, "SELECT detail FROM upstream_delivery WHERE outcome = 'conflict'");
  g_test_message ("conflict: %s", detail);
  g_assert_nonnull (strstr (detail, "Printer jams on floor 3"));
  g_assert_nonnull (strstr (detail, "\"ours\":{\"status\":\"resolved\"}"));

  /* an open ticket pane hears of it: one event for the ticket, from the upstream */
  guard = g_timeout_add_seconds (30, timeout_cb, NULL);
  while (heard == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
  wk_desk_unsubscribe (WK_DESK (fx->desk), subscription);
  g_assert_cmpstr (wk_event_get_entity (heard), ==, "ticket");
  g_assert_cmpint (wk_event_get_entity_id (heard), ==, wk_ticket_get_id (ticket));
  g_assert_cmpstr (wk_event_get_actor (heard), ==, "upstream:rt5");
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM event WHERE kind = 'ticket.upstream_conflict'"), ==, 1);

  /* RT keeps the agent's edit; the lounge keeps the engineer's */
  status = rt_test_ticket_field (rt, id, "Status");
  g_assert_cmpstr (status, ==, "stalled");
  subject = rt_test_ticket_field (rt, id, "Subject");
  g_assert_cmpstr (subject, ==, "Printer jams on floor 3");
  g_free (sql);
  sql = g_strdup_printf ("SELECT status FROM ticket WHERE id = %" G_GINT64_FORMAT, wk_ticket_get_id (ticket));
  g_free (status);
  status = query_text (fx, sql);
  g_assert_cmpstr (status, ==, "resolved");

  /* and the local version is RT's current one: the next edit can go through */
  wk_upstream_get_ticket_async (fx->upstream, id, NULL, got_result_cb, &result);
  now = wk_upstream_get_ticket_finish (fx->upstream, wait_for (&result), &error);
  g_assert_no_error (error);
  g_free (sql);
  sql = g_strdup_printf ("SELECT upstream_version FROM ticket WHERE id = %" G_GINT64_FORMAT,
                         wk_ticket_get_id (ticket));
  version = query_text (fx, sql);
  g_assert_cmpstr (version, ==, now->version);

  /* the engineer sees it through the desk: what RT has, what was not applied */
  g_clear_object (&result);
  wk_desk_get_ticket_async (WK_DESK (fx->desk), wk_ticket_get_id (ticket), NULL, got_result_cb, &result);
  shown = wk_desk_get_ticket_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (wk_ticket_get_upstream_conflict_id (shown), >, 0);
  g_assert_cmpstr (wk_ticket_get_upstream_conflict_fields (shown)[0], ==, "status");
  g_assert_null (wk_ticket_get_upstream_conflict_fields (shown)[1]);
  g_assert_cmpstr (wk_ticket_get_upstream_conflict_theirs (shown)[0], ==, "pending");
  g_assert_cmpstr (wk_ticket_get_upstream_conflict_ours (shown)[0], ==, "resolved");

  /* acknowledged, it is gone */
  g_clear_object (&result);
  wk_desk_acknowledge_conflict_async (WK_DESK (fx->desk), wk_ticket_get_id (ticket),
                                      wk_ticket_get_upstream_conflict_id (shown), ENGINEER, NULL,
                                      got_result_cb, &result);
  acknowledged = wk_desk_acknowledge_conflict_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (wk_ticket_get_upstream_conflict_id (acknowledged), ==, 0);
  wait_synced (fx);
  g_assert_cmpint (count_outcome (fx, "conflict"), ==, 1);
}

/* Notes, hardware and surveys reach the ticket; an anonymous survey does not. */
static void
test_notes_hardware_survey (Fixture       *fx,
                            gconstpointer  data)
{
  g_autofree char *id = rt_test_create_ticket (rt, fx->email, "New laptop");
  g_autoptr(WkIdentity) identity = identify (fx);
  g_autoptr(WkTicket) ticket = find_mirrored (identity, id);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkNote) note = NULL;
  g_autoptr(WkHardware) hardware = NULL;
  g_autoptr(WkHardware) ready = NULL;
  g_autoptr(WkHardware) collected = NULL;
  g_autoptr(WkSurvey) survey = NULL;
  g_autoptr(WkSurveyRequest) request = wk_survey_request_new ();
  g_autofree char *location = NULL;
  g_autofree char *pickup = NULL;
  gint64 ticket_id;

  g_assert_nonnull (ticket);
  ticket_id = wk_ticket_get_id (ticket);

  wk_desk_add_note_async (WK_DESK (fx->desk), ticket_id, ENGINEER, "Imaging started", WK_NOTE_VISIBILITY_INTERNAL, NULL,
                          NULL, got_result_cb, &result);
  note = wk_desk_add_note_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_clear_object (&note);
  wk_desk_add_note_async (WK_DESK (fx->desk), ticket_id, ENGINEER, "Your laptop is nearly ready",
                          WK_NOTE_VISIBILITY_PUBLIC, NULL, NULL, got_result_cb, &result);
  note = wk_desk_add_note_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);

  g_clear_object (&result);
  wk_desk_add_hardware_async (WK_DESK (fx->desk), VISITOR, ticket_id, LOUNGE, "ThinkPad T14", "A-77",
                              0, ENGINEER, NULL, got_result_cb, &result);
  hardware = wk_desk_add_hardware_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  wk_desk_mark_hardware_ready_async (WK_DESK (fx->desk), wk_hardware_get_id (hardware), 0, "locker 12",
                                     0, ENGINEER, NULL, got_result_cb, &result);
  ready = wk_desk_mark_hardware_ready_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);
  wait_synced (fx);

  location = rt_test_ticket_field (rt, id, "CF:Pickup Location");
  g_assert_cmpstr (location, ==, "locker 12");
  pickup = rt_test_ticket_field (rt, id, "CF:Pickup Status");
  g_assert_cmpstr (pickup, ==, "ready");
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Comment", "ready for pickup"), ==, 1);
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Comment", "Imaging started"), ==, 1);
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Correspond", "nearly ready"), ==, 1);

  g_clear_object (&result);
  wk_desk_mark_hardware_collected_async (WK_DESK (fx->desk), wk_hardware_get_id (hardware), 0,
                                         "Priya Sharma", NULL, ENGINEER, NULL, got_result_cb, &result);
  collected = wk_desk_mark_hardware_collected_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);

  request->uuid = g_uuid_string_random ();
  request->ticket_id = ticket_id;
  request->lounge_id = LOUNGE;
  request->person_id = VISITOR;
  request->score = 5;
  request->resolved = WK_SURVEY_RESOLVED_YES;
  request->comment = g_strdup ("Quick and friendly");
  g_clear_object (&result);
  wk_desk_submit_survey_async (WK_DESK (fx->desk), request, NULL, got_result_cb, &result);
  survey = wk_desk_submit_survey_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);

  /* anonymous: not on the requester's ticket at all */
  g_free (request->uuid);
  request->uuid = g_uuid_string_random ();
  request->anonymous = TRUE;
  request->score = 1;
  g_free (request->comment);
  request->comment = g_strdup ("Secret grumble");
  g_clear_object (&result);
  g_clear_object (&survey);
  wk_desk_submit_survey_async (WK_DESK (fx->desk), request, NULL, got_result_cb, &result);
  survey = wk_desk_submit_survey_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);
  wait_synced (fx);

  g_free (pickup);
  pickup = rt_test_ticket_field (rt, id, "CF:Pickup Status");
  g_assert_cmpstr (pickup, ==, "collected");
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Comment", "was collected"), ==, 1);
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Comment", "Walk-up feedback: 5 of 5"), ==, 1);
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Comment", "Quick and friendly"), ==, 1);
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Comment", "Secret grumble"), ==, 0);
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Correspond", "Secret grumble"), ==, 0);
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM upstream_delivery"
                                  " WHERE detail = 'skipped: anonymous' AND outcome = 'delivered'"), ==, 1);
  g_assert_cmpint (count_outcome (fx, "refused"), ==, 0);
  g_assert_cmpint (count_outcome (fx, "conflict"), ==, 0);
}

/* RT refuses (an owner it does not know, said with "200 OK"), or the ticket
 * is not in RT: recorded with the reason, and the next event goes on. */
static void
test_refusals_recorded (Fixture       *fx,
                        gconstpointer  data)
{
  g_autofree char *id = rt_test_create_ticket (rt, fx->email, "Mouse double-clicks");
  g_autoptr(WkIdentity) identity = identify (fx);
  g_autoptr(WkTicket) ticket = find_mirrored (identity, id);
  g_autoptr(WkTicketUpdate) update = wk_ticket_update_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WkTicket) assigned = NULL;
  g_autoptr(WkNote) note = NULL;
  g_autoptr(WkNote) local_note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *owner = NULL;

  g_assert_nonnull (ticket);
  /* Alex has no RT account */
  update->assignee_id = ENGINEER;
  wk_desk_update_ticket_async (WK_DESK (fx->desk), wk_ticket_get_id (ticket), 0, update, ENGINEER,
                               NULL, got_result_cb, &result);
  assigned = wk_desk_update_ticket_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  wk_desk_add_note_async (WK_DESK (fx->desk), wk_ticket_get_id (ticket), ENGINEER, "Swapped the mouse",
                          WK_NOTE_VISIBILITY_INTERNAL, NULL, NULL, got_result_cb, &result);
  note = wk_desk_add_note_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);

  /* a ticket only the lounge has */
  exec_ok (fx, "INSERT INTO ticket (id, ref, requester_id, subject, created_at, updated_at)"
               " VALUES (500, 'WK-10500', 1, 'Local only', 0, 0)");
  g_clear_object (&result);
  wk_desk_add_note_async (WK_DESK (fx->desk), 500, ENGINEER, "Nothing to tell RT",
                          WK_NOTE_VISIBILITY_INTERNAL, NULL, NULL, got_result_cb, &result);
  local_note = wk_desk_add_note_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);
  wait_synced (fx);

  g_assert_cmpint (count_outcome (fx, "refused"), ==, 2);
  detail = query_text (fx, "SELECT detail FROM upstream_delivery WHERE outcome = 'refused'"
                           " ORDER BY event_id LIMIT 1");
  g_test_message ("refused: %s", detail);
  g_assert_nonnull (strstr (detail, "does not exist"));
  g_free (detail);
  detail = query_text (fx, "SELECT detail FROM upstream_delivery WHERE outcome = 'refused'"
                           " ORDER BY event_id DESC LIMIT 1");
  g_assert_cmpstr (detail, ==, "Ticket WK-10500 is not in rt5");
  owner = rt_test_ticket_field (rt, id, "Status");
  g_assert_cmpstr (owner, ==, "new");
  /* the note after the refusal went on */
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Comment", "Swapped the mouse"), ==, 1);
}

/* ---- a forwarding proxy that loses an answer ------------------------------------------ */

/* Between the connector and RT on 127.0.0.1: passes each request on and
 * RT's answer back, except that the answer to the next @drop comment or
 * reply is never sent (the connection is closed instead): RT took the
 * comment, Walkup never heard. */
typedef struct {
  GSocketService *service;
  guint16         port;
  guint16         rt_port;
  gint            drop;      /* atomic */
  gint            dropped;   /* atomic */
  gint            active;    /* atomic: connections being served */
} LossyProxy;

static gboolean
read_request (GInputStream *in,
              GByteArray   *request)
{
  gssize header_end = -1;
  gsize content_length = 0;
  guint8 buffer[8192];

  while (header_end < 0 || request->len < (gsize) header_end + content_length)
    {
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL);

      if (n <= 0)
        return FALSE;
      g_byte_array_append (request, buffer, (guint) n);
      if (header_end < 0)
        {
          const char *text = (const char *) request->data;
          const char *end = g_strstr_len (text, request->len, "\r\n\r\n");

          if (end != NULL)
            {
              g_autofree char *headers = g_ascii_strdown (text, end - text);
              const char *length = strstr (headers, "\r\ncontent-length:");

              header_end = end - text + 4;
              if (length != NULL)
                content_length = g_ascii_strtoull (length + strlen ("\r\ncontent-length:"), NULL, 10);
            }
        }
    }
  return TRUE;
}

static gboolean proxy_serve (LossyProxy        *proxy,
                             GSocketConnection *connection);

static gboolean
proxy_run_cb (GThreadedSocketService *service,
              GSocketConnection      *connection,
              GObject                *source,
              gpointer                user_data)
{
  LossyProxy *proxy = user_data;

  g_atomic_int_inc (&proxy->active);
  proxy_serve (proxy, connection);
  g_atomic_int_dec_and_test (&proxy->active);
  return TRUE;
}

static gboolean
proxy_serve (LossyProxy        *proxy,
             GSocketConnection *connection)
{
  g_autoptr(GByteArray) request = g_byte_array_new ();
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) upstream = NULL;
  g_autofree char *line = NULL;
  guint8 buffer[8192];
  gssize n;

  if (!read_request (g_io_stream_get_input_stream (G_IO_STREAM (connection)), request))
    return TRUE;
  upstream = g_socket_client_connect_to_host (client, "127.0.0.1", proxy->rt_port, NULL, NULL);
  if (upstream == NULL ||
      !g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (upstream)),
                                  request->data, request->len, NULL, NULL, NULL))
    return TRUE;
  /* RT closes every connection after its answer */
  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (upstream)),
                                   buffer, sizeof buffer, NULL, NULL)) > 0)
    g_byte_array_append (answer, buffer, (guint) n);

  line = g_strndup ((const char *) request->data, MIN (request->len, 200));
  line[strcspn (line, "\r")] = '\0';   /* the request line */
  if (g_str_has_prefix (line, "POST ") &&
      (strstr (line, "/comment ") != NULL || strstr (line, "/correspond ") != NULL))
    {
      gint left = g_atomic_int_get (&proxy->drop);

      if (left > 0 && g_atomic_int_compare_and_exchange (&proxy->drop, left, left - 1))
        {
          g_atomic_int_inc (&proxy->dropped);
          return TRUE;   /* the connection closes unanswered */
        }
    }
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             answer->data, answer->len, NULL, NULL, NULL);
  return TRUE;
}

static LossyProxy *
lossy_proxy_start (const char *rt_url)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = g_uri_parse (rt_url, G_URI_FLAGS_NONE, &error);
  LossyProxy *proxy = g_new0 (LossyProxy, 1);

  g_assert_no_error (error);
  proxy->rt_port = (guint16) g_uri_get_port (uri);
  proxy->service = g_threaded_socket_service_new (4);
  proxy->port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (proxy->service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (proxy->service, "run", G_CALLBACK (proxy_run_cb), proxy);
  g_socket_service_start (proxy->service);
  return proxy;
}

static void
lossy_proxy_stop (LossyProxy *proxy)
{
  g_socket_service_stop (proxy->service);
  g_socket_listener_close (G_SOCKET_LISTENER (proxy->service));
  while (g_atomic_int_get (&proxy->active) > 0)
    g_usleep (10000);
  g_object_unref (proxy->service);
  g_free (proxy);
}

/* RT stores a comment, but its answer is lost on the way back: the retry
 * finds the comment by its mark and does not post it again. */
static void
test_comment_answer_lost (Fixture       *fx,
                          gconstpointer  data)
{
  g_autofree char *id = rt_test_create_ticket (rt, fx->email, "Headset crackles");
  g_autoptr(WkIdentity) identity = identify (fx);
  g_autoptr(WkTicket) ticket = find_mirrored (identity, id);
  LossyProxy *proxy = lossy_proxy_start (rt->url);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/REST/2.0", proxy->port);
  g_autoptr(WkUpstream) lossy = WK_UPSTREAM (wk_rt_upstream_new (url, rt->token, "General", 5));
  g_autoptr(WkVisit) visit = NULL;
  g_autoptr(WkNote) note = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (ticket);
  /* the lounge's sync talks to RT through the proxy from now on */
  wk_upstream_sync_stop (fx->sync);
  g_clear_object (&fx->sync);
  fx->sync = wk_upstream_sync_new (fx->store, WK_DESK (fx->desk), lossy);
  wk_upstream_sync_set_backoff (fx->sync, 200, 2000);
  wk_upstream_sync_start (fx->sync);
  wait_synced (fx);

  /* a comment (the check-in) and a public reply (a note): each answer lost once */
  g_atomic_int_set (&proxy->drop, 1);
  visit = check_in (fx, wk_ticket_get_id (ticket), NULL);
  wait_synced (fx);
  g_assert_cmpint (g_atomic_int_get (&proxy->dropped), ==, 1);

  g_atomic_int_set (&proxy->drop, 1);
  wk_desk_add_note_async (WK_DESK (fx->desk), wk_ticket_get_id (ticket), ENGINEER,
                          "Replaced the ear cushions", WK_NOTE_VISIBILITY_PUBLIC, NULL, NULL,
                          got_result_cb, &result);
  note = wk_desk_add_note_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);
  wait_synced (fx);
  g_assert_cmpint (g_atomic_int_get (&proxy->dropped), ==, 2);

  /* in RT once each, delivered once each, nothing left to try */
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Comment", "Checked in"), ==, 1);
  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Correspond", "Replaced the ear cushions"), ==, 1);
  g_assert_cmpint (count_outcome (fx, "delivered"), ==, 2);
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM upstream_attempt"), ==, 0);

  wk_upstream_sync_stop (fx->sync);
  lossy_proxy_stop (proxy);
}

/* RT stopped during 50 check-ins and started again: all delivered, none twice. */
static void
test_outage_fifty (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *id = rt_test_create_ticket (rt, fx->email, "Cannot print anywhere");
  g_autoptr(WkIdentity) identity = identify (fx);
  g_autoptr(WkTicket) ticket = find_mirrored (identity, id);
  g_autoptr(WkVisit) opened = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *new_id = NULL;
  g_autofree char *query = NULL;
  gint64 start, took;

  g_assert_nonnull (ticket);
  rt_test_stop_server (rt);

  for (int i = 0; i < 50; i++)
    {
      g_autoptr(WkVisit) visit = check_in (fx, wk_ticket_get_id (ticket), NULL);

      /* let the sync try (and fail) now and then */
      if (i % 10 == 0)
        for (int j = 0; j < 20; j++)
          g_main_context_iteration (NULL, FALSE);
    }
  opened = check_in (fx, 0, "Badge reader at door 2 is dead");

  /* the kiosk still works: identify answers from the local copy at once */
  wk_upstream_lookup_forget (fx->lookup);
  start = g_get_monotonic_time ();
  {
    g_autoptr(WkIdentity) offline = identify (fx);
    g_autoptr(WkTicket) still = find_mirrored (offline, id);

    g_assert_nonnull (still);
  }
  took = g_get_monotonic_time () - start;
  g_test_message ("identify with RT down: %" G_GINT64_FORMAT " ms", took / 1000);
  g_assert_cmpint (took, <, 2500 * 1000);
  g_assert_nonnull (wk_upstream_sync_get_last_error (fx->sync));
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM upstream_delivery"), ==, 0);

  rt_test_restart_server (rt);
  wk_upstream_sync_wake (fx->sync);
  wait_synced (fx);

  g_assert_cmpuint (rt_test_count_transactions (rt, id, "Comment", "Checked in"), ==, 50);
  sql = g_strdup_printf ("SELECT upstream_id FROM ticket WHERE id = %" G_GINT64_FORMAT,
                         wk_visit_get_ticket_id (opened));
  new_id = query_text (fx, sql);
  g_assert_cmpstr (new_id, !=, "");
  query = g_strdup_printf ("Subject = 'Badge reader at door 2 is dead' AND Requestor.EmailAddress = '%s'",
                           fx->email);
  g_assert_cmpuint (rt_test_count_tickets (rt, query), ==, 1);
  g_assert_cmpuint (rt_test_count_transactions (rt, new_id, "Comment", "Checked in"), ==, 1);
  g_assert_cmpint (count_outcome (fx, "delivered"), ==, 52);
  g_assert_cmpint (count_outcome (fx, "refused"), ==, 0);
}

static void
test_skip (void)
{
  g_test_skip ("Request Tracker 5 is not installed");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *skip = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  rt = rt_test_start (&skip);
  if (rt == NULL)
    {
      g_test_add_func ("/upstream-sync/skip", test_skip);
      return g_test_run ();
    }

#define ADD(path, func) \
  g_test_add ("/upstream-sync/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("phone-ticket-at-identify", test_phone_ticket_at_identify);
  ADD ("check-in-comments", test_check_in_comments);
  ADD ("new-request-creates", test_new_request_creates);
  ADD ("lost-create-found", test_lost_create_found);
  ADD ("resolve-through-desk", test_resolve_through_desk);
  ADD ("conflict-recorded", test_conflict_recorded);
  ADD ("person-known-only-to-rt", test_person_known_only_to_rt);
  ADD ("comment-answer-lost", test_comment_answer_lost);
  ADD ("notes-hardware-survey", test_notes_hardware_survey);
  ADD ("refusals-recorded", test_refusals_recorded);
  ADD ("outage-fifty", test_outage_fifty);
#undef ADD

  status = g_test_run ();
  rt_test_free (rt);
  return status;
}
