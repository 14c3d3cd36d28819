/* wk-rt-upstream.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-rt-upstream"

#include "config.h"

#include "wk-rt-upstream.h"

#include "wk-error.h"
#include "wk-http.h"
#include "wk-json.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#define CF_CATEGORY        "Walk-up Category"
#define CF_PICKUP_LOCATION "Pickup Location"
#define CF_PICKUP_STATUS   "Pickup Status"
#define CF_BADGE           "Badge"

/* What a search or read asks RT to expand, so one call carries everything. */
#define TICKET_FIELDS \
  "fields=Subject,Status,Queue,Owner,Requestor,Created,LastUpdated,CustomFields" \
  "&fields%5BQueue%5D=Name&fields%5BOwner%5D=Name&fields%5BRequestor%5D=EmailAddress"
#define TICKET_EXPAND \
  "fields%5BQueue%5D=Name&fields%5BOwner%5D=Name&fields%5BRequestor%5D=EmailAddress"

struct _WkRtUpstream
{
  GObject      parent_instance;

  char        *base_url;   /* without a trailing slash */
  char        *token;
  char        *queue;
  guint        timeout_s;
  SoupSession *session;    /* owned: the connector's one session */
  char        *status_names[WK_TICKET_STATUS_CLOSED + 1];  /* Walkup → RT */
};

static void wk_rt_upstream_upstream_iface_init (WkUpstreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WkRtUpstream, wk_rt_upstream, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WK_TYPE_UPSTREAM,
                                                      wk_rt_upstream_upstream_iface_init))

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TOKEN,
  PROP_QUEUE,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- RT's JSON: the codec for RT's wire format --------------------------------- */

/* RT's lifecycle ↔ Walkup's (the default lifecycle; a custom one is told
 * with wk_rt_upstream_set_status_name()).  Unknown active statuses of a
 * custom lifecycle count as open. */
static const char * const default_status_names[] = {
  [WK_TICKET_STATUS_NEW] = "new",
  [WK_TICKET_STATUS_OPEN] = "open",
  [WK_TICKET_STATUS_PENDING] = "stalled",
  [WK_TICKET_STATUS_RESOLVED] = "resolved",
  [WK_TICKET_STATUS_CLOSED] = "resolved",
};

static WkTicketStatus
status_from_rt (WkRtUpstream *self,
                const char   *status)
{
  if (status == NULL)
    return WK_TICKET_STATUS_NEW;
  for (guint i = 0; i < G_N_ELEMENTS (self->status_names); i++)
    if (g_strcmp0 (self->status_names[i], status) == 0)
      return (WkTicketStatus) i;
  if (g_str_equal (status, "new"))
    return WK_TICKET_STATUS_NEW;
  if (g_str_equal (status, "stalled"))
    return WK_TICKET_STATUS_PENDING;
  if (g_str_equal (status, "resolved"))
    return WK_TICKET_STATUS_RESOLVED;
  if (g_str_equal (status, "rejected") || g_str_equal (status, "deleted"))
    return WK_TICKET_STATUS_CLOSED;
  return WK_TICKET_STATUS_OPEN;
}

static const char *
status_to_rt (WkRtUpstream   *self,
              WkTicketStatus  status)
{
  if ((guint) status >= G_N_ELEMENTS (self->status_names))
    status = WK_TICKET_STATUS_OPEN;
  return self->status_names[status];
}

