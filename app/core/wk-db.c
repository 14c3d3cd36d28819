/* wk-db.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-db"

#include "config.h"

#include "wk-db.h"

#include "wk-error.h"

#include <glib/gi18n-lib.h>

#define BUSY_TIMEOUT_MS 5000

/* Numbered migrations.  Never edit one that has shipped: add the next. */
static const char * const migrations[] = {
  /* 1: the domain */
  "CREATE TABLE lounge ("
  "  id            INTEGER PRIMARY KEY,"
  "  name          TEXT NOT NULL,"
  "  location      TEXT NOT NULL DEFAULT '',"
  "  timezone      TEXT NOT NULL DEFAULT 'UTC',"
  "  opening_hours TEXT NOT NULL DEFAULT '',"   /* e.g. 'mon-fri 08:00-18:00' */
  "  phone         TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE TABLE desk ("
  "  id        INTEGER PRIMARY KEY,"
  "  lounge_id INTEGER NOT NULL REFERENCES lounge (id),"
  "  name      TEXT NOT NULL,"
  "  UNIQUE (lounge_id, name)"
  ");"
  "CREATE TABLE person ("
  "  id              INTEGER PRIMARY KEY,"
  "  badge_id        TEXT UNIQUE,"
  "  email           TEXT COLLATE NOCASE UNIQUE,"
  "  employee_no     TEXT UNIQUE,"
  "  username        TEXT UNIQUE,"
  "  display_name    TEXT NOT NULL,"
  "  preferred_name  TEXT,"
  "  language        TEXT,"
  "  department      TEXT,"
  "  location        TEXT,"
  "  role            TEXT NOT NULL DEFAULT 'visitor'"
  "                  CHECK (role IN ('visitor', 'engineer', 'lead', 'admin')),"
  "  credential_hash TEXT,"
  "  created_at      INTEGER NOT NULL,"
  "  updated_at      INTEGER NOT NULL"
  ");"
  "CREATE TABLE ticket ("
  "  id               INTEGER PRIMARY KEY,"
  "  ref              TEXT NOT NULL UNIQUE,"
  "  requester_id     INTEGER REFERENCES person (id),"
  "  subject          TEXT NOT NULL,"
  "  description      TEXT NOT NULL DEFAULT '',"
  "  category         TEXT NOT NULL DEFAULT 'other',"
  "  status           TEXT NOT NULL DEFAULT 'new'"
  "                   CHECK (status IN ('new', 'open', 'pending', 'resolved', 'closed')),"
  "  priority         INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),"
  "  assignee_id      INTEGER REFERENCES person (id),"
  "  lounge_id        INTEGER REFERENCES lounge (id),"
  "  created_at       INTEGER NOT NULL,"
  "  updated_at       INTEGER NOT NULL,"
  "  resolved_at      INTEGER,"
  "  upstream_system  TEXT,"
  "  upstream_id      TEXT,"
  "  upstream_version TEXT,"
  "  version          INTEGER NOT NULL DEFAULT 1,"
  "  UNIQUE (upstream_system, upstream_id)"
  ");"
  "CREATE INDEX ticket_by_requester ON ticket (requester_id, status);"
  "CREATE INDEX ticket_by_updated ON ticket (updated_at);"
  "CREATE TABLE note ("
  "  id         INTEGER PRIMARY KEY,"
  "  ticket_id  INTEGER NOT NULL REFERENCES ticket (id),"
  "  author_id  INTEGER REFERENCES person (id),"
  "  body       TEXT NOT NULL,"
  "  visibility TEXT NOT NULL DEFAULT 'internal' CHECK (visibility IN ('internal', 'public')),"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX note_by_ticket ON note (ticket_id, created_at);"
  "CREATE TABLE visit ("
  "  id                 INTEGER PRIMARY KEY,"
  "  uuid               TEXT NOT NULL UNIQUE,"
  "  lounge_id          INTEGER NOT NULL REFERENCES lounge (id),"
  "  person_id          INTEGER REFERENCES person (id),"
  "  guest_name         TEXT,"
  "  guest_email        TEXT,"
  "  ticket_id          INTEGER REFERENCES ticket (id),"
  "  reason             TEXT NOT NULL DEFAULT 'other',"
  "  status             TEXT NOT NULL DEFAULT 'waiting'"
  "                     CHECK (status IN ('waiting', 'called', 'in_service', 'done', 'left', 'cancelled')),"
  "  checked_in_at      INTEGER NOT NULL,"
  "  called_at          INTEGER,"
  "  service_started_at INTEGER,"
  "  finished_at        INTEGER,"
  "  engineer_id        INTEGER REFERENCES person (id),"
  "  desk               TEXT,"
  "  kiosk              TEXT,"
  "  identified_by      TEXT NOT NULL DEFAULT 'guest'"
  "                     CHECK (identified_by IN ('badge', 'email', 'employee_no', 'ticket_ref', 'guest')),"
  "  kiosk_ms           INTEGER,"
  "  outcome            TEXT CHECK (outcome IN ('resolved_first_contact', 'workaround', 'follow_up')),"
  "  estimated_wait_s   INTEGER,"
  "  version            INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX visit_queue ON visit (lounge_id, status, checked_in_at);"
  "CREATE INDEX visit_by_time ON visit (checked_in_at);"
  "CREATE INDEX visit_by_person ON visit (person_id, checked_in_at);"
  "CREATE INDEX visit_by_engineer ON visit (engineer_id, checked_in_at);"
  "CREATE TABLE hardware ("
  "  id             INTEGER PRIMARY KEY,"
  "  ticket_id      INTEGER REFERENCES ticket (id),"
  "  person_id      INTEGER NOT NULL REFERENCES person (id),"
  "  lounge_id      INTEGER REFERENCES lounge (id),"
  "  description    TEXT NOT NULL,"
  "  asset_tag      TEXT,"
  "  status         TEXT NOT NULL DEFAULT 'preparing'"
  "                 CHECK (status IN ('preparing', 'ready', 'collected', 'cancelled')),"
  "  location       TEXT,"                       /* 'counter' or 'locker N' */
  "  ready_by       INTEGER,"
  "  ready_at       INTEGER,"
  "  collected_at   INTEGER,"
  "  handed_over_by INTEGER REFERENCES person (id),"
  "  ack_name       TEXT,"
  "  ack_signature  TEXT,"                       /* JSON array of strokes */
  "  created_at     INTEGER NOT NULL,"
  "  updated_at     INTEGER NOT NULL,"
  "  version        INTEGER NOT NULL DEFAULT 1"
  ");"
  "CREATE INDEX hardware_by_person ON hardware (person_id, status);"
  "CREATE INDEX hardware_by_status ON hardware (status, ready_at);"
  "CREATE TABLE survey ("
  "  id               INTEGER PRIMARY KEY,"
  "  uuid             TEXT NOT NULL UNIQUE,"
  "  visit_id         INTEGER REFERENCES visit (id),"
  "  ticket_id        INTEGER REFERENCES ticket (id),"
  "  engineer_id      INTEGER REFERENCES person (id),"
  "  lounge_id        INTEGER REFERENCES lounge (id),"
  "  person_id        INTEGER REFERENCES person (id),"  /* NULL when anonymous */
  "  score            INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),"
  "  resolved         TEXT NOT NULL DEFAULT 'unknown' CHECK (resolved IN ('yes', 'no', 'unknown')),"
  "  tags             TEXT NOT NULL DEFAULT '',"  /* comma separated */
  "  comment          TEXT NOT NULL DEFAULT '',"
  "  contact_consent  INTEGER NOT NULL DEFAULT 0,"
  "  anonymous        INTEGER NOT NULL DEFAULT 0,"
  "  language         TEXT,"
  "  created_at       INTEGER NOT NULL,"
  "  followup_status  TEXT NOT NULL DEFAULT 'none'"
  "                   CHECK (followup_status IN ('none', 'needed', 'contacted', 'closed')),"
  "  followup_by      INTEGER REFERENCES person (id),"
  "  followup_note    TEXT,"
  "  followup_at      INTEGER"
  ");"
  "CREATE INDEX survey_by_time ON survey (created_at);"
  "CREATE INDEX survey_by_visit ON survey (visit_id);"
  "CREATE INDEX survey_by_score ON survey (score, created_at);"
  "CREATE TABLE announcement ("
  "  id         INTEGER PRIMARY KEY,"
  "  lounge_id  INTEGER REFERENCES lounge (id),"  /* NULL: every lounge */
  "  title      TEXT NOT NULL,"
  "  body       TEXT NOT NULL DEFAULT '',"
  "  starts_at  INTEGER NOT NULL,"
  "  ends_at    INTEGER NOT NULL"
  ");"
  "CREATE TABLE event ("
  "  id        INTEGER PRIMARY KEY AUTOINCREMENT,"  /* the cursor */
  "  at        INTEGER NOT NULL,"
  "  actor     TEXT,"
  "  kind      TEXT NOT NULL,"                        /* e.g. 'visit.checked_in' */
  "  entity    TEXT NOT NULL,"                        /* 'visit', 'ticket', … */
  "  entity_id INTEGER,"
  "  payload   TEXT NOT NULL DEFAULT '{}'"            /* JSON */
  ");",
  /* 2: covering indexes for metrics (wk-metrics.c reads a time range of
   * visits or surveys from the index alone), collected hardware by time */
  "CREATE INDEX visit_metrics ON visit (checked_in_at, lounge_id, engineer_id, status,"
  "  reason, called_at, finished_at, outcome, kiosk_ms, estimated_wait_s);"
  "CREATE INDEX survey_metrics ON survey (created_at, lounge_id, engineer_id, score);"
  "CREATE INDEX hardware_by_collected ON hardware (collected_at) WHERE collected_at IS NOT NULL;",
  /* 3: the hub's bearer tokens (app/net/wk-hub-tokens.c): only the SHA-256
   * of each token is kept; a sign-in token names its person and expires */
  "CREATE TABLE hub_token ("
  "  id          INTEGER PRIMARY KEY,"
  "  hash        TEXT NOT NULL UNIQUE,"                 /* hex SHA-256 of the token */
  "  role        TEXT NOT NULL CHECK (role IN ('kiosk', 'engineer', 'lead', 'admin')),"
  "  name        TEXT NOT NULL,"
  "  person_id   INTEGER REFERENCES person (id),"
  "  created_at  INTEGER NOT NULL,"
  "  expires_at  INTEGER,"                              /* NULL: never */
  "  revoked_at  INTEGER"
  ");",
  /* 4: the wait estimate (wk-estimate.c) reads a lounge's waiting, recent
   * and current visits from this index alone, at every check-in */
  "CREATE INDEX visit_estimate ON visit (lounge_id, status, checked_in_at, reason,"
  "  called_at, finished_at, engineer_id);",
  /* 5: the upstream sync (app/net/wk-upstream-sync.c): per system, the last
   * event handled; one row per event that meant something upstream (how it
   * ended, RT's ticket, RT's current state for a conflict); an attempt row
   * written before a create or update so that a retry after a lost answer
   * looks before it writes again.  ticket.upstream_updated_at: the upstream's
   * last-update time when it was last mirrored (a search gives no version). */
  "CREATE TABLE upstream_cursor ("
  "  system        TEXT PRIMARY KEY,"
  "  last_event_id INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE upstream_delivery ("
  "  system      TEXT NOT NULL,"
  "  event_id    INTEGER NOT NULL REFERENCES event (id),"
  "  outcome     TEXT NOT NULL CHECK (outcome IN ('delivered', 'conflict', 'refused')),"
  "  upstream_id TEXT,"
  "  detail      TEXT,"                                   /* words, or JSON for a conflict */
  "  at          INTEGER NOT NULL,"
  "  PRIMARY KEY (system, event_id)"
  ");"
  "CREATE INDEX upstream_delivery_by_outcome ON upstream_delivery (system, outcome, event_id);"
  "CREATE TABLE upstream_attempt ("
  "  system     TEXT NOT NULL,"
  "  event_id   INTEGER NOT NULL REFERENCES event (id),"
  "  started_at INTEGER NOT NULL,"
  "  PRIMARY KEY (system, event_id)"
  ");"
  "ALTER TABLE ticket ADD COLUMN upstream_updated_at INTEGER;"
  "CREATE INDEX event_by_entity ON event (entity, entity_id, id);",
  /* 6: a hub client's own local file (app/net/wk-outbox.c), never the
   * hub's: the outbox of check-ins and surveys waiting for the hub, in
   * order (id), each with its client UUID and the JSON body to send; and
   * the cached directory, identify answers by (how, value) as JSON */
  "CREATE TABLE outbox ("
  "  id         INTEGER PRIMARY KEY AUTOINCREMENT,"     /* the delivery order */
  "  kind       TEXT NOT NULL CHECK (kind IN ('check_in', 'survey')),"
  "  uuid       TEXT NOT NULL UNIQUE,"
  "  body       TEXT NOT NULL,"                          /* JSON request */
  "  state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'refused')),"
  "  attempts   INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX outbox_by_state ON outbox (state, id);"
  "CREATE TABLE directory_cache ("
  "  by         TEXT NOT NULL,"                          /* 'badge', 'email', … */
  "  value      TEXT NOT NULL,"
  "  identity   TEXT NOT NULL,"                          /* JSON WkIdentity */
  "  fetched_at INTEGER NOT NULL,"
  "  PRIMARY KEY (by, value)"
  ");",
  /* 7: client UUIDs (idempotency keys) for ticket edits and notes, so that
   * a hub client can queue them offline and resend them safely: a note
   * keeps its UUID; a ticket edit leaves one ticket_edit row (which ticket,
   * the version it made).  The outbox learns the two new kinds and keeps
   * each row's method and path (a ticket edit goes to its ticket's URL). */
  "ALTER TABLE note ADD COLUMN uuid TEXT;"
  "CREATE UNIQUE INDEX note_by_uuid ON note (uuid) WHERE uuid IS NOT NULL;"
  "CREATE TABLE ticket_edit ("
  "  uuid      TEXT PRIMARY KEY,"
  "  ticket_id INTEGER NOT NULL REFERENCES ticket (id),"
  "  version   INTEGER NOT NULL,"                        /* the version the edit made */
  "  at        INTEGER NOT NULL"
  ");"
  "CREATE TABLE outbox_7 ("
  "  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind       TEXT NOT NULL"
  "             CHECK (kind IN ('check_in', 'survey', 'ticket_update', 'note')),"
  "  uuid       TEXT NOT NULL UNIQUE,"
  "  method     TEXT NOT NULL,"
  "  path       TEXT NOT NULL,"                          /* e.g. /api/v1/tickets/7 */
  "  body       TEXT NOT NULL,"
  "  state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'refused')),"
  "  attempts   INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT,"
  "  created_at INTEGER NOT NULL"
  ");"
  "INSERT INTO outbox_7 (id, kind, uuid, method, path, body, state, attempts, last_error, created_at)"
  "  SELECT id, kind, uuid, 'POST',"
  "         CASE kind WHEN 'survey' THEN '/api/v1/surveys' ELSE '/api/v1/check-ins' END,"
  "         body, state, attempts, last_error, created_at FROM outbox;"
  "DROP TABLE outbox;"
  "ALTER TABLE outbox_7 RENAME TO outbox;"
  "CREATE INDEX outbox_by_state ON outbox (state, id);",
  /* 8: how many wait, per lounge and reason, kept by triggers: every
   * check-in reads it for its wait estimate (wk-estimate.c) and its place in
   * the queue (wk-local-desk.c), which counting the waiting visits made
   * slower with every one more waiting.  visit_by_time is a prefix of
   * visit_metrics (migration 2): one index fewer to write at every check-in */
  "CREATE TABLE visit_waiting_count ("
  "  lounge_id INTEGER NOT NULL,"
  "  reason    TEXT NOT NULL,"
  "  n         INTEGER NOT NULL,"
  "  PRIMARY KEY (lounge_id, reason)"
  ") WITHOUT ROWID;"
  "INSERT INTO visit_waiting_count (lounge_id, reason, n)"
  " SELECT lounge_id, reason, count(*) FROM visit WHERE status = 'waiting'"
  " GROUP BY lounge_id, reason;"
  "CREATE TRIGGER visit_waiting_insert AFTER INSERT ON visit"
  " WHEN NEW.status = 'waiting' BEGIN"
  "  INSERT INTO visit_waiting_count (lounge_id, reason, n) VALUES (NEW.lounge_id, NEW.reason, 1)"
  "   ON CONFLICT (lounge_id, reason) DO UPDATE SET n = n + 1;"
  " END;"
  "CREATE TRIGGER visit_waiting_delete AFTER DELETE ON visit"
  " WHEN OLD.status = 'waiting' BEGIN"
  "  UPDATE visit_waiting_count SET n = n - 1"
  "   WHERE lounge_id = OLD.lounge_id AND reason = OLD.reason;"
  " END;"
  "CREATE TRIGGER visit_waiting_update AFTER UPDATE OF status, lounge_id, reason ON visit"
  " WHEN OLD.status = 'waiting' OR NEW.status = 'waiting' BEGIN"
  "  UPDATE visit_waiting_count SET n = n - 1"
  "   WHERE OLD.status = 'waiting' AND lounge_id = OLD.lounge_id AND reason = OLD.reason;"
  "  INSERT INTO visit_waiting_count (lounge_id, reason, n)"
  "   SELECT NEW.lounge_id, NEW.reason, 1 WHERE NEW.status = 'waiting'"
  "   ON CONFLICT (lounge_id, reason) DO UPDATE SET n = n + 1;"
  " END;"
  "DROP INDEX visit_by_time;",
};

