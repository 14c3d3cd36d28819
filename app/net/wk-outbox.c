/* wk-outbox.c
 *
 * Every operation is one store job; the pending count is kept on the
 * owner's thread from what the jobs report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-outbox"

#include "config.h"

#include "wk-outbox.h"

#include "wk-db.h"
#include "wk-error.h"
#include "wk-store.h"

#include <glib/gi18n-lib.h>

struct _WkOutbox
{
  GObject  parent_instance;

  WkStore *store;          /* owned: the local file's one connection */
  guint    pending_count;
  guint    refused_count;
};

G_DEFINE_FINAL_TYPE (WkOutbox, wk_outbox, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PENDING_COUNT,
  PROP_REFUSED_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_names[] = {
  [WK_OUTBOX_KIND_CHECK_IN] = "check_in",
  [WK_OUTBOX_KIND_SURVEY] = "survey",
  [WK_OUTBOX_KIND_TICKET_UPDATE] = "ticket_update",
  [WK_OUTBOX_KIND_NOTE] = "note",
};

static WkOutboxKind
kind_from_string (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      return i;
  return WK_OUTBOX_KIND_CHECK_IN;
}

void
wk_outbox_item_free (WkOutboxItem *item)
{
  if (item == NULL)
    return;
  g_free (item->uuid);
  g_free (item->method);
  g_free (item->path);
  g_free (item->body);
  g_free (item->last_error);
  g_free (item);
}

static void
set_pending_count (WkOutbox *self,
                   guint     count)
{
  if (self->pending_count == count)
    return;
  self->pending_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_COUNT]);
}

static void
set_refused_count (WkOutbox *self,
                   guint     count)
{
  if (self->refused_count == count)
    return;
  self->refused_count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSED_COUNT]);
}

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* ---- jobs (worker thread) ------------------------------------------------- */

typedef struct {
  gint64        id;
  WkOutboxKind  kind;
  char         *uuid;
  char         *method;
  char         *path;
  char         *by;
  char         *value;
  char         *text;      /* body, message or identity */
  gint64        max_age_s;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->uuid);
  g_free (job->method);
  g_free (job->path);
  g_free (job->by);
  g_free (job->value);
  g_free (job->text);
  g_free (job);
}

static gpointer
count_job (sqlite3  *db,
           gpointer  data,
           GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  guint *count;
  int rc;

  /* the outbox must survive a power cut, not only a crash */
  if (!wk_db_exec (db, "PRAGMA synchronous = FULL", error))
    return NULL;
  stmt = wk_store_prepare (db,
                           "SELECT count(*) FILTER (WHERE state = 'pending'),"
                           " count(*) FILTER (WHERE state = 'refused') FROM outbox", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "counting the outbox");
      return NULL;
    }
  /* [0] pending, [1] refused */
  count = g_new (guint, 2);
  count[0] = (guint) sqlite3_column_int64 (stmt, 0);
  count[1] = (guint) sqlite3_column_int64 (stmt, 1);
  return count;
}

typedef struct {
  gint64   id;
  gboolean added;
  gboolean pending;
} AddResult;

static gpointer
add_job (sqlite3  *db,
         gpointer  data,
         GError  **error)
{
  Job *job = data;
  g_autoptr(WkStoreStmt) insert = NULL;
  g_autoptr(WkStoreStmt) find = NULL;
  AddResult *result;
  int rc;

  insert = wk_store_prepare (db,
                             "INSERT INTO outbox (kind, uuid, method, path, body, created_at)"
                             " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (uuid) DO NOTHING",
                             error);
  if (insert == NULL)
    return NULL;
  sqlite3_bind_text (insert, 1, kind_names[job->kind], -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, job->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, job->method, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, job->path, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, job->text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 6, now_s ());
  if (!wk_store_step_done (db, insert, "adding to the outbox", error))
    return NULL;

  result = g_new0 (AddResult, 1);
  result->added = sqlite3_changes (db) > 0;

  find = wk_store_prepare (db, "SELECT id, state = 'pending' FROM outbox WHERE uuid = ?", error);
  if (find == NULL)
    {
      g_free (result);
      return NULL;
    }
  sqlite3_bind_text (find, 1, job->uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "reading the outbox");
      g_free (result);
      return NULL;
    }
  result->id = sqlite3_column_int64 (find, 0);
  result->pending = sqlite3_column_int (find, 1) != 0;
  return result;
}

