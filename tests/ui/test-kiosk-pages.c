/* test-kiosk-pages.c — each kiosk page on its own: what it shows, what it
 * hides (privacy), what it asks before it lets the person go on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-hardware.h"
#include "wk-identity.h"
#include "wk-kiosk-closed-page.h"
#include "wk-kiosk-collect-page.h"
#include "wk-kiosk-confirm-page.h"
#include "wk-kiosk-feedback-page.h"
#include "wk-kiosk-guest-page.h"
#include "wk-kiosk-hello-page.h"
#include "wk-kiosk-identify-page.h"
#include "wk-kiosk-request-page.h"
#include "wk-kiosk-start-page.h"
#include "wk-lounge.h"
#include "wk-osk.h"
#include "wk-rating-faces.h"
#include "wk-signature-pad.h"
#include "wk-ticket.h"
#include "wk-visit.h"

#include <glib/gi18n.h>
#include <string.h>

/* Every text the widget tree shows: labels and accessible names of buttons. */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget))
    g_string_append_printf (out, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
text_of (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_text (widget, out);
  return g_string_free (out, FALSE);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static WkIdentity *
make_identity (WkIdentifiedBy by)
{
  g_autoptr(GListStore) tickets = g_list_store_new (WK_TYPE_TICKET);
  g_autoptr(GListStore) hardware = g_list_store_new (WK_TYPE_HARDWARE);
  g_autoptr(WkPerson) person = g_object_new (WK_TYPE_PERSON, "id", (gint64) 7,
                                             "display-name", "Priya Sharma",
                                             "preferred-name", "Priya", NULL);
  g_autoptr(WkTicket) ticket = g_object_new (WK_TYPE_TICKET, "id", (gint64) 42,
                                             "ref", "WK-10042",
                                             "subject", "Laptop fan is very loud",
                                             "category", "hardware", NULL);
  g_autoptr(WkHardware) item = g_object_new (WK_TYPE_HARDWARE, "id", (gint64) 3,
                                             "description", "ThinkPad T14 Gen 4",
                                             "asset-tag", "AMS-001234",
                                             "status", WK_HARDWARE_STATUS_READY,
                                             "location", "locker 12", NULL);

  g_list_store_append (tickets, ticket);
  g_list_store_append (hardware, item);
  return g_object_new (WK_TYPE_IDENTITY, "identified-by", by, "person", person,
                       "tickets", tickets, "hardware", hardware, NULL);
}

static void
test_hello_badge_shows_details (void)
{
  g_autoptr(WkIdentity) identity = make_identity (WK_IDENTIFIED_BY_BADGE);
  GtkWidget *page = g_object_ref_sink (wk_kiosk_hello_page_new (identity, TRUE));
  g_autofree char *text = text_of (page);

  g_assert_nonnull (strstr (text, "Hi Priya"));
  g_assert_nonnull (strstr (text, "Laptop fan is very loud"));
  g_assert_nonnull (strstr (text, "WK-10042"));
  g_assert_nonnull (strstr (text, "ThinkPad T14 Gen 4"));
  g_assert_nonnull (strstr (text, "AMS-001234"));
  g_assert_nonnull (strstr (text, "locker 12"));
  g_assert_nonnull (strstr (text, "Something else"));
  g_object_unref (page);
}

static void
test_hello_typed_shows_less (void)
{
  WkIdentifiedBy typed[] = { WK_IDENTIFIED_BY_EMAIL, WK_IDENTIFIED_BY_EMPLOYEE_NO,
                             WK_IDENTIFIED_BY_TICKET_REF };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(WkIdentity) identity = make_identity (typed[i]);
      GtkWidget *page = g_object_ref_sink (wk_kiosk_hello_page_new (identity, TRUE));
      g_autofree char *text = text_of (page);

      g_assert_nonnull (strstr (text, "Hi Priya"));
      g_assert_nonnull (strstr (text, "WK-10042"));
      g_assert_nonnull (strstr (text, "Laptop or desktop"));   /* the category */
      g_assert_null (strstr (text, "Laptop fan is very loud"));
      g_assert_null (strstr (text, "ThinkPad"));
      g_assert_null (strstr (text, "AMS-001234"));
      g_assert_null (strstr (text, "locker"));
      g_assert_nonnull (strstr (text, "ready for you at the counter"));
      g_object_unref (page);
    }
}

static void
test_ticket_card_title (void)
{
  g_autoptr(WkTicket) ticket = g_object_new (WK_TYPE_TICKET, "ref", "WK-1", "subject", "VPN drops",
                                             "category", "network", NULL);
  g_autoptr(WkTicket) odd = g_object_new (WK_TYPE_TICKET, "ref", "WK-2", "subject", "x",
                                          "category", "no-such-category", NULL);
  g_autofree char *strong = wk_kiosk_ticket_card_title (ticket, TRUE);
  g_autofree char *weak = wk_kiosk_ticket_card_title (ticket, FALSE);
  g_autofree char *other = wk_kiosk_ticket_card_title (odd, FALSE);

  g_assert_cmpstr (strong, ==, "VPN drops");
  g_assert_cmpstr (weak, ==, "Wi-Fi, VPN and network");
  g_assert_cmpstr (other, ==, "Something else");
}

static void
test_formats (void)
{
  g_autofree char *none = wk_kiosk_format_queue (0, 0);
  g_autofree char *one = wk_kiosk_format_queue (1, 10);
  g_autofree char *three = wk_kiosk_format_queue (3, 25);
  g_autofree char *unknown = wk_kiosk_format_queue (2, -1);
  g_autofree char *wait_none = wk_kiosk_format_wait (-1);
  g_autofree char *wait_short = wk_kiosk_format_wait (20);
  g_autofree char *wait_long = wk_kiosk_format_wait (12 * 60 + 10);
  g_autofree char *locker = wk_kiosk_format_location ("locker 12");
  g_autofree char *counter = wk_kiosk_format_location ("counter");
  g_autofree char *nowhere = wk_kiosk_format_location (NULL);

  g_assert_cmpstr (none, ==, "No one is waiting");
  g_assert_cmpstr (one, ==, "1 waiting · about 10 min");
  g_assert_cmpstr (three, ==, "3 waiting · about 25 min");
  g_assert_cmpstr (unknown, ==, "2 waiting");
  g_assert_null (wait_none);
  g_assert_cmpstr (wait_short, ==, "less than a minute");
  g_assert_cmpstr (wait_long, ==, "about 12 min");
  g_assert_cmpstr (locker, ==, "In locker 12");
  g_assert_cmpstr (counter, ==, "At the counter");
  g_assert_cmpstr (nowhere, ==, "At the counter");
}

static void
test_confirm (void)
{
  g_autoptr(WkVisit) visit = g_object_new (WK_TYPE_VISIT, "id", (gint64) 9,
                                           "guest-name", "Ada", "person-name", "Ada",
                                           "reason", "printing", "position", 3u,
                                           "estimated-wait-s", (gint64) 900, NULL);
  GtkWidget *page = g_object_ref_sink (wk_kiosk_confirm_page_new (visit));
  g_autofree char *text = text_of (page);

  g_assert_nonnull (strstr (text, "You are number 3"));
  g_assert_nonnull (strstr (text, "2 people ahead of you · about 15 min"));
  g_assert_nonnull (strstr (text, "printer"));    /* the printing tip */
  g_object_unref (page);
}

static void
test_request_needs_a_topic (void)
{
  GtkWidget *page = g_object_ref_sink (wk_kiosk_request_page_new ());
  GtkWidget *submit = find_button (page, "Check in");
  g_autofree char *description = NULL;

  g_assert_nonnull (submit);
  g_assert_false (gtk_widget_get_sensitive (submit));
  g_assert_null (wk_kiosk_request_page_get_category (WK_KIOSK_REQUEST_PAGE (page)));
  wk_kiosk_request_page_set_category (WK_KIOSK_REQUEST_PAGE (page), "network");
  g_assert_cmpstr (wk_kiosk_request_page_get_category (WK_KIOSK_REQUEST_PAGE (page)), ==, "network");
  g_assert_true (gtk_widget_get_sensitive (submit));
  g_assert_null (wk_kiosk_request_page_dup_description (WK_KIOSK_REQUEST_PAGE (page)));
  g_object_unref (page);
}

static void
test_guest (void)
{
  GtkWidget *page = g_object_ref_sink (wk_kiosk_guest_page_new ());
  GtkWidget *go = find_button (page, "Continue");
  GtkWidget *osk = find_type (page, WK_TYPE_OSK);
  g_autofree char *name = NULL;

  g_assert_nonnull (osk);
  g_assert_false (gtk_widget_get_sensitive (go));
  /* the on-screen keyboard types into the name first */
  gtk_editable_set_text (wk_osk_get_target (WK_OSK (osk)), "  Ada Guest ");
  g_assert_true (gtk_widget_get_sensitive (go));
  name = wk_kiosk_guest_page_dup_name (WK_KIOSK_GUEST_PAGE (page));
  g_assert_cmpstr (name, ==, "Ada Guest");
  g_assert_null (wk_kiosk_guest_page_dup_email (WK_KIOSK_GUEST_PAGE (page)));
  g_object_unref (page);
}

static void
test_feedback_steps (void)
{
  GtkWidget *page = g_object_ref_sink (wk_kiosk_feedback_page_new (TRUE));
  WkKioskFeedbackPage *feedback = WK_KIOSK_FEEDBACK_PAGE (page);
  GtkWidget *faces = find_type (page, WK_TYPE_RATING_FACES);
  GtkWidget *slow = find_button (page, "It took too long");
  GtkStack *steps = GTK_STACK (find_type (page, GTK_TYPE_STACK));
  g_auto(GStrv) tags = NULL;

  g_assert_nonnull (faces);
  g_assert_cmpint (wk_kiosk_feedback_page_get_score (feedback), ==, 0);
  g_signal_emit_by_name (faces, "rated", 2);
  g_assert_cmpint (wk_kiosk_feedback_page_get_score (feedback), ==, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (steps), ==, "fixed");
  g_signal_emit_by_name (find_button (page, "No"), "clicked");
  g_assert_cmpint (wk_kiosk_feedback_page_get_resolved (feedback), ==, WK_SURVEY_RESOLVED_NO);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (steps), ==, "details");

  g_assert_nonnull (slow);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (slow), TRUE);
  tags = wk_kiosk_feedback_page_dup_tags (feedback);
  g_assert_cmpstrv (tags, ((const char * const[]) { "speed", NULL }));
  g_assert_false (wk_kiosk_feedback_page_get_contact (feedback));
  g_object_unref (page);
}

