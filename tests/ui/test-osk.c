/* test-osk.c — the on-screen keyboard types into its target at the cursor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-osk.h"

#include "ui-test-util.h"

#include <adwaita.h>
#include <locale.h>

typedef struct
{
  GtkWindow *window;
  GtkWidget *entry;
  GtkWidget *osk;
  guint      activated;
} Fixture;

static void
activate_cb (WkOsk   *osk,
             Fixture *fixture)
{
  fixture->activated++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  fixture->entry = gtk_entry_new ();
  gtk_widget_set_margin_top (fixture->entry, 24);
  gtk_widget_set_margin_start (fixture->entry, 24);
  gtk_widget_set_margin_end (fixture->entry, 24);
  fixture->osk = wk_osk_new ();
  gtk_widget_set_vexpand (fixture->osk, TRUE);
  wk_osk_set_layout (WK_OSK (fixture->osk), WK_OSK_LAYOUT_QWERTY);
  wk_osk_set_target (WK_OSK (fixture->osk), GTK_EDITABLE (fixture->entry));
  g_signal_connect (fixture->osk, "activate", G_CALLBACK (activate_cb), fixture);
  gtk_box_append (GTK_BOX (box), fixture->entry);
  gtk_box_append (GTK_BOX (box), fixture->osk);
  fixture->window = ui_test_show (box, 1280, 520);
  gtk_widget_grab_focus (fixture->entry);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

/* Taps the key named @label, as a finger does (::clicked). */
static void
tap (Fixture    *fixture,
     const char *label)
{
  GtkWidget *key = ui_test_find_by_label (fixture->osk, label);

  if (key == NULL)
    g_error ("no key named “%s”", label);
  g_assert_true (GTK_IS_BUTTON (key));
  g_signal_emit_by_name (key, "clicked");
}

static const char *
text (Fixture *fixture)
{
  return gtk_editable_get_text (GTK_EDITABLE (fixture->entry));
}

static int
cursor (Fixture *fixture)
{
  return gtk_editable_get_position (GTK_EDITABLE (fixture->entry));
}

static void
test_types_at_the_cursor (Fixture       *fixture,
                          gconstpointer  data)
{
  tap (fixture, "p");
  tap (fixture, "i");
  tap (fixture, "a");
  g_assert_cmpstr (text (fixture), ==, "pia");
  g_assert_cmpint (cursor (fixture), ==, 3);

  /* in the middle */
  gtk_editable_set_position (GTK_EDITABLE (fixture->entry), 1);
  tap (fixture, "r");
  g_assert_cmpstr (text (fixture), ==, "pria");
  g_assert_cmpint (cursor (fixture), ==, 2);
  tap (fixture, "i");
  tap (fixture, "y");
  g_assert_cmpstr (text (fixture), ==, "priyia");
  g_assert_cmpint (cursor (fixture), ==, 4);

  /* backspace removes the character before the cursor */
  tap (fixture, "Backspace");
  g_assert_cmpstr (text (fixture), ==, "priia");
  g_assert_cmpint (cursor (fixture), ==, 3);
  gtk_editable_set_position (GTK_EDITABLE (fixture->entry), 0);
  tap (fixture, "Backspace");
  g_assert_cmpstr (text (fixture), ==, "priia");
  g_assert_cmpint (cursor (fixture), ==, 0);

  /* a selection is replaced by a key, and removed by backspace */
  gtk_editable_select_region (GTK_EDITABLE (fixture->entry), 3, 5);
  tap (fixture, "y");
  tap (fixture, "a");
  g_assert_cmpstr (text (fixture), ==, "priya");
  g_assert_cmpint (cursor (fixture), ==, 5);
  gtk_editable_select_region (GTK_EDITABLE (fixture->entry), 0, 2);
  tap (fixture, "Backspace");
  g_assert_cmpstr (text (fixture), ==, "iya");
  g_assert_cmpint (cursor (fixture), ==, 0);

  /* space, digits and punctuation */
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "");
  tap (fixture, "o");
  tap (fixture, "Apostrophe");
  tap (fixture, "b");
  tap (fixture, "Space");
  tap (fixture, "Hyphen");
  tap (fixture, "4");
  tap (fixture, "2");
  tap (fixture, "Dot");
  g_assert_cmpstr (text (fixture), ==, "o'b -42.");

  /* the entry kept the focus throughout */
  g_assert_true (gtk_widget_is_focus (gtk_widget_get_first_child (fixture->entry)) ||
                 gtk_widget_has_focus (fixture->entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         fixture->entry));
}

