/* test-json.c — the codec: every domain object and request round-trips,
 * and hostile documents fail with the documented errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-announcement.h"
#include "wk-error.h"
#include "wk-event.h"
#include "wk-hardware.h"
#include "wk-identity.h"
#include "wk-json.h"
#include "wk-lounge.h"
#include "wk-note.h"
#include "wk-person.h"
#include "wk-session.h"
#include "wk-survey.h"
#include "wk-ticket.h"
#include "wk-visit.h"

#include <string.h>

static char *
text_of (JsonNode *node)
{
  return wk_json_to_string (node, NULL);
}

/* object → JSON → object → JSON gives the same text */
static void
assert_round_trip (gpointer object)
{
  g_autoptr(JsonNode) first = wk_json_from_object (object);
  g_autofree char *text = text_of (first);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) parsed = wk_json_parse (text, -1, &error);
  g_autoptr(GObject) back = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autofree char *text2 = NULL;

  g_assert_no_error (error);
  back = wk_json_to_object (parsed, G_OBJECT_TYPE (object), &error);
  g_assert_no_error (error);
  g_assert_true (G_OBJECT_TYPE (back) == G_OBJECT_TYPE (object));
  second = wk_json_from_object (back);
  text2 = text_of (second);
  g_assert_cmpstr (text, ==, text2);
}

static WkPerson *
make_person (void)
{
  return g_object_new (WK_TYPE_PERSON,
                       "id", (gint64) 7, "badge-id", "0042", "email", "priya@example.com",
                       "employee-no", "E-17", "display-name", "Priya Sharma",
                       "preferred-name", "Priya", "language", "de", "department", "Finance",
                       "location", "B2", "role", WK_ROLE_ENGINEER,
                       "created-at", (gint64) 1700000000, "updated-at", (gint64) 1700000100,
                       NULL);
}

static WkTicket *
make_ticket (gboolean with_notes)
{
  g_autoptr(GListStore) notes = g_list_store_new (WK_TYPE_NOTE);
  g_autoptr(WkNote) note = g_object_new (WK_TYPE_NOTE,
                                         "id", (gint64) 3, "ticket-id", (gint64) 12,
                                         "author-id", (gint64) 7, "author-name", "Priya Sharma",
                                         "body", "Swapped the dock — «works» ✓",
                                         "visibility", WK_NOTE_VISIBILITY_PUBLIC,
                                         "created-at", (gint64) 1700000300, NULL);

  g_list_store_append (notes, note);
  return g_object_new (WK_TYPE_TICKET,
                       "id", (gint64) 12, "ref", "WK-10042", "requester-id", (gint64) 7,
                       "requester-name", "Priya Sharma", "subject", "Laptop dock \"flickers\"",
                       "description", "Line one\nLine two\t\\", "category", "hardware",
                       "status", WK_TICKET_STATUS_OPEN, "priority", 3,
                       "created-at", (gint64) 1700000000, "updated-at", (gint64) 1700000200,
                       "version", (gint64) 4,
                       "notes", with_notes ? G_LIST_MODEL (notes) : NULL,
                       NULL);
}

static WkVisit *
make_visit (void)
{
  return g_object_new (WK_TYPE_VISIT,
                       "id", (gint64) 99, "uuid", "6f1c2b58-8f5e-4a43-9a43-0c5d2b1e7a10",
                       "lounge-id", (gint64) 1, "person-id", (gint64) 7,
                       "person-name", "Priya Sharma", "greeting-name", "Priya",
                       "ticket-id", (gint64) 12, "ticket-ref", "WK-10042", "reason", "hardware",
                       "status", WK_VISIT_STATUS_CALLED, "checked-in-at", (gint64) 1700001000,
                       "called-at", (gint64) 1700001300, "engineer-id", (gint64) 8,
                       "engineer-name", "Sam", "desk", "Desk 2", "kiosk", "door",
                       "identified-by", WK_IDENTIFIED_BY_BADGE, "kiosk-ms", (gint64) 8123,
                       "outcome", WK_OUTCOME_NONE, "estimated-wait-s", (gint64) -1,
                       "version", (gint64) 2, "position", 0u, NULL);
}