static void
test_feedback_anonymous_never_asks_to_contact (void)
{
  GtkWidget *page = g_object_ref_sink (wk_kiosk_feedback_page_new (FALSE));
  GtkWidget *check = find_type (page, GTK_TYPE_CHECK_BUTTON);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_false (wk_kiosk_feedback_page_get_contact (WK_KIOSK_FEEDBACK_PAGE (page)));
  g_object_unref (page);
}

static void
test_collect_needs_name_and_signature (void)
{
  g_autoptr(WkHardware) item = g_object_new (WK_TYPE_HARDWARE, "id", (gint64) 3,
                                             "description", "ThinkPad T14 Gen 4",
                                             "asset-tag", "AMS-001234",
                                             "status", WK_HARDWARE_STATUS_READY,
                                             "location", "locker 12", NULL);
  GtkWidget *page = g_object_ref_sink (wk_kiosk_collect_page_new (item));
  WkKioskCollectPage *collect = WK_KIOSK_COLLECT_PAGE (page);
  GtkWidget *confirm = find_button (page, "Confirm collection");
  GtkWidget *pad = find_type (page, WK_TYPE_SIGNATURE_PAD);
  GtkWidget *osk = find_type (page, WK_TYPE_OSK);
  g_autofree char *text = text_of (page);
  g_autofree char *signature = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (text, "Collect your ThinkPad T14 Gen 4"));
  g_assert_nonnull (strstr (text, "AMS-001234"));
  g_assert_nonnull (strstr (text, "In locker 12"));
  g_assert_false (gtk_widget_get_sensitive (confirm));

  gtk_editable_set_text (wk_osk_get_target (WK_OSK (osk)), "Priya Sharma");
  g_assert_false (gtk_widget_get_sensitive (confirm));    /* no signature yet */
  g_assert_null (wk_kiosk_collect_page_dup_signature (collect));
  g_assert_true (wk_signature_pad_load_json (WK_SIGNATURE_PAD (pad),
                                             "{\"version\":1,\"width\":480,\"height\":220,"
                                             "\"strokes\":[[1000,1000,0,5000,5000,40,9000,2000,80]]}",
                                             &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_sensitive (confirm));
  signature = wk_kiosk_collect_page_dup_signature (collect);
  g_assert_nonnull (signature);
  g_assert_cmpstr (signature, ==, "[[1000,1000,0,5000,5000,40,9000,2000,80]]");

  wk_kiosk_collect_page_set_busy (collect, TRUE);
  g_assert_false (gtk_widget_get_sensitive (confirm));
  g_object_unref (page);
}

