/* wk-kiosk-window.c — the kiosk face's window
 *
 * One GtkStack.  Four pages hold nothing personal and live as long as the
 * window: "setup" (no lounge yet), "start", "closed" and "still-there".
 * Everything a person sees after identifying is a *journey page*, created
 * when needed and pushed onto the journey; kiosk.back pops one and
 * wk_kiosk_window_reset() destroys them all, so after an idle reset nothing
 * of the previous person is left in the widget tree.
 *
 * Commands are actions (kiosk.*): the pages' buttons are bound to them and
 * the pages ask the window by activating them.  Lockdown refuses close
 * requests; leaving kiosk mode takes the hidden gesture (five taps on the
 * clock: kiosk.admin) and the admin PIN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kiosk-window"

#include "config.h"

#include "wk-kiosk-window.h"

#include "wk-announcement.h"
#include "wk-badge-detector.h"
#include "wk-category.h"
#include "wk-clock-label.h"
#include "wk-error.h"
#include "wk-kiosk-closed-page.h"
#include "wk-kiosk-collect-page.h"
#include "wk-kiosk-confirm-page.h"
#include "wk-kiosk-feedback-page.h"
#include "wk-kiosk-guest-page.h"
#include "wk-kiosk-hello-page.h"
#include "wk-kiosk-identify-page.h"
#include "wk-kiosk-request-page.h"
#include "wk-kiosk-start-page.h"
#include "wk-kiosk-still-there-page.h"
#include "wk-kiosk-thanks-page.h"
#include "wk-lounge.h"
#include "wk-opening-hours.h"
#include "wk-osk.h"
#include "wk-password.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#define HIDDEN_TAPS         5
#define HIDDEN_TAPS_WINDOW  (3 * G_USEC_PER_SEC)
#define CONFIRM_SECONDS       20   /* the confirmation goes back to start by itself */
#define THANKS_SECONDS        8
#define REFRESH_SECONDS       30   /* queue and announcements on the start screen */
#define EVENT_DEBOUNCE_MS     500
#define LOOKUP_WINDOW_US      (60 * G_USEC_PER_SEC)
#define BADGE_WAIT_MS         400  /* a badge look-up this slow shows the identify page */

typedef enum {
  PURPOSE_CHECK_IN,
  PURPOSE_COLLECT,
  PURPOSE_FEEDBACK,
} Purpose;

struct _WkKioskWindow
{
  WkFaceWindow           parent_instance;

  guint                  admin_taps;       /* of the hidden gesture */
  gint64                 first_admin_tap_us;

  /* template */
  AdwToastOverlay       *toasts;
  GtkStack              *stack;
  GtkWidget             *setup_page;

  WkDesk                *desk;               /* not owned: the face window's */
  GSettings             *settings;           /* owned */
  GCancellable          *cancellable;        /* owned; the window's lifetime */
  WkBadgeDetector       *badge_detector;     /* owned */
  gboolean               lockdown;

  GtkWidget             *start_page;
  GtkWidget             *closed_page;
  GtkWidget             *still_there_page;

  /* the lounge */
  WkLounge              *lounge;             /* owned */
  GTimeZone             *timezone;           /* owned */
  WkOpeningHours        *hours;              /* owned; NULL: always open */
  guint                  subscription;
  guint                  event_debounce_id;
  guint                  tick_id;
  guint                  ticks;

  /* the journey: everything about the person in front of the screen */
  GPtrArray             *journey;            /* owned array of the journey pages (in the stack) */
  GCancellable          *journey_cancellable; /* owned; cancelled on reset */
  Purpose                purpose;
  gint64                 first_touch_us;     /* 0: no journey */
  WkIdentity            *identity;           /* owned */
  char                  *guest_name;         /* owned */
  char                  *guest_email;        /* owned */
  char                  *check_in_uuid;      /* owned; the same on a retry */
  gint64                 survey_visit_id;    /* the visit being rated, or 0 */
  gboolean               survey_scored;      /* a face was tapped, not yet submitted */
  gboolean               busy;
  guint                  badge_wait_id;      /* a badge look-up without a page of its own */
  gint64                 auto_home_at_us;    /* confirmation, thanks: back by themselves */

  /* idle */
  gint64                 last_input_us;
  gint64                 still_there_since_us;
  GtkWidget             *before_still_there; /* not owned: a page in the stack */

  /* typed look-ups of the last minute (monotonic µs) */
  GArray                *lookups;

  /* language */
  char                  *startup_language;   /* owned; LANGUAGE when started, or NULL */
  char                  *language;           /* owned; chosen on the start screen, or NULL */
};

G_DEFINE_FINAL_TYPE (WkKioskWindow, wk_kiosk_window, WK_TYPE_FACE_WINDOW)

enum {
  PROP_0,
  PROP_LOCKDOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_home          (WkKioskWindow *self);
static void refresh_start_page (WkKioskWindow *self);
static void pending_changed    (WkKioskWindow *self);

/* ---- pages ------------------------------------------------------------------- */

/* Shows @page and hides every other page, so that assistive technologies
 * (and the tests) see only what is on the screen. */
static void
show_child (WkKioskWindow *self,
            GtkWidget     *page)
{
  gtk_widget_set_visible (page, TRUE);
  gtk_stack_set_visible_child (self->stack, page);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != page)
      gtk_widget_set_visible (child, FALSE);
}

static GtkWidget *
journey_top (WkKioskWindow *self)
{
  if (self->journey->len == 0)
    return NULL;
  return g_ptr_array_index (self->journey, self->journey->len - 1);
}

static gboolean
has_journey (WkKioskWindow *self)
{
  return self->first_touch_us != 0 || self->journey->len > 0;
}

static void
begin_journey (WkKioskWindow *self)
{
  if (self->first_touch_us == 0)
    self->first_touch_us = g_get_monotonic_time ();
  if (self->journey_cancellable == NULL)
    self->journey_cancellable = g_cancellable_new ();
}

