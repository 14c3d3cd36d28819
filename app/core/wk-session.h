/* wk-session.h — a signed-in staff member (result of sign in)
 *
 * An immutable value: every property is construct-only.  Id, time and
 * count properties are 0 when unknown unless documented otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-enums.h"
#include "wk-person.h"

G_BEGIN_DECLS

#define WK_TYPE_SESSION (wk_session_get_type ())
G_DECLARE_FINAL_TYPE (WkSession, wk_session, WK, SESSION, GObject)

/* who signed in */
WkPerson *wk_session_get_person (WkSession *self);
/* their role */
WkRole wk_session_get_role (WkSession *self);
/* opaque bearer token */
const char *wk_session_get_token (WkSession *self);

G_END_DECLS
