/* wk-test-hub.h — a real hub (WkHubServer on a WkLocalDesk) on 127.0.0.1 in
 * its own thread and main context, for the net tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-hub-tokens.h"

G_BEGIN_DECLS

typedef struct _WkTestHub WkTestHub;

/* Serves @db_path (already migrated and seeded) on 127.0.0.1:@port (0: any
 * free port); returns once it listens. */
WkTestHub *wk_test_hub_start      (const char  *db_path,
                                   guint        port);
/* Stops it (every connection dropped, the store closed) and frees it. */
void       wk_test_hub_stop       (WkTestHub   *hub);
guint      wk_test_hub_get_port   (WkTestHub   *hub);
/* "http://127.0.0.1:PORT" */
char      *wk_test_hub_get_url    (WkTestHub   *hub);
/* A new token (plain text). */
char      *wk_test_hub_new_token  (WkTestHub   *hub,
                                   WkHubRole    role,
                                   const char  *name,
                                   gint64       person_id);
/* Runs @func on the hub's thread and waits for it. */
void       wk_test_hub_run        (WkTestHub   *hub,
                                   void       (*func) (gpointer server, gpointer data),
                                   gpointer     data);

G_END_DECLS