static void
push_page (WkKioskWindow *self,
           GtkWidget     *page)
{
  /* also when driven by assistive technologies, without input events */
  self->last_input_us = g_get_monotonic_time ();
  begin_journey (self);
  gtk_stack_add_child (self->stack, page);
  g_ptr_array_add (self->journey, page);
  show_child (self, page);
  self->auto_home_at_us = 0;
  if (!gtk_widget_grab_focus (page))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* Replaces the top page (e.g. identify → hello: back from hello goes home). */
static void
replace_page (WkKioskWindow *self,
              GtkWidget     *page)
{
  GtkWidget *top = journey_top (self);

  push_page (self, page);
  if (top != NULL)
    {
      g_ptr_array_remove (self->journey, top);
      gtk_stack_remove (self->stack, top);
    }
}

static void
pop_page (WkKioskWindow *self)
{
  GtkWidget *top = journey_top (self);

  self->last_input_us = g_get_monotonic_time ();
  if (self->journey->len <= 1)
    {
      wk_kiosk_window_reset (self);
      return;
    }
  g_ptr_array_remove_index (self->journey, self->journey->len - 1);
  show_child (self, journey_top (self));
  gtk_stack_remove (self->stack, top);
}

static GtkWidget *
find_journey_page (WkKioskWindow *self,
                   GType          type)
{
  for (guint i = self->journey->len; i > 0; i--)
    {
      GtkWidget *page = g_ptr_array_index (self->journey, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (page, type))
        return page;
    }
  return NULL;
}

const char *
wk_kiosk_window_get_page_name (WkKioskWindow *self)
{
  GtkWidget *visible;

  g_return_val_if_fail (WK_IS_KIOSK_WINDOW (self), NULL);

  visible = gtk_stack_get_visible_child (self->stack);
  if (visible == self->setup_page)
    return "setup";
  if (visible == self->start_page)
    return "start";
  if (visible == self->closed_page)
    return "closed";
  if (visible == self->still_there_page)
    return "still-there";
  return visible != NULL ? G_OBJECT_TYPE_NAME (visible) : NULL;
}

static void
toast (WkKioskWindow *self,
       const char    *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toasts, t);
}

/* ---- what waits for the hub ------------------------------------------------------ */

/* The hub's desk counts its outbox ("pending-count"); the local desk has none. */
static void
pending_changed (WkKioskWindow *self)
{
  GParamSpec *pspec;
  guint pending = 0;

  if (self->desk == NULL || self->start_page == NULL)
    return;
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->desk), "pending-count");
  if (pspec != NULL && pspec->value_type == G_TYPE_UINT)
    g_object_get (self->desk, "pending-count", &pending, NULL);
  wk_kiosk_start_page_set_pending (WK_KIOSK_START_PAGE (self->start_page), pending);
}

/* ---- language ------------------------------------------------------------------ */

static void
build_fixed_pages (WkKioskWindow *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);
  gboolean on_start = visible == self->start_page;
  gboolean on_closed = visible == self->closed_page;

  if (on_start || on_closed)
    show_child (self, self->setup_page);
  if (self->start_page != NULL)
    gtk_stack_remove (self->stack, self->start_page);
  if (self->closed_page != NULL)
    gtk_stack_remove (self->stack, self->closed_page);
  if (self->still_there_page != NULL)
    gtk_stack_remove (self->stack, self->still_there_page);

  self->start_page = wk_kiosk_start_page_new ();
  self->closed_page = wk_kiosk_closed_page_new ();
  self->still_there_page = wk_kiosk_still_there_page_new ();
  gtk_stack_add_named (self->stack, self->start_page, "start");
  gtk_stack_add_named (self->stack, self->closed_page, "closed");
  pending_changed (self);
  gtk_stack_add_named (self->stack, self->still_there_page, "still-there");

  gtk_window_set_title (GTK_WINDOW (self), _("Walkup Kiosk"));
  {
    int width = 0, height = 0;

    gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
    wk_kiosk_start_page_set_portrait (WK_KIOSK_START_PAGE (self->start_page), height > width);
  }
  if (self->lounge != NULL)
    {
      wk_kiosk_start_page_set_lounge (WK_KIOSK_START_PAGE (self->start_page), self->lounge,
                                      self->timezone);
      wk_kiosk_closed_page_set_lounge (WK_KIOSK_CLOSED_PAGE (self->closed_page), self->lounge);
      refresh_start_page (self);
    }
  if (on_start || on_closed)
    show_home (self);
}

static void
apply_language (WkKioskWindow *self,
                const char    *language)
{
  const char *effective = language != NULL ? language : self->startup_language;

  if (g_strcmp0 (g_getenv ("LANGUAGE"), effective) == 0
      && g_strcmp0 (self->language, language) == 0)
    return;

  g_free (self->language);
  self->language = g_strdup (language);
  if (effective != NULL)
    g_setenv ("LANGUAGE", effective, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  /* makes gettext read LANGUAGE again */
  setlocale (LC_MESSAGES, "");
  gtk_widget_set_direction (GTK_WIDGET (self), GTK_TEXT_DIR_NONE);
  build_fixed_pages (self);
}

static char *
default_language (WkKioskWindow *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "default-language");

  return *language != '\0' ? g_steal_pointer (&language) : NULL;
}

static gboolean
language_is_default (WkKioskWindow *self)
{
  g_autofree char *language = default_language (self);

  return g_strcmp0 (language, self->language) == 0;
}

/* ---- the lounge: name, hours, queue, announcements ---------------------------------- */

static gboolean
lounge_is_open (WkKioskWindow *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->hours == NULL)
    return TRUE;
  now = g_date_time_new_now (self->timezone);
  return wk_opening_hours_is_open (self->hours, now);
}

static void
show_home (WkKioskWindow *self)
{
  if (self->lounge == NULL)
    show_child (self, self->setup_page);
  else if (lounge_is_open (self))
    show_child (self, self->start_page);
  else
    show_child (self, self->closed_page);
}

/* "N waiting · about M min": the desk's own estimate (wk-estimate.h), the
 * same one a check-in is then promised. */
static void
estimated_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  WkKioskWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  guint waiting = 0;
  int minutes = wk_desk_estimate_wait_finish (WK_DESK (source), result, &waiting, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (minutes < 0)
    {
      g_warning ("Cannot estimate the wait: %s", error->message);
      return;
    }
  wk_kiosk_start_page_set_queue (WK_KIOSK_START_PAGE (self->start_page), waiting, minutes);
}

