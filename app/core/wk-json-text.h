/* wk-json-text.h — writing small JSON objects with GLib only
 *
 * Core may not use json-glib, yet the event log stores JSON payloads.  This
 * writer appends to a GString; strings are escaped per RFC 8259 (quote,
 * backslash and every control character; invalid UTF-8 is replaced by
 * U+FFFD), so the text always parses.  Members are separated automatically.
 *
 *   g_autoptr(GString) json = g_string_new (NULL);
 *   wk_json_begin_object (json);
 *   wk_json_member_int (json, "visit_id", 42);
 *   wk_json_member_string (json, "status", "called");
 *   wk_json_end_object (json);          // {"visit_id":42,"status":"called"}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void wk_json_append_string  (GString    *out,
                             const char *value);
void wk_json_begin_object   (GString    *out);
void wk_json_end_object     (GString    *out);
/* A NULL @value writes null. */
void wk_json_member_string  (GString    *out,
                             const char *key,
                             const char *value);
void wk_json_member_int     (GString    *out,
                             const char *key,
                             gint64      value);
/* A @value of 0 writes null (for optional ids and times). */
void wk_json_member_id      (GString    *out,
                             const char *key,
                             gint64      value);
void wk_json_member_bool    (GString    *out,
                             const char *key,
                             gboolean    value);

G_END_DECLS
