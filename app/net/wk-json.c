/* wk-json.c
 *
 * Domain objects are immutable GObjects with construct-only properties, so
 * one property-driven walker writes and reads all of them; a small table
 * says which members are required and what a list property holds.
 * Requests are plain structs and have a function each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-json"

#include "config.h"

#include "wk-json.h"

#include "wk-announcement.h"
#include "wk-enums.h"
#include "wk-error.h"
#include "wk-event.h"
#include "wk-hardware.h"
#include "wk-identity.h"
#include "wk-lounge.h"
#include "wk-note.h"
#include "wk-person.h"
#include "wk-session.h"
#include "wk-survey.h"
#include "wk-ticket.h"
#include "wk-validate.h"
#include "wk-visit.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* ---- documents ----------------------------------------------------------- */

JsonNode *
wk_json_parse (const char  *data,
               gssize       length,
               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (data);

  /* RFC 8259: JSON text is UTF-8; an embedded NUL is no JSON either */
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                           _("The request body is not valid UTF-8 JSON"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE,
                           _("The request body is empty"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, WK_ERROR, WK_ERROR_INVALID,
                           _("The request body must be a JSON object"));
      return NULL;
    }
  return json_node_ref (root);
}

char *
wk_json_to_string (JsonNode *node,
                   gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (node != NULL, NULL);

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, length);
}

JsonNode *
wk_json_error_new (const char *code,
                   const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code != NULL ? code : "failed");
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message != NULL ? message : "");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
wk_json_read_error (JsonNode  *node,
                    GError   **error)
{
  JsonObject *object;
  JsonNode *inner;
  const char *code;
  const char *message;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  object = json_node_get_object (node);
  inner = json_object_get_member (object, "error");
  if (inner == NULL || !JSON_NODE_HOLDS_OBJECT (inner))
    return FALSE;
  object = json_node_get_object (inner);
  code = json_object_get_string_member_with_default (object, "code", "failed");
  message = json_object_get_string_member_with_default (object, "message", "");
  if (code == NULL || message == NULL)
    return FALSE;

  g_set_error_literal (error, WK_ERROR, wk_error_from_code (code), message);
  return TRUE;
}

/* ---- member readers ------------------------------------------------------ */

static JsonObject *
object_of (JsonNode    *node,
           const char  *what,
           GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Translators: %s names a JSON member or document, e.g. “person” */
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be an object"), what);
      return NULL;
    }
  return json_node_get_object (node);
}

/* NULL for absent and null */
static JsonNode *
member_of (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
missing (const char  *member,
         GError     **error)
{
  /* Translators: %s is a JSON member name, e.g. “uuid” */
  g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” is missing"), member);
  return FALSE;
}

static gboolean
check_text (const char  *member,
            const char  *text,
            gsize        max_chars,
            GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” is not valid UTF-8"), member);
      return FALSE;
    }
  if (max_chars > 0 && strlen (text) > max_chars && g_utf8_strlen (text, -1) > (glong) max_chars)
    {
      g_autofree char *limit = g_strdup_printf ("%" G_GSIZE_FORMAT, max_chars);

      /* Translators: the first %s is a JSON member name, the second a number */
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” is too long (at most %s characters)"),
                   member, limit);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_string (JsonObject  *object,
             const char  *member,
             gboolean     required,
             gsize        max_chars,
             char       **value,
             GError     **error)
{
  JsonNode *node = member_of (object, member);
  const char *text;

  *value = NULL;
  if (node == NULL)
    return required ? missing (member, error) : TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be a string"), member);
      return FALSE;
    }
  text = json_node_get_string (node);
  if (!check_text (member, text, max_chars, error))
    return FALSE;
  *value = g_strdup (text);
  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *member,
          gboolean     required,
          gint64       min,
          gint64       max,
          gint64      *value,
          GError     **error)
{
  JsonNode *node = member_of (object, member);
  gint64 v;

  if (node == NULL)
    return required ? missing (member, error) : TRUE;
  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be a whole number"), member);
      return FALSE;
    }
  v = json_node_get_int (node);
  if (v < min || v > max)
    {
      g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      /* Translators: the first %s is a JSON member name, then two numbers */
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be between %s and %s"),
                   member, lo, hi);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

static gboolean
read_double (JsonObject  *object,
             const char  *member,
             double      *value,
             GError     **error)
{
  JsonNode *node = member_of (object, member);
  GType type;

  if (node == NULL)
    return missing (member, error);
  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be a number"), member);
      return FALSE;
    }
  *value = json_node_get_double (node);
  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *member,
           gboolean     required,
           gboolean    *value,
           GError     **error)
{
  JsonNode *node = member_of (object, member);

  if (node == NULL)
    return required ? missing (member, error) : TRUE;
  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be true or false"), member);
      return FALSE;
    }
  *value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_enum (JsonObject  *object,
           const char  *member,
           GType        enum_type,
           gboolean     required,
           int         *value,
           GError     **error)
{
  JsonNode *node = member_of (object, member);
  const char *text;

  if (node == NULL)
    return required ? missing (member, error) : TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be a string"), member);
      return FALSE;
    }
  text = json_node_get_string (node);
  if (!wk_enum_from_string (enum_type, text, value))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint i = 0; i < klass->n_values; i++)
        if (klass->values[i].value_nick[0] != '\0' &&
            wk_enum_to_string (enum_type, klass->values[i].value) != NULL)
          g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "",
                                  klass->values[i].value_nick);
      /* Translators: the first %s is a JSON member name, the second a list
       * of the values it may take */
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be one of: %s"),
                   member, known->str);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_strv (JsonObject  *object,
           const char  *member,
           guint        max_items,
           gsize        max_chars,
           GStrv       *value,
           GError     **error)
{
  JsonNode *node = member_of (object, member);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint n;

  *value = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be a list of strings"), member);
      return FALSE;
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > max_items)
    {
      g_autofree char *limit = g_strdup_printf ("%u", max_items);

      /* Translators: the first %s is a JSON member name, the second a number */
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” has too many items (at most %s)"),
                   member, limit);
      return FALSE;
    }
  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (json_node_get_value_type (item) != G_TYPE_STRING)
        {
          g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be a list of strings"), member);
          return FALSE;
        }
      if (!check_text (member, json_node_get_string (item), max_chars, error))
        return FALSE;
      g_strv_builder_add (builder, json_node_get_string (item));
    }
  *value = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
