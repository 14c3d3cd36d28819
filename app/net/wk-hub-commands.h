/* wk-hub-commands.h — the `walkup-hub` subcommands of the hub itself
 *
 *   serve --db PATH [--listen ADDR:PORT] [--tls-cert FILE --tls-key FILE]
 *   token create --db PATH --role kiosk|engineer|lead|admin --name NAME
 *   user add --db PATH --email E --name N --role engineer|lead|admin [--password-file F]
 *
 * Each takes its argv from the command name on (argv[0] is "serve",
 * "token" or "user") and returns the process exit status: 0 on success,
 * 1 when the work failed, 2 for a usage error.  Passwords are read from
 * stdin or a file, never from argv; a token is printed once, on stdout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int wk_hub_serve_main (int    argc,
                       char **argv);
int wk_hub_token_main (int    argc,
                       char **argv);
int wk_hub_user_main  (int    argc,
                       char **argv);

G_END_DECLS
