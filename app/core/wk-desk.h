/* wk-desk.h — the one interface every face uses
 *
 * Every operation is an _async/_finish pair.  Arguments are plain: ids
 * (0 means "none"), strings, enums and small boxed requests; results are
 * the immutable domain objects, GListModels of them, or WkMetrics.
 * Errors are in WK_ERROR: INVALID (input breaks a rule; nothing written),
 * NOT_FOUND (unknown id), CONFLICT (someone else changed it first),
 * UNAUTHORIZED/FORBIDDEN (sign in), UNAVAILABLE (store or hub unreachable).
 *
 * Versions: operations that change a visit, ticket or hardware take an
 * expected_version (the version of the object the user saw); a stale one
 * fails with WK_ERROR_CONFLICT.  0 skips the version check (the lifecycle
 * is still checked).
 *
 * For implementers (WkLocalDesk, WkRemoteDesk): each vfunc completes with
 * a GTask whose source object is the desk and whose source tag is the
 * public wk_desk_*_async() function, returning the documented result with
 * g_task_return_pointer() (and its free function).  The _finish functions
 * are shared and need no vfunc.  Events: subscribe() delivers every event
 * with an id greater than the cursor, in order, on the thread-default main
 * context of the caller of wk_desk_subscribe(), then live ones; the
 * WkDesk::event signal carries live events on the desk's own context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-check-in-request.h"
#include "wk-enums.h"
#include "wk-event.h"
#include "wk-feedback-query.h"
#include "wk-hardware.h"
#include "wk-identity.h"
#include "wk-metrics.h"
#include "wk-note.h"
#include "wk-session.h"
#include "wk-survey-request.h"
#include "wk-survey.h"
#include "wk-ticket-update.h"
#include "wk-ticket.h"
#include "wk-ticket-query.h"
#include "wk-visit-query.h"
#include "wk-visit.h"

G_BEGIN_DECLS

#define WK_TYPE_DESK (wk_desk_get_type ())
G_DECLARE_INTERFACE (WkDesk, wk_desk, WK, DESK, GObject)

/* What estimate_wait implementations return through their GTask (g_free). */
typedef struct {
  int   minutes;
  guint people_waiting;
} WkWaitEstimate;

WkWaitEstimate *wk_wait_estimate_new (int   minutes,
                                      guint people_waiting);

/* Called for each event, in order, on the subscriber's main context. */
typedef void (*WkEventFunc) (WkDesk   *desk,
                             WkEvent  *event,
                             gpointer  user_data);

struct _WkDeskInterface
{
  GTypeInterface parent_iface;

