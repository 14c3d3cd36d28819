/* wk-icon-image.c — images whose icons are looked up once and kept
 *
 * GTK 4.8's icon theme keeps an icon nobody shows alive only through its
 * small LRU ring.  When GTK's icon-loading thread pushes an icon off that
 * ring, the icon can be finalized in that thread while a look-up of the same
 * name on the main thread still finds it in the theme's table and takes a
 * reference to it: "g_object_ref: assertion '!object_already_finalized'",
 * an abort under G_DEBUG=fatal-criticals and a use after free otherwise.
 * Pages built again for every person (the kiosk's journey) look their icons
 * up again and again and keep the ring turning.
 *
 * Their icons come from here instead: each name and size is looked up once
 * and held for the rest of the process, so the ring never holds the last
 * reference to one of them and building a page looks nothing up.  Symbolic
 * icons still take the colours of the image's style (GtkSymbolicPaintable).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-icon-image"

#include "config.h"

#include "wk-icon-image.h"

#define DEFAULT_SIZE 16

static int
display_scale (GdkDisplay *display)
{
  GListModel *monitors = gdk_display_get_monitors (display);
  int scale = 1;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      scale = MAX (scale, gdk_monitor_get_scale_factor (monitor));
    }
  return scale;
}

/* The icon @icon_name at @size pixels (or -1: the normal icon size) for the
 * default display, owned by this module for the process's lifetime. */
GdkPaintable *
wk_icon_paintable (const char *icon_name,
                   int         size)
{
  static GHashTable *held;   /* "name/size/scale" → owned GtkIconPaintable */
  GdkDisplay *display = gdk_display_get_default ();
  g_autofree char *key = NULL;
  GtkIconPaintable *icon;
  int scale;

  g_return_val_if_fail (icon_name != NULL, NULL);
  g_return_val_if_fail (display != NULL, NULL);

  if (size <= 0)
    size = DEFAULT_SIZE;
  scale = display_scale (display);
  if (held == NULL)
    held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  key = g_strdup_printf ("%s/%d/%d", icon_name, size, scale);
  icon = g_hash_table_lookup (held, key);
  if (icon == NULL)
    {
      icon = gtk_icon_theme_lookup_icon (gtk_icon_theme_get_for_display (display), icon_name, NULL,
                                         size, scale, gtk_widget_get_default_direction (), 0);
      g_hash_table_insert (held, g_steal_pointer (&key), icon);
    }
  return GDK_PAINTABLE (icon);
}

/* A GtkImage of the icon @icon_name at @size pixels (or -1: the normal icon
 * size), with the icon from wk_icon_paintable(). */
GtkWidget *
wk_icon_image_new (const char *icon_name,
                   int         size)
{
  GtkWidget *image = gtk_image_new_from_paintable (wk_icon_paintable (icon_name, size));

  gtk_image_set_pixel_size (GTK_IMAGE (image), size > 0 ? size : DEFAULT_SIZE);
  return image;
}
