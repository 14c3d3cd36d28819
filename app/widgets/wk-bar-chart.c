/* wk-bar-chart.c — labelled horizontal bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-bar-chart"

#include "config.h"

#include "wk-bar-chart.h"

#include <glib/gi18n.h>

#define ROW_HEIGHT 30.0
#define BAR_HEIGHT 16.0
#define GAP 10.0

typedef struct {
  char   *label;       /* owned */
  char   *value_text;  /* owned */
  double  value;
} Bar;

struct _WkBarChart
{
  GtkWidget  parent_instance;

  GArray    *bars;           /* owned, of Bar */
  double     reference;
  char      *reference_label; /* owned */
  char      *empty_text;      /* owned */
  char      *summary;         /* owned */
};

G_DEFINE_FINAL_TYPE (WkBarChart, wk_bar_chart, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->value_text);
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *out)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
}

static PangoLayout *
make_layout (GtkWidget  *widget,
             const char *text,
             gboolean    small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (small)
    pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
draw_text (GtkSnapshot   *snapshot,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *colour)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static int
widest (WkBarChart *self,
        gboolean    values)
{
  int max = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autoptr(PangoLayout) layout = make_layout (GTK_WIDGET (self),
                                                   values ? bar->value_text : bar->label,
                                                   FALSE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      max = MAX (max, w);
    }
  return max;
}

static double
legend_height (WkBarChart *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  if (self->reference <= 0 || self->reference_label == NULL)
    return 0;
  layout = make_layout (GTK_WIDGET (self), self->reference_label, TRUE);
  pango_layout_get_pixel_size (layout, &w, &h);
  return h + GAP;
}

static void
wk_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  WkBarChart *self = WK_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int labels = MIN (widest (self, FALSE), 160) + widest (self, TRUE) + (int) (2 * GAP);

      *minimum = labels + 60;
      *natural = labels + 320;
    }
  else
    {
      guint rows = MAX (self->bars->len, 2);

      *minimum = *natural = (int) (rows * ROW_HEIGHT + legend_height (self));
    }
}

static void
wk_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  WkBarChart *self = WK_BAR_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double label_w = MIN (widest (self, FALSE), 160);
  double value_w = widest (self, TRUE);
  double top = legend_height (self);
  double bar_x = label_w + GAP;
  double bar_max_w = MAX (width - bar_x - value_w - GAP, 1);
  double max = self->reference > 0 ? self->reference * 1.1 : 0;
  GdkRGBA fg, dim, track, accent, warning;

  gtk_style_context_get_color (context, &fg);
  dim = fg;
  dim.alpha = 0.7f;
  track = fg;
  track.alpha = 0.06f;
  lookup_color (widget, "accent_bg_color", "#3584e4", &accent);
  lookup_color (widget, "warning_bg_color", "#e5a50a", &warning);

  if (self->bars->len == 0)
    {
      g_autoptr(PangoLayout) layout = make_layout (widget, self->empty_text, FALSE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      draw_text (snapshot, layout, (width - w) / 2, (height - h) / 2, &dim);
      return;
    }

  for (guint i = 0; i < self->bars->len; i++)
    max = MAX (max, g_array_index (self->bars, Bar, i).value);
  if (max <= 0)
    max = 1;

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autoptr(PangoLayout) label = make_layout (widget, bar->label, FALSE);
      g_autoptr(PangoLayout) value = make_layout (widget, bar->value_text, FALSE);
      double y = top + i * ROW_HEIGHT;
      double w_bar = bar_max_w * MAX (bar->value, 0) / max;
      gboolean over = self->reference > 0 && bar->value > self->reference;
      graphene_rect_t rect;
      GskRoundedRect rounded;
      int w, h;

      pango_layout_set_width (label, (int) label_w * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, &w, &h);
      draw_text (snapshot, label, 0, y + (ROW_HEIGHT - h) / 2, &fg);

      rect = GRAPHENE_RECT_INIT ((float) bar_x, (float) (y + (ROW_HEIGHT - BAR_HEIGHT) / 2),
                                 (float) bar_max_w, (float) BAR_HEIGHT);
      gsk_rounded_rect_init_from_rect (&rounded, &rect, 4);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &track, &rect);
      rect.size.width = (float) MAX (w_bar, 2);
      gtk_snapshot_append_color (snapshot, over ? &warning : &accent, &rect);
      gtk_snapshot_pop (snapshot);

      pango_layout_get_pixel_size (value, &w, &h);
      draw_text (snapshot, value, bar_x + bar_max_w + GAP, y + (ROW_HEIGHT - h) / 2, &dim);
    }

  if (self->reference > 0)
    {
      double x = bar_x + bar_max_w * self->reference / max;
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));

      gdk_cairo_set_source_rgba (cr, &dim);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_move_to (cr, x, top - GAP / 2);
      cairo_line_to (cr, x, height);
      cairo_stroke (cr);
      cairo_destroy (cr);

      if (self->reference_label != NULL)
        {
          g_autoptr(PangoLayout) layout = make_layout (widget, self->reference_label, TRUE);
          int w, h;

          pango_layout_get_pixel_size (layout, &w, &h);
          draw_text (snapshot, layout, CLAMP (x - w / 2.0, 0, width - w), 0, &dim);
        }
    }
}

