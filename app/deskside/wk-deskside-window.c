/* wk-deskside-window.c — the deskside face's window
 *
 * Sign in, then a split view: the lists on the left (Queue, My visits,
 * Tickets, Hardware) and the visitor or ticket on the right; folded into
 * one column on narrow screens.  Every command is a window action with an
 * accelerator (see the shortcuts window).
 *
 * Live data: events are read in order from the desk's event log
 * (wk_desk_list_events) from a cursor, whenever the desk says something
 * changed: its own subscription (changes made in this process, handled at
 * once when they follow the cursor, and for the local desk also those that
 * other programs such as the kiosk log in the same database).
 * A check-in adds its one visit to the queue (wk_desk_get_visit); any other
 * change of a visit of this lounge, which moves the others' places, lists
 * the queue again and swaps in only the visits that changed.  The lists are
 * GtkListViews: rows exist only around what is on screen (GTK 4.8 keeps
 * about 200).  The one timer only repaints wait timers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-deskside-window"

#include "config.h"

#include "wk-deskside-window.h"

#include "wk-deskside-finish-dialog.h"
#include "wk-deskside-format.h"
#include "wk-deskside-hardware-dialog.h"
#include "wk-deskside-hardware-row.h"
#include "wk-deskside-sign-in-page.h"
#include "wk-deskside-ticket-pane.h"
#include "wk-deskside-ticket-row.h"
#include "wk-deskside-visit-row.h"
#include "wk-deskside-visitor-pane.h"
#include "wk-error.h"
#include "wk-lounge.h"
#include "wk-notifier.h"

#include <glib/gi18n.h>
#include <string.h>

#define TICK_SECONDS     5
#define EVENTS_PAGE      200
/* tickets found come a page at a time, the next one when the list is
 * scrolled near its end: GTK 4.8's list view makes (and lays out) a row
 * for every ticket listed, not only for those on screen, so a short first
 * page shows the newest matches soonest */
#define SEARCH_PAGE      25

struct _WkDesksideWindow
{
  WkFaceWindow           parent_instance;

  /* template */
  AdwToastOverlay       *toasts;
  GtkStack              *main_stack;
  WkDesksideSignInPage  *sign_in_page;
  AdwLeaflet            *leaflet;
  AdwViewSwitcherTitle  *switcher_title;
  AdwViewStack          *view_stack;
  GtkRevealer           *offline_revealer;
  GtkLabel              *offline_label;
  GtkButton             *retry_button;
  GtkButton             *dismiss_refused_button;
  GtkStack              *queue_stack;
  GtkListView           *queue_list;
  GtkStack              *mine_stack;
  GtkListView           *mine_list;
  GtkSearchEntry        *ticket_search;
  GtkDropDown           *status_filter;
  GtkToggleButton       *mine_toggle;
  GtkDropDown           *lounge_filter;
  GtkStack              *tickets_stack;
  GtkListView           *tickets_list;
  GtkToggleButton       *preparing_toggle;
  GtkToggleButton       *ready_toggle;
  GtkToggleButton       *collected_toggle;
  GtkListBox            *hardware_list;
  GtkStack              *detail_stack;
  AdwWindowTitle        *detail_title;
  WkDesksideVisitorPane *visitor_pane;
  WkDesksideTicketPane  *ticket_pane;
  GMenu                 *lounge_menu;

  /* state */
  GSettings             *settings;          /* owned */
  WkNotifier            *notifier;          /* owned */
  WkSession             *session;           /* owned; NULL before sign-in */
  GCancellable          *cancellable;       /* owned: the session's work */
  GCancellable          *search_cancellable;/* owned: the running search */
  WkTicketQuery         *search_query;      /* owned: the search listed, for its next page */
  gboolean               search_filtered;   /* it has a filter besides the words */
  gboolean               search_more;       /* its last page was full: there may be more */
  gboolean               search_paging;     /* its next page is on its way */
  GListStore            *queue;             /* owned, of WkVisit */
  GtkSingleSelection    *queue_selection;   /* owned */
  GtkFilterListModel    *mine;              /* owned */
  GListStore            *tickets;           /* owned, of WkTicket */
  GListStore            *hardware;          /* owned, of WkHardware */
  GListStore            *lounges;           /* owned, of WkLounge */
  GtkStringList         *lounge_names;      /* owned: for the ticket filter */
  gint64                 lounge_id;
  char                  *desk_name;         /* owned */

  gint64                 cursor;            /* last event handled; -1 until known */
  gint64                 probe_lo;          /* cursor search: events after it */
  gint64                 probe_hi;          /* cursor search: none after it */
  gint64                 probe_after;       /* cursor search: the probe in flight */
  gboolean               probe_galloping;
  gboolean               events_loading;
  gboolean               events_again;
  guint                  subscription;

  gboolean               queue_loading;
  gboolean               queue_again;
  guint                  queue_serial;      /* counts the full listings asked for */
  gboolean               no_single_visits;  /* the desk refused wk_desk_get_visit */
  GArray                *checked_in;        /* gint64 visit ids to announce */
  GPtrArray             *announcing;        /* owned, of WkVisit: to announce when idle */
  guint                  announce_id;
  GHashTable            *red_notified;      /* visit ids told about */
  GHashTable            *disabled_actions;  /* static names of the actions disabled now */
  gboolean               hardware_loaded;
  guint                  tick_id;
  gint64                 selected_visit_id;
  gboolean               offline;
};

G_DEFINE_FINAL_TYPE (WkDesksideWindow, wk_deskside_window, WK_TYPE_FACE_WINDOW)

enum {
  PROP_0,
  PROP_LOUNGE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh_queue    (WkDesksideWindow *self);
static void refresh_hardware (WkDesksideWindow *self);
static void catch_up         (WkDesksideWindow *self);
static void update_actions   (WkDesksideWindow *self);

static WkDesk *
desk_of (WkDesksideWindow *self)
{
  return wk_face_window_get_desk (WK_FACE_WINDOW (self));
}

static gint64
me (WkDesksideWindow *self)
{
  return self->session != NULL ? wk_person_get_id (wk_session_get_person (self->session)) : 0;
}

/* ---- messages and the offline banner ---------------------------------- */

static void
toast (WkDesksideWindow *self,
       const char       *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toasts, t);
}

/* The hub's desk counts its outbox ("pending-count", "refused-count") and
 * says what the hub refused ("refusals"); the local desk has none of these. */
static GParamSpec *
desk_property (WkDesksideWindow *self,
               const char       *name,
               GType             type)
{
  WkDesk *desk = desk_of (self);
  GParamSpec *pspec = desk != NULL ? g_object_class_find_property (G_OBJECT_GET_CLASS (desk), name) : NULL;

  return pspec != NULL && pspec->value_type == type ? pspec : NULL;
}

static guint
desk_count (WkDesksideWindow *self,
            const char       *name)
{
  guint n = 0;

  if (desk_property (self, name, G_TYPE_UINT) != NULL)
    g_object_get (desk_of (self), name, &n, NULL);
  return n;
}

static void
update_banner (WkDesksideWindow *self)
{
  guint pending = desk_count (self, "pending-count");
  guint refused = desk_count (self, "refused-count");
  g_auto(GStrv) refusals = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->offline && pending > 0)
    g_string_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                        "Offline — %u change waits to be sent",
                                        "Offline — %u changes wait to be sent", pending), pending);
  else if (self->offline)
    g_string_assign (text, _("Offline — the lounge desk cannot be reached"));

  if (refused > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "The hub refused %u change made offline:",
                                                 "The hub refused %u changes made offline:", refused),
                              refused);
      if (desk_property (self, "refusals", G_TYPE_STRV) != NULL)
        g_object_get (desk_of (self), "refusals", &refusals, NULL);
      for (guint i = 0; refusals != NULL && refusals[i] != NULL; i++)
        g_string_append_printf (text, "\n• %s", refusals[i]);
    }

  if (text->len > 0)
    gtk_label_set_text (self->offline_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->dismiss_refused_button), refused > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), self->offline);
  gtk_revealer_set_reveal_child (self->offline_revealer, self->offline || refused > 0);
}

static void
set_offline (WkDesksideWindow *self,
             gboolean          offline)
{
  /* the hub's desk knows: an answer kept on this device is no sign of the hub */
  if (!offline && desk_property (self, "online", G_TYPE_BOOLEAN) != NULL)
    {
      gboolean online = TRUE;

      g_object_get (desk_of (self), "online", &online, NULL);
      offline = !online;
    }
  self->offline = offline;
  update_banner (self);
}

/* The hub's desk says when it loses or finds the hub ("online"). */
static void
desk_online_cb (WkDesksideWindow *self)
{
  set_offline (self, FALSE);   /* offline when the desk says so */
}

static void
dismiss_refused_clicked_cb (WkDesksideWindow *self)
{
  WkDesk *desk = desk_of (self);

  if (desk != NULL && g_signal_lookup ("dismiss-refused", G_OBJECT_TYPE (desk)) != 0)
    g_signal_emit_by_name (desk, "dismiss-refused");
}

/* Once hidden, the banner's label (an alert) forgets its text: a screen
 * reader must not find "Offline" in a window that is back online. */
static void
offline_revealed_cb (WkDesksideWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->offline_revealer) &&
      !gtk_revealer_get_child_revealed (self->offline_revealer))
    gtk_label_set_text (self->offline_label, "");
}

/* Every failed desk call ends here: unavailable shows the banner, the rest
 * a toast with the desk's own words. */
static void
report (WkDesksideWindow *self,
        const GError     *error)
{
  if (g_error_matches (error, WK_ERROR, WK_ERROR_UNAVAILABLE))
    set_offline (self, TRUE);
  else
    toast (self, error->message);
}

static void
pane_error_cb (WkDesksideWindow *self,
               const GError     *error)
{
  report (self, error);
}

static void
pane_toast_cb (WkDesksideWindow *self,
               const char       *message)
{
  set_offline (self, FALSE);
  toast (self, message);
}

/* ---- lookups ------------------------------------------------------------- */

