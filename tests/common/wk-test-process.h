/* wk-test-process.h — the built walkup-hub and the programs the net tests
 * run beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The walkup-hub of this build ($WALKUP_BUILD_ROOT/app/walkup-hub). */
char *wk_test_hub_binary       (void);
/* Runs @argv to the end; fails the test unless it exits 0. */
void  wk_test_run              (const char * const *argv);
/* A self-signed certificate for 127.0.0.1 and its key, made with openssl
 * in @dir as NAME.pem and NAME.key; returns the certificate's path. */
char *wk_test_make_certificate (const char         *dir,
                                const char         *name);

G_END_DECLS
