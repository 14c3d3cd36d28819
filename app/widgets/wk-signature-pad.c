/* wk-signature-pad.c
 *
 * A surface to sign on with a finger, a mouse or a stylus.  Strokes are
 * drawn as they are made, smoothed with curves through the midpoints of
 * the sampled points, and kept as lists of (x, y, t_ms) points with x and y
 * relative to the pad (0…1) so that the signature can be drawn again at
 * any size.
 *
 * JSON, compact and exact to 1/10000 of the pad:
 *   {"version":1,"width":480,"height":220,
 *    "strokes":[[x,y,t, x,y,t, …], …]}
 * width and height are the pad's size in pixels when signed (for the aspect
 * ratio); x and y are integers 0…10000; t is milliseconds since the first
 * point of the signature.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-signature-pad"

#include "config.h"

#include "wk-signature-pad.h"

#include "wk-error.h"

#include <json-glib/json-glib.h>
#include <math.h>

#define SIGNATURE_JSON_VERSION     1
#define MAX_STROKES      500
#define MAX_POINTS       20000
/* samples closer than this to the last kept one, in pixels, add nothing */
#define MIN_DISTANCE_PX  1.5

struct _WkSignaturePad
{
  GtkWidget   parent_instance;

  /* template children */
  GtkWidget  *hint;
  GtkWidget  *clear_button;

  GtkGesture *drag;          /* owned by the widget */
  GPtrArray  *strokes;       /* owned; of GArray of WkSignaturePoint */
  GArray     *stroke;        /* the stroke being drawn, in strokes; or NULL */
  guint       n_points;
  double      start_x;
  double      start_y;
  guint32     origin_ms;     /* the time of the first point */
  int         signed_width;  /* the size when signed, or loaded */
  int         signed_height;
};

G_DEFINE_FINAL_TYPE (WkSignaturePad, wk_signature_pad, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_IS_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_empty (WkSignaturePad *self,
              gboolean        was_empty)
{
  gboolean empty = self->strokes->len == 0;

  gtk_widget_set_visible (self->hint, empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signature.clear", !empty);
  if (empty != was_empty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_EMPTY]);
}

static guint32
event_time (WkSignaturePad *self)
{
  guint32 time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (self->drag));

  /* a signal emitted without an event (tests, AT) has no time of its own */
  if (time == 0)
    time = (guint32) (g_get_monotonic_time () / 1000);
  return time;
}

static void
add_point_at (WkSignaturePad *self,
              double          x,
              double          y,
              guint32         time,
              gboolean        force)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  WkSignaturePoint point;

  if (self->stroke == NULL || width <= 0 || height <= 0)
    return;

  if (self->stroke->len > 0)
    {
      const WkSignaturePoint *last =
        &g_array_index (self->stroke, WkSignaturePoint, self->stroke->len - 1);
      double dx = (CLAMP (x / width, 0.0, 1.0) - last->x) * width;
      double dy = (CLAMP (y / height, 0.0, 1.0) - last->y) * height;

      if (!force && hypot (dx, dy) < MIN_DISTANCE_PX)
        return;
      if (force && dx == 0 && dy == 0)
        return;
    }
  if (self->n_points >= MAX_POINTS)
    return;

  if (self->n_points == 0)
    self->origin_ms = time;
  point.x = CLAMP (x / width, 0.0, 1.0);
  point.y = CLAMP (y / height, 0.0, 1.0);
  point.t_ms = time - self->origin_ms;
  g_array_append_val (self->stroke, point);
  self->n_points++;
  self->signed_width = width;
  self->signed_height = height;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
add_point (WkSignaturePad *self,
           double          x,
           double          y,
           gboolean        force)
{
  add_point_at (self, x, y, event_time (self), force);
}

/* GDK merges the motions of one frame into one event and keeps the ones
 * before it as history: a fast stroke stays smooth only with them. */
