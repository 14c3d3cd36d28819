/* wk-badge-burst.h — the timing rules that tell a badge reader from a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WK_TYPE_BADGE_BURST (wk_badge_burst_get_type ())

G_DECLARE_FINAL_TYPE (WkBadgeBurst, wk_badge_burst, WK, BADGE_BURST, GObject)

/* What to feed for keys that are not characters. */
#define WK_BADGE_BURST_ENTER ((gunichar) '\r')
#define WK_BADGE_BURST_OTHER ((gunichar) 0)

/**
 * WkBadgeBurstDecision:
 * @WK_BADGE_BURST_PASS: deliver the key as usual
 * @WK_BADGE_BURST_HOLD: keep the key back: it may be part of a badge burst
 * @WK_BADGE_BURST_BADGE: swallow the key: it ended a badge burst
 *
 * Whatever the decision, text returned in @replay by
 * wk_badge_burst_feed() is earlier held text that turned out to be typed
 * by a person: deliver it first.
 */
typedef enum {
  WK_BADGE_BURST_PASS,
  WK_BADGE_BURST_HOLD,
  WK_BADGE_BURST_BADGE,
} WkBadgeBurstDecision;

#define WK_BADGE_BURST_DEFAULT_MAX_GAP_MS  50
#define WK_BADGE_BURST_DEFAULT_MIN_LENGTH  4
#define WK_BADGE_BURST_MAX_LENGTH          64

WkBadgeBurst         *wk_badge_burst_new            (void);
WkBadgeBurstDecision  wk_badge_burst_feed           (WkBadgeBurst *self,
                                                     gunichar      ch,
                                                     guint32       time_ms,
                                                     char        **replay,
                                                     char        **badge);
char                 *wk_badge_burst_flush          (WkBadgeBurst *self);
gboolean              wk_badge_burst_is_holding     (WkBadgeBurst *self);
guint                 wk_badge_burst_get_max_gap_ms (WkBadgeBurst *self);
void                  wk_badge_burst_set_max_gap_ms (WkBadgeBurst *self,
                                                     guint         max_gap_ms);
guint                 wk_badge_burst_get_min_length (WkBadgeBurst *self);
void                  wk_badge_burst_set_min_length (WkBadgeBurst *self,
                                                     guint         min_length);
gboolean              wk_badge_burst_is_burst_char  (gunichar      ch);

G_END_DECLS
