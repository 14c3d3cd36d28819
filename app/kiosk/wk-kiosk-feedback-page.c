/* wk-kiosk-feedback-page.c
 *
 * Steps: faces → "Is it fixed?" → (scores 1–2) what went wrong, a comment,
 * may we contact you.  Tapping a face is already a complete response: the
 * window submits whatever has been answered when the person finishes
 * (kiosk.survey-done) or walks away (idle reset).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-feedback-page"

#include "config.h"

#include "wk-kiosk-feedback-page.h"

#include "wk-survey.h"

#include "wk-kiosk-keyboard.h"
#include "wk-osk.h"
#include "wk-rating-faces.h"

#include <glib/gi18n.h>

#define MAX_COMMENT 500

struct _WkKioskFeedbackPage
{
  AdwBin           parent_instance;

  GtkStack        *steps;
  WkRatingFaces   *faces;
  GtkFlowBox      *tags_box;
  GtkEntry        *comment_entry;
  GtkCheckButton  *contact_check;
  WkOsk *osk;
  GtkRevealer *osk_revealer;

  int              score;
  WkSurveyResolved resolved;
  GPtrArray       *tag_toggles;   /* owned array; the toggles are not owned */
};

G_DEFINE_FINAL_TYPE (WkKioskFeedbackPage, wk_kiosk_feedback_page, ADW_TYPE_BIN)

static const struct {
  const char *tag;
  const char *label;
} tag_labels[] = {
  { "speed", N_("It took too long") },
  { "friendliness", N_("Not friendly") },
  { "knowledge", N_("They did not know how") },
  { "fixed-first-time", N_("Not fixed the first time") },
  { "process", N_("Too complicated") },
  { "quality", N_("Poor quality of the fix") },
  { "value", N_("Not worth my time") },
};

const char *
wk_kiosk_survey_tag_label (const char *tag)
{
  for (guint i = 0; i < G_N_ELEMENTS (tag_labels); i++)
    if (g_strcmp0 (tag_labels[i].tag, tag) == 0)
      return _(tag_labels[i].label);
  return tag;
}

/* Shows one step and hides the others from assistive technologies. */
static void
show_step (WkKioskFeedbackPage *self,
           const char          *name)
{
  GtkWidget *step = gtk_stack_get_child_by_name (self->steps, name);

  gtk_widget_set_visible (step, TRUE);
  gtk_stack_set_visible_child (self->steps, step);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->steps));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != step)
      gtk_widget_set_visible (child, FALSE);
}

static void
rated_cb (WkKioskFeedbackPage *self,
          int                  score)
{
  self->score = score;
  show_step (self, "fixed");
  /* tell the window a response exists (and keep the person's place) */
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.survey-scored", NULL);
}

static void
answer (WkKioskFeedbackPage *self,
        WkSurveyResolved     resolved)
{
  self->resolved = resolved;
  if (self->score <= 2)
    show_step (self, "details");
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.survey-done", NULL);
}

static void
fixed_yes_cb (WkKioskFeedbackPage *self)
{
  answer (self, WK_SURVEY_RESOLVED_YES);
}

static void
fixed_no_cb (WkKioskFeedbackPage *self)
{
  answer (self, WK_SURVEY_RESOLVED_NO);
}

static void
fixed_unsure_cb (WkKioskFeedbackPage *self)
{
  answer (self, WK_SURVEY_RESOLVED_UNKNOWN);
}

static void
send_cb (WkKioskFeedbackPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.survey-done", NULL);
}

static void
wk_kiosk_feedback_page_finalize (GObject *object)
{
  WkKioskFeedbackPage *self = WK_KIOSK_FEEDBACK_PAGE (object);

  g_clear_pointer (&self->tag_toggles, g_ptr_array_unref);

  G_OBJECT_CLASS (wk_kiosk_feedback_page_parent_class)->finalize (object);
}

static void
osk_activate_cb (WkKioskFeedbackPage *self)
{
  send_cb (self);
}

