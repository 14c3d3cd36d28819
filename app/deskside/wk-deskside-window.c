/* wk-deskside-window.c — the deskside face's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-deskside-window"

#include "config.h"

#include "wk-deskside-window.h"

#include "wk-clock-label.h"

struct _WkDesksideWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (WkDesksideWindow, wk_deskside_window, ADW_TYPE_APPLICATION_WINDOW)

static void
wk_deskside_window_class_init (WkDesksideWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (WK_TYPE_CLOCK_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/deskside/wk-deskside-window.ui");
}

static void
wk_deskside_window_init (WkDesksideWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WkDesksideWindow *
wk_deskside_window_new (GtkApplication *application)
{
  return g_object_new (WK_TYPE_DESKSIDE_WINDOW, "application", application, NULL);
}