static void
test_start_and_closed (void)
{
  g_autoptr(WkLounge) lounge = g_object_new (WK_TYPE_LOUNGE, "id", (gint64) 1,
                                             "name", "Tech Lounge Amsterdam",
                                             "opening-hours", "mon-fri 08:00-18:00",
                                             "phone", "+31 20 555 0142",
                                             "timezone", "Europe/Amsterdam", NULL);
  GtkWidget *start = g_object_ref_sink (wk_kiosk_start_page_new ());
  GtkWidget *closed = g_object_ref_sink (wk_kiosk_closed_page_new ());
  g_autofree char *start_text = NULL;
  g_autofree char *closed_text = NULL;

  wk_kiosk_start_page_set_lounge (WK_KIOSK_START_PAGE (start), lounge, NULL);
  wk_kiosk_start_page_set_queue (WK_KIOSK_START_PAGE (start), 4, 18);
  wk_kiosk_closed_page_set_lounge (WK_KIOSK_CLOSED_PAGE (closed), lounge);
  start_text = text_of (start);
  closed_text = text_of (closed);

  g_assert_nonnull (strstr (start_text, "Tech Lounge Amsterdam"));
  g_assert_nonnull (strstr (start_text, "4 waiting · about 18 min"));
  g_assert_nonnull (strstr (start_text, "Check in"));
  g_assert_nonnull (strstr (start_text, "Collect a device"));
  g_assert_nonnull (strstr (start_text, "Tell us how we did"));
  g_assert_nonnull (strstr (start_text, "Deutsch"));
  g_assert_nonnull (strstr (closed_text, "For urgent help call +31 20 555 0142"));
  g_object_unref (start);
  g_object_unref (closed);
}

