/* wk-renderer.h — which GTK renderer draws Walkup's windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char       *wk_renderer_get_gl_name (GdkDisplay *display);
const char *wk_renderer_choose      (GdkDisplay *display);

G_END_DECLS
