/* wk-kiosk-collect-page.c
 *
 * Shown only to a badge (a typed identity is told "ready at the counter").
 * The acknowledgement is the typed name and the finger signature; both are
 * needed before "Confirm collection" (kiosk.confirm-collect).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-collect-page"

#include "config.h"

#include "wk-kiosk-collect-page.h"

#include "wk-signature-pad.h"

#include "wk-kiosk-keyboard.h"
#include "wk-osk.h"

#include <glib/gi18n.h>
#include <string.h>

struct _WkKioskCollectPage
{
  AdwBin          parent_instance;

  GtkLabel       *title_label;
  GtkLabel       *tag_label;
  GtkLabel       *where_label;
  GtkEntry       *name_entry;
  WkSignaturePad *signature;
  GtkButton      *confirm_button;
  WkOsk *osk;
  GtkRevealer *osk_revealer;
  GtkWidget   *back_button;

  WkHardware     *hardware;   /* owned */
  gboolean        busy;
};

G_DEFINE_FINAL_TYPE (WkKioskCollectPage, wk_kiosk_collect_page, ADW_TYPE_BIN)

char *
wk_kiosk_format_location (const char *location)
{
  if (location != NULL && g_str_has_prefix (location, "locker "))
    /* Translators: %s is a locker number */
    return g_strdup_printf (_("In locker %s"), location + strlen ("locker "));
  return g_strdup (_("At the counter"));
}

static void
update_confirm (WkKioskCollectPage *self)
{
  g_autofree char *name = wk_kiosk_collect_page_dup_name (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button),
                            !self->busy && name != NULL
                            && !wk_signature_pad_get_is_empty (self->signature));
}

static void
pad_pressed_cb (WkKioskCollectPage *self)
{
  gtk_revealer_set_reveal_child (self->osk_revealer, FALSE);
}

static void
clear_cb (WkKioskCollectPage *self)
{
  wk_signature_pad_clear (self->signature);
}

static void
confirm_cb (WkKioskCollectPage *self)
{
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->confirm_button)))
    gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.confirm-collect", NULL);
}

static void
wk_kiosk_collect_page_dispose (GObject *object)
{
  WkKioskCollectPage *self = WK_KIOSK_COLLECT_PAGE (object);

  g_clear_object (&self->hardware);

  G_OBJECT_CLASS (wk_kiosk_collect_page_parent_class)->dispose (object);
}

static void
osk_activate_cb (WkKioskCollectPage *self)
{
  /* Enter after the name: out of the way, on to the signature */
  if (wk_signature_pad_get_is_empty (self->signature))
    gtk_revealer_set_reveal_child (self->osk_revealer, FALSE);
  else
    confirm_cb (self);
}

static gboolean
wk_kiosk_collect_page_grab_focus (GtkWidget *widget)
{
  WkKioskCollectPage *self = WK_KIOSK_COLLECT_PAGE (widget);

  /* the item first; the keyboard comes when they tap the name */
  return gtk_widget_grab_focus (self->back_button);
}

static void
wk_kiosk_collect_page_class_init (WkKioskCollectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_kiosk_collect_page_dispose;
  widget_class->grab_focus = wk_kiosk_collect_page_grab_focus;

  g_type_ensure (WK_TYPE_SIGNATURE_PAD);
  g_type_ensure (WK_TYPE_OSK);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kiosk/wk-kiosk-collect-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WkKioskCollectPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, WkKioskCollectPage, tag_label);
  gtk_widget_class_bind_template_child (widget_class, WkKioskCollectPage, where_label);
  gtk_widget_class_bind_template_child (widget_class, WkKioskCollectPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, WkKioskCollectPage, signature);
  gtk_widget_class_bind_template_child (widget_class, WkKioskCollectPage, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, WkKioskCollectPage, osk);
  gtk_widget_class_bind_template_child (widget_class, WkKioskCollectPage, osk_revealer);
  gtk_widget_class_bind_template_child (widget_class, WkKioskCollectPage, back_button);
  gtk_widget_class_bind_template_callback (widget_class, osk_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_confirm);
  gtk_widget_class_bind_template_callback (widget_class, clear_cb);
  gtk_widget_class_bind_template_callback (widget_class, pad_pressed_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_cb);
}

