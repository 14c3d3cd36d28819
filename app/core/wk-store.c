/* wk-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-store"

#include "config.h"

#include "wk-store.h"

#include "wk-db.h"
#include "wk-error.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* At most this many batched jobs share one transaction. */
#define BATCH_MAX 64
/* More statement addresses than a program has SQL constants: forget them. */
#define BY_ADDRESS_MAX 1024

/* The WAL is checkpointed beside the worker once it holds this many
 * frames (SQLite's own default), by the worker itself past the second
 * figure (64 MiB of 4 KiB pages), so that it stays bounded when writes
 * never pause long enough for the checkpointer to catch up. */
#define CHECKPOINT_FRAMES 1000
#define CHECKPOINT_FORCE_FRAMES 16000

typedef struct _Job Job;

/* A thread with its own connection that copies the WAL back into the
 * database: its fsyncs then never hold up the worker's commits.  PASSIVE
 * checkpoints wait for nobody; the worker restarts the WAL at its next
 * write once one has caught up. */
typedef struct {
  sqlite3  *db;       /* the checkpointer's thread only */
  GThread  *thread;
  GMutex    mutex;
  GCond     cond;
  gboolean  wanted;   /* under mutex */
  gboolean  stop;     /* under mutex */
} Checkpointer;

typedef struct {
  WkStoreCommitFunc  func;
  gpointer           data;
  GDestroyNotify     destroy;
} Hook;

/* The worker's state lives apart from the GObject: the thread holds its
 * own reference, so the store may even be disposed on the worker. */
typedef struct {
  gatomicrefcount  ref_count;
  char            *path;
  GAsyncQueue     *queue;        /* of Job */
  GMutex           mutex;
  GCond            cond;
  gboolean         opened;       /* under mutex */
  GError          *open_error;   /* under mutex until opened, then read-only */
  sqlite3         *db;           /* worker only */
  GHashTable      *stmts;        /* worker only; sql → sqlite3_stmt */
  GHashTable      *by_address;   /* worker only; the caller's sql pointer →
                                  * a statement of stmts, to skip hashing */
  GHashTable      *cached;       /* worker only; set of stmts' statements */
  Job             *next;         /* worker only: popped, not yet run */
  gboolean         in_batch;     /* worker only: jobs share a transaction */
  gboolean         savepoint;    /* worker only: a batched job's is open */
  GArray          *hooks;        /* worker only: of Hook, for the batch's COMMIT */
  Checkpointer    *checkpointer; /* worker only; NULL: the worker checkpoints */
} Worker;

typedef enum {
  JOB_RUN,
  JOB_STOP,
} JobKind;

struct _Job {
  JobKind         kind;
  gboolean        batched;
  WkStoreJobFunc  func;
  gpointer        data;
  GDestroyNotify  destroy;
  GDestroyNotify  result_destroy;
  GCancellable   *cancellable;   /* owned */
  GTask          *task;          /* owned; NULL for a sync job */
  /* sync jobs */
  GMutex         *mutex;
  GCond          *cond;
  gboolean        done;
  gpointer        result;        /* also of an async job until completed */
  GError         *error;
};

struct _WkStore
{
  GObject   parent_instance;

  char     *path;
  Worker   *worker;     /* owned */
  GThread  *thread;     /* owned; NULL once closed */
  GMutex    lock;       /* guards thread / closed */
  gboolean  closed;
};

static void wk_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WkStore, wk_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, wk_store_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_ASYNC_INITABLE, NULL))

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The cache of the worker running on this thread, for wk_store_prepare(). */
static GPrivate current_worker;

static Worker *
worker_ref (Worker *w)
{
  g_atomic_ref_count_inc (&w->ref_count);
  return w;
}

static void
worker_unref (Worker *w)
{
  if (!g_atomic_ref_count_dec (&w->ref_count))
    return;

  g_assert (w->db == NULL);
  g_clear_pointer (&w->queue, g_async_queue_unref);
  g_clear_pointer (&w->by_address, g_hash_table_unref);
  g_clear_pointer (&w->cached, g_hash_table_unref);
  g_clear_pointer (&w->stmts, g_hash_table_unref);
  g_clear_pointer (&w->hooks, g_array_unref);
  g_clear_error (&w->open_error);
  g_mutex_clear (&w->mutex);
  g_cond_clear (&w->cond);
  g_free (w->path);
  g_free (w);
}

