/* test-desk-contract.c — one WkDesk contract, two desks
 *
 * Every scenario runs twice: on a WkLocalDesk over a fresh SQLite file, and
 * on a WkRemoteDesk talking to a real hub on 127.0.0.1 (port 0) that serves
 * the same kind of file (tests/common/wk-test-hub.c).  Both must behave the
 * same: the same results and the same WK_ERROR codes, and a refused
 * operation writes nothing (no event).  Both start from the lounge of
 * tests/common/wk-test-seed.c, as tests/core/test-desk.c does.
 *
 * On the remote desk the actor is the token's person: desk_as() gives a
 * desk acting as a given staff member (locally the same desk; remotely one
 * with an admin token for that person), and the ids the WkDesk calls take
 * are passed too, so one scenario serves both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../common/wk-test-hub.h"
#include "../common/wk-test-desk.h"
#include "../common/wk-test-seed.h"

#include "wk-announcement.h"
#include "wk-error.h"
#include "wk-estimate.h"
#include "wk-local-desk.h"
#include "wk-lounge.h"
#include "wk-remote-desk.h"
#include "wk-store.h"
#include "wk-validate.h"

#include <string.h>

typedef struct {
  gboolean    remote;
  char       *path;
  WkStore    *store;      /* local */
  WkTestHub  *hub;        /* remote */
  WkDesk     *desk;       /* acting as ALEX */
  GHashTable *as;         /* remote: person id → WkDesk */
} Fixture;

static WkDesk *
remote_desk_for (Fixture *fx,
                 gint64   person_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = wk_test_hub_get_url (fx->hub);
  g_autofree char *name = g_strdup_printf ("person %" G_GINT64_FORMAT, person_id);
  g_autofree char *token = wk_test_hub_new_token (fx->hub, WK_HUB_ROLE_ADMIN, name, person_id);
  WkRemoteDesk *desk = wk_remote_desk_new (url, token, &error);

  g_assert_no_error (error);
  return WK_DESK (desk);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  static guint counter = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("contract-%u.db", ++counter);

  fx->remote = GPOINTER_TO_INT (data);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  fx->path = g_build_filename (g_get_user_data_dir (), name, NULL);
  wk_test_seed (fx->path, 0);
  fx->as = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);

  if (!fx->remote)
    {
      fx->store = wk_store_new (fx->path, NULL, &error);
      g_assert_no_error (error);
      fx->desk = WK_DESK (wk_local_desk_new (fx->store));
      return;
    }
  fx->hub = wk_test_hub_start (fx->path, 0);
  fx->desk = remote_desk_for (fx, ALEX);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_pointer (&fx->as, g_hash_table_unref);
  if (fx->remote)
    {
      g_assert_finalize_object (fx->desk);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      wk_test_hub_stop (fx->hub);
    }
  else
    {
      wk_store_close (fx->store);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_finalize_object (fx->desk);
      g_assert_finalize_object (fx->store);
    }
  g_free (fx->path);
}

/* The desk acting as @person_id. */
static WkDesk *
desk_as (Fixture *fx,
         gint64   person_id)
{
  WkDesk *desk;

  if (!fx->remote || person_id == ALEX)
    return fx->desk;
  desk = g_hash_table_lookup (fx->as, GINT_TO_POINTER (person_id));
  if (desk == NULL)
    {
      desk = remote_desk_for (fx, person_id);
      g_hash_table_insert (fx->as, GINT_TO_POINTER (person_id), desk);
    }
  return desk;
}



/* ---- scenarios ------------------------------------------------------------------ */



static void
test_identify (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkIdentity) by_badge = NULL;
  g_autoptr(WkIdentity) by_email = NULL;
  g_autoptr(WkIdentity) by_ref = NULL;
  g_autoptr(WkIdentity) orphan = NULL;
  g_autoptr(WkTicket) ticket = NULL;
  g_autoptr(WkHardware) hardware = NULL;
  g_autofree char *long_badge = g_strnfill (WK_MAX_IDENTIFIER + 1, '7');
  WkPerson *person;

  by_badge = CALL (fx, &error, identify, WK_IDENTIFIED_BY_BADGE, "100200");
  g_assert_no_error (error);
  person = wk_identity_get_person (by_badge);
  g_assert_cmpint (wk_person_get_id (person), ==, PRIYA);
  g_assert_cmpstr (wk_person_get_greeting_name (person), ==, "Priya");
  g_assert_true (wk_identity_is_strong (by_badge));
  g_assert_cmpuint (g_list_model_get_n_items (wk_identity_get_tickets (by_badge)), ==, 1);
  ticket = g_list_model_get_item (wk_identity_get_tickets (by_badge), 0);
  g_assert_cmpstr (wk_ticket_get_ref (ticket), ==, "WK-10001");
  g_assert_cmpuint (g_list_model_get_n_items (wk_identity_get_hardware (by_badge)), ==, 1);
  hardware = g_list_model_get_item (wk_identity_get_hardware (by_badge), 0);
  g_assert_cmpstr (wk_hardware_get_location (hardware), ==, "locker 12");
  g_assert_null (wk_identity_get_pending_survey (by_badge));

  by_email = CALL (fx, &error, identify, WK_IDENTIFIED_BY_EMAIL, "PRIYA.sharma@EXAMPLE.com");
  g_assert_no_error (error);
  g_assert_cmpint (wk_person_get_id (wk_identity_get_person (by_email)), ==, PRIYA);
  g_assert_false (wk_identity_is_strong (by_email));

  by_ref = CALL (fx, &error, identify, WK_IDENTIFIED_BY_TICKET_REF, "wk-10001");
  g_assert_no_error (error);
  g_assert_cmpint (wk_identity_get_identified_by (by_ref), ==, WK_IDENTIFIED_BY_TICKET_REF);

  orphan = CALL (fx, &error, identify, WK_IDENTIFIED_BY_TICKET_REF, "WK-10003");
  g_assert_no_error (error);
  g_assert_null (wk_identity_get_person (orphan));
  g_assert_cmpuint (g_list_model_get_n_items (wk_identity_get_tickets (orphan)), ==, 1);

  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, identify, WK_IDENTIFIED_BY_BADGE, "555");
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, identify, WK_IDENTIFIED_BY_EMAIL, "nobody@example.com");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, identify, WK_IDENTIFIED_BY_BADGE, "");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, identify, WK_IDENTIFIED_BY_BADGE, NULL);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, identify, WK_IDENTIFIED_BY_BADGE, long_badge);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, identify, WK_IDENTIFIED_BY_EMAIL, "priya.sharma");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, identify, WK_IDENTIFIED_BY_GUEST, "x");
}