static WkHardware *
make_hardware (void)
{
  return g_object_new (WK_TYPE_HARDWARE,
                       "id", (gint64) 5, "ticket-id", (gint64) 12, "ticket-ref", "WK-10042",
                       "person-id", (gint64) 7, "person-name", "Priya Sharma",
                       "lounge-id", (gint64) 1, "description", "ThinkPad T14",
                       "asset-tag", "A-1234", "status", WK_HARDWARE_STATUS_READY,
                       "location", "locker 12", "ready-by", (gint64) 1700002000,
                       "ready-at", (gint64) 1700001900, "ack-signature", "[[1,2],[3,4]]",
                       "version", (gint64) 3, NULL);
}

static void
test_objects_round_trip (void)
{
  const char *tags[] = { "speed", "knowledge", NULL };
  const char *desks[] = { "Desk 1", "Desk 2", NULL };
  g_autoptr(WkPerson) person = make_person ();
  g_autoptr(WkTicket) ticket = make_ticket (TRUE);
  g_autoptr(WkTicket) bare = make_ticket (FALSE);
  g_autoptr(WkVisit) visit = make_visit ();
  g_autoptr(WkHardware) hardware = make_hardware ();
  g_autoptr(WkSurvey) survey = NULL;
  g_autoptr(WkAnnouncement) announcement = NULL;
  g_autoptr(WkEvent) event = NULL;
  g_autoptr(WkLounge) lounge = NULL;
  g_autoptr(WkSession) session = NULL;
  g_autoptr(WkNote) note = NULL;

  survey = g_object_new (WK_TYPE_SURVEY,
                         "id", (gint64) 4, "uuid", "0b8f0e3c-93f4-4f5b-8d0a-7d1d1a8e0c11",
                         "visit-id", (gint64) 99, "score", 2, "resolved", WK_SURVEY_RESOLVED_NO,
                         "tags", tags, "comment", "Took ages", "contact-consent", TRUE,
                         "language", "fr", "created-at", (gint64) 1700003000,
                         "followup-status", WK_FOLLOWUP_STATUS_NEEDED, NULL);
  announcement = g_object_new (WK_TYPE_ANNOUNCEMENT, "id", (gint64) 2, "title", "Mail moves",
                               "body", "On Monday", "starts-at", (gint64) 1,
                               "ends-at", (gint64) 2000000000, NULL);
  event = g_object_new (WK_TYPE_EVENT, "id", (gint64) 100, "at", (gint64) 1700000000,
                        "actor", "person:7", "kind", "visit.called", "entity", "visit",
                        "entity-id", (gint64) 99, "payload", "{\"desk\":\"Desk 2\"}", NULL);
  lounge = g_object_new (WK_TYPE_LOUNGE, "id", (gint64) 1, "name", "Tech Bar",
                         "location", "HQ", "timezone", "Europe/Berlin",
                         "opening-hours", "mon-fri 08:00-18:00", "phone", "+49 30 1234",
                         "desks", desks, NULL);
  session = g_object_new (WK_TYPE_SESSION, "person", person, "role", WK_ROLE_ENGINEER,
                          "token", "abc", NULL);
  note = g_object_new (WK_TYPE_NOTE, "id", (gint64) 1, "ticket-id", (gint64) 12, "body", "x",
                       NULL);

  assert_round_trip (person);
  assert_round_trip (ticket);
  assert_round_trip (bare);
  assert_round_trip (visit);
  assert_round_trip (hardware);
  assert_round_trip (survey);
  assert_round_trip (announcement);
  assert_round_trip (event);
  assert_round_trip (lounge);
  assert_round_trip (session);
  assert_round_trip (note);
}

