/* wk-deskside-visitor-pane.h — the visitor profile: who they are, why they
 * came, their tickets and devices, and the visit's actions
 *
 * The buttons activate the window's actions (win.pick-up, win.finish-visit,
 * …), which act on the visit shown here.  Emits ::desk-error like the
 * ticket pane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-desk.h"

G_BEGIN_DECLS

#define WK_TYPE_DESKSIDE_VISITOR_PANE (wk_deskside_visitor_pane_get_type ())
G_DECLARE_FINAL_TYPE (WkDesksideVisitorPane, wk_deskside_visitor_pane, WK, DESKSIDE_VISITOR_PANE, AdwBin)

void     wk_deskside_visitor_pane_set_desk   (WkDesksideVisitorPane *self,
                                              WkDesk                *desk);
/* Shows @visit; a newer version of the same visit only refreshes. NULL clears. */
void     wk_deskside_visitor_pane_set_visit  (WkDesksideVisitorPane *self,
                                              WkVisit               *visit);
WkVisit *wk_deskside_visitor_pane_get_visit  (WkDesksideVisitorPane *self);
/* Reloads tickets and devices (after a ticket or hardware event). */
void     wk_deskside_visitor_pane_reload     (WkDesksideVisitorPane *self);

G_END_DECLS
