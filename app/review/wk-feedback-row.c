/* wk-feedback-row.c — one survey in the feedback list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-feedback-row"

#include "config.h"

#include "wk-feedback-row.h"

#include <glib/gi18n.h>

struct _WkFeedbackRow
{
  AdwBin     parent_instance;

  WkSurvey  *survey;   /* owned */

  GtkLabel  *score_label;
  GtkLabel  *comment_label;
  GtkLabel  *meta_label;
  GtkLabel  *followup_label;
};

G_DEFINE_FINAL_TYPE (WkFeedbackRow, wk_feedback_row, ADW_TYPE_BIN)

static const struct {
  const char *tag;
  const char *label;
} tag_labels[] = {
  { "speed", N_("Speed") },
  { "friendliness", N_("Friendliness") },
  { "knowledge", N_("Knowledge") },
  { "fixed-first-time", N_("Fixed first time") },
  { "process", N_("Process") },
  { "quality", N_("Quality") },
  { "value", N_("Value") },
};

const char *
wk_feedback_tag_label (const char *tag)
{
  for (guint i = 0; i < G_N_ELEMENTS (tag_labels); i++)
    if (g_strcmp0 (tag, tag_labels[i].tag) == 0)
      return _(tag_labels[i].label);
  return tag;
}

const char *
wk_feedback_followup_label (WkFollowupStatus status)
{
  switch (status)
    {
    case WK_FOLLOWUP_STATUS_NEEDED:
      return _("Needs follow-up");
    case WK_FOLLOWUP_STATUS_CONTACTED:
      return _("Contacted");
    case WK_FOLLOWUP_STATUS_CLOSED:
      return _("Closed");
    case WK_FOLLOWUP_STATUS_NONE:
    default:
      return NULL;
    }
}

static void
wk_feedback_row_dispose (GObject *object)
{
  WkFeedbackRow *self = WK_FEEDBACK_ROW (object);

  g_clear_object (&self->survey);
  G_OBJECT_CLASS (wk_feedback_row_parent_class)->dispose (object);
}

static void
wk_feedback_row_class_init (WkFeedbackRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_feedback_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/review/wk-feedback-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackRow, score_label);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackRow, comment_label);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, WkFeedbackRow, followup_label);
}

static void
wk_feedback_row_init (WkFeedbackRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wk_feedback_row_new (void)
{
  return g_object_new (WK_TYPE_FEEDBACK_ROW, NULL);
}

static const char * const score_classes[] = {
  "score-1", "score-2", "score-3", "score-4", "score-5",
};

void
wk_feedback_row_set_survey (WkFeedbackRow *self,
                            WkSurvey      *survey)
{
  g_autofree char *score = NULL;
  g_autofree char *when = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *accessible = NULL;
  const char *comment;
  const char *engineer;
  const char *followup;
  int value;

  g_return_if_fail (WK_IS_FEEDBACK_ROW (self));
  g_return_if_fail (survey == NULL || WK_IS_SURVEY (survey));

  if (!g_set_object (&self->survey, survey) || survey == NULL)
    return;

  value = CLAMP (wk_survey_get_score (survey), 1, 5);
  score = g_strdup_printf ("%d", value);
  gtk_label_set_text (self->score_label, score);
  for (guint i = 0; i < G_N_ELEMENTS (score_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->score_label), score_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->score_label), score_classes[value - 1]);

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

  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (wk_survey_get_created_at (survey));
    g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

    /* Translators: date and time of a survey in the feedback list, see g_date_time_format() */
    when = local != NULL ? g_date_time_format (local, _("%e %b %Y, %H:%M")) : g_strdup ("");
    g_strstrip (when);
  }
  engineer = wk_survey_get_engineer_name (survey);
  if (engineer != NULL)
    /* Translators: a survey's date, then the engineer it rates */
    meta = g_strdup_printf (_("%s · %s"), when, engineer);
  else
    meta = g_strdup (when);
  gtk_label_set_text (self->meta_label, meta);

  followup = wk_feedback_followup_label (wk_survey_get_followup_status (survey));
  gtk_label_set_text (self->followup_label, followup != NULL ? followup : "");
  gtk_widget_set_visible (GTK_WIDGET (self->followup_label), followup != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->followup_label), "followup-needed");
  gtk_widget_remove_css_class (GTK_WIDGET (self->followup_label), "followup-contacted");
  gtk_widget_remove_css_class (GTK_WIDGET (self->followup_label), "followup-closed");
  switch (wk_survey_get_followup_status (survey))
    {
    case WK_FOLLOWUP_STATUS_NEEDED:
      gtk_widget_add_css_class (GTK_WIDGET (self->followup_label), "followup-needed");
      break;
    case WK_FOLLOWUP_STATUS_CONTACTED:
      gtk_widget_add_css_class (GTK_WIDGET (self->followup_label), "followup-contacted");
      break;
    case WK_FOLLOWUP_STATUS_CLOSED:
      gtk_widget_add_css_class (GTK_WIDGET (self->followup_label), "followup-closed");
      break;
    case WK_FOLLOWUP_STATUS_NONE:
    default:
      break;
    }

  /* Translators: how a screen reader announces a survey in the list:
   * score, comment, then date and engineer */
  accessible = g_strdup_printf (_("Score %d of 5. %s. %s"), value,
                                gtk_label_get_text (self->comment_label), meta);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

WkSurvey *
wk_feedback_row_get_survey (WkFeedbackRow *self)
{
  g_return_val_if_fail (WK_IS_FEEDBACK_ROW (self), NULL);

  return self->survey;
}
