/* wk-hub-server.c
 *
 * A request goes: size checks while it arrives (got-headers, got-chunk) →
 * route (the table below, which is also the role matrix) → bearer token →
 * role → JSON body → the desk, asynchronously, with the message paused →
 * JSON answer.  Nothing here logs a header, a body or a query string, so no
 * token, password or identifier reaches the journal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-hub-server"

#include "config.h"

#include "wk-hub-server.h"

#include "wk-db.h"
#include "wk-error.h"
#include "wk-http.h"
#include "wk-json.h"
#include "wk-validate.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/socket.h>

#define LISTEN_BACKLOG 256
/* A client has this long to finish its TLS handshake. */
#define TLS_HANDSHAKE_TIMEOUT_S 10
#define SIGN_IN_LIFETIME_S (12 * 3600)
#define RATE_WINDOW_US     (60 * G_USEC_PER_SEC)
#define DRAIN_MAX          (8 * 1024 * 1024)
#define DRAIN_TIMEOUT_S    5

struct _WkHubServer
{
  GObject       parent_instance;

  WkDesk       *desk;         /* owned */
  WkStore      *store;        /* owned */
  WkHubTokens  *tokens;       /* owned */
  SoupServer   *server;       /* owned */
  GCancellable *cancellable;  /* owned; cancelled on dispose */
  guint         port;
  guint         identify_limit;
  guint         sign_in_limit;
  GHashTable   *rates;        /* key → GArray of gint64 monotonic times */
  GHashTable   *streams;      /* owned: set of Stream (open event streams) */
  GTlsCertificate  *tls_certificate;  /* owned; NULL: plain HTTP */
  GSocketService   *tls_service;      /* owned; accepts the TLS clients */
  GHashTable       *handshakes;       /* owned: set of Handshake under way */
  GHashTable       *idle;             /* owned: GSocket → Idle (kept-alive, between requests) */
};

G_DEFINE_FINAL_TYPE (WkHubServer, wk_hub_server, G_TYPE_OBJECT)

/* ---- the role matrix ----------------------------------------------------- */

#define K (1u << WK_HUB_ROLE_KIOSK)
#define E (1u << WK_HUB_ROLE_ENGINEER)
#define L (1u << WK_HUB_ROLE_LEAD)
#define A (1u << WK_HUB_ROLE_ADMIN)
#define PUBLIC 0u

typedef struct _Request Request;
typedef void (*RouteFunc) (Request *req);

typedef struct {
  const char *method;
  const char *path;   /* "{id}" stands for a positive integer segment */
  guint       roles;  /* who may call it; PUBLIC needs no token */
  RouteFunc   func;
} Route;

static void route_healthz (Request *req);
static void route_sign_in (Request *req);
static void route_lounges (Request *req);
static void route_identify (Request *req);
static void route_check_in (Request *req);
static void route_queue (Request *req);
static void route_pick_up (Request *req);
static void route_start (Request *req);
static void route_finish (Request *req);
static void route_cancel_visit (Request *req);
static void route_left (Request *req);
static void route_requeue (Request *req);
static void route_search_tickets (Request *req);
static void route_get_ticket (Request *req);
static void route_update_ticket (Request *req);
static void route_add_note (Request *req);
static void route_acknowledge_conflict (Request *req);
static void route_list_hardware (Request *req);
static void route_add_hardware (Request *req);
static void route_hardware_ready (Request *req);
static void route_hardware_collected (Request *req);
static void route_cancel_hardware (Request *req);
static void route_submit_survey (Request *req);
static void route_metrics (Request *req);
static void route_feedback (Request *req);
static void route_follow_up (Request *req);
static void route_announcements (Request *req);
static void route_event_log (Request *req);
static void route_estimate (Request *req);
static void route_list_visits (Request *req);
static void route_get_visit (Request *req);
static void route_list_staff (Request *req);

/* Every endpoint and who may call it (docs/hub-api.md has the same table).
 * The kiosk role also reads the queue, lounges and announcements: the
 * start screen and the board show them. */
static const Route routes[] = {
  { "GET", "/healthz", PUBLIC, route_healthz },
  { "POST", "/api/v1/sign-in", PUBLIC, route_sign_in },
  { "GET", "/api/v1/lounges", K | E | L | A, route_lounges },
  { "GET", "/api/v1/announcements", K | E | L | A, route_announcements },
  { "POST", "/api/v1/identify", K | E | L | A, route_identify },
  { "POST", "/api/v1/check-ins", K | E | L | A, route_check_in },
  { "GET", "/api/v1/queue", K | E | L | A, route_queue },
  { "GET", "/api/v1/visits", E | L | A, route_list_visits },  /* engineers: one person's */
  { "GET", "/api/v1/visits/{id}", L | A, route_get_visit },
  { "GET", "/api/v1/staff", L | A, route_list_staff },
  { "POST", "/api/v1/visits/{id}/cancel", K | E | L | A, route_cancel_visit },
  { "POST", "/api/v1/visits/{id}/pick-up", E | L | A, route_pick_up },
  { "POST", "/api/v1/visits/{id}/start", E | L | A, route_start },
  { "POST", "/api/v1/visits/{id}/finish", E | L | A, route_finish },
  { "POST", "/api/v1/visits/{id}/left", E | L | A, route_left },
  { "POST", "/api/v1/visits/{id}/requeue", E | L | A, route_requeue },
  { "GET", "/api/v1/tickets", E | L | A, route_search_tickets },
  { "GET", "/api/v1/tickets/{id}", E | L | A, route_get_ticket },
  { "PATCH", "/api/v1/tickets/{id}", E | L | A, route_update_ticket },
  { "POST", "/api/v1/tickets/{id}/notes", E | L | A, route_add_note },
  { "POST", "/api/v1/tickets/{id}/conflict/acknowledge", E | L | A, route_acknowledge_conflict },
  { "GET", "/api/v1/hardware", E | L | A, route_list_hardware },
  { "POST", "/api/v1/hardware", E | L | A, route_add_hardware },
  { "POST", "/api/v1/hardware/{id}/ready", E | L | A, route_hardware_ready },
  { "POST", "/api/v1/hardware/{id}/collected", K | E | L | A, route_hardware_collected },
  { "POST", "/api/v1/hardware/{id}/cancel", E | L | A, route_cancel_hardware },
  { "POST", "/api/v1/surveys", K | E | L | A, route_submit_survey },
  { "GET", "/api/v1/metrics", L | A, route_metrics },
  { "GET", "/api/v1/feedback", L | A, route_feedback },
  { "POST", "/api/v1/surveys/{id}/follow-up", L | A, route_follow_up },
  { "GET", "/api/v1/event-log", E | L | A, route_event_log },
  { "GET", "/api/v1/estimate", K | E | L | A, route_estimate },
};

/* The WebSocket event stream has its own handlers (events_cb,
 * events_open_cb); the board follows it with a kiosk token, so every role
 * may listen. */
#define EVENTS_PATH "/api/v1/events"
static const guint events_roles = K | E | L | A;

#undef K
#undef E
#undef L
#undef A

/* ---- requests ------------------------------------------------------------ */

typedef gpointer (*FinishFunc) (WkDesk        *desk,
                                GAsyncResult  *result,
                                GError       **error);
#define FINISH(f) ((FinishFunc) (void (*) (void)) (f))

typedef enum {
  RESULT_OBJECT,
  RESULT_LIST,
  RESULT_METRICS,
} ResultKind;

struct _Request
{
  WkHubServer       *self;          /* owned */
  SoupServerMessage *msg;           /* owned */
  const Route       *route;
  gint64             id;            /* the {id} of the path */
  GHashTable        *query;         /* owned, or NULL */
  JsonNode          *body;          /* owned, or NULL */
  WkHubTokenInfo    *token;         /* owned, or NULL for a public route */
  GCancellable      *cancellable;   /* owned */
  gulong             cancel_id;     /* on the server's cancellable */
  gulong             disconnected_id;
  gboolean           disconnected;
  FinishFunc         finish;
  ResultKind         result_kind;
};

static void
request_free (Request *req)
{
  g_clear_signal_handler (&req->disconnected_id, req->msg);
  if (req->cancel_id != 0)
    g_cancellable_disconnect (req->self->cancellable, req->cancel_id);
  g_clear_object (&req->msg);
  g_clear_pointer (&req->query, g_hash_table_unref);
  g_clear_pointer (&req->body, json_node_unref);
  g_clear_pointer (&req->token, wk_hub_token_info_free);
  g_clear_object (&req->cancellable);
  g_clear_object (&req->self);
  g_free (req);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

/* The path as it may be logged: valid UTF-8, not too long.  Never the
 * query: it may hold search text. */
static char *
shown_path (SoupServerMessage *msg)
{
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));

  return g_utf8_make_valid (path, MIN (strlen (path), 200));
}

static void
log_status (SoupServerMessage *msg,
            guint              status)
{
  g_autofree char *path = shown_path (msg);

  g_debug ("%s %s -> %u", soup_server_message_get_method (msg), path, status);
}

static void
set_json (SoupServerMessage *msg,
          guint              status,
          JsonNode          *node)
{
  gsize length = 0;
  char *text = wk_json_to_string (node, &length);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, length);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Cache-Control", "no-store");
  log_status (msg, status);
}

