/* wk-note.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-note"

#include "config.h"

#include "wk-note.h"

struct _WkNote
{
  GObject parent_instance;

  gint64 id;
  gint64 ticket_id;
  gint64 author_id;
  char *author_name;
  char *body;
  WkNoteVisibility visibility;
  gint64 created_at;
  char *uuid;
};

G_DEFINE_FINAL_TYPE (WkNote, wk_note, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TICKET_ID,
  PROP_AUTHOR_ID,
  PROP_AUTHOR_NAME,
  PROP_BODY,
  PROP_VISIBILITY,
  PROP_CREATED_AT,
  PROP_UUID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wk_note_finalize (GObject *object)
{
  WkNote *self = (WkNote *) object;

  g_clear_pointer (&self->author_name, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->uuid, g_free);

  G_OBJECT_CLASS (wk_note_parent_class)->finalize (object);
}

static void
wk_note_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  WkNote *self = WK_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TICKET_ID:
      g_value_set_int64 (value, self->ticket_id);
      break;

    case PROP_AUTHOR_ID:
      g_value_set_int64 (value, self->author_id);
      break;

    case PROP_AUTHOR_NAME:
      g_value_set_string (value, self->author_name);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_VISIBILITY:
      g_value_set_enum (value, self->visibility);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_note_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  WkNote *self = WK_NOTE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_TICKET_ID:
      self->ticket_id = g_value_get_int64 (value);
      break;

    case PROP_AUTHOR_ID:
      self->author_id = g_value_get_int64 (value);
      break;

    case PROP_AUTHOR_NAME:
      self->author_name = g_value_dup_string (value);
      break;

    case PROP_BODY:
      self->body = g_value_dup_string (value);
      break;

    case PROP_VISIBILITY:
      self->visibility = g_value_get_enum (value);
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_get_int64 (value);
      break;

    case PROP_UUID:
      self->uuid = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_note_class_init (WkNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wk_note_finalize;
  object_class->get_property = wk_note_get_property;
  object_class->set_property = wk_note_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TICKET_ID] =
    g_param_spec_int64 ("ticket-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AUTHOR_ID] =
    g_param_spec_int64 ("author-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_AUTHOR_NAME] =
    g_param_spec_string ("author-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VISIBILITY] =
    g_param_spec_enum ("visibility", NULL, NULL,
                       WK_TYPE_NOTE_VISIBILITY, WK_NOTE_VISIBILITY_INTERNAL,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_note_init (WkNote *self)
{
}

gint64
wk_note_get_id (WkNote *self)
{
  g_return_val_if_fail (WK_IS_NOTE (self), 0);

  return self->id;
}

gint64
wk_note_get_ticket_id (WkNote *self)
{
  g_return_val_if_fail (WK_IS_NOTE (self), 0);

  return self->ticket_id;
}

gint64
wk_note_get_author_id (WkNote *self)
{
  g_return_val_if_fail (WK_IS_NOTE (self), 0);

  return self->author_id;
}

const char *
wk_note_get_author_name (WkNote *self)
{
  g_return_val_if_fail (WK_IS_NOTE (self), NULL);

  return self->author_name;
}

const char *
wk_note_get_body (WkNote *self)
{
  g_return_val_if_fail (WK_IS_NOTE (self), NULL);

  return self->body;
}

WkNoteVisibility
wk_note_get_visibility (WkNote *self)
{
  g_return_val_if_fail (WK_IS_NOTE (self), 0);

  return self->visibility;
}

gint64
wk_note_get_created_at (WkNote *self)
{
  g_return_val_if_fail (WK_IS_NOTE (self), 0);

  return self->created_at;
}

const char *
wk_note_get_uuid (WkNote *self)
{
  g_return_val_if_fail (WK_IS_NOTE (self), NULL);

  return self->uuid;
}
