/* wk-validate.h — the input rules, checked before anything is written
 *
 * Every check fails with WK_ERROR_INVALID and a translated message that
 * names the field.  Text must be valid UTF-8; lengths count characters
 * (Unicode code points), not bytes.  Required text may not be empty or only
 * white space.  Unknown ids are not checked here: the store job answers
 * WK_ERROR_NOT_FOUND for those.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Limits, in characters, of every text field. */
#define WK_MAX_NAME              200    /* display, preferred, guest and typed (ack) names */
#define WK_MAX_EMAIL             254    /* RFC 5321 path limit */
#define WK_MAX_IDENTIFIER        128    /* badge id, employee number, ticket reference typed at identify */
#define WK_MAX_SUBJECT           200    /* ticket subject ("something else" short description) */
#define WK_MAX_DESCRIPTION       10000  /* ticket description */
#define WK_MAX_NOTE              10000  /* note body */
#define WK_MAX_COMMENT           2000   /* survey comment */
#define WK_MAX_FOLLOWUP_NOTE     2000   /* follow-up note */
#define WK_MAX_DESK              64     /* desk name an engineer calls to */
#define WK_MAX_KIOSK             64     /* kiosk name */
#define WK_MAX_HARDWARE          200    /* hardware description or model */
#define WK_MAX_ASSET_TAG         64     /* asset tag */
#define WK_MAX_LOCATION          32     /* 'counter' or 'locker N' */
#define WK_MAX_LOCKER            9999   /* highest locker number */
#define WK_MAX_SIGNATURE         262144 /* signature strokes, JSON text */
#define WK_MAX_LANGUAGE          35     /* BCP 47 tag */
#define WK_MAX_TAGS              10     /* survey tags per survey */
#define WK_MAX_SEARCH            200    /* ticket search text */
#define WK_MAX_LOGIN             254    /* email or username at sign in */
#define WK_MAX_PASSWORD          1024   /* password at sign in */
#define WK_MAX_KIOSK_MS          (24 * 3600 * 1000) /* kiosk interaction time */

/* @label is the field's translated name, e.g. "Subject".  A NULL @value
 * counts as empty. */
gboolean wk_validate_text       (const char  *label,
                                 const char  *value,
                                 gsize        max_chars,
                                 gboolean     required,
                                 GError     **error);
/* A plausible work email: one '@', a local part, a dotted domain, no spaces. */
gboolean wk_validate_email      (const char  *label,
                                 const char  *value,
                                 gboolean     required,
                                 GError     **error);
gboolean wk_validate_uuid       (const char  *value,
                                 GError     **error);
gboolean wk_validate_score      (int          score,
                                 GError     **error);
gboolean wk_validate_priority   (int          priority,
                                 GError     **error);
gboolean wk_validate_category   (const char  *category,
                                 GError     **error);
/* 'counter' or 'locker N' with 1 ≤ N ≤ WK_MAX_LOCKER. */
gboolean wk_validate_location   (const char  *location,
                                 GError     **error);
/* JSON text of an array of strokes, each an array of numbers or of
 * arrays of numbers: only brackets, numbers, commas and spaces; balanced. */
gboolean wk_validate_signature  (const char  *signature,
                                 GError     **error);
/* Known survey tags, at most WK_MAX_TAGS, no repeats. NULL is no tags. */
gboolean wk_validate_tags       (const char * const *tags,
                                 GError     **error);
/* NULL, or a BCP 47 looking tag ("de", "pt-BR"). */
gboolean wk_validate_language   (const char  *language,
                                 GError     **error);
/* A positive row id, named by @label. */
gboolean wk_validate_id         (const char  *label,
                                 gint64       id,
                                 GError     **error);

G_END_DECLS