static void
announcements_listed_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  WkKioskWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = wk_desk_list_announcements_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (list == NULL)
    {
      g_warning ("Cannot read the announcements: %s", error->message);
      return;
    }
  wk_kiosk_start_page_set_announcements (WK_KIOSK_START_PAGE (self->start_page), list);
}

static void
refresh_start_page (WkKioskWindow *self)
{
  if (self->desk == NULL || self->lounge == NULL)
    return;
  wk_desk_estimate_wait_async (self->desk, wk_lounge_get_id (self->lounge), self->cancellable,
                               estimated_cb, self);
  wk_desk_list_announcements_async (self->desk, wk_lounge_get_id (self->lounge), 0,
                                    self->cancellable, announcements_listed_cb, self);
}

static gboolean
event_debounce_cb (gpointer user_data)
{
  WkKioskWindow *self = user_data;

  self->event_debounce_id = 0;
  refresh_start_page (self);
  return G_SOURCE_REMOVE;
}

static void
desk_event_cb (WkDesk   *desk,
               WkEvent  *event,
               gpointer  user_data)
{
  WkKioskWindow *self = user_data;

  if (self->event_debounce_id == 0)
    self->event_debounce_id = g_timeout_add (EVENT_DEBOUNCE_MS, event_debounce_cb, self);
}

static void
set_lounge (WkKioskWindow *self,
            WkLounge      *lounge)
{
  g_autoptr(GError) error = NULL;

  g_set_object (&self->lounge, lounge);
  g_clear_pointer (&self->timezone, g_time_zone_unref);
  g_clear_pointer (&self->hours, wk_opening_hours_free);

  self->timezone = g_time_zone_new_identifier (wk_lounge_get_timezone (lounge));
  if (self->timezone == NULL)
    {
      g_warning ("Unknown time zone “%s” for lounge %s; using UTC",
                 wk_lounge_get_timezone (lounge), wk_lounge_get_name (lounge));
      self->timezone = g_time_zone_new_utc ();
    }
  self->hours = wk_opening_hours_parse (wk_lounge_get_opening_hours (lounge), &error);
  if (self->hours == NULL)
    /* never turn anyone away: unreadable hours keep the kiosk open */
    g_warning ("%s; the kiosk stays open", error->message);

  wk_kiosk_start_page_set_lounge (WK_KIOSK_START_PAGE (self->start_page), lounge, self->timezone);
  wk_kiosk_closed_page_set_lounge (WK_KIOSK_CLOSED_PAGE (self->closed_page), lounge);
  refresh_start_page (self);
  if (self->subscription == 0)
    self->subscription = wk_desk_subscribe (self->desk, -1, desk_event_cb, self, NULL);
  if (!has_journey (self))
    show_home (self);
}

static void
lounges_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  WkKioskWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lounges = wk_desk_list_lounges_finish (WK_DESK (source), result, &error);
  gint64 wanted;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (lounges == NULL)
    {
      g_warning ("Cannot read the lounges: %s", error->message);
      return;
    }

  wanted = g_settings_get_int64 (self->settings, "lounge-id");
  n = g_list_model_get_n_items (lounges);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkLounge) lounge = g_list_model_get_item (lounges, i);

      if (wanted == 0 || wk_lounge_get_id (lounge) == wanted)
        {
          set_lounge (self, lounge);
          return;
        }
    }
  if (n > 0)
    g_warning ("There is no lounge %" G_GINT64_FORMAT "; the kiosk waits to be set up", wanted);
}

/* ---- the journey ------------------------------------------------------------------ */

static void submit_survey (WkKioskWindow *self, WkKioskFeedbackPage *page, gboolean then_show);

void
wk_kiosk_window_reset (WkKioskWindow *self)
{
  GtkWidget *feedback;

  g_return_if_fail (WK_IS_KIOSK_WINDOW (self));

  /* one tap is already a response: walking away still sends it */
  feedback = find_journey_page (self, WK_TYPE_KIOSK_FEEDBACK_PAGE);
  if (feedback != NULL && self->survey_scored)
    submit_survey (self, WK_KIOSK_FEEDBACK_PAGE (feedback), FALSE);

  if (self->journey_cancellable != NULL)
    g_cancellable_cancel (self->journey_cancellable);
  g_clear_object (&self->journey_cancellable);
  g_clear_handle_id (&self->badge_wait_id, g_source_remove);
  g_clear_object (&self->identity);
  g_clear_pointer (&self->guest_name, g_free);
  g_clear_pointer (&self->guest_email, g_free);
  g_clear_pointer (&self->check_in_uuid, g_free);
  self->first_touch_us = 0;
  self->survey_visit_id = 0;
  self->survey_scored = FALSE;
  self->busy = FALSE;
  self->auto_home_at_us = 0;
  self->still_there_since_us = 0;
  self->before_still_there = NULL;
  self->purpose = PURPOSE_CHECK_IN;

  show_home (self);
  while (self->journey->len > 0)
    {
      GtkWidget *page = g_ptr_array_steal_index (self->journey, self->journey->len - 1);

      gtk_stack_remove (self->stack, page);
    }
  refresh_start_page (self);
}

static void
idle_reset (WkKioskWindow *self)
{
  g_autofree char *language = default_language (self);

  wk_kiosk_window_reset (self);
  apply_language (self, language);
}

static GtkWidget *
new_identify_page (WkKioskWindow *self,
                   gboolean       allow_guest)
{
  return wk_kiosk_identify_page_new (allow_guest);
}

static void
show_identify_message (WkKioskWindow *self,
                       const char    *message)
{
  GtkWidget *page = journey_top (self);

  if (!WK_IS_KIOSK_IDENTIFY_PAGE (page))
    {
      page = new_identify_page (self, self->purpose == PURPOSE_CHECK_IN);
      push_page (self, page);
    }
  wk_kiosk_identify_page_set_busy (WK_KIOSK_IDENTIFY_PAGE (page), FALSE);
  wk_kiosk_identify_page_set_message (WK_KIOSK_IDENTIFY_PAGE (page), message);
}

