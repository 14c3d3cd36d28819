/* wk-password.h — staff passwords and hub tokens, hashed with libcrypt
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A yescrypt hash of @password with a fresh random salt, or NULL and @error. */
char     *wk_password_hash   (const char  *password,
                              GError     **error);
/* Compares in constant time; FALSE for a NULL or malformed @hash. */
gboolean  wk_password_verify (const char  *password,
                              const char  *hash);

G_END_DECLS
