/* wk-feedback-detail.c — one survey, its context and its follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-feedback-detail"

#include "config.h"

#include "wk-feedback-detail.h"

#include "wk-category.h"
#include "wk-export.h"
#include "wk-feedback-row.h"
#include "wk-review-format.h"

#include <glib/gi18n.h>

struct _WkFeedbackDetail
{
  AdwBin         parent_instance;

  WkDesk        *desk;          /* owned */
  gint64         lead_id;
  WkSurvey      *survey;        /* owned */
  GCancellable  *cancellable;   /* owned: the reads for the current survey */
  gboolean       busy;          /* a follow-up change is on its way */
  gint64         visit_lounge;  /* the lounge of the visit shown */

  GtkStack      *stack;
  GtkButton     *back_button;
  GtkLabel      *score_label;
  GtkLabel      *title_label;
  GtkLabel      *date_label;
  GtkLabel      *comment_label;
  GtkBox        *tags_box;
  AdwActionRow  *checked_in_row;
  AdwActionRow  *reason_row;
  AdwActionRow  *wait_row;
  AdwActionRow  *outcome_row;
  AdwActionRow  *engineer_row;
  AdwActionRow  *lounge_row;
  AdwActionRow  *ticket_row;
  AdwActionRow  *contact_row;
  AdwActionRow  *followup_row;
  AdwEntryRow   *note_row;
  GtkLabel      *followup_error;
};

G_DEFINE_FINAL_TYPE (WkFeedbackDetail, wk_feedback_detail, ADW_TYPE_BIN)

enum {
  SURVEY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL && value[0] != '\0' ? value : "—");
}

static char *
format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (unix_seconds == 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (unix_seconds);
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  /* Translators: a full date and time, see g_date_time_format() */
  return local != NULL ? g_date_time_format (local, _("%A %e %B %Y, %H:%M")) : NULL;
}

static const char *
outcome_label (const char *outcome)
{
  if (g_strcmp0 (outcome, "resolved_first_contact") == 0)
    return _("Resolved at first contact");
  if (g_strcmp0 (outcome, "workaround") == 0)
    return _("Workaround");
  if (g_strcmp0 (outcome, "follow_up") == 0)
    return _("Needs a follow-up");
  return NULL;
}

static const char *
visit_status_label (const char *status)
{
  if (g_strcmp0 (status, "waiting") == 0)
    return _("Waiting");
  if (g_strcmp0 (status, "called") == 0)
    return _("Called");
  if (g_strcmp0 (status, "in_service") == 0)
    return _("In service");
  if (g_strcmp0 (status, "left") == 0)
    return _("Left before being served");
  if (g_strcmp0 (status, "cancelled") == 0)
    return _("Cancelled");
  return status;
}

static void
update_actions (WkFeedbackDetail *self)
{
  WkFollowupStatus status = self->survey != NULL ? wk_survey_get_followup_status (self->survey)
                                                 : WK_FOLLOWUP_STATUS_NONE;
  gboolean ready = self->survey != NULL && self->desk != NULL && !self->busy;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  g_autofree char *stripped = g_strstrip (g_strdup (note != NULL ? note : ""));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.mark-needed",
                                 ready && status == WK_FOLLOWUP_STATUS_NONE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.mark-contacted",
                                 ready && status == WK_FOLLOWUP_STATUS_NEEDED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "detail.close",
                                 ready && stripped[0] != '\0' &&
                                 (status == WK_FOLLOWUP_STATUS_NEEDED ||
                                  status == WK_FOLLOWUP_STATUS_CONTACTED));
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_row),
                            ready && status != WK_FOLLOWUP_STATUS_CLOSED);
}

