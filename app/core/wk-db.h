/* wk-db.h — opening a Walkup database: pragmas, migrations, SQLite errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Opens (creating if needed) the database at @path, switches on WAL, foreign
 * keys and a busy timeout, and runs every pending migration.  Each step is
 * checked; on failure the connection is closed and %NULL returned. */
sqlite3   *wk_db_open             (const char  *path,
                                   GError     **error);

/* Runs the numbered migrations newer than PRAGMA user_version, each in its own
 * transaction.  A file from a newer Walkup is refused. */
gboolean   wk_db_migrate          (sqlite3     *db,
                                   GError     **error);
int        wk_db_schema_version   (void);

/* Turns the connection's last failure into a GError in WK_ERROR. */
void       wk_db_set_error        (sqlite3     *db,
                                   int          rc,
                                   GError     **error,
                                   const char  *what);
gboolean   wk_db_exec             (sqlite3     *db,
                                   const char  *sql,
                                   GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
