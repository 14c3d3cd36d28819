/* wk-badge-detector.h — recognises a badge reader's burst of keys on a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WK_TYPE_BADGE_DETECTOR (wk_badge_detector_get_type ())

G_DECLARE_FINAL_TYPE (WkBadgeDetector, wk_badge_detector, WK, BADGE_DETECTOR, GObject)

WkBadgeDetector *wk_badge_detector_new            (GtkWidget       *widget);
GtkWidget       *wk_badge_detector_get_widget     (WkBadgeDetector *self);
guint            wk_badge_detector_get_max_gap_ms (WkBadgeDetector *self);
void             wk_badge_detector_set_max_gap_ms (WkBadgeDetector *self,
                                                   guint            max_gap_ms);
guint            wk_badge_detector_get_min_length (WkBadgeDetector *self);
void             wk_badge_detector_set_min_length (WkBadgeDetector *self,
                                                   guint            min_length);

G_END_DECLS
