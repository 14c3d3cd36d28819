/* wk-deskside-hardware-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-deskside-hardware-row"

#include "config.h"

#include "wk-deskside-hardware-row.h"

#include "wk-deskside-format.h"

#include <glib/gi18n.h>

struct _WkDesksideHardwareRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *title_label;
  GtkLabel      *person_label;
  GtkLabel      *where_label;
  GtkButton     *ready_button;
  GtkButton     *cancel_button;

  WkHardware    *hardware;   /* owned */
};

G_DEFINE_FINAL_TYPE (WkDesksideHardwareRow, wk_deskside_hardware_row, GTK_TYPE_LIST_BOX_ROW)

static char *
format_time (gint64 at)
{
  g_autoptr(GDateTime) time = at > 0 ? g_date_time_new_from_unix_local (at) : NULL;

  return time != NULL ? g_date_time_format (time, "%x %R") : g_strdup ("");
}

static void
bind (WkDesksideHardwareRow *self)
{
  WkHardware *h = self->hardware;
  WkHardwareStatus status = wk_hardware_get_status (h);
  const char *tag = wk_hardware_get_asset_tag (h);
  const char *ref = wk_hardware_get_ticket_ref (h);
  g_autofree char *title = NULL;
  g_autofree char *person = NULL;
  g_autofree char *where = NULL;
  g_autofree char *location = wk_deskside_location_label (wk_hardware_get_location (h));
  g_autofree char *accessible = NULL;
  g_autofree char *time = NULL;

  /* Translators: a device and its asset tag */
  title = tag != NULL ? g_strdup_printf (_("%s · %s"), wk_hardware_get_description (h), tag)
                      : g_strdup (wk_hardware_get_description (h));
  /* Translators: who collects a device, and its ticket */
  person = ref != NULL ? g_strdup_printf (_("For %s · %s"), wk_hardware_get_person_name (h), ref)
                       /* Translators: who collects a device */
                       : g_strdup_printf (_("For %s"), wk_hardware_get_person_name (h));

  switch (status)
    {
    case WK_HARDWARE_STATUS_PREPARING:
      time = format_time (wk_hardware_get_ready_by (h));
      where = *time != '\0'
              /* Translators: %s is a date and time */
              ? g_strdup_printf (_("Preparing · promised by %s"), time)
              : g_strdup (wk_deskside_hardware_status_label (status));
      break;
    case WK_HARDWARE_STATUS_READY:
      /* Translators: "Ready at Locker 12" */
      where = g_strdup_printf (_("Ready at %s"), location);
      break;
    case WK_HARDWARE_STATUS_COLLECTED:
      time = format_time (wk_hardware_get_collected_at (h));
      /* Translators: %s is a date and time */
      where = g_strdup_printf (_("Collected %s"), time);
      break;
    case WK_HARDWARE_STATUS_CANCELLED:
    default:
      where = g_strdup (wk_deskside_hardware_status_label (status));
      break;
    }

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->person_label, person);
  gtk_label_set_text (self->where_label, where);

  gtk_widget_set_visible (GTK_WIDGET (self->ready_button), status == WK_HARDWARE_STATUS_PREPARING);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button),
                          status == WK_HARDWARE_STATUS_PREPARING || status == WK_HARDWARE_STATUS_READY);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->ready_button), "x", wk_hardware_get_id (h));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->cancel_button), "x", wk_hardware_get_id (h));

  /* Translators: accessible name of a hardware row: device, for whom, where */
  accessible = g_strdup_printf (_("%s, %s, %s"), title, person, where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_clear_pointer (&accessible, g_free);
  /* Translators: accessible name of a button; %s is a device */
  accessible = g_strdup_printf (_("Mark %s ready"), wk_hardware_get_description (h));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ready_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_clear_pointer (&accessible, g_free);
  /* Translators: accessible name of a button; %s is a device */
  accessible = g_strdup_printf (_("Cancel %s"), wk_hardware_get_description (h));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cancel_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

WkHardware *
wk_deskside_hardware_row_get_hardware (WkDesksideHardwareRow *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_HARDWARE_ROW (self), NULL);
  return self->hardware;
}

static void
wk_deskside_hardware_row_dispose (GObject *object)
{
  WkDesksideHardwareRow *self = WK_DESKSIDE_HARDWARE_ROW (object);

  g_clear_object (&self->hardware);

  G_OBJECT_CLASS (wk_deskside_hardware_row_parent_class)->dispose (object);
}

static void
wk_deskside_hardware_row_class_init (WkDesksideHardwareRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_deskside_hardware_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/deskside/wk-deskside-hardware-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareRow, person_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareRow, where_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareRow, ready_button);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideHardwareRow, cancel_button);
}

static void
wk_deskside_hardware_row_init (WkDesksideHardwareRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wk_deskside_hardware_row_new (WkHardware *hardware)
{
  WkDesksideHardwareRow *self;

  g_return_val_if_fail (WK_IS_HARDWARE (hardware), NULL);

  self = g_object_new (WK_TYPE_DESKSIDE_HARDWARE_ROW, NULL);
  self->hardware = g_object_ref (hardware);
  bind (self);
  return GTK_WIDGET (self);
}
