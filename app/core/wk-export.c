/* wk-export.c — CSV of visits and of surveys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-export"

#include "config.h"

#include "wk-export.h"

#include "wk-csv.h"
#include "wk-lounge.h"

#define PAGE 1000

GHashTable *
wk_export_lounge_names (GListModel *lounges)
{
  GHashTable *names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n = lounges != NULL ? g_list_model_get_n_items (lounges) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkLounge) lounge = g_list_model_get_item (lounges, i);
      gint64 id = wk_lounge_get_id (lounge);

      g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (wk_lounge_get_name (lounge)));
    }
  return names;
}

static const char *
lounge_name (GHashTable *lounge_names,
             gint64      lounge_id)
{
  if (lounge_names == NULL || lounge_id == 0)
    return NULL;
  return g_hash_table_lookup (lounge_names, &lounge_id);
}

/* ---- CSV ---------------------------------------------------------------- */

GBytes *
wk_export_visits_csv (GListModel *visits,
                      GHashTable *lounge_names)
{
  static const char * const header[] = {
    "visit_id", "checked_in_at", "lounge", "reason", "status", "identified_by",
    "engineer", "desk", "called_at", "finished_at", "wait_s", "service_s",
    "outcome", "estimated_wait_s", "estimate_error_s", "ticket",
  };
  g_autoptr(WkCsvWriter) csv = wk_csv_writer_new ();
  guint n = visits != NULL ? g_list_model_get_n_items (visits) : 0;

  wk_csv_writer_add_row (csv, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkVisit) visit = g_list_model_get_item (visits, i);
      gint64 checked_in_at = wk_visit_get_checked_in_at (visit);
      gint64 called_at = wk_visit_get_called_at (visit);
      gint64 finished_at = wk_visit_get_finished_at (visit);
      gint64 estimate = wk_visit_get_estimated_wait_s (visit);
      WkVisitStatus status = wk_visit_get_status (visit);
      gboolean called = called_at > 0;

      wk_csv_writer_add_int (csv, wk_visit_get_id (visit));
      wk_csv_writer_add_time (csv, checked_in_at);
      wk_csv_writer_add_text (csv, lounge_name (lounge_names, wk_visit_get_lounge_id (visit)));
      wk_csv_writer_add_text (csv, wk_visit_get_reason (visit));
      wk_csv_writer_add_text (csv, wk_enum_to_string (WK_TYPE_VISIT_STATUS, status));
      wk_csv_writer_add_text (csv, wk_enum_to_string (WK_TYPE_IDENTIFIED_BY,
                                                      wk_visit_get_identified_by (visit)));
      wk_csv_writer_add_text (csv, wk_visit_get_engineer_name (visit));
      wk_csv_writer_add_text (csv, wk_visit_get_desk (visit));
      wk_csv_writer_add_time (csv, called_at);
      wk_csv_writer_add_time (csv, finished_at);
      if (called)
        wk_csv_writer_add_int (csv, called_at - checked_in_at);
      else
        wk_csv_writer_add_empty (csv);
      if (called && finished_at > 0 && status == WK_VISIT_STATUS_DONE)
        wk_csv_writer_add_int (csv, finished_at - called_at);
      else
        wk_csv_writer_add_empty (csv);
      wk_csv_writer_add_text (csv, wk_enum_to_string (WK_TYPE_OUTCOME, wk_visit_get_outcome (visit)));
      if (estimate >= 0)
        wk_csv_writer_add_int (csv, estimate);
      else
        wk_csv_writer_add_empty (csv);
      if (called && estimate >= 0)
        wk_csv_writer_add_int (csv, estimate - (called_at - checked_in_at));
      else
        wk_csv_writer_add_empty (csv);
      wk_csv_writer_add_text (csv, wk_visit_get_ticket_ref (visit));
      wk_csv_writer_end_row (csv);
    }
  return wk_csv_writer_free_to_bytes (g_steal_pointer (&csv));
}

GBytes *
wk_export_surveys_csv (GListModel *surveys,
                       GHashTable *lounge_names)
{
  static const char * const header[] = {
    "survey_id", "created_at", "lounge", "engineer", "visit_id", "ticket_id",
    "score", "resolved", "tags", "comment", "anonymous", "contact_consent",
    "contact_name", "language", "followup_status", "followup_note", "followup_at",
  };
  g_autoptr(WkCsvWriter) csv = wk_csv_writer_new ();
  guint n = surveys != NULL ? g_list_model_get_n_items (surveys) : 0;

  wk_csv_writer_add_row (csv, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WkSurvey) survey = g_list_model_get_item (surveys, i);
      const char * const *tags = wk_survey_get_tags (survey);
      g_autofree char *joined = tags != NULL ? g_strjoinv (";", (char **) tags) : NULL;
      gboolean contactable = wk_survey_get_contact_consent (survey) &&
                             !wk_survey_get_anonymous (survey);

      wk_csv_writer_add_int (csv, wk_survey_get_id (survey));
      wk_csv_writer_add_time (csv, wk_survey_get_created_at (survey));
      wk_csv_writer_add_text (csv, lounge_name (lounge_names, wk_survey_get_lounge_id (survey)));
      wk_csv_writer_add_text (csv, wk_survey_get_engineer_name (survey));
      if (wk_survey_get_visit_id (survey) != 0)
        wk_csv_writer_add_int (csv, wk_survey_get_visit_id (survey));
      else
        wk_csv_writer_add_empty (csv);
      if (wk_survey_get_ticket_id (survey) != 0)
        wk_csv_writer_add_int (csv, wk_survey_get_ticket_id (survey));
      else
        wk_csv_writer_add_empty (csv);
      wk_csv_writer_add_int (csv, wk_survey_get_score (survey));
      wk_csv_writer_add_text (csv, wk_survey_resolved_to_string (wk_survey_get_resolved (survey)));
      wk_csv_writer_add_text (csv, joined);
      wk_csv_writer_add_text (csv, wk_survey_get_comment (survey));
      wk_csv_writer_add_int (csv, wk_survey_get_anonymous (survey) ? 1 : 0);
      wk_csv_writer_add_int (csv, wk_survey_get_contact_consent (survey) ? 1 : 0);
      wk_csv_writer_add_text (csv, contactable ? wk_survey_get_person_name (survey) : NULL);
      wk_csv_writer_add_text (csv, wk_survey_get_language (survey));
      wk_csv_writer_add_text (csv, wk_followup_status_to_string (wk_survey_get_followup_status (survey)));
      wk_csv_writer_add_text (csv, wk_survey_get_followup_note (survey));
      wk_csv_writer_add_time (csv, wk_survey_get_followup_at (survey));
      wk_csv_writer_end_row (csv);
    }
  return wk_csv_writer_free_to_bytes (g_steal_pointer (&csv));
}

