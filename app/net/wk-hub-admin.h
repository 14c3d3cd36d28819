/* wk-hub-admin.h — small administration commands of walkup-hub
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* walkup-hub hash-pin: reads a kiosk administrator PIN from standard input
 * and prints its libcrypt hash, for the admin-pin-hash setting. */
int wk_hub_hash_pin_main (int    argc,
                          char **argv);

/* TRUE for 4 to 12 ASCII digits. */
gboolean wk_hub_pin_is_valid (const char *pin);

G_END_DECLS
