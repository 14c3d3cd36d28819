/* wk-deskside-ticket-pane.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-deskside-ticket-pane"

#include "config.h"

#include "wk-deskside-ticket-pane.h"

#include "wk-category.h"
#include "wk-deskside-format.h"
#include "wk-error.h"
#include "wk-lifecycle.h"

#include <glib/gi18n.h>

#define N_PRIORITIES 5

enum {
  ASSIGNEE_KEEP,
  ASSIGNEE_ME,
  ASSIGNEE_NOBODY,
};

struct _WkDesksideTicketPane
{
  AdwBin          parent_instance;

  GtkStack       *stack;
  GtkSpinner     *spinner;
  GtkLabel       *ref_label;
  GtkLabel       *subject_label;
  GtkLabel       *requester_label;
  GtkLabel       *description_label;
  AdwComboRow    *status_row;
  AdwComboRow    *priority_row;
  AdwComboRow    *assignee_row;
  AdwComboRow    *category_row;
  GtkButton      *save_button;
  GtkButton      *resolve_button;
  GtkListBox     *notes_list;
  GtkTextView    *note_view;
  GtkCheckButton *public_check;
  GtkButton      *add_note_button;
  GtkWidget      *conflict_banner;
  GtkLabel       *conflict_title;
  GtkLabel       *conflict_details;
  GtkButton      *conflict_dismiss_button;

  WkDesk         *desk;              /* owned */
  gint64          engineer_id;
  gint64          ticket_id;
  WkTicket       *ticket;            /* owned */
  GArray         *statuses;          /* WkTicketStatus per status_row item */
  GCancellable   *cancellable;       /* owned: the ticket shown */
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (WkDesksideTicketPane, wk_deskside_ticket_pane, ADW_TYPE_BIN)

enum {
  TOAST,
  DESK_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (WkDesksideTicketPane *self);

static void
report (WkDesksideTicketPane *self,
        const GError         *error)
{
  g_signal_emit (self, signals[DESK_ERROR], 0, error);
}

/* A spinner keeps animating while it spins, shown or not: it spins only
 * on the loading page, or the window would repaint every frame. */
static void
show_page (WkDesksideTicketPane *self,
           const char           *name)
{
  gtk_spinner_set_spinning (self->spinner, g_str_equal (name, "loading"));
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
toast (WkDesksideTicketPane *self,
       const char           *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static GtkWidget *
note_row_new (WkNote *note)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *body = gtk_label_new (wk_note_get_body (note));
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (wk_note_get_created_at (note));
  g_autofree char *when = at != NULL ? g_date_time_format (at, "%x %R") : g_strdup ("");
  g_autofree char *text = NULL;
  gboolean internal = wk_note_get_visibility (note) == WK_NOTE_VISIBILITY_INTERNAL;
  const char *author = wk_note_get_author_name (note);

  /* Translators: a note's author, time, and whether the requester sees it */
  text = g_strdup_printf (_("%s · %s · %s"), author != NULL ? author : _("Someone"), when,
                          internal ? _("Internal") : _("Public"));
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), body);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  if (internal)
    gtk_widget_add_css_class (row, "note-internal");
  return row;
}

static void
fill_conflict (WkDesksideTicketPane *self)
{
  WkTicket *t = self->ticket;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;

  details = wk_deskside_conflict_details (t);
  gtk_widget_set_visible (self->conflict_banner, details != NULL);
  if (details == NULL)
    return;
  /* Translators: %s is a ticketing system, such as Request Tracker */
  title = g_strdup_printf (_("%s changed this ticket meanwhile: your edit was not applied there"),
                           wk_deskside_upstream_label (wk_ticket_get_upstream_system (t)));
  gtk_label_set_text (self->conflict_title, title);
  gtk_label_set_text (self->conflict_details, details);
  gtk_widget_set_sensitive (GTK_WIDGET (self->conflict_dismiss_button), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->conflict_banner),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details, -1);
}

