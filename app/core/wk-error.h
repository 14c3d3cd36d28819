/* wk-error.h — the error domain every Walkup layer reports in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WK_ERROR (wk_error_quark ())

/**
 * WkError:
 * @WK_ERROR_FAILED: anything not covered below
 * @WK_ERROR_NOT_FOUND: the person, ticket, visit… does not exist
 * @WK_ERROR_CONFLICT: someone else changed it first (stale version, taken visitor)
 * @WK_ERROR_INVALID: the input breaks a rule; nothing was written
 * @WK_ERROR_UNAVAILABLE: the store or server cannot be reached now; try again later
 * @WK_ERROR_CORRUPT: the database file is damaged or not ours
 * @WK_ERROR_UNAUTHORIZED: no or wrong credentials
 * @WK_ERROR_FORBIDDEN: the credentials lack the role for this
 * @WK_ERROR_RATE_LIMITED: too many attempts; wait a moment
 * @WK_ERROR_TOO_LARGE: a request or field is over its limit
 */
typedef enum {
  WK_ERROR_FAILED,
  WK_ERROR_NOT_FOUND,
  WK_ERROR_CONFLICT,
  WK_ERROR_INVALID,
  WK_ERROR_UNAVAILABLE,
  WK_ERROR_CORRUPT,
  WK_ERROR_UNAUTHORIZED,
  WK_ERROR_FORBIDDEN,
  WK_ERROR_RATE_LIMITED,
  WK_ERROR_TOO_LARGE,
} WkError;

GQuark       wk_error_quark   (void);
const char  *wk_error_to_code (int code);
int          wk_error_from_code (const char *code);

G_END_DECLS