static void
add_history (WkSignaturePad *self)
{
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (self->drag));
  g_autofree GdkTimeCoord *history = NULL;
  GtkNative *native;
  double native_x, native_y;
  guint n_history = 0;

  if (event == NULL || gdk_event_get_event_type (event) != GDK_MOTION_NOTIFY)
    return;
  history = gdk_event_get_history (event, &n_history);
  if (n_history == 0 || (native = gtk_widget_get_native (GTK_WIDGET (self))) == NULL)
    return;
  gtk_native_get_surface_transform (native, &native_x, &native_y);

  for (guint i = 0; i < n_history; i++)
    {
      graphene_point_t in, out;

      if ((history[i].flags & (GDK_AXIS_FLAG_X | GDK_AXIS_FLAG_Y)) !=
          (GDK_AXIS_FLAG_X | GDK_AXIS_FLAG_Y))
        continue;
      in = GRAPHENE_POINT_INIT (history[i].axes[GDK_AXIS_X] - native_x,
                                history[i].axes[GDK_AXIS_Y] - native_y);
      if (gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self), &in, &out))
        add_point_at (self, out.x, out.y, history[i].time, FALSE);
    }
}

static void
drag_begin_cb (WkSignaturePad *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);
  gboolean was_empty = self->strokes->len == 0;

  /* the clear button keeps its own clicks */
  if (picked != NULL &&
      (picked == self->clear_button || gtk_widget_is_ancestor (picked, self->clear_button)))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  if (self->strokes->len >= MAX_STROKES || self->n_points >= MAX_POINTS ||
      gtk_widget_get_width (GTK_WIDGET (self)) <= 0 || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->start_x = x;
  self->start_y = y;
  self->stroke = g_array_new (FALSE, FALSE, sizeof (WkSignaturePoint));
  g_ptr_array_add (self->strokes, self->stroke);
  add_point (self, x, y, TRUE);
  update_empty (self, was_empty);
}

static void
drag_update_cb (WkSignaturePad *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  add_history (self);
  add_point (self, self->start_x + offset_x, self->start_y + offset_y, FALSE);
}

static void
drag_end_cb (WkSignaturePad *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  add_point (self, self->start_x + offset_x, self->start_y + offset_y, TRUE);
  self->stroke = NULL;
}

static void
drag_cancel_cb (WkSignaturePad   *self,
                GdkEventSequence *sequence,
                GtkGesture       *gesture)
{
  /* keep what was drawn: it is still part of the signature */
  self->stroke = NULL;
}

static void
clear_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  wk_signature_pad_clear (WK_SIGNATURE_PAD (widget));
}

/* Cairo has cubic curves: the quadratic from the current point through
 * control (cx, cy) to (x, y), raised. */
static void
quad_to (cairo_t *cr,
         double   cx,
         double   cy,
         double   x,
         double   y)
{
  double x0, y0;

  cairo_get_current_point (cr, &x0, &y0);
  cairo_curve_to (cr,
                  x0 + 2.0 / 3.0 * (cx - x0), y0 + 2.0 / 3.0 * (cy - y0),
                  x + 2.0 / 3.0 * (cx - x), y + 2.0 / 3.0 * (cy - y),
                  x, y);
}

static void
draw_stroke (cairo_t *cr,
             GArray  *stroke,
             double   width,
             double   height,
             double   line_width)
{
  const WkSignaturePoint *p = (const WkSignaturePoint *) stroke->data;
  guint n = stroke->len;

  if (n == 0)
    return;
  if (n == 1)
    {
      cairo_arc (cr, p[0].x * width, p[0].y * height, line_width * 0.75, 0, 2 * G_PI);
      cairo_fill (cr);
      return;
    }

  cairo_move_to (cr, p[0].x * width, p[0].y * height);
  for (guint i = 1; i + 1 < n; i++)
    quad_to (cr,
             p[i].x * width, p[i].y * height,
             (p[i].x + p[i + 1].x) / 2 * width, (p[i].y + p[i + 1].y) / 2 * height);
  cairo_line_to (cr, p[n - 1].x * width, p[n - 1].y * height);
  cairo_stroke (cr);
}

static void
wk_signature_pad_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  WkSignaturePad *self = WK_SIGNATURE_PAD (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double line_width = CLAMP (MIN (width, height) / 60.0, 2.5, 6.0);
  double baseline = round (height * 0.72) + 0.5;
  double margin = width * 0.08;
  GdkRGBA color;
  cairo_t *cr;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* the line to sign on, with the customary cross at its start */
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha * 0.35);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, margin, baseline);
  cairo_line_to (cr, width - margin, baseline);
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, margin, baseline - 22);
  cairo_line_to (cr, margin + 14, baseline - 8);
  cairo_move_to (cr, margin + 14, baseline - 22);
  cairo_line_to (cr, margin, baseline - 8);
  cairo_stroke (cr);

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < self->strokes->len; i++)
    draw_stroke (cr, g_ptr_array_index (self->strokes, i), width, height, line_width);
  cairo_destroy (cr);

  /* the hint and the clear button on top */
  GTK_WIDGET_CLASS (wk_signature_pad_parent_class)->snapshot (widget, snapshot);
}