static void
set_error (SoupServerMessage *msg,
           const GError      *error)
{
  guint status = wk_http_status_for_error (error);
  const char *message = error->message;
  g_autoptr(JsonNode) node = NULL;

  if (status >= 500 && status != SOUP_STATUS_SERVICE_UNAVAILABLE)
    {
      /* the details (SQL, paths) stay in the log */
      g_autofree char *path = shown_path (msg);

      g_warning ("%s %s failed: %s", soup_server_message_get_method (msg), path, error->message);
      message = _("The hub could not do that; see its log");
    }
  if (status == SOUP_STATUS_UNAUTHORIZED)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  "WWW-Authenticate", "Bearer realm=\"walkup\"");

  node = wk_json_error_new (wk_http_code_for_error (error), message);
  set_json (msg, status, node);
}

/* Answers and lets libsoup send it; frees @req. */
static void
request_reply (Request  *req,
               guint     status,
               JsonNode *node)
{
  if (!req->disconnected)
    {
      set_json (req->msg, status, node);
      soup_server_message_unpause (req->msg);
    }
  request_free (req);
}

static void
request_fail (Request *req,
              GError  *error)
{
  if (!req->disconnected && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_error (req->msg, error);
      soup_server_message_unpause (req->msg);
    }
  g_error_free (error);
  request_free (req);
}

static void
request_fail_new (Request    *req,
                  int         code,
                  const char *message)
{
  request_fail (req, g_error_new_literal (WK_ERROR, code, message));
}

/* A kiosk token's name, cut to what a visit or survey keeps. */
static char *
kiosk_name (Request *req)
{
  const char *name = req->token->name;

  if (g_utf8_strlen (name, -1) <= WK_MAX_KIOSK)
    return g_strdup (name);
  return g_utf8_substring (name, 0, WK_MAX_KIOSK);
}

static gint64
actor_of (Request *req)
{
  return req->token != NULL ? req->token->person_id : 0;
}

/* ---- reading parameters -------------------------------------------------- */

static gboolean
query_int (Request     *req,
           const char  *name,
           gboolean     required,
           gint64       min,
           gint64       max,
           gint64      *value,
           GError     **error)
{
  const char *text = req->query != NULL ? g_hash_table_lookup (req->query, name) : NULL;

  if (text == NULL || *text == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” is missing"), name);
      return FALSE;
    }
  if (!g_ascii_string_to_signed (text, 10, min, max, value, NULL))
    {
      g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be between %s and %s"),
                   name, lo, hi);
      return FALSE;
    }
  return TRUE;
}

static const char *
query_text (Request *req,
            const char *name)
{
  return req->query != NULL ? g_hash_table_lookup (req->query, name) : NULL;
}

/* The body, checked to hold only @allowed members. */
static gboolean
body_members (Request             *req,
              const char * const  *allowed,
              GError             **error)
{
  return wk_json_check_members (req->body, allowed, error);
}

static gint64
body_version (Request  *req,
              GError  **error)
{
  gint64 version = 0;

  if (!wk_json_get_int (req->body, "version", FALSE, 0, G_MAXINT64, &version, error))
    return -1;
  return version;
}

/* ---- generic completion -------------------------------------------------- */

static void
desk_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  Request *req = user_data;
  gpointer value;
  g_autoptr(JsonNode) node = NULL;

  value = req->finish (WK_DESK (source), result, &error);
  if (value == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (WK_ERROR, WK_ERROR_FAILED, "no result");
      request_fail (req, g_steal_pointer (&error));
      return;
    }

  switch (req->result_kind)
    {
    case RESULT_OBJECT:
      node = wk_json_from_object (value);
      g_object_unref (value);
      break;
    case RESULT_LIST:
      {
        g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "items");
        json_builder_add_value (builder, wk_json_from_list (value));
        json_builder_end_object (builder);
        node = json_builder_get_root (builder);
        g_object_unref (value);
      }
      break;
    case RESULT_METRICS:
      node = wk_json_from_metrics (value);
      wk_metrics_free (value);
      break;
    default:
      g_assert_not_reached ();
    }
  request_reply (req, SOUP_STATUS_OK, node);
}

/* Sets up @req for desk_done_cb(); returns it as the callback data. */
static gpointer
expect (Request    *req,
        FinishFunc  finish,
        ResultKind  kind)
{
  req->finish = finish;
  req->result_kind = kind;
  return req;
}

/* ---- rate limits --------------------------------------------------------- */

/* TRUE when @key may go ahead (and counts it). */
static gboolean
rate_allow (WkHubServer *self,
            const char  *key,
            guint        limit)
{
  gint64 now = g_get_monotonic_time ();
  GArray *times;
  guint kept = 0;

  if (limit == 0)
    return TRUE;

  times = g_hash_table_lookup (self->rates, key);
  if (times == NULL)
    {
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->rates, g_strdup (key), times);
    }
  for (guint i = 0; i < times->len; i++)
    if (now - g_array_index (times, gint64, i) < RATE_WINDOW_US)
      g_array_index (times, gint64, kept++) = g_array_index (times, gint64, i);
  g_array_set_size (times, kept);

  if (times->len >= limit)
    return FALSE;
  g_array_append_val (times, now);
  return TRUE;
}

/* ---- routes -------------------------------------------------------------- */

static void
route_healthz (Request *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  request_reply (req, SOUP_STATUS_OK, node);
}

typedef struct {
  Request   *req;   /* owned */
  WkSession *session;  /* owned */
} SignIn;

static void
sign_in_token_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SignIn *sign_in = user_data;
  Request *req = sign_in->req;
  g_autoptr(WkSession) session = g_steal_pointer (&sign_in->session);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autoptr(WkSession) issued = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_free (sign_in);
  token = wk_hub_tokens_create_finish (WK_HUB_TOKENS (source), result, &error);
  if (token == NULL)
    {
      request_fail (req, g_steal_pointer (&error));
      return;
    }

  issued = g_object_new (WK_TYPE_SESSION,
                         "person", wk_session_get_person (session),
                         "role", wk_session_get_role (session),
                         "token", token,
                         NULL);
  explicit_bzero (token, strlen (token));
  node = wk_json_from_object (issued);
  request_reply (req, SOUP_STATUS_OK, node);
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Request *req = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkSession) session = NULL;
  WkPerson *person;
  WkHubRole role;
  SignIn *sign_in;

  session = wk_desk_sign_in_finish (WK_DESK (source), result, &error);
  if (session == NULL)
    {
      request_fail (req, g_steal_pointer (&error));
      return;
    }

  switch (wk_session_get_role (session))
    {
    case WK_ROLE_ENGINEER:
      role = WK_HUB_ROLE_ENGINEER;
      break;
    case WK_ROLE_LEAD:
      role = WK_HUB_ROLE_LEAD;
      break;
    case WK_ROLE_ADMIN:
      role = WK_HUB_ROLE_ADMIN;
      break;
    case WK_ROLE_VISITOR:
    default:
      request_fail_new (req, WK_ERROR_FORBIDDEN, _("Only staff can sign in"));
      return;
    }

  person = wk_session_get_person (session);
  sign_in = g_new0 (SignIn, 1);
  sign_in->req = req;
  sign_in->session = g_steal_pointer (&session);
  wk_hub_tokens_create_async (req->self->tokens, role, wk_person_get_display_name (person),
                              wk_person_get_id (person), SIGN_IN_LIFETIME_S, req->cancellable,
                              sign_in_token_cb, sign_in);
}

static void
route_sign_in (Request *req)
{
  static const char * const allowed[] = { "login", "password", NULL };
  g_autofree char *key = g_strdup_printf ("sign-in:%s",
                                          soup_server_message_get_remote_host (req->msg));
  g_autofree char *login = NULL;
  g_autofree char *password = NULL;
  GError *error = NULL;

  if (!rate_allow (req->self, key, req->self->sign_in_limit))
    {
      request_fail_new (req, WK_ERROR_RATE_LIMITED,
                        _("Too many sign-in attempts; wait a minute and try again"));
      return;
    }
  if (!body_members (req, allowed, &error) ||
      !wk_json_get_string (req->body, "login", TRUE, WK_MAX_LOGIN, &login, &error) ||
      !wk_json_get_string (req->body, "password", TRUE, WK_MAX_PASSWORD, &password, &error))
    {
      request_fail (req, error);
      return;
    }

  wk_desk_sign_in_async (req->self->desk, login, password, req->cancellable, sign_in_cb, req);
  explicit_bzero (password, strlen (password));
}

static void
route_lounges (Request *req)
{
  wk_desk_list_lounges_async (req->self->desk, req->cancellable, desk_done_cb,
                              expect (req, FINISH (wk_desk_list_lounges_finish), RESULT_LIST));
}

static void
route_announcements (Request *req)
{
  gint64 lounge_id = 0, now = 0;
  GError *error = NULL;

  if (!query_int (req, "lounge_id", FALSE, 0, G_MAXINT64, &lounge_id, &error) ||
      !query_int (req, "now", FALSE, 0, G_MAXINT64, &now, &error))
    {
      request_fail (req, error);
      return;
    }
  wk_desk_list_announcements_async (req->self->desk, lounge_id, now, req->cancellable, desk_done_cb,
                                    expect (req, FINISH (wk_desk_list_announcements_finish),
                                            RESULT_LIST));
}

