/* test-badge-detector.c — badge bursts through real key events on a window
 *
 * Keys are typed through the X server (XTest), which stamps each event
 * with its own clock after the requested delay, so the gaps the detector
 * sees are real.  The exact timing rules are in test-badge-burst.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-badge-detector.h"

#include "ui-test-util.h"

#include <string.h>

typedef struct
{
  GtkWindow       *window;
  GtkWidget       *entry;
  GtkWidget       *button;
  WkBadgeDetector *detector;
  GPtrArray       *badges;      /* of char* */
  guint            activated;
  guint            clicked;
} Fixture;

static void
badge_cb (WkBadgeDetector *detector,
          const char      *id,
          Fixture         *fixture)
{
  g_ptr_array_add (fixture->badges, g_strdup (id));
}

static void
count_cb (GtkWidget *widget,
          guint     *counter)
{
  (*counter)++;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *counter)
{
  (*counter)++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  fixture->entry = gtk_entry_new ();
  fixture->button = gtk_button_new_with_label ("Next");
  gtk_box_append (GTK_BOX (box), fixture->entry);
  gtk_box_append (GTK_BOX (box), fixture->button);
  fixture->window = ui_test_show (box, 400, 200);
  gtk_widget_grab_focus (fixture->entry);

  fixture->badges = g_ptr_array_new_with_free_func (g_free);
  fixture->detector = wk_badge_detector_new (GTK_WIDGET (fixture->window));
  g_signal_connect (fixture->detector, "badge", G_CALLBACK (badge_cb), fixture);
  g_signal_connect (fixture->entry, "activate", G_CALLBACK (count_cb), &fixture->activated);
  g_signal_connect (fixture->button, "clicked", G_CALLBACK (count_cb), &fixture->clicked);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->detector);
  gtk_window_destroy (fixture->window);
  g_ptr_array_unref (fixture->badges);
}

/* Types @keys (digits, lowercase letters, '\n' for Return), @gap_ms apart,
 * then waits for everything to arrive and for any stall timer. */
static gboolean
type_keys (const char *keys,
           guint       gap_ms)
{
  for (const char *p = keys; *p != '\0'; p++)
    {
      guint keyval = *p == '\n' ? GDK_KEY_Return : gdk_unicode_to_keyval (*p);

      if (!ui_test_xtest_key (keyval, p == keys ? 0 : gap_ms))
        return FALSE;
    }
  ui_test_xtest_sync ();
  /* the server plays the delays out; then the stall timer may run */
  ui_test_wait_ms (strlen (keys) * gap_ms + 300);
  return TRUE;
}

static void
test_fast_burst_is_a_badge (Fixture       *fixture,
                            gconstpointer  data)
{
  if (!type_keys ("00421337\n", 20))
    {
      g_test_skip ("XTest is not available");
      return;
    }
  g_assert_cmpuint (fixture->badges->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->badges, 0), ==, "00421337");
  /* nothing leaked into the entry, and Enter did not activate it */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry)), ==, "");
  g_assert_cmpuint (fixture->activated, ==, 0);
}

static void
test_slow_typing_is_not (Fixture       *fixture,
                         gconstpointer  data)
{
  if (!type_keys ("1234\n", 90))
    {
      g_test_skip ("XTest is not available");
      return;
    }
  g_assert_cmpuint (fixture->badges->len, ==, 0);
  /* every key reached the entry, in order, and Enter activated it */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry)), ==, "1234");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (fixture->entry)), ==, 4);
  g_assert_cmpuint (fixture->activated, ==, 1);
}

static void
test_typing_goes_in_at_the_cursor (Fixture       *fixture,
                                   gconstpointer  data)
{
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "priya");
  gtk_editable_set_position (GTK_EDITABLE (fixture->entry), 2);
  if (!type_keys ("xy", 90))
    {
      g_test_skip ("XTest is not available");
      return;
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry)), ==, "prxyiya");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (fixture->entry)), ==, 4);

  /* a selection is replaced, as typing does */
  gtk_editable_select_region (GTK_EDITABLE (fixture->entry), 0, 2);
  if (!type_keys ("z", 0))
    return;
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry)), ==, "zxyiya");
}

