/* wk-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-desk.h"

G_BEGIN_DECLS

/**
 * WkMode:
 * The four faces one walkup process can show.
 */
typedef enum {
  WK_MODE_KIOSK,
  WK_MODE_BOARD,
  WK_MODE_DESKSIDE,
  WK_MODE_REVIEW,
} WkMode;

#define WK_TYPE_APPLICATION (wk_application_get_type ())

G_DECLARE_FINAL_TYPE (WkApplication, wk_application, WK, APPLICATION, AdwApplication)

WkApplication *wk_application_new          (void);
GSettings     *wk_application_get_settings (WkApplication *self);
const char    *wk_application_get_db_path  (WkApplication *self);
/* NULL until the lounge database is open (faces are shown after that). */
WkDesk        *wk_application_get_desk     (WkApplication *self);
/* Shows a face; before the desk is open this returns NULL and the face
 * appears once it is. */
GtkWindow     *wk_application_open_face    (WkApplication *self,
                                            WkMode         mode);
const char    *wk_mode_to_string           (WkMode         mode);
gboolean       wk_mode_from_string         (const char    *str,
                                            WkMode        *mode);

G_END_DECLS
