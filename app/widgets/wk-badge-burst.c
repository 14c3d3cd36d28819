/* wk-badge-burst.c
 *
 * The pure part of badge detection: it is fed key events with their
 * timestamps and answers, for each, whether to deliver it, hold it back or
 * swallow it as the end of a badge.  No display, no main loop, no clock of
 * its own: every decision depends only on the events fed in, so the rules
 * are tested with exact timelines (tests/ui/test-badge-burst.c).
 *
 * The rules:
 *  - a "burst character" is a printable, non-space character (a badge id is
 *    digits and sometimes letters or punctuation; space, Tab, arrows and
 *    Enter keep their usual meaning for people);
 *  - burst characters are held while each follows the previous one within
 *    max-gap-ms (inclusive);
 *  - Enter within max-gap-ms of the last held character, with at least
 *    min-length characters held, ends a badge: the held text is the id and
 *    nothing is delivered;
 *  - anything else — a longer gap, Enter after too few characters, any
 *    other key, or more than WK_BADGE_BURST_MAX_LENGTH characters — shows
 *    the held text was a person typing: it is handed back for replay, in
 *    order, before the key that revealed it;
 *  - a burst that stalls (no key within max-gap-ms) is handed back by
 *    wk_badge_burst_flush(), which the caller calls from a timer.
 *
 * Timestamps are the events' own (milliseconds, wrapping at 2^32): the
 * difference is taken in unsigned arithmetic, so a wrap is harmless and an
 * event that appears to go back in time counts as a long gap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-badge-burst"

#include "config.h"

#include "wk-badge-burst.h"

struct _WkBadgeBurst
{
  GObject  parent_instance;

  GString *held;        /* owned; the characters held back, in order */
  guint    n_held;      /* characters (not bytes) in held */
  guint32  last_ms;     /* time of the last held character */
  guint    max_gap_ms;
  guint    min_length;
};

