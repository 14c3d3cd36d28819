/* test-signature-pad.c — strokes from drags, JSON both ways, clearing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-signature-pad.h"

#include "wk-error.h"

#include "ui-test-util.h"

#include <adwaita.h>

static GtkGesture *
find_drag (GtkWidget *pad)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (pad);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }
  g_assert_not_reached ();
}

/* A drag through the gesture's own signals, as GTK emits them. */
static void
drag (GtkWidget    *pad,
      const double *xy,
      guint         n_points)
{
  GtkGesture *gesture = find_drag (pad);

  g_signal_emit_by_name (gesture, "drag-begin", xy[0], xy[1]);
  for (guint i = 1; i + 1 < n_points; i++)
    g_signal_emit_by_name (gesture, "drag-update", xy[2 * i] - xy[0], xy[2 * i + 1] - xy[1]);
  g_signal_emit_by_name (gesture, "drag-end",
                         xy[2 * (n_points - 1)] - xy[0], xy[2 * (n_points - 1) + 1] - xy[1]);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *counter)
{
  (*counter)++;
}

static void
assert_same_strokes (WkSignaturePad *a,
                     WkSignaturePad *b)
{
  g_assert_cmpuint (wk_signature_pad_get_n_strokes (a), ==, wk_signature_pad_get_n_strokes (b));
  for (guint i = 0; i < wk_signature_pad_get_n_strokes (a); i++)
    {
      guint na, nb;
      const WkSignaturePoint *pa = wk_signature_pad_get_stroke (a, i, &na);
      const WkSignaturePoint *pb = wk_signature_pad_get_stroke (b, i, &nb);

      g_assert_cmpuint (na, ==, nb);
      for (guint j = 0; j < na; j++)
        {
          g_assert_cmpfloat_with_epsilon (pa[j].x, pb[j].x, 0.6 / WK_SIGNATURE_JSON_SCALE);
          g_assert_cmpfloat_with_epsilon (pa[j].y, pb[j].y, 0.6 / WK_SIGNATURE_JSON_SCALE);
          g_assert_cmpuint (pa[j].t_ms, ==, pb[j].t_ms);
        }
    }
}

/* a name-like scrawl, in pixels of a 600 × 300 pad */
static const double scrawl[] = {
  80, 200, 95, 140, 110, 110, 125, 150, 135, 210, 150, 160, 170, 120, 190, 150,
  200, 205, 220, 170, 245, 140, 270, 180, 285, 200, 300, 190, 320, 150, 345, 130,
  360, 170, 370, 205, 395, 175, 420, 150, 450, 165, 480, 180, 520, 172,
};
static const double underline[] = { 120, 232, 300, 226, 480, 230 };
static const double dot[] = { 500, 120, 500, 120 };