static WkHardware *
find_hardware (WkKioskWindow *self,
               gint64         id,
               guint         *n_ready)
{
  GListModel *hardware;
  WkHardware *found = NULL;

  if (n_ready != NULL)
    *n_ready = 0;
  if (self->identity == NULL)
    return NULL;
  hardware = wk_identity_get_hardware (self->identity);
  for (guint i = 0; i < g_list_model_get_n_items (hardware); i++)
    {
      g_autoptr(WkHardware) item = g_list_model_get_item (hardware, i);

      if (wk_hardware_get_status (item) != WK_HARDWARE_STATUS_READY)
        continue;
      if (n_ready != NULL)
        (*n_ready)++;
      if (found == NULL && (id == 0 || wk_hardware_get_id (item) == id))
        found = item;
    }
  return found;
}

static void
identified (WkKioskWindow *self,
            WkIdentity    *identity)
{
  g_set_object (&self->identity, identity);

  if (self->purpose == PURPOSE_COLLECT && wk_identity_is_strong (identity))
    {
      guint n_ready = 0;
      WkHardware *item = find_hardware (self, 0, &n_ready);

      if (n_ready == 1)
        {
          replace_page (self, wk_kiosk_collect_page_new (item));
          return;
        }
      if (n_ready == 0)
        toast (self, _("Nothing is ready for you to collect yet"));
    }
  replace_page (self, wk_kiosk_hello_page_new (identity, TRUE));
}

static void
identify_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  WkKioskWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkIdentity) identity = wk_desk_identify_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  g_clear_handle_id (&self->badge_wait_id, g_source_remove);
  if (identity != NULL)
    identified (self, identity);
  else if (g_error_matches (error, WK_ERROR, WK_ERROR_NOT_FOUND)
           || g_error_matches (error, WK_ERROR, WK_ERROR_INVALID))   /* e.g. not an email */
    show_identify_message (self, self->purpose == PURPOSE_CHECK_IN
                                 ? _("We could not find you. Check what you typed, try another way, or continue without an account.")
                                 : _("We could not find you. Check what you typed or try another way."));
  else
    {
      g_warning ("Identify failed: %s", error->message);
      show_identify_message (self, self->purpose == PURPOSE_CHECK_IN
                                   ? _("We cannot look you up right now. Please continue without an account, or ask at the counter.")
                                   : _("We cannot look you up right now. Please ask at the counter."));
    }
}

static void
identify (WkKioskWindow  *self,
          WkIdentifiedBy  by,
          const char     *value)
{
  GtkWidget *top = journey_top (self);

  if (WK_IS_KIOSK_IDENTIFY_PAGE (top))
    wk_kiosk_identify_page_set_busy (WK_KIOSK_IDENTIFY_PAGE (top), TRUE);
  self->busy = TRUE;
  begin_journey (self);
  wk_desk_identify_async (self->desk, by, value, self->journey_cancellable, identify_cb, self);
}

/* A badge look-up that has not answered yet: say we are on it. */
static gboolean
badge_wait_cb (gpointer user_data)
{
  WkKioskWindow *self = user_data;

  self->badge_wait_id = 0;
  if (self->busy && !WK_IS_KIOSK_IDENTIFY_PAGE (journey_top (self)))
    {
      GtkWidget *page = new_identify_page (self, self->purpose == PURPOSE_CHECK_IN);

      push_page (self, page);
      wk_kiosk_identify_page_set_busy (WK_KIOSK_IDENTIFY_PAGE (page), TRUE);
    }
  return G_SOURCE_REMOVE;
}

void
wk_kiosk_window_scan_badge (WkKioskWindow *self,
                            const char    *badge)
{
  Purpose purpose;
  GtkWidget *top;

  g_return_if_fail (WK_IS_KIOSK_WINDOW (self));
  g_return_if_fail (badge != NULL);

  if (self->desk == NULL || self->lounge == NULL)
    return;
  self->last_input_us = g_get_monotonic_time ();

  /* a badge starts a fresh journey, keeping what they came for when they
   * were asked to identify */
  top = journey_top (self);
  purpose = WK_IS_KIOSK_IDENTIFY_PAGE (top) ? self->purpose : PURPOSE_CHECK_IN;
  if (!WK_IS_KIOSK_IDENTIFY_PAGE (top) || self->identity != NULL)
    {
      gint64 first_touch = WK_IS_KIOSK_IDENTIFY_PAGE (top) ? self->first_touch_us : 0;

      /* from the start page there is nothing to reset: refreshing it would
       * only queue its queries before the look-up */
      if (has_journey (self))
        wk_kiosk_window_reset (self);
      self->first_touch_us = first_touch;
      self->purpose = purpose;
      /* the screen stays as it is while the look-up runs (a few ms on a
       * local desk): the hello page comes next, or the identify page with
       * the reason; a slow look-up (a hub far away) shows the identify page
       * in the meantime */
      g_clear_handle_id (&self->badge_wait_id, g_source_remove);
      self->badge_wait_id = g_timeout_add (BADGE_WAIT_MS, badge_wait_cb, self);
    }
  identify (self, WK_IDENTIFIED_BY_BADGE, badge);
}

static void
badge_cb (WkKioskWindow   *self,
          const char      *badge,
          WkBadgeDetector *detector)
{
  wk_kiosk_window_scan_badge (self, badge);
}

/* Typed look-ups are rate-limited per kiosk: a minute's sliding window. */
static gboolean
take_lookup (WkKioskWindow *self)
{
  gint64 now = g_get_monotonic_time ();
  guint limit = g_settings_get_uint (self->settings, "typed-lookups-per-minute");

  while (self->lookups->len > 0 && now - g_array_index (self->lookups, gint64, 0) >= LOOKUP_WINDOW_US)
    g_array_remove_index (self->lookups, 0);
  if (self->lookups->len >= limit)
    return FALSE;
  g_array_append_val (self->lookups, now);
  return TRUE;
}

static void
lookup_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);
  gint32 by;
  const char *value;

  g_variant_get (parameter, "(i&s)", &by, &value);
  self->last_input_us = g_get_monotonic_time ();
  if (self->busy || self->desk == NULL)
    return;
  if (by != WK_IDENTIFIED_BY_EMAIL && by != WK_IDENTIFIED_BY_EMPLOYEE_NO
      && by != WK_IDENTIFIED_BY_TICKET_REF)
    return;
  if (!take_lookup (self))
    {
      show_identify_message (self, _("Lots of look-ups on this kiosk just now. Please wait a minute, scan your badge, or ask at the counter."));
      return;
    }
  identify (self, (WkIdentifiedBy) by, value);
}

/* check in */

