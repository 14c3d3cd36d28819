/* wk-remote-desk.c
 *
 * One generic request (call_async) serves every operation: a method, a
 * path with its query, an optional JSON body and what the answer decodes
 * to.  Event listeners each hold one WebSocket to the hub.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-remote-desk"

#include "config.h"

#include "wk-remote-desk.h"

#include "wk-announcement.h"
#include "wk-error.h"
#include "wk-http.h"
#include "wk-json.h"
#include "wk-identity.h"
#include "wk-lounge.h"
#include "wk-survey.h"
#include "wk-validate.h"
#include "wk-visit.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#define REQUEST_TIMEOUT_S 15

typedef struct _Listener Listener;

struct _WkRemoteDesk
{
  GObject       parent_instance;

  char         *base_url;      /* without a trailing slash */
  char         *token;         /* owned; never logged */
  SoupSession  *session;       /* owned: the hub client's one session */
  GMainContext *context;       /* owned: where the session lives */
  GCancellable *cancellable;   /* owned; cancelled on dispose */
  GHashTable   *listeners;     /* owned: id → Listener */
  guint         next_listener;
  guint         signal_listener;
  gboolean      online;

  /* the offline outbox (see the header) */
  WkOutbox     *outbox;          /* owned, or NULL */
  gulong        pending_handler;
  gulong        refused_handler;
  GStrv         refusals;        /* owned: what the hub refused, in words */
  GHashTable   *waiters;         /* owned: outbox row id → Waiter */
  gboolean      flushing;        /* a delivery pass is under way */
  guint         flush_empty_passes;
  guint         flush_retry_id;
  guint         flush_backoff_s;
  guint         refresh_id;      /* the cached directory's refresh timer */
};

static void wk_remote_desk_desk_iface_init (WkDeskInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WkRemoteDesk, wk_remote_desk, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WK_TYPE_DESK, wk_remote_desk_desk_iface_init))

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TOKEN,
  PROP_ONLINE,
  PROP_PENDING_COUNT,
  PROP_REFUSED_COUNT,
  PROP_REFUSALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DISMISS_REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void restart_signal_listener (WkRemoteDesk *self);
static void kick_flush              (WkRemoteDesk *self);

static void
set_online (WkRemoteDesk *self,
            gboolean      online)
{
  if (self->online == online)
    return;
  self->online = online;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE]);

  /* the hub is back: deliver now rather than after the backoff */
  if (online && self->outbox != NULL && !self->flushing && self->flush_retry_id != 0)
    {
      self->flush_backoff_s = 0;
      kick_flush (self);
    }
}

/* ---- requests -------------------------------------------------------------- */

typedef enum {
  ANSWER_OBJECT,     /* a domain object of Call.type */
  ANSWER_ITEMS,      /* {"items": [...]} of Call.type */
  ANSWER_METRICS,
  ANSWER_ESTIMATE,
} AnswerKind;

typedef struct {
  SoupMessage *msg;    /* owned */
  AnswerKind   kind;
  GType        type;
} Call;

static void
call_free (gpointer data)
{
  Call *call = data;

  g_clear_object (&call->msg);
  g_free (call);
}

static char *
escape (const char *text)
{
  return g_uri_escape_string (text, NULL, FALSE);
}

static gboolean
return_invalid_id (GTask      *task,
                   const char *label,
                   gint64      id)
{
  GError *error = NULL;

  if (wk_validate_id (label, id, &error))
    return FALSE;
  g_task_return_error (task, error);
  return TRUE;
}

static GTask *
new_task (WkRemoteDesk        *self,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  return task;
}

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Call *call = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  WkRemoteDesk *self;
  const char *data;
  gsize length = 0;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      self = g_task_get_source_object (task);
      set_online (self, FALSE);
      if (error->domain == G_TLS_ERROR)
        g_task_return_new_error (task, WK_ERROR, WK_ERROR_UNAVAILABLE,
                                 /* Translators: %s says why (from the network library) */
                                 _("The hub’s TLS certificate is not trusted, so it was not contacted: %s"),
                                 error->message);
      else
        g_task_return_new_error (task, WK_ERROR, WK_ERROR_UNAVAILABLE,
                                 /* Translators: %s says why (from the network library) */
                                 _("The hub cannot be reached: %s"), error->message);
      return;
    }

  self = g_task_get_source_object (task);
  status = soup_message_get_status (call->msg);
  set_online (self, status != SOUP_STATUS_SERVICE_UNAVAILABLE);

  data = g_bytes_get_data (bytes, &length);
  if (length > 0)
    node = wk_json_parse (data, length, NULL);

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_autoptr(GError) answer = NULL;

      wk_json_read_error (node, &answer);
      wk_http_status_to_error (status, answer != NULL ? answer->message : NULL, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (node == NULL)
    {
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_FAILED,
                               _("The hub answered something that is not JSON"));
      return;
    }

  switch (call->kind)
    {
    case ANSWER_OBJECT:
      {
        gpointer object = wk_json_to_object (node, call->type, &error);

        if (object == NULL)
          break;
        if (g_task_get_source_tag (task) == wk_desk_sign_in_async)
          wk_remote_desk_set_token (self, wk_session_get_token (object));
        g_task_return_pointer (task, object, g_object_unref);
        return;
      }
    case ANSWER_ITEMS:
      {
        GListModel *list = wk_json_to_items (node, call->type, &error);

        if (list == NULL)
          break;
        g_task_return_pointer (task, list, g_object_unref);
        return;
      }
    case ANSWER_METRICS:
      {
        WkMetrics *metrics = wk_json_to_metrics (node, &error);

        if (metrics == NULL)
          break;
        g_task_return_pointer (task, metrics, (GDestroyNotify) wk_metrics_free);
        return;
      }
    case ANSWER_ESTIMATE:
      {
        int minutes = 0;
        guint people = 0;

        if (!wk_json_to_wait_estimate (node, &minutes, &people, &error))
          break;
        g_task_return_pointer (task, wk_wait_estimate_new (minutes, people), g_free);
        return;
      }
    default:
      g_assert_not_reached ();
    }

  /* a 2xx answer we cannot read: a hub of another version */
  g_prefix_error_literal (&error, _("The hub’s answer could not be read: "));
  error->domain = WK_ERROR;
  error->code = WK_ERROR_FAILED;
  g_task_return_error (task, g_steal_pointer (&error));
}

static SoupMessage *
new_message (WkRemoteDesk  *self,
             const char    *method,
             const char    *path_and_query,
             GError       **error)
{
  g_autofree char *text = g_strconcat (self->base_url, path_and_query, NULL);
  g_autoptr(GUri) uri = g_uri_parse (text, SOUP_HTTP_URI_FLAGS, error);
  SoupMessage *msg;

  if (uri == NULL)
    return NULL;
  msg = soup_message_new_from_uri (method, uri);
  if (self->token != NULL)
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", self->token);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", value);
      explicit_bzero (value, strlen (value));
    }
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept",
                                "application/json");
  return msg;
}

/* Sends the request for @task (takes it); @body may be NULL. */
static void
call_async (WkRemoteDesk *self,
            GTask        *task,
            const char   *method,
            const char   *path_and_query,
            JsonNode     *body,
            AnswerKind    kind,
            GType         type)
{
  g_autoptr(GError) error = NULL;
  Call *call;

  call = g_new0 (Call, 1);
  call->kind = kind;
  call->type = type;
  call->msg = new_message (self, method, path_and_query, &error);
  g_task_set_task_data (task, call, call_free);
  if (call->msg == NULL)
    {
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_INVALID, "%s", error->message);
      g_object_unref (task);
      return;
    }
  if (body != NULL)
    {
      gsize length = 0;
      char *text = wk_json_to_string (body, &length);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);

      soup_message_set_request_body_from_bytes (call->msg, "application/json", bytes);
    }

  /* libsoup sends a POST on a new connection unless told it may be sent
   * again: a kiosk would open (and the hub accept) a connection for every
   * check-in.  A look-up reads only, a check-in or survey carries its
   * client UUID: sent twice, it is stored once. */
  if (g_strcmp0 (method, "POST") == 0 &&
      (strcmp (path_and_query, "/api/v1/identify") == 0 ||
       strcmp (path_and_query, "/api/v1/check-ins") == 0 ||
       strcmp (path_and_query, "/api/v1/surveys") == 0))
    soup_message_add_flags (call->msg, SOUP_MESSAGE_IDEMPOTENT);

  soup_session_send_and_read_async (self->session, call->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), call_done_cb, task);
}

/* A body with only "version" (when not 0). */
static JsonNode *
version_body (gint64 version)
{
  JsonNode *body = wk_json_body_new ();

  if (version > 0)
    wk_json_body_set_int (body, "version", version);
  return body;
}

static void
append_int (GString    *query,
            const char *name,
            gint64      value)
{
  g_string_append_printf (query, "%c%s=%" G_GINT64_FORMAT, query->len == 0 ? '?' : '&', name, value);
}

