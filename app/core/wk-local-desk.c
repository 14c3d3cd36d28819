/* wk-local-desk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-local-desk"

#include "config.h"

#include "wk-local-desk.h"

#include "wk-announcement.h"
#include "wk-category.h"
#include "wk-db.h"
#include "wk-error.h"
#include "wk-estimate.h"
#include "wk-json-text.h"
#include "wk-lifecycle.h"
#include "wk-lounge.h"
#include "wk-password.h"
#include "wk-person.h"
#include "wk-upstream-lookup.h"
#include "wk-validate.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

/* A finished visit is offered for rating this long. */
#define PENDING_SURVEY_MAX_AGE_S (30 * 24 * 3600)
#define IDENTIFY_MAX_TICKETS     20
#define EVENTS_BATCH             1000

/* ---- event hub: in-process subscribers ----------------------------------- */

typedef struct {
  gatomicrefcount  ref_count;
  guint            id;
  GMainContext    *context;     /* owned */
  GWeakRef         desk;
  WkEventFunc      func;
  gpointer         user_data;
  GDestroyNotify   destroy;
  gint             active;      /* atomic */
  gboolean         live;        /* under the hub mutex */
  gint64           delivered;   /* only touched on @context */
} Subscription;

typedef struct {
  gatomicrefcount  ref_count;
  GMutex           mutex;
  GPtrArray       *subs;        /* of Subscription, under mutex */
  guint            next_id;
  gint64           published;   /* the last event id published, -1 before
                                 * the first look; only touched on the worker */
} EventHub;

typedef struct {
  Subscription *sub;            /* owned */
  GPtrArray    *events;         /* owned, of WkEvent */
} Delivery;

static Subscription *
subscription_ref (Subscription *sub)
{
  g_atomic_ref_count_inc (&sub->ref_count);
  return sub;
}

static void
subscription_unref (Subscription *sub)
{
  if (!g_atomic_ref_count_dec (&sub->ref_count))
    return;
  g_weak_ref_clear (&sub->desk);
  g_main_context_unref (sub->context);
  g_free (sub);
}

static EventHub *
event_hub_new (void)
{
  EventHub *hub = g_new0 (EventHub, 1);

  g_atomic_ref_count_init (&hub->ref_count);
  g_mutex_init (&hub->mutex);
  hub->subs = g_ptr_array_new_with_free_func ((GDestroyNotify) subscription_unref);
  hub->next_id = 1;
  hub->published = -1;
  return hub;
}

static EventHub *
event_hub_ref (EventHub *hub)
{
  g_atomic_ref_count_inc (&hub->ref_count);
  return hub;
}

static void
event_hub_unref (EventHub *hub)
{
  if (!g_atomic_ref_count_dec (&hub->ref_count))
    return;
  g_ptr_array_unref (hub->subs);
  g_mutex_clear (&hub->mutex);
  g_free (hub);
}

static void
delivery_free (gpointer data)
{
  Delivery *delivery = data;

  subscription_unref (delivery->sub);
  g_ptr_array_unref (delivery->events);
  g_free (delivery);
}

static gboolean
deliver_cb (gpointer data)
{
  Delivery *delivery = data;
  Subscription *sub = delivery->sub;
  g_autoptr(GObject) desk = g_weak_ref_get (&sub->desk);

  if (desk == NULL)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < delivery->events->len; i++)
    {
      WkEvent *event = g_ptr_array_index (delivery->events, i);

      if (!g_atomic_int_get (&sub->active))
        break;
      if (wk_event_get_id (event) <= sub->delivered)
        continue;
      sub->delivered = wk_event_get_id (event);
      sub->func (WK_DESK (desk), event, sub->user_data);
    }

  return G_SOURCE_REMOVE;
}

/* Under the hub mutex. */
static void
dispatch_locked (Subscription *sub,
                 GPtrArray    *events)
{
  Delivery *delivery;

  if (events->len == 0 || !g_atomic_int_get (&sub->active))
    return;

  delivery = g_new0 (Delivery, 1);
  delivery->sub = subscription_ref (sub);
  delivery->events = g_ptr_array_ref (events);
  g_main_context_invoke_full (sub->context, G_PRIORITY_DEFAULT,
                              deliver_cb, delivery, delivery_free);
}

/* On the worker: @events, in commit order, to every live subscriber. */
static void
event_hub_dispatch (EventHub  *hub,
                    GPtrArray *events)
{
  if (events->len == 0)
    return;

  g_mutex_lock (&hub->mutex);
  for (guint i = 0; i < hub->subs->len; i++)
    {
      Subscription *sub = g_ptr_array_index (hub->subs, i);

      if (sub->live)
        dispatch_locked (sub, events);
    }
  hub->published = MAX (hub->published,
                        wk_event_get_id (g_ptr_array_index (events, events->len - 1)));
  g_mutex_unlock (&hub->mutex);
}

static GListStore *read_events (sqlite3  *db,
                                gint64    after,
                                guint     limit,
                                GError  **error);

/* On the worker: publishes what other connections to the same file (the
 * kiosk, another laptop, a command-line tool) logged since the last
 * publish, up to but not including event @before (0: everything). */
static void
event_hub_publish_log (EventHub *hub,
                       sqlite3  *db,
                       gint64    before)
{
  if (hub->published < 0)
    return;

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListStore) batch = read_events (db, hub->published, EVENTS_BATCH, &error);
      g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
      guint n;

      if (batch == NULL)
        {
          g_warning ("Could not read the changes made by other programs: %s", error->message);
          return;
        }
      n = g_list_model_get_n_items (G_LIST_MODEL (batch));
      for (guint i = 0; i < n; i++)
        {
          WkEvent *event = g_list_model_get_item (G_LIST_MODEL (batch), i);

          if (before > 0 && wk_event_get_id (event) >= before)
            {
              g_object_unref (event);
              n = 0;
              break;
            }
          g_ptr_array_add (events, event);
        }
      event_hub_dispatch (hub, events);
      if (n < EVENTS_BATCH)
        return;
    }
}

/* On the worker, after a commit: first what others logged before it, then
 * @events; so every subscriber sees the log in order, whoever wrote it. */
static void
event_hub_publish (EventHub  *hub,
                   sqlite3   *db,
                   GPtrArray *events)
{
  gint64 first;

  if (hub == NULL || events == NULL || events->len == 0)
    return;

  first = wk_event_get_id (g_ptr_array_index (events, 0));
  if (hub->published >= 0 && first > hub->published + 1)
    event_hub_publish_log (hub, db, first);
  event_hub_dispatch (hub, events);
}

/* ---- the object ----------------------------------------------------------- */

struct _WkLocalDesk
{
  GObject    parent_instance;

  WkStore          *store;
  EventHub         *hub;                 /* owned */
  guint             signal_subscription;
  WkUpstreamLookup *lookup;              /* owned, or NULL */
  GFileMonitor     *monitors[2];         /* owned: the database and its WAL */
};

static void wk_local_desk_desk_iface_init (WkDeskInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WkLocalDesk, wk_local_desk, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WK_TYPE_DESK, wk_local_desk_desk_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- job arguments -------------------------------------------------------- */

/* One shape for every job's input; each job reads the fields it needs. */
typedef struct {
  EventHub          *hub;        /* owned */
  gint64             id;         /* the visit, ticket, hardware or survey */
  gint64             version;    /* expected version, 0: any */
  gint64             actor_id;   /* the staff person acting, 0: none */
  gint64             person_id;
  gint64             ticket_id;
  gint64             lounge_id;
  gint64             when;       /* a time (ready_by, now, cursor…) */
  int                target;     /* target status */
  int                outcome;
  int                by;         /* WkIdentifiedBy */
  guint              limit;
  char              *text;
  char              *text2;
  char              *text3;
  WkCheckInRequest  *check_in;
  WkSurveyRequest   *survey;
  WkTicketUpdate    *update;
  WkFeedbackQuery   *feedback;
  WkTicketQuery     *tickets;
  WkMetricsQuery     metrics;
  WkVisitQuery       visits;
  Subscription      *sub;        /* owned */
  GPtrArray         *upstream;   /* owned, of WkUpstreamTicket */
  WkUpstreamPerson  *upstream_person;  /* owned */
} Args;

static Args *
args_new (WkLocalDesk *self)
{
  Args *a = g_new0 (Args, 1);

  a->hub = event_hub_ref (self->hub);
  return a;
}

static void
args_free (gpointer data)
{
  Args *a = data;

  g_clear_pointer (&a->hub, event_hub_unref);
  g_free (a->text);
  if (a->text2 != NULL)
    {
      /* may hold a password */
      explicit_bzero (a->text2, strlen (a->text2));
      g_free (a->text2);
    }
  g_free (a->text3);
  g_clear_pointer (&a->check_in, wk_check_in_request_free);
  g_clear_pointer (&a->survey, wk_survey_request_free);
  g_clear_pointer (&a->update, wk_ticket_update_free);
  g_clear_pointer (&a->feedback, wk_feedback_query_free);
  g_clear_pointer (&a->tickets, wk_ticket_query_free);
  g_clear_pointer (&a->sub, subscription_unref);
  g_clear_pointer (&a->upstream, g_ptr_array_unref);
  g_clear_pointer (&a->upstream_person, wk_upstream_person_free);
  g_free (a);
}

/* ---- running jobs for a desk task ----------------------------------------- */

typedef struct {
  GTask          *task;            /* owned */
  GDestroyNotify  result_destroy;
} Pending;

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GTask) task = pending->task;
  GDestroyNotify result_destroy = pending->result_destroy;
  GError *error = NULL;
  gpointer value;

  g_free (pending);

  value = wk_store_run_finish (WK_STORE (source), result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, value, result_destroy);
}

static Pending *
pending_new (WkLocalDesk         *self,
             gpointer             source_tag,
             GDestroyNotify       result_destroy,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (pending->task, source_tag);
  pending->result_destroy = result_destroy;
  return pending;
}

static void
run_job (WkLocalDesk         *self,
         gpointer             source_tag,
         WkStoreJobFunc       func,
         Args                *args,
         GDestroyNotify       result_destroy,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  Pending *pending = pending_new (self, source_tag, result_destroy,
                                  cancellable, callback, user_data);

  wk_store_run_full_async (self->store, func, args, args_free, result_destroy,
                           cancellable, job_done_cb, pending);
}

/* The same for a job that writes in one transaction and may share it with
 * others queued at the same time (wk_store_run_batched_async()): what a
 * busy lounge sends most, check-ins and surveys. */
static void
run_batched_job (WkLocalDesk         *self,
                 gpointer             source_tag,
                 WkStoreJobFunc       func,
                 Args                *args,
                 GDestroyNotify       result_destroy,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  Pending *pending = pending_new (self, source_tag, result_destroy,
                                  cancellable, callback, user_data);

  wk_store_run_batched_async (self->store, func, args, args_free, result_destroy,
                              cancellable, job_done_cb, pending);
}

/* Fails the operation before anything is queued. */
static void
return_error (WkLocalDesk         *self,
              gpointer             source_tag,
              GError              *error,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_return_error (task, error);
}

/* ---- SQL helpers (worker thread) ------------------------------------------ */

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
bind_id (sqlite3_stmt *stmt,
         int           index,
         gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Builds a @type from the current row: each column sets the property of the
 * same name ('_' → '-'); NULL columns and unknown names are skipped.  Text
 * columns set enums by their nick (the schema string) and string vectors
 * by splitting (tags on ',', the rest on '\n'). */
static gpointer
row_to_object_with (GType         type,
                    sqlite3_stmt *stmt,
                    const char   *extra_name,
                    const GValue *extra_value)
{
  GObjectClass *klass = g_type_class_ref (type);
  const char *names[64];
  GValue values[64] = { G_VALUE_INIT, };
  guint n_props = 0;
  int n_columns = sqlite3_column_count (stmt);
  GObject *object;

  for (int i = 0; i < n_columns && n_props < G_N_ELEMENTS (names); i++)
    {
      const char *column = sqlite3_column_name (stmt, i);
      char name[64];
      GParamSpec *pspec;
      GValue *value = &values[n_props];
      GType fundamental;

      if (column == NULL || strlen (column) >= sizeof name ||
          sqlite3_column_type (stmt, i) == SQLITE_NULL)
        continue;

      g_strlcpy (name, column, sizeof name);
      g_strdelimit (name, "_", '-');
      pspec = g_object_class_find_property (klass, name);
      if (pspec == NULL)
        continue;

      g_value_init (value, pspec->value_type);
      fundamental = G_TYPE_FUNDAMENTAL (pspec->value_type);

      if (fundamental == G_TYPE_STRING)
        g_value_set_string (value, (const char *) sqlite3_column_text (stmt, i));
      else if (fundamental == G_TYPE_INT64)
        g_value_set_int64 (value, sqlite3_column_int64 (stmt, i));
      else if (fundamental == G_TYPE_INT)
        g_value_set_int (value, sqlite3_column_int (stmt, i));
      else if (fundamental == G_TYPE_UINT)
        g_value_set_uint (value, (guint) sqlite3_column_int64 (stmt, i));
      else if (fundamental == G_TYPE_BOOLEAN)
        g_value_set_boolean (value, sqlite3_column_int (stmt, i) != 0);
      else if (fundamental == G_TYPE_ENUM)
        {
          int v;

          if (!wk_enum_from_string (pspec->value_type,
                                    (const char *) sqlite3_column_text (stmt, i), &v))
            {
              g_value_unset (value);
              continue;
            }
          g_value_set_enum (value, v);
        }
      else if (pspec->value_type == G_TYPE_STRV)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          const char *sep = strcmp (column, "tags") == 0 ? "," : "\n";

          g_value_take_boxed (value, g_strsplit (text, sep, -1));
        }
      else
        {
          g_value_unset (value);
          continue;
        }

      names[n_props++] = pspec->name;
    }

  if (extra_name != NULL && n_props < G_N_ELEMENTS (names))
    {
      g_value_init (&values[n_props], G_VALUE_TYPE (extra_value));
      g_value_copy (extra_value, &values[n_props]);
      names[n_props++] = extra_name;
    }

  object = g_object_new_with_properties (type, n_props, names, values);

  for (guint i = 0; i < n_props; i++)
    g_value_unset (&values[i]);
  g_type_class_unref (klass);

  return object;
}

static gpointer
row_to_object (GType         type,
               sqlite3_stmt *stmt)
{
  return row_to_object_with (type, stmt, NULL, NULL);
}

/* Steps a prepared and bound @stmt to the end, a @type per row. */
static GListStore *
collect_rows (sqlite3       *db,
              sqlite3_stmt  *stmt,
              GType          type,
              GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) object = row_to_object (type, stmt);

      g_list_store_append (list, object);
    }

  if (rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, "reading");
      return NULL;
    }

  return g_steal_pointer (&list);
}

/* The single row of a prepared and bound @stmt as a @type; NULL with
 * WK_ERROR_NOT_FOUND and @not_found when there is none. */
static gpointer
one_row (sqlite3       *db,
         sqlite3_stmt  *stmt,
         GType          type,
         const char    *not_found,
         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return row_to_object (type, stmt);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, WK_ERROR, WK_ERROR_NOT_FOUND, not_found);
  else
    wk_db_set_error (db, rc, error, "reading");
  return NULL;
}

#define PERSON_SELECT \
  "SELECT p.id AS id, p.badge_id AS badge_id, p.email AS email," \
  " p.employee_no AS employee_no, p.username AS username," \
  " p.display_name AS display_name, p.preferred_name AS preferred_name," \
  " p.language AS language, p.department AS department, p.location AS location," \
  " p.role AS role, p.created_at AS created_at, p.updated_at AS updated_at" \
  " FROM person p"

/* the same, with credential_hash as the last column (no such property) */
#define PERSON_SELECT_HASH \
  "SELECT p.id AS id, p.badge_id AS badge_id, p.email AS email," \
  " p.employee_no AS employee_no, p.username AS username," \
  " p.display_name AS display_name, p.preferred_name AS preferred_name," \
  " p.language AS language, p.department AS department, p.location AS location," \
  " p.role AS role, p.created_at AS created_at, p.updated_at AS updated_at," \
  " p.credential_hash AS credential_hash" \
  " FROM person p"

/* a waiting visit's 1-based place in its lounge's queue, else 0: the
 * waiting count less those behind it, which costs nothing for a visit just
 * checked in.  "Behind" is two counts, later seconds and the same second
 * with a higher id, so each is a range of the visit_queue index (whose last
 * column is the id); one row-value comparison would walk every visit of
 * the same second, thousands when a lounge is busy. */
#define VISIT_POSITION \
  "CASE WHEN v.status = 'waiting' THEN" \
  "  (SELECT COALESCE (SUM (c.n), 0) FROM visit_waiting_count c WHERE c.lounge_id = v.lounge_id)" \
  "  - (SELECT COUNT(*) FROM visit w WHERE w.lounge_id = v.lounge_id AND w.status = 'waiting'" \
  "     AND w.checked_in_at > v.checked_in_at)" \
  "  - (SELECT COUNT(*) FROM visit w INDEXED BY visit_queue" \
  "     WHERE w.lounge_id = v.lounge_id AND w.status = 'waiting'" \
  "     AND w.checked_in_at = v.checked_in_at AND w.id > v.id)" \
  "  ELSE 0 END"

/* the same in one pass, where the query lists a whole lounge's queue */
#define VISIT_POSITION_IN_QUEUE \
  "CASE WHEN v.status = 'waiting' THEN" \
  "  ROW_NUMBER () OVER (PARTITION BY v.status = 'waiting' ORDER BY v.checked_in_at, v.id)" \
  "  ELSE 0 END"

#define VISIT_SELECT VISIT_SELECT_WITH (VISIT_POSITION)

#define VISIT_SELECT_WITH(position) \
  "SELECT v.id AS id, v.uuid AS uuid, v.lounge_id AS lounge_id," \
  " v.person_id AS person_id," \
  " COALESCE (p.display_name, v.guest_name) AS person_name," \
  " COALESCE (NULLIF (p.preferred_name, ''), p.display_name, v.guest_name) AS greeting_name," \
  " v.guest_name AS guest_name, v.guest_email AS guest_email," \
  " v.ticket_id AS ticket_id, t.ref AS ticket_ref, t.subject AS ticket_subject," \
  " v.reason AS reason, v.status AS status, v.checked_in_at AS checked_in_at," \
  " v.called_at AS called_at, v.service_started_at AS service_started_at," \
  " v.finished_at AS finished_at, v.engineer_id AS engineer_id," \
  " e.display_name AS engineer_name, v.desk AS desk, v.kiosk AS kiosk," \
  " v.identified_by AS identified_by, v.kiosk_ms AS kiosk_ms, v.outcome AS outcome," \
  " v.estimated_wait_s AS estimated_wait_s, v.version AS version," \
  " (SELECT s.score FROM survey s WHERE s.visit_id = v.id AND s.anonymous = 0" \
  "  ORDER BY s.id DESC LIMIT 1) AS survey_score," \
  " " position " AS position" \
  " FROM visit v" \
  " LEFT JOIN person p ON p.id = v.person_id" \
  " LEFT JOIN ticket t ON t.id = v.ticket_id" \
  " LEFT JOIN person e ON e.id = v.engineer_id"