static void
wk_kiosk_collect_page_init (WkKioskCollectPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wk_osk_set_target (self->osk, GTK_EDITABLE (self->name_entry));
  wk_osk_set_mode (self->osk, WK_OSK_MODE_TEXT);
  wk_kiosk_keyboard_attach (self->osk_revealer, self->osk, GTK_WIDGET (self->name_entry), WK_OSK_MODE_TEXT);
}

GtkWidget *
wk_kiosk_collect_page_new (WkHardware *hardware)
{
  WkKioskCollectPage *self;
  g_autofree char *title = NULL;
  g_autofree char *where = NULL;
  const char *tag;

  g_return_val_if_fail (WK_IS_HARDWARE (hardware), NULL);

  self = g_object_new (WK_TYPE_KIOSK_COLLECT_PAGE, NULL);
  self->hardware = g_object_ref (hardware);

  /* Translators: %s is a device, e.g. "ThinkPad T14 Gen 4" */
  title = g_strdup_printf (_("Collect your %s"), wk_hardware_get_description (hardware));
  gtk_label_set_text (self->title_label, title);
  tag = wk_hardware_get_asset_tag (hardware);
  gtk_label_set_text (self->tag_label, tag != NULL ? tag : "—");
  where = wk_kiosk_format_location (wk_hardware_get_location (hardware));
  gtk_label_set_text (self->where_label, where);
  return GTK_WIDGET (self);
}

WkHardware *
wk_kiosk_collect_page_get_hardware (WkKioskCollectPage *self)
{
  g_return_val_if_fail (WK_IS_KIOSK_COLLECT_PAGE (self), NULL);
  return self->hardware;
}

char *
wk_kiosk_collect_page_dup_name (WkKioskCollectPage *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (WK_IS_KIOSK_COLLECT_PAGE (self), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

char *
wk_kiosk_collect_page_dup_signature (WkKioskCollectPage *self)
{
  g_return_val_if_fail (WK_IS_KIOSK_COLLECT_PAGE (self), NULL);

  if (wk_signature_pad_get_is_empty (self->signature))
    return NULL;
  return wk_kiosk_signature_strokes_json (self->signature);
}

/* The strokes as the store keeps them: a JSON array of strokes, each a flat
 * array of x, y (0…WK_SIGNATURE_JSON_SCALE across the pad) and t (ms). */
char *
wk_kiosk_signature_strokes_json (WkSignaturePad *pad)
{
  GString *json = g_string_new ("[");
  guint n = wk_signature_pad_get_n_strokes (pad);

  for (guint i = 0; i < n; i++)
    {
      guint n_points = 0;
      const WkSignaturePoint *points = wk_signature_pad_get_stroke (pad, i, &n_points);

      g_string_append (json, i > 0 ? ",[" : "[");
      for (guint j = 0; j < n_points; j++)
        g_string_append_printf (json, "%s%d,%d,%u", j > 0 ? "," : "",
                                (int) (CLAMP (points[j].x, 0.0, 1.0) * WK_SIGNATURE_JSON_SCALE + 0.5),
                                (int) (CLAMP (points[j].y, 0.0, 1.0) * WK_SIGNATURE_JSON_SCALE + 0.5),
                                points[j].t_ms);
      g_string_append_c (json, ']');
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}


void
wk_kiosk_collect_page_set_busy (WkKioskCollectPage *self,
                                gboolean            busy)
{
  g_return_if_fail (WK_IS_KIOSK_COLLECT_PAGE (self));

  self->busy = busy;
  update_confirm (self);
}
