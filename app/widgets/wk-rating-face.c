/* wk-rating-face.c
 *
 * Draws one face with cairo: a tinted disc, eyes, and a mouth whose curve
 * goes from a deep frown (1) through a straight line (3) to an open smile
 * (5); the unhappiest face has worried brows.  The colour is the widget's
 * CSS `color`, set per score by the style classes score-1 … score-5 from
 * libadwaita's named colours, so dark and high-contrast styles apply.
 * Decorative: the button around it carries the accessible name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-rating-face"

#include "config.h"

#include "wk-rating-face.h"

#include <math.h>

struct _WkRatingFace
{
  GtkWidget parent_instance;

  int       score;
};

G_DEFINE_FINAL_TYPE (WkRatingFace, wk_rating_face, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* -1 (frown) … 1 (smile) */
static const double mouth_curve[] = { 0, -1.0, -0.5, 0.0, 0.5, 1.0 };

static void
wk_rating_face_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  WkRatingFace *self = WK_RATING_FACE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double size = MIN (width, height);
  double line = size * 0.05;
  double radius = size / 2 - line;
  double eye_y = -0.12 * size;
  double mouth_y = 0.16 * size;
  double mouth_w = 0.22 * size;
  double depth = mouth_curve[self->score] * 0.14 * size;
  GdkRGBA color;
  cairo_t *cr;

  if (size <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, width / 2, height / 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* the face: tinted, with a firm outline */
  cairo_arc (cr, 0, 0, radius, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.16);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, line);
  cairo_stroke (cr);

  /* eyes */
  for (int side = -1; side <= 1; side += 2)
    {
      cairo_save (cr);
      cairo_translate (cr, side * 0.16 * size, eye_y);
      cairo_scale (cr, 1.0, 1.3);
      cairo_arc (cr, 0, 0, 0.05 * size, 0, 2 * G_PI);
      cairo_restore (cr);
      cairo_fill (cr);
    }

  /* brows, only on the unhappiest face: raised towards the middle */
  if (self->score == 1)
    {
      cairo_set_line_width (cr, line * 0.8);
      for (int side = -1; side <= 1; side += 2)
        {
          cairo_move_to (cr, side * 0.25 * size, eye_y - 0.10 * size);
          cairo_line_to (cr, side * 0.09 * size, eye_y - 0.17 * size);
        }
      cairo_stroke (cr);
    }

  /* the mouth: a quadratic curve, drawn as its cubic */
  cairo_set_line_width (cr, line);
  cairo_move_to (cr, -mouth_w, mouth_y - depth / 2);
  cairo_curve_to (cr,
                  -mouth_w / 3, mouth_y + depth * 5 / 6,
                  mouth_w / 3, mouth_y + depth * 5 / 6,
                  mouth_w, mouth_y - depth / 2);
  if (self->score == 5)
    {
      /* open and glad */
      cairo_close_path (cr);
      cairo_fill_preserve (cr);
    }
  cairo_stroke (cr);

  cairo_destroy (cr);
}

static void
wk_rating_face_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* the size comes from CSS min-width / min-height */
  *minimum = *natural = 0;
}

static void
wk_rating_face_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WkRatingFace *self = WK_RATING_FACE (object);

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
wk_rating_face_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WkRatingFace *self = WK_RATING_FACE (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      wk_rating_face_set_score (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_rating_face_class_init (WkRatingFaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = wk_rating_face_get_property;
  object_class->set_property = wk_rating_face_set_property;
  widget_class->snapshot = wk_rating_face_snapshot;
  widget_class->measure = wk_rating_face_measure;

  /**
   * WkRatingFace:score:
   *
   * 1 (very unhappy) … 5 (very happy).
   */
  properties[PROP_SCORE] =
    g_param_spec_int ("score", NULL, NULL,
                      1, 5, 3,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
wk_rating_face_init (WkRatingFace *self)
{
  self->score = 3;
  gtk_widget_add_css_class (GTK_WIDGET (self), "rating-face");
  gtk_widget_add_css_class (GTK_WIDGET (self), "score-3");
}

GtkWidget *
wk_rating_face_new (int score)
{
  return g_object_new (WK_TYPE_RATING_FACE, "score", score, NULL);
}

int
wk_rating_face_get_score (WkRatingFace *self)
{
  g_return_val_if_fail (WK_IS_RATING_FACE (self), 0);
  return self->score;
}

void
wk_rating_face_set_score (WkRatingFace *self,
                          int           score)
{
  char css_class[16];

  g_return_if_fail (WK_IS_RATING_FACE (self));
  g_return_if_fail (score >= 1 && score <= 5);

  if (self->score == score)
    return;

  g_snprintf (css_class, sizeof css_class, "score-%d", self->score);
  gtk_widget_remove_css_class (GTK_WIDGET (self), css_class);
  self->score = score;
  g_snprintf (css_class, sizeof css_class, "score-%d", self->score);
  gtk_widget_add_css_class (GTK_WIDGET (self), css_class);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}