static void
append_text (GString    *query,
             const char *name,
             const char *value)
{
  g_autofree char *escaped = escape (value);

  g_string_append_printf (query, "%c%s=%s", query->len == 0 ? '?' : '&', name, escaped);
}

/* ---- the offline outbox ---------------------------------------------------------- */

/* A caller waiting for its outbox row to be delivered. */
typedef struct {
  GTask        *task;         /* owned: the caller's check_in, submit_survey,
                               * update_ticket or add_note */
  WkOutboxKind  kind;
  char         *method;
  char         *path;
  JsonNode     *body;         /* owned */
  GObject      *provisional;  /* owned: the answer while the hub is away */
} Waiter;

static void
waiter_free (gpointer data)
{
  Waiter *w = data;

  g_free (w->method);
  g_free (w->path);
  g_clear_pointer (&w->body, json_node_unref);
  g_clear_object (&w->provisional);
  g_clear_object (&w->task);
  g_free (w);
}

/* What the hub answers to a row of @kind. */
static GType
kind_answer_type (WkOutboxKind kind)
{
  switch (kind)
    {
    case WK_OUTBOX_KIND_SURVEY:
      return WK_TYPE_SURVEY;
    case WK_OUTBOX_KIND_TICKET_UPDATE:
      return WK_TYPE_TICKET;
    case WK_OUTBOX_KIND_NOTE:
      return WK_TYPE_NOTE;
    case WK_OUTBOX_KIND_CHECK_IN:
    default:
      return WK_TYPE_VISIT;
    }
}

static const char *
kind_label (WkOutboxKind kind)
{
  switch (kind)
    {
    case WK_OUTBOX_KIND_SURVEY:
      return "survey";
    case WK_OUTBOX_KIND_TICKET_UPDATE:
      return "ticket edit";
    case WK_OUTBOX_KIND_NOTE:
      return "note";
    case WK_OUTBOX_KIND_CHECK_IN:
    default:
      return "check-in";
    }
}

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static WkVisit *
provisional_visit (const WkCheckInRequest *r)
{
  return g_object_new (WK_TYPE_VISIT,
                       "uuid", r->uuid,
                       "lounge-id", MAX (r->lounge_id, 0),
                       "person-id", MAX (r->person_id, 0),
                       "guest-name", r->guest_name,
                       "guest-email", r->guest_email,
                       "ticket-id", MAX (r->ticket_id, 0),
                       "reason", r->reason,
                       "status", WK_VISIT_STATUS_WAITING,
                       "checked-in-at", now_s (),
                       "kiosk", r->kiosk,
                       "identified-by", r->identified_by,
                       "kiosk-ms", MAX (r->kiosk_ms, -1),
                       NULL);
}

static WkSurvey *
provisional_survey (const WkSurveyRequest *r)
{
  return g_object_new (WK_TYPE_SURVEY,
                       "uuid", r->uuid,
                       "visit-id", MAX (r->visit_id, 0),
                       "ticket-id", MAX (r->ticket_id, 0),
                       "lounge-id", MAX (r->lounge_id, 0),
                       "person-id", r->anonymous ? 0 : MAX (r->person_id, 0),
                       "score", MAX (r->score, 0),
                       "resolved", r->resolved,
                       "tags", r->tags,
                       "comment", r->comment,
                       "contact-consent", r->contact_consent,
                       "anonymous", r->anonymous,
                       "language", r->language,
                       "created-at", now_s (),
                       NULL);
}

/* The edited fields only; version 0 says "not yet on the hub". */
static WkTicket *
provisional_ticket (gint64                ticket_id,
                    const WkTicketUpdate *u)
{
  return g_object_new (WK_TYPE_TICKET,
                       "id", ticket_id,
                       "subject", u->subject,
                       "description", u->description,
                       "category", u->category,
                       "status", MAX (u->status, 0),
                       "priority", MAX (u->priority, 0),
                       "assignee-id", MAX (u->assignee_id, 0),
                       "updated-at", now_s (),
                       NULL);
}

static WkNote *
provisional_note (gint64            ticket_id,
                  gint64            author_id,
                  const char       *body,
                  WkNoteVisibility  visibility,
                  const char       *uuid)
{
  return g_object_new (WK_TYPE_NOTE,
                       "ticket-id", ticket_id,
                       "author-id", MAX (author_id, 0),
                       "body", body,
                       "visibility", visibility,
                       "created-at", now_s (),
                       "uuid", uuid,
                       NULL);
}

static void
waiter_answer_provisional (Waiter *w)
{
  g_task_return_pointer (w->task, g_steal_pointer (&w->provisional), g_object_unref);
  waiter_free (w);
}

static Waiter *
steal_waiter (WkRemoteDesk *self,
              gint64        id)
{
  gpointer key = NULL, value = NULL;

  if (!g_hash_table_steal_extended (self->waiters, &id, &key, &value))
    return NULL;
  g_free (key);
  return value;
}

static void
answer_waiters_provisional (WkRemoteDesk *self)
{
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GPtrArray) waiters = g_ptr_array_new ();

  /* answering may queue more: take them all out first */
  g_hash_table_iter_init (&iter, self->waiters);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (waiters, value);
  g_hash_table_remove_all (self->waiters);
  for (guint i = 0; i < waiters->len; i++)
    waiter_answer_provisional (g_ptr_array_index (waiters, i));
}

typedef struct {
  WkRemoteDesk *self;      /* owned */
  WkOutboxItem *item;      /* owned */
  SoupMessage  *msg;       /* owned */
  gpointer      answer;    /* owned: the hub's object, or NULL */
  GError       *error;     /* owned: the hub's refusal, or NULL */
} Delivery;

static void
delivery_free (Delivery *d)
{
  g_clear_object (&d->self);
  g_clear_pointer (&d->item, wk_outbox_item_free);
  g_clear_object (&d->msg);
  g_clear_object (&d->answer);
  g_clear_error (&d->error);
  g_free (d);
}

static void flush_next (WkRemoteDesk *self);

static gboolean
flush_retry_cb (gpointer user_data)
{
  WkRemoteDesk *self = user_data;

  self->flush_retry_id = 0;
  kick_flush (self);
  return G_SOURCE_REMOVE;
}

/* The hub is away or busy: stop, answer whoever waits, try again later. */
static void
flush_hold (WkRemoteDesk *self,
            WkOutboxItem *item,
            const char   *why)
{
  self->flushing = FALSE;
  if (item != NULL && self->outbox != NULL)
    wk_outbox_note_attempt (self->outbox, item->id, why);
  answer_waiters_provisional (self);
  self->flush_backoff_s = self->flush_backoff_s == 0
                          ? 1 : MIN (self->flush_backoff_s * 2, WK_REMOTE_DESK_MAX_BACKOFF_S);
  g_debug ("outbox: %u waiting, next delivery in %u s (%s)",
           self->outbox != NULL ? wk_outbox_get_pending_count (self->outbox) : 0,
           self->flush_backoff_s, why);
  g_clear_handle_id (&self->flush_retry_id, g_source_remove);
  self->flush_retry_id = g_timeout_add_seconds (self->flush_backoff_s, flush_retry_cb, self);
}

static void
flush_dropped_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Delivery *d = user_data;
  WkRemoteDesk *self = d->self;
  g_autoptr(GError) error = NULL;
  gboolean done;
  Waiter *w;

  if (g_task_get_source_tag (G_TASK (result)) == wk_outbox_remove_async)
    done = wk_outbox_remove_finish (WK_OUTBOX (source), result, &error);
  else
    done = wk_outbox_refuse_finish (WK_OUTBOX (source), result, &error);

  w = steal_waiter (self, d->item->id);
  if (w != NULL)
    {
      if (d->answer != NULL)
        g_task_return_pointer (w->task, g_steal_pointer (&d->answer), g_object_unref);
      else
        g_task_return_error (w->task, g_steal_pointer (&d->error));
      waiter_free (w);
    }

  if (!done)
    {
      /* the hub has it, but the row stays: resending it is harmless (same
       * UUID), looping on it is not */
      g_warning ("The outbox could not be updated: %s", error->message);
      flush_hold (self, NULL, error->message);
    }
  else if (WK_OUTBOX (source) == self->outbox)
    flush_next (self);
  else
    self->flushing = FALSE;
  delivery_free (d);
}