static void
test_check_in (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkCheckInRequest) r1 = wk_test_person_request (PRIYA, WK_IDENTIFIED_BY_BADGE, "hardware");
  g_autoptr(WkCheckInRequest) r2 = wk_test_guest_request ("Jürgen Groß");
  g_autoptr(WkVisit) v1 = NULL;
  g_autoptr(WkVisit) v2 = NULL;
  g_autoptr(WkTicket) opened = NULL;

  r1->ticket_id = TICKET_OPEN;
  v1 = wk_test_check_in_ok (fx->desk, r1);
  g_assert_cmpstr (wk_visit_get_uuid (v1), ==, r1->uuid);
  g_assert_cmpint (wk_visit_get_status (v1), ==, WK_VISIT_STATUS_WAITING);
  g_assert_cmpstr (wk_visit_get_greeting_name (v1), ==, "Priya");
  g_assert_cmpstr (wk_visit_get_ticket_ref (v1), ==, "WK-10001");
  g_assert_cmpint (wk_visit_get_kiosk_ms (v1), ==, 8200);
  g_assert_cmpstr (wk_visit_get_kiosk (v1), ==, "door-1");
  g_assert_cmpuint (wk_visit_get_position (v1), ==, 1);
  g_assert_cmpint (wk_visit_get_version (v1), ==, 1);

  r2->open_ticket = TRUE;
  r2->subject = g_strdup ("  Locked out after holiday ");
  r2->guest_email = g_strdup ("juergen@example.com");
  v2 = wk_test_check_in_ok (fx->desk, r2);
  g_assert_cmpstr (wk_visit_get_person_name (v2), ==, "Jürgen Groß");
  g_assert_cmpuint (wk_visit_get_position (v2), ==, 2);
  g_assert_cmpint (wk_visit_get_estimated_wait_s (v2), >, 0);
  g_assert_cmpstr (wk_visit_get_ticket_subject (v2), ==, "Locked out after holiday");
  opened = CALL (fx, &error, get_ticket, wk_visit_get_ticket_id (v2));
  g_assert_no_error (error);
  g_assert_cmpstr (wk_ticket_get_ref (opened), ==, "WK-10004");
  g_assert_cmpint (wk_ticket_get_status (opened), ==, WK_TICKET_STATUS_NEW);

  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM visit"), ==, 2);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'visit.checked_in'"), ==, 2);
}

static void
test_check_in_idempotent (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(WkCheckInRequest) r = wk_test_guest_request ("Sam");
  g_autoptr(WkVisit) first = NULL;
  g_autoptr(WkVisit) again = NULL;
  g_autoptr(WkVisit) changed = NULL;
  gint64 events;

  r->open_ticket = TRUE;
  first = wk_test_check_in_ok (fx->desk, r);
  events = N_EVENTS (fx);
  again = wk_test_check_in_ok (fx->desk, r);
  g_assert_cmpint (wk_visit_get_id (again), ==, wk_visit_get_id (first));
  g_free (r->guest_name);
  r->guest_name = g_strdup ("Someone Else");
  changed = wk_test_check_in_ok (fx->desk, r);
  g_assert_cmpint (wk_visit_get_id (changed), ==, wk_visit_get_id (first));
  g_assert_cmpstr (wk_visit_get_person_name (changed), ==, "Sam");
  g_assert_cmpint (N_EVENTS (fx), ==, events);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM visit"), ==, 1);
}

static void
test_check_in_invalid (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (WK_MAX_NAME + 1, 'n');
  g_autoptr(WkCheckInRequest) r = NULL;

#define TRY(code, ...) \
  G_STMT_START { \
    r = wk_test_guest_request ("Sam"); \
    __VA_ARGS__; \
    ASSERT_FAILS (fx, code, check_in, r); \
    g_clear_pointer (&r, wk_check_in_request_free); \
  } G_STMT_END

  TRY (WK_ERROR_INVALID, g_free (r->uuid); r->uuid = g_strdup ("1234"));
  TRY (WK_ERROR_INVALID, g_clear_pointer (&r->uuid, g_free));
  TRY (WK_ERROR_INVALID, r->lounge_id = 0);
  TRY (WK_ERROR_INVALID, g_free (r->reason); r->reason = g_strdup ("coffee"));
  TRY (WK_ERROR_INVALID, g_clear_pointer (&r->guest_name, g_free));
  TRY (WK_ERROR_INVALID, g_free (r->guest_name); r->guest_name = g_strdup (long_name));
  TRY (WK_ERROR_INVALID, r->guest_email = g_strdup ("sam@"));
  TRY (WK_ERROR_INVALID, r->kiosk_ms = -5);
  TRY (WK_ERROR_NOT_FOUND, r->lounge_id = 77);
  TRY (WK_ERROR_NOT_FOUND, r->ticket_id = 4242);
  TRY (WK_ERROR_NOT_FOUND, r->person_id = 999; r->identified_by = WK_IDENTIFIED_BY_BADGE);
#undef TRY

  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM visit"), ==, 0);
}

static void
test_queue_and_moves (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkCheckInRequest) ra = wk_test_guest_request ("Ana Guest");
  g_autoptr(WkCheckInRequest) rb = wk_test_guest_request ("Ben Guest");
  g_autoptr(WkVisit) a = wk_test_check_in_ok (fx->desk, ra);
  g_autoptr(WkVisit) b = wk_test_check_in_ok (fx->desk, rb);
  g_autoptr(GListModel) queue = NULL;
  g_autoptr(WkVisit) called = NULL;
  g_autoptr(WkVisit) again = NULL;
  g_autoptr(WkVisit) started = NULL;
  g_autoptr(WkVisit) done = NULL;
  g_autoptr(WkVisit) left = NULL;
  g_autoptr(WkVisit) first = NULL;

  queue = CALL (fx, &error, list_queue, LOUNGE_MAIN);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (queue), ==, 2);
  first = g_list_model_get_item (queue, 0);
  g_assert_cmpint (wk_visit_get_id (first), ==, wk_visit_get_id (a));

  /* Alex picks Ana up; Bo comes second */
  called = CALL_ON (desk_as (fx, ALEX), &error, pick_up, wk_visit_get_id (a), wk_visit_get_version (a),
                    ALEX, "Desk 2");
  g_assert_no_error (error);
  g_assert_cmpint (wk_visit_get_status (called), ==, WK_VISIT_STATUS_CALLED);
  g_assert_cmpint (wk_visit_get_engineer_id (called), ==, ALEX);
  g_assert_cmpstr (wk_visit_get_desk (called), ==, "Desk 2");
  g_assert_cmpint (wk_visit_get_version (called), ==, wk_visit_get_version (a) + 1);
  ASSERT_FAILS_ON (fx, desk_as (fx, BO), WK_ERROR_CONFLICT, pick_up, wk_visit_get_id (a),
                   wk_visit_get_version (a), BO, "Desk 1");
  ASSERT_FAILS_ON (fx, desk_as (fx, BO), WK_ERROR_CONFLICT, pick_up, wk_visit_get_id (a), 0, BO,
                   "Desk 1");
  /* the same engineer again: the visit back, unchanged */
  again = CALL_ON (desk_as (fx, ALEX), &error, pick_up, wk_visit_get_id (a), 0, ALEX, "Desk 2");
  g_assert_no_error (error);
  g_assert_cmpint (wk_visit_get_version (again), ==, wk_visit_get_version (called));

  started = CALL (fx, &error, start_service, wk_visit_get_id (a), wk_visit_get_version (called), ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_visit_get_status (started), ==, WK_VISIT_STATUS_IN_SERVICE);
  /* a stale version */
  ASSERT_FAILS (fx, WK_ERROR_CONFLICT, finish_visit, wk_visit_get_id (a), wk_visit_get_version (called),
                ALEX, WK_OUTCOME_WORKAROUND);
  /* the lifecycle: in service cannot be left */
  ASSERT_FAILS (fx, WK_ERROR_INVALID, mark_left, wk_visit_get_id (a), 0, ALEX);
  done = CALL (fx, &error, finish_visit, wk_visit_get_id (a), wk_visit_get_version (started), ALEX,
               WK_OUTCOME_RESOLVED_FIRST_CONTACT);
  g_assert_no_error (error);
  g_assert_cmpint (wk_visit_get_status (done), ==, WK_VISIT_STATUS_DONE);
  g_assert_cmpint (wk_visit_get_outcome (done), ==, WK_OUTCOME_RESOLVED_FIRST_CONTACT);

  left = CALL (fx, &error, mark_left, wk_visit_get_id (b), wk_visit_get_version (b), ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_visit_get_status (left), ==, WK_VISIT_STATUS_LEFT);

  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, pick_up, 4242, 0, ALEX, "Desk 1");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, pick_up, 0, 0, ALEX, "Desk 1");
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, list_queue, 77);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, list_queue, 0);

  g_clear_object (&queue);
  queue = CALL (fx, &error, list_queue, LOUNGE_MAIN);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (queue), ==, 0);
}