static WkVisit *
find_visit (WkDesksideWindow *self,
            gint64            visit_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));

  for (guint i = 0; i < n; i++)
    {
      WkVisit *visit = g_list_model_get_item (G_LIST_MODEL (self->queue), i);
      g_object_unref (visit);   /* the store keeps it */
      if (wk_visit_get_id (visit) == visit_id)
        return visit;
    }
  return NULL;
}

static WkLounge *
find_lounge (WkDesksideWindow *self,
             gint64            lounge_id)
{
  guint n = self->lounges != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->lounges)) : 0;

  for (guint i = 0; i < n; i++)
    {
      WkLounge *lounge = g_list_model_get_item (G_LIST_MODEL (self->lounges), i);
      g_object_unref (lounge);
      if (wk_lounge_get_id (lounge) == lounge_id)
        return lounge;
    }
  return NULL;
}

/* The visit the visit commands act on: the one shown, else the selected row. */
static WkVisit *
current_visit (WkDesksideWindow *self)
{
  WkVisit *shown = wk_deskside_visitor_pane_get_visit (self->visitor_pane);

  if (shown != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "visitor") == 0)
    return find_visit (self, wk_visit_get_id (shown));
  return gtk_single_selection_get_selected_item (self->queue_selection);
}

/* ---- detail pane --------------------------------------------------------- */

static void
show_detail (WkDesksideWindow *self,
             const char       *name,
             const char       *title)
{
  gtk_stack_set_visible_child_name (self->detail_stack, name);
  adw_window_title_set_title (self->detail_title, title != NULL ? title : "");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  update_actions (self);
}

static void
show_visit (WkDesksideWindow *self,
            WkVisit          *visit)
{
  self->selected_visit_id = wk_visit_get_id (visit);
  wk_deskside_visitor_pane_set_visit (self->visitor_pane, visit);
  show_detail (self, "visitor", wk_visit_get_person_name (visit));
}

static void
show_ticket (WkDesksideWindow *self,
             gint64            ticket_id)
{
  wk_deskside_ticket_pane_show (self->ticket_pane, ticket_id);
  show_detail (self, "ticket", _("Ticket"));
}

static void
clear_detail (WkDesksideWindow *self)
{
  self->selected_visit_id = 0;
  wk_deskside_visitor_pane_set_visit (self->visitor_pane, NULL);
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
  adw_window_title_set_title (self->detail_title, "");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  update_actions (self);
}

/* Each change of an action's state walks every widget below the window
 * (500 queue rows): change it only when it differs. @name is static. */
static void
set_action_enabled (WkDesksideWindow *self,
                    const char       *name,
                    gboolean          enabled)
{
  if (enabled != g_hash_table_contains (self->disabled_actions, name))
    return;
  if (enabled)
    g_hash_table_remove (self->disabled_actions, name);
  else
    g_hash_table_add (self->disabled_actions, (gpointer) name);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), name, enabled);
}

static void
update_actions (WkDesksideWindow *self)
{
  WkVisit *visit = self->session != NULL ? current_visit (self) : NULL;
  WkVisitStatus status = visit != NULL ? wk_visit_get_status (visit) : WK_VISIT_STATUS_DONE;
  gboolean signed_in = self->session != NULL;
  gboolean ticket = signed_in && wk_deskside_ticket_pane_get_ticket (self->ticket_pane) != NULL &&
                    g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "ticket") == 0;

  set_action_enabled (self, "win.pick-up", status == WK_VISIT_STATUS_WAITING);
  set_action_enabled (self, "win.start-service", status == WK_VISIT_STATUS_CALLED);
  set_action_enabled (self, "win.finish-visit",
                      status == WK_VISIT_STATUS_CALLED || status == WK_VISIT_STATUS_IN_SERVICE);
  set_action_enabled (self, "win.mark-left",
                      status == WK_VISIT_STATUS_WAITING || status == WK_VISIT_STATUS_CALLED);
  set_action_enabled (self, "win.open-ticket", visit != NULL && wk_visit_get_ticket_id (visit) > 0);
  set_action_enabled (self, "win.add-note", ticket || (visit != NULL && wk_visit_get_ticket_id (visit) > 0));
  set_action_enabled (self, "win.resolve-ticket", ticket);
  for (const char * const *a = (const char * const[]) {
         "win.pick-up-next", "win.pick-up-visit", "win.show-visit", "win.show-ticket",
         "win.search", "win.refresh", "win.view", "win.add-hardware", "win.mark-hardware-ready",
         "win.cancel-hardware", "win.sign-out", "win.lounge", NULL }; *a != NULL; a++)
    set_action_enabled (self, *a, signed_in);
}

/* ---- the queue ----------------------------------------------------------- */

static void
notify_check_in (WkDesksideWindow *self,
                 WkVisit          *visit)
{
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autofree char *key = g_strdup_printf ("visit-%" G_GINT64_FORMAT, wk_visit_get_id (visit));
  g_autofree char *open = g_strdup_printf ("win.show-visit(int64 %" G_GINT64_FORMAT ")", wk_visit_get_id (visit));
  g_autofree char *pick_up = g_strdup_printf ("win.pick-up-visit(int64 %" G_GINT64_FORMAT ")", wk_visit_get_id (visit));
  WkLounge *lounge = find_lounge (self, wk_visit_get_lounge_id (visit));

  /* Translators: notification title; %s is the visitor's name */
  summary = g_strdup_printf (_("%s checked in"), wk_visit_get_person_name (visit));
  if (wk_visit_get_ticket_subject (visit) != NULL)
    /* Translators: notification body: the visitor's own words, then the lounge */
    body = g_strdup_printf (_("“%s” · %s"), wk_visit_get_ticket_subject (visit),
                            lounge != NULL ? wk_lounge_get_name (lounge) : "");
  else
    /* Translators: notification body: the reason, then the lounge */
    body = g_strdup_printf (_("%s · %s"), wk_deskside_category_label (wk_visit_get_reason (visit)),
                            lounge != NULL ? wk_lounge_get_name (lounge) : "");
  wk_notifier_show (self->notifier, key, summary, body, open, _("Pick Up"), pick_up, FALSE);
}

static gboolean
announce_cb (gpointer user_data)
{
  WkDesksideWindow *self = user_data;
  g_autoptr(GPtrArray) visits = g_steal_pointer (&self->announcing);

  self->announce_id = 0;
  for (guint i = 0; i < visits->len; i++)
    notify_check_in (self, g_ptr_array_index (visits, i));
  return G_SOURCE_REMOVE;
}

/* Check-ins are announced once the main loop has nothing more urgent: the
 * frame that shows the visitor in the queue comes first (the notifier
 * waits for the server on its own thread). */
static void
announce_check_in (WkDesksideWindow *self,
                   WkVisit          *visit)
{
  if (self->announcing == NULL)
    self->announcing = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->announcing, g_object_ref (visit));
  if (self->announce_id == 0)
    self->announce_id = g_idle_add_full (G_PRIORITY_LOW, announce_cb, self, NULL);
}

static void
notify_red (WkDesksideWindow *self,
            WkVisit          *visit,
            gint64            now)
{
  g_autofree char *summary = NULL;
  g_autofree char *wait = wk_deskside_format_wait (now - wk_visit_get_checked_in_at (visit));
  g_autofree char *key = g_strdup_printf ("visit-%" G_GINT64_FORMAT, wk_visit_get_id (visit));
  g_autofree char *open = g_strdup_printf ("win.show-visit(int64 %" G_GINT64_FORMAT ")", wk_visit_get_id (visit));
  g_autofree char *pick_up = g_strdup_printf ("win.pick-up-visit(int64 %" G_GINT64_FORMAT ")", wk_visit_get_id (visit));

  /* Translators: notification title; %s is the visitor's name, then a waiting time */
  summary = g_strdup_printf (_("%s has waited %s"), wk_visit_get_person_name (visit), wait);
  wk_notifier_show (self->notifier, key, summary, _("Still waiting to be picked up."),
                    open, _("Pick Up"), pick_up, TRUE);
}

static void
repaint_timers (WkDesksideWindow *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint amber = g_settings_get_uint (self->settings, "wait-amber-minutes");
  guint red = g_settings_get_uint (self->settings, "wait-red-minutes");
  GtkListView *lists[] = { self->queue_list, self->mine_list };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));

  /* the rows on screen (a list view makes no others) */
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (lists[l]));
         item != NULL;
         item = gtk_widget_get_next_sibling (item))
      {
        GtkWidget *row = gtk_widget_get_first_child (item);

        if (row != NULL && WK_IS_DESKSIDE_VISIT_ROW (row))
          wk_deskside_visit_row_update_wait (WK_DESKSIDE_VISIT_ROW (row), now, amber, red);
      }

  /* every visitor past red, on screen or not, is told about once */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkVisit) visit = g_list_model_get_item (G_LIST_MODEL (self->queue), i);
      gint64 id = wk_visit_get_id (visit);

      if (wk_deskside_visit_wait (visit, now, amber, red, NULL) == WK_WAIT_LEVEL_RED &&
          !g_hash_table_contains (self->red_notified, &id))
        {
          g_hash_table_add (self->red_notified, g_memdup2 (&id, sizeof id));
          notify_red (self, visit, now);
        }
    }
}

