/* wk-kiosk-keyboard.c
 *
 * The keyboard's keys never take the focus, so typing on it keeps the
 * entry focused; tapping anything else that takes the focus hides it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-keyboard"

#include "config.h"

#include "wk-kiosk-keyboard.h"

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                GtkRevealer             *revealer)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  WkOsk *osk = WK_OSK (gtk_revealer_get_child (revealer));
  int mode = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (controller), "wk-osk-mode"));

  wk_osk_set_target (osk, GTK_EDITABLE (entry));
  if (mode >= 0)
    wk_osk_set_mode (osk, (WkOskMode) mode);
  gtk_revealer_set_reveal_child (revealer, TRUE);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                GtkRevealer             *revealer)
{
  gtk_revealer_set_reveal_child (revealer, FALSE);
}

void
wk_kiosk_keyboard_attach (GtkRevealer *revealer,
                          WkOsk       *osk,
                          GtkWidget   *entry,
                          int          mode)
{
  GtkEventController *focus;

  g_return_if_fail (GTK_IS_REVEALER (revealer));
  g_return_if_fail (WK_IS_OSK (osk));
  g_return_if_fail (GTK_IS_EDITABLE (entry));
  g_return_if_fail (gtk_revealer_get_child (revealer) == GTK_WIDGET (osk));

  focus = gtk_event_controller_focus_new ();
  g_object_set_data (G_OBJECT (focus), "wk-osk-mode", GINT_TO_POINTER (mode));
  g_signal_connect_object (focus, "enter", G_CALLBACK (focus_enter_cb), revealer, 0);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), revealer, 0);
  gtk_widget_add_controller (entry, focus);
}
