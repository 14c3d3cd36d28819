/* wk-hardware.h — an item waiting to be collected
 *
 * An immutable value: every property is construct-only.  Id, time and
 * count properties are 0 when unknown unless documented otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-enums.h"

G_BEGIN_DECLS

#define WK_TYPE_HARDWARE (wk_hardware_get_type ())
G_DECLARE_FINAL_TYPE (WkHardware, wk_hardware, WK, HARDWARE, GObject)

/* row id (the primary key) */
gint64 wk_hardware_get_id (WkHardware *self);
/* the ticket, 0 when none */
gint64 wk_hardware_get_ticket_id (WkHardware *self);
/* reference of the ticket, or NULL */
const char *wk_hardware_get_ticket_ref (WkHardware *self);
/* who collects it */
gint64 wk_hardware_get_person_id (WkHardware *self);
/* display name of that person */
const char *wk_hardware_get_person_name (WkHardware *self);
/* lounge it waits in, 0 when none */
gint64 wk_hardware_get_lounge_id (WkHardware *self);
/* description or model */
const char *wk_hardware_get_description (WkHardware *self);
/* asset tag, or NULL */
const char *wk_hardware_get_asset_tag (WkHardware *self);
/* lifecycle status */
WkHardwareStatus wk_hardware_get_status (WkHardware *self);
/* 'counter' or 'locker N', or NULL */
const char *wk_hardware_get_location (WkHardware *self);
/* promised ready time, 0 when none */
gint64 wk_hardware_get_ready_by (WkHardware *self);
/* unix seconds, 0 when not yet */
gint64 wk_hardware_get_ready_at (WkHardware *self);
/* unix seconds, 0 when not yet */
gint64 wk_hardware_get_collected_at (WkHardware *self);
/* engineer who handed it over, 0 when none */
gint64 wk_hardware_get_handed_over_by (WkHardware *self);
/* name typed at collection, or NULL */
const char *wk_hardware_get_ack_name (WkHardware *self);
/* signature strokes as JSON text, or NULL */
const char *wk_hardware_get_ack_signature (WkHardware *self);
/* unix seconds */
gint64 wk_hardware_get_created_at (WkHardware *self);
/* unix seconds */
gint64 wk_hardware_get_updated_at (WkHardware *self);
/* bumped on every change */
gint64 wk_hardware_get_version (WkHardware *self);

G_END_DECLS
