/* test-desk.c — every WkDesk operation on WkLocalDesk, and its refusals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../common/wk-test-desk.h"
#include "../common/wk-test-gate.h"
#include "../common/wk-test-seed.h"

#include "wk-error.h"
#include "wk-estimate.h"
#include "wk-local-desk.h"
#include "wk-lounge.h"
#include "wk-announcement.h"
#include "wk-store.h"
#include "wk-validate.h"

#include <string.h>

/* ---- fixture ----------------------------------------------------------------- */

enum {
  N_RACERS = 8,
};

typedef struct {
  char    *path;
  WkStore *store;
  WkDesk  *desk;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  static guint counter = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("desk-%u.db", ++counter);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  fx->path = g_build_filename (g_get_user_data_dir (), name, NULL);
  wk_test_seed (fx->path, N_RACERS);
  fx->store = wk_store_new (fx->path, NULL, &error);
  g_assert_no_error (error);
  fx->desk = WK_DESK (wk_local_desk_new (fx->store));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  /* answers and event deliveries still queued for this context */
  wk_store_close (fx->store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (fx->desk);
  g_assert_finalize_object (fx->store);
  g_free (fx->path);
}




/* ---- identify ------------------------------------------------------------------- */



static void
test_identify (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkIdentity) by_badge = NULL;
  g_autoptr(WkIdentity) by_email = NULL;
  g_autoptr(WkIdentity) by_number = NULL;
  g_autoptr(WkIdentity) by_ref = NULL;
  g_autoptr(WkIdentity) orphan = NULL;
  g_autoptr(WkTicket) ticket = NULL;
  g_autoptr(WkHardware) hardware = NULL;
  g_autofree char *long_badge = g_strnfill (WK_MAX_IDENTIFIER + 1, '7');
  WkPerson *person;

  by_badge = CALL (fx, &error, identify, WK_IDENTIFIED_BY_BADGE, "100200");
  g_assert_no_error (error);
  person = wk_identity_get_person (by_badge);
  g_assert_nonnull (person);
  g_assert_cmpint (wk_person_get_id (person), ==, PRIYA);
  g_assert_cmpstr (wk_person_get_greeting_name (person), ==, "Priya");
  g_assert_cmpint (wk_person_get_role (person), ==, WK_ROLE_VISITOR);
  g_assert_true (wk_identity_is_strong (by_badge));
  /* open tickets only: WK-10001, not the closed WK-10002 */
  g_assert_cmpuint (g_list_model_get_n_items (wk_identity_get_tickets (by_badge)), ==, 1);
  ticket = g_list_model_get_item (wk_identity_get_tickets (by_badge), 0);
  g_assert_cmpstr (wk_ticket_get_ref (ticket), ==, "WK-10001");
  g_assert_cmpstr (wk_ticket_get_subject (ticket), ==, "Laptop battery drains fast");
  g_assert_cmpint (wk_ticket_get_status (ticket), ==, WK_TICKET_STATUS_OPEN);
  /* the ready laptop, not the collected dock */
  g_assert_cmpuint (g_list_model_get_n_items (wk_identity_get_hardware (by_badge)), ==, 1);
  hardware = g_list_model_get_item (wk_identity_get_hardware (by_badge), 0);
  g_assert_cmpstr (wk_hardware_get_location (hardware), ==, "locker 12");
  g_assert_cmpstr (wk_hardware_get_ticket_ref (hardware), ==, "WK-10001");
  g_assert_cmpint (wk_hardware_get_status (hardware), ==, WK_HARDWARE_STATUS_READY);
  g_assert_null (wk_identity_get_pending_survey (by_badge));

  /* email in any case */
  by_email = CALL (fx, &error, identify, WK_IDENTIFIED_BY_EMAIL, "PRIYA.sharma@EXAMPLE.com");
  g_assert_no_error (error);
  g_assert_cmpint (wk_person_get_id (wk_identity_get_person (by_email)), ==, PRIYA);
  g_assert_false (wk_identity_is_strong (by_email));

  by_number = CALL (fx, &error, identify, WK_IDENTIFIED_BY_EMPLOYEE_NO, " E1001 ");
  g_assert_no_error (error);
  g_assert_cmpint (wk_person_get_id (wk_identity_get_person (by_number)), ==, PRIYA);

  by_ref = CALL (fx, &error, identify, WK_IDENTIFIED_BY_TICKET_REF, "wk-10001");
  g_assert_no_error (error);
  g_assert_cmpint (wk_person_get_id (wk_identity_get_person (by_ref)), ==, PRIYA);
  g_assert_cmpint (wk_identity_get_identified_by (by_ref), ==, WK_IDENTIFIED_BY_TICKET_REF);

  /* a ticket nobody requested: no person, that ticket alone */
  orphan = CALL (fx, &error, identify, WK_IDENTIFIED_BY_TICKET_REF, "WK-10003");
  g_assert_no_error (error);
  g_assert_null (wk_identity_get_person (orphan));
  g_assert_cmpuint (g_list_model_get_n_items (wk_identity_get_tickets (orphan)), ==, 1);

  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, identify, WK_IDENTIFIED_BY_BADGE, "555");
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, identify, WK_IDENTIFIED_BY_EMAIL, "nobody@example.com");
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, identify, WK_IDENTIFIED_BY_TICKET_REF, "WK-99999");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, identify, WK_IDENTIFIED_BY_BADGE, "");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, identify, WK_IDENTIFIED_BY_BADGE, NULL);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, identify, WK_IDENTIFIED_BY_BADGE, long_badge);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, identify, WK_IDENTIFIED_BY_EMAIL, "priya.sharma");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, identify, WK_IDENTIFIED_BY_GUEST, "x");
}

/* ---- check in ------------------------------------------------------------------- */

static void
test_check_in (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkCheckInRequest) r1 = wk_test_person_request (PRIYA, WK_IDENTIFIED_BY_BADGE, "hardware");
  g_autoptr(WkCheckInRequest) r2 = wk_test_guest_request ("Jürgen Groß");
  g_autoptr(WkCheckInRequest) r3 = wk_test_person_request (ALEX, WK_IDENTIFIED_BY_EMAIL, "software");
  g_autoptr(WkVisit) v1 = NULL;
  g_autoptr(WkVisit) v2 = NULL;
  g_autoptr(WkVisit) v3 = NULL;
  g_autoptr(WkTicket) opened = NULL;
  g_autofree char *initials = NULL;

  r1->ticket_id = TICKET_OPEN;
  v1 = wk_test_check_in_ok (fx->desk, r1);
  g_assert_cmpint (wk_visit_get_id (v1), >, 0);
  g_assert_cmpstr (wk_visit_get_uuid (v1), ==, r1->uuid);
  g_assert_cmpint (wk_visit_get_status (v1), ==, WK_VISIT_STATUS_WAITING);
  g_assert_cmpint (wk_visit_get_person_id (v1), ==, PRIYA);
  g_assert_cmpstr (wk_visit_get_person_name (v1), ==, "Priya Sharma");
  g_assert_cmpstr (wk_visit_get_greeting_name (v1), ==, "Priya");
  g_assert_cmpstr (wk_visit_get_ticket_ref (v1), ==, "WK-10001");
  g_assert_cmpstr (wk_visit_get_ticket_subject (v1), ==, "Laptop battery drains fast");
  g_assert_cmpint (wk_visit_get_identified_by (v1), ==, WK_IDENTIFIED_BY_BADGE);
  g_assert_cmpint (wk_visit_get_kiosk_ms (v1), ==, 8200);
  g_assert_cmpstr (wk_visit_get_kiosk (v1), ==, "door-1");
  g_assert_cmpuint (wk_visit_get_position (v1), ==, 1);
  g_assert_cmpuint (wk_visit_get_people_ahead (v1), ==, 0);
  g_assert_cmpint (wk_visit_get_estimated_wait_s (v1), ==, 0);
  g_assert_cmpint (wk_visit_get_version (v1), ==, 1);
  g_assert_cmpint (wk_visit_get_called_at (v1), ==, 0);
  g_assert_cmpint (wk_visit_get_outcome (v1), ==, WK_OUTCOME_NONE);
  initials = wk_visit_dup_initials (v1);
  g_assert_cmpstr (initials, ==, "PS");

  /* a guest, with "something else": a ticket is opened for them */
  r2->open_ticket = TRUE;
  r2->subject = g_strdup ("  Locked out after holiday ");
  r2->guest_email = g_strdup ("juergen@example.com");
  v2 = wk_test_check_in_ok (fx->desk, r2);
  g_assert_cmpint (wk_visit_get_person_id (v2), ==, 0);
  g_assert_cmpstr (wk_visit_get_person_name (v2), ==, "Jürgen Groß");
  g_assert_cmpstr (wk_visit_get_guest_email (v2), ==, "juergen@example.com");
  g_assert_cmpuint (wk_visit_get_position (v2), ==, 2);
  g_assert_cmpuint (wk_visit_get_people_ahead (v2), ==, 1);
  g_assert_cmpint (wk_visit_get_estimated_wait_s (v2), >, 0);
  g_assert_cmpint (wk_visit_get_estimated_wait_s (v2) % 60, ==, 0);
  g_assert_cmpint (wk_visit_get_ticket_id (v2), >, TICKET_ORPHAN);
  g_assert_true (g_str_has_prefix (wk_visit_get_ticket_ref (v2), "WK-"));
  g_assert_cmpstr (wk_visit_get_ticket_subject (v2), ==, "Locked out after holiday");
  opened = CALL (fx, &error, get_ticket, wk_visit_get_ticket_id (v2));
  g_assert_no_error (error);
  g_assert_cmpstr (wk_ticket_get_category (opened), ==, "account");
  g_assert_cmpint (wk_ticket_get_status (opened), ==, WK_TICKET_STATUS_NEW);
  g_assert_cmpint (wk_ticket_get_lounge_id (opened), ==, LOUNGE_MAIN);
  g_assert_cmpstr (wk_ticket_get_ref (opened), ==, "WK-10004");

  /* without a description the ticket is named by its category */
  r3->open_ticket = TRUE;
  v3 = wk_test_check_in_ok (fx->desk, r3);
  g_assert_cmpstr (wk_visit_get_ticket_subject (v3), ==, "Software and apps");

  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM visit"), ==, 3);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'visit.checked_in'"), ==, 3);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'ticket.created'"), ==, 2);
  /* the event is in the same transaction as the row and names it */
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event e JOIN visit v ON v.id = e.entity_id"
                              " WHERE e.kind = 'visit.checked_in' AND e.entity = 'visit'"
                              " AND json_extract (e.payload, '$.uuid') = v.uuid"
                              " AND e.actor = 'kiosk:door-1'"), ==, 3);
}

