/* wk-test-gate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-test-gate.h"

struct _WkTestGate
{
  WkStore  *store;      /* owned */
  GMutex    mutex;
  GCond     cond;
  gboolean  open;       /* under mutex */
  gboolean  passed;     /* main context: the gate job answered */
  guint     commits;    /* counted on the worker */
};

static int
count_commit_cb (void *data)
{
  WkTestGate *gate = data;

  gate->commits++;
  return 0;
}

static gpointer
gate_job (sqlite3  *db,
          gpointer  data,
          GError  **error)
{
  WkTestGate *gate = data;

  sqlite3_commit_hook (db, count_commit_cb, gate);
  g_mutex_lock (&gate->mutex);
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->mutex);
  g_mutex_unlock (&gate->mutex);
  return GINT_TO_POINTER (1);
}

static gpointer
ungate_job (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  sqlite3_commit_hook (db, NULL, NULL);
  return GINT_TO_POINTER (1);
}

static void
passed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  WkTestGate *gate = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (wk_store_run_finish (WK_STORE (source), result, &error));
  g_assert_no_error (error);
  gate->passed = TRUE;
}

WkTestGate *
wk_test_gate_new (WkStore *store)
{
  WkTestGate *gate = g_new0 (WkTestGate, 1);

  gate->store = g_object_ref (store);
  g_mutex_init (&gate->mutex);
  g_cond_init (&gate->cond);
  wk_store_run_async (store, gate_job, gate, NULL, NULL, passed_cb, gate);
  return gate;
}

void
wk_test_gate_open (WkTestGate *gate)
{
  g_mutex_lock (&gate->mutex);
  gate->open = TRUE;
  g_cond_signal (&gate->cond);
  g_mutex_unlock (&gate->mutex);
  while (!gate->passed)
    g_main_context_iteration (NULL, TRUE);
}

guint
wk_test_gate_get_commits (WkTestGate *gate)
{
  return gate->commits;
}

void
wk_test_gate_free (WkTestGate *gate)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gate->passed);
  wk_store_run_sync (gate->store, ungate_job, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (gate->store);
  g_mutex_clear (&gate->mutex);
  g_cond_clear (&gate->cond);
  g_free (gate);
}
