/* wk-feedback-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-feedback-query"

#include "config.h"

#include "wk-feedback-query.h"

G_DEFINE_BOXED_TYPE (WkFeedbackQuery, wk_feedback_query,
                     wk_feedback_query_copy, wk_feedback_query_free)

WkFeedbackQuery *
wk_feedback_query_new (void)
{
  WkFeedbackQuery *query = g_new0 (WkFeedbackQuery, 1);

  query->followup_status = -1;
  return query;
}

WkFeedbackQuery *
wk_feedback_query_copy (const WkFeedbackQuery *query)
{
  WkFeedbackQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->tag = g_strdup (query->tag);
  return copy;
}

void
wk_feedback_query_free (WkFeedbackQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->tag);
  g_free (query);
}
