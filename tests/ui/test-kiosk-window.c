/* test-kiosk-window.c — the kiosk window on a real local desk: lockdown,
 * a badge scan to the hello page, the reset that drops every page that held
 * personal data, typed look-ups that are rate-limited, live language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-demo-data.h"
#include "wk-kiosk-window.h"
#include "wk-local-desk.h"
#include "wk-password.h"
#include "wk-rating-faces.h"
#include "wk-store.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

typedef struct {
  char          *dir;
  char          *path;
  WkDesk        *desk;
  WkKioskWindow *window;
} Fixture;

static gboolean
tree_contains (GtkWidget  *widget,
               const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (tree_contains (child, needle))
      return TRUE;
  return FALSE;
}

/* Like tree_contains(), on what is visible only. */
static gboolean
shows (GtkWidget  *widget,
       const char *needle)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows (child, needle))
      return TRUE;
  return FALSE;
}

static void
wait_for_page (Fixture    *fixture,
               const char *name)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_strcmp0 (wk_kiosk_window_get_page_name (fixture->window), name) != 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  WkDemoDataOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkStore) store = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  fixture->dir = g_dir_make_tmp ("kiosk-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "lounge.db", NULL);
  fixture->path = g_strdup (path);
  wk_demo_data_options_init (&options);
  options.seed = 1;
  g_assert_true (wk_demo_data_create (path, &options, FALSE, &error));
  g_assert_no_error (error);
  store = wk_store_new (path, NULL, &error);
  g_assert_no_error (error);
  fixture->desk = WK_DESK (wk_local_desk_new (store));

  /* open around the clock, whatever day the test runs */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE lounge SET opening_hours = 'daily 00:00-24:00'",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_settings_set_uint (settings, "typed-lookups-per-minute", 2);

  fixture->window = wk_kiosk_window_new (NULL, fixture->desk);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_for_page (fixture, "start");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "lounge.db", NULL);
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->desk);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_settings_reset (settings, "typed-lookups-per-minute");
  g_unlink (path);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
test_lockdown (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);

  g_assert_true (wk_kiosk_window_get_lockdown (fixture->window));
  g_assert_false (gtk_window_get_decorated (window));
  g_assert_false (gtk_window_get_deletable (window));
  gtk_window_close (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));   /* refused */

  wk_kiosk_window_set_lockdown (fixture->window, FALSE);
  g_assert_true (gtk_window_get_decorated (window));
  g_assert_true (gtk_window_get_deletable (window));
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
try_pin (Fixture    *fixture,
         const char *pin)
{
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.admin", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "pin-entry"), pin);
  adw_message_dialog_response (dialog, "unlock");
  spin (1500);
}

static void
test_admin_pin (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = wk_password_hash ("2468", &error);

  g_assert_no_error (error);

  /* no PIN configured: the hidden gesture shows nothing */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.admin", NULL);
  g_assert_null (find_dialog ());

  g_settings_set_string (settings, "admin-pin-hash", hash);

  /* the hidden gesture: four taps on a clock are nothing, the fifth asks */
  for (int i = 0; i < 4; i++)
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.admin-tap", NULL);
  spin (100);
  g_assert_null (find_dialog ());
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "kiosk.admin-tap", NULL);
  spin (100);
  g_assert_nonnull (find_dialog ());
  adw_message_dialog_response (find_dialog (), "cancel");
  spin (300);
  g_assert_true (wk_kiosk_window_get_lockdown (fixture->window));

  try_pin (fixture, "1357");
  g_assert_true (wk_kiosk_window_get_lockdown (fixture->window));
  try_pin (fixture, "2468");
  g_assert_false (wk_kiosk_window_get_lockdown (fixture->window));
  g_assert_true (gtk_window_get_decorated (GTK_WINDOW (fixture->window)));
  g_settings_reset (settings, "admin-pin-hash");
}

static void
test_badge_then_reset (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);

  g_assert_true (tree_contains (root, "Tech Lounge Amsterdam"));
  wk_kiosk_window_scan_badge (fixture->window, "1093333252");
  wait_for_page (fixture, "WkKioskHelloPage");
  g_assert_true (tree_contains (root, "Hi Priya"));
  g_assert_true (tree_contains (root, "AMS-"));

  gtk_widget_activate_action (root, "kiosk.something-else", NULL);
  wait_for_page (fixture, "WkKioskRequestPage");
  gtk_widget_activate_action (root, "kiosk.back", NULL);
  wait_for_page (fixture, "WkKioskHelloPage");

  wk_kiosk_window_reset (fixture->window);
  wait_for_page (fixture, "start");
  g_assert_false (tree_contains (root, "Priya"));
  g_assert_false (tree_contains (root, "AMS-"));
}

