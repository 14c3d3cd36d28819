/* wk-upstream.h — the organisation's service desk system behind the store
 *
 * A WkUpstream is one ticketing system Walkup sits in front of (Request
 * Tracker 5 first: WkRtUpstream in app/net).  It lives in core so that the
 * store's sync can own it without knowing HTTP; implementations live in
 * app/net.  docs/upstream.md says what a new one needs.
 *
 * Every operation is an _async/_finish pair.  Tickets travel as plain
 * WkUpstreamTicket records (below), not as domain objects: an upstream id
 * and an opaque version (RT: the ETag) belong to the upstream, the local
 * ticket only mirrors them.
 *
 * Errors are in WK_ERROR:
 * - UNAVAILABLE: not reachable, timed out, 5xx — try again later;
 * - CONFLICT: the expected version is stale (someone changed it upstream);
 * - INVALID: the upstream refused the values (also when it said "200 OK" but
 *   its messages carry an error) — retrying will not help;
 * - NOT_FOUND, UNAUTHORIZED, FORBIDDEN, RATE_LIMITED as usual.
 *
 * For implementers: each vfunc completes with a GTask whose source object is
 * the upstream and whose source tag is the public wk_upstream_*_async()
 * function, returning the documented result with g_task_return_pointer()
 * (and its free function) or g_task_return_boolean().  The _finish
 * functions are shared.  Update's conflict: attach the current upstream
 * ticket to the task with wk_upstream_task_set_current() before returning
 * the CONFLICT error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-enums.h"

G_BEGIN_DECLS

/**
 * WkUpstreamTicket:
 * @id: the upstream id ("42"); NULL in a ticket to be created
 * @version: opaque version for wk_upstream_update_ticket_async(), or NULL
 * @ref: what people call it ("RT-42"), or NULL
 * @subject: the requester's words
 * @status: mapped onto Walkup's lifecycle
 * @queue: queue, group or team name, or NULL
 * @owner: the upstream login of the assignee, or NULL when unassigned
 * @requester_email: the requester's email, or NULL
 * @category: a wk-category id (RT: custom field "Walk-up Category"), or NULL
 * @pickup_location: "counter", "locker 12"… (RT: "Pickup Location"), or NULL
 * @pickup_status: "ready", "collected"… (RT: "Pickup Status"), or NULL
 * @created_at: unix seconds, 0 when unknown
 * @updated_at: unix seconds, 0 when unknown
 */
typedef struct {
  char           *id;
  char           *version;
  char           *ref;
  char           *subject;
  WkTicketStatus  status;
  char           *queue;
  char           *owner;
  char           *requester_email;
  char           *category;
  char           *pickup_location;
  char           *pickup_status;
  gint64          created_at;
  gint64          updated_at;
} WkUpstreamTicket;

/**
 * WkUpstreamPerson:
 * @id: the upstream user id or login
 * @email: the work email (the key Walkup maps people by), or NULL
 * @display_name: the full name, or NULL
 * @badge_id: what the badge reader types (RT: user custom field "Badge"), or NULL
 */
typedef struct {
  char *id;
  char *email;
  char *display_name;
  char *badge_id;
} WkUpstreamPerson;

/* Which members of a WkUpstreamTicket an update sends. */
typedef enum {
  WK_UPSTREAM_FIELD_SUBJECT         = 1 << 0,
  WK_UPSTREAM_FIELD_STATUS          = 1 << 1,
  WK_UPSTREAM_FIELD_OWNER           = 1 << 2,
  WK_UPSTREAM_FIELD_CATEGORY        = 1 << 3,
  WK_UPSTREAM_FIELD_PICKUP_LOCATION = 1 << 4,
  WK_UPSTREAM_FIELD_PICKUP_STATUS   = 1 << 5,
} WkUpstreamFields;

#define WK_TYPE_UPSTREAM_TICKET (wk_upstream_ticket_get_type ())
GType             wk_upstream_ticket_get_type (void) G_GNUC_CONST;
/* All NULL, status new. */
WkUpstreamTicket *wk_upstream_ticket_new      (void);
WkUpstreamTicket *wk_upstream_ticket_copy     (const WkUpstreamTicket *ticket);
void              wk_upstream_ticket_free     (WkUpstreamTicket       *ticket);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkUpstreamTicket, wk_upstream_ticket_free)

#define WK_TYPE_UPSTREAM_PERSON (wk_upstream_person_get_type ())
GType             wk_upstream_person_get_type (void) G_GNUC_CONST;
WkUpstreamPerson *wk_upstream_person_copy     (const WkUpstreamPerson *person);
void              wk_upstream_person_free     (WkUpstreamPerson       *person);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkUpstreamPerson, wk_upstream_person_free)

#define WK_TYPE_UPSTREAM (wk_upstream_get_type ())
G_DECLARE_INTERFACE (WkUpstream, wk_upstream, WK, UPSTREAM, GObject)

struct _WkUpstreamInterface
{
  GTypeInterface parent_iface;

  /* short, stable, stored with every mirrored ticket: "rt5" */
  const char *(*get_system) (WkUpstream *self);

