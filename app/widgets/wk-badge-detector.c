/* wk-badge-detector.c
 *
 * A badge reader is a USB keyboard that types the badge id and Enter in a
 * fast burst.  WkBadgeDetector watches a window's key presses in the
 * capture phase (before the focused widget sees them) and emits ::badge
 * when a burst ends; the timing rules live in WkBadgeBurst.
 *
 * How the burst's keys are kept out of the focused entry: hold and replay.
 * Every key that could start or continue a burst (a printable, non-space
 * character without Control, Alt or Super) is swallowed and held.
 *  - Enter in time after enough held keys: a badge.  Nothing was typed,
 *    the Enter is swallowed too, so no entry changes and no button or
 *    default widget activates.
 *  - Otherwise the held keys were a person typing.  They are replayed, in
 *    order, as text inserted at the cursor of the focused editable (a
 *    GtkEditable such as an entry's text, or a GtkTextView), replacing its
 *    selection as typing would — before the key that revealed them, or
 *    from a timer max-gap-ms (plus slack, see STALL_SLACK_MS) after the
 *    last one.
 *    When the focus is not an editable the held text is dropped: such
 *    widgets do nothing with printable characters (space, Tab, arrows and
 *    Enter are never held).
 * A person typing on a physical keyboard therefore sees each character
 * up to max-gap-ms + STALL_SLACK_MS later than usual; the kiosk's own
 * on-screen keyboard types directly and is not delayed.  The alternative
 * — let keys through and delete them afterwards — cannot undo what a key
 * did to a widget that is not an entry (and Enter would already have
 * activated it).
 *
 * The stall timer runs at idle priority so that key events already queued
 * are always handled before it decides that a burst has stalled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-badge-detector"

#include "config.h"

#include "wk-badge-detector.h"

#include "wk-badge-burst.h"

/* The stall timer runs on the wall clock, the burst rules on the events'
 * own timestamps: a busy main loop or a slow X connection may deliver a
 * burst's next key (stamped in time) well after it was typed.  The slack
 * keeps such a burst whole, at the price of a person's typing on a
 * physical keyboard showing up to max-gap-ms + 100 ms late. */
#define STALL_SLACK_MS 100

struct _WkBadgeDetector
{
  GObject             parent_instance;

  GtkWidget          *widget;       /* weak */
  GtkEventController *controller;   /* weak: the widget owns it */
  WkBadgeBurst       *burst;        /* owned */
  guint               stall_id;
};

G_DEFINE_FINAL_TYPE (WkBadgeDetector, wk_badge_detector, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WIDGET,
  PROP_MAX_GAP_MS,
  PROP_MIN_LENGTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_BADGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Types @text as a person would have: into the focused editable, at its
 * cursor, replacing its selection. */
static void
replay (WkBadgeDetector *self,
        const char      *text)
{
  GtkRoot *root;
  GtkWidget *focus;

  if (self->widget == NULL || (root = gtk_widget_get_root (self->widget)) == NULL)
    return;
  focus = gtk_root_get_focus (root);

  if (GTK_IS_EDITABLE (focus) && gtk_editable_get_editable (GTK_EDITABLE (focus)))
    {
      GtkEditable *editable = GTK_EDITABLE (focus);
      int position;

      gtk_editable_delete_selection (editable);
      position = gtk_editable_get_position (editable);
      gtk_editable_insert_text (editable, text, -1, &position);
      gtk_editable_set_position (editable, position);
    }
  else if (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));

      gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
    }
  else
    {
      g_debug ("dropping %u typed characters: the focus takes no text",
               (guint) g_utf8_strlen (text, -1));
    }
}

static gboolean
stall_cb (gpointer user_data)
{
  WkBadgeDetector *self = user_data;
  g_autofree char *text = NULL;

  self->stall_id = 0;
  text = wk_badge_burst_flush (self->burst);
  if (text != NULL)
    replay (self, text);
  return G_SOURCE_REMOVE;
}