static void
test_identity_round_trip (void)
{
  g_autoptr(WkPerson) person = make_person ();
  g_autoptr(WkTicket) ticket = make_ticket (FALSE);
  g_autoptr(WkHardware) hardware = make_hardware ();
  g_autoptr(WkVisit) visit = make_visit ();
  g_autoptr(GListStore) tickets = g_list_store_new (WK_TYPE_TICKET);
  g_autoptr(GListStore) items = g_list_store_new (WK_TYPE_HARDWARE);
  g_autoptr(WkIdentity) identity = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(WkIdentity) back = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_append (tickets, ticket);
  g_list_store_append (items, hardware);
  identity = g_object_new (WK_TYPE_IDENTITY, "identified-by", WK_IDENTIFIED_BY_EMAIL,
                           "person", person, "tickets", tickets, "hardware", items,
                           "pending-survey", visit, NULL);
  assert_round_trip (identity);

  node = wk_json_from_object (identity);
  back = wk_json_to_object (node, WK_TYPE_IDENTITY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wk_person_get_greeting_name (wk_identity_get_person (back)), ==, "Priya");
  g_assert_cmpuint (g_list_model_get_n_items (wk_identity_get_tickets (back)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (wk_identity_get_hardware (back)), ==, 1);
  g_assert_cmpint (wk_visit_get_id (wk_identity_get_pending_survey (back)), ==, 99);
  g_assert_false (wk_identity_is_strong (back));
}

static void
test_list_round_trip (void)
{
  g_autoptr(GListStore) store = g_list_store_new (WK_TYPE_VISIT);
  g_autoptr(WkVisit) visit = make_visit ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GListModel) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 3; i++)
    g_list_store_append (store, visit);
  node = wk_json_from_list (G_LIST_MODEL (store));
  text = text_of (node);
  g_assert_true (text[0] == '[');
  back = wk_json_to_list (node, WK_TYPE_VISIT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (back), ==, 3);
}

static void
test_times_are_unix_seconds (void)
{
  g_autoptr(WkVisit) visit = make_visit ();
  g_autoptr(JsonNode) node = wk_json_from_object (visit);
  JsonObject *o = json_node_get_object (node);

  g_assert_cmpint (json_object_get_int_member (o, "checked_in_at"), ==, 1700001000);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "called");
  g_assert_cmpstr (json_object_get_string_member (o, "identified_by"), ==, "badge");
  g_assert_true (json_object_get_null_member (o, "outcome"));
  g_assert_true (json_object_get_null_member (o, "guest_name"));
}

static void
test_requests_round_trip (void)
{
  g_autoptr(WkCheckInRequest) check_in = wk_check_in_request_new ();
  g_autoptr(WkSurveyRequest) survey = wk_survey_request_new ();
  g_autoptr(WkTicketUpdate) update = wk_ticket_update_new ();
  g_autoptr(WkFeedbackQuery) feedback = wk_feedback_query_new ();
  WkMetricsQuery mq = { 100, 200, 1, 0 };
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "speed", NULL };

  check_in->uuid = g_strdup ("6f1c2b58-8f5e-4a43-9a43-0c5d2b1e7a10");
  check_in->lounge_id = 1;
  check_in->identified_by = WK_IDENTIFIED_BY_GUEST;
  check_in->guest_name = g_strdup ("Zoë Guest");
  check_in->reason = g_strdup ("account");
  check_in->open_ticket = TRUE;
  check_in->kiosk_ms = 4000;
  {
    g_autoptr(JsonNode) node = wk_json_from_check_in_request (check_in);
    g_autoptr(WkCheckInRequest) back = wk_json_to_check_in_request (node, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (back->uuid, ==, check_in->uuid);
    g_assert_cmpstr (back->guest_name, ==, "Zoë Guest");
    g_assert_cmpint (back->identified_by, ==, WK_IDENTIFIED_BY_GUEST);
    g_assert_true (back->open_ticket);
    g_assert_cmpint (back->kiosk_ms, ==, 4000);
    g_assert_null (back->subject);
  }

  survey->uuid = g_strdup ("0b8f0e3c-93f4-4f5b-8d0a-7d1d1a8e0c11");
  survey->visit_id = 3;
  survey->score = 5;
  survey->resolved = WK_SURVEY_RESOLVED_YES;
  survey->tags = g_strdupv ((char **) tags);
  survey->anonymous = TRUE;
  {
    g_autoptr(JsonNode) node = wk_json_from_survey_request (survey);
    g_autoptr(WkSurveyRequest) back = wk_json_to_survey_request (node, &error);

    g_assert_no_error (error);
    g_assert_cmpint (back->score, ==, 5);
    g_assert_cmpint (back->resolved, ==, WK_SURVEY_RESOLVED_YES);
    g_assert_cmpstrv (back->tags, tags);
    g_assert_true (back->anonymous);
  }

  update->status = WK_TICKET_STATUS_RESOLVED;
  update->assignee_id = 0;
  update->description = g_strdup ("");
  {
    g_autoptr(JsonNode) node = wk_json_from_ticket_update (update);
    g_autoptr(WkTicketUpdate) back = wk_json_to_ticket_update (node, &error);

    g_assert_no_error (error);
    g_assert_cmpint (back->status, ==, WK_TICKET_STATUS_RESOLVED);
    g_assert_cmpint (back->assignee_id, ==, 0);
    g_assert_cmpint (back->priority, ==, 0);
    g_assert_cmpstr (back->description, ==, "");
    g_assert_null (back->subject);
  }
  {
    g_autoptr(WkTicketUpdate) keep = wk_ticket_update_new ();
    g_autoptr(JsonNode) node = wk_json_from_ticket_update (keep);
    g_autoptr(WkTicketUpdate) back = wk_json_to_ticket_update (node, &error);

    g_assert_no_error (error);
    g_assert_cmpint (back->status, ==, -1);
    g_assert_cmpint (back->assignee_id, ==, -1);
  }

  feedback->max_score = 2;
  feedback->followup_status = WK_FOLLOWUP_STATUS_NEEDED;
  feedback->limit = 10;
  {
    g_autoptr(JsonNode) node = wk_json_from_feedback_query (feedback);
    g_autoptr(WkFeedbackQuery) back = wk_json_to_feedback_query (node, &error);

    g_assert_no_error (error);
    g_assert_cmpint (back->max_score, ==, 2);
    g_assert_cmpint (back->followup_status, ==, WK_FOLLOWUP_STATUS_NEEDED);
    g_assert_cmpuint (back->limit, ==, 10);
  }
  {
    g_autoptr(JsonNode) node = wk_json_from_metrics_query (&mq);
    g_autofree WkMetricsQuery *back = wk_json_to_metrics_query (node, &error);

    g_assert_no_error (error);
    g_assert_cmpmem (back, sizeof *back, &mq, sizeof mq);
  }
}

