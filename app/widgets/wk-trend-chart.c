/* wk-trend-chart.c — CSAT and FCR per week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-trend-chart"

#include "config.h"

#include "wk-trend-chart.h"

#include <glib/gi18n.h>
#include <math.h>

#define PAD 8.0
#define LEGEND_GAP 12.0

struct _WkTrendChart
{
  GtkWidget  parent_instance;

  GArray    *points;    /* owned, of WkTrendPoint */
  char      *summary;   /* owned */
};

G_DEFINE_FINAL_TYPE (WkTrendChart, wk_trend_chart, GTK_TYPE_WIDGET)

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
             const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static int
text_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = make_layout (widget, "0%");
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
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

static char *
percent_text (double share)
{
  return g_strdup_printf (_("%d%%"), (int) lround (share * 100.0));
}

static void
wk_trend_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  int line = text_height (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
    }
  else
    {
      /* in a scrolled window only the minimum counts: ask for it all */
      *minimum = *natural = 2 * line + 220;
    }
}

static void
stroke_series (cairo_t        *cr,
               WkTrendChart   *self,
               gboolean        fcr,
               double          x0,
               double          step,
               double          top,
               double          plot_h,
               const GdkRGBA  *colour)
{
  gboolean drawing = FALSE;

  gdk_cairo_set_source_rgba (cr, colour);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->points->len; i++)
    {
      const WkTrendPoint *p = &g_array_index (self->points, WkTrendPoint, i);
      gboolean has = fcr ? p->has_fcr : p->has_csat;
      double v = fcr ? p->fcr : p->csat;
      double x = x0 + i * step;
      double y = top + plot_h * (1.0 - CLAMP (v, 0.0, 1.0));

      if (!has)
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      drawing = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->points->len; i++)
    {
      const WkTrendPoint *p = &g_array_index (self->points, WkTrendPoint, i);
      double v = fcr ? p->fcr : p->csat;

      if (!(fcr ? p->has_fcr : p->has_csat))
        continue;
      cairo_arc (cr, x0 + i * step, top + plot_h * (1.0 - CLAMP (v, 0.0, 1.0)), 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
wk_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  WkTrendChart *self = WK_TREND_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double line = text_height (widget);
  GdkRGBA fg, dim, grid, csat_colour, fcr_colour;
  double left, top, plot_w, plot_h, step, x0;
  cairo_t *cr;
  int axis_w = 0;

  gtk_style_context_get_color (context, &fg);
  dim = fg;
  dim.alpha = 0.7f;
  grid = fg;
  grid.alpha = 0.12f;
  lookup_color (widget, "accent_bg_color", "#3584e4", &csat_colour);
  lookup_color (widget, "purple_3", "#9141ac", &fcr_colour);

  /* the legend, on top */
  {
    struct { const char *text; const GdkRGBA *colour; gboolean dashed; } items[] = {
      { _("CSAT"), &csat_colour, FALSE },
      { _("FCR"), &fcr_colour, FALSE },
      { _("Industry CSAT 70%"), &dim, TRUE },
      { _("Best 90%"), &dim, TRUE },
    };
    double x = 0;

    for (guint i = 0; i < G_N_ELEMENTS (items); i++)
      {
        g_autoptr(PangoLayout) layout = make_layout (widget, items[i].text);
        int w, h;

        pango_layout_get_pixel_size (layout, &w, &h);
        cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT ((float) x, 0, 20, (float) line));
        gdk_cairo_set_source_rgba (cr, items[i].colour);
        cairo_set_line_width (cr, items[i].dashed ? 1.5 : 3);
        if (items[i].dashed)
          cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
        cairo_move_to (cr, x + 1, line / 2);
        cairo_line_to (cr, x + 17, line / 2);
        cairo_stroke (cr);
        cairo_destroy (cr);
        draw_text (snapshot, layout, x + 22, 0, &fg);
        x += 22 + w + LEGEND_GAP * 1.5;
      }
  }

  for (int pct = 0; pct <= 100; pct += 25)
    {
      g_autofree char *t = g_strdup_printf (_("%d%%"), pct);
      g_autoptr(PangoLayout) layout = make_layout (widget, t);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      axis_w = MAX (axis_w, w);
    }

  left = axis_w + PAD;
  top = line + LEGEND_GAP + line / 2;
  plot_w = MAX (width - left - PAD, 1);
  plot_h = MAX (height - top - line - PAD - line / 2, 1);

  /* grid and y-axis labels */
  for (int pct = 0; pct <= 100; pct += 25)
    {
      g_autofree char *t = g_strdup_printf (_("%d%%"), pct);
      g_autoptr(PangoLayout) layout = make_layout (widget, t);
      double y = top + plot_h * (1.0 - pct / 100.0);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      draw_text (snapshot, layout, axis_w - w, y - h / 2.0, &dim);
      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT ((float) left, (float) y, (float) plot_w, 1));
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) height));
  /* reference lines: industry CSAT 70 %, best 90 % */
  gdk_cairo_set_source_rgba (cr, &dim);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
  for (guint i = 0; i < 2; i++)
    {
      double y = top + plot_h * (1.0 - (i == 0 ? 0.7 : 0.9));

      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + plot_w, y);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  if (self->points->len == 0)
    {
      cairo_destroy (cr);
      {
        g_autoptr(PangoLayout) layout = make_layout (widget, _("No surveys or finished visits in this period"));
        int w, h;

        pango_layout_get_pixel_size (layout, &w, &h);
        draw_text (snapshot, layout, left + (plot_w - w) / 2, top + (plot_h - h) / 2, &dim);
      }
      return;
    }

  step = self->points->len > 1 ? (plot_w - 24) / (self->points->len - 1) : 0;
  x0 = self->points->len > 1 ? left + 12 : left + plot_w / 2;
  stroke_series (cr, self, FALSE, x0, step, top, plot_h, &csat_colour);
  stroke_series (cr, self, TRUE, x0, step, top, plot_h, &fcr_colour);
  cairo_destroy (cr);

  /* x-axis labels, as many as fit */
  {
    double last_end = -G_MAXDOUBLE;

    for (guint i = 0; i < self->points->len; i++)
      {
        const WkTrendPoint *p = &g_array_index (self->points, WkTrendPoint, i);
        g_autoptr(PangoLayout) layout = make_layout (widget, p->label);
        double x = x0 + i * step;
        int w, h;

        pango_layout_get_pixel_size (layout, &w, &h);
        x = CLAMP (x - w / 2.0, 0, width - w);
        if (x < last_end + 8)
          continue;
        draw_text (snapshot, layout, x, top + plot_h + line / 2, &dim);
        last_end = x + w;
      }
  }
}

