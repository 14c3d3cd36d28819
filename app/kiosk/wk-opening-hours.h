/* wk-opening-hours.h — a lounge's opening hours, parsed from its text
 *
 * The text is a comma- or semicolon-separated list of rules, each a day or
 * day range and one or more time ranges:
 *
 *   mon-fri 08:00-18:00
 *   mon-thu 08:30-17:30, fri 08:30-16:00
 *   mon,wed,fri 09:00-12:00 13:00-17:00
 *   sat 22:00-02:00            (past midnight: open until 02:00 on Sunday)
 *   daily 00:00-24:00          (also "mon-sun", "24/7")
 *
 * Day names are the first three letters of the English day, in any case;
 * "8:00" and "08.00" are accepted too.  Times are in the lounge's own time
 * zone: pass a GDateTime in that zone to wk_opening_hours_is_open().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _WkOpeningHours WkOpeningHours;

/* Parses @text.  An empty or NULL @text means always open.  Unreadable text
 * gives NULL and a G_IO_ERROR_INVALID_DATA @error naming the part. */
WkOpeningHours *wk_opening_hours_parse   (const char      *text,
                                          GError         **error);
void            wk_opening_hours_free    (WkOpeningHours  *hours);
/* TRUE when @time (in the lounge's zone) is within the hours. */
gboolean        wk_opening_hours_is_open (const WkOpeningHours *hours,
                                          GDateTime       *time);
/* TRUE for hours that are open around the clock every day. */
gboolean        wk_opening_hours_is_always_open (const WkOpeningHours *hours);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WkOpeningHours, wk_opening_hours_free)

G_END_DECLS
