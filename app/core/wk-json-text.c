/* wk-json-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-json-text"

#include "config.h"

#include "wk-json-text.h"

void
wk_json_append_string (GString    *out,
                       const char *value)
{
  g_autofree char *valid = NULL;

  g_return_if_fail (out != NULL);

  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

void
wk_json_begin_object (GString *out)
{
  g_return_if_fail (out != NULL);

  g_string_append_c (out, '{');
}

void
wk_json_end_object (GString *out)
{
  g_return_if_fail (out != NULL);

  g_string_append_c (out, '}');
}

static void
begin_member (GString    *out,
              const char *key)
{
  if (out->len > 0 && out->str[out->len - 1] != '{' && out->str[out->len - 1] != '[')
    g_string_append_c (out, ',');
  wk_json_append_string (out, key);
  g_string_append_c (out, ':');
}

void
wk_json_member_string (GString    *out,
                       const char *key,
                       const char *value)
{
  g_return_if_fail (out != NULL && key != NULL);

  begin_member (out, key);
  wk_json_append_string (out, value);
}

void
wk_json_member_int (GString    *out,
                    const char *key,
                    gint64      value)
{
  g_return_if_fail (out != NULL && key != NULL);

  begin_member (out, key);
  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

void
wk_json_member_id (GString    *out,
                   const char *key,
                   gint64      value)
{
  g_return_if_fail (out != NULL && key != NULL);

  if (value == 0)
    {
      begin_member (out, key);
      g_string_append (out, "null");
    }
  else
    wk_json_member_int (out, key, value);
}

void
wk_json_member_bool (GString    *out,
                     const char *key,
                     gboolean    value)
{
  g_return_if_fail (out != NULL && key != NULL);

  begin_member (out, key);
  g_string_append (out, value ? "true" : "false");
}
