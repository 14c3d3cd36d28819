/* wk-deskside-ticket-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-deskside-ticket-row"

#include "config.h"

#include "wk-deskside-ticket-row.h"

#include "wk-deskside-format.h"

#include <glib/gi18n.h>

struct _WkDesksideTicketRow
{
  GtkWidget      parent_instance;

  GtkLabel      *ref_label;
  GtkLabel      *subject_label;
  GtkLabel      *detail_label;
  GtkLabel      *status_label;

  WkTicket      *ticket;   /* owned */
};

G_DEFINE_FINAL_TYPE (WkDesksideTicketRow, wk_deskside_ticket_row, GTK_TYPE_WIDGET)

void
wk_deskside_ticket_row_set_ticket (WkDesksideTicketRow *self,
                                   WkTicket            *ticket)
{
  WkTicket *t = ticket;
  const char *requester;
  const char *assignee;
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autofree char *when = NULL;
  const char *status;

  g_return_if_fail (WK_IS_DESKSIDE_TICKET_ROW (self));
  g_return_if_fail (ticket == NULL || WK_IS_TICKET (ticket));

  /* a row shows one ticket after another as the list scrolls */
  if (self->ticket != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label),
                                 wk_ticket_status_to_string (wk_ticket_get_status (self->ticket)));
  if (!g_set_object (&self->ticket, ticket) || ticket == NULL)
    return;

  requester = wk_ticket_get_requester_name (t);
  assignee = wk_ticket_get_assignee_name (t);
  updated = g_date_time_new_from_unix_local (wk_ticket_get_updated_at (t));
  when = updated != NULL ? g_date_time_format (updated, "%x %R") : g_strdup ("");
  status = wk_deskside_ticket_status_label (wk_ticket_get_status (t));

  if (assignee != NULL)
    /* Translators: requester · "with" assignee · last update time */
    detail = g_strdup_printf (_("%s · with %s · %s"),
                              requester != NULL ? requester : _("No requester"), assignee, when);
  else
    /* Translators: requester · unassigned · last update time */
    detail = g_strdup_printf (_("%s · unassigned · %s"),
                              requester != NULL ? requester : _("No requester"), when);

  gtk_label_set_text (self->ref_label, wk_ticket_get_ref (t));
  gtk_label_set_text (self->subject_label, wk_ticket_get_subject (t));
  gtk_label_set_text (self->detail_label, detail);
  gtk_label_set_text (self->status_label, status);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label),
                            wk_ticket_status_to_string (wk_ticket_get_status (t)));

  /* Translators: accessible name of a ticket row: reference, subject, status */
  accessible = g_strdup_printf (_("%s: %s (%s)"), wk_ticket_get_ref (t),
                                wk_ticket_get_subject (t), status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

WkTicket *
wk_deskside_ticket_row_get_ticket (WkDesksideTicketRow *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_TICKET_ROW (self), NULL);
  return self->ticket;
}

static void
wk_deskside_ticket_row_dispose (GObject *object)
{
  WkDesksideTicketRow *self = WK_DESKSIDE_TICKET_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->ticket);

  G_OBJECT_CLASS (wk_deskside_ticket_row_parent_class)->dispose (object);
}

static void
wk_deskside_ticket_row_class_init (WkDesksideTicketRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_deskside_ticket_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/deskside/wk-deskside-ticket-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketRow, ref_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketRow, subject_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketRow, detail_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketRow, status_label);
}

static void
wk_deskside_ticket_row_init (WkDesksideTicketRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wk_deskside_ticket_row_new (void)
{
  return g_object_new (WK_TYPE_DESKSIDE_TICKET_ROW, NULL);
}