wk_json_check_members (JsonNode            *node,
                       const char * const  *allowed,
                       GError             **error)
{
  JsonObject *object = object_of (node, "body", error);
  JsonObjectIter iter;
  const char *name;

  if (object == NULL)
    return FALSE;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, NULL))
    if (allowed == NULL || !g_strv_contains (allowed, name))
      {
        g_autofree char *shown = g_utf8_make_valid (name, MIN (strlen (name), 64));

        /* Translators: %s is a JSON member name the hub does not know */
        g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("Unknown member “%s”"), shown);
        return FALSE;
      }
  return TRUE;
}

gboolean
wk_json_get_int (JsonNode     *node,
                 const char   *member,
                 gboolean      required,
                 gint64        min,
                 gint64        max,
                 gint64       *value,
                 GError      **error)
{
  JsonObject *object = object_of (node, "body", error);

  return object != NULL && read_int (object, member, required, min, max, value, error);
}

gboolean
wk_json_get_string (JsonNode     *node,
                    const char   *member,
                    gboolean      required,
                    gsize         max_chars,
                    char        **value,
                    GError      **error)
{
  JsonObject *object = object_of (node, "body", error);

  *value = NULL;
  return object != NULL && read_string (object, member, required, max_chars, value, error);
}

gboolean
wk_json_get_enum (JsonNode     *node,
                  const char   *member,
                  GType         enum_type,
                  gboolean      required,
                  int          *value,
                  GError      **error)
{
  JsonObject *object = object_of (node, "body", error);

  return object != NULL && read_enum (object, member, enum_type, required, value, error);
}

/* ---- domain objects ------------------------------------------------------ */

typedef struct {
  GType       (*get_type) (void);
  const char   *required;    /* space-separated member names */
  const char   *list_member; /* a GListModel property … */
  GType       (*list_item) (void);  /* … and its item type */
  const char   *list_member2;
  GType       (*list_item2) (void);
} TypeInfo;

static const TypeInfo type_infos[] = {
  { wk_person_get_type, "id display_name role", NULL, NULL, NULL, NULL },
  { wk_ticket_get_type, "id ref subject status version", "notes", wk_note_get_type, NULL, NULL },
  { wk_note_get_type, "id ticket_id body visibility", NULL, NULL, NULL, NULL },
  { wk_visit_get_type, "id uuid lounge_id status identified_by version", NULL, NULL, NULL, NULL },
  { wk_hardware_get_type, "id person_id description status version", NULL, NULL, NULL, NULL },
  { wk_survey_get_type, "id uuid score", NULL, NULL, NULL, NULL },
  { wk_announcement_get_type, "id title", NULL, NULL, NULL, NULL },
  { wk_event_get_type, "id at kind entity", NULL, NULL, NULL, NULL },
  { wk_lounge_get_type, "id name", NULL, NULL, NULL, NULL },
  { wk_identity_get_type, "identified_by", "tickets", wk_ticket_get_type,
    "hardware", wk_hardware_get_type },
  { wk_session_get_type, "person role token", NULL, NULL, NULL, NULL },
};

static const TypeInfo *
type_info_for (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_infos); i++)
    if (type_infos[i].get_type () == type)
      return &type_infos[i];
  return NULL;
}

static GType
list_item_type (const TypeInfo *info,
                const char     *member)
{
  if (info->list_member != NULL && strcmp (info->list_member, member) == 0)
    return info->list_item ();
  if (info->list_member2 != NULL && strcmp (info->list_member2, member) == 0)
    return info->list_item2 ();
  return G_TYPE_INVALID;
}

static gboolean
is_required (const TypeInfo *info,
             const char     *member)
{
  g_auto(GStrv) names = g_strsplit (info->required, " ", -1);

  return g_strv_contains ((const char * const *) names, member);
}

static char *
member_name (GParamSpec *pspec)
{
  char *name = g_strdup (pspec->name);

  g_strdelimit (name, "-", '_');
  return name;
}

/* A type's properties and their member names, listed once per type: the
 * hub answers every request with them, and listing a class's properties
 * walks every property of every type. */
typedef struct {
  guint        n;
  GParamSpec **pspecs;   /* owned array; the class (kept) owns the specs */
  char       **names;    /* owned */
} Members;