/* ---- every page, then the CSV ------------------------------------------- */

typedef struct {
  gboolean         visits;
  WkVisitQuery     visit_query;
  WkFeedbackQuery *feedback_query;   /* owned, for surveys */
  GHashTable      *lounge_names;     /* owned */
  GListStore      *all;              /* owned */
  guint            n_rows;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_clear_pointer (&export->feedback_query, wk_feedback_query_free);
  g_clear_pointer (&export->lounge_names, g_hash_table_unref);
  g_clear_object (&export->all);
  g_free (export);
}

static void next_page (GTask *task);

static void
finish_export (GTask *task)
{
  Export *export = g_task_get_task_data (task);
  GBytes *bytes;

  if (export->visits)
    {
      export->n_rows = g_list_model_get_n_items (G_LIST_MODEL (export->all));
      bytes = wk_export_visits_csv (G_LIST_MODEL (export->all), export->lounge_names);
    }
  else
    {
      export->n_rows = g_list_model_get_n_items (G_LIST_MODEL (export->all));
      bytes = wk_export_surveys_csv (G_LIST_MODEL (export->all), export->lounge_names);
    }
  g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) page = NULL;
  guint n;

  if (export->visits)
    page = wk_desk_list_visits_finish (WK_DESK (source), result, &error);
  else
    page = wk_desk_list_feedback_finish (WK_DESK (source), result, &error);
  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  n = g_list_model_get_n_items (page);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (page, i);

      g_list_store_append (export->all, item);
    }
  if (n < PAGE)
    {
      finish_export (task);
      return;
    }
  if (export->visits)
    export->visit_query.offset += PAGE;
  else
    export->feedback_query->offset += PAGE;
  next_page (g_steal_pointer (&task));
}

static void
next_page (GTask *task)
{
  Export *export = g_task_get_task_data (task);
  WkDesk *desk = g_task_get_source_object (task);

  if (export->visits)
    wk_desk_list_visits_async (desk, &export->visit_query, g_task_get_cancellable (task),
                               page_cb, task);
  else
    wk_desk_list_feedback_async (desk, export->feedback_query, g_task_get_cancellable (task),
                                 page_cb, task);
}

static void
lounges_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lounges = wk_desk_list_lounges_finish (WK_DESK (source), result, &error);

  if (lounges == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  export->lounge_names = wk_export_lounge_names (lounges);
  next_page (g_steal_pointer (&task));
}

static void
start_export (WkDesk              *desk,
              Export              *export,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (desk, cancellable, callback, user_data);

  /* one source tag for both: they share wk_export_finish() */
  g_task_set_source_tag (task, wk_export_finish);
  export->all = g_list_store_new (export->visits ? WK_TYPE_VISIT : WK_TYPE_SURVEY);
  g_task_set_task_data (task, export, export_free);
  wk_desk_list_lounges_async (desk, cancellable, lounges_cb, task);
}

void
wk_export_visits_async (WkDesk              *desk,
                        const WkVisitQuery  *query,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  Export *export;

  g_return_if_fail (WK_IS_DESK (desk));
  g_return_if_fail (query != NULL);

  export = g_new0 (Export, 1);
  export->visits = TRUE;
  export->visit_query = *query;
  export->visit_query.limit = PAGE;
  export->visit_query.offset = 0;
  start_export (desk, export, cancellable, callback, user_data);
}

void
wk_export_surveys_async (WkDesk                *desk,
                         const WkFeedbackQuery *query,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  Export *export;

  g_return_if_fail (WK_IS_DESK (desk));
  g_return_if_fail (query != NULL);

  export = g_new0 (Export, 1);
  export->feedback_query = wk_feedback_query_copy (query);
  export->feedback_query->limit = PAGE;
  export->feedback_query->offset = 0;
  start_export (desk, export, cancellable, callback, user_data);
}

GBytes *
wk_export_finish (WkDesk        *desk,
                  GAsyncResult  *result,
                  guint         *n_rows,
                  GError       **error)
{
  GBytes *bytes;

  g_return_val_if_fail (g_task_is_valid (result, desk), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wk_export_finish, NULL);

  bytes = g_task_propagate_pointer (G_TASK (result), error);
  if (n_rows != NULL)
    {
      Export *export = g_task_get_task_data (G_TASK (result));

      *n_rows = bytes != NULL ? export->n_rows : 0;
    }
  return bytes;
}
