/* wk-deskside-visitor-pane.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-deskside-visitor-pane"

#include "config.h"

#include "wk-deskside-visitor-pane.h"

#include "wk-deskside-format.h"
#include "wk-error.h"

#include <glib/gi18n.h>

#define MAX_TICKETS 20
#define MAX_VISITS  5

struct _WkDesksideVisitorPane
{
  AdwBin        parent_instance;

  GtkStack     *stack;
  AdwAvatar    *avatar;
  GtkLabel     *name_label;
  GtkLabel     *department_label;
  GtkLabel     *status_label;
  GtkLabel     *about_label;
  GtkButton    *pick_up_button;
  GtkButton    *start_button;
  GtkButton    *finish_button;
  GtkButton    *left_button;
  GtkButton    *hardware_button;
  GtkListBox   *open_list;
  GtkListBox   *past_list;
  AdwPreferencesGroup *visits_group;
  GtkListBox   *visits_list;
  GtkListBox   *hardware_list;

  WkDesk       *desk;          /* owned */
  WkVisit      *visit;         /* owned */
  GCancellable *cancellable;   /* owned: loads for the person shown */
};

G_DEFINE_FINAL_TYPE (WkDesksideVisitorPane, wk_deskside_visitor_pane, ADW_TYPE_BIN)

enum {
  DESK_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* rows only: the placeholder is a child too, and must stay */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
ticket_row_new (WkTicket *ticket)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (wk_ticket_get_subject (ticket), -1);

  /* Translators: a ticket reference and its status */
  subtitle = g_strdup_printf (_("%s · %s"), wk_ticket_get_ref (ticket),
                              wk_deskside_ticket_status_label (wk_ticket_get_status (ticket)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-ticket");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", wk_ticket_get_id (ticket));
  return row;
}

static GtkWidget *
hardware_row_new (WkHardware *hardware)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (wk_hardware_get_description (hardware), -1);
  g_autofree char *location = wk_deskside_location_label (wk_hardware_get_location (hardware));
  g_autofree char *subtitle = NULL;

  if (*location != '\0')
    /* Translators: a device's status and where it waits */
    subtitle = g_strdup_printf (_("%s · %s"),
                                wk_deskside_hardware_status_label (wk_hardware_get_status (hardware)),
                                location);
  else
    subtitle = g_strdup (wk_deskside_hardware_status_label (wk_hardware_get_status (hardware)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
tickets_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WkDesksideVisitorPane *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tickets = wk_desk_search_tickets_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_VISITOR_PANE (user_data);
  if (tickets == NULL)
    {
      g_signal_emit (self, signals[DESK_ERROR], 0, error);
      return;
    }

  clear_list (self->open_list);
  clear_list (self->past_list);
  for (guint i = 0; i < g_list_model_get_n_items (tickets); i++)
    {
      g_autoptr(WkTicket) ticket = g_list_model_get_item (tickets, i);
      WkTicketStatus status = wk_ticket_get_status (ticket);
      gboolean open = status == WK_TICKET_STATUS_NEW || status == WK_TICKET_STATUS_OPEN ||
                      status == WK_TICKET_STATUS_PENDING;

      gtk_list_box_append (open ? self->open_list : self->past_list, ticket_row_new (ticket));
    }
}

static void
hardware_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  WkDesksideVisitorPane *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = wk_desk_list_hardware_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_VISITOR_PANE (user_data);
  if (items == NULL)
    {
      g_signal_emit (self, signals[DESK_ERROR], 0, error);
      return;
    }

  clear_list (self->hardware_list);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(WkHardware) hardware = g_list_model_get_item (items, i);
      gtk_list_box_append (self->hardware_list, hardware_row_new (hardware));
    }
}