#define TICKET_SELECT \
  "SELECT t.id AS id, t.ref AS ref, t.requester_id AS requester_id," \
  " r.display_name AS requester_name, t.subject AS subject," \
  " t.description AS description, t.category AS category, t.status AS status," \
  " t.priority AS priority, t.assignee_id AS assignee_id," \
  " a.display_name AS assignee_name, t.lounge_id AS lounge_id," \
  " t.created_at AS created_at, t.updated_at AS updated_at," \
  " t.resolved_at AS resolved_at, t.upstream_system AS upstream_system," \
  " t.upstream_id AS upstream_id, t.upstream_version AS upstream_version," \
  " t.version AS version" \
  " FROM ticket t" \
  " LEFT JOIN person r ON r.id = t.requester_id" \
  " LEFT JOIN person a ON a.id = t.assignee_id"

#define NOTE_SELECT \
  "SELECT n.id AS id, n.ticket_id AS ticket_id, n.author_id AS author_id," \
  " p.display_name AS author_name, n.body AS body, n.visibility AS visibility," \
  " n.created_at AS created_at, n.uuid AS uuid" \
  " FROM note n LEFT JOIN person p ON p.id = n.author_id"

#define HARDWARE_SELECT \
  "SELECT h.id AS id, h.ticket_id AS ticket_id, t.ref AS ticket_ref," \
  " h.person_id AS person_id, p.display_name AS person_name," \
  " h.lounge_id AS lounge_id, h.description AS description," \
  " h.asset_tag AS asset_tag, h.status AS status, h.location AS location," \
  " h.ready_by AS ready_by, h.ready_at AS ready_at, h.collected_at AS collected_at," \
  " h.handed_over_by AS handed_over_by, h.ack_name AS ack_name," \
  " h.ack_signature AS ack_signature, h.created_at AS created_at," \
  " h.updated_at AS updated_at, h.version AS version" \
  " FROM hardware h" \
  " LEFT JOIN ticket t ON t.id = h.ticket_id" \
  " LEFT JOIN person p ON p.id = h.person_id"

#define SURVEY_SELECT \
  "SELECT s.id AS id, s.uuid AS uuid, s.visit_id AS visit_id," \
  " s.ticket_id AS ticket_id, s.engineer_id AS engineer_id," \
  " e.display_name AS engineer_name, s.lounge_id AS lounge_id," \
  " s.person_id AS person_id, p.display_name AS person_name, s.score AS score," \
  " s.resolved AS resolved, s.tags AS tags, s.comment AS comment," \
  " s.contact_consent AS contact_consent, s.anonymous AS anonymous," \
  " s.language AS language, s.created_at AS created_at," \
  " s.followup_status AS followup_status, s.followup_by AS followup_by," \
  " s.followup_note AS followup_note, s.followup_at AS followup_at" \
  " FROM survey s" \
  " LEFT JOIN person e ON e.id = s.engineer_id" \
  " LEFT JOIN person p ON p.id = s.person_id"

static WkPerson *
load_person (sqlite3  *db,
             gint64    id,
             GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = wk_store_prepare (db, PERSON_SELECT " WHERE p.id = ?", error);
  g_autofree char *msg = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  msg = g_strdup_printf (_("There is no person with id %" PRId64), id);
  return one_row (db, stmt, WK_TYPE_PERSON, msg, error);
}

/* The acting staff member, or NULL with an error (NOT_FOUND or FORBIDDEN). */
static WkPerson *
load_staff (sqlite3  *db,
            gint64    id,
            GError  **error)
{
  g_autoptr(WkPerson) person = load_person (db, id, error);

  if (person == NULL)
    return NULL;
  if (wk_person_get_role (person) == WK_ROLE_VISITOR)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_FORBIDDEN,
                   _("%s is not a member of staff"),
                   wk_person_get_display_name (person));
      return NULL;
    }
  return g_steal_pointer (&person);
}

static WkVisit *
load_visit (sqlite3  *db,
            gint64    id,
            GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = wk_store_prepare (db, VISIT_SELECT " WHERE v.id = ?", error);
  g_autofree char *msg = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  msg = g_strdup_printf (_("There is no visit with id %" PRId64), id);
  return one_row (db, stmt, WK_TYPE_VISIT, msg, error);
}

/* A ticket with the upstream conflict of its last delivered edit, unless
 * acknowledged: the fields the upstream did not take, with its values and
 * ours (docs/upstream.md), newline-separated for row_to_object(). */
#define TICKET_WITH_CONFLICT_SELECT \
  "WITH last AS (SELECT d.event_id AS id, d.at AS at, d.detail AS detail" \
  "  FROM upstream_delivery d WHERE d.outcome = 'conflict'" \
  "  AND d.event_id = (SELECT e.id FROM event e" \
  "   WHERE e.entity = 'ticket' AND e.entity_id = ?1 AND e.kind = 'ticket.updated'" \
  "   AND EXISTS (SELECT 1 FROM upstream_delivery o WHERE o.event_id = e.id)" \
  "   ORDER BY e.id DESC LIMIT 1)" \
  "  AND NOT EXISTS (SELECT 1 FROM event k WHERE k.entity = 'ticket' AND k.entity_id = ?1" \
  "   AND k.kind = 'ticket.conflict_acknowledged'" \
  "   AND json_extract (k.payload, '$.conflict_id') = d.event_id))," \
  " f (name, key) AS (VALUES ('subject', 'subject'), ('status', 'status')," \
  "  ('assignee', 'owner'), ('category', 'category'))," \
  " c AS (SELECT l.id AS upstream_conflict_id, l.at AS upstream_conflict_at," \
  "  group_concat (f.name, char (10)) AS upstream_conflict_fields," \
  "  group_concat (replace (COALESCE (json_extract (l.detail, '$.upstream.' || f.key), '')," \
  "   char (10), ' '), char (10)) AS upstream_conflict_theirs," \
  "  group_concat (replace (COALESCE (json_extract (l.detail, '$.ours.' || f.key), '')," \
  "   char (10), ' '), char (10)) AS upstream_conflict_ours" \
  "  FROM last l, f WHERE json_type (l.detail, '$.ours.' || f.key) IS NOT NULL" \
  "  AND COALESCE (json_extract (l.detail, '$.ours.' || f.key), '')" \
  "   IS NOT COALESCE (json_extract (l.detail, '$.upstream.' || f.key), ''))" \
  " SELECT x.*, c.* FROM (" TICKET_SELECT " WHERE t.id = ?1) x, c"

static WkTicket *
load_ticket (sqlite3   *db,
             gint64     id,
             gboolean   with_notes,
             GError   **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(WkStoreStmt) notes_stmt = NULL;
  g_autoptr(GListStore) notes = NULL;
  g_autofree char *msg = NULL;
  int rc;

  stmt = wk_store_prepare (db, with_notes ? TICKET_WITH_CONFLICT_SELECT : TICKET_SELECT " WHERE t.id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  if (!with_notes)
    {
      msg = g_strdup_printf (_("There is no ticket with id %" PRId64), id);
      return one_row (db, stmt, WK_TYPE_TICKET, msg, error);
    }

  notes_stmt = wk_store_prepare (db, NOTE_SELECT " WHERE n.ticket_id = ? ORDER BY n.created_at, n.id", error);
  if (notes_stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (notes_stmt, 1, id);
  notes = collect_rows (db, notes_stmt, WK_TYPE_NOTE, error);
  if (notes == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, WK_ERROR, WK_ERROR_NOT_FOUND,
                     _("There is no ticket with id %" PRId64), id);
      else
        wk_db_set_error (db, rc, error, "reading a ticket");
      return NULL;
    }

  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_LIST_MODEL);
    g_value_set_object (&value, notes);
    return row_to_object_with (WK_TYPE_TICKET, stmt, "notes", &value);
  }
}

static WkHardware *
load_hardware (sqlite3  *db,
               gint64    id,
               GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = wk_store_prepare (db, HARDWARE_SELECT " WHERE h.id = ?", error);
  g_autofree char *msg = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  msg = g_strdup_printf (_("There is no hardware item with id %" PRId64), id);
  return one_row (db, stmt, WK_TYPE_HARDWARE, msg, error);
}

static WkSurvey *
load_survey (sqlite3  *db,
             gint64    id,
             GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = wk_store_prepare (db, SURVEY_SELECT " WHERE s.id = ?", error);
  g_autofree char *msg = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  msg = g_strdup_printf (_("There is no survey with id %" PRId64), id);
  return one_row (db, stmt, WK_TYPE_SURVEY, msg, error);
}

/* The id of the row @sql (with one parameter) finds, 0 when none, -1 on error. */
static gint64
find_id_text (sqlite3     *db,
              const char  *sql,
              const char  *value,
              GError     **error)
{
  g_autoptr(WkStoreStmt) stmt = wk_store_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, value);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc == SQLITE_DONE)
    return 0;
  wk_db_set_error (db, rc, error, "looking up");
  return -1;
}

static gboolean
lounge_exists (sqlite3  *db,
               gint64    id,
               GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = wk_store_prepare (db, "SELECT 1 FROM lounge WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, WK_ERROR, WK_ERROR_NOT_FOUND,
                 _("There is no lounge with id %" PRId64), id);
  else
    wk_db_set_error (db, rc, error, "looking up a lounge");
  return FALSE;
}

/* ---- transactions that log events ------------------------------------------ */

typedef struct {
  sqlite3   *db;
  gint64     now;
  GPtrArray *events;   /* of WkEvent appended in this transaction */
} Tx;

