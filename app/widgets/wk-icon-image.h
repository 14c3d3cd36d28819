/* wk-icon-image.h — images whose icons are looked up once and kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GdkPaintable *wk_icon_paintable     (const char *icon_name,
                                     int         size);
GtkWidget    *wk_icon_image_new     (const char *icon_name,
                                     int         size);

G_END_DECLS
