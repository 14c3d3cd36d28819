/* wk-deskside-hardware-dialog.h — add a device to prepare, or mark one
 * ready at the counter or a locker, with a ready-by time
 *
 * Responds "cancel" or "save".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-desk.h"

G_BEGIN_DECLS

#define WK_TYPE_DESKSIDE_HARDWARE_DIALOG (wk_deskside_hardware_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WkDesksideHardwareDialog, wk_deskside_hardware_dialog, WK, DESKSIDE_HARDWARE_DIALOG, AdwMessageDialog)

/* Adding: @person_login (email or badge) and @ticket_ref prefill the form
 * (either may be NULL). */
GtkWidget  *wk_deskside_hardware_dialog_new_add   (GtkWindow  *parent,
                                                   const char *person_name,
                                                   gint64      person_id,
                                                   const char *ticket_ref);
/* Marking @hardware ready. */
GtkWidget  *wk_deskside_hardware_dialog_new_ready (GtkWindow  *parent,
                                                   WkHardware *hardware);

WkHardware *wk_deskside_hardware_dialog_get_hardware    (WkDesksideHardwareDialog *self);
gint64      wk_deskside_hardware_dialog_get_person_id   (WkDesksideHardwareDialog *self);
const char *wk_deskside_hardware_dialog_get_person      (WkDesksideHardwareDialog *self);
const char *wk_deskside_hardware_dialog_get_ticket_ref  (WkDesksideHardwareDialog *self);
const char *wk_deskside_hardware_dialog_get_description (WkDesksideHardwareDialog *self);
const char *wk_deskside_hardware_dialog_get_asset_tag   (WkDesksideHardwareDialog *self);
/* "counter" or "locker N" (owned). */
char       *wk_deskside_hardware_dialog_dup_location    (WkDesksideHardwareDialog *self);
/* FALSE when the ready-by time is not HH:MM. */
gboolean    wk_deskside_hardware_dialog_get_ready_by    (WkDesksideHardwareDialog *self,
                                                         gint64                   *ready_by);

G_END_DECLS