/* "2024-05-01T09:30:00Z" → unix seconds; RT's "unset" 1970 date → 0. */
static gint64
time_from_rt (const char *text)
{
  g_autoptr(GDateTime) when = NULL;

  if (text == NULL || *text == '\0')
    return 0;
  when = g_date_time_new_from_iso8601 (text, NULL);
  if (when == NULL)
    return 0;
  return MAX (g_date_time_to_unix (when), 0);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* "id" is a number in a read and a string in a search. */
static char *
member_id (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "id");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

/* {"id": …, "Name": …, "EmailAddress": …} of an expanded link: @field or the id */
static const char *
link_field (JsonNode   *node,
            const char *field)
{
  JsonObject *object;
  const char *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  value = member_string (object, field);
  if (value == NULL || *value == '\0')
    value = member_string (object, "id");
  return value;
}

/* CustomFields: [{"name": …, "values": [ … ]}]; the first value, or NULL. */
static const char *
custom_field (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, "CustomFields");
  JsonArray *fields;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  fields = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonNode *item = json_array_get_element (fields, i);
      JsonObject *field;
      JsonNode *values;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      field = json_node_get_object (item);
      if (g_strcmp0 (member_string (field, "name"), name) != 0)
        continue;
      values = json_object_get_member (field, "values");
      if (values == NULL || !JSON_NODE_HOLDS_ARRAY (values) ||
          json_array_get_length (json_node_get_array (values)) == 0)
        return NULL;
      values = json_array_get_element (json_node_get_array (values), 0);
      if (!JSON_NODE_HOLDS_VALUE (values) || json_node_get_value_type (values) != G_TYPE_STRING)
        return NULL;
      return json_node_get_string (values);
    }
  return NULL;
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static WkUpstreamTicket *
ticket_from_json (WkRtUpstream *self,
                  JsonNode     *node,
                  const char   *etag,
                  GError      **error)
{
  g_autoptr(WkUpstreamTicket) ticket = NULL;
  JsonObject *object;
  JsonNode *requestors;
  const char *owner;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, WK_ERROR, WK_ERROR_FAILED,
                           _("Request Tracker sent a ticket Walkup does not understand"));
      return NULL;
    }
  object = json_node_get_object (node);

  ticket = wk_upstream_ticket_new ();
  ticket->id = member_id (object);
  if (ticket->id == NULL)
    {
      g_set_error_literal (error, WK_ERROR, WK_ERROR_FAILED,
                           _("Request Tracker sent a ticket Walkup does not understand"));
      return NULL;
    }
  ticket->version = g_strdup (etag);
  ticket->ref = g_strdup_printf ("RT-%s", ticket->id);
  ticket->subject = g_strdup (member_string (object, "Subject"));
  if (ticket->subject == NULL)
    ticket->subject = g_strdup ("");
  ticket->status = status_from_rt (self, member_string (object, "Status"));
  ticket->queue = dup_nonempty (link_field (json_object_get_member (object, "Queue"), "Name"));
  owner = link_field (json_object_get_member (object, "Owner"), "Name");
  if (owner != NULL && g_ascii_strcasecmp (owner, "Nobody") != 0)
    ticket->owner = g_strdup (owner);
  requestors = json_object_get_member (object, "Requestor");
  if (requestors != NULL && JSON_NODE_HOLDS_ARRAY (requestors) &&
      json_array_get_length (json_node_get_array (requestors)) > 0)
    ticket->requester_email =
      dup_nonempty (link_field (json_array_get_element (json_node_get_array (requestors), 0),
                                "EmailAddress"));
  ticket->category = dup_nonempty (custom_field (object, CF_CATEGORY));
  ticket->pickup_location = dup_nonempty (custom_field (object, CF_PICKUP_LOCATION));
  ticket->pickup_status = dup_nonempty (custom_field (object, CF_PICKUP_STATUS));
  ticket->created_at = time_from_rt (member_string (object, "Created"));
  ticket->updated_at = time_from_rt (member_string (object, "LastUpdated"));
  return g_steal_pointer (&ticket);
}