static void
tx_clear (Tx *tx)
{
  if (tx->db != NULL)
    wk_store_rollback (tx->db);
  g_clear_pointer (&tx->events, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tx, tx_clear)

static gboolean
tx_begin (Tx       *tx,
          sqlite3  *db,
          GError  **error)
{
  if (!wk_store_begin (db, error))
    return FALSE;
  tx->db = db;
  tx->now = now_s ();
  tx->events = g_ptr_array_new_with_free_func (g_object_unref);
  return TRUE;
}

typedef struct {
  EventHub  *hub;      /* owned */
  GPtrArray *events;   /* owned */
} Publish;

static void
publish_free (gpointer data)
{
  Publish *publish = data;

  event_hub_unref (publish->hub);
  g_ptr_array_unref (publish->events);
  g_free (publish);
}

static void
publish_cb (sqlite3  *db,
            gpointer  data)
{
  Publish *publish = data;

  event_hub_publish (publish->hub, db, publish->events);
}

/* Commits; the events go to subscribers once they are committed for good
 * (in a group commit: after the batch's COMMIT). */
static gboolean
tx_commit (Tx        *tx,
           EventHub  *hub,
           GError   **error)
{
  sqlite3 *db = g_steal_pointer (&tx->db);
  Publish *publish;

  if (!wk_store_commit (db, error))
    return FALSE;
  if (hub == NULL || tx->events->len == 0)
    return TRUE;

  publish = g_new (Publish, 1);
  publish->hub = event_hub_ref (hub);
  publish->events = g_ptr_array_ref (tx->events);
  wk_store_after_commit (db, publish_cb, publish, publish_free);
  return TRUE;
}

/* Appends the event row with @actor ('person:ID', 'kiosk:NAME',
 * 'upstream:SYSTEM' or NULL); @payload is a JSON object text. */
static gboolean
tx_event_as (Tx          *tx,
             const char  *actor,
             const char  *kind,
             const char  *entity,
             gint64       entity_id,
             GString     *payload,
             GError     **error)
{
  gint64 id = wk_store_log_event (tx->db, tx->now, actor, kind, entity, entity_id, payload->str, error);
  WkEvent *event;

  if (id == 0)
    return FALSE;
  event = g_object_new (WK_TYPE_EVENT,
                        "id", id,
                        "at", tx->now,
                        "actor", actor,
                        "kind", kind,
                        "entity", entity,
                        "entity-id", entity_id,
                        "payload", payload->str,
                        NULL);
  g_ptr_array_add (tx->events, event);
  return TRUE;
}

static gboolean
tx_event (Tx          *tx,
          gint64       actor_id,
          const char  *kiosk,
          const char  *kind,
          const char  *entity,
          gint64       entity_id,
          GString     *payload,
          GError     **error)
{
  g_autofree char *actor = NULL;

  if (actor_id > 0)
    actor = g_strdup_printf ("person:%" G_GINT64_FORMAT, actor_id);
  else if (kiosk != NULL && kiosk[0] != '\0')
    actor = g_strdup_printf ("kiosk:%s", kiosk);

  return tx_event_as (tx, actor, kind, entity, entity_id, payload, error);
}

static GString *
visit_payload (WkVisit *visit)
{
  GString *json = g_string_new (NULL);

  wk_json_begin_object (json);
  wk_json_member_int (json, "visit_id", wk_visit_get_id (visit));
  wk_json_member_string (json, "uuid", wk_visit_get_uuid (visit));
  wk_json_member_int (json, "lounge_id", wk_visit_get_lounge_id (visit));
  wk_json_member_id (json, "person_id", wk_visit_get_person_id (visit));
  wk_json_member_id (json, "ticket_id", wk_visit_get_ticket_id (visit));
  wk_json_member_string (json, "reason", wk_visit_get_reason (visit));
  wk_json_member_string (json, "status", wk_visit_status_to_string (wk_visit_get_status (visit)));
  wk_json_member_id (json, "engineer_id", wk_visit_get_engineer_id (visit));
  wk_json_member_string (json, "desk", wk_visit_get_desk (visit));
  wk_json_member_string (json, "outcome", wk_outcome_to_string (wk_visit_get_outcome (visit)));
  wk_json_member_int (json, "version", wk_visit_get_version (visit));
  wk_json_end_object (json);
  return json;
}

static GString *
ticket_payload (WkTicket   *ticket,
                const char *changed)
{
  GString *json = g_string_new (NULL);

  wk_json_begin_object (json);
  wk_json_member_int (json, "ticket_id", wk_ticket_get_id (ticket));
  wk_json_member_string (json, "ref", wk_ticket_get_ref (ticket));
  wk_json_member_id (json, "requester_id", wk_ticket_get_requester_id (ticket));
  wk_json_member_string (json, "status", wk_ticket_status_to_string (wk_ticket_get_status (ticket)));
  wk_json_member_id (json, "assignee_id", wk_ticket_get_assignee_id (ticket));
  wk_json_member_int (json, "version", wk_ticket_get_version (ticket));
  if (changed != NULL)
    wk_json_member_string (json, "changed", changed);
  wk_json_end_object (json);
  return json;
}

static GString *
hardware_payload (WkHardware *hardware)
{
  GString *json = g_string_new (NULL);

  wk_json_begin_object (json);
  wk_json_member_int (json, "hardware_id", wk_hardware_get_id (hardware));
  wk_json_member_int (json, "person_id", wk_hardware_get_person_id (hardware));
  wk_json_member_id (json, "ticket_id", wk_hardware_get_ticket_id (hardware));
  wk_json_member_id (json, "lounge_id", wk_hardware_get_lounge_id (hardware));
  wk_json_member_string (json, "status", wk_hardware_status_to_string (wk_hardware_get_status (hardware)));
  wk_json_member_string (json, "location", wk_hardware_get_location (hardware));
  wk_json_member_id (json, "handed_over_by", wk_hardware_get_handed_over_by (hardware));
  wk_json_member_int (json, "version", wk_hardware_get_version (hardware));
  wk_json_end_object (json);
  return json;
}

static GString *
survey_payload (WkSurvey *survey)
{
  GString *json = g_string_new (NULL);

  wk_json_begin_object (json);
  wk_json_member_int (json, "survey_id", wk_survey_get_id (survey));
  wk_json_member_string (json, "uuid", wk_survey_get_uuid (survey));
  wk_json_member_id (json, "visit_id", wk_survey_get_visit_id (survey));
  wk_json_member_id (json, "engineer_id", wk_survey_get_engineer_id (survey));
  wk_json_member_id (json, "lounge_id", wk_survey_get_lounge_id (survey));
  wk_json_member_int (json, "score", wk_survey_get_score (survey));
  wk_json_member_string (json, "followup_status",
                         wk_followup_status_to_string (wk_survey_get_followup_status (survey)));
  wk_json_end_object (json);
  return json;
}

/* ---- identify ----------------------------------------------------------------- */

static gpointer
identify_job (sqlite3  *db,
              gpointer  data,
              GError  **error)
{
  Args *a = data;
  g_autoptr(WkPerson) person = NULL;
  g_autoptr(GListStore) tickets = NULL;
  g_autoptr(GListStore) hardware = NULL;
  g_autoptr(WkVisit) pending = NULL;
  gint64 person_id = 0;

  switch ((WkIdentifiedBy) a->by)
    {
    case WK_IDENTIFIED_BY_BADGE:
      person_id = find_id_text (db, "SELECT id FROM person WHERE badge_id = ?", a->text, error);
      break;
    case WK_IDENTIFIED_BY_EMAIL:
      person_id = find_id_text (db, "SELECT id FROM person WHERE email = ?", a->text, error);
      break;
    case WK_IDENTIFIED_BY_EMPLOYEE_NO:
      person_id = find_id_text (db, "SELECT id FROM person WHERE employee_no = ?", a->text, error);
      break;
    case WK_IDENTIFIED_BY_TICKET_REF:
      {
        g_autoptr(WkStoreStmt) stmt = wk_store_prepare (db, TICKET_SELECT " WHERE t.ref = ?", error);
        int rc;

        if (stmt == NULL)
          return NULL;
        bind_text (stmt, 1, a->text);
        rc = sqlite3_step (stmt);
        if (rc == SQLITE_ROW)
          {
            g_autoptr(WkTicket) ticket = row_to_object (WK_TYPE_TICKET, stmt);

            person_id = wk_ticket_get_requester_id (ticket);
            if (person_id == 0)
              {
                /* a ticket nobody requested: show it alone */
                tickets = g_list_store_new (WK_TYPE_TICKET);
                g_list_store_append (tickets, ticket);
              }
          }
        else if (rc != SQLITE_DONE)
          {
            wk_db_set_error (db, rc, error, "looking up a ticket");
            return NULL;
          }
      }
      break;
    case WK_IDENTIFIED_BY_GUEST:
    default:
      g_assert_not_reached ();
    }

  if (person_id < 0)
    return NULL;

  if (person_id == 0 && tickets == NULL)
    {
      g_set_error_literal (error, WK_ERROR, WK_ERROR_NOT_FOUND,
                           a->by == WK_IDENTIFIED_BY_TICKET_REF
                           ? _("There is no ticket with that reference")
                           : _("No one was found; you can continue as a guest"));
      return NULL;
    }

  if (person_id > 0)
    {
      g_autoptr(WkStoreStmt) t_stmt = NULL;
      g_autoptr(WkStoreStmt) h_stmt = NULL;
      g_autoptr(WkStoreStmt) v_stmt = NULL;
      int rc;

      person = load_person (db, person_id, error);
      if (person == NULL)
        return NULL;

      t_stmt = wk_store_prepare (db, TICKET_SELECT
                                 " WHERE t.requester_id = ?1 AND t.status IN ('new', 'open', 'pending')"
                                 " ORDER BY t.updated_at DESC, t.id DESC LIMIT ?2", error);
      if (t_stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (t_stmt, 1, person_id);
      sqlite3_bind_int (t_stmt, 2, IDENTIFY_MAX_TICKETS);
      tickets = collect_rows (db, t_stmt, WK_TYPE_TICKET, error);
      if (tickets == NULL)
        return NULL;

      h_stmt = wk_store_prepare (db, HARDWARE_SELECT
                                 " WHERE h.person_id = ?1 AND h.status IN ('ready', 'preparing')"
                                 " ORDER BY h.status = 'ready' DESC, h.ready_at, h.id", error);
      if (h_stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (h_stmt, 1, person_id);
      hardware = collect_rows (db, h_stmt, WK_TYPE_HARDWARE, error);
      if (hardware == NULL)
        return NULL;

      v_stmt = wk_store_prepare (db, VISIT_SELECT
                                 " WHERE v.person_id = ?1 AND v.status = 'done'"
                                 " AND v.engineer_id IS NOT NULL AND v.finished_at >= ?2"
                                 " AND NOT EXISTS (SELECT 1 FROM survey s WHERE s.visit_id = v.id)"
                                 " ORDER BY v.finished_at DESC, v.id DESC LIMIT 1", error);
      if (v_stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (v_stmt, 1, person_id);
      sqlite3_bind_int64 (v_stmt, 2, now_s () - PENDING_SURVEY_MAX_AGE_S);
      rc = sqlite3_step (v_stmt);
      if (rc == SQLITE_ROW)
        pending = row_to_object (WK_TYPE_VISIT, v_stmt);
      else if (rc != SQLITE_DONE)
        {
          wk_db_set_error (db, rc, error, "looking up a pending survey");
          return NULL;
        }
    }

  if (hardware == NULL)
    hardware = g_list_store_new (WK_TYPE_HARDWARE);

  return g_object_new (WK_TYPE_IDENTITY,
                       "identified-by", a->by,
                       "person", person,
                       "tickets", tickets,
                       "hardware", hardware,
                       "pending-survey", pending,
                       NULL);
}

/* ---- identify in front of an upstream ------------------------------------------
 *
 * identify_job answers from the local copy first; then the lookup is asked
 * for the person's upstream tickets within its budget.  In time, they are
 * merged and identify_job runs again in the same job; otherwise (slow, down,
 * failed) the local answer stands.  Merged rows log their events as
 * "upstream:SYSTEM", which the sync skips. */

/* 1 when ticket @id has changes the sync for @system has not delivered, 0
 * when not (or when no sync runs), -1 on error. */
static int
has_undelivered (sqlite3     *db,
                 const char  *system,
                 const char  *actor,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  int rc;

  stmt = wk_store_prepare (db,
                           "SELECT EXISTS (SELECT 1 FROM upstream_cursor c"
                           " JOIN event e ON e.entity = 'ticket' AND e.entity_id = ?2"
                           "  AND e.id > c.last_event_id"
                           " WHERE c.system = ?1 AND e.actor IS NOT ?3)", error);
  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, system);
  sqlite3_bind_int64 (stmt, 2, id);
  bind_text (stmt, 3, actor);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "looking for undelivered changes");
      return -1;
    }
  return sqlite3_column_int (stmt, 0);
}

/* Upserts one upstream ticket of @person_id by (system, upstream id). */
static gboolean
tx_merge_upstream_ticket (Tx                     *tx,
                          const char             *system,
                          const char             *actor,
                          gint64                  person_id,
                          const WkUpstreamTicket *u,
                          GError                **error)
{
  g_autoptr(WkStoreStmt) find = NULL;
  g_autoptr(WkStoreStmt) write = NULL;
  g_autoptr(WkTicket) ticket = NULL;
  g_autoptr(GString) payload = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autofree char *ref = NULL;
  const char *status = wk_ticket_status_to_string (u->status);
  const char *category = wk_category_is_valid (u->category) ? u->category : NULL;
  gint64 id = 0, assignee_id = 0;
  int rc;

  if (u->id == NULL || status == NULL)
    return TRUE;

  if (u->owner != NULL)
    {
      assignee_id = find_id_text (tx->db, "SELECT id FROM person WHERE username = ?"
                                  " AND role <> 'visitor'", u->owner, error);
      if (assignee_id < 0)
        return FALSE;
    }

  find = wk_store_prepare (tx->db,
                           "SELECT id, subject, status, category, assignee_id, upstream_updated_at"
                           " FROM ticket WHERE upstream_system = ?1 AND upstream_id = ?2", error);
  if (find == NULL)
    return FALSE;
  bind_text (find, 1, system);
  bind_text (find, 2, u->id);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    {
      int pending;

      id = sqlite3_column_int64 (find, 0);
      if (g_strcmp0 ((const char *) sqlite3_column_text (find, 1), u->subject) != 0)
        g_string_append (changed, "subject,");
      if (g_strcmp0 ((const char *) sqlite3_column_text (find, 2), status) != 0)
        g_string_append (changed, "status,");
      if (category != NULL && g_strcmp0 ((const char *) sqlite3_column_text (find, 3), category) != 0)
        g_string_append (changed, "category,");
      if (sqlite3_column_int64 (find, 4) != assignee_id)
        g_string_append (changed, "assignee,");
      if (changed->len == 0 && u->updated_at == sqlite3_column_int64 (find, 5) && u->version == NULL)
        return TRUE;
      pending = has_undelivered (tx->db, system, actor, id, error);
      if (pending < 0)
        return FALSE;
      if (pending)
        return TRUE;   /* ours go first; the sync will meet theirs */
      if (changed->len > 0)
        g_string_truncate (changed, changed->len - 1);
    }
  else if (rc != SQLITE_DONE)
    {
      wk_db_set_error (tx->db, rc, error, "looking up a mirrored ticket");
      return FALSE;
    }

  if (id == 0)
    {
      ref = u->ref != NULL ? g_strdup (u->ref) : g_strdup_printf ("%s-%s", system, u->id);
      write = wk_store_prepare (tx->db,
                                "INSERT INTO ticket (ref, requester_id, subject, category, status,"
                                " assignee_id, created_at, updated_at, resolved_at, upstream_system,"
                                " upstream_id, upstream_version, upstream_updated_at)"
                                " VALUES (?1, ?2, ?3, COALESCE (?4, 'other'), ?5, ?6, ?7, ?8,"
                                "  CASE WHEN ?5 IN ('resolved', 'closed') THEN ?8 END,"
                                "  ?9, ?10, ?11, ?12)", error);
      if (write == NULL)
        return FALSE;
      bind_text (write, 1, ref);
      bind_id (write, 2, person_id);
      bind_text (write, 3, u->subject != NULL ? u->subject : "");
      bind_text (write, 4, category);
      bind_text (write, 5, status);
      bind_id (write, 6, assignee_id);
      sqlite3_bind_int64 (write, 7, u->created_at > 0 ? u->created_at : tx->now);
      sqlite3_bind_int64 (write, 8, u->updated_at > 0 ? u->updated_at : tx->now);
      bind_text (write, 9, system);
      bind_text (write, 10, u->id);
      bind_text (write, 11, u->version);
      sqlite3_bind_int64 (write, 12, u->updated_at);
      if (!wk_store_step_done (tx->db, write, "mirroring a ticket", error))
        return FALSE;
      id = sqlite3_last_insert_rowid (tx->db);
    }
  else
    {
      /* a search carries no version: keep ours while upstream has not moved */
      write = wk_store_prepare (tx->db,
                                "UPDATE ticket SET subject = ?2, status = ?3,"
                                " category = COALESCE (?4, category),"
                                " assignee_id = ?5,"
                                " resolved_at = CASE WHEN ?3 = status THEN resolved_at"
                                "  WHEN ?3 IN ('resolved', 'closed') THEN COALESCE (resolved_at, ?6)"
                                "  ELSE NULL END,"
                                " upstream_version = COALESCE (?7, CASE WHEN upstream_updated_at IS ?8"
                                "  THEN upstream_version END),"
                                " upstream_updated_at = ?8,"
                                " updated_at = CASE WHEN ?9 THEN ?6 ELSE updated_at END,"
                                " version = version + ?9"
                                " WHERE id = ?1", error);
      if (write == NULL)
        return FALSE;
      sqlite3_bind_int64 (write, 1, id);
      bind_text (write, 2, u->subject != NULL ? u->subject : "");
      bind_text (write, 3, status);
      bind_text (write, 4, category);
      bind_id (write, 5, assignee_id);
      sqlite3_bind_int64 (write, 6, tx->now);
      bind_text (write, 7, u->version);
      sqlite3_bind_int64 (write, 8, u->updated_at);
      sqlite3_bind_int (write, 9, changed->len > 0);
      if (!wk_store_step_done (tx->db, write, "mirroring a ticket", error))
        return FALSE;
      if (changed->len == 0)
        return TRUE;
    }

  ticket = load_ticket (tx->db, id, FALSE, error);
  if (ticket == NULL)
    return FALSE;
  payload = ticket_payload (ticket, ref == NULL ? changed->str : NULL);
  return tx_event_as (tx, actor, ref != NULL ? "ticket.created" : "ticket.updated",
                      "ticket", id, payload, error);
}

/* Mirrored tickets of @person_id that are active here but no longer among
 * the upstream's active ones were resolved (or closed) there: resolved.
 * Recently touched ones are left for the next identify (a create the
 * search did not see yet). */
static gboolean
tx_resolve_gone (Tx          *tx,
                 const char  *system,
                 const char  *actor,
                 gint64       person_id,
                 GPtrArray   *active,
                 GError     **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = wk_store_prepare (tx->db,
                           "SELECT id, upstream_id FROM ticket WHERE requester_id = ?1"
                           " AND upstream_system = ?2 AND status IN ('new', 'open', 'pending')"
                           " AND updated_at < ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  bind_text (stmt, 2, system);
  sqlite3_bind_int64 (stmt, 3, tx->now - 60);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *upstream_id = (const char *) sqlite3_column_text (stmt, 1);
      gboolean listed = FALSE;
      gint64 id = sqlite3_column_int64 (stmt, 0);

      for (guint i = 0; i < active->len && !listed; i++)
        listed = g_strcmp0 (((WkUpstreamTicket *) g_ptr_array_index (active, i))->id, upstream_id) == 0;
      if (!listed)
        g_array_append_val (gone, id);
    }
  if (rc != SQLITE_DONE)
    {
      wk_db_set_error (tx->db, rc, error, "reading mirrored tickets");
      return FALSE;
    }

  for (guint i = 0; i < gone->len; i++)
    {
      gint64 id = g_array_index (gone, gint64, i);
      g_autoptr(WkStoreStmt) write = NULL;
      g_autoptr(WkTicket) ticket = NULL;
      g_autoptr(GString) payload = NULL;
      int pending = has_undelivered (tx->db, system, actor, id, error);

      if (pending < 0)
        return FALSE;
      if (pending)
        continue;
      write = wk_store_prepare (tx->db,
                                "UPDATE ticket SET status = 'resolved', resolved_at = ?2,"
                                " updated_at = ?2, version = version + 1 WHERE id = ?1", error);
      if (write == NULL)
        return FALSE;
      sqlite3_bind_int64 (write, 1, id);
      sqlite3_bind_int64 (write, 2, tx->now);
      if (!wk_store_step_done (tx->db, write, "resolving a mirrored ticket", error))
        return FALSE;
      ticket = load_ticket (tx->db, id, FALSE, error);
      if (ticket == NULL)
        return FALSE;
      payload = ticket_payload (ticket, "status");
      if (!tx_event_as (tx, actor, "ticket.updated", "ticket", id, payload, error))
        return FALSE;
    }
  return TRUE;
}

static gpointer
merge_and_identify_job (sqlite3  *db,
                        gpointer  data,
                        GError  **error)
{
  Args *a = data;
  g_auto(Tx) tx = { 0, };
  g_autofree char *actor = g_strdup_printf ("upstream:%s", a->text3);

  if (!tx_begin (&tx, db, error))
    return NULL;
  for (guint i = 0; i < a->upstream->len; i++)
    if (!tx_merge_upstream_ticket (&tx, a->text3, actor, a->person_id,
                                   g_ptr_array_index (a->upstream, i), error))
      return NULL;
  if (!tx_resolve_gone (&tx, a->text3, actor, a->person_id, a->upstream, error))
    return NULL;
  if (!tx_commit (&tx, a->hub, error))
    return NULL;

  return identify_job (db, data, error);
}

typedef struct {
  WkIdentity *local;      /* owned: the answer from the local copy */
  GError     *not_found;  /* owned: the local copy's answer when it knew no one */
  int         by;
  char       *value;
} IdentifyData;

static void
identify_data_free (gpointer data)
{
  IdentifyData *d = data;

  g_clear_object (&d->local);
  g_clear_error (&d->not_found);
  g_free (d->value);
  g_free (d);
}

static void
identify_merged_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IdentifyData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  WkIdentity *identity;

  identity = wk_store_run_finish (WK_STORE (source), result, &error);
  if (identity != NULL)
    {
      g_task_return_pointer (task, identity, g_object_unref);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_warning ("Could not merge the upstream's tickets: %s", error->message);
  g_task_return_pointer (task, g_steal_pointer (&d->local), g_object_unref);
}

static void
identify_upstream_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IdentifyData *d = g_task_get_task_data (task);
  g_autoptr(GPtrArray) tickets = NULL;
  g_autoptr(GError) error = NULL;
  WkUpstreamLookup *lookup = WK_UPSTREAM_LOOKUP (source);
  GCancellable *cancellable;
  WkLocalDesk *self;
  WkPerson *person;
  Args *a;

  tickets = wk_upstream_lookup_find_tickets_finish (lookup, result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  if (tickets == NULL)
    {
      /* never refused for the upstream's sake: the local copy answers */
      g_debug ("Identify from the local copy: %s", error->message);
      g_task_return_pointer (task, g_steal_pointer (&d->local), g_object_unref);
      return;
    }

  self = g_task_get_source_object (task);
  person = wk_identity_get_person (d->local);
  a = args_new (self);
  a->by = d->by;
  a->text = g_strdup (d->value);
  a->person_id = wk_person_get_id (person);
  a->text3 = g_strdup (wk_upstream_get_system (wk_upstream_lookup_get_upstream (lookup)));
  a->upstream = g_ptr_array_ref (tickets);
  cancellable = g_task_get_cancellable (task);
  wk_store_run_full_async (self->store, merge_and_identify_job, a, args_free, g_object_unref,
                           cancellable, identify_merged_cb, g_steal_pointer (&task));
}

/* @d->local is set: ask the upstream for the person's tickets. */
static void
identify_tickets (GTask *task)
{
  IdentifyData *d = g_task_get_task_data (task);
  WkLocalDesk *self = g_task_get_source_object (task);
  WkPerson *person = wk_identity_get_person (d->local);

  if (self->lookup == NULL || person == NULL || wk_person_get_email (person) == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&d->local), g_object_unref);
      g_object_unref (task);
      return;
    }
  wk_upstream_lookup_find_tickets_async (self->lookup, wk_person_get_email (person),
                                         g_task_get_cancellable (task), identify_upstream_cb, task);
}

/* Someone the upstream knows joins the local directory as a visitor: a new
 * person (RT's real name, email and badge), or, found by badge, the person
 * with RT's email gets the badge.  Then identify again. */
static gpointer
adopt_person_and_identify_job (sqlite3  *db,
                               gpointer  data,
                               GError  **error)
{
  Args *a = data;
  WkUpstreamPerson *p = a->upstream_person;
  g_auto(Tx) tx = { 0, };
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(GString) payload = g_string_new (NULL);
  g_autofree char *actor = g_strdup_printf ("upstream:%s", a->text3);
  const char *email = a->by == WK_IDENTIFIED_BY_EMAIL ? a->text : p->email;
  const char *badge = a->by == WK_IDENTIFIED_BY_BADGE ? a->text : p->badge_id;
  gint64 person_id = 0;

  if (!tx_begin (&tx, db, error))
    return NULL;
  if (email != NULL &&
      (person_id = find_id_text (db, "SELECT id FROM person WHERE email = ?", email, error)) < 0)
    return NULL;

  if (person_id > 0)
    stmt = wk_store_prepare (db,
                             "UPDATE person SET badge_id = ?2, updated_at = ?3"
                             " WHERE id = ?1 AND badge_id IS NULL AND ?2 IS NOT NULL"
                             " AND NOT EXISTS (SELECT 1 FROM person o WHERE o.badge_id = ?2)", error);
  else
    stmt = wk_store_prepare (db,
                             "INSERT INTO person (badge_id, email, display_name, role, created_at, updated_at)"
                             " SELECT CASE WHEN EXISTS (SELECT 1 FROM person o WHERE o.badge_id = ?2)"
                             "  THEN NULL ELSE ?2 END, ?4, ?5, 'visitor', ?3, ?3", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  bind_text (stmt, 2, badge);
  sqlite3_bind_int64 (stmt, 3, tx.now);
  bind_text (stmt, 4, email);
  bind_text (stmt, 5, p->display_name != NULL ? p->display_name : email != NULL ? email : p->id);
  if (!wk_store_step_done (db, stmt, "adding a person from the upstream", error))
    return NULL;

  if (sqlite3_changes (db) == 1)
    {
      gboolean added = person_id == 0;

      if (added)
        person_id = sqlite3_last_insert_rowid (db);
      wk_json_begin_object (payload);
      wk_json_member_int (payload, "person_id", person_id);
      wk_json_member_string (payload, "upstream_id", p->id);
      wk_json_end_object (payload);
      if (!tx_event_as (&tx, actor, added ? "person.added" : "person.updated", "person", person_id,
                        payload, error))
        return NULL;
    }
  if (!tx_commit (&tx, a->hub, error))
    return NULL;

  return identify_job (db, data, error);
}

static void
identify_adopted_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  IdentifyData *d = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  d->local = wk_store_run_finish (WK_STORE (source), result, &error);
  if (d->local == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  identify_tickets (task);
}

static void
identify_person_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  IdentifyData *d = g_task_get_task_data (task);
  WkUpstreamLookup *lookup = WK_UPSTREAM_LOOKUP (source);
  WkLocalDesk *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  WkUpstreamPerson *person;
  Args *a;

  person = wk_upstream_lookup_find_person_finish (lookup, result, &error);
  if (person == NULL)
    {
      /* unknown there too, or slow: a guest, never a wait */
      if (!g_error_matches (error, WK_ERROR, WK_ERROR_NOT_FOUND))
        g_debug ("Person from the upstream: %s", error->message);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_error (task, g_steal_pointer (&d->not_found));
      g_object_unref (task);
      return;
    }

  a = args_new (self);
  a->by = d->by;
  a->text = g_strdup (d->value);
  a->text3 = g_strdup (wk_upstream_get_system (wk_upstream_lookup_get_upstream (lookup)));
  a->upstream_person = person;
  wk_store_run_full_async (self->store, adopt_person_and_identify_job, a, args_free, g_object_unref,
                           g_task_get_cancellable (task), identify_adopted_cb, task);
}

