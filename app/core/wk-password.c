/* wk-password.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-password"

#include "config.h"

#include "wk-password.h"

#include "wk-error.h"

#include <crypt.h>
#include <errno.h>
#include <string.h>

#define MAX_PASSWORD_LEN 1024

char *
wk_password_hash (const char  *password,
                  GError     **error)
{
  struct crypt_data data = { 0 };
  char *setting;
  char *hashed;

  g_return_val_if_fail (password != NULL, NULL);

  if (*password == '\0' || strlen (password) > MAX_PASSWORD_LEN)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   "A password must have between 1 and %d characters", MAX_PASSWORD_LEN);
      return NULL;
    }

  /* "$y$": yescrypt at libcrypt's default cost, salt from the system's RNG */
  setting = crypt_gensalt_rn ("$y$", 0, NULL, 0,
                              data.setting, sizeof data.setting);
  if (setting == NULL)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_FAILED,
                   "Could not make a password salt: %s", g_strerror (errno));
      return NULL;
    }

  hashed = crypt_r (password, setting, &data);
  if (hashed == NULL || hashed[0] == '*')
    {
      g_set_error (error, WK_ERROR, WK_ERROR_FAILED,
                   "Could not hash the password: %s", g_strerror (errno));
      return NULL;
    }

  return g_strdup (hashed);
}

gboolean
wk_password_verify (const char *password,
                    const char *hash)
{
  struct crypt_data data = { 0 };
  const char *computed;
  size_t len;
  unsigned char diff = 0;

  if (password == NULL || hash == NULL || hash[0] != '$' ||
      strlen (password) > MAX_PASSWORD_LEN)
    return FALSE;

  computed = crypt_r (password, hash, &data);
  if (computed == NULL || computed[0] == '*')
    return FALSE;

  len = strlen (hash);
  if (strlen (computed) != len)
    return FALSE;
  for (size_t i = 0; i < len; i++)
    diff |= (unsigned char) (computed[i] ^ hash[i]);
  return diff == 0;
}