static void
route_identify (Request *req)
{
  static const char * const allowed[] = { "by", "value", NULL };
  g_autofree char *value = NULL;
  int by = WK_IDENTIFIED_BY_BADGE;
  GError *error = NULL;

  if (!body_members (req, allowed, &error) ||
      !wk_json_get_enum (req->body, "by", WK_TYPE_IDENTIFIED_BY, TRUE, &by, &error) ||
      !wk_json_get_string (req->body, "value", TRUE, WK_MAX_EMAIL, &value, &error))
    {
      request_fail (req, error);
      return;
    }

  /* typed identities can be guessed; a badge has to be held */
  if (by != WK_IDENTIFIED_BY_BADGE && req->token->role == WK_HUB_ROLE_KIOSK)
    {
      g_autofree char *key = g_strdup_printf ("identify:%" G_GINT64_FORMAT, req->token->id);

      if (!rate_allow (req->self, key, req->self->identify_limit))
        {
          request_fail_new (req, WK_ERROR_RATE_LIMITED,
                            _("Too many look-ups from this kiosk; wait a minute or use your badge"));
          return;
        }
    }

  wk_desk_identify_async (req->self->desk, by, value, req->cancellable, desk_done_cb,
                          expect (req, FINISH (wk_desk_identify_finish), RESULT_OBJECT));
}

static void
route_check_in (Request *req)
{
  g_autoptr(WkCheckInRequest) request = NULL;
  GError *error = NULL;

  request = wk_json_to_check_in_request (req->body, &error);
  if (request == NULL)
    {
      request_fail (req, error);
      return;
    }
  /* a kiosk token names its kiosk */
  if (request->kiosk == NULL && req->token->role == WK_HUB_ROLE_KIOSK)
    request->kiosk = kiosk_name (req);

  wk_desk_check_in_async (req->self->desk, request, req->cancellable, desk_done_cb,
                          expect (req, FINISH (wk_desk_check_in_finish), RESULT_OBJECT));
}

static void
route_queue (Request *req)
{
  gint64 lounge_id = 0;
  GError *error = NULL;

  if (!query_int (req, "lounge_id", TRUE, 1, G_MAXINT64, &lounge_id, &error))
    {
      request_fail (req, error);
      return;
    }
  wk_desk_list_queue_async (req->self->desk, lounge_id, req->cancellable, desk_done_cb,
                            expect (req, FINISH (wk_desk_list_queue_finish), RESULT_LIST));
}

static const char * const version_only[] = { "version", NULL };

static void
route_pick_up (Request *req)
{
  static const char * const allowed[] = { "version", "desk", NULL };
  g_autofree char *desk = NULL;
  GError *error = NULL;
  gint64 version;

  if (!body_members (req, allowed, &error) ||
      (version = body_version (req, &error)) < 0 ||
      !wk_json_get_string (req->body, "desk", FALSE, WK_MAX_DESK, &desk, &error))
    {
      request_fail (req, error);
      return;
    }
  wk_desk_pick_up_async (req->self->desk, req->id, version, actor_of (req), desk,
                         req->cancellable, desk_done_cb,
                         expect (req, FINISH (wk_desk_pick_up_finish), RESULT_OBJECT));
}

static void
route_start (Request *req)
{
  GError *error = NULL;
  gint64 version;

  if (!body_members (req, version_only, &error) || (version = body_version (req, &error)) < 0)
    {
      request_fail (req, error);
      return;
    }
  wk_desk_start_service_async (req->self->desk, req->id, version, actor_of (req),
                               req->cancellable, desk_done_cb,
                               expect (req, FINISH (wk_desk_start_service_finish), RESULT_OBJECT));
}

static void
route_finish (Request *req)
{
  static const char * const allowed[] = { "version", "outcome", NULL };
  int outcome = WK_OUTCOME_NONE;
  GError *error = NULL;
  gint64 version;

  if (!body_members (req, allowed, &error) ||
      (version = body_version (req, &error)) < 0 ||
      !wk_json_get_enum (req->body, "outcome", WK_TYPE_OUTCOME, TRUE, &outcome, &error))
    {
      request_fail (req, error);
      return;
    }
  wk_desk_finish_visit_async (req->self->desk, req->id, version, actor_of (req), outcome,
                              req->cancellable, desk_done_cb,
                              expect (req, FINISH (wk_desk_finish_visit_finish), RESULT_OBJECT));
}

static void
route_cancel_visit (Request *req)
{
  GError *error = NULL;
  gint64 version;

  if (!body_members (req, version_only, &error) || (version = body_version (req, &error)) < 0)
    {
      request_fail (req, error);
      return;
    }
  wk_desk_cancel_visit_async (req->self->desk, req->id, version, actor_of (req),
                              req->cancellable, desk_done_cb,
                              expect (req, FINISH (wk_desk_cancel_visit_finish), RESULT_OBJECT));
}

static void
route_left (Request *req)
{
  GError *error = NULL;
  gint64 version;

  if (!body_members (req, version_only, &error) || (version = body_version (req, &error)) < 0)
    {
      request_fail (req, error);
      return;
    }
  wk_desk_mark_left_async (req->self->desk, req->id, version, actor_of (req),
                           req->cancellable, desk_done_cb,
                           expect (req, FINISH (wk_desk_mark_left_finish), RESULT_OBJECT));
}

static void
route_requeue (Request *req)
{
  GError *error = NULL;
  gint64 version;

  if (!body_members (req, version_only, &error) || (version = body_version (req, &error)) < 0)
    {
      request_fail (req, error);
      return;
    }
  wk_desk_requeue_visit_async (req->self->desk, req->id, version, actor_of (req),
                               req->cancellable, desk_done_cb,
                               expect (req, FINISH (wk_desk_requeue_visit_finish), RESULT_OBJECT));
}

static void
route_search_tickets (Request *req)
{
  g_autoptr(WkTicketQuery) query = wk_ticket_query_new ();
  const char *text = query_text (req, "text");
  const char *status_text = query_text (req, "status");
  WkTicketStatus status = 0;
  gint64 limit = 0;
  GError *error = NULL;

  if (!query_int (req, "requester_id", FALSE, 0, G_MAXINT64, &query->requester_id, &error) ||
      !query_int (req, "assignee_id", FALSE, 0, G_MAXINT64, &query->assignee_id, &error) ||
      !query_int (req, "lounge_id", FALSE, 0, G_MAXINT64, &query->lounge_id, &error) ||
      !query_int (req, "limit", FALSE, 0, WK_TICKET_QUERY_MAX_LIMIT, &limit, &error) ||
      !query_int (req, "after_updated_at", FALSE, 0, G_MAXINT64, &query->after_updated_at, &error) ||
      !query_int (req, "after_id", FALSE, 0, G_MAXINT64, &query->after_id, &error) ||
      (text != NULL && !wk_validate_text ("text", text, WK_MAX_SEARCH, FALSE, &error)))
    {
      request_fail (req, error);
      return;
    }
  if (status_text != NULL && !wk_ticket_status_from_string (status_text, &status))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” must be one of: %s"), "status",
                                                  "new, open, pending, resolved, closed");

      request_fail_new (req, WK_ERROR_INVALID, message);
      return;
    }
  query->text = g_strdup (text);
  query->status = status_text != NULL ? (int) status : -1;
  query->limit = (guint) limit;
  wk_desk_search_tickets_async (req->self->desk, query, req->cancellable, desk_done_cb,
                                expect (req, FINISH (wk_desk_search_tickets_finish), RESULT_LIST));
}

static void
route_get_ticket (Request *req)
{
  wk_desk_get_ticket_async (req->self->desk, req->id, req->cancellable, desk_done_cb,
                            expect (req, FINISH (wk_desk_get_ticket_finish), RESULT_OBJECT));
}

static void
route_update_ticket (Request *req)
{
  g_autoptr(WkTicketUpdate) update = NULL;
  g_autoptr(JsonNode) rest = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  GError *error = NULL;
  gint64 version;

  if ((version = body_version (req, &error)) < 0)
    {
      request_fail (req, error);
      return;
    }

  /* the update is the body without its version */
  object = json_object_new ();
  json_object_iter_init (&iter, json_node_get_object (req->body));
  while (json_object_iter_next (&iter, &name, &member))
    if (strcmp (name, "version") != 0)
      json_object_set_member (object, name, json_node_copy (member));
  rest = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  update = wk_json_to_ticket_update (rest, &error);
  if (update == NULL)
    {
      request_fail (req, error);
      return;
    }
  wk_desk_update_ticket_async (req->self->desk, req->id, version, update, actor_of (req),
                               req->cancellable, desk_done_cb,
                               expect (req, FINISH (wk_desk_update_ticket_finish), RESULT_OBJECT));
}

static void
route_add_note (Request *req)
{
  static const char * const allowed[] = { "body", "visibility", "uuid", NULL };
  g_autofree char *body = NULL;
  g_autofree char *uuid = NULL;
  int visibility = WK_NOTE_VISIBILITY_INTERNAL;
  GError *error = NULL;

  if (!body_members (req, allowed, &error) ||
      !wk_json_get_string (req->body, "body", TRUE, WK_MAX_NOTE, &body, &error) ||
      !wk_json_get_enum (req->body, "visibility", WK_TYPE_NOTE_VISIBILITY, FALSE, &visibility, &error) ||
      !wk_json_get_string (req->body, "uuid", FALSE, 64, &uuid, &error))
    {
      request_fail (req, error);
      return;
    }
  wk_desk_add_note_async (req->self->desk, req->id, actor_of (req), body, visibility, uuid,
                          req->cancellable, desk_done_cb,
                          expect (req, FINISH (wk_desk_add_note_finish), RESULT_OBJECT));
}