static GtkWidget *
visit_row_new (WkVisit *visit)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (wk_visit_get_checked_in_at (visit));
  g_autofree char *date = when != NULL ? g_date_time_format (when, "%x") : g_strdup ("");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *how = wk_visit_get_status (visit) == WK_VISIT_STATUS_DONE
                    ? wk_deskside_outcome_label (wk_visit_get_outcome (visit))
                    : wk_deskside_visit_status_label (wk_visit_get_status (visit));
  const char *engineer = wk_visit_get_engineer_name (visit);

  /* Translators: the date of a visit and its reason */
  title = g_strdup_printf (_("%s · %s"), date, wk_deskside_category_label (wk_visit_get_reason (visit)));
  if (engineer != NULL)
    /* Translators: how a visit ended and the engineer who served it */
    subtitle = g_strdup_printf (_("%s · %s"), how, engineer);
  else
    subtitle = g_strdup (how);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (wk_visit_get_survey_score (visit) > 0)
    {
      /* Translators: a survey score out of five, e.g. 4/5 */
      g_autofree char *score = g_strdup_printf (_("%d/5"), wk_visit_get_survey_score (visit));
      GtkWidget *label = gtk_label_new (score);

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

/* The person's visits before this one, newest first, and the last score
 * they gave. */
static void
visits_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  WkDesksideVisitorPane *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) visits = wk_desk_list_visits_finish (WK_DESK (source), result, &error);
  g_autofree char *last_score = NULL;
  guint shown = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_VISITOR_PANE (user_data);
  if (visits == NULL)
    {
      g_signal_emit (self, signals[DESK_ERROR], 0, error);
      return;
    }

  clear_list (self->visits_list);
  for (guint i = g_list_model_get_n_items (visits); i > 0; i--)
    {
      g_autoptr(WkVisit) visit = g_list_model_get_item (visits, i - 1);
      WkVisitStatus status = wk_visit_get_status (visit);

      if (wk_visit_get_id (visit) == wk_visit_get_id (self->visit) ||
          status == WK_VISIT_STATUS_WAITING || status == WK_VISIT_STATUS_CALLED ||
          status == WK_VISIT_STATUS_IN_SERVICE)
        continue;
      if (last_score == NULL && wk_visit_get_survey_score (visit) > 0)
        /* Translators: %d is a survey score from 1 to 5 */
        last_score = g_strdup_printf (_("Last survey score: %d of 5"), wk_visit_get_survey_score (visit));
      if (shown < MAX_VISITS)
        {
          gtk_list_box_append (self->visits_list, visit_row_new (visit));
          shown++;
        }
    }
  adw_preferences_group_set_description (self->visits_group, last_score);
}

static void
identify_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  WkDesksideVisitorPane *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkIdentity) identity = wk_desk_identify_finish (WK_DESK (source), result, &error);
  WkPerson *person;
  GString *line;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_VISITOR_PANE (user_data);
  if (identity == NULL || (person = wk_identity_get_person (identity)) == NULL ||
      wk_person_get_id (person) != wk_visit_get_person_id (self->visit))
    return;

  line = g_string_new (NULL);
  if (wk_person_get_preferred_name (person) != NULL &&
      g_strcmp0 (wk_person_get_preferred_name (person), wk_person_get_display_name (person)) != 0)
    /* Translators: %s is the name a person prefers */
    g_string_append_printf (line, _("Prefers “%s”"), wk_person_get_preferred_name (person));
  if (wk_person_get_department (person) != NULL)
    g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "", wk_person_get_department (person));
  if (wk_person_get_location (person) != NULL)
    g_string_append_printf (line, "%s%s", line->len > 0 ? " · " : "", wk_person_get_location (person));
  gtk_label_set_text (self->department_label, line->str);
  gtk_widget_set_visible (GTK_WIDGET (self->department_label), line->len > 0);
  g_string_free (line, TRUE);
}

static void
load_person (WkDesksideVisitorPane *self)
{
  gint64 person_id = wk_visit_get_person_id (self->visit);
  g_autoptr(WkTicketQuery) tickets = NULL;
  WkVisitQuery visits = { 0 };

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_list (self->open_list);
  clear_list (self->past_list);
  clear_list (self->hardware_list);
  clear_list (self->visits_list);
  adw_preferences_group_set_description (self->visits_group, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->department_label), FALSE);

  if (self->desk == NULL || person_id <= 0)
    return;

  self->cancellable = g_cancellable_new ();
  tickets = wk_ticket_query_new ();
  tickets->requester_id = person_id;
  tickets->limit = MAX_TICKETS;
  wk_desk_search_tickets_async (self->desk, tickets, self->cancellable, tickets_cb, self);
  wk_desk_list_hardware_async (self->desk, person_id, 0, -1,
                               self->cancellable, hardware_cb, self);
  visits.from = 0;
  visits.to = g_get_real_time () / G_USEC_PER_SEC + 1;
  visits.person_id = person_id;
  wk_desk_list_visits_async (self->desk, &visits, self->cancellable, visits_cb, self);
  /* the department and preferred name come with identify; a ticket
   * reference is the one key a visit carries for it */
  if (wk_visit_get_ticket_ref (self->visit) != NULL)
    wk_desk_identify_async (self->desk, WK_IDENTIFIED_BY_TICKET_REF,
                            wk_visit_get_ticket_ref (self->visit),
                            self->cancellable, identify_cb, self);
}

static void
set_button_visible (GtkButton *button,
                    gboolean   visible)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (button));

  gtk_widget_set_visible (GTK_WIDGET (button), visible);
  if (GTK_IS_FLOW_BOX_CHILD (parent))
    gtk_widget_set_visible (parent, visible);
}