int
wk_db_schema_version (void)
{
  return (int) G_N_ELEMENTS (migrations);
}

void
wk_db_set_error (sqlite3    *db,
                 int         rc,
                 GError    **error,
                 const char *what)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_CONSTRAINT:
      code = WK_ERROR_CONFLICT;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
      code = WK_ERROR_UNAVAILABLE;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = WK_ERROR_CORRUPT;
      break;
    case SQLITE_TOOBIG:
      code = WK_ERROR_TOO_LARGE;
      break;
    default:
      code = WK_ERROR_FAILED;
      break;
    }

  g_set_error (error, WK_ERROR, code, "%s: %s", what,
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

gboolean
wk_db_exec (sqlite3     *db,
            const char  *sql,
            GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      wk_db_set_error (db, rc, error, "database");
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_user_version (sqlite3  *db,
                   int      *version,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "reading the schema version");
      return FALSE;
    }
  *version = sqlite3_column_int (stmt, 0);
  return TRUE;
}

gboolean
wk_db_migrate (sqlite3  *db,
               GError  **error)
{
  int version;

  if (!read_user_version (db, &version, error))
    return FALSE;

  if (version > wk_db_schema_version ())
    {
      g_set_error (error, WK_ERROR, WK_ERROR_CORRUPT,
                   _("The database has schema version %d, from a newer Walkup; this one knows up to %d"),
                   version, wk_db_schema_version ());
      return FALSE;
    }

  for (int i = version; i < wk_db_schema_version (); i++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", i + 1);

      if (!wk_db_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!wk_db_exec (db, migrations[i], error) ||
          !wk_db_exec (db, bump, error) ||
          !wk_db_exec (db, "COMMIT", error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, "Migration %d: ", i + 1);
          return FALSE;
        }
      g_debug ("migrated to schema version %d", i + 1);
    }

  return TRUE;
}