static void
route_acknowledge_conflict (Request *req)
{
  static const char * const allowed[] = { "conflict_id", NULL };
  GError *error = NULL;
  gint64 conflict_id = 0;

  if (!body_members (req, allowed, &error) ||
      !wk_json_get_int (req->body, "conflict_id", TRUE, 1, G_MAXINT64, &conflict_id, &error))
    {
      request_fail (req, error);
      return;
    }
  wk_desk_acknowledge_conflict_async (req->self->desk, req->id, conflict_id, actor_of (req),
                                      req->cancellable, desk_done_cb,
                                      expect (req, FINISH (wk_desk_acknowledge_conflict_finish),
                                              RESULT_OBJECT));
}

static void
route_list_hardware (Request *req)
{
  const char *status_text = query_text (req, "status");
  gint64 person_id = 0, lounge_id = 0;
  WkHardwareStatus status = 0;
  GError *error = NULL;

  if (!query_int (req, "person_id", FALSE, 0, G_MAXINT64, &person_id, &error) ||
      !query_int (req, "lounge_id", FALSE, 0, G_MAXINT64, &lounge_id, &error))
    {
      request_fail (req, error);
      return;
    }
  if (status_text != NULL && !wk_hardware_status_from_string (status_text, &status))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” must be one of: %s"), "status",
                                                  "preparing, ready, collected, cancelled");

      request_fail_new (req, WK_ERROR_INVALID, message);
      return;
    }
  wk_desk_list_hardware_async (req->self->desk, person_id, lounge_id,
                               status_text != NULL ? (int) status : -1,
                               req->cancellable, desk_done_cb,
                               expect (req, FINISH (wk_desk_list_hardware_finish), RESULT_LIST));
}

static void
route_add_hardware (Request *req)
{
  static const char * const allowed[] = {
    "person_id", "ticket_id", "lounge_id", "description", "asset_tag", "ready_by", NULL
  };
  g_autofree char *description = NULL;
  g_autofree char *asset_tag = NULL;
  gint64 person_id = 0, ticket_id = 0, lounge_id = 0, ready_by = 0;
  GError *error = NULL;

  if (!body_members (req, allowed, &error) ||
      !wk_json_get_int (req->body, "person_id", TRUE, 1, G_MAXINT64, &person_id, &error) ||
      !wk_json_get_int (req->body, "ticket_id", FALSE, 0, G_MAXINT64, &ticket_id, &error) ||
      !wk_json_get_int (req->body, "lounge_id", FALSE, 0, G_MAXINT64, &lounge_id, &error) ||
      !wk_json_get_string (req->body, "description", TRUE, WK_MAX_HARDWARE, &description, &error) ||
      !wk_json_get_string (req->body, "asset_tag", FALSE, WK_MAX_ASSET_TAG, &asset_tag, &error) ||
      !wk_json_get_int (req->body, "ready_by", FALSE, 0, G_MAXINT64, &ready_by, &error))
    {
      request_fail (req, error);
      return;
    }
  wk_desk_add_hardware_async (req->self->desk, person_id, ticket_id, lounge_id, description,
                              asset_tag, ready_by, actor_of (req), req->cancellable, desk_done_cb,
                              expect (req, FINISH (wk_desk_add_hardware_finish), RESULT_OBJECT));
}

static void
route_hardware_ready (Request *req)
{
  static const char * const allowed[] = { "version", "location", "ready_by", NULL };
  g_autofree char *location = NULL;
  gint64 ready_by = 0;
  GError *error = NULL;
  gint64 version;

  if (!body_members (req, allowed, &error) ||
      (version = body_version (req, &error)) < 0 ||
      !wk_json_get_string (req->body, "location", TRUE, WK_MAX_LOCATION, &location, &error) ||
      !wk_json_get_int (req->body, "ready_by", FALSE, 0, G_MAXINT64, &ready_by, &error))
    {
      request_fail (req, error);
      return;
    }
  wk_desk_mark_hardware_ready_async (req->self->desk, req->id, version, location, ready_by,
                                     actor_of (req), req->cancellable, desk_done_cb,
                                     expect (req, FINISH (wk_desk_mark_hardware_ready_finish),
                                             RESULT_OBJECT));
}

static void
route_hardware_collected (Request *req)
{
  static const char * const allowed[] = { "version", "ack_name", "ack_signature", NULL };
  g_autofree char *ack_name = NULL;
  g_autofree char *ack_signature = NULL;
  GError *error = NULL;
  gint64 version;

  if (!body_members (req, allowed, &error) ||
      (version = body_version (req, &error)) < 0 ||
      !wk_json_get_string (req->body, "ack_name", FALSE, WK_MAX_NAME, &ack_name, &error) ||
      !wk_json_get_string (req->body, "ack_signature", FALSE, WK_MAX_SIGNATURE, &ack_signature, &error))
    {
      request_fail (req, error);
      return;
    }
  wk_desk_mark_hardware_collected_async (req->self->desk, req->id, version, ack_name, ack_signature,
                                         actor_of (req), req->cancellable, desk_done_cb,
                                         expect (req, FINISH (wk_desk_mark_hardware_collected_finish),
                                                 RESULT_OBJECT));
}

static void
route_cancel_hardware (Request *req)
{
  GError *error = NULL;
  gint64 version;

  if (!body_members (req, version_only, &error) || (version = body_version (req, &error)) < 0)
    {
      request_fail (req, error);
      return;
    }
  wk_desk_cancel_hardware_async (req->self->desk, req->id, version, actor_of (req),
                                 req->cancellable, desk_done_cb,
                                 expect (req, FINISH (wk_desk_cancel_hardware_finish), RESULT_OBJECT));
}

static void
route_submit_survey (Request *req)
{
  g_autoptr(WkSurveyRequest) request = NULL;
  GError *error = NULL;

  request = wk_json_to_survey_request (req->body, &error);
  if (request == NULL)
    {
      request_fail (req, error);
      return;
    }
  if (request->kiosk == NULL && req->token->role == WK_HUB_ROLE_KIOSK)
    request->kiosk = kiosk_name (req);

  wk_desk_submit_survey_async (req->self->desk, request, req->cancellable, desk_done_cb,
                               expect (req, FINISH (wk_desk_submit_survey_finish), RESULT_OBJECT));
}

static void
route_metrics (Request *req)
{
  WkMetricsQuery query = { 0, 0, 0, 0 };
  GError *error = NULL;

  if (!query_int (req, "from", TRUE, 0, G_MAXINT64, &query.from, &error) ||
      !query_int (req, "to", TRUE, 0, G_MAXINT64, &query.to, &error) ||
      !query_int (req, "lounge_id", FALSE, 0, G_MAXINT64, &query.lounge_id, &error) ||
      !query_int (req, "engineer_id", FALSE, 0, G_MAXINT64, &query.engineer_id, &error))
    {
      request_fail (req, error);
      return;
    }
  wk_desk_get_metrics_async (req->self->desk, &query, req->cancellable, desk_done_cb,
                             expect (req, FINISH (wk_desk_get_metrics_finish), RESULT_METRICS));
}

static void
route_feedback (Request *req)
{
  g_autoptr(WkFeedbackQuery) query = wk_feedback_query_new ();
  const char *followup = query_text (req, "followup_status");
  const char *comment_only = query_text (req, "with_comment_only");
  gint64 max_score = 0, limit = 0, offset = 0;
  GError *error = NULL;

  if (!query_int (req, "from", FALSE, 0, G_MAXINT64, &query->from, &error) ||
      !query_int (req, "to", FALSE, 0, G_MAXINT64, &query->to, &error) ||
      !query_int (req, "lounge_id", FALSE, 0, G_MAXINT64, &query->lounge_id, &error) ||
      !query_int (req, "engineer_id", FALSE, 0, G_MAXINT64, &query->engineer_id, &error) ||
      !query_int (req, "max_score", FALSE, 0, 5, &max_score, &error) ||
      !query_int (req, "limit", FALSE, 0, 1000, &limit, &error) ||
      !query_int (req, "offset", FALSE, 0, G_MAXUINT, &offset, &error))
    {
      request_fail (req, error);
      return;
    }
  if (followup != NULL)
    {
      WkFollowupStatus status;

      if (!wk_followup_status_from_string (followup, &status))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” must be one of: %s"), "followup_status",
                                                      "none, needed, contacted, closed");

          request_fail_new (req, WK_ERROR_INVALID, message);
          return;
        }
      query->followup_status = status;
    }
  if (comment_only != NULL)
    {
      if (g_strcmp0 (comment_only, "true") != 0 && g_strcmp0 (comment_only, "false") != 0)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” must be true or false"),
                                                      "with_comment_only");

          request_fail_new (req, WK_ERROR_INVALID, message);
          return;
        }
      query->with_comment_only = g_strcmp0 (comment_only, "true") == 0;
    }
  query->max_score = (int) max_score;
  query->limit = (guint) limit;
  query->offset = (guint) offset;
  query->tag = g_strdup (query_text (req, "tag"));

  wk_desk_list_feedback_async (req->self->desk, query, req->cancellable, desk_done_cb,
                               expect (req, FINISH (wk_desk_list_feedback_finish), RESULT_LIST));
}