static void
identify_local_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  IdentifyData *d = g_task_get_task_data (task);
  WkLocalDesk *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  d->local = wk_store_run_finish (WK_STORE (source), result, &error);
  if (d->local != NULL)
    {
      identify_tickets (task);
      return;
    }
  if (g_error_matches (error, WK_ERROR, WK_ERROR_NOT_FOUND) &&
      (d->by == WK_IDENTIFIED_BY_EMAIL || d->by == WK_IDENTIFIED_BY_BADGE))
    {
      /* not in the directory: perhaps the upstream knows them */
      d->not_found = g_steal_pointer (&error);
      wk_upstream_lookup_find_person_async (self->lookup,
                                            d->by == WK_IDENTIFIED_BY_EMAIL ? d->value : NULL,
                                            d->by == WK_IDENTIFIED_BY_BADGE ? d->value : NULL,
                                            g_task_get_cancellable (task), identify_person_cb, task);
      return;
    }
  g_task_return_error (task, g_steal_pointer (&error));
  g_object_unref (task);
}

/* Takes @a. */
static void
identify_with_upstream (WkLocalDesk         *self,
                        Args                *a,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  IdentifyData *d = g_new0 (IdentifyData, 1);

  g_task_set_source_tag (task, wk_desk_identify_async);
  d->by = a->by;
  d->value = g_strdup (a->text);
  g_task_set_task_data (task, d, identify_data_free);
  wk_store_run_full_async (self->store, identify_job, a, args_free, g_object_unref,
                           cancellable, identify_local_cb, task);
}

static void
wk_local_desk_identify (WkDesk              *desk,
                        WkIdentifiedBy       by,
                        const char          *value,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a;

  if (by == WK_IDENTIFIED_BY_GUEST || !wk_identified_by_to_string (by))
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID,
                         _("Identify by badge, email, employee number or ticket reference"));
  else if (by == WK_IDENTIFIED_BY_EMAIL)
    wk_validate_email (_("Email"), value, TRUE, &error);
  else
    wk_validate_text (_("The identifier"), value, WK_MAX_IDENTIFIER, TRUE, &error);

  if (error != NULL)
    {
      return_error (self, wk_desk_identify_async, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->by = by;
  a->text = g_strstrip (g_strdup (value));
  if (by == WK_IDENTIFIED_BY_TICKET_REF && g_ascii_strncasecmp (a->text, "wk-", 3) == 0)
    {
      /* references are typed in any case: WK-10042 */
      char *upper = g_ascii_strup (a->text, -1);

      g_free (a->text);
      a->text = upper;
    }

  if (self->lookup != NULL)
    {
      identify_with_upstream (self, a, cancellable, callback, user_data);
      return;
    }

  run_job (self, wk_desk_identify_async, identify_job, a, g_object_unref,
           cancellable, callback, user_data);
}

/* ---- check in ---------------------------------------------------------------- */

/* Inserts a new ticket in the current transaction; returns its id or 0. */
static gint64
tx_insert_ticket (Tx          *tx,
                  gint64       requester_id,
                  gint64       lounge_id,
                  const char  *subject,
                  const char  *description,
                  const char  *category,
                  gint64       actor_id,
                  const char  *kiosk,
                  GError     **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(WkTicket) ticket = NULL;
  g_autoptr(GString) payload = NULL;
  gint64 id;

  /* WK-(10000 + id): the id is taken in this write transaction */
  stmt = wk_store_prepare (tx->db,
                           "INSERT INTO ticket (id, ref, requester_id, subject, description,"
                           " category, status, lounge_id, created_at, updated_at)"
                           " SELECT COALESCE (MAX (id), 0) + 1,"
                           "  'WK-' || (10000 + COALESCE (MAX (id), 0) + 1),"
                           "  ?1, ?2, ?3, ?4, 'new', ?5, ?6, ?6 FROM ticket", error);
  if (stmt == NULL)
    return 0;
  bind_id (stmt, 1, requester_id);
  bind_text (stmt, 2, subject);
  bind_text (stmt, 3, description != NULL ? description : "");
  bind_text (stmt, 4, category);
  bind_id (stmt, 5, lounge_id);
  sqlite3_bind_int64 (stmt, 6, tx->now);
  if (!wk_store_step_done (tx->db, stmt, "opening a ticket", error))
    return 0;
  id = sqlite3_last_insert_rowid (tx->db);

  ticket = load_ticket (tx->db, id, FALSE, error);
  if (ticket == NULL)
    return 0;
  payload = ticket_payload (ticket, NULL);
  if (!tx_event (tx, actor_id, kiosk, "ticket.created", "ticket", id, payload, error))
    return 0;

  return id;
}

static gpointer
check_in_job (sqlite3  *db,
              gpointer  data,
              GError  **error)
{
  Args *a = data;
  WkCheckInRequest *r = a->check_in;
  g_auto(Tx) tx = { 0, };
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(WkVisit) visit = NULL;
  g_autoptr(GString) payload = NULL;
  g_autoptr(GError) estimate_error = NULL;
  gint64 existing, ticket_id = r->ticket_id, visit_id;
  int minutes;

  if (!tx_begin (&tx, db, error))
    return NULL;

  /* the same UUID again: the same visit, nothing written */
  existing = find_id_text (db, "SELECT id FROM visit WHERE uuid = ?", r->uuid, error);
  if (existing < 0)
    return NULL;
  if (existing > 0)
    return load_visit (db, existing, error);

  if (!lounge_exists (db, r->lounge_id, error))
    return NULL;

  if (r->person_id > 0)
    {
      g_autoptr(WkPerson) person = load_person (db, r->person_id, error);

      if (person == NULL)
        return NULL;
    }

  if (ticket_id > 0)
    {
      g_autoptr(WkTicket) ticket = load_ticket (db, ticket_id, FALSE, error);

      if (ticket == NULL)
        return NULL;
      if (wk_ticket_get_requester_id (ticket) != 0 &&
          wk_ticket_get_requester_id (ticket) != r->person_id)
        {
          g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                       _("Ticket %s belongs to someone else"), wk_ticket_get_ref (ticket));
          return NULL;
        }
    }
  else if (r->open_ticket)
    {
      const WkCategory *category = wk_category_lookup (r->reason);
      const char *subject = r->subject != NULL && r->subject[0] != '\0'
                            ? r->subject : category->name;

      ticket_id = tx_insert_ticket (&tx, r->person_id, r->lounge_id, subject, "",
                                    r->reason, 0, r->kiosk, error);
      if (ticket_id == 0)
        return NULL;
    }

  /* an estimate that cannot be made never blocks a check-in */
  minutes = wk_estimate_wait (db, r->lounge_id, tx.now, NULL, &estimate_error);
  if (minutes < 0)
    g_debug ("No wait estimate for lounge %" G_GINT64_FORMAT ": %s",
             r->lounge_id, estimate_error->message);

  stmt = wk_store_prepare (db,
                           "INSERT INTO visit (uuid, lounge_id, person_id, guest_name, guest_email,"
                           " ticket_id, reason, status, checked_in_at, kiosk, identified_by,"
                           " kiosk_ms, estimated_wait_s)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'waiting', ?8, ?9, ?10, ?11, ?12)",
                           error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, r->uuid);
  sqlite3_bind_int64 (stmt, 2, r->lounge_id);
  bind_id (stmt, 3, r->person_id);
  bind_text (stmt, 4, r->person_id > 0 ? NULL : r->guest_name);
  bind_text (stmt, 5, r->person_id > 0 ? NULL : r->guest_email);
  bind_id (stmt, 6, ticket_id);
  bind_text (stmt, 7, r->reason);
  sqlite3_bind_int64 (stmt, 8, tx.now);
  bind_text (stmt, 9, r->kiosk);
  bind_text (stmt, 10, wk_identified_by_to_string (r->identified_by));
  if (r->kiosk_ms >= 0)
    sqlite3_bind_int64 (stmt, 11, r->kiosk_ms);
  else
    sqlite3_bind_null (stmt, 11);
  if (minutes >= 0)
    sqlite3_bind_int64 (stmt, 12, (gint64) minutes * 60);
  else
    sqlite3_bind_null (stmt, 12);
  if (!wk_store_step_done (db, stmt, "checking in", error))
    return NULL;
  visit_id = sqlite3_last_insert_rowid (db);

  visit = load_visit (db, visit_id, error);
  if (visit == NULL)
    return NULL;
  payload = visit_payload (visit);
  if (!tx_event (&tx, 0, r->kiosk, "visit.checked_in", "visit", visit_id, payload, error))
    return NULL;

  if (!tx_commit (&tx, a->hub, error))
    return NULL;

  return g_steal_pointer (&visit);
}