static gboolean
expect_pragma (sqlite3     *db,
               const char  *sql,
               const char  *expected,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, sql);
      return FALSE;
    }
  if (expected != NULL &&
      (rc != SQLITE_ROW ||
       g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), expected) != 0))
    {
      g_set_error (error, WK_ERROR, WK_ERROR_UNAVAILABLE,
                   "%s did not take effect", sql);
      return FALSE;
    }
  return TRUE;
}

sqlite3 *
wk_db_open (const char  *path,
            GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      wk_db_set_error (db, rc, error, path);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (!expect_pragma (db, "PRAGMA journal_mode = WAL", "wal", error) ||
      !expect_pragma (db, "PRAGMA foreign_keys = ON", NULL, error) ||
      !expect_pragma (db, "PRAGMA foreign_keys", "1", error) ||
      !expect_pragma (db, "PRAGMA synchronous = NORMAL", NULL, error))
    {
      /* The first statement is where a foreign or damaged file shows: say
       * what it means for the person and keep SQLite's words as detail. */
      if (error != NULL && *error != NULL &&
          g_error_matches (*error, WK_ERROR, WK_ERROR_CORRUPT))
        {
          g_autofree char *detail = g_steal_pointer (&(*error)->message);
          (*error)->message = g_strdup_printf (_("It is not a Walkup database, or it is damaged (%s)."),
                                               detail);
        }
      sqlite3_close (db);
      return NULL;
    }

  if (!wk_db_migrate (db, error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}
