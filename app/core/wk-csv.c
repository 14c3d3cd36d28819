/* wk-csv.c — RFC 4180 CSV, safe to open in a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-csv"

#include "config.h"

#include "wk-csv.h"

#include <math.h>
#include <string.h>

struct _WkCsvWriter
{
  GString *text;     /* owned */
  gboolean in_row;   /* a cell was written on the current row */
  gsize    rows;
};

WkCsvWriter *
wk_csv_writer_new (void)
{
  WkCsvWriter *self = g_new0 (WkCsvWriter, 1);

  self->text = g_string_new (NULL);
  return self;
}

void
wk_csv_writer_free (WkCsvWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->text, TRUE);
  g_free (self);
}

static gboolean
needs_formula_guard (const char *text)
{
  switch (text[0])
    {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
needs_quotes (const char *text)
{
  gsize len = strlen (text);

  if (len == 0)
    return FALSE;
  if (strpbrk (text, ",\"\r\n") != NULL)
    return TRUE;
  /* Spreadsheets trim unquoted spaces at the edges; keep them. */
  return text[0] == ' ' || text[len - 1] == ' ';
}

static void
append_escaped (GString    *out,
                const char *raw)
{
  g_autofree char *valid = g_utf8_make_valid (raw, -1);
  const char *text = valid;
  gboolean guard = needs_formula_guard (text);
  gboolean quote = needs_quotes (text);

  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

char *
wk_csv_escape_text (const char *text)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, text != NULL ? text : "");
  return g_string_free (out, FALSE);
}

static void
begin_cell (WkCsvWriter *self)
{
  if (self->in_row)
    g_string_append_c (self->text, ',');
  self->in_row = TRUE;
}

void
wk_csv_writer_add_text (WkCsvWriter *self,
                        const char  *text)
{
  g_return_if_fail (self != NULL);

  begin_cell (self);
  if (text != NULL)
    append_escaped (self->text, text);
}

void
wk_csv_writer_add_int (WkCsvWriter *self,
                       gint64       value)
{
  g_return_if_fail (self != NULL);

  begin_cell (self);
  g_string_append_printf (self->text, "%" G_GINT64_FORMAT, value);
}

void
wk_csv_writer_add_double (WkCsvWriter *self,
                          double       value,
                          guint        decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char format[16];

  g_return_if_fail (self != NULL);
  g_return_if_fail (decimals <= 9);

  begin_cell (self);
  if (!isfinite (value))
    return;
  g_snprintf (format, sizeof format, "%%.%uf", decimals);
  g_ascii_formatd (buf, sizeof buf, format, value);
  /* no "-0" */
  if (strspn (buf, "-0.") == strlen (buf) && buf[0] == '-')
    g_string_append (self->text, buf + 1);
  else
    g_string_append (self->text, buf);
}

void
wk_csv_writer_add_empty (WkCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  begin_cell (self);
}

void
wk_csv_writer_add_time (WkCsvWriter *self,
                        gint64       unix_seconds)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (self != NULL);

  begin_cell (self);
  if (unix_seconds == 0)
    return;
  time = g_date_time_new_from_unix_utc (unix_seconds);
  if (time == NULL)
    return;
  text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  g_string_append (self->text, text);
}

void
wk_csv_writer_end_row (WkCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  g_string_append (self->text, "\r\n");
  self->in_row = FALSE;
  self->rows++;
}

void
wk_csv_writer_add_row (WkCsvWriter        *self,
                       const char * const *cells,
                       gsize               n_cells)
{
  g_return_if_fail (self != NULL);

  for (gsize i = 0; i < n_cells; i++)
    wk_csv_writer_add_text (self, cells[i]);
  wk_csv_writer_end_row (self);
}

const char *
wk_csv_writer_peek (WkCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text->str;
}

gsize
wk_csv_writer_get_rows (WkCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows;
}

GBytes *
wk_csv_writer_free_to_bytes (WkCsvWriter *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = self->text;
  g_free (self);
  return g_string_free_to_bytes (text);
}
