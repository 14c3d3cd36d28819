/* wk-person.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-person"

#include "config.h"

#include "wk-person.h"

struct _WkPerson
{
  GObject parent_instance;

  gint64 id;
  char *badge_id;
  char *email;
  char *employee_no;
  char *username;
  char *display_name;
  char *preferred_name;
  char *language;
  char *department;
  char *location;
  WkRole role;
  gint64 created_at;
  gint64 updated_at;
};

G_DEFINE_FINAL_TYPE (WkPerson, wk_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BADGE_ID,
  PROP_EMAIL,
  PROP_EMPLOYEE_NO,
  PROP_USERNAME,
  PROP_DISPLAY_NAME,
  PROP_PREFERRED_NAME,
  PROP_LANGUAGE,
  PROP_DEPARTMENT,
  PROP_LOCATION,
  PROP_ROLE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wk_person_finalize (GObject *object)
{
  WkPerson *self = (WkPerson *) object;

  g_clear_pointer (&self->badge_id, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->employee_no, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->preferred_name, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->department, g_free);
  g_clear_pointer (&self->location, g_free);

  G_OBJECT_CLASS (wk_person_parent_class)->finalize (object);
}

static void
wk_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  WkPerson *self = WK_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_BADGE_ID:
      g_value_set_string (value, self->badge_id);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_EMPLOYEE_NO:
      g_value_set_string (value, self->employee_no);
      break;

    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_PREFERRED_NAME:
      g_value_set_string (value, self->preferred_name);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_DEPARTMENT:
      g_value_set_string (value, self->department);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  WkPerson *self = WK_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_BADGE_ID:
      self->badge_id = g_value_dup_string (value);
      break;

    case PROP_EMAIL:
      self->email = g_value_dup_string (value);
      break;

    case PROP_EMPLOYEE_NO:
      self->employee_no = g_value_dup_string (value);
      break;

    case PROP_USERNAME:
      self->username = g_value_dup_string (value);
      break;

    case PROP_DISPLAY_NAME:
      self->display_name = g_value_dup_string (value);
      break;

    case PROP_PREFERRED_NAME:
      self->preferred_name = g_value_dup_string (value);
      break;

    case PROP_LANGUAGE:
      self->language = g_value_dup_string (value);
      break;

    case PROP_DEPARTMENT:
      self->department = g_value_dup_string (value);
      break;

    case PROP_LOCATION:
      self->location = g_value_dup_string (value);
      break;

    case PROP_ROLE:
      self->role = g_value_get_enum (value);
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_get_int64 (value);
      break;

    case PROP_UPDATED_AT:
      self->updated_at = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_person_class_init (WkPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wk_person_finalize;
  object_class->get_property = wk_person_get_property;
  object_class->set_property = wk_person_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BADGE_ID] =
    g_param_spec_string ("badge-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMPLOYEE_NO] =
    g_param_spec_string ("employee-no", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PREFERRED_NAME] =
    g_param_spec_string ("preferred-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DEPARTMENT] =
    g_param_spec_string ("department", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       WK_TYPE_ROLE, WK_ROLE_VISITOR,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_person_init (WkPerson *self)
{
}

gint64
wk_person_get_id (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), 0);

  return self->id;
}

const char *
wk_person_get_badge_id (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), NULL);

  return self->badge_id;
}

const char *
wk_person_get_email (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), NULL);

  return self->email;
}

const char *
wk_person_get_employee_no (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), NULL);

  return self->employee_no;
}

const char *
wk_person_get_username (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), NULL);

  return self->username;
}

const char *
wk_person_get_display_name (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), NULL);

  return self->display_name;
}

const char *
wk_person_get_preferred_name (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), NULL);

  return self->preferred_name;
}

const char *
wk_person_get_language (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), NULL);

  return self->language;
}

const char *
wk_person_get_department (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), NULL);

  return self->department;
}

const char *
wk_person_get_location (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), NULL);

  return self->location;
}

WkRole
wk_person_get_role (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), 0);

  return self->role;
}

gint64
wk_person_get_created_at (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), 0);

  return self->created_at;
}

gint64
wk_person_get_updated_at (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), 0);

  return self->updated_at;
}

const char *
wk_person_get_greeting_name (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), NULL);

  if (self->preferred_name != NULL && self->preferred_name[0] != '\0')
    return self->preferred_name;
  return self->display_name;
}

char *
wk_name_dup_initials (const char *name)
{
  g_autoptr(GString) initials = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  guint n;

  if (name == NULL)
    return g_strdup ("");

  words = g_strsplit_set (name, " \t-", -1);
  n = g_strv_length (words);
  for (guint i = 0; i < n && initials->len < 16; i++)
    {
      gunichar c;

      if (words[i][0] == '\0' || !g_utf8_validate (words[i], -1, NULL))
        continue;
      /* first word and last word only */
      if (i != 0 && i != n - 1)
        continue;
      c = g_unichar_toupper (g_utf8_get_char (words[i]));
      g_string_append_unichar (initials, c);
    }

  return g_string_free (g_steal_pointer (&initials), FALSE);
}

char *
wk_person_dup_initials (WkPerson *self)
{
  g_return_val_if_fail (WK_IS_PERSON (self), NULL);

  return wk_name_dup_initials (self->display_name);
}
