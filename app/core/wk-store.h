/* wk-store.h — the one thread that owns the SQLite connection
 *
 * A WkStore opens the database (wk_db_open(): WAL, foreign keys, busy
 * timeout, migrations) on its own worker thread and runs queued jobs there,
 * one at a time, in the order they were queued.  Results reach the caller's
 * thread-default main context through GTask.  Nothing else ever touches the
 * connection.
 *
 * A job is a WkStoreJobFunc: it runs on the worker with the connection and
 * returns a result (or NULL and an error).  Inside a job, use the helpers at
 * the end of this header: cached prepared statements and explicit
 * transactions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef gpointer (*WkStoreJobFunc) (sqlite3   *db,
                                    gpointer   data,
                                    GError   **error);
typedef void     (*WkStoreCommitFunc) (sqlite3  *db,
                                       gpointer  data);

#define WK_TYPE_STORE (wk_store_get_type ())
G_DECLARE_FINAL_TYPE (WkStore, wk_store, WK, STORE, GObject)

/* Opens @path (WkStore is a GInitable and GAsyncInitable).  A failure to
 * open is reported here and the store is not returned. */
WkStore     *wk_store_new              (const char          *path,
                                        GCancellable        *cancellable,
                                        GError             **error);
void         wk_store_new_async        (const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
WkStore     *wk_store_new_finish       (GAsyncResult        *result,
                                        GError             **error);

const char  *wk_store_get_path         (WkStore             *self);

/* Queues @func.  @destroy frees @data once the job is over (on the worker).
 * Cancelled before it runs, the job is skipped and _finish reports
 * G_IO_ERROR_CANCELLED; once it has run, _finish returns its result (owned
 * by the caller) even if @cancellable was cancelled meanwhile. */
void         wk_store_run_async        (WkStore             *self,
                                        WkStoreJobFunc       func,
                                        gpointer             data,
                                        GDestroyNotify       destroy,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* Like wk_store_run_async(), but @result_destroy frees a result nobody
 * collects, so _finish reports G_IO_ERROR_CANCELLED whenever @cancellable
 * was cancelled, even after the job ran. */
void         wk_store_run_full_async   (WkStore             *self,
                                        WkStoreJobFunc       func,
                                        gpointer             data,
                                        GDestroyNotify       destroy,
                                        GDestroyNotify       result_destroy,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* Like wk_store_run_full_async(), for a job that writes in one
 * transaction (wk_store_begin() … wk_store_commit()): a group commit.
 * When the worker takes this job, it also takes the batched jobs queued
 * right behind it (never waiting for more) and runs them all in ONE
 * transaction, each job's own transaction a savepoint in it: a job that
 * fails or rolls back undoes only its own writes, and each job has its own
 * result or error.  Every job of the batch is answered only after the
 * batch's COMMIT returned (if that fails, each job fails), so an answered
 * job's writes are as durable as a job's own COMMIT would make them.  What
 * a job wants done only once its writes are committed (telling others)
 * goes through wk_store_after_commit().  @result_destroy is required. */
void         wk_store_run_batched_async (WkStore            *self,
                                        WkStoreJobFunc       func,
                                        gpointer             data,
                                        GDestroyNotify       destroy,
                                        GDestroyNotify       result_destroy,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gpointer     wk_store_run_finish       (WkStore             *self,
                                        GAsyncResult        *result,
                                        GError             **error);

/* Queues @func with no one to answer: its result must be NULL; a failure
 * is logged.  Holds no reference to the store. */
void         wk_store_run_detached     (WkStore             *self,
                                        WkStoreJobFunc       func,
                                        gpointer             data,
                                        GDestroyNotify       destroy);

/* Queues @func and blocks until it has run: for command-line tools and
 * tests.  Never call it from a job. */
gpointer     wk_store_run_sync         (WkStore             *self,
                                        WkStoreJobFunc       func,
                                        gpointer             data,
                                        GDestroyNotify       destroy,
                                        GCancellable        *cancellable,
                                        GError             **error);

/* Runs every job already queued, closes the connection and joins the
 * worker.  Later jobs fail with WK_ERROR_UNAVAILABLE.  Called by dispose;
 * safe to call twice. */
void         wk_store_close            (WkStore             *self);

/* ---- helpers for job functions (worker thread only) --------------------- */

/* A prepared statement from the connection's cache, reset and unbound when
 * released: g_autoptr(WkStoreStmt) stmt = wk_store_prepare (db, SQL, error);
 * @sql should be a constant.  Outside a store's worker the statement is
 * simply prepared and finalized on release. */
typedef sqlite3_stmt WkStoreStmt;

WkStoreStmt *wk_store_prepare          (sqlite3             *db,
                                        const char          *sql,
                                        GError             **error);
void         wk_store_release          (WkStoreStmt         *stmt);

/* Steps @stmt to completion expecting no row (SQLITE_DONE). */
gboolean     wk_store_step_done        (sqlite3             *db,
                                        WkStoreStmt         *stmt,
                                        const char          *what,
                                        GError             **error);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK.  Roll back after any failure
 * between begin and commit; rollback ignores "no transaction".  In a
 * batch (wk_store_run_batched_async()) they are SAVEPOINT / RELEASE /
 * ROLLBACK TO of the job's own savepoint. */
gboolean     wk_store_begin            (sqlite3             *db,
                                        GError             **error);
gboolean     wk_store_commit           (sqlite3             *db,
                                        GError             **error);
void         wk_store_rollback         (sqlite3             *db);

/* Appends a row to the event log, inside the caller's transaction, and
 * returns its id (0 on error).  @actor is 'person:ID', 'kiosk:NAME',
 * 'upstream:SYSTEM' or NULL; @entity_id <= 0 is stored as NULL; @payload is
 * a JSON object text. */
gint64       wk_store_log_event        (sqlite3             *db,
                                        gint64               at,
                                        const char          *actor,
                                        const char          *kind,
                                        const char          *entity,
                                        gint64               entity_id,
                                        const char          *payload,
                                        GError             **error);

/* Calls @func (@data) on the worker once the writes committed so far are
 * committed for good, then @destroy (@data): right away after a plain
 * wk_store_commit(), after the batch's COMMIT for a batched job, in the
 * order they were added; never if the batch's COMMIT fails.  Call it after
 * wk_store_commit(), not inside a transaction. */
void         wk_store_after_commit     (sqlite3             *db,
                                        WkStoreCommitFunc    func,
                                        gpointer             data,
                                        GDestroyNotify       destroy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkStoreStmt, wk_store_release)

G_END_DECLS