static void
route_list_visits (Request *req)
{
  WkVisitQuery query = { 0 };
  gint64 limit = 0, offset = 0;
  GError *error = NULL;

  if (!query_int (req, "from", TRUE, 0, G_MAXINT64, &query.from, &error) ||
      !query_int (req, "to", TRUE, 0, G_MAXINT64, &query.to, &error) ||
      !query_int (req, "lounge_id", FALSE, 0, G_MAXINT64, &query.lounge_id, &error) ||
      !query_int (req, "engineer_id", FALSE, 0, G_MAXINT64, &query.engineer_id, &error) ||
      !query_int (req, "person_id", FALSE, 0, G_MAXINT64, &query.person_id, &error) ||
      !query_int (req, "limit", FALSE, 0, WK_VISIT_QUERY_MAX_LIMIT, &limit, &error) ||
      !query_int (req, "offset", FALSE, 0, G_MAXUINT, &offset, &error))
    {
      request_fail (req, error);
      return;
    }
  /* an engineer sees the visits of the person in front of them, not the desk's history */
  if (req->token->role == WK_HUB_ROLE_ENGINEER && query.person_id == 0)
    {
      request_fail_new (req, WK_ERROR_FORBIDDEN,
                        _("Engineers may only list the visits of one person"));
      return;
    }
  query.limit = (guint) limit;
  query.offset = (guint) offset;
  wk_desk_list_visits_async (req->self->desk, &query, req->cancellable, desk_done_cb,
                             expect (req, FINISH (wk_desk_list_visits_finish), RESULT_LIST));
}

static void
route_get_visit (Request *req)
{
  wk_desk_get_visit_async (req->self->desk, req->id, req->cancellable, desk_done_cb,
                           expect (req, FINISH (wk_desk_get_visit_finish), RESULT_OBJECT));
}

static void
route_list_staff (Request *req)
{
  wk_desk_list_staff_async (req->self->desk, req->cancellable, desk_done_cb,
                            expect (req, FINISH (wk_desk_list_staff_finish), RESULT_LIST));
}

static void
route_follow_up (Request *req)
{
  static const char * const allowed[] = { "status", "note", NULL };
  g_autofree char *note = NULL;
  int status = WK_FOLLOWUP_STATUS_NONE;
  GError *error = NULL;

  if (!body_members (req, allowed, &error) ||
      !wk_json_get_enum (req->body, "status", WK_TYPE_FOLLOWUP_STATUS, TRUE, &status, &error) ||
      !wk_json_get_string (req->body, "note", FALSE, WK_MAX_FOLLOWUP_NOTE, &note, &error))
    {
      request_fail (req, error);
      return;
    }
  wk_desk_set_followup_async (req->self->desk, req->id, status, actor_of (req), note,
                              req->cancellable, desk_done_cb,
                              expect (req, FINISH (wk_desk_set_followup_finish), RESULT_OBJECT));
}

static void
route_event_log (Request *req)
{
  gint64 after = 0, limit = 0;
  GError *error = NULL;

  if (!query_int (req, "after", FALSE, 0, G_MAXINT64, &after, &error) ||
      !query_int (req, "limit", FALSE, 0, 1000, &limit, &error))
    {
      request_fail (req, error);
      return;
    }
  wk_desk_list_events_async (req->self->desk, after, (guint) limit, req->cancellable, desk_done_cb,
                             expect (req, FINISH (wk_desk_list_events_finish), RESULT_LIST));
}

static void
estimate_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Request *req = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  guint people = 0;
  int minutes;

  minutes = wk_desk_estimate_wait_finish (WK_DESK (source), result, &people, &error);
  if (minutes < 0)
    {
      request_fail (req, error);
      return;
    }
  node = wk_json_from_wait_estimate (minutes, people);
  request_reply (req, SOUP_STATUS_OK, node);
}

static void
route_estimate (Request *req)
{
  gint64 lounge_id = 0;
  GError *error = NULL;

  if (!query_int (req, "lounge_id", TRUE, 1, G_MAXINT64, &lounge_id, &error))
    {
      request_fail (req, error);
      return;
    }
  wk_desk_estimate_wait_async (req->self->desk, lounge_id, req->cancellable, estimate_done_cb, req);
}

/* ---- dispatch ------------------------------------------------------------ */

/* Matches @path against @pattern segment by segment; "{id}" takes a
 * positive decimal integer without sign or leading zero. */
static gboolean
path_matches (const char *pattern,
              const char *path,
              gint64     *id)
{
  while (*pattern != '\0' && *path != '\0')
    {
      if (g_str_has_prefix (pattern, "{id}"))
        {
          const char *end = path;
          guint64 value;

          while (g_ascii_isdigit (*end))
            end++;
          if (end == path || *path == '0' || end - path > 18)
            return FALSE;
          value = g_ascii_strtoull (path, NULL, 10);
          *id = (gint64) value;
          pattern += strlen ("{id}");
          path = end;
          continue;
        }
      if (*pattern != *path)
        return FALSE;
      pattern++;
      path++;
    }
  return *pattern == '\0' && *path == '\0';
}

static const Route *
find_route (const char *method,
            const char *path,
            gint64     *id,
            gboolean   *path_known)
{
  *path_known = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (path_matches (routes[i].path, path, id))
      {
        *path_known = TRUE;
        if (strcmp (routes[i].method, method) == 0)
          return &routes[i];
      }
  return NULL;
}

static void
run_route (Request *req)
{
  const char *method = soup_server_message_get_method (req->msg);

  if (strcmp (method, "POST") == 0 || strcmp (method, "PATCH") == 0)
    {
      SoupMessageBody *body = soup_server_message_get_request_body (req->msg);
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
      gsize length = 0;
      const char *data = g_bytes_get_data (bytes, &length);
      GError *error = NULL;

      if (length > WK_HUB_MAX_BODY)
        {
          request_fail_new (req, WK_ERROR_TOO_LARGE, _("The request body is over 1 MiB"));
          return;
        }
      if (length == 0)
        req->body = json_node_init_object (json_node_alloc (), json_object_new ());
      else if ((req->body = wk_json_parse (data, length, &error)) == NULL)
        {
          request_fail (req, error);
          return;
        }
    }

  req->route->func (req);
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Request *req = user_data;
  GError *error = NULL;

  req->token = wk_hub_tokens_lookup_finish (WK_HUB_TOKENS (source), result, &error);
  if (req->token == NULL)
    {
      request_fail (req, error);
      return;
    }
  if ((req->route->roles & (1u << req->token->role)) == 0)
    {
      request_fail_new (req, WK_ERROR_FORBIDDEN,
                        _("This token’s role may not do that; ask the desk lead"));
      return;
    }
  run_route (req);
}

static void
disconnected_cb (SoupServerMessage *msg,
                 gpointer           user_data)
{
  Request *req = user_data;

  req->disconnected = TRUE;
  g_cancellable_cancel (req->cancellable);
}

static void
cancel_request_cb (GCancellable *server_cancellable,
                   gpointer      user_data)
{
  g_cancellable_cancel (user_data);
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  WkHubServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  const char *authorization;
  g_autoptr(Request) req = NULL;
  const Route *route;
  gboolean path_known;
  gint64 id = 0;

  if (g_object_get_data (G_OBJECT (msg), "wk-too-large") != NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (WK_ERROR, WK_ERROR_TOO_LARGE,
                                                     _("The request body is over 1 MiB"));
      set_error (msg, error);
      return;
    }

  /* a NUL would silently cut a decoded query value short */
  if (g_uri_get_query (soup_server_message_get_uri (msg)) != NULL &&
      strstr (g_uri_get_query (soup_server_message_get_uri (msg)), "%00") != NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (WK_ERROR, WK_ERROR_INVALID,
                                                     _("The query string holds a NUL character"));
      set_error (msg, error);
      return;
    }

  route = find_route (method, path, &id, &path_known);
  if (route == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (WK_ERROR, WK_ERROR_NOT_FOUND,
                                                     path_known ? _("This endpoint does not take that method")
                                                                : _("No such endpoint"));
      set_error (msg, error);
      return;
    }

  req = g_new0 (Request, 1);
  req->self = g_object_ref (self);
  req->msg = g_object_ref (msg);
  req->route = route;
  req->id = id;
  req->query = query != NULL ? g_hash_table_ref (query) : NULL;
  req->cancellable = g_cancellable_new ();
  req->cancel_id = g_cancellable_connect (self->cancellable, G_CALLBACK (cancel_request_cb),
                                          g_object_ref (req->cancellable), g_object_unref);
  req->disconnected_id = g_signal_connect (msg, "disconnected", G_CALLBACK (disconnected_cb), req);

  soup_server_message_pause (msg);

  if (route->roles == PUBLIC)
    {
      run_route (g_steal_pointer (&req));
      return;
    }

  authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                "Authorization");
  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0 ||
      authorization[7] == '\0')
    {
      request_fail_new (g_steal_pointer (&req), WK_ERROR_UNAUTHORIZED,
                        _("Sign in first: this needs a bearer token"));
      return;
    }
  wk_hub_tokens_lookup_async (self->tokens, authorization + 7, req->cancellable, lookup_cb,
                              req);
  g_steal_pointer (&req);
}

/* ---- time limits --------------------------------------------------------- */

static gboolean
cancel_cb (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

/* A timeout that cancels @cancellable after @seconds; the caller owns it
 * and ends it with deadline_free(), whether it has fired or not. */
static GSource *
deadline_new (GCancellable *cancellable,
              guint         seconds)
{
  GSource *source = g_timeout_source_new_seconds (seconds);

  g_source_set_callback (source, cancel_cb, g_object_ref (cancellable), g_object_unref);
  g_source_attach (source, g_main_context_get_thread_default ());
  return source;
}

static void
deadline_free (GSource *source)
{
  g_source_destroy (source);
  g_source_unref (source);
}

/* ---- refusing what is too large, before reading it ----------------------- */

typedef struct {
  GIOStream    *stream;   /* owned */
  GSocket      *socket;   /* owned; under the stream (and TLS) */
  GBytes       *answer;   /* owned */
  GCancellable *timeout;  /* owned */
  GSource      *deadline; /* owned: cancels timeout */
  gsize         drained;
  guint8        buffer[16384];
} Refusal;

static void
refusal_free (Refusal *refusal)
{
  g_clear_pointer (&refusal->deadline, deadline_free);
  g_clear_object (&refusal->timeout);
  g_clear_pointer (&refusal->answer, g_bytes_unref);
  g_clear_object (&refusal->stream);
  g_clear_object (&refusal->socket);
  g_free (refusal);
}

static void
refusal_closed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_io_stream_close_finish (G_IO_STREAM (source), result, NULL);
  refusal_free (user_data);
}

