/* wk-visit-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-visit-query"

#include "config.h"

#include "wk-visit-query.h"

G_DEFINE_BOXED_TYPE (WkVisitQuery, wk_visit_query,
                     wk_visit_query_copy, wk_visit_query_free)

WkVisitQuery *
wk_visit_query_new (void)
{
  return g_new0 (WkVisitQuery, 1);
}

WkVisitQuery *
wk_visit_query_copy (const WkVisitQuery *query)
{
  g_return_val_if_fail (query != NULL, NULL);

  return g_memdup2 (query, sizeof *query);
}

void
wk_visit_query_free (WkVisitQuery *query)
{
  g_free (query);
}
