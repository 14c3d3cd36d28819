/* wk-feedback-view.c — the feedback list and its detail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-feedback-view"

#include "config.h"

#include "wk-feedback-view.h"

#include "wk-feedback-detail.h"
#include "wk-feedback-row.h"

#include <glib/gi18n.h>

#define LIST_LIMIT 1000

struct _WkFeedbackView
{
  AdwBin              parent_instance;

  WkDesk             *desk;          /* owned */
  gint64              lead_id;
  gint64              from;
  gint64              to;
  gint64              lounge_id;
  gint64              engineer_id;
  GCancellable       *cancellable;   /* owned: the current load */
  GListStore         *surveys;       /* owned, of WkSurvey */
  GtkSingleSelection *selection;     /* owned */

  AdwLeaflet         *leaflet;
  GtkDropDown        *score_dropdown;
  GtkDropDown        *tag_dropdown;
  GtkDropDown        *followup_dropdown;
  GtkCheckButton     *comment_check;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkLabel           *count_label;
  WkFeedbackDetail   *detail;
};

G_DEFINE_FINAL_TYPE (WkFeedbackView, wk_feedback_view, ADW_TYPE_BIN)

const char *
wk_feedback_view_get_tag (WkFeedbackView *self)
{
  guint tag = gtk_drop_down_get_selected (self->tag_dropdown);
  const char * const *known = wk_survey_known_tags ();

  if (tag == 0 || tag == GTK_INVALID_LIST_POSITION || tag > g_strv_length ((char **) known))
    return NULL;
  return known[tag - 1];
}

WkFeedbackQuery *
wk_feedback_view_dup_query (WkFeedbackView *self)
{
  WkFeedbackQuery *query = wk_feedback_query_new ();
  guint score = gtk_drop_down_get_selected (self->score_dropdown);
  guint followup = gtk_drop_down_get_selected (self->followup_dropdown);

  query->from = self->from;
  query->to = self->to;
  query->lounge_id = self->lounge_id;
  query->engineer_id = self->engineer_id;
  query->max_score = score != GTK_INVALID_LIST_POSITION ? (int) MIN (score, 4) : 0;
  query->followup_status = followup != GTK_INVALID_LIST_POSITION && followup > 0
                           ? (int) followup - 1 : -1;
  query->with_comment_only = gtk_check_button_get_active (self->comment_check);
  query->tag = g_strdup (wk_feedback_view_get_tag (self));
  query->limit = LIST_LIMIT;
  return query;
}

static void
show_count (WkFeedbackView *self,
            guint           n,
            gboolean        capped)
{
  g_autofree char *text = NULL;

  if (capped)
    /* Translators: %u is at most 1000 */
    text = g_strdup_printf (_("The %u lowest scores; narrow the filters to see the others"), n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u survey, lowest score first",
                                         "%u surveys, lowest score first", n), n);
  gtk_label_set_text (self->count_label, text);
}

static void
list_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = wk_desk_list_feedback_finish (WK_DESK (source), result, &error);
  WkFeedbackView *self;
  WkSurvey *selected;
  gint64 selected_id = 0;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_FEEDBACK_VIEW (user_data);
  if (list == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The feedback could not be read: %s"), error->message);

      gtk_label_set_text (self->count_label, text);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }

  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL)
    selected_id = wk_survey_get_id (selected);

  n = g_list_model_get_n_items (list);
  {
    g_autofree gpointer *items = g_new0 (gpointer, n + 1);

    for (guint i = 0; i < n; i++)
      items[i] = g_list_model_get_item (list, i);
    g_list_store_splice (self->surveys, 0, g_list_model_get_n_items (G_LIST_MODEL (self->surveys)),
                         items, n);
    for (guint i = 0; i < n; i++)
      g_object_unref (items[i]);
  }
  show_count (self, n, n >= LIST_LIMIT);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");

  for (guint i = 0; selected_id != 0 && i < n; i++)
    {
      g_autoptr(WkSurvey) survey = g_list_model_get_item (G_LIST_MODEL (self->surveys), i);

      if (wk_survey_get_id (survey) == selected_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  wk_feedback_detail_set_survey (self->detail, NULL);
}

void
wk_feedback_view_show_survey (WkFeedbackView *self,
                              WkSurvey       *survey)
{
  guint n;

  g_return_if_fail (WK_IS_FEEDBACK_VIEW (self));
  g_return_if_fail (WK_IS_SURVEY (survey));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->surveys));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkSurvey) item = g_list_model_get_item (G_LIST_MODEL (self->surveys), i);

      if (wk_survey_get_id (item) == wk_survey_get_id (survey))
        {
          gtk_single_selection_set_selected (self->selection, i);
          wk_feedback_detail_set_survey (self->detail, item);
          adw_leaflet_set_visible_child_name (self->leaflet, "detail");
          return;
        }
    }
  /* not in the list (outside the filters): the detail alone */
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  wk_feedback_detail_set_survey (self->detail, survey);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