static gboolean
tick_cb (gpointer user_data)
{
  repaint_timers (WK_DESKSIDE_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
thresholds_changed_cb (WkDesksideWindow *self)
{
  repaint_timers (self);
}

/* A row opens what it shows on a single click, as the Enter key does. */
static void
row_released_cb (GtkGestureClick  *gesture,
                 int               n_press,
                 double            x,
                 double            y,
                 WkDesksideWindow *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  if (n_press != 1)
    return;
  if (WK_IS_DESKSIDE_VISIT_ROW (row) && wk_deskside_visit_row_get_visit (WK_DESKSIDE_VISIT_ROW (row)) != NULL)
    show_visit (self, wk_deskside_visit_row_get_visit (WK_DESKSIDE_VISIT_ROW (row)));
  else if (WK_IS_DESKSIDE_TICKET_ROW (row) && wk_deskside_ticket_row_get_ticket (WK_DESKSIDE_TICKET_ROW (row)) != NULL)
    show_ticket (self, wk_ticket_get_id (wk_deskside_ticket_row_get_ticket (WK_DESKSIDE_TICKET_ROW (row))));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              WkDesksideWindow         *self)
{
  GType type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (factory), "row-type"));
  GtkWidget *row = type == WK_TYPE_DESKSIDE_TICKET_ROW ? wk_deskside_ticket_row_new () : wk_deskside_visit_row_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (row_released_cb), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));
  gtk_list_item_set_child (item, row);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             WkDesksideWindow         *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  gpointer object = gtk_list_item_get_item (item);

  if (WK_IS_DESKSIDE_TICKET_ROW (row))
    {
      wk_deskside_ticket_row_set_ticket (WK_DESKSIDE_TICKET_ROW (row), object);
      return;
    }
  wk_deskside_visit_row_set_visit (WK_DESKSIDE_VISIT_ROW (row), object);
  wk_deskside_visit_row_update_wait (WK_DESKSIDE_VISIT_ROW (row), g_get_real_time () / G_USEC_PER_SEC,
                                     g_settings_get_uint (self->settings, "wait-amber-minutes"),
                                     g_settings_get_uint (self->settings, "wait-red-minutes"));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               WkDesksideWindow         *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  if (WK_IS_DESKSIDE_TICKET_ROW (row))
    wk_deskside_ticket_row_set_ticket (WK_DESKSIDE_TICKET_ROW (row), NULL);
  else
    wk_deskside_visit_row_set_visit (WK_DESKSIDE_VISIT_ROW (row), NULL);
}

/* Shows @model in @list, in rows of @row_type made only for what is on
 * screen, one selected at most; returns the selection (a reference). */
static GtkSingleSelection *
set_up_list (WkDesksideWindow *self,
             GtkListView      *list,
             GListModel       *model,
             GType             row_type)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (model));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_object_set_data (G_OBJECT (factory), "row-type", GSIZE_TO_POINTER (row_type));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (list, factory);
  gtk_list_view_set_model (list, GTK_SELECTION_MODEL (selection));
  return selection;
}

/* The Queue page shows the list (or that nobody waits) and, on its
 * switcher button, how many wait: a check-in past the end of the list on
 * screen still shows. */
static void
queue_items_changed_cb (WkDesksideWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));
  guint waiting = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkVisit) visit = g_list_model_get_item (G_LIST_MODEL (self->queue), i);
      waiting += wk_visit_get_status (visit) == WK_VISIT_STATUS_WAITING;
    }
  adw_view_stack_page_set_badge_number (adw_view_stack_get_page (self->view_stack,
                                                                 adw_view_stack_get_child_by_name (self->view_stack, "queue")),
                                        waiting);
  gtk_stack_set_visible_child_name (self->queue_stack, n > 0 ? "list" : "empty");
}

static void
mine_items_changed_cb (WkDesksideWindow *self)
{
  gtk_stack_set_visible_child_name (self->mine_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->mine)) > 0 ? "list" : "empty");
}

/* A visit shown again: a new version, or a new place in the queue. */
static gboolean
visit_changed (WkVisit *before,
               WkVisit *after)
{
  return wk_visit_get_version (before) != wk_visit_get_version (after) ||
         wk_visit_get_position (before) != wk_visit_get_position (after);
}

/* Brings the store to @fresh, touching only what changed: a common head and
 * tail stay, changed versions are swapped one by one, the middle is spliced. */
static void
merge_queue (WkDesksideWindow *self,
             GListModel       *fresh)
{
  GListModel *old = G_LIST_MODEL (self->queue);
  guint n_old = g_list_model_get_n_items (old);
  guint n_new = g_list_model_get_n_items (fresh);
  guint head = 0, tail = 0;
  g_autoptr(GPtrArray) middle = g_ptr_array_new_with_free_func (g_object_unref);

#define ID_AT(model, i) wk_visit_get_id (WK_VISIT (g_ptr_array_index (items_##model, i)))
  g_autoptr(GPtrArray) items_old = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items_new = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (items_old, g_list_model_get_item (old, i));
  for (guint i = 0; i < n_new; i++)
    g_ptr_array_add (items_new, g_list_model_get_item (fresh, i));

  while (head < n_old && head < n_new && ID_AT (old, head) == ID_AT (new, head))
    head++;
  while (tail < n_old - head && tail < n_new - head &&
         ID_AT (old, n_old - 1 - tail) == ID_AT (new, n_new - 1 - tail))
    tail++;
#undef ID_AT

  for (guint i = head; i < n_new - tail; i++)
    g_ptr_array_add (middle, g_object_ref (g_ptr_array_index (items_new, i)));
  if (n_old - head - tail > 0 || middle->len > 0)
    g_list_store_splice (self->queue, head, n_old - head - tail, middle->pdata, middle->len);

  /* the kept ones: swap those that changed */
  for (guint i = 0; i < n_new; i++)
    {
      WkVisit *now = g_ptr_array_index (items_new, i);
      guint at_old;

      if (i >= head && i < n_new - tail)
        continue;
      at_old = i < head ? i : i - (n_new - n_old);
      if (visit_changed (WK_VISIT (g_ptr_array_index (items_old, at_old)), now))
        g_list_store_splice (self->queue, i, 1, (gpointer *) &now, 1);
    }
}

/* After the queue changed: the visitor pane on the newest version of its
 * visit, the timers, the actions. */
static void
queue_changed (WkDesksideWindow *self)
{
  WkVisit *shown = wk_deskside_visitor_pane_get_visit (self->visitor_pane);

  if (shown != NULL)
    {
      WkVisit *now = find_visit (self, wk_visit_get_id (shown));
      if (now != NULL)
        {
          if (now != shown)
            wk_deskside_visitor_pane_set_visit (self->visitor_pane, now);
          if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "visitor") == 0)
            adw_window_title_set_title (self->detail_title, wk_visit_get_person_name (now));
        }
      else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "visitor") == 0)
        clear_detail (self);
    }

  repaint_timers (self);
  update_actions (self);
}

static void
queue_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) fresh = wk_desk_list_queue_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_WINDOW (user_data);
  self->queue_loading = FALSE;

  if (fresh == NULL)
    {
      report (self, error);
      return;
    }
  set_offline (self, FALSE);

  merge_queue (self, fresh);

  /* announce the check-ins this refresh was for */
  for (guint i = 0; i < self->checked_in->len; i++)
    {
      WkVisit *visit = find_visit (self, g_array_index (self->checked_in, gint64, i));
      if (visit != NULL && wk_visit_get_status (visit) == WK_VISIT_STATUS_WAITING)
        announce_check_in (self, visit);
    }
  g_array_set_size (self->checked_in, 0);

  queue_changed (self);

  if (self->queue_again)
    {
      self->queue_again = FALSE;
      refresh_queue (self);
    }
}

static void
refresh_queue (WkDesksideWindow *self)
{
  if (self->session == NULL || self->lounge_id <= 0)
    return;
  /* a check-in read on its own before this listing must not undo it */
  self->queue_serial++;
  if (self->queue_loading)
    {
      self->queue_again = TRUE;
      return;
    }
  self->queue_loading = TRUE;
  wk_desk_list_queue_async (desk_of (self), self->lounge_id, self->cancellable, queue_cb, self);
}

typedef struct {
  WkDesksideWindow *self;      /* not owned: checked for cancellation first */
  gint64            visit_id;
  guint             serial;    /* queue_serial when asked */
} CheckedIn;

/* Puts @visit in the queue at its place (by check-in time, then id), or
 * swaps it for the version there; an older version changes nothing. */
static void
place_visit (WkDesksideWindow *self,
             WkVisit          *visit)
{
  GListModel *queue = G_LIST_MODEL (self->queue);
  guint n = g_list_model_get_n_items (queue);
  guint at = n;

  /* a check-in joins the end: look from there */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(WkVisit) other = g_list_model_get_item (queue, i - 1);

      if (wk_visit_get_id (other) == wk_visit_get_id (visit))
        {
          if (wk_visit_get_version (other) < wk_visit_get_version (visit))
            g_list_store_splice (self->queue, i - 1, 1, (gpointer *) &visit, 1);
          return;
        }
      if (wk_visit_get_checked_in_at (other) > wk_visit_get_checked_in_at (visit) ||
          (wk_visit_get_checked_in_at (other) == wk_visit_get_checked_in_at (visit) &&
           wk_visit_get_id (other) > wk_visit_get_id (visit)))
        at = i - 1;
    }
  g_list_store_insert (self->queue, at, visit);
}

static void
checked_in_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autofree CheckedIn *c = user_data;
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkVisit) visit = wk_desk_get_visit_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = c->self;

  /* a desk that cannot read one visit: list the queue (a role that may
   * not read visits one by one, the hub's engineers: from now on) */
  if (visit == NULL)
    {
      if (g_error_matches (error, WK_ERROR, WK_ERROR_FORBIDDEN))
        {
          g_debug ("Listing the whole queue for each check-in: %s", error->message);
          self->no_single_visits = TRUE;
        }
      g_array_append_val (self->checked_in, c->visit_id);
      refresh_queue (self);
      return;
    }
  set_offline (self, FALSE);

  /* a listing asked for since shows this check-in and what came after it */
  if (c->serial != self->queue_serial)
    {
      WkVisit *listed = find_visit (self, c->visit_id);

      if (listed != NULL && wk_visit_get_status (listed) == WK_VISIT_STATUS_WAITING)
        announce_check_in (self, listed);
      else if (listed == NULL && self->queue_loading)
        g_array_append_val (self->checked_in, c->visit_id);
      return;
    }
  if (wk_visit_get_lounge_id (visit) != self->lounge_id || wk_visit_get_status (visit) != WK_VISIT_STATUS_WAITING)
    return;

  place_visit (self, visit);
  announce_check_in (self, visit);
  queue_changed (self);
}

/* A check-in: its one visit joins the queue; while a listing runs, or when
 * the desk cannot read one visit, the queue is listed again instead. */