static JsonNode *
ticket_to_json (WkRtUpstream           *self,
                const WkUpstreamTicket *values,
                WkUpstreamFields        fields,
                const char             *queue,
                const char             *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  gboolean creating = queue != NULL;

  json_builder_begin_object (builder);
  if (creating)
    {
      json_builder_set_member_name (builder, "Queue");
      json_builder_add_string_value (builder, queue);
      if (values->requester_email != NULL)
        {
          json_builder_set_member_name (builder, "Requestor");
          json_builder_add_string_value (builder, values->requester_email);
        }
      json_builder_set_member_name (builder, "Content");
      json_builder_add_string_value (builder, description != NULL ? description : "");
      json_builder_set_member_name (builder, "ContentType");
      json_builder_add_string_value (builder, "text/plain");
    }
  if (fields & WK_UPSTREAM_FIELD_SUBJECT)
    {
      json_builder_set_member_name (builder, "Subject");
      json_builder_add_string_value (builder, values->subject != NULL ? values->subject : "");
    }
  if (fields & WK_UPSTREAM_FIELD_STATUS)
    {
      json_builder_set_member_name (builder, "Status");
      json_builder_add_string_value (builder, status_to_rt (self, values->status));
    }
  if (fields & WK_UPSTREAM_FIELD_OWNER)
    {
      json_builder_set_member_name (builder, "Owner");
      json_builder_add_string_value (builder, values->owner != NULL ? values->owner : "Nobody");
    }
  if (fields & (WK_UPSTREAM_FIELD_CATEGORY | WK_UPSTREAM_FIELD_PICKUP_LOCATION |
                WK_UPSTREAM_FIELD_PICKUP_STATUS))
    {
      json_builder_set_member_name (builder, "CustomFields");
      json_builder_begin_object (builder);
      if (fields & WK_UPSTREAM_FIELD_CATEGORY)
        {
          json_builder_set_member_name (builder, CF_CATEGORY);
          json_builder_add_string_value (builder, values->category != NULL ? values->category : "");
        }
      if (fields & WK_UPSTREAM_FIELD_PICKUP_LOCATION)
        {
          json_builder_set_member_name (builder, CF_PICKUP_LOCATION);
          json_builder_add_string_value (builder, values->pickup_location != NULL
                                                  ? values->pickup_location : "");
        }
      if (fields & WK_UPSTREAM_FIELD_PICKUP_STATUS)
        {
          json_builder_set_member_name (builder, CF_PICKUP_STATUS);
          json_builder_add_string_value (builder, values->pickup_status != NULL
                                                  ? values->pickup_status : "");
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Plain text; with a @marker, HTML whose comment holds the marker: RT
 * keeps it in the content (find_comment searches there), its web pages and
 * the requester's email leave it out. */
static JsonNode *
comment_to_json (const char *body,
                 const char *marker)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(GString) html = NULL;

  if (marker != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (body, "\n", -1);

      html = g_string_new ("<p>");
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

          if (i > 0)
            g_string_append (html, "<br>\n");
          g_string_append (html, escaped);
        }
      /* the marker is ASCII without "--" or ">": safe in a comment */
      g_string_append_printf (html, "</p>\n<!-- %s -->\n", marker);
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Content");
  json_builder_add_string_value (builder, html != NULL ? html->str : body);
  json_builder_set_member_name (builder, "ContentType");
  json_builder_add_string_value (builder, html != NULL ? "text/html" : "text/plain");
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* [{"field": FIELD, "value": VALUE}]: a user search by JSON */
static JsonNode *
user_query_to_json (const char *field,
                    const char *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, field);
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static WkUpstreamPerson *
person_from_json (JsonNode *node)
{
  WkUpstreamPerson *person;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  person = g_new0 (WkUpstreamPerson, 1);
  person->id = g_strdup (member_string (object, "Name"));
  if (person->id == NULL)
    person->id = member_id (object);
  person->email = dup_nonempty (member_string (object, "EmailAddress"));
  person->display_name = dup_nonempty (member_string (object, "RealName"));
  person->badge_id = dup_nonempty (custom_field (object, CF_BADGE));
  return person;
}

/* The "items" of a search answer (never NULL when it returns TRUE). */
static JsonArray *
search_items (JsonNode  *node,
              GError   **error)
{
  JsonNode *items;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      items = json_object_get_member (json_node_get_object (node), "items");
      if (items != NULL && JSON_NODE_HOLDS_ARRAY (items))
        return json_node_get_array (items);
    }
  g_set_error_literal (error, WK_ERROR, WK_ERROR_FAILED,
                       _("Request Tracker sent a search result Walkup does not understand"));
  return NULL;
}

/* RT answers 200 (or 201) with a list of messages, some of which report a
 * refusal ("Ticket 1: Status 'x' isn't a valid status for this ticket.").
 * Those are WK_ERROR_INVALID with RT's words. */
static const char * const refusals[] = {
  "isn't a valid", "is not a valid", "not a valid", "invalid", "illegal",
  "permission denied", "no permission", "does not exist", "doesn't exist",
  "could not", "couldn't", "can't", "cannot", "failed", "not allowed",
  "no such",
};

static gboolean
check_messages (JsonNode  *node,
                GError   **error)
{
  g_autoptr(GString) refused = NULL;
  JsonArray *messages;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;
  messages = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonNode *item = json_array_get_element (messages, i);
      g_autofree char *lower = NULL;
      const char *text;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        continue;
      text = json_node_get_string (item);
      lower = g_utf8_strdown (text, -1);
      for (guint j = 0; j < G_N_ELEMENTS (refusals); j++)
        if (strstr (lower, refusals[j]) != NULL)
          {
            if (refused == NULL)
              refused = g_string_new (NULL);
            else
              g_string_append (refused, "; ");
            g_string_append (refused, text);
            break;
          }
    }

  if (refused != NULL)
    {
      /* Translators: %s is Request Tracker's own message(s), in English */
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("Request Tracker refused the change: %s"), refused->str);
      return FALSE;
    }
  return TRUE;
}

/* ---- one request ------------------------------------------------------------------ */

typedef struct {
  guint     status;
  JsonNode *body;      /* owned, NULL when empty or not JSON */
  char     *etag;      /* without quotes */
  char     *location;  /* as sent: RT's is relative */
} RtReply;

static void
rt_reply_free (RtReply *reply)
{
  if (reply == NULL)
    return;
  g_clear_pointer (&reply->body, json_node_unref);
  g_free (reply->etag);
  g_free (reply->location);
  g_free (reply);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RtReply, rt_reply_free)