static void
check_in_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  WkKioskWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkVisit) visit = wk_desk_check_in_finish (WK_DESK (source), result, &error);
  GtkWidget *top;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  top = journey_top (self);
  if (WK_IS_KIOSK_REQUEST_PAGE (top))
    wk_kiosk_request_page_set_busy (WK_KIOSK_REQUEST_PAGE (top), FALSE);
  if (visit == NULL)
    {
      g_warning ("Check-in failed: %s", error->message);
      toast (self, _("That did not work. Please try again, or ask at the counter."));
      return;
    }
  push_page (self, wk_kiosk_confirm_page_new (visit));
  self->auto_home_at_us = g_get_monotonic_time () + CONFIRM_SECONDS * G_USEC_PER_SEC;
}

static void
check_in (WkKioskWindow *self,
          gint64         ticket_id,
          const char    *reason,
          gboolean       open_ticket,
          const char    *subject)
{
  g_autoptr(WkCheckInRequest) request = wk_check_in_request_new ();
  WkPerson *person = self->identity != NULL ? wk_identity_get_person (self->identity) : NULL;

  if (self->busy || self->desk == NULL || self->lounge == NULL)
    return;
  if (self->check_in_uuid == NULL)
    self->check_in_uuid = g_uuid_string_random ();

  request->uuid = g_strdup (self->check_in_uuid);
  request->lounge_id = wk_lounge_get_id (self->lounge);
  if (person != NULL)
    {
      request->person_id = wk_person_get_id (person);
      request->identified_by = wk_identity_get_identified_by (self->identity);
    }
  else
    {
      request->identified_by = WK_IDENTIFIED_BY_GUEST;
      request->guest_name = g_strdup (self->guest_name != NULL ? self->guest_name : _("Guest"));
      request->guest_email = g_strdup (self->guest_email);
    }
  request->ticket_id = ticket_id;
  request->reason = g_strdup (reason != NULL && wk_category_is_valid (reason) ? reason : "other");
  request->open_ticket = open_ticket;   /* a guest's words are kept on a ticket too */
  request->subject = g_strdup (subject);
  request->kiosk = g_settings_get_string (self->settings, "kiosk-name");
  request->kiosk_ms = self->first_touch_us != 0
                      ? (g_get_monotonic_time () - self->first_touch_us) / 1000 : -1;

  self->busy = TRUE;
  wk_desk_check_in_async (self->desk, request, self->journey_cancellable, check_in_cb, self);
}

static WkTicket *
find_ticket (WkKioskWindow *self,
             gint64         id)
{
  GListModel *tickets;

  if (self->identity == NULL)
    return NULL;
  tickets = wk_identity_get_tickets (self->identity);
  for (guint i = 0; i < g_list_model_get_n_items (tickets); i++)
    {
      g_autoptr(WkTicket) ticket = g_list_model_get_item (tickets, i);

      if (wk_ticket_get_id (ticket) == id)
        return ticket;
    }
  return NULL;
}

static void
pick_ticket_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);
  WkTicket *ticket = find_ticket (self, g_variant_get_int64 (parameter));

  if (ticket != NULL)
    check_in (self, wk_ticket_get_id (ticket), wk_ticket_get_category (ticket), FALSE, NULL);
}

static void
submit_request_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);
  GtkWidget *top = journey_top (self);
  g_autofree char *description = NULL;
  const char *category;

  if (!WK_IS_KIOSK_REQUEST_PAGE (top))
    return;
  category = wk_kiosk_request_page_get_category (WK_KIOSK_REQUEST_PAGE (top));
  if (category == NULL)
    return;
  description = wk_kiosk_request_page_dup_description (WK_KIOSK_REQUEST_PAGE (top));
  wk_kiosk_request_page_set_busy (WK_KIOSK_REQUEST_PAGE (top), TRUE);
  check_in (self, 0, category, TRUE, description);
}

/* collect */

static void
collected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  WkKioskWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkHardware) hardware = wk_desk_mark_hardware_collected_finish (WK_DESK (source), result, &error);
  GtkWidget *top;
  g_autofree char *title = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  top = journey_top (self);
  if (WK_IS_KIOSK_COLLECT_PAGE (top))
    wk_kiosk_collect_page_set_busy (WK_KIOSK_COLLECT_PAGE (top), FALSE);
  if (hardware == NULL)
    {
      g_warning ("Collection failed: %s", error->message);
      toast (self, _("We could not record the handover. Please ask at the counter."));
      return;
    }
  push_page (self, wk_kiosk_thanks_page_new (_("It’s all yours"),
                                             _("The handover is recorded on your ticket and the engineer is told.")));
  self->auto_home_at_us = g_get_monotonic_time () + THANKS_SECONDS * G_USEC_PER_SEC;
}

static void
confirm_collect_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);
  GtkWidget *top = journey_top (self);
  WkKioskCollectPage *page;
  WkHardware *hardware;
  g_autofree char *name = NULL;
  g_autofree char *signature = NULL;

  if (!WK_IS_KIOSK_COLLECT_PAGE (top) || self->busy)
    return;
  page = WK_KIOSK_COLLECT_PAGE (top);
  hardware = wk_kiosk_collect_page_get_hardware (page);
  name = wk_kiosk_collect_page_dup_name (page);
  signature = wk_kiosk_collect_page_dup_signature (page);
  if (name == NULL || signature == NULL)
    return;
  self->busy = TRUE;
  wk_kiosk_collect_page_set_busy (page, TRUE);
  wk_desk_mark_hardware_collected_async (self->desk, wk_hardware_get_id (hardware),
                                         wk_hardware_get_version (hardware), name, signature, 0,
                                         self->journey_cancellable, collected_cb, self);
}

static void
collect_item_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);
  WkHardware *item;

  /* only a badge may collect by itself */
  if (self->identity == NULL || !wk_identity_is_strong (self->identity))
    return;
  item = find_hardware (self, g_variant_get_int64 (parameter), NULL);
  if (item != NULL)
    push_page (self, wk_kiosk_collect_page_new (item));
}

/* feedback */

static void
survey_submitted_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkSurvey) survey = wk_desk_submit_survey_finish (WK_DESK (source), result, &error);

  /* nothing to show: the person has moved on; the desk's outbox retries */
  if (survey == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Survey not stored: %s", error->message);
}