static void
add_checked_in (WkDesksideWindow *self,
                gint64            visit_id)
{
  CheckedIn *c;

  if (self->queue_loading || self->no_single_visits)
    {
      g_array_append_val (self->checked_in, visit_id);
      refresh_queue (self);
      return;
    }
  c = g_new0 (CheckedIn, 1);
  c->self = self;
  c->visit_id = visit_id;
  c->serial = self->queue_serial;
  wk_desk_get_visit_async (desk_of (self), visit_id, self->cancellable, checked_in_cb, c);
}

static gboolean
mine_filter_cb (gpointer item,
                gpointer user_data)
{
  WkDesksideWindow *self = user_data;
  WkVisit *visit = item;

  return me (self) > 0 && wk_visit_get_engineer_id (visit) == me (self) &&
         (wk_visit_get_status (visit) == WK_VISIT_STATUS_CALLED ||
          wk_visit_get_status (visit) == WK_VISIT_STATUS_IN_SERVICE);
}

/* Enter (or a double click) on a row of the queue or of My visits. */
static void
visit_activated_cb (WkDesksideWindow *self,
                    guint             position,
                    GtkListView      *list)
{
  g_autoptr(WkVisit) visit = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), position);

  if (visit != NULL)
    show_visit (self, visit);
}

static void
queue_selected_cb (WkDesksideWindow *self)
{
  update_actions (self);
}

/* ---- events ---------------------------------------------------------------- */

static void
collected_ticket_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkTicket) ticket = wk_desk_get_ticket_finish (WK_DESK (source), result, &error);
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autofree char *key = NULL;
  g_autofree char *open = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_WINDOW (user_data);
  if (ticket == NULL || wk_ticket_get_assignee_id (ticket) != me (self))
    return;

  key = g_strdup_printf ("ticket-%" G_GINT64_FORMAT, wk_ticket_get_id (ticket));
  open = g_strdup_printf ("win.show-ticket(int64 %" G_GINT64_FORMAT ")", wk_ticket_get_id (ticket));
  /* Translators: notification title; %s is the requester's name */
  summary = g_strdup_printf (_("%s collected their device"),
                             wk_ticket_get_requester_name (ticket) != NULL
                             ? wk_ticket_get_requester_name (ticket) : _("Someone"));
  /* Translators: notification body: a ticket reference and subject */
  body = g_strdup_printf (_("%s · %s"), wk_ticket_get_ref (ticket), wk_ticket_get_subject (ticket));
  wk_notifier_show (self->notifier, key, summary, body, open, _("Open Ticket"), open, FALSE);
}

typedef struct {
  WkDesksideWindow *self;       /* not owned: checked for cancellation first */
  gint64            survey_id;
} LowScore;

static void
low_score_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autofree LowScore *low = user_data;
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) surveys = wk_desk_list_feedback_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = low->self;
  if (surveys == NULL)
    return;

  /* the newest low score of mine is the one the event was about */
  for (guint i = 0; i < g_list_model_get_n_items (surveys); i++)
    {
      g_autoptr(WkSurvey) survey = g_list_model_get_item (surveys, i);
      g_autofree char *summary = NULL;
      g_autofree char *open = NULL;
      g_autofree char *key = NULL;
      const char *comment = wk_survey_get_comment (survey);

      if (wk_survey_get_id (survey) != low->survey_id)
        continue;
      key = g_strdup_printf ("survey-%" G_GINT64_FORMAT, wk_survey_get_id (survey));
      /* Translators: notification title; %d is a score from 1 to 5 */
      summary = g_strdup_printf (_("A visit you served was rated %d of 5"), wk_survey_get_score (survey));
      if (wk_survey_get_ticket_id (survey) > 0)
        open = g_strdup_printf ("win.show-ticket(int64 %" G_GINT64_FORMAT ")", wk_survey_get_ticket_id (survey));
      wk_notifier_show (self->notifier, key, summary,
                        comment != NULL && *comment != '\0' ? comment : _("No comment was left."),
                        open, open != NULL ? _("Open Ticket") : NULL, open, FALSE);
    }
}

static void
handle_event (WkDesksideWindow *self,
              WkEvent          *event)
{
  const char *entity = wk_event_get_entity (event);
  const char *kind = wk_event_get_kind (event);
  const char *payload = wk_event_get_payload (event);

  if (g_strcmp0 (entity, "visit") == 0)
    {
      gint64 lounge = wk_deskside_payload_get_int (payload, "lounge_id");

      if (lounge != 0 && lounge != self->lounge_id)
        return;
      if (g_strcmp0 (kind, "visit.checked_in") == 0)
        add_checked_in (self, wk_event_get_entity_id (event));
      else
        refresh_queue (self);
    }
  else if (g_strcmp0 (entity, "ticket") == 0)
    {
      wk_deskside_ticket_pane_reload_if (self->ticket_pane, wk_event_get_entity_id (event));
    }
  else if (g_strcmp0 (entity, "hardware") == 0)
    {
      gint64 ticket_id = wk_deskside_payload_get_int (payload, "ticket_id");

      if (self->hardware_loaded)
        refresh_hardware (self);
      if (g_strcmp0 (kind, "hardware.collected") == 0 && ticket_id > 0)
        wk_desk_get_ticket_async (desk_of (self), ticket_id, self->cancellable,
                                  collected_ticket_cb, self);
    }
  else if (g_strcmp0 (kind, "survey.submitted") == 0)
    {
      gint64 score = wk_deskside_payload_get_int (payload, "score");

      if (score >= 1 && score <= 2 &&
          wk_deskside_payload_get_int (payload, "engineer_id") == me (self) && me (self) > 0)
        {
          g_autoptr(WkFeedbackQuery) query = wk_feedback_query_new ();
          LowScore *low = g_new0 (LowScore, 1);

          query->engineer_id = me (self);
          query->max_score = 2;
          query->from = wk_event_get_at (event) - 1;
          query->limit = 50;
          low->self = self;
          low->survey_id = wk_event_get_entity_id (event);
          wk_desk_list_feedback_async (desk_of (self), query, self->cancellable, low_score_cb, low);
        }
    }
}

static void
events_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = wk_desk_list_events_finish (WK_DESK (source), result, &error);
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_WINDOW (user_data);
  self->events_loading = FALSE;

  if (events == NULL)
    {
      report (self, error);
      return;
    }

  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkEvent) event = g_list_model_get_item (events, i);

      if (wk_event_get_id (event) <= self->cursor)
        continue;
      self->cursor = wk_event_get_id (event);
      handle_event (self, event);
    }

  if (n >= EVENTS_PAGE || self->events_again)
    {
      self->events_again = FALSE;
      catch_up (self);
    }
}

static void
catch_up (WkDesksideWindow *self)
{
  if (self->session == NULL || self->cursor < 0)
    return;
  if (self->events_loading)
    {
      self->events_again = TRUE;
      return;
    }
  self->events_loading = TRUE;
  wk_desk_list_events_async (desk_of (self), self->cursor, EVENTS_PAGE, self->cancellable,
                             events_cb, self);
}

/* The desk has no "latest event" call: find the last id by probing for
 * the first event after a guess (doubling, then halving). */
static void probe (WkDesksideWindow *self, gint64 after);

static void
probe_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = wk_desk_list_events_finish (WK_DESK (source), result, &error);
  gint64 after, any_after;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_WINDOW (user_data);
  if (events == NULL)
    {
      report (self, error);
      return;
    }

  after = self->probe_after;
  any_after = g_list_model_get_n_items (events) > 0;
  if (self->probe_galloping)
    {
      if (any_after)
        {
          g_autoptr(WkEvent) first = g_list_model_get_item (events, 0);
          gint64 first_id = wk_event_get_id (first);

          /* something is after first_id - 1 (first itself), not
           * necessarily after first_id: were it the last event, the
           * cursor would end one past it and skip the next one */
          self->probe_lo = MAX (after, first_id - 1);
          probe (self, MAX (first_id, after) * 2);
          return;
        }
      self->probe_galloping = FALSE;
      self->probe_hi = after;
    }
  else if (any_after)
    self->probe_lo = after;
  else
    self->probe_hi = after;

  if (self->probe_hi - self->probe_lo > 1)
    {
      probe (self, self->probe_lo + (self->probe_hi - self->probe_lo) / 2);
      return;
    }

  /* nothing after probe_hi, something after probe_lo: probe_hi is the last */
  self->cursor = self->probe_hi;
  g_debug ("Events from cursor %" G_GINT64_FORMAT, self->cursor);
  refresh_queue (self);
  catch_up (self);
}

static void
probe (WkDesksideWindow *self,
       gint64            after)
{
  self->probe_after = after;
  wk_desk_list_events_async (desk_of (self), after, 1, self->cancellable, probe_cb, self);
}

/* The desk's own events come with the event: the next one after the
 * cursor is handled at once; after a gap, the log fills it in. */
static void
desk_event_cb (WkDesk   *desk,
               WkEvent  *event,
               gpointer  user_data)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (user_data);

  if (self->session != NULL && self->cursor >= 0 && wk_event_get_id (event) == self->cursor + 1)
    {
      self->cursor = wk_event_get_id (event);
      handle_event (self, event);
      return;
    }
  catch_up (self);
}

static void
start_events (WkDesksideWindow *self)
{
  WkDesk *desk = desk_of (self);

  /* the local desk also tells of what other programs (the kiosk) log in
   * the same database */
  self->subscription = wk_desk_subscribe (desk, -1, desk_event_cb, self, NULL);

  self->cursor = -1;
  self->probe_lo = 0;
  self->probe_hi = 0;
  self->probe_galloping = TRUE;
  probe (self, 0);
}

static void
stop_events (WkDesksideWindow *self)
{
  if (self->subscription != 0 && desk_of (self) != NULL)
    wk_desk_unsubscribe (desk_of (self), self->subscription);
  self->subscription = 0;
  self->events_loading = FALSE;
  self->events_again = FALSE;
}

/* ---- lounges --------------------------------------------------------------- */