static void
arm_stall_timer (WkBadgeDetector *self)
{
  g_clear_handle_id (&self->stall_id, g_source_remove);
  self->stall_id = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE,
                                       wk_badge_burst_get_max_gap_ms (self->burst) + STALL_SLACK_MS,
                                       stall_cb, self, NULL);
}

static gunichar
key_to_char (guint           keyval,
             GdkModifierType state)
{
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      return WK_BADGE_BURST_ENTER;
    default:
      break;
    }
  /* shortcuts are never part of a badge; Shift and Caps Lock may be */
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_HYPER_MASK | GDK_META_MASK))
    return WK_BADGE_BURST_OTHER;
  return gdk_keyval_to_unicode (keyval);
}

static gboolean
key_pressed_cb (WkBadgeDetector       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  guint32 time_ms = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (controller));
  g_autofree char *text = NULL;
  g_autofree char *badge = NULL;
  WkBadgeBurstDecision decision;

  /* a reader may press Shift for letters: modifiers neither count nor break */
  if (event != NULL && gdk_key_event_is_modifier (event))
    return GDK_EVENT_PROPAGATE;

  decision = wk_badge_burst_feed (self->burst, key_to_char (keyval, state), time_ms,
                                  &text, &badge);
  if (text != NULL)
    replay (self, text);

  switch (decision)
    {
    case WK_BADGE_BURST_HOLD:
      arm_stall_timer (self);
      return GDK_EVENT_STOP;
    case WK_BADGE_BURST_BADGE:
      g_clear_handle_id (&self->stall_id, g_source_remove);
      g_debug ("badge of %u characters", (guint) g_utf8_strlen (badge, -1));
      g_signal_emit (self, signals[SIGNAL_BADGE], 0, badge);
      return GDK_EVENT_STOP;
    case WK_BADGE_BURST_PASS:
    default:
      g_clear_handle_id (&self->stall_id, g_source_remove);
      return GDK_EVENT_PROPAGATE;
    }
}

static void
wk_badge_detector_set_widget (WkBadgeDetector *self,
                              GtkWidget       *widget)
{
  g_assert (self->widget == NULL);

  if (widget == NULL)
    return;

  self->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->widget);

  self->controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (self->controller, "wk-badge-detector");
  gtk_event_controller_set_propagation_phase (self->controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->controller, "key-pressed",
                           G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  g_object_add_weak_pointer (G_OBJECT (self->controller), (gpointer *) &self->controller);
  gtk_widget_add_controller (widget, self->controller);
}

static void
wk_badge_detector_dispose (GObject *object)
{
  WkBadgeDetector *self = WK_BADGE_DETECTOR (object);

  g_clear_handle_id (&self->stall_id, g_source_remove);

  if (self->controller != NULL)
    {
      GtkEventController *controller = self->controller;

      g_object_remove_weak_pointer (G_OBJECT (controller), (gpointer *) &self->controller);
      self->controller = NULL;
      if (self->widget != NULL)
        gtk_widget_remove_controller (self->widget, controller);
    }
  if (self->widget != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *) &self->widget);
      self->widget = NULL;
    }

  G_OBJECT_CLASS (wk_badge_detector_parent_class)->dispose (object);
}

static void
wk_badge_detector_finalize (GObject *object)
{
  WkBadgeDetector *self = WK_BADGE_DETECTOR (object);

  g_clear_object (&self->burst);

  G_OBJECT_CLASS (wk_badge_detector_parent_class)->finalize (object);
}