static void
stmt_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
job_free (Job *job)
{
  if (job->destroy != NULL && job->data != NULL)
    job->destroy (job->data);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->task);
  g_free (job);
}

static gpointer
checkpointer_main (gpointer data)
{
  Checkpointer *c = data;

  for (;;)
    {
      int rc;

      g_mutex_lock (&c->mutex);
      while (!c->wanted && !c->stop)
        g_cond_wait (&c->cond, &c->mutex);
      if (c->stop)
        {
          g_mutex_unlock (&c->mutex);
          break;
        }
      c->wanted = FALSE;
      g_mutex_unlock (&c->mutex);

      rc = sqlite3_wal_checkpoint_v2 (c->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      if (rc != SQLITE_OK && rc != SQLITE_BUSY)
        g_debug ("Checkpoint: %s", sqlite3_errstr (rc));
    }
  return NULL;
}

/* NULL when the second connection cannot be opened: the worker then
 * checkpoints as SQLite does by default. */
static Checkpointer *
checkpointer_start (const char *path)
{
  Checkpointer *c;
  sqlite3 *db = NULL;

  /* a first read puts the new connection in WAL mode */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      sqlite3_exec (db, "SELECT 1 FROM sqlite_master LIMIT 1", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_debug ("No checkpointer for %s: %s", path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }
  c = g_new0 (Checkpointer, 1);
  c->db = db;
  g_mutex_init (&c->mutex);
  g_cond_init (&c->cond);
  c->thread = g_thread_new ("wk-checkpoint", checkpointer_main, c);
  return c;
}

static void
checkpointer_stop (Checkpointer *c)
{
  g_mutex_lock (&c->mutex);
  c->stop = TRUE;
  g_cond_signal (&c->cond);
  g_mutex_unlock (&c->mutex);
  g_thread_join (c->thread);
  sqlite3_close (c->db);
  g_mutex_clear (&c->mutex);
  g_cond_clear (&c->cond);
  g_free (c);
}

/* After each commit on the worker's connection, with the WAL's size. */
static int
wal_hook_cb (gpointer    data,
             sqlite3    *db,
             const char *name,
             int         frames)
{
  Worker *w = data;

  if (frames < CHECKPOINT_FRAMES)
    return SQLITE_OK;
  if (w->checkpointer == NULL || frames >= CHECKPOINT_FORCE_FRAMES)
    {
      sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      return SQLITE_OK;
    }
  g_mutex_lock (&w->checkpointer->mutex);
  w->checkpointer->wanted = TRUE;
  g_cond_signal (&w->checkpointer->cond);
  g_mutex_unlock (&w->checkpointer->mutex);
  return SQLITE_OK;
}

static void
worker_close_db (Worker *w)
{
  g_clear_pointer (&w->checkpointer, checkpointer_stop);
  if (w->stmts != NULL)
    {
      g_hash_table_remove_all (w->by_address);
      g_hash_table_remove_all (w->cached);
      g_hash_table_remove_all (w->stmts);
    }
  if (w->db != NULL)
    {
      int rc = sqlite3_close (w->db);

      if (rc != SQLITE_OK)
        {
          g_warning ("Closing %s: %s; a statement was left open", w->path,
                     sqlite3_errstr (rc));
          sqlite3_close_v2 (w->db);
        }
      w->db = NULL;
    }
}

typedef struct {
  GTask          *task;            /* owned */
  gpointer        result;          /* owned until returned */
  GDestroyNotify  result_destroy;
  GError         *error;           /* owned */
} Completion;

/* On the tasks' context: @data is a GPtrArray of Completion, answered in
 * order. */
static gboolean
complete_cb (gpointer data)
{
  GPtrArray *completions = data;

  for (guint i = 0; i < completions->len; i++)
    {
      Completion *completion = g_ptr_array_index (completions, i);

      if (completion->error != NULL)
        g_task_return_error (completion->task, completion->error);
      else
        g_task_return_pointer (completion->task, completion->result, completion->result_destroy);
      g_object_unref (completion->task);
      g_free (completion);
    }
  g_ptr_array_unref (completions);

  return G_SOURCE_REMOVE;
}

/* Takes the outcome and the task of an async @job, and frees the job.
 * Hand our reference to the task's own context and keep none: the last
 * reference to the task (and so to the store) must never be dropped here
 * after the caller has already been answered. */
static Completion *
completion_take (Job *job)
{
  Completion *completion = g_new0 (Completion, 1);

  completion->task = g_steal_pointer (&job->task);
  completion->result = g_steal_pointer (&job->result);
  completion->result_destroy = job->result_destroy;
  completion->error = g_steal_pointer (&job->error);
  job_free (job);
  return completion;
}

/* One wake-up of @context answers all of @completions. */
static void
completions_send (GPtrArray    *completions,
                  GMainContext *context)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[wk-store] completion");
  g_source_set_callback (source, complete_cb, completions, NULL);
  g_source_attach (source, context);
  g_source_unref (source);
}

/* Runs @job, keeping its outcome in job->result / job->error, and frees
 * its input (on the worker, before the caller learns the outcome). */
static void
job_execute (Worker *w,
             Job    *job)
{
  if (g_cancellable_set_error_if_cancelled (job->cancellable, &job->error))
    {
      /* skipped */
    }
  else if (w->db == NULL)
    {
      if (w->open_error != NULL)
        job->error = g_error_copy (w->open_error);
      else
        job->error = g_error_new_literal (WK_ERROR, WK_ERROR_UNAVAILABLE,
                                          _("The database is closed"));
    }
  else
    {
      job->result = job->func (w->db, job->data, &job->error);
      /* a job must never leave a transaction (in a batch: its savepoint)
       * open */
      if (w->in_batch ? w->savepoint : !sqlite3_get_autocommit (w->db))
        {
          g_critical ("A store job left a transaction open; rolling back");
          wk_store_rollback (w->db);
        }
    }

  if (job->destroy != NULL && job->data != NULL)
    job->destroy (job->data);
  job->destroy = NULL;
}

/* Hands job->result / job->error to whoever waits for them. */
static void
job_complete (Job *job)
{
  if (job->task != NULL)
    {
      GMainContext *context = g_task_get_context (job->task);
      GPtrArray *completions = g_ptr_array_new ();

      g_ptr_array_add (completions, completion_take (job));
      completions_send (completions, context);
    }
  else if (job->mutex == NULL)
    {
      /* detached: nobody waits for a result */
      if (job->error != NULL)
        g_warning ("A detached store job failed: %s", job->error->message);
      g_clear_error (&job->error);
      job_free (job);
    }
  else
    {
      g_mutex_lock (job->mutex);
      job->done = TRUE;
      g_cond_signal (job->cond);
      g_mutex_unlock (job->mutex);
      /* the waiting caller frees the job */
    }
}

static void
hook_clear (gpointer data)
{
  Hook *hook = data;

  if (hook->destroy != NULL)
    hook->destroy (hook->data);
}

/* The batch's writes are lost: jobs[from, to) that succeeded fail with
 * @error after all, and the hooks of their commits are dropped. */
static void
batch_lost (Worker       *w,
            GPtrArray    *jobs,
            guint         from,
            guint         to,
            const GError *error)
{
  for (guint i = from; i < to; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);

      if (job->error != NULL)
        continue;
      if (job->result != NULL)
        job->result_destroy (g_steal_pointer (&job->result));
      job->error = g_error_copy (error);
    }
  g_array_set_size (w->hooks, 0);
}