static void
wk_local_desk_check_in (WkDesk                 *desk,
                        const WkCheckInRequest *request,
                        GCancellable           *cancellable,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a;
  gboolean guest = request->person_id <= 0;

  if (!wk_validate_uuid (request->uuid, &error) ||
      !wk_validate_id (_("The lounge"), request->lounge_id, &error) ||
      !wk_validate_category (request->reason, &error) ||
      !wk_validate_text (_("The description"), request->subject, WK_MAX_SUBJECT, FALSE, &error) ||
      !wk_validate_text (_("The kiosk name"), request->kiosk, WK_MAX_KIOSK, FALSE, &error))
    {
      /* the validator set the error */
    }
  else if (guest && request->identified_by != WK_IDENTIFIED_BY_GUEST)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID,
                         _("A check-in without a person must be a guest check-in"));
  else if (!guest && (request->identified_by == WK_IDENTIFIED_BY_GUEST ||
                      wk_identified_by_to_string (request->identified_by) == NULL))
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID,
                         _("Say how the person identified: badge, email, employee number or ticket reference"));
  else if (guest &&
           (!wk_validate_text (_("Your name"), request->guest_name, WK_MAX_NAME, TRUE, &error) ||
            !wk_validate_email (_("Your email"), request->guest_email, FALSE, &error)))
    {
      /* the validator set the error */
    }
  else if (request->ticket_id > 0 && request->open_ticket)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID,
                         _("Choose an existing ticket or ask for a new one, not both"));
  else if (request->ticket_id < 0)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID, _("The ticket id is not valid"));
  else if (request->kiosk_ms < -1 || request->kiosk_ms > WK_MAX_KIOSK_MS)
    g_set_error (&error, WK_ERROR, WK_ERROR_INVALID,
                 _("The kiosk time must be between 0 and %d ms"), WK_MAX_KIOSK_MS);

  if (error != NULL)
    {
      return_error (self, wk_desk_check_in_async, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->check_in = wk_check_in_request_copy (request);
  if (guest)
    {
      a->check_in->person_id = 0;
      g_strstrip (a->check_in->guest_name);
      if (a->check_in->guest_email != NULL)
        g_strstrip (a->check_in->guest_email);
    }
  if (a->check_in->subject != NULL)
    g_strstrip (a->check_in->subject);

  run_batched_job (self, wk_desk_check_in_async, check_in_job, a, g_object_unref,
           cancellable, callback, user_data);
}

/* ---- queue --------------------------------------------------------------------- */

static gpointer
list_queue_job (sqlite3  *db,
                gpointer  data,
                GError  **error)
{
  Args *a = data;
  g_autoptr(WkStoreStmt) stmt = NULL;

  if (!lounge_exists (db, a->lounge_id, error))
    return NULL;

  /* every waiting visit of the lounge is in the list: count places in one pass */
  stmt = wk_store_prepare (db, VISIT_SELECT_WITH (VISIT_POSITION_IN_QUEUE)
                           " WHERE v.lounge_id = ?1 AND v.status IN ('waiting', 'called', 'in_service')"
                           " ORDER BY v.checked_in_at, v.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a->lounge_id);
  return collect_rows (db, stmt, WK_TYPE_VISIT, error);
}

static void
wk_local_desk_list_queue (WkDesk              *desk,
                          gint64               lounge_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a;

  if (!wk_validate_id (_("The lounge"), lounge_id, &error))
    {
      return_error (self, wk_desk_list_queue_async, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->lounge_id = lounge_id;
  run_job (self, wk_desk_list_queue_async, list_queue_job, a, g_object_unref,
           cancellable, callback, user_data);
}

/* ---- visit moves --------------------------------------------------------------- */

static const char *
visit_event_kind (WkVisitStatus to)
{
  switch (to)
    {
    case WK_VISIT_STATUS_WAITING:
      return "visit.requeued";
    case WK_VISIT_STATUS_CALLED:
      return "visit.called";
    case WK_VISIT_STATUS_IN_SERVICE:
      return "visit.service_started";
    case WK_VISIT_STATUS_DONE:
      return "visit.finished";
    case WK_VISIT_STATUS_LEFT:
      return "visit.left";
    case WK_VISIT_STATUS_CANCELLED:
    default:
      return "visit.cancelled";
    }
}

static gboolean
tx_resolve_ticket (Tx       *tx,
                   gint64    ticket_id,
                   gint64    actor_id,
                   GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(WkTicket) ticket = NULL;
  g_autoptr(GString) payload = NULL;

  stmt = wk_store_prepare (tx->db,
                           "UPDATE ticket SET status = 'resolved', resolved_at = ?2,"
                           " updated_at = ?2, version = version + 1"
                           " WHERE id = ?1 AND status IN ('new', 'open', 'pending')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  sqlite3_bind_int64 (stmt, 2, tx->now);
  if (!wk_store_step_done (tx->db, stmt, "resolving the ticket", error))
    return FALSE;
  if (sqlite3_changes (tx->db) == 0)
    return TRUE;

  ticket = load_ticket (tx->db, ticket_id, FALSE, error);
  if (ticket == NULL)
    return FALSE;
  payload = ticket_payload (ticket, "status");
  return tx_event (tx, actor_id, NULL, "ticket.updated", "ticket", ticket_id, payload, error);
}

static gpointer
visit_move_job (sqlite3  *db,
                gpointer  data,
                GError  **error)
{
  Args *a = data;
  WkVisitStatus to = a->target;
  g_auto(Tx) tx = { 0, };
  g_autoptr(WkVisit) visit = NULL;
  g_autoptr(WkPerson) actor = NULL;
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(GString) payload = NULL;
  WkVisitStatus from;

  if (!tx_begin (&tx, db, error))
    return NULL;

  visit = load_visit (db, a->id, error);
  if (visit == NULL)
    return NULL;
  if (a->actor_id > 0 && (actor = load_staff (db, a->actor_id, error)) == NULL)
    return NULL;

  from = wk_visit_get_status (visit);

  if (to == WK_VISIT_STATUS_CALLED &&
      (from == WK_VISIT_STATUS_CALLED || from == WK_VISIT_STATUS_IN_SERVICE))
    {
      /* two engineers raced for this visitor: the first one won */
      if (wk_visit_get_engineer_id (visit) == a->actor_id)
        return g_steal_pointer (&visit);
      if (wk_visit_get_engineer_name (visit) != NULL)
        /* Translators: a visitor's name, then an engineer's */
        g_set_error (error, WK_ERROR, WK_ERROR_CONFLICT, _("%s was already picked up by %s"),
                     wk_visit_get_greeting_name (visit), wk_visit_get_engineer_name (visit));
      else
        g_set_error (error, WK_ERROR, WK_ERROR_CONFLICT,
                     _("%s was already picked up by another engineer"),
                     wk_visit_get_greeting_name (visit));
      return NULL;
    }

  if (a->version > 0 && a->version != wk_visit_get_version (visit))
    {
      if (wk_visit_get_engineer_name (visit) != NULL &&
          wk_visit_get_engineer_id (visit) != a->actor_id)
        g_set_error (error, WK_ERROR, WK_ERROR_CONFLICT,
                     _("%s changed this visit first; it is now %s"),
                     wk_visit_get_engineer_name (visit),
                     wk_lifecycle_visit_word (from));
      else
        g_set_error (error, WK_ERROR, WK_ERROR_CONFLICT,
                     _("This visit was changed meanwhile; it is now %s"),
                     wk_lifecycle_visit_word (from));
      return NULL;
    }

  if (!wk_lifecycle_check_visit (from, to, error))
    return NULL;

  stmt = wk_store_prepare (db,
                           "UPDATE visit SET status = ?2, version = version + 1,"
                           " called_at = CASE WHEN ?2 = 'called' THEN ?3"
                           "  WHEN ?2 = 'waiting' THEN NULL ELSE called_at END,"
                           " service_started_at = CASE WHEN ?2 = 'in_service' THEN ?3"
                           "  WHEN ?2 = 'done' THEN COALESCE (service_started_at, called_at)"
                           "  ELSE service_started_at END,"
                           " finished_at = CASE WHEN ?2 IN ('done', 'left', 'cancelled') THEN ?3"
                           "  ELSE finished_at END,"
                           " engineer_id = CASE WHEN ?2 = 'called' THEN ?4"
                           "  WHEN ?2 = 'waiting' THEN NULL"
                           "  WHEN ?2 IN ('in_service', 'done') THEN COALESCE (engineer_id, ?4)"
                           "  ELSE engineer_id END,"
                           " desk = CASE WHEN ?2 = 'called' THEN ?5"
                           "  WHEN ?2 = 'waiting' THEN NULL ELSE desk END,"
                           " outcome = CASE WHEN ?2 = 'done' THEN ?6 ELSE outcome END"
                           " WHERE id = ?1 AND version = ?7", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a->id);
  bind_text (stmt, 2, wk_visit_status_to_string (to));
  sqlite3_bind_int64 (stmt, 3, tx.now);
  bind_id (stmt, 4, a->actor_id);
  bind_text (stmt, 5, a->text);
  bind_text (stmt, 6, wk_outcome_to_string (a->outcome));
  sqlite3_bind_int64 (stmt, 7, wk_visit_get_version (visit));
  if (!wk_store_step_done (db, stmt, "updating the visit", error))
    return NULL;
  if (sqlite3_changes (db) != 1)
    {
      g_set_error_literal (error, WK_ERROR, WK_ERROR_CONFLICT,
                           _("This visit was changed meanwhile"));
      return NULL;
    }

  if (to == WK_VISIT_STATUS_DONE && a->outcome == WK_OUTCOME_RESOLVED_FIRST_CONTACT &&
      wk_visit_get_ticket_id (visit) > 0 &&
      !tx_resolve_ticket (&tx, wk_visit_get_ticket_id (visit), a->actor_id, error))
    return NULL;

  g_clear_object (&visit);
  visit = load_visit (db, a->id, error);
  if (visit == NULL)
    return NULL;
  payload = visit_payload (visit);
  if (!tx_event (&tx, a->actor_id, NULL, visit_event_kind (to), "visit", a->id, payload, error))
    return NULL;

  if (!tx_commit (&tx, a->hub, error))
    return NULL;

  return g_steal_pointer (&visit);
}

static void
move_visit (WkLocalDesk         *self,
            gpointer             source_tag,
            gint64               visit_id,
            gint64               expected_version,
            gint64               actor_id,
            gboolean             actor_required,
            WkVisitStatus        to,
            const char          *desk_name,
            WkOutcome            outcome,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GError *error = NULL;
  Args *a;

  if (!wk_validate_id (_("The visit"), visit_id, &error) ||
      (actor_required && !wk_validate_id (_("The engineer"), actor_id, &error)) ||
      !wk_validate_text (_("The desk"), desk_name, WK_MAX_DESK, FALSE, &error))
    {
      /* the validator set the error */
    }
  else if (expected_version < 0 || actor_id < 0)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID, _("The version or person id is not valid"));
  else if (to == WK_VISIT_STATUS_DONE && wk_outcome_to_string (outcome) == NULL)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID,
                         _("Say how the visit ended: resolved at first contact, workaround or follow-up"));

  if (error != NULL)
    {
      return_error (self, source_tag, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->id = visit_id;
  a->version = expected_version;
  a->actor_id = actor_id;
  a->target = to;
  a->outcome = outcome;
  a->text = desk_name != NULL && desk_name[0] != '\0' ? g_strstrip (g_strdup (desk_name)) : NULL;
  run_job (self, source_tag, visit_move_job, a, g_object_unref,
           cancellable, callback, user_data);
}

static void
wk_local_desk_pick_up (WkDesk              *desk,
                       gint64               visit_id,
                       gint64               expected_version,
                       gint64               engineer_id,
                       const char          *desk_name,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  move_visit (WK_LOCAL_DESK (desk), wk_desk_pick_up_async, visit_id, expected_version,
              engineer_id, TRUE, WK_VISIT_STATUS_CALLED, desk_name, WK_OUTCOME_NONE,
              cancellable, callback, user_data);
}

static void
wk_local_desk_start_service (WkDesk              *desk,
                             gint64               visit_id,
                             gint64               expected_version,
                             gint64               engineer_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  move_visit (WK_LOCAL_DESK (desk), wk_desk_start_service_async, visit_id, expected_version,
              engineer_id, TRUE, WK_VISIT_STATUS_IN_SERVICE, NULL, WK_OUTCOME_NONE,
              cancellable, callback, user_data);
}

static void
wk_local_desk_finish_visit (WkDesk              *desk,
                            gint64               visit_id,
                            gint64               expected_version,
                            gint64               engineer_id,
                            WkOutcome            outcome,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  move_visit (WK_LOCAL_DESK (desk), wk_desk_finish_visit_async, visit_id, expected_version,
              engineer_id, TRUE, WK_VISIT_STATUS_DONE, NULL, outcome,
              cancellable, callback, user_data);
}

static void
wk_local_desk_cancel_visit (WkDesk              *desk,
                            gint64               visit_id,
                            gint64               expected_version,
                            gint64               actor_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  move_visit (WK_LOCAL_DESK (desk), wk_desk_cancel_visit_async, visit_id, expected_version,
              actor_id, FALSE, WK_VISIT_STATUS_CANCELLED, NULL, WK_OUTCOME_NONE,
              cancellable, callback, user_data);
}

static void
wk_local_desk_mark_left (WkDesk              *desk,
                         gint64               visit_id,
                         gint64               expected_version,
                         gint64               actor_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  move_visit (WK_LOCAL_DESK (desk), wk_desk_mark_left_async, visit_id, expected_version,
              actor_id, FALSE, WK_VISIT_STATUS_LEFT, NULL, WK_OUTCOME_NONE,
              cancellable, callback, user_data);
}

static void
wk_local_desk_requeue_visit (WkDesk              *desk,
                             gint64               visit_id,
                             gint64               expected_version,
                             gint64               engineer_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  move_visit (WK_LOCAL_DESK (desk), wk_desk_requeue_visit_async, visit_id, expected_version,
              engineer_id, TRUE, WK_VISIT_STATUS_WAITING, NULL, WK_OUTCOME_NONE,
              cancellable, callback, user_data);
}

/* ---- tickets ------------------------------------------------------------------- */

#define MAX_SEARCH_WORDS 5

/* one word of a search: in the subject or the requester's names or email.
 * Tested row by row, newest first: a ticket whose subject matches skips
 * the names, and the scan stops at the limit (looking up every matching
 * person first costs more on 100,000 people). */
#define TICKET_WORD_MATCH \
  " AND (t.subject LIKE ? ESCAPE '\\' OR r.display_name LIKE ? ESCAPE '\\'" \
  " OR r.preferred_name LIKE ? ESCAPE '\\' OR r.email LIKE ? ESCAPE '\\')"
#define TICKET_WORD_PARAMS 4

static gpointer
search_tickets_job (sqlite3  *db,
                    gpointer  data,
                    GError  **error)
{
  Args *a = data;
  const WkTicketQuery *q = a->tickets;
  g_autoptr(GString) sql = g_string_new (TICKET_SELECT " WHERE 1");
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_auto(GStrv) words = NULL;
  guint n_words = 0;
  int index = 1;
  gboolean by_ref = FALSE;

  if (q->text != NULL)
    {
      const char *digits = q->text + 3;

      by_ref = g_ascii_strncasecmp (q->text, "WK-", 3) == 0 && digits[0] != '\0' &&
               strspn (digits, "0123456789") == strlen (digits);
      if (!by_ref)
        {
          words = g_strsplit_set (q->text, " \t\n", -1);
          n_words = g_strv_length (words);
        }
    }

  if (q->requester_id > 0)
    g_string_append (sql, " AND t.requester_id = ?");
  if (q->status >= 0)
    g_string_append (sql, " AND t.status = ?");
  if (q->assignee_id > 0)
    g_string_append (sql, " AND t.assignee_id = ?");
  if (q->lounge_id > 0)
    g_string_append (sql, " AND t.lounge_id = ?");
  if (by_ref)
    g_string_append (sql, " AND t.ref = ?");
  /* the next page: on the index, from the last ticket of the page before */
  if (q->after_id > 0)
    g_string_append (sql, " AND (t.updated_at, t.id) < (?, ?)");
  for (guint i = 0, used = 0; i < n_words && used < MAX_SEARCH_WORDS; i++)
    if (words[i][0] != '\0')
      {
        g_string_append (sql, TICKET_WORD_MATCH);
        used++;
      }
  g_string_append (sql, " ORDER BY t.updated_at DESC, t.id DESC LIMIT ?");

  /* the SQL is made of fixed fragments only; every value is bound */
  stmt = wk_store_prepare (db, sql->str, error);
  if (stmt == NULL)
    return NULL;

  if (q->requester_id > 0)
    sqlite3_bind_int64 (stmt, index++, q->requester_id);
  if (q->status >= 0)
    bind_text (stmt, index++, wk_ticket_status_to_string (q->status));
  if (q->assignee_id > 0)
    sqlite3_bind_int64 (stmt, index++, q->assignee_id);
  if (q->lounge_id > 0)
    sqlite3_bind_int64 (stmt, index++, q->lounge_id);
  if (by_ref)
    {
      g_autofree char *ref = g_ascii_strup (q->text, -1);

      bind_text (stmt, index++, ref);
    }
  if (q->after_id > 0)
    {
      sqlite3_bind_int64 (stmt, index++, q->after_updated_at);
      sqlite3_bind_int64 (stmt, index++, q->after_id);
    }
  for (guint i = 0, used = 0; i < n_words && used < MAX_SEARCH_WORDS; i++)
    if (words[i][0] != '\0')
      {
        g_autoptr(GString) pattern = g_string_new ("%");

        for (const char *p = words[i]; *p != '\0'; p++)
          {
            if (*p == '%' || *p == '_' || *p == '\\')
              g_string_append_c (pattern, '\\');
            g_string_append_c (pattern, *p);
          }
        g_string_append_c (pattern, '%');
        for (int k = 0; k < TICKET_WORD_PARAMS; k++)
          bind_text (stmt, index++, pattern->str);
        used++;
      }
  sqlite3_bind_int (stmt, index, q->limit == 0 ? WK_TICKET_QUERY_DEFAULT_LIMIT
                                               : MIN (q->limit, WK_TICKET_QUERY_MAX_LIMIT));

  return collect_rows (db, stmt, WK_TYPE_TICKET, error);
}

static void
wk_local_desk_search_tickets (WkDesk              *desk,
                              const WkTicketQuery *query,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a;
  g_autofree char *stripped = query->text != NULL ? g_strstrip (g_strdup (query->text)) : NULL;

  if (!wk_validate_text (_("The search"), stripped, WK_MAX_SEARCH, FALSE, &error))
    {
      /* the validator set the error */
    }
  else if (query->status < -1 || (query->status >= 0 && wk_ticket_status_to_string (query->status) == NULL))
    g_set_error (&error, WK_ERROR, WK_ERROR_INVALID, _("%d is not a ticket status"), query->status);
  else if (query->requester_id < 0 || query->assignee_id < 0 || query->lounge_id < 0)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID, _("A person or lounge id cannot be negative"));
  else if (query->after_id < 0 || query->after_updated_at < 0)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID,
                         _("The ticket a page starts after cannot have a negative id or time"));
  else if ((stripped == NULL || stripped[0] == '\0') && query->requester_id == 0 &&
           query->status < 0 && query->assignee_id == 0 && query->lounge_id == 0)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID,
                         _("Type a reference, a person or some words of the subject"));

  if (error != NULL)
    {
      return_error (self, wk_desk_search_tickets_async, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->tickets = wk_ticket_query_copy (query);
  g_free (a->tickets->text);
  a->tickets->text = stripped != NULL && stripped[0] != '\0' ? g_steal_pointer (&stripped) : NULL;
  run_job (self, wk_desk_search_tickets_async, search_tickets_job, a, g_object_unref,
           cancellable, callback, user_data);
}

static gpointer
get_ticket_job (sqlite3  *db,
                gpointer  data,
                GError  **error)
{
  Args *a = data;

  return load_ticket (db, a->id, TRUE, error);
}

static void
wk_local_desk_get_ticket (WkDesk              *desk,
                          gint64               ticket_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a;

  if (!wk_validate_id (_("The ticket"), ticket_id, &error))
    {
      return_error (self, wk_desk_get_ticket_async, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->id = ticket_id;
  run_job (self, wk_desk_get_ticket_async, get_ticket_job, a, g_object_unref,
           cancellable, callback, user_data);
}

static gpointer
update_ticket_job (sqlite3  *db,
                   gpointer  data,
                   GError  **error)
{
  Args *a = data;
  WkTicketUpdate *u = a->update;
  g_auto(Tx) tx = { 0, };
  g_autoptr(WkTicket) ticket = NULL;
  g_autoptr(WkPerson) actor = NULL;
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(GString) payload = NULL;
  g_autoptr(GString) changed = g_string_new (NULL);
  WkTicketStatus from, to;

  if (!tx_begin (&tx, db, error))
    return NULL;

  /* the same UUID again: the ticket as it is now, nothing written */
  if (u->uuid != NULL)
    {
      gint64 edited = find_id_text (db, "SELECT ticket_id FROM ticket_edit WHERE uuid = ?", u->uuid, error);

      if (edited < 0)
        return NULL;
      if (edited > 0 && edited != a->id)
        {
          g_set_error_literal (error, WK_ERROR, WK_ERROR_INVALID,
                               _("This change id was already used for another ticket"));
          return NULL;
        }
      if (edited > 0)
        return load_ticket (db, a->id, TRUE, error);
    }

  ticket = load_ticket (db, a->id, FALSE, error);
  if (ticket == NULL)
    return NULL;
  if (a->actor_id > 0 && (actor = load_staff (db, a->actor_id, error)) == NULL)
    return NULL;
  if (u->assignee_id > 0)
    {
      g_autoptr(WkPerson) assignee = load_staff (db, u->assignee_id, error);

      if (assignee == NULL)
        return NULL;
    }

  if (a->version > 0 && a->version != wk_ticket_get_version (ticket))
    {
      g_set_error (error, WK_ERROR, WK_ERROR_CONFLICT,
                   _("Ticket %s was changed by someone else meanwhile; reload it and try again"),
                   wk_ticket_get_ref (ticket));
      return NULL;
    }

  from = wk_ticket_get_status (ticket);
  to = u->status >= 0 ? (WkTicketStatus) u->status : from;
  if (to != from && !wk_lifecycle_check_ticket (from, to, error))
    return NULL;

#define CHANGED(name) G_STMT_START { if (changed->len > 0) g_string_append_c (changed, ','); g_string_append (changed, name); } G_STMT_END
  if (u->subject != NULL)
    CHANGED ("subject");
  if (u->description != NULL)
    CHANGED ("description");
  if (u->category != NULL)
    CHANGED ("category");
  if (to != from)
    CHANGED ("status");
  if (u->priority > 0)
    CHANGED ("priority");
  if (u->assignee_id >= 0)
    CHANGED ("assignee");
#undef CHANGED

  stmt = wk_store_prepare (db,
                           "UPDATE ticket SET"
                           " subject = COALESCE (?2, subject),"
                           " description = COALESCE (?3, description),"
                           " category = COALESCE (?4, category),"
                           " status = ?5,"
                           " resolved_at = CASE WHEN ?5 = status THEN resolved_at"
                           "  WHEN ?5 = 'resolved' THEN ?8"
                           "  WHEN ?5 = 'closed' THEN COALESCE (resolved_at, ?8)"
                           "  ELSE NULL END,"
                           " priority = COALESCE (?6, priority),"
                           " assignee_id = CASE WHEN ?7 < 0 THEN assignee_id"
                           "  WHEN ?7 = 0 THEN NULL ELSE ?7 END,"
                           " updated_at = ?8, version = version + 1"
                           " WHERE id = ?1 AND version = ?9", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a->id);
  bind_text (stmt, 2, u->subject);
  bind_text (stmt, 3, u->description);
  bind_text (stmt, 4, u->category);
  bind_text (stmt, 5, wk_ticket_status_to_string (to));
  if (u->priority > 0)
    sqlite3_bind_int (stmt, 6, u->priority);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_int64 (stmt, 7, u->assignee_id);
  sqlite3_bind_int64 (stmt, 8, tx.now);
  sqlite3_bind_int64 (stmt, 9, wk_ticket_get_version (ticket));
  if (!wk_store_step_done (db, stmt, "updating the ticket", error))
    return NULL;
  if (sqlite3_changes (db) != 1)
    {
      g_set_error_literal (error, WK_ERROR, WK_ERROR_CONFLICT,
                           _("The ticket was changed meanwhile"));
      return NULL;
    }

  g_clear_object (&ticket);
  ticket = load_ticket (db, a->id, TRUE, error);
  if (ticket == NULL)
    return NULL;
  if (u->uuid != NULL)
    {
      g_autoptr(WkStoreStmt) key = wk_store_prepare (db,
                                                     "INSERT INTO ticket_edit (uuid, ticket_id, version, at)"
                                                     " VALUES (?, ?, ?, ?)", error);

      if (key == NULL)
        return NULL;
      bind_text (key, 1, u->uuid);
      sqlite3_bind_int64 (key, 2, a->id);
      sqlite3_bind_int64 (key, 3, wk_ticket_get_version (ticket));
      sqlite3_bind_int64 (key, 4, tx.now);
      if (!wk_store_step_done (db, key, "keeping the edit's id", error))
        return NULL;
    }
  payload = ticket_payload (ticket, changed->str);
  if (!tx_event (&tx, a->actor_id, NULL, "ticket.updated", "ticket", a->id, payload, error))
    return NULL;
  if (!tx_commit (&tx, a->hub, error))
    return NULL;

  return g_steal_pointer (&ticket);
}

static void
wk_local_desk_update_ticket (WkDesk               *desk,
                             gint64                ticket_id,
                             gint64                expected_version,
                             const WkTicketUpdate *update,
                             gint64                actor_id,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a;

  if (!wk_validate_id (_("The ticket"), ticket_id, &error) ||
      (update->subject != NULL &&
       !wk_validate_text (_("The subject"), update->subject, WK_MAX_SUBJECT, TRUE, &error)) ||
      !wk_validate_text (_("The description"), update->description, WK_MAX_DESCRIPTION, FALSE, &error) ||
      (update->category != NULL && !wk_validate_category (update->category, &error)) ||
      (update->priority != 0 && !wk_validate_priority (update->priority, &error)))
    {
      /* the validator set the error */
    }
  else if (update->status != -1 && wk_ticket_status_to_string (update->status) == NULL)
    g_set_error (&error, WK_ERROR, WK_ERROR_INVALID, _("%d is not a ticket status"), update->status);
  else if (update->uuid != NULL && !wk_validate_uuid (update->uuid, &error))
    {
      /* the validator set the error */
    }
  else if (update->assignee_id < -1 || expected_version < 0 || actor_id < 0)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID, _("The version or person id is not valid"));

  if (error != NULL)
    {
      return_error (self, wk_desk_update_ticket_async, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->id = ticket_id;
  a->version = expected_version;
  a->actor_id = actor_id;
  a->update = wk_ticket_update_copy (update);
  if (a->update->subject != NULL)
    g_strstrip (a->update->subject);
  run_job (self, wk_desk_update_ticket_async, update_ticket_job, a, g_object_unref,
           cancellable, callback, user_data);
}

static gpointer
add_note_job (sqlite3  *db,
              gpointer  data,
              GError  **error)
{
  Args *a = data;
  g_auto(Tx) tx = { 0, };
  g_autoptr(WkTicket) ticket = NULL;
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(WkStoreStmt) touch = NULL;
  g_autoptr(WkStoreStmt) read = NULL;
  g_autoptr(WkNote) note = NULL;
  g_autoptr(GString) payload = g_string_new (NULL);
  gint64 note_id;

  if (!tx_begin (&tx, db, error))
    return NULL;

  /* the same UUID again: the same note, nothing written */
  if (a->text2 != NULL)
    {
      gint64 existing = find_id_text (db, "SELECT id FROM note WHERE uuid = ?", a->text2, error);

      if (existing < 0)
        return NULL;
      if (existing > 0)
        {
          read = wk_store_prepare (db, NOTE_SELECT " WHERE n.id = ?", error);
          if (read == NULL)
            return NULL;
          sqlite3_bind_int64 (read, 1, existing);
          note = one_row (db, read, WK_TYPE_NOTE, _("The note vanished"), error);
          if (note != NULL && wk_note_get_ticket_id (note) != a->id)
            {
              g_clear_object (&note);
              g_set_error_literal (error, WK_ERROR, WK_ERROR_INVALID,
                                   _("This change id was already used for another ticket"));
            }
          return g_steal_pointer (&note);
        }
    }

  ticket = load_ticket (db, a->id, FALSE, error);
  if (ticket == NULL)
    return NULL;
  if (a->actor_id > 0)
    {
      g_autoptr(WkPerson) author = load_person (db, a->actor_id, error);

      if (author == NULL)
        return NULL;
    }

  stmt = wk_store_prepare (db,
                           "INSERT INTO note (ticket_id, author_id, body, visibility, created_at, uuid)"
                           " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a->id);
  bind_id (stmt, 2, a->actor_id);
  bind_text (stmt, 3, a->text);
  bind_text (stmt, 4, wk_note_visibility_to_string (a->target));
  sqlite3_bind_int64 (stmt, 5, tx.now);
  bind_text (stmt, 6, a->text2);
  if (!wk_store_step_done (db, stmt, "adding the note", error))
    return NULL;
  note_id = sqlite3_last_insert_rowid (db);

  /* a note touches the ticket, but leaves its version to edits */
  touch = wk_store_prepare (db, "UPDATE ticket SET updated_at = ?2 WHERE id = ?1", error);
  if (touch == NULL)
    return NULL;
  sqlite3_bind_int64 (touch, 1, a->id);
  sqlite3_bind_int64 (touch, 2, tx.now);
  if (!wk_store_step_done (db, touch, "updating the ticket", error))
    return NULL;

  read = wk_store_prepare (db, NOTE_SELECT " WHERE n.id = ?", error);
  if (read == NULL)
    return NULL;
  sqlite3_bind_int64 (read, 1, note_id);
  note = one_row (db, read, WK_TYPE_NOTE, _("The note vanished"), error);
  if (note == NULL)
    return NULL;

  wk_json_begin_object (payload);
  wk_json_member_int (payload, "note_id", note_id);
  wk_json_member_int (payload, "ticket_id", a->id);
  wk_json_member_string (payload, "ref", wk_ticket_get_ref (ticket));
  wk_json_member_id (payload, "author_id", a->actor_id);
  wk_json_member_string (payload, "visibility", wk_note_visibility_to_string (a->target));
  wk_json_end_object (payload);
  if (!tx_event (&tx, a->actor_id, NULL, "ticket.note_added", "ticket", a->id, payload, error))
    return NULL;
  if (!tx_commit (&tx, a->hub, error))
    return NULL;

  return g_steal_pointer (&note);
}

static void
wk_local_desk_add_note (WkDesk              *desk,
                        gint64               ticket_id,
                        gint64               author_id,
                        const char          *body,
                        WkNoteVisibility     visibility,
                        const char          *uuid,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a;

  if (!wk_validate_id (_("The ticket"), ticket_id, &error) ||
      !wk_validate_text (_("The note"), body, WK_MAX_NOTE, TRUE, &error) ||
      (uuid != NULL && !wk_validate_uuid (uuid, &error)))
    {
      /* the validator set the error */
    }
  else if (wk_note_visibility_to_string (visibility) == NULL || author_id < 0)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID,
                         _("A note is internal or public"));

  if (error != NULL)
    {
      return_error (self, wk_desk_add_note_async, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->id = ticket_id;
  a->actor_id = author_id;
  a->text = g_strdup (body);
  a->text2 = g_strdup (uuid);
  a->target = visibility;
  run_job (self, wk_desk_add_note_async, add_note_job, a, g_object_unref,
           cancellable, callback, user_data);
}

static gpointer
acknowledge_conflict_job (sqlite3  *db,
                          gpointer  data,
                          GError  **error)
{
  Args *a = data;
  g_auto(Tx) tx = { 0, };
  g_autoptr(WkTicket) ticket = NULL;
  g_autoptr(WkPerson) actor = NULL;
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(GString) payload = g_string_new (NULL);
  int rc;

  if (!tx_begin (&tx, db, error))
    return NULL;
  ticket = load_ticket (db, a->id, TRUE, error);
  if (ticket == NULL)
    return NULL;
  if (a->actor_id > 0 && (actor = load_staff (db, a->actor_id, error)) == NULL)
    return NULL;
  if (wk_ticket_get_upstream_conflict_id (ticket) != a->version)
    {
      /* acknowledged already, or not this ticket's */
      stmt = wk_store_prepare (db,
                               "SELECT 1 FROM upstream_delivery d JOIN event e ON e.id = d.event_id"
                               " WHERE d.event_id = ?2 AND d.outcome = 'conflict'"
                               " AND e.entity = 'ticket' AND e.entity_id = ?1", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, a->id);
      sqlite3_bind_int64 (stmt, 2, a->version);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        return g_steal_pointer (&ticket);
      if (rc == SQLITE_DONE)
        g_set_error (error, WK_ERROR, WK_ERROR_NOT_FOUND,
                     /* Translators: %s is a ticket reference such as WK-10042 */
                     _("Ticket %s has no such conflict with the service desk system"),
                     wk_ticket_get_ref (ticket));
      else
        wk_db_set_error (db, rc, error, "reading a conflict");
      return NULL;
    }

  wk_json_begin_object (payload);
  wk_json_member_int (payload, "ticket_id", a->id);
  wk_json_member_int (payload, "conflict_id", a->version);
  wk_json_end_object (payload);
  if (!tx_event (&tx, a->actor_id, NULL, "ticket.conflict_acknowledged", "ticket", a->id,
                 payload, error))
    return NULL;
  g_clear_object (&ticket);
  ticket = load_ticket (db, a->id, TRUE, error);
  if (ticket == NULL || !tx_commit (&tx, a->hub, error))
    return NULL;

  return g_steal_pointer (&ticket);
}

static void
wk_local_desk_acknowledge_conflict (WkDesk              *desk,
                                    gint64               ticket_id,
                                    gint64               conflict_id,
                                    gint64               actor_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a;

  if (!wk_validate_id (_("The ticket"), ticket_id, &error) ||
      !wk_validate_id (_("The conflict"), conflict_id, &error))
    {
      /* the validator set the error */
    }
  else if (actor_id < 0)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID, _("The version or person id is not valid"));

  if (error != NULL)
    {
      return_error (self, wk_desk_acknowledge_conflict_async, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->id = ticket_id;
  a->version = conflict_id;
  a->actor_id = actor_id;
  run_job (self, wk_desk_acknowledge_conflict_async, acknowledge_conflict_job, a, g_object_unref,
           cancellable, callback, user_data);
}

/* ---- hardware ------------------------------------------------------------------ */

static gpointer
list_hardware_job (sqlite3  *db,
                   gpointer  data,
                   GError  **error)
{
  Args *a = data;
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db, HARDWARE_SELECT
                           " WHERE (?1 = 0 OR h.person_id = ?1)"
                           " AND (?2 = 0 OR h.lounge_id = ?2)"
                           " AND ((?3 IS NULL AND h.status IN ('preparing', 'ready'))"
                           "      OR h.status = ?3)"
                           " ORDER BY h.status = 'ready' DESC, h.ready_by IS NULL, h.ready_by,"
                           " h.id LIMIT 1000", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, MAX (a->person_id, 0));
  sqlite3_bind_int64 (stmt, 2, MAX (a->lounge_id, 0));
  bind_text (stmt, 3, a->target >= 0 ? wk_hardware_status_to_string (a->target) : NULL);
  return collect_rows (db, stmt, WK_TYPE_HARDWARE, error);
}

static void
wk_local_desk_list_hardware (WkDesk              *desk,
                             gint64               person_id,
                             gint64               lounge_id,
                             int                  status,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  Args *a;

  if (status < -1 || (status >= 0 && wk_hardware_status_to_string (status) == NULL))
    {
      return_error (self, wk_desk_list_hardware_async,
                    g_error_new (WK_ERROR, WK_ERROR_INVALID, _("%d is not a hardware status"), status),
                    cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->person_id = person_id;
  a->lounge_id = lounge_id;
  a->target = status;
  run_job (self, wk_desk_list_hardware_async, list_hardware_job, a, g_object_unref,
           cancellable, callback, user_data);
}

static gpointer
add_hardware_job (sqlite3  *db,
                  gpointer  data,
                  GError  **error)
{
  Args *a = data;
  g_auto(Tx) tx = { 0, };
  g_autoptr(WkPerson) person = NULL;
  g_autoptr(WkPerson) actor = NULL;
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(WkHardware) hardware = NULL;
  g_autoptr(GString) payload = NULL;
  gint64 id;

  if (!tx_begin (&tx, db, error))
    return NULL;

  person = load_person (db, a->person_id, error);
  if (person == NULL)
    return NULL;
  if (a->actor_id > 0 && (actor = load_staff (db, a->actor_id, error)) == NULL)
    return NULL;
  if (a->ticket_id > 0)
    {
      g_autoptr(WkTicket) ticket = load_ticket (db, a->ticket_id, FALSE, error);

      if (ticket == NULL)
        return NULL;
    }
  if (a->lounge_id > 0 && !lounge_exists (db, a->lounge_id, error))
    return NULL;

  stmt = wk_store_prepare (db,
                           "INSERT INTO hardware (ticket_id, person_id, lounge_id, description,"
                           " asset_tag, status, ready_by, created_at, updated_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, 'preparing', ?6, ?7, ?7)", error);
  if (stmt == NULL)
    return NULL;
  bind_id (stmt, 1, a->ticket_id);
  sqlite3_bind_int64 (stmt, 2, a->person_id);
  bind_id (stmt, 3, a->lounge_id);
  bind_text (stmt, 4, a->text);
  bind_text (stmt, 5, a->text3);
  bind_id (stmt, 6, a->when);
  sqlite3_bind_int64 (stmt, 7, tx.now);
  if (!wk_store_step_done (db, stmt, "adding the hardware", error))
    return NULL;
  id = sqlite3_last_insert_rowid (db);

  hardware = load_hardware (db, id, error);
  if (hardware == NULL)
    return NULL;
  payload = hardware_payload (hardware);
  if (!tx_event (&tx, a->actor_id, NULL, "hardware.added", "hardware", id, payload, error))
    return NULL;
  if (!tx_commit (&tx, a->hub, error))
    return NULL;

  return g_steal_pointer (&hardware);
}

static void
wk_local_desk_add_hardware (WkDesk              *desk,
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
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a;

  if (!wk_validate_id (_("The person"), person_id, &error) ||
      !wk_validate_text (_("The description"), description, WK_MAX_HARDWARE, TRUE, &error) ||
      !wk_validate_text (_("The asset tag"), asset_tag, WK_MAX_ASSET_TAG, FALSE, &error))
    {
      /* the validator set the error */
    }
  else if (ticket_id < 0 || lounge_id < 0 || ready_by < 0 || actor_id < 0)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID, _("An id or time is not valid"));

  if (error != NULL)
    {
      return_error (self, wk_desk_add_hardware_async, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->person_id = person_id;
  a->ticket_id = ticket_id;
  a->lounge_id = lounge_id;
  a->text = g_strstrip (g_strdup (description));
  a->text3 = asset_tag != NULL && asset_tag[0] != '\0' ? g_strstrip (g_strdup (asset_tag)) : NULL;
  a->when = ready_by;
  a->actor_id = actor_id;
  run_job (self, wk_desk_add_hardware_async, add_hardware_job, a, g_object_unref,
           cancellable, callback, user_data);
}

static const char *
hardware_event_kind (WkHardwareStatus to)
{
  switch (to)
    {
    case WK_HARDWARE_STATUS_PREPARING:
      return "hardware.preparing";
    case WK_HARDWARE_STATUS_READY:
      return "hardware.ready";
    case WK_HARDWARE_STATUS_COLLECTED:
      return "hardware.collected";
    case WK_HARDWARE_STATUS_CANCELLED:
    default:
      return "hardware.cancelled";
    }
}

static gpointer
hardware_move_job (sqlite3  *db,
                   gpointer  data,
                   GError  **error)
{
  Args *a = data;
  WkHardwareStatus to = a->target;
  g_auto(Tx) tx = { 0, };
  g_autoptr(WkHardware) hardware = NULL;
  g_autoptr(WkPerson) actor = NULL;
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(GString) payload = NULL;

  if (!tx_begin (&tx, db, error))
    return NULL;

  hardware = load_hardware (db, a->id, error);
  if (hardware == NULL)
    return NULL;
  if (a->actor_id > 0 && (actor = load_staff (db, a->actor_id, error)) == NULL)
    return NULL;

  if (a->version > 0 && a->version != wk_hardware_get_version (hardware))
    {
      g_set_error (error, WK_ERROR, WK_ERROR_CONFLICT,
                   _("“%s” was changed by someone else meanwhile; it is now %s"),
                   wk_hardware_get_description (hardware),
                   wk_lifecycle_hardware_word (wk_hardware_get_status (hardware)));
      return NULL;
    }
  if (!wk_lifecycle_check_hardware (wk_hardware_get_status (hardware), to, error))
    return NULL;

  stmt = wk_store_prepare (db,
                           "UPDATE hardware SET status = ?2, version = version + 1, updated_at = ?3,"
                           " location = CASE WHEN ?2 = 'ready' THEN ?4 ELSE location END,"
                           " ready_by = CASE WHEN ?2 = 'ready' AND ?5 > 0 THEN ?5 ELSE ready_by END,"
                           " ready_at = CASE WHEN ?2 = 'ready' THEN ?3"
                           "  WHEN ?2 = 'preparing' THEN NULL ELSE ready_at END,"
                           " collected_at = CASE WHEN ?2 = 'collected' THEN ?3 ELSE collected_at END,"
                           " handed_over_by = CASE WHEN ?2 = 'collected' THEN ?6 ELSE handed_over_by END,"
                           " ack_name = CASE WHEN ?2 = 'collected' THEN ?7 ELSE ack_name END,"
                           " ack_signature = CASE WHEN ?2 = 'collected' THEN ?8 ELSE ack_signature END"
                           " WHERE id = ?1 AND version = ?9", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a->id);
  bind_text (stmt, 2, wk_hardware_status_to_string (to));
  sqlite3_bind_int64 (stmt, 3, tx.now);
  bind_text (stmt, 4, a->text);
  sqlite3_bind_int64 (stmt, 5, a->when);
  bind_id (stmt, 6, a->actor_id);
  bind_text (stmt, 7, a->text2);
  bind_text (stmt, 8, a->text3);
  sqlite3_bind_int64 (stmt, 9, wk_hardware_get_version (hardware));
  if (!wk_store_step_done (db, stmt, "updating the hardware", error))
    return NULL;
  if (sqlite3_changes (db) != 1)
    {
      g_set_error_literal (error, WK_ERROR, WK_ERROR_CONFLICT,
                           _("The item was changed meanwhile"));
      return NULL;
    }

  g_clear_object (&hardware);
  hardware = load_hardware (db, a->id, error);
  if (hardware == NULL)
    return NULL;
  payload = hardware_payload (hardware);
  if (!tx_event (&tx, a->actor_id, NULL, hardware_event_kind (to), "hardware", a->id, payload, error))
    return NULL;
  if (!tx_commit (&tx, a->hub, error))
    return NULL;

  return g_steal_pointer (&hardware);
}

static void
move_hardware (WkLocalDesk         *self,
               gpointer             source_tag,
               Args                *a,
               GError              *error,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  if (error == NULL && !wk_validate_id (_("The item"), a->id, &error))
    {
      /* the validator set the error */
    }
  else if (error == NULL && (a->version < 0 || a->actor_id < 0 || a->when < 0))
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID, _("An id, version or time is not valid"));

  if (error != NULL)
    {
      args_free (a);
      return_error (self, source_tag, error, cancellable, callback, user_data);
      return;
    }

  run_job (self, source_tag, hardware_move_job, a, g_object_unref,
           cancellable, callback, user_data);
}

static void
wk_local_desk_mark_hardware_ready (WkDesk              *desk,
                                   gint64               hardware_id,
                                   gint64               expected_version,
                                   const char          *location,
                                   gint64               ready_by,
                                   gint64               actor_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a = args_new (self);

  wk_validate_location (location, &error);
  a->id = hardware_id;
  a->version = expected_version;
  a->actor_id = actor_id;
  a->target = WK_HARDWARE_STATUS_READY;
  a->text = g_strdup (location);
  a->when = ready_by;
  move_hardware (self, wk_desk_mark_hardware_ready_async, a, error,
                 cancellable, callback, user_data);
}

static void
wk_local_desk_mark_hardware_collected (WkDesk              *desk,
                                       gint64               hardware_id,
                                       gint64               expected_version,
                                       const char          *ack_name,
                                       const char          *ack_signature,
                                       gint64               handed_over_by,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a = args_new (self);
  gboolean has_name = FALSE;

  if (ack_name != NULL)
    {
      a->text2 = g_strstrip (g_strdup (ack_name));
      has_name = a->text2[0] != '\0';
      if (!has_name)
        g_clear_pointer (&a->text2, g_free);
    }

  if (!wk_validate_text (_("Your name"), a->text2, WK_MAX_NAME, FALSE, &error) ||
      !wk_validate_signature (ack_signature, &error))
    {
      /* the validator set the error */
    }
  else if (!has_name && (ack_signature == NULL || ack_signature[0] == '\0'))
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID,
                         _("Type your name or sign to confirm the handover"));

  a->id = hardware_id;
  a->version = expected_version;
  a->actor_id = handed_over_by;
  a->target = WK_HARDWARE_STATUS_COLLECTED;
  a->text3 = ack_signature != NULL && ack_signature[0] != '\0' ? g_strdup (ack_signature) : NULL;
  move_hardware (self, wk_desk_mark_hardware_collected_async, a, error,
                 cancellable, callback, user_data);
}

static void
wk_local_desk_cancel_hardware (WkDesk              *desk,
                               gint64               hardware_id,
                               gint64               expected_version,
                               gint64               actor_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  Args *a = args_new (self);

  a->id = hardware_id;
  a->version = expected_version;
  a->actor_id = actor_id;
  a->target = WK_HARDWARE_STATUS_CANCELLED;
  move_hardware (self, wk_desk_cancel_hardware_async, a, NULL,
                 cancellable, callback, user_data);
}

/* ---- surveys ------------------------------------------------------------------- */

static gpointer
submit_survey_job (sqlite3  *db,
                   gpointer  data,
                   GError  **error)
{
  Args *a = data;
  WkSurveyRequest *r = a->survey;
  g_auto(Tx) tx = { 0, };
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(WkSurvey) survey = NULL;
  g_autoptr(GString) payload = NULL;
  g_autofree char *tags = NULL;
  gint64 existing, id;
  gint64 ticket_id = r->ticket_id, lounge_id = r->lounge_id;
  gint64 person_id = r->person_id, engineer_id = 0;
  gboolean needs_followup;

  if (!tx_begin (&tx, db, error))
    return NULL;

  /* the same UUID again: the same survey, nothing written */
  existing = find_id_text (db, "SELECT id FROM survey WHERE uuid = ?", r->uuid, error);
  if (existing < 0)
    return NULL;
  if (existing > 0)
    return load_survey (db, existing, error);

  if (r->visit_id > 0)
    {
      g_autoptr(WkVisit) visit = load_visit (db, r->visit_id, error);
      g_autoptr(WkStoreStmt) rated = NULL;
      int rc;

      if (visit == NULL)
        return NULL;

      rated = wk_store_prepare (db, "SELECT 1 FROM survey WHERE visit_id = ?", error);
      if (rated == NULL)
        return NULL;
      sqlite3_bind_int64 (rated, 1, r->visit_id);
      rc = sqlite3_step (rated);
      if (rc == SQLITE_ROW)
        {
          g_set_error_literal (error, WK_ERROR, WK_ERROR_CONFLICT,
                               _("This visit has already been rated"));
          return NULL;
        }
      if (rc != SQLITE_DONE)
        {
          wk_db_set_error (db, rc, error, "looking up surveys");
          return NULL;
        }

      if (ticket_id == 0)
        ticket_id = wk_visit_get_ticket_id (visit);
      if (lounge_id == 0)
        lounge_id = wk_visit_get_lounge_id (visit);
      if (person_id == 0)
        person_id = wk_visit_get_person_id (visit);
      engineer_id = wk_visit_get_engineer_id (visit);
    }

  if (ticket_id > 0)
    {
      g_autoptr(WkTicket) ticket = load_ticket (db, ticket_id, FALSE, error);

      if (ticket == NULL)
        return NULL;
    }
  if (lounge_id > 0 && !lounge_exists (db, lounge_id, error))
    return NULL;
  if (r->anonymous)
    person_id = 0;
  else if (person_id > 0)
    {
      g_autoptr(WkPerson) person = load_person (db, person_id, error);

      if (person == NULL)
        return NULL;
    }

  /* a low score from someone who may be contacted starts a follow-up */
  needs_followup = r->score <= 2 && r->contact_consent && !r->anonymous;

  tags = r->tags != NULL ? g_strjoinv (",", r->tags) : g_strdup ("");
  stmt = wk_store_prepare (db,
                           "INSERT INTO survey (uuid, visit_id, ticket_id, engineer_id, lounge_id,"
                           " person_id, score, resolved, tags, comment, contact_consent, anonymous,"
                           " language, created_at, followup_status)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                           error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, r->uuid);
  bind_id (stmt, 2, r->visit_id);
  bind_id (stmt, 3, ticket_id);
  bind_id (stmt, 4, engineer_id);
  bind_id (stmt, 5, lounge_id);
  bind_id (stmt, 6, person_id);
  sqlite3_bind_int (stmt, 7, r->score);
  bind_text (stmt, 8, wk_survey_resolved_to_string (r->resolved));
  bind_text (stmt, 9, tags);
  bind_text (stmt, 10, r->comment != NULL ? r->comment : "");
  sqlite3_bind_int (stmt, 11, r->contact_consent ? 1 : 0);
  sqlite3_bind_int (stmt, 12, r->anonymous ? 1 : 0);
  bind_text (stmt, 13, r->language);
  sqlite3_bind_int64 (stmt, 14, tx.now);
  bind_text (stmt, 15, needs_followup ? "needed" : "none");
  if (!wk_store_step_done (db, stmt, "storing the survey", error))
    return NULL;
  id = sqlite3_last_insert_rowid (db);

  survey = load_survey (db, id, error);
  if (survey == NULL)
    return NULL;
  payload = survey_payload (survey);
  if (!tx_event (&tx, 0, r->kiosk, "survey.submitted", "survey", id, payload, error))
    return NULL;
  if (!tx_commit (&tx, a->hub, error))
    return NULL;

  return g_steal_pointer (&survey);
}

static void
wk_local_desk_submit_survey (WkDesk                *desk,
                             const WkSurveyRequest *request,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a;

  if (!wk_validate_uuid (request->uuid, &error) ||
      !wk_validate_score (request->score, &error) ||
      !wk_validate_tags ((const char * const *) request->tags, &error) ||
      !wk_validate_text (_("The comment"), request->comment, WK_MAX_COMMENT, FALSE, &error) ||
      !wk_validate_language (request->language, &error) ||
      !wk_validate_text (_("The kiosk name"), request->kiosk, WK_MAX_KIOSK, FALSE, &error))
    {
      /* the validator set the error */
    }
  else if (wk_survey_resolved_to_string (request->resolved) == NULL)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID, _("“Is it fixed?” is yes, no or unknown"));
  else if (request->visit_id < 0 || request->ticket_id < 0 ||
           request->lounge_id < 0 || request->person_id < 0)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID, _("An id is not valid"));

  if (error != NULL)
    {
      return_error (self, wk_desk_submit_survey_async, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->survey = wk_survey_request_copy (request);
  run_batched_job (self, wk_desk_submit_survey_async, submit_survey_job, a, g_object_unref,
           cancellable, callback, user_data);
}

/* ---- metrics and feedback ------------------------------------------------------ */

static gpointer
metrics_job (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  Args *a = data;

  return wk_metrics_compute (db, &a->metrics, error);
}

static void
wk_local_desk_get_metrics (WkDesk               *desk,
                           const WkMetricsQuery *query,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  Args *a;

  if (query->from >= query->to || query->lounge_id < 0 || query->engineer_id < 0)
    {
      return_error (self, wk_desk_get_metrics_async,
                    g_error_new_literal (WK_ERROR, WK_ERROR_INVALID,
                                         _("The period must end after it starts")),
                    cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->metrics = *query;
  run_job (self, wk_desk_get_metrics_async, metrics_job, a, (GDestroyNotify) wk_metrics_free,
           cancellable, callback, user_data);
}

static gpointer
list_feedback_job (sqlite3  *db,
                   gpointer  data,
                   GError  **error)
{
  Args *a = data;
  WkFeedbackQuery *q = a->feedback;
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db, SURVEY_SELECT
                           " WHERE (?1 = 0 OR s.created_at >= ?1)"
                           " AND (?2 = 0 OR s.created_at < ?2)"
                           " AND (?3 = 0 OR s.lounge_id = ?3)"
                           " AND (?4 = 0 OR s.engineer_id = ?4)"
                           " AND (?5 = 0 OR s.score <= ?5)"
                           " AND (?6 IS NULL OR s.followup_status = ?6)"
                           " AND (?7 = 0 OR s.comment <> '')"
                           " AND (?10 IS NULL OR instr (',' || s.tags || ',', ',' || ?10 || ',') > 0)"
                           " ORDER BY s.score, s.created_at DESC, s.id DESC"
                           " LIMIT ?8 OFFSET ?9", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, q->from);
  sqlite3_bind_int64 (stmt, 2, q->to);
  sqlite3_bind_int64 (stmt, 3, q->lounge_id);
  sqlite3_bind_int64 (stmt, 4, q->engineer_id);
  sqlite3_bind_int (stmt, 5, q->max_score);
  bind_text (stmt, 6, q->followup_status >= 0 ? wk_followup_status_to_string (q->followup_status) : NULL);
  sqlite3_bind_int (stmt, 7, q->with_comment_only ? 1 : 0);
  sqlite3_bind_int (stmt, 8, q->limit == 0 ? 100 : MIN (q->limit, 1000));
  sqlite3_bind_int64 (stmt, 9, q->offset);
  bind_text (stmt, 10, q->tag);
  return collect_rows (db, stmt, WK_TYPE_SURVEY, error);
}

static void
wk_local_desk_list_feedback (WkDesk                *desk,
                             const WkFeedbackQuery *query,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a;

  if (query->max_score != 0 && !wk_validate_score (query->max_score, &error))
    {
      /* the validator set the error */
    }
  else if (query->followup_status < -1 ||
           (query->followup_status >= 0 && wk_followup_status_to_string (query->followup_status) == NULL))
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID, _("Unknown follow-up status"));
  else if (query->from < 0 || query->to < 0 || (query->to > 0 && query->from >= query->to) ||
           query->lounge_id < 0 || query->engineer_id < 0)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID, _("The period must end after it starts"));
  else if (query->tag != NULL && !wk_survey_tag_is_known (query->tag))
    g_set_error (&error, WK_ERROR, WK_ERROR_INVALID, _("“%s” is not a known feedback tag"), query->tag);

  if (error != NULL)
    {
      return_error (self, wk_desk_list_feedback_async, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->feedback = wk_feedback_query_copy (query);
  run_job (self, wk_desk_list_feedback_async, list_feedback_job, a, g_object_unref,
           cancellable, callback, user_data);
}

static gpointer
set_followup_job (sqlite3  *db,
                  gpointer  data,
                  GError  **error)
{
  Args *a = data;
  g_auto(Tx) tx = { 0, };
  g_autoptr(WkSurvey) survey = NULL;
  g_autoptr(WkPerson) by = NULL;
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autoptr(GString) payload = NULL;

  if (!tx_begin (&tx, db, error))
    return NULL;

  survey = load_survey (db, a->id, error);
  if (survey == NULL)
    return NULL;
  by = load_staff (db, a->actor_id, error);
  if (by == NULL)
    return NULL;
  if (!wk_lifecycle_check_followup (wk_survey_get_followup_status (survey), a->target, error))
    return NULL;

  stmt = wk_store_prepare (db,
                           "UPDATE survey SET followup_status = ?2, followup_by = ?3,"
                           " followup_note = COALESCE (?4, followup_note), followup_at = ?5"
                           " WHERE id = ?1 AND followup_status = ?6", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a->id);
  bind_text (stmt, 2, wk_followup_status_to_string (a->target));
  sqlite3_bind_int64 (stmt, 3, a->actor_id);
  bind_text (stmt, 4, a->text);
  sqlite3_bind_int64 (stmt, 5, tx.now);
  bind_text (stmt, 6, wk_followup_status_to_string (wk_survey_get_followup_status (survey)));
  if (!wk_store_step_done (db, stmt, "updating the follow-up", error))
    return NULL;
  if (sqlite3_changes (db) != 1)
    {
      g_set_error_literal (error, WK_ERROR, WK_ERROR_CONFLICT, _("The follow-up was changed meanwhile"));
      return NULL;
    }

  g_clear_object (&survey);
  survey = load_survey (db, a->id, error);
  if (survey == NULL)
    return NULL;
  payload = survey_payload (survey);
  if (!tx_event (&tx, a->actor_id, NULL, "survey.followup", "survey", a->id, payload, error))
    return NULL;
  if (!tx_commit (&tx, a->hub, error))
    return NULL;

  return g_steal_pointer (&survey);
}

static void
wk_local_desk_set_followup (WkDesk              *desk,
                            gint64               survey_id,
                            WkFollowupStatus     status,
                            gint64               by_id,
                            const char          *note,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a;

  if (!wk_validate_id (_("The survey"), survey_id, &error) ||
      !wk_validate_id (_("The person following up"), by_id, &error) ||
      !wk_validate_text (_("The follow-up note"), note, WK_MAX_FOLLOWUP_NOTE, FALSE, &error))
    {
      /* the validator set the error */
    }
  else if (wk_followup_status_to_string (status) == NULL)
    g_set_error_literal (&error, WK_ERROR, WK_ERROR_INVALID, _("Unknown follow-up status"));

  if (error != NULL)
    {
      return_error (self, wk_desk_set_followup_async, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->id = survey_id;
  a->target = status;
  a->actor_id = by_id;
  a->text = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
  run_job (self, wk_desk_set_followup_async, set_followup_job, a, g_object_unref,
           cancellable, callback, user_data);
}

/* ---- announcements, lounges, events -------------------------------------------- */

static gpointer
list_announcements_job (sqlite3  *db,
                        gpointer  data,
                        GError  **error)
{
  Args *a = data;
  g_autoptr(WkStoreStmt) stmt = NULL;

  if (a->lounge_id > 0 && !lounge_exists (db, a->lounge_id, error))
    return NULL;

  stmt = wk_store_prepare (db,
                           "SELECT id, lounge_id, title, body, starts_at, ends_at FROM announcement"
                           " WHERE (lounge_id IS NULL OR lounge_id = ?1)"
                           " AND starts_at <= ?2 AND ends_at > ?2"
                           " ORDER BY starts_at DESC, id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a->lounge_id);
  sqlite3_bind_int64 (stmt, 2, a->when > 0 ? a->when : now_s ());
  return collect_rows (db, stmt, WK_TYPE_ANNOUNCEMENT, error);
}

static void
wk_local_desk_list_announcements (WkDesk              *desk,
                                  gint64               lounge_id,
                                  gint64               now,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  Args *a = args_new (self);

  a->lounge_id = lounge_id;
  a->when = now;
  run_job (self, wk_desk_list_announcements_async, list_announcements_job, a, g_object_unref,
           cancellable, callback, user_data);
}

static gpointer
list_lounges_job (sqlite3  *db,
                  gpointer  data,
                  GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db,
                           "SELECT l.id AS id, l.name AS name, l.location AS location,"
                           " l.timezone AS timezone, l.opening_hours AS opening_hours,"
                           " l.phone AS phone,"
                           " (SELECT group_concat (d.name, char (10))"
                           "  FROM (SELECT name FROM desk WHERE lounge_id = l.id ORDER BY name) d) AS desks"
                           " FROM lounge l ORDER BY l.name, l.id", error);
  if (stmt == NULL)
    return NULL;
  return collect_rows (db, stmt, WK_TYPE_LOUNGE, error);
}

static void
wk_local_desk_list_lounges (WkDesk              *desk,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);

  run_job (self, wk_desk_list_lounges_async, list_lounges_job, args_new (self), g_object_unref,
           cancellable, callback, user_data);
}

/* ---- visits and staff for the review face -------------------------------- */

static gpointer
list_visits_job (sqlite3  *db,
                 gpointer  data,
                 GError  **error)
{
  Args *a = data;
  const WkVisitQuery *q = &a->visits;
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db, VISIT_SELECT
                           " WHERE v.checked_in_at >= ?1 AND v.checked_in_at < ?2"
                           " AND (?3 = 0 OR v.lounge_id = ?3)"
                           " AND (?4 = 0 OR v.engineer_id = ?4)"
                           " AND (?7 = 0 OR v.person_id = ?7)"
                           " ORDER BY v.checked_in_at, v.id"
                           " LIMIT ?5 OFFSET ?6", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, q->from);
  sqlite3_bind_int64 (stmt, 2, q->to);
  sqlite3_bind_int64 (stmt, 3, q->lounge_id);
  sqlite3_bind_int64 (stmt, 4, q->engineer_id);
  sqlite3_bind_int (stmt, 5, q->limit == 0 ? WK_VISIT_QUERY_DEFAULT_LIMIT
                                           : MIN (q->limit, WK_VISIT_QUERY_MAX_LIMIT));
  sqlite3_bind_int64 (stmt, 6, q->offset);
  sqlite3_bind_int64 (stmt, 7, q->person_id);
  return collect_rows (db, stmt, WK_TYPE_VISIT, error);
}

static void
wk_local_desk_list_visits (WkDesk              *desk,
                           const WkVisitQuery  *query,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  Args *a;

  if (query->from < 0 || query->from >= query->to ||
      query->lounge_id < 0 || query->engineer_id < 0 || query->person_id < 0)
    {
      return_error (self, wk_desk_list_visits_async,
                    g_error_new_literal (WK_ERROR, WK_ERROR_INVALID,
                                         _("The period must end after it starts")),
                    cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->visits = *query;
  run_job (self, wk_desk_list_visits_async, list_visits_job, a, g_object_unref,
           cancellable, callback, user_data);
}

/* The visit; its contact email only when a survey of it agreed to be
 * contacted and was not anonymous. */
static gpointer
get_visit_job (sqlite3  *db,
               gpointer  data,
               GError  **error)
{
  Args *a = data;
  g_autoptr(WkStoreStmt) contact = NULL;
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_auto(GValue) email = G_VALUE_INIT;
  g_autofree char *msg = NULL;
  int rc;

  contact = wk_store_prepare (db,
                              "SELECT COALESCE (p.email, v.guest_email) FROM visit v"
                              " LEFT JOIN person p ON p.id = v.person_id"
                              " WHERE v.id = ?1 AND EXISTS (SELECT 1 FROM survey s"
                              "  WHERE s.visit_id = v.id AND s.contact_consent = 1"
                              "  AND s.anonymous = 0)", error);
  if (contact == NULL)
    return NULL;
  sqlite3_bind_int64 (contact, 1, a->id);
  rc = sqlite3_step (contact);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, "reading");
      return NULL;
    }
  g_value_init (&email, G_TYPE_STRING);
  if (rc == SQLITE_ROW)
    g_value_set_string (&email, (const char *) sqlite3_column_text (contact, 0));

  stmt = wk_store_prepare (db, VISIT_SELECT " WHERE v.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return row_to_object_with (WK_TYPE_VISIT, stmt,
                               g_value_get_string (&email) != NULL ? "contact-email" : NULL,
                               &email);
  if (rc == SQLITE_DONE)
    {
      msg = g_strdup_printf (_("There is no visit with id %" PRId64), a->id);
      g_set_error_literal (error, WK_ERROR, WK_ERROR_NOT_FOUND, msg);
    }
  else
    wk_db_set_error (db, rc, error, "reading");
  return NULL;
}

static void
wk_local_desk_get_visit (WkDesk              *desk,
                         gint64               visit_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  GError *error = NULL;
  Args *a;

  if (!wk_validate_id (_("The visit"), visit_id, &error))
    {
      return_error (self, wk_desk_get_visit_async, error, cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->id = visit_id;
  run_job (self, wk_desk_get_visit_async, get_visit_job, a, g_object_unref,
           cancellable, callback, user_data);
}

static gpointer
list_staff_job (sqlite3  *db,
                gpointer  data,
                GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db, PERSON_SELECT
                           " WHERE p.role IN ('engineer', 'lead', 'admin')"
                           " ORDER BY p.display_name COLLATE NOCASE, p.id", error);
  if (stmt == NULL)
    return NULL;
  return collect_rows (db, stmt, WK_TYPE_PERSON, error);
}

static void
wk_local_desk_list_staff (WkDesk              *desk,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);

  run_job (self, wk_desk_list_staff_async, list_staff_job, args_new (self), g_object_unref,
           cancellable, callback, user_data);
}

static gpointer
estimate_wait_job (sqlite3  *db,
                   gpointer  data,
                   GError  **error)
{
  Args *a = data;
  g_autoptr(WkStoreStmt) stmt = NULL;
  int people = 0;
  int minutes;
  int rc;

  stmt = wk_store_prepare (db, "SELECT 1 FROM lounge WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a->lounge_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_NOT_FOUND, _("There is no lounge %" PRId64 "."),
                   a->lounge_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "estimate");
      return NULL;
    }

  minutes = wk_estimate_wait (db, a->lounge_id, now_s (), &people, error);
  if (minutes < 0)
    return NULL;
  return wk_wait_estimate_new (minutes, (guint) MAX (people, 0));
}

static void
wk_local_desk_estimate_wait (WkDesk              *desk,
                             gint64               lounge_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  Args *a;

  if (lounge_id <= 0)
    {
      return_error (self, wk_desk_estimate_wait_async,
                    g_error_new_literal (WK_ERROR, WK_ERROR_INVALID, _("Choose a lounge.")),
                    cancellable, callback, user_data);
      return;
    }

  a = args_new (self);
  a->lounge_id = lounge_id;
  run_job (self, wk_desk_estimate_wait_async, estimate_wait_job, a, g_free,
           cancellable, callback, user_data);
}

static GListStore *
read_events (sqlite3  *db,
             gint64    after,
             guint     limit,
             GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db,
                           "SELECT id, at, actor, kind, entity, entity_id, payload FROM event"
                           " WHERE id > ? ORDER BY id LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, after);
  sqlite3_bind_int (stmt, 2, limit);
  return collect_rows (db, stmt, WK_TYPE_EVENT, error);
}

static gpointer
list_events_job (sqlite3  *db,
                 gpointer  data,
                 GError  **error)
{
  Args *a = data;

  return read_events (db, a->when, a->limit, error);
}

static void
wk_local_desk_list_events (WkDesk              *desk,
                           gint64               after,
                           guint                limit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  Args *a = args_new (self);

  a->when = MAX (after, 0);
  a->limit = limit == 0 ? 500 : MIN (limit, 10000);
  run_job (self, wk_desk_list_events_async, list_events_job, a, g_object_unref,
           cancellable, callback, user_data);
}

/* Reads the backlog after the cursor and turns the subscription live, in
 * one job: no event can slip between the two, because every commit (and
 * so every publish) also happens on the worker. */
static gpointer
catch_up_job (sqlite3  *db,
              gpointer  data,
              GError  **error)
{
  Args *a = data;
  g_autoptr(GPtrArray) backlog = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  gint64 after = a->when;

  for (;;)
    {
      g_autoptr(GListStore) batch = read_events (db, after, EVENTS_BATCH, &local_error);
      guint n;

      if (batch == NULL)
        {
          g_warning ("Could not replay events after %" G_GINT64_FORMAT ": %s",
                     after, local_error->message);
          break;
        }
      n = g_list_model_get_n_items (G_LIST_MODEL (batch));
      for (guint i = 0; i < n; i++)
        {
          WkEvent *event = g_list_model_get_item (G_LIST_MODEL (batch), i);

          after = wk_event_get_id (event);
          g_ptr_array_add (backlog, event);
        }
      if (n < EVENTS_BATCH)
        break;
    }

  g_mutex_lock (&a->hub->mutex);
  a->sub->live = TRUE;
  dispatch_locked (a->sub, backlog);
  g_mutex_unlock (&a->hub->mutex);

  return NULL;
}

static guint
wk_local_desk_subscribe (WkDesk         *desk,
                         gint64          after,
                         WkEventFunc     func,
                         gpointer        user_data,
                         GDestroyNotify  destroy)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  Subscription *sub = g_new0 (Subscription, 1);
  guint id;

  g_atomic_ref_count_init (&sub->ref_count);
  sub->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&sub->desk, self);
  sub->func = func;
  sub->user_data = user_data;
  sub->destroy = destroy;
  sub->active = TRUE;
  sub->live = after < 0;
  sub->delivered = MAX (after, 0);

  g_mutex_lock (&self->hub->mutex);
  id = sub->id = self->hub->next_id++;
  g_ptr_array_add (self->hub->subs, subscription_ref (sub));
  g_mutex_unlock (&self->hub->mutex);

  if (after >= 0)
    {
      Args *a = args_new (self);

      a->when = after;
      a->sub = subscription_ref (sub);
      wk_store_run_detached (self->store, catch_up_job, a, args_free);
    }

  subscription_unref (sub);
  return id;
}

static void
wk_local_desk_unsubscribe (WkDesk *desk,
                           guint   id)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  Subscription *found = NULL;

  g_mutex_lock (&self->hub->mutex);
  for (guint i = 0; i < self->hub->subs->len; i++)
    {
      Subscription *sub = g_ptr_array_index (self->hub->subs, i);

      if (sub->id == id)
        {
          found = g_ptr_array_steal_index (self->hub->subs, i);
          break;
        }
    }
  g_mutex_unlock (&self->hub->mutex);

  if (found == NULL)
    {
      g_warning ("No event subscription %u", id);
      return;
    }

  g_atomic_int_set (&found->active, FALSE);
  if (found->destroy != NULL)
    found->destroy (found->user_data);
  subscription_unref (found);
}

/* ---- sign in -------------------------------------------------------------------- */

typedef struct {
  WkPerson *person;   /* owned, NULL when unknown */
  char     *hash;     /* owned */
} Login;

static void
login_free (gpointer data)
{
  Login *login = data;

  g_clear_object (&login->person);
  g_free (login->hash);
  g_free (login);
}

static gpointer
sign_in_job (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  Args *a = data;
  g_autoptr(WkStoreStmt) stmt = NULL;
  Login *login = g_new0 (Login, 1);
  int rc;

  /* the credential hash never leaves this job's result */
  stmt = wk_store_prepare (db,
                           PERSON_SELECT_HASH
                           " WHERE p.email = ?1 OR p.username = ?1"
                           " ORDER BY p.email = ?1 DESC LIMIT 1", error);
  if (stmt == NULL)
    {
      login_free (login);
      return NULL;
    }
  bind_text (stmt, 1, a->text);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      login->person = row_to_object (WK_TYPE_PERSON, stmt);
      login->hash = g_strdup ((const char *) sqlite3_column_text (stmt, sqlite3_column_count (stmt) - 1));
    }
  else if (rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, "signing in");
      login_free (login);
      return NULL;
    }

  return login;
}

typedef struct {
  char  *password;    /* owned, wiped */
  Login *login;       /* owned */
} Verify;

static void
verify_free (gpointer data)
{
  Verify *verify = data;

  if (verify->password != NULL)
    {
      explicit_bzero (verify->password, strlen (verify->password));
      g_free (verify->password);
    }
  if (verify->login != NULL)
    login_free (verify->login);
  g_free (verify);
}

/* A valid hash nobody has, so an unknown login costs as much as a known
 * one: answering faster would tell which logins exist. */
static char *
dummy_hash (void)
{
  static gsize once = 0;
  static char *hash = NULL;

  if (g_once_init_enter (&once))
    {
      hash = wk_password_hash ("walkup-no-such-user", NULL);
      g_once_init_leave (&once, 1);
    }
  return hash;
}

static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Verify *verify = task_data;
  WkPerson *person = verify->login->person;
  gboolean ok;
  guint8 random[24];
  g_autofree char *token = NULL;

  ok = wk_password_verify (verify->password,
                           verify->login->hash != NULL ? verify->login->hash : dummy_hash ());
  ok = ok && person != NULL && verify->login->hash != NULL;

  if (person != NULL && wk_person_get_role (person) == WK_ROLE_VISITOR)
    {
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_FORBIDDEN,
                               _("Visitor accounts cannot sign in; ask the desk lead for a staff account"));
      return;
    }
  if (!ok)
    {
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_UNAUTHORIZED,
                               _("Wrong email, username or password"));
      return;
    }

  if (getrandom (random, sizeof random, 0) != (ssize_t) sizeof random)
    {
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_FAILED,
                               _("Could not make a session token"));
      return;
    }
  token = g_base64_encode (random, sizeof random);
  g_strdelimit (token, "+/", '-');

  g_task_return_pointer (task,
                         g_object_new (WK_TYPE_SESSION,
                                       "person", person,
                                       "role", wk_person_get_role (person),
                                       "token", token,
                                       NULL),
                         g_object_unref);
}

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  WkSession *session;

  session = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, session, g_object_unref);
}

