/* wk-test-seed.h — the small lounge the desk tests start from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* What wk_test_seed() writes. Every staff account's password is
 * "secret-pass". */
enum {
  LOUNGE_MAIN = 1,
  LOUNGE_SIDE = 2,
  PRIYA = 1,          /* visitor, badge 100200 */
  ALEX = 2,           /* engineer, username alex */
  BO = 3,             /* engineer */
  LEA = 4,            /* lead */
  VIC = 5,            /* visitor who has a password */
  FIRST_RACER = 10,   /* engineers racer0… without a password */
  TICKET_OPEN = 1,    /* WK-10001, Priya's */
  TICKET_CLOSED = 2,  /* WK-10002, Priya's */
  TICKET_ORPHAN = 3,  /* WK-10003, nobody's */
  HARDWARE_READY = 1,
};

/* Runs @sql on @db, or fails the test. */
void wk_test_exec (sqlite3    *db,
                   const char *sql);

/* Creates the database at @path (migrated) with two lounges, the people
 * above plus @n_racers engineers from FIRST_RACER, three tickets, two
 * devices and four announcements. */
void wk_test_seed (const char *path,
                   guint       n_racers);

G_END_DECLS