static gint64
query_int (Fixture    *fixture,
           const char *sql,
           const char *text)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && gtk_widget_get_visible (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Someone whose finished visit was never rated is offered the survey first;
 * rating it stores the survey for that visit and goes back to why they came. */
static void
test_pending_survey (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  gint64 visit_id, person_id;
  g_autofree char *badge = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* the visitor with a badge whose latest done visit has no survey */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT p.badge_id, p.id FROM person p JOIN visit v ON v.person_id = p.id"
    " WHERE p.badge_id IS NOT NULL AND v.status = 'done'"
    " AND NOT EXISTS (SELECT 1 FROM survey s WHERE s.visit_id = v.id)"
    " AND NOT EXISTS (SELECT 1 FROM visit w WHERE w.person_id = p.id"
    "                 AND w.status IN ('waiting', 'called', 'in_service'))"
    " ORDER BY v.finished_at DESC LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  badge = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  person_id = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  wk_kiosk_window_scan_badge (fixture->window, badge);
  wait_for_page (fixture, "WkKioskHelloPage");
  g_assert_true (shows (root, "How was your last visit?"));

  gtk_widget_activate_action (root, "kiosk.rate-pending", NULL);
  wait_for_page (fixture, "WkKioskFeedbackPage");
  g_signal_emit_by_name (find_type (root, WK_TYPE_RATING_FACES), "rated", 4);
  gtk_widget_activate_action (root, "kiosk.survey-done", NULL);
  wait_for_page (fixture, "WkKioskHelloPage");
  spin (800);

  visit_id = query_int (fixture, "SELECT visit_id FROM survey ORDER BY id DESC LIMIT 1", NULL);
  g_assert_cmpint (visit_id, >, 0);
  g_assert_cmpint (query_int (fixture, "SELECT score FROM survey ORDER BY id DESC LIMIT 1", NULL), ==, 4);
  g_assert_cmpint (query_int (fixture, "SELECT person_id FROM survey ORDER BY id DESC LIMIT 1", NULL), ==, person_id);
  /* back on her page, the offer is gone */
  g_assert_false (shows (root, "How was your last visit?"));
}

static void
test_unknown_badge (Fixture       *fixture,
                    gconstpointer  data)
{
  wk_kiosk_window_scan_badge (fixture->window, "0000000000");
  wait_for_page (fixture, "WkKioskIdentifyPage");
  while (!tree_contains (GTK_WIDGET (fixture->window), "We could not find you"))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_typed_lookups_rate_limited (Fixture       *fixture,
                                 gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);

  gtk_widget_activate_action (root, "kiosk.check-in", NULL);
  wait_for_page (fixture, "WkKioskIdentifyPage");
  for (int i = 0; i < 2; i++)
    {
      gtk_widget_activate_action (root, "kiosk.lookup", "(is)", 2, "nobody@example.com");
      spin (500);
      g_assert_true (tree_contains (root, "We could not find you"));
    }
  gtk_widget_activate_action (root, "kiosk.lookup", "(is)", 2, "priya.sharma@example.com");
  g_assert_true (tree_contains (root, "Lots of look-ups"));
  g_assert_cmpstr (wk_kiosk_window_get_page_name (fixture->window), ==, "WkKioskIdentifyPage");
}

static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);

  gtk_widget_activate_action (root, "kiosk.language", "s", "de");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (root)), ==, "Walkup-Kiosk");
  g_assert_cmpstr (wk_kiosk_window_get_page_name (fixture->window), ==, "start");
  gtk_widget_activate_action (root, "kiosk.language", "s", "fr");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (root)), ==, "Walkup – Borne");
  gtk_widget_activate_action (root, "kiosk.language", "s", "en");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (root)), ==, "Walkup Kiosk");
  g_unsetenv ("LANGUAGE");
  setlocale (LC_MESSAGES, "");
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("WALKUP_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/kiosk/window/lockdown", Fixture, NULL, fixture_set_up, test_lockdown, fixture_tear_down);
  g_test_add ("/kiosk/window/admin-pin", Fixture, NULL, fixture_set_up, test_admin_pin, fixture_tear_down);
  g_test_add ("/kiosk/window/badge-then-reset", Fixture, NULL, fixture_set_up, test_badge_then_reset, fixture_tear_down);
  g_test_add ("/kiosk/window/pending-survey", Fixture, NULL, fixture_set_up, test_pending_survey, fixture_tear_down);
  g_test_add ("/kiosk/window/unknown-badge", Fixture, NULL, fixture_set_up, test_unknown_badge, fixture_tear_down);
  g_test_add ("/kiosk/window/typed-lookups-rate-limited", Fixture, NULL, fixture_set_up, test_typed_lookups_rate_limited, fixture_tear_down);
  g_test_add ("/kiosk/window/language", Fixture, NULL, fixture_set_up, test_language, fixture_tear_down);

  return g_test_run ();
}
