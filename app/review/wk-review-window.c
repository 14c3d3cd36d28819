/* wk-review-window.c — the review face's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-review-window"

#include "config.h"

#include "wk-review-window.h"

#include "wk-clock-label.h"

struct _WkReviewWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (WkReviewWindow, wk_review_window, ADW_TYPE_APPLICATION_WINDOW)

static void
wk_review_window_class_init (WkReviewWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (WK_TYPE_CLOCK_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/review/wk-review-window.ui");
}

static void
wk_review_window_init (WkReviewWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WkReviewWindow *
wk_review_window_new (GtkApplication *application)
{
  return g_object_new (WK_TYPE_REVIEW_WINDOW, "application", application, NULL);
}
