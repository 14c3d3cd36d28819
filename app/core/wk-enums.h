/* wk-enums.h — the statuses, roles and outcomes of the domain
 *
 * Every enumeration is a registered GEnum whose nicks are exactly the
 * strings the schema stores (see the CHECK constraints in wk-db.c), so
 * wk_*_to_string() and wk_*_from_string() convert to and from the database
 * and the hub's JSON.  A *_NONE value stands for SQL NULL and has no string.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  WK_ROLE_VISITOR,
  WK_ROLE_ENGINEER,
  WK_ROLE_LEAD,
  WK_ROLE_ADMIN,
} WkRole;

typedef enum {
  WK_TICKET_STATUS_NEW,
  WK_TICKET_STATUS_OPEN,
  WK_TICKET_STATUS_PENDING,
  WK_TICKET_STATUS_RESOLVED,
  WK_TICKET_STATUS_CLOSED,
} WkTicketStatus;

typedef enum {
  WK_VISIT_STATUS_WAITING,
  WK_VISIT_STATUS_CALLED,
  WK_VISIT_STATUS_IN_SERVICE,
  WK_VISIT_STATUS_DONE,
  WK_VISIT_STATUS_LEFT,
  WK_VISIT_STATUS_CANCELLED,
} WkVisitStatus;

typedef enum {
  WK_IDENTIFIED_BY_GUEST,
  WK_IDENTIFIED_BY_BADGE,
  WK_IDENTIFIED_BY_EMAIL,
  WK_IDENTIFIED_BY_EMPLOYEE_NO,
  WK_IDENTIFIED_BY_TICKET_REF,
} WkIdentifiedBy;

typedef enum {
  WK_OUTCOME_NONE,
  WK_OUTCOME_RESOLVED_FIRST_CONTACT,
  WK_OUTCOME_WORKAROUND,
  WK_OUTCOME_FOLLOW_UP,
} WkOutcome;

typedef enum {
  WK_HARDWARE_STATUS_PREPARING,
  WK_HARDWARE_STATUS_READY,
  WK_HARDWARE_STATUS_COLLECTED,
  WK_HARDWARE_STATUS_CANCELLED,
} WkHardwareStatus;

typedef enum {
  WK_NOTE_VISIBILITY_INTERNAL,
  WK_NOTE_VISIBILITY_PUBLIC,
} WkNoteVisibility;

typedef enum {
  WK_SURVEY_RESOLVED_UNKNOWN,
  WK_SURVEY_RESOLVED_YES,
  WK_SURVEY_RESOLVED_NO,
} WkSurveyResolved;

typedef enum {
  WK_FOLLOWUP_STATUS_NONE,
  WK_FOLLOWUP_STATUS_NEEDED,
  WK_FOLLOWUP_STATUS_CONTACTED,
  WK_FOLLOWUP_STATUS_CLOSED,
} WkFollowupStatus;

#define WK_TYPE_ROLE (wk_role_get_type ())
#define WK_TYPE_TICKET_STATUS (wk_ticket_status_get_type ())
#define WK_TYPE_VISIT_STATUS (wk_visit_status_get_type ())
#define WK_TYPE_IDENTIFIED_BY (wk_identified_by_get_type ())
#define WK_TYPE_OUTCOME (wk_outcome_get_type ())
#define WK_TYPE_HARDWARE_STATUS (wk_hardware_status_get_type ())
#define WK_TYPE_NOTE_VISIBILITY (wk_note_visibility_get_type ())
#define WK_TYPE_SURVEY_RESOLVED (wk_survey_resolved_get_type ())
#define WK_TYPE_FOLLOWUP_STATUS (wk_followup_status_get_type ())

GType wk_role_get_type             (void) G_GNUC_CONST;
GType wk_ticket_status_get_type    (void) G_GNUC_CONST;
GType wk_visit_status_get_type     (void) G_GNUC_CONST;
GType wk_identified_by_get_type    (void) G_GNUC_CONST;
GType wk_outcome_get_type          (void) G_GNUC_CONST;
GType wk_hardware_status_get_type  (void) G_GNUC_CONST;
GType wk_note_visibility_get_type  (void) G_GNUC_CONST;
GType wk_survey_resolved_get_type  (void) G_GNUC_CONST;
GType wk_followup_status_get_type  (void) G_GNUC_CONST;

/* The schema string of @value (static), or NULL for a *_NONE value or a
 * value out of range. */
const char *wk_enum_to_string   (GType        enum_type,
                                 int          value);
/* Parses a schema string; FALSE (and *value untouched) when unknown. */
gboolean    wk_enum_from_string (GType        enum_type,
                                 const char  *str,
                                 int         *value);

#define WK_DECLARE_ENUM_STRINGS(TypeName, type_name)                           \
  const char *type_name##_to_string   (TypeName    value);                   \
  gboolean    type_name##_from_string (const char *str,                      \
                                       TypeName   *value);

WK_DECLARE_ENUM_STRINGS (WkRole, wk_role)
WK_DECLARE_ENUM_STRINGS (WkTicketStatus, wk_ticket_status)
WK_DECLARE_ENUM_STRINGS (WkVisitStatus, wk_visit_status)
WK_DECLARE_ENUM_STRINGS (WkIdentifiedBy, wk_identified_by)
WK_DECLARE_ENUM_STRINGS (WkOutcome, wk_outcome)
WK_DECLARE_ENUM_STRINGS (WkHardwareStatus, wk_hardware_status)
WK_DECLARE_ENUM_STRINGS (WkNoteVisibility, wk_note_visibility)
WK_DECLARE_ENUM_STRINGS (WkSurveyResolved, wk_survey_resolved)
WK_DECLARE_ENUM_STRINGS (WkFollowupStatus, wk_followup_status)

G_END_DECLS