/* Turns a reply into an error: HTTP status through wk-http.c with RT's
 * "message", and RT's 2xx messages that say a value was refused. */
static gboolean
rt_reply_check (RtReply  *reply,
                GError  **error)
{
  const char *message = NULL;

  if (SOUP_STATUS_IS_SUCCESSFUL (reply->status))
    return check_messages (reply->body, error);

  if (reply->body != NULL && JSON_NODE_HOLDS_OBJECT (reply->body))
    message = member_string (json_node_get_object (reply->body), "message");
  if (message != NULL)
    {
      g_autofree char *text = g_strstrip (g_strdup (message));
      /* Translators: %s is Request Tracker's own message, in English */
      g_autofree char *said = g_strdup_printf (_("Request Tracker says: %s"), text);

      return wk_http_status_to_error (reply->status, said, error);
    }
  return wk_http_status_to_error (reply->status, NULL, error);
}

static void
rt_send_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RtReply) reply = NULL;
  const char *etag;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        /* Translators: %s says why (connection refused, timed out…) */
        g_task_return_new_error (task, WK_ERROR, WK_ERROR_UNAVAILABLE,
                                 _("Request Tracker cannot be reached: %s"), error->message);
      return;
    }

  reply = g_new0 (RtReply, 1);
  reply->status = soup_message_get_status (msg);
  etag = soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag");
  if (etag != NULL)
    {
      if (g_str_has_prefix (etag, "W/"))
        etag += 2;
      reply->etag = g_strdup (etag);
      g_strdelimit (reply->etag, "\"", ' ');
      g_strstrip (reply->etag);
    }
  reply->location = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                            "Location"));
  if (g_bytes_get_size (bytes) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      if (json_parser_load_from_data (parser, data, size, NULL))
        reply->body = json_parser_steal_root (parser);
    }
  if (reply->status >= 500 && reply->body == NULL)
    g_debug ("RT answered %u without JSON", reply->status);

  g_task_return_pointer (task, g_steal_pointer (&reply), (GDestroyNotify) rt_reply_free);
}

/* Sends one request: @path is below the base URL and already escaped.
 * Completes with an RtReply for any HTTP status; only a transport failure
 * is an error (WK_ERROR_UNAVAILABLE). */
static void
rt_send_async (WkRtUpstream        *self,
               const char          *method,
               const char          *path,
               JsonNode            *body,
               const char          *if_match,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);
  g_autofree char *authorization = NULL;
  SoupMessage *msg;
  SoupMessageHeaders *headers;

  g_task_set_source_tag (task, rt_send_async);

  msg = soup_message_new (method, url);
  if (msg == NULL)
    {
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_INVALID,
                               _("The Request Tracker address “%s” is not valid"), url);
      return;
    }
  g_task_set_task_data (task, msg, g_object_unref);

  headers = soup_message_get_request_headers (msg);
  authorization = g_strconcat ("token ", self->token, NULL);
  soup_message_headers_replace (headers, "Authorization", authorization);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (if_match != NULL)
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", if_match);

      soup_message_headers_replace (headers, "If-Match", quoted);
    }
  if (body != NULL)
    {
      gsize length;
      char *text = wk_json_to_string (body, &length);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, length);

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    rt_send_cb, g_steal_pointer (&task));
}

