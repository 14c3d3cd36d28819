/* wk-hub-tokens.h — the hub's bearer tokens, stored hashed
 *
 * A token is "wkt_" followed by 32 random bytes in URL-safe base64.  Only
 * its SHA-256 (hex) is stored, in the hub_token table (migration 3 in
 * wk-db.c), with a role, a name and, for a sign-in token, the person and an
 * expiry.  The plain token is shown once, to whoever created it.
 *
 * Look-ups run as store jobs and are cached for a minute, so a busy kiosk
 * costs one query a minute.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-store.h"

G_BEGIN_DECLS

/* What a token may do; each role includes the one before it. */
typedef enum {
  WK_HUB_ROLE_KIOSK,
  WK_HUB_ROLE_ENGINEER,
  WK_HUB_ROLE_LEAD,
  WK_HUB_ROLE_ADMIN,
} WkHubRole;

#define WK_HUB_N_ROLES 4

const char *wk_hub_role_to_string   (WkHubRole    role);
gboolean    wk_hub_role_from_string (const char  *str,
                                     WkHubRole   *role);

/* Who holds a token (immutable once looked up). */
typedef struct {
  gint64     id;         /* hub_token row */
  WkHubRole  role;
  char      *name;       /* owned */
  gint64     person_id;  /* 0 for a device token */
} WkHubTokenInfo;

void             wk_hub_token_info_free (WkHubTokenInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkHubTokenInfo, wk_hub_token_info_free)

/* The hex SHA-256 that is stored for @token. */
char            *wk_hub_token_hash      (const char *token);

#define WK_TYPE_HUB_TOKENS (wk_hub_tokens_get_type ())
G_DECLARE_FINAL_TYPE (WkHubTokens, wk_hub_tokens, WK, HUB_TOKENS, GObject)

WkHubTokens     *wk_hub_tokens_new           (WkStore             *store);

/* Creates a token and returns it in plain text (the only time it is seen).
 * @person_id 0 and @lifetime_s 0 (never expires) for a device token. */
char            *wk_hub_tokens_create_sync   (WkHubTokens         *self,
                                              WkHubRole            role,
                                              const char          *name,
                                              gint64               person_id,
                                              gint64               lifetime_s,
                                              GError             **error);
void             wk_hub_tokens_create_async  (WkHubTokens         *self,
                                              WkHubRole            role,
                                              const char          *name,
                                              gint64               person_id,
                                              gint64               lifetime_s,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
char            *wk_hub_tokens_create_finish (WkHubTokens         *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Who holds @token; WK_ERROR_UNAUTHORIZED when it is unknown, revoked or
 * expired. */
void             wk_hub_tokens_lookup_async  (WkHubTokens         *self,
                                              const char          *token,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
WkHubTokenInfo  *wk_hub_tokens_lookup_finish (WkHubTokens         *self,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS
