/* wk-announcement.h — news shown on the kiosk start screen
 *
 * An immutable value: every property is construct-only.  Id, time and
 * count properties are 0 when unknown unless documented otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WK_TYPE_ANNOUNCEMENT (wk_announcement_get_type ())
G_DECLARE_FINAL_TYPE (WkAnnouncement, wk_announcement, WK, ANNOUNCEMENT, GObject)

/* row id (the primary key) */
gint64 wk_announcement_get_id (WkAnnouncement *self);
/* the lounge, 0 for every lounge */
gint64 wk_announcement_get_lounge_id (WkAnnouncement *self);
/* headline */
const char *wk_announcement_get_title (WkAnnouncement *self);
/* text, may be empty */
const char *wk_announcement_get_body (WkAnnouncement *self);
/* unix seconds */
gint64 wk_announcement_get_starts_at (WkAnnouncement *self);
/* unix seconds */
gint64 wk_announcement_get_ends_at (WkAnnouncement *self);

G_END_DECLS
