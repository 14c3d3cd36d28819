/* wk-hub-tokens.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-hub-tokens"

#include "config.h"

#include "wk-hub-tokens.h"

#include "wk-db.h"
#include "wk-error.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

#define TOKEN_PREFIX     "wkt_"
#define TOKEN_BYTES      32
#define CACHE_LIFETIME_US (60 * G_USEC_PER_SEC)
#define CACHE_MAX        4096

static const char * const role_names[WK_HUB_N_ROLES] = {
  [WK_HUB_ROLE_KIOSK] = "kiosk",
  [WK_HUB_ROLE_ENGINEER] = "engineer",
  [WK_HUB_ROLE_LEAD] = "lead",
  [WK_HUB_ROLE_ADMIN] = "admin",
};

const char *
wk_hub_role_to_string (WkHubRole role)
{
  g_return_val_if_fail (role < WK_HUB_N_ROLES, NULL);
  return role_names[role];
}

gboolean
wk_hub_role_from_string (const char *str,
                         WkHubRole  *role)
{
  for (guint i = 0; str != NULL && i < WK_HUB_N_ROLES; i++)
    if (strcmp (str, role_names[i]) == 0)
      {
        if (role != NULL)
          *role = (WkHubRole) i;
        return TRUE;
      }
  return FALSE;
}

void
wk_hub_token_info_free (WkHubTokenInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->name);
  g_free (info);
}

static WkHubTokenInfo *
token_info_copy (const WkHubTokenInfo *info)
{
  WkHubTokenInfo *copy = g_memdup2 (info, sizeof *info);

  copy->name = g_strdup (info->name);
  return copy;
}

char *
wk_hub_token_hash (const char *token)
{
  g_return_val_if_fail (token != NULL, NULL);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

typedef struct {
  WkHubTokenInfo *info;        /* owned */
  gint64          expires_at;  /* unix seconds, 0: never */
  gint64          cached_at;   /* monotonic */
} CacheEntry;

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  wk_hub_token_info_free (entry->info);
  g_free (entry);
}

struct _WkHubTokens
{
  GObject     parent_instance;

  WkStore    *store;  /* owned */
  GHashTable *cache;  /* hash → CacheEntry; main context only */
};

G_DEFINE_FINAL_TYPE (WkHubTokens, wk_hub_tokens, G_TYPE_OBJECT)

static void
wk_hub_tokens_dispose (GObject *object)
{
  WkHubTokens *self = WK_HUB_TOKENS (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (wk_hub_tokens_parent_class)->dispose (object);
}

static void
wk_hub_tokens_finalize (GObject *object)
{
  WkHubTokens *self = WK_HUB_TOKENS (object);

  g_clear_pointer (&self->cache, g_hash_table_unref);
  G_OBJECT_CLASS (wk_hub_tokens_parent_class)->finalize (object);
}

static void
wk_hub_tokens_class_init (WkHubTokensClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wk_hub_tokens_dispose;
  object_class->finalize = wk_hub_tokens_finalize;
}

static void
wk_hub_tokens_init (WkHubTokens *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_entry_free);
}

WkHubTokens *
wk_hub_tokens_new (WkStore *store)
{
  WkHubTokens *self;

  g_return_val_if_fail (WK_IS_STORE (store), NULL);

  self = g_object_new (WK_TYPE_HUB_TOKENS, NULL);
  self->store = g_object_ref (store);
  return self;
}

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* ---- create -------------------------------------------------------------- */

typedef struct {
  char      *token;  /* owned, wiped */
  char      *hash;   /* owned */
  WkHubRole  role;
  char      *name;   /* owned */
  gint64     person_id;
  gint64     expires_at;
} Create;

static void
create_free (gpointer data)
{
  Create *c = data;

  if (c->token != NULL)
    {
      explicit_bzero (c->token, strlen (c->token));
      g_free (c->token);
    }
  g_free (c->hash);
  g_free (c->name);
  g_free (c);
}

