/* wk-notifier.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-notifier"

#include "config.h"

#include "wk-notifier.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#define PROBE_TIMEOUT_MS 3000

struct _WkNotifier
{
  GObject          parent_instance;

  GtkWidget       *target;         /* weak */
  WkNotifierState  state;
  GCancellable    *cancellable;    /* owned */
  GPtrArray       *pending;        /* owned, of Pending, while probing */
  GHashTable      *shown;          /* owned: key → NotifyNotification */
  guint            n_shown;
};

G_DEFINE_FINAL_TYPE (WkNotifier, wk_notifier, G_TYPE_OBJECT)

typedef struct {
  char     *key;
  char     *summary;
  char     *body;
  char     *default_action;
  char     *button_label;
  char     *button_action;
  gboolean  urgent;
} Pending;

static void
pending_free (Pending *p)
{
  g_free (p->key);
  g_free (p->summary);
  g_free (p->body);
  g_free (p->default_action);
  g_free (p->button_label);
  g_free (p->button_action);
  g_free (p);
}

/* Once per process: the log should say it, not shout it every time. */
static void
log_unavailable_once (const char *why)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_message ("Desktop notifications are off: %s", why);
      g_once_init_leave (&once, 1);
    }
}

typedef struct {
  GWeakRef  target;
  char     *action;   /* detailed */
} ActionData;

static void
action_data_free (gpointer data)
{
  ActionData *a = data;

  g_weak_ref_clear (&a->target);
  g_free (a->action);
  g_free (a);
}

static void
action_cb (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  ActionData *a = user_data;
  g_autoptr(GtkWidget) target = g_weak_ref_get (&a->target);
  g_autofree char *name = NULL;
  g_autoptr(GVariant) parameter = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root;

  if (target == NULL)
    return;
  if (!g_action_parse_detailed_name (a->action, &name, &parameter, &error))
    {
      g_warning ("Bad notification action “%s”: %s", a->action, error->message);
      return;
    }
  root = gtk_widget_get_root (target);
  if (GTK_IS_WINDOW (root))
    gtk_window_present (GTK_WINDOW (root));
  gtk_widget_activate_action_variant (target, name, parameter);
}

typedef struct {
  WkNotifier         *self;           /* owned */
  NotifyNotification *notification;   /* owned */
} Closed;

/* On the main thread: forgets @notification, unless its key shows another. */
static gboolean
forget_closed (gpointer data)
{
  Closed *c = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, c->self->shown);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer) c->notification)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
  g_object_unref (c->notification);
  g_object_unref (c->self);
  g_free (c);
  return G_SOURCE_REMOVE;
}

/* "closed" comes from the server's signal on the main thread, or (through
 * the notification portal) from the worker's close: the table is the main
 * thread's, so the work goes there (an idle of the global default main
 * context runs on the main thread, whoever adds it). */
static void
closed_cb (NotifyNotification *notification,
           gpointer            user_data)
{
  Closed *c = g_new0 (Closed, 1);

  c->self = g_object_ref (user_data);
  c->notification = g_object_ref (notification);
  g_idle_add_full (G_PRIORITY_DEFAULT, forget_closed, c, NULL);
}

/* ---- the worker ------------------------------------------------------------
 * libnotify's show and close are synchronous D-Bus calls that wait for the
 * notification server (100–260 ms were seen with a busy one), so they run
 * in order on one worker thread, never on the main loop.  GDBusProxy is
 * thread-safe; libnotify makes its proxy on first use, here on the worker,
 * which has no thread-default main context: the proxy's signals (action
 * invoked, notification closed) are delivered on the global default one,
 * the main thread's, as are the notification's "action" and "closed". */

typedef struct {
  WkNotifier         *self;           /* owned */
  NotifyNotification *notification;   /* owned */
  char               *key;            /* NULL for a close */
  gboolean            shown;
  GError             *error;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->self);
  g_object_unref (job->notification);
  g_free (job->key);
  g_clear_error (&job->error);
  g_free (job);
}