static void
fill (WkDesksideTicketPane *self)
{
  WkTicket *t = self->ticket;
  WkTicketStatus current = wk_ticket_get_status (t);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) assignees = gtk_string_list_new (NULL);
  g_autofree char *requester = NULL;
  GListModel *notes;
  guint n_categories, category_index = 0;
  const WkCategory *categories = wk_category_list (&n_categories);
  GtkListBoxRow *row;

  self->updating = TRUE;

  gtk_label_set_text (self->ref_label, wk_ticket_get_ref (t));
  gtk_label_set_text (self->subject_label, wk_ticket_get_subject (t));
  /* Translators: %s is the person the ticket is for */
  requester = g_strdup_printf (_("For %s"), wk_ticket_get_requester_name (t) != NULL
                               ? wk_ticket_get_requester_name (t) : _("nobody in particular"));
  gtk_label_set_text (self->requester_label, requester);
  gtk_label_set_text (self->description_label, wk_ticket_get_description (t));
  fill_conflict (self);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          wk_ticket_get_description (t) != NULL && *wk_ticket_get_description (t) != '\0');

  /* only the statuses the lifecycle allows from here */
  g_array_set_size (self->statuses, 0);
  for (int s = WK_TICKET_STATUS_NEW; s <= WK_TICKET_STATUS_CLOSED; s++)
    if (s == (int) current || wk_lifecycle_ticket_allows (current, s))
      {
        g_array_append_val (self->statuses, s);
        gtk_string_list_append (statuses, wk_deskside_ticket_status_label (s));
      }
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  for (guint i = 0; i < self->statuses->len; i++)
    if (g_array_index (self->statuses, int, i) == (int) current)
      adw_combo_row_set_selected (self->status_row, i);

  adw_combo_row_set_selected (self->priority_row,
                              (guint) CLAMP (wk_ticket_get_priority (t), 1, N_PRIORITIES) - 1);

  if (wk_ticket_get_assignee_id (t) > 0 && wk_ticket_get_assignee_id (t) != self->engineer_id)
    gtk_string_list_append (assignees, wk_ticket_get_assignee_name (t));
  else if (wk_ticket_get_assignee_id (t) == self->engineer_id)
    gtk_string_list_append (assignees, _("Me"));
  else
    gtk_string_list_append (assignees, _("Unassigned"));
  gtk_string_list_append (assignees, _("Assign to me"));
  gtk_string_list_append (assignees, _("Unassign"));
  adw_combo_row_set_model (self->assignee_row, G_LIST_MODEL (assignees));
  adw_combo_row_set_selected (self->assignee_row, ASSIGNEE_KEEP);

  for (guint i = 0; i < n_categories; i++)
    if (g_strcmp0 (categories[i].id, wk_ticket_get_category (t)) == 0)
      category_index = i;
  adw_combo_row_set_selected (self->category_row, category_index);

  gtk_widget_set_sensitive (GTK_WIDGET (self->resolve_button),
                            wk_lifecycle_ticket_allows (current, WK_TICKET_STATUS_RESOLVED));
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);

  /* rows only: the placeholder is a child too, and must stay */
  while ((row = gtk_list_box_get_row_at_index (self->notes_list, 0)) != NULL)
    gtk_list_box_remove (self->notes_list, GTK_WIDGET (row));
  notes = wk_ticket_get_notes (t);
  for (guint i = 0; notes != NULL && i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(WkNote) note = g_list_model_get_item (notes, i);
      gtk_list_box_append (self->notes_list, note_row_new (note));
    }

  show_page (self, "ticket");
  self->updating = FALSE;
}

static void
get_ticket_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  WkDesksideTicketPane *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkTicket) ticket = wk_desk_get_ticket_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_TICKET_PANE (user_data);

  if (ticket == NULL)
    {
      report (self, error);
      if (self->ticket == NULL)
        show_page (self, "empty");
      return;
    }
  g_set_object (&self->ticket, ticket);
  fill (self);
}

static void
load (WkDesksideTicketPane *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->desk == NULL || self->ticket_id <= 0)
    return;
  self->cancellable = g_cancellable_new ();
  wk_desk_get_ticket_async (self->desk, self->ticket_id, self->cancellable, get_ticket_cb, self);
}