static Create *
create_new (WkHubRole    role,
            const char  *name,
            gint64       person_id,
            gint64       lifetime_s,
            GError     **error)
{
  guint8 random[TOKEN_BYTES];
  g_autofree char *encoded = NULL;
  Create *c;
  gsize len;

  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL) ||
      g_utf8_strlen (name, -1) > 200)
    {
      g_set_error_literal (error, WK_ERROR, WK_ERROR_INVALID,
                           _("A token needs a name of at most 200 characters"));
      return NULL;
    }
  if (getrandom (random, sizeof random, 0) != (ssize_t) sizeof random)
    {
      g_set_error_literal (error, WK_ERROR, WK_ERROR_FAILED, _("Could not make a token"));
      return NULL;
    }

  encoded = g_base64_encode (random, sizeof random);
  explicit_bzero (random, sizeof random);
  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');
  len = strlen (encoded);
  while (len > 0 && encoded[len - 1] == '=')
    encoded[--len] = '\0';

  c = g_new0 (Create, 1);
  c->token = g_strconcat (TOKEN_PREFIX, encoded, NULL);
  explicit_bzero (encoded, len);
  c->hash = wk_hub_token_hash (c->token);
  c->role = role;
  c->name = g_strdup (name);
  c->person_id = person_id;
  c->expires_at = lifetime_s > 0 ? now_s () + lifetime_s : 0;
  return c;
}

static gpointer
create_job (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  Create *c = data;
  g_autoptr(WkStoreStmt) stmt = NULL;

  stmt = wk_store_prepare (db,
                           "INSERT INTO hub_token (hash, role, name, person_id, created_at, expires_at)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, c->hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, wk_hub_role_to_string (c->role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, c->name, -1, SQLITE_TRANSIENT);
  if (c->person_id > 0)
    sqlite3_bind_int64 (stmt, 4, c->person_id);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int64 (stmt, 5, now_s ());
  if (c->expires_at > 0)
    sqlite3_bind_int64 (stmt, 6, c->expires_at);
  else
    sqlite3_bind_null (stmt, 6);
  if (!wk_store_step_done (db, stmt, "storing a token", error))
    return NULL;

  /* the job's result is the plain token, handed to the caller once */
  return g_strdup (c->token);
}

char *
wk_hub_tokens_create_sync (WkHubTokens  *self,
                           WkHubRole     role,
                           const char   *name,
                           gint64        person_id,
                           gint64        lifetime_s,
                           GError      **error)
{
  Create *c;

  g_return_val_if_fail (WK_IS_HUB_TOKENS (self), NULL);
  g_return_val_if_fail (role < WK_HUB_N_ROLES, NULL);

  c = create_new (role, name, person_id, lifetime_s, error);
  if (c == NULL)
    return NULL;
  return wk_store_run_sync (self->store, create_job, c, create_free, NULL, error);
}

static void
create_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *token;

  token = wk_store_run_finish (WK_STORE (source), result, &error);
  if (token == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (WK_ERROR, WK_ERROR_FAILED, _("Could not make a token"));
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, token, g_free);
}

void
wk_hub_tokens_create_async (WkHubTokens         *self,
                            WkHubRole            role,
                            const char          *name,
                            gint64               person_id,
                            gint64               lifetime_s,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Create *c;

  g_return_if_fail (WK_IS_HUB_TOKENS (self));
  g_return_if_fail (role < WK_HUB_N_ROLES);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wk_hub_tokens_create_async);

  c = create_new (role, name, person_id, lifetime_s, &error);
  if (c == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  wk_store_run_async (self->store, create_job, c, create_free, cancellable,
                      create_done_cb, g_steal_pointer (&task));
}

