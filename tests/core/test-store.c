/* test-store.c — the worker thread, jobs, transactions, closing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../common/wk-test-gate.h"

#include "wk-db.h"
#include "wk-error.h"
#include "wk-store.h"

#include <glib/gstdio.h>

static char *
db_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gpointer
count_lounges_job (sqlite3  *db,
                   gpointer  data,
                   GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = wk_store_prepare (db, "SELECT COUNT(*) FROM lounge", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "counting");
      return NULL;
    }
  /* the thread name proves where we run */
  g_assert_cmpstr (g_thread_self () != NULL ? "ok" : NULL, ==, "ok");
  return GINT_TO_POINTER (sqlite3_column_int (stmt, 0) + 1);
}

static gpointer
insert_then_fail_job (sqlite3  *db,
                      gpointer  data,
                      GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;

  if (!wk_store_begin (db, error))
    return NULL;
  stmt = wk_store_prepare (db, "INSERT INTO lounge (name) VALUES (?)", error);
  if (stmt == NULL)
    {
      wk_store_rollback (db);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, data, -1, SQLITE_TRANSIENT);
  if (!wk_store_step_done (db, stmt, "inserting", error))
    {
      wk_store_rollback (db);
      return NULL;
    }
  /* a later step fails: everything rolls back */
  g_set_error_literal (error, WK_ERROR, WK_ERROR_INVALID, "nope");
  wk_store_rollback (db);
  return NULL;
}

