/* wk-hub-commands.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-hub-commands"

#include "config.h"

#include "wk-hub-commands.h"

#include "wk-error.h"
#include "wk-hub-server.h"
#include "wk-local-desk.h"
#include "wk-password.h"
#include "wk-rt-upstream.h"
#include "wk-upstream-lookup.h"
#include "wk-upstream-sync.h"
#include "wk-validate.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

/* Parses a copy of @argv (GOptionContext rearranges what it is given) and
 * refuses leftovers.  @what names the command in messages. */
static gboolean
parse_options (const char         *what,
               const char         *summary,
               const GOptionEntry *entries,
               int                 argc,
               char              **argv,
               guint               n_words)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);
  char **parse;

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  parse = args;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &parse, &error))
    {
      g_printerr ("%s: %s\n", what, error->message);
      return FALSE;
    }
  if (g_strv_length (parse) > n_words)
    {
      /* Translators: the first %s is a command such as “serve” */
      g_printerr (_("%s: unexpected argument “%s”\n"), what, parse[n_words]);
      return FALSE;
    }
  return TRUE;
}

static gboolean
require (const char *what,
         const char *value,
         const char *option)
{
  if (value != NULL && *value != '\0')
    return TRUE;
  /* Translators: the first %s is a command, the second an option such as --db PATH */
  g_printerr (_("%s: %s is required\n"), what, option);
  return FALSE;
}

/* ---- serve --------------------------------------------------------------- */

/* "127.0.0.1:8470", "[::]:8470", "0.0.0.0:0" */
static gboolean
parse_listen (const char  *text,
              char       **address,
              guint       *port)
{
  const char *colon = strrchr (text, ':');
  guint64 value;

  if (colon == NULL || colon == text)
    return FALSE;
  if (!g_ascii_string_to_unsigned (colon + 1, 10, 0, G_MAXUINT16, &value, NULL))
    return FALSE;
  if (text[0] == '[' && colon[-1] == ']')
    *address = g_strndup (text + 1, colon - text - 2);
  else
    *address = g_strndup (text, colon - text);
  if (!g_hostname_is_ip_address (*address))
    {
      g_clear_pointer (address, g_free);
      return FALSE;
    }
  *port = (guint) value;
  return TRUE;
}

/* ---- upstream (--upstream rt …) ------------------------------------------ */

/* The connector the options name, or NULL with a message and *@status set
 * (2: usage, 1: failure).  @kind NULL means none: NULL with *@status 0. */
static WkUpstream *
open_upstream (const char  *what,
               const char  *kind,
               const char  *url,
               const char  *token_file,
               const char  *queue,
               int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *base = NULL;

  *status = 0;
  if (kind == NULL)
    {
      if (url != NULL || token_file != NULL || queue != NULL)
        {
          /* Translators: the first %s is a command such as “serve” */
          g_printerr (_("%s: the --rt-… options need --upstream rt\n"), what);
          *status = 2;
        }
      return NULL;
    }
  if (g_strcmp0 (kind, "rt") != 0)
    {
      /* Translators: the first %s is a command, the second what was given to --upstream */
      g_printerr (_("%s: unknown upstream “%s” (known: rt)\n"), what, kind);
      *status = 2;
      return NULL;
    }
  if (!require (what, url, "--rt-url URL") ||
      !require (what, token_file, "--rt-token-file FILE"))
    {
      *status = 2;
      return NULL;
    }

  token = wk_rt_upstream_read_token (token_file, &error);
  if (token == NULL)
    {
      g_printerr ("%s: %s: %s\n", what, token_file, error->message);
      *status = 1;
      return NULL;
    }
  /* "https://rt.example" or "https://rt.example/REST/2.0" */
  base = g_str_has_suffix (url, "/REST/2.0") ? g_strdup (url)
         : g_strconcat (url, g_str_has_suffix (url, "/") ? "" : "/", "REST/2.0", NULL);
  return WK_UPSTREAM (wk_rt_upstream_new (base, token, queue != NULL ? queue : "General", 0));
}