  void (*find_person)   (WkUpstream              *self,
                         const char              *email,
                         const char              *badge_id,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data);
  void (*find_tickets)  (WkUpstream              *self,
                         const char              *requester_email,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data);
  void (*get_ticket)    (WkUpstream              *self,
                         const char              *id,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data);
  void (*create_ticket) (WkUpstream              *self,
                         const WkUpstreamTicket  *ticket,
                         const char              *description,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data);
  void (*find_created)  (WkUpstream              *self,
                         const WkUpstreamTicket  *ticket,
                         gint64                   since,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data);
  void (*update_ticket) (WkUpstream              *self,
                         const char              *id,
                         const char              *expected_version,
                         const WkUpstreamTicket  *values,
                         WkUpstreamFields         fields,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data);
  void (*add_comment)   (WkUpstream              *self,
                         const char              *id,
                         const char              *body,
                         const char              *marker,
                         gboolean                 public_reply,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data);
  void (*find_comment)  (WkUpstream              *self,
                         const char              *id,
                         const char              *marker,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data);
};

const char *wk_upstream_get_system (WkUpstream *self);

/* The person with @email (or, when @email is NULL, with @badge_id).
 * WK_ERROR_NOT_FOUND when the upstream does not know them. */
void              wk_upstream_find_person_async   (WkUpstream              *self,
                                                   const char              *email,
                                                   const char              *badge_id,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
WkUpstreamPerson *wk_upstream_find_person_finish  (WkUpstream              *self,
                                                   GAsyncResult            *result,
                                                   GError                 **error);

/* The active (not resolved, not closed) tickets @requester_email asked for,
 * newest first: a GPtrArray of WkUpstreamTicket (@version may be NULL in
 * search results). */
void              wk_upstream_find_tickets_async  (WkUpstream              *self,
                                                   const char              *requester_email,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
GPtrArray        *wk_upstream_find_tickets_finish (WkUpstream              *self,
                                                   GAsyncResult            *result,
                                                   GError                 **error);

/* One ticket with its current version. */
void              wk_upstream_get_ticket_async    (WkUpstream              *self,
                                                   const char              *id,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
WkUpstreamTicket *wk_upstream_get_ticket_finish   (WkUpstream              *self,
                                                   GAsyncResult            *result,
                                                   GError                 **error);

/* Opens a ticket from @ticket's subject, requester, category and queue
 * (NULL: the connector's configured queue) with @description as its first
 * message.  Returns the new ticket with its id and version. */
void              wk_upstream_create_ticket_async (WkUpstream              *self,
                                                   const WkUpstreamTicket  *ticket,
                                                   const char              *description,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
WkUpstreamTicket *wk_upstream_create_ticket_finish (WkUpstream             *self,
                                                    GAsyncResult           *result,
                                                    GError                **error);

/* After a create whose answer was lost: the ticket created since @since
 * (unix seconds) with @ticket's subject, requester and queue, or NULL (and
 * no error) when there is none, so that it is not created twice. */
void              wk_upstream_find_created_async  (WkUpstream              *self,
                                                   const WkUpstreamTicket  *ticket,
                                                   gint64                   since,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
WkUpstreamTicket *wk_upstream_find_created_finish (WkUpstream              *self,
                                                   GAsyncResult            *result,
                                                   GError                 **error);

/* Sets the members of @values named by @fields (status through the
 * upstream's lifecycle; category and pickup as custom fields).  With
 * @expected_version (NULL: unconditional) a stale version fails with
 * WK_ERROR_CONFLICT and nothing is written; _finish then hands the current
 * upstream ticket to @current (when not NULL).  Returns the ticket as it is
 * after the change, with its new version. */
void              wk_upstream_update_ticket_async (WkUpstream              *self,
                                                   const char              *id,
                                                   const char              *expected_version,
                                                   const WkUpstreamTicket  *values,
                                                   WkUpstreamFields         fields,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
WkUpstreamTicket *wk_upstream_update_ticket_finish (WkUpstream             *self,
                                                    GAsyncResult           *result,
                                                    WkUpstreamTicket      **current,
                                                    GError                **error);

/* Adds @body to the ticket: an internal comment, or with @public_reply a
 * reply the requester sees (RT: correspond).  @marker (nullable; short
 * ASCII, no % or _) goes with it where find_comment finds it but people
 * reading the comment or the requester's email do not see it (RT: an HTML
 * comment). */
void              wk_upstream_add_comment_async   (WkUpstream              *self,
                                                   const char              *id,
                                                   const char              *body,
                                                   const char              *marker,
                                                   gboolean                 public_reply,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
gboolean          wk_upstream_add_comment_finish  (WkUpstream              *self,
                                                   GAsyncResult            *result,
                                                   GError                 **error);

/* Whether a comment or reply on ticket @id contains @marker (a short ASCII
 * text without % or _): after a comment whose answer was lost, so that it is
 * not posted twice.  FALSE (and no error) when there is none. */
void              wk_upstream_find_comment_async  (WkUpstream              *self,
                                                   const char              *id,
                                                   const char              *marker,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
gboolean          wk_upstream_find_comment_finish (WkUpstream              *self,
                                                   GAsyncResult            *result,
                                                   GError                 **error);

/* For implementers: the upstream ticket a CONFLICT error found (taken). */
void              wk_upstream_task_set_current    (GTask                   *task,
                                                   WkUpstreamTicket        *current);

G_END_DECLS
