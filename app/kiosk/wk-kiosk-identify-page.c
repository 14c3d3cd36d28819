/* wk-kiosk-identify-page.c
 *
 * A badge works from any page (the window's badge detector); this page
 * says so and offers the typed alternatives.  Continue activates
 * kiosk.lookup with (identified-by, text); the window rate-limits typed
 * look-ups and answers with wk_kiosk_identify_page_set_message().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-identify-page"

#include "config.h"

#include "wk-kiosk-identify-page.h"

#include "wk-icon-image.h"
#include "wk-kiosk-keyboard.h"
#include "wk-osk.h"

#include <glib/gi18n.h>

struct _WkKioskIdentifyPage
{
  AdwBin           parent_instance;

  GtkToggleButton *email_toggle;
  GtkToggleButton *employee_toggle;
  GtkToggleButton *ticket_toggle;
  GtkEntry        *entry;
  GtkButton       *continue_button;
  GtkLabel        *message_label;
  WkOsk *osk;
  GtkRevealer *osk_revealer;
  GtkWidget       *guest_button;
  GtkSpinner      *spinner;
  GtkImage        *badge_icon;

  WkIdentifiedBy   mode;
};

G_DEFINE_FINAL_TYPE (WkKioskIdentifyPage, wk_kiosk_identify_page, ADW_TYPE_BIN)

static void
update_entry (WkKioskIdentifyPage *self)
{
  const char *label;

  switch (self->mode)
    {
    case WK_IDENTIFIED_BY_EMPLOYEE_NO:
      label = _("Employee number");
      gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_ALPHA);
      break;
    case WK_IDENTIFIED_BY_TICKET_REF:
      label = _("Ticket number");
      gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_ALPHA);
      break;
    case WK_IDENTIFIED_BY_EMAIL:
    default:
      label = _("Work email address");
      gtk_entry_set_input_purpose (self->entry, GTK_INPUT_PURPOSE_EMAIL);
      break;
    }
  wk_osk_set_mode (self->osk, self->mode == WK_IDENTIFIED_BY_EMAIL ? WK_OSK_MODE_EMAIL
                                                                  : WK_OSK_MODE_TEXT);
  gtk_entry_set_placeholder_text (self->entry, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
mode_toggled_cb (WkKioskIdentifyPage *self,
                 GtkToggleButton     *toggle)
{
  if (!gtk_toggle_button_get_active (toggle))
    return;
  if (toggle == self->employee_toggle)
    self->mode = WK_IDENTIFIED_BY_EMPLOYEE_NO;
  else if (toggle == self->ticket_toggle)
    self->mode = WK_IDENTIFIED_BY_TICKET_REF;
  else
    self->mode = WK_IDENTIFIED_BY_EMAIL;
  update_entry (self);
  wk_kiosk_identify_page_set_message (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
text_changed_cb (WkKioskIdentifyPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  gtk_widget_set_sensitive (GTK_WIDGET (self->continue_button), *text != '\0');
}

static void
continue_cb (WkKioskIdentifyPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  if (*text == '\0' || !gtk_widget_get_sensitive (GTK_WIDGET (self->continue_button)))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.lookup", "(is)", (gint32) self->mode, text);
}

static void
osk_activate_cb (WkKioskIdentifyPage *self)
{
  continue_cb (self);
}

static gboolean
wk_kiosk_identify_page_grab_focus (GtkWidget *widget)
{
  WkKioskIdentifyPage *self = (WkKioskIdentifyPage *) widget;

  return gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
wk_kiosk_identify_page_class_init (WkKioskIdentifyPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->grab_focus = wk_kiosk_identify_page_grab_focus;

  g_type_ensure (WK_TYPE_OSK);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kiosk/wk-kiosk-identify-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WkKioskIdentifyPage, email_toggle);
  gtk_widget_class_bind_template_child (widget_class, WkKioskIdentifyPage, employee_toggle);
  gtk_widget_class_bind_template_child (widget_class, WkKioskIdentifyPage, ticket_toggle);
  gtk_widget_class_bind_template_child (widget_class, WkKioskIdentifyPage, entry);
  gtk_widget_class_bind_template_child (widget_class, WkKioskIdentifyPage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, WkKioskIdentifyPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, WkKioskIdentifyPage, osk);
  gtk_widget_class_bind_template_child (widget_class, WkKioskIdentifyPage, osk_revealer);
  gtk_widget_class_bind_template_callback (widget_class, osk_activate_cb);
  gtk_widget_class_bind_template_child (widget_class, WkKioskIdentifyPage, guest_button);
  gtk_widget_class_bind_template_child (widget_class, WkKioskIdentifyPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, WkKioskIdentifyPage, badge_icon);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, continue_cb);
}

static void
wk_kiosk_identify_page_init (WkKioskIdentifyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_image_set_from_paintable (self->badge_icon, wk_icon_paintable ("auth-smartcard-symbolic", 80));
  wk_osk_set_target (self->osk, GTK_EDITABLE (self->entry));
  wk_osk_set_mode (self->osk, WK_OSK_MODE_EMAIL);
  wk_kiosk_keyboard_attach (self->osk_revealer, self->osk, GTK_WIDGET (self->entry), -1);
  self->mode = WK_IDENTIFIED_BY_EMAIL;
  update_entry (self);
}

GtkWidget *
wk_kiosk_identify_page_new (gboolean allow_guest)
{
  WkKioskIdentifyPage *self = g_object_new (WK_TYPE_KIOSK_IDENTIFY_PAGE, NULL);

  gtk_widget_set_visible (self->guest_button, allow_guest);
  return GTK_WIDGET (self);
}

void
wk_kiosk_identify_page_set_message (WkKioskIdentifyPage *self,
                                    const char          *message)
{
  g_return_if_fail (WK_IS_KIOSK_IDENTIFY_PAGE (self));

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

void
wk_kiosk_identify_page_set_busy (WkKioskIdentifyPage *self,
                                 gboolean             busy)
{
  g_return_if_fail (WK_IS_KIOSK_IDENTIFY_PAGE (self));

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->continue_button),
                            !busy && *gtk_editable_get_text (GTK_EDITABLE (self->entry)) != '\0');
}


WkIdentifiedBy
wk_kiosk_identify_page_get_mode (WkKioskIdentifyPage *self)
{
  g_return_val_if_fail (WK_IS_KIOSK_IDENTIFY_PAGE (self), WK_IDENTIFIED_BY_EMAIL);
  return self->mode;
}

void
wk_kiosk_identify_page_set_mode (WkKioskIdentifyPage *self,
                                 WkIdentifiedBy       mode)
{
  g_return_if_fail (WK_IS_KIOSK_IDENTIFY_PAGE (self));

  switch (mode)
    {
    case WK_IDENTIFIED_BY_EMPLOYEE_NO:
      gtk_toggle_button_set_active (self->employee_toggle, TRUE);
      break;
    case WK_IDENTIFIED_BY_TICKET_REF:
      gtk_toggle_button_set_active (self->ticket_toggle, TRUE);
      break;
    default:
      gtk_toggle_button_set_active (self->email_toggle, TRUE);
      break;
    }
}

GtkEditable *
wk_kiosk_identify_page_get_entry (WkKioskIdentifyPage *self)
{
  g_return_val_if_fail (WK_IS_KIOSK_IDENTIFY_PAGE (self), NULL);
  return GTK_EDITABLE (self->entry);
}