static void
refusal_close (Refusal *refusal)
{
  g_io_stream_close_async (refusal->stream, G_PRIORITY_DEFAULT, NULL, refusal_closed_cb, refusal);
}

/* Reads and drops what the client still sends (a lingering close), so that
 * it sees the answer rather than a reset connection. */
static void
refusal_drained_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Refusal *refusal = user_data;
  gssize n;

  n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);
  if (n <= 0 || (refusal->drained += n) > DRAIN_MAX)
    {
      refusal_close (refusal);
      return;
    }
  g_input_stream_read_async (G_INPUT_STREAM (source), refusal->buffer, sizeof refusal->buffer,
                             G_PRIORITY_LOW, refusal->timeout, refusal_drained_cb, refusal);
}

static void
refusal_written_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Refusal *refusal = user_data;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, NULL))
    {
      refusal_close (refusal);
      return;
    }

  /* the answer is out: tell the client there is nothing more */
  g_socket_shutdown (refusal->socket, FALSE, TRUE, NULL);
  refusal->deadline = deadline_new (refusal->timeout, DRAIN_TIMEOUT_S);
  g_input_stream_read_async (g_io_stream_get_input_stream (refusal->stream), refusal->buffer,
                             sizeof refusal->buffer, G_PRIORITY_LOW, refusal->timeout,
                             refusal_drained_cb, refusal);
}

/* Takes the connection from libsoup, answers 413 with a JSON error and
 * closes it: the body is never read into memory. */
static void
refuse_too_large (SoupServerMessage *msg,
                  const char        *message)
{
  g_autoptr(JsonNode) node = wk_json_error_new (wk_error_to_code (WK_ERROR_TOO_LARGE), message);
  g_autofree char *json = wk_json_to_string (node, NULL);
  g_autoptr(GString) answer = g_string_new (NULL);
  Refusal *refusal;

  if (g_object_get_data (G_OBJECT (msg), "wk-too-large") != NULL)
    return;
  g_object_set_data (G_OBJECT (msg), "wk-too-large", GINT_TO_POINTER (1));
  log_status (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE);

  g_string_append_printf (answer,
                          "HTTP/1.1 413 Payload Too Large\r\n"
                          "Content-Type: application/json\r\n"
                          "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                          "Cache-Control: no-store\r\n"
                          "Connection: close\r\n"
                          "\r\n%s", strlen (json), json);

  refusal = g_new0 (Refusal, 1);
  refusal->socket = g_object_ref (soup_server_message_get_socket (msg));
  refusal->stream = soup_server_message_steal_connection (msg);
  refusal->timeout = g_cancellable_new ();
  refusal->answer = g_string_free_to_bytes (g_steal_pointer (&answer));
  g_output_stream_write_all_async (g_io_stream_get_output_stream (refusal->stream),
                                   g_bytes_get_data (refusal->answer, NULL),
                                   g_bytes_get_size (refusal->answer),
                                   G_PRIORITY_DEFAULT, NULL, refusal_written_cb, refusal);
}

static void
count_header_cb (const char *name,
                 const char *value,
                 gpointer    user_data)
{
  gsize *total = user_data;

  *total += strlen (name) + strlen (value) + 4;
}

static void
got_headers_cb (SoupServerMessage *msg,
                gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *length;
  gsize total = 0;

  soup_message_headers_foreach (headers, count_header_cb, &total);
  total += strlen (g_uri_get_path (soup_server_message_get_uri (msg)));
  if (g_uri_get_query (soup_server_message_get_uri (msg)) != NULL)
    total += strlen (g_uri_get_query (soup_server_message_get_uri (msg)));
  if (total > WK_HUB_MAX_HEADERS)
    {
      refuse_too_large (msg, _("The request headers are too large"));
      return;
    }

  /* the header's own digits: a goffset would wrap for 2^64 − 1 */
  length = soup_message_headers_get_one (headers, "Content-Length");
  if (length != NULL)
    {
      guint64 value = 0;

      while (g_ascii_isspace (*length))
        length++;
      if (strspn (length, "0123456789") > 9 ||
          (g_ascii_string_to_unsigned (length, 10, 0, G_MAXUINT64, &value, NULL) &&
           value > WK_HUB_MAX_BODY))
        refuse_too_large (msg, _("The request body is over 1 MiB"));
    }
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);

  if (body->length > WK_HUB_MAX_BODY)
    refuse_too_large (msg, _("The request body is over 1 MiB"));
}

/* ---- kept-alive connections whose client has gone ------------------------ */

/* libsoup 3.2 (Debian 12) keeps reading a kept-alive connection between
 * requests, but when the client closes it there, before the next request's
 * first byte, libsoup only stops reading: the socket stays open (CLOSE-WAIT)
 * for as long as the hub runs, one descriptor per client that ever went away
 * idle (SoupSession does, after its idle timeout).  So the hub watches each
 * connection between requests itself.  The watch starts when a request is
 * over, before libsoup starts reading for the next one, so at the same
 * priority it always runs first: the next request's first byte ends it and
 * libsoup reads the request as always; the client's end of the connection
 * (or a reset) makes the hub take the connection from libsoup, still whole,
 * and close it.  When libsoup closes the connection itself instead (no
 * keep-alive, an error), the watch sees the socket closed and ends without
 * touching the descriptor.  HTTPS needs none of this: libsoup 3.2 keeps a
 * connection alive only for its own listeners, never for one the hub hands
 * it (and a client's TLS close_notify would look like a request here). */

typedef struct {
  WkHubServer       *self;     /* not owned */
  SoupServerMessage *msg;      /* owned: the last request on the connection */
  GSource           *watch;    /* owned */
} Idle;

static void
idle_free (Idle *idle)
{
  g_source_destroy (idle->watch);
  g_source_unref (idle->watch);
  g_object_unref (idle->msg);
  g_free (idle);
}

static gboolean
idle_readable_cb (GSocket      *socket,
                  GIOCondition  condition,
                  gpointer      user_data)
{
  Idle *idle = user_data;
  g_autoptr(SoupServerMessage) msg = NULL;
  g_autoptr(GIOStream) stream = NULL;
  char byte;
  gssize n = 1;

  if (!g_socket_is_closed (socket))
    {
      n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return G_SOURCE_CONTINUE;
    }
  msg = g_object_ref (idle->msg);
  g_hash_table_remove (idle->self->idle, socket);   /* ends the watch */
  if (n > 0)
    return G_SOURCE_REMOVE;   /* the next request (or libsoup closed it) */

  g_debug ("client gone from a kept-alive connection");
  stream = soup_server_message_steal_connection (msg);
  if (stream != NULL)
    g_io_stream_close (stream, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* request-finished and request-aborted: libsoup may keep the connection */
static void
request_over_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  WkHubServer *self = user_data;
  GSocket *socket = soup_server_message_get_socket (msg);
  Idle *idle;

  if (self->tls_certificate != NULL || socket == NULL || g_socket_is_closed (socket))
    return;
  idle = g_new0 (Idle, 1);
  idle->self = self;
  idle->msg = g_object_ref (msg);
  idle->watch = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (idle->watch, G_SOURCE_FUNC (idle_readable_cb), idle, NULL);
  g_source_attach (idle->watch, g_main_context_get_thread_default ());
  g_hash_table_replace (self->idle, socket, idle);
}

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  WkHubServer *self = user_data;
  GSocket *socket = soup_server_message_get_socket (msg);

  if (socket != NULL)
    g_hash_table_remove (self->idle, socket);
  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers_cb), NULL);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), NULL);
}

/* ---- the event stream: WebSocket /api/v1/events?after=CURSOR ------------- */

/* One open stream; the server owns it (self->streams). */
typedef struct {
  WkHubServer             *self;          /* not owned */
  SoupWebsocketConnection *conn;          /* owned */
  guint                    subscription;
  gulong                   closed_id;
} Stream;

static void
drop_closed_cb (SoupWebsocketConnection *conn,
                gpointer                 user_data)
{
  g_signal_handlers_disconnect_by_func (conn, drop_closed_cb, user_data);
  g_object_unref (conn);
}

