/* wk-upstream-sync.c
 *
 * One event at a time: a store job reads the next event after the cursor
 * that means something upstream and gathers what the call needs (the Work);
 * the main loop makes the upstream calls; a second store job writes the
 * delivery row, the cursor advance and what goes back on the local ticket
 * in one transaction.  A retryable failure leaves the cursor where it is
 * and the same event is read again after the backoff.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-upstream-sync"

#include "config.h"

#include "wk-upstream-sync.h"

#include "wk-db.h"
#include "wk-error.h"
#include "wk-json.h"
#include "wk-json-text.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#define EVENTS_BATCH      200
#define FIRST_BACKOFF_MS  1000
/* a lost create is looked for among tickets made this long before the attempt */
#define CREATE_SLACK_S    60

typedef enum {
  WORK_NONE,      /* nothing to call: caught up, or the cursor moved past skipped events */
  WORK_RECORD,    /* decided without the upstream (skipped, not linked) */
  WORK_CREATE,
  WORK_UPDATE,
  WORK_COMMENT,
  WORK_PICKUP,    /* pickup fields, then a comment */
} WorkKind;

typedef struct {
  char             *system;
  WorkKind          kind;
  gint64            event_id;
  gint64            cursor_to;            /* WORK_NONE: where the cursor is now */
  gboolean          more;                 /* WORK_NONE: a full batch was skipped */
  gint64            ticket_id;            /* the local ticket, 0: none */
  char             *upstream_id;
  char             *version;              /* the local ticket's upstream_version */
  gint64            upstream_updated_at;
  WkUpstreamTicket *values;               /* create and update */
  WkUpstreamFields  fields;
  char             *body;                 /* comment, or a create's first message */
  gboolean          public_reply;
  gint64            attempt_at;           /* an earlier attempt's start, 0: none */
  gboolean          fresh;                /* the version was current before our write */
  char             *marker;               /* comments: the event's mark, to find it again */
  gboolean          comment_found;        /* a retry found the comment there already */
  /* the outcome */
  const char       *outcome;              /* "delivered", "conflict", "refused" */
  char             *detail;
  WkUpstreamTicket *after;                /* stored back on the ticket when @store_back */
  gboolean          store_back;
} Work;

struct _WkUpstreamSync
{
  GObject       parent_instance;

  WkStore      *store;
  WkDesk       *desk;            /* owned, or NULL */
  WkUpstream   *upstream;
  char         *system;
  GCancellable *cancellable;     /* owned; replaced at each start */
  Work         *work;            /* owned: the event being delivered */
  gulong        event_handler;
  guint         timer;           /* backoff or poll */
  gboolean      started;
  gboolean      running;         /* a step is under way */
  gboolean      wake_pending;
  gboolean      backing_off;
  gboolean      idle;
  gint64        cursor;
  guint         poll_ms;
  guint         first_backoff_ms;
  guint         max_backoff_ms;
  guint         backoff_ms;
  GError       *last_error;
  /* the outcome being written, announced once it is */
  gint64        recording_event;
  const char   *recording_outcome;
  char         *recording_detail;
};

G_DEFINE_FINAL_TYPE (WkUpstreamSync, wk_upstream_sync, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURSOR,
  PROP_IDLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_DELIVERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void step (WkUpstreamSync *self);

/* ---- work ---------------------------------------------------------------------- */

static Work *
work_new (const char *system)
{
  Work *w = g_new0 (Work, 1);

  w->system = g_strdup (system);
  return w;
}

static void
work_free (gpointer data)
{
  Work *w = data;

  if (w == NULL)
    return;
  g_free (w->system);
  g_free (w->upstream_id);
  g_free (w->version);
  g_clear_pointer (&w->values, wk_upstream_ticket_free);
  g_free (w->body);
  g_free (w->marker);
  g_free (w->detail);
  g_clear_pointer (&w->after, wk_upstream_ticket_free);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Work, work_free)

static void
work_record (Work       *w,
             const char *outcome,
             char       *detail)
{
  w->kind = WORK_RECORD;
  w->outcome = outcome;
  g_free (w->detail);
  w->detail = detail;
}

/* ---- reading the next event (worker) ------------------------------------------ */

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

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* "2026-11-22 14:05" in the lounge's time zone (the host's when unknown). */
static char *
format_time (gint64      at,
             const char *timezone)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = NULL;

  if (timezone != NULL && *timezone != '\0')
    tz = g_time_zone_new_identifier (timezone);
  if (tz == NULL)
    tz = g_time_zone_new_local ();
  local = g_date_time_to_timezone (utc, tz);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Fills @w's link to the upstream ticket of local ticket @ticket_id.  FALSE
 * with @w set to record a refusal when there is none. */
static gboolean
load_link (sqlite3  *db,
           Work     *w,
           gint64    ticket_id,
           GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  int rc;

  stmt = wk_store_prepare (db,
                           "SELECT upstream_system, upstream_id, upstream_version,"
                           " upstream_updated_at, ref FROM ticket WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      work_record (w, "refused", g_strdup_printf (_("There is no ticket with id %" PRId64),
                                                  ticket_id));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "reading a ticket's link");
      return FALSE;
    }
  w->ticket_id = ticket_id;
  if (sqlite3_column_type (stmt, 1) == SQLITE_NULL ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), w->system) != 0)
    {
      /* Translators: the first %s is a ticket reference, the second a system such as rt5 */
      work_record (w, "refused", g_strdup_printf (_("Ticket %s is not in %s"),
                                                  sqlite3_column_text (stmt, 4), w->system));
      return FALSE;
    }
  w->upstream_id = column_dup (stmt, 1);
  w->version = column_dup (stmt, 2);
  w->upstream_updated_at = sqlite3_column_int64 (stmt, 3);
  return TRUE;
}