static gboolean
quit_cb (gpointer user_data)
{
  g_message ("shutting down");
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
wk_hub_serve_main (int    argc,
                   char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  g_autofree char *address = NULL;
  g_autofree char *upstream_kind = NULL;
  g_autofree char *rt_url = NULL;
  g_autofree char *rt_token_file = NULL;
  g_autofree char *rt_queue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(WkStore) store = NULL;
  g_autoptr(WkLocalDesk) desk = NULL;
  g_autoptr(WkHubServer) server = NULL;
  g_autoptr(WkUpstream) upstream = NULL;
  g_autoptr(WkUpstreamLookup) lookup = NULL;
  g_autoptr(WkUpstreamSync) sync = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  guint port = WK_HUB_DEFAULT_PORT;
  guint sigterm, sigint;
  int status;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The lounge database"), N_("PATH") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen,
      N_("Address and port to listen on (default 127.0.0.1:8470; port 0: any)"), N_("ADDR:PORT") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert, N_("TLS certificate (PEM)"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, N_("TLS private key (PEM)"), N_("FILE") },
    { "upstream", 0, 0, G_OPTION_ARG_STRING, &upstream_kind,
      N_("Sit in front of a service desk system: rt (Request Tracker 5)"), N_("SYSTEM") },
    { "rt-url", 0, 0, G_OPTION_ARG_STRING, &rt_url, N_("Request Tracker’s address"), N_("URL") },
    { "rt-token-file", 0, 0, G_OPTION_ARG_FILENAME, &rt_token_file,
      N_("A file holding a Request Tracker auth token"), N_("FILE") },
    { "rt-queue", 0, 0, G_OPTION_ARG_STRING, &rt_queue,
      N_("The queue new tickets go to (default General)"), N_("NAME") },
    { NULL }
  };

  if (!parse_options ("serve", _("Serve the lounge’s hub API."), entries, argc, argv, 1) ||
      !require ("serve", db_path, "--db PATH"))
    return 2;
  if (!parse_listen (listen != NULL ? listen : "127.0.0.1:8470", &address, &port))
    {
      g_printerr (_("serve: “%s” is not ADDR:PORT with an IP address\n"), listen);
      return 2;
    }
  if ((tls_cert == NULL) != (tls_key == NULL))
    {
      g_printerr (_("serve: --tls-cert and --tls-key go together\n"));
      return 2;
    }
  upstream = open_upstream ("serve", upstream_kind, rt_url, rt_token_file, rt_queue, &status);
  if (status != 0)
    return status;
  if (tls_cert != NULL)
    {
      certificate = g_tls_certificate_new_from_files (tls_cert, tls_key, &error);
      if (certificate == NULL)
        {
          g_printerr ("serve: %s\n", error->message);
          return 1;
        }
    }

  store = wk_store_new (db_path, NULL, &error);
  if (store == NULL)
    {
      g_printerr ("serve: %s\n", error->message);
      return 1;
    }
  desk = wk_local_desk_new (store);
  if (upstream != NULL)
    {
      /* identify asks the upstream (briefly); the event log goes to it */
      lookup = wk_upstream_lookup_new (upstream, 0, 0);
      wk_local_desk_set_upstream_lookup (desk, lookup);
      sync = wk_upstream_sync_new (store, WK_DESK (desk), upstream);
      wk_upstream_sync_start (sync);
    }
  server = wk_hub_server_new (WK_DESK (desk), store);
  if (!wk_hub_server_listen (server, address, port, certificate, &error))
    {
      g_printerr ("serve: %s\n", error->message);
      return 1;
    }

  /* the first line on stdout names the bound port (scripts use port 0) */
  g_print ("walkup-hub listening on %s://%s%s%s:%u\n", certificate != NULL ? "https" : "http",
           strchr (address, ':') != NULL ? "[" : "", address,
           strchr (address, ':') != NULL ? "]" : "", wk_hub_server_get_port (server));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  sigterm = g_unix_signal_add (SIGTERM, quit_cb, loop);
  sigint = g_unix_signal_add (SIGINT, quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigterm);
  g_source_remove (sigint);

  wk_hub_server_disconnect (server);
  g_clear_object (&server);
  if (sync != NULL)
    wk_upstream_sync_stop (sync);
  g_clear_object (&sync);
  g_clear_object (&desk);
  wk_store_close (store);
  return 0;
}

/* ---- upstream-sync ------------------------------------------------------- */

static void
sync_idle_cb (WkUpstreamSync *sync,
              GParamSpec     *pspec,
              gpointer        user_data)
{
  if (wk_upstream_sync_get_idle (sync))
    g_main_loop_quit (user_data);
}