char *
wk_hub_tokens_create_finish (WkHubTokens   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_hub_tokens_create_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- look up ------------------------------------------------------------- */

typedef struct {
  WkHubTokenInfo *info;  /* owned; NULL when unknown */
  gint64          expires_at;
} Found;

static void
found_free (gpointer data)
{
  Found *found = data;

  wk_hub_token_info_free (found->info);
  g_free (found);
}

static gpointer
lookup_job (sqlite3  *db,
            gpointer  data,
            GError  **error)
{
  const char *hash = data;
  g_autoptr(WkStoreStmt) stmt = NULL;
  Found *found;
  int rc;

  stmt = wk_store_prepare (db,
                           "SELECT id, role, name, person_id, expires_at FROM hub_token"
                           " WHERE hash = ?1 AND revoked_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_TRANSIENT);

  found = g_new0 (Found, 1);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      WkHubRole role;

      if (wk_hub_role_from_string ((const char *) sqlite3_column_text (stmt, 1), &role))
        {
          found->info = g_new0 (WkHubTokenInfo, 1);
          found->info->id = sqlite3_column_int64 (stmt, 0);
          found->info->role = role;
          found->info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          found->info->person_id = sqlite3_column_int64 (stmt, 3);
          found->expires_at = sqlite3_column_int64 (stmt, 4);
        }
    }
  else if (rc != SQLITE_DONE)
    {
      wk_db_set_error (db, rc, error, "looking up a token");
      found_free (found);
      return NULL;
    }
  return found;
}

static gboolean
return_entry (GTask            *task,
              const CacheEntry *entry)
{
  if (entry->expires_at > 0 && entry->expires_at <= now_s ())
    return FALSE;
  g_task_return_pointer (task, token_info_copy (entry->info),
                         (GDestroyNotify) wk_hub_token_info_free);
  return TRUE;
}

static void
lookup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WkHubTokens *self;
  Found *found;
  CacheEntry *entry;
  GError *error = NULL;

  found = wk_store_run_finish (WK_STORE (source), result, &error);
  if (found == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (WK_ERROR, WK_ERROR_FAILED, "no result");
      g_task_return_error (task, error);
      return;
    }

  self = g_task_get_source_object (task);
  if (found->info == NULL)
    {
      found_free (found);
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_UNAUTHORIZED,
                               _("The token is not valid; sign in again"));
      return;
    }

  entry = g_new0 (CacheEntry, 1);
  entry->info = g_steal_pointer (&found->info);
  entry->expires_at = found->expires_at;
  entry->cached_at = g_get_monotonic_time ();
  found_free (found);

  if (g_hash_table_size (self->cache) >= CACHE_MAX)
    g_hash_table_remove_all (self->cache);
  g_hash_table_replace (self->cache, g_strdup (g_task_get_task_data (task)), entry);

  if (!return_entry (task, entry))
    g_task_return_new_error (task, WK_ERROR, WK_ERROR_UNAUTHORIZED,
                             _("The token has expired; sign in again"));
}

void
wk_hub_tokens_lookup_async (WkHubTokens         *self,
                            const char          *token,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *hash = NULL;
  CacheEntry *entry;

  g_return_if_fail (WK_IS_HUB_TOKENS (self));
  g_return_if_fail (token != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, wk_hub_tokens_lookup_async);

  if (!g_str_has_prefix (token, TOKEN_PREFIX) || strlen (token) > 128)
    {
      g_task_return_new_error (task, WK_ERROR, WK_ERROR_UNAUTHORIZED,
                               _("The token is not valid; sign in again"));
      return;
    }

  hash = wk_hub_token_hash (token);
  entry = g_hash_table_lookup (self->cache, hash);
  if (entry != NULL)
    {
      if (g_get_monotonic_time () - entry->cached_at < CACHE_LIFETIME_US)
        {
          if (!return_entry (task, entry))
            g_task_return_new_error (task, WK_ERROR, WK_ERROR_UNAUTHORIZED,
                                     _("The token has expired; sign in again"));
          return;
        }
      g_hash_table_remove (self->cache, hash);
    }

  g_task_set_task_data (task, g_strdup (hash), g_free);
  wk_store_run_full_async (self->store, lookup_job, g_steal_pointer (&hash), g_free, found_free,
                           cancellable, lookup_done_cb, g_steal_pointer (&task));
}

WkHubTokenInfo *
wk_hub_tokens_lookup_finish (WkHubTokens   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_hub_tokens_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