static void
show_visit (WkDesksideVisitorPane *self)
{
  WkVisit *v = self->visit;
  WkVisitStatus status = wk_visit_get_status (v);
  g_autofree char *status_text = NULL;
  g_autofree char *about = NULL;
  g_autoptr(GDateTime) checked_in = g_date_time_new_from_unix_local (wk_visit_get_checked_in_at (v));
  g_autofree char *time = checked_in != NULL ? g_date_time_format (checked_in, "%R") : g_strdup ("");
  const char *reason = wk_deskside_category_label (wk_visit_get_reason (v));

  adw_avatar_set_text (self->avatar, wk_visit_get_person_name (v));
  gtk_label_set_text (self->name_label, wk_visit_get_person_name (v));

  switch (status)
    {
    case WK_VISIT_STATUS_WAITING:
      /* Translators: checked-in time and place in the queue */
      status_text = g_strdup_printf (_("Waiting since %s · number %u in the queue"),
                                     time, wk_visit_get_position (v));
      break;
    case WK_VISIT_STATUS_CALLED:
      /* Translators: desk and engineer */
      status_text = g_strdup_printf (_("Called to %s by %s"),
                                     wk_visit_get_desk (v) != NULL ? wk_visit_get_desk (v) : "",
                                     wk_visit_get_engineer_name (v) != NULL ? wk_visit_get_engineer_name (v) : "");
      break;
    case WK_VISIT_STATUS_IN_SERVICE:
      /* Translators: %s is the engineer's name */
      status_text = g_strdup_printf (_("In service with %s"),
                                     wk_visit_get_engineer_name (v) != NULL ? wk_visit_get_engineer_name (v) : "");
      break;
    default:
      status_text = g_strdup (wk_deskside_visit_status_label (status));
      break;
    }
  gtk_label_set_text (self->status_label, status_text);

  if (wk_visit_get_ticket_subject (v) != NULL)
    /* Translators: the reason category, then the visitor's own words (ticket subject) */
    about = g_strdup_printf (_("%s — “%s”"), reason, wk_visit_get_ticket_subject (v));
  else
    about = g_strdup (reason);
  gtk_label_set_text (self->about_label, about);

  /* hide the flow box's child, not only the button, so that no gap is left */
  set_button_visible (self->pick_up_button, status == WK_VISIT_STATUS_WAITING);
  set_button_visible (self->start_button, status == WK_VISIT_STATUS_CALLED);
  set_button_visible (self->finish_button,
                      status == WK_VISIT_STATUS_CALLED || status == WK_VISIT_STATUS_IN_SERVICE);
  set_button_visible (self->left_button,
                      status == WK_VISIT_STATUS_WAITING || status == WK_VISIT_STATUS_CALLED);
  set_button_visible (self->hardware_button, wk_visit_get_person_id (v) > 0);

  gtk_stack_set_visible_child_name (self->stack, "visitor");
}

void
wk_deskside_visitor_pane_set_desk (WkDesksideVisitorPane *self,
                                   WkDesk                *desk)
{
  g_return_if_fail (WK_IS_DESKSIDE_VISITOR_PANE (self));
  g_set_object (&self->desk, desk);
}

void
wk_deskside_visitor_pane_set_visit (WkDesksideVisitorPane *self,
                                    WkVisit               *visit)
{
  gboolean same_person;

  g_return_if_fail (WK_IS_DESKSIDE_VISITOR_PANE (self));

  if (visit == NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->visit);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  same_person = self->visit != NULL && wk_visit_get_id (self->visit) == wk_visit_get_id (visit);
  g_set_object (&self->visit, visit);
  show_visit (self);
  if (!same_person)
    load_person (self);
}

WkVisit *
wk_deskside_visitor_pane_get_visit (WkDesksideVisitorPane *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_VISITOR_PANE (self), NULL);
  return self->visit;
}

void
wk_deskside_visitor_pane_reload (WkDesksideVisitorPane *self)
{
  g_return_if_fail (WK_IS_DESKSIDE_VISITOR_PANE (self));
  if (self->visit != NULL)
    load_person (self);
}

static void
wk_deskside_visitor_pane_dispose (GObject *object)
{
  WkDesksideVisitorPane *self = WK_DESKSIDE_VISITOR_PANE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->desk);
  g_clear_object (&self->visit);

  G_OBJECT_CLASS (wk_deskside_visitor_pane_parent_class)->dispose (object);
}

static void
wk_deskside_visitor_pane_class_init (WkDesksideVisitorPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_deskside_visitor_pane_dispose;

  signals[DESK_ERROR] =
    g_signal_new ("desk-error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/deskside/wk-deskside-visitor-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, stack);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, avatar);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, name_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, department_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, status_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, about_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, pick_up_button);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, start_button);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, finish_button);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, left_button);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, hardware_button);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, open_list);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, past_list);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, hardware_list);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, visits_group);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitorPane, visits_list);
}

static void
wk_deskside_visitor_pane_init (WkDesksideVisitorPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
