/* wk-local-desk.h — WkDesk on the in-process SQLite store (the default)
 *
 * Every change runs as one store job in one transaction (BEGIN IMMEDIATE …
 * COMMIT) that also appends its row to the event table; subscribers hear of
 * the events once they are committed.  Input is validated on the caller's
 * thread before anything is queued; unknown ids are found in the job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-desk.h"
#include "wk-store.h"

G_BEGIN_DECLS

#define WK_TYPE_LOCAL_DESK (wk_local_desk_get_type ())
G_DECLARE_FINAL_TYPE (WkLocalDesk, wk_local_desk, WK, LOCAL_DESK, GObject)

WkLocalDesk *wk_local_desk_new       (WkStore     *store);
WkStore     *wk_local_desk_get_store (WkLocalDesk *self);

G_END_DECLS