static void
test_tickets (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GListModel) mine = NULL;
  g_autoptr(WkTicket) ticket = NULL;
  g_autoptr(WkTicket) updated = NULL;
  g_autoptr(WkTicket) with_notes = NULL;
  g_autoptr(WkNote) note = NULL;
  g_autoptr(WkTicketUpdate) update = wk_ticket_update_new ();
  g_autoptr(WkTicketUpdate) reopen = wk_ticket_update_new ();

  found = SEARCH (fx, &error, "battery laptop", 0, -1, 0, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  mine = SEARCH (fx, &error, NULL, PRIYA, -1, 0, 0, 10);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (mine), ==, 2);

  ticket = CALL (fx, &error, get_ticket, TICKET_OPEN);
  g_assert_no_error (error);
  g_assert_cmpstr (wk_ticket_get_subject (ticket), ==, "Laptop battery drains fast");

  update->status = WK_TICKET_STATUS_PENDING;
  update->priority = 2;
  updated = CALL (fx, &error, update_ticket, TICKET_OPEN, wk_ticket_get_version (ticket), update, ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_ticket_get_status (updated), ==, WK_TICKET_STATUS_PENDING);
  g_assert_cmpint (wk_ticket_get_priority (updated), ==, 2);
  g_assert_cmpint (wk_ticket_get_version (updated), ==, wk_ticket_get_version (ticket) + 1);
  /* stale */
  ASSERT_FAILS (fx, WK_ERROR_CONFLICT, update_ticket, TICKET_OPEN, wk_ticket_get_version (ticket),
                update, ALEX);
  /* closed is final */
  reopen->status = WK_TICKET_STATUS_OPEN;
  ASSERT_FAILS (fx, WK_ERROR_INVALID, update_ticket, TICKET_CLOSED, 0, reopen, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, update_ticket, 4242, 0, reopen, ALEX);

  note = CALL (fx, &error, add_note, TICKET_OPEN, ALEX, "Swapped the battery", WK_NOTE_VISIBILITY_PUBLIC, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (wk_note_get_author_id (note), ==, ALEX);
  with_notes = CALL (fx, &error, get_ticket, TICKET_OPEN);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (wk_ticket_get_notes (with_notes)), ==, 1);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, add_note, TICKET_OPEN, ALEX, "", WK_NOTE_VISIBILITY_PUBLIC, NULL);

  /* idempotent by the client's UUID: sent again, nothing changes twice */
  {
    g_autoptr(WkTicketUpdate) keyed = wk_ticket_update_new ();
    g_autoptr(WkTicket) first = NULL;
    g_autoptr(WkTicket) again = NULL;
    g_autoptr(WkNote) n1 = NULL;
    g_autoptr(WkNote) n2 = NULL;
    gint64 events;

    keyed->uuid = g_strdup ("3c0d5e8a-1f0b-4a3e-9d52-7e1b2c4d5f60");
    keyed->priority = 4;
    first = CALL (fx, &error, update_ticket, TICKET_OPEN, wk_ticket_get_version (updated), keyed, ALEX);
    g_assert_no_error (error);
    g_assert_cmpint (wk_ticket_get_version (first), ==, wk_ticket_get_version (updated) + 1);
    events = N_EVENTS (fx);
    /* its version is stale by now, but it is the same edit */
    again = CALL (fx, &error, update_ticket, TICKET_OPEN, wk_ticket_get_version (updated), keyed, ALEX);
    g_assert_no_error (error);
    g_assert_cmpint (wk_ticket_get_version (again), ==, wk_ticket_get_version (first));
    g_assert_cmpint (wk_ticket_get_priority (again), ==, 4);
    g_assert_cmpint (N_EVENTS (fx), ==, events);
    ASSERT_FAILS (fx, WK_ERROR_INVALID, update_ticket, TICKET_CLOSED, 0, keyed, ALEX);
    g_free (keyed->uuid);
    keyed->uuid = g_strdup ("not-a-uuid");
    ASSERT_FAILS (fx, WK_ERROR_INVALID, update_ticket, TICKET_OPEN, 0, keyed, ALEX);

    n1 = CALL (fx, &error, add_note, TICKET_OPEN, ALEX, "Ordered a battery", WK_NOTE_VISIBILITY_INTERNAL,
               "9a7c1e2b-5d4f-4c3b-8e6a-1b2c3d4e5f60");
    g_assert_no_error (error);
    g_assert_cmpstr (wk_note_get_uuid (n1), ==, "9a7c1e2b-5d4f-4c3b-8e6a-1b2c3d4e5f60");
    events = N_EVENTS (fx);
    n2 = CALL (fx, &error, add_note, TICKET_OPEN, ALEX, "Ordered a battery", WK_NOTE_VISIBILITY_INTERNAL,
               "9a7c1e2b-5d4f-4c3b-8e6a-1b2c3d4e5f60");
    g_assert_no_error (error);
    g_assert_cmpint (wk_note_get_id (n2), ==, wk_note_get_id (n1));
    g_assert_cmpint (N_EVENTS (fx), ==, events);
    ASSERT_FAILS (fx, WK_ERROR_INVALID, add_note, TICKET_CLOSED, ALEX, "Ordered a battery",
                  WK_NOTE_VISIBILITY_INTERNAL, "9a7c1e2b-5d4f-4c3b-8e6a-1b2c3d4e5f60");
    ASSERT_FAILS (fx, WK_ERROR_INVALID, add_note, TICKET_OPEN, ALEX, "Ordered a battery",
                  WK_NOTE_VISIBILITY_INTERNAL, "not-a-uuid");
  }
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, get_ticket, 4242);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, get_ticket, 0);
}

/* Writes straight into the file the desk (or the hub) uses: test set-up
 * the desk has no operation for. */
static void
exec_on (Fixture    *fx,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fx->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  wk_test_exec (db, sql);
  sqlite3_close (db);
}

/* What the upstream sync writes when RT refused an edit for a stale version
 * (app/net/wk-upstream-sync.c), written here as the sync would. */