static gpointer
insert_job (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;

  if (!wk_store_begin (db, error))
    return NULL;
  stmt = wk_store_prepare (db, "INSERT INTO lounge (name) VALUES (?)", error);
  if (stmt == NULL || !wk_store_step_done (db, (sqlite3_bind_text (stmt, 1, data, -1, SQLITE_TRANSIENT), stmt),
                                           "inserting", error))
    {
      wk_store_rollback (db);
      return NULL;
    }
  if (!wk_store_commit (db, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

static gpointer
bad_sql_job (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = wk_store_prepare (db, "SELECT nope FROM nowhere", error);

  g_assert_null (stmt);
  return NULL;
}

static void
test_run_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db_path ("store-async.db");
  g_autoptr(WkStore) store = wk_store_new (path, NULL, &error);
  g_autoptr(GAsyncResult) result = NULL;
  gpointer value;

  g_assert_no_error (error);
  g_assert_cmpstr (wk_store_get_path (store), ==, path);

  wk_store_run_async (store, count_lounges_job, NULL, NULL, NULL, got_result_cb, &result);
  value = wk_store_run_finish (store, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (value), ==, 1);
  g_clear_object (&result);

  /* a failing job rolls back: nothing written */
  wk_store_run_async (store, insert_then_fail_job, g_strdup ("Ghost"), g_free, NULL,
                      got_result_cb, &result);
  value = wk_store_run_finish (store, wait_for (&result), &error);
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_assert_null (value);
  g_clear_error (&error);
  g_clear_object (&result);

  value = wk_store_run_sync (store, count_lounges_job, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (value), ==, 1);

  value = wk_store_run_sync (store, insert_job, g_strdup ("Main"), g_free, NULL, &error);
  g_assert_no_error (error);
  value = wk_store_run_sync (store, count_lounges_job, NULL, NULL, NULL, &error);
  g_assert_cmpint (GPOINTER_TO_INT (value), ==, 2);

  /* SQL errors become WK_ERROR */
  value = wk_store_run_sync (store, bad_sql_job, NULL, NULL, NULL, &error);
  g_assert_null (value);
  g_assert_error (error, WK_ERROR, WK_ERROR_FAILED);
  g_clear_error (&error);
}

static void
test_order_and_close (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db_path ("store-order.db");
  g_autoptr(WkStore) store = wk_store_new (path, NULL, &error);
  GAsyncResult *results[50] = { NULL, };
  g_autoptr(GAsyncResult) late = NULL;

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    wk_store_run_async (store, insert_job, g_strdup_printf ("L%u", i), g_free, NULL,
                        got_result_cb, &results[i]);

  /* close runs what was queued, then joins */
  wk_store_close (store);
  wk_store_close (store);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      gpointer value = wk_store_run_finish (store, wait_for (&results[i]), &error);

      g_assert_no_error (error);
      g_assert_cmpint (GPOINTER_TO_INT (value), ==, 1);
      g_object_unref (results[i]);
    }

  wk_store_run_async (store, count_lounges_job, NULL, NULL, NULL, got_result_cb, &late);
  g_assert_null (wk_store_run_finish (store, wait_for (&late), &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  g_assert_null (wk_store_run_sync (store, count_lounges_job, NULL, NULL, NULL, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_UNAVAILABLE);
  g_clear_error (&error);

  /* everything reached the file, in order */
  {
    g_autoptr(WkStore) again = wk_store_new (path, NULL, &error);
    gpointer value;

    g_assert_no_error (error);
    value = wk_store_run_sync (again, count_lounges_job, NULL, NULL, NULL, &error);
    g_assert_cmpint (GPOINTER_TO_INT (value), ==, 51);
  }
}

static void
test_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db_path ("store-cancel.db");
  g_autoptr(WkStore) store = wk_store_new (path, NULL, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  wk_store_run_full_async (store, count_lounges_job, NULL, NULL, NULL, cancellable,
                           got_result_cb, &result);
  g_assert_null (wk_store_run_finish (store, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_open_failure (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db_path ("not-a-db.db");
  g_autoptr(WkStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "this is not SQLite, just text that is long enough "
                                      "to fill a header page of a database file........", -1, NULL));
  store = wk_store_new (path, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, WK_ERROR, WK_ERROR_CORRUPT);
  g_clear_error (&error);

  store = wk_store_new ("/nonexistent-dir/x/y.db", NULL, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
}

static void
new_async_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(WkStore **) user_data = wk_store_new_finish (result, NULL);
}

static void
test_new_async (void)
{
  g_autofree char *path = db_path ("store-new-async.db");
  g_autoptr(WkStore) store = NULL;

  wk_store_new_async (path, NULL, new_async_cb, &store);
  while (store == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (WK_IS_STORE (store));
}

/* ---- group commit -------------------------------------------------------- */

/* What wk_store_after_commit() hooks told, in order. */
typedef struct {
  GPtrArray *told;      /* of names */
} Told;

typedef struct {
  Told       *told;
  const char *name;
  gint64      ids[2];     /* lounges to insert, 0: none */
  gboolean    roll_back;  /* then roll back and succeed */
  gboolean    lose_all;   /* then fail as SQLite does on a full disk:
                           * the whole transaction rolled back */
} Insert;

static void
told_cb (sqlite3  *db,
         gpointer  data)
{
  Insert *insert = data;

  g_ptr_array_add (insert->told->told, (gpointer) insert->name);
}

static gpointer
batched_insert_job (sqlite3  *db,
                    gpointer  data,
                    GError  **error)
{
  Insert *insert = data;

  if (!wk_store_begin (db, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (insert->ids) && insert->ids[i] > 0; i++)
    {
      g_autoptr(WkStoreStmt) stmt = wk_store_prepare (db, "INSERT INTO lounge (id, name) VALUES (?, ?)",
                                                      error);

      if (stmt == NULL)
        {
          wk_store_rollback (db);
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, insert->ids[i]);
      sqlite3_bind_text (stmt, 2, insert->name, -1, SQLITE_STATIC);
      if (!wk_store_step_done (db, stmt, "inserting", error))
        {
          wk_store_rollback (db);
          return NULL;
        }
    }
  if (insert->roll_back)
    {
      wk_store_rollback (db);
      return g_strdup (insert->name);
    }
  if (insert->lose_all)
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error_literal (error, WK_ERROR, WK_ERROR_UNAVAILABLE, "the disk is full");
      wk_store_rollback (db);
      return NULL;
    }
  if (!wk_store_commit (db, error))
    return NULL;
  wk_store_after_commit (db, told_cb, insert, NULL);
  return g_strdup (insert->name);
}

/* The lounge with @id as another connection sees it: NULL if none. */
static char *
read_lounge (const char *path,
             gint64      id)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = wk_db_open (path, &error);
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM lounge WHERE id = ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return name;
}

typedef struct {
  WkStore    *store;
  const char *path;
  Insert     *insert;
  char       *name;        /* owned: the job's result */
  GError     *error;       /* owned */
  gboolean    done;
} Answer;

static void
answer_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Answer *answer = user_data;

  answer->name = wk_store_run_finish (answer->store, result, &answer->error);
  answer->done = TRUE;
  /* answered only once its writes are committed: another connection
   * already sees them */
  if (answer->name != NULL && !answer->insert->roll_back)
    {
      g_autofree char *seen = read_lounge (answer->path, answer->insert->ids[0]);

      g_assert_cmpstr (seen, ==, answer->insert->name);
    }
}

/* Queues @n batched inserts while the worker is held, so that they run as
 * one batch, and waits for every answer.  Returns the gate, which counted
 * the commits. */
static WkTestGate *
run_batch (WkStore    *store,
           const char *path,
           Insert     *inserts,
           Answer     *answers,
           guint       n)
{
  WkTestGate *gate = wk_test_gate_new (store);

  for (guint i = 0; i < n; i++)
    {
      answers[i].store = store;
      answers[i].path = path;
      answers[i].insert = &inserts[i];
      wk_store_run_batched_async (store, batched_insert_job, &inserts[i], NULL, g_free, NULL,
                                  answer_cb, &answers[i]);
    }
  wk_test_gate_open (gate);
  for (guint i = 0; i < n; i++)
    while (!answers[i].done)
      g_main_context_iteration (NULL, TRUE);
  return gate;
}

static void
test_batch (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db_path ("store-batch.db");
  g_autoptr(WkStore) store = wk_store_new (path, NULL, &error);
  Told told = { g_ptr_array_new () };
  WkTestGate *gate;
  Insert inserts[] = {
    { &told, "A", { 1, 0 }, FALSE, FALSE },
    { &told, "B", { 2, 0 }, FALSE, FALSE },
    { &told, "bad", { 5, 1 }, FALSE, FALSE },     /* lounge 1 exists: fails, and 5 is undone */
    { &told, "undone", { 3, 0 }, TRUE, FALSE },   /* rolls back its own writes, and succeeds */
    { &told, "D", { 4, 0 }, FALSE, FALSE },
  };
  Answer answers[G_N_ELEMENTS (inserts)] = { { 0, }, };
  g_autofree char *gone = NULL;

  g_assert_no_error (error);

  gate = run_batch (store, path, inserts, answers, G_N_ELEMENTS (inserts));

  /* each its own outcome */
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      if (i == 2)
        {
          g_assert_null (answers[i].name);
          g_assert_error (answers[i].error, WK_ERROR, WK_ERROR_CONFLICT);
        }
      else
        {
          g_assert_no_error (answers[i].error);
          g_assert_cmpstr (answers[i].name, ==, inserts[i].name);
        }
      g_free (answers[i].name);
      g_clear_error (&answers[i].error);
    }

  /* all in one COMMIT, and only then told, in order */
  g_assert_cmpuint (wk_test_gate_get_commits (gate), ==, 1);
  wk_test_gate_free (gate);
  g_assert_cmpuint (told.told->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (told.told, 0), ==, "A");
  g_assert_cmpstr (g_ptr_array_index (told.told, 1), ==, "B");
  g_assert_cmpstr (g_ptr_array_index (told.told, 2), ==, "D");

  /* what failed or rolled back left nothing */
  gone = read_lounge (path, 5);
  g_assert_null (gone);
  gone = read_lounge (path, 3);
  g_assert_null (gone);

  /* a batched job alone is a plain transaction: its hook runs at once */
  {
    Insert alone = { &told, "E", { 6, 0 }, FALSE, FALSE };
    Answer answer = { store, path, &alone, NULL, NULL, FALSE };

    wk_store_run_batched_async (store, batched_insert_job, &alone, NULL, g_free, NULL,
                                answer_cb, &answer);
    while (!answer.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_no_error (answer.error);
    g_assert_cmpstr (answer.name, ==, "E");
    g_assert_cmpuint (told.told->len, ==, 4);
    g_free (answer.name);
  }

  g_ptr_array_unref (told.told);
}

/* When SQLite rolls the whole transaction back (a full disk, an I/O
 * error), the jobs before lose their writes and fail too; those after go
 * on in a new transaction. */
static void
test_batch_lost (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db_path ("store-batch-lost.db");
  g_autoptr(WkStore) store = wk_store_new (path, NULL, &error);
  Told told = { g_ptr_array_new () };
  WkTestGate *gate;
  Insert inserts[] = {
    { &told, "before", { 1, 0 }, FALSE, FALSE },
    { &told, "full", { 2, 0 }, FALSE, TRUE },
    { &told, "after", { 3, 0 }, FALSE, FALSE },
  };
  Answer answers[G_N_ELEMENTS (inserts)] = { { 0, }, };
  g_autofree char *before = NULL;
  g_autofree char *full = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);

  gate = run_batch (store, path, inserts, answers, G_N_ELEMENTS (inserts));

  /* the first fails with the second's error; the third is committed */
  g_assert_null (answers[0].name);
  g_assert_error (answers[0].error, WK_ERROR, WK_ERROR_UNAVAILABLE);
  g_assert_null (answers[1].name);
  g_assert_error (answers[1].error, WK_ERROR, WK_ERROR_UNAVAILABLE);
  g_assert_no_error (answers[2].error);
  g_assert_cmpstr (answers[2].name, ==, "after");
  g_assert_cmpuint (wk_test_gate_get_commits (gate), ==, 1);
  wk_test_gate_free (gate);
  g_assert_cmpuint (told.told->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (told.told, 0), ==, "after");

  before = read_lounge (path, 1);
  full = read_lounge (path, 2);
  after = read_lounge (path, 3);
  g_assert_null (before);
  g_assert_null (full);
  g_assert_cmpstr (after, ==, "after");

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_free (answers[i].name);
      g_clear_error (&answers[i].error);
    }
  g_ptr_array_unref (told.told);
}

/* 100 transactions of 12 pages each: 1,200 WAL frames. */
static gpointer
fill_wal_job (sqlite3  *db,
              gpointer  data,
              GError  **error)
{
  for (int i = 0; i < 100; i++)
    {
      char *err = NULL;

      if (sqlite3_exec (db, "CREATE TABLE IF NOT EXISTS scratch (b BLOB);"
                            "BEGIN;"
                            "INSERT INTO scratch VALUES (randomblob (3000)), (randomblob (3000)),"
                            " (randomblob (3000)), (randomblob (3000)), (randomblob (3000)),"
                            " (randomblob (3000)), (randomblob (3000)), (randomblob (3000)),"
                            " (randomblob (3000)), (randomblob (3000));"
                            "COMMIT;", NULL, NULL, &err) != SQLITE_OK)
        g_error ("filling the WAL: %s", err);
    }
  return GINT_TO_POINTER (TRUE);
}

/* The worker no longer checkpoints after its commits: a thread of the
 * store does, beside it.  Writes in bursts with a pause between them keep
 * the WAL near SQLite's usual 1,000 frames; without any checkpoint it would
 * hold all 6,000. */
static void
test_checkpoints (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = db_path ("store-checkpoints.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(WkStore) store = wk_store_new (path, NULL, &error);
  GStatBuf st;

  g_assert_no_error (error);
  for (int burst = 0; burst < 5; burst++)
    {
      g_assert_nonnull (wk_store_run_sync (store, fill_wal_job, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_usleep (G_USEC_PER_SEC);
    }
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_test_message ("WAL: %" G_GINT64_FORMAT " bytes", (gint64) st.st_size);
  g_assert_cmpint (st.st_size, <, 3000 * 4096);
  g_assert_cmpint (st.st_size, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/run", test_run_async);
  g_test_add_func ("/store/order-and-close", test_order_and_close);
  g_test_add_func ("/store/cancel", test_cancel);
  g_test_add_func ("/store/open-failure", test_open_failure);
  g_test_add_func ("/store/new-async", test_new_async);
  g_test_add_func ("/store/batch", test_batch);
  g_test_add_func ("/store/batch/lost", test_batch_lost);
  g_test_add_func ("/store/checkpoints", test_checkpoints);

  return g_test_run ();
}
