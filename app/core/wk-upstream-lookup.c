/* wk-upstream-lookup.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-upstream-lookup"

#include "config.h"

#include "wk-upstream-lookup.h"

#include "wk-error.h"

#include <glib/gi18n-lib.h>

typedef struct {
  gint64     fetched_at;   /* monotonic µs */
  GPtrArray *tickets;      /* owned, of WkUpstreamTicket */
} CacheEntry;

/* One caller waiting for a fetch. */
typedef struct {
  GTask   *task;           /* owned; NULL once answered */
  GSource *timeout;        /* owned */
  GSource *cancel;         /* owned, or NULL */
} Waiter;

/* One request to the upstream, shared by everyone asking for the same email. */
typedef struct {
  WkUpstreamLookup *self;  /* owned */
  char             *email;
  GPtrArray        *waiters;
} Fetch;

struct _WkUpstreamLookup
{
  GObject       parent_instance;

  WkUpstream   *upstream;
  GMainContext *context;     /* owned: where timers run */
  GCancellable *cancellable; /* owned: cancels fetches at dispose */
  GHashTable   *cache;       /* folded email → CacheEntry */
  GHashTable   *fetches;     /* folded email → Fetch (not owned) */
  guint         budget_ms;
  guint         cache_s;
  gint64        down_until;  /* monotonic µs; 0: not known to be down */
};

G_DEFINE_FINAL_TYPE (WkUpstreamLookup, wk_upstream_lookup, G_TYPE_OBJECT)

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_ptr_array_unref (entry->tickets);
  g_free (entry);
}

static void
waiter_answer (Waiter    *waiter,
               GPtrArray *tickets,
               gboolean   cached,
               GError    *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&waiter->task);

  if (waiter->timeout != NULL)
    g_source_destroy (waiter->timeout);
  if (waiter->cancel != NULL)
    g_source_destroy (waiter->cancel);
  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }

  g_task_set_task_data (task, GINT_TO_POINTER (cached), NULL);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_ptr_array_ref (tickets), (GDestroyNotify) g_ptr_array_unref);
}

static void
waiter_free (gpointer data)
{
  Waiter *waiter = data;

  g_assert (waiter->task == NULL);
  g_clear_pointer (&waiter->timeout, g_source_unref);
  g_clear_pointer (&waiter->cancel, g_source_unref);
  g_free (waiter);
}

static gboolean
waiter_timeout_cb (gpointer data)
{
  Waiter *waiter = data;

  waiter_answer (waiter, NULL, FALSE,
                 g_error_new_literal (WK_ERROR, WK_ERROR_UNAVAILABLE,
                                      _("The service desk system did not answer in time")));
  return G_SOURCE_REMOVE;
}

static gboolean
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      data)
{
  Waiter *waiter = data;
  GError *error = NULL;

  g_cancellable_set_error_if_cancelled (cancellable, &error);
  waiter_answer (waiter, NULL, FALSE, error);
  return G_SOURCE_REMOVE;
}

static void
fetch_free (Fetch *fetch)
{
  g_ptr_array_unref (fetch->waiters);
  g_free (fetch->email);
  g_object_unref (fetch->self);
  g_free (fetch);
}

static void
fetch_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Fetch *fetch = user_data;
  WkUpstreamLookup *self = fetch->self;
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;

  tickets = wk_upstream_find_tickets_finish (WK_UPSTREAM (source), result, &error);
  g_hash_table_remove (self->fetches, fetch->email);

  if (tickets != NULL)
    {
      CacheEntry *entry = g_new0 (CacheEntry, 1);

      entry->fetched_at = g_get_monotonic_time ();
      entry->tickets = g_ptr_array_ref (tickets);
      g_hash_table_replace (self->cache, g_strdup (fetch->email), entry);
      self->down_until = 0;
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Tickets of a requester: %s", error->message);
      if (g_error_matches (error, WK_ERROR, WK_ERROR_UNAVAILABLE) ||
          g_error_matches (error, WK_ERROR, WK_ERROR_RATE_LIMITED))
        self->down_until = g_get_monotonic_time () + (gint64) self->cache_s * G_USEC_PER_SEC;
    }

  for (guint i = 0; i < fetch->waiters->len; i++)
    waiter_answer (g_ptr_array_index (fetch->waiters, i), tickets, FALSE,
                   error != NULL ? g_error_copy (error) : NULL);

  fetch_free (fetch);
}