static void
test_shift_and_caps (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *shift = ui_test_find_by_label (fixture->osk, "Shift");

  g_assert_nonnull (shift);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (shift));
  g_assert_nonnull (ui_test_find_by_label (fixture->osk, "q"));
  g_assert_null (ui_test_find_by_label (fixture->osk, "Q"));

  /* once: the next letter only */
  tap (fixture, "Shift");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (shift)));
  g_assert_nonnull (ui_test_find_by_label (fixture->osk, "Q"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (ui_test_find_by_label (fixture->osk, "Q"))), ==, "Q");
  tap (fixture, "P");
  tap (fixture, "r");
  g_assert_cmpstr (text (fixture), ==, "Pr");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (shift)));

  /* digits do not use up the shift */
  tap (fixture, "Shift");
  tap (fixture, "7");
  tap (fixture, "I");
  tap (fixture, "i");
  g_assert_cmpstr (text (fixture), ==, "Pr7Ii");

  /* twice: caps lock, named so */
  tap (fixture, "Shift");
  tap (fixture, "Shift");
  g_assert_null (ui_test_find_by_label (fixture->osk, "Shift"));
  g_assert_true (ui_test_find_by_label (fixture->osk, "Caps lock") == shift);
  g_assert_true (gtk_widget_has_css_class (shift, "osk-caps-lock"));
  tap (fixture, "A");
  tap (fixture, "B");
  g_assert_cmpstr (text (fixture), ==, "Pr7IiAB");
  /* a third time: off */
  tap (fixture, "Caps lock");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (shift)));
  tap (fixture, "c");
  g_assert_cmpstr (text (fixture), ==, "Pr7IiABc");
}

static void
test_enter (Fixture       *fixture,
            gconstpointer  data)
{
  tap (fixture, "Enter");
  g_assert_cmpuint (fixture->activated, ==, 1);
  g_assert_cmpstr (text (fixture), ==, "");

  /* from the keyboard too: the keys are real buttons */
  ui_test_activate (ui_test_find_by_label (fixture->osk, "Enter"));
  g_assert_cmpuint (fixture->activated, ==, 2);
  ui_test_activate (ui_test_find_by_label (fixture->osk, "k"));
  g_assert_cmpstr (text (fixture), ==, "k");
}

static void
check_all_keys (GtkWidget *osk)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ui_test_wait_drawn (osk);
  ui_test_collect_by_type (osk, GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >, 10);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *key = g_ptr_array_index (buttons, i);
      double width, height;

      ui_test_touch_size (key, &width, &height);
      if (width < 64 || height < 64)
        g_error ("key %u is %.0f × %.0f", i, width, height);
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (key),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_true (gtk_widget_get_focusable (key));
      g_assert_false (gtk_widget_get_focus_on_click (key));
    }
}

static void
test_layouts (Fixture       *fixture,
              gconstpointer  data)
{
  static const struct
  {
    WkOskLayout layout;
    const char *first_row;
    const char *only;
    const char *name;
  } layouts[] = {
    { WK_OSK_LAYOUT_QWERTY, "qwertyuiop", "m", "osk-qwerty" },
    { WK_OSK_LAYOUT_QWERTZ, "qwertzuiopü", "ß", "osk-qwertz" },
    { WK_OSK_LAYOUT_AZERTY, "azertyuiop", "ç", "osk-azerty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      GtkWidget *first;
      int column = -1, row = -1;

      wk_osk_set_layout (WK_OSK (fixture->osk), layouts[i].layout);
      g_assert_cmpint (wk_osk_get_effective_layout (WK_OSK (fixture->osk)), ==, layouts[i].layout);
      g_assert_nonnull (ui_test_find_by_label (fixture->osk, layouts[i].only));

      /* the first letter row, left to right */
      first = ui_test_find_by_label (fixture->osk, (char[]) { layouts[i].first_row[0], 0 });
      gtk_grid_query_child (GTK_GRID (gtk_widget_get_parent (first)), first, &column, &row, NULL, NULL);
      for (const char *p = layouts[i].first_row; *p != '\0'; p = g_utf8_next_char (p))
        {
          GtkWidget *key = gtk_grid_get_child_at (GTK_GRID (gtk_widget_get_parent (first)), column, row);
          char letter[8] = { 0 };

          g_unichar_to_utf8 (g_utf8_get_char (p), letter);
          g_assert_nonnull (key);
          g_assert_true (ui_test_has_label (key, letter));
          column += 2;
        }

      check_all_keys (fixture->osk);
      g_free (ui_test_screenshot (GTK_WIDGET (fixture->window), layouts[i].name));

      /* its own letters type, accented ones too */
      gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "");
      tap (fixture, layouts[i].only);
      g_assert_cmpstr (text (fixture), ==, layouts[i].only);
    }

  /* ß has no capital on a keyboard: shifted it stays ß */
  wk_osk_set_layout (WK_OSK (fixture->osk), WK_OSK_LAYOUT_QWERTZ);
  tap (fixture, "Shift");
  g_assert_nonnull (ui_test_find_by_label (fixture->osk, "ß"));
  g_assert_nonnull (ui_test_find_by_label (fixture->osk, "Ü"));
}

