/* wk-test-display.h — the default display set up as the program sets it up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The application's stylesheet (AdwApplication loads it for the real
 * program) and the renderer WkApplication chooses: for widget tests and
 * benchmarks that build windows without the application.  Call it after
 * gtk_init() and adw_init(). */
void wk_test_display_as_program (void);

G_END_DECLS
