/* wk-review-window.c — the review face's window
 *
 * Sign in (lead or admin) → the filters (period, lounge, engineer) drive
 * the dashboard (this period and the one of the same length before it) and
 * the feedback view; export writes CSV through a native file chooser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-review-window"

#include "config.h"

#include "wk-review-window.h"

#include "wk-error.h"
#include "wk-feedback-view.h"
#include "wk-lounge.h"
#include "wk-notifier.h"
#include "wk-review-dashboard.h"
#include "wk-export.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

struct _WkReviewWindow
{
  WkFaceWindow          parent_instance;

  WkSession            *session;        /* owned; NULL until signed in */
  GCancellable         *cancellable;    /* owned: sign-in, lists; cancelled at dispose */
  GCancellable         *refresh;        /* owned: the current metrics load */
  WkMetrics            *current;        /* owned: of the load under way */
  WkMetrics            *previous;       /* owned */
  guint                 pending;        /* metrics loads not back yet */
  gint64                query_from;     /* start of the current period */
  guint                 refreshes;
  GArray               *lounge_ids;     /* gint64, parallel to the lounge dropdown */
  GArray               *engineer_ids;   /* gint64, parallel to the engineer dropdown */
  GDate                 custom_from;
  GDate                 custom_to;
  GtkFileChooserNative *chooser;        /* owned while open */
  gboolean              updating_lists;
  WkNotifier           *notifier;       /* owned */
  WkDesk               *subscribed;     /* owned: the desk of the subscription */
  guint                 subscription;   /* to the desk's events while signed in */
  GHashTable           *notified;       /* owned: survey id (gint64*) → WkSurvey */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwEntryRow          *login_row;
  AdwPasswordEntryRow  *password_row;
  GtkLabel             *signin_error;
  GtkDropDown          *period_dropdown;
  GtkMenuButton        *custom_button;
  GtkEntry             *custom_from_entry;
  GtkEntry             *custom_to_entry;
  GtkLabel             *custom_error;
  GtkDropDown          *lounge_dropdown;
  GtkDropDown          *engineer_dropdown;
  GtkStringList        *lounge_list;
  GtkStringList        *engineer_list;
  AdwViewStack         *view_stack;
  WkReviewDashboard    *dashboard;
  WkFeedbackView       *feedback;
  GtkLabel             *signed_in_label;
};

G_DEFINE_FINAL_TYPE (WkReviewWindow, wk_review_window, WK_TYPE_FACE_WINDOW)

static void refresh (WkReviewWindow *self);

static WkDesk *
get_desk (WkReviewWindow *self)
{
  return wk_face_window_get_desk (WK_FACE_WINDOW (self));
}

static gint64
selected_id (GtkDropDown *dropdown,
             GArray      *ids)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (i == GTK_INVALID_LIST_POSITION || i >= ids->len)
    return 0;
  return g_array_index (ids, gint64, i);
}

static void
toast (WkReviewWindow *self,
       const char     *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* ---- sign in ------------------------------------------------------------ */

static void
show_signin_error (WkReviewWindow *self,
                   const char     *text)
{
  gtk_label_set_text (self->signin_error, text);
  gtk_widget_set_visible (GTK_WIDGET (self->signin_error), text != NULL);
}

static const char *
role_label (WkRole role)
{
  switch (role)
    {
    case WK_ROLE_ENGINEER:
      return _("You are signed in as an engineer.");
    case WK_ROLE_VISITOR:
      return _("This is a visitor account.");
    case WK_ROLE_LEAD:
    case WK_ROLE_ADMIN:
    default:
      return "";
    }
}

static void
lounges_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lounges = wk_desk_list_lounges_finish (WK_DESK (source), result, &error);
  WkReviewWindow *self;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_REVIEW_WINDOW (user_data);
  if (lounges == NULL)
    {
      g_warning ("Could not list the lounges: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (lounges);
  self->updating_lists = TRUE;
  g_array_set_size (self->lounge_ids, 1);
  gtk_string_list_splice (self->lounge_list, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->lounge_list)) - 1, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkLounge) lounge = g_list_model_get_item (lounges, i);
      gint64 id = wk_lounge_get_id (lounge);

      g_array_append_val (self->lounge_ids, id);
      gtk_string_list_append (self->lounge_list, wk_lounge_get_name (lounge));
    }
  gtk_drop_down_set_selected (self->lounge_dropdown, 0);
  self->updating_lists = FALSE;
  /* one lounge only: nothing to choose */
  gtk_widget_set_visible (GTK_WIDGET (self->lounge_dropdown), n > 1);
}

