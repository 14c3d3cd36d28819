/* wk-kiosk-hello-page.c
 *
 * Hardware ready for her comes first, then a pending survey (skippable:
 * kiosk.rate-pending / "Not now"), then her open tickets as big cards
 * (kiosk.pick-ticket with the ticket id) and "Something else"
 * (kiosk.something-else).  Privacy: a typed identity sees ticket
 * references and categories only, and "ready at the counter" without the
 * item or its asset tag; a badge sees subjects and asset tags.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-hello-page"

#include "config.h"

#include "wk-kiosk-hello-page.h"

#include "wk-category.h"
#include "wk-hardware.h"
#include "wk-icon-image.h"
#include "wk-ticket.h"

#include <glib/gi18n.h>
#include <string.h>

struct _WkKioskHelloPage
{
  AdwBin      parent_instance;

  GtkLabel   *greeting_label;
  GtkWidget  *hardware_box;
  GtkWidget  *survey_box;
  GtkImage   *survey_icon;
  GtkWidget  *tickets_box;
  GtkLabel   *tickets_heading;
};

G_DEFINE_FINAL_TYPE (WkKioskHelloPage, wk_kiosk_hello_page, ADW_TYPE_BIN)

char *
wk_kiosk_ticket_card_title (WkTicket *ticket,
                            gboolean  strong)
{
  const WkCategory *category;

  g_return_val_if_fail (WK_IS_TICKET (ticket), NULL);

  if (strong && wk_ticket_get_subject (ticket) != NULL && *wk_ticket_get_subject (ticket) != '\0')
    return g_strdup (wk_ticket_get_subject (ticket));
  category = wk_category_lookup (wk_ticket_get_category (ticket));
  if (category == NULL)
    category = wk_category_lookup ("other");
  return g_strdup (dgettext (GETTEXT_PACKAGE, category->name));
}

static GtkWidget *
card_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* never narrower than this (the narrowest kiosk leaves room for twice as
   * much): GTK measures a wrapping label's minimum width by laying it out
   * at this width, and at 0 that is a line, and a shaping, per word */
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* What a card shows: an icon, then a title (if any) above a caption (if
 * any), then an arrow if it can be tapped.
 *
 * A grid, not a vertical box of labels inside a horizontal box: GTK 4.8
 * sizes that nesting by a binary search over widths, laying every wrapping
 * label out again at each step, which made a hello page of twenty tickets
 * cost tens of milliseconds of text layout per scan.  A grid asks each label
 * once for its height at its width. */
static GtkWidget *
card_content (const char *icon_name,
              int         icon_size,
              const char *title,
              const char *caption,
              gboolean    arrow)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *icon = wk_icon_image_new (icon_name, icon_size);
  int rows = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_widget_set_valign (grid, GTK_ALIGN_CENTER);
  if (title != NULL)
    gtk_grid_attach (GTK_GRID (grid), card_label (title, "kiosk-card-title"), 1, rows++, 1, 1);
  if (caption != NULL)
    gtk_grid_attach (GTK_GRID (grid), card_label (caption, "kiosk-card-caption"), 1, rows++, 1, 1);
  gtk_widget_set_hexpand (gtk_grid_get_child_at (GTK_GRID (grid), 1, 0), TRUE);
  gtk_grid_attach (GTK_GRID (grid), icon, 0, 0, 1, rows);
  if (arrow)
    gtk_grid_attach (GTK_GRID (grid), wk_icon_image_new ("go-next-symbolic", -1), 2, 0, 1, rows);
  return grid;
}

/* A card that is not a button: the content centred in it, like a button's. */
static GtkWidget *
card_bin (GtkWidget *content)
{
  GtkWidget *card = adw_bin_new ();

  adw_bin_set_child (ADW_BIN (card), content);
  gtk_widget_add_css_class (card, "kiosk-card");
  return card;
}

/* A big button: icon, title, caption; named for assistive technologies by
 * its title and caption together. */
static GtkWidget *
card_button (const char *icon_name,
             const char *title,
             const char *caption,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new ();
  g_autofree char *name = caption != NULL ? g_strdup_printf ("%s — %s", title, caption)
                                          : g_strdup (title);

  gtk_button_set_child (GTK_BUTTON (button), card_content (icon_name, 48, title, caption, TRUE));
  gtk_widget_add_css_class (button, "kiosk-card");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}