void
wk_upstream_lookup_find_tickets_async (WkUpstreamLookup    *self,
                                       const char          *email,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  CacheEntry *entry;
  Fetch *fetch;
  Waiter *waiter;
  gint64 now = g_get_monotonic_time ();

  g_return_if_fail (WK_IS_UPSTREAM_LOOKUP (self));
  g_return_if_fail (email != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wk_upstream_lookup_find_tickets_async);
  key = g_utf8_casefold (email, -1);

  entry = g_hash_table_lookup (self->cache, key);
  if (entry != NULL && now - entry->fetched_at < (gint64) self->cache_s * G_USEC_PER_SEC)
    {
      g_task_set_task_data (task, GINT_TO_POINTER (TRUE), NULL);
      g_task_return_pointer (task, g_ptr_array_ref (entry->tickets),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  if (now < self->down_until)
    {
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_UNAVAILABLE, "%s",
                               _("The service desk system failed a moment ago"));
      return;
    }

  waiter = g_new0 (Waiter, 1);
  waiter->task = g_steal_pointer (&task);
  waiter->timeout = g_timeout_source_new (self->budget_ms);
  g_source_set_callback (waiter->timeout, waiter_timeout_cb, waiter, NULL);
  g_source_attach (waiter->timeout, self->context);
  if (cancellable != NULL)
    {
      waiter->cancel = g_cancellable_source_new (cancellable);
      g_source_set_callback (waiter->cancel, G_SOURCE_FUNC (waiter_cancelled_cb), waiter, NULL);
      g_source_attach (waiter->cancel, self->context);
    }

  fetch = g_hash_table_lookup (self->fetches, key);
  if (fetch != NULL)
    {
      g_ptr_array_add (fetch->waiters, waiter);
      return;
    }

  fetch = g_new0 (Fetch, 1);
  fetch->self = g_object_ref (self);
  fetch->email = g_steal_pointer (&key);
  fetch->waiters = g_ptr_array_new_with_free_func (waiter_free);
  g_ptr_array_add (fetch->waiters, waiter);
  g_hash_table_insert (self->fetches, fetch->email, fetch);

  /* the lookup's own cancellable: the request outlives the caller's budget */
  wk_upstream_find_tickets_async (self->upstream, email, self->cancellable,
                                  fetch_done_cb, fetch);
}

GPtrArray *
wk_upstream_lookup_find_tickets_finish (WkUpstreamLookup  *self,
                                        GAsyncResult      *result,
                                        gboolean          *cached,
                                        GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_upstream_lookup_find_tickets_async, NULL);

  if (cached != NULL)
    *cached = GPOINTER_TO_INT (g_task_get_task_data (G_TASK (result)));
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A person lookup: the first of the upstream's answer, the budget and the
 * caller's cancellable completes the task. */
typedef struct {
  WkUpstreamLookup *self;     /* owned */
  GTask            *task;     /* owned; NULL once answered */
  GSource          *timeout;  /* owned */
  GCancellable     *cancel;   /* owned: the upstream call */
  GCancellable     *caller;   /* owned, or NULL */
  gulong            cancelled_id;
} PersonWait;

static void
person_wait_answer (PersonWait       *wait,
                    WkUpstreamPerson *person,
                    GError           *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&wait->task);

  if (task == NULL)
    {
      g_clear_error (&error);
      g_clear_pointer (&person, wk_upstream_person_free);
      return;
    }
  g_source_destroy (wait->timeout);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, person, (GDestroyNotify) wk_upstream_person_free);
}

static gboolean
person_timeout_cb (gpointer data)
{
  PersonWait *wait = data;

  /* the request goes on: a failure it meets is still remembered */
  person_wait_answer (wait, NULL,
                      g_error_new_literal (WK_ERROR, WK_ERROR_UNAVAILABLE,
                                           _("The service desk system did not answer in time")));
  return G_SOURCE_REMOVE;
}

static void
person_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PersonWait *wait = user_data;
  WkUpstreamLookup *self = wait->self;
  GError *error = NULL;
  WkUpstreamPerson *person;

  person = wk_upstream_find_person_finish (WK_UPSTREAM (source), result, &error);
  if (person != NULL)
    self->down_until = 0;
  else if (g_error_matches (error, WK_ERROR, WK_ERROR_UNAVAILABLE) ||
           g_error_matches (error, WK_ERROR, WK_ERROR_RATE_LIMITED))
    self->down_until = g_get_monotonic_time () + (gint64) self->cache_s * G_USEC_PER_SEC;
  if (wait->caller != NULL)
    g_cancellable_disconnect (wait->caller, wait->cancelled_id);
  person_wait_answer (wait, person, error);

  g_clear_object (&wait->caller);
  g_source_unref (wait->timeout);
  g_object_unref (wait->cancel);
  g_object_unref (wait->self);
  g_free (wait);
}