static void
engineers_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) engineers = wk_desk_list_staff_finish (WK_DESK (source), result, &error);
  WkReviewWindow *self;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_REVIEW_WINDOW (user_data);
  if (engineers == NULL)
    {
      g_warning ("Could not list the staff: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->engineer_dropdown), FALSE);
      return;
    }
  self->updating_lists = TRUE;
  g_array_set_size (self->engineer_ids, 1);
  gtk_string_list_splice (self->engineer_list, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->engineer_list)) - 1, NULL);
  n = g_list_model_get_n_items (engineers);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkPerson) engineer = g_list_model_get_item (engineers, i);
      gint64 id = wk_person_get_id (engineer);

      g_array_append_val (self->engineer_ids, id);
      gtk_string_list_append (self->engineer_list, wk_person_get_display_name (engineer));
    }
  gtk_drop_down_set_selected (self->engineer_dropdown, 0);
  self->updating_lists = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->engineer_dropdown), n > 0);
}

/* ---- low scores with consent notify the lead ---------------------------- */

#define LOW_SCORE 2

/* The score in an event's payload, or 0 when it has none. */
static gint64
payload_score (const char *payload)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (payload == NULL || !json_parser_load_from_data (parser, payload, -1, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  return json_object_get_int_member_with_default (json_node_get_object (root), "score", 0);
}

typedef struct {
  WkReviewWindow *self;        /* owned */
  gint64          survey_id;
} LowScore;

static void
low_score_free (LowScore *low)
{
  g_clear_object (&low->self);
  g_free (low);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LowScore, low_score_free)

static void
low_score_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(LowScore) low = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) surveys = wk_desk_list_feedback_finish (WK_DESK (source), result, &error);
  WkReviewWindow *self;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = low->self;
  if (surveys == NULL)
    {
      g_debug ("Could not read survey %" G_GINT64_FORMAT ": %s", low->survey_id, error->message);
      return;
    }
  if (self->session == NULL)
    return;   /* signed out meanwhile */

  n = g_list_model_get_n_items (surveys);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkSurvey) survey = g_list_model_get_item (surveys, i);
      const char *name = wk_survey_get_person_name (survey);
      const char *comment = wk_survey_get_comment (survey);
      gint64 id = wk_survey_get_id (survey);
      g_autofree char *key = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *open = NULL;

      if (id != low->survey_id)
        continue;
      /* only where the visitor agreed to be contacted: anonymous stays anonymous */
      if (!wk_survey_get_contact_consent (survey) || wk_survey_get_anonymous (survey) ||
          wk_survey_get_score (survey) > LOW_SCORE)
        return;

      g_hash_table_replace (self->notified, g_memdup2 (&id, sizeof id), g_object_ref (survey));
      key = g_strdup_printf ("survey-%" G_GINT64_FORMAT, id);
      if (name != NULL && *name != '\0')
        /* Translators: notification title; %s is the visitor, %d a score from 1 to 5 */
        summary = g_strdup_printf (_("%s rated a visit %d of 5 and may be contacted"), name,
                                   wk_survey_get_score (survey));
      else
        /* Translators: notification title; %d is a score from 1 to 5 */
        summary = g_strdup_printf (_("A visitor rated a visit %d of 5 and may be contacted"),
                                   wk_survey_get_score (survey));
      open = g_strdup_printf ("review.show-survey(int64 %" G_GINT64_FORMAT ")", id);
      wk_notifier_show (self->notifier, key, summary,
                        comment != NULL && *comment != '\0' ? comment : _("No comment was left."),
                        open, _("Open Feedback"), open, wk_survey_get_score (survey) <= 1);
      return;
    }
}

static void
desk_event_cb (WkDesk   *desk,
               WkEvent  *event,
               gpointer  user_data)
{
  WkReviewWindow *self = WK_REVIEW_WINDOW (user_data);
  g_autoptr(WkFeedbackQuery) query = NULL;
  LowScore *low;
  gint64 score;

  if (self->session == NULL || g_strcmp0 (wk_event_get_kind (event), "survey.submitted") != 0)
    return;
  score = payload_score (wk_event_get_payload (event));
  if (score < 1 || score > LOW_SCORE)
    return;

  /* the event has no consent: read the survey (a low one, just submitted) */
  query = wk_feedback_query_new ();
  query->from = MAX (wk_event_get_at (event) - 60, 0);
  query->max_score = LOW_SCORE;
  query->limit = 1000;
  low = g_new0 (LowScore, 1);
  low->self = g_object_ref (self);
  low->survey_id = wk_event_get_entity_id (event);
  wk_desk_list_feedback_async (desk, query, self->cancellable, low_score_cb, low);
}

