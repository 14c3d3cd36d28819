/* wk-application.c — command line, settings and the faces' windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-application"

#include "config.h"

#include "wk-application.h"

#include "wk-board-window.h"
#include "wk-deskside-window.h"
#include "wk-kiosk-window.h"
#include "wk-local-desk.h"
#include "wk-remote-desk.h"
#include "wk-renderer.h"
#include "wk-review-window.h"
#include "wk-store.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>
#include <signal.h>

struct _WkApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;   /* owned */
  char           *db_path;    /* owned; NULL: the default in the user data dir */
  char           *hub_url;    /* owned; NULL: the hub-url setting */
  char           *hub_ca;     /* owned; NULL: the hub-ca setting */
  WkDesk         *desk;       /* owned; NULL until the store is open */
  GCancellable   *cancellable;
  GArray         *pending;    /* WkMode: faces asked for before the desk was ready */
  gboolean        opening;
  guint           sigterm_id;
  guint           sigint_id;
};

G_DEFINE_FINAL_TYPE (WkApplication, wk_application, ADW_TYPE_APPLICATION)

static const char * const mode_names[] = {
  [WK_MODE_KIOSK] = "kiosk",
  [WK_MODE_BOARD] = "board",
  [WK_MODE_DESKSIDE] = "deskside",
  [WK_MODE_REVIEW] = "review",
};

const char *
wk_mode_to_string (WkMode mode)
{
  g_return_val_if_fail (mode <= WK_MODE_REVIEW, NULL);
  return mode_names[mode];
}

gboolean
wk_mode_from_string (const char *str,
                     WkMode     *mode)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (mode_names); i++)
    if (g_strcmp0 (str, mode_names[i]) == 0)
      {
        *mode = (WkMode) i;
        return TRUE;
      }
  return FALSE;
}

