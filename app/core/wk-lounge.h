/* wk-lounge.h — a walk-up lounge
 *
 * An immutable value: every property is construct-only.  Id, time and
 * count properties are 0 when unknown unless documented otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WK_TYPE_LOUNGE (wk_lounge_get_type ())
G_DECLARE_FINAL_TYPE (WkLounge, wk_lounge, WK, LOUNGE, GObject)

/* row id (the primary key) */
gint64 wk_lounge_get_id (WkLounge *self);
/* name shown on the kiosk */
const char *wk_lounge_get_name (WkLounge *self);
/* where it is */
const char *wk_lounge_get_location (WkLounge *self);
/* IANA time zone, e.g. Europe/Berlin */
const char *wk_lounge_get_timezone (WkLounge *self);
/* e.g. 'mon-fri 08:00-18:00' */
const char *wk_lounge_get_opening_hours (WkLounge *self);
/* phone for urgent help outside opening hours */
const char *wk_lounge_get_phone (WkLounge *self);
/* names of its desks */
const char * const *wk_lounge_get_desks (WkLounge *self);

G_END_DECLS
