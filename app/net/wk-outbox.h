/* wk-outbox.h — a hub client's own local file: the outbox and the cached directory
 *
 * A WkOutbox is the durable side of WkRemoteDesk (wk-remote-desk.h).  It
 * owns a WkStore on a SQLite file of the client's own (a kiosk's or a
 * laptop's; never the hub's database), opened through wk_db_open(), so the
 * file carries the whole Walkup schema; only the `outbox` and
 * `directory_cache` tables (migrations 6 and 7) are used.  The connection runs
 * with synchronous = FULL: once an add has finished, the row survives a
 * crash or a power cut.
 *
 * The outbox holds mutations that carry a client UUID (check-ins, surveys,
 * ticket edits and notes) as the method, path and JSON body to send, in
 * the order they were added.  A row is `pending` until it is removed (the
 * hub answered) or set aside as `refused` (the hub refused it for good:
 * the row and the hub's words are kept for the user to see, counted in
 * "refused-count", until dismissed; never dropped silently).  One
 * WkRemoteDesk delivers one outbox: do not share it.
 *
 * The cached directory keeps identify answers (the WkIdentity as JSON) by
 * how and what was identified, so that a kiosk can greet and check in a
 * badge while the hub is away.  It holds personal data (names, ticket
 * subjects, hardware): keep the file private (0600, the user's data dir).
 *
 * Everything runs on the store's worker; results come back through GTask
 * on the caller's thread-default main context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  WK_OUTBOX_KIND_CHECK_IN,   /* POST /api/v1/check-ins */
  WK_OUTBOX_KIND_SURVEY,     /* POST /api/v1/surveys */
  WK_OUTBOX_KIND_TICKET_UPDATE, /* PATCH /api/v1/tickets/{id} */
  WK_OUTBOX_KIND_NOTE,       /* POST /api/v1/tickets/{id}/notes */
} WkOutboxKind;

/**
 * WkOutboxItem:
 * @id: the row (the delivery order)
 * @kind: what it is
 * @uuid: its client UUID (the hub's idempotency key)
 * @method: the HTTP method ("POST", "PATCH")
 * @path: the path under the hub's URL ("/api/v1/tickets/7")
 * @body: the JSON request body
 * @attempts: failed delivery attempts so far
 * @created_at: when it was added (unix seconds)
 * @last_error: why the last attempt failed (for a refused row: the hub's
 *   words), or NULL
 */
typedef struct {
  gint64        id;
  WkOutboxKind  kind;
  char         *uuid;
  char         *method;
  char         *path;
  char         *body;
  guint         attempts;
  gint64        created_at;
  char         *last_error;
} WkOutboxItem;

void wk_outbox_item_free (WkOutboxItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkOutboxItem, wk_outbox_item_free)

#define WK_TYPE_OUTBOX (wk_outbox_get_type ())
G_DECLARE_FINAL_TYPE (WkOutbox, wk_outbox, WK, OUTBOX, GObject)

/* Opens (creating if needed) the local file at @path and counts what is
 * pending; blocks while it opens (call it at start-up). */
WkOutbox     *wk_outbox_new                (const char           *path,
                                            GError              **error);
const char   *wk_outbox_get_path           (WkOutbox             *self);
/* Rows waiting for delivery (the "pending-count" property, notified on
 * change; refused rows do not count). */
guint         wk_outbox_get_pending_count  (WkOutbox             *self);
/* Rows the hub refused for good, kept for the user (the "refused-count"
 * property, notified on change). */
guint         wk_outbox_get_refused_count  (WkOutbox             *self);

/* Adds @method @path with @body (a JSON request) under @uuid at the end
 * of the outbox.  The same @uuid again adds nothing and answers the row
 * already there.  _finish returns the row id (0 on error) and sets
 * *@pending to whether that row still waits for delivery. */
void          wk_outbox_add_async          (WkOutbox             *self,
                                            WkOutboxKind          kind,
                                            const char           *uuid,
                                            const char           *method,
                                            const char           *path,
                                            const char           *body,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gint64        wk_outbox_add_finish         (WkOutbox             *self,
                                            GAsyncResult         *result,
                                            gboolean             *pending,
                                            GError              **error);

/* The oldest pending row, or NULL (and no error) when none waits. */
void          wk_outbox_next_async         (WkOutbox             *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
WkOutboxItem *wk_outbox_next_finish        (WkOutbox             *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* Removes row @id (delivered, or refused in front of its caller). */
void          wk_outbox_remove_async       (WkOutbox             *self,
                                            gint64                id,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      wk_outbox_remove_finish      (WkOutbox             *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* Sets row @id aside as refused by the hub, with the hub's @message. */
void          wk_outbox_refuse_async       (WkOutbox             *self,
                                            gint64                id,
                                            const char           *message,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean      wk_outbox_refuse_finish      (WkOutbox             *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* The refused rows, oldest first: a GPtrArray of WkOutboxItem (with
 * @last_error the hub's words). */
void          wk_outbox_list_refused_async (WkOutbox             *self,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray    *wk_outbox_list_refused_finish (WkOutbox            *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Forgets refused row @id, or every refused row when @id is 0 (the user
 * has seen them). */
void          wk_outbox_dismiss_refused_async  (WkOutbox         *self,
                                                gint64            id,
                                                GCancellable     *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer          user_data);
gboolean      wk_outbox_dismiss_refused_finish (WkOutbox         *self,
                                                GAsyncResult     *result,
                                                GError          **error);

/* Counts a failed attempt on row @id (the hub away or busy); fire and
 * forget. */
void          wk_outbox_note_attempt       (WkOutbox             *self,
                                            gint64                id,
                                            const char           *message);

/* ---- the cached directory ---------------------------------------------- */

/* Keeps @identity (JSON text of a WkIdentity) for (@by, @value), replacing
 * what was there; fire and forget.  @by is a schema string ("badge"…). */
void          wk_outbox_cache_identity     (WkOutbox             *self,
                                            const char           *by,
                                            const char           *value,
                                            const char           *identity);
/* Forgets (@by, @value) (the hub no longer knows them); fire and forget. */
void          wk_outbox_forget_identity    (WkOutbox             *self,
                                            const char           *by,
                                            const char           *value);
/* The JSON text kept for (@by, @value) if it was fetched at most
 * @max_age_s ago; WK_ERROR_NOT_FOUND otherwise. */
void          wk_outbox_lookup_identity_async  (WkOutbox         *self,
                                                const char       *by,
                                                const char       *value,
                                                gint64            max_age_s,
                                                GCancellable     *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer          user_data);
char         *wk_outbox_lookup_identity_finish (WkOutbox         *self,
                                                GAsyncResult     *result,
                                                GError          **error);
/* The values cached for @by, least recently fetched first (for a
 * refresh); entries older than @max_age_s are dropped first. */
void          wk_outbox_list_cached_async  (WkOutbox             *self,
                                            const char           *by,
                                            gint64                max_age_s,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GStrv         wk_outbox_list_cached_finish (WkOutbox             *self,
                                            GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
