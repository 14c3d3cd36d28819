/* wk-event.h — one entry of the append-only change log
 *
 * An immutable value: every property is construct-only.  Id, time and
 * count properties are 0 when unknown unless documented otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WK_TYPE_EVENT (wk_event_get_type ())
G_DECLARE_FINAL_TYPE (WkEvent, wk_event, WK, EVENT, GObject)

/* row id (the primary key) */
gint64 wk_event_get_id (WkEvent *self);
/* unix seconds */
gint64 wk_event_get_at (WkEvent *self);
/* 'person:ID', 'kiosk:NAME' or NULL */
const char *wk_event_get_actor (WkEvent *self);
/* e.g. 'visit.checked_in' */
const char *wk_event_get_kind (WkEvent *self);
/* 'visit', 'ticket', 'hardware', 'survey', … */
const char *wk_event_get_entity (WkEvent *self);
/* row id of the entity */
gint64 wk_event_get_entity_id (WkEvent *self);
/* JSON object text */
const char *wk_event_get_payload (WkEvent *self);

G_END_DECLS