static const Members *
members_of (GType type)
{
  static GQuark quark;
  G_LOCK_DEFINE_STATIC (members);
  Members *members;

  G_LOCK (members);
  if (quark == 0)
    quark = g_quark_from_static_string ("wk-json-members");
  members = g_type_get_qdata (type, quark);
  if (members == NULL)
    {
      /* kept for the program's life, like the static type itself */
      GObjectClass *klass = g_type_class_ref (type);

      members = g_new0 (Members, 1);
      members->pspecs = g_object_class_list_properties (klass, &members->n);
      members->names = g_new0 (char *, members->n + 1);
      for (guint i = 0; i < members->n; i++)
        members->names[i] = member_name (members->pspecs[i]);
      g_type_set_qdata (type, quark, members);
    }
  G_UNLOCK (members);
  return members;
}

static void
add_value (JsonBuilder *builder,
           GObject     *object,
           GParamSpec  *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  g_object_get_property (object, pspec->name, &value);

  if (type == G_TYPE_INT64)
    json_builder_add_int_value (builder, g_value_get_int64 (&value));
  else if (type == G_TYPE_INT)
    json_builder_add_int_value (builder, g_value_get_int (&value));
  else if (type == G_TYPE_UINT)
    json_builder_add_int_value (builder, g_value_get_uint (&value));
  else if (type == G_TYPE_BOOLEAN)
    json_builder_add_boolean_value (builder, g_value_get_boolean (&value));
  else if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (&value);

      if (text != NULL)
        json_builder_add_string_value (builder, text);
      else
        json_builder_add_null_value (builder);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      const char *nick = wk_enum_to_string (type, g_value_get_enum (&value));

      if (nick != NULL)
        json_builder_add_string_value (builder, nick);
      else
        json_builder_add_null_value (builder);
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (&value);

      json_builder_begin_array (builder);
      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        json_builder_add_string_value (builder, strv[i]);
      json_builder_end_array (builder);
    }
  else if (type == G_TYPE_LIST_MODEL)
    {
      GListModel *list = g_value_get_object (&value);

      if (list != NULL)
        json_builder_add_value (builder, wk_json_from_list (list));
      else
        json_builder_add_null_value (builder);
    }
  else if (G_TYPE_IS_OBJECT (type))
    {
      GObject *child = g_value_get_object (&value);

      if (child != NULL)
        json_builder_add_value (builder, wk_json_from_object (child));
      else
        json_builder_add_null_value (builder);
    }
  else
    g_return_if_reached ();
}

JsonNode *
wk_json_from_object (gpointer object)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const Members *members;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);
  g_return_val_if_fail (type_info_for (G_OBJECT_TYPE (object)) != NULL, NULL);

  members = members_of (G_OBJECT_TYPE (object));
  json_builder_begin_object (builder);
  for (guint i = 0; i < members->n; i++)
    {
      if ((members->pspecs[i]->flags & G_PARAM_READABLE) == 0)
        continue;
      json_builder_set_member_name (builder, members->names[i]);
      add_value (builder, object, members->pspecs[i]);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
wk_json_from_list (GListModel *list)
{
  JsonArray *array;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (list), NULL);

  n = g_list_model_get_n_items (list);
  array = json_array_sized_new (n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      json_array_add_element (array, wk_json_from_object (item));
    }
  return json_node_init_array (json_node_alloc (), array);
}

static gboolean read_member (const TypeInfo *info,
                             JsonObject     *object,
                             GParamSpec     *pspec,
                             const char     *name,
                             GValue         *value,
                             GError        **error);

gpointer
wk_json_to_object (JsonNode  *node,
                   GType      type,
                   GError   **error)
{
  const TypeInfo *info = type_info_for (type);
  const Members *members;
  g_autofree const char **names = NULL;
  GValue *values;
  JsonObject *object;
  guint n = 0;
  gpointer result = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (info != NULL, NULL);

  object = object_of (node, g_type_name (type) + 2, error);
  if (object == NULL)
    return NULL;

  members = members_of (type);
  names = g_new0 (const char *, members->n);
  values = g_new0 (GValue, members->n);

  for (guint i = 0; i < members->n && ok; i++)
    {
      GParamSpec *pspec = members->pspecs[i];
      const char *name = members->names[i];
      JsonNode *member;

      if ((pspec->flags & G_PARAM_WRITABLE) == 0)
        continue;
      member = member_of (object, name);
      if (member == NULL)
        {
          if (is_required (info, name))
            ok = missing (name, error);
          continue;
        }
      g_value_init (&values[n], G_PARAM_SPEC_VALUE_TYPE (pspec));
      ok = read_member (info, object, pspec, name, &values[n], error);
      names[n++] = pspec->name;
    }

  if (ok)
    result = g_object_new_with_properties (type, n, names, values);

  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  g_free (values);
  return result;
}