static gboolean
plan_ticket_created (sqlite3  *db,
                     Work     *w,
                     gint64    ticket_id,
                     GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  const char *description;
  int rc;

  stmt = wk_store_prepare (db,
                           "SELECT t.subject, t.description, t.category, t.upstream_id,"
                           " COALESCE (p.email, (SELECT v.guest_email FROM visit v"
                           "  WHERE v.ticket_id = t.id ORDER BY v.id LIMIT 1)),"
                           " l.name"
                           " FROM ticket t LEFT JOIN person p ON p.id = t.requester_id"
                           " LEFT JOIN lounge l ON l.id = t.lounge_id WHERE t.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;   /* gone: nothing to create */
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "reading a new ticket");
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    return TRUE;   /* already linked */

  w->kind = WORK_CREATE;
  w->ticket_id = ticket_id;
  w->values = wk_upstream_ticket_new ();
  w->values->subject = column_dup (stmt, 0);
  w->values->category = column_dup (stmt, 2);
  w->values->requester_email = column_dup (stmt, 4);
  description = (const char *) sqlite3_column_text (stmt, 1);
  if (description != NULL && *description != '\0')
    w->body = g_strdup (description);
  else if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    /* Translators: %s is the name of a walk-up lounge */
    w->body = g_strdup_printf (_("Opened at the walk-up lounge %s."), sqlite3_column_text (stmt, 5));
  else
    w->body = g_strdup (_("Opened at the walk-up lounge."));
  return TRUE;
}

static gboolean
plan_checked_in (sqlite3  *db,
                 Work     *w,
                 gint64    visit_id,
                 GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autofree char *when = NULL;
  int rc;

  stmt = wk_store_prepare (db,
                           "SELECT v.ticket_id, v.checked_in_at, v.kiosk, l.name, l.timezone"
                           " FROM visit v JOIN lounge l ON l.id = v.lounge_id WHERE v.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE || (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_NULL))
    return TRUE;   /* no ticket: nothing to say upstream */
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "reading a visit");
      return FALSE;
    }
  if (!load_link (db, w, sqlite3_column_int64 (stmt, 0), error))
    return error == NULL || *error == NULL;

  when = format_time (sqlite3_column_int64 (stmt, 1), (const char *) sqlite3_column_text (stmt, 4));
  w->kind = WORK_COMMENT;
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    /* Translators: a comment on the person's ticket; lounge, date and time, kiosk name */
    w->body = g_strdup_printf (_("Checked in at the walk-up lounge %s on %s (kiosk %s)."),
                               sqlite3_column_text (stmt, 3), when, sqlite3_column_text (stmt, 2));
  else
    /* Translators: a comment on the person's ticket; lounge, date and time */
    w->body = g_strdup_printf (_("Checked in at the walk-up lounge %s on %s."),
                               sqlite3_column_text (stmt, 3), when);
  return TRUE;
}

static gboolean
plan_ticket_updated (sqlite3     *db,
                     Work        *w,
                     gint64       ticket_id,
                     const char  *changed,
                     GError     **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_auto(GStrv) names = g_strsplit (changed != NULL ? changed : "", ",", -1);
  WkUpstreamFields fields = 0;
  int rc, status;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strcmp (names[i], "subject") == 0)
        fields |= WK_UPSTREAM_FIELD_SUBJECT;
      else if (strcmp (names[i], "status") == 0)
        fields |= WK_UPSTREAM_FIELD_STATUS;
      else if (strcmp (names[i], "category") == 0)
        fields |= WK_UPSTREAM_FIELD_CATEGORY;
      else if (strcmp (names[i], "assignee") == 0)
        fields |= WK_UPSTREAM_FIELD_OWNER;
    }
  if (fields == 0)
    return TRUE;   /* description, priority: Walkup's own */

  stmt = wk_store_prepare (db,
                           "SELECT t.subject, t.status, t.category, t.assignee_id, a.username"
                           " FROM ticket t LEFT JOIN person a ON a.id = t.assignee_id"
                           " WHERE t.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ticket_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "reading a ticket");
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 3) != SQLITE_NULL && sqlite3_column_type (stmt, 4) == SQLITE_NULL)
    fields &= ~WK_UPSTREAM_FIELD_OWNER;   /* an engineer with no upstream login */
  if (fields == 0)
    return TRUE;

  w->values = wk_upstream_ticket_new ();
  w->values->subject = column_dup (stmt, 0);
  if (wk_enum_from_string (WK_TYPE_TICKET_STATUS, (const char *) sqlite3_column_text (stmt, 1), &status))
    w->values->status = status;
  w->values->category = column_dup (stmt, 2);
  w->values->owner = column_dup (stmt, 4);
  w->fields = fields;

  if (!load_link (db, w, ticket_id, error))
    return error == NULL || *error == NULL;
  w->kind = WORK_UPDATE;
  return TRUE;
}

static gboolean
plan_note_added (sqlite3  *db,
                 Work     *w,
                 gint64    ticket_id,
                 gint64    note_id,
                 GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  int rc;

  stmt = wk_store_prepare (db,
                           "SELECT n.body, n.visibility, p.display_name FROM note n"
                           " LEFT JOIN person p ON p.id = n.author_id WHERE n.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "reading a note");
      return FALSE;
    }
  w->public_reply = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "public") == 0;
  if (w->public_reply || sqlite3_column_type (stmt, 2) == SQLITE_NULL)
    w->body = column_dup (stmt, 0);
  else
    /* Translators: an internal comment upstream; the author's name, then the note */
    w->body = g_strdup_printf (_("%s at the walk-up lounge:\n\n%s"),
                               sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 0));

  if (!load_link (db, w, ticket_id, error))
    return error == NULL || *error == NULL;
  w->kind = WORK_COMMENT;
  return TRUE;
}

