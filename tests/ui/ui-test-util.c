/* ui-test-util.c — helpers shared by the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui-test-util.h"

#include "../common/wk-test-display.h"

#include <adwaita.h>
#include <dlfcn.h>
#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

/* GTK's test AT context prints state changes; keep TAP output clean */
static void
print_cb (const char *text)
{
  if (g_str_has_prefix (text, "Accessible "))
    fputs ("# ", stdout);
  fputs (text, stdout);
  fflush (stdout);
}

void
ui_test_init (int    *argc,
              char ***argv)
{
  const char *localedir = g_getenv ("WALKUP_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* the test AT context keeps accessible properties where tests can check them */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_set_print_handler (print_cb);
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  wk_test_display_as_program ();
}

GtkWindow *
ui_test_show (GtkWidget *child,
              int        width,
              int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  ui_test_wait_drawn (child);
  return window;
}

static void
frame_done_cb (GdkFrameClock *clock,
               gpointer       user_data)
{
  (*(guint *) user_data)++;
}

/* Mapped, allocated and painted at least twice. */
void
ui_test_wait_drawn (GtkWidget *widget)
{
  GdkFrameClock *clock;
  guint frames = 0;
  gulong id;

  while (!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_done_cb), &frames);
  gtk_widget_queue_draw (widget);
  while (frames < 2)
    {
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
ui_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

/* How many frames @widget's window paints in the next @ms: an idle window
 * paints none, a running animation about one per 16 ms. */
guint
ui_test_count_frames (GtkWidget *widget,
                      guint      ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint frames = 0;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &frames);
  ui_test_wait_ms (ms);
  g_signal_handler_disconnect (clock, id);
  return frames;
}

gboolean
ui_test_wait_for (gboolean (*done) (gpointer data),
                  gpointer   data,
                  guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (id);
  return done (data);
}

/* Saves what @widget shows to $WALKUP_BUILD_ROOT/screenshots/NAME.png and
 * returns the path. */
char *
ui_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *root = g_getenv ("WALKUP_BUILD_ROOT");
  g_autofree char *dir = g_build_filename (root != NULL ? root : ".", "screenshots", NULL);
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  graphene_rect_t bounds;
  int width, height;

  ui_test_wait_ms (300);   /* let style transitions finish */
  ui_test_wait_drawn (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  graphene_rect_init (&bounds, 0, 0, width, height);
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  return path;
}

gboolean
ui_test_has_label (GtkWidget  *widget,
                   const char *label)
{
  g_autofree char *differs =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  return differs == NULL;
}

gboolean
ui_test_has_description (GtkWidget  *widget,
                         const char *description)
{
  g_autofree char *differs =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  return differs == NULL;
}

/* The first widget, depth first, whose accessible label is @label. */
GtkWidget *
ui_test_find_by_label (GtkWidget  *root,
                       const char *label)
{
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      ui_test_has_label (root, label))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_by_label (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
ui_test_collect_by_type (GtkWidget *root,
                         GType      type,
                         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ui_test_collect_by_type (child, type, out);
}

/* ---- XTest ------------------------------------------------------------ */

typedef int (*FakeKeyFunc)    (Display *, unsigned int, Bool, unsigned long);
typedef int (*FakeButtonFunc) (Display *, unsigned int, Bool, unsigned long);
typedef int (*FakeMotionFunc) (Display *, int, int, int, unsigned long);
typedef int (*SyncFunc)       (Display *, Bool);
typedef Bool (*TranslateFunc) (Display *, Window, Window, int, int, int *, int *, Window *);

static struct
{
  gboolean       tried;
  FakeKeyFunc    key;
  FakeButtonFunc button;
  FakeMotionFunc motion;
  SyncFunc       sync;
  TranslateFunc  translate;
} xtest;

gboolean
ui_test_xtest_available (void)
{
  if (!xtest.tried)
    {
      /* never closed: the library stays for the life of the test */
      void *lib = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_GLOBAL);

      xtest.tried = TRUE;
      if (lib != NULL && GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
        {
          xtest.key = (FakeKeyFunc) dlsym (lib, "XTestFakeKeyEvent");
          xtest.button = (FakeButtonFunc) dlsym (lib, "XTestFakeButtonEvent");
          xtest.motion = (FakeMotionFunc) dlsym (lib, "XTestFakeMotionEvent");
          /* libX11 is already loaded, by GTK */
          xtest.sync = (SyncFunc) dlsym (RTLD_DEFAULT, "XSync");
          xtest.translate = (TranslateFunc) dlsym (RTLD_DEFAULT, "XTranslateCoordinates");
        }
    }
  return xtest.key != NULL && xtest.button != NULL && xtest.motion != NULL &&
         xtest.sync != NULL && xtest.translate != NULL;
}

static Display *
xdisplay (void)
{
  return gdk_x11_display_get_xdisplay (gdk_display_get_default ());
}

/* Presses and releases the key that types @keyval, @delay_ms after the
 * previous fake event (the X server stamps it then). */
gboolean
ui_test_xtest_key (guint keyval,
                   guint delay_ms)
{
  g_autofree GdkKeymapKey *keys = NULL;
  guint keycode = 0;
  int n_keys = 0;

  if (!ui_test_xtest_available ())
    return FALSE;
  if (!gdk_display_map_keyval (gdk_display_get_default (), keyval, &keys, &n_keys))
    return FALSE;
  for (int i = 0; i < n_keys; i++)
    if (keys[i].level == 0 && keys[i].group == 0)
      {
        keycode = keys[i].keycode;
        break;
      }
  if (keycode == 0)
    return FALSE;
  xtest.key (xdisplay (), keycode, True, delay_ms);
  xtest.key (xdisplay (), keycode, False, 0);
  return TRUE;
}

/* Moves the pointer to (@x, @y) in @widget's coordinates. */
gboolean
ui_test_xtest_pointer (GtkWidget *widget,
                       double     x,
                       double     y,
                       guint      delay_ms)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  double nx, ny;
  Window child;
  int root_x, root_y;

  if (!ui_test_xtest_available ())
    return FALSE;
  if (!gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out))
    return FALSE;
  gtk_native_get_surface_transform (native, &nx, &ny);
  xtest.translate (xdisplay (), gdk_x11_surface_get_xid (surface),
                   DefaultRootWindow (xdisplay ()),
                   (int) (out.x + nx), (int) (out.y + ny), &root_x, &root_y, &child);
  xtest.motion (xdisplay (), -1, root_x, root_y, delay_ms);
  return TRUE;
}

gboolean
ui_test_xtest_button (gboolean press,
                      guint    delay_ms)
{
  if (!ui_test_xtest_available ())
    return FALSE;
  xtest.button (xdisplay (), 1, press ? True : False, delay_ms);
  return TRUE;
}

void
ui_test_xtest_sync (void)
{
  if (ui_test_xtest_available ())
    xtest.sync (xdisplay (), False);
}

/* The size a finger sees: the border box, padding included. */
void
ui_test_touch_size (GtkWidget *widget,
                    double    *width,
                    double    *height)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));
  *width = bounds.size.width;
  *height = bounds.size.height;
}

/* Keyboard activation, as Space or Enter on a focused button: GTK shows
 * the press for a moment and then emits ::clicked. */
void
ui_test_activate (GtkWidget *widget)
{
  g_assert_true (gtk_widget_activate (widget));
  ui_test_wait_ms (400);
}

/* A ::notify handler that counts. */
void
ui_test_count_notify (GObject    *object,
                      GParamSpec *pspec,
                      guint      *counter)
{
  (*counter)++;
}
