/* test-deskside-ticket-pane.c — the ticket pane on a real local desk: a
 * ticket edit Request Tracker did not take shows as a banner with an
 * accessible name, saying what RT has and what was not applied, and
 * dismissing it acknowledges it through the desk.  A pane showing a ticket
 * paints nothing while nothing changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../common/wk-test-desk.h"
#include "../common/wk-test-seed.h"
#include "ui-test-util.h"
#include "wk-db.h"
#include "wk-deskside-ticket-pane.h"
#include "wk-local-desk.h"
#include "wk-store.h"

#include <glib/gstdio.h>
#include <string.h>

/* An engineer, a ticket mirrored from RT, an edit of it and the conflict
 * the upstream sync recorded for that edit. */
static void
seed (const char *path)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = wk_db_open (path, &error);

  g_assert_no_error (error);
  wk_test_exec (db,
           "INSERT INTO person (id, username, display_name, role, created_at, updated_at)"
           " VALUES (1, 'alex', 'Alex Chen', 'engineer', 0, 0);"
           "INSERT INTO ticket (id, ref, subject, category, status, upstream_system, upstream_id,"
           " created_at, updated_at) VALUES (1, 'RT-7', 'Printer jams', 'printing', 'resolved',"
           " 'rt5', '7', 0, 0);"
           "INSERT INTO event (id, at, actor, kind, entity, entity_id, payload)"
           " VALUES (1, 10, 'person:1', 'ticket.updated', 'ticket', 1, '{\"changed\":\"status\"}');"
           "INSERT INTO upstream_delivery (system, event_id, outcome, upstream_id, detail, at)"
           " VALUES ('rt5', 1, 'conflict', '7', '{\"upstream\":{\"id\":\"7\",\"status\":\"pending\","
           "\"owner\":\"sam\"},\"ours\":{\"status\":\"resolved\"}}', 20);");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gboolean
visible_cb (gpointer data)
{
  return gtk_widget_get_visible (data) && gtk_widget_get_mapped (data);
}

static gboolean
hidden_cb (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

static void
test_conflict_banner (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ticket-pane-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lounge.db", NULL);
  g_autoptr(WkStore) store = NULL;
  g_autoptr(WkDesk) desk = NULL;
  WkDesksideTicketPane *pane;
  GtkWindow *window;
  GtkWidget *banner, *dismiss, *details;

  g_assert_no_error (error);
  seed (path);
  store = wk_store_new (path, NULL, &error);
  g_assert_no_error (error);
  desk = WK_DESK (wk_local_desk_new (store));

  pane = g_object_new (WK_TYPE_DESKSIDE_TICKET_PANE, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (pane), "face-deskside");
  wk_deskside_ticket_pane_setup (pane, desk, 1);
  window = ui_test_show (GTK_WIDGET (pane), 720, 900);
  wk_deskside_ticket_pane_show (pane, 1);

  banner = ui_test_find_by_label (GTK_WIDGET (pane), "Conflict with the service desk system");
  g_assert_nonnull (banner);
  g_assert_true (ui_test_wait_for (visible_cb, banner, 10000));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (banner)), ==,
                   GTK_ACCESSIBLE_ROLE_ALERT);
  /* what RT has, and what was not applied, in words */
  details = gtk_widget_get_next_sibling (gtk_widget_get_first_child (banner));
  g_assert_true (GTK_IS_LABEL (details));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (details)), ==,
                   "Status: Request Tracker has “Pending”; your “Resolved” was not applied.");
  g_assert_true (ui_test_has_description (banner, gtk_label_get_text (GTK_LABEL (details))));
  g_free (ui_test_screenshot (GTK_WIDGET (window), "deskside-ticket-conflict"));

  /* idle: no frames (a hidden spinner would animate one every 16 ms) */
  ui_test_wait_ms (200);
  g_assert_cmpuint (ui_test_count_frames (GTK_WIDGET (pane), 1000), <, 10);

  dismiss = ui_test_find_by_label (banner, "Dismiss the conflict");
  g_assert_nonnull (dismiss);
  ui_test_activate (dismiss);
  g_assert_true (ui_test_wait_for (hidden_cb, banner, 10000));
  g_assert_cmpint (wk_test_count (path, "SELECT COUNT(*) FROM event WHERE kind = 'ticket.conflict_acknowledged'"
                                " AND actor = 'person:1'"), ==, 1);

  /* it stays dismissed */
  wk_deskside_ticket_pane_show (pane, 0);
  wk_deskside_ticket_pane_show (pane, 1);
  ui_test_wait_ms (300);
  g_assert_nonnull (wk_deskside_ticket_pane_get_ticket (pane));
  g_assert_false (gtk_widget_get_visible (banner));

  gtk_window_destroy (window);
  g_clear_object (&desk);
  wk_store_close (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/deskside-ticket-pane/conflict-banner", test_conflict_banner);
  return g_test_run ();
}
