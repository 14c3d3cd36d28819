/* wk-rating-faces.c
 *
 * Five faces in a row, each a real toggle button (focusable, activated by
 * Space or Enter, named for assistive technology: "Very unhappy" …
 * "Very happy") with a caption under the face.  One tap is an answer:
 * ::rated is emitted with the score on every tap, also when the same face
 * is tapped again, and the tapped face stays marked.  Setting :score from
 * code marks a face without emitting ::rated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-rating-faces"

#include "config.h"

#include "wk-rating-faces.h"

#include "wk-rating-face.h"

#include <glib/gi18n.h>

#define N_FACES 5

struct _WkRatingFaces
{
  GtkWidget  parent_instance;

  /* template children */
  GtkWidget *box;
  GtkWidget *buttons[N_FACES];

  int        score;
};

G_DEFINE_FINAL_TYPE (WkRatingFaces, wk_rating_faces, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_RATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * wk_rating_faces_score_label:
 * @score: 1 … 5
 *
 * Returns: the translated name of the score, as its face is labelled
 */
const char *
wk_rating_faces_score_label (int score)
{
  static const char *labels[] = {
    N_("Very unhappy"),
    N_("Unhappy"),
    N_("Neutral"),
    N_("Happy"),
    N_("Very happy"),
  };

  g_return_val_if_fail (score >= 1 && score <= N_FACES, NULL);
  return _(labels[score - 1]);
}

static void
face_clicked_cb (WkRatingFaces   *self,
                 GtkToggleButton *button)
{
  for (int i = 0; i < N_FACES; i++)
    if (self->buttons[i] == GTK_WIDGET (button))
      {
        wk_rating_faces_set_score (self, i + 1);
        g_signal_emit (self, signals[SIGNAL_RATED], 0, i + 1);
        return;
      }
  g_assert_not_reached ();
}

static void
wk_rating_faces_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WK_TYPE_RATING_FACES);

  G_OBJECT_CLASS (wk_rating_faces_parent_class)->dispose (object);
}

static void
wk_rating_faces_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WkRatingFaces *self = WK_RATING_FACES (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      g_value_set_int (value, self->score);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_rating_faces_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WkRatingFaces *self = WK_RATING_FACES (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      wk_rating_faces_set_score (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_rating_faces_class_init (WkRatingFacesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_rating_faces_dispose;
  object_class->get_property = wk_rating_faces_get_property;
  object_class->set_property = wk_rating_faces_set_property;

  /**
   * WkRatingFaces:score:
   *
   * The face chosen: 1 (very unhappy) … 5 (very happy), or 0 for none.
   */
  properties[PROP_SCORE] =
    g_param_spec_int ("score", NULL, NULL,
                      0, N_FACES, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WkRatingFaces::rated:
   * @score: 1 … 5
   *
   * A face was tapped (or activated from the keyboard): that is the answer.
   */
  signals[SIGNAL_RATED] =
    g_signal_new ("rated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  g_type_ensure (WK_TYPE_RATING_FACE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/widgets/wk-rating-faces.ui");
  gtk_widget_class_bind_template_child (widget_class, WkRatingFaces, box);
  gtk_widget_class_bind_template_child_full (widget_class, "face1", FALSE,
                                             G_STRUCT_OFFSET (WkRatingFaces, buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "face2", FALSE,
                                             G_STRUCT_OFFSET (WkRatingFaces, buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "face3", FALSE,
                                             G_STRUCT_OFFSET (WkRatingFaces, buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "face4", FALSE,
                                             G_STRUCT_OFFSET (WkRatingFaces, buttons[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "face5", FALSE,
                                             G_STRUCT_OFFSET (WkRatingFaces, buttons[4]));
  gtk_widget_class_bind_template_callback (widget_class, face_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wk_rating_faces_init (WkRatingFaces *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wk_rating_faces_new (void)
{
  return g_object_new (WK_TYPE_RATING_FACES, NULL);
}

int
wk_rating_faces_get_score (WkRatingFaces *self)
{
  g_return_val_if_fail (WK_IS_RATING_FACES (self), 0);
  return self->score;
}

/**
 * wk_rating_faces_set_score:
 * @score: 1 … 5, or 0 to mark no face (a new survey)
 *
 * Marks a face.  Does not emit ::rated.
 */
void
wk_rating_faces_set_score (WkRatingFaces *self,
                           int            score)
{
  g_return_if_fail (WK_IS_RATING_FACES (self));
  g_return_if_fail (score >= 0 && score <= N_FACES);

  /* keep the buttons in step even when the score is unchanged: a tap on
   * a grouped, active toggle leaves it active, as it should be */
  if (score > 0)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[score - 1]), TRUE);
  else
    for (int i = 0; i < N_FACES; i++)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[i]), FALSE);

  if (self->score == score)
    return;
  self->score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}