static void
wk_signature_pad_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WK_TYPE_SIGNATURE_PAD);

  G_OBJECT_CLASS (wk_signature_pad_parent_class)->dispose (object);
}

static void
wk_signature_pad_finalize (GObject *object)
{
  WkSignaturePad *self = WK_SIGNATURE_PAD (object);

  g_ptr_array_unref (self->strokes);

  G_OBJECT_CLASS (wk_signature_pad_parent_class)->finalize (object);
}

static void
wk_signature_pad_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WkSignaturePad *self = WK_SIGNATURE_PAD (object);

  switch (prop_id)
    {
    case PROP_IS_EMPTY:
      g_value_set_boolean (value, wk_signature_pad_get_is_empty (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_signature_pad_class_init (WkSignaturePadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_signature_pad_dispose;
  object_class->finalize = wk_signature_pad_finalize;
  object_class->get_property = wk_signature_pad_get_property;
  widget_class->snapshot = wk_signature_pad_snapshot;

  /**
   * WkSignaturePad:is-empty:
   *
   * Whether nothing has been drawn (or everything was cleared).
   */
  properties[PROP_IS_EMPTY] =
    g_param_spec_boolean ("is-empty", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WkSignaturePad|signature.clear:
   *
   * Wipes the signature.  Disabled while the pad is empty.
   */
  gtk_widget_class_install_action (widget_class, "signature.clear", NULL, clear_action_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/widgets/wk-signature-pad.ui");
  gtk_widget_class_bind_template_child (widget_class, WkSignaturePad, hint);
  gtk_widget_class_bind_template_child (widget_class, WkSignaturePad, clear_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wk_signature_pad_init (WkSignaturePad *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  self->drag = gtk_gesture_drag_new ();
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (self->drag), "wk-signature-drag");
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (self->drag), FALSE);
  g_signal_connect_swapped (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect_swapped (self->drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag));

  update_empty (self, TRUE);
}

GtkWidget *
wk_signature_pad_new (void)
{
  return g_object_new (WK_TYPE_SIGNATURE_PAD, NULL);
}

gboolean
wk_signature_pad_get_is_empty (WkSignaturePad *self)
{
  g_return_val_if_fail (WK_IS_SIGNATURE_PAD (self), TRUE);
  return self->strokes->len == 0;
}

void
wk_signature_pad_clear (WkSignaturePad *self)
{
  gboolean was_empty;

  g_return_if_fail (WK_IS_SIGNATURE_PAD (self));

  was_empty = self->strokes->len == 0;
  g_ptr_array_set_size (self->strokes, 0);
  self->stroke = NULL;
  self->n_points = 0;
  self->signed_width = self->signed_height = 0;
  /* a stroke in progress ends here */
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_empty (self, was_empty);
}

guint
wk_signature_pad_get_n_strokes (WkSignaturePad *self)
{
  g_return_val_if_fail (WK_IS_SIGNATURE_PAD (self), 0);
  return self->strokes->len;
}

/**
 * wk_signature_pad_get_stroke:
 * @index: less than wk_signature_pad_get_n_strokes()
 * @n_points: (out): the number of points
 *
 * Returns: (transfer none) (array length=n_points): the stroke's points,
 *   valid until the pad changes
 */
const WkSignaturePoint *
wk_signature_pad_get_stroke (WkSignaturePad *self,
                             guint           index,
                             guint          *n_points)
{
  GArray *stroke;

  g_return_val_if_fail (WK_IS_SIGNATURE_PAD (self), NULL);
  g_return_val_if_fail (index < self->strokes->len, NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  stroke = g_ptr_array_index (self->strokes, index);
  *n_points = stroke->len;
  return (const WkSignaturePoint *) stroke->data;
}

/**
 * wk_signature_pad_to_json:
 *
 * Returns: (transfer full): the signature as compact JSON (see the top of
 *   this file); strokes is empty when the pad is
 */
char *
wk_signature_pad_to_json (WkSignaturePad *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (WK_IS_SIGNATURE_PAD (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, SIGNATURE_JSON_VERSION);
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, self->signed_width);
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, self->signed_height);
  json_builder_set_member_name (builder, "strokes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);

      json_builder_begin_array (builder);
      for (guint j = 0; j < stroke->len; j++)
        {
          const WkSignaturePoint *p = &g_array_index (stroke, WkSignaturePoint, j);

          json_builder_add_int_value (builder, lround (p->x * WK_SIGNATURE_JSON_SCALE));
          json_builder_add_int_value (builder, lround (p->y * WK_SIGNATURE_JSON_SCALE));
          json_builder_add_int_value (builder, p->t_ms);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
get_int (JsonNode *node,
         gint64    min,
         gint64    max,
         gint64   *value)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return *value >= min && *value <= max;
}

static gboolean
get_int_member (JsonObject *object,
                const char *name,
                gint64      min,
                gint64      max,
                gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && get_int (node, min, max, value);
}

/**
 * wk_signature_pad_load_json:
 * @json: what wk_signature_pad_to_json() made
 *
 * Replaces the signature with the one in @json, to show it again.  On
 * error the pad is left as it was.
 *
 * Returns: %TRUE, or %FALSE with @error set in %WK_ERROR
 */
gboolean
wk_signature_pad_load_json (WkSignaturePad *self,
                            const char     *json,
                            GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) strokes = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *strokes_node;
  JsonArray *array;
  gint64 version, width, height;
  guint n_points = 0;
  gboolean was_empty;

  g_return_val_if_fail (WK_IS_SIGNATURE_PAD (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  root = json_from_string (json, &local_error);
  if (root == NULL)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   "Signature is not JSON: %s",
                   local_error != NULL ? local_error->message : "empty");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    goto invalid;
  object = json_node_get_object (root);
  if (!get_int_member (object, "version", 1, G_MAXINT, &version))
    goto invalid;
  if (version != SIGNATURE_JSON_VERSION)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   "Signature version %" G_GINT64_FORMAT " is not supported", version);
      return FALSE;
    }
  if (!get_int_member (object, "width", 0, 100000, &width) ||
      !get_int_member (object, "height", 0, 100000, &height))
    goto invalid;
  strokes_node = json_object_get_member (object, "strokes");
  if (strokes_node == NULL || !JSON_NODE_HOLDS_ARRAY (strokes_node))
    goto invalid;
  array = json_node_get_array (strokes_node);
  if (json_array_get_length (array) > MAX_STROKES)
    goto too_large;

  strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *stroke_node = json_array_get_element (array, i);
      JsonArray *values;
      GArray *stroke;
      guint n_values;

      if (!JSON_NODE_HOLDS_ARRAY (stroke_node))
        goto invalid;
      values = json_node_get_array (stroke_node);
      n_values = json_array_get_length (values);
      if (n_values == 0 || n_values % 3 != 0)
        goto invalid;
      n_points += n_values / 3;
      if (n_points > MAX_POINTS)
        goto too_large;

      stroke = g_array_sized_new (FALSE, FALSE, sizeof (WkSignaturePoint), n_values / 3);
      g_ptr_array_add (strokes, stroke);
      for (guint j = 0; j < n_values; j += 3)
        {
          gint64 x, y, t;
          WkSignaturePoint point;

          if (!get_int (json_array_get_element (values, j), 0, WK_SIGNATURE_JSON_SCALE, &x) ||
              !get_int (json_array_get_element (values, j + 1), 0, WK_SIGNATURE_JSON_SCALE, &y) ||
              !get_int (json_array_get_element (values, j + 2), 0, G_MAXUINT32, &t))
            goto invalid;
          point.x = (double) x / WK_SIGNATURE_JSON_SCALE;
          point.y = (double) y / WK_SIGNATURE_JSON_SCALE;
          point.t_ms = (guint32) t;
          g_array_append_val (stroke, point);
        }
    }

  was_empty = self->strokes->len == 0;
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
  g_ptr_array_unref (self->strokes);
  self->strokes = g_steal_pointer (&strokes);
  self->stroke = NULL;
  self->n_points = n_points;
  self->signed_width = (int) width;
  self->signed_height = (int) height;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_empty (self, was_empty);
  return TRUE;

invalid:
  g_set_error_literal (error, WK_ERROR, WK_ERROR_INVALID, "Signature JSON is malformed");
  return FALSE;

too_large:
  g_set_error_literal (error, WK_ERROR, WK_ERROR_TOO_LARGE, "Signature has too many points");
  return FALSE;
}
