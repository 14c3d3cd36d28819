/* test-upstream-lookup.c — identify in front of an upstream, without a network
 *
 * WkLocalDesk with a WkUpstreamLookup over a fake WkUpstream that answers
 * find_tickets from a list, late, or with an error: the merge, the cache,
 * the time budget, the local copy when the upstream fails, and local
 * changes that are not yet delivered surviving a merge.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-error.h"
#include "wk-local-desk.h"
#include "wk-upstream-lookup.h"
#include "wk-upstream.h"

#include <gio/gio.h>
#include <sqlite3.h>

/* ---- a fake upstream ---------------------------------------------------------------- */

#define TEST_TYPE_FAKE_UPSTREAM (test_fake_upstream_get_type ())
G_DECLARE_FINAL_TYPE (TestFakeUpstream, test_fake_upstream, TEST, FAKE_UPSTREAM, GObject)

struct _TestFakeUpstream
{
  GObject    parent_instance;
  GPtrArray *tickets;     /* what find_tickets answers */
  guint      delay_ms;
  int        fail_code;   /* -1: answer; else a WK_ERROR code */
  guint      calls;
};

static void test_fake_upstream_iface_init (WkUpstreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestFakeUpstream, test_fake_upstream, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WK_TYPE_UPSTREAM, test_fake_upstream_iface_init))

static const char *
fake_get_system (WkUpstream *upstream)
{
  return "fake";
}

static gboolean
fake_answer_cb (gpointer data)
{
  GTask *task = data;
  TestFakeUpstream *self = g_task_get_source_object (task);
  GPtrArray *copy;

  if (self->fail_code >= 0)
    {
      g_task_return_new_error (task, WK_ERROR, self->fail_code, "fake failure");
      return G_SOURCE_REMOVE;
    }
  copy = g_ptr_array_new_with_free_func ((GDestroyNotify) wk_upstream_ticket_free);
  for (guint i = 0; i < self->tickets->len; i++)
    g_ptr_array_add (copy, wk_upstream_ticket_copy (g_ptr_array_index (self->tickets, i)));
  g_task_return_pointer (task, copy, (GDestroyNotify) g_ptr_array_unref);
  return G_SOURCE_REMOVE;
}

static void
fake_find_tickets (WkUpstream          *upstream,
                   const char          *email,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  TestFakeUpstream *self = TEST_FAKE_UPSTREAM (upstream);
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, wk_upstream_find_tickets_async);
  self->calls++;
  g_timeout_add_full (G_PRIORITY_DEFAULT, self->delay_ms, fake_answer_cb, task, g_object_unref);
}

static void
fake_finalize (GObject *object)
{
  TestFakeUpstream *self = TEST_FAKE_UPSTREAM (object);

  g_ptr_array_unref (self->tickets);
  G_OBJECT_CLASS (test_fake_upstream_parent_class)->finalize (object);
}

static void
test_fake_upstream_class_init (TestFakeUpstreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fake_finalize;
}

static void
test_fake_upstream_init (TestFakeUpstream *self)
{
  self->tickets = g_ptr_array_new_with_free_func ((GDestroyNotify) wk_upstream_ticket_free);
  self->fail_code = -1;
}

static void
test_fake_upstream_iface_init (WkUpstreamInterface *iface)
{
  iface->get_system = fake_get_system;
  iface->find_tickets = fake_find_tickets;
}

static WkUpstreamTicket *
fake_ticket (const char     *id,
             const char     *subject,
             WkTicketStatus  status,
             gint64          updated_at)
{
  WkUpstreamTicket *ticket = wk_upstream_ticket_new ();

  ticket->id = g_strdup (id);
  ticket->ref = g_strdup_printf ("FK-%s", id);
  ticket->subject = g_strdup (subject);
  ticket->status = status;
  ticket->requester_email = g_strdup ("priya@example.com");
  ticket->category = g_strdup ("hardware");
  ticket->created_at = updated_at;
  ticket->updated_at = updated_at;
  return ticket;
}

/* ---- fixture -------------------------------------------------------------------------- */

typedef struct {
  char             *path;
  WkStore          *store;
  WkLocalDesk      *desk;
  TestFakeUpstream *upstream;
  WkUpstreamLookup *lookup;
} Fixture;

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

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  static guint counter = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("lookup-%u.db", ++counter);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  fx->path = g_build_filename (g_get_user_data_dir (), name, NULL);
  fx->store = wk_store_new (fx->path, NULL, &error);
  g_assert_no_error (error);
  exec_ok (fx,
           "INSERT INTO lounge (id, name) VALUES (1, 'Main Lounge');"
           "INSERT INTO person (id, badge_id, email, display_name, role, created_at, updated_at)"
           " VALUES (1, '100200', 'Priya@example.com', 'Priya Sharma', 'visitor', 0, 0);"
           "INSERT INTO person (id, email, username, display_name, role, created_at, updated_at)"
           " VALUES (2, 'alex@example.com', 'alex', 'Alex Chen', 'engineer', 0, 0);"
           "INSERT INTO ticket (id, ref, requester_id, subject, status, created_at, updated_at)"
           " VALUES (1, 'WK-10001', 1, 'A local one', 'open', 1, 1);");

  fx->desk = wk_local_desk_new (fx->store);
  fx->upstream = g_object_new (TEST_TYPE_FAKE_UPSTREAM, NULL);
  fx->lookup = wk_upstream_lookup_new (WK_UPSTREAM (fx->upstream), 200, 30);
  wk_local_desk_set_upstream_lookup (fx->desk, fx->lookup);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_object (&fx->lookup);
  g_clear_object (&fx->upstream);
  g_clear_object (&fx->desk);
  wk_store_close (fx->store);
  g_clear_object (&fx->store);
  g_free (fx->path);
}

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

