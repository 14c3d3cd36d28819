/* wk-crash-writer.c — a helper process for test-crash
 *
 * Checks guests in to lounge 1 of DB through WkLocalDesk, keeping several
 * check-ins in flight, and prints the UUID of each one the desk confirmed,
 * one per line, the moment it is confirmed.  It runs until it is killed
 * (or for at most a minute).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-local-desk.h"
#include "wk-store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IN_FLIGHT 16

typedef struct {
  WkDesk    *desk;
  GMainLoop *loop;
  guint      started;
} Writer;

static void start_one (Writer *writer);

static void
checked_in_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Writer *writer = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkVisit) visit = wk_desk_check_in_finish (WK_DESK (source), result, &error);
  g_autofree char *line = NULL;

  if (visit == NULL)
    g_error ("check-in failed: %s", error->message);

  /* one write(2) per line: a line is either whole in the pipe or absent */
  line = g_strdup_printf ("%s\n", wk_visit_get_uuid (visit));
  if (write (STDOUT_FILENO, line, strlen (line)) != (ssize_t) strlen (line))
    exit (1);

  start_one (writer);
}

static void
start_one (Writer *writer)
{
  g_autoptr(WkCheckInRequest) request = wk_check_in_request_new ();

  request->uuid = g_uuid_string_random ();
  request->lounge_id = 1;
  request->identified_by = WK_IDENTIFIED_BY_GUEST;
  request->guest_name = g_strdup_printf ("Crash Guest %u", writer->started++);
  request->reason = g_strdup ("other");
  request->open_ticket = writer->started % 3 == 0;
  wk_desk_check_in_async (writer->desk, request, NULL, checked_in_cb, writer);
}

static gboolean
give_up_cb (gpointer user_data)
{
  Writer *writer = user_data;

  g_main_loop_quit (writer->loop);
  return G_SOURCE_REMOVE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkStore) store = NULL;
  g_autoptr(WkLocalDesk) desk = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Writer writer = { 0, };

  if (argc != 2)
    {
      g_printerr ("usage: %s DB\n", argv[0]);
      return 2;
    }

  store = wk_store_new (argv[1], NULL, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  desk = wk_local_desk_new (store);
  loop = g_main_loop_new (NULL, FALSE);

  writer.desk = WK_DESK (desk);
  writer.loop = loop;
  for (int i = 0; i < IN_FLIGHT; i++)
    start_one (&writer);

  g_timeout_add_seconds (60, give_up_cb, &writer);
  g_main_loop_run (loop);

  return 0;
}
