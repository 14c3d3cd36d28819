/* wk-hub-commands.h — the `walkup-hub` subcommands of the hub itself
 *
 *   serve --db PATH [--listen ADDR:PORT] [--tls-cert FILE --tls-key FILE]
 *   token create --db PATH --role kiosk|engineer|lead|admin --name NAME
 *   user add --db PATH --email E --name N --role engineer|lead|admin [--password-file F]
 *   serve … --upstream rt --rt-url URL --rt-token-file F [--rt-queue NAME]
 *   upstream-sync --db PATH --rt-url URL --rt-token-file F [--rt-queue NAME]
 *   export --db PATH --what visits|surveys --from DATE --to DATE --csv FILE
 *          [--lounge ID] [--engineer ID]     (wk-hub-export.c)
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
/* upstream-sync --db PATH --rt-url URL --rt-token-file F [--rt-queue NAME]
 *   [--poll N | --once]: the upstream sync on its own, beside a hub or a
 *   lounge that writes the same database (serve --upstream rt runs it
 *   inside the hub instead). */
int wk_hub_upstream_sync_main (int    argc,
                               char **argv);
/* export --db PATH --what visits|surveys --from DATE --to DATE --csv FILE
 *   [--lounge ID] [--engineer ID]: the review face's CSV export (see
 *   wk-hub-export.c). */
int wk_hub_export_main (int    argc,
                        char **argv);

G_END_DECLS