static void
flush_sent_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Delivery *d = user_data;
  WkRemoteDesk *self = d->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *data;
  gsize length = 0;
  guint status;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        self->flushing = FALSE;
      else
        {
          set_online (self, FALSE);
          flush_hold (self, d->item, error->message);
        }
      delivery_free (d);
      return;
    }

  status = soup_message_get_status (d->msg);
  set_online (self, status != SOUP_STATUS_SERVICE_UNAVAILABLE);
  if (self->outbox == NULL)
    {
      self->flushing = FALSE;
      delivery_free (d);
      return;
    }
  data = g_bytes_get_data (bytes, &length);
  if (length > 0)
    node = wk_json_parse (data, length, NULL);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      GType type = kind_answer_type (d->item->kind);

      if (node != NULL)
        d->answer = wk_json_to_object (node, type, &d->error);
      else
        g_set_error_literal (&d->error, WK_ERROR, WK_ERROR_FAILED,
                             _("The hub answered something that is not JSON"));
      if (d->error != NULL)
        {
          d->error->domain = WK_ERROR;
          d->error->code = WK_ERROR_FAILED;
        }
      /* delivered: the hub has it, whatever its answer looks like */
      wk_outbox_remove_async (self->outbox, d->item->id, NULL, flush_dropped_cb, d);
      return;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN ||
      status == SOUP_STATUS_REQUEST_TIMEOUT || status == 429 /* too many requests */ ||
      status < 400 || status >= 500)
    {
      g_autofree char *why = g_strdup_printf ("HTTP %u", status);

      flush_hold (self, d->item, why);
      delivery_free (d);
      return;
    }

  /* refused for good */
  {
    g_autoptr(GError) answer = NULL;

    wk_json_read_error (node, &answer);
    wk_http_status_to_error (status, answer != NULL ? answer->message : NULL, &d->error);
  }
  if (g_hash_table_contains (self->waiters, &d->item->id))
    wk_outbox_remove_async (self->outbox, d->item->id, NULL, flush_dropped_cb, d);
  else
    {
      g_warning ("The hub refused a %s from the outbox (%s): %s",
                 kind_label (d->item->kind), d->item->uuid, d->error->message);
      wk_outbox_refuse_async (self->outbox, d->item->id, d->error->message, NULL,
                              flush_dropped_cb, d);
    }
}

static void
flush_next_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(WkRemoteDesk) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkOutboxItem) item = NULL;
  Delivery *d;

  item = wk_outbox_next_finish (WK_OUTBOX (source), result, &error);
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        self->flushing = FALSE;
      else
        {
          g_warning ("The outbox cannot be read: %s", error->message);
          flush_hold (self, NULL, error->message);
        }
      return;
    }
  if (WK_OUTBOX (source) != self->outbox)
    {
      self->flushing = FALSE;
      return;
    }

  if (item == NULL)
    {
      /* a row added while this pass looked may not have been seen yet */
      if (g_hash_table_size (self->waiters) > 0 && self->flush_empty_passes++ == 0)
        {
          flush_next (self);
          return;
        }
      self->flushing = FALSE;
      self->flush_backoff_s = 0;
      answer_waiters_provisional (self);
      return;
    }
  self->flush_empty_passes = 0;

  d = g_new0 (Delivery, 1);
  d->msg = new_message (self, item->method, item->path, &error);
  if (d->msg == NULL)
    {
      g_free (d);
      g_warning ("Cannot deliver the outbox: %s", error->message);
      flush_hold (self, item, error->message);
      return;
    }
  {
    g_autoptr(GBytes) body = g_bytes_new (item->body, strlen (item->body));

    soup_message_set_request_body_from_bytes (d->msg, "application/json", body);
  }
  d->self = g_steal_pointer (&self);
  d->item = g_steal_pointer (&item);
  soup_session_send_and_read_async (d->self->session, d->msg, G_PRIORITY_DEFAULT,
                                    d->self->cancellable, flush_sent_cb, d);
}

static void
flush_next (WkRemoteDesk *self)
{
  wk_outbox_next_async (self->outbox, self->cancellable, flush_next_cb, g_object_ref (self));
}

/* Starts a delivery pass unless one runs. */
static void
kick_flush (WkRemoteDesk *self)
{
  if (self->outbox == NULL || self->flushing || g_cancellable_is_cancelled (self->cancellable))
    return;
  g_clear_handle_id (&self->flush_retry_id, g_source_remove);
  self->flushing = TRUE;
  self->flush_empty_passes = 0;
  flush_next (self);
}

static void
enqueued_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Waiter *w = user_data;
  WkRemoteDesk *self = g_task_get_source_object (w->task);
  g_autoptr(GError) error = NULL;
  gboolean pending = FALSE;
  gint64 id;

  id = wk_outbox_add_finish (WK_OUTBOX (source), result, &pending, &error);
  if (id == 0)
    {
      /* the local file failed: better sent without it than not at all */
      GTask *task = g_steal_pointer (&w->task);

      g_warning ("The outbox failed, sending directly: %s", error->message);
      call_async (self, task, w->method, w->path, w->body, ANSWER_OBJECT, kind_answer_type (w->kind));
      waiter_free (w);
      return;
    }

  /* known to be away (a retry is scheduled), already set aside, or the
   * same UUID waited for twice: the durable write is the answer for now */
  if (!pending || self->flush_retry_id != 0 || WK_OUTBOX (source) != self->outbox ||
      g_hash_table_contains (self->waiters, &id))
    {
      waiter_answer_provisional (w);
      return;
    }
  g_hash_table_insert (self->waiters, g_memdup2 (&id, sizeof id), w);
  kick_flush (self);
}

/* Writes @method @path @body to the outbox, then delivers it (takes
 * @task and @provisional, the answer while the hub is away). */
static void
enqueue (WkRemoteDesk *self,
         GTask        *task,
         WkOutboxKind  kind,
         const char   *uuid,
         const char   *method,
         const char   *path,
         JsonNode     *body,
         gpointer      provisional)
{
  Waiter *w = g_new0 (Waiter, 1);
  g_autofree char *text = wk_json_to_string (body, NULL);

  w->task = task;
  w->kind = kind;
  w->method = g_strdup (method);
  w->path = g_strdup (path);
  w->body = json_node_ref (body);
  w->provisional = provisional;
  wk_outbox_add_async (self->outbox, kind, uuid, method, path, text, NULL, enqueued_cb, w);
}

static void
pending_count_cb (WkRemoteDesk *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_COUNT]);
}

/* ---- what the hub refused ------------------------------------------------------------ */

static const char *
kind_title (WkOutboxKind kind)
{
  switch (kind)
    {
    case WK_OUTBOX_KIND_SURVEY:
      return _("Feedback");
    case WK_OUTBOX_KIND_TICKET_UPDATE:
      return _("Ticket change");
    case WK_OUTBOX_KIND_NOTE:
      return _("Note");
    case WK_OUTBOX_KIND_CHECK_IN:
    default:
      return _("Check-in");
    }
}

static void
refusals_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(WkRemoteDesk) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = wk_outbox_list_refused_finish (WK_OUTBOX (source), result, &error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The refused changes cannot be read: %s", error->message);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    {
      WkOutboxItem *item = g_ptr_array_index (items, i);

      /* Translators: what was refused (e.g. "Ticket change"), then the hub's reason */
      g_autofree char *line = g_strdup_printf (_("%s: %s"), kind_title (item->kind),
                                               item->last_error != NULL ? item->last_error : "");

      g_strv_builder_add (builder, line);
    }
  g_clear_pointer (&self->refusals, g_strfreev);
  self->refusals = g_strv_builder_end (builder);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSALS]);
}

static void
refused_count_cb (WkRemoteDesk *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSED_COUNT]);
  if (self->outbox == NULL && self->refusals != NULL)
    {
      g_clear_pointer (&self->refusals, g_strfreev);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSALS]);
    }
  if (self->outbox != NULL)
    wk_outbox_list_refused_async (self->outbox, self->cancellable, refusals_listed_cb,
                                  g_object_ref (self));
}

static void
dismissed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!wk_outbox_dismiss_refused_finish (WK_OUTBOX (source), result, &error))
    g_warning ("The refused changes cannot be dismissed: %s", error->message);
}

static void
real_dismiss_refused (WkRemoteDesk *self)
{
  if (self->outbox != NULL)
    wk_outbox_dismiss_refused_async (self->outbox, 0, NULL, dismissed_cb, NULL);
}

/* ---- the cached directory ----------------------------------------------------------- */

typedef struct {
  char   *by;      /* schema string */
  char   *value;
  GError *error;   /* owned: why the hub could not answer */
} Lookup;

static void
lookup_free (gpointer data)
{
  Lookup *lk = data;

  g_free (lk->by);
  if (lk->value != NULL)
    explicit_bzero (lk->value, strlen (lk->value));
  g_free (lk->value);
  g_clear_error (&lk->error);
  g_free (lk);
}

static void
identify_cached_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Lookup *lk = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  WkIdentity *identity = NULL;

  text = wk_outbox_lookup_identity_finish (WK_OUTBOX (source), result, &error);
  if (text != NULL && (node = wk_json_parse (text, -1, &error)) != NULL)
    identity = wk_json_to_object (node, WK_TYPE_IDENTITY, &error);
  if (identity == NULL)
    {
      if (error != NULL && !g_error_matches (error, WK_ERROR, WK_ERROR_NOT_FOUND))
        g_warning ("The directory cache failed: %s", error->message);
      g_task_return_error (task, g_steal_pointer (&lk->error));
      return;
    }
  g_debug ("identify answered from the directory cache");
  g_task_return_pointer (task, identity, g_object_unref);
}

