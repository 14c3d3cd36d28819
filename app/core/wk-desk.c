/* wk-desk.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-desk"

#include "config.h"

#include "wk-desk.h"

#include "wk-error.h"

#include <glib/gi18n-lib.h>

enum {
  EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_INTERFACE (WkDesk, wk_desk, G_TYPE_OBJECT)

static void
wk_desk_default_init (WkDeskInterface *iface)
{
  /**
   * WkDesk::event:
   * @event: the WkEvent
   *
   * A change was committed.  Emitted on the main context the desk was
   * created in, for live events only; use wk_desk_subscribe() to resume
   * from a cursor.
   */
  signals[EVENT] =
    g_signal_new ("event",
                  G_TYPE_FROM_INTERFACE (iface),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, WK_TYPE_EVENT);
}

static void
unsupported (WkDesk              *self,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_return_new_error (task, WK_ERROR, WK_ERROR_FAILED,
                           _("This desk does not support the operation"));
}

void
wk_desk_identify_async (WkDesk               *self,
                        WkIdentifiedBy        by,
                        const char           *value,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->identify == NULL)
    unsupported (self, wk_desk_identify_async, cancellable, callback, user_data);
  else
    iface->identify (self, by, value, cancellable, callback, user_data);
}

WkIdentity *
wk_desk_identify_finish (WkDesk        *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_identify_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_check_in_async (WkDesk                  *self,
                        const WkCheckInRequest  *request,
                        GCancellable            *cancellable,
                        GAsyncReadyCallback      callback,
                        gpointer                 user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (request != NULL);

  iface = WK_DESK_GET_IFACE (self);
  if (iface->check_in == NULL)
    unsupported (self, wk_desk_check_in_async, cancellable, callback, user_data);
  else
    iface->check_in (self, request, cancellable, callback, user_data);
}

WkVisit *
wk_desk_check_in_finish (WkDesk        *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_check_in_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_list_queue_async (WkDesk               *self,
                          gint64                lounge_id,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->list_queue == NULL)
    unsupported (self, wk_desk_list_queue_async, cancellable, callback, user_data);
  else
    iface->list_queue (self, lounge_id, cancellable, callback, user_data);
}

GListModel *
wk_desk_list_queue_finish (WkDesk        *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_list_queue_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_pick_up_async (WkDesk               *self,
                       gint64                visit_id,
                       gint64                expected_version,
                       gint64                engineer_id,
                       const char           *desk,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->pick_up == NULL)
    unsupported (self, wk_desk_pick_up_async, cancellable, callback, user_data);
  else
    iface->pick_up (self, visit_id, expected_version, engineer_id, desk, cancellable, callback, user_data);
}

WkVisit *
wk_desk_pick_up_finish (WkDesk        *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_pick_up_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_start_service_async (WkDesk               *self,
                             gint64                visit_id,
                             gint64                expected_version,
                             gint64                engineer_id,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->start_service == NULL)
    unsupported (self, wk_desk_start_service_async, cancellable, callback, user_data);
  else
    iface->start_service (self, visit_id, expected_version, engineer_id, cancellable, callback, user_data);
}

WkVisit *
wk_desk_start_service_finish (WkDesk        *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_start_service_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_finish_visit_async (WkDesk               *self,
                            gint64                visit_id,
                            gint64                expected_version,
                            gint64                engineer_id,
                            WkOutcome             outcome,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->finish_visit == NULL)
    unsupported (self, wk_desk_finish_visit_async, cancellable, callback, user_data);
  else
    iface->finish_visit (self, visit_id, expected_version, engineer_id, outcome, cancellable, callback, user_data);
}

WkVisit *
wk_desk_finish_visit_finish (WkDesk        *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_finish_visit_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_cancel_visit_async (WkDesk               *self,
                            gint64                visit_id,
                            gint64                expected_version,
                            gint64                actor_id,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->cancel_visit == NULL)
    unsupported (self, wk_desk_cancel_visit_async, cancellable, callback, user_data);
  else
    iface->cancel_visit (self, visit_id, expected_version, actor_id, cancellable, callback, user_data);
}

WkVisit *
wk_desk_cancel_visit_finish (WkDesk        *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_cancel_visit_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_mark_left_async (WkDesk               *self,
                         gint64                visit_id,
                         gint64                expected_version,
                         gint64                actor_id,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->mark_left == NULL)
    unsupported (self, wk_desk_mark_left_async, cancellable, callback, user_data);
  else
    iface->mark_left (self, visit_id, expected_version, actor_id, cancellable, callback, user_data);
}

WkVisit *
wk_desk_mark_left_finish (WkDesk        *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_mark_left_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_requeue_visit_async (WkDesk               *self,
                             gint64                visit_id,
                             gint64                expected_version,
                             gint64                engineer_id,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->requeue_visit == NULL)
    unsupported (self, wk_desk_requeue_visit_async, cancellable, callback, user_data);
  else
    iface->requeue_visit (self, visit_id, expected_version, engineer_id, cancellable, callback, user_data);
}

WkVisit *
wk_desk_requeue_visit_finish (WkDesk        *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_requeue_visit_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_search_tickets_async (WkDesk               *self,
                              const WkTicketQuery  *query,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->search_tickets == NULL)
    unsupported (self, wk_desk_search_tickets_async, cancellable, callback, user_data);
  else
    iface->search_tickets (self, query, cancellable, callback, user_data);
}

GListModel *
wk_desk_search_tickets_finish (WkDesk        *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_search_tickets_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_get_ticket_async (WkDesk               *self,
                          gint64                ticket_id,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->get_ticket == NULL)
    unsupported (self, wk_desk_get_ticket_async, cancellable, callback, user_data);
  else
    iface->get_ticket (self, ticket_id, cancellable, callback, user_data);
}

WkTicket *
wk_desk_get_ticket_finish (WkDesk        *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_get_ticket_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_update_ticket_async (WkDesk                *self,
                             gint64                 ticket_id,
                             gint64                 expected_version,
                             const WkTicketUpdate  *update,
                             gint64                 actor_id,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (update != NULL);

  iface = WK_DESK_GET_IFACE (self);
  if (iface->update_ticket == NULL)
    unsupported (self, wk_desk_update_ticket_async, cancellable, callback, user_data);
  else
    iface->update_ticket (self, ticket_id, expected_version, update, actor_id, cancellable, callback, user_data);
}

WkTicket *
wk_desk_update_ticket_finish (WkDesk        *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_update_ticket_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_add_note_async (WkDesk               *self,
                        gint64                ticket_id,
                        gint64                author_id,
                        const char           *body,
                        WkNoteVisibility      visibility,
                        const char           *uuid,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->add_note == NULL)
    unsupported (self, wk_desk_add_note_async, cancellable, callback, user_data);
  else
    iface->add_note (self, ticket_id, author_id, body, visibility, uuid, cancellable, callback, user_data);
}

WkNote *
wk_desk_add_note_finish (WkDesk        *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_add_note_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_list_hardware_async (WkDesk               *self,
                             gint64                person_id,
                             gint64                lounge_id,
                             int                   status,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->list_hardware == NULL)
    unsupported (self, wk_desk_list_hardware_async, cancellable, callback, user_data);
  else
    iface->list_hardware (self, person_id, lounge_id, status, cancellable, callback, user_data);
}

GListModel *
wk_desk_list_hardware_finish (WkDesk        *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_list_hardware_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_add_hardware_async (WkDesk               *self,
                            gint64                person_id,
                            gint64                ticket_id,
                            gint64                lounge_id,
                            const char           *description,
                            const char           *asset_tag,
                            gint64                ready_by,
                            gint64                actor_id,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->add_hardware == NULL)
    unsupported (self, wk_desk_add_hardware_async, cancellable, callback, user_data);
  else
    iface->add_hardware (self, person_id, ticket_id, lounge_id, description, asset_tag, ready_by, actor_id, cancellable, callback, user_data);
}

WkHardware *
wk_desk_add_hardware_finish (WkDesk        *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_add_hardware_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_mark_hardware_ready_async (WkDesk               *self,
                                   gint64                hardware_id,
                                   gint64                expected_version,
                                   const char           *location,
                                   gint64                ready_by,
                                   gint64                actor_id,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->mark_hardware_ready == NULL)
    unsupported (self, wk_desk_mark_hardware_ready_async, cancellable, callback, user_data);
  else
    iface->mark_hardware_ready (self, hardware_id, expected_version, location, ready_by, actor_id, cancellable, callback, user_data);
}

WkHardware *
wk_desk_mark_hardware_ready_finish (WkDesk        *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_mark_hardware_ready_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_mark_hardware_collected_async (WkDesk               *self,
                                       gint64                hardware_id,
                                       gint64                expected_version,
                                       const char           *ack_name,
                                       const char           *ack_signature,
                                       gint64                handed_over_by,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->mark_hardware_collected == NULL)
    unsupported (self, wk_desk_mark_hardware_collected_async, cancellable, callback, user_data);
  else
    iface->mark_hardware_collected (self, hardware_id, expected_version, ack_name, ack_signature, handed_over_by, cancellable, callback, user_data);
}

WkHardware *
wk_desk_mark_hardware_collected_finish (WkDesk        *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_mark_hardware_collected_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_cancel_hardware_async (WkDesk               *self,
                               gint64                hardware_id,
                               gint64                expected_version,
                               gint64                actor_id,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->cancel_hardware == NULL)
    unsupported (self, wk_desk_cancel_hardware_async, cancellable, callback, user_data);
  else
    iface->cancel_hardware (self, hardware_id, expected_version, actor_id, cancellable, callback, user_data);
}

WkHardware *
wk_desk_cancel_hardware_finish (WkDesk        *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_cancel_hardware_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_submit_survey_async (WkDesk                 *self,
                             const WkSurveyRequest  *request,
                             GCancellable           *cancellable,
                             GAsyncReadyCallback     callback,
                             gpointer                user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (request != NULL);

  iface = WK_DESK_GET_IFACE (self);
  if (iface->submit_survey == NULL)
    unsupported (self, wk_desk_submit_survey_async, cancellable, callback, user_data);
  else
    iface->submit_survey (self, request, cancellable, callback, user_data);
}

WkSurvey *
wk_desk_submit_survey_finish (WkDesk        *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_submit_survey_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_get_metrics_async (WkDesk                *self,
                           const WkMetricsQuery  *query,
                           GCancellable          *cancellable,
                           GAsyncReadyCallback    callback,
                           gpointer               user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (query != NULL);

  iface = WK_DESK_GET_IFACE (self);
  if (iface->get_metrics == NULL)
    unsupported (self, wk_desk_get_metrics_async, cancellable, callback, user_data);
  else
    iface->get_metrics (self, query, cancellable, callback, user_data);
}

WkMetrics *
wk_desk_get_metrics_finish (WkDesk        *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_get_metrics_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_list_feedback_async (WkDesk                 *self,
                             const WkFeedbackQuery  *query,
                             GCancellable           *cancellable,
                             GAsyncReadyCallback     callback,
                             gpointer                user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (query != NULL);

  iface = WK_DESK_GET_IFACE (self);
  if (iface->list_feedback == NULL)
    unsupported (self, wk_desk_list_feedback_async, cancellable, callback, user_data);
  else
    iface->list_feedback (self, query, cancellable, callback, user_data);
}

GListModel *
wk_desk_list_feedback_finish (WkDesk        *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_list_feedback_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_set_followup_async (WkDesk               *self,
                            gint64                survey_id,
                            WkFollowupStatus      status,
                            gint64                by_id,
                            const char           *note,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->set_followup == NULL)
    unsupported (self, wk_desk_set_followup_async, cancellable, callback, user_data);
  else
    iface->set_followup (self, survey_id, status, by_id, note, cancellable, callback, user_data);
}

WkSurvey *
wk_desk_set_followup_finish (WkDesk        *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_set_followup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_list_announcements_async (WkDesk               *self,
                                  gint64                lounge_id,
                                  gint64                now,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->list_announcements == NULL)
    unsupported (self, wk_desk_list_announcements_async, cancellable, callback, user_data);
  else
    iface->list_announcements (self, lounge_id, now, cancellable, callback, user_data);
}

GListModel *
wk_desk_list_announcements_finish (WkDesk        *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_list_announcements_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_list_lounges_async (WkDesk               *self,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->list_lounges == NULL)
    unsupported (self, wk_desk_list_lounges_async, cancellable, callback, user_data);
  else
    iface->list_lounges (self, cancellable, callback, user_data);
}

GListModel *
wk_desk_list_lounges_finish (WkDesk        *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_list_lounges_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The result of estimate_wait, as the implementations return it. */
WkWaitEstimate *
wk_wait_estimate_new (int   minutes,
                      guint people_waiting)
{
  WkWaitEstimate *estimate = g_new0 (WkWaitEstimate, 1);

  estimate->minutes = minutes;
  estimate->people_waiting = people_waiting;
  return estimate;
}

void
wk_desk_estimate_wait_async (WkDesk               *self,
                             gint64                lounge_id,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->estimate_wait == NULL)
    unsupported (self, wk_desk_estimate_wait_async, cancellable, callback, user_data);
  else
    iface->estimate_wait (self, lounge_id, cancellable, callback, user_data);
}

int
wk_desk_estimate_wait_finish (WkDesk        *self,
                              GAsyncResult  *result,
                              guint         *people_waiting,
                              GError       **error)
{
  g_autofree WkWaitEstimate *estimate = NULL;

  g_return_val_if_fail (WK_IS_DESK (self), -1);
  g_return_val_if_fail (g_task_is_valid (result, self), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_estimate_wait_async, -1);

  estimate = g_task_propagate_pointer (G_TASK (result), error);
  if (estimate == NULL)
    return -1;
  if (people_waiting != NULL)
    *people_waiting = estimate->people_waiting;
  return estimate->minutes;
}

void
wk_desk_list_events_async (WkDesk               *self,
                           gint64                after,
                           guint                 limit,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->list_events == NULL)
    unsupported (self, wk_desk_list_events_async, cancellable, callback, user_data);
  else
    iface->list_events (self, after, limit, cancellable, callback, user_data);
}

GListModel *
wk_desk_list_events_finish (WkDesk        *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_list_events_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_sign_in_async (WkDesk               *self,
                       const char           *login,
                       const char           *password,
                       GCancellable         *cancellable,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->sign_in == NULL)
    unsupported (self, wk_desk_sign_in_async, cancellable, callback, user_data);
  else
    iface->sign_in (self, login, password, cancellable, callback, user_data);
}

WkSession *
wk_desk_sign_in_finish (WkDesk        *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_sign_in_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_list_visits_async (WkDesk               *self,
                           const WkVisitQuery   *query,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (query != NULL);

  iface = WK_DESK_GET_IFACE (self);
  if (iface->list_visits == NULL)
    unsupported (self, wk_desk_list_visits_async, cancellable, callback, user_data);
  else
    iface->list_visits (self, query, cancellable, callback, user_data);
}

GListModel *
wk_desk_list_visits_finish (WkDesk        *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_list_visits_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_get_visit_async (WkDesk               *self,
                         gint64                visit_id,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->get_visit == NULL)
    unsupported (self, wk_desk_get_visit_async, cancellable, callback, user_data);
  else
    iface->get_visit (self, visit_id, cancellable, callback, user_data);
}

WkVisit *
wk_desk_get_visit_finish (WkDesk        *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_get_visit_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_list_staff_async (WkDesk               *self,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->list_staff == NULL)
    unsupported (self, wk_desk_list_staff_async, cancellable, callback, user_data);
  else
    iface->list_staff (self, cancellable, callback, user_data);
}

GListModel *
wk_desk_list_staff_finish (WkDesk        *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_list_staff_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_desk_acknowledge_conflict_async (WkDesk               *self,
                                    gint64                ticket_id,
                                    gint64                conflict_id,
                                    gint64                actor_id,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_DESK_GET_IFACE (self);
  if (iface->acknowledge_conflict == NULL)
    unsupported (self, wk_desk_acknowledge_conflict_async, cancellable, callback, user_data);
  else
    iface->acknowledge_conflict (self, ticket_id, conflict_id, actor_id, cancellable, callback, user_data);
}

WkTicket *
wk_desk_acknowledge_conflict_finish (WkDesk        *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (WK_IS_DESK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_desk_acknowledge_conflict_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
wk_desk_subscribe (WkDesk         *self,
                   gint64          after,
                   WkEventFunc     func,
                   gpointer        user_data,
                   GDestroyNotify  destroy)
{
  WkDeskInterface *iface;

  g_return_val_if_fail (WK_IS_DESK (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  iface = WK_DESK_GET_IFACE (self);
  g_return_val_if_fail (iface->subscribe != NULL, 0);

  return iface->subscribe (self, after, func, user_data, destroy);
}

void
wk_desk_unsubscribe (WkDesk *self,
                     guint   subscription)
{
  WkDeskInterface *iface;

  g_return_if_fail (WK_IS_DESK (self));

  iface = WK_DESK_GET_IFACE (self);
  g_return_if_fail (iface->unsubscribe != NULL);

  iface->unsubscribe (self, subscription);
}
