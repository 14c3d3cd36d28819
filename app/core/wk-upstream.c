/* wk-upstream.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-upstream"

#include "config.h"

#include "wk-upstream.h"

#include "wk-error.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define CURRENT_KEY "wk-upstream-current"

/* ---- records ------------------------------------------------------------------ */

G_DEFINE_BOXED_TYPE (WkUpstreamTicket, wk_upstream_ticket,
                     wk_upstream_ticket_copy, wk_upstream_ticket_free)
G_DEFINE_BOXED_TYPE (WkUpstreamPerson, wk_upstream_person,
                     wk_upstream_person_copy, wk_upstream_person_free)

WkUpstreamTicket *
wk_upstream_ticket_new (void)
{
  WkUpstreamTicket *ticket = g_new0 (WkUpstreamTicket, 1);

  ticket->status = WK_TICKET_STATUS_NEW;
  return ticket;
}

WkUpstreamTicket *
wk_upstream_ticket_copy (const WkUpstreamTicket *ticket)
{
  WkUpstreamTicket *copy;

  g_return_val_if_fail (ticket != NULL, NULL);

  copy = g_memdup2 (ticket, sizeof *ticket);
  copy->id = g_strdup (ticket->id);
  copy->version = g_strdup (ticket->version);
  copy->ref = g_strdup (ticket->ref);
  copy->subject = g_strdup (ticket->subject);
  copy->queue = g_strdup (ticket->queue);
  copy->owner = g_strdup (ticket->owner);
  copy->requester_email = g_strdup (ticket->requester_email);
  copy->category = g_strdup (ticket->category);
  copy->pickup_location = g_strdup (ticket->pickup_location);
  copy->pickup_status = g_strdup (ticket->pickup_status);
  return copy;
}

void
wk_upstream_ticket_free (WkUpstreamTicket *ticket)
{
  if (ticket == NULL)
    return;
  g_free (ticket->id);
  g_free (ticket->version);
  g_free (ticket->ref);
  g_free (ticket->subject);
  g_free (ticket->queue);
  g_free (ticket->owner);
  g_free (ticket->requester_email);
  g_free (ticket->category);
  g_free (ticket->pickup_location);
  g_free (ticket->pickup_status);
  g_free (ticket);
}

WkUpstreamPerson *
wk_upstream_person_copy (const WkUpstreamPerson *person)
{
  WkUpstreamPerson *copy;

  g_return_val_if_fail (person != NULL, NULL);

  copy = g_new0 (WkUpstreamPerson, 1);
  copy->id = g_strdup (person->id);
  copy->email = g_strdup (person->email);
  copy->display_name = g_strdup (person->display_name);
  copy->badge_id = g_strdup (person->badge_id);
  return copy;
}

void
wk_upstream_person_free (WkUpstreamPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->id);
  g_free (person->email);
  g_free (person->display_name);
  g_free (person->badge_id);
  g_free (person);
}

/* ---- the interface -------------------------------------------------------------- */

G_DEFINE_INTERFACE (WkUpstream, wk_upstream, G_TYPE_OBJECT)

static void
wk_upstream_default_init (WkUpstreamInterface *iface)
{
}

static void
unsupported (WkUpstream          *self,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_return_new_error (task, WK_ERROR, WK_ERROR_FAILED,
                           _("The service desk connection does not support the operation"));
}

const char *
wk_upstream_get_system (WkUpstream *self)
{
  WkUpstreamInterface *iface;

  g_return_val_if_fail (WK_IS_UPSTREAM (self), NULL);

  iface = WK_UPSTREAM_GET_IFACE (self);
  g_return_val_if_fail (iface->get_system != NULL, NULL);
  return iface->get_system (self);
}

