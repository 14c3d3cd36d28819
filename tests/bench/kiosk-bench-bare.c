/* kiosk-bench-bare.c — the yardstick for kiosk-bench's start_ratio: a bare
 * AdwApplicationWindow, fullscreen like the kiosk, that prints
 * "first-frame bare" once its first frame is painted and quits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

static void
after_paint_cb (GdkFrameClock  *clock,
                GApplication   *app)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_print ("first-frame bare\n");
  fflush (stdout);
  g_application_quit (app);
}

static void
realize_cb (GtkWidget    *window,
            GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), app);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_fullscreen (GTK_WINDOW (window));
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) app =
    adw_application_new ("io.github.walkup.KioskBenchBare", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
