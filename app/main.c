/* main.c — walkup: the kiosk, board, deskside and review faces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "walkup"

#include "config.h"

#include "wk-application.h"

#include <glib/gi18n.h>
#include <locale.h>

int
main (int    argc,
      char **argv)
{
  g_autoptr(WkApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* tests point this at the build tree's compiled catalogues */
  localedir = g_getenv ("WALKUP_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = wk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