static void
wk_bar_chart_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (wk_bar_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_resize (widget);
}

static void
wk_bar_chart_finalize (GObject *object)
{
  WkBarChart *self = WK_BAR_CHART (object);

  g_array_unref (self->bars);
  g_free (self->reference_label);
  g_free (self->empty_text);
  g_free (self->summary);
  G_OBJECT_CLASS (wk_bar_chart_parent_class)->finalize (object);
}

static void
wk_bar_chart_class_init (WkBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = wk_bar_chart_finalize;
  widget_class->measure = wk_bar_chart_measure;
  widget_class->snapshot = wk_bar_chart_snapshot;
  widget_class->css_changed = wk_bar_chart_css_changed;
  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
update_summary (WkBarChart *self)
{
  GString *text = g_string_new (NULL);

  if (self->bars->len == 0)
    g_string_append (text, self->empty_text);
  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);

      if (i > 0)
        g_string_append_c (text, ' ');
      /* Translators: one bar in a bar chart's text alternative, e.g. "Printing: 4 min 30 s." */
      g_string_append_printf (text, _("%s: %s."), bar->label, bar->value_text);
    }
  g_free (self->summary);
  self->summary = g_string_free (text, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
wk_bar_chart_init (WkBarChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  self->empty_text = g_strdup (_("No data in this period"));
  update_summary (self);
}

GtkWidget *
wk_bar_chart_new (void)
{
  return g_object_new (WK_TYPE_BAR_CHART, NULL);
}

void
wk_bar_chart_clear (WkBarChart *self)
{
  g_return_if_fail (WK_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
wk_bar_chart_add_bar (WkBarChart *self,
                      const char *label,
                      double      value,
                      const char *value_text)
{
  Bar bar;

  g_return_if_fail (WK_IS_BAR_CHART (self));

  bar.label = g_strdup (label != NULL ? label : "");
  bar.value_text = g_strdup (value_text != NULL ? value_text : "");
  bar.value = value;
  g_array_append_val (self->bars, bar);
  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
wk_bar_chart_get_n_bars (WkBarChart *self)
{
  g_return_val_if_fail (WK_IS_BAR_CHART (self), 0);

  return self->bars->len;
}

void
wk_bar_chart_set_reference (WkBarChart *self,
                            double      value,
                            const char *label)
{
  g_return_if_fail (WK_IS_BAR_CHART (self));

  self->reference = value;
  g_free (self->reference_label);
  self->reference_label = value > 0 ? g_strdup (label) : NULL;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
wk_bar_chart_set_empty_text (WkBarChart *self,
                             const char *text)
{
  g_return_if_fail (WK_IS_BAR_CHART (self));

  g_free (self->empty_text);
  self->empty_text = g_strdup (text != NULL ? text : "");
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
wk_bar_chart_get_summary (WkBarChart *self)
{
  g_return_val_if_fail (WK_IS_BAR_CHART (self), NULL);

  return self->summary;
}