static void
changed_cb (WkDesksideTicketPane *self)
{
  if (!self->updating && self->ticket != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
}

static void
update_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  WkDesksideTicketPane *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkTicket) ticket = wk_desk_update_ticket_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_TICKET_PANE (user_data);

  if (ticket == NULL)
    {
      report (self, error);
      load (self);   /* show what is there now */
      return;
    }
  /* version 0: kept on this device until the hub is back (WkRemoteDesk) */
  if (wk_ticket_get_version (ticket) == 0)
    {
      toast (self, _("Change saved on this device; it is sent when the hub is back"));
      return;
    }
  /* Translators: %s is a ticket reference */
  {
    g_autofree char *message = g_strdup_printf (_("%s updated"), wk_ticket_get_ref (ticket));
    toast (self, message);
  }
  load (self);
}

static void
send_update (WkDesksideTicketPane *self,
             WkTicketUpdate       *update)
{
  if (self->ticket == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  wk_desk_update_ticket_async (self->desk, wk_ticket_get_id (self->ticket),
                               wk_ticket_get_version (self->ticket), update,
                               self->engineer_id, self->cancellable, update_cb, self);
}

static void
save_clicked_cb (WkDesksideTicketPane *self)
{
  g_autoptr(WkTicketUpdate) update = wk_ticket_update_new ();
  guint status_i = adw_combo_row_get_selected (self->status_row);
  guint priority = adw_combo_row_get_selected (self->priority_row) + 1;
  guint n_categories;
  const WkCategory *categories = wk_category_list (&n_categories);
  guint category_i = adw_combo_row_get_selected (self->category_row);

  if (self->ticket == NULL)
    return;

  if (status_i < self->statuses->len &&
      g_array_index (self->statuses, int, status_i) != (int) wk_ticket_get_status (self->ticket))
    update->status = g_array_index (self->statuses, int, status_i);
  if ((int) priority != wk_ticket_get_priority (self->ticket))
    update->priority = (int) priority;
  switch (adw_combo_row_get_selected (self->assignee_row))
    {
    case ASSIGNEE_ME:
      update->assignee_id = self->engineer_id;
      break;
    case ASSIGNEE_NOBODY:
      update->assignee_id = 0;
      break;
    default:
      break;
    }
  if (category_i < n_categories &&
      g_strcmp0 (categories[category_i].id, wk_ticket_get_category (self->ticket)) != 0)
    update->category = g_strdup (categories[category_i].id);

  send_update (self, update);
}

void
wk_deskside_ticket_pane_resolve (WkDesksideTicketPane *self)
{
  g_autoptr(WkTicketUpdate) update = wk_ticket_update_new ();

  g_return_if_fail (WK_IS_DESKSIDE_TICKET_PANE (self));
  if (self->ticket == NULL)
    return;
  update->status = WK_TICKET_STATUS_RESOLVED;
  send_update (self, update);
}

static void
resolve_clicked_cb (WkDesksideTicketPane *self)
{
  wk_deskside_ticket_pane_resolve (self);
}

static void
add_note_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  WkDesksideTicketPane *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkNote) note = wk_desk_add_note_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_TICKET_PANE (user_data);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_note_button), TRUE);

  if (note == NULL)
    {
      report (self, error);
      return;
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  gtk_list_box_append (self->notes_list, note_row_new (note));
  if (wk_note_get_id (note) == 0)   /* kept on this device until the hub is back */
    toast (self, _("Note saved on this device; it is sent when the hub is back"));
  else
    toast (self, wk_note_get_visibility (note) == WK_NOTE_VISIBILITY_PUBLIC
                 ? _("Public note added") : _("Internal note added"));
}

static void
add_note_clicked_cb (WkDesksideTicketPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->ticket == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_note_button), FALSE);
  wk_desk_add_note_async (self->desk, wk_ticket_get_id (self->ticket), self->engineer_id, text,
                          gtk_check_button_get_active (self->public_check)
                          ? WK_NOTE_VISIBILITY_PUBLIC : WK_NOTE_VISIBILITY_INTERNAL, NULL,
                          self->cancellable, add_note_cb, self);
}

static void
acknowledge_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  WkDesksideTicketPane *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkTicket) ticket = wk_desk_acknowledge_conflict_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_TICKET_PANE (user_data);

  if (ticket == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->conflict_dismiss_button), TRUE);
      report (self, error);
      return;
    }
  g_set_object (&self->ticket, ticket);
  fill (self);
}