static void
identify_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WkRemoteDesk *self = WK_REMOTE_DESK (source);
  Lookup *lk = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  WkIdentity *identity;

  identity = g_task_propagate_pointer (G_TASK (result), &error);
  if (identity != NULL)
    {
      if (self->outbox != NULL)
        {
          g_autoptr(JsonNode) node = wk_json_from_object (identity);
          g_autofree char *text = wk_json_to_string (node, NULL);

          wk_outbox_cache_identity (self->outbox, lk->by, lk->value, text);
        }
      g_task_return_pointer (task, identity, g_object_unref);
      return;
    }

  if (self->outbox != NULL && g_error_matches (error, WK_ERROR, WK_ERROR_UNAVAILABLE))
    {
      GCancellable *cancellable = g_task_get_cancellable (task);

      lk->error = g_steal_pointer (&error);
      wk_outbox_lookup_identity_async (self->outbox, lk->by, lk->value,
                                       WK_REMOTE_DESK_DIRECTORY_MAX_AGE_S, cancellable,
                                       identify_cached_cb, g_steal_pointer (&task));
      return;
    }
  if (self->outbox != NULL && g_error_matches (error, WK_ERROR, WK_ERROR_NOT_FOUND))
    wk_outbox_forget_identity (self->outbox, lk->by, lk->value);
  g_task_return_error (task, g_steal_pointer (&error));
}

/* ---- operations ---------------------------------------------------------------- */

static void
wk_remote_desk_identify (WkDesk              *desk,
                         WkIdentifiedBy       by,
                         const char          *value,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_identify_async, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = wk_json_body_new ();
  const char *by_name = wk_identified_by_to_string (by);
  Lookup *lk;
  GTask *outer;

  wk_json_body_set_enum (body, "by", WK_TYPE_IDENTIFIED_BY, by);
  wk_json_body_set_string (body, "value", value);
  if (self->outbox == NULL || by_name == NULL || value == NULL)
    {
      call_async (self, task, "POST", "/api/v1/identify", body, ANSWER_OBJECT, WK_TYPE_IDENTITY);
      return;
    }

  /* through the cached directory: @task answers the caller, an inner task
   * the request */
  lk = g_new0 (Lookup, 1);
  lk->by = g_strdup (by_name);
  lk->value = g_strdup (value);
  g_task_set_task_data (task, lk, lookup_free);
  outer = task;
  task = new_task (self, wk_desk_identify_async, cancellable, identify_done_cb, outer);
  call_async (self, task, "POST", "/api/v1/identify", body, ANSWER_OBJECT, WK_TYPE_IDENTITY);
}

static void
wk_remote_desk_check_in (WkDesk                 *desk,
                         const WkCheckInRequest *request,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_check_in_async, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = wk_json_from_check_in_request (request);
  GError *error = NULL;

  if (self->outbox == NULL)
    {
      call_async (self, task, "POST", "/api/v1/check-ins", body, ANSWER_OBJECT, WK_TYPE_VISIT);
      return;
    }

  /* what a provisional answer needs; the hub checks the rest */
  if (!wk_validate_uuid (request->uuid, &error) ||
      !wk_validate_id (_("The lounge"), request->lounge_id, &error))
    {
      /* the validator set the error */
    }
  else if (wk_identified_by_to_string (request->identified_by) == NULL)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID,
                         _("Say how the person identified: badge, email, employee number or ticket reference"));
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  enqueue (self, task, WK_OUTBOX_KIND_CHECK_IN, request->uuid, "POST", "/api/v1/check-ins", body,
           provisional_visit (request));
}

static void
wk_remote_desk_list_queue (WkDesk              *desk,
                           gint64               lounge_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_list_queue_async, cancellable, callback, user_data);
  g_autoptr(GString) path = g_string_new (NULL);

  if (return_invalid_id (task, _("The lounge"), lounge_id))
    {
      g_object_unref (task);
      return;
    }
  append_int (path, "lounge_id", lounge_id);
  g_string_prepend (path, "/api/v1/queue");
  call_async (self, task, "GET", path->str, NULL, ANSWER_ITEMS, WK_TYPE_VISIT);
}

/* POST /api/v1/visits/{id}/@action with @body. */
static void
visit_action (WkRemoteDesk        *self,
              gpointer             source_tag,
              gint64               visit_id,
              const char          *action,
              JsonNode            *body,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = new_task (self, source_tag, cancellable, callback, user_data);
  g_autofree char *path = NULL;

  if (return_invalid_id (task, _("The visit"), visit_id))
    {
      g_object_unref (task);
      return;
    }
  path = g_strdup_printf ("/api/v1/visits/%" G_GINT64_FORMAT "/%s", visit_id, action);
  call_async (self, task, "POST", path, body, ANSWER_OBJECT, WK_TYPE_VISIT);
}

static void
wk_remote_desk_pick_up (WkDesk              *desk,
                        gint64               visit_id,
                        gint64               expected_version,
                        gint64               engineer_id,
                        const char          *desk_name,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(JsonNode) body = version_body (expected_version);

  if (desk_name != NULL)
    wk_json_body_set_string (body, "desk", desk_name);
  visit_action (WK_REMOTE_DESK (desk), wk_desk_pick_up_async, visit_id, "pick-up", body,
                cancellable, callback, user_data);
}

static void
wk_remote_desk_start_service (WkDesk              *desk,
                              gint64               visit_id,
                              gint64               expected_version,
                              gint64               engineer_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(JsonNode) body = version_body (expected_version);

  visit_action (WK_REMOTE_DESK (desk), wk_desk_start_service_async, visit_id, "start", body,
                cancellable, callback, user_data);
}

static void
wk_remote_desk_finish_visit (WkDesk              *desk,
                             gint64               visit_id,
                             gint64               expected_version,
                             gint64               engineer_id,
                             WkOutcome            outcome,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(JsonNode) body = version_body (expected_version);

  wk_json_body_set_enum (body, "outcome", WK_TYPE_OUTCOME, outcome);
  visit_action (WK_REMOTE_DESK (desk), wk_desk_finish_visit_async, visit_id, "finish", body,
                cancellable, callback, user_data);
}

static void
wk_remote_desk_cancel_visit (WkDesk              *desk,
                             gint64               visit_id,
                             gint64               expected_version,
                             gint64               actor_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(JsonNode) body = version_body (expected_version);

  visit_action (WK_REMOTE_DESK (desk), wk_desk_cancel_visit_async, visit_id, "cancel", body,
                cancellable, callback, user_data);
}

static void
wk_remote_desk_mark_left (WkDesk              *desk,
                          gint64               visit_id,
                          gint64               expected_version,
                          gint64               actor_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(JsonNode) body = version_body (expected_version);

  visit_action (WK_REMOTE_DESK (desk), wk_desk_mark_left_async, visit_id, "left", body,
                cancellable, callback, user_data);
}

static void
wk_remote_desk_requeue_visit (WkDesk              *desk,
                              gint64               visit_id,
                              gint64               expected_version,
                              gint64               engineer_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(JsonNode) body = version_body (expected_version);

  visit_action (WK_REMOTE_DESK (desk), wk_desk_requeue_visit_async, visit_id, "requeue", body,
                cancellable, callback, user_data);
}

static void
wk_remote_desk_search_tickets (WkDesk              *desk,
                               const WkTicketQuery *query,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_search_tickets_async, cancellable, callback, user_data);
  g_autoptr(GString) path = g_string_new (NULL);

  if (query->text != NULL)
    append_text (path, "text", query->text);
  if (query->requester_id != 0)
    append_int (path, "requester_id", query->requester_id);
  if (query->status != -1)
    {
      const char *status = wk_ticket_status_to_string (query->status);

      /* not a status: let the hub say so */
      append_text (path, "status", status != NULL ? status : "");
    }
  if (query->assignee_id != 0)
    append_int (path, "assignee_id", query->assignee_id);
  if (query->lounge_id != 0)
    append_int (path, "lounge_id", query->lounge_id);
  if (query->limit != 0)
    append_int (path, "limit", MIN (query->limit, WK_TICKET_QUERY_MAX_LIMIT));
  if (query->after_id != 0)
    {
      append_int (path, "after_updated_at", query->after_updated_at);
      append_int (path, "after_id", query->after_id);
    }
  g_string_prepend (path, "/api/v1/tickets");
  call_async (self, task, "GET", path->str, NULL, ANSWER_ITEMS, WK_TYPE_TICKET);
}

static void
wk_remote_desk_get_ticket (WkDesk              *desk,
                           gint64               ticket_id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_get_ticket_async, cancellable, callback, user_data);
  g_autofree char *path = NULL;

  if (return_invalid_id (task, _("The ticket"), ticket_id))
    {
      g_object_unref (task);
      return;
    }
  path = g_strdup_printf ("/api/v1/tickets/%" G_GINT64_FORMAT, ticket_id);
  call_async (self, task, "GET", path, NULL, ANSWER_OBJECT, WK_TYPE_TICKET);
}

