/* wk-hub-export.c — `walkup-hub export`: the review face's CSV from the
 * command line
 *
 *   export --db PATH --what visits|surveys --from DATE --to DATE --csv FILE
 *          [--lounge ID] [--engineer ID]
 *
 * DATE is a day (YYYY-MM-DD, local time; --to is inclusive) or an ISO 8601
 * date and time with a zone (--to is then exclusive).  FILE "-" is stdout.
 * The bytes are those of the review window's export for the same range and
 * filters: both go through wk-export over a WkDesk.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-hub-export"

#include "config.h"

#include "wk-hub-commands.h"

#include "wk-export.h"
#include "wk-local-desk.h"
#include "wk-store.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#define WHAT "export"

/* The start of the day @text names, or of the day after (@next_day), or an
 * ISO 8601 date and time as it is; FALSE when it is neither. */
static gboolean
parse_date (const char *text,
            gboolean    next_day,
            gint64     *unix_seconds)
{
  g_autoptr(GDateTime) when = NULL;
  guint64 y, m, d;
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return FALSE;
  if (strchr (text, 'T') != NULL)
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      when = g_date_time_new_from_iso8601 (text, local);
      if (when == NULL)
        return FALSE;
      *unix_seconds = g_date_time_to_unix (when);
      return TRUE;
    }

  parts = g_strsplit (text, "-", -1);
  if (g_strv_length (parts) != 3 || strlen (parts[0]) != 4 ||
      strlen (parts[1]) != 2 || strlen (parts[2]) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &y, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL) ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  when = g_date_time_new_local ((int) y, (int) m, (int) d, 0, 0, 0);
  if (when == NULL)
    return FALSE;
  if (next_day)
    {
      g_autoptr(GDateTime) day_after = g_date_time_add_days (when, 1);

      if (day_after == NULL)
        return FALSE;
      *unix_seconds = g_date_time_to_unix (day_after);
    }
  else
    *unix_seconds = g_date_time_to_unix (when);
  return TRUE;
}

typedef struct {
  GMainLoop *loop;    /* owned */
  GBytes    *bytes;   /* owned */
  guint      rows;
  GError    *error;
} Run;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;

  run->bytes = wk_export_finish (WK_DESK (source), result, &run->rows, &run->error);
  g_main_loop_quit (run->loop);
}