static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  g_assert_cmpint (wk_osk_layout_for_language ("de"), ==, WK_OSK_LAYOUT_QWERTZ);
  g_assert_cmpint (wk_osk_layout_for_language ("de_CH.UTF-8"), ==, WK_OSK_LAYOUT_QWERTZ);
  g_assert_cmpint (wk_osk_layout_for_language ("fr_FR"), ==, WK_OSK_LAYOUT_AZERTY);
  g_assert_cmpint (wk_osk_layout_for_language ("fr"), ==, WK_OSK_LAYOUT_AZERTY);
  g_assert_cmpint (wk_osk_layout_for_language ("en_GB"), ==, WK_OSK_LAYOUT_QWERTY);
  g_assert_cmpint (wk_osk_layout_for_language ("dev"), ==, WK_OSK_LAYOUT_QWERTY);
  g_assert_cmpint (wk_osk_layout_for_language ("C"), ==, WK_OSK_LAYOUT_QWERTY);
  g_assert_cmpint (wk_osk_layout_for_language (NULL), ==, WK_OSK_LAYOUT_QWERTY);

  /* auto follows the language when shown */
  gtk_widget_set_visible (fixture->osk, FALSE);
  wk_osk_set_layout (WK_OSK (fixture->osk), WK_OSK_LAYOUT_AUTO);
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  gtk_widget_set_visible (fixture->osk, TRUE);
  ui_test_wait_drawn (fixture->osk);
  g_assert_cmpint (wk_osk_get_effective_layout (WK_OSK (fixture->osk)), ==, WK_OSK_LAYOUT_QWERTZ);
  g_assert_nonnull (ui_test_find_by_label (fixture->osk, "ü"));

  gtk_widget_set_visible (fixture->osk, FALSE);
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  gtk_widget_set_visible (fixture->osk, TRUE);
  ui_test_wait_drawn (fixture->osk);
  g_assert_cmpint (wk_osk_get_effective_layout (WK_OSK (fixture->osk)), ==, WK_OSK_LAYOUT_AZERTY);
  g_assert_nonnull (ui_test_find_by_label (fixture->osk, "é"));
  g_assert_null (ui_test_find_by_label (fixture->osk, "ü"));

  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "");
}

static void
test_email (Fixture       *fixture,
            gconstpointer  data)
{
  wk_osk_set_mode (WK_OSK (fixture->osk), WK_OSK_MODE_EMAIL);
  /* no domain, no domain key */
  g_assert_null (ui_test_find_by_label (fixture->osk, "@corp.example"));
  g_assert_null (ui_test_find_by_label (fixture->osk, "Space"));
  wk_osk_set_email_domain (WK_OSK (fixture->osk), "corp.example");
  g_assert_cmpstr (wk_osk_get_email_domain (WK_OSK (fixture->osk)), ==, "corp.example");
  g_assert_nonnull (ui_test_find_by_label (fixture->osk, "@corp.example"));

  tap (fixture, "p");
  tap (fixture, "Dot");
  tap (fixture, "s");
  tap (fixture, "Underscore");
  tap (fixture, "2");
  tap (fixture, "Hyphen");
  tap (fixture, "x");
  tap (fixture, "@corp.example");
  g_assert_cmpstr (text (fixture), ==, "p.s_2-x@corp.example");
  g_assert_cmpint (cursor (fixture), ==, 20);

  /* the "@" is typed only once */
  gtk_editable_set_text (GTK_EDITABLE (fixture->entry), "");
  tap (fixture, "a");
  tap (fixture, "At sign");
  tap (fixture, "@corp.example");
  g_assert_cmpstr (text (fixture), ==, "a@corp.example");

  check_all_keys (fixture->osk);
  g_free (ui_test_screenshot (GTK_WIDGET (fixture->window), "osk-email"));

  /* a leading "@" is accepted and dropped */
  wk_osk_set_email_domain (WK_OSK (fixture->osk), "@example.org");
  g_assert_cmpstr (wk_osk_get_email_domain (WK_OSK (fixture->osk)), ==, "example.org");
  g_assert_nonnull (ui_test_find_by_label (fixture->osk, "@example.org"));
}