static void
record_conflict (Fixture *fx,
                 gint64   event_id)
{
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("INSERT INTO upstream_delivery (system, event_id, outcome, upstream_id, detail, at)"
                         " VALUES ('rt5', %" G_GINT64_FORMAT ", 'conflict', '7',"
                         " '{\"upstream\":{\"id\":\"7\",\"subject\":\"Laptop battery drains fast\","
                         "\"status\":\"open\",\"owner\":\"sam\",\"category\":\"hardware\"},"
                         "\"ours\":{\"status\":\"pending\",\"owner\":null,\"category\":\"hardware\"}}', 100)",
                         event_id);
  exec_on (fx, sql);
}

static void
test_upstream_conflict (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkTicket) before = NULL;
  g_autoptr(WkTicket) updated = NULL;
  g_autoptr(WkTicket) shown = NULL;
  g_autoptr(WkTicket) acknowledged = NULL;
  g_autoptr(WkTicket) again = NULL;
  g_autoptr(WkTicketUpdate) update = wk_ticket_update_new ();
  const char * const *fields;
  gint64 event_id, events;

  before = CALL (fx, &error, get_ticket, TICKET_OPEN);
  g_assert_no_error (error);
  g_assert_cmpint (wk_ticket_get_upstream_conflict_id (before), ==, 0);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, acknowledge_conflict, TICKET_OPEN, 1, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, acknowledge_conflict, TICKET_OPEN, 0, ALEX);

  update->status = WK_TICKET_STATUS_PENDING;
  updated = CALL (fx, &error, update_ticket, TICKET_OPEN, 0, update, ALEX);
  g_assert_no_error (error);
  event_id = wk_test_count (fx->path, "SELECT MAX (id) FROM event WHERE kind = 'ticket.updated'");
  record_conflict (fx, event_id);

  /* what RT has and what it did not take: status and owner, not the category it already had */
  shown = CALL (fx, &error, get_ticket, TICKET_OPEN);
  g_assert_no_error (error);
  g_assert_cmpint (wk_ticket_get_upstream_conflict_id (shown), ==, event_id);
  g_assert_cmpint (wk_ticket_get_upstream_conflict_at (shown), ==, 100);
  fields = wk_ticket_get_upstream_conflict_fields (shown);
  g_assert_nonnull (fields);
  g_assert_cmpuint (g_strv_length ((char **) fields), ==, 2);
  g_assert_cmpstr (fields[0], ==, "status");
  g_assert_cmpstr (fields[1], ==, "assignee");
  g_assert_cmpstr (wk_ticket_get_upstream_conflict_theirs (shown)[0], ==, "open");
  g_assert_cmpstr (wk_ticket_get_upstream_conflict_theirs (shown)[1], ==, "sam");
  g_assert_cmpstr (wk_ticket_get_upstream_conflict_ours (shown)[0], ==, "pending");
  g_assert_cmpstr (wk_ticket_get_upstream_conflict_ours (shown)[1], ==, "");

  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, acknowledge_conflict, TICKET_OPEN, event_id + 100, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, acknowledge_conflict, TICKET_CLOSED, event_id, ALEX);
  ASSERT_FAILS_ON (fx, desk_as (fx, VIC), WK_ERROR_FORBIDDEN, acknowledge_conflict, TICKET_OPEN,
                   event_id, VIC);

  events = N_EVENTS (fx);
  acknowledged = CALL (fx, &error, acknowledge_conflict, TICKET_OPEN, event_id, ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_ticket_get_upstream_conflict_id (acknowledged), ==, 0);
  g_assert_cmpint (N_EVENTS (fx), ==, events + 1);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'ticket.conflict_acknowledged'"
                              " AND actor = 'person:2'"), ==, 1);
  /* twice is once */
  again = CALL (fx, &error, acknowledge_conflict, TICKET_OPEN, event_id, ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_ticket_get_upstream_conflict_id (again), ==, 0);
  g_assert_cmpint (N_EVENTS (fx), ==, events + 1);
}

static gint64
first_ticket_id (GListModel *tickets)
{
  g_autoptr(WkTicket) ticket = g_list_model_get_item (tickets, 0);

  return ticket != NULL ? wk_ticket_get_id (ticket) : 0;
}

/* Every filter runs in the desk: a match older than the newest 60
 * tickets is still found. */