static void
sign_in_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GTask) verify_task = NULL;
  Verify *verify = g_object_steal_data (G_OBJECT (task), "wk-verify");
  GError *error = NULL;

  verify->login = wk_store_run_finish (WK_STORE (source), result, &error);
  if (error != NULL)
    {
      verify_free (verify);
      g_task_return_error (task, error);
      return;
    }

  /* yescrypt takes a while: not on the store's worker.  The thread's task
   * has no source object, so the pool never holds the desk. */
  verify_task = g_task_new (NULL, NULL, verify_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (verify_task, sign_in_done_cb);
  g_task_set_task_data (verify_task, verify, verify_free);
  g_task_run_in_thread (verify_task, verify_thread);
}

static void
wk_local_desk_sign_in (WkDesk              *desk,
                       const char          *login,
                       const char          *password,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  WkLocalDesk *self = WK_LOCAL_DESK (desk);
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Verify *verify;
  Args *a;

  if (!wk_validate_text (_("Email or username"), login, WK_MAX_LOGIN, TRUE, &error) ||
      !wk_validate_text (_("The password"), password, WK_MAX_PASSWORD, TRUE, &error))
    {
      return_error (self, wk_desk_sign_in_async, error, cancellable, callback, user_data);
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wk_desk_sign_in_async);
  verify = g_new0 (Verify, 1);
  verify->password = g_strdup (password);
  /* on the task until the password check takes it over */
  g_object_set_data_full (G_OBJECT (task), "wk-verify", verify, verify_free);

  a = args_new (self);
  a->text = g_strstrip (g_strdup (login));
  wk_store_run_full_async (self->store, sign_in_job, a, args_free, login_free,
                           cancellable, sign_in_done_cb, g_steal_pointer (&task));
}

