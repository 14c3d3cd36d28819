/* wk-opening-hours.c
 *
 * Parsed into one bit per minute of the week (Monday 00:00 first), so that
 * every question is a single lookup and overlapping or overnight ranges
 * need no special cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-opening-hours"

#include "config.h"

#include "wk-opening-hours.h"

#include <gio/gio.h>
#include <string.h>

#define MINUTES_PER_DAY  (24 * 60)
#define MINUTES_PER_WEEK (7 * MINUTES_PER_DAY)

struct _WkOpeningHours
{
  guint8 minutes[MINUTES_PER_WEEK / 8];
};

static const char * const day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static void
set_open (WkOpeningHours *hours,
          guint           minute)
{
  minute %= MINUTES_PER_WEEK;
  hours->minutes[minute / 8] |= (guint8) (1u << (minute % 8));
}

static gboolean
get_open (const WkOpeningHours *hours,
          guint                 minute)
{
  minute %= MINUTES_PER_WEEK;
  return (hours->minutes[minute / 8] & (1u << (minute % 8))) != 0;
}

static void
skip_spaces (const char **p)
{
  while (**p == ' ' || **p == '\t')
    (*p)++;
}

static gboolean
parse_day (const char **p,
           int         *day)
{
  for (int i = 0; i < 7; i++)
    if (g_ascii_strncasecmp (*p, day_names[i], 3) == 0)
      {
        *p += 3;
        /* "monday", "mon." */
        while (g_ascii_isalpha (**p) || **p == '.')
          (*p)++;
        *day = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
day_follows (const char *p)
{
  int day;

  skip_spaces (&p);
  return parse_day (&p, &day);
}

/* Reads a day list ("mon-fri", "mon,wed", "sat/sun", "daily") into @mask
 * (bit 0: Monday). */
static gboolean
parse_days (const char **p,
            guint       *mask)
{
  *mask = 0;

  if (g_ascii_strncasecmp (*p, "daily", 5) == 0)
    {
      *p += 5;
      *mask = 0x7f;
      return TRUE;
    }

  for (;;)
    {
      int first, last;

      if (!parse_day (p, &first))
        return FALSE;
      last = first;
      skip_spaces (p);
      if (**p == '-')
        {
          (*p)++;
          skip_spaces (p);
          if (!parse_day (p, &last))
            return FALSE;
        }
      /* "fri-mon" wraps over the weekend */
      for (int d = first;; d = (d + 1) % 7)
        {
          *mask |= 1u << d;
          if (d == last)
            break;
        }
      skip_spaces (p);
      if (!((**p == ',' || **p == '/') && day_follows (*p + 1)))
        return TRUE;
      (*p)++;
      skip_spaces (p);
    }
}

/* "8:00", "08:00", "08.00", "8", "24:00" → minutes since midnight. */
static gboolean
parse_time (const char **p,
            guint       *minutes)
{
  guint h = 0, m = 0, digits = 0;

  while (g_ascii_isdigit (**p) && digits < 2)
    {
      h = h * 10 + (guint) (**p - '0');
      (*p)++;
      digits++;
    }
  if (digits == 0)
    return FALSE;
  if (**p == ':' || **p == '.')
    {
      (*p)++;
      if (!g_ascii_isdigit ((*p)[0]) || !g_ascii_isdigit ((*p)[1]))
        return FALSE;
      m = (guint) ((*p)[0] - '0') * 10 + (guint) ((*p)[1] - '0');
      *p += 2;
    }
  if (m > 59 || h > 24 || (h == 24 && m != 0))
    return FALSE;
  *minutes = h * 60 + m;
  return TRUE;
}

static gboolean
parse_time_range (const char **p,
                  guint       *start,
                  guint       *end)
{
  if (!parse_time (p, start))
    return FALSE;
  skip_spaces (p);
  if (**p != '-' && strncmp (*p, "–", strlen ("–")) != 0)
    return FALSE;
  *p += **p == '-' ? 1 : strlen ("–");
  skip_spaces (p);
  return parse_time (p, end);
}

static void
open_range (WkOpeningHours *hours,
            guint           days,
            guint           start,
            guint           end)
{
  /* end before start: past midnight, into the next day */
  guint length = end > start ? end - start : MINUTES_PER_DAY - start + end;

  for (guint d = 0; d < 7; d++)
    if (days & (1u << d))
      for (guint m = 0; m < length; m++)
        set_open (hours, d * MINUTES_PER_DAY + start + m);
}

WkOpeningHours *
wk_opening_hours_parse (const char  *text,
                        GError     **error)
{
  g_autoptr(WkOpeningHours) hours = g_new0 (WkOpeningHours, 1);
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = trimmed;

  if (*p == '\0' || g_ascii_strcasecmp (p, "24/7") == 0)
    {
      memset (hours->minutes, 0xff, sizeof hours->minutes);
      return g_steal_pointer (&hours);
    }

  while (*p != '\0')
    {
      const char *rule = p;
      guint days = 0, start, end, n_ranges = 0;

      if (!parse_days (&p, &days))
        goto invalid;
      skip_spaces (&p);
      /* one or more time ranges, separated by spaces, or by commas when
       * no day follows */
      while (g_ascii_isdigit (*p))
        {
          if (!parse_time_range (&p, &start, &end) || start == end)
            goto invalid;
          open_range (hours, days, start, end);
          n_ranges++;
          skip_spaces (&p);
          if (*p == ',' && !day_follows (p + 1))
            {
              const char *next = p + 1;

              skip_spaces (&next);
              if (!g_ascii_isdigit (*next))
                goto invalid;
              p = next;
            }
        }
      if (n_ranges == 0)
        goto invalid;
      if (*p == ',' || *p == ';')
        {
          p++;
          skip_spaces (&p);
          if (*p == '\0')
            goto invalid;
        }
      else if (*p != '\0')
        goto invalid;
      continue;

    invalid:
      {
        g_autofree char *part = g_strndup (rule, strcspn (rule, ",;"));

        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "Cannot read the opening hours “%s” at “%s”", trimmed, part);
        return NULL;
      }
    }

  return g_steal_pointer (&hours);
}

void
wk_opening_hours_free (WkOpeningHours *hours)
{
  g_free (hours);
}

gboolean
wk_opening_hours_is_open (const WkOpeningHours *hours,
                          GDateTime            *time)
{
  guint minute;

  g_return_val_if_fail (hours != NULL, TRUE);
  g_return_val_if_fail (time != NULL, TRUE);

  minute = (guint) (g_date_time_get_day_of_week (time) - 1) * MINUTES_PER_DAY
           + (guint) g_date_time_get_hour (time) * 60
           + (guint) g_date_time_get_minute (time);
  return get_open (hours, minute);
}

gboolean
wk_opening_hours_is_always_open (const WkOpeningHours *hours)
{
  g_return_val_if_fail (hours != NULL, TRUE);

  for (gsize i = 0; i < sizeof hours->minutes; i++)
    if (hours->minutes[i] != 0xff)
      return FALSE;
  return TRUE;
}