static void
test_ticket_query (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) open = NULL;
  g_autoptr(GListModel) closed = NULL;
  g_autoptr(GListModel) assigned = NULL;
  g_autoptr(GListModel) side = NULL;
  g_autoptr(GListModel) main_new = NULL;
  g_autoptr(GListModel) by_name = NULL;
  g_autoptr(GListModel) by_default = NULL;
  g_autoptr(GListModel) by_preferred = NULL;
  g_autoptr(GListModel) by_email = NULL;
  g_autoptr(GListModel) name_and_words = NULL;
  g_autoptr(GListModel) by_ref = NULL;
  g_autoptr(GListModel) nobody = NULL;

  exec_on (fx,
           "UPDATE ticket SET lounge_id = 1, assignee_id = 3 WHERE id = 1;"
           "UPDATE ticket SET lounge_id = 2 WHERE id = 3;"
           "UPDATE person SET preferred_name = 'Pia' WHERE id = 1;"
           "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)"
           " INSERT INTO ticket (ref, requester_id, subject, category, status, created_at, updated_at)"
           " SELECT 'WK-' || (20000 + i), 1, 'Printer jam ' || i, 'other', 'new',"
           "  strftime ('%s', 'now') + i, strftime ('%s', 'now') + i FROM n;");

  /* status, requester, assignee, lounge */
  open = SEARCH (fx, &error, NULL, PRIYA, WK_TICKET_STATUS_OPEN, 0, 0, 10);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, 1);
  g_assert_cmpint (first_ticket_id (open), ==, TICKET_OPEN);
  closed = SEARCH (fx, &error, NULL, 0, WK_TICKET_STATUS_CLOSED, 0, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (closed), ==, 1);
  g_assert_cmpint (first_ticket_id (closed), ==, TICKET_CLOSED);
  assigned = SEARCH (fx, &error, NULL, 0, -1, BO, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (assigned), ==, 1);
  g_assert_cmpint (first_ticket_id (assigned), ==, TICKET_OPEN);
  side = SEARCH (fx, &error, NULL, 0, -1, 0, 2, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (side), ==, 1);
  g_assert_cmpint (first_ticket_id (side), ==, TICKET_ORPHAN);
  main_new = SEARCH (fx, &error, NULL, 0, WK_TICKET_STATUS_NEW, 0, LOUNGE_MAIN, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (main_new), ==, 0);

  /* the words match the requester's name, preferred name or email, any case */
  by_name = SEARCH (fx, &error, "sharma", 0, -1, 0, 0, 100);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (by_name), ==, 62);
  by_default = SEARCH (fx, &error, "SHARMA", 0, -1, 0, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (by_default), ==, WK_TICKET_QUERY_DEFAULT_LIMIT);
  by_preferred = SEARCH (fx, &error, "pia", 0, WK_TICKET_STATUS_CLOSED, 0, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (by_preferred), ==, 1);
  by_email = SEARCH (fx, &error, "priya.sharma@EXAMPLE.com", 0, WK_TICKET_STATUS_OPEN, 0, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpint (first_ticket_id (by_email), ==, TICKET_OPEN);
  name_and_words = SEARCH (fx, &error, "Priya battery", 0, -1, 0, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (name_and_words), ==, 1);
  g_assert_cmpint (first_ticket_id (name_and_words), ==, TICKET_OPEN);
  by_ref = SEARCH (fx, &error, "wk-10001", 0, -1, BO, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpint (first_ticket_id (by_ref), ==, TICKET_OPEN);
  nobody = SEARCH (fx, &error, "Müller", 0, -1, 0, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (nobody), ==, 0);

  /* nothing asked, or something that is not a status, a person or a lounge */
  ASSERT_SEARCH_FAILS (fx, WK_ERROR_INVALID, NULL, 0, -1, 0, 0, 0);
  ASSERT_SEARCH_FAILS (fx, WK_ERROR_INVALID, " ", 0, -1, 0, 0, 0);
  ASSERT_SEARCH_FAILS (fx, WK_ERROR_INVALID, NULL, 0, 42, 0, 0, 0);
  ASSERT_SEARCH_FAILS (fx, WK_ERROR_INVALID, NULL, 0, -2, 0, 0, 0);
  ASSERT_SEARCH_FAILS (fx, WK_ERROR_INVALID, NULL, 0, -1, 0, -1, 0);
  ASSERT_SEARCH_FAILS (fx, WK_ERROR_INVALID, NULL, 0, -1, -5, 0, 0);
}

/* Page after page, a search lists what one long search lists: each page
 * starts after the last ticket of the page before, with no repeat and no
 * gap, even where many tickets share one update time. */
static void
test_ticket_query_pages (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(WkTicketQuery) query = wk_test_ticket_query ("sharma", 0, -1, 0, 0, 7);
  guint seen = 0, pages = 0;

  /* 60 tickets updated in 6 seconds: ten share each time */
  exec_on (fx,
           "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)"
           " INSERT INTO ticket (ref, requester_id, subject, category, status, created_at, updated_at)"
           " SELECT 'WK-' || (30000 + i), 1, 'Dock ' || i, 'other', 'new',"
           "  1700000000 + i / 10, 1700000000 + i / 10 FROM n;");
  all = SEARCH (fx, &error, "sharma", 0, -1, 0, 0, 500);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), >, 60);

  for (;;)
    {
      g_autoptr(GListModel) page = SEARCH_QUERY (fx, &error, query);
      guint n;

      g_assert_no_error (error);
      n = g_list_model_get_n_items (page);
      g_assert_cmpuint (n, <=, 7);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(WkTicket) got = g_list_model_get_item (page, i);
          g_autoptr(WkTicket) want = g_list_model_get_item (all, seen + i);

          g_assert_nonnull (want);
          g_assert_cmpint (wk_ticket_get_id (got), ==, wk_ticket_get_id (want));
          if (i == n - 1)
            {
              query->after_updated_at = wk_ticket_get_updated_at (got);
              query->after_id = wk_ticket_get_id (got);
            }
        }
      seen += n;
      pages++;
      if (n < 7)
        break;
    }
  g_assert_cmpuint (seen, ==, g_list_model_get_n_items (all));
  g_assert_cmpuint (pages, ==, seen / 7 + 1);

  /* a page after something that cannot be a ticket */
  query->after_id = -1;
  ASSERT_FAILS (fx, WK_ERROR_INVALID, search_tickets, query);
  query->after_id = 3;
  query->after_updated_at = -5;
  ASSERT_FAILS (fx, WK_ERROR_INVALID, search_tickets, query);
}

static void
test_hardware (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) priyas = NULL;
  g_autoptr(WkHardware) added = NULL;
  g_autoptr(WkHardware) ready = NULL;
  g_autoptr(WkHardware) collected = NULL;

  priyas = CALL (fx, &error, list_hardware, PRIYA, 0, -1);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (priyas), ==, 1);

  added = CALL (fx, &error, add_hardware, PRIYA, TICKET_OPEN, LOUNGE_MAIN, "Travel router", "A-77", 0, ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_hardware_get_status (added), ==, WK_HARDWARE_STATUS_PREPARING);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, mark_hardware_ready, wk_hardware_get_id (added),
                wk_hardware_get_version (added), "under the desk", 0, ALEX);
  ready = CALL (fx, &error, mark_hardware_ready, wk_hardware_get_id (added),
                wk_hardware_get_version (added), "locker 3", 0, ALEX);
  g_assert_no_error (error);
  g_assert_cmpstr (wk_hardware_get_location (ready), ==, "locker 3");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, mark_hardware_collected, wk_hardware_get_id (ready), 0, NULL, NULL, 0);
  collected = CALL (fx, &error, mark_hardware_collected, wk_hardware_get_id (ready),
                    wk_hardware_get_version (ready), "Priya Sharma", "[[1,2],[3,4]]", 0);
  g_assert_no_error (error);
  g_assert_cmpint (wk_hardware_get_status (collected), ==, WK_HARDWARE_STATUS_COLLECTED);
  g_assert_cmpstr (wk_hardware_get_ack_name (collected), ==, "Priya Sharma");
  ASSERT_FAILS (fx, WK_ERROR_CONFLICT, cancel_hardware, HARDWARE_READY, 99, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, cancel_hardware, 4242, 0, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, cancel_hardware, wk_hardware_get_id (collected), 0, ALEX);
}

static WkSurveyRequest *
survey_request (gint64 visit_id,
                int    score)
{
  WkSurveyRequest *r = wk_survey_request_new ();

  r->uuid = g_uuid_string_random ();
  r->visit_id = visit_id;
  r->lounge_id = LOUNGE_MAIN;
  r->score = score;
  r->resolved = WK_SURVEY_RESOLVED_NO;
  r->comment = g_strdup ("Slow");
  r->contact_consent = TRUE;
  return r;
}