static void
set_lounge (WkDesksideWindow *self,
            gint64            lounge_id)
{
  WkLounge *lounge;
  g_autofree char *desk_setting = NULL;
  g_autofree char *subtitle = NULL;

  if (lounge_id == self->lounge_id)
    return;

  self->lounge_id = lounge_id;
  lounge = find_lounge (self, lounge_id);

  desk_setting = g_settings_get_string (self->settings, "deskside-desk");
  g_clear_pointer (&self->desk_name, g_free);
  if (*desk_setting != '\0')
    self->desk_name = g_steal_pointer (&desk_setting);
  else if (lounge != NULL && wk_lounge_get_desks (lounge) != NULL && wk_lounge_get_desks (lounge)[0] != NULL)
    self->desk_name = g_strdup (wk_lounge_get_desks (lounge)[0]);

  if (lounge != NULL)
    {
      if (self->desk_name != NULL)
        /* Translators: the lounge and the desk this laptop calls visitors to */
        subtitle = g_strdup_printf (_("%s · %s"), wk_lounge_get_name (lounge), self->desk_name);
      else
        subtitle = g_strdup (wk_lounge_get_name (lounge));
    }
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle != NULL ? subtitle : "");

  g_list_store_remove_all (self->queue);
  g_hash_table_remove_all (self->red_notified);
  clear_detail (self);
  refresh_queue (self);
  if (self->hardware_loaded)
    refresh_hardware (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOUNGE_ID]);
}

static void
lounges_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lounges = wk_desk_list_lounges_finish (WK_DESK (source), result, &error);
  gint64 chosen = 0;
  gint64 setting;
  const char *location;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_WINDOW (user_data);
  if (lounges == NULL)
    {
      report (self, error);
      return;
    }

  g_list_store_remove_all (self->lounges);
  g_menu_remove_all (self->lounge_menu);
  while (g_list_model_get_n_items (G_LIST_MODEL (self->lounge_names)) > 1)
    gtk_string_list_remove (self->lounge_names, 1);

  /* the setting first, then the lounge where the engineer works, then the first */
  setting = g_settings_get_int64 (self->settings, "lounge-id");
  location = wk_person_get_location (wk_session_get_person (self->session));
  n = g_list_model_get_n_items (lounges);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkLounge) lounge = g_list_model_get_item (lounges, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (wk_lounge_get_name (lounge), NULL);

      g_menu_item_set_action_and_target (item, "win.lounge", "x", wk_lounge_get_id (lounge));
      g_menu_append_item (self->lounge_menu, item);
      g_list_store_append (self->lounges, lounge);
      gtk_string_list_append (self->lounge_names, wk_lounge_get_name (lounge));

      if (wk_lounge_get_id (lounge) == setting)
        chosen = setting;
      if (chosen == 0 && location != NULL && g_strcmp0 (location, wk_lounge_get_location (lounge)) == 0)
        chosen = wk_lounge_get_id (lounge);
    }
  if (chosen == 0 && n > 0)
    {
      g_autoptr(WkLounge) first = g_list_model_get_item (lounges, 0);
      chosen = wk_lounge_get_id (first);
    }

  self->lounge_id = 0;
  set_lounge (self, chosen);
  start_events (self);
}

/* ---- sign in and out --------------------------------------------------------- */

static void
start_session (WkDesksideWindow *self,
               WkSession        *session)
{
  WkDesk *desk = desk_of (self);

  g_set_object (&self->session, session);
  self->cancellable = g_cancellable_new ();

  wk_deskside_visitor_pane_set_desk (self->visitor_pane, desk);
  wk_deskside_ticket_pane_setup (self->ticket_pane, desk, me (self));
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->mine), GTK_FILTER_CHANGE_DIFFERENT);

  gtk_stack_set_visible_child_name (self->main_stack, "desk");
  adw_view_stack_set_visible_child_name (self->view_stack, "queue");
  update_actions (self);

  wk_desk_list_lounges_async (desk, self->cancellable, lounges_cb, self);
  self->tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

static void
stop_session (WkDesksideWindow *self)
{
  stop_events (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->search_query, wk_ticket_query_free);
  self->search_more = FALSE;
  self->search_paging = FALSE;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->announce_id, g_source_remove);
  g_clear_pointer (&self->announcing, g_ptr_array_unref);
  self->queue_loading = FALSE;
  self->queue_again = FALSE;
  self->no_single_visits = FALSE;
  g_array_set_size (self->checked_in, 0);
  self->hardware_loaded = FALSE;
  self->lounge_id = 0;
  g_clear_object (&self->session);
}

static void
signed_in_cb (WkDesksideWindow *self,
              WkSession        *session)
{
  start_session (self, session);
}

static void
sign_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);

  stop_session (self);
  g_list_store_remove_all (self->queue);
  g_list_store_remove_all (self->tickets);
  g_list_store_remove_all (self->hardware);
  clear_detail (self);
  gtk_stack_set_visible_child_name (self->main_stack, "sign-in");
  wk_deskside_sign_in_page_reset (self->sign_in_page);
  update_actions (self);
}

/* ---- visit actions ------------------------------------------------------------ */

static void
pick_up_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkVisit) visit = wk_desk_pick_up_finish (WK_DESK (source), result, &error);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_WINDOW (user_data);

  if (visit == NULL)
    {
      /* a lost race names who took the visitor (the desk's message); a
       * desk that cannot write is offline, and a read that still works
       * must not hide the banner at once */
      report (self, error);
      if (!g_error_matches (error, WK_ERROR, WK_ERROR_UNAVAILABLE))
        refresh_queue (self);
      return;
    }
  set_offline (self, FALSE);
  /* Translators: a visitor was called to a desk, e.g. "Priya Sharma → Desk 2" */
  message = g_strdup_printf (_("%s → %s"), wk_visit_get_person_name (visit),
                             wk_visit_get_desk (visit) != NULL ? wk_visit_get_desk (visit) : "");
  toast (self, message);
  refresh_queue (self);
  show_visit (self, visit);
}

static void
pick_up (WkDesksideWindow *self,
         WkVisit          *visit)
{
  if (visit == NULL || self->session == NULL)
    return;
  wk_desk_pick_up_async (desk_of (self), wk_visit_get_id (visit), wk_visit_get_version (visit),
                         me (self), self->desk_name, self->cancellable, pick_up_cb, self);
}

static void
pick_up_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);

  pick_up (self, current_visit (self));
}

static void
pick_up_next_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->queue));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkVisit) visit = g_list_model_get_item (G_LIST_MODEL (self->queue), i);
      if (wk_visit_get_status (visit) == WK_VISIT_STATUS_WAITING)
        {
          pick_up (self, visit);
          return;
        }
    }
  toast (self, _("Nobody is waiting"));
}

static void
pick_up_visit_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  WkVisit *visit = find_visit (self, id);

  if (visit == NULL)
    {
      toast (self, _("That visitor is no longer in the queue"));
      refresh_queue (self);
      return;
    }
  pick_up (self, visit);
}

static void
show_visit_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);
  WkVisit *visit = find_visit (self, g_variant_get_int64 (parameter));

  adw_view_stack_set_visible_child_name (self->view_stack, "queue");
  if (visit != NULL)
    show_visit (self, visit);
  else
    toast (self, _("That visitor is no longer in the queue"));
}

static void
visit_moved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkVisit) visit = NULL;
  gpointer tag = g_task_get_source_tag (G_TASK (result));

  if (tag == (gpointer) wk_desk_start_service_async)
    visit = wk_desk_start_service_finish (WK_DESK (source), result, &error);
  else
    visit = wk_desk_mark_left_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_WINDOW (user_data);
  if (visit == NULL)
    {
      report (self, error);
      if (!g_error_matches (error, WK_ERROR, WK_ERROR_UNAVAILABLE))
        refresh_queue (self);
      return;
    }
  set_offline (self, FALSE);
  if (wk_visit_get_status (visit) == WK_VISIT_STATUS_LEFT)
    {
      /* Translators: %s is the visitor's name */
      g_autofree char *message = g_strdup_printf (_("%s marked as left"), wk_visit_get_person_name (visit));
      toast (self, message);
      clear_detail (self);
    }
  refresh_queue (self);
}

static void
start_service_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);
  WkVisit *visit = current_visit (self);

  if (visit == NULL)
    return;
  wk_desk_start_service_async (desk_of (self), wk_visit_get_id (visit), wk_visit_get_version (visit),
                               me (self), self->cancellable, visit_moved_cb, self);
}

static void
mark_left_response_cb (WkDesksideWindow *self,
                       const char       *response,
                       AdwMessageDialog *dialog)
{
  WkVisit *visit = find_visit (self, (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "visit-id")));

  if (g_strcmp0 (response, "left") != 0 || visit == NULL || self->session == NULL)
    return;
  wk_desk_mark_left_async (desk_of (self), wk_visit_get_id (visit), wk_visit_get_version (visit),
                           me (self), self->cancellable, visit_moved_cb, self);
}

static void
mark_left_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);
  WkVisit *visit = current_visit (self);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (visit == NULL)
    return;
  /* Translators: %s is the visitor's name */
  heading = g_strdup_printf (_("Has %s Left?"), wk_visit_get_person_name (visit));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("They leave the queue. Their ticket stays as it is."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "left", _("_Mark as Left"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "left",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "visit-id", GSIZE_TO_POINTER ((gsize) wk_visit_get_id (visit)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (mark_left_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* finishing: the visit, then the ticket's status, then the note */
typedef struct {
  WkDesksideWindow *self;      /* not owned: every step checks cancellation first */
  gint64            ticket_id;
  WkOutcome         outcome;
  int               status;
  char             *note;
  gboolean          note_public;
  char             *name;
} Finish;

static void
finish_free (Finish *f)
{
  g_free (f->note);
  g_free (f->name);
  g_free (f);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Finish, finish_free)

static void finish_next (Finish *f);

static void
finish_note_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Finish) f = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkNote) note = wk_desk_add_note_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (note == NULL)
    report (f->self, error);
  g_clear_pointer (&f->note, g_free);
  finish_next (g_steal_pointer (&f));
}

static void
finish_status_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Finish) f = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkTicket) ticket = wk_desk_update_ticket_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (ticket == NULL)
    report (f->self, error);
  f->status = -1;
  finish_next (g_steal_pointer (&f));
}

