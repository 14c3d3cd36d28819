/* wk-board-window.c — the board face's window: the TV on the lounge wall
 *
 * Now serving (initials → desk), waiting (initials and minutes), the
 * current estimate and the announcements, kept live from the desk's events
 * and a minute timer.  Never a full name: only wk_visit_dup_initials().
 * Without a desk or a lounge the empty state from the template stays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-board-window"

#include "config.h"

#include "wk-board-window.h"

#include "wk-announcement.h"
#include "wk-clock-label.h"
#include "wk-lounge.h"

#include <glib/gi18n.h>

#define REFRESH_SECONDS    60   /* the waiting minutes move on; changes come as events */
#define EVENT_DEBOUNCE_MS  300
#define MAX_WAITING_SHOWN  12

struct _WkBoardWindow
{
  WkFaceWindow  parent_instance;

  /* template */
  GtkStack     *stack;
  GtkLabel     *lounge_label;
  WkClockLabel *clock;
  GtkListBox   *serving_list;
  GtkListBox   *waiting_list;
  GtkWidget    *serving_empty;
  GtkWidget    *waiting_empty;
  GtkLabel     *estimate_label;
  GtkLabel     *news_label;

  GCancellable *cancellable;   /* owned */
  WkLounge     *lounge;        /* owned */
  guint         subscription;
  guint         debounce_id;
  guint         refresh_id;
  guint         waiting;       /* people waiting at the last look at the queue */
};

G_DEFINE_FINAL_TYPE (WkBoardWindow, wk_board_window, WK_TYPE_FACE_WINDOW)

static GtkWidget *
board_row (const char *initials,
           const char *detail,
           const char *accessible)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *who = gtk_label_new (initials);
  GtkWidget *what = gtk_label_new (detail);

  gtk_widget_add_css_class (who, "board-initials");
  gtk_widget_add_css_class (what, "board-detail");
  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_label_set_xalign (GTK_LABEL (what), 1);
  gtk_widget_set_hexpand (what, TRUE);
  gtk_box_append (GTK_BOX (box), who);
  gtk_box_append (GTK_BOX (box), what);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_queue (WkBoardWindow *self,
            GListModel    *queue)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint n = g_list_model_get_n_items (queue);
  guint serving = 0, waiting = 0, shown = 0;
  clear_list (self->serving_list);
  clear_list (self->waiting_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkVisit) visit = g_list_model_get_item (queue, i);
      g_autofree char *initials = wk_visit_dup_initials (visit);
      g_autofree char *detail = NULL;
      g_autofree char *accessible = NULL;

      switch (wk_visit_get_status (visit))
        {
        case WK_VISIT_STATUS_CALLED:
        case WK_VISIT_STATUS_IN_SERVICE:
          if (wk_visit_get_desk (visit) != NULL)
            {
              /* Translators: where someone being served goes, e.g. "→ Desk 2" */
              detail = g_strdup_printf (_("→ %s"), wk_visit_get_desk (visit));
              /* Translators: read out for a row of the board: initials, then a desk name */
              accessible = g_strdup_printf (_("%s, please go to %s"), initials,
                                            wk_visit_get_desk (visit));
            }
          else
            {
              detail = g_strdup (_("→ the counter"));
              /* Translators: read out for a row of the board; %s is the initials */
              accessible = g_strdup_printf (_("%s, please go to the counter"), initials);
            }
          gtk_list_box_append (self->serving_list, board_row (initials, detail, accessible));
          serving++;
          break;
        case WK_VISIT_STATUS_WAITING:
          {
            gint64 waited = MAX (now - wk_visit_get_checked_in_at (visit), 0) / 60;

            waiting++;
            if (shown >= MAX_WAITING_SHOWN)
              break;
            /* Translators: minutes someone has been waiting, on the board */
            detail = g_strdup_printf (ngettext ("%d min", "%d min", (gulong) waited), (int) waited);
            /* Translators: read out for a row of the board: initials, then minutes */
            accessible = g_strdup_printf (_("%s, waiting %s"), initials, detail);
            gtk_list_box_append (self->waiting_list, board_row (initials, detail, accessible));
            shown++;
          }
          break;
        default:
          break;
        }
    }

  gtk_widget_set_visible (self->serving_empty, serving == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->serving_list), serving > 0);
  gtk_widget_set_visible (self->waiting_empty, waiting == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_list), waiting > 0);

  self->waiting = waiting;
}

/* The wait for someone joining now: the desk's own estimate (wk-estimate.h),
 * the same the kiosk promises at check-in. */
static void
show_estimate (WkBoardWindow *self,
               guint          waiting,
               int            minutes)
{
  g_autofree char *estimate = NULL;

  if (waiting == 0)
    estimate = g_strdup (_("No one is waiting — walk right up"));
  else if (minutes < 0)
    estimate = g_strdup_printf (ngettext ("%u waiting", "%u waiting", waiting), waiting);
  else
    /* Translators: the wait for someone who checks in now, on the board */
    estimate = g_strdup_printf (ngettext ("Joining now? About %d min", "Joining now? About %d min",
                                          (gulong) minutes), minutes);
  gtk_label_set_text (self->estimate_label, estimate);
}

static void
estimated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  WkBoardWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  guint waiting = 0;
  int minutes = wk_desk_estimate_wait_finish (WK_DESK (source), result, &waiting, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (minutes < 0)
    {
      g_warning ("Cannot estimate the wait: %s", error->message);
      show_estimate (self, self->waiting, -1);
      return;
    }
  show_estimate (self, waiting, minutes);
}