static RtReply *
rt_send_finish (WkRtUpstream  *self,
                GAsyncResult  *result,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rt_send_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- TicketSQL and paths ------------------------------------------------------ */

/* A quoted TicketSQL string: backslash and quote escaped. */
static void
append_sql_string (GString    *sql,
                   const char *value)
{
  g_string_append_c (sql, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (sql, '\\');
      g_string_append_c (sql, *p);
    }
  g_string_append_c (sql, '\'');
}

static char *
search_path (const char *sql)
{
  g_autofree char *escaped = g_uri_escape_string (sql, NULL, FALSE);

  return g_strconcat ("/tickets?query=", escaped, "&" TICKET_FIELDS
                      "&orderby=id&order=DESC&per_page=100", NULL);
}

/* RT ids are positive integers; anything else is refused before sending. */
static gboolean
check_id (const char  *id,
          GError     **error)
{
  guint64 value;

  if (id == NULL || !g_ascii_string_to_unsigned (id, 10, 1, G_MAXINT32, &value, NULL))
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("“%s” is not a Request Tracker ticket number"), id != NULL ? id : "");
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
tickets_from_search (WkRtUpstream  *self,
                     JsonNode      *node,
                     GError       **error)
{
  g_autoptr(GPtrArray) tickets = g_ptr_array_new_with_free_func ((GDestroyNotify) wk_upstream_ticket_free);
  JsonArray *items = search_items (node, error);

  if (items == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      WkUpstreamTicket *ticket = ticket_from_json (self, json_array_get_element (items, i), NULL, error);

      if (ticket == NULL)
        return NULL;
      g_ptr_array_add (tickets, ticket);
    }
  return g_steal_pointer (&tickets);
}

/* ---- get a ticket --------------------------------------------------------------- */

static void
get_ticket_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(RtReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  WkUpstreamTicket *ticket;

  reply = rt_send_finish (WK_RT_UPSTREAM (source), result, &error);
  if (reply == NULL || !rt_reply_check (reply, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ticket = ticket_from_json (WK_RT_UPSTREAM (source), reply->body, reply->etag, &error);
  if (ticket == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, ticket, (GDestroyNotify) wk_upstream_ticket_free);
}

/* Reads ticket @id into @task (whose source tag stays the caller's). */
static void
read_ticket_into (WkRtUpstream *self,
                  const char   *id,
                  GTask        *task)
{
  g_autofree char *path = g_strconcat ("/ticket/", id, "?" TICKET_EXPAND, NULL);

  rt_send_async (self, "GET", path, NULL, NULL, g_task_get_cancellable (task),
                 get_ticket_cb, g_object_ref (task));
}

static void
wk_rt_upstream_get_ticket (WkUpstream          *upstream,
                           const char          *id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  WkRtUpstream *self = WK_RT_UPSTREAM (upstream);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, wk_upstream_get_ticket_async);
  if (!check_id (id, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  read_ticket_into (self, id, task);
}

/* ---- find a requester's tickets --------------------------------------------------- */

static void
find_tickets_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(RtReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *tickets;

  reply = rt_send_finish (WK_RT_UPSTREAM (source), result, &error);
  if (reply == NULL || !rt_reply_check (reply, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  tickets = tickets_from_search (WK_RT_UPSTREAM (source), reply->body, &error);
  if (tickets == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, tickets, (GDestroyNotify) g_ptr_array_unref);
}

char *
wk_rt_upstream_requester_search_path (const char *requester_email)
{
  g_autoptr(GString) sql = g_string_new ("Requestor.EmailAddress = ");

  g_return_val_if_fail (requester_email != NULL, NULL);

  append_sql_string (sql, requester_email);
  g_string_append (sql, " AND Status = '__Active__'");
  return search_path (sql->str);
}

static void
wk_rt_upstream_find_tickets (WkUpstream          *upstream,
                             const char          *requester_email,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  WkRtUpstream *self = WK_RT_UPSTREAM (upstream);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *path = wk_rt_upstream_requester_search_path (requester_email);

  g_task_set_source_tag (task, wk_upstream_find_tickets_async);
  rt_send_async (self, "GET", path, NULL, NULL, cancellable,
                 find_tickets_cb, g_steal_pointer (&task));
}

/* ---- create ------------------------------------------------------------------------ */

/* The id from "/REST/2.0/ticket/42" (RT's relative Location) or the body. */
static char *
created_id (RtReply *reply)
{
  if (reply->location != NULL)
    {
      const char *slash = strrchr (reply->location, '/');

      /* RT's Location is relative ("/REST/2.0/ticket/42"): only its last
       * segment matters, after "ticket/" */
      if (slash != NULL && strstr (reply->location, "/ticket/") != NULL &&
          check_id (slash + 1, NULL))
        return g_strdup (slash + 1);
    }
  if (reply->body != NULL && JSON_NODE_HOLDS_OBJECT (reply->body))
    return member_id (json_node_get_object (reply->body));
  return NULL;
}

static void
create_ticket_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WkRtUpstream *self = WK_RT_UPSTREAM (source);
  g_autoptr(RtReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  reply = rt_send_finish (self, result, &error);
  if (reply == NULL || !rt_reply_check (reply, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  id = created_id (reply);
  if (id == NULL || !check_id (id, NULL))
    {
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_FAILED,
                               _("Request Tracker did not say which ticket it created"));
      return;
    }
  /* read it back for its version (ETag) and the values RT settled on */
  read_ticket_into (self, id, task);
}

static void
wk_rt_upstream_create_ticket (WkUpstream             *upstream,
                              const WkUpstreamTicket *ticket,
                              const char             *description,
                              GCancellable           *cancellable,
                              GAsyncReadyCallback     callback,
                              gpointer                user_data)
{
  WkRtUpstream *self = WK_RT_UPSTREAM (upstream);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = NULL;
  WkUpstreamFields fields = WK_UPSTREAM_FIELD_SUBJECT;

  g_task_set_source_tag (task, wk_upstream_create_ticket_async);
  if (ticket->category != NULL)
    fields |= WK_UPSTREAM_FIELD_CATEGORY;
  if (ticket->status != WK_TICKET_STATUS_NEW)
    fields |= WK_UPSTREAM_FIELD_STATUS;
  body = ticket_to_json (self, ticket, fields, ticket->queue != NULL ? ticket->queue : self->queue,
                         description);
  rt_send_async (self, "POST", "/ticket", body, NULL, cancellable,
                 create_ticket_cb, g_steal_pointer (&task));
}

/* ---- find what a lost create made ---------------------------------------------------- */

static void
find_created_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(RtReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tickets = NULL;
  WkRtUpstream *self = WK_RT_UPSTREAM (source);

  reply = rt_send_finish (self, result, &error);
  if (reply == NULL || !rt_reply_check (reply, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  tickets = tickets_from_search (WK_RT_UPSTREAM (source), reply->body, &error);
  if (tickets == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (tickets->len == 0)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  /* the oldest match is the one the lost answer was about */
  read_ticket_into (self, ((WkUpstreamTicket *) g_ptr_array_index (tickets, tickets->len - 1))->id,
                    task);
}

static void
wk_rt_upstream_find_created (WkUpstream             *upstream,
                             const WkUpstreamTicket *ticket,
                             gint64                  since,
                             GCancellable           *cancellable,
                             GAsyncReadyCallback     callback,
                             gpointer                user_data)
{
  WkRtUpstream *self = WK_RT_UPSTREAM (upstream);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GString) sql = g_string_new ("Subject = ");
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (MAX (since, 0));
  g_autofree char *stamp = g_date_time_format (when, "%Y-%m-%d %H:%M:%S");
  g_autofree char *path = NULL;

  g_task_set_source_tag (task, wk_upstream_find_created_async);
  append_sql_string (sql, ticket->subject);
  g_string_append (sql, " AND Queue = ");
  append_sql_string (sql, ticket->queue != NULL ? ticket->queue : self->queue);
  g_string_append (sql, " AND Created >= ");
  append_sql_string (sql, stamp);
  if (ticket->requester_email != NULL)
    {
      g_string_append (sql, " AND Requestor.EmailAddress = ");
      append_sql_string (sql, ticket->requester_email);
    }
  path = search_path (sql->str);
  rt_send_async (self, "GET", path, NULL, NULL, cancellable,
                 find_created_read_cb, g_steal_pointer (&task));
}

/* ---- update ---------------------------------------------------------------------------- */

typedef struct {
  char   *id;
  GError *error;   /* RT's refusal, reported after the re-read */
} UpdateData;

static void
update_data_free (UpdateData *data)
{
  g_free (data->id);
  g_clear_error (&data->error);
  g_free (data);
}

static void
update_reread_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UpdateData *data = g_task_get_task_data (task);
  g_autoptr(RtReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkUpstreamTicket) ticket = NULL;

  reply = rt_send_finish (WK_RT_UPSTREAM (source), result, &error);
  if (reply != NULL && rt_reply_check (reply, &error))
    ticket = ticket_from_json (WK_RT_UPSTREAM (source), reply->body, reply->etag, &error);

  if (data->error != NULL)
    {
      /* a conflict or a refusal: hand over what RT has now, if we could read it */
      if (ticket != NULL)
        wk_upstream_task_set_current (task, g_steal_pointer (&ticket));
      g_task_return_error (task, g_steal_pointer (&data->error));
      return;
    }
  if (ticket == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&ticket), (GDestroyNotify) wk_upstream_ticket_free);
}

static void
update_put_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WkRtUpstream *self = WK_RT_UPSTREAM (source);
  UpdateData *data = g_task_get_task_data (task);
  g_autoptr(RtReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GCancellable *cancellable;

  reply = rt_send_finish (self, result, &error);
  if (reply == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (reply->status == SOUP_STATUS_PRECONDITION_FAILED)
    g_set_error_literal (&data->error, WK_ERROR, WK_ERROR_CONFLICT,
                         _("The ticket was changed in Request Tracker meanwhile"));
  else if (!rt_reply_check (reply, &error))
    {
      if (!g_error_matches (error, WK_ERROR, WK_ERROR_INVALID))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* 200 with a refusal: RT may have applied the rest; re-read */
      data->error = g_steal_pointer (&error);
    }

  path = g_strconcat ("/ticket/", data->id, "?" TICKET_EXPAND, NULL);
  cancellable = g_task_get_cancellable (task);
  rt_send_async (self, "GET", path, NULL, NULL, cancellable,
                 update_reread_cb, g_steal_pointer (&task));
}

static void
wk_rt_upstream_update_ticket (WkUpstream             *upstream,
                              const char             *id,
                              const char             *expected_version,
                              const WkUpstreamTicket *values,
                              WkUpstreamFields        fields,
                              GCancellable           *cancellable,
                              GAsyncReadyCallback     callback,
                              gpointer                user_data)
{
  WkRtUpstream *self = WK_RT_UPSTREAM (upstream);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;
  UpdateData *data;

  g_task_set_source_tag (task, wk_upstream_update_ticket_async);
  if (!check_id (id, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (UpdateData, 1);
  data->id = g_strdup (id);
  g_task_set_task_data (task, data, (GDestroyNotify) update_data_free);

  body = ticket_to_json (self, values, fields, NULL, NULL);
  path = g_strdup_printf ("/ticket/%s", id);
  rt_send_async (self, "PUT", path, body, expected_version, cancellable,
                 update_put_cb, g_steal_pointer (&task));
}

/* ---- comment / correspond ------------------------------------------------------------------ */

static void
add_comment_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(RtReply) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = rt_send_finish (WK_RT_UPSTREAM (source), result, &error);
  if (reply == NULL || !rt_reply_check (reply, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
wk_rt_upstream_add_comment (WkUpstream          *upstream,
                            const char          *id,
                            const char          *body,
                            const char          *marker,
                            gboolean             public_reply,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  WkRtUpstream *self = WK_RT_UPSTREAM (upstream);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, wk_upstream_add_comment_async);
  if (!check_id (id, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  json = comment_to_json (body, marker);
  path = g_strdup_printf ("/ticket/%s/%s", id, public_reply ? "correspond" : "comment");
  rt_send_async (self, "POST", path, json, NULL, cancellable,
                 add_comment_cb, g_steal_pointer (&task));
}

static void
find_comment_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(RtReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *items;

  reply = rt_send_finish (WK_RT_UPSTREAM (source), result, &error);
  if (reply == NULL || !rt_reply_check (reply, &error) ||
      (items = search_items (reply->body, &error)) == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, json_array_get_length (items) > 0);
}

/* The ticket's attachments (every comment and reply has one) whose content
 * holds the marker. */
static void
wk_rt_upstream_find_comment (WkUpstream          *upstream,
                             const char          *id,
                             const char          *marker,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  WkRtUpstream *self = WK_RT_UPSTREAM (upstream);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) query = NULL;
  g_autofree char *pattern = g_strconcat ("%", marker, "%", NULL);
  g_autofree char *path = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, wk_upstream_find_comment_async);
  if (!check_id (id, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, "Content");
  json_builder_set_member_name (builder, "operator");
  json_builder_add_string_value (builder, "LIKE");
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, pattern);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  query = json_builder_get_root (builder);
  path = g_strdup_printf ("/ticket/%s/attachments?fields=TransactionId&per_page=1", id);
  rt_send_async (self, "POST", path, query, NULL, cancellable, find_comment_cb, g_steal_pointer (&task));
}

/* ---- people ------------------------------------------------------------------------------ */

static void
find_person_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(RtReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *items;

  reply = rt_send_finish (WK_RT_UPSTREAM (source), result, &error);
  if (reply == NULL || !rt_reply_check (reply, &error) ||
      (items = search_items (reply->body, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (json_array_get_length (items) == 0)
    {
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_NOT_FOUND,
                               _("Request Tracker does not know this person"));
      return;
    }
  g_task_return_pointer (task, person_from_json (json_array_get_element (items, 0)),
                         (GDestroyNotify) wk_upstream_person_free);
}

static void
wk_rt_upstream_find_person (WkUpstream          *upstream,
                            const char          *email,
                            const char          *badge_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  WkRtUpstream *self = WK_RT_UPSTREAM (upstream);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonNode) query = NULL;

  g_task_set_source_tag (task, wk_upstream_find_person_async);
  if (email != NULL)
    query = user_query_to_json ("EmailAddress", email);
  else
    query = user_query_to_json ("CF.{" CF_BADGE "}", badge_id);
  rt_send_async (self, "POST", "/users?fields=Name,EmailAddress,RealName,CustomFields",
                 query, NULL, cancellable, find_person_cb, g_steal_pointer (&task));
}

/* ---- GObject ---------------------------------------------------------------------------- */

static const char *
wk_rt_upstream_get_system (WkUpstream *upstream)
{
  return WK_RT_UPSTREAM_SYSTEM;
}

static void
wk_rt_upstream_upstream_iface_init (WkUpstreamInterface *iface)
{
  iface->get_system = wk_rt_upstream_get_system;
  iface->find_person = wk_rt_upstream_find_person;
  iface->find_tickets = wk_rt_upstream_find_tickets;
  iface->get_ticket = wk_rt_upstream_get_ticket;
  iface->create_ticket = wk_rt_upstream_create_ticket;
  iface->find_created = wk_rt_upstream_find_created;
  iface->update_ticket = wk_rt_upstream_update_ticket;
  iface->add_comment = wk_rt_upstream_add_comment;
  iface->find_comment = wk_rt_upstream_find_comment;
}

static void
wk_rt_upstream_constructed (GObject *object)
{
  WkRtUpstream *self = WK_RT_UPSTREAM (object);

  G_OBJECT_CLASS (wk_rt_upstream_parent_class)->constructed (object);

  self->session = wk_http_session_new ("rt5", self->timeout_s);
}

static void
wk_rt_upstream_dispose (GObject *object)
{
  WkRtUpstream *self = WK_RT_UPSTREAM (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (wk_rt_upstream_parent_class)->dispose (object);
}

static void
wk_rt_upstream_finalize (GObject *object)
{
  WkRtUpstream *self = WK_RT_UPSTREAM (object);

  g_free (self->base_url);
  g_free (self->token);
  g_free (self->queue);
  for (guint i = 0; i < G_N_ELEMENTS (self->status_names); i++)
    g_free (self->status_names[i]);

  G_OBJECT_CLASS (wk_rt_upstream_parent_class)->finalize (object);
}

static void
wk_rt_upstream_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WkRtUpstream *self = WK_RT_UPSTREAM (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_QUEUE:
      g_value_set_string (value, self->queue);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout_s);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_rt_upstream_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WkRtUpstream *self = WK_RT_UPSTREAM (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      {
        const char *url = g_value_get_string (value);
        gsize len = url != NULL ? strlen (url) : 0;

        while (len > 0 && url[len - 1] == '/')
          len--;
        g_free (self->base_url);
        self->base_url = g_strndup (url != NULL ? url : "", len);
      }
      break;
    case PROP_TOKEN:
      g_free (self->token);
      self->token = g_value_dup_string (value);
      break;
    case PROP_QUEUE:
      g_free (self->queue);
      self->queue = g_value_dup_string (value);
      if (self->queue == NULL)
        self->queue = g_strdup ("General");
      break;
    case PROP_TIMEOUT:
      self->timeout_s = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_rt_upstream_class_init (WkRtUpstreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wk_rt_upstream_constructed;
  object_class->dispose = wk_rt_upstream_dispose;
  object_class->finalize = wk_rt_upstream_finalize;
  object_class->get_property = wk_rt_upstream_get_property;
  object_class->set_property = wk_rt_upstream_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_QUEUE] =
    g_param_spec_string ("queue", NULL, NULL, "General",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, 600, WK_RT_UPSTREAM_DEFAULT_TIMEOUT_S,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_rt_upstream_init (WkRtUpstream *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->status_names); i++)
    self->status_names[i] = g_strdup (default_status_names[i]);
}

WkRtUpstream *
wk_rt_upstream_new (const char *base_url,
                    const char *token,
                    const char *queue,
                    guint       timeout_s)
{
  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (token != NULL, NULL);

  return g_object_new (WK_TYPE_RT_UPSTREAM,
                       "base-url", base_url,
                       "token", token,
                       "queue", queue,
                       "timeout", timeout_s != 0 ? timeout_s : WK_RT_UPSTREAM_DEFAULT_TIMEOUT_S,
                       NULL);
}

const char *
wk_rt_upstream_get_base_url (WkRtUpstream *self)
{
  g_return_val_if_fail (WK_IS_RT_UPSTREAM (self), NULL);
  return self->base_url;
}

const char *
wk_rt_upstream_get_queue (WkRtUpstream *self)
{
  g_return_val_if_fail (WK_IS_RT_UPSTREAM (self), NULL);
  return self->queue;
}

void
wk_rt_upstream_set_status_name (WkRtUpstream   *self,
                                WkTicketStatus  status,
                                const char     *rt_status)
{
  g_return_if_fail (WK_IS_RT_UPSTREAM (self));
  g_return_if_fail ((guint) status < G_N_ELEMENTS (self->status_names));
  g_return_if_fail (rt_status != NULL && *rt_status != '\0');

  g_free (self->status_names[status]);
  self->status_names[status] = g_strdup (rt_status);
}

char *
wk_rt_upstream_read_token (const char  *path,
                           GError     **error)
{
  g_autofree char *contents = NULL;
  char *newline;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  newline = strchr (contents, '\n');
  if (newline != NULL)
    *newline = '\0';
  g_strstrip (contents);
  if (*contents == '\0')
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID,
                   _("The token file %s is empty"), path);
      return NULL;
    }
  return g_steal_pointer (&contents);
}
