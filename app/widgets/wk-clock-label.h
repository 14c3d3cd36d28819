/* wk-clock-label.h — a label that shows the wall-clock time, kept current
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WK_TYPE_CLOCK_LABEL (wk_clock_label_get_type ())

G_DECLARE_FINAL_TYPE (WkClockLabel, wk_clock_label, WK, CLOCK_LABEL, GtkWidget)

GtkWidget  *wk_clock_label_new          (void);
GTimeZone  *wk_clock_label_get_timezone (WkClockLabel *self);
void        wk_clock_label_set_timezone (WkClockLabel *self,
                                         GTimeZone    *timezone);
/* The text the label shows for @time: the locale's hour and minute. */
char       *wk_clock_label_format       (GDateTime    *time);

G_END_DECLS