static gboolean
read_member (const TypeInfo *info,
             JsonObject     *object,
             GParamSpec     *pspec,
             const char     *name,
             GValue         *value,
             GError        **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_INT64)
    {
      GParamSpecInt64 *spec = G_PARAM_SPEC_INT64 (pspec);
      gint64 v = 0;

      if (!read_int (object, name, TRUE, spec->minimum, spec->maximum, &v, error))
        return FALSE;
      g_value_set_int64 (value, v);
    }
  else if (type == G_TYPE_INT)
    {
      GParamSpecInt *spec = G_PARAM_SPEC_INT (pspec);
      gint64 v = 0;

      if (!read_int (object, name, TRUE, spec->minimum, spec->maximum, &v, error))
        return FALSE;
      g_value_set_int (value, (int) v);
    }
  else if (type == G_TYPE_UINT)
    {
      GParamSpecUInt *spec = G_PARAM_SPEC_UINT (pspec);
      gint64 v = 0;

      if (!read_int (object, name, TRUE, spec->minimum, spec->maximum, &v, error))
        return FALSE;
      g_value_set_uint (value, (guint) v);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      gboolean v = FALSE;

      if (!read_bool (object, name, TRUE, &v, error))
        return FALSE;
      g_value_set_boolean (value, v);
    }
  else if (type == G_TYPE_STRING)
    {
      char *v = NULL;

      if (!read_string (object, name, TRUE, WK_JSON_MAX_TEXT, &v, error))
        return FALSE;
      g_value_take_string (value, v);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      int v = 0;

      if (!read_enum (object, name, type, TRUE, &v, error))
        return FALSE;
      g_value_set_enum (value, v);
    }
  else if (type == G_TYPE_STRV)
    {
      GStrv v = NULL;

      if (!read_strv (object, name, WK_JSON_MAX_ITEMS, WK_JSON_MAX_TEXT, &v, error))
        return FALSE;
      g_value_take_boxed (value, v);
    }
  else if (type == G_TYPE_LIST_MODEL)
    {
      GType item_type = list_item_type (info, name);
      GListModel *list;

      g_return_val_if_fail (item_type != G_TYPE_INVALID, FALSE);
      list = wk_json_to_list (json_object_get_member (object, name), item_type, error);
      if (list == NULL)
        return FALSE;
      g_value_take_object (value, list);
    }
  else if (G_TYPE_IS_OBJECT (type))
    {
      gpointer child = wk_json_to_object (json_object_get_member (object, name), type, error);

      if (child == NULL)
        return FALSE;
      g_value_take_object (value, child);
    }
  else
    g_return_val_if_reached (FALSE);

  return TRUE;
}

GListModel *
wk_json_to_list (JsonNode  *node,
                 GType      item_type,
                 GError   **error)
{
  g_autoptr(GListStore) store = NULL;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (type_info_for (item_type) != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      /* Translators: %s names a JSON member, e.g. “tickets” */
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be a list"), "items");
      return NULL;
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > WK_JSON_MAX_ITEMS)
    {
      g_autofree char *limit = g_strdup_printf ("%u", WK_JSON_MAX_ITEMS);

      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” has too many items (at most %s)"),
                   "items", limit);
      return NULL;
    }

  store = g_list_store_new (item_type);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = wk_json_to_object (json_array_get_element (array, i),
                                                   item_type, error);

      if (item == NULL)
        return NULL;
      g_list_store_append (store, item);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* ---- requests ------------------------------------------------------------ */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
add_enum (JsonBuilder *builder,
          const char  *member,
          GType        type,
          int          value)
{
  add_string (builder, member, value >= 0 ? wk_enum_to_string (type, value) : NULL);
}