static void
wk_trend_chart_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (wk_trend_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
wk_trend_chart_finalize (GObject *object)
{
  WkTrendChart *self = WK_TREND_CHART (object);

  g_array_unref (self->points);
  g_free (self->summary);
  G_OBJECT_CLASS (wk_trend_chart_parent_class)->finalize (object);
}

static void
wk_trend_chart_class_init (WkTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = wk_trend_chart_finalize;
  widget_class->measure = wk_trend_chart_measure;
  widget_class->snapshot = wk_trend_chart_snapshot;
  widget_class->css_changed = wk_trend_chart_css_changed;
  gtk_widget_class_set_css_name (widget_class, "trendchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wk_trend_chart_init (WkTrendChart *self)
{
  self->points = g_array_new (FALSE, TRUE, sizeof (WkTrendPoint));
  wk_trend_chart_set_points (self, NULL, 0);
}

GtkWidget *
wk_trend_chart_new (void)
{
  return g_object_new (WK_TYPE_TREND_CHART, NULL);
}

static char *
build_summary (WkTrendChart *self)
{
  GString *text = g_string_new (NULL);

  if (self->points->len == 0)
    {
      g_string_free (text, TRUE);
      return g_strdup (_("No surveys or finished visits in this period."));
    }
  for (guint i = 0; i < self->points->len; i++)
    {
      const WkTrendPoint *p = &g_array_index (self->points, WkTrendPoint, i);
      g_autofree char *csat = p->has_csat ? percent_text (p->csat) : g_strdup (_("no surveys"));
      g_autofree char *fcr = p->has_fcr ? percent_text (p->fcr) : g_strdup (_("no finished visits"));

      if (i > 0)
        g_string_append_c (text, ' ');
      /* Translators: one week in the trend chart's text alternative,
       * e.g. "Week of 3 Mar: CSAT 80%, FCR 65%." */
      g_string_append_printf (text, _("Week of %s: CSAT %s, FCR %s."), p->label, csat, fcr);
    }
  return g_string_free (text, FALSE);
}

void
wk_trend_chart_set_points (WkTrendChart       *self,
                           const WkTrendPoint *points,
                           guint               n_points)
{
  g_return_if_fail (WK_IS_TREND_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_array_set_size (self->points, 0);
  if (n_points > 0)
    g_array_append_vals (self->points, points, n_points);
  for (guint i = 0; i < self->points->len; i++)
    g_array_index (self->points, WkTrendPoint, i).label[sizeof points->label - 1] = '\0';
  g_free (self->summary);
  self->summary = build_summary (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const WkTrendPoint *
wk_trend_chart_get_points (WkTrendChart *self,
                           guint        *n_points)
{
  g_return_val_if_fail (WK_IS_TREND_CHART (self), NULL);

  if (n_points != NULL)
    *n_points = self->points->len;
  return (const WkTrendPoint *) (gpointer) self->points->data;
}

const char *
wk_trend_chart_get_summary (WkTrendChart *self)
{
  g_return_val_if_fail (WK_IS_TREND_CHART (self), NULL);

  return self->summary;
}
