/* wk-renderer.c — which GTK renderer draws Walkup's windows
 *
 * GTK draws with OpenGL where it can.  Where the only OpenGL is Mesa's
 * software rasteriser (llvmpipe or softpipe: a kiosk or thin client without
 * GPU drivers, a virtual machine, Xvfb), every frame is rasterised on the
 * CPU, pixel by pixel, and GTK's cairo renderer draws Walkup's flat pages in
 * less time: on the 2-core development machine under Xvfb, a badge scan's
 * hello page was painted at p95 27.5 ms against 34–38 with OpenGL.  With a
 * GPU, GTK keeps OpenGL.  GSK_RENDERER in the environment always wins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-renderer"

#include "config.h"

#include "wk-renderer.h"

#include <epoxy/gl.h>
#include <string.h>

/**
 * wk_renderer_get_gl_name:
 * @display: a display
 *
 * Returns: (transfer full) (nullable): the name of @display's OpenGL
 *   renderer as GTK would get it ("llvmpipe (LLVM 15.0.6, 256 bits)"), or
 *   NULL without OpenGL
 */
char *
wk_renderer_get_gl_name (GdkDisplay *display)
{
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  char *copy;

  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    {
      g_debug ("No OpenGL: %s", error != NULL ? error->message : "?");
      return NULL;
    }
  gdk_gl_context_make_current (context);
  name = (const char *) glGetString (GL_RENDERER);
  copy = g_strdup (name);
  gdk_gl_context_clear_current ();
  return copy;
}

/**
 * wk_renderer_choose:
 * @display: the display the windows will be on, before any is realized
 *
 * Has GTK draw @display's windows with cairo when its OpenGL is a software
 * rasteriser, unless GSK_RENDERER says otherwise.
 *
 * Returns: (nullable): "cairo" when it chose it, NULL when GTK chooses
 */
const char *
wk_renderer_choose (GdkDisplay *display)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  if (g_getenv ("GSK_RENDERER") != NULL)
    return NULL;
  name = wk_renderer_get_gl_name (display);
  if (name == NULL || (strstr (name, "llvmpipe") == NULL && strstr (name, "softpipe") == NULL))
    return NULL;
  g_debug ("OpenGL is a software rasteriser (%s): drawing with cairo", name);
  g_object_set_data_full (G_OBJECT (display), "gsk-renderer", g_strdup ("cairo"), g_free);
  return "cairo";
}
