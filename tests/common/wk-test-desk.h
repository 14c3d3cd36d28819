/* wk-test-desk.h — running WkDesk operations to their end in tests, and the
 * requests and queries the desk tests share (tests/core/test-desk.c on the
 * local desk, tests/net/test-desk-contract.c on both desks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wk-check-in-request.h"
#include "wk-desk.h"
#include "wk-error.h"
#include "wk-ticket-query.h"
#include "wk-visit.h"

G_BEGIN_DECLS

/* COUNT(*)-like @sql on a read-only connection of its own to @path. */
gint64            wk_test_count          (const char        *path,
                                          const char        *sql);

/* An async callback that keeps the result in *@user_data (a GAsyncResult *). */
void              wk_test_got_result_cb  (GObject           *source,
                                          GAsyncResult      *result,
                                          gpointer           user_data);
/* Iterates the thread-default main context until *@slot is set. */
void              wk_test_wait_for       (GAsyncResult     **slot);

WkCheckInRequest *wk_test_person_request (gint64             person_id,
                                          WkIdentifiedBy     by,
                                          const char        *reason);
WkCheckInRequest *wk_test_guest_request  (const char        *name);
/* check_in that must succeed. */
WkVisit          *wk_test_check_in_ok    (WkDesk            *desk,
                                          WkCheckInRequest  *request);
/* A ticket search: @status -1 for any. */
WkTicketQuery    *wk_test_ticket_query   (const char        *text,
                                          gint64             requester_id,
                                          int                status,
                                          gint64             assignee_id,
                                          gint64             lounge_id,
                                          guint              limit);

/* Runs one operation on @desk to its end:
 * CALL_ON (desk, &error, check_in, request); CALL uses (fx)->desk. */
#define CALL_ON(desk, error_ptr, op, ...) \
  ({ \
    GAsyncResult *_result = NULL; \
    WkDesk *_desk = (desk); \
    gpointer _value; \
    wk_desk_##op##_async (_desk, ##__VA_ARGS__, NULL, wk_test_got_result_cb, &_result); \
    wk_test_wait_for (&_result); \
    _value = wk_desk_##op##_finish (_desk, _result, (error_ptr)); \
    g_object_unref (_result); \
    _value; \
  })
#define CALL(fx, error_ptr, op, ...) CALL_ON ((fx)->desk, error_ptr, op, ##__VA_ARGS__)

/* The events logged in the fixture's file ((fx)->path). */
#define N_EVENTS(fx) wk_test_count ((fx)->path, "SELECT COUNT(*) FROM event")

/* The operation fails with @code, says why, and logs nothing. */
#define ASSERT_FAILS_ON(fx, desk, code, op, ...) \
  G_STMT_START { \
    g_autoptr(GError) _error = NULL; \
    gint64 _events = N_EVENTS (fx); \
    gpointer _v = CALL_ON (desk, &_error, op, ##__VA_ARGS__); \
    g_assert_null (_v); \
    g_assert_error (_error, WK_ERROR, code); \
    g_assert_cmpstr (_error->message, !=, ""); \
    g_assert_cmpint (N_EVENTS (fx), ==, _events); \
  } G_STMT_END
#define ASSERT_FAILS(fx, code, op, ...) ASSERT_FAILS_ON (fx, (fx)->desk, code, op, ##__VA_ARGS__)

/* search_tickets with its query made and freed here */
#define SEARCH(fx, error_ptr, ...) \
  ({ \
    g_autoptr(WkTicketQuery) _q = wk_test_ticket_query (__VA_ARGS__); \
    (GListModel *) CALL (fx, error_ptr, search_tickets, _q); \
  })
#define SEARCH_QUERY(fx, error_ptr, query) ((GListModel *) CALL (fx, error_ptr, search_tickets, query))
#define ASSERT_SEARCH_FAILS(fx, code, ...) \
  G_STMT_START { \
    g_autoptr(WkTicketQuery) _fq = wk_test_ticket_query (__VA_ARGS__); \
    ASSERT_FAILS (fx, code, search_tickets, _fq); \
  } G_STMT_END

G_END_DECLS
