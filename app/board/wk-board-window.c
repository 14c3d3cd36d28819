/* wk-board-window.c — the board face's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-board-window"

#include "config.h"

#include "wk-board-window.h"

#include "wk-clock-label.h"

struct _WkBoardWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (WkBoardWindow, wk_board_window, ADW_TYPE_APPLICATION_WINDOW)

static void
wk_board_window_class_init (WkBoardWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (WK_TYPE_CLOCK_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/board/wk-board-window.ui");
}

static void
wk_board_window_init (WkBoardWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WkBoardWindow *
wk_board_window_new (GtkApplication *application)
{
  return g_object_new (WK_TYPE_BOARD_WINDOW, "application", application, NULL);
}
