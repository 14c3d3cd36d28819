/* wk-json.h — the one JSON codec: domain objects and requests ↔ json-glib
 *
 * Conventions of the wire format (the hub API, docs/hub-api.md):
 *
 * - Member names are the GObject property names with '_' for '-'
 *   ("checked-in-at" → "checked_in_at").
 * - **Times are unix seconds** (UTC), as JSON integers; 0 means "not yet /
 *   none", exactly as in the domain objects.  Durations carry their unit in
 *   the name (`estimated_wait_s`, `kiosk_ms`).
 * - Ids are integers; 0 means "none".  Text that is absent is `null`.
 * - Enumerations are their schema strings (wk-enums.h: "waiting",
 *   "resolved_first_contact"…); a *_NONE value is `null`.
 * - Lists are arrays; a WkIdentity nests its person, tickets, hardware and
 *   pending survey; a WkTicket fetched with its notes nests them.
 *
 * Parsing is strict.  A body that is not UTF-8 or not JSON fails in
 * JSON_PARSER_ERROR (the hub answers 400); everything else fails with
 * WK_ERROR_INVALID (422) and a translated message naming the member: a
 * missing required member, a wrong JSON type, a fraction where a whole
 * number belongs, a number out of range, an unknown enumeration string,
 * text that is not UTF-8 or longer than its limit.  Requests also refuse
 * members they do not know (a typo must not silently do nothing); domain
 * objects ignore unknown members, so that a newer hub can add some.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wk-check-in-request.h"
#include "wk-event.h"
#include "wk-feedback-query.h"
#include "wk-metrics.h"
#include "wk-survey-request.h"
#include "wk-ticket-update.h"

G_BEGIN_DECLS

/* The longest text any member of a domain object may carry, in bytes
 * (signature strokes are the longest field). */
#define WK_JSON_MAX_TEXT   (4 * 262144)
/* The most items a list may hold. */
#define WK_JSON_MAX_ITEMS  100000

/* ---- documents ----------------------------------------------------------- */

/* Parses @data (@length bytes; -1 for NUL-terminated).  Invalid UTF-8, an
 * embedded NUL or a syntax error fail in JSON_PARSER_ERROR; a root that is
 * not an object fails with WK_ERROR_INVALID. */
JsonNode   *wk_json_parse              (const char     *data,
                                        gssize          length,
                                        GError        **error);
/* Compact text of @node (never NULL). */
char       *wk_json_to_string          (JsonNode       *node,
                                        gsize          *length);

/* {"error": {"code": CODE, "message": MESSAGE}} */
JsonNode   *wk_json_error_new          (const char     *code,
                                        const char     *message);
/* Reads an error document into a WK_ERROR (for clients); FALSE when @node
 * is not one. */
gboolean    wk_json_read_error         (JsonNode       *node,
                                        GError        **error);

/* ---- domain objects ------------------------------------------------------ */

/* Any domain object: WkPerson, WkTicket, WkNote, WkVisit, WkHardware,
 * WkSurvey, WkAnnouncement, WkEvent, WkLounge, WkIdentity, WkSession. */
JsonNode   *wk_json_from_object        (gpointer        object);
/* The inverse: an object of @type, or NULL with @error. */
gpointer    wk_json_to_object          (JsonNode       *node,
                                        GType           type,
                                        GError        **error);
/* A JSON array of the items of @list. */
JsonNode   *wk_json_from_list          (GListModel     *list);
/* A GListStore of @item_type. */
GListModel *wk_json_to_list            (JsonNode       *node,
                                        GType           item_type,
                                        GError        **error);

/* ---- requests and figures ------------------------------------------------ */

JsonNode         *wk_json_from_check_in_request (const WkCheckInRequest *request);
WkCheckInRequest *wk_json_to_check_in_request   (JsonNode               *node,
                                                 GError                **error);

JsonNode         *wk_json_from_survey_request   (const WkSurveyRequest  *request);
WkSurveyRequest  *wk_json_to_survey_request     (JsonNode               *node,
                                                 GError                **error);

/* Members absent keep the field: status, priority, assignee_id (null or
 * 0 unassigns), subject, description, category. */
JsonNode         *wk_json_from_ticket_update    (const WkTicketUpdate   *update);
WkTicketUpdate   *wk_json_to_ticket_update      (JsonNode               *node,
                                                 GError                **error);

