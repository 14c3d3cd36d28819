/* test-deskside-helper.c — a second process writing to the lounge database,
 * as the kiosk would: `test-deskside-helper check-in DB LOUNGE_ID EMAIL`
 * checks someone in (about their newest open ticket) and prints the visit id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-desk.h"
#include "wk-local-desk.h"
#include "wk-store.h"

#include <stdlib.h>

typedef struct {
  GMainLoop  *loop;
  GAsyncResult *result;
} Wait;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static GAsyncResult *
run (Wait *wait)
{
  g_main_loop_run (wait->loop);
  return wait->result;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkStore) store = NULL;
  g_autoptr(WkLocalDesk) desk = NULL;
  g_autoptr(WkIdentity) identity = NULL;
  g_autoptr(WkCheckInRequest) request = NULL;
  g_autoptr(WkVisit) visit = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait wait = { loop, NULL };
  GListModel *tickets;

  if (argc != 5 || g_strcmp0 (argv[1], "check-in") != 0)
    {
      g_printerr ("usage: %s check-in DB LOUNGE_ID EMAIL\n", argv[0]);
      return 2;
    }

  store = wk_store_new (argv[2], NULL, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  desk = wk_local_desk_new (store);

  wk_desk_identify_async (WK_DESK (desk), WK_IDENTIFIED_BY_EMAIL, argv[4], NULL, done_cb, &wait);
  result = run (&wait);
  identity = wk_desk_identify_finish (WK_DESK (desk), result, &error);
  g_clear_object (&result);
  wait.result = NULL;
  if (identity == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  request = wk_check_in_request_new ();
  request->uuid = g_uuid_string_random ();
  request->lounge_id = g_ascii_strtoll (argv[3], NULL, 10);
  request->person_id = wk_person_get_id (wk_identity_get_person (identity));
  request->identified_by = WK_IDENTIFIED_BY_EMAIL;
  request->reason = g_strdup ("hardware");
  request->kiosk = g_strdup ("kiosk-test");
  tickets = wk_identity_get_tickets (identity);
  if (tickets != NULL && g_list_model_get_n_items (tickets) > 0)
    {
      g_autoptr(WkTicket) ticket = g_list_model_get_item (tickets, 0);
      request->ticket_id = wk_ticket_get_id (ticket);
    }
  else
    {
      request->open_ticket = TRUE;
      request->subject = g_strdup ("Laptop will not start");
    }

  wk_desk_check_in_async (WK_DESK (desk), request, NULL, done_cb, &wait);
  result = run (&wait);
  visit = wk_desk_check_in_finish (WK_DESK (desk), result, &error);
  if (visit == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%" G_GINT64_FORMAT "\n", wk_visit_get_id (visit));
  return 0;
}
