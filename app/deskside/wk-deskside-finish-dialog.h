/* wk-deskside-finish-dialog.h — finish a visit: outcome, ticket status, note
 *
 * Responds "finish" or "cancel".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-desk.h"

G_BEGIN_DECLS

#define WK_TYPE_DESKSIDE_FINISH_DIALOG (wk_deskside_finish_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WkDesksideFinishDialog, wk_deskside_finish_dialog, WK, DESKSIDE_FINISH_DIALOG, AdwMessageDialog)

GtkWidget *wk_deskside_finish_dialog_new             (GtkWindow              *parent,
                                                      WkVisit                *visit,
                                                      WkTicket               *ticket);
WkVisit   *wk_deskside_finish_dialog_get_visit       (WkDesksideFinishDialog *self);
WkTicket  *wk_deskside_finish_dialog_get_ticket      (WkDesksideFinishDialog *self);
WkOutcome  wk_deskside_finish_dialog_get_outcome     (WkDesksideFinishDialog *self);
/* The ticket status chosen, or -1 to keep it. */
int        wk_deskside_finish_dialog_get_status      (WkDesksideFinishDialog *self);
/* The note typed (stripped; NULL when empty) and whether it is public. */
char      *wk_deskside_finish_dialog_dup_note        (WkDesksideFinishDialog *self);
gboolean   wk_deskside_finish_dialog_get_note_public (WkDesksideFinishDialog *self);

G_END_DECLS
