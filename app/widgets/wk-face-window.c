/* wk-face-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-face-window"

#include "config.h"

#include "wk-face-window.h"

typedef struct
{
  WkDesk *desk;  /* owned */
} WkFaceWindowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (WkFaceWindow, wk_face_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DESK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wk_face_window_dispose (GObject *object)
{
  WkFaceWindowPrivate *priv = wk_face_window_get_instance_private (WK_FACE_WINDOW (object));

  g_clear_object (&priv->desk);

  G_OBJECT_CLASS (wk_face_window_parent_class)->dispose (object);
}

static void
wk_face_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WkFaceWindowPrivate *priv = wk_face_window_get_instance_private (WK_FACE_WINDOW (object));

  switch (prop_id)
    {
    case PROP_DESK:
      g_value_set_object (value, priv->desk);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_face_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WkFaceWindowPrivate *priv = wk_face_window_get_instance_private (WK_FACE_WINDOW (object));

  switch (prop_id)
    {
    case PROP_DESK:
      g_set_object (&priv->desk, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_face_window_class_init (WkFaceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wk_face_window_dispose;
  object_class->get_property = wk_face_window_get_property;
  object_class->set_property = wk_face_window_set_property;

  properties[PROP_DESK] =
    g_param_spec_object ("desk", NULL, NULL,
                         WK_TYPE_DESK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_face_window_init (WkFaceWindow *self)
{
}

WkDesk *
wk_face_window_get_desk (WkFaceWindow *self)
{
  WkFaceWindowPrivate *priv;

  g_return_val_if_fail (WK_IS_FACE_WINDOW (self), NULL);
  priv = wk_face_window_get_instance_private (self);
  return priv->desk;
}
