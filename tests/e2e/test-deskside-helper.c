/* test-deskside-helper.c — a second process writing to the lounge database,
 * as the kiosk would: `test-deskside-helper check-in DB LOUNGE_ID EMAIL`
 * checks someone in (about their newest open ticket) and prints the visit id;
 * `collect DB HARDWARE_ID VERSION` has a ready device collected (self-service);
 * `survey DB VISIT_ID SCORE` rates a visit that is done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-desk.h"
#include "wk-local-desk.h"
#include "wk-store.h"
#include "wk-survey-request.h"

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

static int
collect (WkDesk     *desk,
         Wait       *wait,
         const char *hardware,
         const char *version)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkHardware) item = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  wk_desk_mark_hardware_collected_async (desk, g_ascii_strtoll (hardware, NULL, 10),
                                         g_ascii_strtoll (version, NULL, 10),
                                         "Test Collector", NULL, 0, NULL, done_cb, wait);
  result = run (wait);
  item = wk_desk_mark_hardware_collected_finish (desk, result, &error);
  if (item == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static int
survey (WkDesk     *desk,
        Wait       *wait,
        const char *visit,
        const char *score)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WkSurvey) stored = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(WkSurveyRequest) request = wk_survey_request_new ();

  request->uuid = g_uuid_string_random ();
  request->visit_id = g_ascii_strtoll (visit, NULL, 10);
  request->score = (int) g_ascii_strtoll (score, NULL, 10);
  request->comment = g_strdup ("The laptop still does not start");
  request->language = g_strdup ("en");
  request->kiosk = g_strdup ("kiosk-test");
  wk_desk_submit_survey_async (desk, request, NULL, done_cb, wait);
  result = run (wait);
  stored = wk_desk_submit_survey_finish (desk, result, &error);
  if (stored == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%" G_GINT64_FORMAT "\n", wk_survey_get_id (stored));
  return 0;
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

  if (!(argc == 5 && g_strcmp0 (argv[1], "check-in") == 0) &&
      !(argc == 5 && g_strcmp0 (argv[1], "collect") == 0) &&
      !(argc == 5 && g_strcmp0 (argv[1], "survey") == 0))
    {
      g_printerr ("usage: %s check-in DB LOUNGE_ID EMAIL\n"
                  "       %s collect DB HARDWARE_ID VERSION\n"
                  "       %s survey DB VISIT_ID SCORE\n", argv[0], argv[0], argv[0]);
      return 2;
    }

  store = wk_store_new (argv[2], NULL, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  desk = wk_local_desk_new (store);
  if (g_strcmp0 (argv[1], "collect") == 0)
    return collect (WK_DESK (desk), &wait, argv[3], argv[4]);
  if (g_strcmp0 (argv[1], "survey") == 0)
    return survey (WK_DESK (desk), &wait, argv[3], argv[4]);

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