static gboolean
plan_hardware (sqlite3     *db,
               Work        *w,
               gint64       hardware_id,
               gboolean     collected,
               GError     **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  g_autofree char *item = NULL;
  g_autofree char *when = NULL;
  const char *location;
  int rc;

  stmt = wk_store_prepare (db,
                           "SELECT h.ticket_id, h.description, h.asset_tag, h.location,"
                           " h.collected_at, h.ack_name, l.timezone"
                           " FROM hardware h LEFT JOIN lounge l ON l.id = h.lounge_id"
                           " WHERE h.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, hardware_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE || (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_NULL))
    return TRUE;   /* no ticket to tell */
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "reading a hardware item");
      return FALSE;
    }

  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    item = g_strdup_printf ("%s (%s)", sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2));
  else
    item = column_dup (stmt, 1);
  location = (const char *) sqlite3_column_text (stmt, 3);

  w->values = wk_upstream_ticket_new ();
  w->fields = WK_UPSTREAM_FIELD_PICKUP_STATUS;
  w->values->pickup_status = g_strdup (collected ? "collected" : "ready");
  if (!collected)
    {
      w->fields |= WK_UPSTREAM_FIELD_PICKUP_LOCATION;
      w->values->pickup_location = g_strdup (location);
      /* Translators: a comment upstream; an item (with its asset tag), then "counter" or "locker 12" */
      w->body = g_strdup_printf (_("%s is ready for pickup at the walk-up lounge: %s."),
                                 item, location != NULL ? location : "");
    }
  else
    {
      when = format_time (sqlite3_column_int64 (stmt, 4), (const char *) sqlite3_column_text (stmt, 6));
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        /* Translators: a comment upstream; the item, the date and time, the name the person typed */
        w->body = g_strdup_printf (_("%s was collected on %s; acknowledged as “%s”."),
                                   item, when, sqlite3_column_text (stmt, 5));
      else
        /* Translators: a comment upstream; the item, the date and time */
        w->body = g_strdup_printf (_("%s was collected on %s; acknowledged by signature."),
                                   item, when);
    }

  if (!load_link (db, w, sqlite3_column_int64 (stmt, 0), error))
    return error == NULL || *error == NULL;
  w->kind = WORK_PICKUP;
  return TRUE;
}

static gboolean
plan_survey (sqlite3  *db,
             Work     *w,
             gint64    survey_id,
             GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  const char *resolved, *comment, *answer;
  int rc;

  stmt = wk_store_prepare (db,
                           "SELECT s.anonymous, COALESCE (s.ticket_id, v.ticket_id), s.score,"
                           " s.resolved, s.comment"
                           " FROM survey s LEFT JOIN visit v ON v.id = s.visit_id WHERE s.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, survey_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "reading a survey");
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) != 0)
    {
      /* on the requester's own ticket it would say who gave it */
      work_record (w, "delivered", g_strdup ("skipped: anonymous"));
      return TRUE;
    }
  if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
    return TRUE;   /* no ticket to put it on */

  resolved = (const char *) sqlite3_column_text (stmt, 3);
  if (g_strcmp0 (resolved, "yes") == 0)
    /* Translators: the answer to "Is it fixed?" in a feedback comment */
    answer = _("yes");
  else if (g_strcmp0 (resolved, "no") == 0)
    answer = _("no");
  else
    answer = _("not answered");
  comment = (const char *) sqlite3_column_text (stmt, 4);
  if (comment != NULL && *comment != '\0')
    /* Translators: an internal comment upstream: score, "yes"/"no", the person's comment */
    w->body = g_strdup_printf (_("Walk-up feedback: %d of 5. Fixed: %s. Comment: %s"),
                               sqlite3_column_int (stmt, 2), answer, comment);
  else
    /* Translators: an internal comment upstream: score, "yes"/"no" */
    w->body = g_strdup_printf (_("Walk-up feedback: %d of 5. Fixed: %s."),
                               sqlite3_column_int (stmt, 2), answer);

  if (!load_link (db, w, sqlite3_column_int64 (stmt, 1), error))
    return error == NULL || *error == NULL;
  w->kind = WORK_COMMENT;
  return TRUE;
}

/* Plans @w for one event; leaves @w->kind WORK_NONE when it means nothing
 * upstream. */
static gboolean
plan_event (sqlite3     *db,
            Work        *w,
            const char  *kind,
            gint64       entity_id,
            const char  *payload_text,
            GError     **error)
{
  g_autoptr(JsonNode) payload = NULL;
  g_autofree char *changed = NULL;
  gint64 ticket_id = 0, note_id = 0;

  payload = wk_json_parse (payload_text != NULL ? payload_text : "{}", -1, NULL);
  if (payload == NULL)
    return TRUE;

  if (strcmp (kind, "ticket.created") == 0)
    return plan_ticket_created (db, w, entity_id, error);
  if (strcmp (kind, "visit.checked_in") == 0)
    return plan_checked_in (db, w, entity_id, error);
  if (strcmp (kind, "ticket.updated") == 0)
    {
      if (!wk_json_get_string (payload, "changed", FALSE, 1000, &changed, NULL))
        return TRUE;
      return plan_ticket_updated (db, w, entity_id, changed, error);
    }
  if (strcmp (kind, "ticket.note_added") == 0)
    {
      if (!wk_json_get_int (payload, "note_id", TRUE, 1, G_MAXINT64, &note_id, NULL))
        return TRUE;
      ticket_id = entity_id;
      return plan_note_added (db, w, ticket_id, note_id, error);
    }
  if (strcmp (kind, "hardware.ready") == 0 || strcmp (kind, "hardware.collected") == 0)
    return plan_hardware (db, w, entity_id, strcmp (kind, "hardware.collected") == 0, error);
  if (strcmp (kind, "survey.submitted") == 0)
    return plan_survey (db, w, entity_id, error);
  return TRUE;
}

