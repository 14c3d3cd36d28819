/* test-faces.c — each face's window builds from its template, shows its
 * empty state, and speaks the user's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-board-window.h"
#include "wk-clock-label.h"
#include "wk-deskside-window.h"
#include "wk-kiosk-window.h"
#include "wk-review-window.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

static GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
check_face (GType       type,
            const char *title,
            const char *heading)
{
  GtkWindow *window = g_object_new (type, NULL);
  GtkWidget *status;

  g_assert_cmpstr (gtk_window_get_title (window), ==, title);
  status = find_by_type (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, heading);
  g_assert_cmpuint (strlen (adw_status_page_get_description (ADW_STATUS_PAGE (status))), >, 40);

  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  gtk_window_destroy (window);
}

static void
test_kiosk (void)
{
  check_face (WK_TYPE_KIOSK_WINDOW, "Walkup Kiosk", "Welcome to the IT lounge");
}

static void
test_board (void)
{
  check_face (WK_TYPE_BOARD_WINDOW, "Walkup Board", "Now serving");
}

static void
test_deskside (void)
{
  check_face (WK_TYPE_DESKSIDE_WINDOW, "Walkup Deskside", "Deskside");
}

static void
test_review (void)
{
  check_face (WK_TYPE_REVIEW_WINDOW, "Walkup Review", "Service review");
}

static void
test_kiosk_and_board_show_a_clock (void)
{
  GtkWindow *kiosk = g_object_new (WK_TYPE_KIOSK_WINDOW, NULL);
  GtkWindow *board = g_object_new (WK_TYPE_BOARD_WINDOW, NULL);

  g_assert_nonnull (find_by_type (GTK_WIDGET (kiosk), WK_TYPE_CLOCK_LABEL));
  g_assert_nonnull (find_by_type (GTK_WIDGET (board), WK_TYPE_CLOCK_LABEL));
  gtk_window_destroy (kiosk);
  gtk_window_destroy (board);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_clock_label (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) time = g_date_time_new (utc, 2026, 11, 22, 9, 5, 30);
  g_autofree char *text = wk_clock_label_format (time);
  GtkWidget *clock = g_object_ref_sink (wk_clock_label_new ());
  GtkWidget *label;
  guint notified = 0;

  g_assert_cmpstr (text, ==, "09:05");

  g_signal_connect (clock, "notify::timezone", G_CALLBACK (notify_count_cb), &notified);
  wk_clock_label_set_timezone (WK_CLOCK_LABEL (clock), utc);
  g_assert_cmpuint (notified, ==, 1);
  wk_clock_label_set_timezone (WK_CLOCK_LABEL (clock), utc);
  g_assert_cmpuint (notified, ==, 1);   /* no change, no notify */
  if (tokyo != NULL)
    {
      wk_clock_label_set_timezone (WK_CLOCK_LABEL (clock), tokyo);
      g_assert_cmpuint (notified, ==, 2);
    }

  /* mapped, it shows the time of its zone */
  {
    GtkWindow *window = GTK_WINDOW (gtk_window_new ());
    g_autoptr(GDateTime) now = NULL;
    g_autofree char *expected = NULL;

    gtk_window_set_child (window, clock);
    gtk_window_present (window);
    while (!gtk_widget_get_mapped (clock))
      g_main_context_iteration (NULL, TRUE);
    now = g_date_time_new_now (wk_clock_label_get_timezone (WK_CLOCK_LABEL (clock)));
    expected = wk_clock_label_format (now);
    label = gtk_widget_get_first_child (clock);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);
    gtk_window_destroy (window);
  }
  g_object_unref (clock);
}

static void
check_translated (const char *language)
{
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;

  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");

  /* the catalogue really has them, and they are not the English */
  title = g_strdup (g_dgettext (GETTEXT_PACKAGE, "Walkup Kiosk"));
  heading = g_strdup (g_dgettext (GETTEXT_PACKAGE, "Welcome to the IT lounge"));
  g_assert_cmpstr (title, !=, "Walkup Kiosk");
  g_assert_cmpstr (heading, !=, "Welcome to the IT lounge");

  /* and the window built from its template shows them */
  check_face (WK_TYPE_KIOSK_WINDOW, title, heading);
}

static void
test_translated (void)
{
  /* The faces follow the user's language, from the built catalogues. */
  check_translated ("de");
  check_translated ("fr");
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
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

  g_test_add_func ("/faces/kiosk", test_kiosk);
  g_test_add_func ("/faces/board", test_board);
  g_test_add_func ("/faces/deskside", test_deskside);
  g_test_add_func ("/faces/review", test_review);
  g_test_add_func ("/faces/clock-on-kiosk-and-board", test_kiosk_and_board_show_a_clock);
  g_test_add_func ("/widgets/clock-label", test_clock_label);
  g_test_add_func ("/faces/translated", test_translated);

  return g_test_run ();
}
