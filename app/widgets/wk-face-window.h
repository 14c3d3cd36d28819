/* wk-face-window.h — the base of the faces' windows: each works through a desk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-desk.h"

G_BEGIN_DECLS

#define WK_TYPE_FACE_WINDOW (wk_face_window_get_type ())

G_DECLARE_DERIVABLE_TYPE (WkFaceWindow, wk_face_window, WK, FACE_WINDOW, AdwApplicationWindow)

struct _WkFaceWindowClass
{
  AdwApplicationWindowClass parent_class;
};

/* The desk (local or the hub's) this window works through; set at construction. */
WkDesk *wk_face_window_get_desk (WkFaceWindow *self);

G_END_DECLS