/* ---- GObject --------------------------------------------------------------------- */

static void
emit_event_cb (WkDesk   *desk,
               WkEvent  *event,
               gpointer  user_data)
{
  g_signal_emit_by_name (desk, "event", event);
}

/* ---- changes made by other programs -------------------------------------------- */

#define MONITOR_RATE_MS 50

/* Where the log stands when the desk starts: later events are news. */
static gpointer
log_start_job (sqlite3  *db,
               gpointer  data,
               GError  **error)
{
  Args *a = data;
  g_autoptr(WkStoreStmt) stmt = wk_store_prepare (db, "SELECT coalesce (max (id), 0) FROM event", error);

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW && a->hub->published < 0)
    a->hub->published = sqlite3_column_int64 (stmt, 0);
  return NULL;
}

static gpointer
log_news_job (sqlite3  *db,
              gpointer  data,
              GError  **error)
{
  Args *a = data;

  event_hub_publish_log (a->hub, db, 0);
  return NULL;
}

static void
database_changed_cb (WkLocalDesk       *self,
                     GFile             *file,
                     GFile             *other,
                     GFileMonitorEvent  event_type)
{
  if (self->store == NULL)
    return;
  if (event_type == G_FILE_MONITOR_EVENT_CHANGED || event_type == G_FILE_MONITOR_EVENT_CREATED ||
      event_type == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT)
    wk_store_run_detached (self->store, log_news_job, args_new (self), args_free);
}