void
wk_upstream_find_person_async (WkUpstream          *self,
                               const char          *email,
                               const char          *badge_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WkUpstreamInterface *iface;

  g_return_if_fail (WK_IS_UPSTREAM (self));
  g_return_if_fail (email != NULL || badge_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_UPSTREAM_GET_IFACE (self);
  if (iface->find_person == NULL)
    unsupported (self, wk_upstream_find_person_async, cancellable, callback, user_data);
  else
    iface->find_person (self, email, badge_id, cancellable, callback, user_data);
}

WkUpstreamPerson *
wk_upstream_find_person_finish (WkUpstream    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_upstream_find_person_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_upstream_find_tickets_async (WkUpstream          *self,
                                const char          *requester_email,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  WkUpstreamInterface *iface;

  g_return_if_fail (WK_IS_UPSTREAM (self));
  g_return_if_fail (requester_email != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_UPSTREAM_GET_IFACE (self);
  if (iface->find_tickets == NULL)
    unsupported (self, wk_upstream_find_tickets_async, cancellable, callback, user_data);
  else
    iface->find_tickets (self, requester_email, cancellable, callback, user_data);
}

GPtrArray *
wk_upstream_find_tickets_finish (WkUpstream    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_upstream_find_tickets_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_upstream_get_ticket_async (WkUpstream          *self,
                              const char          *id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  WkUpstreamInterface *iface;

  g_return_if_fail (WK_IS_UPSTREAM (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_UPSTREAM_GET_IFACE (self);
  if (iface->get_ticket == NULL)
    unsupported (self, wk_upstream_get_ticket_async, cancellable, callback, user_data);
  else
    iface->get_ticket (self, id, cancellable, callback, user_data);
}

WkUpstreamTicket *
wk_upstream_get_ticket_finish (WkUpstream    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_upstream_get_ticket_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_upstream_create_ticket_async (WkUpstream             *self,
                                 const WkUpstreamTicket *ticket,
                                 const char             *description,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  WkUpstreamInterface *iface;

  g_return_if_fail (WK_IS_UPSTREAM (self));
  g_return_if_fail (ticket != NULL && ticket->subject != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_UPSTREAM_GET_IFACE (self);
  if (iface->create_ticket == NULL)
    unsupported (self, wk_upstream_create_ticket_async, cancellable, callback, user_data);
  else
    iface->create_ticket (self, ticket, description, cancellable, callback, user_data);
}

WkUpstreamTicket *
wk_upstream_create_ticket_finish (WkUpstream    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_upstream_create_ticket_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_upstream_find_created_async (WkUpstream             *self,
                                const WkUpstreamTicket *ticket,
                                gint64                  since,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  WkUpstreamInterface *iface;

  g_return_if_fail (WK_IS_UPSTREAM (self));
  g_return_if_fail (ticket != NULL && ticket->subject != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_UPSTREAM_GET_IFACE (self);
  if (iface->find_created == NULL)
    unsupported (self, wk_upstream_find_created_async, cancellable, callback, user_data);
  else
    iface->find_created (self, ticket, since, cancellable, callback, user_data);
}

WkUpstreamTicket *
wk_upstream_find_created_finish (WkUpstream    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_upstream_find_created_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_upstream_update_ticket_async (WkUpstream             *self,
                                 const char             *id,
                                 const char             *expected_version,
                                 const WkUpstreamTicket *values,
                                 WkUpstreamFields        fields,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  WkUpstreamInterface *iface;

  g_return_if_fail (WK_IS_UPSTREAM (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (values != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_UPSTREAM_GET_IFACE (self);
  if (iface->update_ticket == NULL)
    unsupported (self, wk_upstream_update_ticket_async, cancellable, callback, user_data);
  else
    iface->update_ticket (self, id, expected_version, values, fields,
                          cancellable, callback, user_data);
}

WkUpstreamTicket *
wk_upstream_update_ticket_finish (WkUpstream        *self,
                                  GAsyncResult      *result,
                                  WkUpstreamTicket **current,
                                  GError           **error)
{
  WkUpstreamTicket *found;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_upstream_update_ticket_async, NULL);

  found = g_object_get_data (G_OBJECT (result), CURRENT_KEY);
  if (current != NULL)
    *current = found != NULL ? wk_upstream_ticket_copy (found) : NULL;
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
wk_upstream_add_comment_async (WkUpstream          *self,
                               const char          *id,
                               const char          *body,
                               const char          *marker,
                               gboolean             public_reply,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  WkUpstreamInterface *iface;

  g_return_if_fail (WK_IS_UPSTREAM (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (body != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_UPSTREAM_GET_IFACE (self);
  if (iface->add_comment == NULL)
    unsupported (self, wk_upstream_add_comment_async, cancellable, callback, user_data);
  else
    iface->add_comment (self, id, body, marker, public_reply, cancellable, callback, user_data);
}

gboolean
wk_upstream_add_comment_finish (WkUpstream    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_upstream_add_comment_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
wk_upstream_find_comment_async (WkUpstream          *self,
                                const char          *id,
                                const char          *marker,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  WkUpstreamInterface *iface;

  g_return_if_fail (WK_IS_UPSTREAM (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (marker != NULL && strpbrk (marker, "%_") == NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = WK_UPSTREAM_GET_IFACE (self);
  if (iface->find_comment == NULL)
    unsupported (self, wk_upstream_find_comment_async, cancellable, callback, user_data);
  else
    iface->find_comment (self, id, marker, cancellable, callback, user_data);
}

gboolean
wk_upstream_find_comment_finish (WkUpstream    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_upstream_find_comment_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
wk_upstream_task_set_current (GTask            *task,
                              WkUpstreamTicket *current)
{
  g_return_if_fail (G_IS_TASK (task));

  g_object_set_data_full (G_OBJECT (task), CURRENT_KEY, current,
                          (GDestroyNotify) wk_upstream_ticket_free);
}
