/* wk-deskside-visit-row.h — one visitor in the queue or in My visits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-deskside-format.h"
#include "wk-visit.h"

G_BEGIN_DECLS

#define WK_TYPE_DESKSIDE_VISIT_ROW (wk_deskside_visit_row_get_type ())
G_DECLARE_FINAL_TYPE (WkDesksideVisitRow, wk_deskside_visit_row, WK, DESKSIDE_VISIT_ROW, GtkWidget)

/* An empty row: a list's factory makes a few and shows visits in them. */
GtkWidget   *wk_deskside_visit_row_new         (void);
void         wk_deskside_visit_row_set_visit   (WkDesksideVisitRow *self,
                                                WkVisit            *visit);
WkVisit     *wk_deskside_visit_row_get_visit   (WkDesksideVisitRow *self);
/* How long @visit has waited at @now (unix seconds), into @seconds if
 * not NULL, and the level of that wait (normal once called). */
WkWaitLevel  wk_deskside_visit_wait            (WkVisit            *visit,
                                                gint64              now,
                                                guint               amber_minutes,
                                                guint               red_minutes,
                                                gint64             *seconds);
/* Repaints the wait timer for @now (unix seconds); returns its level. */
WkWaitLevel  wk_deskside_visit_row_update_wait (WkDesksideVisitRow *self,
                                                gint64              now,
                                                guint               amber_minutes,
                                                guint               red_minutes);

G_END_DECLS