#define ITEM_SELECT \
  "SELECT id, kind, uuid, method, path, body, attempts, created_at, last_error FROM outbox"

static WkOutboxItem *
read_item (sqlite3_stmt *stmt)
{
  WkOutboxItem *item = g_new0 (WkOutboxItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->kind = kind_from_string ((const char *) sqlite3_column_text (stmt, 1));
  item->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  item->method = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  item->path = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  item->body = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  item->attempts = (guint) sqlite3_column_int (stmt, 6);
  item->created_at = sqlite3_column_int64 (stmt, 7);
  item->last_error = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  return item;
}

static gpointer
next_job (sqlite3  *db,
          gpointer  data,
          GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  int rc;

  stmt = wk_store_prepare (db, ITEM_SELECT " WHERE state = 'pending' ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "reading the outbox");
      return NULL;
    }
  return read_item (stmt);
}

static gpointer
list_refused_job (sqlite3  *db,
                  gpointer  data,
                  GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) wk_outbox_item_free);
  int rc;

  stmt = wk_store_prepare (db, ITEM_SELECT " WHERE state = 'refused' ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read_item (stmt));
  if (rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, "reading the outbox");
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* Forgets refused row @id (0: every refused row); returns how many went,
 * plus one (a non-NULL pointer). */
static gpointer
dismiss_job (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  Job *job = data;
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db, "DELETE FROM outbox WHERE state = 'refused' AND (?1 = 0 OR id = ?1)",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job->id);
  if (!wk_store_step_done (db, stmt, "dismissing refused changes", error))
    return NULL;
  return GINT_TO_POINTER (sqlite3_changes (db) + 1);
}

/* Returns a (gpointer) 1 when a pending row changed, 2 when none did. */
static gpointer
remove_job (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  Job *job = data;
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db, "DELETE FROM outbox WHERE id = ? AND state = 'pending'", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, job->id);
  if (!wk_store_step_done (db, stmt, "removing from the outbox", error))
    return NULL;
  return GINT_TO_POINTER (sqlite3_changes (db) > 0 ? 1 : 2);
}

static gpointer
refuse_job (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  Job *job = data;
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db,
                           "UPDATE outbox SET state = 'refused', last_error = ?,"
                           " attempts = attempts + 1 WHERE id = ? AND state = 'pending'",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, job->text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, job->id);
  if (!wk_store_step_done (db, stmt, "setting an outbox row aside", error))
    return NULL;
  return GINT_TO_POINTER (sqlite3_changes (db) > 0 ? 1 : 2);
}

static gpointer
attempt_job (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  Job *job = data;
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db,
                           "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, job->text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, job->id);
  wk_store_step_done (db, stmt, "counting an outbox attempt", error);
  return NULL;
}

static gpointer
cache_job (sqlite3  *db,
           gpointer  data,
           GError  **error)
{
  Job *job = data;
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db,
                           "INSERT OR REPLACE INTO directory_cache (by, value, identity, fetched_at)"
                           " VALUES (?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, job->by, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, job->value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, job->text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, now_s ());
  wk_store_step_done (db, stmt, "caching an identity", error);
  return NULL;
}

static gpointer
forget_job (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  Job *job = data;
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db, "DELETE FROM directory_cache WHERE by = ? AND value = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, job->by, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, job->value, -1, SQLITE_STATIC);
  wk_store_step_done (db, stmt, "forgetting an identity", error);
  return NULL;
}

