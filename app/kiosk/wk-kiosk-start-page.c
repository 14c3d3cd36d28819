/* wk-kiosk-start-page.c
 *
 * Lounge name and clock, the queue, three big tiles (each bound to a kiosk.*
 * action), current announcements and the language buttons.  Five taps on
 * the clock within three seconds (counted by the window, kiosk.admin-tap) is
 * the hidden gesture that asks for the admin PIN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-start-page"

#include "config.h"

#include "wk-kiosk-start-page.h"

#include "wk-announcement.h"
#include "wk-clock-label.h"

#include <glib/gi18n.h>


struct _WkKioskStartPage
{
  AdwBin        parent_instance;

  GtkLabel     *lounge_label;
  WkClockLabel *clock;
  GtkLabel     *queue_label;
  GtkBox       *tiles;
  GtkWidget    *announcements_box;
  GtkListBox   *announcements_list;
  GtkLabel     *outbox_label;
};

G_DEFINE_FINAL_TYPE (WkKioskStartPage, wk_kiosk_start_page, ADW_TYPE_BIN)

char *
wk_kiosk_format_queue (guint waiting,
                       int   minutes)
{
  if (waiting == 0)
    return g_strdup (_("No one is waiting"));
  if (minutes < 0)
    /* Translators: people waiting in the lounge's queue */
    return g_strdup_printf (ngettext ("%u waiting", "%u waiting", waiting),
                            waiting);
  {
    /* Translators: "waiting" and the minutes are two plurals in one sentence:
     * this is the number of people waiting, then the line below follows */
    g_autofree char *people = g_strdup_printf (ngettext ("%u waiting",
                                                            "%u waiting", waiting), waiting);
    /* Translators: %s is "N waiting", %d the minutes of the expected wait */
    return g_strdup_printf (ngettext ("%s · about %d min",
                                         "%s · about %d min", (gulong) minutes),
                            people, minutes);
  }
}

static void
clock_pressed_cb (WkKioskStartPage *self,
                  int               n_press,
                  double            x,
                  double            y,
                  GtkGestureClick  *gesture)
{
  /* the window counts the taps of the hidden gesture */
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.admin-tap", NULL);
}

static void
wk_kiosk_start_page_class_init (WkKioskStartPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (WK_TYPE_CLOCK_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kiosk/wk-kiosk-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WkKioskStartPage, lounge_label);
  gtk_widget_class_bind_template_child (widget_class, WkKioskStartPage, clock);
  gtk_widget_class_bind_template_child (widget_class, WkKioskStartPage, queue_label);
  gtk_widget_class_bind_template_child (widget_class, WkKioskStartPage, tiles);
  gtk_widget_class_bind_template_child (widget_class, WkKioskStartPage, announcements_box);
  gtk_widget_class_bind_template_child (widget_class, WkKioskStartPage, announcements_list);
  gtk_widget_class_bind_template_child (widget_class, WkKioskStartPage, outbox_label);
  gtk_widget_class_bind_template_callback (widget_class, clock_pressed_cb);
}

static void
wk_kiosk_start_page_init (WkKioskStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wk_kiosk_start_page_new (void)
{
  return g_object_new (WK_TYPE_KIOSK_START_PAGE, NULL);
}

void
wk_kiosk_start_page_set_lounge (WkKioskStartPage *self,
                                WkLounge         *lounge,
                                GTimeZone        *timezone)
{
  g_return_if_fail (WK_IS_KIOSK_START_PAGE (self));

  gtk_label_set_text (self->lounge_label, lounge != NULL ? wk_lounge_get_name (lounge) : "");
  if (timezone != NULL)
    wk_clock_label_set_timezone (self->clock, timezone);
}

/* For staff, not visitors: a small dim "⇡ N" by the clock while N writes
 * wait in the outbox for the hub; its accessible name says it in words. */
void
wk_kiosk_start_page_set_pending (WkKioskStartPage *self,
                                 guint             pending)
{
  g_autofree char *text = NULL;
  g_autofree char *words = NULL;

  g_return_if_fail (WK_IS_KIOSK_START_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->outbox_label), pending > 0);
  if (pending == 0)
    return;
  text = g_strdup_printf ("⇡ %u", pending);
  words = g_strdup_printf (ngettext ("%u change waits to be sent to the hub",
                                     "%u changes wait to be sent to the hub", pending), pending);
  gtk_label_set_text (self->outbox_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->outbox_label), words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->outbox_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
}

/* Three tiles side by side on a landscape screen, stacked on a portrait one. */
void
wk_kiosk_start_page_set_portrait (WkKioskStartPage *self,
                                  gboolean          portrait)
{
  g_return_if_fail (WK_IS_KIOSK_START_PAGE (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->tiles),
                                  portrait ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
}

void
wk_kiosk_start_page_set_queue (WkKioskStartPage *self,
                               guint             waiting,
                               int               minutes)
{
  g_autofree char *text = NULL;

  g_return_if_fail (WK_IS_KIOSK_START_PAGE (self));

  text = wk_kiosk_format_queue (waiting, minutes);
  gtk_label_set_text (self->queue_label, text);
}

static GtkWidget *
announcement_row (WkAnnouncement *announcement)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (wk_announcement_get_title (announcement));
  const char *body = wk_announcement_get_body (announcement);

  gtk_widget_add_css_class (box, "kiosk-announcement");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  if (body != NULL && *body != '\0')
    {
      GtkWidget *text = gtk_label_new (body);

      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_lines (GTK_LABEL (text), 2);
      gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), text);
    }
  return box;
}

void
wk_kiosk_start_page_set_announcements (WkKioskStartPage *self,
                                       GListModel       *announcements)
{
  GtkWidget *child;
  guint n;

  g_return_if_fail (WK_IS_KIOSK_START_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->announcements_list))) != NULL)
    gtk_list_box_remove (self->announcements_list, child);

  /* three fit at arm's length; the newest first */
  n = announcements != NULL ? MIN (g_list_model_get_n_items (announcements), 3) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkAnnouncement) announcement = g_list_model_get_item (announcements, i);
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), announcement_row (announcement));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->announcements_list, row);
    }
  gtk_widget_set_visible (self->announcements_box, n > 0);
}