static void
stream_free (Stream *stream)
{
  if (stream->subscription != 0)
    wk_desk_unsubscribe (stream->self->desk, stream->subscription);
  g_clear_signal_handler (&stream->closed_id, stream->conn);
  if (soup_websocket_connection_get_state (stream->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    {
      /* keep the connection until the closing handshake is over */
      g_signal_connect (stream->conn, "closed", G_CALLBACK (drop_closed_cb), NULL);
      soup_websocket_connection_close (stream->conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      stream->conn = NULL;
    }
  g_clear_object (&stream->conn);
  g_free (stream);
}

static void
stream_closed_cb (SoupWebsocketConnection *conn,
                  gpointer                 user_data)
{
  Stream *stream = user_data;

  g_debug ("event stream closed (%u)", soup_websocket_connection_get_close_code (conn));
  g_hash_table_remove (stream->self->streams, stream);
}

static void
stream_send (Stream   *stream,
             JsonNode *node)
{
  g_autofree char *text = NULL;

  if (soup_websocket_connection_get_state (stream->conn) != SOUP_WEBSOCKET_STATE_OPEN)
    return;
  text = wk_json_to_string (node, NULL);
  soup_websocket_connection_send_text (stream->conn, text);
}

static void
stream_event_cb (WkDesk   *desk,
                 WkEvent  *event,
                 gpointer  user_data)
{
  g_autoptr(JsonNode) node = wk_json_stream_event_new (event);

  stream_send (user_data, node);
}

/* The upgrade request while its token is looked up. */
typedef struct {
  WkHubServer       *self;          /* owned */
  SoupServerMessage *msg;           /* owned */
  gint64             after;         /* -1: from now on */
  gulong             disconnected_id;
  gboolean           disconnected;
} Upgrade;

static void
upgrade_free (Upgrade *upgrade)
{
  g_clear_signal_handler (&upgrade->disconnected_id, upgrade->msg);
  g_clear_object (&upgrade->msg);
  g_clear_object (&upgrade->self);
  g_free (upgrade);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Upgrade, upgrade_free)

static void
upgrade_disconnected_cb (SoupServerMessage *msg,
                         gpointer           user_data)
{
  Upgrade *upgrade = user_data;

  upgrade->disconnected = TRUE;
}

/* Lets the handshake (status 101) go out; libsoup then calls events_open_cb. */
static void
upgrade_accept (Upgrade *upgrade,
                gint64   cursor)
{
  if (upgrade->disconnected)
    return;

  if (soup_server_message_get_status (upgrade->msg) != SOUP_STATUS_SWITCHING_PROTOCOLS)
    {
      /* a GET without a valid WebSocket handshake */
      g_autoptr(JsonNode) node = wk_json_error_new (wk_error_to_code (WK_ERROR_INVALID),
                                                    _("This endpoint needs a WebSocket handshake"));

      /* instead of libsoup's HTML answer */
      soup_message_body_truncate (soup_server_message_get_response_body (upgrade->msg));
      set_json (upgrade->msg, SOUP_STATUS_BAD_REQUEST, node);
    }
  else
    {
      gint64 *stored = g_new (gint64, 1);

      *stored = cursor;
      g_object_set_data_full (G_OBJECT (upgrade->msg), "wk-events-cursor", stored, g_free);
      log_status (upgrade->msg, SOUP_STATUS_SWITCHING_PROTOCOLS);
    }
  soup_server_message_unpause (upgrade->msg);
}

/* Turns the pending handshake into an error answer. */
static void
upgrade_refuse (Upgrade      *upgrade,
                const GError *error)
{
  static const char * const handshake_headers[] = {
    "Upgrade", "Connection", "Sec-WebSocket-Accept", "Sec-WebSocket-Protocol",
    "Sec-WebSocket-Extensions",
  };
  SoupMessageHeaders *headers;

  if (upgrade->disconnected)
    return;

  headers = soup_server_message_get_response_headers (upgrade->msg);
  for (guint i = 0; i < G_N_ELEMENTS (handshake_headers); i++)
    soup_message_headers_remove (headers, handshake_headers[i]);
  soup_message_body_truncate (soup_server_message_get_response_body (upgrade->msg));
  set_error (upgrade->msg, error);
  soup_server_message_unpause (upgrade->msg);
}

static gpointer
last_event_job (sqlite3  *db,
                gpointer  data,
                GError  **error)
{
  g_autoptr(WkStoreStmt) stmt = NULL;
  gint64 *last;
  int rc;

  stmt = wk_store_prepare (db, "SELECT COALESCE(MAX(id), 0) FROM event", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      wk_db_set_error (db, rc, error, "finding the last event");
      return NULL;
    }
  last = g_new (gint64, 1);
  *last = sqlite3_column_int64 (stmt, 0);
  return last;
}

static void
last_event_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Upgrade) upgrade = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *last = NULL;

  last = wk_store_run_finish (WK_STORE (source), result, &error);
  if (last == NULL)
    {
      if (error == NULL || error->domain != WK_ERROR)
        {
          g_clear_error (&error);
          error = g_error_new_literal (WK_ERROR, WK_ERROR_UNAVAILABLE, _("The hub is closing"));
        }
      upgrade_refuse (upgrade, error);
      return;
    }
  upgrade_accept (upgrade, *last);
}

static void
events_lookup_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Upgrade) upgrade = user_data;
  g_autoptr(WkHubTokenInfo) token = NULL;
  g_autoptr(GError) error = NULL;
  WkHubServer *self;

  token = wk_hub_tokens_lookup_finish (WK_HUB_TOKENS (source), result, &error);
  if (token == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_clear_error (&error);
          error = g_error_new_literal (WK_ERROR, WK_ERROR_UNAVAILABLE, _("The hub is closing"));
        }
      upgrade_refuse (upgrade, error);
      return;
    }

  self = upgrade->self;
  if ((events_roles & (1u << token->role)) == 0)
    {
      g_autoptr(GError) forbidden =
        g_error_new_literal (WK_ERROR, WK_ERROR_FORBIDDEN,
                             _("This token’s role may not do that; ask the desk lead"));

      upgrade_refuse (upgrade, forbidden);
      return;
    }

  if (upgrade->after >= 0)
    {
      upgrade_accept (upgrade, upgrade->after);
      return;
    }
  /* "from now on": resume after the last event there is */
  wk_store_run_async (self->store, last_event_job, NULL, NULL, self->cancellable,
                      last_event_cb, g_steal_pointer (&upgrade));
}

/* The plain handler of EVENTS_PATH runs before the handshake: it checks the
 * request, pauses it and looks the token up; libsoup meanwhile prepares the
 * 101 answer, which goes out only if the token is good. */
static void
events_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  WkHubServer *self = user_data;
  const char *authorization;
  const char *after_text;
  g_autoptr(Upgrade) upgrade = NULL;
  gint64 after = -1;

  if (g_object_get_data (G_OBJECT (msg), "wk-too-large") != NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (WK_ERROR, WK_ERROR_TOO_LARGE,
                                                     _("The request body is over 1 MiB"));
      set_error (msg, error);
      return;
    }
  if (strcmp (path, EVENTS_PATH) != 0 || strcmp (soup_server_message_get_method (msg), "GET") != 0)
    {
      g_autoptr(GError) error = g_error_new_literal (WK_ERROR, WK_ERROR_NOT_FOUND,
                                                     strcmp (path, EVENTS_PATH) == 0
                                                       ? _("This endpoint does not take that method")
                                                       : _("No such endpoint"));
      set_error (msg, error);
      return;
    }

  after_text = query != NULL ? g_hash_table_lookup (query, "after") : NULL;
  if (after_text != NULL && *after_text != '\0' && strcmp (after_text, "-1") != 0 &&
      !g_ascii_string_to_signed (after_text, 10, 0, G_MAXINT64, &after, NULL))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, G_MAXINT64);

      g_set_error (&error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be between %s and %s"),
                   "after", "-1", hi);
      set_error (msg, error);
      return;
    }

  authorization = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                "Authorization");
  if (authorization == NULL || g_ascii_strncasecmp (authorization, "Bearer ", 7) != 0 ||
      authorization[7] == '\0')
    {
      g_autoptr(GError) error = g_error_new_literal (WK_ERROR, WK_ERROR_UNAUTHORIZED,
                                                     _("Sign in first: this needs a bearer token"));
      set_error (msg, error);
      return;
    }

  upgrade = g_new0 (Upgrade, 1);
  upgrade->self = g_object_ref (self);
  upgrade->msg = g_object_ref (msg);
  upgrade->after = after;
  upgrade->disconnected_id = g_signal_connect (msg, "disconnected",
                                               G_CALLBACK (upgrade_disconnected_cb), upgrade);
  soup_server_message_pause (msg);
  wk_hub_tokens_lookup_async (self->tokens, authorization + 7, self->cancellable,
                              events_lookup_cb, g_steal_pointer (&upgrade));
}

static void
events_open_cb (SoupServer              *server,
                SoupServerMessage       *msg,
                const char              *path,
                SoupWebsocketConnection *conn,
                gpointer                 user_data)
{
  WkHubServer *self = user_data;
  gint64 *cursor = g_object_get_data (G_OBJECT (msg), "wk-events-cursor");
  g_autoptr(JsonNode) hello = NULL;
  Stream *stream;

  if (cursor == NULL)
    {
      soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION, NULL);
      return;
    }

  soup_websocket_connection_set_keepalive_interval (conn, WK_HUB_EVENTS_KEEPALIVE_S);
  /* clients only answer pings and close */
  soup_websocket_connection_set_max_incoming_payload_size (conn, 4096);

  stream = g_new0 (Stream, 1);
  stream->self = self;
  stream->conn = g_object_ref (conn);
  stream->closed_id = g_signal_connect (conn, "closed", G_CALLBACK (stream_closed_cb), stream);
  g_hash_table_add (self->streams, stream);

  hello = wk_json_stream_hello_new (*cursor);
  stream_send (stream, hello);
  stream->subscription = wk_desk_subscribe (self->desk, *cursor, stream_event_cb, stream, NULL);
}

/* ---- TLS: our own accept and handshake ------------------------------------
 *
 * libsoup 3.2 runs a TLS client's handshake without a time limit and
 * closes its connections synchronously, so a client that connects and never
 * finishes its handshake would hold a thread for ever and hold up the hub's
 * exit.  The hub accepts TLS clients itself, gives each a time limit, and
 * hands the ready stream to libsoup. */