static void
person_cancelled_cb (GCancellable *cancellable,
                     gpointer      data)
{
  g_cancellable_cancel (((PersonWait *) data)->cancel);
}

void
wk_upstream_lookup_find_person_async (WkUpstreamLookup    *self,
                                      const char          *email,
                                      const char          *badge_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PersonWait *wait;

  g_return_if_fail (WK_IS_UPSTREAM_LOOKUP (self));
  g_return_if_fail (email != NULL || badge_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wk_upstream_lookup_find_person_async);
  if (g_get_monotonic_time () < self->down_until)
    {
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_UNAVAILABLE, "%s",
                               _("The service desk system failed a moment ago"));
      return;
    }

  wait = g_new0 (PersonWait, 1);
  wait->self = g_object_ref (self);
  wait->cancel = g_cancellable_new ();
  wait->timeout = g_timeout_source_new (self->budget_ms);
  g_source_set_callback (wait->timeout, person_timeout_cb, wait, NULL);
  g_source_attach (wait->timeout, self->context);
  if (cancellable != NULL)
    {
      wait->caller = g_object_ref (cancellable);
      wait->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (person_cancelled_cb), wait, NULL);
    }
  wait->task = g_steal_pointer (&task);
  wk_upstream_find_person_async (self->upstream, email, badge_id, wait->cancel, person_done_cb, wait);
}

WkUpstreamPerson *
wk_upstream_lookup_find_person_finish (WkUpstreamLookup  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_upstream_lookup_find_person_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_upstream_lookup_forget (WkUpstreamLookup *self)
{
  g_return_if_fail (WK_IS_UPSTREAM_LOOKUP (self));

  g_hash_table_remove_all (self->cache);
  self->down_until = 0;
}

WkUpstream *
wk_upstream_lookup_get_upstream (WkUpstreamLookup *self)
{
  g_return_val_if_fail (WK_IS_UPSTREAM_LOOKUP (self), NULL);

  return self->upstream;
}

guint
wk_upstream_lookup_get_budget_ms (WkUpstreamLookup *self)
{
  g_return_val_if_fail (WK_IS_UPSTREAM_LOOKUP (self), 0);

  return self->budget_ms;
}

static void
wk_upstream_lookup_dispose (GObject *object)
{
  WkUpstreamLookup *self = WK_UPSTREAM_LOOKUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->upstream);

  G_OBJECT_CLASS (wk_upstream_lookup_parent_class)->dispose (object);
}

static void
wk_upstream_lookup_finalize (GObject *object)
{
  WkUpstreamLookup *self = WK_UPSTREAM_LOOKUP (object);

  g_hash_table_unref (self->cache);
  g_hash_table_unref (self->fetches);
  g_clear_object (&self->cancellable);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (wk_upstream_lookup_parent_class)->finalize (object);
}

static void
wk_upstream_lookup_class_init (WkUpstreamLookupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wk_upstream_lookup_dispose;
  object_class->finalize = wk_upstream_lookup_finalize;
}

static void
wk_upstream_lookup_init (WkUpstreamLookup *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = g_cancellable_new ();
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_entry_free);
  self->fetches = g_hash_table_new (g_str_hash, g_str_equal);
  self->budget_ms = WK_UPSTREAM_LOOKUP_DEFAULT_BUDGET_MS;
  self->cache_s = WK_UPSTREAM_LOOKUP_DEFAULT_CACHE_S;
}

WkUpstreamLookup *
wk_upstream_lookup_new (WkUpstream *upstream,
                        guint       budget_ms,
                        guint       cache_s)
{
  WkUpstreamLookup *self;

  g_return_val_if_fail (WK_IS_UPSTREAM (upstream), NULL);

  self = g_object_new (WK_TYPE_UPSTREAM_LOOKUP, NULL);
  self->upstream = g_object_ref (upstream);
  if (budget_ms > 0)
    self->budget_ms = budget_ms;
  if (cache_s > 0)
    self->cache_s = cache_s;
  return self;
}
