/* wk-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-enums"

#include "config.h"

#include "wk-enums.h"

/* The nicks are the schema strings; "" marks the NULL stand-in. */
G_DEFINE_ENUM_TYPE (WkRole, wk_role,
  G_DEFINE_ENUM_VALUE (WK_ROLE_VISITOR, "visitor"),
  G_DEFINE_ENUM_VALUE (WK_ROLE_ENGINEER, "engineer"),
  G_DEFINE_ENUM_VALUE (WK_ROLE_LEAD, "lead"),
  G_DEFINE_ENUM_VALUE (WK_ROLE_ADMIN, "admin"))

G_DEFINE_ENUM_TYPE (WkTicketStatus, wk_ticket_status,
  G_DEFINE_ENUM_VALUE (WK_TICKET_STATUS_NEW, "new"),
  G_DEFINE_ENUM_VALUE (WK_TICKET_STATUS_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (WK_TICKET_STATUS_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (WK_TICKET_STATUS_RESOLVED, "resolved"),
  G_DEFINE_ENUM_VALUE (WK_TICKET_STATUS_CLOSED, "closed"))

G_DEFINE_ENUM_TYPE (WkVisitStatus, wk_visit_status,
  G_DEFINE_ENUM_VALUE (WK_VISIT_STATUS_WAITING, "waiting"),
  G_DEFINE_ENUM_VALUE (WK_VISIT_STATUS_CALLED, "called"),
  G_DEFINE_ENUM_VALUE (WK_VISIT_STATUS_IN_SERVICE, "in_service"),
  G_DEFINE_ENUM_VALUE (WK_VISIT_STATUS_DONE, "done"),
  G_DEFINE_ENUM_VALUE (WK_VISIT_STATUS_LEFT, "left"),
  G_DEFINE_ENUM_VALUE (WK_VISIT_STATUS_CANCELLED, "cancelled"))

G_DEFINE_ENUM_TYPE (WkIdentifiedBy, wk_identified_by,
  G_DEFINE_ENUM_VALUE (WK_IDENTIFIED_BY_GUEST, "guest"),
  G_DEFINE_ENUM_VALUE (WK_IDENTIFIED_BY_BADGE, "badge"),
  G_DEFINE_ENUM_VALUE (WK_IDENTIFIED_BY_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (WK_IDENTIFIED_BY_EMPLOYEE_NO, "employee_no"),
  G_DEFINE_ENUM_VALUE (WK_IDENTIFIED_BY_TICKET_REF, "ticket_ref"))

G_DEFINE_ENUM_TYPE (WkOutcome, wk_outcome,
  G_DEFINE_ENUM_VALUE (WK_OUTCOME_NONE, ""),
  G_DEFINE_ENUM_VALUE (WK_OUTCOME_RESOLVED_FIRST_CONTACT, "resolved_first_contact"),
  G_DEFINE_ENUM_VALUE (WK_OUTCOME_WORKAROUND, "workaround"),
  G_DEFINE_ENUM_VALUE (WK_OUTCOME_FOLLOW_UP, "follow_up"))

G_DEFINE_ENUM_TYPE (WkHardwareStatus, wk_hardware_status,
  G_DEFINE_ENUM_VALUE (WK_HARDWARE_STATUS_PREPARING, "preparing"),
  G_DEFINE_ENUM_VALUE (WK_HARDWARE_STATUS_READY, "ready"),
  G_DEFINE_ENUM_VALUE (WK_HARDWARE_STATUS_COLLECTED, "collected"),
  G_DEFINE_ENUM_VALUE (WK_HARDWARE_STATUS_CANCELLED, "cancelled"))

G_DEFINE_ENUM_TYPE (WkNoteVisibility, wk_note_visibility,
  G_DEFINE_ENUM_VALUE (WK_NOTE_VISIBILITY_INTERNAL, "internal"),
  G_DEFINE_ENUM_VALUE (WK_NOTE_VISIBILITY_PUBLIC, "public"))

G_DEFINE_ENUM_TYPE (WkSurveyResolved, wk_survey_resolved,
  G_DEFINE_ENUM_VALUE (WK_SURVEY_RESOLVED_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (WK_SURVEY_RESOLVED_YES, "yes"),
  G_DEFINE_ENUM_VALUE (WK_SURVEY_RESOLVED_NO, "no"))

G_DEFINE_ENUM_TYPE (WkFollowupStatus, wk_followup_status,
  G_DEFINE_ENUM_VALUE (WK_FOLLOWUP_STATUS_NONE, "none"),
  G_DEFINE_ENUM_VALUE (WK_FOLLOWUP_STATUS_NEEDED, "needed"),
  G_DEFINE_ENUM_VALUE (WK_FOLLOWUP_STATUS_CONTACTED, "contacted"),
  G_DEFINE_ENUM_VALUE (WK_FOLLOWUP_STATUS_CLOSED, "closed"))

const char *
wk_enum_to_string (GType enum_type,
                   int   value)
{
  GEnumClass *klass;
  GEnumValue *ev;
  const char *nick = NULL;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  /* Static enum classes are never freed once referenced, so the nick
   * stays valid after the unref. */
  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value (klass, value);
  if (ev != NULL && ev->value_nick[0] != '\0')
    nick = ev->value_nick;
  g_type_class_unref (klass);

  return nick;
}

gboolean
wk_enum_from_string (GType       enum_type,
                     const char *str,
                     int        *value)
{
  GEnumClass *klass;
  GEnumValue *ev;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (str == NULL || str[0] == '\0')
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, str);
  if (ev != NULL && value != NULL)
    *value = ev->value;
  g_type_class_unref (klass);

  return ev != NULL;
}

#define WK_DEFINE_ENUM_STRINGS(TypeName, type_name, TYPE)                      \
  const char *                                                                 \
  type_name##_to_string (TypeName value)                                       \
  {                                                                            \
    return wk_enum_to_string (TYPE, (int) value);                              \
  }                                                                            \
                                                                               \
  gboolean                                                                     \
  type_name##_from_string (const char *str,                                    \
                           TypeName   *value)                                  \
  {                                                                            \
    int v;                                                                     \
                                                                               \
    if (!wk_enum_from_string (TYPE, str, &v))                                  \
      return FALSE;                                                            \
    if (value != NULL)                                                         \
      *value = (TypeName) v;                                                   \
    return TRUE;                                                               \
  }

WK_DEFINE_ENUM_STRINGS (WkRole, wk_role, WK_TYPE_ROLE)
WK_DEFINE_ENUM_STRINGS (WkTicketStatus, wk_ticket_status, WK_TYPE_TICKET_STATUS)
WK_DEFINE_ENUM_STRINGS (WkVisitStatus, wk_visit_status, WK_TYPE_VISIT_STATUS)
WK_DEFINE_ENUM_STRINGS (WkIdentifiedBy, wk_identified_by, WK_TYPE_IDENTIFIED_BY)
WK_DEFINE_ENUM_STRINGS (WkOutcome, wk_outcome, WK_TYPE_OUTCOME)
WK_DEFINE_ENUM_STRINGS (WkHardwareStatus, wk_hardware_status, WK_TYPE_HARDWARE_STATUS)
WK_DEFINE_ENUM_STRINGS (WkNoteVisibility, wk_note_visibility, WK_TYPE_NOTE_VISIBILITY)
WK_DEFINE_ENUM_STRINGS (WkSurveyResolved, wk_survey_resolved, WK_TYPE_SURVEY_RESOLVED)
WK_DEFINE_ENUM_STRINGS (WkFollowupStatus, wk_followup_status, WK_TYPE_FOLLOWUP_STATUS)
