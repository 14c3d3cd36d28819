/* wk-deskside-format.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-deskside-format"

#include "config.h"

#include "wk-deskside-format.h"

#include "wk-category.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

char *
wk_deskside_format_wait (gint64 seconds)
{
  gint64 minutes = MAX (seconds, 0) / 60;

  if (minutes < 1)
    return g_strdup (_("Just now"));
  if (minutes < 60)
    /* Translators: a waiting time in minutes */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", (gulong) minutes),
                            (int) minutes);
  /* Translators: a waiting time in hours and minutes, e.g. "1 h 05 min" */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

WkWaitLevel
wk_deskside_wait_level (gint64 seconds,
                        guint  amber_minutes,
                        guint  red_minutes)
{
  if (seconds >= (gint64) red_minutes * 60)
    return WK_WAIT_LEVEL_RED;
  if (seconds >= (gint64) amber_minutes * 60)
    return WK_WAIT_LEVEL_AMBER;
  return WK_WAIT_LEVEL_NORMAL;
}

const char *
wk_deskside_wait_style_class (WkWaitLevel level)
{
  switch (level)
    {
    case WK_WAIT_LEVEL_AMBER:
      return "wait-amber";
    case WK_WAIT_LEVEL_RED:
      return "wait-red";
    case WK_WAIT_LEVEL_NORMAL:
    default:
      return "wait-normal";
    }
}

const char *
wk_deskside_ticket_status_label (WkTicketStatus status)
{
  switch (status)
    {
    case WK_TICKET_STATUS_NEW:
      return C_("ticket status", "New");
    case WK_TICKET_STATUS_OPEN:
      return C_("ticket status", "Open");
    case WK_TICKET_STATUS_PENDING:
      return C_("ticket status", "Pending");
    case WK_TICKET_STATUS_RESOLVED:
      return C_("ticket status", "Resolved");
    case WK_TICKET_STATUS_CLOSED:
      return C_("ticket status", "Closed");
    default:
      return "";
    }
}

const char *
wk_deskside_visit_status_label (WkVisitStatus status)
{
  switch (status)
    {
    case WK_VISIT_STATUS_WAITING:
      return C_("visit status", "Waiting");
    case WK_VISIT_STATUS_CALLED:
      return C_("visit status", "Called");
    case WK_VISIT_STATUS_IN_SERVICE:
      return C_("visit status", "In service");
    case WK_VISIT_STATUS_DONE:
      return C_("visit status", "Done");
    case WK_VISIT_STATUS_LEFT:
      return C_("visit status", "Left");
    case WK_VISIT_STATUS_CANCELLED:
      return C_("visit status", "Cancelled");
    default:
      return "";
    }
}

const char *
wk_deskside_outcome_label (WkOutcome outcome)
{
  switch (outcome)
    {
    case WK_OUTCOME_RESOLVED_FIRST_CONTACT:
      return _("Fixed at first contact");
    case WK_OUTCOME_WORKAROUND:
      return _("Workaround");
    case WK_OUTCOME_FOLLOW_UP:
      return _("Follow-up needed");
    case WK_OUTCOME_NONE:
    default:
      return "";
    }
}

const char *
wk_deskside_hardware_status_label (WkHardwareStatus status)
{
  switch (status)
    {
    case WK_HARDWARE_STATUS_PREPARING:
      return C_("hardware status", "Preparing");
    case WK_HARDWARE_STATUS_READY:
      return C_("hardware status", "Ready");
    case WK_HARDWARE_STATUS_COLLECTED:
      return C_("hardware status", "Collected");
    case WK_HARDWARE_STATUS_CANCELLED:
      return C_("hardware status", "Cancelled");
    default:
      return "";
    }
}

const char *
wk_deskside_category_label (const char *id)
{
  const WkCategory *category = wk_category_lookup (id);

  return category != NULL ? wk_category_get_name (category) : (id != NULL ? id : "");
}

const char *
wk_deskside_upstream_label (const char *system)
{
  if (system == NULL || g_strcmp0 (system, "rt5") == 0)
    return _("Request Tracker");
  return system;
}

