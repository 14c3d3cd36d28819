/* test-deskside-offline.c — the deskside's offline banner on a hub's desk
 *
 * A real hub on 127.0.0.1 (tests/common/wk-test-hub.c), a WkRemoteDesk
 * with an outbox on its own file, and the real WkDesksideWindow on it.
 * The hub stops while an engineer edits a ticket and adds a note: the
 * banner says the desk is offline and that two changes wait.  Someone
 * else edits the ticket at the hub meanwhile; the hub comes back: the note
 * is delivered, the edit is refused, and the banner says so, with the
 * hub's reason, until the engineer dismisses it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../common/wk-test-hub.h"
#include "ui-test-util.h"

#include "wk-db.h"
#include "wk-deskside-window.h"
#include "wk-outbox.h"
#include "wk-remote-desk.h"

#include <glib/gstdio.h>
#include <string.h>

static void
exec_ok (const char *path,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = wk_db_open (path, &error);
  char *msg = NULL;

  g_assert_no_error (error);
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
  sqlite3_close (db);
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

/* The banner's label: the box the dismiss button sits in holds it. */
static GtkLabel *
banner_label (GtkWidget *dismiss)
{
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (dismiss));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      return GTK_LABEL (child);
  g_assert_not_reached ();
}

static GtkRevealer *
banner_revealer (GtkWidget *dismiss)
{
  GtkWidget *w = dismiss;

  while (w != NULL && !GTK_IS_REVEALER (w))
    w = gtk_widget_get_parent (w);
  g_assert_nonnull (w);
  return GTK_REVEALER (w);
}

typedef struct {
  GtkLabel   *label;
  const char *text;
} LabelWait;

static gboolean
label_has_cb (gpointer data)
{
  LabelWait *lw = data;

  return strstr (gtk_label_get_text (lw->label), lw->text) != NULL;
}

static gboolean
not_revealed_cb (gpointer data)
{
  return !gtk_revealer_get_reveal_child (data);
}

static gboolean
drained_cb (gpointer data)
{
  return wk_remote_desk_get_pending_count (data) == 0;
}

static void
test_banner_counts_and_refusals (void)
{
  g_autofree char *dir = g_dir_make_tmp ("walkup-deskside-offline-XXXXXX", NULL);
  g_autofree char *hub_db = g_build_filename (dir, "hub.db", NULL);
  g_autofree char *local = g_build_filename (dir, "laptop.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WkOutbox) outbox = NULL;
  g_autoptr(WkRemoteDesk) desk = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  GtkWidget *window, *dismiss;
  GtkLabel *label;
  WkTestHub *hub;
  guint port;

  exec_ok (hub_db,
           "INSERT INTO lounge (id, name) VALUES (1, 'Main Lounge');"
           "INSERT INTO person (id, email, display_name, role, created_at, updated_at)"
           " VALUES (1, 'priya@example.com', 'Priya Sharma', 'visitor', 0, 0),"
           " (2, 'alex@example.com', 'Alex Chen', 'engineer', 0, 0);"
           "INSERT INTO ticket (id, ref, requester_id, subject, category, status, created_at,"
           " updated_at) VALUES (1, 'WK-10001', 1, 'Laptop battery drains fast', 'hardware',"
           " 'open', 0, 0);");
  hub = wk_test_hub_start (hub_db, 0);
  port = wk_test_hub_get_port (hub);
  url = wk_test_hub_get_url (hub);
  token = wk_test_hub_new_token (hub, WK_HUB_ROLE_ENGINEER, "alex", 2);
  outbox = wk_outbox_new (local, &error);
  g_assert_no_error (error);
  desk = wk_remote_desk_new (url, token, &error);
  g_assert_no_error (error);
  wk_remote_desk_set_outbox (desk, outbox);
  wk_test_hub_stop (hub);

  /* offline: a ticket edit (the version seen: 1) and a note */
  {
    g_autoptr(WkTicketUpdate) update = wk_ticket_update_new ();
    g_autoptr(GAsyncResult) r1 = NULL;
    g_autoptr(GAsyncResult) r2 = NULL;
    g_autoptr(WkTicket) ticket = NULL;
    g_autoptr(WkNote) note = NULL;

    update->status = WK_TICKET_STATUS_PENDING;
    wk_desk_update_ticket_async (WK_DESK (desk), 1, 1, update, 2, NULL, got_result_cb, &r1);
    wait_for (&r1);
    ticket = wk_desk_update_ticket_finish (WK_DESK (desk), r1, &error);
    g_assert_no_error (error);
    wk_desk_add_note_async (WK_DESK (desk), 1, 2, "Ordered a new battery", WK_NOTE_VISIBILITY_PUBLIC,
                            NULL, NULL, got_result_cb, &r2);
    wait_for (&r2);
    note = wk_desk_add_note_finish (WK_DESK (desk), r2, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (wk_remote_desk_get_pending_count (desk), ==, 2);
  g_assert_false (wk_remote_desk_get_online (desk));

  /* The banner is checked as widgets, not presented: before sign-in the
   * desk page is not on screen anyway, and a presented window creates
   * more than 2048 quarks, past which GLib deliberately drops its old
   * quark table (gquark.c), which LeakSanitizer reports. */
  window = g_object_new (WK_TYPE_DESKSIDE_WINDOW, "desk", desk, NULL);
  dismiss = ui_test_find_by_label (window, "Dismiss the refused changes");
  g_assert_nonnull (dismiss);
  label = banner_label (dismiss);
  g_assert_true (gtk_revealer_get_reveal_child (banner_revealer (dismiss)));
  g_assert_cmpstr (gtk_label_get_text (label), ==, "Offline — 2 changes wait to be sent");
  g_assert_false (gtk_widget_get_visible (dismiss));

  /* someone else edits the ticket at the hub; the hub comes back */
  exec_ok (hub_db, "UPDATE ticket SET priority = 1, version = version + 1 WHERE id = 1");
  hub = wk_test_hub_start (hub_db, port);
  g_test_expect_message ("wk-remote-desk", G_LOG_LEVEL_WARNING,
                         "The hub refused a ticket edit from the outbox*");
  wk_remote_desk_flush_outbox (desk);
  {
    LabelWait lw = { label, "The hub refused 1 change made offline:" };

    g_assert_true (ui_test_wait_for (label_has_cb, &lw, 30000));
  }
  g_assert_true (ui_test_wait_for (drained_cb, desk, 30000));
  g_test_assert_expected_messages ();
  g_assert_true (gtk_revealer_get_reveal_child (banner_revealer (dismiss)));
  g_assert_nonnull (strstr (gtk_label_get_text (label),
                            "• Ticket change: Ticket WK-10001 was changed by someone else meanwhile"));
  g_assert_null (strstr (gtk_label_get_text (label), "Offline"));
  g_assert_true (gtk_widget_get_visible (dismiss));
  /* seen: dismissed, the banner goes (the button is not on screen, so it
   * is clicked, not activated) */
  g_signal_emit_by_name (dismiss, "clicked");
  g_assert_true (ui_test_wait_for (not_revealed_cb, banner_revealer (dismiss), 10000));
  g_assert_cmpuint (wk_remote_desk_get_refused_count (desk), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&desk);
  g_clear_object (&outbox);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  wk_test_hub_stop (hub);
  g_remove (local);
  g_remove (hub_db);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/deskside-offline/banner-counts-and-refusals", test_banner_counts_and_refusals);

  return g_test_run ();
}