static GOptionEntry option_entries[] = {
  { "kiosk", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the touchscreen kiosk for people walking up"), NULL },
  { "board", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the waiting board for the lounge’s wall screen"), NULL },
  { "deskside", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the engineers’ queue and tickets"), NULL },
  { "review", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show satisfaction, resolution and waiting figures for desk leads"), NULL },
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the lounge database at PATH (the embedded default)"), N_("PATH") },
  { "hub", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Work through the lounge hub at URL instead of a database"), N_("URL") },
  { "hub-ca", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Trust the hub’s TLS certificate if it is signed by a certificate in FILE (PEM)"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

static char *
default_db_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "walkup", "walkup.db", NULL);
}

/* The hub client's own local file for @url (one per hub: the outbox of
 * writes waiting for it and the cached directory), in the user's data
 * dir: walkup/outbox/HOST-PORT.db. */
static char *
outbox_path (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *name = NULL;
  int port;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;
  port = g_uri_get_port (uri);
  if (port < 0)
    port = g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
  name = g_strdup_printf ("%s-%d.db", g_uri_get_host (uri), port);
  g_strcanon (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-", '_');
  return g_build_filename (g_get_user_data_dir (), "walkup", "outbox", name, NULL);
}

/* Gives @remote its durable outbox; without one (the file cannot be
 * opened) it still works, but writes fail while the hub is away. */
static void
open_outbox (WkRemoteDesk *remote,
             const char   *url)
{
  g_autofree char *path = outbox_path (url);
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkOutbox) outbox = NULL;

  if (path == NULL)
    return;
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_warning ("Cannot make %s: %s", dir, g_strerror (errno));
      return;
    }
  outbox = wk_outbox_new (path, &error);
  if (outbox == NULL)
    {
      g_warning ("Cannot open the outbox %s: %s", path, error->message);
      return;
    }
  /* it holds names and tickets: the user's own */
  if (g_chmod (path, 0600) != 0)
    g_warning ("Cannot make %s private: %s", path, g_strerror (errno));
  wk_remote_desk_set_outbox (remote, outbox);
}

static void
show_open_error (WkApplication *self,
                 const GError  *error)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();
  g_autofree char *description = NULL;

  /* Translators: the first %s is a file name, the second the reason */
  description = g_strdup_printf (_("Walkup could not open “%s”. %s"),
                                 self->db_path, error->message);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Lounge Database Is Not Available"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), description);
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Walkup"));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 480);
  gtk_window_present (GTK_WINDOW (window));
}

static void store_opened_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data);

/* With --hub or the hub-url setting the faces work through the hub; a
 * device token comes from WALKUP_HUB_TOKEN (never the command line, which
 * anyone can read); staff sign in.  FALSE when no hub is set. */
static gboolean
open_remote_desk (WkApplication *self)
{
  g_autofree char *url = self->hub_url != NULL ? g_strdup (self->hub_url)
                                               : g_settings_get_string (self->settings, "hub-url");
  g_autofree char *ca = self->hub_ca != NULL ? g_strdup (self->hub_ca)
                                             : g_settings_get_string (self->settings, "hub-ca");
  g_autoptr(GError) error = NULL;
  WkRemoteDesk *remote;

  if (url == NULL || *url == '\0')
    return FALSE;

  remote = wk_remote_desk_new (url, g_getenv ("WALKUP_HUB_TOKEN"), &error);
  if (remote != NULL && ca != NULL && *ca != '\0' &&
      !wk_remote_desk_set_tls_ca_file (remote, ca, &error))
    g_clear_object (&remote);
  if (remote == NULL)
    {
      g_printerr ("walkup: %s\n", error->message);
      g_array_set_size (self->pending, 0);
      /* what could not be opened, for the message */
      g_free (self->db_path);
      self->db_path = g_steal_pointer (&url);
      show_open_error (self, error);
      return TRUE;
    }

  open_outbox (remote, url);
  self->desk = WK_DESK (remote);
  for (guint i = 0; i < self->pending->len; i++)
    wk_application_open_face (self, g_array_index (self->pending, WkMode, i));
  g_array_set_size (self->pending, 0);
  return TRUE;
}

/* Opens the store once, off the main thread; faces asked for meanwhile wait. */
static void
ensure_desk (WkApplication *self)
{
  if (self->desk != NULL || self->opening)
    return;

  if (open_remote_desk (self))
    return;

  if (self->db_path == NULL)
    self->db_path = default_db_path ();

  {
    g_autofree char *dir = g_path_get_dirname (self->db_path);
    g_mkdir_with_parents (dir, 0700);
  }

  self->opening = TRUE;
  g_application_hold (G_APPLICATION (self));
  wk_store_new_async (self->db_path, self->cancellable, store_opened_cb, g_object_ref (self));
}

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WkApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkStore) store = wk_store_new_finish (result, &error);

  self->opening = FALSE;
  g_application_release (G_APPLICATION (self));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (store == NULL)
    {
      g_printerr ("walkup: %s: %s\n", self->db_path, error->message);
      g_array_set_size (self->pending, 0);
      show_open_error (self, error);
      return;
    }

  self->desk = WK_DESK (wk_local_desk_new (store));
  for (guint i = 0; i < self->pending->len; i++)
    wk_application_open_face (self, g_array_index (self->pending, WkMode, i));
  g_array_set_size (self->pending, 0);
}

GtkWindow *
wk_application_open_face (WkApplication *self,
                          WkMode         mode)
{
  GtkWindow *window = NULL;

  g_return_val_if_fail (WK_IS_APPLICATION (self), NULL);

  if (self->desk == NULL)
    {
      g_array_append_val (self->pending, mode);
      ensure_desk (self);
      return NULL;
    }

  switch (mode)
    {
    case WK_MODE_KIOSK:
      window = GTK_WINDOW (wk_kiosk_window_new (GTK_APPLICATION (self), self->desk));
      break;
    case WK_MODE_BOARD:
      window = GTK_WINDOW (wk_board_window_new (GTK_APPLICATION (self), self->desk));
      break;
    case WK_MODE_DESKSIDE:
      window = GTK_WINDOW (wk_deskside_window_new (GTK_APPLICATION (self), self->desk));
      break;
    case WK_MODE_REVIEW:
      window = GTK_WINDOW (wk_review_window_new (GTK_APPLICATION (self), self->desk));
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  gtk_window_present (window);
  return window;
}

static WkMode
settings_mode (WkApplication *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "mode");
  WkMode mode = WK_MODE_DESKSIDE;

  if (!wk_mode_from_string (name, &mode))
    g_warning ("Unknown mode “%s” in settings; showing deskside", name);
  return mode;
}