/* Runs the hooks of the batch's COMMIT, in the order they were added. */
static void
batch_committed (Worker *w)
{
  for (guint i = 0; i < w->hooks->len; i++)
    {
      Hook *hook = &g_array_index (w->hooks, Hook, i);

      hook->func (w->db, hook->data);
    }
  g_array_set_size (w->hooks, 0);
}

/* Group commit: @jobs (batched ones, in queue order) in one transaction,
 * each job's own BEGIN … COMMIT a savepoint in it, so a job that fails
 * rolls back only its own writes.  Every job is answered after the COMMIT:
 * once answered, its writes are as durable as any other commit. */
static void
run_batch (Worker    *w,
           GPtrArray *jobs)
{
  g_autoptr(GError) error = NULL;
  guint first = 0;    /* the first job of the open transaction */
  GPtrArray *completions = NULL;
  GMainContext *context = NULL;

  if (w->db != NULL && !wk_store_begin (w->db, &error))
    {
      batch_lost (w, jobs, 0, jobs->len, error);
      g_clear_error (&error);
      first = jobs->len;
    }

  w->in_batch = TRUE;
  for (guint i = first; i < jobs->len; i++)
    {
      job_execute (w, g_ptr_array_index (jobs, i));

      /* Some errors (a full disk, I/O) make SQLite roll back the whole
       * transaction: the jobs before this one lost their writes too; the
       * rest go on in a new transaction. */
      if (w->db != NULL && sqlite3_get_autocommit (w->db))
        {
          Job *job = g_ptr_array_index (jobs, i);

          /* what failed this job failed the others */
          if (job->error != NULL)
            error = g_error_copy (job->error);
          else
            wk_db_set_error (w->db, SQLITE_ABORT, &error, "a batch of changes rolled back");
          batch_lost (w, jobs, first, i + 1, error);
          g_clear_error (&error);
          w->in_batch = FALSE;
          if (!wk_store_begin (w->db, &error))
            {
              batch_lost (w, jobs, i + 1, jobs->len, error);
              g_clear_error (&error);
              break;
            }
          w->in_batch = TRUE;
          first = i + 1;
        }
    }
  w->in_batch = FALSE;

  if (w->db != NULL && !sqlite3_get_autocommit (w->db))
    {
      if (wk_store_commit (w->db, &error))
        batch_committed (w);
      else
        batch_lost (w, jobs, first, jobs->len, error);
    }
  g_array_set_size (w->hooks, 0);

  /* in order, one wake-up per context for all (normally just one) */
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);
      GMainContext *job_context = job->task != NULL ? g_task_get_context (job->task) : NULL;

      if (completions != NULL && job_context != context)
        completions_send (g_steal_pointer (&completions), context);
      if (job_context == NULL)
        {
          job_complete (job);
          continue;
        }
      if (completions == NULL)
        {
          completions = g_ptr_array_new ();
          context = job_context;
        }
      g_ptr_array_add (completions, completion_take (job));
    }
  if (completions != NULL)
    completions_send (g_steal_pointer (&completions), context);
}