void
wk_feedback_view_reload (WkFeedbackView *self)
{
  g_autoptr(WkFeedbackQuery) query = NULL;

  g_return_if_fail (WK_IS_FEEDBACK_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->desk == NULL || self->to <= self->from)
    return;
  self->cancellable = g_cancellable_new ();
  query = wk_feedback_view_dup_query (self);
  gtk_label_set_text (self->count_label, _("Loading…"));
  wk_desk_list_feedback_async (self->desk, query, self->cancellable, list_cb, self);
}

static void
filter_changed_cb (WkFeedbackView *self)
{
  wk_feedback_view_reload (self);
}

static void
selection_changed_cb (WkFeedbackView *self)
{
  WkSurvey *survey = gtk_single_selection_get_selected_item (self->selection);

  wk_feedback_detail_set_survey (self->detail, survey);
  if (survey != NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
survey_changed_cb (WkFeedbackView *self,
                   WkSurvey       *survey)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->surveys));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkSurvey) item = g_list_model_get_item (G_LIST_MODEL (self->surveys), i);

      if (wk_survey_get_id (item) == wk_survey_get_id (survey))
        {
          gboolean was_selected = gtk_single_selection_get_selected (self->selection) == i;

          g_list_store_splice (self->surveys, i, 1, (gpointer *) &survey, 1);
          if (was_selected)
            gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
folded_cb (WkFeedbackView *self)
{
  wk_feedback_detail_set_show_back (self->detail, adw_leaflet_get_folded (self->leaflet));
}

static void
show_list_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WkFeedbackView *self = WK_FEEDBACK_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, wk_feedback_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  wk_feedback_row_set_survey (WK_FEEDBACK_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
wk_feedback_view_dispose (GObject *object)
{
  WkFeedbackView *self = WK_FEEDBACK_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->surveys);
  g_clear_object (&self->desk);
  G_OBJECT_CLASS (wk_feedback_view_parent_class)->dispose (object);
}

static void
wk_feedback_view_class_init (WkFeedbackViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_feedback_view_dispose;

  g_type_ensure (WK_TYPE_FEEDBACK_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/review/wk-feedback-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackView, score_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackView, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackView, followup_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackView, comment_check);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackView, list_view);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackView, count_label);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackView, detail);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);

  gtk_widget_class_install_action (widget_class, "feedback.show-list", NULL, show_list_cb);
}

static void
wk_feedback_view_init (WkFeedbackView *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->surveys = g_list_store_new (WK_TYPE_SURVEY);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->surveys)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_swapped (self->detail, "survey-changed", G_CALLBACK (survey_changed_cb), self);
  folded_cb (self);
}

GtkWidget *
wk_feedback_view_new (void)
{
  return g_object_new (WK_TYPE_FEEDBACK_VIEW, NULL);
}

void
wk_feedback_view_set_desk (WkFeedbackView *self,
                           WkDesk         *desk,
                           gint64          lead_id)
{
  g_return_if_fail (WK_IS_FEEDBACK_VIEW (self));

  g_set_object (&self->desk, desk);
  self->lead_id = lead_id;
  wk_feedback_detail_set_desk (self->detail, desk, lead_id);
}

void
wk_feedback_view_set_scope (WkFeedbackView *self,
                            gint64          from,
                            gint64          to,
                            gint64          lounge_id,
                            gint64          engineer_id)
{
  g_return_if_fail (WK_IS_FEEDBACK_VIEW (self));

  self->from = from;
  self->to = to;
  self->lounge_id = lounge_id;
  self->engineer_id = engineer_id;
  wk_feedback_view_reload (self);
}

GListModel *
wk_feedback_view_get_model (WkFeedbackView *self)
{
  g_return_val_if_fail (WK_IS_FEEDBACK_VIEW (self), NULL);

  return G_LIST_MODEL (self->surveys);
}
