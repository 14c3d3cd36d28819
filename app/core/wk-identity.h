/* wk-identity.h — who walked up, and what is waiting for them (result of identify)
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
#include "wk-visit.h"

G_BEGIN_DECLS

#define WK_TYPE_IDENTITY (wk_identity_get_type ())
G_DECLARE_FINAL_TYPE (WkIdentity, wk_identity, WK, IDENTITY, GObject)

/* how they identified */
WkIdentifiedBy wk_identity_get_identified_by (WkIdentity *self);
/* the person, or NULL for a ticket without requester */
WkPerson *wk_identity_get_person (WkIdentity *self);
/* GListModel of their open WkTicket (new, open, pending), newest first */
GListModel *wk_identity_get_tickets (WkIdentity *self);
/* GListModel of WkHardware waiting for them, ready first */
GListModel *wk_identity_get_hardware (WkIdentity *self);
/* a finished visit they have not rated yet, or NULL */
WkVisit *wk_identity_get_pending_survey (WkIdentity *self);

/* TRUE when they showed a physical badge: typed identities (email,
 * employee number, ticket reference) should be shown less. */
gboolean wk_identity_is_strong (WkIdentity *self);

G_END_DECLS