/* On the main thread: a close done, or the server's answer to a show. */
static gboolean
job_done_cb (gpointer data)
{
  Job *job = data;
  WkNotifier *self = job->self;

  /* a show, the notifier not disposed since */
  if (job->key != NULL && self->cancellable != NULL)
    {
      if (job->shown)
        self->n_shown++;
      else
        {
          log_unavailable_once (job->error->message);
          self->state = WK_NOTIFIER_STATE_UNAVAILABLE;
          if (g_hash_table_lookup (self->shown, job->key) == job->notification)
            g_hash_table_remove (self->shown, job->key);
        }
    }
  job_free (job);
  return G_SOURCE_REMOVE;
}

static void
run_job (gpointer data,
         gpointer pool_data)
{
  Job *job = data;

  if (job->key == NULL)
    notify_notification_close (job->notification, NULL);
  else
    job->shown = notify_notification_show (job->notification, &job->error);
  /* back to the main thread, which also drops the references: an idle of
   * the global default context runs there, whoever adds it */
  g_idle_add_full (G_PRIORITY_DEFAULT, job_done_cb, job, NULL);
}

static void
queue_job (WkNotifier         *self,
           NotifyNotification *notification,
           const char         *key)
{
  static GThreadPool *worker = NULL;
  Job *job = g_new0 (Job, 1);

  /* one thread, jobs in order: a close follows the show it closes */
  if (g_once_init_enter (&worker))
    g_once_init_leave (&worker, g_thread_pool_new (run_job, NULL, 1, FALSE, NULL));
  job->self = g_object_ref (self);
  job->notification = g_object_ref (notification);
  job->key = g_strdup (key);
  g_thread_pool_push (worker, job, NULL);
}

/* Closes the notification shown under @key, if any. */
static void
close_shown (WkNotifier *self,
             const char *key)
{
  NotifyNotification *notification = g_hash_table_lookup (self->shown, key);

  if (notification != NULL)
    {
      queue_job (self, notification, NULL);
      g_hash_table_remove (self->shown, key);
    }
}

static void
add_action (NotifyNotification *notification,
            WkNotifier         *self,
            const char         *id,
            const char         *label,
            const char         *detailed)
{
  ActionData *a = g_new0 (ActionData, 1);

  g_weak_ref_init (&a->target, self->target);
  a->action = g_strdup (detailed);
  notify_notification_add_action (notification, id, label, action_cb, a, action_data_free);
}

static void
show_now (WkNotifier *self,
          Pending    *p)
{
  NotifyNotification *notification;
  const char *key;

  notification = notify_notification_new (p->summary, p->body, APPLICATION_ID);
  notify_notification_set_app_name (notification, _("Walkup"));
  notify_notification_set_hint_string (notification, "desktop-entry", APPLICATION_ID);
  notify_notification_set_urgency (notification,
                                   p->urgent ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
  if (p->default_action != NULL)
    add_action (notification, self, "default", _("Open"), p->default_action);
  if (p->button_action != NULL && p->button_label != NULL)
    add_action (notification, self, "button", p->button_label, p->button_action);

  /* replace an earlier one about the same thing, then show this one; it
   * counts as shown (withdrawing closes it) until the server refuses it */
  key = p->key != NULL ? p->key : "";
  close_shown (self, key);
  g_signal_connect_object (notification, "closed", G_CALLBACK (closed_cb), self, 0);
  g_hash_table_replace (self->shown, g_strdup (key), notification);
  queue_job (self, notification, key);
}

static void
probe_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(WkNotifier) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (reply == NULL)
    {
      log_unavailable_once (error->message);
      self->state = WK_NOTIFIER_STATE_UNAVAILABLE;
      g_ptr_array_set_size (self->pending, 0);
      return;
    }

  if (!notify_is_initted () && !notify_init ("Walkup"))
    {
      log_unavailable_once ("libnotify could not start");
      self->state = WK_NOTIFIER_STATE_UNAVAILABLE;
      g_ptr_array_set_size (self->pending, 0);
      return;
    }

  self->state = WK_NOTIFIER_STATE_AVAILABLE;
  for (guint i = 0; i < self->pending->len && self->state == WK_NOTIFIER_STATE_AVAILABLE; i++)
    show_now (self, g_ptr_array_index (self->pending, i));
  g_ptr_array_set_size (self->pending, 0);
}