static gpointer
next_job (sqlite3  *db,
          gpointer  data,
          GError  **error)
{
  const char *system = data;
  g_autoptr(WkStoreStmt) init = NULL;
  g_autoptr(WkStoreStmt) cursor = NULL;
  g_autoptr(WkStoreStmt) events = NULL;
  g_autoptr(WkStoreStmt) attempt = NULL;
  g_autoptr(Work) w = work_new (system);
  gint64 after, last = 0;
  guint n = 0;
  int rc;

  /* the first start begins at the end of the log */
  init = wk_store_prepare (db,
                           "INSERT OR IGNORE INTO upstream_cursor (system, last_event_id)"
                           " SELECT ?1, COALESCE (MAX (id), 0) FROM event", error);
  if (init == NULL)
    return NULL;
  bind_text (init, 1, system);
  if (!wk_store_step_done (db, init, "starting the upstream cursor", error))
    return NULL;

  cursor = wk_store_prepare (db, "SELECT last_event_id FROM upstream_cursor WHERE system = ?", error);
  if (cursor == NULL)
    return NULL;
  bind_text (cursor, 1, system);
  if ((rc = sqlite3_step (cursor)) != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "reading the upstream cursor");
      return NULL;
    }
  after = sqlite3_column_int64 (cursor, 0);

  events = wk_store_prepare (db,
                             "SELECT id, actor, kind, entity_id, payload, at FROM event"
                             " WHERE id > ? ORDER BY id LIMIT ?", error);
  if (events == NULL)
    return NULL;
  sqlite3_bind_int64 (events, 1, after);
  sqlite3_bind_int (events, 2, EVENTS_BATCH);
  while ((rc = sqlite3_step (events)) == SQLITE_ROW)
    {
      const char *actor = (const char *) sqlite3_column_text (events, 1);

      n++;
      last = sqlite3_column_int64 (events, 0);
      /* mirrored from an upstream: it knows already */
      if (actor != NULL && g_str_has_prefix (actor, "upstream:"))
        continue;
      w->event_id = last;
      if (!plan_event (db, w, (const char *) sqlite3_column_text (events, 2),
                       sqlite3_column_int64 (events, 3),
                       (const char *) sqlite3_column_text (events, 4), error))
        return NULL;
      if (w->kind == WORK_COMMENT || w->kind == WORK_PICKUP)
        {
          /* the same mark on every try: a retry looks for it first */
          w->marker = g_strdup_printf ("[walkup-event %" G_GINT64_FORMAT "-%" G_GINT64_FORMAT "]",
                                       last, (gint64) sqlite3_column_int64 (events, 5));
        }
      if (w->kind != WORK_NONE)
        break;
      /* planning may have filled members without deciding: start clean */
      g_clear_pointer (&w, work_free);
      w = work_new (system);
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, "reading events");
      return NULL;
    }

  if (w->kind == WORK_NONE)
    {
      g_autoptr(WkStoreStmt) move = NULL;

      w->cursor_to = after;
      if (n == 0)
        return g_steal_pointer (&w);
      /* nothing for upstream in the batch: move past it */
      move = wk_store_prepare (db,
                               "UPDATE upstream_cursor SET last_event_id = ?2"
                               " WHERE system = ?1 AND last_event_id < ?2", error);
      if (move == NULL)
        return NULL;
      bind_text (move, 1, system);
      sqlite3_bind_int64 (move, 2, last);
      if (!wk_store_step_done (db, move, "moving the upstream cursor", error))
        return NULL;
      w->cursor_to = last;
      w->more = n == EVENTS_BATCH;
      return g_steal_pointer (&w);
    }

  attempt = wk_store_prepare (db,
                              "SELECT started_at FROM upstream_attempt WHERE system = ? AND event_id = ?",
                              error);
  if (attempt == NULL)
    return NULL;
  bind_text (attempt, 1, system);
  sqlite3_bind_int64 (attempt, 2, w->event_id);
  rc = sqlite3_step (attempt);
  if (rc == SQLITE_ROW)
    w->attempt_at = sqlite3_column_int64 (attempt, 0);
  else if (rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, "reading an upstream attempt");
      return NULL;
    }

  return g_steal_pointer (&w);
}

/* ---- writing (worker) ------------------------------------------------------------ */

typedef struct {
  char   *system;
  gint64  event_id;
  gint64  started_at;
} Attempt;

static void
attempt_free (gpointer data)
{
  Attempt *attempt = data;

  g_free (attempt->system);
  g_free (attempt);
}