/* followup_status is a string or null (any). */
JsonNode         *wk_json_from_feedback_query   (const WkFeedbackQuery  *query);
WkFeedbackQuery  *wk_json_to_feedback_query     (JsonNode               *node,
                                                 GError                **error);

/* {"from", "to", "lounge_id", "engineer_id"}; from and to are required. */
JsonNode         *wk_json_from_metrics_query    (const WkMetricsQuery   *query);
WkMetricsQuery   *wk_json_to_metrics_query      (JsonNode               *node,
                                                 GError                **error);

/* Every figure of WkMetrics; "days" an array of objects, "heatmap" 7 arrays
 * of 24 counts (Monday first), "reasons" an array of objects. */
JsonNode         *wk_json_from_metrics          (const WkMetrics        *metrics);
WkMetrics        *wk_json_to_metrics            (JsonNode               *node,
                                                 GError                **error);

/* ---- helpers for routes -------------------------------------------------- */

/* Checks that @node is an object with only the members in @allowed
 * (NULL-terminated); @what names the document in the message. */
gboolean    wk_json_check_members      (JsonNode            *node,
                                        const char * const  *allowed,
                                        GError             **error);
/* Reads an optional member of @node (an object).  Absent or null leave
 * *@value untouched and return TRUE; a wrong type or a value outside
 * [@min, @max] fails with WK_ERROR_INVALID. */
gboolean    wk_json_get_int            (JsonNode     *node,
                                        const char   *member,
                                        gboolean      required,
                                        gint64        min,
                                        gint64        max,
                                        gint64       *value,
                                        GError      **error);
/* Text: *@value is set to a new string, or NULL when absent or null. */
gboolean    wk_json_get_string         (JsonNode     *node,
                                        const char   *member,
                                        gboolean      required,
                                        gsize         max_chars,
                                        char        **value,
                                        GError      **error);
/* An enumeration string of @enum_type; null (when allowed by !@required)
 * leaves *@value untouched. */
gboolean    wk_json_get_enum           (JsonNode     *node,
                                        const char   *member,
                                        GType         enum_type,
                                        gboolean      required,
                                        int          *value,
                                        GError      **error);

/* ---- small request bodies (for clients) ---------------------------------- */

/* An empty JSON object to fill with the setters below. */
JsonNode   *wk_json_body_new           (void);
void        wk_json_body_set_int       (JsonNode     *body,
                                        const char   *member,
                                        gint64        value);
/* A new object with the members of @node (an object), to add to. */
JsonNode   *wk_json_body_copy          (JsonNode     *node);
/* NULL sets null. */
void        wk_json_body_set_string    (JsonNode     *body,
                                        const char   *member,
                                        const char   *value);
/* The schema string of @value (a *_NONE value sets null). */
void        wk_json_body_set_enum      (JsonNode     *body,
                                        const char   *member,
                                        GType         enum_type,
                                        int           value);
/* The list in {"items": [...]}: a GListStore of @item_type. */
GListModel *wk_json_to_items           (JsonNode     *node,
                                        GType         item_type,
                                        GError      **error);

/* ---- the wait estimate ----------------------------------------------------- */

/* {"minutes": N, "people_waiting": M} */
JsonNode   *wk_json_from_wait_estimate (int           minutes,
                                        guint         people_waiting);
gboolean    wk_json_to_wait_estimate   (JsonNode     *node,
                                        int          *minutes,
                                        guint        *people_waiting,
                                        GError      **error);

/* ---- the event stream (/api/v1/events, WebSocket text messages) ------------ */

/* The first message: {"type": "hello", "cursor": N} — the stream goes on
 * with the events after N. */
JsonNode   *wk_json_stream_hello_new   (gint64        cursor);
/* Every other message: {"type": "event", "event": {…a WkEvent…}} */
JsonNode   *wk_json_stream_event_new   (WkEvent      *event);
/* Reads a stream message: a hello sets *@cursor and leaves *@event NULL;
 * an event sets *@event (owned) and *@cursor to its id.  Unknown types
 * fail with WK_ERROR_INVALID. */
gboolean    wk_json_read_stream_message (JsonNode    *node,
                                         gint64      *cursor,
                                         WkEvent    **event,
                                         GError     **error);

G_END_DECLS