static void
bus_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(WkNotifier) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (bus == NULL)
    {
      log_unavailable_once (error->message);
      self->state = WK_NOTIFIER_STATE_UNAVAILABLE;
      g_ptr_array_set_size (self->pending, 0);
      return;
    }

  g_dbus_connection_call (bus,
                          "org.freedesktop.Notifications",
                          "/org/freedesktop/Notifications",
                          "org.freedesktop.Notifications",
                          "GetServerInformation",
                          NULL, G_VARIANT_TYPE ("(ssss)"),
                          G_DBUS_CALL_FLAGS_NONE, PROBE_TIMEOUT_MS,
                          self->cancellable, probe_cb, g_object_ref (self));
}

void
wk_notifier_show (WkNotifier *self,
                  const char *key,
                  const char *summary,
                  const char *body,
                  const char *default_action,
                  const char *button_label,
                  const char *button_action,
                  gboolean    urgent)
{
  Pending *p;

  g_return_if_fail (WK_IS_NOTIFIER (self));
  g_return_if_fail (summary != NULL);

  if (self->state == WK_NOTIFIER_STATE_UNAVAILABLE)
    return;

  p = g_new0 (Pending, 1);
  p->key = g_strdup (key);
  p->summary = g_strdup (summary);
  p->body = g_strdup (body);
  p->default_action = g_strdup (default_action);
  p->button_label = g_strdup (button_label);
  p->button_action = g_strdup (button_action);
  p->urgent = urgent;

  if (self->state == WK_NOTIFIER_STATE_AVAILABLE)
    {
      show_now (self, p);
      pending_free (p);
      return;
    }

  g_ptr_array_add (self->pending, p);
  if (self->state == WK_NOTIFIER_STATE_UNKNOWN)
    {
      self->state = WK_NOTIFIER_STATE_PROBING;
      g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, bus_cb, g_object_ref (self));
    }
}

void
wk_notifier_withdraw (WkNotifier *self,
                      const char *key)
{
  g_return_if_fail (WK_IS_NOTIFIER (self));

  close_shown (self, key != NULL ? key : "");
}

WkNotifierState
wk_notifier_get_state (WkNotifier *self)
{
  g_return_val_if_fail (WK_IS_NOTIFIER (self), WK_NOTIFIER_STATE_UNKNOWN);
  return self->state;
}

guint
wk_notifier_get_n_shown (WkNotifier *self)
{
  g_return_val_if_fail (WK_IS_NOTIFIER (self), 0);
  return self->n_shown;
}

static void
wk_notifier_dispose (GObject *object)
{
  WkNotifier *self = WK_NOTIFIER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->target);
  if (self->shown != NULL)
    g_hash_table_remove_all (self->shown);

  G_OBJECT_CLASS (wk_notifier_parent_class)->dispose (object);
}

static void
wk_notifier_finalize (GObject *object)
{
  WkNotifier *self = WK_NOTIFIER (object);

  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);

  G_OBJECT_CLASS (wk_notifier_parent_class)->finalize (object);
}

static void
wk_notifier_class_init (WkNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wk_notifier_dispose;
  object_class->finalize = wk_notifier_finalize;
}

static void
wk_notifier_init (WkNotifier *self)
{
  self->cancellable = g_cancellable_new ();
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

WkNotifier *
wk_notifier_new (GtkWidget *target)
{
  WkNotifier *self = g_object_new (WK_TYPE_NOTIFIER, NULL);

  g_set_weak_pointer (&self->target, target);
  return self;
}