static gpointer
attempt_job (sqlite3  *db,
             gpointer  data,
             GError  **error)
{
  Attempt *attempt = data;
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db,
                           "INSERT OR IGNORE INTO upstream_attempt (system, event_id, started_at)"
                           " VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, attempt->system);
  sqlite3_bind_int64 (stmt, 2, attempt->event_id);
  sqlite3_bind_int64 (stmt, 3, attempt->started_at);
  if (!wk_store_step_done (db, stmt, "noting an upstream attempt", error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

/* The delivery row, the cursor advance and the ticket's link: one transaction. */
static gpointer
record_job (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  Work *w = data;
  g_autoptr(WkStoreStmt) delivery = NULL;
  g_autoptr(WkStoreStmt) move = NULL;
  g_autoptr(WkStoreStmt) link = NULL;
  g_autoptr(WkStoreStmt) done = NULL;
  const char *upstream_id = w->after != NULL ? w->after->id : w->upstream_id;

  if (!wk_store_begin (db, error))
    return NULL;

  delivery = wk_store_prepare (db,
                               "INSERT INTO upstream_delivery (system, event_id, outcome,"
                               " upstream_id, detail, at) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (delivery == NULL)
    goto fail;
  bind_text (delivery, 1, w->system);
  sqlite3_bind_int64 (delivery, 2, w->event_id);
  bind_text (delivery, 3, w->outcome);
  bind_text (delivery, 4, upstream_id);
  bind_text (delivery, 5, w->detail);
  sqlite3_bind_int64 (delivery, 6, g_get_real_time () / G_USEC_PER_SEC);
  if (!wk_store_step_done (db, delivery, "recording a delivery", error))
    goto fail;

  move = wk_store_prepare (db,
                           "UPDATE upstream_cursor SET last_event_id = ?2"
                           " WHERE system = ?1 AND last_event_id < ?2", error);
  if (move == NULL)
    goto fail;
  bind_text (move, 1, w->system);
  sqlite3_bind_int64 (move, 2, w->event_id);
  if (!wk_store_step_done (db, move, "moving the upstream cursor", error))
    goto fail;
  if (sqlite3_changes (db) != 1)
    {
      g_set_error_literal (error, WK_ERROR, WK_ERROR_CONFLICT,
                           "Another sync moved the upstream cursor");
      goto fail;
    }

  if (w->store_back && w->after != NULL && w->ticket_id > 0)
    {
      /* never two local tickets for one upstream ticket */
      link = wk_store_prepare (db,
                               "UPDATE ticket SET upstream_system = ?2, upstream_id = ?3,"
                               " upstream_version = ?4, upstream_updated_at = ?5"
                               " WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM ticket o"
                               "  WHERE o.upstream_system = ?2 AND o.upstream_id = ?3 AND o.id <> ?1)",
                               error);
      if (link == NULL)
        goto fail;
      sqlite3_bind_int64 (link, 1, w->ticket_id);
      bind_text (link, 2, w->system);
      bind_text (link, 3, w->after->id);
      bind_text (link, 4, w->after->version);
      sqlite3_bind_int64 (link, 5, w->after->updated_at);
      if (!wk_store_step_done (db, link, "linking a ticket upstream", error))
        goto fail;
    }

  /* an open ticket shows the conflict at once */
  if (g_strcmp0 (w->outcome, "conflict") == 0 && w->ticket_id > 0)
    {
      g_autoptr(GString) payload = g_string_new (NULL);
      g_autofree char *actor = g_strdup_printf ("upstream:%s", w->system);

      wk_json_begin_object (payload);
      wk_json_member_int (payload, "ticket_id", w->ticket_id);
      wk_json_member_int (payload, "conflict_id", w->event_id);
      wk_json_end_object (payload);
      if (wk_store_log_event (db, g_get_real_time () / G_USEC_PER_SEC, actor, "ticket.upstream_conflict",
                              "ticket", w->ticket_id, payload->str, error) == 0)
        goto fail;
    }

  done = wk_store_prepare (db, "DELETE FROM upstream_attempt WHERE system = ? AND event_id = ?", error);
  if (done == NULL)
    goto fail;
  bind_text (done, 1, w->system);
  sqlite3_bind_int64 (done, 2, w->event_id);
  if (!wk_store_step_done (db, done, "clearing an upstream attempt", error) ||
      !wk_store_commit (db, error))
    goto fail;

  return GINT_TO_POINTER (TRUE);

fail:
  wk_store_rollback (db);
  return NULL;
}

/* ---- the conflict's record ------------------------------------------------------ */

static void
set_ticket_members (JsonNode               *body,
                    const WkUpstreamTicket *ticket)
{
  wk_json_body_set_string (body, "id", ticket->id);
  wk_json_body_set_string (body, "version", ticket->version);
  wk_json_body_set_string (body, "subject", ticket->subject);
  wk_json_body_set_enum (body, "status", WK_TYPE_TICKET_STATUS, ticket->status);
  wk_json_body_set_string (body, "owner", ticket->owner);
  wk_json_body_set_string (body, "category", ticket->category);
  wk_json_body_set_string (body, "pickup_location", ticket->pickup_location);
  wk_json_body_set_string (body, "pickup_status", ticket->pickup_status);
  wk_json_body_set_int (body, "updated_at", ticket->updated_at);
}

/* {"upstream": {…what the upstream has now…}, "ours": {…what we sent…}, "fields": "status,…"} */
static char *
conflict_detail (const WkUpstreamTicket *current,
                 const WkUpstreamTicket *ours,
                 WkUpstreamFields        fields)
{
  g_autoptr(JsonNode) root = wk_json_body_new ();
  g_autoptr(JsonNode) theirs = wk_json_body_new ();
  g_autoptr(JsonNode) mine = wk_json_body_new ();
  g_autoptr(GString) names = g_string_new (NULL);

  set_ticket_members (theirs, current);
  if (fields & WK_UPSTREAM_FIELD_SUBJECT)
    wk_json_body_set_string (mine, "subject", ours->subject);
  if (fields & WK_UPSTREAM_FIELD_STATUS)
    wk_json_body_set_enum (mine, "status", WK_TYPE_TICKET_STATUS, ours->status);
  if (fields & WK_UPSTREAM_FIELD_OWNER)
    wk_json_body_set_string (mine, "owner", ours->owner);
  if (fields & WK_UPSTREAM_FIELD_CATEGORY)
    wk_json_body_set_string (mine, "category", ours->category);
  json_object_set_member (json_node_get_object (root), "upstream", g_steal_pointer (&theirs));
  json_object_set_member (json_node_get_object (root), "ours", g_steal_pointer (&mine));
  return wk_json_to_string (root, NULL);
}

/* Does @current already hold every value of @ours that @fields name? */
static gboolean
values_match (const WkUpstreamTicket *current,
              const WkUpstreamTicket *ours,
              WkUpstreamFields        fields)
{
  if ((fields & WK_UPSTREAM_FIELD_SUBJECT) && g_strcmp0 (current->subject, ours->subject) != 0)
    return FALSE;
  if ((fields & WK_UPSTREAM_FIELD_STATUS) && current->status != ours->status)
    return FALSE;
  if ((fields & WK_UPSTREAM_FIELD_OWNER) && g_strcmp0 (current->owner, ours->owner) != 0)
    return FALSE;
  if ((fields & WK_UPSTREAM_FIELD_CATEGORY) && g_strcmp0 (current->category, ours->category) != 0)
    return FALSE;
  return TRUE;
}

/* ---- the main loop side ---------------------------------------------------------- */

static gboolean
is_retryable (const GError *error)
{
  return g_error_matches (error, WK_ERROR, WK_ERROR_UNAVAILABLE) ||
         g_error_matches (error, WK_ERROR, WK_ERROR_RATE_LIMITED) ||
         g_error_matches (error, WK_ERROR, WK_ERROR_UNAUTHORIZED) ||
         g_error_matches (error, WK_ERROR, WK_ERROR_FORBIDDEN);
}

static void
set_idle (WkUpstreamSync *self,
          gboolean        idle)
{
  if (self->idle == idle)
    return;
  self->idle = idle;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE]);
}

static void
set_cursor (WkUpstreamSync *self,
            gint64          cursor)
{
  if (self->cursor == cursor)
    return;
  self->cursor = cursor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
}

static gboolean
timer_cb (gpointer user_data)
{
  WkUpstreamSync *self = user_data;

  self->timer = 0;
  self->backing_off = FALSE;
  step (self);
  return G_SOURCE_REMOVE;
}

/* The step is over: go on, wait for a wake, or poll. */
static void
finish_step (WkUpstreamSync *self,
             gboolean        more)
{
  self->running = FALSE;
  if (more || self->wake_pending)
    {
      self->wake_pending = FALSE;
      step (self);
      return;
    }
  set_idle (self, TRUE);
  if (self->poll_ms > 0)
    self->timer = g_timeout_add (self->poll_ms, timer_cb, self);
}

static void
retry_later (WkUpstreamSync *self,
             GError         *error)
{
  g_debug ("Upstream %s: %s; again in %u ms", self->system, error->message, self->backoff_ms);
  g_clear_error (&self->last_error);
  self->last_error = error;
  g_clear_pointer (&self->work, work_free);
  self->running = FALSE;
  self->wake_pending = FALSE;
  self->backing_off = TRUE;
  set_idle (self, FALSE);
  self->timer = g_timeout_add (self->backoff_ms, timer_cb, self);
  self->backoff_ms = MIN (self->backoff_ms * 2, self->max_backoff_ms);
}

static void
record_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  WkUpstreamSync *self;
  g_autoptr(GError) error = NULL;
  gint64 event_id;

  wk_store_run_finish (WK_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  if (error != NULL)
    {
      g_warning ("Could not record an upstream delivery: %s", error->message);
      retry_later (self, g_steal_pointer (&error));
      return;
    }

  event_id = self->recording_event;
  self->backoff_ms = self->first_backoff_ms;
  g_clear_error (&self->last_error);
  set_cursor (self, event_id);
  g_signal_emit (self, signals[SIGNAL_DELIVERED], 0, event_id, self->recording_outcome,
                 self->recording_detail);
  g_clear_pointer (&self->recording_detail, g_free);
  finish_step (self, TRUE);
}

/* Writes @self->work's outcome and moves on. */
static void
record (WkUpstreamSync *self)
{
  Work *w = g_steal_pointer (&self->work);

  g_debug ("Upstream %s: event %" G_GINT64_FORMAT " %s%s%s", w->system, w->event_id, w->outcome,
           w->detail != NULL ? ": " : "", w->detail != NULL ? w->detail : "");
  self->recording_event = w->event_id;
  self->recording_outcome = w->outcome;
  g_free (self->recording_detail);
  self->recording_detail = g_strdup (w->detail);
  wk_store_run_full_async (self->store, record_job, w, work_free, NULL,
                           self->cancellable, record_cb, self);
}

/* A failed upstream call: retried later, or recorded as refused. */
static void
fail (WkUpstreamSync *self,
      GError         *error)
{
  if (is_retryable (error))
    {
      retry_later (self, error);
      return;
    }
  self->work->outcome = "refused";
  g_free (self->work->detail);
  self->work->detail = g_strdup (error->message);
  g_error_free (error);
  record (self);
}

static void
delivered (WkUpstreamSync   *self,
           WkUpstreamTicket *after,
           gboolean          store_back)
{
  Work *w = self->work;

  w->outcome = "delivered";
  g_clear_pointer (&w->after, wk_upstream_ticket_free);
  w->after = after;
  w->store_back = store_back && after != NULL;
  record (self);
}

/* Writes the attempt row of the event in hand (kept when one is there), then
 * calls @then. */
static void
note_attempt (WkUpstreamSync      *self,
              GAsyncReadyCallback  then)
{
  Attempt *attempt = g_new0 (Attempt, 1);

  attempt->system = g_strdup (self->system);
  attempt->event_id = self->work->event_id;
  attempt->started_at = g_get_real_time () / G_USEC_PER_SEC;
  wk_store_run_full_async (self->store, attempt_job, attempt, attempt_free, NULL,
                           self->cancellable, then, self);
}

/* ---- comments and pickup: read, write, read -------------------------------------- */

static void
touch_after_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  WkUpstreamSync *self;
  g_autoptr(GError) error = NULL;
  WkUpstreamTicket *after;

  after = wk_upstream_get_ticket_finish (WK_UPSTREAM (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  if (after == NULL)
    {
      /* written, but its new version is unknown: the next edit may meet a
       * conflict that is none, which is recorded, not lost */
      g_debug ("Reading back ticket %s: %s", self->work->upstream_id, error->message);
      delivered (self, NULL, FALSE);
      return;
    }
  delivered (self, after, self->work->fresh);
}

static void
comment_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WkUpstreamSync *self;
  g_autoptr(GError) error = NULL;

  if (!wk_upstream_add_comment_finish (WK_UPSTREAM (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      fail (user_data, g_steal_pointer (&error));
      return;
    }
  self = user_data;
  wk_upstream_get_ticket_async (self->upstream, self->work->upstream_id, self->cancellable,
                                touch_after_cb, self);
}

static void
comment_attempt_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  WkUpstreamSync *self;
  g_autoptr(GError) error = NULL;

  wk_store_run_finish (WK_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  if (error != NULL)
    {
      retry_later (self, g_steal_pointer (&error));
      return;
    }
  wk_upstream_add_comment_async (self->upstream, self->work->upstream_id, self->work->body,
                                 self->work->marker, self->work->public_reply, self->cancellable,
                                 comment_cb, self);
}

/* Posts the comment, unless a retry found it there already; an attempt row
 * first, so that a retry after a lost answer looks before posting again. */
static void
send_comment (WkUpstreamSync *self)
{
  if (self->work->comment_found)
    {
      g_debug ("The comment of event %" G_GINT64_FORMAT " was posted by an earlier try",
               self->work->event_id);
      wk_upstream_get_ticket_async (self->upstream, self->work->upstream_id, self->cancellable,
                                    touch_after_cb, self);
      return;
    }
  note_attempt (self, comment_attempt_cb);
}

static void
pickup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(WkUpstreamTicket) after = NULL;
  g_autoptr(GError) error = NULL;

  after = wk_upstream_update_ticket_finish (WK_UPSTREAM (source), result, NULL, &error);
  if (after == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      fail (user_data, g_steal_pointer (&error));
      return;
    }
  send_comment (user_data);
}

static void
touch (WkUpstreamSync *self)
{
  Work *w = self->work;

  if (w->kind == WORK_PICKUP)
    wk_upstream_update_ticket_async (self->upstream, w->upstream_id, NULL, w->values, w->fields,
                                     self->cancellable, pickup_cb, self);
  else
    send_comment (self);
}

static void
find_comment_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WkUpstreamSync *self;
  g_autoptr(GError) error = NULL;
  gboolean found;

  found = wk_upstream_find_comment_finish (WK_UPSTREAM (source), result, &error);
  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      fail (user_data, g_steal_pointer (&error));
      return;
    }
  self = user_data;
  self->work->comment_found = found;
  touch (self);
}

static void
touch_before_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WkUpstreamSync *self;
  g_autoptr(WkUpstreamTicket) before = NULL;
  g_autoptr(GError) error = NULL;
  Work *w;

  before = wk_upstream_get_ticket_finish (WK_UPSTREAM (source), result, &error);
  if (before == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      fail (user_data, g_steal_pointer (&error));
      return;
    }
  self = user_data;
  w = self->work;

  /* our version stays the one we saw unless nobody else wrote meanwhile */
  if (w->version != NULL)
    w->fresh = g_strcmp0 (before->version, w->version) == 0;
  else
    w->fresh = before->updated_at <= w->upstream_updated_at || w->upstream_updated_at == 0;

  if (w->attempt_at > 0)
    wk_upstream_find_comment_async (self->upstream, w->upstream_id, w->marker, self->cancellable,
                                    find_comment_cb, self);
  else
    touch (self);
}