static void
finish_next (Finish *f)
{
  WkDesksideWindow *self = f->self;

  if (f->ticket_id > 0 && f->status >= 0)
    {
      g_autoptr(WkTicketUpdate) update = wk_ticket_update_new ();

      update->status = f->status;
      wk_desk_update_ticket_async (desk_of (self), f->ticket_id, 0, update, me (self),
                                   self->cancellable, finish_status_cb, f);
      return;
    }
  if (f->ticket_id > 0 && f->note != NULL)
    {
      wk_desk_add_note_async (desk_of (self), f->ticket_id, me (self), f->note,
                              f->note_public ? WK_NOTE_VISIBILITY_PUBLIC : WK_NOTE_VISIBILITY_INTERNAL, NULL,
                              self->cancellable, finish_note_cb, f);
      return;
    }

  {
    /* Translators: %s is the visitor's name, then the outcome */
    g_autofree char *message = g_strdup_printf (_("Visit of %s finished: %s"), f->name,
                                                wk_deskside_outcome_label (f->outcome));
    toast (self, message);
  }
  wk_deskside_ticket_pane_reload_if (self->ticket_pane, f->ticket_id);
  finish_free (f);
}

static void
finish_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Finish) f = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkVisit) visit = wk_desk_finish_visit_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (visit == NULL)
    {
      report (f->self, error);
      refresh_queue (f->self);
      return;
    }
  set_offline (f->self, FALSE);
  if (wk_visit_get_id (visit) == f->self->selected_visit_id)
    clear_detail (f->self);
  refresh_queue (f->self);
  finish_next (g_steal_pointer (&f));
}

static void
finish_response_cb (WkDesksideWindow       *self,
                    const char             *response,
                    WkDesksideFinishDialog *dialog)
{
  WkVisit *visit = wk_deskside_finish_dialog_get_visit (dialog);
  WkTicket *ticket = wk_deskside_finish_dialog_get_ticket (dialog);
  Finish *f;

  if (g_strcmp0 (response, "finish") != 0 || self->session == NULL)
    return;

  f = g_new0 (Finish, 1);
  f->self = self;
  f->ticket_id = ticket != NULL ? wk_ticket_get_id (ticket) : 0;
  f->outcome = wk_deskside_finish_dialog_get_outcome (dialog);
  f->status = wk_deskside_finish_dialog_get_status (dialog);
  f->note = wk_deskside_finish_dialog_dup_note (dialog);
  f->note_public = wk_deskside_finish_dialog_get_note_public (dialog);
  f->name = g_strdup (wk_visit_get_person_name (visit));
  /* fixed at first contact resolves the ticket by itself */
  if (f->outcome == WK_OUTCOME_RESOLVED_FIRST_CONTACT && f->status == WK_TICKET_STATUS_RESOLVED)
    f->status = -1;

  wk_desk_finish_visit_async (desk_of (self), wk_visit_get_id (visit), wk_visit_get_version (visit),
                              me (self), f->outcome, self->cancellable, finish_cb, f);
}

static void
present_finish (WkDesksideWindow *self,
                WkVisit          *visit,
                WkTicket         *ticket)
{
  GtkWidget *dialog = wk_deskside_finish_dialog_new (GTK_WINDOW (self), visit, ticket);

  g_signal_connect_object (dialog, "response", G_CALLBACK (finish_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
finish_ticket_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkTicket) ticket = wk_desk_get_ticket_finish (WK_DESK (source), result, &error);
  WkVisit *visit;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_WINDOW (user_data);
  if (ticket == NULL)
    report (self, error);
  visit = current_visit (self);
  if (visit != NULL)
    present_finish (self, visit, ticket);
}

static void
finish_visit_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);
  WkVisit *visit = current_visit (self);

  if (visit == NULL)
    return;
  if (wk_visit_get_ticket_id (visit) > 0)
    wk_desk_get_ticket_async (desk_of (self), wk_visit_get_ticket_id (visit), self->cancellable,
                              finish_ticket_cb, self);
  else
    present_finish (self, visit, NULL);
}

/* ---- tickets ------------------------------------------------------------------- */

static void
show_ticket_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  show_ticket (WK_DESKSIDE_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
open_ticket_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);
  WkVisit *visit = current_visit (self);

  if (visit != NULL && wk_visit_get_ticket_id (visit) > 0)
    show_ticket (self, wk_visit_get_ticket_id (visit));
}

static void
add_note_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "ticket") != 0)
    open_ticket_activated (widget, NULL, NULL);
  wk_deskside_ticket_pane_focus_note (self->ticket_pane);
}

static void
resolve_ticket_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  wk_deskside_ticket_pane_resolve (WK_DESKSIDE_WINDOW (widget)->ticket_pane);
}

/* Puts the items of @model in @store from @position on, in place of the
 * @removed there, in one change; returns their number. */
static guint
splice_store (GListStore *store,
              guint       position,
              guint       removed,
              GListModel *model)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  g_list_store_splice (store, position, removed, items->pdata, items->len);
  return items->len;
}

/* Replaces everything in @store with the items of @model; returns their
 * number. */
static guint
replace_store (GListStore *store,
               GListModel *model)
{
  return splice_store (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), model);
}

/* The ticket search of the Tickets view, with its filters; NULL when
 * nothing is asked. */
static WkTicketQuery *
ticket_query (WkDesksideWindow *self)
{
  g_autoptr(WkTicketQuery) query = wk_ticket_query_new ();
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint lounge = gtk_drop_down_get_selected (self->lounge_filter);

  query->text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ticket_search))));
  /* item 0 of each filter is "any" */
  if (status > 0 && status != GTK_INVALID_LIST_POSITION)
    query->status = (int) status - 1;
  if (gtk_toggle_button_get_active (self->mine_toggle))
    query->assignee_id = me (self);
  if (lounge > 0 && lounge != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr(WkLounge) l = g_list_model_get_item (G_LIST_MODEL (self->lounges), lounge - 1);

      if (l != NULL)
        query->lounge_id = wk_lounge_get_id (l);
    }
  query->limit = SEARCH_PAGE;

  if (query->text[0] == '\0' && query->status < 0 && query->assignee_id <= 0 && query->lounge_id <= 0)
    return NULL;
  return g_steal_pointer (&query);
}

static void search_page_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data);

/* Asks for the next page of the search when the list is scrolled to
 * within a screen of its end (or does not fill its screen). */
static void
maybe_next_page (WkDesksideWindow *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->tickets_list));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tickets));
  g_autoptr(WkTicket) last = NULL;

  if (!self->search_more || self->search_paging || self->search_query == NULL || n == 0 ||
      adjustment == NULL)
    return;
  if (gtk_adjustment_get_value (adjustment) + 2 * gtk_adjustment_get_page_size (adjustment) <
      gtk_adjustment_get_upper (adjustment))
    return;

  last = g_list_model_get_item (G_LIST_MODEL (self->tickets), n - 1);
  self->search_query->after_updated_at = wk_ticket_get_updated_at (last);
  self->search_query->after_id = wk_ticket_get_id (last);
  self->search_paging = TRUE;
  wk_desk_search_tickets_async (desk_of (self), self->search_query, self->search_cancellable,
                                search_page_cb, self);
}

static void
search_page_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tickets = wk_desk_search_tickets_finish (WK_DESK (source), result, &error);
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_WINDOW (user_data);
  self->search_paging = FALSE;
  if (tickets == NULL)
    {
      /* no more pages of this search; a new search starts again */
      self->search_more = FALSE;
      report (self, error);
      return;
    }
  set_offline (self, FALSE);
  n = splice_store (self->tickets, g_list_model_get_n_items (G_LIST_MODEL (self->tickets)), 0, tickets);
  self->search_more = n >= SEARCH_PAGE;
  maybe_next_page (self);
}

static void
search_results_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tickets = wk_desk_search_tickets_finish (WK_DESK (source), result, &error);
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_WINDOW (user_data);
  if (tickets == NULL)
    {
      report (self, error);
      return;
    }
  set_offline (self, FALSE);
  n = replace_store (self->tickets, tickets);
  self->search_more = n >= SEARCH_PAGE;
  gtk_stack_set_visible_child_name (self->tickets_stack,
                                    n > 0 ? "results" : self->search_filtered ? "filtered" : "none");
  /* the next page comes when the list is scrolled near its end */
}

/* Runs the search again: the text or a filter changed. */
static void
search_changed_cb (WkDesksideWindow *self)
{
  g_autoptr(WkTicketQuery) query = NULL;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->search_query, wk_ticket_query_free);
  self->search_more = FALSE;
  self->search_paging = FALSE;
  if (self->session == NULL)
    return;
  query = ticket_query (self);
  if (query == NULL)
    {
      g_list_store_remove_all (self->tickets);
      gtk_stack_set_visible_child_name (self->tickets_stack, "start");
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  self->search_filtered = query->status >= 0 || query->assignee_id > 0 || query->lounge_id > 0;
  self->search_query = g_steal_pointer (&query);
  wk_desk_search_tickets_async (desk_of (self), self->search_query, self->search_cancellable,
                                search_results_cb, self);
}

/* Enter (or a double click) on a ticket found. */
static void
ticket_activated_cb (WkDesksideWindow *self,
                     guint             position,
                     GtkListView      *list)
{
  g_autoptr(WkTicket) ticket = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), position);

  if (ticket != NULL)
    show_ticket (self, wk_ticket_get_id (ticket));
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "tickets");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->ticket_search));
}

/* ---- hardware ------------------------------------------------------------------- */

static int
hardware_filter (WkDesksideWindow *self)
{
  if (gtk_toggle_button_get_active (self->ready_toggle))
    return WK_HARDWARE_STATUS_READY;
  if (gtk_toggle_button_get_active (self->collected_toggle))
    return WK_HARDWARE_STATUS_COLLECTED;
  return WK_HARDWARE_STATUS_PREPARING;
}

static void
hardware_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = wk_desk_list_hardware_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_WINDOW (user_data);
  if (items == NULL)
    {
      report (self, error);
      return;
    }
  set_offline (self, FALSE);
  replace_store (self->hardware, items);
}

static void
refresh_hardware (WkDesksideWindow *self)
{
  if (self->session == NULL)
    return;
  self->hardware_loaded = TRUE;
  wk_desk_list_hardware_async (desk_of (self), 0, self->lounge_id, hardware_filter (self),
                               self->cancellable, hardware_cb, self);
}