static void
show_followup (WkFeedbackDetail *self)
{
  WkFollowupStatus status = wk_survey_get_followup_status (self->survey);
  const char *label = wk_feedback_followup_label (status);
  const char *note = wk_survey_get_followup_note (self->survey);
  g_autofree char *when = format_time (wk_survey_get_followup_at (self->survey));
  g_autofree char *subtitle = NULL;

  if (label == NULL)
    label = _("Not needed yet");
  if (note != NULL && note[0] != '\0' && when != NULL)
    /* Translators: follow-up status, when it was set, and the lead's note */
    subtitle = g_strdup_printf (_("%s · %s\n“%s”"), label, when, note);
  else if (when != NULL)
    subtitle = g_strdup_printf (_("%s · %s"), label, when);
  else
    subtitle = g_strdup (label);
  set_row (self->followup_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->followup_error), FALSE);
  update_actions (self);
}

static void
ticket_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkTicket) ticket = wk_desk_get_ticket_finish (WK_DESK (source), result, &error);
  WkFeedbackDetail *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_FEEDBACK_DETAIL (user_data);
  if (ticket == NULL)
    {
      set_row (self->ticket_row, error->message);
      return;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ticket_row), wk_ticket_get_ref (ticket));
  set_row (self->ticket_row, wk_ticket_get_subject (ticket));
}

static void
lounges_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lounges = wk_desk_list_lounges_finish (WK_DESK (source), result, &error);
  g_autoptr(GHashTable) names = NULL;
  WkFeedbackDetail *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_FEEDBACK_DETAIL (user_data);
  if (lounges == NULL)
    {
      set_row (self->lounge_row, error->message);
      return;
    }
  names = wk_export_lounge_names (lounges);
  set_row (self->lounge_row, g_hash_table_lookup (names, &self->visit_lounge));
}

static void
visit_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkVisit) visit = wk_desk_get_visit_finish (WK_DESK (source), result, &error);
  WkFeedbackDetail *self;
  const char *engineer;
  const char *desk;
  gboolean contactable;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_FEEDBACK_DETAIL (user_data);
  if (visit == NULL)
    {
      set_row (self->checked_in_row, error->message);
      return;
    }

  {
    g_autofree char *checked_in = format_time (wk_visit_get_checked_in_at (visit));
    set_row (self->checked_in_row, checked_in);
  }
  {
    const WkCategory *category = wk_category_lookup (wk_visit_get_reason (visit));
    set_row (self->reason_row, category != NULL ? wk_category_get_name (category)
                                                : wk_visit_get_reason (visit));
  }
  if (wk_visit_get_called_at (visit) > 0)
    {
      g_autofree char *wait =
        wk_review_format_duration ((double) (wk_visit_get_called_at (visit) -
                                             wk_visit_get_checked_in_at (visit)));
      set_row (self->wait_row, wait);
    }
  else
    set_row (self->wait_row, _("Not called"));
  {
    const char *outcome = outcome_label (wk_enum_to_string (WK_TYPE_OUTCOME,
                                                            wk_visit_get_outcome (visit)));
    set_row (self->outcome_row,
             outcome != NULL ? outcome
                             : visit_status_label (wk_enum_to_string (WK_TYPE_VISIT_STATUS,
                                                                      wk_visit_get_status (visit))));
  }
  engineer = wk_visit_get_engineer_name (visit);
  desk = wk_visit_get_desk (visit);
  if (desk != NULL && engineer != NULL)
    {
      /* Translators: engineer, then the desk they served at */
      g_autofree char *text = g_strdup_printf (_("%s at %s"), engineer, desk);
      set_row (self->engineer_row, text);
    }
  else if (engineer != NULL)
    set_row (self->engineer_row, engineer);
  self->visit_lounge = wk_visit_get_lounge_id (visit);
  wk_desk_list_lounges_async (WK_DESK (source), self->cancellable, lounges_cb, self);

  contactable = self->survey != NULL &&
                wk_survey_get_contact_consent (self->survey) &&
                !wk_survey_get_anonymous (self->survey);
  if (contactable && wk_visit_get_contact_email (visit) != NULL)
    set_row (self->contact_row, wk_visit_get_contact_email (visit));
}

static void
clear_tags (WkFeedbackDetail *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_box_remove (self->tags_box, child);
}

