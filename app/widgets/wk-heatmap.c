/* wk-heatmap.c — visits by weekday × hour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-heatmap"

#include "config.h"

#include "wk-heatmap.h"

#include <glib/gi18n.h>

#define CELL_GAP 3.0
#define LABEL_GAP 8.0

struct _WkHeatmap
{
  GtkWidget  parent_instance;

  guint      counts[7][24];
  guint      max;
  char      *summary;   /* owned */
};

G_DEFINE_FINAL_TYPE (WkHeatmap, wk_heatmap, GTK_TYPE_WIDGET)

char *
wk_heatmap_dup_weekday_name (guint    weekday,
                             gboolean abbreviated)
{
  /* 2024-01-01 was a Monday */
  g_autoptr(GDateTime) day = g_date_time_new_utc (2024, 1, 1 + (int) MIN (weekday, 6), 12, 0, 0);

  return g_date_time_format (day, abbreviated ? "%a" : "%A");
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
label_column_width (WkHeatmap *self)
{
  int widest = 0;

  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *name = wk_heatmap_dup_weekday_name (d, TRUE);
      g_autoptr(PangoLayout) layout = make_layout (GTK_WIDGET (self), name);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      widest = MAX (widest, w);
    }
  return widest;
}

static int
label_row_height (WkHeatmap *self)
{
  g_autoptr(PangoLayout) layout = make_layout (GTK_WIDGET (self), "00");
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static void
wk_heatmap_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  WkHeatmap *self = WK_HEATMAP (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int labels = label_column_width (self) + (int) LABEL_GAP;

      *minimum = labels + 24 * 10;
      *natural = labels + 24 * 30;
    }
  else
    {
      int labels = label_row_height (self) + (int) LABEL_GAP;

      /* in a scrolled window only the minimum counts: ask for it all */
      *minimum = *natural = labels + 7 * 26;
    }
}

static void
wk_heatmap_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  WkHeatmap *self = WK_HEATMAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double left = label_column_width (self) + LABEL_GAP;
  double bottom = label_row_height (self) + LABEL_GAP;
  double cell_w = (width - left) / 24.0;
  double cell_h = (height - bottom) / 7.0;
  GdkRGBA fg, accent, empty;
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_get_color (context, &fg);
  lookup_color (widget, "accent_bg_color", "#3584e4", &accent);
  empty = fg;
  empty.alpha = 0.06f;

  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *name = wk_heatmap_dup_weekday_name (d, TRUE);
      g_autoptr(PangoLayout) layout = make_layout (widget, name);
      int w, h;
      GdkRGBA dim = fg;

      dim.alpha = 0.7f;
      pango_layout_get_pixel_size (layout, &w, &h);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, (float) (d * cell_h + (cell_h - h) / 2)));
      gtk_snapshot_append_layout (snapshot, layout, &dim);
      gtk_snapshot_restore (snapshot);

      for (guint hour = 0; hour < 24; hour++)
        {
          guint count = self->counts[d][hour];
          GdkRGBA colour = empty;
          GskRoundedRect rounded;
          graphene_rect_t cell = GRAPHENE_RECT_INIT ((float) (left + hour * cell_w + CELL_GAP / 2),
                                                     (float) (d * cell_h + CELL_GAP / 2),
                                                     (float) MAX (cell_w - CELL_GAP, 1),
                                                     (float) MAX (cell_h - CELL_GAP, 1));

          if (count > 0 && self->max > 0)
            {
              colour = accent;
              colour.alpha = (float) (0.15 + 0.85 * (double) count / self->max);
            }
          gsk_rounded_rect_init_from_rect (&rounded, &cell, 3);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &colour, &cell);
          gtk_snapshot_pop (snapshot);
        }
    }

  for (guint hour = 0; hour < 24; hour += 3)
    {
      g_autofree char *text = g_strdup_printf ("%02u", hour);
      g_autoptr(PangoLayout) layout = make_layout (widget, text);
      int w, h;
      GdkRGBA dim = fg;

      dim.alpha = 0.7f;
      pango_layout_get_pixel_size (layout, &w, &h);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT ((float) (left + hour * cell_w + (cell_w - w) / 2),
                                                    (float) (7 * cell_h + LABEL_GAP / 2)));
      gtk_snapshot_append_layout (snapshot, layout, &dim);
      gtk_snapshot_restore (snapshot);
    }
}