/* --once: a failure that would be retried ends the run instead */
static gboolean
sync_failed_cb (gpointer user_data)
{
  WkUpstreamSync *sync = user_data;

  if (wk_upstream_sync_get_last_error (sync) != NULL)
    {
      g_main_loop_quit (g_object_get_data (G_OBJECT (sync), "wk-loop"));
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

int
wk_hub_upstream_sync_main (int    argc,
                           char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *rt_url = NULL;
  g_autofree char *rt_token_file = NULL;
  g_autofree char *rt_queue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkStore) store = NULL;
  g_autoptr(WkUpstream) upstream = NULL;
  g_autoptr(WkUpstreamSync) sync = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  gboolean once = FALSE;
  int poll_s = 2;
  guint sigterm, sigint, failed = 0;
  int status;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The lounge database"), N_("PATH") },
    { "rt-url", 0, 0, G_OPTION_ARG_STRING, &rt_url, N_("Request Tracker’s address"), N_("URL") },
    { "rt-token-file", 0, 0, G_OPTION_ARG_FILENAME, &rt_token_file,
      N_("A file holding a Request Tracker auth token"), N_("FILE") },
    { "rt-queue", 0, 0, G_OPTION_ARG_STRING, &rt_queue,
      N_("The queue new tickets go to (default General)"), N_("NAME") },
    { "poll", 0, 0, G_OPTION_ARG_INT, &poll_s,
      N_("Look for new events every N seconds (default 2)"), N_("N") },
    { "once", 0, 0, G_OPTION_ARG_NONE, &once,
      N_("Deliver what is there, then exit (1 if something is left)"), NULL },
    { NULL }
  };

  if (!parse_options ("upstream-sync",
                      _("Deliver the lounge’s event log to Request Tracker, on its own."),
                      entries, argc, argv, 1) ||
      !require ("upstream-sync", db_path, "--db PATH"))
    return 2;
  if (poll_s < 1 || poll_s > 3600)
    {
      g_printerr (_("upstream-sync: --poll must be between 1 and 3600\n"));
      return 2;
    }
  upstream = open_upstream ("upstream-sync", "rt", rt_url, rt_token_file, rt_queue, &status);
  if (upstream == NULL)
    return status;

  store = wk_store_new (db_path, NULL, &error);
  if (store == NULL)
    {
      g_printerr ("upstream-sync: %s\n", error->message);
      return 1;
    }

  /* another process writes the log: look every few seconds */
  loop = g_main_loop_new (NULL, FALSE);
  sync = wk_upstream_sync_new (store, NULL, upstream);
  if (once)
    {
      g_signal_connect (sync, "notify::idle", G_CALLBACK (sync_idle_cb), loop);
      g_object_set_data (G_OBJECT (sync), "wk-loop", loop);
      failed = g_timeout_add (200, sync_failed_cb, sync);
    }
  else
    wk_upstream_sync_set_poll_interval (sync, (guint) poll_s * 1000);
  wk_upstream_sync_start (sync);

  sigterm = g_unix_signal_add (SIGTERM, quit_cb, loop);
  sigint = g_unix_signal_add (SIGINT, quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigterm);
  g_source_remove (sigint);
  g_clear_handle_id (&failed, g_source_remove);

  status = once && !wk_upstream_sync_get_idle (sync) ? 1 : 0;
  if (status != 0 && wk_upstream_sync_get_last_error (sync) != NULL)
    g_printerr ("upstream-sync: %s\n", wk_upstream_sync_get_last_error (sync)->message);
  wk_upstream_sync_stop (sync);
  g_clear_object (&sync);
  wk_store_close (store);
  return status;
}

/* ---- token create -------------------------------------------------------- */

int
wk_hub_token_main (int    argc,
                   char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkStore) store = NULL;
  g_autoptr(WkHubTokens) tokens = NULL;
  WkHubRole role;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The lounge database"), N_("PATH") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("kiosk, engineer, lead or admin"), N_("ROLE") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Who or what holds it, e.g. the kiosk’s name"),
      N_("NAME") },
    { NULL }
  };

  if (!parse_options ("token", _("“token create”: make a bearer token and print it once."), entries,
                      argc, argv, 2))
    return 2;
  if (argc < 2 || strcmp (argv[1], "create") != 0)
    {
      g_printerr (_("token: the only subcommand is “create”\n"));
      return 2;
    }
  if (!require ("token create", db_path, "--db PATH") ||
      !require ("token create", role_text, "--role ROLE") ||
      !require ("token create", name, "--name NAME"))
    return 2;
  if (!wk_hub_role_from_string (role_text, &role))
    {
      g_printerr (_("token create: the role must be kiosk, engineer, lead or admin\n"));
      return 2;
    }

  store = wk_store_new (db_path, NULL, &error);
  if (store == NULL)
    {
      g_printerr ("token create: %s\n", error->message);
      return 1;
    }
  tokens = wk_hub_tokens_new (store);
  token = wk_hub_tokens_create_sync (tokens, role, name, 0, 0, &error);
  wk_store_close (store);
  if (token == NULL)
    {
      g_printerr ("token create: %s\n", error->message);
      return 1;
    }

  g_print ("%s\n", token);
  explicit_bzero (token, strlen (token));
  return 0;
}