static void
wk_remote_desk_update_ticket (WkDesk               *desk,
                              gint64                ticket_id,
                              gint64                expected_version,
                              const WkTicketUpdate *update,
                              gint64                actor_id,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_update_ticket_async, cancellable, callback, user_data);
  g_autoptr(WkTicketUpdate) keyed = wk_ticket_update_copy (update);
  g_autoptr(JsonNode) fields = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  if (return_invalid_id (task, _("The ticket"), ticket_id))
    {
      g_object_unref (task);
      return;
    }
  if (keyed->uuid != NULL && !wk_validate_uuid (keyed->uuid, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  /* the edit's own UUID, made here once, so that a resend applies once */
  if (keyed->uuid == NULL && self->outbox != NULL)
    keyed->uuid = g_uuid_string_random ();
  fields = wk_json_from_ticket_update (keyed);
  body = wk_json_body_copy (fields);
  if (expected_version > 0)
    wk_json_body_set_int (body, "version", expected_version);
  path = g_strdup_printf ("/api/v1/tickets/%" G_GINT64_FORMAT, ticket_id);
  if (self->outbox == NULL)
    call_async (self, task, "PATCH", path, body, ANSWER_OBJECT, WK_TYPE_TICKET);
  else
    enqueue (self, task, WK_OUTBOX_KIND_TICKET_UPDATE, keyed->uuid, "PATCH", path, body,
             provisional_ticket (ticket_id, keyed));
}

static void
wk_remote_desk_add_note (WkDesk              *desk,
                         gint64               ticket_id,
                         gint64               author_id,
                         const char          *text,
                         WkNoteVisibility     visibility,
                         const char          *uuid,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_add_note_async, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = wk_json_body_new ();
  g_autofree char *path = NULL;
  g_autofree char *key = g_strdup (uuid);
  GError *error = NULL;

  if (return_invalid_id (task, _("The ticket"), ticket_id))
    {
      g_object_unref (task);
      return;
    }
  /* what a provisional answer needs; the hub checks the rest */
  if ((key != NULL && !wk_validate_uuid (key, &error)) ||
      (self->outbox != NULL && !wk_validate_text (_("The note"), text, WK_MAX_NOTE, TRUE, &error)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (key == NULL && self->outbox != NULL)
    key = g_uuid_string_random ();
  wk_json_body_set_string (body, "body", text);
  wk_json_body_set_enum (body, "visibility", WK_TYPE_NOTE_VISIBILITY, visibility);
  if (key != NULL)
    wk_json_body_set_string (body, "uuid", key);
  path = g_strdup_printf ("/api/v1/tickets/%" G_GINT64_FORMAT "/notes", ticket_id);
  if (self->outbox == NULL)
    call_async (self, task, "POST", path, body, ANSWER_OBJECT, WK_TYPE_NOTE);
  else
    enqueue (self, task, WK_OUTBOX_KIND_NOTE, key, "POST", path, body,
             provisional_note (ticket_id, author_id, text, visibility, key));
}

static void
wk_remote_desk_acknowledge_conflict (WkDesk              *desk,
                                     gint64               ticket_id,
                                     gint64               conflict_id,
                                     gint64               actor_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_acknowledge_conflict_async, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = wk_json_body_new ();
  g_autofree char *path = NULL;

  if (return_invalid_id (task, _("The ticket"), ticket_id) ||
      return_invalid_id (task, _("The conflict"), conflict_id))
    {
      g_object_unref (task);
      return;
    }
  wk_json_body_set_int (body, "conflict_id", conflict_id);
  path = g_strdup_printf ("/api/v1/tickets/%" G_GINT64_FORMAT "/conflict/acknowledge", ticket_id);
  call_async (self, task, "POST", path, body, ANSWER_OBJECT, WK_TYPE_TICKET);
}

static void
wk_remote_desk_list_hardware (WkDesk              *desk,
                              gint64               person_id,
                              gint64               lounge_id,
                              int                  status,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_list_hardware_async, cancellable, callback, user_data);
  g_autoptr(GString) path = g_string_new (NULL);

  if (person_id != 0)
    append_int (path, "person_id", person_id);
  if (lounge_id != 0)
    append_int (path, "lounge_id", lounge_id);
  if (status >= 0)
    {
      const char *name = wk_enum_to_string (WK_TYPE_HARDWARE_STATUS, status);

      if (name == NULL)
        {
          g_task_return_new_error (task, WK_ERROR, WK_ERROR_INVALID,
                                   _("“%s” must be one of: %s"), "status",
                                   "preparing, ready, collected, cancelled");
          g_object_unref (task);
          return;
        }
      append_text (path, "status", name);
    }
  g_string_prepend (path, "/api/v1/hardware");
  call_async (self, task, "GET", path->str, NULL, ANSWER_ITEMS, WK_TYPE_HARDWARE);
}

static void
wk_remote_desk_add_hardware (WkDesk              *desk,
                             gint64               person_id,
                             gint64               ticket_id,
                             gint64               lounge_id,
                             const char          *description,
                             const char          *asset_tag,
                             gint64               ready_by,
                             gint64               actor_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_add_hardware_async, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = wk_json_body_new ();

  if (return_invalid_id (task, _("The person"), person_id))
    {
      g_object_unref (task);
      return;
    }
  wk_json_body_set_int (body, "person_id", person_id);
  if (ticket_id != 0)
    wk_json_body_set_int (body, "ticket_id", ticket_id);
  if (lounge_id != 0)
    wk_json_body_set_int (body, "lounge_id", lounge_id);
  wk_json_body_set_string (body, "description", description);
  wk_json_body_set_string (body, "asset_tag", asset_tag);
  if (ready_by != 0)
    wk_json_body_set_int (body, "ready_by", ready_by);
  call_async (self, task, "POST", "/api/v1/hardware", body, ANSWER_OBJECT, WK_TYPE_HARDWARE);
}

/* POST /api/v1/hardware/{id}/@action with @body. */
static void
hardware_action (WkRemoteDesk        *self,
                 gpointer             source_tag,
                 gint64               hardware_id,
                 const char          *action,
                 JsonNode            *body,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = new_task (self, source_tag, cancellable, callback, user_data);
  g_autofree char *path = NULL;

  if (return_invalid_id (task, _("The item"), hardware_id))
    {
      g_object_unref (task);
      return;
    }
  path = g_strdup_printf ("/api/v1/hardware/%" G_GINT64_FORMAT "/%s", hardware_id, action);
  call_async (self, task, "POST", path, body, ANSWER_OBJECT, WK_TYPE_HARDWARE);
}

static void
wk_remote_desk_mark_hardware_ready (WkDesk              *desk,
                                    gint64               hardware_id,
                                    gint64               expected_version,
                                    const char          *location,
                                    gint64               ready_by,
                                    gint64               actor_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(JsonNode) body = version_body (expected_version);

  wk_json_body_set_string (body, "location", location);
  if (ready_by != 0)
    wk_json_body_set_int (body, "ready_by", ready_by);
  hardware_action (WK_REMOTE_DESK (desk), wk_desk_mark_hardware_ready_async, hardware_id, "ready",
                   body, cancellable, callback, user_data);
}

static void
wk_remote_desk_mark_hardware_collected (WkDesk              *desk,
                                        gint64               hardware_id,
                                        gint64               expected_version,
                                        const char          *ack_name,
                                        const char          *ack_signature,
                                        gint64               handed_over_by,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(JsonNode) body = version_body (expected_version);

  wk_json_body_set_string (body, "ack_name", ack_name);
  wk_json_body_set_string (body, "ack_signature", ack_signature);
  hardware_action (WK_REMOTE_DESK (desk), wk_desk_mark_hardware_collected_async, hardware_id,
                   "collected", body, cancellable, callback, user_data);
}

static void
wk_remote_desk_cancel_hardware (WkDesk              *desk,
                                gint64               hardware_id,
                                gint64               expected_version,
                                gint64               actor_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(JsonNode) body = version_body (expected_version);

  hardware_action (WK_REMOTE_DESK (desk), wk_desk_cancel_hardware_async, hardware_id, "cancel",
                   body, cancellable, callback, user_data);
}

static void
wk_remote_desk_submit_survey (WkDesk                *desk,
                              const WkSurveyRequest *request,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_submit_survey_async, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = wk_json_from_survey_request (request);
  GError *error = NULL;

  if (self->outbox == NULL)
    {
      call_async (self, task, "POST", "/api/v1/surveys", body, ANSWER_OBJECT, WK_TYPE_SURVEY);
      return;
    }

  /* what a provisional answer needs; the hub checks the rest */
  if (!wk_validate_uuid (request->uuid, &error) ||
      !wk_validate_score (request->score, &error))
    {
      /* the validator set the error */
    }
  else if (wk_survey_resolved_to_string (request->resolved) == NULL)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID, _("“Is it fixed?” is yes, no or unknown"));
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  enqueue (self, task, WK_OUTBOX_KIND_SURVEY, request->uuid, "POST", "/api/v1/surveys", body,
           provisional_survey (request));
}

static void
wk_remote_desk_get_metrics (WkDesk               *desk,
                            const WkMetricsQuery *query,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_get_metrics_async, cancellable, callback, user_data);
  g_autoptr(GString) path = g_string_new (NULL);

  append_int (path, "from", query->from);
  append_int (path, "to", query->to);
  if (query->lounge_id != 0)
    append_int (path, "lounge_id", query->lounge_id);
  if (query->engineer_id != 0)
    append_int (path, "engineer_id", query->engineer_id);
  g_string_prepend (path, "/api/v1/metrics");
  call_async (self, task, "GET", path->str, NULL, ANSWER_METRICS, G_TYPE_NONE);
}

