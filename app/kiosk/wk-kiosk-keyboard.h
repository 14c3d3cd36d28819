/* wk-kiosk-keyboard.h — the on-screen keyboard follows the focused entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wk-osk.h"

G_BEGIN_DECLS

/* When @entry takes the focus, @osk types into it (in @mode, or its current
 * mode when @mode is -1) and @revealer shows the keyboard; when the focus
 * leaves it, the keyboard slides away so that the page has its room back. */
void wk_kiosk_keyboard_attach (GtkRevealer *revealer,
                               WkOsk       *osk,
                               GtkWidget   *entry,
                               int          mode);

G_END_DECLS
