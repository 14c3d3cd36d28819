/* wk-kiosk-closed-page.c
 *
 * The opening hours and the phone for urgent help; collecting a device and
 * giving feedback still work (kiosk.collect, kiosk.feedback).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-closed-page"

#include "config.h"

#include "wk-kiosk-closed-page.h"

#include "wk-clock-label.h"

#include <glib/gi18n.h>

struct _WkKioskClosedPage
{
  AdwBin         parent_instance;

  AdwStatusPage *status;
  GtkLabel      *phone_label;
  WkClockLabel  *clock;
};

G_DEFINE_FINAL_TYPE (WkKioskClosedPage, wk_kiosk_closed_page, ADW_TYPE_BIN)

static void
clock_pressed_cb (WkKioskClosedPage *self,
                  int                n_press,
                  double             x,
                  double             y,
                  GtkGestureClick   *gesture)
{
  /* the hidden gesture works here too: the window counts the taps */
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.admin-tap", NULL);
}

static void
wk_kiosk_closed_page_class_init (WkKioskClosedPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (WK_TYPE_CLOCK_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kiosk/wk-kiosk-closed-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WkKioskClosedPage, status);
  gtk_widget_class_bind_template_child (widget_class, WkKioskClosedPage, phone_label);
  gtk_widget_class_bind_template_child (widget_class, WkKioskClosedPage, clock);
  gtk_widget_class_bind_template_callback (widget_class, clock_pressed_cb);
}

static void
wk_kiosk_closed_page_init (WkKioskClosedPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wk_kiosk_closed_page_new (void)
{
  return g_object_new (WK_TYPE_KIOSK_CLOSED_PAGE, NULL);
}

void
wk_kiosk_closed_page_set_lounge (WkKioskClosedPage *self,
                                 WkLounge          *lounge)
{
  const char *hours, *phone;
  g_autofree char *description = NULL;
  g_autofree char *call = NULL;

  g_return_if_fail (WK_IS_KIOSK_CLOSED_PAGE (self));
  g_return_if_fail (WK_IS_LOUNGE (lounge));

  {
    g_autoptr(GTimeZone) timezone = g_time_zone_new_identifier (wk_lounge_get_timezone (lounge));

    /* the lounge's own time, as on the start page */
    if (timezone != NULL)
      wk_clock_label_set_timezone (self->clock, timezone);
  }

  hours = wk_lounge_get_opening_hours (lounge);
  phone = wk_lounge_get_phone (lounge);
  /* Translators: %s is the lounge's opening hours as configured, e.g. "mon-fri 08:00-18:00" */
  description = g_strdup_printf (_("Opening hours: %s"), hours);
  adw_status_page_set_description (self->status, description);
  if (phone != NULL && *phone != '\0')
    /* Translators: %s is a phone number */
    call = g_strdup_printf (_("For urgent help call %s"), phone);
  gtk_label_set_text (self->phone_label, call != NULL ? call : "");
  gtk_widget_set_visible (GTK_WIDGET (self->phone_label), call != NULL);
}