static void
test_check_in_idempotent (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(WkCheckInRequest) r = wk_test_guest_request ("Sam");
  g_autoptr(WkVisit) first = NULL;
  g_autoptr(WkVisit) again = NULL;
  g_autoptr(WkVisit) changed = NULL;
  gint64 events, tickets;

  r->open_ticket = TRUE;
  first = wk_test_check_in_ok (fx->desk, r);
  events = N_EVENTS (fx);
  tickets = wk_test_count (fx->path, "SELECT COUNT(*) FROM ticket");

  again = wk_test_check_in_ok (fx->desk, r);
  g_assert_cmpint (wk_visit_get_id (again), ==, wk_visit_get_id (first));
  g_assert_cmpint (wk_visit_get_ticket_id (again), ==, wk_visit_get_ticket_id (first));

  /* even with other content, the UUID decides */
  g_free (r->guest_name);
  r->guest_name = g_strdup ("Someone Else");
  changed = wk_test_check_in_ok (fx->desk, r);
  g_assert_cmpint (wk_visit_get_id (changed), ==, wk_visit_get_id (first));
  g_assert_cmpstr (wk_visit_get_person_name (changed), ==, "Sam");

  g_assert_cmpint (N_EVENTS (fx), ==, events);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM ticket"), ==, tickets);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM visit"), ==, 1);
}

static void
test_check_in_invalid (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (WK_MAX_NAME + 1, 'n');
  g_autofree char *long_subject = g_strnfill (WK_MAX_SUBJECT + 1, 's');
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
  TRY (WK_ERROR_INVALID, g_free (r->guest_name); r->guest_name = g_strdup ("   "));
  TRY (WK_ERROR_INVALID, g_free (r->guest_name); r->guest_name = g_strdup (long_name));
  TRY (WK_ERROR_INVALID, r->guest_email = g_strdup ("sam@"));
  TRY (WK_ERROR_INVALID, r->open_ticket = TRUE; r->subject = g_strdup (long_subject));
  TRY (WK_ERROR_INVALID, r->open_ticket = TRUE; r->ticket_id = TICKET_ORPHAN);
  TRY (WK_ERROR_INVALID, r->identified_by = WK_IDENTIFIED_BY_BADGE);
  TRY (WK_ERROR_INVALID, r->person_id = PRIYA);
  TRY (WK_ERROR_INVALID, r->kiosk_ms = -5);
  TRY (WK_ERROR_NOT_FOUND, r->lounge_id = 77);
  TRY (WK_ERROR_NOT_FOUND, r->ticket_id = 4242);
  TRY (WK_ERROR_NOT_FOUND, r->person_id = 999; r->identified_by = WK_IDENTIFIED_BY_BADGE);
  /* Priya's ticket is not Alex's */
  TRY (WK_ERROR_INVALID, r->person_id = ALEX; r->identified_by = WK_IDENTIFIED_BY_BADGE;
       r->ticket_id = TICKET_OPEN);
#undef TRY

  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM visit"), ==, 0);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM ticket"), ==, 3);
}

/* ---- queue and visit moves ------------------------------------------------------ */

