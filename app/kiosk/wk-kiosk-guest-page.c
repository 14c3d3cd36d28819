/* wk-kiosk-guest-page.c
 *
 * Never turn anyone away: no badge, no account, still checked in.
 * Continue (kiosk.guest-continue) needs a name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-guest-page"

#include "config.h"

#include "wk-kiosk-guest-page.h"

#include "wk-kiosk-keyboard.h"
#include "wk-osk.h"

#include <glib/gi18n.h>

struct _WkKioskGuestPage
{
  AdwBin     parent_instance;

  GtkEntry  *name_entry;
  GtkEntry  *email_entry;
  GtkButton *continue_button;
  WkOsk *osk;
  GtkRevealer *osk_revealer;
};

G_DEFINE_FINAL_TYPE (WkKioskGuestPage, wk_kiosk_guest_page, ADW_TYPE_BIN)

static char *
dup_trimmed (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
name_changed_cb (WkKioskGuestPage *self)
{
  g_autofree char *name = dup_trimmed (self->name_entry);

  gtk_widget_set_sensitive (GTK_WIDGET (self->continue_button), name != NULL);
}

static void
name_activate_cb (WkKioskGuestPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->email_entry));
}

static void
continue_cb (WkKioskGuestPage *self)
{
  g_autofree char *name = dup_trimmed (self->name_entry);

  if (name != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.guest-continue", NULL);
}

static void
osk_activate_cb (WkKioskGuestPage *self)
{
  if (wk_osk_get_target (self->osk) == GTK_EDITABLE (self->name_entry))
    gtk_widget_grab_focus (GTK_WIDGET (self->email_entry));
  else
    continue_cb (self);
}

static gboolean
wk_kiosk_guest_page_grab_focus (GtkWidget *widget)
{
  WkKioskGuestPage *self = (WkKioskGuestPage *) widget;

  return gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
wk_kiosk_guest_page_class_init (WkKioskGuestPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->grab_focus = wk_kiosk_guest_page_grab_focus;

  g_type_ensure (WK_TYPE_OSK);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kiosk/wk-kiosk-guest-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WkKioskGuestPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, WkKioskGuestPage, email_entry);
  gtk_widget_class_bind_template_child (widget_class, WkKioskGuestPage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, WkKioskGuestPage, osk);
  gtk_widget_class_bind_template_child (widget_class, WkKioskGuestPage, osk_revealer);
  gtk_widget_class_bind_template_callback (widget_class, osk_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, continue_cb);
}

static void
wk_kiosk_guest_page_init (WkKioskGuestPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wk_osk_set_target (self->osk, GTK_EDITABLE (self->name_entry));
  wk_osk_set_mode (self->osk, WK_OSK_MODE_TEXT);
  wk_kiosk_keyboard_attach (self->osk_revealer, self->osk, GTK_WIDGET (self->name_entry), WK_OSK_MODE_TEXT);
  wk_kiosk_keyboard_attach (self->osk_revealer, self->osk, GTK_WIDGET (self->email_entry), WK_OSK_MODE_EMAIL);
}

GtkWidget *
wk_kiosk_guest_page_new (void)
{
  return g_object_new (WK_TYPE_KIOSK_GUEST_PAGE, NULL);
}

char *
wk_kiosk_guest_page_dup_name (WkKioskGuestPage *self)
{
  g_return_val_if_fail (WK_IS_KIOSK_GUEST_PAGE (self), NULL);
  return dup_trimmed (self->name_entry);
}

char *
wk_kiosk_guest_page_dup_email (WkKioskGuestPage *self)
{
  g_return_val_if_fail (WK_IS_KIOSK_GUEST_PAGE (self), NULL);
  return dup_trimmed (self->email_entry);
}