static void
conflict_dismiss_clicked_cb (WkDesksideTicketPane *self)
{
  if (self->ticket == NULL || wk_ticket_get_upstream_conflict_id (self->ticket) <= 0)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->conflict_dismiss_button), FALSE);
  wk_desk_acknowledge_conflict_async (self->desk, wk_ticket_get_id (self->ticket),
                                      wk_ticket_get_upstream_conflict_id (self->ticket),
                                      self->engineer_id, self->cancellable, acknowledge_cb, self);
}

void
wk_deskside_ticket_pane_setup (WkDesksideTicketPane *self,
                               WkDesk               *desk,
                               gint64                engineer_id)
{
  g_return_if_fail (WK_IS_DESKSIDE_TICKET_PANE (self));
  g_set_object (&self->desk, desk);
  self->engineer_id = engineer_id;
}

void
wk_deskside_ticket_pane_show (WkDesksideTicketPane *self,
                              gint64                ticket_id)
{
  g_return_if_fail (WK_IS_DESKSIDE_TICKET_PANE (self));

  if (ticket_id != self->ticket_id)
    {
      g_clear_object (&self->ticket);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
      gtk_check_button_set_active (self->public_check, FALSE);
      show_page (self, "loading");
    }
  self->ticket_id = ticket_id;
  if (ticket_id <= 0)
    {
      g_cancellable_cancel (self->cancellable);
      show_page (self, "empty");
      return;
    }
  load (self);
}

void
wk_deskside_ticket_pane_reload_if (WkDesksideTicketPane *self,
                                   gint64                ticket_id)
{
  g_return_if_fail (WK_IS_DESKSIDE_TICKET_PANE (self));
  if (ticket_id > 0 && ticket_id == self->ticket_id)
    load (self);
}

gint64
wk_deskside_ticket_pane_get_ticket_id (WkDesksideTicketPane *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_TICKET_PANE (self), 0);
  return self->ticket_id;
}

WkTicket *
wk_deskside_ticket_pane_get_ticket (WkDesksideTicketPane *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_TICKET_PANE (self), NULL);
  return self->ticket;
}

void
wk_deskside_ticket_pane_focus_note (WkDesksideTicketPane *self)
{
  g_return_if_fail (WK_IS_DESKSIDE_TICKET_PANE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
wk_deskside_ticket_pane_dispose (GObject *object)
{
  WkDesksideTicketPane *self = WK_DESKSIDE_TICKET_PANE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->desk);
  g_clear_object (&self->ticket);

  G_OBJECT_CLASS (wk_deskside_ticket_pane_parent_class)->dispose (object);
}

static void
wk_deskside_ticket_pane_finalize (GObject *object)
{
  WkDesksideTicketPane *self = WK_DESKSIDE_TICKET_PANE (object);

  g_clear_pointer (&self->statuses, g_array_unref);

  G_OBJECT_CLASS (wk_deskside_ticket_pane_parent_class)->finalize (object);
}

static void
wk_deskside_ticket_pane_class_init (WkDesksideTicketPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_deskside_ticket_pane_dispose;
  object_class->finalize = wk_deskside_ticket_pane_finalize;

  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DESK_ERROR] =
    g_signal_new ("desk-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/deskside/wk-deskside-ticket-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, stack);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, spinner);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, ref_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, subject_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, requester_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, description_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, status_row);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, priority_row);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, assignee_row);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, category_row);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, save_button);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, notes_list);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, note_view);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, public_check);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, add_note_button);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, conflict_banner);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, conflict_title);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, conflict_details);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideTicketPane, conflict_dismiss_button);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, resolve_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_note_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, conflict_dismiss_clicked_cb);
}

static void
wk_deskside_ticket_pane_init (WkDesksideTicketPane *self)
{
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  guint n_categories;
  const WkCategory *list = wk_category_list (&n_categories);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->statuses = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_string_list_append (priorities, _("1 · Highest"));
  gtk_string_list_append (priorities, _("2 · High"));
  gtk_string_list_append (priorities, _("3 · Normal"));
  gtk_string_list_append (priorities, _("4 · Low"));
  gtk_string_list_append (priorities, _("5 · Lowest"));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priorities));
  for (guint i = 0; i < n_categories; i++)
    gtk_string_list_append (categories, wk_category_get_name (&list[i]));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));
}
