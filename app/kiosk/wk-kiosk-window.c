/* wk-kiosk-window.c — the kiosk face's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-window"

#include "config.h"

#include "wk-kiosk-window.h"

#include "wk-clock-label.h"

struct _WkKioskWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (WkKioskWindow, wk_kiosk_window, ADW_TYPE_APPLICATION_WINDOW)

static void
wk_kiosk_window_class_init (WkKioskWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (WK_TYPE_CLOCK_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kiosk/wk-kiosk-window.ui");
}

static void
wk_kiosk_window_init (WkKioskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WkKioskWindow *
wk_kiosk_window_new (GtkApplication *application)
{
  return g_object_new (WK_TYPE_KIOSK_WINDOW, "application", application, NULL);
}