  void (*identify) (WkDesk               *self,
                    WkIdentifiedBy        by,
                    const char           *value,
                    GCancellable         *cancellable,
                    GAsyncReadyCallback   callback,
                    gpointer              user_data);
  void (*check_in) (WkDesk                  *self,
                    const WkCheckInRequest  *request,
                    GCancellable            *cancellable,
                    GAsyncReadyCallback      callback,
                    gpointer                 user_data);
  void (*list_queue) (WkDesk               *self,
                      gint64                lounge_id,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data);
  void (*pick_up) (WkDesk               *self,
                   gint64                visit_id,
                   gint64                expected_version,
                   gint64                engineer_id,
                   const char           *desk,
                   GCancellable         *cancellable,
                   GAsyncReadyCallback   callback,
                   gpointer              user_data);
  void (*start_service) (WkDesk               *self,
                         gint64                visit_id,
                         gint64                expected_version,
                         gint64                engineer_id,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data);
  void (*finish_visit) (WkDesk               *self,
                        gint64                visit_id,
                        gint64                expected_version,
                        gint64                engineer_id,
                        WkOutcome             outcome,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data);
  void (*cancel_visit) (WkDesk               *self,
                        gint64                visit_id,
                        gint64                expected_version,
                        gint64                actor_id,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data);
  void (*mark_left) (WkDesk               *self,
                     gint64                visit_id,
                     gint64                expected_version,
                     gint64                actor_id,
                     GCancellable         *cancellable,
                     GAsyncReadyCallback   callback,
                     gpointer              user_data);
  void (*requeue_visit) (WkDesk               *self,
                         gint64                visit_id,
                         gint64                expected_version,
                         gint64                engineer_id,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data);
  void (*search_tickets) (WkDesk               *self,
                          const WkTicketQuery  *query,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data);
  void (*get_ticket) (WkDesk               *self,
                      gint64                ticket_id,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data);
  void (*update_ticket) (WkDesk                *self,
                         gint64                 ticket_id,
                         gint64                 expected_version,
                         const WkTicketUpdate  *update,
                         gint64                 actor_id,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data);
  void (*add_note) (WkDesk               *self,
                    gint64                ticket_id,
                    gint64                author_id,
                    const char           *body,
                    WkNoteVisibility      visibility,
                    const char           *uuid,
                    GCancellable         *cancellable,
                    GAsyncReadyCallback   callback,
                    gpointer              user_data);
  void (*acknowledge_conflict) (WkDesk               *self,
                                gint64                ticket_id,
                                gint64                conflict_id,
                                gint64                actor_id,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);
  void (*list_hardware) (WkDesk               *self,
                         gint64                person_id,
                         gint64                lounge_id,
                         int                   status,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data);
  void (*add_hardware) (WkDesk               *self,
                        gint64                person_id,
                        gint64                ticket_id,
                        gint64                lounge_id,
                        const char           *description,
                        const char           *asset_tag,
                        gint64                ready_by,
                        gint64                actor_id,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data);
  void (*mark_hardware_ready) (WkDesk               *self,
                               gint64                hardware_id,
                               gint64                expected_version,
                               const char           *location,
                               gint64                ready_by,
                               gint64                actor_id,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);
  void (*mark_hardware_collected) (WkDesk               *self,
                                   gint64                hardware_id,
                                   gint64                expected_version,
                                   const char           *ack_name,
                                   const char           *ack_signature,
                                   gint64                handed_over_by,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
  void (*cancel_hardware) (WkDesk               *self,
                           gint64                hardware_id,
                           gint64                expected_version,
                           gint64                actor_id,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data);
  void (*submit_survey) (WkDesk                 *self,
                         const WkSurveyRequest  *request,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data);
  void (*get_metrics) (WkDesk                *self,
                       const WkMetricsQuery  *query,
                       GCancellable          *cancellable,
                       GAsyncReadyCallback    callback,
                       gpointer               user_data);
  void (*list_feedback) (WkDesk                 *self,
                         const WkFeedbackQuery  *query,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data);
  void (*set_followup) (WkDesk               *self,
                        gint64                survey_id,
                        WkFollowupStatus      status,
                        gint64                by_id,
                        const char           *note,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data);
  void (*list_announcements) (WkDesk               *self,
                              gint64                lounge_id,
                              gint64                now,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
  void (*list_lounges) (WkDesk               *self,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data);
  void (*estimate_wait) (WkDesk               *self,
                         gint64                lounge_id,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data);
  void (*list_events) (WkDesk               *self,
                       gint64                after,
                       guint                 limit,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data);
  void (*sign_in) (WkDesk               *self,
                   const char           *login,
                   const char           *password,
                   GCancellable         *cancellable,
                   GAsyncReadyCallback   callback,
                   gpointer              user_data);
  void (*list_visits) (WkDesk               *self,
                       const WkVisitQuery   *query,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data);
  void (*get_visit) (WkDesk               *self,
                     gint64                visit_id,
                     GCancellable         *cancellable,
                     GAsyncReadyCallback   callback,
                     gpointer              user_data);
  void (*list_staff) (WkDesk               *self,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data);

  guint (*subscribe)   (WkDesk         *self,
                        gint64          after,
                        WkEventFunc     func,
                        gpointer        user_data,
                        GDestroyNotify  destroy);
  void  (*unsubscribe) (WkDesk         *self,
                        guint           subscription);
};

/* Finds who walked up by badge, email (any case), employee number or ticket reference, with their open tickets, hardware waiting for them and a pending survey. WK_ERROR_NOT_FOUND when no one matches. */
void wk_desk_identify_async (WkDesk               *self,
                             WkIdentifiedBy        by,
                             const char           *value,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
WkIdentity *wk_desk_identify_finish (WkDesk        *self,
                                     GAsyncResult  *result,
                                     GError       **error);

/* Checks someone in (idempotent by request->uuid: the same UUID again returns the same visit and writes nothing). Opens a ticket when request->open_ticket. The visit carries its queue position and the estimated wait. */
void wk_desk_check_in_async (WkDesk                  *self,
                             const WkCheckInRequest  *request,
                             GCancellable            *cancellable,
                             GAsyncReadyCallback      callback,
                             gpointer                 user_data);
WkVisit *wk_desk_check_in_finish (WkDesk        *self,
                                  GAsyncResult  *result,
                                  GError       **error);

/* The visits of a lounge that are waiting, called or in service, oldest first, as a GListModel of WkVisit; waiting ones carry their position. */
void wk_desk_list_queue_async (WkDesk               *self,
                               gint64                lounge_id,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);
GListModel *wk_desk_list_queue_finish (WkDesk        *self,
                                       GAsyncResult  *result,
                                       GError       **error);

/* Calls a waiting visitor to @desk (waiting → called). Guarded: when the visit moved on or @expected_version (0: any) is stale, fails with WK_ERROR_CONFLICT naming who took it; picking up one's own visitor again returns it unchanged. */
void wk_desk_pick_up_async (WkDesk               *self,
                            gint64                visit_id,
                            gint64                expected_version,
                            gint64                engineer_id,
                            const char           *desk,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data);
WkVisit *wk_desk_pick_up_finish (WkDesk        *self,
                                 GAsyncResult  *result,
                                 GError       **error);

/* called → in_service. */
void wk_desk_start_service_async (WkDesk               *self,
                                  gint64                visit_id,
                                  gint64                expected_version,
                                  gint64                engineer_id,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
WkVisit *wk_desk_start_service_finish (WkDesk        *self,
                                       GAsyncResult  *result,
                                       GError       **error);

/* called or in_service → done with @outcome.  %WK_OUTCOME_RESOLVED_FIRST_CONTACT also resolves the visit's open ticket. Leaves a pending survey for the person. */
void wk_desk_finish_visit_async (WkDesk               *self,
                                 gint64                visit_id,
                                 gint64                expected_version,
                                 gint64                engineer_id,
                                 WkOutcome             outcome,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
WkVisit *wk_desk_finish_visit_finish (WkDesk        *self,
                                      GAsyncResult  *result,
                                      GError       **error);

/* Cancels a visit that is not over (@actor_id: staff person, or 0 for the kiosk). */
void wk_desk_cancel_visit_async (WkDesk               *self,
                                 gint64                visit_id,
                                 gint64                expected_version,
                                 gint64                actor_id,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
WkVisit *wk_desk_cancel_visit_finish (WkDesk        *self,
                                      GAsyncResult  *result,
                                      GError       **error);

/* Records that a waiting or called visitor went away. */
void wk_desk_mark_left_async (WkDesk               *self,
                              gint64                visit_id,
                              gint64                expected_version,
                              gint64                actor_id,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
WkVisit *wk_desk_mark_left_finish (WkDesk        *self,
                                   GAsyncResult  *result,
                                   GError       **error);

/* Puts a called visitor back in the queue (called → waiting), keeping their place. */
void wk_desk_requeue_visit_async (WkDesk               *self,
                                  gint64                visit_id,
                                  gint64                expected_version,
                                  gint64                engineer_id,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
WkVisit *wk_desk_requeue_visit_finish (WkDesk        *self,
                                       GAsyncResult  *result,
                                       GError       **error);

/* Tickets matching every criterion of @query (see WkTicketQuery): by reference, by words of the subject or of the requester's name or email, by requester, status, assignee, lounge; newest first. A GListModel of WkTicket. @query is read during the call: the caller may change or free it afterwards. */
void wk_desk_search_tickets_async (WkDesk               *self,
                                   const WkTicketQuery  *query,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
GListModel *wk_desk_search_tickets_finish (WkDesk        *self,
                                           GAsyncResult  *result,
                                           GError       **error);

/* One ticket with its notes (WkTicket:notes). */
void wk_desk_get_ticket_async (WkDesk               *self,
                               gint64                ticket_id,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);
WkTicket *wk_desk_get_ticket_finish (WkDesk        *self,
                                     GAsyncResult  *result,
                                     GError       **error);

/* Edits a ticket. A stale @expected_version fails with WK_ERROR_CONFLICT; status moves follow the lifecycle.
 * With @update->uuid set, the same UUID again changes nothing and answers the ticket as it is now
 * (on another ticket: WK_ERROR_INVALID). */
void wk_desk_update_ticket_async (WkDesk                *self,
                                  gint64                 ticket_id,
                                  gint64                 expected_version,
                                  const WkTicketUpdate  *update,
                                  gint64                 actor_id,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data);
WkTicket *wk_desk_update_ticket_finish (WkDesk        *self,
                                        GAsyncResult  *result,
                                        GError       **error);

/* Adds a note to a ticket.  @uuid: the note's client UUID (idempotency
 * key), or NULL; the same UUID again adds nothing and answers the note it
 * added (on another ticket: WK_ERROR_INVALID). */
void wk_desk_add_note_async (WkDesk               *self,
                             gint64                ticket_id,
                             gint64                author_id,
                             const char           *body,
                             WkNoteVisibility      visibility,
                             const char           *uuid,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data);
WkNote *wk_desk_add_note_finish (WkDesk        *self,
                                 GAsyncResult  *result,
                                 GError       **error);

/* Hardware of a person and/or lounge (0: any) in @status (a WkHardwareStatus, or -1 for the items not yet collected or cancelled): ready first. A GListModel of WkHardware. */
void wk_desk_list_hardware_async (WkDesk               *self,
                                  gint64                person_id,
                                  gint64                lounge_id,
                                  int                   status,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
GListModel *wk_desk_list_hardware_finish (WkDesk        *self,
                                          GAsyncResult  *result,
                                          GError       **error);

/* Adds an item being prepared for @person_id (@ticket_id, @lounge_id, @ready_by may be 0; @asset_tag NULL). */
void wk_desk_add_hardware_async (WkDesk               *self,
                                 gint64                person_id,
                                 gint64                ticket_id,
                                 gint64                lounge_id,
                                 const char           *description,
                                 const char           *asset_tag,
                                 gint64                ready_by,
                                 gint64                actor_id,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
WkHardware *wk_desk_add_hardware_finish (WkDesk        *self,
                                         GAsyncResult  *result,
                                         GError       **error);

/* preparing → ready at @location ("counter" or "locker N"); @ready_by 0 keeps the old one. */
void wk_desk_mark_hardware_ready_async (WkDesk               *self,
                                        gint64                hardware_id,
                                        gint64                expected_version,
                                        const char           *location,
                                        gint64                ready_by,
                                        gint64                actor_id,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
WkHardware *wk_desk_mark_hardware_ready_finish (WkDesk        *self,
                                                GAsyncResult  *result,
                                                GError       **error);

/* ready → collected, acknowledged by a typed name and/or signature strokes (JSON text); at least one is required. @handed_over_by: the engineer, or 0 (self-service). */
void wk_desk_mark_hardware_collected_async (WkDesk               *self,
                                            gint64                hardware_id,
                                            gint64                expected_version,
                                            const char           *ack_name,
                                            const char           *ack_signature,
                                            gint64                handed_over_by,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
WkHardware *wk_desk_mark_hardware_collected_finish (WkDesk        *self,
                                                    GAsyncResult  *result,
                                                    GError       **error);

/* Cancels an item that was not collected. */
void wk_desk_cancel_hardware_async (WkDesk               *self,
                                    gint64                hardware_id,
                                    gint64                expected_version,
                                    gint64                actor_id,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
WkHardware *wk_desk_cancel_hardware_finish (WkDesk        *self,
                                            GAsyncResult  *result,
                                            GError       **error);

/* Stores a survey (idempotent by request->uuid). A visit can be rated once: another UUID for the same visit fails with WK_ERROR_CONFLICT. */
void wk_desk_submit_survey_async (WkDesk                 *self,
                                  const WkSurveyRequest  *request,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data);
WkSurvey *wk_desk_submit_survey_finish (WkDesk        *self,
                                        GAsyncResult  *result,
                                        GError       **error);

/* The figures of wk-metrics.h for a range, lounge and engineer. Free with wk_metrics_free(). */
void wk_desk_get_metrics_async (WkDesk                *self,
                                const WkMetricsQuery  *query,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data);
WkMetrics *wk_desk_get_metrics_finish (WkDesk        *self,
                                       GAsyncResult  *result,
                                       GError       **error);

/* Surveys matching @query, lowest score first. A GListModel of WkSurvey. */
void wk_desk_list_feedback_async (WkDesk                 *self,
                                  const WkFeedbackQuery  *query,
                                  GCancellable           *cancellable,
                                  GAsyncReadyCallback     callback,
                                  gpointer                user_data);
GListModel *wk_desk_list_feedback_finish (WkDesk        *self,
                                          GAsyncResult  *result,
                                          GError       **error);

/* Moves a survey's follow-up (none → needed → contacted → closed; needed → closed) by lead @by_id with an optional @note. */
void wk_desk_set_followup_async (WkDesk               *self,
                                 gint64                survey_id,
                                 WkFollowupStatus      status,
                                 gint64                by_id,
                                 const char           *note,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
WkSurvey *wk_desk_set_followup_finish (WkDesk        *self,
                                       GAsyncResult  *result,
                                       GError       **error);

/* Announcements for @lounge_id (and for every lounge) current at @now (0: the current time), newest first. A GListModel of WkAnnouncement. */
void wk_desk_list_announcements_async (WkDesk               *self,
                                       gint64                lounge_id,
                                       gint64                now,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
GListModel *wk_desk_list_announcements_finish (WkDesk        *self,
                                               GAsyncResult  *result,
                                               GError       **error);

/* Every lounge with its desks, by name. A GListModel of WkLounge. */
void wk_desk_list_lounges_async (WkDesk               *self,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
GListModel *wk_desk_list_lounges_finish (WkDesk        *self,
                                         GAsyncResult  *result,
                                         GError       **error);

/* The wait someone checking in now can expect in @lounge_id ("about N min",
 * see wk-estimate.h): the whole minutes, and in @people_waiting the number
 * of people waiting.  -1 with @error set on failure. */
void wk_desk_estimate_wait_async (WkDesk               *self,
                                  gint64                lounge_id,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
int  wk_desk_estimate_wait_finish (WkDesk        *self,
                                   GAsyncResult  *result,
                                   guint         *people_waiting,
                                   GError       **error);

/* Events with an id greater than @after, oldest first, at most @limit (0: 500). A GListModel of WkEvent. */
void wk_desk_list_events_async (WkDesk               *self,
                                gint64                after,
                                guint                 limit,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);
GListModel *wk_desk_list_events_finish (WkDesk        *self,
                                        GAsyncResult  *result,
                                        GError       **error);

/* Signs a staff member in by email or username. Wrong or unknown credentials fail with WK_ERROR_UNAUTHORIZED, visitor accounts with WK_ERROR_FORBIDDEN. */
void wk_desk_sign_in_async (WkDesk               *self,
                            const char           *login,
                            const char           *password,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data);
WkSession *wk_desk_sign_in_finish (WkDesk        *self,
                                   GAsyncResult  *result,
                                   GError       **error);

/* Visits checked in within @query (any status), oldest first, one page
 * (see WkVisitQuery). A GListModel of WkVisit; for leads and admins. */
void wk_desk_list_visits_async (WkDesk               *self,
                                const WkVisitQuery   *query,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);
GListModel *wk_desk_list_visits_finish (WkDesk        *self,
                                        GAsyncResult  *result,
                                        GError       **error);

/* One visit by id. Its contact email is filled in only when a survey of the visit agreed to be contacted and was not anonymous. WK_ERROR_NOT_FOUND for an unknown id. */
void wk_desk_get_visit_async (WkDesk               *self,
                              gint64                visit_id,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
WkVisit *wk_desk_get_visit_finish (WkDesk        *self,
                                   GAsyncResult  *result,
                                   GError       **error);

/* The engineers, leads and admins, by name (then id). A GListModel of WkPerson. */
void wk_desk_list_staff_async (WkDesk               *self,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);
GListModel *wk_desk_list_staff_finish (WkDesk        *self,
                                       GAsyncResult  *result,
                                       GError       **error);

/* Marks the upstream conflict @conflict_id of ticket @ticket_id (its
 * wk_ticket_get_upstream_conflict_id()) as seen by @actor_id: get_ticket no
 * longer reports it.  Returns the ticket with its notes.  Acknowledging one
 * already acknowledged changes nothing.  WK_ERROR_NOT_FOUND for an unknown
 * ticket or a conflict that is not this ticket's; FORBIDDEN for a visitor. */
void wk_desk_acknowledge_conflict_async (WkDesk               *self,
                                         gint64                ticket_id,
                                         gint64                conflict_id,
                                         gint64                actor_id,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
WkTicket *wk_desk_acknowledge_conflict_finish (WkDesk        *self,
                                               GAsyncResult  *result,
                                               GError       **error);

/* Delivers the events after @after (-1: only those from now on), then
 * live ones, to @func on the caller's thread-default main context.  Returns
 * an id for wk_desk_unsubscribe(), which must be called from that context;
 * it calls @destroy. */
guint wk_desk_subscribe   (WkDesk         *self,
                           gint64          after,
                           WkEventFunc     func,
                           gpointer        user_data,
                           GDestroyNotify  destroy);
void  wk_desk_unsubscribe (WkDesk         *self,
                           guint           subscription);

G_END_DECLS
