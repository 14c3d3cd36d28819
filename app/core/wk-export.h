/* wk-export.h — CSV of visits and of surveys, for the review face and
 * `walkup-hub export`
 *
 * Works on domain objects through WkDesk only (a local desk or the hub), so
 * the window and the command write the same bytes for the same data.  The
 * CSV is RFC 4180 with CRLF rows, UTF-8 without BOM, and text cells made
 * safe for spreadsheets (see wk-csv.h).  Times are ISO 8601 UTC; durations
 * are whole seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-desk.h"

G_BEGIN_DECLS

/* id (gint64 pointer) → name, from a GListModel of WkLounge. */
GHashTable *wk_export_lounge_names (GListModel *lounges);

/* The visits CSV: one row per WkVisit with its times, wait, service time and
 * estimate error in seconds.  No names of visitors, no contact details.
 * @lounge_names: from wk_export_lounge_names(), or NULL. */
GBytes *wk_export_visits_csv  (GListModel *visits,
                               GHashTable *lounge_names);
/* The surveys CSV, one row per WkSurvey.  The respondent's name appears only
 * where they agreed to be contacted and did not answer anonymously. */
GBytes *wk_export_surveys_csv (GListModel *surveys,
                               GHashTable *lounge_names);

/* Every visit within @query (its limit and offset are ignored: all pages
 * are read), as CSV. */
void wk_export_visits_async  (WkDesk                *desk,
                              const WkVisitQuery    *query,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data);
/* Every survey within @query (all pages), lowest score first, as CSV. */
void wk_export_surveys_async (WkDesk                *desk,
                              const WkFeedbackQuery *query,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data);
/* The CSV of either export; @n_rows (optional): the rows without the
 * header. */
GBytes *wk_export_finish     (WkDesk                *desk,
                              GAsyncResult          *result,
                              guint                 *n_rows,
                              GError               **error);

G_END_DECLS