static void
wk_heatmap_css_changed (GtkWidget         *widget,
                        GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (wk_heatmap_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
wk_heatmap_finalize (GObject *object)
{
  WkHeatmap *self = WK_HEATMAP (object);

  g_free (self->summary);
  G_OBJECT_CLASS (wk_heatmap_parent_class)->finalize (object);
}

static void
wk_heatmap_class_init (WkHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = wk_heatmap_finalize;
  widget_class->measure = wk_heatmap_measure;
  widget_class->snapshot = wk_heatmap_snapshot;
  widget_class->css_changed = wk_heatmap_css_changed;
  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wk_heatmap_init (WkHeatmap *self)
{
  self->summary = g_strdup (_("No visits in this period."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

GtkWidget *
wk_heatmap_new (void)
{
  return g_object_new (WK_TYPE_HEATMAP, NULL);
}

typedef struct {
  guint weekday;
  guint hour;
  guint count;
} Slot;

static int
slot_compare (gconstpointer a,
              gconstpointer b)
{
  const Slot *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  if (x->weekday != y->weekday)
    return x->weekday < y->weekday ? -1 : 1;
  return x->hour < y->hour ? -1 : (x->hour > y->hour);
}

static char *
build_summary (WkHeatmap *self)
{
  GString *text = g_string_new (NULL);
  Slot slots[7 * 24];
  guint total = 0;
  guint n = 0;

  for (guint d = 0; d < 7; d++)
    for (guint h = 0; h < 24; h++)
      {
        slots[n++] = (Slot) { d, h, self->counts[d][h] };
        total += self->counts[d][h];
      }
  if (total == 0)
    {
      g_string_free (text, TRUE);
      return g_strdup (_("No visits in this period."));
    }

  qsort (slots, G_N_ELEMENTS (slots), sizeof (Slot), slot_compare);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u visit.", "%u visits.", total),
                          total);
  for (guint i = 0; i < 3 && slots[i].count > 0; i++)
    {
      g_autofree char *day = wk_heatmap_dup_weekday_name (slots[i].weekday, FALSE);

      g_string_append_c (text, ' ');
      /* Translators: one of the busiest hours in the heatmap's text
       * alternative, e.g. "Busiest: Tuesday 10:00–11:00, 14 visits." */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "Busiest: %s %02u:00–%02u:00, %u visit.",
                                                 "Busiest: %s %02u:00–%02u:00, %u visits.",
                                                 slots[i].count),
                              day, slots[i].hour, (slots[i].hour + 1) % 24, slots[i].count);
    }
  for (guint d = 0; d < 7; d++)
    {
      g_autofree char *day = wk_heatmap_dup_weekday_name (d, FALSE);
      guint sum = 0;

      for (guint h = 0; h < 24; h++)
        sum += self->counts[d][h];
      g_string_append_c (text, ' ');
      /* Translators: visits on one weekday in the heatmap's text alternative */
      g_string_append_printf (text, _("%s: %u."), day, sum);
    }
  return g_string_free (text, FALSE);
}

void
wk_heatmap_set_counts (WkHeatmap   *self,
                       const guint  counts[7][24])
{
  g_return_if_fail (WK_IS_HEATMAP (self));

  self->max = 0;
  for (guint d = 0; d < 7; d++)
    for (guint h = 0; h < 24; h++)
      {
        self->counts[d][h] = counts != NULL ? counts[d][h] : 0;
        self->max = MAX (self->max, self->counts[d][h]);
      }
  g_free (self->summary);
  self->summary = build_summary (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
wk_heatmap_get_count (WkHeatmap *self,
                      guint      weekday,
                      guint      hour)
{
  g_return_val_if_fail (WK_IS_HEATMAP (self), 0);
  g_return_val_if_fail (weekday < 7 && hour < 24, 0);

  return self->counts[weekday][hour];
}

const char *
wk_heatmap_get_summary (WkHeatmap *self)
{
  g_return_val_if_fail (WK_IS_HEATMAP (self), NULL);

  return self->summary;
}