static void
wk_badge_detector_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WkBadgeDetector *self = WK_BADGE_DETECTOR (object);

  switch (prop_id)
    {
    case PROP_WIDGET:
      g_value_set_object (value, self->widget);
      break;
    case PROP_MAX_GAP_MS:
      g_value_set_uint (value, wk_badge_burst_get_max_gap_ms (self->burst));
      break;
    case PROP_MIN_LENGTH:
      g_value_set_uint (value, wk_badge_burst_get_min_length (self->burst));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_badge_detector_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WkBadgeDetector *self = WK_BADGE_DETECTOR (object);

  switch (prop_id)
    {
    case PROP_WIDGET:
      wk_badge_detector_set_widget (self, g_value_get_object (value));
      break;
    case PROP_MAX_GAP_MS:
      wk_badge_detector_set_max_gap_ms (self, g_value_get_uint (value));
      break;
    case PROP_MIN_LENGTH:
      wk_badge_detector_set_min_length (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_badge_detector_class_init (WkBadgeDetectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wk_badge_detector_dispose;
  object_class->finalize = wk_badge_detector_finalize;
  object_class->get_property = wk_badge_detector_get_property;
  object_class->set_property = wk_badge_detector_set_property;

  /**
   * WkBadgeDetector:widget:
   *
   * The widget (normally a window) whose key presses are watched.  Not
   * referenced: the detector stops working when it goes away.
   */
  properties[PROP_WIDGET] =
    g_param_spec_object ("widget", NULL, NULL,
                         GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * WkBadgeDetector:max-gap-ms:
   *
   * The longest time between two keys of a badge burst, in milliseconds.
   */
  properties[PROP_MAX_GAP_MS] =
    g_param_spec_uint ("max-gap-ms", NULL, NULL,
                       1, 1000, WK_BADGE_BURST_DEFAULT_MAX_GAP_MS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * WkBadgeDetector:min-length:
   *
   * The fewest characters before Enter that make a badge id.
   */
  properties[PROP_MIN_LENGTH] =
    g_param_spec_uint ("min-length", NULL, NULL,
                       1, WK_BADGE_BURST_MAX_LENGTH, WK_BADGE_BURST_DEFAULT_MIN_LENGTH,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WkBadgeDetector::badge:
   * @id: the badge id, without the Enter
   *
   * A badge was read.  None of its keys reached the focused widget.
   */
  signals[SIGNAL_BADGE] =
    g_signal_new ("badge",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
wk_badge_detector_init (WkBadgeDetector *self)
{
  self->burst = wk_badge_burst_new ();
}

/**
 * wk_badge_detector_new:
 * @widget: the window (or any widget) to watch
 *
 * Returns: (transfer full): a detector; keep it as long as badges should
 *   be read, and drop it to stop
 */
WkBadgeDetector *
wk_badge_detector_new (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  return g_object_new (WK_TYPE_BADGE_DETECTOR, "widget", widget, NULL);
}

GtkWidget *
wk_badge_detector_get_widget (WkBadgeDetector *self)
{
  g_return_val_if_fail (WK_IS_BADGE_DETECTOR (self), NULL);
  return self->widget;
}

guint
wk_badge_detector_get_max_gap_ms (WkBadgeDetector *self)
{
  g_return_val_if_fail (WK_IS_BADGE_DETECTOR (self), 0);
  return wk_badge_burst_get_max_gap_ms (self->burst);
}

void
wk_badge_detector_set_max_gap_ms (WkBadgeDetector *self,
                                  guint            max_gap_ms)
{
  g_return_if_fail (WK_IS_BADGE_DETECTOR (self));
  g_return_if_fail (max_gap_ms > 0);

  if (wk_badge_burst_get_max_gap_ms (self->burst) == max_gap_ms)
    return;
  wk_badge_burst_set_max_gap_ms (self->burst, max_gap_ms);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_GAP_MS]);
}

guint
wk_badge_detector_get_min_length (WkBadgeDetector *self)
{
  g_return_val_if_fail (WK_IS_BADGE_DETECTOR (self), 0);
  return wk_badge_burst_get_min_length (self->burst);
}

void
wk_badge_detector_set_min_length (WkBadgeDetector *self,
                                  guint            min_length)
{
  g_return_if_fail (WK_IS_BADGE_DETECTOR (self));
  g_return_if_fail (min_length > 0 && min_length <= WK_BADGE_BURST_MAX_LENGTH);

  if (wk_badge_burst_get_min_length (self->burst) == min_length)
    return;
  wk_badge_burst_set_min_length (self->burst, min_length);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_LENGTH]);
}