static void
test_queue_and_moves (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkCheckInRequest) r1 = wk_test_person_request (PRIYA, WK_IDENTIFIED_BY_BADGE, "hardware");
  g_autoptr(WkCheckInRequest) r2 = wk_test_guest_request ("Sam Guest");
  g_autoptr(WkCheckInRequest) r3 = wk_test_guest_request ("Tia Guest");
  g_autoptr(WkVisit) v1 = NULL;
  g_autoptr(WkVisit) v2 = NULL;
  g_autoptr(WkVisit) v3 = NULL;
  g_autoptr(WkVisit) called = NULL;
  g_autoptr(WkVisit) mine_again = NULL;
  g_autoptr(WkVisit) serving = NULL;
  g_autoptr(WkVisit) done = NULL;
  g_autoptr(WkVisit) left = NULL;
  g_autoptr(WkVisit) cancelled = NULL;
  g_autoptr(WkVisit) requeued = NULL;
  g_autoptr(GListModel) queue = NULL;
  g_autoptr(GListModel) queue2 = NULL;
  g_autoptr(GListModel) empty = NULL;
  g_autoptr(WkTicket) ticket = NULL;
  g_autoptr(GError) conflict = NULL;

  r1->ticket_id = TICKET_OPEN;
  v1 = wk_test_check_in_ok (fx->desk, r1);
  v2 = wk_test_check_in_ok (fx->desk, r2);
  v3 = wk_test_check_in_ok (fx->desk, r3);

  queue = CALL (fx, &error, list_queue, LOUNGE_MAIN);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (queue), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(WkVisit) v = g_list_model_get_item (queue, i);

      g_assert_cmpuint (wk_visit_get_position (v), ==, i + 1);
    }
  empty = CALL (fx, &error, list_queue, LOUNGE_SIDE);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 0);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, list_queue, 99);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, list_queue, 0);

  /* illegal moves: nothing written */
  ASSERT_FAILS (fx, WK_ERROR_INVALID, finish_visit, wk_visit_get_id (v1), 0, ALEX, WK_OUTCOME_WORKAROUND);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, start_service, wk_visit_get_id (v1), 0, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, requeue_visit, wk_visit_get_id (v1), 0, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, pick_up, wk_visit_get_id (v1), 0, 0, "Desk 2");
  ASSERT_FAILS (fx, WK_ERROR_FORBIDDEN, pick_up, wk_visit_get_id (v1), 0, PRIYA, "Desk 2");
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, pick_up, 999, 0, ALEX, "Desk 2");
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, pick_up, wk_visit_get_id (v1), 0, 999, "Desk 2");
  ASSERT_FAILS (fx, WK_ERROR_CONFLICT, pick_up, wk_visit_get_id (v1), 7, ALEX, "Desk 2");

  /* pick up: Priya → Desk 2 */
  called = CALL (fx, &error, pick_up, wk_visit_get_id (v1), wk_visit_get_version (v1), ALEX, "Desk 2");
  g_assert_no_error (error);
  g_assert_cmpint (wk_visit_get_status (called), ==, WK_VISIT_STATUS_CALLED);
  g_assert_cmpint (wk_visit_get_engineer_id (called), ==, ALEX);
  g_assert_cmpstr (wk_visit_get_engineer_name (called), ==, "Alex Chen");
  g_assert_cmpstr (wk_visit_get_desk (called), ==, "Desk 2");
  g_assert_cmpint (wk_visit_get_called_at (called), >, 0);
  g_assert_cmpint (wk_visit_get_version (called), ==, 2);
  g_assert_cmpuint (wk_visit_get_position (called), ==, 0);

  /* Bo comes second: a conflict naming Alex */
  {
    gpointer v = CALL (fx, &conflict, pick_up, wk_visit_get_id (v1), wk_visit_get_version (v1), BO, "Desk 1");

    g_assert_null (v);
    g_assert_error (conflict, WK_ERROR, WK_ERROR_CONFLICT);
    g_assert_nonnull (strstr (conflict->message, "Alex Chen"));
    g_assert_nonnull (strstr (conflict->message, "Priya"));
  }
  /* Alex tapping twice gets his visitor back, unchanged */
  mine_again = CALL (fx, &error, pick_up, wk_visit_get_id (v1), wk_visit_get_version (v1), ALEX, "Desk 2");
  g_assert_no_error (error);
  g_assert_cmpint (wk_visit_get_version (mine_again), ==, 2);

  /* the others moved up */
  queue2 = CALL (fx, &error, list_queue, LOUNGE_MAIN);
  g_assert_no_error (error);
  {
    g_autoptr(WkVisit) first = g_list_model_get_item (queue2, 0);
    g_autoptr(WkVisit) second = g_list_model_get_item (queue2, 1);

    g_assert_cmpint (wk_visit_get_status (first), ==, WK_VISIT_STATUS_CALLED);
    g_assert_cmpuint (wk_visit_get_position (second), ==, 1);
  }

  ASSERT_FAILS (fx, WK_ERROR_CONFLICT, start_service, wk_visit_get_id (v1), 1, ALEX);
  serving = CALL (fx, &error, start_service, wk_visit_get_id (v1), 2, ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_visit_get_status (serving), ==, WK_VISIT_STATUS_IN_SERVICE);
  g_assert_cmpint (wk_visit_get_service_started_at (serving), >, 0);

  ASSERT_FAILS (fx, WK_ERROR_INVALID, finish_visit, wk_visit_get_id (v1), 0, ALEX, WK_OUTCOME_NONE);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, mark_left, wk_visit_get_id (v1), 0, ALEX);
  done = CALL (fx, &error, finish_visit, wk_visit_get_id (v1), 3, ALEX, WK_OUTCOME_RESOLVED_FIRST_CONTACT);
  g_assert_no_error (error);
  g_assert_cmpint (wk_visit_get_status (done), ==, WK_VISIT_STATUS_DONE);
  g_assert_cmpint (wk_visit_get_outcome (done), ==, WK_OUTCOME_RESOLVED_FIRST_CONTACT);
  g_assert_cmpint (wk_visit_get_finished_at (done), >, 0);
  /* fixed at first contact: the ticket is resolved too */
  ticket = CALL (fx, &error, get_ticket, TICKET_OPEN);
  g_assert_no_error (error);
  g_assert_cmpint (wk_ticket_get_status (ticket), ==, WK_TICKET_STATUS_RESOLVED);
  g_assert_cmpint (wk_ticket_get_resolved_at (ticket), >, 0);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, cancel_visit, wk_visit_get_id (v1), 0, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, pick_up, wk_visit_get_id (v1), 0, BO, NULL);

  /* left, cancelled, requeued */
  left = CALL (fx, &error, mark_left, wk_visit_get_id (v2), 0, 0);
  g_assert_no_error (error);
  g_assert_cmpint (wk_visit_get_status (left), ==, WK_VISIT_STATUS_LEFT);

  g_clear_object (&called);
  called = CALL (fx, &error, pick_up, wk_visit_get_id (v3), 0, BO, "Desk 1");
  g_assert_no_error (error);
  requeued = CALL (fx, &error, requeue_visit, wk_visit_get_id (v3), 0, BO);
  g_assert_no_error (error);
  g_assert_cmpint (wk_visit_get_status (requeued), ==, WK_VISIT_STATUS_WAITING);
  g_assert_cmpint (wk_visit_get_engineer_id (requeued), ==, 0);
  g_assert_null (wk_visit_get_desk (requeued));
  g_assert_cmpuint (wk_visit_get_position (requeued), ==, 1);
  cancelled = CALL (fx, &error, cancel_visit, wk_visit_get_id (v3), 0, 0);
  g_assert_no_error (error);
  g_assert_cmpint (wk_visit_get_status (cancelled), ==, WK_VISIT_STATUS_CANCELLED);

  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'visit.called'"), ==, 2);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'visit.service_started'"), ==, 1);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'visit.finished'"), ==, 1);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'visit.left'"), ==, 1);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'visit.requeued'"), ==, 1);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'visit.cancelled'"), ==, 1);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'ticket.updated'"), ==, 1);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'visit.called'"
                              " AND actor = 'person:2' AND json_extract (payload, '$.desk') = 'Desk 2'"), ==, 1);
}

/* ---- the pick-up race ---------------------------------------------------------- */

typedef struct {
  WkDesk  *desk;
  gint64   visit_id;
  gint64   version;
  gint64   engineer_id;
  GError  *error;
  WkVisit *visit;
} Racer;

static gpointer
racer_thread (gpointer data)
{
  Racer *racer = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  GAsyncResult *result = NULL;

  g_main_context_push_thread_default (context);
  wk_desk_pick_up_async (racer->desk, racer->visit_id, racer->version, racer->engineer_id,
                         "Desk 1", NULL, wk_test_got_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  racer->visit = wk_desk_pick_up_finish (racer->desk, result, &racer->error);
  g_object_unref (result);
  g_main_context_pop_thread_default (context);

  return NULL;
}

static void
test_pick_up_race (Fixture       *fx,
                   gconstpointer  data)
{
  for (int round = 0; round < 5; round++)
    {
      g_autoptr(WkCheckInRequest) r = wk_test_guest_request ("Rae Racer");
      g_autoptr(WkVisit) visit = wk_test_check_in_ok (fx->desk, r);
      Racer racers[N_RACERS];
      GThread *threads[N_RACERS];
      int winners = 0, conflicts = 0;
      gint64 winner = 0;

      for (int i = 0; i < N_RACERS; i++)
        {
          racers[i] = (Racer) {
            .desk = fx->desk,
            .visit_id = wk_visit_get_id (visit),
            .version = wk_visit_get_version (visit),
            .engineer_id = FIRST_RACER + i,
          };
        }
      for (int i = 0; i < N_RACERS; i++)
        threads[i] = g_thread_new ("racer", racer_thread, &racers[i]);
      for (int i = 0; i < N_RACERS; i++)
        g_thread_join (threads[i]);

      for (int i = 0; i < N_RACERS; i++)
        {
          if (racers[i].visit != NULL)
            {
              g_assert_no_error (racers[i].error);
              winners++;
              winner = racers[i].engineer_id;
              g_assert_cmpint (wk_visit_get_engineer_id (racers[i].visit), ==, winner);
              g_object_unref (racers[i].visit);
            }
          else
            {
              g_assert_error (racers[i].error, WK_ERROR, WK_ERROR_CONFLICT);
              conflicts++;
              g_error_free (racers[i].error);
            }
        }
      g_assert_cmpint (winners, ==, 1);
      g_assert_cmpint (conflicts, ==, N_RACERS - 1);
      g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'visit.called'"), ==, round + 1);

      {
        g_autofree char *sql = g_strdup_printf ("SELECT engineer_id FROM visit WHERE id = %" G_GINT64_FORMAT,
                                                wk_visit_get_id (visit));

        g_assert_cmpint (wk_test_count (fx->path, sql), ==, winner);
      }
    }
}

/* ---- tickets --------------------------------------------------------------------- */

static void
test_tickets (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) by_ref = NULL;
  g_autoptr(GListModel) by_words = NULL;
  g_autoptr(GListModel) by_percent = NULL;
  g_autoptr(GListModel) by_person = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(WkTicketUpdate) update = wk_ticket_update_new ();
  g_autoptr(WkTicketUpdate) bad = NULL;
  g_autoptr(WkTicket) updated = NULL;
  g_autoptr(WkTicket) reopened = NULL;
  g_autoptr(WkTicket) with_notes = NULL;
  g_autoptr(WkNote) note = NULL;
  g_autoptr(WkNote) first_note = NULL;
  g_autofree char *long_note = g_strnfill (WK_MAX_NOTE + 1, 'n');

  by_ref = SEARCH (fx, &error, "wk-10002", 0, -1, 0, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (by_ref), ==, 1);

  by_words = SEARCH (fx, &error, "battery  LAPTOP", 0, -1, 0, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (by_words), ==, 1);

  /* LIKE wildcards are plain characters */
  by_percent = SEARCH (fx, &error, "50%", 0, -1, 0, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (by_percent), ==, 1);
  none = SEARCH (fx, &error, "%", PRIYA, -1, 0, 0, 10);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  by_person = SEARCH (fx, &error, NULL, PRIYA, -1, 0, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (by_person), ==, 2);

  ASSERT_SEARCH_FAILS (fx, WK_ERROR_INVALID, "  ", 0, -1, 0, 0, 0);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, get_ticket, 999);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, get_ticket, 0);

  /* update with the version we saw */
  update->status = WK_TICKET_STATUS_PENDING;
  update->priority = 2;
  update->assignee_id = ALEX;
  update->subject = g_strdup ("Battery drains in two hours");
  updated = CALL (fx, &error, update_ticket, TICKET_OPEN, 1, update, ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_ticket_get_status (updated), ==, WK_TICKET_STATUS_PENDING);
  g_assert_cmpint (wk_ticket_get_priority (updated), ==, 2);
  g_assert_cmpint (wk_ticket_get_assignee_id (updated), ==, ALEX);
  g_assert_cmpstr (wk_ticket_get_assignee_name (updated), ==, "Alex Chen");
  g_assert_cmpstr (wk_ticket_get_subject (updated), ==, "Battery drains in two hours");
  g_assert_cmpint (wk_ticket_get_version (updated), ==, 2);

  /* stale version: conflict, nothing written */
  ASSERT_FAILS (fx, WK_ERROR_CONFLICT, update_ticket, TICKET_OPEN, 1, update, BO);

  bad = wk_ticket_update_new ();
  bad->status = WK_TICKET_STATUS_OPEN;
  ASSERT_FAILS (fx, WK_ERROR_INVALID, update_ticket, TICKET_CLOSED, 0, bad, ALEX);
  bad->status = WK_TICKET_STATUS_NEW;
  ASSERT_FAILS (fx, WK_ERROR_INVALID, update_ticket, TICKET_OPEN, 0, bad, ALEX);
  bad->status = 17;
  ASSERT_FAILS (fx, WK_ERROR_INVALID, update_ticket, TICKET_OPEN, 0, bad, ALEX);
  bad->status = -1;
  bad->priority = 9;
  ASSERT_FAILS (fx, WK_ERROR_INVALID, update_ticket, TICKET_OPEN, 0, bad, ALEX);
  bad->priority = 0;
  bad->subject = g_strdup ("");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, update_ticket, TICKET_OPEN, 0, bad, ALEX);
  g_clear_pointer (&bad->subject, g_free);
  bad->category = g_strdup ("coffee");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, update_ticket, TICKET_OPEN, 0, bad, ALEX);
  g_clear_pointer (&bad->category, g_free);
  bad->assignee_id = PRIYA;
  ASSERT_FAILS (fx, WK_ERROR_FORBIDDEN, update_ticket, TICKET_OPEN, 0, bad, ALEX);
  bad->assignee_id = 999;
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, update_ticket, TICKET_OPEN, 0, bad, ALEX);
  bad->assignee_id = -1;
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, update_ticket, 999, 0, bad, ALEX);

  /* resolved → open again clears resolved_at */
  g_clear_pointer (&update, wk_ticket_update_free);
  update = wk_ticket_update_new ();
  update->status = WK_TICKET_STATUS_RESOLVED;
  g_clear_object (&updated);
  updated = CALL (fx, &error, update_ticket, TICKET_OPEN, 2, update, ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_ticket_get_resolved_at (updated), >, 0);
  update->status = WK_TICKET_STATUS_OPEN;
  reopened = CALL (fx, &error, update_ticket, TICKET_OPEN, 3, update, ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_ticket_get_resolved_at (reopened), ==, 0);

  /* notes */
  note = CALL (fx, &error, add_note, TICKET_OPEN, ALEX, "Battery replaced; calibrating.", WK_NOTE_VISIBILITY_PUBLIC, NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (wk_note_get_body (note), ==, "Battery replaced; calibrating.");
  g_assert_cmpstr (wk_note_get_author_name (note), ==, "Alex Chen");
  g_assert_cmpint (wk_note_get_visibility (note), ==, WK_NOTE_VISIBILITY_PUBLIC);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, add_note, TICKET_OPEN, ALEX, "", WK_NOTE_VISIBILITY_INTERNAL, NULL);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, add_note, TICKET_OPEN, ALEX, long_note, WK_NOTE_VISIBILITY_INTERNAL, NULL);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, add_note, TICKET_OPEN, ALEX, "x", 7, NULL);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, add_note, 999, ALEX, "x", WK_NOTE_VISIBILITY_INTERNAL, NULL);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, add_note, TICKET_OPEN, 999, "x", WK_NOTE_VISIBILITY_INTERNAL, NULL);

  with_notes = CALL (fx, &error, get_ticket, TICKET_OPEN);
  g_assert_no_error (error);
  g_assert_nonnull (wk_ticket_get_notes (with_notes));
  g_assert_cmpuint (g_list_model_get_n_items (wk_ticket_get_notes (with_notes)), ==, 1);
  first_note = g_list_model_get_item (wk_ticket_get_notes (with_notes), 0);
  g_assert_cmpint (wk_note_get_id (first_note), ==, wk_note_get_id (note));
  /* a note does not bump the version */
  g_assert_cmpint (wk_ticket_get_version (with_notes), ==, 4);

  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'ticket.updated'"), ==, 3);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'ticket.note_added'"), ==, 1);
}

