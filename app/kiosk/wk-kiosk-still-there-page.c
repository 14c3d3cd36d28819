/* wk-kiosk-still-there-page.c
 *
 * "I'm still here" (kiosk.still-here) goes back to where the person was;
 * "Start over" (kiosk.home) and the countdown end the journey.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-still-there-page"

#include "config.h"

#include "wk-kiosk-still-there-page.h"

#include <glib/gi18n.h>

struct _WkKioskStillTherePage
{
  AdwBin         parent_instance;

  AdwStatusPage *status;
};

G_DEFINE_FINAL_TYPE (WkKioskStillTherePage, wk_kiosk_still_there_page, ADW_TYPE_BIN)

static void
wk_kiosk_still_there_page_class_init (WkKioskStillTherePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kiosk/wk-kiosk-still-there-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WkKioskStillTherePage, status);
}

static void
wk_kiosk_still_there_page_init (WkKioskStillTherePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wk_kiosk_still_there_page_new (void)
{
  return g_object_new (WK_TYPE_KIOSK_STILL_THERE_PAGE, NULL);
}

void
wk_kiosk_still_there_page_set_seconds (WkKioskStillTherePage *self,
                                       guint                  seconds)
{
  g_autofree char *text = NULL;

  g_return_if_fail (WK_IS_KIOSK_STILL_THERE_PAGE (self));

  text = g_strdup_printf (ngettext (
                                       "To keep your details private, the kiosk starts over in %u second.",
                                       "To keep your details private, the kiosk starts over in %u seconds.",
                                       seconds),
                          seconds);
  adw_status_page_set_description (self->status, text);
}