/* A conflict value as people read it; "" (none) as "nothing". */
static const char *
conflict_value (const char *field,
                const char *value)
{
  int status;

  if (value == NULL || *value == '\0')
    /* Translators: an empty value in a conflict: no assignee, no category */
    return g_strcmp0 (field, "assignee") == 0 ? _("Unassigned") : _("nothing");
  if (g_strcmp0 (field, "status") == 0 && wk_enum_from_string (WK_TYPE_TICKET_STATUS, value, &status))
    return wk_deskside_ticket_status_label (status);
  if (g_strcmp0 (field, "category") == 0)
    return wk_deskside_category_label (value);
  return value;
}

static const char *
conflict_field_label (const char *field)
{
  if (g_strcmp0 (field, "subject") == 0)
    return _("Subject");
  if (g_strcmp0 (field, "status") == 0)
    return _("Status");
  if (g_strcmp0 (field, "assignee") == 0)
    return _("Assignee");
  if (g_strcmp0 (field, "category") == 0)
    return _("Category");
  return field;
}

/* The @i-th item of @strv, or NULL past its end (the codec and the store
 * give an empty list for one empty value). */
static const char *
nth (const char * const *strv,
     guint               i)
{
  for (guint j = 0; strv != NULL && strv[j] != NULL; j++)
    if (j == i)
      return strv[j];
  return NULL;
}

char *
wk_deskside_conflict_details (WkTicket *ticket)
{
  const char * const *fields = wk_ticket_get_upstream_conflict_fields (ticket);
  const char *system = wk_deskside_upstream_label (wk_ticket_get_upstream_system (ticket));
  g_autoptr(GString) text = NULL;

  if (wk_ticket_get_upstream_conflict_id (ticket) <= 0 || fields == NULL || fields[0] == NULL)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      /* Translators: a field (Status), a ticketing system (Request Tracker), the
       * value it has there, and the value of our edit it did not take */
      g_string_append_printf (text, _("%s: %s has “%s”; your “%s” was not applied."),
                              conflict_field_label (fields[i]), system,
                              conflict_value (fields[i], nth (wk_ticket_get_upstream_conflict_theirs (ticket), i)),
                              conflict_value (fields[i], nth (wk_ticket_get_upstream_conflict_ours (ticket), i)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
wk_deskside_format_location (guint locker)
{
  if (locker == 0)
    return g_strdup ("counter");
  return g_strdup_printf ("locker %u", locker);
}

char *
wk_deskside_location_label (const char *location)
{
  if (location == NULL || *location == '\0')
    return g_strdup ("");
  if (g_str_equal (location, "counter"))
    return g_strdup (_("Counter"));
  if (g_str_has_prefix (location, "locker "))
    /* Translators: %s is the locker's number */
    return g_strdup_printf (_("Locker %s"), location + strlen ("locker "));
  return g_strdup (location);
}

gboolean
wk_deskside_parse_ready_by (const char *text,
                            gint64      now,
                            gint64     *ready_by)
{
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *trimmed = NULL;
  char *end = NULL;
  long hours, minutes;

  g_return_val_if_fail (ready_by != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*trimmed == '\0')
    {
      *ready_by = 0;
      return TRUE;
    }

  parts = g_strsplit (trimmed, ":", -1);
  if (g_strv_length (parts) != 2)
    return FALSE;
  hours = strtol (g_strstrip (parts[0]), &end, 10);
  if (end == parts[0] || *end != '\0' || hours < 0 || hours > 23)
    return FALSE;
  minutes = strtol (g_strstrip (parts[1]), &end, 10);
  if (end == parts[1] || *end != '\0' || minutes < 0 || minutes > 59)
    return FALSE;

  today = g_date_time_new_from_unix_local (now);
  at = g_date_time_new_local (g_date_time_get_year (today),
                              g_date_time_get_month (today),
                              g_date_time_get_day_of_month (today),
                              (int) hours, (int) minutes, 0);
  if (at == NULL)
    return FALSE;
  *ready_by = g_date_time_to_unix (at);
  return TRUE;
}

gint64
wk_deskside_payload_get_int (const char *payload,
                             const char *member)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *node;

  if (payload == NULL || *payload == '\0')
    return 0;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, payload, -1, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;
  object = json_node_get_object (root);
  node = json_object_get_member (object, member);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}
