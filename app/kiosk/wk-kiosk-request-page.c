/* wk-kiosk-request-page.c
 *
 * One tile per category (wk-category.h, with its icon), an optional short
 * description, and "Check in" (kiosk.submit-request), which needs a topic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-request-page"

#include "config.h"

#include "wk-kiosk-request-page.h"

#include "wk-category.h"
#include "wk-icon-image.h"

#include "wk-kiosk-keyboard.h"
#include "wk-osk.h"

#include <glib/gi18n.h>

#define MAX_DESCRIPTION 200

struct _WkKioskRequestPage
{
  AdwBin        parent_instance;

  GtkFlowBox   *categories;
  GtkEntry     *description;
  GtkButton    *submit_button;
  WkOsk *osk;
  GtkRevealer *osk_revealer;

  const char   *category;   /* static, from wk_category_list() */
  GPtrArray    *toggles;    /* owned array of GtkToggleButton (not owned) */
};

G_DEFINE_FINAL_TYPE (WkKioskRequestPage, wk_kiosk_request_page, ADW_TYPE_BIN)

static void
category_toggled_cb (GtkToggleButton    *toggle,
                     WkKioskRequestPage *self)
{
  if (gtk_toggle_button_get_active (toggle))
    self->category = g_object_get_data (G_OBJECT (toggle), "category-id");
  else if (g_strcmp0 (self->category, g_object_get_data (G_OBJECT (toggle), "category-id")) == 0)
    self->category = NULL;
  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), self->category != NULL);
}

static void
submit_cb (WkKioskRequestPage *self)
{
  if (self->category != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.submit-request", NULL);
}

static void
wk_kiosk_request_page_finalize (GObject *object)
{
  WkKioskRequestPage *self = WK_KIOSK_REQUEST_PAGE (object);

  g_clear_pointer (&self->toggles, g_ptr_array_unref);

  G_OBJECT_CLASS (wk_kiosk_request_page_parent_class)->finalize (object);
}

static void
osk_activate_cb (WkKioskRequestPage *self)
{
  submit_cb (self);
}

static void
wk_kiosk_request_page_class_init (WkKioskRequestPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = wk_kiosk_request_page_finalize;

  g_type_ensure (WK_TYPE_OSK);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kiosk/wk-kiosk-request-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WkKioskRequestPage, categories);
  gtk_widget_class_bind_template_child (widget_class, WkKioskRequestPage, description);
  gtk_widget_class_bind_template_child (widget_class, WkKioskRequestPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, WkKioskRequestPage, osk);
  gtk_widget_class_bind_template_child (widget_class, WkKioskRequestPage, osk_revealer);
  gtk_widget_class_bind_template_callback (widget_class, osk_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, submit_cb);
}

static void
wk_kiosk_request_page_init (WkKioskRequestPage *self)
{
  const WkCategory *list;
  guint n = 0;
  GtkToggleButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  wk_osk_set_target (self->osk, GTK_EDITABLE (self->description));
  wk_osk_set_mode (self->osk, WK_OSK_MODE_TEXT);
  wk_kiosk_keyboard_attach (self->osk_revealer, self->osk, GTK_WIDGET (self->description), WK_OSK_MODE_TEXT);
  self->toggles = g_ptr_array_new ();
  gtk_entry_set_max_length (self->description, MAX_DESCRIPTION);

  /* dgettext() rather than wk_category_get_name(): GLib's g_dgettext()
   * decides once per process whether to translate at all, and a kiosk that
   * started untranslated (C.UTF-8, no LANGUAGE) must still switch live */
  list = wk_category_list (&n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
      GtkWidget *icon = wk_icon_image_new (list[i].icon_name, 48);
      GtkWidget *label = gtk_label_new (dgettext (GETTEXT_PACKAGE, list[i].name));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_button_set_child (GTK_BUTTON (toggle), box);
      gtk_widget_add_css_class (toggle, "kiosk-category");
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      dgettext (GETTEXT_PACKAGE, list[i].name), -1);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (toggle), group);
      else
        group = GTK_TOGGLE_BUTTON (toggle);
      g_object_set_data (G_OBJECT (toggle), "category-id", (gpointer) list[i].id);
      g_signal_connect (toggle, "toggled", G_CALLBACK (category_toggled_cb), self);
      gtk_flow_box_append (self->categories, toggle);
      g_ptr_array_add (self->toggles, toggle);
    }
}

GtkWidget *
wk_kiosk_request_page_new (void)
{
  return g_object_new (WK_TYPE_KIOSK_REQUEST_PAGE, NULL);
}

const char *
wk_kiosk_request_page_get_category (WkKioskRequestPage *self)
{
  g_return_val_if_fail (WK_IS_KIOSK_REQUEST_PAGE (self), NULL);
  return self->category;
}

void
wk_kiosk_request_page_set_category (WkKioskRequestPage *self,
                                    const char         *category)
{
  g_return_if_fail (WK_IS_KIOSK_REQUEST_PAGE (self));

  for (guint i = 0; i < self->toggles->len; i++)
    {
      GtkToggleButton *toggle = g_ptr_array_index (self->toggles, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (toggle), "category-id"), category) == 0)
        gtk_toggle_button_set_active (toggle, TRUE);
    }
}

char *
wk_kiosk_request_page_dup_description (WkKioskRequestPage *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (WK_IS_KIOSK_REQUEST_PAGE (self), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description))));
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}


void
wk_kiosk_request_page_set_busy (WkKioskRequestPage *self,
                                gboolean            busy)
{
  g_return_if_fail (WK_IS_KIOSK_REQUEST_PAGE (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->submit_button), !busy && self->category != NULL);
}
