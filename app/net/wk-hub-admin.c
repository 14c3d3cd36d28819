/* wk-hub-admin.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-hub-admin"

#include "config.h"

#include "wk-hub-admin.h"

#include "wk-password.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#define PIN_MIN 4
#define PIN_MAX 12

gboolean
wk_hub_pin_is_valid (const char *pin)
{
  size_t len;

  if (pin == NULL)
    return FALSE;
  len = strlen (pin);
  if (len < PIN_MIN || len > PIN_MAX)
    return FALSE;
  for (size_t i = 0; i < len; i++)
    if (!g_ascii_isdigit (pin[i]))
      return FALSE;
  return TRUE;
}

int
wk_hub_hash_pin_main (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  char line[64] = { 0 };
  size_t len;

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("“hash-pin”: read the kiosk administrator PIN (4 to 12 digits) from standard input and "
      "print the hash to store in the admin-pin-hash setting."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("hash-pin: %s\n", error->message);
      return 2;
    }
  if (argc > 1)
    {
      g_printerr (_("hash-pin: the PIN is read from standard input, never from the command line\n"));
      return 2;
    }

  if (fgets (line, sizeof line, stdin) == NULL)
    line[0] = '\0';
  len = strlen (line);
  while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
    line[--len] = '\0';

  if (!wk_hub_pin_is_valid (line))
    {
      explicit_bzero (line, sizeof line);
      g_printerr (_("hash-pin: a PIN has 4 to 12 digits\n"));
      return 2;
    }

  hash = wk_password_hash (line, &error);
  explicit_bzero (line, sizeof line);
  if (hash == NULL)
    {
      g_printerr ("hash-pin: %s\n", error->message);
      return 1;
    }

  g_print ("%s\n", hash);
  return 0;
}
