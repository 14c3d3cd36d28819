/* wk-csv.h — RFC 4180 CSV, safe to open in a spreadsheet
 *
 * GLib only (no GTK, no GIO), used by wk-export (the review face and
 * `walkup-hub export`).  Rows end in CRLF; every field is UTF-8 (invalid sequences are
 * replaced with U+FFFD); a field is quoted when it holds a comma, a quote,
 * CR or LF (quotes are doubled) or leading or trailing space.
 *
 * Text cells that a spreadsheet would take for a formula — starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return — get a leading apostrophe
 * (OWASP "CSV injection").  Numbers written with wk_csv_writer_add_int() and
 * _add_double() are never touched, so −30 stays a number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _WkCsvWriter WkCsvWriter;

WkCsvWriter *wk_csv_writer_new        (void);
void         wk_csv_writer_free       (WkCsvWriter *self);

/* A text cell: quoted as needed and made safe for spreadsheets.  NULL is an
 * empty cell. */
void         wk_csv_writer_add_text   (WkCsvWriter *self,
                                       const char  *text);
/* A whole number. */
void         wk_csv_writer_add_int    (WkCsvWriter *self,
                                       gint64       value);
/* A decimal with @decimals digits after a point (never a comma, whatever the
 * locale). */
void         wk_csv_writer_add_double (WkCsvWriter *self,
                                       double       value,
                                       guint        decimals);
/* A cell left empty (unknown). */
void         wk_csv_writer_add_empty  (WkCsvWriter *self);
/* Unix seconds as ISO 8601 UTC ("2025-03-14T09:05:00Z"); 0 is empty. */
void         wk_csv_writer_add_time   (WkCsvWriter *self,
                                       gint64       unix_seconds);
/* Ends the current row (CRLF). */
void         wk_csv_writer_end_row    (WkCsvWriter *self);
/* A header or a row of text cells at once, ended. */
void         wk_csv_writer_add_row    (WkCsvWriter *self,
                                       const char * const *cells,
                                       gsize        n_cells);

/* The text so far; the writer stays usable. */
const char  *wk_csv_writer_peek       (WkCsvWriter *self);
gsize        wk_csv_writer_get_rows   (WkCsvWriter *self);
/* Hands over the text (UTF-8, no BOM) and frees the writer. */
GBytes      *wk_csv_writer_free_to_bytes (WkCsvWriter *self);

/* One field as it would be written (quoted and made safe as a text cell). */
char        *wk_csv_escape_text       (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkCsvWriter, wk_csv_writer_free)

G_END_DECLS