/* ---- hardware -------------------------------------------------------------------- */

static void
test_hardware (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkHardware) added = NULL;
  g_autoptr(WkHardware) ready = NULL;
  g_autoptr(WkHardware) collected = NULL;
  g_autoptr(WkHardware) second = NULL;
  g_autoptr(WkHardware) cancelled = NULL;
  g_autoptr(GListModel) waiting = NULL;
  g_autoptr(GListModel) all_collected = NULL;
  g_autofree char *long_description = g_strnfill (WK_MAX_HARDWARE + 1, 'd');
  const char *signature = "[[[10,20],[11,22],[15,30]],[[40,40],[41,45]]]";
  gint64 ready_by = g_get_real_time () / G_USEC_PER_SEC + 3600;

  added = CALL (fx, &error, add_hardware, PRIYA, TICKET_OPEN, LOUNGE_MAIN, "Replacement charger", "A-9", ready_by, ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_hardware_get_status (added), ==, WK_HARDWARE_STATUS_PREPARING);
  g_assert_cmpint (wk_hardware_get_ready_by (added), ==, ready_by);
  g_assert_cmpstr (wk_hardware_get_person_name (added), ==, "Priya Sharma");
  g_assert_cmpstr (wk_hardware_get_asset_tag (added), ==, "A-9");

  ASSERT_FAILS (fx, WK_ERROR_INVALID, add_hardware, PRIYA, 0, 0, "", NULL, 0, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, add_hardware, PRIYA, 0, 0, long_description, NULL, 0, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, add_hardware, 0, 0, 0, "Mouse", NULL, 0, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, add_hardware, 999, 0, 0, "Mouse", NULL, 0, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, add_hardware, PRIYA, 999, 0, "Mouse", NULL, 0, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, add_hardware, PRIYA, 0, 999, "Mouse", NULL, 0, ALEX);

  /* collected before ready: illegal */
  ASSERT_FAILS (fx, WK_ERROR_INVALID, mark_hardware_collected, wk_hardware_get_id (added), 0, "Priya Sharma", NULL, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, mark_hardware_ready, wk_hardware_get_id (added), 0, "shelf", 0, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, mark_hardware_ready, wk_hardware_get_id (added), 0, "locker 0", 0, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, mark_hardware_ready, 999, 0, "counter", 0, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_CONFLICT, mark_hardware_ready, wk_hardware_get_id (added), 5, "counter", 0, ALEX);

  ready = CALL (fx, &error, mark_hardware_ready, wk_hardware_get_id (added), 1, "locker 7", 0, ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_hardware_get_status (ready), ==, WK_HARDWARE_STATUS_READY);
  g_assert_cmpstr (wk_hardware_get_location (ready), ==, "locker 7");
  g_assert_cmpint (wk_hardware_get_ready_at (ready), >, 0);
  g_assert_cmpint (wk_hardware_get_ready_by (ready), ==, ready_by);

  waiting = CALL (fx, &error, list_hardware, PRIYA, 0, -1);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (waiting), ==, 2);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, list_hardware, 0, 0, 12);

  /* the handover needs a name or a signature, and a sane signature */
  ASSERT_FAILS (fx, WK_ERROR_INVALID, mark_hardware_collected, wk_hardware_get_id (ready), 0, "  ", NULL, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, mark_hardware_collected, wk_hardware_get_id (ready), 0, NULL, "{\"x\":1}", ALEX);
  ASSERT_FAILS (fx, WK_ERROR_CONFLICT, mark_hardware_collected, wk_hardware_get_id (ready), 1, "Priya", NULL, ALEX);

  collected = CALL (fx, &error, mark_hardware_collected, wk_hardware_get_id (ready), 2, " Priya Sharma ", signature, ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_hardware_get_status (collected), ==, WK_HARDWARE_STATUS_COLLECTED);
  g_assert_cmpstr (wk_hardware_get_ack_name (collected), ==, "Priya Sharma");
  g_assert_cmpstr (wk_hardware_get_ack_signature (collected), ==, signature);
  g_assert_cmpint (wk_hardware_get_handed_over_by (collected), ==, ALEX);
  g_assert_cmpint (wk_hardware_get_collected_at (collected), >, 0);

  /* a signature alone is enough; self-service without an engineer */
  second = CALL (fx, &error, mark_hardware_collected, HARDWARE_READY, 0, NULL, "[[1,2]]", 0);
  g_assert_no_error (error);
  g_assert_null (wk_hardware_get_ack_name (second));
  g_assert_cmpint (wk_hardware_get_handed_over_by (second), ==, 0);

  ASSERT_FAILS (fx, WK_ERROR_INVALID, cancel_hardware, HARDWARE_READY, 0, ALEX);
  ASSERT_FAILS (fx, WK_ERROR_FORBIDDEN, cancel_hardware, HARDWARE_READY, 0, PRIYA);

  g_clear_object (&added);
  added = CALL (fx, &error, add_hardware, PRIYA, 0, 0, "Headset", NULL, 0, 0);
  g_assert_no_error (error);
  cancelled = CALL (fx, &error, cancel_hardware, wk_hardware_get_id (added), 1, ALEX);
  g_assert_no_error (error);
  g_assert_cmpint (wk_hardware_get_status (cancelled), ==, WK_HARDWARE_STATUS_CANCELLED);

  all_collected = CALL (fx, &error, list_hardware, 0, LOUNGE_MAIN, WK_HARDWARE_STATUS_COLLECTED);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all_collected), ==, 3);

  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'hardware.added'"), ==, 2);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'hardware.ready'"), ==, 1);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'hardware.collected'"), ==, 2);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'hardware.cancelled'"), ==, 1);
}

