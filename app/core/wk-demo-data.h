/* wk-demo-data.h — realistic demo and scale data: `walkup-hub demo-data`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/**
 * WkDemoDataOptions:
 * @people: visitors (staff accounts come on top)
 * @tickets: tickets
 * @visits: visits, including the few waiting in the queue right now
 * @surveys: surveys (at most @visits)
 * @days: days of history, ending on the day of @now
 * @seed: the seed of the generator
 * @now: the reference time, unix seconds: every timestamp is before it,
 *   except the ready-by times of hardware being prepared and the ends of
 *   current announcements
 *
 * The same options (seed and now included) always give the same rows, apart
 * from the staff password hashes (yescrypt salts are random).
 */
typedef struct {
  guint   people;
  guint   tickets;
  guint   visits;
  guint   surveys;
  guint   days;
  guint64 seed;
  gint64  now;
} WkDemoDataOptions;

/* The quick-start defaults: a few hundred people, 60 days.  @now is the
 * current time; set it for reproducible data. */
void     wk_demo_data_options_init       (WkDemoDataOptions *options);
/* The scale preset: 100,000 people, 1,000,000 tickets, 2,000,000 visits,
 * 500,000 surveys over four years (1,461 days): about 1,400 visits a
 * working day over the three lounges, 2.5 tickets a person a year. */
void     wk_demo_data_options_init_scale (WkDemoDataOptions *options);

/**
 * WkDemoStaff:
 *
 * A staff account every demo database has, with its known password.
 */
typedef struct {
  const char *username;
  const char *password;
  const char *role;          /* "engineer", "lead" or "admin" */
  const char *display_name;
  const char *lounge;        /* home lounge, or NULL */
} WkDemoStaff;

const WkDemoStaff *wk_demo_data_get_staff (guint *n_staff);

/* Fills @db, a freshly migrated and empty database (wk_db_open()), in one
 * transaction.  While it runs, synchronous is OFF, the journal in memory,
 * foreign keys off and the secondary indexes of the big tables dropped; all
 * are restored (and the indexes rebuilt) before it returns, also on failure. */
gboolean wk_demo_data_generate           (sqlite3                 *db,
                                          const WkDemoDataOptions *options,
                                          GError                 **error);

/* Creates @path as a fresh file and fills it.  An existing non-empty file is
 * refused (WK_ERROR_CONFLICT) unless @force, which deletes it (and its -wal
 * and -shm) first. */
gboolean wk_demo_data_create             (const char              *path,
                                          const WkDemoDataOptions *options,
                                          gboolean                 force,
                                          GError                 **error);

/* The text the command prints: staff accounts with their passwords, and a
 * few visitors worth trying at the kiosk (read from @db). */
char    *wk_demo_data_describe           (sqlite3                 *db,
                                          GError                 **error);

/* `walkup-hub demo-data --db PATH [--people N] [--tickets N] [--visits N]
 *  [--surveys N] [--days N] [--seed S] [--now ISO8601] [--scale] [--force]`;
 * argv[0] is the command's name.  Returns the exit status. */
int      wk_demo_data_main               (int                      argc,
                                          char                   **argv);

G_END_DECLS
