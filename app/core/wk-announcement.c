/* wk-announcement.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-announcement"

#include "config.h"

#include "wk-announcement.h"

struct _WkAnnouncement
{
  GObject parent_instance;

  gint64 id;
  gint64 lounge_id;
  char *title;
  char *body;
  gint64 starts_at;
  gint64 ends_at;
};

G_DEFINE_FINAL_TYPE (WkAnnouncement, wk_announcement, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LOUNGE_ID,
  PROP_TITLE,
  PROP_BODY,
  PROP_STARTS_AT,
  PROP_ENDS_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wk_announcement_finalize (GObject *object)
{
  WkAnnouncement *self = (WkAnnouncement *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);

  G_OBJECT_CLASS (wk_announcement_parent_class)->finalize (object);
}

static void
wk_announcement_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WkAnnouncement *self = WK_ANNOUNCEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_LOUNGE_ID:
      g_value_set_int64 (value, self->lounge_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_STARTS_AT:
      g_value_set_int64 (value, self->starts_at);
      break;

    case PROP_ENDS_AT:
      g_value_set_int64 (value, self->ends_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_announcement_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WkAnnouncement *self = WK_ANNOUNCEMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_LOUNGE_ID:
      self->lounge_id = g_value_get_int64 (value);
      break;

    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;

    case PROP_BODY:
      self->body = g_value_dup_string (value);
      break;

    case PROP_STARTS_AT:
      self->starts_at = g_value_get_int64 (value);
      break;

    case PROP_ENDS_AT:
      self->ends_at = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_announcement_class_init (WkAnnouncementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wk_announcement_finalize;
  object_class->get_property = wk_announcement_get_property;
  object_class->set_property = wk_announcement_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOUNGE_ID] =
    g_param_spec_int64 ("lounge-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STARTS_AT] =
    g_param_spec_int64 ("starts-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENDS_AT] =
    g_param_spec_int64 ("ends-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_announcement_init (WkAnnouncement *self)
{
}

gint64
wk_announcement_get_id (WkAnnouncement *self)
{
  g_return_val_if_fail (WK_IS_ANNOUNCEMENT (self), 0);

  return self->id;
}

gint64
wk_announcement_get_lounge_id (WkAnnouncement *self)
{
  g_return_val_if_fail (WK_IS_ANNOUNCEMENT (self), 0);

  return self->lounge_id;
}

const char *
wk_announcement_get_title (WkAnnouncement *self)
{
  g_return_val_if_fail (WK_IS_ANNOUNCEMENT (self), NULL);

  return self->title;
}

const char *
wk_announcement_get_body (WkAnnouncement *self)
{
  g_return_val_if_fail (WK_IS_ANNOUNCEMENT (self), NULL);

  return self->body;
}

gint64
wk_announcement_get_starts_at (WkAnnouncement *self)
{
  g_return_val_if_fail (WK_IS_ANNOUNCEMENT (self), 0);

  return self->starts_at;
}

gint64
wk_announcement_get_ends_at (WkAnnouncement *self)
{
  g_return_val_if_fail (WK_IS_ANNOUNCEMENT (self), 0);

  return self->ends_at;
}