/* ---- updates ------------------------------------------------------------------------ */

static void
update_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  WkUpstreamSync *self;
  g_autoptr(WkUpstreamTicket) current = NULL;
  g_autoptr(GError) error = NULL;
  WkUpstreamTicket *after;
  Work *w;

  after = wk_upstream_update_ticket_finish (WK_UPSTREAM (source), result, &current, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  w = self->work;
  if (after != NULL)
    {
      delivered (self, after, TRUE);
      return;
    }

  if (g_error_matches (error, WK_ERROR, WK_ERROR_CONFLICT) && current != NULL)
    {
      if (values_match (current, w->values, w->fields))
        {
          /* already so upstream (our own earlier try, or the same edit there) */
          delivered (self, g_steal_pointer (&current), TRUE);
          return;
        }
      w->outcome = "conflict";
      g_free (w->detail);
      w->detail = conflict_detail (current, w->values, w->fields);
      g_clear_pointer (&w->after, wk_upstream_ticket_free);
      w->after = g_steal_pointer (&current);
      w->store_back = TRUE;
      record (self);
      return;
    }

  if (!is_retryable (error) && current != NULL)
    {
      /* refused, but the upstream may have taken the other values */
      g_clear_pointer (&w->after, wk_upstream_ticket_free);
      w->after = g_steal_pointer (&current);
      w->store_back = TRUE;
    }
  fail (self, g_steal_pointer (&error));
}