/* ---- surveys and feedback -------------------------------------------------------- */

static WkSurveyRequest *
survey_request (gint64 visit_id,
                int    score)
{
  WkSurveyRequest *r = wk_survey_request_new ();

  r->uuid = g_uuid_string_random ();
  r->visit_id = visit_id;
  r->score = score;
  r->resolved = WK_SURVEY_RESOLVED_YES;
  return r;
}

static void
test_surveys (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkCheckInRequest) ci = wk_test_person_request (PRIYA, WK_IDENTIFIED_BY_BADGE, "hardware");
  g_autoptr(WkVisit) visit = NULL;
  g_autoptr(WkVisit) called = NULL;
  g_autoptr(WkVisit) done = NULL;
  g_autoptr(WkIdentity) before = NULL;
  g_autoptr(WkIdentity) after = NULL;
  g_autoptr(WkSurveyRequest) r = NULL;
  g_autoptr(WkSurveyRequest) low = NULL;
  g_autoptr(WkSurveyRequest) anon = NULL;
  g_autoptr(WkSurveyRequest) twice = NULL;
  g_autoptr(WkSurvey) survey = NULL;
  g_autoptr(WkSurvey) again = NULL;
  g_autoptr(WkSurvey) low_survey = NULL;
  g_autoptr(WkSurvey) anon_survey = NULL;
  g_autoptr(WkSurvey) contacted = NULL;
  g_autoptr(WkSurvey) closed = NULL;
  g_autoptr(WkSurvey) needed = NULL;
  g_autoptr(GListModel) feedback = NULL;
  g_autoptr(GListModel) needing = NULL;
  g_autoptr(WkFeedbackQuery) query = wk_feedback_query_new ();
  g_autofree char *long_comment = g_strnfill (WK_MAX_COMMENT + 1, 'c');
  gint64 events;

  visit = wk_test_check_in_ok (fx->desk, ci);
  called = CALL (fx, &error, pick_up, wk_visit_get_id (visit), 0, ALEX, "Desk 1");
  g_assert_no_error (error);
  done = CALL (fx, &error, finish_visit, wk_visit_get_id (visit), 0, ALEX, WK_OUTCOME_WORKAROUND);
  g_assert_no_error (error);

  /* a visit finished by an engineer leaves a pending survey */
  before = CALL (fx, &error, identify, WK_IDENTIFIED_BY_BADGE, "100200");
  g_assert_no_error (error);
  g_assert_nonnull (wk_identity_get_pending_survey (before));
  g_assert_cmpint (wk_visit_get_id (wk_identity_get_pending_survey (before)), ==, wk_visit_get_id (visit));
  g_assert_cmpstr (wk_visit_get_engineer_name (wk_identity_get_pending_survey (before)), ==, "Alex Chen");

  r = survey_request (wk_visit_get_id (visit), 5);
  r->tags = g_strsplit ("speed,knowledge", ",", -1);
  r->comment = g_strdup ("Quick and friendly — danke!");
  r->language = g_strdup ("de");
  r->kiosk = g_strdup ("door-1");
  survey = CALL (fx, &error, submit_survey, r);
  g_assert_no_error (error);
  g_assert_cmpint (wk_survey_get_score (survey), ==, 5);
  g_assert_cmpint (wk_survey_get_engineer_id (survey), ==, ALEX);
  g_assert_cmpstr (wk_survey_get_engineer_name (survey), ==, "Alex Chen");
  g_assert_cmpint (wk_survey_get_lounge_id (survey), ==, LOUNGE_MAIN);
  g_assert_cmpint (wk_survey_get_person_id (survey), ==, PRIYA);
  g_assert_cmpint (wk_survey_get_resolved (survey), ==, WK_SURVEY_RESOLVED_YES);
  g_assert_cmpstrv (wk_survey_get_tags (survey), ((const char *[]) { "speed", "knowledge", NULL }));
  g_assert_cmpstr (wk_survey_get_comment (survey), ==, "Quick and friendly — danke!");
  g_assert_cmpint (wk_survey_get_followup_status (survey), ==, WK_FOLLOWUP_STATUS_NONE);

  /* idempotent by UUID */
  events = N_EVENTS (fx);
  again = CALL (fx, &error, submit_survey, r);
  g_assert_no_error (error);
  g_assert_cmpint (wk_survey_get_id (again), ==, wk_survey_get_id (survey));
  g_assert_cmpint (N_EVENTS (fx), ==, events);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM survey"), ==, 1);

  /* rated: no longer pending */
  after = CALL (fx, &error, identify, WK_IDENTIFIED_BY_BADGE, "100200");
  g_assert_no_error (error);
  g_assert_null (wk_identity_get_pending_survey (after));

  /* a visit is rated once */
  twice = survey_request (wk_visit_get_id (visit), 3);
  ASSERT_FAILS (fx, WK_ERROR_CONFLICT, submit_survey, twice);

  /* low score with consent starts a follow-up */
  low = survey_request (0, 1);
  low->person_id = PRIYA;
  low->lounge_id = LOUNGE_MAIN;
  low->contact_consent = TRUE;
  low->resolved = WK_SURVEY_RESOLVED_NO;
  low->comment = g_strdup ("Waited an hour");
  low_survey = CALL (fx, &error, submit_survey, low);
  g_assert_no_error (error);
  g_assert_cmpint (wk_survey_get_followup_status (low_survey), ==, WK_FOLLOWUP_STATUS_NEEDED);
  g_assert_true (wk_survey_get_contact_consent (low_survey));

  anon = survey_request (0, 3);
  anon->person_id = PRIYA;
  anon->anonymous = TRUE;
  anon_survey = CALL (fx, &error, submit_survey, anon);
  g_assert_no_error (error);
  g_assert_cmpint (wk_survey_get_person_id (anon_survey), ==, 0);
  g_assert_true (wk_survey_get_anonymous (anon_survey));

  /* refusals */
  {
    g_autoptr(WkSurveyRequest) bad = NULL;

#define TRY(code, ...) \
    G_STMT_START { \
      bad = survey_request (0, 4); \
      __VA_ARGS__; \
      ASSERT_FAILS (fx, code, submit_survey, bad); \
      g_clear_pointer (&bad, wk_survey_request_free); \
    } G_STMT_END

    TRY (WK_ERROR_INVALID, bad->score = 0);
    TRY (WK_ERROR_INVALID, bad->score = 6);
    TRY (WK_ERROR_INVALID, g_free (bad->uuid); bad->uuid = g_strdup ("x"));
    TRY (WK_ERROR_INVALID, bad->tags = g_strsplit ("speed,vibes", ",", -1));
    TRY (WK_ERROR_INVALID, bad->comment = g_strdup (long_comment));
    TRY (WK_ERROR_INVALID, bad->language = g_strdup ("?"));
    TRY (WK_ERROR_INVALID, bad->resolved = 9);
    TRY (WK_ERROR_NOT_FOUND, bad->visit_id = 999);
    TRY (WK_ERROR_NOT_FOUND, bad->ticket_id = 999);
    TRY (WK_ERROR_NOT_FOUND, bad->lounge_id = 999);
    TRY (WK_ERROR_NOT_FOUND, bad->person_id = 999);
#undef TRY
  }
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM survey"), ==, 3);

  /* feedback: lowest first */
  feedback = CALL (fx, &error, list_feedback, query);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (feedback), ==, 3);
  {
    g_autoptr(WkSurvey) first = g_list_model_get_item (feedback, 0);
    g_autoptr(WkSurvey) last = g_list_model_get_item (feedback, 2);

    g_assert_cmpint (wk_survey_get_score (first), ==, 1);
    g_assert_cmpint (wk_survey_get_score (last), ==, 5);
  }
  query->followup_status = WK_FOLLOWUP_STATUS_NEEDED;
  needing = CALL (fx, &error, list_feedback, query);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (needing), ==, 1);
  query->followup_status = -1;
  query->max_score = 9;
  ASSERT_FAILS (fx, WK_ERROR_INVALID, list_feedback, query);
  query->max_score = 0;
  query->from = 100;
  query->to = 50;
  ASSERT_FAILS (fx, WK_ERROR_INVALID, list_feedback, query);

  /* follow-up: needed → contacted → closed */
  ASSERT_FAILS (fx, WK_ERROR_INVALID, set_followup, wk_survey_get_id (low_survey), WK_FOLLOWUP_STATUS_NONE, LEA, NULL);
  ASSERT_FAILS (fx, WK_ERROR_FORBIDDEN, set_followup, wk_survey_get_id (low_survey), WK_FOLLOWUP_STATUS_CONTACTED, PRIYA, NULL);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, set_followup, 999, WK_FOLLOWUP_STATUS_CONTACTED, LEA, NULL);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, set_followup, wk_survey_get_id (low_survey), WK_FOLLOWUP_STATUS_CONTACTED, 0, NULL);
  contacted = CALL (fx, &error, set_followup, wk_survey_get_id (low_survey), WK_FOLLOWUP_STATUS_CONTACTED, LEA, "Called her back");
  g_assert_no_error (error);
  g_assert_cmpint (wk_survey_get_followup_status (contacted), ==, WK_FOLLOWUP_STATUS_CONTACTED);
  g_assert_cmpint (wk_survey_get_followup_by (contacted), ==, LEA);
  g_assert_cmpstr (wk_survey_get_followup_note (contacted), ==, "Called her back");
  closed = CALL (fx, &error, set_followup, wk_survey_get_id (low_survey), WK_FOLLOWUP_STATUS_CLOSED, LEA, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (wk_survey_get_followup_status (closed), ==, WK_FOLLOWUP_STATUS_CLOSED);
  g_assert_cmpstr (wk_survey_get_followup_note (closed), ==, "Called her back");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, set_followup, wk_survey_get_id (low_survey), WK_FOLLOWUP_STATUS_NEEDED, LEA, NULL);
  needed = CALL (fx, &error, set_followup, wk_survey_get_id (survey), WK_FOLLOWUP_STATUS_NEEDED, LEA, NULL);
  g_assert_no_error (error);

  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'survey.submitted'"), ==, 3);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM event WHERE kind = 'survey.followup'"), ==, 3);
}

