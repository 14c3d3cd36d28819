/* test-deskside-notifier.c — with no notification server, the notifier
 * logs once and carries on; nothing blocks while it finds out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-notifier.h"

static void
test_no_server_logs_once (void)
{
  g_autoptr(WkNotifier) notifier = NULL;
  GtkWidget *target = gtk_label_new ("target");
  gint64 start, spent;

  g_object_ref_sink (target);
  notifier = wk_notifier_new (target);
  g_assert_cmpint (wk_notifier_get_state (notifier), ==, WK_NOTIFIER_STATE_UNKNOWN);

  g_test_expect_message ("wk-notifier", G_LOG_LEVEL_MESSAGE, "Desktop notifications are off:*");

  start = g_get_monotonic_time ();
  wk_notifier_show (notifier, "visit-1", "Priya Sharma checked in", "VPN", "win.show-visit(int64 1)",
                    "Pick Up", "win.pick-up-visit(int64 1)", FALSE);
  spent = g_get_monotonic_time () - start;
  /* the probe is asynchronous: showing returns at once */
  g_assert_cmpint (spent, <, 50 * 1000);
  g_assert_cmpint (wk_notifier_get_state (notifier), ==, WK_NOTIFIER_STATE_PROBING);

  while (wk_notifier_get_state (notifier) == WK_NOTIFIER_STATE_PROBING)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (wk_notifier_get_state (notifier), ==, WK_NOTIFIER_STATE_UNAVAILABLE);

  /* later notifications are dropped quietly: no second message */
  wk_notifier_show (notifier, "visit-2", "Zoë Taylor checked in", NULL, NULL, NULL, NULL, FALSE);
  wk_notifier_withdraw (notifier, "visit-1");
  g_test_assert_expected_messages ();
  g_assert_cmpuint (wk_notifier_get_n_shown (notifier), ==, 0);

  g_object_unref (target);
}

int
main (int    argc,
      char **argv)
{
  /* no session bus at all: the notification server cannot be reached */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/walkup-test-bus", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deskside/notifier/no-server-logs-once", test_no_server_logs_once);

  return g_test_run ();
}
