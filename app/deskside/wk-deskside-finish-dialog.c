/* wk-deskside-finish-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-deskside-finish-dialog"

#include "config.h"

#include "wk-deskside-finish-dialog.h"

#include "wk-deskside-format.h"
#include "wk-lifecycle.h"

#include <glib/gi18n.h>

struct _WkDesksideFinishDialog
{
  AdwMessageDialog  parent_instance;

  GtkCheckButton   *fixed_check;
  GtkCheckButton   *workaround_check;
  GtkCheckButton   *follow_up_check;
  GtkWidget        *ticket_group;
  AdwComboRow      *status_row;
  GtkTextView      *note_view;
  GtkCheckButton   *public_check;

  WkVisit          *visit;      /* owned */
  WkTicket         *ticket;     /* owned, may be NULL */
  GArray           *statuses;   /* int per status_row item; -1: keep */
};

G_DEFINE_FINAL_TYPE (WkDesksideFinishDialog, wk_deskside_finish_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
select_status (WkDesksideFinishDialog *self,
               int                     status)
{
  for (guint i = 0; i < self->statuses->len; i++)
    if (g_array_index (self->statuses, int, i) == status)
      {
        adw_combo_row_set_selected (self->status_row, i);
        return;
      }
  adw_combo_row_set_selected (self->status_row, 0);
}

static void
outcome_toggled_cb (WkDesksideFinishDialog *self)
{
  switch (wk_deskside_finish_dialog_get_outcome (self))
    {
    case WK_OUTCOME_RESOLVED_FIRST_CONTACT:
      select_status (self, WK_TICKET_STATUS_RESOLVED);
      break;
    case WK_OUTCOME_WORKAROUND:
      select_status (self, WK_TICKET_STATUS_PENDING);
      break;
    case WK_OUTCOME_FOLLOW_UP:
      select_status (self, WK_TICKET_STATUS_OPEN);
      break;
    case WK_OUTCOME_NONE:
    default:
      break;
    }
}

WkVisit *
wk_deskside_finish_dialog_get_visit (WkDesksideFinishDialog *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_FINISH_DIALOG (self), NULL);
  return self->visit;
}

WkTicket *
wk_deskside_finish_dialog_get_ticket (WkDesksideFinishDialog *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_FINISH_DIALOG (self), NULL);
  return self->ticket;
}

WkOutcome
wk_deskside_finish_dialog_get_outcome (WkDesksideFinishDialog *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_FINISH_DIALOG (self), WK_OUTCOME_NONE);

  if (gtk_check_button_get_active (self->fixed_check))
    return WK_OUTCOME_RESOLVED_FIRST_CONTACT;
  if (gtk_check_button_get_active (self->workaround_check))
    return WK_OUTCOME_WORKAROUND;
  if (gtk_check_button_get_active (self->follow_up_check))
    return WK_OUTCOME_FOLLOW_UP;
  return WK_OUTCOME_NONE;
}

int
wk_deskside_finish_dialog_get_status (WkDesksideFinishDialog *self)
{
  guint i;

  g_return_val_if_fail (WK_IS_DESKSIDE_FINISH_DIALOG (self), -1);

  i = adw_combo_row_get_selected (self->status_row);
  if (self->ticket == NULL || i >= self->statuses->len)
    return -1;
  return g_array_index (self->statuses, int, i);
}

char *
wk_deskside_finish_dialog_dup_note (WkDesksideFinishDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  char *text;

  g_return_val_if_fail (WK_IS_DESKSIDE_FINISH_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

gboolean
wk_deskside_finish_dialog_get_note_public (WkDesksideFinishDialog *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_FINISH_DIALOG (self), FALSE);
  return gtk_check_button_get_active (self->public_check);
}

static void
wk_deskside_finish_dialog_dispose (GObject *object)
{
  WkDesksideFinishDialog *self = WK_DESKSIDE_FINISH_DIALOG (object);

  g_clear_object (&self->visit);
  g_clear_object (&self->ticket);

  G_OBJECT_CLASS (wk_deskside_finish_dialog_parent_class)->dispose (object);
}

static void
wk_deskside_finish_dialog_finalize (GObject *object)
{
  WkDesksideFinishDialog *self = WK_DESKSIDE_FINISH_DIALOG (object);

  g_clear_pointer (&self->statuses, g_array_unref);

  G_OBJECT_CLASS (wk_deskside_finish_dialog_parent_class)->finalize (object);
}

static void
wk_deskside_finish_dialog_class_init (WkDesksideFinishDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_deskside_finish_dialog_dispose;
  object_class->finalize = wk_deskside_finish_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/deskside/wk-deskside-finish-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WkDesksideFinishDialog, fixed_check);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideFinishDialog, workaround_check);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideFinishDialog, follow_up_check);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideFinishDialog, ticket_group);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideFinishDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideFinishDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideFinishDialog, public_check);
  gtk_widget_class_bind_template_callback (widget_class, outcome_toggled_cb);
}

static void
wk_deskside_finish_dialog_init (WkDesksideFinishDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->statuses = g_array_new (FALSE, FALSE, sizeof (int));
}

GtkWidget *
wk_deskside_finish_dialog_new (GtkWindow *parent,
                               WkVisit   *visit,
                               WkTicket  *ticket)
{
  WkDesksideFinishDialog *self;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  int keep = -1;

  g_return_val_if_fail (WK_IS_VISIT (visit), NULL);

  self = g_object_new (WK_TYPE_DESKSIDE_FINISH_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->visit = g_object_ref (visit);
  self->ticket = ticket != NULL ? g_object_ref (ticket) : NULL;

  /* Translators: %s is the visitor's name */
  heading = g_strdup_printf (_("Finish the Visit of %s"), wk_visit_get_person_name (visit));
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);

  if (ticket != NULL)
    {
      WkTicketStatus current = wk_ticket_get_status (ticket);
      g_autofree char *keep_label = NULL;

      /* Translators: keep the ticket's status as it is; %s is that status */
      keep_label = g_strdup_printf (_("Keep “%s”"), wk_deskside_ticket_status_label (current));
      g_array_append_val (self->statuses, keep);
      gtk_string_list_append (statuses, keep_label);
      for (int s = WK_TICKET_STATUS_NEW; s <= WK_TICKET_STATUS_CLOSED; s++)
        if (wk_lifecycle_ticket_allows (current, s) ||
            (s == WK_TICKET_STATUS_RESOLVED && current != WK_TICKET_STATUS_RESOLVED &&
             current != WK_TICKET_STATUS_CLOSED))
          {
            g_array_append_val (self->statuses, s);
            gtk_string_list_append (statuses, wk_deskside_ticket_status_label (s));
          }
      adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
      /* Translators: %s is a ticket reference */
      {
        g_autofree char *subtitle = g_strdup_printf (_("Ticket %s"), wk_ticket_get_ref (ticket));
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), subtitle);
      }
    }
  gtk_widget_set_visible (self->ticket_group, ticket != NULL);
  outcome_toggled_cb (self);
  return GTK_WIDGET (self);
}