static void
test_burst_without_enter_is_typed (Fixture       *fixture,
                                   gconstpointer  data)
{
  if (!type_keys ("5555", 10))
    {
      g_test_skip ("XTest is not available");
      return;
    }
  g_assert_cmpuint (fixture->badges->len, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry)), ==, "5555");
}

static void
test_badge_with_a_button_focused (Fixture       *fixture,
                                  gconstpointer  data)
{
  gtk_widget_grab_focus (fixture->button);
  if (!type_keys ("77001\n", 15))
    {
      g_test_skip ("XTest is not available");
      return;
    }
  g_assert_cmpuint (fixture->badges->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->badges, 0), ==, "77001");
  /* the burst's Enter did not press the focused button */
  g_assert_cmpuint (fixture->clicked, ==, 0);

  /* while a person's Enter still does */
  type_keys ("\n", 0);
  g_assert_cmpuint (fixture->clicked, ==, 1);
  g_assert_cmpuint (fixture->badges->len, ==, 1);
}

static void
test_mixed (Fixture       *fixture,
            gconstpointer  data)
{
  /* a person types, a badge is scanned mid-way, the person goes on */
  if (!type_keys ("ab", 120))
    {
      g_test_skip ("XTest is not available");
      return;
    }
  type_keys ("99887766\n", 15);
  type_keys ("c", 0);
  g_assert_cmpuint (fixture->badges->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->badges, 0), ==, "99887766");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry)), ==, "abc");
  g_assert_cmpuint (fixture->activated, ==, 0);
}

static void
test_max_gap_property (Fixture       *fixture,
                       gconstpointer  data)
{
  guint notified = 0;

  g_assert_cmpuint (wk_badge_detector_get_max_gap_ms (fixture->detector), ==, 50);
  g_assert_cmpuint (wk_badge_detector_get_min_length (fixture->detector), ==, 4);
  g_assert_true (wk_badge_detector_get_widget (fixture->detector) == GTK_WIDGET (fixture->window));
  g_signal_connect (fixture->detector, "notify::max-gap-ms",
                    G_CALLBACK (notify_cb), &notified);
  wk_badge_detector_set_max_gap_ms (fixture->detector, 50);
  g_assert_cmpuint (notified, ==, 0);
  wk_badge_detector_set_max_gap_ms (fixture->detector, 200);
  g_assert_cmpuint (notified, ==, 1);

  /* with a generous gap, 90 ms apart is a burst */
  if (!type_keys ("4321\n", 90))
    {
      g_test_skip ("XTest is not available");
      return;
    }
  g_assert_cmpuint (fixture->badges->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->badges, 0), ==, "4321");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->entry)), ==, "");
}

static void
test_widget_goes_first (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  WkBadgeDetector *detector = wk_badge_detector_new (GTK_WIDGET (window));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  guint n = g_list_model_get_n_items (controllers);

  g_assert_cmpuint (n, >, 0);
  /* the window dies first: the detector lets go of it quietly */
  g_clear_pointer (&controllers, g_object_unref);
  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_null (wk_badge_detector_get_widget (detector));
  g_object_unref (detector);

  /* the detector goes first: its controller leaves the window */
  window = GTK_WINDOW (gtk_window_new ());
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  n = g_list_model_get_n_items (controllers);
  detector = wk_badge_detector_new (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (controllers), ==, n + 1);
  g_object_unref (detector);
  g_assert_cmpuint (g_list_model_get_n_items (controllers), ==, n);
  g_clear_pointer (&controllers, g_object_unref);
  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/badge-detector/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("fast-burst-is-a-badge", test_fast_burst_is_a_badge);
  ADD ("slow-typing-is-not", test_slow_typing_is_not);
  ADD ("typing-goes-in-at-the-cursor", test_typing_goes_in_at_the_cursor);
  ADD ("burst-without-enter-is-typed", test_burst_without_enter_is_typed);
  ADD ("badge-with-a-button-focused", test_badge_with_a_button_focused);
  ADD ("mixed", test_mixed);
  ADD ("max-gap-property", test_max_gap_property);
#undef ADD
  g_test_add_func ("/badge-detector/widget-goes-first", test_widget_goes_first);

  return g_test_run ();
}