static void
hardware_filter_cb (WkDesksideWindow *self,
                    GtkToggleButton  *toggle)
{
  if (gtk_toggle_button_get_active (toggle))
    refresh_hardware (self);
}

static void
view_changed_cb (WkDesksideWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "hardware") == 0 && !self->hardware_loaded)
    refresh_hardware (self);
}

static GtkWidget *
create_hardware_row_cb (gpointer item,
                        gpointer user_data)
{
  return wk_deskside_hardware_row_new (WK_HARDWARE (item));
}

static WkHardware *
find_hardware (WkDesksideWindow *self,
               gint64            id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->hardware));

  for (guint i = 0; i < n; i++)
    {
      WkHardware *h = g_list_model_get_item (G_LIST_MODEL (self->hardware), i);
      g_object_unref (h);
      if (wk_hardware_get_id (h) == id)
        return h;
    }
  return NULL;
}

static void
hardware_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  WkDesksideWindow *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkHardware) hardware = NULL;
  gpointer tag = g_task_get_source_tag (G_TASK (result));
  g_autofree char *message = NULL;

  if (tag == (gpointer) wk_desk_add_hardware_async)
    hardware = wk_desk_add_hardware_finish (WK_DESK (source), result, &error);
  else if (tag == (gpointer) wk_desk_mark_hardware_ready_async)
    hardware = wk_desk_mark_hardware_ready_finish (WK_DESK (source), result, &error);
  else
    hardware = wk_desk_cancel_hardware_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_DESKSIDE_WINDOW (user_data);
  if (hardware == NULL)
    {
      report (self, error);
      if (!g_error_matches (error, WK_ERROR, WK_ERROR_UNAVAILABLE))
        refresh_hardware (self);
      return;
    }
  set_offline (self, FALSE);
  switch (wk_hardware_get_status (hardware))
    {
    case WK_HARDWARE_STATUS_PREPARING:
      /* Translators: %s is a device */
      message = g_strdup_printf (_("%s added"), wk_hardware_get_description (hardware));
      break;
    case WK_HARDWARE_STATUS_READY:
      {
        g_autofree char *where = wk_deskside_location_label (wk_hardware_get_location (hardware));
        /* Translators: a device, then where it waits */
        message = g_strdup_printf (_("%s is ready at %s"), wk_hardware_get_description (hardware), where);
      }
      break;
    default:
      /* Translators: %s is a device */
      message = g_strdup_printf (_("%s cancelled"), wk_hardware_get_description (hardware));
      break;
    }
  toast (self, message);
  refresh_hardware (self);
  wk_deskside_visitor_pane_reload (self->visitor_pane);
}

static void
ready_response_cb (WkDesksideWindow         *self,
                   const char               *response,
                   WkDesksideHardwareDialog *dialog)
{
  WkHardware *hardware = wk_deskside_hardware_dialog_get_hardware (dialog);
  g_autofree char *location = NULL;
  gint64 ready_by = 0;

  if (g_strcmp0 (response, "save") != 0 || self->session == NULL)
    return;
  if (!wk_deskside_hardware_dialog_get_ready_by (dialog, &ready_by))
    {
      toast (self, _("Type the ready-by time as hours and minutes, such as 14:30"));
      return;
    }
  location = wk_deskside_hardware_dialog_dup_location (dialog);
  wk_desk_mark_hardware_ready_async (desk_of (self), wk_hardware_get_id (hardware),
                                     wk_hardware_get_version (hardware), location, ready_by,
                                     me (self), self->cancellable, hardware_done_cb, self);
}

static void
mark_hardware_ready_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);
  WkHardware *hardware = find_hardware (self, g_variant_get_int64 (parameter));
  GtkWidget *dialog;

  if (hardware == NULL)
    return;
  dialog = wk_deskside_hardware_dialog_new_ready (GTK_WINDOW (self), hardware);
  g_signal_connect_object (dialog, "response", G_CALLBACK (ready_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_hardware_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);
  WkHardware *hardware = find_hardware (self, g_variant_get_int64 (parameter));

  if (hardware == NULL)
    return;
  wk_desk_cancel_hardware_async (desk_of (self), wk_hardware_get_id (hardware),
                                 wk_hardware_get_version (hardware), me (self),
                                 self->cancellable, hardware_done_cb, self);
}

/* adding: find the person (and ticket) first, then add */
typedef struct {
  WkDesksideWindow *self;   /* not owned: every step checks cancellation first */
  gint64            person_id;
  gint64            ticket_id;
  char             *ticket_ref;
  char             *description;
  char             *asset_tag;
  gint64            ready_by;
} AddHardware;

static void
add_hardware_free (AddHardware *a)
{
  g_free (a->ticket_ref);
  g_free (a->description);
  g_free (a->asset_tag);
  g_free (a);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AddHardware, add_hardware_free)

static void add_hardware_next (AddHardware *a);

static void
add_ticket_found_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AddHardware) a = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tickets = wk_desk_search_tickets_finish (WK_DESK (source), result, &error);
  g_autoptr(WkTicket) ticket = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  ticket = tickets != NULL && g_list_model_get_n_items (tickets) > 0 ? g_list_model_get_item (tickets, 0) : NULL;
  if (ticket == NULL || g_ascii_strcasecmp (wk_ticket_get_ref (ticket), a->ticket_ref) != 0)
    {
      /* Translators: %s is what was typed as a ticket reference */
      g_autofree char *message = g_strdup_printf (_("There is no ticket %s"), a->ticket_ref);
      toast (a->self, message);
      return;
    }
  a->ticket_id = wk_ticket_get_id (ticket);
  if (a->person_id <= 0)
    a->person_id = wk_ticket_get_requester_id (ticket);
  g_clear_pointer (&a->ticket_ref, g_free);
  add_hardware_next (g_steal_pointer (&a));
}

static void
add_person_found_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AddHardware) a = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkIdentity) identity = wk_desk_identify_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (identity == NULL || wk_identity_get_person (identity) == NULL)
    {
      toast (a->self, _("Nobody has that email or badge"));
      return;
    }
  a->person_id = wk_person_get_id (wk_identity_get_person (identity));
  add_hardware_next (g_steal_pointer (&a));
}

static void
add_hardware_next (AddHardware *a)
{
  WkDesksideWindow *self = a->self;

  if (a->ticket_ref != NULL)
    {
      g_autoptr(WkTicketQuery) query = wk_ticket_query_new ();

      query->text = g_strdup (a->ticket_ref);
      query->limit = 1;
      wk_desk_search_tickets_async (desk_of (self), query, self->cancellable, add_ticket_found_cb, a);
      return;
    }
  if (a->person_id <= 0)
    {
      toast (self, _("Say who the device is for"));
      add_hardware_free (a);
      return;
    }
  wk_desk_add_hardware_async (desk_of (self), a->person_id, a->ticket_id, self->lounge_id,
                              a->description, a->asset_tag, a->ready_by, me (self),
                              self->cancellable, hardware_done_cb, self);
  add_hardware_free (a);
}

static void
add_response_cb (WkDesksideWindow         *self,
                 const char               *response,
                 WkDesksideHardwareDialog *dialog)
{
  g_autoptr(AddHardware) a = NULL;
  g_autofree char *person = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *tag = NULL;

  if (g_strcmp0 (response, "save") != 0 || self->session == NULL)
    return;

  a = g_new0 (AddHardware, 1);
  a->self = self;
  a->person_id = wk_deskside_hardware_dialog_get_person_id (dialog);
  a->description = g_strstrip (g_strdup (wk_deskside_hardware_dialog_get_description (dialog)));
  tag = g_strstrip (g_strdup (wk_deskside_hardware_dialog_get_asset_tag (dialog)));
  ref = g_strstrip (g_strdup (wk_deskside_hardware_dialog_get_ticket_ref (dialog)));
  person = g_strstrip (g_strdup (wk_deskside_hardware_dialog_get_person (dialog)));
  if (*a->description == '\0')
    {
      toast (self, _("Say which device it is"));
      return;
    }
  if (!wk_deskside_hardware_dialog_get_ready_by (dialog, &a->ready_by))
    {
      toast (self, _("Type the ready-by time as hours and minutes, such as 14:30"));
      return;
    }
  a->asset_tag = *tag != '\0' ? g_steal_pointer (&tag) : NULL;
  a->ticket_ref = *ref != '\0' ? g_steal_pointer (&ref) : NULL;

  if (a->person_id <= 0 && *person != '\0')
    {
      wk_desk_identify_async (desk_of (self),
                              strchr (person, '@') != NULL ? WK_IDENTIFIED_BY_EMAIL : WK_IDENTIFIED_BY_BADGE,
                              person, self->cancellable, add_person_found_cb, g_steal_pointer (&a));
      return;
    }
  add_hardware_next (g_steal_pointer (&a));
}

static void
add_hardware_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);
  WkVisit *visit = g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "visitor") == 0
                   ? wk_deskside_visitor_pane_get_visit (self->visitor_pane) : NULL;
  GtkWidget *dialog;

  dialog = wk_deskside_hardware_dialog_new_add (GTK_WINDOW (self),
                                                visit != NULL ? wk_visit_get_person_name (visit) : NULL,
                                                visit != NULL ? wk_visit_get_person_id (visit) : 0,
                                                visit != NULL ? wk_visit_get_ticket_ref (visit) : NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the rest of the commands ------------------------------------------------------ */

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);

  refresh_queue (self);
  if (self->hardware_loaded)
    refresh_hardware (self);
  catch_up (self);
  if (self->offline && self->lounges != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->lounges)) == 0)
    wk_desk_list_lounges_async (desk_of (self), self->cancellable, lounges_cb, self);
}

static void
view_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
lounge_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (widget);

  if (self->session != NULL)
    set_lounge (self, g_variant_get_int64 (parameter));
}

static void
go_back_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  adw_leaflet_navigate (WK_DESKSIDE_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_shortcuts_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource (RESOURCE_PATH "/deskside/wk-deskside-shortcuts-window.ui");
  GtkWindow *shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

/* ---- GObject ------------------------------------------------------------------------- */

WkSession *
wk_deskside_window_get_session (WkDesksideWindow *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_WINDOW (self), NULL);
  return self->session;
}

