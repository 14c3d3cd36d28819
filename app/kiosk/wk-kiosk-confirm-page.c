/* wk-kiosk-confirm-page.c
 *
 * What the visit says once stored: its position, the people ahead and the
 * wait estimated at check-in, with the self-help tip of its category.  The
 * window returns to the start screen by itself after a while.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-confirm-page"

#include "config.h"

#include "wk-kiosk-confirm-page.h"

#include "wk-category.h"

#include <glib/gi18n.h>

struct _WkKioskConfirmPage
{
  AdwBin     parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *position_label;
  GtkLabel  *ahead_label;
  GtkLabel  *tip_label;
  GtkWidget *tip_box;
};

G_DEFINE_FINAL_TYPE (WkKioskConfirmPage, wk_kiosk_confirm_page, ADW_TYPE_BIN)

char *
wk_kiosk_format_wait (gint64 estimated_wait_s)
{
  gint64 minutes;

  if (estimated_wait_s < 0)
    return NULL;
  minutes = (estimated_wait_s + 30) / 60;
  if (minutes < 1)
    return g_strdup (_("less than a minute"));
  /* Translators: an estimated wait */
  return g_strdup_printf (ngettext ("about %d min", "about %d min", (gulong) minutes),
                          (int) minutes);
}

static void
wk_kiosk_confirm_page_class_init (WkKioskConfirmPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kiosk/wk-kiosk-confirm-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WkKioskConfirmPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, WkKioskConfirmPage, position_label);
  gtk_widget_class_bind_template_child (widget_class, WkKioskConfirmPage, ahead_label);
  gtk_widget_class_bind_template_child (widget_class, WkKioskConfirmPage, tip_label);
  gtk_widget_class_bind_template_child (widget_class, WkKioskConfirmPage, tip_box);
}

static void
wk_kiosk_confirm_page_init (WkKioskConfirmPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wk_kiosk_confirm_page_new (WkVisit *visit)
{
  WkKioskConfirmPage *self;
  const WkCategory *category;
  guint position, ahead;
  g_autofree char *title = NULL;
  g_autofree char *position_text = NULL;
  g_autofree char *wait = NULL;
  g_autofree char *ahead_text = NULL;

  g_return_val_if_fail (WK_IS_VISIT (visit), NULL);

  self = g_object_new (WK_TYPE_KIOSK_CONFIRM_PAGE, NULL);
  position = wk_visit_get_position (visit);
  ahead = wk_visit_get_people_ahead (visit);
  wait = wk_kiosk_format_wait (wk_visit_get_estimated_wait_s (visit));

  if (wk_visit_get_greeting_name (visit) != NULL)
    /* Translators: %s is the person's preferred name */
    title = g_strdup_printf (_("You’re checked in, %s"), wk_visit_get_greeting_name (visit));
  else
    title = g_strdup (_("You’re checked in"));
  gtk_label_set_text (self->title_label, title);

  if (position > 0)
    /* Translators: the place in the queue */
    position_text = g_strdup_printf (_("You are number %u"), position);
  else
    position_text = g_strdup (_("An engineer will be with you shortly"));
  gtk_label_set_text (self->position_label, position_text);

  if (ahead == 0)
    ahead_text = g_strdup (_("No one is ahead of you"));
  else if (wait != NULL)
    /* Translators: %u is the number of people ahead, %s the wait, e.g. "about 12 min" */
    ahead_text = g_strdup_printf (ngettext ("%u person ahead of you · %s",
                                               "%u people ahead of you · %s", ahead),
                                  ahead, wait);
  else
    ahead_text = g_strdup_printf (ngettext ("%u person ahead of you",
                                               "%u people ahead of you", ahead),
                                  ahead);
  gtk_label_set_text (self->ahead_label, ahead_text);

  category = wk_category_lookup (wk_visit_get_reason (visit));
  if (category != NULL)
    gtk_label_set_text (self->tip_label, dgettext (GETTEXT_PACKAGE, category->tip));
  gtk_widget_set_visible (self->tip_box, category != NULL);
  return GTK_WIDGET (self);
}
