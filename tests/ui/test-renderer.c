/* test-renderer.c — Walkup's windows are drawn with cairo where the only
 * OpenGL is a software rasteriser (as under the tests' Xvfb), and with what
 * GTK chooses otherwise; GSK_RENDERER in the environment always wins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-renderer.h"

#include <string.h>

static const char *
renderer_of (GdkDisplay *display)
{
  GtkWidget *window = gtk_window_new ();
  const char *type;

  gtk_window_set_display (GTK_WINDOW (window), display);
  gtk_widget_realize (window);
  type = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  return type;
}

static void
test_software_gl (void)
{
  GdkDisplay *display = gdk_display_open (NULL);
  g_autofree char *gl = wk_renderer_get_gl_name (display);
  gboolean software = gl != NULL && (strstr (gl, "llvmpipe") != NULL || strstr (gl, "softpipe") != NULL);
  const char *chosen;

  g_test_message ("OpenGL renderer: %s", gl != NULL ? gl : "none");
  g_assert_null (g_getenv ("GSK_RENDERER"));
  chosen = wk_renderer_choose (display);
  if (software)
    {
      g_assert_cmpstr (chosen, ==, "cairo");
      g_assert_cmpstr (renderer_of (display), ==, "GskCairoRenderer");
    }
  else
    g_assert_null (chosen);
  gdk_display_close (display);
}

static void
test_environment_wins (void)
{
  GdkDisplay *display = gdk_display_open (NULL);

  g_setenv ("GSK_RENDERER", "opengl", TRUE);
  g_assert_null (wk_renderer_choose (display));
  g_assert_null (g_object_get_data (G_OBJECT (display), "gsk-renderer"));
  g_unsetenv ("GSK_RENDERER");
  gdk_display_close (display);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/renderer/software-gl", test_software_gl);
  g_test_add_func ("/renderer/environment-wins", test_environment_wins);
  return g_test_run ();
}
