/* wk-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-error"

#include "config.h"

#include "wk-error.h"

#include <string.h>

G_DEFINE_QUARK (wk-error-quark, wk_error)

/* The stable, machine-readable names used in the hub's JSON errors. */
static const char * const codes[] = {
  [WK_ERROR_FAILED] = "failed",
  [WK_ERROR_NOT_FOUND] = "not_found",
  [WK_ERROR_CONFLICT] = "conflict",
  [WK_ERROR_INVALID] = "invalid",
  [WK_ERROR_UNAVAILABLE] = "unavailable",
  [WK_ERROR_CORRUPT] = "corrupt",
  [WK_ERROR_UNAUTHORIZED] = "unauthorized",
  [WK_ERROR_FORBIDDEN] = "forbidden",
  [WK_ERROR_RATE_LIMITED] = "rate_limited",
  [WK_ERROR_TOO_LARGE] = "too_large",
};

const char *
wk_error_to_code (int code)
{
  if (code < 0 || code >= (int) G_N_ELEMENTS (codes))
    return codes[WK_ERROR_FAILED];
  return codes[code];
}

int
wk_error_from_code (const char *code)
{
  if (code == NULL)
    return WK_ERROR_FAILED;
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (strcmp (codes[i], code) == 0)
      return (int) i;
  return WK_ERROR_FAILED;
}