static void
queue_listed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WkBoardWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) queue = wk_desk_list_queue_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (queue == NULL)
    {
      g_warning ("Cannot read the queue: %s", error->message);
      return;
    }
  show_queue (self, queue);
}

static void
announcements_listed_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  WkBoardWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = wk_desk_list_announcements_finish (WK_DESK (source), result, &error);
  g_autoptr(GString) text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (list == NULL)
    {
      g_warning ("Cannot read the announcements: %s", error->message);
      return;
    }
  text = g_string_new (NULL);
  for (guint i = 0; i < MIN (g_list_model_get_n_items (list), 2); i++)
    {
      g_autoptr(WkAnnouncement) announcement = g_list_model_get_item (list, i);

      g_string_append_printf (text, "%s%s", i > 0 ? "   ·   " : "",
                              wk_announcement_get_title (announcement));
    }
  gtk_label_set_text (self->news_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->news_label), text->len > 0);
}

static void
refresh (WkBoardWindow *self)
{
  WkDesk *desk = wk_face_window_get_desk (WK_FACE_WINDOW (self));

  if (desk == NULL || self->lounge == NULL)
    return;
  wk_desk_list_queue_async (desk, wk_lounge_get_id (self->lounge), self->cancellable,
                            queue_listed_cb, self);
  wk_desk_estimate_wait_async (desk, wk_lounge_get_id (self->lounge), self->cancellable,
                               estimated_cb, self);
  wk_desk_list_announcements_async (desk, wk_lounge_get_id (self->lounge), 0, self->cancellable,
                                    announcements_listed_cb, self);
}

static gboolean
debounce_cb (gpointer user_data)
{
  WkBoardWindow *self = user_data;

  self->debounce_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
desk_event_cb (WkDesk   *desk,
               WkEvent  *event,
               gpointer  user_data)
{
  WkBoardWindow *self = user_data;

  if (self->debounce_id == 0)
    self->debounce_id = g_timeout_add (EVENT_DEBOUNCE_MS, debounce_cb, self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
lounges_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  WkBoardWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lounges = wk_desk_list_lounges_finish (WK_DESK (source), result, &error);
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GTimeZone) timezone = NULL;
  gint64 wanted;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (lounges == NULL)
    {
      g_warning ("Cannot read the lounges: %s", error->message);
      return;
    }

  settings = g_settings_new (SCHEMA_ID);
  wanted = g_settings_get_int64 (settings, "lounge-id");
  for (guint i = 0; i < g_list_model_get_n_items (lounges) && self->lounge == NULL; i++)
    {
      g_autoptr(WkLounge) lounge = g_list_model_get_item (lounges, i);

      if (wanted == 0 || wk_lounge_get_id (lounge) == wanted)
        self->lounge = g_steal_pointer (&lounge);
    }
  if (self->lounge == NULL)
    return;

  gtk_label_set_text (self->lounge_label, wk_lounge_get_name (self->lounge));
  timezone = g_time_zone_new_identifier (wk_lounge_get_timezone (self->lounge));
  if (timezone != NULL)
    wk_clock_label_set_timezone (self->clock, timezone);
  gtk_stack_set_visible_child_name (self->stack, "board");
  gtk_widget_set_visible (gtk_stack_get_child_by_name (self->stack, "empty"), FALSE);

  self->subscription = wk_desk_subscribe (WK_DESK (source), -1, desk_event_cb, self, NULL);
  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
  refresh (self);
}

static void
wk_board_window_constructed (GObject *object)
{
  WkBoardWindow *self = WK_BOARD_WINDOW (object);
  WkDesk *desk;

  G_OBJECT_CLASS (wk_board_window_parent_class)->constructed (object);

  desk = wk_face_window_get_desk (WK_FACE_WINDOW (self));
  if (desk != NULL)
    wk_desk_list_lounges_async (desk, self->cancellable, lounges_listed_cb, self);
}

static void
wk_board_window_dispose (GObject *object)
{
  WkBoardWindow *self = WK_BOARD_WINDOW (object);
  WkDesk *desk = wk_face_window_get_desk (WK_FACE_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  if (self->subscription != 0 && desk != NULL)
    wk_desk_unsubscribe (desk, self->subscription);
  self->subscription = 0;
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lounge);

  G_OBJECT_CLASS (wk_board_window_parent_class)->dispose (object);
}

static void
wk_board_window_class_init (WkBoardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = wk_board_window_constructed;
  object_class->dispose = wk_board_window_dispose;

  g_type_ensure (WK_TYPE_CLOCK_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/board/wk-board-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WkBoardWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WkBoardWindow, lounge_label);
  gtk_widget_class_bind_template_child (widget_class, WkBoardWindow, clock);
  gtk_widget_class_bind_template_child (widget_class, WkBoardWindow, serving_list);
  gtk_widget_class_bind_template_child (widget_class, WkBoardWindow, waiting_list);
  gtk_widget_class_bind_template_child (widget_class, WkBoardWindow, serving_empty);
  gtk_widget_class_bind_template_child (widget_class, WkBoardWindow, waiting_empty);
  gtk_widget_class_bind_template_child (widget_class, WkBoardWindow, estimate_label);
  gtk_widget_class_bind_template_child (widget_class, WkBoardWindow, news_label);
}

static void
wk_board_window_init (WkBoardWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

WkBoardWindow *
wk_board_window_new (GtkApplication *application,
                     WkDesk         *desk)
{
  return g_object_new (WK_TYPE_BOARD_WINDOW,
                       "application", application,
                       "desk", desk,
                       NULL);
}
