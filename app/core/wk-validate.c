/* wk-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-validate"

#include "config.h"

#include "wk-validate.h"

#include "wk-category.h"
#include "wk-error.h"
#include "wk-survey.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

gboolean
wk_validate_text (const char  *label,
                  const char  *value,
                  gsize        max_chars,
                  gboolean     required,
                  GError     **error)
{
  glong n;

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("%s contains invalid characters"), label);
      return FALSE;
    }

  if (is_blank (value))
    {
      if (required)
        {
          g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                       _("%s may not be empty"), label);
          return FALSE;
        }
      return TRUE;
    }

  n = g_utf8_strlen (value, -1);
  if ((gsize) n > max_chars)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("%s is too long: %ld characters, at most %zu allowed"),
                   label, n, max_chars);
      return FALSE;
    }

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* tabs and line breaks are text; other control characters are not */
      if (g_unichar_iscntrl (c) && c != '\t' && c != '\n' && c != '\r')
        {
          g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                       _("%s contains invalid characters"), label);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
wk_validate_email (const char  *label,
                   const char  *value,
                   gboolean     required,
                   GError     **error)
{
  const char *at, *dot;

  if (!wk_validate_text (label, value, WK_MAX_EMAIL, required, error))
    return FALSE;
  if (is_blank (value))
    return TRUE;

  at = strchr (value, '@');
  dot = at != NULL ? strrchr (at, '.') : NULL;
  if (at == NULL || at == value || strchr (at + 1, '@') != NULL ||
      dot == NULL || dot == at + 1 || dot[1] == '\0' ||
      strpbrk (value, " \t\r\n,;<>()[]\\\"") != NULL ||
      strstr (value, "..") != NULL)
    {
      /* Translators: the first %s is the field, the second what was typed */
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("%s “%s” is not a valid email address"), label, value);
      return FALSE;
    }

  return TRUE;
}

gboolean
wk_validate_uuid (const char  *value,
                  GError     **error)
{
  if (value == NULL || !g_uuid_string_is_valid (value))
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("The request id is missing or is not a UUID"));
      return FALSE;
    }
  return TRUE;
}

gboolean
wk_validate_score (int      score,
                   GError **error)
{
  if (score < 1 || score > 5)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("The score must be between 1 and 5, not %d"), score);
      return FALSE;
    }
  return TRUE;
}

gboolean
wk_validate_priority (int      priority,
                      GError **error)
{
  if (priority < 1 || priority > 5)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("The priority must be between 1 and 5, not %d"), priority);
      return FALSE;
    }
  return TRUE;
}

gboolean
wk_validate_category (const char  *category,
                      GError     **error)
{
  if (!wk_category_is_valid (category))
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("“%s” is not a known category"),
                   category != NULL ? category : "");
      return FALSE;
    }
  return TRUE;
}

gboolean
wk_validate_location (const char  *location,
                      GError     **error)
{
  const char *digits;
  guint64 n = 0;

  if (location != NULL && strcmp (location, "counter") == 0)
    return TRUE;

  if (location != NULL && g_str_has_prefix (location, "locker "))
    {
      digits = location + strlen ("locker ");
      if (digits[0] != '0' &&
          g_ascii_string_to_unsigned (digits, 10, 1, WK_MAX_LOCKER, &n, NULL))
        return TRUE;
    }

  g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
               _("The location must be “counter” or “locker N” with N from 1 to %d"),
               WK_MAX_LOCKER);
  return FALSE;
}

gboolean
wk_validate_signature (const char  *signature,
                       GError     **error)
{
  const char *p;
  int depth = 0;
  gboolean ok = TRUE;
  gsize len;

  if (signature == NULL)
    return TRUE;

  len = strlen (signature);
  if (len > WK_MAX_SIGNATURE)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("The signature is too large: %zu bytes, at most %d allowed"),
                   len, WK_MAX_SIGNATURE);
      return FALSE;
    }

  p = signature + strspn (signature, " \t\r\n");
  if (*p != '[')
    ok = FALSE;

  for (; ok && *p != '\0'; p++)
    {
      if (*p == '[')
        {
          if (++depth > 3)
            ok = FALSE;
        }
      else if (*p == ']')
        {
          if (--depth == 0)
            {
              p++;
              ok = p[strspn (p, " \t\r\n")] == '\0';
              break;
            }
        }
      else if (!g_ascii_isdigit (*p) && strchr (" \t\r\n,.-+eE", *p) == NULL)
        ok = FALSE;
    }

  if (!ok || depth != 0)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("The signature is not a JSON array of strokes"));
      return FALSE;
    }

  return TRUE;
}

gboolean
wk_validate_tags (const char * const  *tags,
                  GError             **error)
{
  guint n = 0;

  if (tags == NULL)
    return TRUE;

  for (; tags[n] != NULL; n++)
    {
      if (!wk_survey_tag_is_known (tags[n]))
        {
          g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                       _("“%s” is not a known feedback tag"), tags[n]);
          return FALSE;
        }
      for (guint j = 0; j < n; j++)
        if (strcmp (tags[j], tags[n]) == 0)
          {
            g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                         _("The feedback tag “%s” is given twice"), tags[n]);
            return FALSE;
          }
    }

  if (n > WK_MAX_TAGS)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("At most %d feedback tags are allowed"), WK_MAX_TAGS);
      return FALSE;
    }

  return TRUE;
}

gboolean
wk_validate_language (const char  *language,
                      GError     **error)
{
  gsize len;
  gboolean ok = TRUE;

  if (language == NULL)
    return TRUE;

  len = strlen (language);
  if (len < 2 || len > WK_MAX_LANGUAGE || !g_ascii_isalpha (language[0]))
    ok = FALSE;
  for (gsize i = 0; ok && i < len; i++)
    if (!g_ascii_isalnum (language[i]) && language[i] != '-' && language[i] != '_')
      ok = FALSE;

  if (!ok)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("“%s” is not a language tag"), language);
      return FALSE;
    }
  return TRUE;
}

gboolean
wk_validate_id (const char  *label,
                gint64       id,
                GError     **error)
{
  if (id <= 0)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("%s is missing"), label);
      return FALSE;
    }
  return TRUE;
}