/* The next job, with the batched jobs queued right behind it when it is a
 * batched one: as many as are there now, never waiting for more. */
static Job *
worker_pop (Worker    *w,
            GPtrArray *batch)
{
  Job *job = w->next != NULL ? g_steal_pointer (&w->next) : g_async_queue_pop (w->queue);

  if (!job->batched)
    return job;

  g_ptr_array_add (batch, job);
  while (batch->len < BATCH_MAX)
    {
      Job *more = g_async_queue_try_pop (w->queue);

      if (more == NULL)
        break;
      if (!more->batched)
        {
          w->next = more;
          break;
        }
      g_ptr_array_add (batch, more);
    }
  return NULL;
}

static gpointer
worker_main (gpointer data)
{
  Worker *w = data;
  GError *error = NULL;
  sqlite3 *db;

  g_private_set (&current_worker, w);

  db = wk_db_open (w->path, &error);
  if (db != NULL)
    {
      w->checkpointer = checkpointer_start (w->path);
      sqlite3_wal_hook (db, wal_hook_cb, w);
    }

  g_mutex_lock (&w->mutex);
  w->db = db;
  w->open_error = error;
  w->opened = TRUE;
  g_cond_broadcast (&w->cond);
  g_mutex_unlock (&w->mutex);

  for (;;)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new ();
      Job *job = worker_pop (w, batch);

      if (job == NULL && batch->len == 1)
        job = g_ptr_array_steal_index (batch, 0);
      if (job == NULL)
        {
          run_batch (w, batch);
          continue;
        }
      if (job->kind == JOB_STOP)
        {
          job_free (job);
          break;
        }
      job_execute (w, job);
      job_complete (job);
    }

  worker_close_db (w);
  g_private_set (&current_worker, NULL);
  worker_unref (w);

  return NULL;
}