gint64
wk_deskside_window_get_lounge_id (WkDesksideWindow *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_WINDOW (self), 0);
  return self->lounge_id;
}

GListModel *
wk_deskside_window_get_queue (WkDesksideWindow *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_WINDOW (self), NULL);
  return G_LIST_MODEL (self->queue);
}

void
wk_deskside_window_sign_in_as (WkDesksideWindow *self,
                               WkSession        *session)
{
  g_return_if_fail (WK_IS_DESKSIDE_WINDOW (self));
  g_return_if_fail (WK_IS_SESSION (session));

  if (self->session != NULL)
    stop_session (self);
  start_session (self, session);
}

static void
wk_deskside_window_constructed (GObject *object)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (object);

  G_OBJECT_CLASS (wk_deskside_window_parent_class)->constructed (object);

  wk_deskside_sign_in_page_set_desk (self->sign_in_page, desk_of (self));
  wk_deskside_sign_in_page_reset (self->sign_in_page);

  /* the outbox's counts follow live (a hub desk only) */
  if (desk_of (self) != NULL)
    {
      static const char * const counted[] = {
        "notify::pending-count", "notify::refused-count", "notify::refusals",
      };

      for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
        g_signal_connect_object (desk_of (self), counted[i], G_CALLBACK (update_banner), self,
                                 G_CONNECT_SWAPPED);
      if (desk_property (self, "online", G_TYPE_BOOLEAN) != NULL)
        g_signal_connect_object (desk_of (self), "notify::online", G_CALLBACK (desk_online_cb), self,
                                 G_CONNECT_SWAPPED);
      desk_online_cb (self);
    }
}

static void
wk_deskside_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOUNGE_ID:
      g_value_set_int64 (value, self->lounge_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_deskside_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOUNGE_ID:
      if (self->session != NULL)
        set_lounge (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_deskside_window_dispose (GObject *object)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (object);

  stop_session (self);
  g_clear_object (&self->notifier);
  g_clear_object (&self->queue_selection);
  g_clear_object (&self->mine);
  g_clear_object (&self->queue);
  g_clear_object (&self->tickets);
  g_clear_object (&self->hardware);
  g_clear_object (&self->lounges);
  g_clear_object (&self->lounge_names);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wk_deskside_window_parent_class)->dispose (object);
}

static void
wk_deskside_window_finalize (GObject *object)
{
  WkDesksideWindow *self = WK_DESKSIDE_WINDOW (object);

  g_clear_pointer (&self->desk_name, g_free);
  g_clear_pointer (&self->checked_in, g_array_unref);
  g_clear_pointer (&self->red_notified, g_hash_table_unref);
  g_clear_pointer (&self->disabled_actions, g_hash_table_unref);

  G_OBJECT_CLASS (wk_deskside_window_parent_class)->finalize (object);
}

static void
wk_deskside_window_class_init (WkDesksideWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wk_deskside_window_constructed;
  object_class->dispose = wk_deskside_window_dispose;
  object_class->finalize = wk_deskside_window_finalize;
  object_class->get_property = wk_deskside_window_get_property;
  object_class->set_property = wk_deskside_window_set_property;

  properties[PROP_LOUNGE_ID] =
    g_param_spec_int64 ("lounge-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WK_TYPE_DESKSIDE_SIGN_IN_PAGE);
  g_type_ensure (WK_TYPE_DESKSIDE_VISITOR_PANE);
  g_type_ensure (WK_TYPE_DESKSIDE_TICKET_PANE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/deskside/wk-deskside-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, offline_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, dismiss_refused_button);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_refused_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, queue_stack);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, queue_list);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, mine_stack);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, mine_list);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, ticket_search);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, mine_toggle);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, lounge_filter);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, tickets_stack);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, tickets_list);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, preparing_toggle);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, ready_toggle);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, collected_toggle);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, hardware_list);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, detail_title);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, visitor_pane);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, ticket_pane);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideWindow, lounge_menu);
  gtk_widget_class_bind_template_callback (widget_class, signed_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, visit_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, ticket_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, hardware_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pane_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, pane_toast_cb);

  gtk_widget_class_install_action (widget_class, "win.pick-up", NULL, pick_up_activated);
  gtk_widget_class_install_action (widget_class, "win.pick-up-next", NULL, pick_up_next_activated);
  gtk_widget_class_install_action (widget_class, "win.pick-up-visit", "x", pick_up_visit_activated);
  gtk_widget_class_install_action (widget_class, "win.show-visit", "x", show_visit_activated);
  gtk_widget_class_install_action (widget_class, "win.start-service", NULL, start_service_activated);
  gtk_widget_class_install_action (widget_class, "win.finish-visit", NULL, finish_visit_activated);
  gtk_widget_class_install_action (widget_class, "win.mark-left", NULL, mark_left_activated);
  gtk_widget_class_install_action (widget_class, "win.show-ticket", "x", show_ticket_activated);
  gtk_widget_class_install_action (widget_class, "win.open-ticket", NULL, open_ticket_activated);
  gtk_widget_class_install_action (widget_class, "win.add-note", NULL, add_note_activated);
  gtk_widget_class_install_action (widget_class, "win.resolve-ticket", NULL, resolve_ticket_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_activated);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_activated);
  gtk_widget_class_install_action (widget_class, "win.add-hardware", NULL, add_hardware_activated);
  gtk_widget_class_install_action (widget_class, "win.mark-hardware-ready", "x", mark_hardware_ready_activated);
  gtk_widget_class_install_action (widget_class, "win.cancel-hardware", "x", cancel_hardware_activated);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_activated);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_activated);
  gtk_widget_class_install_action (widget_class, "win.lounge", "x", lounge_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.pick-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.pick-up-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.finish-visit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.mark-left", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.open-ticket", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.add-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.resolve-ticket", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.add-hardware", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.view", "s", "queue");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.view", "s", "mine");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.view", "s", "tickets");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.view", "s", "hardware");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-shortcuts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-shortcuts", NULL);
}

static void
string_item_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
string_item_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  ellipsize)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

/* Labels for a drop-down of strings, shortened with "…" when there is no
 * room if @ellipsize. */
static GtkListItemFactory *
string_factory_new (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (string_item_setup_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (string_item_bind_cb), GINT_TO_POINTER (ellipsize));
  return factory;
}

static void
wk_deskside_window_init (WkDesksideWindow *self)
{
  GtkCustomFilter *filter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (SCHEMA_ID);
  self->notifier = wk_notifier_new (GTK_WIDGET (self));
  self->queue = g_list_store_new (WK_TYPE_VISIT);
  self->tickets = g_list_store_new (WK_TYPE_TICKET);
  self->hardware = g_list_store_new (WK_TYPE_HARDWARE);
  self->lounges = g_list_store_new (WK_TYPE_LOUNGE);
  self->checked_in = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->red_notified = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->disabled_actions = g_hash_table_new (g_str_hash, g_str_equal);
  self->cursor = -1;

  self->queue_selection = set_up_list (self, self->queue_list, G_LIST_MODEL (self->queue),
                                       WK_TYPE_DESKSIDE_VISIT_ROW);
  g_signal_connect_object (self->queue_selection, "selection-changed",
                           G_CALLBACK (queue_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->queue, "items-changed",
                           G_CALLBACK (queue_items_changed_cb), self, G_CONNECT_SWAPPED);
  queue_items_changed_cb (self);

  filter = gtk_custom_filter_new (mine_filter_cb, self, NULL);
  self->mine = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->queue)), GTK_FILTER (filter));
  g_object_unref (set_up_list (self, self->mine_list, G_LIST_MODEL (self->mine), WK_TYPE_DESKSIDE_VISIT_ROW));
  g_signal_connect_object (self->mine, "items-changed",
                           G_CALLBACK (mine_items_changed_cb), self, G_CONNECT_SWAPPED);
  mine_items_changed_cb (self);

  g_object_unref (set_up_list (self, self->tickets_list, G_LIST_MODEL (self->tickets),
                               WK_TYPE_DESKSIDE_TICKET_ROW));
  {
    /* the next page of a search, as the list nears its end */
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->tickets_list));

    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (maybe_next_page), self,
                             G_CONNECT_SWAPPED);
    g_signal_connect_object (adjustment, "changed", G_CALLBACK (maybe_next_page), self,
                             G_CONNECT_SWAPPED);
  }
  gtk_list_box_bind_model (self->hardware_list, G_LIST_MODEL (self->hardware),
                           create_hardware_row_cb, self, NULL);

  {
    g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
    GtkDropDown *filters[] = { self->status_filter, self->lounge_filter };

    /* a narrow window (360 px) shrinks the filters' labels, never the list's */
    for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
      {
        g_autoptr(GtkListItemFactory) shown = string_factory_new (TRUE);
        g_autoptr(GtkListItemFactory) listed = string_factory_new (FALSE);

        gtk_drop_down_set_factory (filters[i], shown);
        gtk_drop_down_set_list_factory (filters[i], listed);
      }
    gtk_string_list_append (statuses, _("Any status"));
    for (int s = WK_TICKET_STATUS_NEW; s <= WK_TICKET_STATUS_CLOSED; s++)
      gtk_string_list_append (statuses, wk_deskside_ticket_status_label (s));
    gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  }
  self->lounge_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->lounge_names, _("All lounges"));
  gtk_drop_down_set_model (self->lounge_filter, G_LIST_MODEL (self->lounge_names));

  g_signal_connect_object (self->settings, "changed::wait-amber-minutes",
                           G_CALLBACK (thresholds_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->offline_revealer, "notify::child-revealed",
                           G_CALLBACK (offline_revealed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::wait-red-minutes",
                           G_CALLBACK (thresholds_changed_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

WkDesksideWindow *
wk_deskside_window_new (GtkApplication *application,
                        WkDesk         *desk)
{
  return g_object_new (WK_TYPE_DESKSIDE_WINDOW,
                       "application", application,
                       "desk", desk,
                       NULL);
}