static void
test_surveys (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkCheckInRequest) rv = wk_test_guest_request ("Ana Guest");
  g_autoptr(WkVisit) visit = wk_test_check_in_ok (fx->desk, rv);
  g_autoptr(WkSurveyRequest) r = survey_request (wk_visit_get_id (visit), 2);
  g_autoptr(WkSurveyRequest) other = survey_request (wk_visit_get_id (visit), 5);
  g_autoptr(WkSurveyRequest) bad = survey_request (0, 9);
  g_autoptr(WkSurvey) survey = NULL;
  g_autoptr(WkSurvey) again = NULL;
  g_autoptr(WkSurvey) followed = NULL;
  g_autoptr(GListModel) feedback = NULL;
  g_autoptr(WkFeedbackQuery) query = wk_feedback_query_new ();
  gint64 events;

  survey = CALL (fx, &error, submit_survey, r);
  g_assert_no_error (error);
  g_assert_cmpint (wk_survey_get_score (survey), ==, 2);
  g_assert_cmpint (wk_survey_get_followup_status (survey), ==, WK_FOLLOWUP_STATUS_NEEDED);
  events = N_EVENTS (fx);
  again = CALL (fx, &error, submit_survey, r);
  g_assert_no_error (error);
  g_assert_cmpint (wk_survey_get_id (again), ==, wk_survey_get_id (survey));
  g_assert_cmpint (N_EVENTS (fx), ==, events);
  ASSERT_FAILS (fx, WK_ERROR_CONFLICT, submit_survey, other);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, submit_survey, bad);

  query->max_score = 2;
  feedback = CALL_ON (desk_as (fx, LEA), &error, list_feedback, query);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, 1);
  g_clear_object (&feedback);

  /* by tag: only the tagged survey, whatever its neighbours' tags */
  {
    g_autoptr(WkCheckInRequest) rv2 = wk_test_guest_request ("Bo Guest");
    g_autoptr(WkVisit) visit2 = wk_test_check_in_ok (fx->desk, rv2);
    g_autoptr(WkSurveyRequest) tagged = survey_request (wk_visit_get_id (visit2), 3);
    g_autoptr(WkSurvey) stored = NULL;
    g_autoptr(WkFeedbackQuery) by_tag = wk_feedback_query_new ();
    g_autoptr(GListModel) found = NULL;
    const char * const tags[] = { "knowledge", "speed", NULL };

    tagged->tags = g_strdupv ((char **) tags);
    stored = CALL (fx, &error, submit_survey, tagged);
    g_assert_no_error (error);

    by_tag->tag = g_strdup ("speed");
    found = CALL_ON (desk_as (fx, LEA), &error, list_feedback, by_tag);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
    {
      g_autoptr(WkSurvey) first = g_list_model_get_item (found, 0);

      g_assert_cmpint (wk_survey_get_id (first), ==, wk_survey_get_id (stored));
    }
    g_clear_object (&found);
    /* a tag nobody gave finds nothing; a tag that is not one of ours is refused */
    g_free (by_tag->tag);
    by_tag->tag = g_strdup ("value");
    found = CALL_ON (desk_as (fx, LEA), &error, list_feedback, by_tag);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
    g_free (by_tag->tag);
    by_tag->tag = g_strdup ("' OR 1=1 --");
    ASSERT_FAILS_ON (fx, desk_as (fx, LEA), WK_ERROR_INVALID, list_feedback, by_tag);
  }

  followed = CALL_ON (desk_as (fx, LEA), &error, set_followup, wk_survey_get_id (survey),
                      WK_FOLLOWUP_STATUS_CONTACTED, LEA, "Called back");
  g_assert_no_error (error);
  g_assert_cmpint (wk_survey_get_followup_status (followed), ==, WK_FOLLOWUP_STATUS_CONTACTED);
  g_assert_cmpint (wk_survey_get_followup_by (followed), ==, LEA);
  ASSERT_FAILS_ON (fx, desk_as (fx, LEA), WK_ERROR_NOT_FOUND, set_followup, 4242,
                   WK_FOLLOWUP_STATUS_CLOSED, LEA, NULL);
}

static void
test_metrics (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkCheckInRequest) rv = wk_test_guest_request ("Ana Guest");
  g_autoptr(WkVisit) visit = wk_test_check_in_ok (fx->desk, rv);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  WkMetricsQuery query = { now - 3600, now + 3600, LOUNGE_MAIN, 0 };
  WkMetrics *metrics;

  metrics = CALL_ON (desk_as (fx, LEA), &error, get_metrics, &query);
  g_assert_no_error (error);
  g_assert_cmpuint (metrics->visits, ==, 1);
  g_assert_cmpuint (metrics->heatmap[0][0] + metrics->visits, >=, 1);
  wk_metrics_free (metrics);
}

static void
test_announcements_and_lounges (Fixture       *fx,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) announcements = NULL;
  g_autoptr(GListModel) lounges = NULL;
  g_autoptr(WkLounge) main_lounge = NULL;

  announcements = CALL (fx, &error, list_announcements, LOUNGE_MAIN, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (announcements), ==, 2);
  lounges = CALL (fx, &error, list_lounges);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lounges), ==, 2);
  main_lounge = g_list_model_get_item (lounges, 0);
  g_assert_cmpstr (wk_lounge_get_name (main_lounge), ==, "Main Lounge");
  g_assert_cmpstrv (wk_lounge_get_desks (main_lounge), ((const char *[]) { "Desk 1", "Desk 2", NULL }));
}

static void
collect_event_cb (WkDesk   *desk,
                  WkEvent  *event,
                  gpointer  user_data)
{
  g_ptr_array_add (user_data, g_object_ref (event));
}

static void
signal_event_cb (WkDesk   *desk,
                 WkEvent  *event,
                 gpointer  user_data)
{
  (*(guint *) user_data)++;
}

static void
test_events (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) from_start = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) resumed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) listed = NULL;
  guint from_start_id, resumed_id;
  guint signalled = 0;
  gulong handler;

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(WkCheckInRequest) r = wk_test_guest_request ("Early Bird");
      g_autoptr(WkVisit) v = wk_test_check_in_ok (fx->desk, r);
    }

  handler = g_signal_connect (fx->desk, "event", G_CALLBACK (signal_event_cb), &signalled);
  from_start_id = wk_desk_subscribe (fx->desk, 0, collect_event_cb, g_ptr_array_ref (from_start),
                                     (GDestroyNotify) g_ptr_array_unref);
  resumed_id = wk_desk_subscribe (fx->desk, 1, collect_event_cb, g_ptr_array_ref (resumed),
                                  (GDestroyNotify) g_ptr_array_unref);
  while (from_start->len < 2 || resumed->len < 1)
    g_main_context_iteration (NULL, TRUE);

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(WkCheckInRequest) r = wk_test_guest_request ("Late Bird");
      g_autoptr(WkVisit) v = wk_test_check_in_ok (fx->desk, r);
    }
  while (from_start->len < 5 || resumed->len < 4 || signalled < 3)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < from_start->len; i++)
    g_assert_cmpint (wk_event_get_id (g_ptr_array_index (from_start, i)), ==, i + 1);
  g_assert_cmpint (wk_event_get_id (g_ptr_array_index (resumed, 0)), ==, 2);
  g_assert_cmpstr (wk_event_get_kind (g_ptr_array_index (resumed, 0)), ==, "visit.checked_in");

  listed = CALL (fx, &error, list_events, 2, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 3);

  wk_desk_unsubscribe (fx->desk, from_start_id);
  wk_desk_unsubscribe (fx->desk, resumed_id);
  g_signal_handler_disconnect (fx->desk, handler);
  g_assert_cmpuint (from_start->len, ==, 5);
  g_assert_cmpuint (signalled, ==, 3);
}

static void
test_sign_in (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkSession) session = NULL;

  session = CALL (fx, &error, sign_in, "Alex.Chen@example.com", "secret-pass");
  g_assert_no_error (error);
  g_assert_cmpint (wk_person_get_id (wk_session_get_person (session)), ==, ALEX);
  g_assert_cmpint (wk_session_get_role (session), ==, WK_ROLE_ENGINEER);
  g_assert_cmpuint (strlen (wk_session_get_token (session)), >=, 32);
  if (fx->remote)
    g_assert_cmpstr (wk_remote_desk_get_token (WK_REMOTE_DESK (fx->desk)), ==,
                     wk_session_get_token (session));

  ASSERT_FAILS (fx, WK_ERROR_UNAUTHORIZED, sign_in, "alex", "wrong");
  ASSERT_FAILS (fx, WK_ERROR_UNAUTHORIZED, sign_in, "nobody", "secret-pass");
  ASSERT_FAILS (fx, WK_ERROR_FORBIDDEN, sign_in, "vic@example.com", "secret-pass");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, sign_in, "", "x");
}

