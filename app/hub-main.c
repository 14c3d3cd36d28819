/* hub-main.c — walkup-hub: the lounge's server and its admin commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "walkup-hub"

#include "config.h"

#include "wk-demo-data.h"
#include "wk-hub-admin.h"
#include "wk-hub-commands.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

typedef int (*HubCommandFunc) (int argc, char **argv);

typedef struct {
  const char     *name;
  HubCommandFunc  func;
  const char     *summary;  /* untranslated; N_() */
} HubCommand;

static int version_main (int argc, char **argv);

/* One row per subcommand; each parses its own options. */
static const HubCommand commands[] = {
  { "version", version_main, N_("Print the version and exit") },
  { "demo-data", wk_demo_data_main, N_("Fill a new database with realistic demo data") },
  { "serve", wk_hub_serve_main, N_("Serve the lounge’s hub API (--db PATH --listen ADDR:PORT)") },
  { "token", wk_hub_token_main, N_("“token create”: make a bearer token for a kiosk or laptop") },
  { "user", wk_hub_user_main, N_("“user add”: add a staff member who can sign in") },
  { "upstream-sync", wk_hub_upstream_sync_main, N_("Deliver the event log to Request Tracker (--db PATH --rt-url URL --rt-token-file F --rt-queue NAME)") },
  { "hash-pin", wk_hub_hash_pin_main, N_("Hash a kiosk administrator PIN read from standard input") },
  { "export", wk_hub_export_main, N_("Write visits or surveys as CSV (--db PATH --what visits|surveys --from DATE --to DATE --csv FILE)") },
};

static int
version_main (int    argc,
              char **argv)
{
  g_print ("walkup-hub %s\n", PACKAGE_VERSION);
  return 0;
}

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n  walkup-hub %s\n\n%s\n",
           _("Usage:"), _("COMMAND [OPTION…]"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “walkup-hub COMMAND --help” for a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir;

  setlocale (LC_ALL, "");
  localedir = g_getenv ("WALKUP_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }
  if (strcmp (argv[1], "--version") == 0)
    return version_main (argc - 1, argv + 1);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].func (argc - 1, argv + 1);

  fprintf (stderr, _("walkup-hub: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return 2;
}