/* ---- user add ------------------------------------------------------------ */

typedef struct {
  char *email;
  char *name;
  char *role;
  char *hash;
} NewUser;

static void
new_user_free (gpointer data)
{
  NewUser *user = data;

  g_free (user->email);
  g_free (user->name);
  g_free (user->role);
  g_free (user->hash);
  g_free (user);
}

static gpointer
add_user_job (sqlite3  *db,
              gpointer  data,
              GError  **error)
{
  NewUser *user = data;
  g_autoptr(WkStoreStmt) stmt = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  /* someone already in the directory keeps their row and becomes staff */
  stmt = wk_store_prepare (db,
                           "INSERT INTO person (email, display_name, role, credential_hash,"
                           "  created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)"
                           " ON CONFLICT (email) DO UPDATE SET role = excluded.role,"
                           "  credential_hash = excluded.credential_hash,"
                           "  updated_at = excluded.updated_at", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, user->email, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, user->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, user->role, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, user->hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!wk_store_step_done (db, stmt, "adding a staff member", error))
    return NULL;
  return GINT_TO_POINTER (1);
}

/* The first line of @path, or of stdin when @path is NULL; wiped by the caller. */
static char *
read_password (const char  *path,
               GError     **error)
{
  g_autofree char *contents = NULL;
  char *line;
  gsize length = 0;

  if (path != NULL)
    {
      if (!g_file_get_contents (path, &contents, &length, error))
        return NULL;
    }
  else
    {
      g_autoptr(GString) input = g_string_new (NULL);
      int c;

      while ((c = getchar ()) != EOF && c != '\n' && input->len <= WK_MAX_PASSWORD)
        g_string_append_c (input, (char) c);
      length = input->len;
      contents = g_string_free (g_steal_pointer (&input), FALSE);
    }

  line = g_strndup (contents, strcspn (contents, "\r\n"));
  explicit_bzero (contents, length);
  return line;
}

int
wk_hub_user_main (int    argc,
                  char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *email = NULL;
  g_autofree char *name = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkStore) store = NULL;
  NewUser *user;
  WkRole role;
  gpointer done;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The lounge database"), N_("PATH") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &email, N_("Work email, used to sign in"), N_("EMAIL") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Full name"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("engineer, lead or admin"), N_("ROLE") },
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the password from this file instead of stdin"), N_("FILE") },
    { NULL }
  };

  if (!parse_options ("user", _("“user add”: add a staff member; the password is read from stdin."),
                      entries, argc, argv, 2))
    return 2;
  if (argc < 2 || strcmp (argv[1], "add") != 0)
    {
      g_printerr (_("user: the only subcommand is “add”\n"));
      return 2;
    }
  if (!require ("user add", db_path, "--db PATH") ||
      !require ("user add", email, "--email EMAIL") ||
      !require ("user add", name, "--name NAME") ||
      !require ("user add", role_text, "--role ROLE"))
    return 2;
  if (!wk_role_from_string (role_text, &role) || role == WK_ROLE_VISITOR)
    {
      g_printerr (_("user add: the role must be engineer, lead or admin\n"));
      return 2;
    }
  if (!wk_validate_email (_("Email"), email, TRUE, &error) ||
      !wk_validate_text (_("Name"), name, WK_MAX_NAME, TRUE, &error))
    {
      g_printerr ("user add: %s\n", error->message);
      return 2;
    }

  password = read_password (password_file, &error);
  if (password == NULL)
    {
      g_printerr ("user add: %s\n", error->message);
      return 1;
    }
  if (strlen (password) < 8 || strlen (password) > WK_MAX_PASSWORD)
    {
      explicit_bzero (password, strlen (password));
      g_printerr (_("user add: the password must have 8 to 1024 characters\n"));
      return 2;
    }

  user = g_new0 (NewUser, 1);
  user->hash = wk_password_hash (password, &error);
  explicit_bzero (password, strlen (password));
  if (user->hash == NULL)
    {
      new_user_free (user);
      g_printerr ("user add: %s\n", error->message);
      return 1;
    }
  user->email = g_strdup (email);
  user->name = g_strdup (name);
  user->role = g_strdup (role_text);

  store = wk_store_new (db_path, NULL, &error);
  if (store == NULL)
    {
      new_user_free (user);
      g_printerr ("user add: %s\n", error->message);
      return 1;
    }
  done = wk_store_run_sync (store, add_user_job, user, new_user_free, NULL, &error);
  wk_store_close (store);
  if (done == NULL)
    {
      g_printerr ("user add: %s\n", error->message);
      return 1;
    }

  /* Translators: %s is an email address */
  g_print (_("%s can now sign in.\n"), email);
  return 0;
}
