/* wk-visit-query.h — which visits the review face and the export list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * WkVisitQuery:
 * @from: checked in at or after, unix seconds (required)
 * @to: checked in before, unix seconds (required, after @from)
 * @lounge_id: one lounge, or 0
 * @engineer_id: visits picked up by one engineer, or 0
 * @person_id: visits of one person, or 0 (engineers may only ask for one
 *   person: the visitor profile)
 * @limit: at most this many (0: 500; capped at 5000)
 * @offset: skip this many, for paging
 *
 * The list is ordered oldest check-in first (then by id).
 */
typedef struct {
  gint64 from;
  gint64 to;
  gint64 lounge_id;
  gint64 engineer_id;
  gint64 person_id;
  guint  limit;
  guint  offset;
} WkVisitQuery;

#define WK_VISIT_QUERY_DEFAULT_LIMIT 500
#define WK_VISIT_QUERY_MAX_LIMIT     5000

#define WK_TYPE_VISIT_QUERY (wk_visit_query_get_type ())

GType         wk_visit_query_get_type (void) G_GNUC_CONST;
/* Everything 0: set @from and @to. */
WkVisitQuery *wk_visit_query_new      (void);
WkVisitQuery *wk_visit_query_copy     (const WkVisitQuery *query);
void          wk_visit_query_free     (WkVisitQuery       *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkVisitQuery, wk_visit_query_free)

G_END_DECLS