static gpointer
lookup_job (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  Job *job = data;
  g_autoptr(WkStoreStmt) stmt = NULL;
  int rc;

  stmt = wk_store_prepare (db,
                           "SELECT identity FROM directory_cache"
                           " WHERE by = ? AND value = ? AND fetched_at >= ?",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, job->by, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, job->value, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, now_s () - job->max_age_s);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, WK_ERROR, WK_ERROR_NOT_FOUND,
                         _("Nobody with these details is known on this device"));
  else
    wk_db_set_error (db, rc, error, "reading the directory cache");
  return NULL;
}

static gpointer
list_cached_job (sqlite3  *db,
                 gpointer  data,
                 GError  **error)
{
  Job *job = data;
  g_autoptr(WkStoreStmt) purge = NULL;
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  purge = wk_store_prepare (db, "DELETE FROM directory_cache WHERE fetched_at < ?", error);
  if (purge == NULL)
    return NULL;
  sqlite3_bind_int64 (purge, 1, now_s () - job->max_age_s);
  if (!wk_store_step_done (db, purge, "purging the directory cache", error))
    return NULL;

  stmt = wk_store_prepare (db, "SELECT value FROM directory_cache WHERE by = ? ORDER BY fetched_at",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, job->by, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, "reading the directory cache");
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* ---- running jobs ---------------------------------------------------------- */

typedef enum {
  AFTER_NOTHING,
  AFTER_ADD,
  AFTER_DROP,      /* remove: one fewer pending */
  AFTER_REFUSE,    /* one fewer pending, one more refused */
  AFTER_DISMISS,   /* fewer refused */
} After;

typedef struct {
  After           after;
  GDestroyNotify  result_destroy;   /* for a result nobody collects */
} Run;

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  WkOutbox *self = g_task_get_source_object (task);
  gpointer value;

  value = wk_store_run_finish (WK_STORE (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* the count follows what the job did, whoever still waits for it */
  switch (run->after)
    {
    case AFTER_ADD:
      if (((AddResult *) value)->added && ((AddResult *) value)->pending)
        set_pending_count (self, self->pending_count + 1);
      break;
    case AFTER_DROP:
    case AFTER_REFUSE:
      if (GPOINTER_TO_INT (value) == 1 && self->pending_count > 0)
        set_pending_count (self, self->pending_count - 1);
      if (GPOINTER_TO_INT (value) == 1 && run->after == AFTER_REFUSE)
        set_refused_count (self, self->refused_count + 1);
      break;
    case AFTER_DISMISS:
      set_refused_count (self, self->refused_count - MIN (self->refused_count,
                                                          (guint) GPOINTER_TO_INT (value) - 1));
      break;
    case AFTER_NOTHING:
    default:
      break;
    }
  g_task_return_pointer (task, value, run->result_destroy);
}

static void
run_job (WkOutbox            *self,
         gpointer             source_tag,
         After                after,
         GDestroyNotify       result_destroy,
         WkStoreJobFunc       func,
         Job                 *job,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);

  run->after = after;
  run->result_destroy = result_destroy;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, run, g_free);
  /* Once queued, a job runs to the end and the count must follow what it
   * did, so the store job itself is not cancellable; @cancellable only
   * stops the caller from waiting. */
  wk_store_run_async (self->store, func, job, job_free, NULL, run_done_cb, task);
}

static Job *
job_new (void)
{
  return g_new0 (Job, 1);
}

/* ---- public ------------------------------------------------------------------ */

WkOutbox *
wk_outbox_new (const char  *path,
               GError     **error)
{
  g_autoptr(WkStore) store = NULL;
  g_autofree guint *count = NULL;
  WkOutbox *self;

  g_return_val_if_fail (path != NULL, NULL);

  store = wk_store_new (path, NULL, error);
  if (store == NULL)
    return NULL;
  count = wk_store_run_sync (store, count_job, NULL, NULL, NULL, error);
  if (count == NULL)
    {
      wk_store_close (store);
      return NULL;
    }

  self = g_object_new (WK_TYPE_OUTBOX, NULL);
  self->store = g_steal_pointer (&store);
  self->pending_count = count[0];
  self->refused_count = count[1];
  return self;
}