static void
unsubscribe (WkReviewWindow *self)
{
  if (self->subscription != 0)
    wk_desk_unsubscribe (self->subscribed, self->subscription);
  self->subscription = 0;
  g_clear_object (&self->subscribed);
}

static void
subscribe (WkReviewWindow *self)
{
  WkDesk *desk = get_desk (self);

  unsubscribe (self);
  if (desk == NULL)
    return;
  self->subscribed = g_object_ref (desk);
  self->subscription = wk_desk_subscribe (desk, -1, desk_event_cb, self, NULL);
}

static void
show_survey_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WkReviewWindow *self = WK_REVIEW_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  WkSurvey *survey = g_hash_table_lookup (self->notified, &id);

  if (survey == NULL || self->session == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "feedback");
  wk_feedback_view_show_survey (self->feedback, survey);
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkSession) session = wk_desk_sign_in_finish (WK_DESK (source), result, &error);
  WkReviewWindow *self;
  WkRole role;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_REVIEW_WINDOW (user_data);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.sign-in", TRUE);

  if (session == NULL)
    {
      if (g_error_matches (error, WK_ERROR, WK_ERROR_UNAUTHORIZED))
        show_signin_error (self, _("That email, username or password is not right."));
      else if (g_error_matches (error, WK_ERROR, WK_ERROR_FORBIDDEN))
        show_signin_error (self, _("Only desk leads and administrators can open the review. This is a visitor account."));
      else
        {
          g_autofree char *text = g_strdup_printf (_("Could not sign in: %s"), error->message);
          show_signin_error (self, text);
        }
      return;
    }

  role = wk_session_get_role (session);
  if (role != WK_ROLE_LEAD && role != WK_ROLE_ADMIN)
    {
      g_autofree char *text =
        /* Translators: the second sentence says who they are signed in as */
        g_strdup_printf (_("Only desk leads and administrators can open the review. %s"),
                         role_label (role));
      show_signin_error (self, text);
      return;
    }

  g_set_object (&self->session, session);
  show_signin_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  {
    WkPerson *person = wk_session_get_person (session);
    /* Translators: %s is the lead's name, shown in the main menu */
    g_autofree char *who = g_strdup_printf (_("Signed in as %s"),
                                            person != NULL ? wk_person_get_display_name (person) : "");
    gtk_label_set_text (self->signed_in_label, who);
    wk_feedback_view_set_desk (self->feedback, get_desk (self),
                               person != NULL ? wk_person_get_id (person) : 0);
  }
  gtk_stack_set_visible_child_name (self->main_stack, "review");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.sign-out", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.refresh", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export-visits", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export-surveys", TRUE);

  wk_desk_list_lounges_async (get_desk (self), self->cancellable, lounges_cb, self);
  wk_desk_list_staff_async (get_desk (self), self->cancellable, engineers_cb, self);
  subscribe (self);
  refresh (self);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WkReviewWindow *self = WK_REVIEW_WINDOW (widget);
  const char *login = gtk_editable_get_text (GTK_EDITABLE (self->login_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (get_desk (self) == NULL)
    return;
  if (login[0] == '\0' || password[0] == '\0')
    {
      show_signin_error (self, _("Enter your email or username and your password."));
      return;
    }
  gtk_widget_action_set_enabled (widget, "review.sign-in", FALSE);
  wk_desk_sign_in_async (get_desk (self), login, password, self->cancellable, sign_in_cb, self);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WkReviewWindow *self = WK_REVIEW_WINDOW (widget);

  g_cancellable_cancel (self->refresh);
  g_clear_object (&self->refresh);
  g_clear_object (&self->session);
  unsubscribe (self);
  g_hash_table_remove_all (self->notified);
  wk_feedback_view_set_desk (self->feedback, NULL, 0);
  gtk_stack_set_visible_child_name (self->main_stack, "signin");
  for (guint i = 0; i < 4; i++)
    {
      static const char * const actions[] = {
        "review.sign-out", "review.refresh", "review.export-visits", "review.export-surveys",
      };
      gtk_widget_action_set_enabled (widget, actions[i], FALSE);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
}

/* ---- the filters and the metrics ---------------------------------------- */

static WkReviewPeriod
current_period (WkReviewWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->period_dropdown);

  return i <= WK_REVIEW_PERIOD_CUSTOM ? (WkReviewPeriod) i : WK_REVIEW_PERIOD_30_DAYS;
}

void
wk_review_window_get_range (WkReviewWindow *self,
                            gint64         *from,
                            gint64         *to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (WK_IS_REVIEW_WINDOW (self));

  if (!wk_review_period_range (current_period (self), now, &self->custom_from,
                               &self->custom_to, from, to))
    *from = *to = 0;
}

static char *
scope_text (WkReviewWindow *self)
{
  g_autofree char *period = NULL;
  GtkStringObject *lounge_item = gtk_drop_down_get_selected_item (self->lounge_dropdown);
  GtkStringObject *engineer_item = gtk_drop_down_get_selected_item (self->engineer_dropdown);
  const char *lounge = lounge_item != NULL ? gtk_string_object_get_string (lounge_item) : NULL;
  const char *engineer = engineer_item != NULL ? gtk_string_object_get_string (engineer_item) : NULL;

  if (current_period (self) == WK_REVIEW_PERIOD_CUSTOM && g_date_valid (&self->custom_from))
    {
      char from[64], to[64];

      /* Translators: a day in the custom period, see strftime */
      g_date_strftime (from, sizeof from, _("%e %b %Y"), &self->custom_from);
      g_date_strftime (to, sizeof to, _("%e %b %Y"), &self->custom_to);
      /* Translators: a custom period, first and last day */
      period = g_strdup_printf (_("%s – %s"), g_strstrip (from), g_strstrip (to));
    }
  else
    {
      GtkStringObject *item = gtk_drop_down_get_selected_item (self->period_dropdown);
      period = g_strdup (item != NULL ? gtk_string_object_get_string (item) : "");
    }
  /* Translators: the dashboard's heading: period, lounge and engineer,
   * e.g. "Last 30 days · All lounges · Everyone" */
  return g_strdup_printf (_("%s · %s · %s"), period, lounge != NULL ? lounge : "",
                          engineer != NULL ? engineer : "");
}

static void
metrics_done (WkReviewWindow *self)
{
  g_autofree char *scope = NULL;

  if (--self->pending > 0)
    return;
  if (self->current != NULL)
    {
      scope = scope_text (self);
      wk_review_dashboard_set_metrics (self->dashboard, self->current, self->previous, scope);
    }
  self->refreshes++;
}

static void
metrics_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkMetrics) metrics = wk_desk_get_metrics_finish (WK_DESK (source), result, &error);
  WkReviewWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_REVIEW_WINDOW (user_data);
  if (metrics == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The figures could not be read: %s"), error->message);
      toast (self, text);
    }
  else if (metrics->query.from == self->query_from)
    self->current = g_steal_pointer (&metrics);
  else
    self->previous = g_steal_pointer (&metrics);
  metrics_done (self);
}