/* ---- metrics, announcements, lounges --------------------------------------------- */

static void
test_metrics (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkCheckInRequest) ci = wk_test_person_request (PRIYA, WK_IDENTIFIED_BY_BADGE, "hardware");
  g_autoptr(WkVisit) visit = wk_test_check_in_ok (fx->desk, ci);
  g_autoptr(WkVisit) called = NULL;
  g_autoptr(WkVisit) done = NULL;
  g_autoptr(WkMetrics) metrics = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  WkMetricsQuery query = { .from = now - 3600, .to = now + 3600, .lounge_id = LOUNGE_MAIN };
  WkMetricsQuery backwards = { .from = now, .to = now - 10 };

  called = CALL (fx, &error, pick_up, wk_visit_get_id (visit), 0, ALEX, "Desk 1");
  g_assert_no_error (error);
  done = CALL (fx, &error, finish_visit, wk_visit_get_id (visit), 0, ALEX, WK_OUTCOME_RESOLVED_FIRST_CONTACT);
  g_assert_no_error (error);

  metrics = CALL (fx, &error, get_metrics, &query);
  g_assert_no_error (error);
  g_assert_cmpuint (metrics->visits, ==, 1);
  g_assert_cmpuint (metrics->finished, ==, 1);
  g_assert_cmpfloat (metrics->fcr, ==, 1.0);

  ASSERT_FAILS (fx, WK_ERROR_INVALID, get_metrics, &backwards);
}

static void
test_announcements_and_lounges (Fixture       *fx,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) main_news = NULL;
  g_autoptr(GListModel) side_news = NULL;
  g_autoptr(GListModel) lounges = NULL;
  g_autoptr(WkLounge) main_lounge = NULL;
  g_autoptr(WkAnnouncement) newest = NULL;

  main_news = CALL (fx, &error, list_announcements, LOUNGE_MAIN, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (main_news), ==, 2);
  newest = g_list_model_get_item (main_news, 0);
  g_assert_cmpstr (wk_announcement_get_title (newest), ==, "Holiday hours");
  g_assert_cmpint (wk_announcement_get_lounge_id (newest), ==, 0);

  side_news = CALL (fx, &error, list_announcements, LOUNGE_SIDE, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (side_news), ==, 2);
  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, list_announcements, 99, 0);

  lounges = CALL (fx, &error, list_lounges);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (lounges), ==, 2);
  main_lounge = g_list_model_get_item (lounges, 0);
  g_assert_cmpstr (wk_lounge_get_name (main_lounge), ==, "Main Lounge");
  g_assert_cmpstr (wk_lounge_get_timezone (main_lounge), ==, "Europe/Berlin");
  g_assert_cmpstr (wk_lounge_get_phone (main_lounge), ==, "+49 30 1234");
  g_assert_cmpstrv (wk_lounge_get_desks (main_lounge), ((const char *[]) { "Desk 1", "Desk 2", NULL }));
}