static void
send_update (WkUpstreamSync *self,
             const char     *expected_version)
{
  Work *w = self->work;

  wk_upstream_update_ticket_async (self->upstream, w->upstream_id, expected_version, w->values,
                                   w->fields, self->cancellable, update_cb, self);
}

/* A ticket mirrored from a search has no version: its last-update time says
 * whether the upstream moved since. */
static void
update_before_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  WkUpstreamSync *self;
  g_autoptr(WkUpstreamTicket) before = NULL;
  g_autoptr(GError) error = NULL;
  Work *w;

  before = wk_upstream_get_ticket_finish (WK_UPSTREAM (source), result, &error);
  if (before == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      fail (user_data, g_steal_pointer (&error));
      return;
    }
  self = user_data;
  w = self->work;

  if (w->upstream_updated_at > 0 && before->updated_at > w->upstream_updated_at &&
      !values_match (before, w->values, w->fields))
    {
      w->outcome = "conflict";
      g_free (w->detail);
      w->detail = conflict_detail (before, w->values, w->fields);
      g_clear_pointer (&w->after, wk_upstream_ticket_free);
      w->after = g_steal_pointer (&before);
      w->store_back = TRUE;
      record (self);
      return;
    }
  send_update (self, before->version);
}

/* ---- creates ------------------------------------------------------------------------ */

static void
create_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  WkUpstreamTicket *created;

  created = wk_upstream_create_ticket_finish (WK_UPSTREAM (source), result, &error);
  if (created == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      fail (user_data, g_steal_pointer (&error));
      return;
    }
  delivered (user_data, created, TRUE);
}

static void
attempt_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WkUpstreamSync *self;
  g_autoptr(GError) error = NULL;

  wk_store_run_finish (WK_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  if (error != NULL)
    {
      retry_later (self, g_steal_pointer (&error));
      return;
    }
  wk_upstream_create_ticket_async (self->upstream, self->work->values, self->work->body,
                                   self->cancellable, create_cb, self);
}

static void
create (WkUpstreamSync *self)
{
  note_attempt (self, attempt_cb);
}

static void
find_created_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WkUpstreamSync *self;
  g_autoptr(GError) error = NULL;
  WkUpstreamTicket *found;

  found = wk_upstream_find_created_finish (WK_UPSTREAM (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  if (error != NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }
  if (found != NULL)
    {
      g_debug ("Ticket %s was made by an earlier try", found->id);
      delivered (self, found, TRUE);
      return;
    }
  create (self);
}

/* ---- steps --------------------------------------------------------------------------- */

static void
perform (WkUpstreamSync *self)
{
  Work *w = self->work;

  switch (w->kind)
    {
    case WORK_RECORD:
      record (self);
      break;
    case WORK_CREATE:
      if (w->attempt_at > 0)
        wk_upstream_find_created_async (self->upstream, w->values, w->attempt_at - CREATE_SLACK_S,
                                        self->cancellable, find_created_cb, self);
      else
        create (self);
      break;
    case WORK_UPDATE:
      if (w->version != NULL)
        send_update (self, w->version);
      else
        wk_upstream_get_ticket_async (self->upstream, w->upstream_id, self->cancellable,
                                      update_before_cb, self);
      break;
    case WORK_COMMENT:
    case WORK_PICKUP:
      wk_upstream_get_ticket_async (self->upstream, w->upstream_id, self->cancellable,
                                    touch_before_cb, self);
      break;
    case WORK_NONE:
    default:
      g_assert_not_reached ();
    }
}

static void
next_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  WkUpstreamSync *self;
  g_autoptr(GError) error = NULL;
  Work *w;
  gboolean more;

  w = wk_store_run_finish (WK_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  if (w == NULL)
    {
      g_warning ("Could not read the event log for %s: %s", self->system, error->message);
      retry_later (self, g_steal_pointer (&error));
      return;
    }

  g_clear_pointer (&self->work, work_free);
  self->work = w;
  if (w->kind == WORK_NONE)
    {
      more = w->more;
      set_cursor (self, w->cursor_to);
      g_clear_pointer (&self->work, work_free);
      finish_step (self, more);
      return;
    }
  perform (self);
}

static void
step (WkUpstreamSync *self)
{
  if (!self->started || self->running)
    return;
  g_clear_handle_id (&self->timer, g_source_remove);
  self->running = TRUE;
  self->wake_pending = FALSE;
  set_idle (self, FALSE);
  wk_store_run_full_async (self->store, next_job, g_strdup (self->system), g_free, work_free,
                           self->cancellable, next_cb, self);
}

static void
desk_event_cb (WkDesk   *desk,
               WkEvent  *event,
               gpointer  user_data)
{
  WkUpstreamSync *self = user_data;

  /* mirrored events wake it too: the cursor moves past them */
  if (!self->started)
    return;
  if (self->running)
    self->wake_pending = TRUE;
  else if (!self->backing_off)
    step (self);
  /* backing off: the upstream needs a rest; the new event waits its turn */
}

/* ---- public API ------------------------------------------------------------------------ */

void
wk_upstream_sync_start (WkUpstreamSync *self)
{
  g_return_if_fail (WK_IS_UPSTREAM_SYNC (self));

  if (self->started)
    return;
  self->started = TRUE;
  self->backoff_ms = self->first_backoff_ms;
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
    }
  step (self);
}