static void
test_metrics_round_trip (void)
{
  g_autoptr(WkMetrics) metrics = g_new0 (WkMetrics, 1);
  WkMetricsDay day = { "2024-03-01", 10, 8, 6, 5, 4, 0.8, 0.75 };
  WkMetricsReason *reason = g_new0 (WkMetricsReason, 1);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) node2 = NULL;
  g_autoptr(WkMetrics) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  metrics->query.from = 1;
  metrics->query.to = 2;
  metrics->visits = 10;
  metrics->csat = 0.8;
  metrics->wait_p90_s = 321.5;
  metrics->estimate_error_mean_s = -12.25;
  metrics->heatmap[6][23] = 4;
  metrics->days = g_array_new (FALSE, TRUE, sizeof (WkMetricsDay));
  g_array_append_val (metrics->days, day);
  metrics->reasons = g_ptr_array_new ();
  reason->reason = g_strdup ("hardware");
  reason->visits = 3;
  reason->wait_median_s = 60;
  g_ptr_array_add (metrics->reasons, reason);

  node = wk_json_from_metrics (metrics);
  text = text_of (node);
  back = wk_json_to_metrics (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->visits, ==, 10);
  g_assert_cmpfloat (back->wait_p90_s, ==, 321.5);
  g_assert_cmpuint (back->heatmap[6][23], ==, 4);
  g_assert_cmpstr (g_array_index (back->days, WkMetricsDay, 0).date, ==, "2024-03-01");
  node2 = wk_json_from_metrics (back);
  text2 = text_of (node2);
  g_assert_cmpstr (text, ==, text2);

  g_free (reason->reason);
  g_free (reason);
  g_ptr_array_set_size (metrics->reasons, 0);
}

/* ---- hostile documents --------------------------------------------------- */

typedef enum { AS_CHECK_IN, AS_SURVEY, AS_UPDATE, AS_FEEDBACK, AS_VISIT, AS_IDENTITY } Target;