static void
refresh (WkReviewWindow *self)
{
  WkMetricsQuery query = { 0 };
  WkMetricsQuery previous = { 0 };

  if (self->session == NULL || get_desk (self) == NULL)
    return;

  g_cancellable_cancel (self->refresh);
  g_clear_object (&self->refresh);
  g_clear_pointer (&self->current, wk_metrics_free);
  g_clear_pointer (&self->previous, wk_metrics_free);

  wk_review_window_get_range (self, &query.from, &query.to);
  if (query.to <= query.from)
    return;
  query.lounge_id = selected_id (self->lounge_dropdown, self->lounge_ids);
  query.engineer_id = selected_id (self->engineer_dropdown, self->engineer_ids);
  previous = query;
  wk_review_previous_range (query.from, query.to, &previous.from, &previous.to);

  self->refresh = g_cancellable_new ();
  self->pending = 2;
  self->query_from = query.from;
  wk_desk_get_metrics_async (get_desk (self), &query, self->refresh, metrics_cb, self);
  wk_desk_get_metrics_async (get_desk (self), &previous, self->refresh, metrics_cb, self);
  wk_feedback_view_set_scope (self->feedback, query.from, query.to, query.lounge_id,
                              query.engineer_id);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  refresh (WK_REVIEW_WINDOW (widget));
}