static void
wk_remote_desk_list_feedback (WkDesk                *desk,
                              const WkFeedbackQuery *query,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_list_feedback_async, cancellable, callback, user_data);
  g_autoptr(GString) path = g_string_new (NULL);

  if (query->from != 0)
    append_int (path, "from", query->from);
  if (query->to != 0)
    append_int (path, "to", query->to);
  if (query->lounge_id != 0)
    append_int (path, "lounge_id", query->lounge_id);
  if (query->engineer_id != 0)
    append_int (path, "engineer_id", query->engineer_id);
  if (query->max_score != 0)
    append_int (path, "max_score", query->max_score);
  if (query->followup_status >= 0)
    {
      const char *name = wk_enum_to_string (WK_TYPE_FOLLOWUP_STATUS, query->followup_status);

      append_text (path, "followup_status", name != NULL ? name : "");
    }
  if (query->with_comment_only)
    append_text (path, "with_comment_only", "true");
  if (query->tag != NULL)
    append_text (path, "tag", query->tag);
  if (query->limit != 0)
    append_int (path, "limit", query->limit);
  if (query->offset != 0)
    append_int (path, "offset", query->offset);
  g_string_prepend (path, "/api/v1/feedback");
  call_async (self, task, "GET", path->str, NULL, ANSWER_ITEMS, WK_TYPE_SURVEY);
}

static void
wk_remote_desk_set_followup (WkDesk              *desk,
                             gint64               survey_id,
                             WkFollowupStatus     status,
                             gint64               by_id,
                             const char          *note,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_set_followup_async, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = wk_json_body_new ();
  g_autofree char *path = NULL;

  if (return_invalid_id (task, _("The survey"), survey_id))
    {
      g_object_unref (task);
      return;
    }
  wk_json_body_set_enum (body, "status", WK_TYPE_FOLLOWUP_STATUS, status);
  wk_json_body_set_string (body, "note", note);
  path = g_strdup_printf ("/api/v1/surveys/%" G_GINT64_FORMAT "/follow-up", survey_id);
  call_async (self, task, "POST", path, body, ANSWER_OBJECT, WK_TYPE_SURVEY);
}

static void
wk_remote_desk_list_announcements (WkDesk              *desk,
                                   gint64               lounge_id,
                                   gint64               now,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_list_announcements_async, cancellable, callback, user_data);
  g_autoptr(GString) path = g_string_new (NULL);

  if (lounge_id != 0)
    append_int (path, "lounge_id", lounge_id);
  if (now != 0)
    append_int (path, "now", now);
  g_string_prepend (path, "/api/v1/announcements");
  call_async (self, task, "GET", path->str, NULL, ANSWER_ITEMS, WK_TYPE_ANNOUNCEMENT);
}

static void
wk_remote_desk_list_lounges (WkDesk              *desk,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_list_lounges_async, cancellable, callback, user_data);

  call_async (self, task, "GET", "/api/v1/lounges", NULL, ANSWER_ITEMS, WK_TYPE_LOUNGE);
}

static void
wk_remote_desk_list_visits (WkDesk              *desk,
                            const WkVisitQuery  *query,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_list_visits_async, cancellable, callback, user_data);
  g_autoptr(GString) path = g_string_new (NULL);

  append_int (path, "from", query->from);
  append_int (path, "to", query->to);
  if (query->lounge_id != 0)
    append_int (path, "lounge_id", query->lounge_id);
  if (query->engineer_id != 0)
    append_int (path, "engineer_id", query->engineer_id);
  if (query->person_id != 0)
    append_int (path, "person_id", query->person_id);
  if (query->limit != 0)
    append_int (path, "limit", MIN (query->limit, WK_VISIT_QUERY_MAX_LIMIT));
  if (query->offset != 0)
    append_int (path, "offset", query->offset);
  g_string_prepend (path, "/api/v1/visits");
  call_async (self, task, "GET", path->str, NULL, ANSWER_ITEMS, WK_TYPE_VISIT);
}

static void
wk_remote_desk_get_visit (WkDesk              *desk,
                          gint64               visit_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_get_visit_async, cancellable, callback, user_data);
  g_autofree char *path = NULL;

  if (return_invalid_id (task, _("The visit"), visit_id))
    {
      g_object_unref (task);
      return;
    }
  path = g_strdup_printf ("/api/v1/visits/%" G_GINT64_FORMAT, visit_id);
  call_async (self, task, "GET", path, NULL, ANSWER_OBJECT, WK_TYPE_VISIT);
}

static void
wk_remote_desk_list_staff (WkDesk              *desk,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_list_staff_async, cancellable, callback, user_data);

  call_async (self, task, "GET", "/api/v1/staff", NULL, ANSWER_ITEMS, WK_TYPE_PERSON);
}

static void
wk_remote_desk_estimate_wait (WkDesk              *desk,
                              gint64               lounge_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_estimate_wait_async, cancellable, callback, user_data);
  g_autofree char *path = NULL;

  if (return_invalid_id (task, _("The lounge"), lounge_id))
    {
      g_object_unref (task);
      return;
    }
  path = g_strdup_printf ("/api/v1/estimate?lounge_id=%" G_GINT64_FORMAT, lounge_id);
  call_async (self, task, "GET", path, NULL, ANSWER_ESTIMATE, G_TYPE_NONE);
}

static void
wk_remote_desk_list_events (WkDesk              *desk,
                            gint64               after,
                            guint                limit,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_list_events_async, cancellable, callback, user_data);
  g_autoptr(GString) path = g_string_new (NULL);

  append_int (path, "after", MAX (after, 0));
  /* the hub answers at most 1000 at a time */
  append_int (path, "limit", limit == 0 ? 500 : MIN (limit, 1000));
  g_string_prepend (path, "/api/v1/event-log");
  call_async (self, task, "GET", path->str, NULL, ANSWER_ITEMS, WK_TYPE_EVENT);
}

