/* wk-test-gate.h — holding a store's worker so that jobs wait together
 *
 * A gate is a store job that blocks the worker until the test opens it:
 * the jobs queued meanwhile are all waiting when the worker wakes up, as
 * under load, so batched ones go into one group commit.  It also counts
 * the real COMMITs on the store's connection until it is freed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wk-store.h"

G_BEGIN_DECLS

typedef struct _WkTestGate WkTestGate;

/* Queues the gate on @store's worker. */
WkTestGate *wk_test_gate_new          (WkStore    *store);
/* Lets the worker go on and waits (main loop) until the gate job is over. */
void        wk_test_gate_open         (WkTestGate *gate);
/* COMMITs so far; read it once the jobs in question have answered. */
guint       wk_test_gate_get_commits  (WkTestGate *gate);
/* Stops counting (a job on the worker) and frees @gate. */
void        wk_test_gate_free         (WkTestGate *gate);

G_END_DECLS