static void
filter_changed_cb (WkReviewWindow *self)
{
  gboolean custom = current_period (self) == WK_REVIEW_PERIOD_CUSTOM;

  if (self->updating_lists)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->custom_button), custom);
  if (custom && !g_date_valid (&self->custom_from))
    {
      gtk_menu_button_popup (self->custom_button);
      return;
    }
  refresh (self);
}

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%d-%d-%d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static void
apply_custom_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WkReviewWindow *self = WK_REVIEW_WINDOW (widget);
  GDate from, to;

  if (!parse_day (gtk_editable_get_text (GTK_EDITABLE (self->custom_from_entry)), &from) ||
      !parse_day (gtk_editable_get_text (GTK_EDITABLE (self->custom_to_entry)), &to))
    {
      gtk_label_set_text (self->custom_error, _("Enter both days as YYYY-MM-DD."));
      gtk_widget_set_visible (GTK_WIDGET (self->custom_error), TRUE);
      return;
    }
  if (g_date_compare (&from, &to) > 0)
    {
      gtk_label_set_text (self->custom_error, _("The first day must not be after the last."));
      gtk_widget_set_visible (GTK_WIDGET (self->custom_error), TRUE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->custom_error), FALSE);
  self->custom_from = from;
  self->custom_to = to;
  {
    char label[64];
    char last[32];

    g_date_strftime (label, sizeof label, _("%e %b %Y"), &from);
    g_date_strftime (last, sizeof last, _("%e %b %Y"), &to);
    {
      g_autofree char *text = g_strdup_printf (_("%s – %s"), g_strstrip (label), g_strstrip (last));
      gtk_menu_button_set_label (self->custom_button, text);
    }
  }
  gtk_menu_button_popdown (self->custom_button);
  refresh (self);
}

/* ---- export ------------------------------------------------------------- */

typedef struct {
  WkReviewWindow *self;    /* owned */
  GFile          *file;    /* owned */
  GBytes         *bytes;   /* owned */
  gboolean        visits;
  guint           rows;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->self);
  g_clear_object (&export->file);
  g_clear_pointer (&export->bytes, g_bytes_unref);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
export_failed (WkReviewWindow *self,
               const GError   *error)
{
  g_autofree char *text = g_strdup_printf (_("Could not export: %s"), error->message);

  toast (self, text);
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        export_failed (export->self, error);
      return;
    }
  name = g_file_get_basename (export->file);
  if (export->visits)
    /* Translators: %u visits were written to the file %s */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u visit to “%s”",
                                         "Exported %u visits to “%s”", export->rows),
                            export->rows, name);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u survey to “%s”",
                                         "Exported %u surveys to “%s”", export->rows),
                            export->rows, name);
  toast (export->self, text);
}

static void
export_write (Export *export)
{
  g_file_replace_contents_bytes_async (export->file, export->bytes, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION,
                                       export->self->cancellable, export_written_cb, export);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;

  export->bytes = wk_export_finish (WK_DESK (source), result, &export->rows, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (export->bytes == NULL)
    {
      export_failed (export->self, error);
      return;
    }
  export_write (g_steal_pointer (&export));
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  WkReviewWindow *self = WK_REVIEW_WINDOW (user_data);
  gboolean visits = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "wk-visits"));
  g_autoptr(GFile) file = NULL;
  Export *export;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
  if (file == NULL || get_desk (self) == NULL)
    return;

  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  export->file = g_steal_pointer (&file);
  export->visits = visits;
  if (visits)
    {
      WkVisitQuery query = { 0 };

      wk_review_window_get_range (self, &query.from, &query.to);
      query.lounge_id = selected_id (self->lounge_dropdown, self->lounge_ids);
      query.engineer_id = selected_id (self->engineer_dropdown, self->engineer_ids);
      wk_export_visits_async (get_desk (self), &query, self->cancellable, exported_cb, export);
    }
  else
    {
      g_autoptr(WkFeedbackQuery) query = wk_feedback_view_dup_query (self->feedback);

      wk_export_surveys_async (get_desk (self), query, self->cancellable, exported_cb, export);
    }
}

