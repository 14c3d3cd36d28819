/* wk-deskside-hardware-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-deskside-hardware-dialog"

#include "config.h"

#include "wk-deskside-hardware-dialog.h"

#include "wk-deskside-format.h"

#include <glib/gi18n.h>

struct _WkDesksideHardwareDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *add_group;
  AdwEntryRow      *person_row;
  AdwEntryRow      *ticket_row;
  AdwEntryRow      *description_row;
  AdwEntryRow      *asset_row;
  GtkWidget        *ready_group;
  AdwComboRow      *place_row;
  AdwActionRow     *locker_row;
  GtkSpinButton    *locker_spin;
  AdwEntryRow      *ready_by_row;

  WkHardware       *hardware;    /* owned, when marking ready */
  gint64            person_id;
};

G_DEFINE_FINAL_TYPE (WkDesksideHardwareDialog, wk_deskside_hardware_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
place_changed_cb (WkDesksideHardwareDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->locker_row),
                          adw_combo_row_get_selected (self->place_row) == 1);
}

WkHardware *
wk_deskside_hardware_dialog_get_hardware (WkDesksideHardwareDialog *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_HARDWARE_DIALOG (self), NULL);
  return self->hardware;
}

gint64
wk_deskside_hardware_dialog_get_person_id (WkDesksideHardwareDialog *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_HARDWARE_DIALOG (self), 0);
  return self->person_id;
}

const char *
wk_deskside_hardware_dialog_get_person (WkDesksideHardwareDialog *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_HARDWARE_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->person_row));
}

const char *
wk_deskside_hardware_dialog_get_ticket_ref (WkDesksideHardwareDialog *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_HARDWARE_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->ticket_row));
}

const char *
wk_deskside_hardware_dialog_get_description (WkDesksideHardwareDialog *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_HARDWARE_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->description_row));
}

const char *
wk_deskside_hardware_dialog_get_asset_tag (WkDesksideHardwareDialog *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_HARDWARE_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->asset_row));
}

char *
wk_deskside_hardware_dialog_dup_location (WkDesksideHardwareDialog *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_HARDWARE_DIALOG (self), NULL);

  if (adw_combo_row_get_selected (self->place_row) == 0)
    return wk_deskside_format_location (0);
  return wk_deskside_format_location ((guint) gtk_spin_button_get_value_as_int (self->locker_spin));
}

gboolean
wk_deskside_hardware_dialog_get_ready_by (WkDesksideHardwareDialog *self,
                                          gint64                   *ready_by)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_HARDWARE_DIALOG (self), FALSE);
  return wk_deskside_parse_ready_by (gtk_editable_get_text (GTK_EDITABLE (self->ready_by_row)),
                                     g_get_real_time () / G_USEC_PER_SEC, ready_by);
}

static void
wk_deskside_hardware_dialog_dispose (GObject *object)
{
  WkDesksideHardwareDialog *self = WK_DESKSIDE_HARDWARE_DIALOG (object);

  g_clear_object (&self->hardware);

  G_OBJECT_CLASS (wk_deskside_hardware_dialog_parent_class)->dispose (object);
}

static void
wk_deskside_hardware_dialog_class_init (WkDesksideHardwareDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_deskside_hardware_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/deskside/wk-deskside-hardware-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareDialog, add_group);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareDialog, ticket_row);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareDialog, asset_row);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareDialog, ready_group);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareDialog, locker_row);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareDialog, locker_spin);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareDialog, ready_by_row);
  gtk_widget_class_bind_template_callback (widget_class, place_changed_cb);
}

static void
wk_deskside_hardware_dialog_init (WkDesksideHardwareDialog *self)
{
  g_autoptr(GtkStringList) places = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_string_list_append (places, _("Counter"));
  gtk_string_list_append (places, _("Locker"));
  adw_combo_row_set_model (self->place_row, G_LIST_MODEL (places));
  place_changed_cb (self);
}

GtkWidget *
wk_deskside_hardware_dialog_new_add (GtkWindow  *parent,
                                     const char *person_name,
                                     gint64      person_id,
                                     const char *ticket_ref)
{
  WkDesksideHardwareDialog *self = g_object_new (WK_TYPE_DESKSIDE_HARDWARE_DIALOG,
                                                 "transient-for", parent,
                                                 "modal", TRUE,
                                                 "heading", _("Add a Device to Prepare"),
                                                 NULL);

  self->person_id = person_id;
  if (person_id > 0 && person_name != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->person_row), person_name);
      gtk_widget_set_sensitive (GTK_WIDGET (self->person_row), FALSE);
    }
  if (ticket_ref != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->ticket_row), ticket_ref);
  gtk_widget_set_visible (self->ready_group, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->ready_by_row), TRUE);
  return GTK_WIDGET (self);
}

GtkWidget *
wk_deskside_hardware_dialog_new_ready (GtkWindow  *parent,
                                       WkHardware *hardware)
{
  WkDesksideHardwareDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (WK_IS_HARDWARE (hardware), NULL);

  /* Translators: %s is a device, e.g. "ThinkPad T14" */
  heading = g_strdup_printf (_("Where Is %s Waiting?"), wk_hardware_get_description (hardware));
  self = g_object_new (WK_TYPE_DESKSIDE_HARDWARE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", heading,
                       NULL);
  self->hardware = g_object_ref (hardware);
  /* Translators: %s is the person who collects the device */
  {
    g_autofree char *body = g_strdup_printf (_("%s will be told where to collect it."),
                                             wk_hardware_get_person_name (hardware));
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  }
  gtk_widget_set_visible (self->add_group, FALSE);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "save", _("_Mark Ready"));
  return GTK_WIDGET (self);
}
