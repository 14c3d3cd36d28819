/* wk-note.h — a note on a ticket
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

#define WK_TYPE_NOTE (wk_note_get_type ())
G_DECLARE_FINAL_TYPE (WkNote, wk_note, WK, NOTE, GObject)

/* row id (the primary key) */
gint64 wk_note_get_id (WkNote *self);
/* the ticket */
gint64 wk_note_get_ticket_id (WkNote *self);
/* the author, 0 when unknown */
gint64 wk_note_get_author_id (WkNote *self);
/* display name of the author, or NULL */
const char *wk_note_get_author_name (WkNote *self);
/* the text */
const char *wk_note_get_body (WkNote *self);
/* internal or public */
WkNoteVisibility wk_note_get_visibility (WkNote *self);
/* unix seconds */
gint64 wk_note_get_created_at (WkNote *self);
/* the client UUID it was added with (idempotency key), or NULL */
const char *wk_note_get_uuid (WkNote *self);

G_END_DECLS
