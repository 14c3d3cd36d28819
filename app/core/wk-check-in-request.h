/* wk-check-in-request.h — what the kiosk sends to check someone in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "wk-enums.h"

G_BEGIN_DECLS

/**
 * WkCheckInRequest:
 * @uuid: client-generated UUID, the idempotency key (required)
 * @lounge_id: the lounge (required)
 * @person_id: the identified person, or 0 for a guest
 * @identified_by: how they identified; %WK_IDENTIFIED_BY_GUEST exactly
 *   when @person_id is 0
 * @guest_name: a guest's name (required for a guest, else ignored)
 * @guest_email: a guest's email, optional
 * @ticket_id: the open ticket they came about ("I'm here about this"), or 0
 * @reason: a category id (wk-category.h), required
 * @open_ticket: "something else": open a ticket for them (not with @ticket_id)
 * @subject: optional short description for that new ticket
 * @kiosk: the kiosk's name, optional
 * @kiosk_ms: first touch → confirmation in milliseconds, or -1
 */
typedef struct {
  char           *uuid;
  gint64          lounge_id;
  gint64          person_id;
  WkIdentifiedBy  identified_by;
  char           *guest_name;
  char           *guest_email;
  gint64          ticket_id;
  char           *reason;
  gboolean        open_ticket;
  char           *subject;
  char           *kiosk;
  gint64          kiosk_ms;
} WkCheckInRequest;

#define WK_TYPE_CHECK_IN_REQUEST (wk_check_in_request_get_type ())

GType             wk_check_in_request_get_type (void) G_GNUC_CONST;
/* All zero, kiosk_ms -1.  Set the strings with g_strdup(). */
WkCheckInRequest *wk_check_in_request_new      (void);
WkCheckInRequest *wk_check_in_request_copy     (const WkCheckInRequest *request);
void              wk_check_in_request_free     (WkCheckInRequest       *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkCheckInRequest, wk_check_in_request_free)

G_END_DECLS
