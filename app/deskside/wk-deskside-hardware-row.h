/* wk-deskside-hardware-row.h — one item being prepared, ready or collected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-hardware.h"

G_BEGIN_DECLS

#define WK_TYPE_DESKSIDE_HARDWARE_ROW (wk_deskside_hardware_row_get_type ())
G_DECLARE_FINAL_TYPE (WkDesksideHardwareRow, wk_deskside_hardware_row, WK, DESKSIDE_HARDWARE_ROW, GtkListBoxRow)

GtkWidget  *wk_deskside_hardware_row_new          (WkHardware            *hardware);
WkHardware *wk_deskside_hardware_row_get_hardware (WkDesksideHardwareRow *self);

G_END_DECLS