static void
add_double (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

static const char * const check_in_members[] = {
  "uuid", "lounge_id", "person_id", "identified_by", "guest_name", "guest_email", "ticket_id",
  "reason", "open_ticket", "subject", "kiosk", "kiosk_ms", NULL
};

JsonNode *
wk_json_from_check_in_request (const WkCheckInRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (request != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "uuid", request->uuid);
  add_int (builder, "lounge_id", request->lounge_id);
  add_int (builder, "person_id", request->person_id);
  add_enum (builder, "identified_by", WK_TYPE_IDENTIFIED_BY, request->identified_by);
  add_string (builder, "guest_name", request->guest_name);
  add_string (builder, "guest_email", request->guest_email);
  add_int (builder, "ticket_id", request->ticket_id);
  add_string (builder, "reason", request->reason);
  add_bool (builder, "open_ticket", request->open_ticket);
  add_string (builder, "subject", request->subject);
  add_string (builder, "kiosk", request->kiosk);
  add_int (builder, "kiosk_ms", request->kiosk_ms);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

WkCheckInRequest *
wk_json_to_check_in_request (JsonNode  *node,
                             GError   **error)
{
  g_autoptr(WkCheckInRequest) request = wk_check_in_request_new ();
  JsonObject *o;
  int by = WK_IDENTIFIED_BY_GUEST;

  if (!wk_json_check_members (node, check_in_members, error))
    return NULL;
  o = json_node_get_object (node);

  if (!read_string (o, "uuid", TRUE, 64, &request->uuid, error) ||
      !read_int (o, "lounge_id", TRUE, 1, G_MAXINT64, &request->lounge_id, error) ||
      !read_int (o, "person_id", FALSE, 0, G_MAXINT64, &request->person_id, error) ||
      !read_enum (o, "identified_by", WK_TYPE_IDENTIFIED_BY, TRUE, &by, error) ||
      !read_string (o, "guest_name", FALSE, WK_MAX_NAME, &request->guest_name, error) ||
      !read_string (o, "guest_email", FALSE, WK_MAX_EMAIL, &request->guest_email, error) ||
      !read_int (o, "ticket_id", FALSE, 0, G_MAXINT64, &request->ticket_id, error) ||
      !read_string (o, "reason", TRUE, 64, &request->reason, error) ||
      !read_bool (o, "open_ticket", FALSE, &request->open_ticket, error) ||
      !read_string (o, "subject", FALSE, WK_MAX_SUBJECT, &request->subject, error) ||
      !read_string (o, "kiosk", FALSE, WK_MAX_KIOSK, &request->kiosk, error) ||
      !read_int (o, "kiosk_ms", FALSE, -1, WK_MAX_KIOSK_MS, &request->kiosk_ms, error))
    return NULL;
  request->identified_by = by;
  return g_steal_pointer (&request);
}

static const char * const survey_members[] = {
  "uuid", "visit_id", "ticket_id", "lounge_id", "person_id", "score", "resolved", "tags",
  "comment", "contact_consent", "anonymous", "language", "kiosk", NULL
};

JsonNode *
wk_json_from_survey_request (const WkSurveyRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (request != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "uuid", request->uuid);
  add_int (builder, "visit_id", request->visit_id);
  add_int (builder, "ticket_id", request->ticket_id);
  add_int (builder, "lounge_id", request->lounge_id);
  add_int (builder, "person_id", request->person_id);
  add_int (builder, "score", request->score);
  add_enum (builder, "resolved", WK_TYPE_SURVEY_RESOLVED, request->resolved);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; request->tags != NULL && request->tags[i] != NULL; i++)
    json_builder_add_string_value (builder, request->tags[i]);
  json_builder_end_array (builder);
  add_string (builder, "comment", request->comment);
  add_bool (builder, "contact_consent", request->contact_consent);
  add_bool (builder, "anonymous", request->anonymous);
  add_string (builder, "language", request->language);
  add_string (builder, "kiosk", request->kiosk);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

WkSurveyRequest *
wk_json_to_survey_request (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(WkSurveyRequest) request = wk_survey_request_new ();
  JsonObject *o;
  gint64 score = 0;
  int resolved = WK_SURVEY_RESOLVED_UNKNOWN;

  if (!wk_json_check_members (node, survey_members, error))
    return NULL;
  o = json_node_get_object (node);

  if (!read_string (o, "uuid", TRUE, 64, &request->uuid, error) ||
      !read_int (o, "visit_id", FALSE, 0, G_MAXINT64, &request->visit_id, error) ||
      !read_int (o, "ticket_id", FALSE, 0, G_MAXINT64, &request->ticket_id, error) ||
      !read_int (o, "lounge_id", FALSE, 0, G_MAXINT64, &request->lounge_id, error) ||
      !read_int (o, "person_id", FALSE, 0, G_MAXINT64, &request->person_id, error) ||
      !read_int (o, "score", TRUE, 1, 5, &score, error) ||
      !read_enum (o, "resolved", WK_TYPE_SURVEY_RESOLVED, FALSE, &resolved, error) ||
      !read_strv (o, "tags", WK_MAX_TAGS, 64, &request->tags, error) ||
      !read_string (o, "comment", FALSE, WK_MAX_COMMENT, &request->comment, error) ||
      !read_bool (o, "contact_consent", FALSE, &request->contact_consent, error) ||
      !read_bool (o, "anonymous", FALSE, &request->anonymous, error) ||
      !read_string (o, "language", FALSE, WK_MAX_LANGUAGE, &request->language, error) ||
      !read_string (o, "kiosk", FALSE, WK_MAX_KIOSK, &request->kiosk, error))
    return NULL;
  request->score = (int) score;
  request->resolved = resolved;
  return g_steal_pointer (&request);
}

static const char * const ticket_update_members[] = {
  "subject", "description", "category", "status", "priority", "assignee_id", "uuid", NULL
};

JsonNode *
wk_json_from_ticket_update (const WkTicketUpdate *update)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (update != NULL, NULL);

  json_builder_begin_object (builder);
  if (update->subject != NULL)
    add_string (builder, "subject", update->subject);
  if (update->description != NULL)
    add_string (builder, "description", update->description);
  if (update->category != NULL)
    add_string (builder, "category", update->category);
  if (update->status >= 0)
    add_enum (builder, "status", WK_TYPE_TICKET_STATUS, update->status);
  if (update->priority > 0)
    add_int (builder, "priority", update->priority);
  if (update->assignee_id >= 0)
    add_int (builder, "assignee_id", update->assignee_id);
  if (update->uuid != NULL)
    add_string (builder, "uuid", update->uuid);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

WkTicketUpdate *
wk_json_to_ticket_update (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(WkTicketUpdate) update = wk_ticket_update_new ();
  JsonObject *o;
  gint64 priority = 0;
  int status = -1;

  if (!wk_json_check_members (node, ticket_update_members, error))
    return NULL;
  o = json_node_get_object (node);

  if (!read_string (o, "subject", FALSE, WK_MAX_SUBJECT, &update->subject, error) ||
      !read_string (o, "description", FALSE, WK_MAX_DESCRIPTION, &update->description, error) ||
      !read_string (o, "category", FALSE, 64, &update->category, error) ||
      !read_enum (o, "status", WK_TYPE_TICKET_STATUS, FALSE, &status, error) ||
      !read_int (o, "priority", FALSE, 1, 5, &priority, error) ||
      !read_string (o, "uuid", FALSE, 64, &update->uuid, error))
    return NULL;
  update->status = status;
  update->priority = (int) priority;

  /* null and 0 unassign; absent keeps */
  if (json_object_has_member (o, "assignee_id"))
    {
      update->assignee_id = 0;
      if (!read_int (o, "assignee_id", FALSE, 0, G_MAXINT64, &update->assignee_id, error))
        return NULL;
    }
  return g_steal_pointer (&update);
}

static const char * const feedback_members[] = {
  "from", "to", "lounge_id", "engineer_id", "max_score", "followup_status", "with_comment_only",
  "tag", "limit", "offset", NULL
};

JsonNode *
wk_json_from_feedback_query (const WkFeedbackQuery *query)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (query != NULL, NULL);

  json_builder_begin_object (builder);
  add_int (builder, "from", query->from);
  add_int (builder, "to", query->to);
  add_int (builder, "lounge_id", query->lounge_id);
  add_int (builder, "engineer_id", query->engineer_id);
  add_int (builder, "max_score", query->max_score);
  add_enum (builder, "followup_status", WK_TYPE_FOLLOWUP_STATUS, query->followup_status);
  add_bool (builder, "with_comment_only", query->with_comment_only);
  add_string (builder, "tag", query->tag);
  add_int (builder, "limit", query->limit);
  add_int (builder, "offset", query->offset);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

WkFeedbackQuery *
wk_json_to_feedback_query (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(WkFeedbackQuery) query = wk_feedback_query_new ();
  JsonObject *o;
  gint64 max_score = 0, limit = 0, offset = 0;
  int followup = -1;

  if (!wk_json_check_members (node, feedback_members, error))
    return NULL;
  o = json_node_get_object (node);

  if (!read_int (o, "from", FALSE, 0, G_MAXINT64, &query->from, error) ||
      !read_int (o, "to", FALSE, 0, G_MAXINT64, &query->to, error) ||
      !read_int (o, "lounge_id", FALSE, 0, G_MAXINT64, &query->lounge_id, error) ||
      !read_int (o, "engineer_id", FALSE, 0, G_MAXINT64, &query->engineer_id, error) ||
      !read_int (o, "max_score", FALSE, 0, 5, &max_score, error) ||
      !read_enum (o, "followup_status", WK_TYPE_FOLLOWUP_STATUS, FALSE, &followup, error) ||
      !read_bool (o, "with_comment_only", FALSE, &query->with_comment_only, error) ||
      !read_string (o, "tag", FALSE, 64, &query->tag, error) ||
      !read_int (o, "limit", FALSE, 0, 1000, &limit, error) ||
      !read_int (o, "offset", FALSE, 0, G_MAXUINT, &offset, error))
    return NULL;
  query->max_score = (int) max_score;
  query->followup_status = followup;
  query->limit = (guint) limit;
  query->offset = (guint) offset;
  return g_steal_pointer (&query);
}

static const char * const metrics_query_members[] = {
  "from", "to", "lounge_id", "engineer_id", NULL
};

static void
build_metrics_query (JsonBuilder          *builder,
                     const WkMetricsQuery *query)
{
  json_builder_begin_object (builder);
  add_int (builder, "from", query->from);
  add_int (builder, "to", query->to);
  add_int (builder, "lounge_id", query->lounge_id);
  add_int (builder, "engineer_id", query->engineer_id);
  json_builder_end_object (builder);
}

JsonNode *
wk_json_from_metrics_query (const WkMetricsQuery *query)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (query != NULL, NULL);

  build_metrics_query (builder, query);
  return json_builder_get_root (builder);
}

WkMetricsQuery *
wk_json_to_metrics_query (JsonNode  *node,
                          GError   **error)
{
  g_autofree WkMetricsQuery *query = g_new0 (WkMetricsQuery, 1);
  JsonObject *o;

  if (!wk_json_check_members (node, metrics_query_members, error))
    return NULL;
  o = json_node_get_object (node);

  if (!read_int (o, "from", TRUE, 0, G_MAXINT64, &query->from, error) ||
      !read_int (o, "to", TRUE, 0, G_MAXINT64, &query->to, error) ||
      !read_int (o, "lounge_id", FALSE, 0, G_MAXINT64, &query->lounge_id, error) ||
      !read_int (o, "engineer_id", FALSE, 0, G_MAXINT64, &query->engineer_id, error))
    return NULL;
  return g_steal_pointer (&query);
}

/* ---- metrics ------------------------------------------------------------- */

/* The counts and figures of WkMetrics, by offset, in one table for both
 * directions. */
#define COUNT(field) { #field, G_STRUCT_OFFSET (WkMetrics, field) }
static const struct { const char *name; gsize offset; } metrics_counts[] = {
  COUNT (visits), COUNT (ended), COUNT (left), COUNT (finished), COUNT (resolved_first_contact),
  COUNT (answered), COUNT (serviced), COUNT (kiosk_timed), COUNT (estimated), COUNT (surveys),
  COUNT (satisfied), COUNT (collected),
};
static const struct { const char *name; gsize offset; } metrics_figures[] = {
  COUNT (csat), COUNT (fcr), COUNT (abandonment), COUNT (wait_median_s), COUNT (wait_p90_s),
  COUNT (service_median_s), COUNT (kiosk_median_ms), COUNT (collection_lag_median_s),
  COUNT (estimate_error_mean_s), COUNT (estimate_error_mean_abs_s),
};
#undef COUNT

JsonNode *
wk_json_from_metrics (const WkMetrics *metrics)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (metrics != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "query");
  build_metrics_query (builder, &metrics->query);
  for (guint i = 0; i < G_N_ELEMENTS (metrics_counts); i++)
    add_int (builder, metrics_counts[i].name,
             G_STRUCT_MEMBER (guint, metrics, metrics_counts[i].offset));
  for (guint i = 0; i < G_N_ELEMENTS (metrics_figures); i++)
    add_double (builder, metrics_figures[i].name,
                G_STRUCT_MEMBER (double, metrics, metrics_figures[i].offset));

  json_builder_set_member_name (builder, "days");
  json_builder_begin_array (builder);
  for (guint i = 0; metrics->days != NULL && i < metrics->days->len; i++)
    {
      const WkMetricsDay *day = &g_array_index (metrics->days, WkMetricsDay, i);

      json_builder_begin_object (builder);
      add_string (builder, "date", day->date);
      add_int (builder, "visits", day->visits);
      add_int (builder, "finished", day->finished);
      add_int (builder, "resolved_first_contact", day->resolved_first_contact);
      add_int (builder, "surveys", day->surveys);
      add_int (builder, "satisfied", day->satisfied);
      add_double (builder, "csat", day->csat);
      add_double (builder, "fcr", day->fcr);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "heatmap");
  json_builder_begin_array (builder);
  for (guint d = 0; d < 7; d++)
    {
      json_builder_begin_array (builder);
      for (guint h = 0; h < 24; h++)
        json_builder_add_int_value (builder, metrics->heatmap[d][h]);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; metrics->reasons != NULL && i < metrics->reasons->len; i++)
    {
      const WkMetricsReason *reason = g_ptr_array_index (metrics->reasons, i);

      json_builder_begin_object (builder);
      add_string (builder, "reason", reason->reason);
      add_int (builder, "visits", reason->visits);
      add_int (builder, "answered", reason->answered);
      add_double (builder, "wait_median_s", reason->wait_median_s);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
read_count (JsonObject  *o,
            const char  *member,
            guint       *value,
            GError     **error)
{
  gint64 v = 0;

  if (!read_int (o, member, TRUE, 0, G_MAXUINT, &v, error))
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

static JsonArray *
read_array (JsonObject  *o,
            const char  *member,
            guint        exact_length,
            GError     **error)
{
  JsonNode *node = member_of (o, member);
  JsonArray *array;

  if (node == NULL)
    {
      missing (member, error);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be a list"), member);
      return NULL;
    }
  array = json_node_get_array (node);
  if (exact_length > 0 && json_array_get_length (array) != exact_length)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be a list"), member);
      return NULL;
    }
  return array;
}

static void
metrics_reason_free (gpointer data)
{
  WkMetricsReason *reason = data;

  g_free (reason->reason);
  g_free (reason);
}

WkMetrics *
wk_json_to_metrics (JsonNode  *node,
                    GError   **error)
{
  g_autoptr(WkMetrics) metrics = g_new0 (WkMetrics, 1);
  g_autofree WkMetricsQuery *query = NULL;
  JsonObject *o;
  JsonArray *array;

  o = object_of (node, "metrics", error);
  if (o == NULL)
    return NULL;
  metrics->days = g_array_new (FALSE, TRUE, sizeof (WkMetricsDay));
  metrics->reasons = g_ptr_array_new_with_free_func (metrics_reason_free);

  query = wk_json_to_metrics_query (json_object_get_member (o, "query"), error);
  if (query == NULL)
    return NULL;
  metrics->query = *query;

  for (guint i = 0; i < G_N_ELEMENTS (metrics_counts); i++)
    if (!read_count (o, metrics_counts[i].name,
                     &G_STRUCT_MEMBER (guint, metrics, metrics_counts[i].offset), error))
      return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (metrics_figures); i++)
    if (!read_double (o, metrics_figures[i].name,
                      &G_STRUCT_MEMBER (double, metrics, metrics_figures[i].offset), error))
      return NULL;

  if ((array = read_array (o, "days", 0, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      WkMetricsDay day = { { 0 }, 0 };
      g_autofree char *date = NULL;
      JsonObject *d = object_of (json_array_get_element (array, i), "days", error);

      if (d == NULL ||
          !read_string (d, "date", TRUE, 10, &date, error) ||
          !read_count (d, "visits", &day.visits, error) ||
          !read_count (d, "finished", &day.finished, error) ||
          !read_count (d, "resolved_first_contact", &day.resolved_first_contact, error) ||
          !read_count (d, "surveys", &day.surveys, error) ||
          !read_count (d, "satisfied", &day.satisfied, error) ||
          !read_double (d, "csat", &day.csat, error) ||
          !read_double (d, "fcr", &day.fcr, error))
        return NULL;
      g_strlcpy (day.date, date, sizeof day.date);
      g_array_append_val (metrics->days, day);
    }

  if ((array = read_array (o, "heatmap", 7, error)) == NULL)
    return NULL;
  for (guint d = 0; d < 7; d++)
    {
      JsonNode *row = json_array_get_element (array, d);
      JsonArray *hours;

      if (!JSON_NODE_HOLDS_ARRAY (row) || json_array_get_length (json_node_get_array (row)) != 24)
        {
          g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be a list"), "heatmap");
          return NULL;
        }
      hours = json_node_get_array (row);
      for (guint h = 0; h < 24; h++)
        {
          JsonNode *cell = json_array_get_element (hours, h);

          if (json_node_get_value_type (cell) != G_TYPE_INT64 ||
              json_node_get_int (cell) < 0 || json_node_get_int (cell) > G_MAXUINT)
            {
              g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be a whole number"),
                           "heatmap");
              return NULL;
            }
          metrics->heatmap[d][h] = (guint) json_node_get_int (cell);
        }
    }

  if ((array = read_array (o, "reasons", 0, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree WkMetricsReason *reason = g_new0 (WkMetricsReason, 1);
      JsonObject *r = object_of (json_array_get_element (array, i), "reasons", error);

      if (r == NULL ||
          !read_string (r, "reason", TRUE, 64, &reason->reason, error) ||
          !read_count (r, "visits", &reason->visits, error) ||
          !read_count (r, "answered", &reason->answered, error) ||
          !read_double (r, "wait_median_s", &reason->wait_median_s, error))
        {
          g_free (reason->reason);
          return NULL;
        }
      g_ptr_array_add (metrics->reasons, g_steal_pointer (&reason));
    }

  return g_steal_pointer (&metrics);
}

/* ---- small request bodies ------------------------------------------------ */

JsonNode *
wk_json_body_new (void)
{
  g_autoptr(JsonObject) object = json_object_new ();

  return json_node_init_object (json_node_alloc (), object);
}

JsonNode *
wk_json_body_copy (JsonNode *node)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  g_return_val_if_fail (node != NULL && JSON_NODE_HOLDS_OBJECT (node), NULL);

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &member))
    json_object_set_member (object, name, json_node_copy (member));
  return json_node_init_object (json_node_alloc (), object);
}

void
wk_json_body_set_int (JsonNode   *body,
                      const char *member,
                      gint64      value)
{
  g_return_if_fail (body != NULL && JSON_NODE_HOLDS_OBJECT (body));
  json_object_set_int_member (json_node_get_object (body), member, value);
}

void
wk_json_body_set_string (JsonNode   *body,
                         const char *member,
                         const char *value)
{
  g_return_if_fail (body != NULL && JSON_NODE_HOLDS_OBJECT (body));
  if (value != NULL)
    json_object_set_string_member (json_node_get_object (body), member, value);
  else
    json_object_set_null_member (json_node_get_object (body), member);
}

void
wk_json_body_set_enum (JsonNode   *body,
                       const char *member,
                       GType       enum_type,
                       int         value)
{
  wk_json_body_set_string (body, member,
                           value >= 0 ? wk_enum_to_string (enum_type, value) : NULL);
}

GListModel *
wk_json_to_items (JsonNode  *node,
                  GType      item_type,
                  GError   **error)
{
  JsonObject *object = object_of (node, "list", error);
  JsonNode *items;

  if (object == NULL)
    return NULL;
  items = member_of (object, "items");
  if (items == NULL)
    {
      missing ("items", error);
      return NULL;
    }
  return wk_json_to_list (items, item_type, error);
}

/* ---- the wait estimate ----------------------------------------------------- */

JsonNode *
wk_json_from_wait_estimate (int   minutes,
                            guint people_waiting)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  add_int (builder, "minutes", minutes);
  add_int (builder, "people_waiting", people_waiting);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
wk_json_to_wait_estimate (JsonNode  *node,
                          int       *minutes,
                          guint     *people_waiting,
                          GError   **error)
{
  gint64 m = 0, p = 0;

  if (!wk_json_get_int (node, "minutes", TRUE, 0, G_MAXINT, &m, error) ||
      !wk_json_get_int (node, "people_waiting", TRUE, 0, G_MAXUINT, &p, error))
    return FALSE;
  *minutes = (int) m;
  *people_waiting = (guint) p;
  return TRUE;
}

/* ---- the event stream ------------------------------------------------------ */

JsonNode *
wk_json_stream_hello_new (gint64 cursor)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  add_string (builder, "type", "hello");
  add_int (builder, "cursor", cursor);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
wk_json_stream_event_new (WkEvent *event)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (WK_IS_EVENT (event), NULL);

  json_builder_begin_object (builder);
  add_string (builder, "type", "event");
  json_builder_set_member_name (builder, "event");
  json_builder_add_value (builder, wk_json_from_object (event));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
wk_json_read_stream_message (JsonNode  *node,
                             gint64    *cursor,
                             WkEvent  **event,
                             GError   **error)
{
  g_autofree char *type = NULL;
  JsonObject *object;
  JsonNode *member;

  *event = NULL;
  if (!wk_json_get_string (node, "type", TRUE, 16, &type, error))
    return FALSE;
  if (strcmp (type, "hello") == 0)
    return wk_json_get_int (node, "cursor", TRUE, 0, G_MAXINT64, cursor, error);
  if (strcmp (type, "event") != 0)
    {
      g_set_error (error, WK_ERROR, WK_ERROR_INVALID, _("“%s” must be one of: %s"),
                   "type", "hello, event");
      return FALSE;
    }

  object = json_node_get_object (node);
  member = member_of (object, "event");
  if (member == NULL)
    return missing ("event", error);
  *event = wk_json_to_object (member, WK_TYPE_EVENT, error);
  if (*event == NULL)
    return FALSE;
  *cursor = wk_event_get_id (*event);
  return TRUE;
}
