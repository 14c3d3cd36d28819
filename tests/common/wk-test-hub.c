/* wk-test-hub.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-test-hub.h"

#include "wk-hub-server.h"
#include "wk-local-desk.h"

#include <string.h>

struct _WkTestHub
{
  char          *db_path;
  guint          port;
  GThread       *thread;
  GMainContext  *context;
  GMainLoop     *loop;
  GMutex         mutex;
  GCond          cond;
  gboolean       ready;
  WkHubServer   *server;   /* only touched on the hub thread */
};

static gpointer
hub_thread (gpointer data)
{
  WkTestHub *hub = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkStore) store = NULL;
  g_autoptr(WkLocalDesk) desk = NULL;
  guint port = hub->port;

  g_main_context_push_thread_default (hub->context);

  store = wk_store_new (hub->db_path, NULL, &error);
  g_assert_no_error (error);
  desk = wk_local_desk_new (store);
  hub->server = wk_hub_server_new (WK_DESK (desk), store);
  wk_hub_server_set_rate_limits (hub->server, 0, 0);
  /* a restarted hub may find its old port still held for a moment */
  for (int attempt = 0; !wk_hub_server_listen (hub->server, "127.0.0.1", port, NULL, &error); attempt++)
    {
      g_assert_cmpint (attempt, <, 50);
      g_clear_error (&error);
      g_usleep (100 * 1000);
    }

  g_mutex_lock (&hub->mutex);
  hub->port = wk_hub_server_get_port (hub->server);
  hub->ready = TRUE;
  g_cond_signal (&hub->cond);
  g_mutex_unlock (&hub->mutex);

  g_main_loop_run (hub->loop);

  wk_hub_server_disconnect (hub->server);
  /* let closing handshakes and answers in flight finish */
  for (int i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (hub->context, FALSE))
        ;
      g_usleep (5 * 1000);
    }
  g_clear_object (&hub->server);
  g_clear_object (&desk);
  wk_store_close (store);
  while (g_main_context_iteration (hub->context, FALSE))
    ;
  g_main_context_pop_thread_default (hub->context);
  return NULL;
}

/* libsoup 3.2 warns when a client is gone before the server asks for its
 * address (a client that cancels, as the contract suite's do): a log line
 * in the hub, not a failure of the test.  GTest makes every warning fatal:
 * the fatal handler keeps this one from aborting, and the log handler
 * writes it as a plain test message, not TAP's "Bail out!". */
static gboolean
is_client_gone (const char *log_domain,
                const char *message)
{
  return g_strcmp0 (log_domain, "libsoup") == 0 && strstr (message, "could not get remote address") != NULL;
}

static gboolean
fatal_log_cb (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
  return !((log_level & G_LOG_LEVEL_WARNING) != 0 && is_client_gone (log_domain, message));
}

static void
libsoup_warning_cb (const char     *log_domain,
                    GLogLevelFlags  log_level,
                    const char     *message,
                    gpointer        user_data)
{
  if (is_client_gone (log_domain, message))
    g_test_message ("%s: %s", log_domain, message);
  else
    g_log_default_handler (log_domain, log_level, message, user_data);
}

static gpointer
log_client_gone (gpointer data)
{
  g_log_set_handler ("libsoup", G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL, libsoup_warning_cb, NULL);
  return NULL;
}

WkTestHub *
wk_test_hub_start (const char *db_path,
                   guint       port)
{
  static GOnce log_once = G_ONCE_INIT;
  WkTestHub *hub = g_new0 (WkTestHub, 1);

  /* GTest forgets the fatal handler after each test case */
  g_test_log_set_fatal_handler (fatal_log_cb, NULL);
  g_once (&log_once, log_client_gone, NULL);
  hub->db_path = g_strdup (db_path);
  hub->port = port;
  g_mutex_init (&hub->mutex);
  g_cond_init (&hub->cond);
  hub->context = g_main_context_new ();
  hub->loop = g_main_loop_new (hub->context, FALSE);
  hub->thread = g_thread_new ("test-hub", hub_thread, hub);

  g_mutex_lock (&hub->mutex);
  while (!hub->ready)
    g_cond_wait (&hub->cond, &hub->mutex);
  g_mutex_unlock (&hub->mutex);
  g_assert_cmpuint (hub->port, >, 0);
  return hub;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
wk_test_hub_stop (WkTestHub *hub)
{
  g_main_context_invoke (hub->context, quit_cb, hub->loop);
  g_thread_join (hub->thread);
  g_main_loop_unref (hub->loop);
  g_main_context_unref (hub->context);
  g_mutex_clear (&hub->mutex);
  g_cond_clear (&hub->cond);
  g_free (hub->db_path);
  g_free (hub);
}

guint
wk_test_hub_get_port (WkTestHub *hub)
{
  return hub->port;
}

char *
wk_test_hub_get_url (WkTestHub *hub)
{
  return g_strdup_printf ("http://127.0.0.1:%u", hub->port);
}

char *
wk_test_hub_new_token (WkTestHub  *hub,
                       WkHubRole   role,
                       const char *name,
                       gint64      person_id)
{
  g_autoptr(GError) error = NULL;
  char *token;

  /* a blocking store job: safe from any thread but the store's worker */
  token = wk_hub_tokens_create_sync (wk_hub_server_get_tokens (hub->server), role, name,
                                     person_id, 0, &error);
  g_assert_no_error (error);
  return token;
}

typedef struct {
  WkTestHub  *hub;
  void      (*func) (gpointer server, gpointer data);
  gpointer    data;
  gboolean    done;
} Run;

static gboolean
run_cb (gpointer user_data)
{
  Run *run = user_data;

  run->func (run->hub->server, run->data);
  g_mutex_lock (&run->hub->mutex);
  run->done = TRUE;
  g_cond_broadcast (&run->hub->cond);
  g_mutex_unlock (&run->hub->mutex);
  return G_SOURCE_REMOVE;
}

void
wk_test_hub_run (WkTestHub  *hub,
                 void      (*func) (gpointer server, gpointer data),
                 gpointer    data)
{
  Run run = { hub, func, data, FALSE };

  g_main_context_invoke (hub->context, run_cb, &run);
  g_mutex_lock (&hub->mutex);
  while (!run.done)
    g_cond_wait (&hub->cond, &hub->mutex);
  g_mutex_unlock (&hub->mutex);
}
