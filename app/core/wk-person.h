/* wk-person.h — someone the lounge serves or who works there
 *
 * An immutable value: every property is construct-only.  Id, time and
 * count properties are 0 when unknown unless documented otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wk-enums.h"

G_BEGIN_DECLS

#define WK_TYPE_PERSON (wk_person_get_type ())
G_DECLARE_FINAL_TYPE (WkPerson, wk_person, WK, PERSON, GObject)

/* row id (the primary key) */
gint64 wk_person_get_id (WkPerson *self);
/* what the badge reader types, or NULL */
const char *wk_person_get_badge_id (WkPerson *self);
/* work email, or NULL */
const char *wk_person_get_email (WkPerson *self);
/* employee number, or NULL */
const char *wk_person_get_employee_no (WkPerson *self);
/* staff sign-in name, or NULL */
const char *wk_person_get_username (WkPerson *self);
/* full name as the directory has it */
const char *wk_person_get_display_name (WkPerson *self);
/* what they like to be called, or NULL */
const char *wk_person_get_preferred_name (WkPerson *self);
/* preferred language (BCP 47), or NULL */
const char *wk_person_get_language (WkPerson *self);
/* department, or NULL */
const char *wk_person_get_department (WkPerson *self);
/* office location, or NULL */
const char *wk_person_get_location (WkPerson *self);
/* visitor or staff role */
WkRole wk_person_get_role (WkPerson *self);
/* unix seconds */
gint64 wk_person_get_created_at (WkPerson *self);
/* unix seconds */
gint64 wk_person_get_updated_at (WkPerson *self);

/* The preferred name when there is one, else the display name. */
const char *wk_person_get_greeting_name (WkPerson *self);
/* Up to two initials of the display name ("Priya Sharma" → "PS"). */
char       *wk_person_dup_initials      (WkPerson *self);
/* Initials of any name, as shown on the board. */
char       *wk_name_dup_initials        (const char *name);

G_END_DECLS