static void
test_cancelled (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WkCheckInRequest) r = wk_test_guest_request ("Cancelled Carl");
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  gpointer visit;

  g_cancellable_cancel (cancellable);
  wk_desk_check_in_async (fx->desk, r, cancellable, wk_test_got_result_cb, &result);
  wk_test_wait_for (&result);
  visit = wk_desk_check_in_finish (fx->desk, result, &error);
  g_object_unref (result);
  g_assert_null (visit);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM visit"), ==, 0);
}

static int
estimate (WkDesk   *desk,
          gint64    lounge_id,
          guint    *people,
          GError  **error)
{
  GAsyncResult *result = NULL;
  int minutes;

  wk_desk_estimate_wait_async (desk, lounge_id, NULL, wk_test_got_result_cb, &result);
  wk_test_wait_for (&result);
  minutes = wk_desk_estimate_wait_finish (desk, result, people, error);
  g_object_unref (result);
  return minutes;
}

static void
test_estimate_wait (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkCheckInRequest) a = wk_test_guest_request ("Ana Guest");
  g_autoptr(WkCheckInRequest) b = wk_test_guest_request ("Ben Guest");
  g_autoptr(WkVisit) va = wk_test_check_in_ok (fx->desk, a);
  g_autoptr(WkVisit) vb = wk_test_check_in_ok (fx->desk, b);
  guint people = 99;
  int minutes;

  minutes = estimate (fx->desk, LOUNGE_MAIN, &people, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people, ==, 2);
  g_assert_cmpint (minutes, ==, 2 * WK_ESTIMATE_DEFAULT_SERVICE_S / 60);
  minutes = estimate (fx->desk, 4242, NULL, &error);
  g_assert_cmpint (minutes, ==, -1);
  g_assert_error (error, WK_ERROR, WK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  minutes = estimate (fx->desk, 0, NULL, &error);
  g_assert_cmpint (minutes, ==, -1);
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
}

/* Only the remote desk: the hub away, and back. */
static void
test_remote_unavailable (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lounges = NULL;
  g_autoptr(WkRemoteDesk) nowhere = NULL;
  g_autoptr(WkRemoteDesk) anonymous = NULL;
  g_autofree char *url = wk_test_hub_get_url (fx->hub);
  guint port = wk_test_hub_get_port (fx->hub);
  gpointer value;

  g_assert_null (wk_remote_desk_new ("ftp://example.com", NULL, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_clear_error (&error);

  anonymous = wk_remote_desk_new (url, NULL, &error);
  g_assert_no_error (error);
  ASSERT_FAILS_ON (fx, WK_DESK (anonymous), WK_ERROR_UNAUTHORIZED, list_lounges);

  /* the hub stops: UNAVAILABLE, and the desk says it is offline */
  wk_test_hub_stop (fx->hub);
  fx->hub = NULL;
  value = CALL (fx, &error, list_lounges);
  g_assert_null (value);
  g_assert_error (error, WK_ERROR, WK_ERROR_UNAVAILABLE);
  g_assert_false (wk_remote_desk_get_online (WK_REMOTE_DESK (fx->desk)));
  g_clear_error (&error);

  /* and comes back on the same port */
  fx->hub = wk_test_hub_start (fx->path, port);
  lounges = CALL (fx, &error, list_lounges);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lounges), ==, 2);
  g_assert_true (wk_remote_desk_get_online (WK_REMOTE_DESK (fx->desk)));

  nowhere = wk_remote_desk_new ("http://127.0.0.1:1", "wkt_x", &error);
  g_assert_no_error (error);
  ASSERT_FAILS_ON (fx, WK_DESK (nowhere), WK_ERROR_UNAVAILABLE, list_lounges);
}

/* Only the remote desk: a listener survives the hub restarting, without
 * missing or repeating an event. */
static void
test_remote_reconnects (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  guint port = wk_test_hub_get_port (fx->hub);
  guint id;

  id = wk_desk_subscribe (fx->desk, 0, collect_event_cb, g_ptr_array_ref (events),
                          (GDestroyNotify) g_ptr_array_unref);
  {
    g_autoptr(WkCheckInRequest) r = wk_test_guest_request ("Before");
    g_autoptr(WkVisit) v = wk_test_check_in_ok (fx->desk, r);
  }
  while (events->len < 1)
    g_main_context_iteration (NULL, TRUE);

  wk_test_hub_stop (fx->hub);
  /* let the listener see the drop */
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
  fx->hub = wk_test_hub_start (fx->path, port);

  {
    g_autoptr(WkCheckInRequest) r = wk_test_guest_request ("After");
    g_autoptr(WkVisit) v = wk_test_check_in_ok (fx->desk, r);
  }
  while (events->len < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (wk_event_get_id (g_ptr_array_index (events, 0)), ==, 1);
  g_assert_cmpint (wk_event_get_id (g_ptr_array_index (events, 1)), ==, 2);
  wk_desk_unsubscribe (fx->desk, id);
}

/* Visits and staff for the review face: the same lists through either desk,
 * and the contact email only where a survey consented. */
/* A visit of Priya served by Alex to its end, with @outcome. */
static WkVisit *
served_visit (Fixture   *fx,
              WkOutcome  outcome)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkCheckInRequest) ci = wk_test_person_request (PRIYA, WK_IDENTIFIED_BY_BADGE, "software");
  g_autoptr(WkVisit) visit = wk_test_check_in_ok (fx->desk, ci);
  g_autoptr(WkVisit) called = CALL (fx, &error, pick_up, wk_visit_get_id (visit), 0, ALEX, "Desk 1");
  WkVisit *done;

  g_assert_no_error (error);
  done = CALL (fx, &error, finish_visit, wk_visit_get_id (visit), wk_visit_get_version (called), ALEX,
               outcome);
  g_assert_no_error (error);
  return done;
}

/* The visitor profile: an engineer lists one person's past visits with
 * their scores; an anonymous survey never shows. */
