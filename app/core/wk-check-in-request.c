/* wk-check-in-request.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-check-in-request"

#include "config.h"

#include "wk-check-in-request.h"

G_DEFINE_BOXED_TYPE (WkCheckInRequest, wk_check_in_request,
                     wk_check_in_request_copy, wk_check_in_request_free)

WkCheckInRequest *
wk_check_in_request_new (void)
{
  WkCheckInRequest *request = g_new0 (WkCheckInRequest, 1);

  request->kiosk_ms = -1;
  return request;
}

WkCheckInRequest *
wk_check_in_request_copy (const WkCheckInRequest *request)
{
  WkCheckInRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = g_memdup2 (request, sizeof *request);
  copy->uuid = g_strdup (request->uuid);
  copy->guest_name = g_strdup (request->guest_name);
  copy->guest_email = g_strdup (request->guest_email);
  copy->reason = g_strdup (request->reason);
  copy->subject = g_strdup (request->subject);
  copy->kiosk = g_strdup (request->kiosk);
  return copy;
}

void
wk_check_in_request_free (WkCheckInRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->uuid);
  g_free (request->guest_name);
  g_free (request->guest_email);
  g_free (request->reason);
  g_free (request->subject);
  g_free (request->kiosk);
  g_free (request);
}