void
wk_upstream_sync_stop (WkUpstreamSync *self)
{
  g_return_if_fail (WK_IS_UPSTREAM_SYNC (self));

  if (!self->started)
    return;
  self->started = FALSE;
  self->running = FALSE;
  self->backing_off = FALSE;
  self->wake_pending = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer, g_source_remove);
  g_clear_pointer (&self->work, work_free);
  set_idle (self, FALSE);
}

void
wk_upstream_sync_wake (WkUpstreamSync *self)
{
  g_return_if_fail (WK_IS_UPSTREAM_SYNC (self));

  if (self->running)
    self->wake_pending = TRUE;
  else
    {
      self->backing_off = FALSE;
      step (self);
    }
}

gint64
wk_upstream_sync_get_cursor (WkUpstreamSync *self)
{
  g_return_val_if_fail (WK_IS_UPSTREAM_SYNC (self), 0);

  return self->cursor;
}

gboolean
wk_upstream_sync_get_idle (WkUpstreamSync *self)
{
  g_return_val_if_fail (WK_IS_UPSTREAM_SYNC (self), FALSE);

  return self->idle;
}

const GError *
wk_upstream_sync_get_last_error (WkUpstreamSync *self)
{
  g_return_val_if_fail (WK_IS_UPSTREAM_SYNC (self), NULL);

  return self->last_error;
}

void
wk_upstream_sync_set_poll_interval (WkUpstreamSync *self,
                                    guint           interval_ms)
{
  g_return_if_fail (WK_IS_UPSTREAM_SYNC (self));

  self->poll_ms = interval_ms;
}

void
wk_upstream_sync_set_backoff (WkUpstreamSync *self,
                              guint           first_ms,
                              guint           max_ms)
{
  g_return_if_fail (WK_IS_UPSTREAM_SYNC (self));
  g_return_if_fail (first_ms > 0 && max_ms >= first_ms);

  self->first_backoff_ms = first_ms;
  self->max_backoff_ms = max_ms;
  self->backoff_ms = first_ms;
}

/* ---- GObject -------------------------------------------------------------------------- */

static void
wk_upstream_sync_dispose (GObject *object)
{
  WkUpstreamSync *self = WK_UPSTREAM_SYNC (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->started = FALSE;
  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->desk != NULL)
    g_clear_signal_handler (&self->event_handler, self->desk);
  g_clear_object (&self->desk);
  g_clear_object (&self->upstream);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (wk_upstream_sync_parent_class)->dispose (object);
}

static void
wk_upstream_sync_finalize (GObject *object)
{
  WkUpstreamSync *self = WK_UPSTREAM_SYNC (object);

  g_clear_pointer (&self->work, work_free);
  g_clear_error (&self->last_error);
  g_free (self->recording_detail);
  g_free (self->system);

  G_OBJECT_CLASS (wk_upstream_sync_parent_class)->finalize (object);
}

static void
wk_upstream_sync_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WkUpstreamSync *self = WK_UPSTREAM_SYNC (object);

  switch (prop_id)
    {
    case PROP_CURSOR:
      g_value_set_int64 (value, self->cursor);
      break;

    case PROP_IDLE:
      g_value_set_boolean (value, self->idle);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_upstream_sync_class_init (WkUpstreamSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wk_upstream_sync_dispose;
  object_class->finalize = wk_upstream_sync_finalize;
  object_class->get_property = wk_upstream_sync_get_property;

  properties[PROP_CURSOR] =
    g_param_spec_int64 ("cursor", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_IDLE] =
    g_param_spec_boolean ("idle", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WkUpstreamSync::delivered:
   * @event_id: the event
   * @outcome: "delivered", "conflict" or "refused"
   * @detail: (nullable): why, or the conflict's JSON
   *
   * An event was handled; its row is being written.
   */
  signals[SIGNAL_DELIVERED] =
    g_signal_new ("delivered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING);
}

static void
wk_upstream_sync_init (WkUpstreamSync *self)
{
  self->first_backoff_ms = FIRST_BACKOFF_MS;
  self->max_backoff_ms = WK_UPSTREAM_SYNC_MAX_BACKOFF_MS;
  self->backoff_ms = FIRST_BACKOFF_MS;
}

WkUpstreamSync *
wk_upstream_sync_new (WkStore    *store,
                      WkDesk     *desk,
                      WkUpstream *upstream)
{
  WkUpstreamSync *self;

  g_return_val_if_fail (WK_IS_STORE (store), NULL);
  g_return_val_if_fail (desk == NULL || WK_IS_DESK (desk), NULL);
  g_return_val_if_fail (WK_IS_UPSTREAM (upstream), NULL);

  self = g_object_new (WK_TYPE_UPSTREAM_SYNC, NULL);
  self->store = g_object_ref (store);
  self->upstream = g_object_ref (upstream);
  self->system = g_strdup (wk_upstream_get_system (upstream));
  if (desk != NULL)
    {
      self->desk = g_object_ref (desk);
      self->event_handler = g_signal_connect (desk, "event", G_CALLBACK (desk_event_cb), self);
    }
  return self;
}