typedef struct {
  Target      target;
  const char *text;
  gssize      length;   /* -1: NUL-terminated */
  gboolean    malformed; /* JSON_PARSER_ERROR rather than WK_ERROR_INVALID */
  const char *needle;    /* in the message, or NULL */
} Bad;

#define CI_OK "\"uuid\":\"6f1c2b58-8f5e-4a43-9a43-0c5d2b1e7a10\",\"lounge_id\":1,"

static const Bad bad_documents[] = {
  { AS_CHECK_IN, "", -1, TRUE, NULL },
  { AS_CHECK_IN, "{", -1, TRUE, NULL },
  { AS_CHECK_IN, "{\"uuid\":", -1, TRUE, NULL },
  { AS_CHECK_IN, "[1,2,3]", -1, FALSE, "object" },
  { AS_CHECK_IN, "\"just a string\"", -1, FALSE, "object" },
  { AS_CHECK_IN, "null", -1, FALSE, "object" },
  { AS_CHECK_IN, "{\"uuid\":\"a\xff\"}", -1, TRUE, "UTF-8" },
  { AS_CHECK_IN, "{\"uuid\":\"a\0b\"}", 12, TRUE, "UTF-8" },
  { AS_CHECK_IN, "{}", -1, FALSE, "uuid" },
  { AS_CHECK_IN, "{\"uuid\":42}", -1, FALSE, "“uuid” must be a string" },
  { AS_CHECK_IN, "{" CI_OK "\"identified_by\":\"telepathy\",\"reason\":\"x\"}", -1, FALSE, "identified_by" },
  { AS_CHECK_IN, "{" CI_OK "\"identified_by\":7,\"reason\":\"x\"}", -1, FALSE, "identified_by" },
  { AS_CHECK_IN, "{" CI_OK "\"identified_by\":\"guest\"}", -1, FALSE, "reason" },
  { AS_CHECK_IN, "{" CI_OK "\"identified_by\":\"guest\",\"reason\":\"x\",\"kiosk_ms\":1.5}", -1, FALSE, "whole number" },
  { AS_CHECK_IN, "{" CI_OK "\"identified_by\":\"guest\",\"reason\":\"x\",\"open_ticket\":\"yes\"}", -1, FALSE, "true or false" },
  { AS_CHECK_IN, "{" CI_OK "\"identified_by\":\"guest\",\"reason\":\"x\",\"sneaky\":1}", -1, FALSE, "sneaky" },
  { AS_CHECK_IN, "{\"uuid\":\"u\",\"lounge_id\":-4,\"identified_by\":\"guest\",\"reason\":\"x\"}", -1, FALSE, "between" },
  { AS_CHECK_IN, "{\"uuid\":\"u\",\"lounge_id\":\"1\",\"identified_by\":\"guest\",\"reason\":\"x\"}", -1, FALSE, "whole number" },
  { AS_CHECK_IN, "{\"uuid\":\"u\",\"lounge_id\":{},\"identified_by\":\"guest\",\"reason\":\"x\"}", -1, FALSE, "whole number" },
  { AS_SURVEY, "{\"uuid\":\"u\",\"score\":6}", -1, FALSE, "score" },
  { AS_SURVEY, "{\"uuid\":\"u\",\"score\":3,\"tags\":\"speed\"}", -1, FALSE, "list of strings" },
  { AS_SURVEY, "{\"uuid\":\"u\",\"score\":3,\"tags\":[1]}", -1, FALSE, "list of strings" },
  { AS_SURVEY, "{\"uuid\":\"u\",\"score\":3,\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}", -1, FALSE, "too many" },
  { AS_SURVEY, "{\"uuid\":\"u\",\"score\":3,\"resolved\":\"maybe\"}", -1, FALSE, "resolved" },
  { AS_UPDATE, "{\"status\":\"exploded\"}", -1, FALSE, "status" },
  { AS_UPDATE, "{\"priority\":0}", -1, FALSE, "priority" },
  { AS_UPDATE, "{\"assignee_id\":true}", -1, FALSE, "assignee_id" },
  { AS_FEEDBACK, "{\"limit\":100000}", -1, FALSE, "limit" },
  { AS_FEEDBACK, "{\"followup_status\":\"lost\"}", -1, FALSE, "followup_status" },
  { AS_VISIT, "{\"id\":1}", -1, FALSE, "missing" },
  { AS_VISIT, "{\"id\":1,\"uuid\":\"u\",\"lounge_id\":1,\"status\":\"waiting\",\"identified_by\":\"badge\",\"version\":1,\"position\":-1}", -1, FALSE, "position" },
  { AS_VISIT, "{\"id\":1,\"uuid\":\"u\",\"lounge_id\":1,\"status\":\"gone\",\"identified_by\":\"badge\",\"version\":1}", -1, FALSE, "status" },
  { AS_IDENTITY, "{\"identified_by\":\"badge\",\"tickets\":{}}", -1, FALSE, "list" },
  { AS_IDENTITY, "{\"identified_by\":\"badge\",\"person\":[]}", -1, FALSE, "object" },
  { AS_IDENTITY, "{\"identified_by\":\"badge\",\"tickets\":[{\"id\":1}]}", -1, FALSE, "missing" },
};