static WkIdentity *
identify (Fixture *fx,
          gint64  *took_ms)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  WkIdentity *identity;

  wk_desk_identify_async (WK_DESK (fx->desk), WK_IDENTIFIED_BY_BADGE, "100200", NULL,
                          got_result_cb, &result);
  identity = wk_desk_identify_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);
  if (took_ms != NULL)
    *took_ms = (g_get_monotonic_time () - start) / 1000;
  return identity;
}

static guint
n_tickets (WkIdentity *identity)
{
  return g_list_model_get_n_items (wk_identity_get_tickets (identity));
}

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* ---- tests ---------------------------------------------------------------------------- */

static void
test_merge_and_cache (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(WkIdentity) first = NULL;
  g_autoptr(WkIdentity) second = NULL;
  g_autoptr(WkIdentity) third = NULL;
  g_autoptr(WkTicket) top = NULL;

  g_ptr_array_add (fx->upstream->tickets, fake_ticket ("7", "Phone call ticket", WK_TICKET_STATUS_OPEN, 1000));
  ((WkUpstreamTicket *) g_ptr_array_index (fx->upstream->tickets, 0))->owner = g_strdup ("alex");

  first = identify (fx, NULL);
  g_assert_cmpuint (n_tickets (first), ==, 2);
  top = g_list_model_get_item (wk_identity_get_tickets (first), 0);
  g_assert_cmpstr (wk_ticket_get_upstream_id (top), ==, "7");
  g_assert_cmpstr (wk_ticket_get_ref (top), ==, "FK-7");
  g_assert_cmpstr (wk_ticket_get_category (top), ==, "hardware");
  g_assert_cmpint (wk_ticket_get_assignee_id (top), ==, 2);
  g_assert_cmpint (wk_ticket_get_requester_id (top), ==, 1);
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM event WHERE actor = 'upstream:fake'"
                                  " AND kind = 'ticket.created'"), ==, 1);

  /* within the cache time: no second request, no second row, no new event */
  second = identify (fx, NULL);
  g_assert_cmpuint (n_tickets (second), ==, 2);
  g_assert_cmpuint (fx->upstream->calls, ==, 1);
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM event"), ==, 1);

  /* changed upstream (after the cache is dropped): updated, with an event */
  wk_upstream_lookup_forget (fx->lookup);
  g_free (((WkUpstreamTicket *) g_ptr_array_index (fx->upstream->tickets, 0))->subject);
  ((WkUpstreamTicket *) g_ptr_array_index (fx->upstream->tickets, 0))->subject = g_strdup ("Phone call, edited");
  ((WkUpstreamTicket *) g_ptr_array_index (fx->upstream->tickets, 0))->updated_at = 2000;
  third = identify (fx, NULL);
  g_assert_cmpuint (fx->upstream->calls, ==, 2);
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM event WHERE actor = 'upstream:fake'"
                                  " AND kind = 'ticket.updated'"), ==, 1);
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM ticket WHERE subject = 'Phone call, edited'"
                                  " AND upstream_updated_at = 2000 AND version = 2"), ==, 1);
}

static void
test_slow_answers_locally (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(WkIdentity) first = NULL;
  g_autoptr(WkIdentity) second = NULL;
  gint64 took;

  g_ptr_array_add (fx->upstream->tickets, fake_ticket ("8", "Slow one", WK_TICKET_STATUS_NEW, 1000));
  fx->upstream->delay_ms = 1000;

  /* over the budget (200 ms): the local copy, at once */
  first = identify (fx, &took);
  g_test_message ("slow upstream: identify took %" G_GINT64_FORMAT " ms", took);
  g_assert_cmpint (took, <, 900);
  g_assert_cmpuint (n_tickets (first), ==, 1);

  /* the late answer lands in the cache: the next identify has it */
  spin (1200);
  second = identify (fx, &took);
  g_assert_cmpuint (n_tickets (second), ==, 2);
  g_assert_cmpuint (fx->upstream->calls, ==, 1);
}