static gboolean
wk_store_initable_init (GInitable     *initable,
                        GCancellable  *cancellable,
                        GError       **error)
{
  WkStore *self = WK_STORE (initable);
  Worker *w;
  gboolean ok;

  g_return_val_if_fail (self->worker == NULL, FALSE);

  if (self->path == NULL)
    {
      g_set_error_literal (error, WK_ERROR, WK_ERROR_INVALID,
                           _("No database path was given"));
      return FALSE;
    }

  w = g_new0 (Worker, 1);
  g_atomic_ref_count_init (&w->ref_count);
  w->path = g_strdup (self->path);
  w->queue = g_async_queue_new ();
  w->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    stmt_finalize);
  w->by_address = g_hash_table_new (NULL, NULL);
  w->cached = g_hash_table_new (NULL, NULL);
  w->hooks = g_array_new (FALSE, FALSE, sizeof (Hook));
  g_array_set_clear_func (w->hooks, hook_clear);
  g_mutex_init (&w->mutex);
  g_cond_init (&w->cond);
  self->worker = w;

  self->thread = g_thread_new ("wk-store", worker_main, worker_ref (w));

  g_mutex_lock (&w->mutex);
  while (!w->opened)
    g_cond_wait (&w->cond, &w->mutex);
  ok = w->open_error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (w->open_error));
  g_mutex_unlock (&w->mutex);

  if (!ok)
    wk_store_close (self);

  return ok;
}

static void
wk_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = wk_store_initable_init;
}

void
wk_store_close (WkStore *self)
{
  GThread *thread;
  Job *stop;

  g_return_if_fail (WK_IS_STORE (self));

  g_mutex_lock (&self->lock);
  thread = g_steal_pointer (&self->thread);
  self->closed = TRUE;
  g_mutex_unlock (&self->lock);

  if (thread == NULL)
    return;

  stop = g_new0 (Job, 1);
  stop->kind = JOB_STOP;
  g_async_queue_push (self->worker->queue, stop);

  if (thread == g_thread_self ())
    {
      /* dropped by a job on the worker itself: it stops after this job */
      g_thread_unref (thread);
      return;
    }
  g_thread_join (thread);
}

static void
wk_store_dispose (GObject *object)
{
  WkStore *self = (WkStore *) object;

  wk_store_close (self);

  G_OBJECT_CLASS (wk_store_parent_class)->dispose (object);
}

static void
wk_store_finalize (GObject *object)
{
  WkStore *self = (WkStore *) object;

  g_clear_pointer (&self->worker, worker_unref);
  g_clear_pointer (&self->path, g_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (wk_store_parent_class)->finalize (object);
}

static void
wk_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  WkStore *self = WK_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  WkStore *self = WK_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_store_class_init (WkStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wk_store_dispose;
  object_class->finalize = wk_store_finalize;
  object_class->get_property = wk_store_get_property;
  object_class->set_property = wk_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_store_init (WkStore *self)
{
  g_mutex_init (&self->lock);
}

WkStore *
wk_store_new (const char    *path,
              GCancellable  *cancellable,
              GError       **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_initable_new (WK_TYPE_STORE, cancellable, error, "path", path, NULL);
}

void
wk_store_new_async (const char          *path,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_return_if_fail (path != NULL);

  g_async_initable_new_async (WK_TYPE_STORE, G_PRIORITY_DEFAULT, cancellable,
                              callback, user_data, "path", path, NULL);
}

WkStore *
wk_store_new_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_autoptr(GObject) source = g_async_result_get_source_object (result);
  GObject *object;

  object = g_async_initable_new_finish (G_ASYNC_INITABLE (source), result, error);
  return object != NULL ? WK_STORE (object) : NULL;
}

const char *
wk_store_get_path (WkStore *self)
{
  g_return_val_if_fail (WK_IS_STORE (self), NULL);

  return self->path;
}

/* Pushes @job unless the store is closed; FALSE then (job untouched). */
static gboolean
push_job (WkStore *self,
          Job     *job)
{
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = !self->closed && self->thread != NULL;
  if (ok)
    g_async_queue_push (self->worker->queue, job);
  g_mutex_unlock (&self->lock);

  return ok;
}

static void
run_async (WkStore             *self,
           WkStoreJobFunc       func,
           gpointer             data,
           GDestroyNotify       destroy,
           GDestroyNotify       result_destroy,
           gboolean             check_cancellable,
           gboolean             batched,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wk_store_run_async);
  g_task_set_check_cancellable (task, check_cancellable);

  job = g_new0 (Job, 1);
  job->kind = JOB_RUN;
  job->batched = batched;
  job->func = func;
  job->data = data;
  job->destroy = destroy;
  job->result_destroy = result_destroy;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->task = g_object_ref (task);

  if (!push_job (self, job))
    {
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_UNAVAILABLE,
                               _("The database is closed"));
      job_free (job);
    }
}