static void
test_hostile (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_documents); i++)
    {
      const Bad *bad = &bad_documents[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *shown = g_strescape (bad->text, NULL);
      gpointer result = NULL;

      g_test_message ("document %u: %s", i, shown);
      node = wk_json_parse (bad->text, bad->length, &error);
      if (node != NULL)
        {
          switch (bad->target)
            {
            case AS_CHECK_IN:
              result = wk_json_to_check_in_request (node, &error);
              break;
            case AS_SURVEY:
              result = wk_json_to_survey_request (node, &error);
              break;
            case AS_UPDATE:
              result = wk_json_to_ticket_update (node, &error);
              break;
            case AS_FEEDBACK:
              result = wk_json_to_feedback_query (node, &error);
              break;
            case AS_VISIT:
              result = wk_json_to_object (node, WK_TYPE_VISIT, &error);
              break;
            case AS_IDENTITY:
              result = wk_json_to_object (node, WK_TYPE_IDENTITY, &error);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      g_assert_null (result);
      g_assert_nonnull (error);
      if (bad->malformed)
        g_assert_true (error->domain == JSON_PARSER_ERROR);
      else
        g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
      if (bad->needle != NULL && strstr (error->message, bad->needle) == NULL)
        g_error ("document %u: “%s” not in “%s”", i, bad->needle, error->message);
    }
}

static void
test_over_long_text (void)
{
  g_autoptr(GString) text = g_string_new ("{" CI_OK "\"identified_by\":\"guest\",\"reason\":\"x\",\"guest_name\":\"");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(WkCheckInRequest) request = NULL;

  for (guint i = 0; i < 201; i++)
    g_string_append (text, "é");
  g_string_append (text, "\"}");
  node = wk_json_parse (text->str, text->len, &error);
  g_assert_no_error (error);
  request = wk_json_to_check_in_request (node, &error);
  g_assert_error (error, WK_ERROR, WK_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "guest_name"));
  g_assert_nonnull (strstr (error->message, "200"));
}

static void
test_error_document (void)
{
  g_autoptr(JsonNode) node = wk_json_error_new ("conflict", "Sam took it");
  g_autofree char *text = text_of (node);
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (text, ==, "{\"error\":{\"code\":\"conflict\",\"message\":\"Sam took it\"}}");
  g_assert_true (wk_json_read_error (node, &error));
  g_assert_error (error, WK_ERROR, WK_ERROR_CONFLICT);
  g_assert_cmpstr (error->message, ==, "Sam took it");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/json/objects-round-trip", test_objects_round_trip);
  g_test_add_func ("/json/identity-round-trip", test_identity_round_trip);
  g_test_add_func ("/json/list-round-trip", test_list_round_trip);
  g_test_add_func ("/json/times-are-unix-seconds", test_times_are_unix_seconds);
  g_test_add_func ("/json/requests-round-trip", test_requests_round_trip);
  g_test_add_func ("/json/metrics-round-trip", test_metrics_round_trip);
  g_test_add_func ("/json/hostile", test_hostile);
  g_test_add_func ("/json/over-long-text", test_over_long_text);
  g_test_add_func ("/json/error-document", test_error_document);

  return g_test_run ();
}