G_DEFINE_FINAL_TYPE (WkBadgeBurst, wk_badge_burst, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MAX_GAP_MS,
  PROP_MIN_LENGTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
wk_badge_burst_is_burst_char (gunichar ch)
{
  return ch != 0 && ch != WK_BADGE_BURST_ENTER && g_unichar_isgraph (ch);
}

/* The held text, handed over; NULL when nothing is held. */
static char *
take_held (WkBadgeBurst *self)
{
  char *text;

  if (self->n_held == 0)
    return NULL;
  text = g_strndup (self->held->str, self->held->len);
  g_string_truncate (self->held, 0);
  self->n_held = 0;
  return text;
}

static void
hold (WkBadgeBurst *self,
      gunichar      ch,
      guint32       time_ms)
{
  g_string_append_unichar (self->held, ch);
  self->n_held++;
  self->last_ms = time_ms;
}

/**
 * wk_badge_burst_feed:
 * @ch: the key's character, %WK_BADGE_BURST_ENTER for Enter, or
 *   %WK_BADGE_BURST_OTHER for any key that types nothing
 * @time_ms: the event's timestamp
 * @replay: (out) (transfer full) (nullable): held text to deliver now,
 *   before this key
 * @badge: (out) (transfer full) (nullable): the badge id, with
 *   %WK_BADGE_BURST_BADGE
 *
 * Returns: what to do with this key
 */
WkBadgeBurstDecision
wk_badge_burst_feed (WkBadgeBurst *self,
                     gunichar      ch,
                     guint32       time_ms,
                     char        **replay,
                     char        **badge)
{
  gboolean in_time;

  g_return_val_if_fail (WK_IS_BADGE_BURST (self), WK_BADGE_BURST_PASS);
  g_return_val_if_fail (replay != NULL && badge != NULL, WK_BADGE_BURST_PASS);

  *replay = NULL;
  *badge = NULL;

  /* unsigned difference: wraps correctly, and "back in time" is a long gap */
  in_time = self->n_held > 0 && (guint32) (time_ms - self->last_ms) <= self->max_gap_ms;
  if (self->n_held > 0 && !in_time)
    *replay = take_held (self);

  if (ch == WK_BADGE_BURST_ENTER)
    {
      if (in_time && self->n_held >= self->min_length)
        {
          *badge = take_held (self);
          return WK_BADGE_BURST_BADGE;
        }
      if (*replay == NULL)
        *replay = take_held (self);
      return WK_BADGE_BURST_PASS;
    }

  if (!wk_badge_burst_is_burst_char (ch))
    {
      if (*replay == NULL)
        *replay = take_held (self);
      return WK_BADGE_BURST_PASS;
    }

  if (self->n_held >= WK_BADGE_BURST_MAX_LENGTH)
    {
      /* far longer than any badge: a held-down key or a paste */
      g_assert (*replay == NULL);
      *replay = take_held (self);
    }

  hold (self, ch, time_ms);
  return WK_BADGE_BURST_HOLD;
}

/**
 * wk_badge_burst_flush:
 *
 * Ends a burst that stalled: call it when max-gap-ms has passed since the
 * last held key without another key.
 *
 * Returns: (transfer full) (nullable): the held text, to deliver as typed
 */
char *
wk_badge_burst_flush (WkBadgeBurst *self)
{
  g_return_val_if_fail (WK_IS_BADGE_BURST (self), NULL);
  return take_held (self);
}

gboolean
wk_badge_burst_is_holding (WkBadgeBurst *self)
{
  g_return_val_if_fail (WK_IS_BADGE_BURST (self), FALSE);
  return self->n_held > 0;
}

static void
wk_badge_burst_finalize (GObject *object)
{
  WkBadgeBurst *self = WK_BADGE_BURST (object);

  g_string_free (self->held, TRUE);

  G_OBJECT_CLASS (wk_badge_burst_parent_class)->finalize (object);
}

static void
wk_badge_burst_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WkBadgeBurst *self = WK_BADGE_BURST (object);

  switch (prop_id)
    {
    case PROP_MAX_GAP_MS:
      g_value_set_uint (value, self->max_gap_ms);
      break;
    case PROP_MIN_LENGTH:
      g_value_set_uint (value, self->min_length);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_badge_burst_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WkBadgeBurst *self = WK_BADGE_BURST (object);

  switch (prop_id)
    {
    case PROP_MAX_GAP_MS:
      wk_badge_burst_set_max_gap_ms (self, g_value_get_uint (value));
      break;
    case PROP_MIN_LENGTH:
      wk_badge_burst_set_min_length (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_badge_burst_class_init (WkBadgeBurstClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wk_badge_burst_finalize;
  object_class->get_property = wk_badge_burst_get_property;
  object_class->set_property = wk_badge_burst_set_property;

  properties[PROP_MAX_GAP_MS] =
    g_param_spec_uint ("max-gap-ms", NULL, NULL,
                       1, 1000, WK_BADGE_BURST_DEFAULT_MAX_GAP_MS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MIN_LENGTH] =
    g_param_spec_uint ("min-length", NULL, NULL,
                       1, WK_BADGE_BURST_MAX_LENGTH, WK_BADGE_BURST_DEFAULT_MIN_LENGTH,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wk_badge_burst_init (WkBadgeBurst *self)
{
  self->held = g_string_new (NULL);
  self->max_gap_ms = WK_BADGE_BURST_DEFAULT_MAX_GAP_MS;
  self->min_length = WK_BADGE_BURST_DEFAULT_MIN_LENGTH;
}

WkBadgeBurst *
wk_badge_burst_new (void)
{
  return g_object_new (WK_TYPE_BADGE_BURST, NULL);
}

guint
wk_badge_burst_get_max_gap_ms (WkBadgeBurst *self)
{
  g_return_val_if_fail (WK_IS_BADGE_BURST (self), 0);
  return self->max_gap_ms;
}

void
wk_badge_burst_set_max_gap_ms (WkBadgeBurst *self,
                               guint         max_gap_ms)
{
  g_return_if_fail (WK_IS_BADGE_BURST (self));
  g_return_if_fail (max_gap_ms > 0);

  if (self->max_gap_ms == max_gap_ms)
    return;
  self->max_gap_ms = max_gap_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_GAP_MS]);
}

guint
wk_badge_burst_get_min_length (WkBadgeBurst *self)
{
  g_return_val_if_fail (WK_IS_BADGE_BURST (self), 0);
  return self->min_length;
}

void
wk_badge_burst_set_min_length (WkBadgeBurst *self,
                               guint         min_length)
{
  g_return_if_fail (WK_IS_BADGE_BURST (self));
  g_return_if_fail (min_length > 0 && min_length <= WK_BADGE_BURST_MAX_LENGTH);

  if (self->min_length == min_length)
    return;
  self->min_length = min_length;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_LENGTH]);
}