void
wk_store_run_async (WkStore             *self,
                    WkStoreJobFunc       func,
                    gpointer             data,
                    GDestroyNotify       destroy,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_return_if_fail (WK_IS_STORE (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_async (self, func, data, destroy, NULL, FALSE, FALSE,
             cancellable, callback, user_data);
}

void
wk_store_run_full_async (WkStore             *self,
                         WkStoreJobFunc       func,
                         gpointer             data,
                         GDestroyNotify       destroy,
                         GDestroyNotify       result_destroy,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (WK_IS_STORE (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_async (self, func, data, destroy, result_destroy, TRUE, FALSE,
             cancellable, callback, user_data);
}

void
wk_store_run_batched_async (WkStore             *self,
                            WkStoreJobFunc       func,
                            gpointer             data,
                            GDestroyNotify       destroy,
                            GDestroyNotify       result_destroy,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (WK_IS_STORE (self));
  g_return_if_fail (func != NULL);
  g_return_if_fail (result_destroy != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  run_async (self, func, data, destroy, result_destroy, TRUE, TRUE,
             cancellable, callback, user_data);
}

gpointer
wk_store_run_finish (WkStore       *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (WK_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_store_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_store_run_detached (WkStore        *self,
                       WkStoreJobFunc  func,
                       gpointer        data,
                       GDestroyNotify  destroy)
{
  Job *job;

  g_return_if_fail (WK_IS_STORE (self));
  g_return_if_fail (func != NULL);

  job = g_new0 (Job, 1);
  job->kind = JOB_RUN;
  job->func = func;
  job->data = data;
  job->destroy = destroy;

  if (!push_job (self, job))
    job_free (job);
}

gpointer
wk_store_run_sync (WkStore         *self,
                   WkStoreJobFunc   func,
                   gpointer         data,
                   GDestroyNotify   destroy,
                   GCancellable    *cancellable,
                   GError         **error)
{
  GMutex mutex;
  GCond cond;
  Job *job;
  gpointer result;

  g_return_val_if_fail (WK_IS_STORE (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);
  g_return_val_if_fail (g_private_get (&current_worker) == NULL, NULL);

  g_mutex_init (&mutex);
  g_cond_init (&cond);

  job = g_new0 (Job, 1);
  job->kind = JOB_RUN;
  job->func = func;
  job->data = data;
  job->destroy = destroy;
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->mutex = &mutex;
  job->cond = &cond;

  if (!push_job (self, job))
    {
      job_free (job);
      g_mutex_clear (&mutex);
      g_cond_clear (&cond);
      g_set_error_literal (error, WK_ERROR, WK_ERROR_UNAVAILABLE,
                           _("The database is closed"));
      return NULL;
    }

  g_mutex_lock (&mutex);
  while (!job->done)
    g_cond_wait (&cond, &mutex);
  g_mutex_unlock (&mutex);

  result = job->result;
  if (job->error != NULL)
    g_propagate_error (error, g_steal_pointer (&job->error));
  job_free (job);
  g_mutex_clear (&mutex);
  g_cond_clear (&cond);

  return result;
}

/* ---- job helpers --------------------------------------------------------- */

WkStoreStmt *
wk_store_prepare (sqlite3     *db,
                  const char  *sql,
                  GError     **error)
{
  Worker *w = g_private_get (&current_worker);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (w != NULL && w->db == db)
    {
      /* the same constant again: no need to hash a long text */
      stmt = g_hash_table_lookup (w->by_address, sql);
      if (stmt != NULL && strcmp (sqlite3_sql (stmt), sql) == 0)
        return stmt;
      stmt = g_hash_table_lookup (w->stmts, sql);
      if (stmt != NULL)
        {
          if (g_hash_table_size (w->by_address) >= BY_ADDRESS_MAX)
            g_hash_table_remove_all (w->by_address);
          g_hash_table_insert (w->by_address, (gpointer) sql, stmt);
          return stmt;
        }
    }

  rc = sqlite3_prepare_v3 (db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      wk_db_set_error (db, rc, error, "preparing a statement");
      g_debug ("failed SQL: %s", sql);
      sqlite3_finalize (stmt);
      return NULL;
    }

  if (w != NULL && w->db == db)
    {
      g_hash_table_insert (w->stmts, g_strdup (sql), stmt);
      g_hash_table_add (w->cached, stmt);
    }

  return stmt;
}

void
wk_store_release (WkStoreStmt *stmt)
{
  Worker *w = g_private_get (&current_worker);

  if (stmt == NULL)
    return;

  if (w != NULL && w->db == sqlite3_db_handle (stmt) && g_hash_table_contains (w->cached, stmt))
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return;
    }

  sqlite3_finalize (stmt);
}

gboolean
wk_store_step_done (sqlite3      *db,
                    WkStoreStmt  *stmt,
                    const char   *what,
                    GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_cached (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  g_autoptr(WkStoreStmt) stmt = wk_store_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  return wk_store_step_done (db, stmt, sql, error);
}

/* The worker running a batch on @db, else NULL. */
static Worker *
batch_worker (sqlite3 *db)
{
  Worker *w = g_private_get (&current_worker);

  return w != NULL && w->db == db && w->in_batch ? w : NULL;
}

gboolean
wk_store_begin (sqlite3  *db,
                GError  **error)
{
  Worker *w = batch_worker (db);

  if (w == NULL)
    return exec_cached (db, "BEGIN IMMEDIATE", error);

  if (w->savepoint)
    {
      wk_db_set_error (db, SQLITE_ERROR, error, "starting a transaction within a transaction");
      return FALSE;
    }
  if (!exec_cached (db, "SAVEPOINT wk_job", error))
    return FALSE;
  w->savepoint = TRUE;
  return TRUE;
}

gboolean
wk_store_commit (sqlite3  *db,
                 GError  **error)
{
  Worker *w = batch_worker (db);

  if (!exec_cached (db, w == NULL ? "COMMIT" : "RELEASE wk_job", error))
    {
      wk_store_rollback (db);
      return FALSE;
    }
  if (w != NULL)
    w->savepoint = FALSE;
  return TRUE;
}

void
wk_store_rollback (sqlite3 *db)
{
  Worker *w = db != NULL ? batch_worker (db) : NULL;

  if (w != NULL && w->savepoint)
    {
      /* undoes the job's writes; the batch's transaction stays open
       * (unless SQLite rolled it all back already) */
      if (!sqlite3_get_autocommit (db))
        sqlite3_exec (db, "ROLLBACK TO wk_job; RELEASE wk_job", NULL, NULL, NULL);
      w->savepoint = FALSE;
    }
  else if (w == NULL && db != NULL && !sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
}

gint64
wk_store_log_event (sqlite3     *db,
                    gint64       at,
                    const char  *actor,
                    const char  *kind,
                    const char  *entity,
                    gint64       entity_id,
                    const char  *payload,
                    GError     **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db,
                           "INSERT INTO event (at, actor, kind, entity, entity_id, payload)"
                           " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, at);
  sqlite3_bind_text (stmt, 2, actor, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entity, -1, SQLITE_STATIC);
  if (entity_id > 0)
    sqlite3_bind_int64 (stmt, 5, entity_id);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, payload, -1, SQLITE_TRANSIENT);
  if (!wk_store_step_done (db, stmt, "logging the change", error))
    return 0;
  return sqlite3_last_insert_rowid (db);
}

void
wk_store_after_commit (sqlite3           *db,
                       WkStoreCommitFunc  func,
                       gpointer           data,
                       GDestroyNotify     destroy)
{
  Worker *w = batch_worker (db);
  Hook hook = { func, data, destroy };

  g_return_if_fail (db != NULL);
  g_return_if_fail (func != NULL);

  if (w == NULL)
    {
      g_warn_if_fail (sqlite3_get_autocommit (db));
      func (db, data);
      hook_clear (&hook);
      return;
    }
  g_warn_if_fail (!w->savepoint);
  g_array_append_val (w->hooks, hook);
}