static int
wk_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("walkup %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
wk_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  WkApplication *self = WK_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  static const char * const face_options[] = { "kiosk", "board", "deskside", "review" };
  g_autofree char *db = NULL;
  g_autofree char *hub = NULL;
  g_autofree char *hub_ca = NULL;
  WkMode mode = 0;
  guint n_faces = 0;

  for (guint i = 0; i < G_N_ELEMENTS (face_options); i++)
    if (g_variant_dict_contains (options, face_options[i]))
      {
        mode = (WkMode) i;
        n_faces++;
      }

  if (n_faces > 1)
    {
      g_application_command_line_printerr (command_line, "%s\n",
        _("Choose one of --kiosk, --board, --deskside or --review."));
      return 2;
    }
  if (n_faces == 0)
    mode = settings_mode (self);

  if (g_variant_dict_lookup (options, "hub", "s", &hub))
    {
      g_free (self->hub_url);
      self->hub_url = g_steal_pointer (&hub);
    }

  if (g_variant_dict_lookup (options, "hub-ca", "^ay", &hub_ca))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, hub_ca);

      g_free (self->hub_ca);
      self->hub_ca = g_file_get_path (file);
    }

  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, db);

      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
    }

  wk_application_open_face (self, mode);
  return 0;
}

static void
wk_application_activate (GApplication *app)
{
  WkApplication *self = WK_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    gtk_window_present (window);
  else
    wk_application_open_face (self, settings_mode (self));
}

static void
open_face_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  WkApplication *self = user_data;
  WkMode mode;

  if (wk_mode_from_string (g_variant_get_string (parameter, NULL), &mode))
    wk_application_open_face (self, mode);
  else
    g_warning ("No such face: %s", g_variant_get_string (parameter, NULL));
}

static gboolean
quit_signal_cb (gpointer user_data)
{
  WkApplication *self = user_data;

  /* SIGTERM/SIGINT: close windows and return from g_application_run()
   * normally, so that everything is disposed and flushed. */
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_CONTINUE;
}

static void
wk_application_startup (GApplication *app)
{
  WkApplication *self = WK_APPLICATION (app);
  static const GActionEntry app_actions[] = {
    { "open-face", open_face_activated_cb, "s" },
  };

  G_APPLICATION_CLASS (wk_application_parent_class)->startup (app);
  if (gdk_display_get_default () != NULL)
    wk_renderer_choose (gdk_display_get_default ());

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  self->sigterm_id = g_unix_signal_add (SIGTERM, quit_signal_cb, self);
  self->sigint_id = g_unix_signal_add (SIGINT, quit_signal_cb, self);
}

static void
wk_application_shutdown (GApplication *app)
{
  WkApplication *self = WK_APPLICATION (app);

  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);

  G_APPLICATION_CLASS (wk_application_parent_class)->shutdown (app);
}

static void
wk_application_dispose (GObject *object)
{
  WkApplication *self = WK_APPLICATION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->desk);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (wk_application_parent_class)->dispose (object);
}

static void
wk_application_finalize (GObject *object)
{
  WkApplication *self = WK_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->hub_url, g_free);
  g_clear_pointer (&self->hub_ca, g_free);
  g_clear_pointer (&self->pending, g_array_unref);

  G_OBJECT_CLASS (wk_application_parent_class)->finalize (object);
}

static void
wk_application_class_init (WkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = wk_application_dispose;
  object_class->finalize = wk_application_finalize;

  app_class->handle_local_options = wk_application_handle_local_options;
  app_class->command_line = wk_application_command_line;
  app_class->activate = wk_application_activate;
  app_class->startup = wk_application_startup;
  app_class->shutdown = wk_application_shutdown;
}

static void
wk_application_init (WkApplication *self)
{
  self->settings = g_settings_new (SCHEMA_ID);
  self->cancellable = g_cancellable_new ();
  self->pending = g_array_new (FALSE, FALSE, sizeof (WkMode));

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Walk-up IT support: check in, collect devices, work the queue, review the service."));
}

WkApplication *
wk_application_new (void)
{
  return g_object_new (WK_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", RESOURCE_PATH,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}

GSettings *
wk_application_get_settings (WkApplication *self)
{
  g_return_val_if_fail (WK_IS_APPLICATION (self), NULL);
  return self->settings;
}

WkDesk *
wk_application_get_desk (WkApplication *self)
{
  g_return_val_if_fail (WK_IS_APPLICATION (self), NULL);
  return self->desk;
}

const char *
wk_application_get_db_path (WkApplication *self)
{
  g_return_val_if_fail (WK_IS_APPLICATION (self), NULL);
  return self->db_path;
}