static void
export (WkReviewWindow *self,
        gboolean        visits)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  gint64 from = 0, to = 0;

  if (self->chooser != NULL || self->session == NULL)
    return;
  wk_review_window_get_range (self, &from, &to);
  {
    g_autoptr(GDateTime) first = g_date_time_new_from_unix_local (from);
    g_autoptr(GDateTime) last = g_date_time_new_from_unix_local (MAX (to - 1, from));
    g_autofree char *a = first != NULL ? g_date_time_format (first, "%Y-%m-%d") : g_strdup ("");
    g_autofree char *b = last != NULL ? g_date_time_format (last, "%Y-%m-%d") : g_strdup ("");

    name = g_strdup_printf ("walkup-%s-%s-to-%s.csv", visits ? "visits" : "surveys", a, b);
  }

  self->chooser = gtk_file_chooser_native_new (visits ? _("Export Visits") : _("Export Surveys"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_set_data (G_OBJECT (self->chooser), "wk-visits", GINT_TO_POINTER (visits));
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
export_visits_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  export (WK_REVIEW_WINDOW (widget), TRUE);
}

static void
export_surveys_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  export (WK_REVIEW_WINDOW (widget), FALSE);
}

/* ---- the class ---------------------------------------------------------- */

static void
wk_review_window_dispose (GObject *object)
{
  WkReviewWindow *self = WK_REVIEW_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->refresh);
  g_clear_object (&self->refresh);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  unsubscribe (self);
  g_clear_object (&self->notifier);
  g_clear_object (&self->session);
  g_clear_pointer (&self->current, wk_metrics_free);
  g_clear_pointer (&self->previous, wk_metrics_free);
  G_OBJECT_CLASS (wk_review_window_parent_class)->dispose (object);
}

static void
wk_review_window_finalize (GObject *object)
{
  WkReviewWindow *self = WK_REVIEW_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_array_unref (self->lounge_ids);
  g_array_unref (self->engineer_ids);
  g_hash_table_unref (self->notified);
  G_OBJECT_CLASS (wk_review_window_parent_class)->finalize (object);
}

static void
wk_review_window_class_init (WkReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_review_window_dispose;
  object_class->finalize = wk_review_window_finalize;

  g_type_ensure (WK_TYPE_REVIEW_DASHBOARD);
  g_type_ensure (WK_TYPE_FEEDBACK_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/review/wk-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, signin_error);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, custom_button);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, custom_from_entry);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, custom_to_entry);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, custom_error);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, lounge_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, engineer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, lounge_list);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, engineer_list);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, dashboard);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, feedback);
  gtk_widget_class_bind_template_child (widget_class, WkReviewWindow, signed_in_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "review.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "review.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "review.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "review.show-survey", "x", show_survey_action);
  gtk_widget_class_install_action (widget_class, "review.apply-custom-period", NULL, apply_custom_action);
  gtk_widget_class_install_action (widget_class, "review.export-visits", NULL, export_visits_action);
  gtk_widget_class_install_action (widget_class, "review.export-surveys", NULL, export_surveys_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "review.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "review.refresh", NULL);
}

static void
wk_review_window_init (WkReviewWindow *self)
{
  static const gint64 everyone = 0;

  self->cancellable = g_cancellable_new ();
  self->lounge_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->engineer_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_array_append_val (self->lounge_ids, everyone);
  g_array_append_val (self->engineer_ids, everyone);
  self->notified = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_date_clear (&self->custom_from, 1);
  g_date_clear (&self->custom_to, 1);

  self->updating_lists = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_selected (self->period_dropdown, WK_REVIEW_PERIOD_30_DAYS);
  self->updating_lists = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.sign-out", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.refresh", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export-visits", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.export-surveys", FALSE);
  self->notifier = wk_notifier_new (GTK_WIDGET (self));
}

WkReviewWindow *
wk_review_window_new (GtkApplication *application,
                      WkDesk         *desk)
{
  return g_object_new (WK_TYPE_REVIEW_WINDOW,
                       "application", application,
                       "desk", desk,
                       NULL);
}

void
wk_review_window_set_period (WkReviewWindow *self,
                             WkReviewPeriod  period)
{
  g_return_if_fail (WK_IS_REVIEW_WINDOW (self));

  gtk_drop_down_set_selected (self->period_dropdown, period);
}

GtkWidget *
wk_review_window_get_dashboard (WkReviewWindow *self)
{
  return GTK_WIDGET (self->dashboard);
}

GtkWidget *
wk_review_window_get_feedback (WkReviewWindow *self)
{
  return GTK_WIDGET (self->feedback);
}

guint
wk_review_window_get_refreshes (WkReviewWindow *self)
{
  return self->refreshes;
}
