/* wk-http.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-http"

#include "config.h"

#include "wk-http.h"

#include "wk-error.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

char *
wk_http_user_agent (const char *subsystem)
{
  g_return_val_if_fail (subsystem != NULL, NULL);
  return g_strdup_printf ("walkup/%s (%s)", PACKAGE_VERSION, subsystem);
}

SoupSession *
wk_http_session_new (const char *subsystem,
                     guint       timeout_s)
{
  g_autofree char *user_agent = wk_http_user_agent (subsystem);

  if (timeout_s == 0)
    timeout_s = WK_HTTP_DEFAULT_TIMEOUT_S;

  return g_object_new (SOUP_TYPE_SESSION,
                       "user-agent", user_agent,
                       "timeout", timeout_s,
                       "idle-timeout", 60,
                       "max-conns-per-host", 8,
                       NULL);
}

gboolean
wk_http_status_to_error (guint        status,
                         const char  *message,
                         GError     **error)
{
  int code;

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    return TRUE;

  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
    case SOUP_STATUS_UNPROCESSABLE_ENTITY:
      code = WK_ERROR_INVALID;
      break;
    case SOUP_STATUS_UNAUTHORIZED:
      code = WK_ERROR_UNAUTHORIZED;
      break;
    case SOUP_STATUS_FORBIDDEN:
      code = WK_ERROR_FORBIDDEN;
      break;
    case SOUP_STATUS_NOT_FOUND:
    case SOUP_STATUS_GONE:
      code = WK_ERROR_NOT_FOUND;
      break;
    case SOUP_STATUS_CONFLICT:
    case SOUP_STATUS_PRECONDITION_FAILED:
      code = WK_ERROR_CONFLICT;
      break;
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      code = WK_ERROR_TOO_LARGE;
      break;
    case 429: /* Too Many Requests; libsoup 3.2 has no name for it */
      code = WK_ERROR_RATE_LIMITED;
      break;
    case SOUP_STATUS_BAD_GATEWAY:
    case SOUP_STATUS_SERVICE_UNAVAILABLE:
    case SOUP_STATUS_GATEWAY_TIMEOUT:
      code = WK_ERROR_UNAVAILABLE;
      break;
    default:
      code = status >= 500 ? WK_ERROR_UNAVAILABLE : WK_ERROR_FAILED;
      break;
    }

  if (message != NULL && *message != '\0')
    g_set_error_literal (error, WK_ERROR, code, message);
  else
    /* Translators: %u is an HTTP status code, %s its reason phrase */
    g_set_error (error, WK_ERROR, code, _("The server answered %u %s"),
                 status, soup_status_get_phrase (status));
  return FALSE;
}

guint
wk_http_status_for_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, SOUP_STATUS_INTERNAL_SERVER_ERROR);

  /* the body is not JSON at all: malformed, not merely invalid */
  if (error->domain == JSON_PARSER_ERROR)
    return SOUP_STATUS_BAD_REQUEST;
  if (error->domain != WK_ERROR)
    return SOUP_STATUS_INTERNAL_SERVER_ERROR;

  switch ((WkError) error->code)
    {
    case WK_ERROR_INVALID:
      return SOUP_STATUS_UNPROCESSABLE_ENTITY;
    case WK_ERROR_UNAUTHORIZED:
      return SOUP_STATUS_UNAUTHORIZED;
    case WK_ERROR_FORBIDDEN:
      return SOUP_STATUS_FORBIDDEN;
    case WK_ERROR_NOT_FOUND:
      return SOUP_STATUS_NOT_FOUND;
    case WK_ERROR_CONFLICT:
      return SOUP_STATUS_CONFLICT;
    case WK_ERROR_TOO_LARGE:
      return SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE;
    case WK_ERROR_RATE_LIMITED:
      return 429;
    case WK_ERROR_UNAVAILABLE:
      return SOUP_STATUS_SERVICE_UNAVAILABLE;
    case WK_ERROR_CORRUPT:
    case WK_ERROR_FAILED:
    default:
      return SOUP_STATUS_INTERNAL_SERVER_ERROR;
    }
}

const char *
wk_http_code_for_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, "failed");

  if (error->domain == JSON_PARSER_ERROR)
    return wk_error_to_code (WK_ERROR_INVALID);
  if (error->domain != WK_ERROR)
    return wk_error_to_code (WK_ERROR_FAILED);
  return wk_error_to_code (error->code);
}