/* Another program writing the same database file (the kiosk, another
 * laptop, `walkup-hub` tools) logs its changes there; subscribers hear of
 * them once the file changes, in log order with our own. */
static void
watch_database (WkLocalDesk *self)
{
  const char *path = wk_store_get_path (self->store);
  g_autofree char *wal = NULL;
  const char *paths[2];

  wk_store_run_detached (self->store, log_start_job, args_new (self), args_free);
  if (path == NULL || *path == '\0' || g_str_has_prefix (path, ":memory:") ||
      g_str_has_prefix (path, "file:"))
    return;

  wal = g_strconcat (path, "-wal", NULL);
  paths[0] = path;
  paths[1] = wal;
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) error = NULL;

      self->monitors[i] = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
      if (self->monitors[i] == NULL)
        {
          g_message ("Not watching %s for changes by other programs: %s", paths[i], error->message);
          continue;
        }
      g_file_monitor_set_rate_limit (self->monitors[i], MONITOR_RATE_MS);
      g_signal_connect_object (self->monitors[i], "changed", G_CALLBACK (database_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
}

static void
wk_local_desk_constructed (GObject *object)
{
  WkLocalDesk *self = WK_LOCAL_DESK (object);

  G_OBJECT_CLASS (wk_local_desk_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  self->signal_subscription = wk_local_desk_subscribe (WK_DESK (self), -1, emit_event_cb, NULL, NULL);
  watch_database (self);
}

static void
wk_local_desk_dispose (GObject *object)
{
  WkLocalDesk *self = (WkLocalDesk *) object;
  g_autoptr(GPtrArray) subs = NULL;

  if (self->hub != NULL)
    {
      g_mutex_lock (&self->hub->mutex);
      subs = g_steal_pointer (&self->hub->subs);
      self->hub->subs = g_ptr_array_new_with_free_func ((GDestroyNotify) subscription_unref);
      g_mutex_unlock (&self->hub->mutex);

      for (guint i = 0; i < subs->len; i++)
        {
          Subscription *sub = g_ptr_array_index (subs, i);

          g_atomic_int_set (&sub->active, FALSE);
          if (sub->destroy != NULL)
            sub->destroy (sub->user_data);
          sub->destroy = NULL;
        }
    }
  self->signal_subscription = 0;
  for (guint i = 0; i < G_N_ELEMENTS (self->monitors); i++)
    {
      if (self->monitors[i] != NULL)
        g_file_monitor_cancel (self->monitors[i]);
      g_clear_object (&self->monitors[i]);
    }
  g_clear_object (&self->lookup);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (wk_local_desk_parent_class)->dispose (object);
}

static void
wk_local_desk_finalize (GObject *object)
{
  WkLocalDesk *self = (WkLocalDesk *) object;

  g_clear_pointer (&self->hub, event_hub_unref);

  G_OBJECT_CLASS (wk_local_desk_parent_class)->finalize (object);
}

static void
wk_local_desk_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WkLocalDesk *self = WK_LOCAL_DESK (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_local_desk_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WkLocalDesk *self = WK_LOCAL_DESK (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_local_desk_class_init (WkLocalDeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wk_local_desk_constructed;
  object_class->dispose = wk_local_desk_dispose;
  object_class->finalize = wk_local_desk_finalize;
  object_class->get_property = wk_local_desk_get_property;
  object_class->set_property = wk_local_desk_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         WK_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_local_desk_init (WkLocalDesk *self)
{
  self->hub = event_hub_new ();
}

static void
wk_local_desk_desk_iface_init (WkDeskInterface *iface)
{
  iface->identify = wk_local_desk_identify;
  iface->check_in = wk_local_desk_check_in;
  iface->list_queue = wk_local_desk_list_queue;
  iface->pick_up = wk_local_desk_pick_up;
  iface->start_service = wk_local_desk_start_service;
  iface->finish_visit = wk_local_desk_finish_visit;
  iface->cancel_visit = wk_local_desk_cancel_visit;
  iface->mark_left = wk_local_desk_mark_left;
  iface->requeue_visit = wk_local_desk_requeue_visit;
  iface->search_tickets = wk_local_desk_search_tickets;
  iface->get_ticket = wk_local_desk_get_ticket;
  iface->update_ticket = wk_local_desk_update_ticket;
  iface->add_note = wk_local_desk_add_note;
  iface->acknowledge_conflict = wk_local_desk_acknowledge_conflict;
  iface->list_hardware = wk_local_desk_list_hardware;
  iface->add_hardware = wk_local_desk_add_hardware;
  iface->mark_hardware_ready = wk_local_desk_mark_hardware_ready;
  iface->mark_hardware_collected = wk_local_desk_mark_hardware_collected;
  iface->cancel_hardware = wk_local_desk_cancel_hardware;
  iface->submit_survey = wk_local_desk_submit_survey;
  iface->get_metrics = wk_local_desk_get_metrics;
  iface->list_feedback = wk_local_desk_list_feedback;
  iface->set_followup = wk_local_desk_set_followup;
  iface->list_announcements = wk_local_desk_list_announcements;
  iface->list_lounges = wk_local_desk_list_lounges;
  iface->estimate_wait = wk_local_desk_estimate_wait;
  iface->list_events = wk_local_desk_list_events;
  iface->sign_in = wk_local_desk_sign_in;
  iface->list_visits = wk_local_desk_list_visits;
  iface->get_visit = wk_local_desk_get_visit;
  iface->list_staff = wk_local_desk_list_staff;
  iface->subscribe = wk_local_desk_subscribe;
  iface->unsubscribe = wk_local_desk_unsubscribe;
}

WkLocalDesk *
wk_local_desk_new (WkStore *store)
{
  g_return_val_if_fail (WK_IS_STORE (store), NULL);

  return g_object_new (WK_TYPE_LOCAL_DESK, "store", store, NULL);
}

WkStore *
wk_local_desk_get_store (WkLocalDesk *self)
{
  g_return_val_if_fail (WK_IS_LOCAL_DESK (self), NULL);

  return self->store;
}

void
wk_local_desk_set_upstream_lookup (WkLocalDesk      *self,
                                   WkUpstreamLookup *lookup)
{
  g_return_if_fail (WK_IS_LOCAL_DESK (self));
  g_return_if_fail (lookup == NULL || WK_IS_UPSTREAM_LOOKUP (lookup));

  g_set_object (&self->lookup, lookup);
}