const char *
wk_outbox_get_path (WkOutbox *self)
{
  g_return_val_if_fail (WK_IS_OUTBOX (self), NULL);
  return wk_store_get_path (self->store);
}

guint
wk_outbox_get_pending_count (WkOutbox *self)
{
  g_return_val_if_fail (WK_IS_OUTBOX (self), 0);
  return self->pending_count;
}

guint
wk_outbox_get_refused_count (WkOutbox *self)
{
  g_return_val_if_fail (WK_IS_OUTBOX (self), 0);
  return self->refused_count;
}

void
wk_outbox_add_async (WkOutbox            *self,
                     WkOutboxKind         kind,
                     const char          *uuid,
                     const char          *method,
                     const char          *path,
                     const char          *body,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Job *job;

  g_return_if_fail (WK_IS_OUTBOX (self));
  g_return_if_fail ((guint) kind < G_N_ELEMENTS (kind_names));
  g_return_if_fail (uuid != NULL && method != NULL && path != NULL && body != NULL);

  job = job_new ();
  job->kind = kind;
  job->uuid = g_strdup (uuid);
  job->method = g_strdup (method);
  job->path = g_strdup (path);
  job->text = g_strdup (body);
  run_job (self, wk_outbox_add_async, AFTER_ADD, g_free, add_job, job, cancellable, callback, user_data);
}

gint64
wk_outbox_add_finish (WkOutbox      *self,
                      GAsyncResult  *result,
                      gboolean      *pending,
                      GError       **error)
{
  g_autofree AddResult *added = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_outbox_add_async, 0);

  added = g_task_propagate_pointer (G_TASK (result), error);
  if (added == NULL)
    return 0;
  if (pending != NULL)
    *pending = added->pending;
  return added->id;
}

void
wk_outbox_next_async (WkOutbox            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (WK_IS_OUTBOX (self));
  run_job (self, wk_outbox_next_async, AFTER_NOTHING,
           (GDestroyNotify) wk_outbox_item_free, next_job, job_new (), cancellable,
           callback, user_data);
}

WkOutboxItem *
wk_outbox_next_finish (WkOutbox      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_outbox_next_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_outbox_remove_async (WkOutbox            *self,
                        gint64               id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Job *job;

  g_return_if_fail (WK_IS_OUTBOX (self));

  job = job_new ();
  job->id = id;
  run_job (self, wk_outbox_remove_async, AFTER_DROP, NULL, remove_job, job, cancellable,
           callback, user_data);
}

gboolean
wk_outbox_remove_finish (WkOutbox      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_outbox_remove_async, FALSE);

  return g_task_propagate_pointer (G_TASK (result), error) != NULL;
}

void
wk_outbox_refuse_async (WkOutbox            *self,
                        gint64               id,
                        const char          *message,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Job *job;

  g_return_if_fail (WK_IS_OUTBOX (self));

  job = job_new ();
  job->id = id;
  job->text = g_strdup (message);
  run_job (self, wk_outbox_refuse_async, AFTER_REFUSE, NULL, refuse_job, job, cancellable,
           callback, user_data);
}

gboolean
wk_outbox_refuse_finish (WkOutbox      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_outbox_refuse_async, FALSE);

  return g_task_propagate_pointer (G_TASK (result), error) != NULL;
}

void
wk_outbox_list_refused_async (WkOutbox            *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (WK_IS_OUTBOX (self));
  run_job (self, wk_outbox_list_refused_async, AFTER_NOTHING,
           (GDestroyNotify) g_ptr_array_unref, list_refused_job, job_new (), cancellable,
           callback, user_data);
}