static void
test_digits (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  wk_osk_set_mode (WK_OSK (fixture->osk), WK_OSK_MODE_DIGITS);
  ui_test_collect_by_type (fixture->osk, GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 12);   /* 0–9, Backspace, Enter */
  g_assert_null (ui_test_find_by_label (fixture->osk, "q"));
  g_assert_null (ui_test_find_by_label (fixture->osk, "Shift"));

  for (const char *p = "0042137"; *p != '\0'; p++)
    tap (fixture, (char[]) { *p, 0 });
  g_assert_cmpstr (text (fixture), ==, "0042137");
  tap (fixture, "Backspace");
  g_assert_cmpstr (text (fixture), ==, "004213");
  tap (fixture, "Enter");
  g_assert_cmpuint (fixture->activated, ==, 1);

  check_all_keys (fixture->osk);
  /* a big pad: wider keys than the letters' minimum */
  {
    double width, height;

    ui_test_touch_size (ui_test_find_by_label (fixture->osk, "5"), &width, &height);
    g_assert_cmpfloat (width, >=, 96);
    g_assert_cmpfloat (height, >=, 64);
  }
  g_free (ui_test_screenshot (GTK_WIDGET (fixture->window), "osk-digits"));
}

static void
test_target (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *other = gtk_text_new ();
  guint notified = 0;

  g_object_ref_sink (other);
  g_assert_true (wk_osk_get_target (WK_OSK (fixture->osk)) == GTK_EDITABLE (fixture->entry));

  /* a read-only target is left alone */
  gtk_editable_set_editable (GTK_EDITABLE (fixture->entry), FALSE);
  tap (fixture, "q");
  g_assert_cmpstr (text (fixture), ==, "");
  gtk_editable_set_editable (GTK_EDITABLE (fixture->entry), TRUE);

  /* another target */
  wk_osk_set_target (WK_OSK (fixture->osk), GTK_EDITABLE (other));
  tap (fixture, "w");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (other)), ==, "w");
  g_assert_cmpstr (text (fixture), ==, "");

  /* the target goes away: the keys do nothing, and nothing breaks */
  g_object_unref (other);
  g_assert_null (wk_osk_get_target (WK_OSK (fixture->osk)));
  tap (fixture, "e");
  tap (fixture, "Backspace");

  /* no target: nothing to notify twice */
  g_signal_connect (fixture->osk, "notify::target", G_CALLBACK (ui_test_count_notify), &notified);
  wk_osk_set_target (WK_OSK (fixture->osk), NULL);
  g_assert_cmpuint (notified, ==, 0);
  g_object_set (fixture->osk, "target", fixture->entry, NULL);
  g_assert_cmpuint (notified, ==, 1);
}

static void
test_properties (void)
{
  GtkWidget *osk = g_object_ref_sink (wk_osk_new ());
  guint mode = 0, layout = 0, domain = 0;
  WkOskMode mode_value;

  g_assert_true (ui_test_has_label (osk, "On-screen keyboard"));
  g_signal_connect (osk, "notify::mode", G_CALLBACK (ui_test_count_notify), &mode);
  g_signal_connect (osk, "notify::layout", G_CALLBACK (ui_test_count_notify), &layout);
  g_signal_connect (osk, "notify::email-domain", G_CALLBACK (ui_test_count_notify), &domain);

  wk_osk_set_mode (WK_OSK (osk), WK_OSK_MODE_TEXT);
  wk_osk_set_layout (WK_OSK (osk), WK_OSK_LAYOUT_AUTO);
  wk_osk_set_email_domain (WK_OSK (osk), NULL);
  wk_osk_set_email_domain (WK_OSK (osk), "");
  g_assert_cmpuint (mode + layout + domain, ==, 0);

  g_object_set (osk, "mode", WK_OSK_MODE_EMAIL, "layout", WK_OSK_LAYOUT_AZERTY,
                "email-domain", "corp.example", NULL);
  g_assert_cmpuint (mode, ==, 1);
  g_assert_cmpuint (layout, ==, 1);
  g_assert_cmpuint (domain, ==, 1);
  wk_osk_set_email_domain (WK_OSK (osk), "@corp.example");
  g_assert_cmpuint (domain, ==, 1);
  g_object_get (osk, "mode", &mode_value, NULL);
  g_assert_cmpint (mode_value, ==, WK_OSK_MODE_EMAIL);
  g_object_unref (osk);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/osk/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("types-at-the-cursor", test_types_at_the_cursor);
  ADD ("shift-and-caps", test_shift_and_caps);
  ADD ("enter", test_enter);
  ADD ("layouts", test_layouts);
  ADD ("language", test_language);
  ADD ("email", test_email);
  ADD ("digits", test_digits);
  ADD ("target", test_target);
#undef ADD
  g_test_add_func ("/osk/properties", test_properties);

  return g_test_run ();
}
