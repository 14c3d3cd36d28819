/* wk-heatmap.h — visits by weekday × hour, drawn with GtkSnapshot
 *
 * Its accessible description is a text alternative: the total, the busiest
 * hours and the visits per weekday.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WK_TYPE_HEATMAP (wk_heatmap_get_type ())

G_DECLARE_FINAL_TYPE (WkHeatmap, wk_heatmap, WK, HEATMAP, GtkWidget)

GtkWidget  *wk_heatmap_new         (void);
/* @counts[weekday][hour]: weekday 0 is Monday … 6 Sunday. */
void        wk_heatmap_set_counts  (WkHeatmap   *self,
                                    const guint  counts[7][24]);
guint       wk_heatmap_get_count   (WkHeatmap   *self,
                                    guint        weekday,
                                    guint        hour);
/* The text alternative (also the accessible description). */
const char *wk_heatmap_get_summary (WkHeatmap   *self);

/* The full, localised name of @weekday (0 Monday … 6 Sunday), or its
 * abbreviation; shared with the other charts and the tests. */
char       *wk_heatmap_dup_weekday_name (guint    weekday,
                                         gboolean abbreviated);

G_END_DECLS