static void
wk_kiosk_feedback_page_class_init (WkKioskFeedbackPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = wk_kiosk_feedback_page_finalize;

  g_type_ensure (WK_TYPE_OSK);
  g_type_ensure (WK_TYPE_RATING_FACES);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kiosk/wk-kiosk-feedback-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WkKioskFeedbackPage, steps);
  gtk_widget_class_bind_template_child (widget_class, WkKioskFeedbackPage, faces);
  gtk_widget_class_bind_template_callback (widget_class, rated_cb);
  gtk_widget_class_bind_template_child (widget_class, WkKioskFeedbackPage, tags_box);
  gtk_widget_class_bind_template_child (widget_class, WkKioskFeedbackPage, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, WkKioskFeedbackPage, contact_check);
  gtk_widget_class_bind_template_child (widget_class, WkKioskFeedbackPage, osk);
  gtk_widget_class_bind_template_child (widget_class, WkKioskFeedbackPage, osk_revealer);
  gtk_widget_class_bind_template_callback (widget_class, osk_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, fixed_yes_cb);
  gtk_widget_class_bind_template_callback (widget_class, fixed_no_cb);
  gtk_widget_class_bind_template_callback (widget_class, fixed_unsure_cb);
  gtk_widget_class_bind_template_callback (widget_class, send_cb);
}

static void
wk_kiosk_feedback_page_init (WkKioskFeedbackPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wk_osk_set_target (self->osk, GTK_EDITABLE (self->comment_entry));
  wk_osk_set_mode (self->osk, WK_OSK_MODE_TEXT);
  wk_kiosk_keyboard_attach (self->osk_revealer, self->osk, GTK_WIDGET (self->comment_entry), WK_OSK_MODE_TEXT);
  self->resolved = WK_SURVEY_RESOLVED_UNKNOWN;
  show_step (self, "faces");
  self->tag_toggles = g_ptr_array_new ();
  gtk_entry_set_max_length (self->comment_entry, MAX_COMMENT);

  for (const char * const *tag = wk_survey_known_tags (); *tag != NULL; tag++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (wk_kiosk_survey_tag_label (*tag));

      gtk_widget_add_css_class (toggle, "kiosk-choice");
      g_object_set_data (G_OBJECT (toggle), "tag", (gpointer) *tag);
      gtk_flow_box_append (self->tags_box, toggle);
      g_ptr_array_add (self->tag_toggles, toggle);
    }
}

GtkWidget *
wk_kiosk_feedback_page_new (gboolean can_contact)
{
  WkKioskFeedbackPage *self = g_object_new (WK_TYPE_KIOSK_FEEDBACK_PAGE, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->contact_check), can_contact);
  return GTK_WIDGET (self);
}

int
wk_kiosk_feedback_page_get_score (WkKioskFeedbackPage *self)
{
  g_return_val_if_fail (WK_IS_KIOSK_FEEDBACK_PAGE (self), 0);
  return self->score;
}

WkSurveyResolved
wk_kiosk_feedback_page_get_resolved (WkKioskFeedbackPage *self)
{
  g_return_val_if_fail (WK_IS_KIOSK_FEEDBACK_PAGE (self), WK_SURVEY_RESOLVED_UNKNOWN);
  return self->resolved;
}

GStrv
wk_kiosk_feedback_page_dup_tags (WkKioskFeedbackPage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (WK_IS_KIOSK_FEEDBACK_PAGE (self), NULL);

  if (self->score <= 2)
    for (guint i = 0; i < self->tag_toggles->len; i++)
      {
        GtkToggleButton *toggle = g_ptr_array_index (self->tag_toggles, i);

        if (gtk_toggle_button_get_active (toggle))
          g_strv_builder_add (builder, g_object_get_data (G_OBJECT (toggle), "tag"));
      }
  return g_strv_builder_end (builder);
}

char *
wk_kiosk_feedback_page_dup_comment (WkKioskFeedbackPage *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (WK_IS_KIOSK_FEEDBACK_PAGE (self), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_entry))));
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

gboolean
wk_kiosk_feedback_page_get_contact (WkKioskFeedbackPage *self)
{
  g_return_val_if_fail (WK_IS_KIOSK_FEEDBACK_PAGE (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->contact_check))
         && gtk_check_button_get_active (self->contact_check);
}