int
wk_hub_export_main (int    argc,
                    char **argv)
{
  g_autofree char *db_path = NULL;
  g_autofree char *what = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *csv_path = NULL;
  gint64 lounge_id = 0;
  gint64 engineer_id = 0;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, N_("The lounge database"), N_("PATH") },
    { "what", 0, 0, G_OPTION_ARG_STRING, &what, N_("visits or surveys"), N_("WHAT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First day (YYYY-MM-DD, local time)"),
      N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last day, included (YYYY-MM-DD)"), N_("DATE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, N_("Where to write the CSV (- for stdout)"),
      N_("FILE") },
    { "lounge", 0, 0, G_OPTION_ARG_INT64, &lounge_id, N_("Only this lounge"), N_("ID") },
    { "engineer", 0, 0, G_OPTION_ARG_INT64, &engineer_id, N_("Only this engineer’s visits"), N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WkStore) store = NULL;
  g_autoptr(WkLocalDesk) desk = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);
  char **parse = args;
  gboolean visits;
  gint64 from = 0, to = 0;
  Run run = { NULL, NULL, 0, NULL };

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  g_option_context_set_summary (context, _("Write the visits or the surveys of a period as CSV "
                                           "(RFC 4180, UTF-8), as the review face exports them."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &parse, &error))
    {
      g_printerr ("%s: %s\n", WHAT, error->message);
      return 2;
    }
  if (g_strv_length (parse) > 1)
    {
      /* Translators: the first %s is a command such as “serve” */
      g_printerr (_("%s: unexpected argument “%s”\n"), WHAT, parse[1]);
      return 2;
    }

  {
    static const char * const options[] = {
      "--db PATH", "--what visits|surveys", "--from DATE", "--to DATE", "--csv FILE",
    };
    const char *values[] = { db_path, what, from_text, to_text, csv_path };

    G_STATIC_ASSERT (G_N_ELEMENTS (options) == G_N_ELEMENTS (values));
    for (guint i = 0; i < G_N_ELEMENTS (options); i++)
      if (values[i] == NULL || values[i][0] == '\0')
        {
          /* Translators: the first %s is a command, the second an option such as --db PATH */
          g_printerr (_("%s: %s is required\n"), WHAT, options[i]);
          return 2;
        }
  }
  if (g_strcmp0 (what, "visits") != 0 && g_strcmp0 (what, "surveys") != 0)
    {
      g_printerr (_("export: --what must be “visits” or “surveys”, not “%s”\n"), what);
      return 2;
    }
  visits = g_strcmp0 (what, "visits") == 0;
  if (!parse_date (from_text, FALSE, &from))
    {
      g_printerr (_("export: “%s” is not a date (YYYY-MM-DD)\n"), from_text);
      return 2;
    }
  if (!parse_date (to_text, strchr (to_text, 'T') == NULL, &to))
    {
      g_printerr (_("export: “%s” is not a date (YYYY-MM-DD)\n"), to_text);
      return 2;
    }
  if (to <= from)
    {
      g_printerr (_("export: --to must not be before --from\n"));
      return 2;
    }
  if (lounge_id < 0 || engineer_id < 0)
    {
      g_printerr (_("export: an id must be a positive number\n"));
      return 2;
    }
  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("export: there is no database at “%s”\n"), db_path);
      return 1;
    }

  store = wk_store_new (db_path, NULL, &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", WHAT, error->message);
      return 1;
    }
  desk = wk_local_desk_new (store);
  run.loop = g_main_loop_new (NULL, FALSE);
  if (visits)
    {
      WkVisitQuery query = { 0 };

      query.from = from;
      query.to = to;
      query.lounge_id = lounge_id;
      query.engineer_id = engineer_id;
      wk_export_visits_async (WK_DESK (desk), &query, NULL, exported_cb, &run);
    }
  else
    {
      g_autoptr(WkFeedbackQuery) query = wk_feedback_query_new ();

      query->from = from;
      query->to = to;
      query->lounge_id = lounge_id;
      query->engineer_id = engineer_id;
      wk_export_surveys_async (WK_DESK (desk), query, NULL, exported_cb, &run);
    }
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  wk_store_close (store);

  if (run.bytes == NULL)
    {
      g_printerr ("%s: %s\n", WHAT, run.error->message);
      g_error_free (run.error);
      return 1;
    }

  if (strcmp (csv_path, "-") == 0)
    {
      gsize size;
      const char *data = g_bytes_get_data (run.bytes, &size);
      gboolean ok = fwrite (data, 1, size, stdout) == size && fflush (stdout) == 0;

      g_bytes_unref (run.bytes);
      if (!ok)
        {
          g_printerr (_("export: could not write the CSV to stdout\n"));
          return 1;
        }
      return 0;
    }
  {
    gsize size;
    const char *data = g_bytes_get_data (run.bytes, &size);
    gboolean ok = g_file_set_contents (csv_path, data, (gssize) size, &error);

    g_bytes_unref (run.bytes);
    if (!ok)
      {
        g_printerr (_("export: could not write “%s”: %s\n"), csv_path, error->message);
        return 1;
      }
  }
  {
    g_autofree char *done = NULL;

    if (visits)
      /* Translators: %u visits were written to the file %s */
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u visit to “%s”",
                                           "Exported %u visits to “%s”", run.rows),
                              run.rows, csv_path);
    else
      done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u survey to “%s”",
                                           "Exported %u surveys to “%s”", run.rows),
                              run.rows, csv_path);
    g_print ("%s\n", done);
  }
  return 0;
}
