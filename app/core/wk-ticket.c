/* wk-ticket.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-ticket"

#include "config.h"

#include "wk-ticket.h"

struct _WkTicket
{
  GObject parent_instance;

  gint64 id;
  char *ref;
  gint64 requester_id;
  char *requester_name;
  char *subject;
  char *description;
  char *category;
  WkTicketStatus status;
  int priority;
  gint64 assignee_id;
  char *assignee_name;
  gint64 lounge_id;
  gint64 created_at;
  gint64 updated_at;
  gint64 resolved_at;
  char *upstream_system;
  char *upstream_id;
  char *upstream_version;
  gint64 version;
  GListModel *notes;
  gint64 upstream_conflict_id;
  gint64 upstream_conflict_at;
  char **upstream_conflict_fields;
  char **upstream_conflict_theirs;
  char **upstream_conflict_ours;
};

G_DEFINE_FINAL_TYPE (WkTicket, wk_ticket, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_REF,
  PROP_REQUESTER_ID,
  PROP_REQUESTER_NAME,
  PROP_SUBJECT,
  PROP_DESCRIPTION,
  PROP_CATEGORY,
  PROP_STATUS,
  PROP_PRIORITY,
  PROP_ASSIGNEE_ID,
  PROP_ASSIGNEE_NAME,
  PROP_LOUNGE_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_RESOLVED_AT,
  PROP_UPSTREAM_SYSTEM,
  PROP_UPSTREAM_ID,
  PROP_UPSTREAM_VERSION,
  PROP_VERSION,
  PROP_NOTES,
  PROP_UPSTREAM_CONFLICT_ID,
  PROP_UPSTREAM_CONFLICT_AT,
  PROP_UPSTREAM_CONFLICT_FIELDS,
  PROP_UPSTREAM_CONFLICT_THEIRS,
  PROP_UPSTREAM_CONFLICT_OURS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wk_ticket_dispose (GObject *object)
{
  WkTicket *self = (WkTicket *) object;

  g_clear_object (&self->notes);

  G_OBJECT_CLASS (wk_ticket_parent_class)->dispose (object);
}

static void
wk_ticket_finalize (GObject *object)
{
  WkTicket *self = (WkTicket *) object;

  g_clear_pointer (&self->ref, g_free);
  g_clear_pointer (&self->requester_name, g_free);
  g_clear_pointer (&self->subject, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->assignee_name, g_free);
  g_clear_pointer (&self->upstream_system, g_free);
  g_clear_pointer (&self->upstream_id, g_free);
  g_clear_pointer (&self->upstream_version, g_free);
  g_clear_pointer (&self->upstream_conflict_fields, g_strfreev);
  g_clear_pointer (&self->upstream_conflict_theirs, g_strfreev);
  g_clear_pointer (&self->upstream_conflict_ours, g_strfreev);

  G_OBJECT_CLASS (wk_ticket_parent_class)->finalize (object);
}

static void
wk_ticket_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WkTicket *self = WK_TICKET (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_REF:
      g_value_set_string (value, self->ref);
      break;

    case PROP_REQUESTER_ID:
      g_value_set_int64 (value, self->requester_id);
      break;

    case PROP_REQUESTER_NAME:
      g_value_set_string (value, self->requester_name);
      break;

    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_PRIORITY:
      g_value_set_int (value, self->priority);
      break;

    case PROP_ASSIGNEE_ID:
      g_value_set_int64 (value, self->assignee_id);
      break;

    case PROP_ASSIGNEE_NAME:
      g_value_set_string (value, self->assignee_name);
      break;

    case PROP_LOUNGE_ID:
      g_value_set_int64 (value, self->lounge_id);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    case PROP_RESOLVED_AT:
      g_value_set_int64 (value, self->resolved_at);
      break;

    case PROP_UPSTREAM_SYSTEM:
      g_value_set_string (value, self->upstream_system);
      break;

    case PROP_UPSTREAM_ID:
      g_value_set_string (value, self->upstream_id);
      break;

    case PROP_UPSTREAM_VERSION:
      g_value_set_string (value, self->upstream_version);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_NOTES:
      g_value_set_object (value, self->notes);
      break;

    case PROP_UPSTREAM_CONFLICT_ID:
      g_value_set_int64 (value, self->upstream_conflict_id);
      break;

    case PROP_UPSTREAM_CONFLICT_AT:
      g_value_set_int64 (value, self->upstream_conflict_at);
      break;

    case PROP_UPSTREAM_CONFLICT_FIELDS:
      g_value_set_boxed (value, self->upstream_conflict_fields);
      break;

    case PROP_UPSTREAM_CONFLICT_THEIRS:
      g_value_set_boxed (value, self->upstream_conflict_theirs);
      break;

    case PROP_UPSTREAM_CONFLICT_OURS:
      g_value_set_boxed (value, self->upstream_conflict_ours);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_ticket_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WkTicket *self = WK_TICKET (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_REF:
      self->ref = g_value_dup_string (value);
      break;

    case PROP_REQUESTER_ID:
      self->requester_id = g_value_get_int64 (value);
      break;

    case PROP_REQUESTER_NAME:
      self->requester_name = g_value_dup_string (value);
      break;

    case PROP_SUBJECT:
      self->subject = g_value_dup_string (value);
      break;

    case PROP_DESCRIPTION:
      self->description = g_value_dup_string (value);
      break;

    case PROP_CATEGORY:
      self->category = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;

    case PROP_PRIORITY:
      self->priority = g_value_get_int (value);
      break;

    case PROP_ASSIGNEE_ID:
      self->assignee_id = g_value_get_int64 (value);
      break;

    case PROP_ASSIGNEE_NAME:
      self->assignee_name = g_value_dup_string (value);
      break;

    case PROP_LOUNGE_ID:
      self->lounge_id = g_value_get_int64 (value);
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_get_int64 (value);
      break;

    case PROP_UPDATED_AT:
      self->updated_at = g_value_get_int64 (value);
      break;

    case PROP_RESOLVED_AT:
      self->resolved_at = g_value_get_int64 (value);
      break;

    case PROP_UPSTREAM_SYSTEM:
      self->upstream_system = g_value_dup_string (value);
      break;

    case PROP_UPSTREAM_ID:
      self->upstream_id = g_value_dup_string (value);
      break;

    case PROP_UPSTREAM_VERSION:
      self->upstream_version = g_value_dup_string (value);
      break;

    case PROP_VERSION:
      self->version = g_value_get_int64 (value);
      break;

    case PROP_NOTES:
      self->notes = g_value_dup_object (value);
      break;

    case PROP_UPSTREAM_CONFLICT_ID:
      self->upstream_conflict_id = g_value_get_int64 (value);
      break;

    case PROP_UPSTREAM_CONFLICT_AT:
      self->upstream_conflict_at = g_value_get_int64 (value);
      break;

    case PROP_UPSTREAM_CONFLICT_FIELDS:
      self->upstream_conflict_fields = g_value_dup_boxed (value);
      break;

    case PROP_UPSTREAM_CONFLICT_THEIRS:
      self->upstream_conflict_theirs = g_value_dup_boxed (value);
      break;

    case PROP_UPSTREAM_CONFLICT_OURS:
      self->upstream_conflict_ours = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_ticket_class_init (WkTicketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wk_ticket_dispose;
  object_class->finalize = wk_ticket_finalize;
  object_class->get_property = wk_ticket_get_property;
  object_class->set_property = wk_ticket_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REF] =
    g_param_spec_string ("ref", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REQUESTER_ID] =
    g_param_spec_int64 ("requester-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REQUESTER_NAME] =
    g_param_spec_string ("requester-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUBJECT] =
    g_param_spec_string ("subject", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       WK_TYPE_TICKET_STATUS, WK_TICKET_STATUS_NEW,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PRIORITY] =
    g_param_spec_int ("priority", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ASSIGNEE_ID] =
    g_param_spec_int64 ("assignee-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ASSIGNEE_NAME] =
    g_param_spec_string ("assignee-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOUNGE_ID] =
    g_param_spec_int64 ("lounge-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESOLVED_AT] =
    g_param_spec_int64 ("resolved-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPSTREAM_SYSTEM] =
    g_param_spec_string ("upstream-system", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPSTREAM_ID] =
    g_param_spec_string ("upstream-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPSTREAM_VERSION] =
    g_param_spec_string ("upstream-version", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTES] =
    g_param_spec_object ("notes", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPSTREAM_CONFLICT_ID] =
    g_param_spec_int64 ("upstream-conflict-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPSTREAM_CONFLICT_AT] =
    g_param_spec_int64 ("upstream-conflict-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPSTREAM_CONFLICT_FIELDS] =
    g_param_spec_boxed ("upstream-conflict-fields", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPSTREAM_CONFLICT_THEIRS] =
    g_param_spec_boxed ("upstream-conflict-theirs", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPSTREAM_CONFLICT_OURS] =
    g_param_spec_boxed ("upstream-conflict-ours", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_ticket_init (WkTicket *self)
{
}

gint64
wk_ticket_get_id (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), 0);

  return self->id;
}

const char *
wk_ticket_get_ref (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), NULL);

  return self->ref;
}

gint64
wk_ticket_get_requester_id (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), 0);

  return self->requester_id;
}

const char *
wk_ticket_get_requester_name (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), NULL);

  return self->requester_name;
}

const char *
wk_ticket_get_subject (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), NULL);

  return self->subject;
}

const char *
wk_ticket_get_description (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), NULL);

  return self->description;
}

const char *
wk_ticket_get_category (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), NULL);

  return self->category;
}

WkTicketStatus
wk_ticket_get_status (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), 0);

  return self->status;
}

int
wk_ticket_get_priority (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), 0);

  return self->priority;
}

gint64
wk_ticket_get_assignee_id (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), 0);

  return self->assignee_id;
}

const char *
wk_ticket_get_assignee_name (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), NULL);

  return self->assignee_name;
}

gint64
wk_ticket_get_lounge_id (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), 0);

  return self->lounge_id;
}

gint64
wk_ticket_get_created_at (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), 0);

  return self->created_at;
}

gint64
wk_ticket_get_updated_at (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), 0);

  return self->updated_at;
}

gint64
wk_ticket_get_resolved_at (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), 0);

  return self->resolved_at;
}

const char *
wk_ticket_get_upstream_system (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), NULL);

  return self->upstream_system;
}

const char *
wk_ticket_get_upstream_id (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), NULL);

  return self->upstream_id;
}

const char *
wk_ticket_get_upstream_version (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), NULL);

  return self->upstream_version;
}

gint64
wk_ticket_get_version (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), 0);

  return self->version;
}

GListModel *
wk_ticket_get_notes (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), NULL);

  return self->notes;
}

gint64
wk_ticket_get_upstream_conflict_id (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), 0);

  return self->upstream_conflict_id;
}

gint64
wk_ticket_get_upstream_conflict_at (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), 0);

  return self->upstream_conflict_at;
}

const char * const *
wk_ticket_get_upstream_conflict_fields (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), NULL);

  return (const char * const *) self->upstream_conflict_fields;
}

const char * const *
wk_ticket_get_upstream_conflict_theirs (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), NULL);

  return (const char * const *) self->upstream_conflict_theirs;
}

const char * const *
wk_ticket_get_upstream_conflict_ours (WkTicket *self)
{
  g_return_val_if_fail (WK_IS_TICKET (self), NULL);

  return (const char * const *) self->upstream_conflict_ours;
}