typedef struct {
  WkHubServer       *self;         /* not owned */
  GSocketConnection *connection;   /* owned */
  GTlsConnection    *tls;          /* owned */
  GCancellable      *cancellable;  /* owned */
  GSource           *deadline;     /* owned: cancels cancellable */
} Handshake;

static void
handshake_free (Handshake *h)
{
  g_cancellable_cancel (h->cancellable);
  g_clear_pointer (&h->deadline, deadline_free);
  g_clear_object (&h->tls);
  g_clear_object (&h->connection);
  g_clear_object (&h->cancellable);
  g_free (h);
}

static void
handshake_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Handshake *h = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) local = NULL;
  g_autoptr(GSocketAddress) remote = NULL;
  WkHubServer *self;

  self = h->self;
  if (!g_tls_connection_handshake_finish (G_TLS_CONNECTION (source), result, &error) || self == NULL)
    {
      /* a client that gave up or took too long, a scanner, or the hub is
       * stopping: nothing to answer */
      g_debug ("TLS handshake: %s", error != NULL ? error->message : "stopping");
      if (self != NULL)
        g_hash_table_remove (self->handshakes, h);
      else
        handshake_free (h);
      return;
    }

  local = g_socket_connection_get_local_address (h->connection, NULL);
  remote = g_socket_connection_get_remote_address (h->connection, NULL);
  if (self->server == NULL ||
      !soup_server_accept_iostream (self->server, G_IO_STREAM (h->tls), local, remote, &error))
    g_debug ("TLS client not served: %s", error != NULL ? error->message : "stopping");
  g_hash_table_remove (self->handshakes, h);
}

static gboolean
tls_incoming_cb (GSocketService    *service,
                 GSocketConnection *connection,
                 GObject           *source_object,
                 gpointer           user_data)
{
  WkHubServer *self = user_data;
  g_autoptr(GError) error = NULL;
  GIOStream *tls;
  Handshake *h;

  tls = g_tls_server_connection_new (G_IO_STREAM (connection), self->tls_certificate, &error);
  if (tls == NULL)
    {
      g_warning ("Cannot start TLS: %s", error->message);
      return TRUE;
    }
  h = g_new0 (Handshake, 1);
  h->self = self;
  h->connection = g_object_ref (connection);
  h->tls = G_TLS_CONNECTION (tls);
  h->cancellable = g_cancellable_new ();
  h->deadline = deadline_new (h->cancellable, TLS_HANDSHAKE_TIMEOUT_S);
  g_hash_table_add (self->handshakes, h);
  g_tls_connection_handshake_async (h->tls, G_PRIORITY_DEFAULT, h->cancellable, handshake_done_cb, h);
  return TRUE;
}

/* Stops accepting TLS clients and abandons the handshakes under way (each
 * ends, cancelled, in handshake_done_cb, which then frees it). */
static void
stop_tls (WkHubServer *self)
{
  GHashTableIter iter;
  gpointer key;

  if (self->tls_service != NULL)
    {
      g_socket_service_stop (self->tls_service);
      g_socket_listener_close (G_SOCKET_LISTENER (self->tls_service));
      g_clear_object (&self->tls_service);
    }
  if (self->handshakes == NULL)
    return;
  g_hash_table_iter_init (&iter, self->handshakes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      Handshake *h = key;

      g_hash_table_iter_steal (&iter);
      h->self = NULL;
      g_clear_pointer (&h->deadline, deadline_free);
      g_cancellable_cancel (h->cancellable);
    }
}

/* ---- the object ---------------------------------------------------------- */

static void
wk_hub_server_dispose (GObject *object)
{
  WkHubServer *self = WK_HUB_SERVER (object);

  g_cancellable_cancel (self->cancellable);
  stop_tls (self);
  if (self->streams != NULL)
    g_hash_table_remove_all (self->streams);
  if (self->idle != NULL)
    g_hash_table_remove_all (self->idle);
  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }
  g_clear_object (&self->tls_certificate);
  g_clear_object (&self->tokens);
  g_clear_object (&self->desk);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (wk_hub_server_parent_class)->dispose (object);
}

static void
wk_hub_server_finalize (GObject *object)
{
  WkHubServer *self = WK_HUB_SERVER (object);

  g_clear_pointer (&self->rates, g_hash_table_unref);
  g_clear_pointer (&self->streams, g_hash_table_unref);
  g_clear_pointer (&self->handshakes, g_hash_table_unref);
  g_clear_pointer (&self->idle, g_hash_table_unref);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (wk_hub_server_parent_class)->finalize (object);
}

static void
wk_hub_server_class_init (WkHubServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wk_hub_server_dispose;
  object_class->finalize = wk_hub_server_finalize;
}

static void
wk_hub_server_init (WkHubServer *self)
{
  self->cancellable = g_cancellable_new ();
  self->identify_limit = WK_HUB_IDENTIFY_LIMIT;
  self->sign_in_limit = WK_HUB_SIGN_IN_LIMIT;
  self->rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
  self->streams = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) stream_free, NULL);
  self->handshakes = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) handshake_free, NULL);
  self->idle = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) idle_free);
}

WkHubServer *
wk_hub_server_new (WkDesk  *desk,
                   WkStore *store)
{
  WkHubServer *self;

  g_return_val_if_fail (WK_IS_DESK (desk), NULL);
  g_return_val_if_fail (WK_IS_STORE (store), NULL);

  self = g_object_new (WK_TYPE_HUB_SERVER, NULL);
  self->desk = g_object_ref (desk);
  self->store = g_object_ref (store);
  self->tokens = wk_hub_tokens_new (store);
  return self;
}

WkHubTokens *
wk_hub_server_get_tokens (WkHubServer *self)
{
  g_return_val_if_fail (WK_IS_HUB_SERVER (self), NULL);
  return self->tokens;
}

void
wk_hub_server_set_rate_limits (WkHubServer *self,
                               guint        identify_per_minute,
                               guint        sign_in_per_minute)
{
  g_return_if_fail (WK_IS_HUB_SERVER (self));

  self->identify_limit = identify_per_minute;
  self->sign_in_limit = sign_in_per_minute;
  g_hash_table_remove_all (self->rates);
}

gboolean
wk_hub_server_listen (WkHubServer      *self,
                      const char       *address,
                      guint             port,
                      GTlsCertificate  *tls_certificate,
                      GError          **error)
{
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autoptr(GSocket) socket = NULL;

  g_return_val_if_fail (WK_IS_HUB_SERVER (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  socket_address = g_inet_socket_address_new_from_string (address, port);
  if (socket_address == NULL)
    {
      /* Translators: %s is what was given as the address to listen on */
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” is not an IP address"), address);
      return FALSE;
    }

  self->server = soup_server_new ("server-header", "walkup-hub ", NULL);
  soup_server_add_handler (self->server, NULL, server_cb, self, NULL);
  soup_server_add_handler (self->server, EVENTS_PATH, events_cb, self, NULL);
  soup_server_add_websocket_handler (self->server, EVENTS_PATH, NULL, NULL, events_open_cb,
                                     self, NULL);
  g_signal_connect_object (self->server, "request-started", G_CALLBACK (request_started_cb),
                           self, 0);
  g_signal_connect_object (self->server, "request-finished", G_CALLBACK (request_over_cb),
                           self, 0);
  g_signal_connect_object (self->server, "request-aborted", G_CALLBACK (request_over_cb),
                           self, 0);

  /* Our own socket, for a listen backlog that takes a lounge's worth of
   * clients connecting at once (GLib's default of 10 drops the rest, and
   * they retry only a second later). */
  socket = g_socket_new (g_socket_address_get_family (socket_address),
                         G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL)
    {
      g_clear_object (&self->server);
      return FALSE;
    }
  g_socket_set_listen_backlog (socket, LISTEN_BACKLOG);
  if (!g_socket_bind (socket, socket_address, TRUE, error) ||
      !g_socket_listen (socket, error))
    {
      g_clear_object (&self->server);
      return FALSE;
    }
  if (tls_certificate != NULL)
    {
      self->tls_certificate = g_object_ref (tls_certificate);
      self->tls_service = g_socket_service_new ();
      if (!g_socket_listener_add_socket (G_SOCKET_LISTENER (self->tls_service), socket, NULL, error))
        {
          g_clear_object (&self->tls_service);
          g_clear_object (&self->server);
          return FALSE;
        }
      g_signal_connect (self->tls_service, "incoming", G_CALLBACK (tls_incoming_cb), self);
      g_socket_service_start (self->tls_service);
    }
  else if (!soup_server_listen_socket (self->server, socket, 0, error))
    {
      g_clear_object (&self->server);
      return FALSE;
    }

  {
    g_autoptr(GSocketAddress) bound = g_socket_get_local_address (socket, error);

    if (bound == NULL)
      {
        wk_hub_server_disconnect (self);
        g_clear_object (&self->server);
        return FALSE;
      }
    self->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  }
  g_info ("listening on %s port %u%s", address, self->port, tls_certificate != NULL ? " (TLS)" : "");
  return TRUE;
}

guint
wk_hub_server_get_port (WkHubServer *self)
{
  g_return_val_if_fail (WK_IS_HUB_SERVER (self), 0);
  return self->port;
}

void
wk_hub_server_disconnect (WkHubServer *self)
{
  g_return_if_fail (WK_IS_HUB_SERVER (self));

  g_cancellable_cancel (self->cancellable);
  stop_tls (self);
  g_hash_table_remove_all (self->streams);
  g_hash_table_remove_all (self->idle);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
}