static void
wk_remote_desk_sign_in (WkDesk              *desk,
                        const char          *login,
                        const char          *password,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  GTask *task = new_task (self, wk_desk_sign_in_async, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = wk_json_body_new ();

  wk_json_body_set_string (body, "login", login);
  wk_json_body_set_string (body, "password", password);
  call_async (self, task, "POST", "/api/v1/sign-in", body, ANSWER_OBJECT, WK_TYPE_SESSION);
}

/* ---- events: one WebSocket per listener, reconnecting with backoff -------- */

struct _Listener
{
  WkRemoteDesk            *self;        /* not owned: the desk owns its listeners */
  guint                    id;
  gint64                   cursor;      /* last event delivered; -1 until the hello */
  WkEventFunc              func;
  gpointer                 user_data;
  GDestroyNotify           destroy;
  gboolean                 active;
  SoupWebsocketConnection *conn;        /* owned, while connected */
  GCancellable            *cancellable; /* owned: the connection attempt */
  guint                    retry_id;
  guint                    backoff_s;
};

static void listener_connect (Listener *l);

static Listener *
listener_ref (Listener *l)
{
  return g_rc_box_acquire (l);
}

static void
listener_clear (gpointer data)
{
  Listener *l = data;

  g_clear_handle_id (&l->retry_id, g_source_remove);
  if (l->cancellable != NULL)
    g_cancellable_cancel (l->cancellable);
  g_clear_object (&l->cancellable);
  if (l->conn != NULL)
    {
      g_signal_handlers_disconnect_by_data (l->conn, l);
      if (soup_websocket_connection_get_state (l->conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (l->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&l->conn);
    }
}

static void
listener_unref (Listener *l)
{
  g_rc_box_release_full (l, listener_clear);
}

/* Stops @l for good and calls its destroy notify. */
static void
listener_stop (Listener *l)
{
  GDestroyNotify destroy = l->destroy;

  l->active = FALSE;
  l->destroy = NULL;
  listener_clear (l);
  if (destroy != NULL)
    destroy (l->user_data);
}

static gboolean
retry_cb (gpointer user_data)
{
  Listener *l = user_data;

  l->retry_id = 0;
  listener_connect (l);
  return G_SOURCE_REMOVE;
}

static void
listener_retry (Listener *l)
{
  if (!l->active || l->retry_id != 0)
    return;
  l->backoff_s = l->backoff_s == 0 ? 1 : MIN (l->backoff_s * 2, WK_REMOTE_DESK_MAX_BACKOFF_S);
  g_debug ("event stream %u: reconnecting in %u s", l->id, l->backoff_s);
  l->retry_id = g_timeout_add_seconds (l->backoff_s, retry_cb, l);
}

static void
listener_closed_cb (SoupWebsocketConnection *conn,
                    gpointer                 user_data)
{
  Listener *l = user_data;

  g_signal_handlers_disconnect_by_data (conn, l);
  g_clear_object (&l->conn);
  listener_retry (l);
}

static void
listener_message_cb (SoupWebsocketConnection *conn,
                     int                      type,
                     GBytes                  *message,
                     gpointer                 user_data)
{
  Listener *l = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(WkEvent) event = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (message, &length);
  gint64 cursor = 0;

  if (type != SOUP_WEBSOCKET_DATA_TEXT ||
      (node = wk_json_parse (data, length, &error)) == NULL ||
      !wk_json_read_stream_message (node, &cursor, &event, &error))
    {
      g_warning ("Dropping an event stream message: %s",
                 error != NULL ? error->message : "not text");
      return;
    }

  if (event == NULL)
    {
      /* the hello: connected, so the hub is there */
      l->backoff_s = 0;
      set_online (l->self, TRUE);
      if (l->cursor < 0)
        l->cursor = cursor;
      return;
    }
  if (cursor <= l->cursor)
    return;
  l->cursor = cursor;

  /* the callback may unsubscribe */
  listener_ref (l);
  if (l->active)
    l->func (WK_DESK (l->self), event, l->user_data);
  listener_unref (l);
}

static void
listener_connected_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Listener *l = user_data;
  g_autoptr(GError) error = NULL;
  SoupWebsocketConnection *conn;

  conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (conn == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_debug ("event stream %u: %s", l->id, error->message);
          g_clear_object (&l->cancellable);
          listener_retry (l);
        }
      listener_unref (l);
      return;
    }

  g_clear_object (&l->cancellable);
  if (!l->active)
    {
      soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_object_unref (conn);
      listener_unref (l);
      return;
    }
  l->conn = conn;
  g_signal_connect (conn, "message", G_CALLBACK (listener_message_cb), l);
  g_signal_connect (conn, "closed", G_CALLBACK (listener_closed_cb), l);
  listener_unref (l);
}

static void
listener_connect (Listener *l)
{
  WkRemoteDesk *self = l->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *path = NULL;

  if (!l->active || l->conn != NULL || l->cancellable != NULL)
    return;

  path = g_strdup_printf ("/api/v1/events?after=%" G_GINT64_FORMAT, l->cursor);
  msg = new_message (self, "GET", path, &error);
  if (msg == NULL)
    {
      g_warning ("Cannot follow the hub’s events: %s", error->message);
      return;
    }
  l->cancellable = g_cancellable_new ();
  soup_session_websocket_connect_async (self->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        l->cancellable, listener_connected_cb, listener_ref (l));
}

static guint
wk_remote_desk_subscribe (WkDesk         *desk,
                          gint64          after,
                          WkEventFunc     func,
                          gpointer        user_data,
                          GDestroyNotify  destroy)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  Listener *l;

  g_warn_if_fail (context == self->context);

  l = g_rc_box_new0 (Listener);
  l->self = self;
  l->id = ++self->next_listener;
  l->cursor = after < 0 ? -1 : after;
  l->func = func;
  l->user_data = user_data;
  l->destroy = destroy;
  l->active = TRUE;
  g_hash_table_insert (self->listeners, GUINT_TO_POINTER (l->id), l);
  listener_connect (l);
  return l->id;
}

static void
wk_remote_desk_unsubscribe (WkDesk *desk,
                            guint   id)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (desk);
  Listener *l = g_hash_table_lookup (self->listeners, GUINT_TO_POINTER (id));

  if (l == NULL)
    {
      g_warning ("No event subscription %u", id);
      return;
    }
  listener_stop (l);
  g_hash_table_remove (self->listeners, GUINT_TO_POINTER (id));
}

static void
emit_event_cb (WkDesk   *desk,
               WkEvent  *event,
               gpointer  user_data)
{
  g_signal_emit_by_name (desk, "event", event);
}

/* The WkDesk::event signal's stream: live events while a token is set. */
static void
restart_signal_listener (WkRemoteDesk *self)
{
  if (self->signal_listener != 0)
    {
      wk_remote_desk_unsubscribe (WK_DESK (self), self->signal_listener);
      self->signal_listener = 0;
    }
  if (self->token != NULL)
    self->signal_listener = wk_remote_desk_subscribe (WK_DESK (self), -1, emit_event_cb, NULL, NULL);
}

/* ---- GObject --------------------------------------------------------------- */

static void
wk_remote_desk_dispose (GObject *object)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->flush_retry_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_signal_handler (&self->pending_handler, self->outbox);
  g_clear_signal_handler (&self->refused_handler, self->outbox);
  g_clear_object (&self->outbox);
  if (self->listeners != NULL)
    {
      GHashTableIter iter;
      Listener *l;

      g_hash_table_iter_init (&iter, self->listeners);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &l))
        listener_stop (l);
      g_hash_table_remove_all (self->listeners);
    }
  self->signal_listener = 0;
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (wk_remote_desk_parent_class)->dispose (object);
}

static void
wk_remote_desk_finalize (GObject *object)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (object);

  g_free (self->base_url);
  if (self->token != NULL)
    explicit_bzero (self->token, strlen (self->token));
  g_free (self->token);
  g_clear_pointer (&self->listeners, g_hash_table_unref);
  g_clear_pointer (&self->waiters, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->cancellable);

  g_clear_pointer (&self->refusals, g_strfreev);

  G_OBJECT_CLASS (wk_remote_desk_parent_class)->finalize (object);
}

static void
wk_remote_desk_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_TOKEN:
      g_value_set_string (value, self->token);
      break;
    case PROP_ONLINE:
      g_value_set_boolean (value, self->online);
      break;
    case PROP_PENDING_COUNT:
      g_value_set_uint (value, wk_remote_desk_get_pending_count (self));
      break;
    case PROP_REFUSED_COUNT:
      g_value_set_uint (value, wk_remote_desk_get_refused_count (self));
      break;
    case PROP_REFUSALS:
      g_value_set_boxed (value, self->refusals);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_remote_desk_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      {
        const char *url = g_value_get_string (value);
        gsize len = url != NULL ? strlen (url) : 0;

        while (len > 0 && url[len - 1] == '/')
          len--;
        self->base_url = g_strndup (url != NULL ? url : "", len);
      }
      break;
    case PROP_TOKEN:
      wk_remote_desk_set_token (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_remote_desk_constructed (GObject *object)
{
  WkRemoteDesk *self = WK_REMOTE_DESK (object);

  G_OBJECT_CLASS (wk_remote_desk_parent_class)->constructed (object);
  restart_signal_listener (self);
}

static void
wk_remote_desk_class_init (WkRemoteDeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wk_remote_desk_constructed;
  object_class->dispose = wk_remote_desk_dispose;
  object_class->finalize = wk_remote_desk_finalize;
  object_class->get_property = wk_remote_desk_get_property;
  object_class->set_property = wk_remote_desk_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ONLINE] =
    g_param_spec_boolean ("online", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PENDING_COUNT] =
    g_param_spec_uint ("pending-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REFUSED_COUNT] =
    g_param_spec_uint ("refused-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REFUSALS] =
    g_param_spec_boxed ("refusals", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* an action signal, so that a face can dismiss by name (faces know
   * WkDesk, not this class) */
  signals[DISMISS_REFUSED] =
    g_signal_new_class_handler ("dismiss-refused", G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                G_CALLBACK (real_dismiss_refused), NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
}

static void
wk_remote_desk_init (WkRemoteDesk *self)
{
  self->session = wk_http_session_new ("hub-client", REQUEST_TIMEOUT_S);
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = g_cancellable_new ();
  self->listeners = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) listener_unref);
  /* values are answered and freed by hand, never by the table */
  self->waiters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->online = TRUE;
}

static void
wk_remote_desk_desk_iface_init (WkDeskInterface *iface)
{
  iface->identify = wk_remote_desk_identify;
  iface->check_in = wk_remote_desk_check_in;
  iface->list_queue = wk_remote_desk_list_queue;
  iface->pick_up = wk_remote_desk_pick_up;
  iface->start_service = wk_remote_desk_start_service;
  iface->finish_visit = wk_remote_desk_finish_visit;
  iface->cancel_visit = wk_remote_desk_cancel_visit;
  iface->mark_left = wk_remote_desk_mark_left;
  iface->requeue_visit = wk_remote_desk_requeue_visit;
  iface->search_tickets = wk_remote_desk_search_tickets;
  iface->get_ticket = wk_remote_desk_get_ticket;
  iface->update_ticket = wk_remote_desk_update_ticket;
  iface->add_note = wk_remote_desk_add_note;
  iface->acknowledge_conflict = wk_remote_desk_acknowledge_conflict;
  iface->list_hardware = wk_remote_desk_list_hardware;
  iface->add_hardware = wk_remote_desk_add_hardware;
  iface->mark_hardware_ready = wk_remote_desk_mark_hardware_ready;
  iface->mark_hardware_collected = wk_remote_desk_mark_hardware_collected;
  iface->cancel_hardware = wk_remote_desk_cancel_hardware;
  iface->submit_survey = wk_remote_desk_submit_survey;
  iface->get_metrics = wk_remote_desk_get_metrics;
  iface->list_feedback = wk_remote_desk_list_feedback;
  iface->set_followup = wk_remote_desk_set_followup;
  iface->list_announcements = wk_remote_desk_list_announcements;
  iface->list_lounges = wk_remote_desk_list_lounges;
  iface->list_visits = wk_remote_desk_list_visits;
  iface->get_visit = wk_remote_desk_get_visit;
  iface->list_staff = wk_remote_desk_list_staff;
  iface->estimate_wait = wk_remote_desk_estimate_wait;
  iface->list_events = wk_remote_desk_list_events;
  iface->sign_in = wk_remote_desk_sign_in;
  iface->subscribe = wk_remote_desk_subscribe;
  iface->unsubscribe = wk_remote_desk_unsubscribe;
}

/* ---- public ------------------------------------------------------------------ */

WkRemoteDesk *
wk_remote_desk_new (const char  *base_url,
                    const char  *token,
                    GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (base_url != NULL, NULL);

  uri = g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL ||
      (g_strcmp0 (g_uri_get_scheme (uri), "http") != 0 &&
       g_strcmp0 (g_uri_get_scheme (uri), "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      /* Translators: %s is what was given as the hub's address */
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("“%s” is not a hub address like http://hub.example:8470"), base_url);
      return NULL;
    }

  return g_object_new (WK_TYPE_REMOTE_DESK, "base-url", base_url, "token", token, NULL);
}

const char *
wk_remote_desk_get_base_url (WkRemoteDesk *self)
{
  g_return_val_if_fail (WK_IS_REMOTE_DESK (self), NULL);
  return self->base_url;
}

const char *
wk_remote_desk_get_token (WkRemoteDesk *self)
{
  g_return_val_if_fail (WK_IS_REMOTE_DESK (self), NULL);
  return self->token;
}

void
wk_remote_desk_set_token (WkRemoteDesk *self,
                          const char   *token)
{
  g_return_if_fail (WK_IS_REMOTE_DESK (self));

  if (token != NULL && *token == '\0')
    token = NULL;
  if (g_strcmp0 (self->token, token) == 0)
    return;
  if (self->token != NULL)
    explicit_bzero (self->token, strlen (self->token));
  g_free (self->token);
  self->token = g_strdup (token);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOKEN]);

  /* during construction, constructed() starts it */
  if (self->base_url != NULL)
    restart_signal_listener (self);

  /* a new token (someone signed in): what waited for one goes now */
  if (token != NULL && self->outbox != NULL && !self->flushing && self->flush_retry_id != 0)
    {
      self->flush_backoff_s = 0;
      kick_flush (self);
    }
}