/* ---- events ------------------------------------------------------------------------- */

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
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) resumed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GListModel) tail = NULL;
  guint from_start_id, live_id, resumed_id;
  guint signalled = 0;
  gulong handler;
  gint64 cursor;

  /* two events before anyone listens */
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(WkCheckInRequest) r = wk_test_guest_request ("Early Bird");
      g_autoptr(WkVisit) v = wk_test_check_in_ok (fx->desk, r);
    }

  handler = g_signal_connect (fx->desk, "event", G_CALLBACK (signal_event_cb), &signalled);
  from_start_id = wk_desk_subscribe (fx->desk, 0, collect_event_cb, g_ptr_array_ref (from_start),
                                     (GDestroyNotify) g_ptr_array_unref);
  live_id = wk_desk_subscribe (fx->desk, -1, collect_event_cb, g_ptr_array_ref (live),
                               (GDestroyNotify) g_ptr_array_unref);

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(WkCheckInRequest) r = wk_test_guest_request ("Late Bird");
      g_autoptr(WkVisit) v = wk_test_check_in_ok (fx->desk, r);
    }
  while (from_start->len < 5 || live->len < 3 || signalled < 3)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (from_start->len, ==, 5);
  g_assert_cmpuint (live->len, ==, 3);
  g_assert_cmpuint (signalled, ==, 3);
  for (guint i = 1; i < from_start->len; i++)
    g_assert_cmpint (wk_event_get_id (g_ptr_array_index (from_start, i)), >,
                     wk_event_get_id (g_ptr_array_index (from_start, i - 1)));
  {
    WkEvent *e = g_ptr_array_index (live, 0);

    g_assert_cmpstr (wk_event_get_kind (e), ==, "visit.checked_in");
    g_assert_cmpstr (wk_event_get_entity (e), ==, "visit");
    g_assert_cmpint (wk_event_get_entity_id (e), ==, 3);
    g_assert_true (g_str_has_prefix (wk_event_get_payload (e), "{\"visit_id\":3,"));
    g_assert_cmpint (wk_event_get_at (e), >, 0);
  }

  /* resume from a cursor: exactly the events after it */
  cursor = wk_event_get_id (g_ptr_array_index (from_start, 2));
  resumed_id = wk_desk_subscribe (fx->desk, cursor, collect_event_cb, g_ptr_array_ref (resumed),
                                  (GDestroyNotify) g_ptr_array_unref);
  while (resumed->len < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (wk_event_get_id (g_ptr_array_index (resumed, 0)), ==, cursor + 1);

  listed = CALL (fx, &error, list_events, 0, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 5);
  tail = CALL (fx, &error, list_events, cursor, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tail), ==, 1);

  wk_desk_unsubscribe (fx->desk, from_start_id);
  wk_desk_unsubscribe (fx->desk, live_id);
  {
    g_autoptr(WkCheckInRequest) r = wk_test_guest_request ("After Hours");
    g_autoptr(WkVisit) v = wk_test_check_in_ok (fx->desk, r);
  }
  while (resumed->len < 3)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (from_start->len, ==, 5);
  g_assert_cmpuint (live->len, ==, 3);
  wk_desk_unsubscribe (fx->desk, resumed_id);
  g_signal_handler_disconnect (fx->desk, handler);
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @events holds @n, or @seconds pass. */
static void
wait_for_events (GPtrArray *events,
                 guint      n,
                 int        seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (events->len < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

/* Another program on the same database file (here: a second store and desk,
 * so a second SQLite connection the first desk knows nothing of). */
static void
test_events_from_others (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) live = g_ptr_array_new_with_free_func (g_object_unref);
  Fixture other = { fx->path, NULL, NULL };
  guint live_id;

  other.store = wk_store_new (fx->path, NULL, &error);
  g_assert_no_error (error);
  other.desk = WK_DESK (wk_local_desk_new (other.store));

  /* the desk has taken note of where the log stands */
  {
    g_autoptr(WkCheckInRequest) r = wk_test_guest_request ("Before Anyone Listens");
    g_autoptr(WkVisit) v = wk_test_check_in_ok (fx->desk, r);
  }
  live_id = wk_desk_subscribe (fx->desk, -1, collect_event_cb, g_ptr_array_ref (live),
                               (GDestroyNotify) g_ptr_array_unref);

  /* written elsewhere: heard once the file changes */
  for (int i = 0; i < 2; i++)
    {
      g_autoptr(WkCheckInRequest) r = wk_test_guest_request ("Kiosk Walk-In");
      g_autoptr(WkVisit) v = wk_test_check_in_ok (other.desk, r);
    }
  wait_for_events (live, 2, 10);
  g_assert_cmpuint (live->len, ==, 2);
  g_assert_cmpstr (wk_event_get_kind (g_ptr_array_index (live, 0)), ==, "visit.checked_in");

  /* written elsewhere and then here at once: both, in log order, once each */
  {
    g_autoptr(WkCheckInRequest) there = wk_test_guest_request ("Kiosk Walk-In");
    g_autoptr(WkCheckInRequest) here = wk_test_guest_request ("Laptop Walk-In");
    g_autoptr(WkVisit) v1 = wk_test_check_in_ok (other.desk, there);
    g_autoptr(WkVisit) v2 = wk_test_check_in_ok (fx->desk, here);
  }
  wait_for_events (live, 4, 10);
  /* anything late or doubled would show now */
  wait_for_events (live, 5, 1);
  g_assert_cmpuint (live->len, ==, 4);
  for (guint i = 1; i < live->len; i++)
    g_assert_cmpint (wk_event_get_id (g_ptr_array_index (live, i)), ==,
                     wk_event_get_id (g_ptr_array_index (live, i - 1)) + 1);
  g_assert_cmpint (wk_event_get_id (g_ptr_array_index (live, 3)), ==,
                   wk_test_count (fx->path, "SELECT max (id) FROM event"));

  wk_desk_unsubscribe (fx->desk, live_id);
  wk_store_close (other.store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (other.desk);
  g_assert_finalize_object (other.store);
}

/* ---- sign in -------------------------------------------------------------------- */

static void
test_sign_in (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkSession) by_email = NULL;
  g_autoptr(WkSession) by_username = NULL;

  by_email = CALL (fx, &error, sign_in, "Alex.Chen@example.com", "secret-pass");
  g_assert_no_error (error);
  g_assert_cmpint (wk_person_get_id (wk_session_get_person (by_email)), ==, ALEX);
  g_assert_cmpint (wk_session_get_role (by_email), ==, WK_ROLE_ENGINEER);
  g_assert_cmpuint (strlen (wk_session_get_token (by_email)), >=, 32);

  by_username = CALL (fx, &error, sign_in, "lea", "secret-pass");
  g_assert_no_error (error);
  g_assert_cmpint (wk_session_get_role (by_username), ==, WK_ROLE_LEAD);
  g_assert_cmpstr (wk_session_get_token (by_username), !=, wk_session_get_token (by_email));

  ASSERT_FAILS (fx, WK_ERROR_UNAUTHORIZED, sign_in, "alex", "wrong");
  ASSERT_FAILS (fx, WK_ERROR_UNAUTHORIZED, sign_in, "nobody", "secret-pass");
  ASSERT_FAILS (fx, WK_ERROR_UNAUTHORIZED, sign_in, "racer1", "secret-pass");
  ASSERT_FAILS (fx, WK_ERROR_FORBIDDEN, sign_in, "vic@example.com", "secret-pass");
  ASSERT_FAILS (fx, WK_ERROR_FORBIDDEN, sign_in, "priya.sharma@example.com", "anything");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, sign_in, "", "x");
  ASSERT_FAILS (fx, WK_ERROR_INVALID, sign_in, "alex", "");
}

/* ---- cancellation ------------------------------------------------------------- */

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

/* ---- wait estimate ------------------------------------------------------------ */

static int
estimate (Fixture  *fx,
          gint64    lounge_id,
          guint    *people,
          GError  **error)
{
  GAsyncResult *result = NULL;
  int minutes;

  wk_desk_estimate_wait_async (fx->desk, lounge_id, NULL, wk_test_got_result_cb, &result);
  wk_test_wait_for (&result);
  minutes = wk_desk_estimate_wait_finish (fx->desk, result, people, error);
  g_object_unref (result);
  return minutes;
}

static void
test_estimate_wait (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint people = 99;
  int minutes;

  /* nobody waiting: no wait */
  minutes = estimate (fx, LOUNGE_MAIN, &people, &error);
  g_assert_no_error (error);
  g_assert_cmpint (minutes, ==, 0);
  g_assert_cmpuint (people, ==, 0);

  /* two waiting, no history: the default service time (10 min) each, one engineer */
  {
    g_autoptr(WkCheckInRequest) a = wk_test_guest_request ("Ana Guest");
    g_autoptr(WkCheckInRequest) b = wk_test_guest_request ("Ben Guest");
    g_autoptr(WkVisit) va = wk_test_check_in_ok (fx->desk, a);
    g_autoptr(WkVisit) vb = wk_test_check_in_ok (fx->desk, b);
  }
  minutes = estimate (fx, LOUNGE_MAIN, &people, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people, ==, 2);
  g_assert_cmpint (minutes, ==, 2 * WK_ESTIMATE_DEFAULT_SERVICE_S / 60);

  /* the other lounge is unaffected */
  minutes = estimate (fx, LOUNGE_MAIN + 1, &people, &error);
  g_assert_no_error (error);
  g_assert_cmpint (minutes, ==, 0);
  g_assert_cmpuint (people, ==, 0);

  /* unknown and invalid lounges */
  minutes = estimate (fx, 4242, NULL, &error);
  g_assert_cmpint (minutes, ==, -1);
  g_assert_error (error, WK_ERROR, WK_ERROR_NOT_FOUND);
  g_clear_error (&error);
  minutes = estimate (fx, 0, NULL, &error);
  g_assert_cmpint (minutes, ==, -1);
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
}

/* ---- visits and staff for the review face ----------------------------------- */