static void
add_hardware (WkKioskHelloPage *self,
              GListModel       *hardware,
              gboolean          strong)
{
  guint n = g_list_model_get_n_items (hardware);
  gboolean told_counter = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkHardware) item = g_list_model_get_item (hardware, i);
      WkHardwareStatus status = wk_hardware_get_status (item);
      GtkWidget *card = NULL;

      if (status == WK_HARDWARE_STATUS_READY && strong)
        {
          const char *location = wk_hardware_get_location (item);
          const char *tag = wk_hardware_get_asset_tag (item);
          g_autofree char *title = NULL;
          g_autofree char *where = NULL;
          g_autofree char *caption = NULL;

          /* Translators: %s is a device, e.g. "ThinkPad T14 Gen 4" */
          title = g_strdup_printf (_("Your %s is ready"), wk_hardware_get_description (item));
          if (location != NULL && g_str_has_prefix (location, "locker "))
            /* Translators: %s is a locker number */
            where = g_strdup_printf (_("In locker %s"), location + strlen ("locker "));
          else
            where = g_strdup (_("At the counter"));
          if (tag != NULL)
            /* Translators: the first %s is where ("In locker 12"), the second an asset tag */
            caption = g_strdup_printf (_("%s · asset tag %s · tap to collect"), where, tag);
          else
            /* Translators: %s is where ("In locker 12") */
            caption = g_strdup_printf (_("%s · tap to collect"), where);
          card = card_button ("package-x-generic-symbolic", title, caption,
                              "kiosk.collect-item", g_variant_new_int64 (wk_hardware_get_id (item)));
          gtk_widget_add_css_class (card, "kiosk-ready");
        }
      else if (status == WK_HARDWARE_STATUS_READY && !told_counter)
        {
          /* typed: no item, no asset tag, no locker; they ask at the counter */
          card = card_bin (card_content ("package-x-generic-symbolic", 48,
                                         _("Something is ready for you at the counter"),
                                         _("Scan your badge to collect it yourself, or ask at the counter."),
                                         FALSE));
          gtk_widget_add_css_class (card, "kiosk-ready");
          told_counter = TRUE;
        }
      else if (status == WK_HARDWARE_STATUS_PREPARING && strong)
        {
          g_autofree char *title = NULL;

          /* Translators: %s is a device, e.g. "ThinkPad T14 Gen 4" */
          title = g_strdup_printf (_("Your %s is being prepared"), wk_hardware_get_description (item));
          card = card_bin (card_content ("preferences-system-time-symbolic", -1, NULL, title, FALSE));
        }

      if (card != NULL)
        gtk_box_append (GTK_BOX (self->hardware_box), card);
    }
  gtk_widget_set_visible (self->hardware_box, gtk_widget_get_first_child (self->hardware_box) != NULL);
}

static void
add_tickets (WkKioskHelloPage *self,
             GListModel       *tickets,
             gboolean          strong)
{
  guint n = tickets != NULL ? g_list_model_get_n_items (tickets) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkTicket) ticket = g_list_model_get_item (tickets, i);
      g_autofree char *title = wk_kiosk_ticket_card_title (ticket, strong);
      g_autofree char *caption = NULL;
      const WkCategory *category = wk_category_lookup (wk_ticket_get_category (ticket));

      /* Translators: %s is a ticket reference such as WK-10042 */
      caption = g_strdup_printf (_("%s · I’m here about this"), wk_ticket_get_ref (ticket));
      gtk_box_append (GTK_BOX (self->tickets_box),
                      card_button (category != NULL ? category->icon_name : "help-about-symbolic",
                                   title, caption, "kiosk.pick-ticket",
                                   g_variant_new_int64 (wk_ticket_get_id (ticket))));
    }

  gtk_label_set_text (self->tickets_heading,
                      n > 0 ? _("What brings you here today?") : _("How can we help today?"));
  gtk_box_append (GTK_BOX (self->tickets_box),
                  card_button ("list-add-symbolic",
                               n > 0 ? _("Something else") : _("Tell us what you need"),
                               _("Choose a topic and we open a ticket for you"),
                               "kiosk.something-else", NULL));
}

static void
not_now_cb (WkKioskHelloPage *self)
{
  wk_kiosk_hello_page_hide_survey (self);
}

static void
wk_kiosk_hello_page_class_init (WkKioskHelloPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kiosk/wk-kiosk-hello-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WkKioskHelloPage, greeting_label);
  gtk_widget_class_bind_template_child (widget_class, WkKioskHelloPage, hardware_box);
  gtk_widget_class_bind_template_child (widget_class, WkKioskHelloPage, survey_box);
  gtk_widget_class_bind_template_child (widget_class, WkKioskHelloPage, survey_icon);
  gtk_widget_class_bind_template_child (widget_class, WkKioskHelloPage, tickets_box);
  gtk_widget_class_bind_template_child (widget_class, WkKioskHelloPage, tickets_heading);
  gtk_widget_class_bind_template_callback (widget_class, not_now_cb);
}

static void
wk_kiosk_hello_page_init (WkKioskHelloPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_image_set_from_paintable (self->survey_icon, wk_icon_paintable ("face-smile-symbolic", 48));
}

GtkWidget *
wk_kiosk_hello_page_new (WkIdentity *identity,
                         gboolean    offer_survey)
{
  WkKioskHelloPage *self;
  WkPerson *person;
  gboolean strong;
  g_autofree char *greeting = NULL;

  g_return_val_if_fail (WK_IS_IDENTITY (identity), NULL);

  self = g_object_new (WK_TYPE_KIOSK_HELLO_PAGE, NULL);
  person = wk_identity_get_person (identity);
  strong = wk_identity_is_strong (identity);

  if (person != NULL)
    /* Translators: a greeting; %s is the person's preferred name */
    greeting = g_strdup_printf (_("Hi %s"), wk_person_get_greeting_name (person));
  else
    greeting = g_strdup (_("Hello"));
  gtk_label_set_text (self->greeting_label, greeting);

  add_hardware (self, wk_identity_get_hardware (identity), strong);
  gtk_widget_set_visible (self->survey_box,
                          offer_survey && wk_identity_get_pending_survey (identity) != NULL);
  add_tickets (self, wk_identity_get_tickets (identity), strong);
  return GTK_WIDGET (self);
}

void
wk_kiosk_hello_page_hide_survey (WkKioskHelloPage *self)
{
  g_return_if_fail (WK_IS_KIOSK_HELLO_PAGE (self));

  gtk_widget_set_visible (self->survey_box, FALSE);
}
