/* wk-kiosk-thanks-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-thanks-page"

#include "config.h"

#include "wk-kiosk-thanks-page.h"

#include "wk-icon-image.h"

struct _WkKioskThanksPage
{
  AdwBin         parent_instance;

  AdwStatusPage *status;
};

G_DEFINE_FINAL_TYPE (WkKioskThanksPage, wk_kiosk_thanks_page, ADW_TYPE_BIN)

static void
wk_kiosk_thanks_page_class_init (WkKioskThanksPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kiosk/wk-kiosk-thanks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WkKioskThanksPage, status);
}

static void
wk_kiosk_thanks_page_init (WkKioskThanksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* 128: AdwStatusPage's icon size */
  adw_status_page_set_paintable (self->status, wk_icon_paintable ("emblem-ok-symbolic", 128));
}

/* @title and @description: NULL keeps the template's */
GtkWidget *
wk_kiosk_thanks_page_new (const char *title,
                          const char *description)
{
  WkKioskThanksPage *self = g_object_new (WK_TYPE_KIOSK_THANKS_PAGE, NULL);

  if (title != NULL)
    adw_status_page_set_title (self->status, title);
  if (description != NULL)
    adw_status_page_set_description (self->status, description);
  return GTK_WIDGET (self);
}