static void
submit_survey (WkKioskWindow       *self,
               WkKioskFeedbackPage *page,
               gboolean             then_show)
{
  g_autoptr(WkSurveyRequest) request = wk_survey_request_new ();
  WkPerson *person = self->identity != NULL ? wk_identity_get_person (self->identity) : NULL;
  const char *language = self->language != NULL ? self->language : g_getenv ("LANGUAGE");
  int score = wk_kiosk_feedback_page_get_score (page);

  self->survey_scored = FALSE;
  if (score < 1 || self->desk == NULL)
    return;

  request->uuid = g_uuid_string_random ();
  request->visit_id = self->survey_visit_id;
  request->lounge_id = self->lounge != NULL ? wk_lounge_get_id (self->lounge) : 0;
  request->person_id = person != NULL ? wk_person_get_id (person) : 0;
  request->anonymous = person == NULL;
  request->score = score;
  request->resolved = wk_kiosk_feedback_page_get_resolved (page);
  request->tags = wk_kiosk_feedback_page_dup_tags (page);
  request->comment = wk_kiosk_feedback_page_dup_comment (page);
  request->contact_consent = person != NULL && wk_kiosk_feedback_page_get_contact (page);
  request->language = language != NULL && *language != '\0' ? g_strndup (language, 2) : NULL;
  request->kiosk = g_settings_get_string (self->settings, "kiosk-name");

  /* the window's cancellable: a response outlives the journey */
  wk_desk_submit_survey_async (self->desk, request, self->cancellable, survey_submitted_cb, NULL);

  if (!then_show)
    return;
  if (self->survey_visit_id != 0 && WK_IS_KIOSK_HELLO_PAGE (g_ptr_array_index (self->journey, 0))
      && self->journey->len >= 2)
    {
      /* the pending survey was offered first: back to why they came */
      self->survey_visit_id = 0;
      pop_page (self);
      wk_kiosk_hello_page_hide_survey (WK_KIOSK_HELLO_PAGE (journey_top (self)));
      toast (self, _("Thank you for your feedback"));
      return;
    }
  push_page (self, wk_kiosk_thanks_page_new (NULL, NULL));
  self->auto_home_at_us = g_get_monotonic_time () + THANKS_SECONDS * G_USEC_PER_SEC;
}

static void
survey_scored_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  WK_KIOSK_WINDOW (widget)->survey_scored = TRUE;
}

static void
survey_done_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);
  GtkWidget *top = journey_top (self);

  if (!WK_IS_KIOSK_FEEDBACK_PAGE (top))
    return;
  if (wk_kiosk_feedback_page_get_score (WK_KIOSK_FEEDBACK_PAGE (top)) < 1)
    {
      pop_page (self);
      return;
    }
  submit_survey (self, WK_KIOSK_FEEDBACK_PAGE (top), TRUE);
}

static void
rate_pending_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);
  WkVisit *visit = self->identity != NULL ? wk_identity_get_pending_survey (self->identity) : NULL;

  if (visit == NULL)
    return;
  self->survey_visit_id = wk_visit_get_id (visit);
  push_page (self, wk_kiosk_feedback_page_new (TRUE));
}

/* ---- actions from the start screen and the journey ---------------------------------- */

static void
check_in_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);

  if (self->lounge == NULL || !lounge_is_open (self))
    return;
  wk_kiosk_window_reset (self);
  self->purpose = PURPOSE_CHECK_IN;
  push_page (self, new_identify_page (self, TRUE));
}

static void
collect_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);

  if (self->lounge == NULL)
    return;
  wk_kiosk_window_reset (self);
  self->purpose = PURPOSE_COLLECT;
  push_page (self, new_identify_page (self, FALSE));
}

static void
feedback_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);

  if (self->lounge == NULL)
    return;
  wk_kiosk_window_reset (self);
  self->purpose = PURPOSE_FEEDBACK;
  push_page (self, wk_kiosk_feedback_page_new (FALSE));
}

static void
something_else_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);

  push_page (self, wk_kiosk_request_page_new ());
}

static void
guest_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);

  if (self->purpose != PURPOSE_CHECK_IN)
    return;
  g_clear_object (&self->identity);
  push_page (self, wk_kiosk_guest_page_new ());
}

static void
guest_continue_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);
  GtkWidget *top = journey_top (self);
  g_autofree char *name = NULL;

  if (!WK_IS_KIOSK_GUEST_PAGE (top))
    return;
  name = wk_kiosk_guest_page_dup_name (WK_KIOSK_GUEST_PAGE (top));
  if (name == NULL)
    return;
  g_free (self->guest_name);
  self->guest_name = g_steal_pointer (&name);
  g_free (self->guest_email);
  self->guest_email = wk_kiosk_guest_page_dup_email (WK_KIOSK_GUEST_PAGE (top));
  push_page (self, wk_kiosk_request_page_new ());
}

static void
home_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  wk_kiosk_window_reset (WK_KIOSK_WINDOW (widget));
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);

  if (!self->busy)
    pop_page (self);
}

static void
still_here_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);
  GtkWidget *back = journey_top (self);

  self->still_there_since_us = 0;
  self->last_input_us = g_get_monotonic_time ();
  if (back != NULL)
    show_child (self, back);
  else
    show_home (self);
}

static void
language_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);
  const char *language = g_variant_get_string (parameter, NULL);

  self->last_input_us = g_get_monotonic_time ();
  apply_language (self, language);
}

/* ---- leaving kiosk mode ----------------------------------------------------------- */

static void
verify_pin_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  char **pin_and_hash = task_data;

  g_task_return_boolean (task, wk_password_verify (pin_and_hash[0], pin_and_hash[1]));
}

static void
pin_verified_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  WkKioskWindow *self;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = WK_KIOSK_WINDOW (source);
  if (ok)
    {
      wk_kiosk_window_set_lockdown (self, FALSE);
      toast (self, _("Kiosk mode ended"));
    }
  else
    toast (self, _("Wrong PIN"));
}