static void
test_visits_and_staff (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkCheckInRequest) ci = wk_test_person_request (PRIYA, WK_IDENTIFIED_BY_BADGE, "hardware");
  g_autoptr(WkCheckInRequest) gi = wk_test_guest_request ("Günther Gast");
  g_autoptr(WkVisit) priya = NULL;
  g_autoptr(WkVisit) guest = NULL;
  g_autoptr(WkVisit) called = NULL;
  g_autoptr(WkVisit) done = NULL;
  g_autoptr(WkVisit) got = NULL;
  g_autoptr(WkVisit) guest_got = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) alex = NULL;
  g_autoptr(GListModel) side = NULL;
  g_autoptr(GListModel) page = NULL;
  g_autoptr(GListModel) staff = NULL;
  g_autoptr(WkSurveyRequest) anon = NULL;
  g_autoptr(WkSurveyRequest) consent = NULL;
  g_autoptr(WkSurvey) survey = NULL;
  WkVisitQuery query = { 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 events;

  gi->guest_email = g_strdup ("gast@example.com");
  priya = wk_test_check_in_ok (fx->desk, ci);
  guest = wk_test_check_in_ok (fx->desk, gi);
  called = CALL (fx, &error, pick_up, wk_visit_get_id (priya), 0, ALEX, "Desk 1");
  g_assert_no_error (error);
  done = CALL (fx, &error, finish_visit, wk_visit_get_id (priya), 0, ALEX, WK_OUTCOME_RESOLVED_FIRST_CONTACT);
  g_assert_no_error (error);

  /* every status, oldest first; reading writes nothing */
  events = N_EVENTS (fx);
  query.from = now - 60;
  query.to = now + 60;
  all = CALL (fx, &error, list_visits, &query);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  {
    g_autoptr(WkVisit) first = g_list_model_get_item (all, 0);
    g_autoptr(WkVisit) second = g_list_model_get_item (all, 1);

    g_assert_cmpint (wk_visit_get_id (first), ==, wk_visit_get_id (priya));
    g_assert_cmpint (wk_visit_get_status (first), ==, WK_VISIT_STATUS_DONE);
    g_assert_cmpstr (wk_visit_get_engineer_name (first), ==, "Alex Chen");
    g_assert_cmpstr (wk_visit_get_desk (first), ==, "Desk 1");
    g_assert_cmpint (wk_visit_get_outcome (first), ==, WK_OUTCOME_RESOLVED_FIRST_CONTACT);
    g_assert_null (wk_visit_get_contact_email (first));
    g_assert_cmpint (wk_visit_get_id (second), ==, wk_visit_get_id (guest));
    g_assert_cmpint (wk_visit_get_status (second), ==, WK_VISIT_STATUS_WAITING);
    g_assert_null (wk_visit_get_contact_email (second));
  }
  g_assert_cmpint (N_EVENTS (fx), ==, events);

  /* filters: engineer, lounge, range, paging */
  query.engineer_id = ALEX;
  alex = CALL (fx, &error, list_visits, &query);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (alex), ==, 1);
  query.engineer_id = 0;
  query.lounge_id = LOUNGE_SIDE;
  side = CALL (fx, &error, list_visits, &query);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (side), ==, 0);
  query.lounge_id = LOUNGE_MAIN;
  query.limit = 1;
  query.offset = 1;
  page = CALL (fx, &error, list_visits, &query);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (page), ==, 1);
  {
    g_autoptr(WkVisit) only = g_list_model_get_item (page, 0);
    g_assert_cmpint (wk_visit_get_id (only), ==, wk_visit_get_id (guest));
  }
  query.from = now + 60;
  query.to = now + 60;
  ASSERT_FAILS (fx, WK_ERROR_INVALID, list_visits, &query);
  query.from = now - 60;
  query.lounge_id = -1;
  ASSERT_FAILS (fx, WK_ERROR_INVALID, list_visits, &query);

  /* one visit: no contact email until a survey agrees to be contacted */
  got = CALL (fx, &error, get_visit, wk_visit_get_id (priya));
  g_assert_no_error (error);
  g_assert_cmpint (wk_visit_get_id (got), ==, wk_visit_get_id (priya));
  g_assert_cmpstr (wk_visit_get_person_name (got), ==, "Priya Sharma");
  g_assert_cmpstr (wk_visit_get_ticket_ref (got), ==, NULL);
  g_assert_null (wk_visit_get_contact_email (got));
  anon = survey_request (wk_visit_get_id (priya), 1);
  anon->contact_consent = TRUE;
  anon->anonymous = TRUE;
  survey = CALL (fx, &error, submit_survey, anon);
  g_assert_no_error (error);
  g_clear_object (&got);
  got = CALL (fx, &error, get_visit, wk_visit_get_id (priya));
  g_assert_no_error (error);
  g_assert_null (wk_visit_get_contact_email (got));   /* anonymous stays anonymous */

  consent = survey_request (wk_visit_get_id (guest), 2);
  consent->contact_consent = TRUE;
  g_clear_object (&survey);
  survey = CALL (fx, &error, submit_survey, consent);
  g_assert_no_error (error);
  guest_got = CALL (fx, &error, get_visit, wk_visit_get_id (guest));
  g_assert_no_error (error);
  g_assert_cmpstr (wk_visit_get_contact_email (guest_got), ==, "gast@example.com");
  g_assert_cmpstr (wk_visit_get_person_name (guest_got), ==, "Günther Gast");

  ASSERT_FAILS (fx, WK_ERROR_NOT_FOUND, get_visit, 9999);
  ASSERT_FAILS (fx, WK_ERROR_INVALID, get_visit, 0);

  /* staff: engineers, leads and admins by name, never visitors */
  staff = CALL (fx, &error, list_staff);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (staff), ==, 3 + N_RACERS);
  {
    g_autoptr(WkPerson) first = g_list_model_get_item (staff, 0);
    g_autoptr(WkPerson) second = g_list_model_get_item (staff, 1);

    g_assert_cmpstr (wk_person_get_display_name (first), ==, "Alex Chen");
    g_assert_cmpstr (wk_person_get_display_name (second), ==, "Bo Li");
  }
  for (guint i = 0; i < g_list_model_get_n_items (staff); i++)
    {
      g_autoptr(WkPerson) person = g_list_model_get_item (staff, i);

      g_assert_cmpint (wk_person_get_role (person), !=, WK_ROLE_VISITOR);
    }
}

/* Check-ins queued together share one transaction, yet each has its own
 * outcome: a bad one fails alone, a repeated UUID is the same visit, and
 * the events reach subscribers once, in log order, after the COMMIT. */
static void
test_check_in_batch (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WkCheckInRequest) a = wk_test_guest_request ("Batch A");
  g_autoptr(WkCheckInRequest) bad = wk_test_guest_request ("Batch Nowhere");
  g_autoptr(WkCheckInRequest) b = wk_test_guest_request ("Batch B");
  g_autoptr(WkCheckInRequest) c = wk_test_guest_request ("Batch C");
  WkCheckInRequest *requests[] = { a, bad, b, a, c };
  GAsyncResult *results[G_N_ELEMENTS (requests)] = { NULL, };
  WkVisit *visits[G_N_ELEMENTS (requests)] = { NULL, };
  WkTestGate *gate;
  gint64 events_before = N_EVENTS (fx);
  guint sub;

  bad->lounge_id = 99;

  /* listening from the start of the log: caught up before the gate */
  sub = wk_desk_subscribe (fx->desk, 0, collect_event_cb, g_ptr_array_ref (events),
                           (GDestroyNotify) g_ptr_array_unref);
  wait_for_events (events, events_before, 10);
  g_assert_cmpuint (events->len, ==, events_before);

  gate = wk_test_gate_new (fx->store);
  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    wk_desk_check_in_async (fx->desk, requests[i], NULL, wk_test_got_result_cb, &results[i]);
  wk_test_gate_open (gate);

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      wk_test_wait_for (&results[i]);
      visits[i] = wk_desk_check_in_finish (fx->desk, results[i], &error);
      if (i == 1)
        {
          g_assert_error (error, WK_ERROR, WK_ERROR_NOT_FOUND);
          g_assert_null (visits[i]);
          g_clear_error (&error);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_nonnull (visits[i]);
        }
      g_object_unref (results[i]);
    }
  /* one transaction for all five */
  g_assert_cmpuint (wk_test_gate_get_commits (gate), ==, 1);
  wk_test_gate_free (gate);

  /* the repeated UUID is the same visit; the queue follows the order sent */
  g_assert_cmpint (wk_visit_get_id (visits[3]), ==, wk_visit_get_id (visits[0]));
  g_assert_cmpint (wk_visit_get_id (visits[2]), ==, wk_visit_get_id (visits[0]) + 1);
  g_assert_cmpint (wk_visit_get_id (visits[4]), ==, wk_visit_get_id (visits[2]) + 1);
  g_assert_cmpuint (wk_visit_get_position (visits[2]), ==, wk_visit_get_position (visits[0]) + 1);
  g_assert_cmpuint (wk_visit_get_position (visits[4]), ==, wk_visit_get_position (visits[2]) + 1);
  g_assert_cmpint (wk_test_count (fx->path, "SELECT COUNT(*) FROM visit WHERE guest_name LIKE 'Batch %'"), ==, 3);

  /* three events, one per new visit, in order, each once */
  wait_for_events (events, events_before + 3, 10);
  wait_for_events (events, events_before + 4, 1);
  g_assert_cmpuint (events->len, ==, events_before + 3);
  g_assert_cmpint (N_EVENTS (fx), ==, events_before + 3);
  for (guint i = 0; i < 3; i++)
    {
      WkEvent *e = g_ptr_array_index (events, events_before + i);
      WkVisit *v = visits[(guint[]) { 0, 2, 4 }[i]];

      g_assert_cmpstr (wk_event_get_kind (e), ==, "visit.checked_in");
      g_assert_cmpint (wk_event_get_entity_id (e), ==, wk_visit_get_id (v));
      if (i > 0)
        g_assert_cmpint (wk_event_get_id (e), ==,
                         wk_event_get_id (g_ptr_array_index (events, events_before + i - 1)) + 1);
    }

  wk_desk_unsubscribe (fx->desk, sub);
  for (guint i = 0; i < G_N_ELEMENTS (visits); i++)
    g_clear_object (&visits[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/desk/identify", test_identify);
  ADD ("/desk/check-in", test_check_in);
  ADD ("/desk/check-in/idempotent", test_check_in_idempotent);
  ADD ("/desk/check-in/invalid", test_check_in_invalid);
  ADD ("/desk/check-in/batch", test_check_in_batch);
  ADD ("/desk/queue-and-moves", test_queue_and_moves);
  ADD ("/desk/pick-up/race", test_pick_up_race);
  ADD ("/desk/tickets", test_tickets);
  ADD ("/desk/hardware", test_hardware);
  ADD ("/desk/surveys", test_surveys);
  ADD ("/desk/metrics", test_metrics);
  ADD ("/desk/announcements-and-lounges", test_announcements_and_lounges);
  ADD ("/desk/events", test_events);
  ADD ("/desk/events/from-others", test_events_from_others);
  ADD ("/desk/sign-in", test_sign_in);
  ADD ("/desk/cancelled", test_cancelled);
  ADD ("/desk/estimate-wait", test_estimate_wait);
  ADD ("/desk/visits-and-staff", test_visits_and_staff);

#undef ADD

  return g_test_run ();
}