static void
test_visitor_profile (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkVisit) first = served_visit (fx, WK_OUTCOME_WORKAROUND);
  g_autoptr(WkVisit) second = served_visit (fx, WK_OUTCOME_RESOLVED_FIRST_CONTACT);
  g_autoptr(WkCheckInRequest) gi = wk_test_guest_request ("Günther Gast");
  g_autoptr(WkVisit) guest = wk_test_check_in_ok (fx->desk, gi);
  g_autoptr(WkSurveyRequest) scored = survey_request (wk_visit_get_id (first), 4);
  g_autoptr(WkSurveyRequest) anonymous = survey_request (wk_visit_get_id (second), 1);
  g_autoptr(WkSurvey) s1 = NULL;
  g_autoptr(WkSurvey) s2 = NULL;
  g_autoptr(GListModel) visits = NULL;
  g_autoptr(WkVisit) v1 = NULL;
  g_autoptr(WkVisit) v2 = NULL;
  WkVisitQuery query = { 0 };

  s1 = CALL (fx, &error, submit_survey, scored);
  g_assert_no_error (error);
  anonymous->anonymous = TRUE;
  s2 = CALL (fx, &error, submit_survey, anonymous);
  g_assert_no_error (error);

  /* as the engineer (Alex) */
  query.from = 0;
  query.to = g_get_real_time () / G_USEC_PER_SEC + 60;
  query.person_id = PRIYA;
  visits = CALL (fx, &error, list_visits, &query);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (visits), ==, 2);
  v1 = g_list_model_get_item (visits, 0);
  v2 = g_list_model_get_item (visits, 1);
  g_assert_cmpint (wk_visit_get_id (v1), ==, wk_visit_get_id (first));
  g_assert_cmpint (wk_visit_get_person_id (v1), ==, PRIYA);
  g_assert_cmpint (wk_visit_get_status (v1), ==, WK_VISIT_STATUS_DONE);
  g_assert_cmpint (wk_visit_get_outcome (v1), ==, WK_OUTCOME_WORKAROUND);
  g_assert_cmpstr (wk_visit_get_engineer_name (v1), ==, "Alex Chen");
  g_assert_cmpstr (wk_visit_get_reason (v1), ==, "software");
  g_assert_cmpint (wk_visit_get_survey_score (v1), ==, 4);
  g_assert_cmpint (wk_visit_get_id (v2), ==, wk_visit_get_id (second));
  g_assert_cmpint (wk_visit_get_survey_score (v2), ==, 0);
  g_assert_cmpint (wk_visit_get_survey_score (guest), ==, 0);

  /* (that an engineer's token gets only one person's is in the hub's role matrix) */
  query.person_id = -1;
  ASSERT_FAILS (fx, WK_ERROR_INVALID, list_visits, &query);
}

static void
test_visits_and_staff (Fixture       *fx,
                       gconstpointer  data)
{
  WkDesk *lead = desk_as (fx, LEA);
  g_autoptr(GError) error = NULL;
  g_autoptr(WkCheckInRequest) ci = wk_test_person_request (PRIYA, WK_IDENTIFIED_BY_BADGE, "hardware");
  g_autoptr(WkCheckInRequest) gi = wk_test_guest_request ("Günther Gast");
  g_autoptr(WkVisit) priya = NULL;
  g_autoptr(WkVisit) guest = NULL;
  g_autoptr(WkVisit) called = NULL;
  g_autoptr(WkVisit) got = NULL;
  g_autoptr(WkVisit) guest_got = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) alex = NULL;
  g_autoptr(GListModel) page = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(WkSurveyRequest) consent = NULL;
  g_autoptr(WkSurvey) survey = NULL;
  WkVisitQuery query = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  gi->guest_email = g_strdup ("gast@example.com");
  priya = wk_test_check_in_ok (fx->desk, ci);
  guest = wk_test_check_in_ok (fx->desk, gi);
  called = CALL (fx, &error, pick_up, wk_visit_get_id (priya), 0, ALEX, "Desk 1");
  g_assert_no_error (error);

  query.from = now - 60;
  query.to = now + 60;
  all = CALL_ON (lead, &error, list_visits, &query);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  {
    g_autoptr(WkVisit) first = g_list_model_get_item (all, 0);

    g_assert_cmpint (wk_visit_get_id (first), ==, wk_visit_get_id (priya));
    g_assert_cmpint (wk_visit_get_status (first), ==, WK_VISIT_STATUS_CALLED);
    g_assert_cmpstr (wk_visit_get_engineer_name (first), ==, "Alex Chen");
  }
  query.engineer_id = ALEX;
  alex = CALL_ON (lead, &error, list_visits, &query);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (alex), ==, 1);
  query.engineer_id = 0;
  query.limit = 1;
  query.offset = 1;
  page = CALL_ON (lead, &error, list_visits, &query);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (page), ==, 1);
  query.to = query.from;
  ASSERT_FAILS_ON (fx, lead, WK_ERROR_INVALID, list_visits, &query);

  got = CALL_ON (lead, &error, get_visit, wk_visit_get_id (guest));
  g_assert_no_error (error);
  g_assert_cmpstr (wk_visit_get_person_name (got), ==, "Günther Gast");
  g_assert_null (wk_visit_get_contact_email (got));
  consent = survey_request (wk_visit_get_id (guest), 2);
  consent->contact_consent = TRUE;
  survey = CALL (fx, &error, submit_survey, consent);
  g_assert_no_error (error);
  guest_got = CALL_ON (lead, &error, get_visit, wk_visit_get_id (guest));
  g_assert_no_error (error);
  g_assert_cmpstr (wk_visit_get_contact_email (guest_got), ==, "gast@example.com");
  ASSERT_FAILS_ON (fx, lead, WK_ERROR_NOT_FOUND, get_visit, 9999);
  ASSERT_FAILS_ON (fx, lead, WK_ERROR_INVALID, get_visit, 0);

  staff = CALL_ON (lead, &error, list_staff);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (staff), >=, 3);
  {
    g_autoptr(WkPerson) first = g_list_model_get_item (staff, 0);

    g_assert_cmpstr (wk_person_get_display_name (first), ==, "Alex Chen");
  }
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(WkPerson) person = g_list_model_get_item (staff, i);

      g_assert_cmpint (wk_person_get_role (person), !=, WK_ROLE_VISITOR);
    }
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char *name;
    void (*func) (Fixture *, gconstpointer);
  } scenarios[] = {
    { "identify", test_identify },
    { "check-in", test_check_in },
    { "check-in/idempotent", test_check_in_idempotent },
    { "check-in/invalid", test_check_in_invalid },
    { "queue-and-moves", test_queue_and_moves },
    { "tickets", test_tickets },
    { "ticket-query", test_ticket_query },
    { "ticket-query-pages", test_ticket_query_pages },
    { "hardware", test_hardware },
    { "upstream-conflict", test_upstream_conflict },
    { "surveys", test_surveys },
    { "metrics", test_metrics },
    { "announcements-and-lounges", test_announcements_and_lounges },
    { "events", test_events },
    { "sign-in", test_sign_in },
    { "cancelled", test_cancelled },
    { "estimate-wait", test_estimate_wait },
    { "visits-and-staff", test_visits_and_staff },
    { "visitor-profile", test_visitor_profile },
  };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    for (int remote = 0; remote <= 1; remote++)
      {
        g_autofree char *path = g_strdup_printf ("/desk-contract/%s/%s",
                                                 remote ? "remote" : "local", scenarios[i].name);

        g_test_add_vtable (path, sizeof (Fixture), GINT_TO_POINTER (remote),
                           (GTestFixtureFunc) fixture_setup, (GTestFixtureFunc) scenarios[i].func,
                           (GTestFixtureFunc) fixture_teardown);
      }
  g_test_add ("/desk-contract/remote/unavailable", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_remote_unavailable, fixture_teardown);
  g_test_add ("/desk-contract/remote/reconnects", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_remote_reconnects, fixture_teardown);

  return g_test_run ();
}