static void
pin_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 WkKioskWindow    *self)
{
  GtkEditable *entry = GTK_EDITABLE (g_object_get_data (G_OBJECT (dialog), "pin-entry"));
  g_autoptr(GTask) task = NULL;
  char **pin_and_hash;

  if (g_strcmp0 (response, "unlock") != 0)
    return;
  pin_and_hash = g_new0 (char *, 3);
  pin_and_hash[0] = g_strdup (gtk_editable_get_text (entry));
  pin_and_hash[1] = g_settings_get_string (self->settings, "admin-pin-hash");
  task = g_task_new (self, self->cancellable, pin_verified_cb, NULL);
  g_task_set_source_tag (task, pin_response_cb);
  g_task_set_task_data (task, pin_and_hash, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, verify_pin_thread);
}

/* One tap on a kiosk clock (start or closed page); the fifth within
 * HIDDEN_TAPS_WINDOW asks for the admin PIN. */
static void
admin_tap_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);
  gint64 now = g_get_monotonic_time ();

  if (self->admin_taps == 0 || now - self->first_admin_tap_us > HIDDEN_TAPS_WINDOW)
    {
      self->admin_taps = 0;
      self->first_admin_tap_us = now;
    }
  if (++self->admin_taps >= HIDDEN_TAPS)
    {
      self->admin_taps = 0;
      gtk_widget_activate_action (widget, "kiosk.admin", NULL);
    }
}

static void
admin_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (widget);
  g_autofree char *hash = g_settings_get_string (self->settings, "admin-pin-hash");
  AdwMessageDialog *dialog;
  GtkWidget *entry, *box, *osk;

  if (!self->lockdown || *hash == '\0')
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Leave Kiosk Mode?"),
                                                       _("Enter the administrator PIN.")));
  entry = gtk_entry_new ();
  gtk_entry_set_visibility (GTK_ENTRY (entry), FALSE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PIN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Administrator PIN"), -1);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 12);
  g_object_set (entry, "activates-default", TRUE, NULL);
  /* a touchscreen has no keyboard: the kiosk's own, as a number pad */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  osk = wk_osk_new ();
  wk_osk_set_mode (WK_OSK (osk), WK_OSK_MODE_DIGITS);
  wk_osk_set_target (WK_OSK (osk), GTK_EDITABLE (entry));
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), osk);
  g_object_set_data (G_OBJECT (dialog), "pin-entry", entry);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "unlock", _("_Leave Kiosk Mode"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "unlock", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "unlock");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (pin_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
close_request_cb (GtkWindow *window)
{
  /* locked down: only the hidden gesture and the PIN end kiosk mode */
  return WK_KIOSK_WINDOW (window)->lockdown;
}

gboolean
wk_kiosk_window_get_lockdown (WkKioskWindow *self)
{
  g_return_val_if_fail (WK_IS_KIOSK_WINDOW (self), FALSE);
  return self->lockdown;
}

void
wk_kiosk_window_set_lockdown (WkKioskWindow *self,
                              gboolean       lockdown)
{
  g_return_if_fail (WK_IS_KIOSK_WINDOW (self));

  lockdown = !!lockdown;
  if (self->lockdown == lockdown)
    return;
  self->lockdown = lockdown;
  gtk_window_set_decorated (GTK_WINDOW (self), !lockdown);
  gtk_window_set_deletable (GTK_WINDOW (self), !lockdown);
  if (lockdown)
    gtk_window_fullscreen (GTK_WINDOW (self));
  else
    gtk_window_unfullscreen (GTK_WINDOW (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.admin", lockdown);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKDOWN]);
}

/* ---- idle --------------------------------------------------------------------- */

static gboolean
input_event_cb (GtkEventControllerLegacy *controller,
                GdkEvent                 *event,
                WkKioskWindow            *self)
{
  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_KEY_PRESS:
    case GDK_SCROLL:
      self->last_input_us = g_get_monotonic_time ();
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static gboolean
tick_cb (gpointer user_data)
{
  WkKioskWindow *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 idle_us = (gint64) g_settings_get_uint (self->settings, "idle-timeout") * G_USEC_PER_SEC;
  gint64 still_us = (gint64) g_settings_get_uint (self->settings, "still-there-timeout") * G_USEC_PER_SEC;
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);

  self->ticks++;

  if (self->auto_home_at_us != 0 && now >= self->auto_home_at_us && visible == journey_top (self))
    {
      wk_kiosk_window_reset (self);
      return G_SOURCE_CONTINUE;
    }

  if (visible == self->still_there_page)
    {
      gint64 left = still_us - (now - self->still_there_since_us);

      if (left <= 0)
        idle_reset (self);
      else
        wk_kiosk_still_there_page_set_seconds (WK_KIOSK_STILL_THERE_PAGE (self->still_there_page),
                                               (guint) ((left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC));
      return G_SOURCE_CONTINUE;
    }

  if (now - self->last_input_us >= idle_us)
    {
      if (has_journey (self) && visible == journey_top (self))
        {
          self->still_there_since_us = now;
          wk_kiosk_still_there_page_set_seconds (WK_KIOSK_STILL_THERE_PAGE (self->still_there_page),
                                                 (guint) (still_us / G_USEC_PER_SEC));
          show_child (self, self->still_there_page);
          return G_SOURCE_CONTINUE;
        }
      if (!has_journey (self) && !language_is_default (self))
        idle_reset (self);
    }

  /* the start and closed screens follow the opening hours and the queue */
  if (!has_journey (self) && self->lounge != NULL)
    {
      if ((visible == self->start_page) != lounge_is_open (self))
        show_home (self);
      if (self->ticks % REFRESH_SECONDS == 0)
        refresh_start_page (self);
    }
  return G_SOURCE_CONTINUE;
}

/* ---- GObject ------------------------------------------------------------------- */

static void
wk_kiosk_window_constructed (GObject *object)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (object);

  G_OBJECT_CLASS (wk_kiosk_window_parent_class)->constructed (object);

  /* the desk (local or the hub's) is the face window's, set at construction */
  self->desk = wk_face_window_get_desk (WK_FACE_WINDOW (self));
  if (self->desk != NULL)
    g_signal_connect_object (self->desk, "notify::pending-count", G_CALLBACK (pending_changed), self,
                             G_CONNECT_SWAPPED);
  pending_changed (self);

  if (self->lockdown)
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);

      /* fullscreen needs a window manager; a bare X session (or one that
       * ignores the request) still gets a window the size of the screen */
      if (monitor != NULL)
        {
          GdkRectangle area;

          gdk_monitor_get_geometry (monitor, &area);
          gtk_window_set_default_size (GTK_WINDOW (self), area.width, area.height);
          wk_kiosk_start_page_set_portrait (WK_KIOSK_START_PAGE (self->start_page),
                                            area.height > area.width);
        }
      gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
      gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
      gtk_window_fullscreen (GTK_WINDOW (self));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.admin", self->lockdown);

  if (self->desk != NULL)
    wk_desk_list_lounges_async (self->desk, self->cancellable, lounges_listed_cb, self);
}

static void
wk_kiosk_window_dispose (GObject *object)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->journey_cancellable != NULL)
    g_cancellable_cancel (self->journey_cancellable);
  if (self->subscription != 0 && self->desk != NULL)
    wk_desk_unsubscribe (self->desk, self->subscription);
  self->subscription = 0;
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->event_debounce_id, g_source_remove);
  g_clear_handle_id (&self->badge_wait_id, g_source_remove);
  if (self->journey != NULL)
    g_ptr_array_set_size (self->journey, 0);
  g_clear_object (&self->badge_detector);
  g_clear_object (&self->journey_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->identity);
  g_clear_object (&self->lounge);
  self->desk = NULL;
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wk_kiosk_window_parent_class)->dispose (object);
}

