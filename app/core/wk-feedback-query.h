/* wk-feedback-query.h — which surveys the review face lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * WkFeedbackQuery:
 * @from: start, unix seconds, inclusive (0: no start)
 * @to: end, unix seconds, exclusive (0: no end)
 * @lounge_id: one lounge, or 0
 * @engineer_id: one engineer, or 0
 * @max_score: only scores up to this (1–5), or 0 for all
 * @followup_status: a #WkFollowupStatus, or -1 for any
 * @with_comment_only: only surveys with a comment
 * @tag: only surveys with this tag (see wk_survey_known_tags()), or NULL
 * @limit: at most this many (0: 100; capped at 1000)
 * @offset: skip this many, for paging
 *
 * The list is ordered lowest score first, then newest first.
 */
typedef struct {
  gint64   from;
  gint64   to;
  gint64   lounge_id;
  gint64   engineer_id;
  int      max_score;
  int      followup_status;
  gboolean with_comment_only;
  char    *tag;      /* owned */
  guint    limit;
  guint    offset;
} WkFeedbackQuery;

#define WK_TYPE_FEEDBACK_QUERY (wk_feedback_query_get_type ())

GType            wk_feedback_query_get_type (void) G_GNUC_CONST;
/* Everything: followup_status -1, the rest 0 or NULL. */
WkFeedbackQuery *wk_feedback_query_new      (void);
WkFeedbackQuery *wk_feedback_query_copy     (const WkFeedbackQuery *query);
void             wk_feedback_query_free     (WkFeedbackQuery       *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkFeedbackQuery, wk_feedback_query_free)

G_END_DECLS