gboolean
wk_remote_desk_get_online (WkRemoteDesk *self)
{
  g_return_val_if_fail (WK_IS_REMOTE_DESK (self), FALSE);
  return self->online;
}

/* ---- the outbox and the cached directory -------------------------------------- */

static gboolean
refresh_timer_cb (gpointer user_data)
{
  WkRemoteDesk *self = user_data;

  if (self->online)
    wk_remote_desk_refresh_directory_async (self, NULL, NULL, NULL);
  return G_SOURCE_CONTINUE;
}

void
wk_remote_desk_set_outbox (WkRemoteDesk *self,
                           WkOutbox     *outbox)
{
  g_return_if_fail (WK_IS_REMOTE_DESK (self));
  g_return_if_fail (outbox == NULL || WK_IS_OUTBOX (outbox));

  if (self->outbox == outbox)
    return;

  /* whoever waits for the old one: their writes are safe in it */
  answer_waiters_provisional (self);
  g_clear_signal_handler (&self->pending_handler, self->outbox);
  g_clear_signal_handler (&self->refused_handler, self->outbox);
  g_clear_handle_id (&self->flush_retry_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_set_object (&self->outbox, outbox);
  self->flush_backoff_s = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_COUNT]);
  refused_count_cb (self);
  if (outbox == NULL)
    return;

  self->pending_handler = g_signal_connect_swapped (outbox, "notify::pending-count",
                                                    G_CALLBACK (pending_count_cb), self);
  self->refused_handler = g_signal_connect_swapped (outbox, "notify::refused-count",
                                                    G_CALLBACK (refused_count_cb), self);
  self->refresh_id = g_timeout_add_seconds (WK_REMOTE_DESK_DIRECTORY_REFRESH_S,
                                            refresh_timer_cb, self);
  /* what an earlier run left */
  if (wk_outbox_get_pending_count (outbox) > 0)
    kick_flush (self);
}

WkOutbox *
wk_remote_desk_get_outbox (WkRemoteDesk *self)
{
  g_return_val_if_fail (WK_IS_REMOTE_DESK (self), NULL);
  return self->outbox;
}

guint
wk_remote_desk_get_pending_count (WkRemoteDesk *self)
{
  g_return_val_if_fail (WK_IS_REMOTE_DESK (self), 0);
  return self->outbox != NULL ? wk_outbox_get_pending_count (self->outbox) : 0;
}

gboolean
wk_remote_desk_set_tls_ca_file (WkRemoteDesk  *self,
                                const char    *path,
                                GError       **error)
{
  g_autoptr(GTlsDatabase) database = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (WK_IS_REMOTE_DESK (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  database = g_tls_file_database_new (path, &local);
  if (database == NULL)
    {
      /* Translators: the first %s is a file name, the second the reason */
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("The hub’s certificate file “%s” cannot be used: %s"), path, local->message);
      return FALSE;
    }
  soup_session_set_tls_database (self->session, database);
  return TRUE;
}

guint
wk_remote_desk_get_refused_count (WkRemoteDesk *self)
{
  g_return_val_if_fail (WK_IS_REMOTE_DESK (self), 0);
  return self->outbox != NULL ? wk_outbox_get_refused_count (self->outbox) : 0;
}

const char * const *
wk_remote_desk_get_refusals (WkRemoteDesk *self)
{
  g_return_val_if_fail (WK_IS_REMOTE_DESK (self), NULL);
  return (const char * const *) self->refusals;
}

void
wk_remote_desk_flush_outbox (WkRemoteDesk *self)
{
  g_return_if_fail (WK_IS_REMOTE_DESK (self));

  if (self->flushing)
    return;
  self->flush_backoff_s = 0;
  kick_flush (self);
}

typedef struct {
  GStrv badges;      /* owned */
  guint next;
  guint refreshed;
} Refresh;

static void
refresh_free (gpointer data)
{
  Refresh *r = data;

  g_strfreev (r->badges);
  g_free (r);
}

static void refresh_step (GTask *task);

static void
refresh_identified_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *r = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(WkIdentity) identity = NULL;

  identity = wk_desk_identify_finish (WK_DESK (source), result, &error);
  if (identity != NULL)
    r->refreshed++;
  else if (!g_error_matches (error, WK_ERROR, WK_ERROR_NOT_FOUND))
    {
      /* away, cancelled or refused: stop here (a cached answer does not
       * count as refreshed, but it cannot come while the hub answers) */
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  refresh_step (g_steal_pointer (&task));
}

/* Takes @task. */
static void
refresh_step (GTask *task)
{
  WkRemoteDesk *self = g_task_get_source_object (task);
  Refresh *r = g_task_get_task_data (task);

  if (r->badges == NULL || r->badges[r->next] == NULL || self->outbox == NULL)
    {
      g_task_return_int (task, r->refreshed);
      g_object_unref (task);
      return;
    }
  /* a badge the hub cannot answer must not be answered from the cache */
  if (!self->online && r->next > 0)
    {
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_UNAVAILABLE, _("The hub cannot be reached"));
      g_object_unref (task);
      return;
    }
  wk_desk_identify_async (WK_DESK (self), WK_IDENTIFIED_BY_BADGE, r->badges[r->next++],
                          g_task_get_cancellable (task), refresh_identified_cb, task);
}

static void
refresh_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  Refresh *r = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  r->badges = wk_outbox_list_cached_finish (WK_OUTBOX (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  refresh_step (task);
}

void
wk_remote_desk_refresh_directory_async (WkRemoteDesk        *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (WK_IS_REMOTE_DESK (self));

  task = new_task (self, wk_remote_desk_refresh_directory_async, cancellable, callback, user_data);
  g_task_set_task_data (task, g_new0 (Refresh, 1), refresh_free);
  if (self->outbox == NULL)
    {
      g_task_return_int (task, 0);
      g_object_unref (task);
      return;
    }
  wk_outbox_list_cached_async (self->outbox, wk_identified_by_to_string (WK_IDENTIFIED_BY_BADGE),
                               WK_REMOTE_DESK_DIRECTORY_MAX_AGE_S, cancellable,
                               refresh_listed_cb, task);
}

guint
wk_remote_desk_refresh_directory_finish (WkRemoteDesk  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  gssize count;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        wk_remote_desk_refresh_directory_async, 0);

  count = g_task_propagate_int (G_TASK (result), error);
  return count < 0 ? 0 : (guint) count;
}