static void
test_identify_modes (void)
{
  GtkWidget *page = g_object_ref_sink (wk_kiosk_identify_page_new (FALSE));
  WkKioskIdentifyPage *identify = WK_KIOSK_IDENTIFY_PAGE (page);
  GtkWidget *osk = find_type (page, WK_TYPE_OSK);

  g_assert_cmpint (wk_kiosk_identify_page_get_mode (identify), ==, WK_IDENTIFIED_BY_EMAIL);
  g_assert_cmpint (wk_osk_get_mode (WK_OSK (osk)), ==, WK_OSK_MODE_EMAIL);
  g_assert_true (wk_osk_get_target (WK_OSK (osk)) == wk_kiosk_identify_page_get_entry (identify));
  wk_kiosk_identify_page_set_mode (identify, WK_IDENTIFIED_BY_TICKET_REF);
  g_assert_cmpint (wk_kiosk_identify_page_get_mode (identify), ==, WK_IDENTIFIED_BY_TICKET_REF);
  g_assert_cmpint (wk_osk_get_mode (WK_OSK (osk)), ==, WK_OSK_MODE_TEXT);
  /* no guest button when collecting */
  g_assert_null (find_button (page, "Continue without a badge or account")
                 && gtk_widget_get_visible (find_button (page, "Continue without a badge or account"))
                 ? page : NULL);
  g_object_unref (page);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("WALKUP_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/kiosk/pages/hello-badge-shows-details", test_hello_badge_shows_details);
  g_test_add_func ("/kiosk/pages/hello-typed-shows-less", test_hello_typed_shows_less);
  g_test_add_func ("/kiosk/pages/ticket-card-title", test_ticket_card_title);
  g_test_add_func ("/kiosk/pages/formats", test_formats);
  g_test_add_func ("/kiosk/pages/confirm", test_confirm);
  g_test_add_func ("/kiosk/pages/request-needs-a-topic", test_request_needs_a_topic);
  g_test_add_func ("/kiosk/pages/guest", test_guest);
  g_test_add_func ("/kiosk/pages/feedback-steps", test_feedback_steps);
  g_test_add_func ("/kiosk/pages/feedback-anonymous", test_feedback_anonymous_never_asks_to_contact);
  g_test_add_func ("/kiosk/pages/collect-needs-name-and-signature", test_collect_needs_name_and_signature);
  g_test_add_func ("/kiosk/pages/start-and-closed", test_start_and_closed);
  g_test_add_func ("/kiosk/pages/identify-modes", test_identify_modes);

  return g_test_run ();
}