GPtrArray *
wk_outbox_list_refused_finish (WkOutbox      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_outbox_list_refused_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_outbox_dismiss_refused_async (WkOutbox            *self,
                                 gint64               id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job;

  g_return_if_fail (WK_IS_OUTBOX (self));

  job = job_new ();
  job->id = id;
  run_job (self, wk_outbox_dismiss_refused_async, AFTER_DISMISS, NULL, dismiss_job, job,
           cancellable, callback, user_data);
}

gboolean
wk_outbox_dismiss_refused_finish (WkOutbox      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_outbox_dismiss_refused_async,
                        FALSE);

  return g_task_propagate_pointer (G_TASK (result), error) != NULL;
}

void
wk_outbox_note_attempt (WkOutbox   *self,
                        gint64      id,
                        const char *message)
{
  Job *job;

  g_return_if_fail (WK_IS_OUTBOX (self));

  job = job_new ();
  job->id = id;
  job->text = g_strdup (message);
  wk_store_run_detached (self->store, attempt_job, job, job_free);
}

void
wk_outbox_cache_identity (WkOutbox   *self,
                          const char *by,
                          const char *value,
                          const char *identity)
{
  Job *job;

  g_return_if_fail (WK_IS_OUTBOX (self));
  g_return_if_fail (by != NULL && value != NULL && identity != NULL);

  job = job_new ();
  job->by = g_strdup (by);
  job->value = g_strdup (value);
  job->text = g_strdup (identity);
  wk_store_run_detached (self->store, cache_job, job, job_free);
}

void
wk_outbox_forget_identity (WkOutbox   *self,
                           const char *by,
                           const char *value)
{
  Job *job;

  g_return_if_fail (WK_IS_OUTBOX (self));
  g_return_if_fail (by != NULL && value != NULL);

  job = job_new ();
  job->by = g_strdup (by);
  job->value = g_strdup (value);
  wk_store_run_detached (self->store, forget_job, job, job_free);
}

void
wk_outbox_lookup_identity_async (WkOutbox            *self,
                                 const char          *by,
                                 const char          *value,
                                 gint64               max_age_s,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job;

  g_return_if_fail (WK_IS_OUTBOX (self));
  g_return_if_fail (by != NULL && value != NULL);

  job = job_new ();
  job->by = g_strdup (by);
  job->value = g_strdup (value);
  job->max_age_s = max_age_s;
  run_job (self, wk_outbox_lookup_identity_async, AFTER_NOTHING, g_free, lookup_job, job, cancellable,
           callback, user_data);
}

char *
wk_outbox_lookup_identity_finish (WkOutbox      *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_outbox_lookup_identity_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_outbox_list_cached_async (WkOutbox            *self,
                             const char          *by,
                             gint64               max_age_s,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job;

  g_return_if_fail (WK_IS_OUTBOX (self));
  g_return_if_fail (by != NULL);

  job = job_new ();
  job->by = g_strdup (by);
  job->max_age_s = max_age_s;
  run_job (self, wk_outbox_list_cached_async, AFTER_NOTHING,
           (GDestroyNotify) g_strfreev, list_cached_job, job, cancellable,
           callback, user_data);
}

GStrv
wk_outbox_list_cached_finish (WkOutbox      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_outbox_list_cached_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- GObject --------------------------------------------------------------- */

static void
wk_outbox_dispose (GObject *object)
{
  WkOutbox *self = WK_OUTBOX (object);

  if (self->store != NULL)
    wk_store_close (self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wk_outbox_parent_class)->dispose (object);
}

static void
wk_outbox_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WkOutbox *self = WK_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_PENDING_COUNT:
      g_value_set_uint (value, self->pending_count);
      break;
    case PROP_REFUSED_COUNT:
      g_value_set_uint (value, self->refused_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_outbox_class_init (WkOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wk_outbox_dispose;
  object_class->get_property = wk_outbox_get_property;

  properties[PROP_PENDING_COUNT] =
    g_param_spec_uint ("pending-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_REFUSED_COUNT] =
    g_param_spec_uint ("refused-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_outbox_init (WkOutbox *self)
{
}