static void
test_down_answers_locally (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(WkIdentity) first = NULL;
  g_autoptr(WkIdentity) second = NULL;

  fx->upstream->fail_code = WK_ERROR_UNAVAILABLE;
  first = identify (fx, NULL);
  g_assert_cmpuint (n_tickets (first), ==, 1);

  /* a failure a moment ago: not asked again for the cache time */
  second = identify (fx, NULL);
  g_assert_cmpuint (n_tickets (second), ==, 1);
  g_assert_cmpuint (fx->upstream->calls, ==, 1);

  /* a refusal that is not an outage (here: unauthorized) answers locally too */
  wk_upstream_lookup_forget (fx->lookup);
  fx->upstream->fail_code = WK_ERROR_UNAUTHORIZED;
  g_clear_object (&first);
  first = identify (fx, NULL);
  g_assert_cmpuint (n_tickets (first), ==, 1);
}

static void
test_undelivered_kept (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(WkIdentity) first = NULL;
  g_autoptr(WkIdentity) second = NULL;
  g_autoptr(WkTicketUpdate) update = wk_ticket_update_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WkTicket) edited = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_ptr_array_add (fx->upstream->tickets, fake_ticket ("9", "Mirror me", WK_TICKET_STATUS_OPEN, 1000));
  first = identify (fx, NULL);
  id = query_int (fx, "SELECT id FROM ticket WHERE upstream_id = '9'");

  /* a sync is running and has seen everything so far */
  exec_ok (fx, "INSERT INTO upstream_cursor (system, last_event_id) SELECT 'fake', MAX (id) FROM event");

  /* an engineer resolves it here; the sync has not delivered it yet */
  update->status = WK_TICKET_STATUS_RESOLVED;
  wk_desk_update_ticket_async (WK_DESK (fx->desk), id, 0, update, 2, NULL, got_result_cb, &result);
  edited = wk_desk_update_ticket_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_no_error (error);

  /* upstream still says open, and changed otherwise: ours stays */
  wk_upstream_lookup_forget (fx->lookup);
  ((WkUpstreamTicket *) g_ptr_array_index (fx->upstream->tickets, 0))->updated_at = 3000;
  second = identify (fx, NULL);
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM ticket WHERE upstream_id = '9'"
                                  " AND status = 'resolved'"), ==, 1);
  g_assert_cmpuint (n_tickets (second), ==, 1);
}

static void
test_gone_upstream_resolved (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(WkIdentity) first = NULL;
  g_autoptr(WkIdentity) second = NULL;

  g_ptr_array_add (fx->upstream->tickets, fake_ticket ("11", "Resolved by phone later", WK_TICKET_STATUS_OPEN, 1000));
  g_ptr_array_add (fx->upstream->tickets, fake_ticket ("12", "Still open", WK_TICKET_STATUS_OPEN, 1000));
  first = identify (fx, NULL);
  g_assert_cmpuint (n_tickets (first), ==, 3);

  /* an agent resolved 11 in the upstream: no longer among the active ones */
  g_ptr_array_remove_index (fx->upstream->tickets, 0);
  wk_upstream_lookup_forget (fx->lookup);
  second = identify (fx, NULL);
  g_assert_cmpuint (n_tickets (second), ==, 2);
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM ticket WHERE upstream_id = '11'"
                                  " AND status = 'resolved' AND resolved_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM event WHERE kind = 'ticket.updated'"
                                  " AND actor = 'upstream:fake'"), ==, 1);
  /* Walkup's own ticket is not the upstream's to resolve */
  g_assert_cmpint (query_int (fx, "SELECT COUNT(*) FROM ticket WHERE ref = 'WK-10001' AND status = 'open'"), ==, 1);
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancelled_while_asking (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WkIdentity) identity = NULL;
  g_autoptr(WkIdentity) later = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_ptr_array_add (fx->upstream->tickets, fake_ticket ("10", "Asked, then cancelled", WK_TICKET_STATUS_NEW, 1000));
  fx->upstream->delay_ms = 150;
  g_timeout_add (50, cancel_cb, cancellable);
  wk_desk_identify_async (WK_DESK (fx->desk), WK_IDENTIFIED_BY_BADGE, "100200", cancellable,
                          got_result_cb, &result);
  identity = wk_desk_identify_finish (WK_DESK (fx->desk), wait_for (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (identity);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 140 * 1000);

  /* the request went on and its answer serves the next identify */
  spin (200);
  later = identify (fx, NULL);
  g_assert_cmpuint (n_tickets (later), ==, 2);
  g_assert_cmpuint (fx->upstream->calls, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/upstream-lookup/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("merge-and-cache", test_merge_and_cache);
  ADD ("slow-answers-locally", test_slow_answers_locally);
  ADD ("down-answers-locally", test_down_answers_locally);
  ADD ("undelivered-kept", test_undelivered_kept);
  ADD ("cancelled-while-asking", test_cancelled_while_asking);
  ADD ("gone-upstream-resolved", test_gone_upstream_resolved);
#undef ADD

  return g_test_run ();
}