static void
show_survey (WkFeedbackDetail *self)
{
  WkSurvey *survey = self->survey;
  g_autofree char *score = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  const char *comment;
  const char * const *tags;
  const char *resolved;
  int value;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (survey == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "survey");

  value = CLAMP (wk_survey_get_score (survey), 1, 5);
  score = g_strdup_printf ("%d", value);
  gtk_label_set_text (self->score_label, score);
  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("score-%d", i);
      gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), name);
    }
  {
    g_autofree char *name = g_strdup_printf ("score-%d", value);
    gtk_widget_add_css_class (GTK_WIDGET (self->score_label), name);
  }

  switch (wk_survey_get_resolved (survey))
    {
    case WK_SURVEY_RESOLVED_YES:
      resolved = _("Fixed");
      break;
    case WK_SURVEY_RESOLVED_NO:
      resolved = _("Not fixed");
      break;
    case WK_SURVEY_RESOLVED_UNKNOWN:
    default:
      resolved = _("Not said whether fixed");
      break;
    }
  /* Translators: e.g. "Score 2 of 5 · Not fixed" */
  title = g_strdup_printf (_("Score %d of 5 · %s"), value, resolved);
  gtk_label_set_text (self->title_label, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  date = format_time (wk_survey_get_created_at (survey));
  gtk_label_set_text (self->date_label, date != NULL ? date : "");

  comment = wk_survey_get_comment (survey);
  if (comment != NULL && comment[0] != '\0')
    {
      gtk_label_set_text (self->comment_label, comment);
      gtk_widget_remove_css_class (GTK_WIDGET (self->comment_label), "dim-label");
    }
  else
    {
      gtk_label_set_text (self->comment_label, _("No comment"));
      gtk_widget_add_css_class (GTK_WIDGET (self->comment_label), "dim-label");
    }

  clear_tags (self);
  tags = wk_survey_get_tags (survey);
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      GtkWidget *tag = gtk_label_new (wk_feedback_tag_label (tags[i]));

      gtk_widget_add_css_class (tag, "tag-pill");
      gtk_box_append (self->tags_box, tag);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), tags != NULL && tags[0] != NULL);

  /* the visit: filled in when read */
  set_row (self->checked_in_row, NULL);
  set_row (self->reason_row, NULL);
  set_row (self->wait_row, NULL);
  set_row (self->outcome_row, NULL);
  set_row (self->engineer_row, wk_survey_get_engineer_name (survey));
  set_row (self->lounge_row, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ticket_row), _("Ticket"));
  set_row (self->ticket_row, wk_survey_get_ticket_id (survey) != 0 ? NULL : _("No ticket"));

  /* contact: only with consent, never for an anonymous answer */
  if (wk_survey_get_anonymous (survey))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->contact_row), _("Anonymous"));
      set_row (self->contact_row, _("This survey was answered anonymously."));
    }
  else if (!wk_survey_get_contact_consent (survey))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->contact_row), _("No consent to contact"));
      set_row (self->contact_row, _("The visitor did not agree to be contacted."));
    }
  else
    {
      const char *name = wk_survey_get_person_name (survey);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->contact_row),
                                     name != NULL ? name : _("Visitor"));
      set_row (self->contact_row, _("Agreed to be contacted"));
    }

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  show_followup (self);

  if (self->desk == NULL)
    return;
  if (wk_survey_get_ticket_id (survey) != 0)
    wk_desk_get_ticket_async (self->desk, wk_survey_get_ticket_id (survey), self->cancellable,
                              ticket_cb, self);
  if (wk_survey_get_visit_id (survey) != 0)
    wk_desk_get_visit_async (self->desk, wk_survey_get_visit_id (survey),
                             self->cancellable, visit_cb, self);
}

static void
followup_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(WkFeedbackDetail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkSurvey) survey = wk_desk_set_followup_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (survey == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The follow-up could not be saved: %s"), error->message);

      gtk_label_set_text (self->followup_error, text);
      gtk_widget_set_visible (GTK_WIDGET (self->followup_error), TRUE);
      update_actions (self);
      return;
    }
  if (self->survey == NULL || wk_survey_get_id (self->survey) != wk_survey_get_id (survey))
    {
      /* the lead moved on meanwhile: still tell the list */
      g_signal_emit (self, signals[SURVEY_CHANGED], 0, survey);
      update_actions (self);
      return;
    }
  g_set_object (&self->survey, survey);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  show_followup (self);
  g_signal_emit (self, signals[SURVEY_CHANGED], 0, survey);
}

