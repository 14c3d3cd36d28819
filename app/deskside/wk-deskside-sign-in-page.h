/* wk-deskside-sign-in-page.h — staff sign in (email or username + password)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wk-desk.h"

G_BEGIN_DECLS

#define WK_TYPE_DESKSIDE_SIGN_IN_PAGE (wk_deskside_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (WkDesksideSignInPage, wk_deskside_sign_in_page, WK, DESKSIDE_SIGN_IN_PAGE, AdwBin)

/* Emits ::signed-in (WkSession *) once the desk accepted the credentials. */
void wk_deskside_sign_in_page_set_desk  (WkDesksideSignInPage *self,
                                         WkDesk               *desk);
void wk_deskside_sign_in_page_set_login (WkDesksideSignInPage *self,
                                         const char           *login);
/* Clears the password and any message, and focuses the first empty entry. */
void wk_deskside_sign_in_page_reset     (WkDesksideSignInPage *self);

G_END_DECLS
