/* wk-bar-chart.h — labelled horizontal bars (e.g. median wait by reason),
 * with an optional reference line; drawn with GtkSnapshot
 *
 * Its accessible description is a text alternative: every bar's label and
 * value text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WK_TYPE_BAR_CHART (wk_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (WkBarChart, wk_bar_chart, WK, BAR_CHART, GtkWidget)

GtkWidget  *wk_bar_chart_new           (void);
/* Removes every bar. */
void        wk_bar_chart_clear         (WkBarChart *self);
/* Appends a bar: @value sets its length, @value_text is shown at its end. */
void        wk_bar_chart_add_bar       (WkBarChart *self,
                                        const char *label,
                                        double      value,
                                        const char *value_text);
guint       wk_bar_chart_get_n_bars    (WkBarChart *self);
/* A dashed line across the bars at @value, named @label; a @value ≤ 0
 * removes it.  Bars beyond it are drawn in the warning colour. */
void        wk_bar_chart_set_reference (WkBarChart *self,
                                        double      value,
                                        const char *label);
/* Shown when there are no bars. */
void        wk_bar_chart_set_empty_text (WkBarChart *self,
                                         const char *text);
/* The text alternative (also the accessible description). */
const char *wk_bar_chart_get_summary   (WkBarChart *self);

G_END_DECLS