static void
set_followup (WkFeedbackDetail *self,
              WkFollowupStatus  status)
{
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  g_autofree char *stripped = g_strstrip (g_strdup (note != NULL ? note : ""));

  if (self->survey == NULL || self->desk == NULL || self->busy)
    return;
  self->busy = TRUE;
  update_actions (self);
  /* the window's cancellable is not ours: a change once asked for is
   * completed even if the lead looks at another survey */
  wk_desk_set_followup_async (self->desk, wk_survey_get_id (self->survey), status,
                              self->lead_id, stripped[0] != '\0' ? stripped : NULL,
                              NULL, followup_cb, g_object_ref (self));
}

static void
mark_needed_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  set_followup (WK_FEEDBACK_DETAIL (widget), WK_FOLLOWUP_STATUS_NEEDED);
}

static void
mark_contacted_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_followup (WK_FEEDBACK_DETAIL (widget), WK_FOLLOWUP_STATUS_CONTACTED);
}

static void
close_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  set_followup (WK_FEEDBACK_DETAIL (widget), WK_FOLLOWUP_STATUS_CLOSED);
}

static void
note_changed_cb (WkFeedbackDetail *self)
{
  update_actions (self);
}

static void
wk_feedback_detail_dispose (GObject *object)
{
  WkFeedbackDetail *self = WK_FEEDBACK_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->survey);
  g_clear_object (&self->desk);
  G_OBJECT_CLASS (wk_feedback_detail_parent_class)->dispose (object);
}

static void
wk_feedback_detail_class_init (WkFeedbackDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_feedback_detail_dispose;

  signals[SURVEY_CHANGED] =
    g_signal_new ("survey-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, WK_TYPE_SURVEY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/review/wk-feedback-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, score_label);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, date_label);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, comment_label);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, tags_box);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, checked_in_row);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, reason_row);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, wait_row);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, engineer_row);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, lounge_row);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, ticket_row);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, contact_row);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, followup_row);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, note_row);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackDetail, followup_error);
  gtk_widget_class_bind_template_callback (widget_class, note_changed_cb);

  gtk_widget_class_install_action (widget_class, "detail.mark-needed", NULL, mark_needed_cb);
  gtk_widget_class_install_action (widget_class, "detail.mark-contacted", NULL, mark_contacted_cb);
  gtk_widget_class_install_action (widget_class, "detail.close", NULL, close_cb);
}

static void
wk_feedback_detail_init (WkFeedbackDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

GtkWidget *
wk_feedback_detail_new (void)
{
  return g_object_new (WK_TYPE_FEEDBACK_DETAIL, NULL);
}

void
wk_feedback_detail_set_desk (WkFeedbackDetail *self,
                             WkDesk           *desk,
                             gint64            lead_id)
{
  g_return_if_fail (WK_IS_FEEDBACK_DETAIL (self));
  g_return_if_fail (desk == NULL || WK_IS_DESK (desk));

  g_set_object (&self->desk, desk);
  self->lead_id = lead_id;
  update_actions (self);
}

void
wk_feedback_detail_set_survey (WkFeedbackDetail *self,
                               WkSurvey         *survey)
{
  g_return_if_fail (WK_IS_FEEDBACK_DETAIL (self));
  g_return_if_fail (survey == NULL || WK_IS_SURVEY (survey));

  if (survey == self->survey && survey != NULL)
    return;
  g_set_object (&self->survey, survey);
  show_survey (self);
}

WkSurvey *
wk_feedback_detail_get_survey (WkFeedbackDetail *self)
{
  g_return_val_if_fail (WK_IS_FEEDBACK_DETAIL (self), NULL);

  return self->survey;
}

void
wk_feedback_detail_set_show_back (WkFeedbackDetail *self,
                                  gboolean          show_back)
{
  g_return_if_fail (WK_IS_FEEDBACK_DETAIL (self));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), show_back);
}