static void
test_draw_and_json (void)
{
  GtkWidget *pad = wk_signature_pad_new ();
  GtkWindow *window;
  g_autofree char *empty_json = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  const WkSignaturePoint *points;
  GtkWidget *copy;
  guint notified = 0, n;

  gtk_widget_set_size_request (pad, 600, 300);
  window = ui_test_show (pad, 600, 300);
  g_assert_cmpint (gtk_widget_get_width (pad), ==, 600);
  g_assert_cmpint (gtk_widget_get_height (pad), ==, 300);
  g_signal_connect (pad, "notify::is-empty", G_CALLBACK (notify_cb), &notified);

  g_assert_true (wk_signature_pad_get_is_empty (WK_SIGNATURE_PAD (pad)));
  empty_json = wk_signature_pad_to_json (WK_SIGNATURE_PAD (pad));
  g_assert_cmpstr (empty_json, ==, "{\"version\":1,\"width\":0,\"height\":0,\"strokes\":[]}");
  g_assert_false (gtk_widget_activate_action (pad, "signature.clear", NULL) &&
                  !wk_signature_pad_get_is_empty (WK_SIGNATURE_PAD (pad)));

  drag (pad, scrawl, G_N_ELEMENTS (scrawl) / 2);
  g_assert_false (wk_signature_pad_get_is_empty (WK_SIGNATURE_PAD (pad)));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (wk_signature_pad_get_n_strokes (WK_SIGNATURE_PAD (pad)), ==, 1);
  points = wk_signature_pad_get_stroke (WK_SIGNATURE_PAD (pad), 0, &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (scrawl) / 2);
  /* normalised to the pad */
  g_assert_cmpfloat_with_epsilon (points[0].x, 80.0 / 600, 1e-9);
  g_assert_cmpfloat_with_epsilon (points[0].y, 200.0 / 300, 1e-9);
  g_assert_cmpfloat_with_epsilon (points[n - 1].x, 520.0 / 600, 1e-9);
  g_assert_cmpfloat_with_epsilon (points[n - 1].y, 172.0 / 300, 1e-9);
  g_assert_cmpuint (points[0].t_ms, ==, 0);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (points[i].t_ms, >=, points[i - 1].t_ms);

  drag (pad, underline, 3);
  drag (pad, dot, 2);
  g_assert_cmpuint (notified, ==, 1);   /* still not empty: no new notify */
  g_assert_cmpuint (wk_signature_pad_get_n_strokes (WK_SIGNATURE_PAD (pad)), ==, 3);
  /* a tap is a stroke of one point */
  wk_signature_pad_get_stroke (WK_SIGNATURE_PAD (pad), 2, &n);
  g_assert_cmpuint (n, ==, 1);

  g_free (ui_test_screenshot (GTK_WIDGET (window), "signature-pad"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (ui_test_screenshot (GTK_WIDGET (window), "signature-pad-dark"));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* JSON: compact integers, and back again */
  json = wk_signature_pad_to_json (WK_SIGNATURE_PAD (pad));
  g_test_message ("%s", json);
  g_assert_true (g_str_has_prefix (json, "{\"version\":1,\"width\":600,\"height\":300,\"strokes\":[[1333,6667,0,"));
  g_assert_null (strchr (json, '.'));
  g_assert_null (strchr (json, ' '));

  copy = g_object_ref_sink (wk_signature_pad_new ());
  {
    guint copy_notified = 0;
    g_autoptr(GError) error = NULL;

    g_signal_connect (copy, "notify::is-empty", G_CALLBACK (notify_cb), &copy_notified);
    g_assert_true (wk_signature_pad_load_json (WK_SIGNATURE_PAD (copy), json, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (copy_notified, ==, 1);
  }
  assert_same_strokes (WK_SIGNATURE_PAD (pad), WK_SIGNATURE_PAD (copy));
  again = wk_signature_pad_to_json (WK_SIGNATURE_PAD (copy));
  g_assert_cmpstr (again, ==, json);
  g_object_unref (copy);

  /* the clear action empties it */
  g_assert_true (gtk_widget_activate_action (pad, "signature.clear", NULL));
  g_assert_true (wk_signature_pad_get_is_empty (WK_SIGNATURE_PAD (pad)));
  g_assert_cmpuint (wk_signature_pad_get_n_strokes (WK_SIGNATURE_PAD (pad)), ==, 0);
  g_assert_cmpuint (notified, ==, 2);
  wk_signature_pad_clear (WK_SIGNATURE_PAD (pad));
  g_assert_cmpuint (notified, ==, 2);   /* already empty: no notify */

  g_free (ui_test_screenshot (GTK_WIDGET (window), "signature-pad-empty"));
  gtk_window_destroy (window);
}

static void
test_clear_button (void)
{
  GtkWidget *pad = wk_signature_pad_new ();
  GtkWindow *window = ui_test_show (pad, 600, 300);
  GtkWidget *button = ui_test_find_by_label (pad, "Clear signature");

  g_assert_nonnull (button);
  g_assert_true (GTK_IS_BUTTON (button));
  /* a touch target */
  {
    double width, height;

    ui_test_touch_size (button, &width, &height);
    g_assert_cmpfloat (width, >=, 64);
    g_assert_cmpfloat (height, >=, 64);
  }
  /* nothing to clear yet */
  g_assert_false (gtk_widget_is_sensitive (button));

  drag (pad, underline, 3);
  ui_test_wait_drawn (pad);
  g_assert_true (gtk_widget_is_sensitive (button));
  ui_test_activate (button);
  g_assert_true (wk_signature_pad_get_is_empty (WK_SIGNATURE_PAD (pad)));

  /* a drag that starts on the button is not a stroke */
  {
    graphene_point_t in = GRAPHENE_POINT_INIT (10, 10), out;
    double xy[4];

    drag (pad, underline, 3);
    g_assert_true (gtk_widget_compute_point (button, pad, &in, &out));
    xy[0] = out.x;
    xy[1] = out.y;
    xy[2] = out.x - 100;
    xy[3] = out.y + 100;
    drag (pad, xy, 2);
    g_assert_cmpuint (wk_signature_pad_get_n_strokes (WK_SIGNATURE_PAD (pad)), ==, 1);
  }
  gtk_window_destroy (window);
}

static void
test_accessible (void)
{
  GtkWidget *pad = g_object_ref_sink (wk_signature_pad_new ());

  g_assert_true (ui_test_has_label (pad, "Signature"));
  g_assert_true (ui_test_has_description (pad, "Sign here with your finger"));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (pad)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
  g_object_unref (pad);
}

static void
test_bad_json (void)
{
  static const struct
  {
    const char *json;
    int         code;
  } cases[] = {
    { "", WK_ERROR_INVALID },
    { "not json", WK_ERROR_INVALID },
    { "[]", WK_ERROR_INVALID },
    { "{\"version\":2,\"width\":1,\"height\":1,\"strokes\":[]}", WK_ERROR_INVALID },
    { "{\"version\":1,\"width\":1,\"height\":1}", WK_ERROR_INVALID },
    { "{\"version\":1,\"width\":1,\"height\":1,\"strokes\":{}}", WK_ERROR_INVALID },
    { "{\"version\":1,\"width\":1,\"height\":1,\"strokes\":[[]]}", WK_ERROR_INVALID },
    { "{\"version\":1,\"width\":1,\"height\":1,\"strokes\":[[1,2]]}", WK_ERROR_INVALID },
    { "{\"version\":1,\"width\":1,\"height\":1,\"strokes\":[[1,2,3,4]]}", WK_ERROR_INVALID },
    { "{\"version\":1,\"width\":1,\"height\":1,\"strokes\":[[10001,2,3]]}", WK_ERROR_INVALID },
    { "{\"version\":1,\"width\":1,\"height\":1,\"strokes\":[[-1,2,3]]}", WK_ERROR_INVALID },
    { "{\"version\":1,\"width\":1,\"height\":1,\"strokes\":[[0.5,2,3]]}", WK_ERROR_INVALID },
    { "{\"version\":1,\"width\":1,\"height\":1,\"strokes\":[[\"1\",2,3]]}", WK_ERROR_INVALID },
    { "{\"version\":\"1\",\"width\":1,\"height\":1,\"strokes\":[]}", WK_ERROR_INVALID },
  };
  GtkWidget *pad = g_object_ref_sink (wk_signature_pad_new ());
  const char *good = "{\"version\":1,\"width\":300,\"height\":100,\"strokes\":[[0,0,0,10000,10000,40],[5000,5000,90]]}";
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) huge = g_string_new ("{\"version\":1,\"width\":1,\"height\":1,\"strokes\":[");

  g_assert_true (wk_signature_pad_load_json (WK_SIGNATURE_PAD (pad), good, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) case_error = NULL;

      g_test_message ("case %u: %s", i, cases[i].json);
      g_assert_false (wk_signature_pad_load_json (WK_SIGNATURE_PAD (pad), cases[i].json, &case_error));
      g_assert_error (case_error, WK_ERROR, cases[i].code);
    }
  /* failures left the pad alone */
  json = wk_signature_pad_to_json (WK_SIGNATURE_PAD (pad));
  g_assert_cmpstr (json, ==, good);

  for (guint i = 0; i < 600; i++)
    g_string_append (huge, i == 0 ? "[1,1,1]" : ",[1,1,1]");
  g_string_append (huge, "]}");
  g_assert_false (wk_signature_pad_load_json (WK_SIGNATURE_PAD (pad), huge->str, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_TOO_LARGE);
  g_object_unref (pad);
}

typedef struct
{
  WkSignaturePad *pad;
  guint           n_strokes;
} Wait;

static gboolean
have_strokes (gpointer data)
{
  Wait *wait = data;
  return wk_signature_pad_get_n_strokes (wait->pad) >= wait->n_strokes;
}

static gboolean
stroke_done (gpointer data)
{
  Wait *wait = data;
  GtkGesture *gesture = find_drag (GTK_WIDGET (wait->pad));
  return have_strokes (data) && !gtk_gesture_is_active (gesture);
}

static void
test_real_pointer (void)
{
  GtkWidget *pad = wk_signature_pad_new ();
  GtkWindow *window;
  const WkSignaturePoint *points;
  Wait wait;
  guint n;

  gtk_widget_set_size_request (pad, 600, 300);
  window = ui_test_show (pad, 600, 300);
  if (!ui_test_xtest_available ())
    {
      g_test_skip ("XTest is not available");
      gtk_window_destroy (window);
      return;
    }

  /* press, move along a curve, release: through the X server */
  ui_test_xtest_pointer (pad, 100, 150, 0);
  ui_test_xtest_button (TRUE, 20);
  for (guint i = 1; i <= 20; i++)
    ui_test_xtest_pointer (pad, 100 + i * 20, 150 + 60 * sin (i / 3.0), 10);
  ui_test_xtest_button (FALSE, 20);
  ui_test_xtest_sync ();

  wait.pad = WK_SIGNATURE_PAD (pad);
  wait.n_strokes = 1;
  g_assert_true (ui_test_wait_for (stroke_done, &wait, 5000));
  g_assert_cmpuint (wk_signature_pad_get_n_strokes (WK_SIGNATURE_PAD (pad)), ==, 1);
  points = wk_signature_pad_get_stroke (WK_SIGNATURE_PAD (pad), 0, &n);
  g_assert_cmpuint (n, >=, 10);
  g_assert_cmpfloat_with_epsilon (points[0].x, 100.0 / 600, 2.0 / 600);
  g_assert_cmpfloat_with_epsilon (points[0].y, 150.0 / 300, 2.0 / 300);
  g_assert_cmpfloat_with_epsilon (points[n - 1].x, 500.0 / 600, 2.0 / 600);
  g_assert_cmpuint (points[0].t_ms, ==, 0);
  /* real event times: the server spaced the moves 10 ms apart */
  g_assert_cmpuint (points[n - 1].t_ms, >=, 150);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (points[i].t_ms, >=, points[i - 1].t_ms);

  /* a real tap on the clear button clears, and draws nothing */
  {
    GtkWidget *button = ui_test_find_by_label (pad, "Clear signature");

    ui_test_wait_drawn (pad);
    ui_test_xtest_pointer (button, gtk_widget_get_width (button) / 2.0,
                           gtk_widget_get_height (button) / 2.0, 0);
    ui_test_xtest_button (TRUE, 20);
    ui_test_xtest_button (FALSE, 40);
    ui_test_xtest_sync ();
    ui_test_wait_ms (300);
    g_assert_true (wk_signature_pad_get_is_empty (WK_SIGNATURE_PAD (pad)));
  }
  gtk_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/signature-pad/draw-and-json", test_draw_and_json);
  g_test_add_func ("/signature-pad/clear-button", test_clear_button);
  g_test_add_func ("/signature-pad/accessible", test_accessible);
  g_test_add_func ("/signature-pad/bad-json", test_bad_json);
  g_test_add_func ("/signature-pad/real-pointer", test_real_pointer);

  return g_test_run ();
}