static void
wk_kiosk_window_finalize (GObject *object)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (object);

  g_clear_pointer (&self->journey, g_ptr_array_unref);
  g_clear_pointer (&self->lookups, g_array_unref);
  g_clear_pointer (&self->timezone, g_time_zone_unref);
  g_clear_pointer (&self->hours, wk_opening_hours_free);
  g_clear_pointer (&self->guest_name, g_free);
  g_clear_pointer (&self->guest_email, g_free);
  g_clear_pointer (&self->check_in_uuid, g_free);
  g_clear_pointer (&self->startup_language, g_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (wk_kiosk_window_parent_class)->finalize (object);
}

static void
wk_kiosk_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOCKDOWN:
      g_value_set_boolean (value, self->lockdown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_kiosk_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WkKioskWindow *self = WK_KIOSK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOCKDOWN:
      wk_kiosk_window_set_lockdown (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_kiosk_window_class_init (WkKioskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = wk_kiosk_window_constructed;
  object_class->dispose = wk_kiosk_window_dispose;
  object_class->finalize = wk_kiosk_window_finalize;
  object_class->get_property = wk_kiosk_window_get_property;
  object_class->set_property = wk_kiosk_window_set_property;
  window_class->close_request = close_request_cb;

  /* Kiosk mode: fullscreen, undecorated, refuses close requests. */
  properties[PROP_LOCKDOWN] =
    g_param_spec_boolean ("lockdown", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WK_TYPE_CLOCK_LABEL);
  g_type_ensure (WK_TYPE_OSK);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/kiosk/wk-kiosk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WkKioskWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, WkKioskWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, WkKioskWindow, setup_page);
  gtk_widget_class_bind_template_callback (widget_class, input_event_cb);

  gtk_widget_class_install_action (widget_class, "kiosk.home", NULL, home_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.check-in", NULL, check_in_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.collect", NULL, collect_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.feedback", NULL, feedback_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.language", "s", language_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.lookup", "(is)", lookup_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.guest", NULL, guest_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.guest-continue", NULL, guest_continue_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.pick-ticket", "x", pick_ticket_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.something-else", NULL, something_else_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.submit-request", NULL, submit_request_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.collect-item", "x", collect_item_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.confirm-collect", NULL, confirm_collect_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.rate-pending", NULL, rate_pending_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.survey-scored", NULL, survey_scored_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.survey-done", NULL, survey_done_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.still-here", NULL, still_here_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.admin", NULL, admin_action_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.admin-tap", NULL, admin_tap_action_cb);
}

/* ---- first frame (benchmarks) ------------------------------------------------------ */

/* With WALKUP_MARK_FIRST_FRAME set, "first-frame start" goes to stdout once the
 * start page has been painted: kiosk-bench times cold starts by it. */
static void
first_frame_after_paint_cb (WkKioskWindow *self,
                            GdkFrameClock *clock)
{
  if (g_strcmp0 (wk_kiosk_window_get_page_name (self), "start") != 0)
    return;
  g_signal_handlers_disconnect_by_func (clock, first_frame_after_paint_cb, self);
  g_print ("first-frame start\n");
  fflush (stdout);
}

static void
first_frame_realize_cb (WkKioskWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, first_frame_realize_cb, NULL);
  if (clock != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_after_paint_cb),
                             self, G_CONNECT_SWAPPED);
}

static void
wk_kiosk_window_init (WkKioskWindow *self)
{
  self->lockdown = TRUE;
  self->settings = g_settings_new (SCHEMA_ID);
  self->cancellable = g_cancellable_new ();
  self->journey = g_ptr_array_new ();
  self->lookups = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->startup_language = g_strdup (g_getenv ("LANGUAGE"));
  self->language = default_language (self);
  self->last_input_us = g_get_monotonic_time ();
  if (self->language != NULL)
    {
      g_setenv ("LANGUAGE", self->language, TRUE);
      setlocale (LC_MESSAGES, "");
    }

  gtk_widget_init_template (GTK_WIDGET (self));

  build_fixed_pages (self);
  show_child (self, self->setup_page);

  self->badge_detector = wk_badge_detector_new (GTK_WIDGET (self));
  g_settings_bind (self->settings, "badge-max-gap-ms", self->badge_detector, "max-gap-ms",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->badge_detector, "badge", G_CALLBACK (badge_cb), self,
                           G_CONNECT_SWAPPED);

  self->tick_id = g_timeout_add_seconds (1, tick_cb, self);

  if (g_getenv ("WALKUP_MARK_FIRST_FRAME") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (first_frame_realize_cb), NULL);
}

WkKioskWindow *
wk_kiosk_window_new (GtkApplication *application,
                     WkDesk         *desk)
{
  return g_object_new (WK_TYPE_KIOSK_WINDOW,
                       "application", application,
                       "desk", desk,
                       NULL);
}

WkDesk *
wk_kiosk_window_get_desk (WkKioskWindow *self)
{
  g_return_val_if_fail (WK_IS_KIOSK_WINDOW (self), NULL);
  return wk_face_window_get_desk (WK_FACE_WINDOW (self));
}
