/* test-badge-burst.c — the badge reader's timing rules, with exact timelines
 *
 * Pure logic: no display is opened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-badge-burst.h"

/* Feeds @keys (one character each; '\r' is Enter, '\t' stands for a key that
 * types nothing) starting at @start_ms, @gap_ms apart.  Returns everything
 * delivered as a person's typing (held text replayed, and keys passed)
 * with passed keys shown as themselves, and the badges recognised
 * separated by '|'. */
typedef struct
{
  GString *delivered;
  GString *badges;
  guint32  time_ms;
  guint    n_held;
} Run;

static void
run_init (Run     *run,
          guint32  start_ms)
{
  run->delivered = g_string_new (NULL);
  run->badges = g_string_new (NULL);
  run->time_ms = start_ms;
  run->n_held = 0;
}

static void
run_clear (Run *run)
{
  g_string_free (run->delivered, TRUE);
  g_string_free (run->badges, TRUE);
}

static WkBadgeBurstDecision
feed_one (WkBadgeBurst *burst,
          Run          *run,
          gunichar      ch)
{
  g_autofree char *replay = NULL;
  g_autofree char *badge = NULL;
  gunichar fed = ch == '\t' ? WK_BADGE_BURST_OTHER : ch;
  WkBadgeBurstDecision decision;

  decision = wk_badge_burst_feed (burst, fed, run->time_ms, &replay, &badge);
  if (replay != NULL)
    g_string_append (run->delivered, replay);
  switch (decision)
    {
    case WK_BADGE_BURST_PASS:
      g_assert_null (badge);
      g_string_append_unichar (run->delivered, ch == '\r' ? '\n' : ch);
      break;
    case WK_BADGE_BURST_HOLD:
      g_assert_null (badge);
      run->n_held++;
      break;
    case WK_BADGE_BURST_BADGE:
      g_assert_nonnull (badge);
      if (run->badges->len > 0)
        g_string_append_c (run->badges, '|');
      g_string_append (run->badges, badge);
      break;
    }
  return decision;
}

static void
feed (WkBadgeBurst *burst,
      Run          *run,
      const char   *keys,
      guint         gap_ms)
{
  for (const char *p = keys; *p != '\0'; p = g_utf8_next_char (p))
    {
      feed_one (burst, run, g_utf8_get_char (p));
      run->time_ms += gap_ms;
    }
}

/* the timer fired: whatever is held was typed by a person */
static void
stall (WkBadgeBurst *burst,
       Run          *run)
{
  g_autofree char *text = wk_badge_burst_flush (burst);

  if (text != NULL)
    g_string_append (run->delivered, text);
  g_assert_false (wk_badge_burst_is_holding (burst));
}

static void
test_burst_30ms_is_a_badge (void)
{
  g_autoptr(WkBadgeBurst) burst = wk_badge_burst_new ();
  Run run;

  run_init (&run, 1000);
  g_assert_cmpint (feed_one (burst, &run, '0'), ==, WK_BADGE_BURST_HOLD);
  run.time_ms += 30;
  feed (burst, &run, "0421337\r", 30);
  g_assert_cmpstr (run.badges->str, ==, "00421337");
  g_assert_cmpstr (run.delivered->str, ==, "");
  g_assert_false (wk_badge_burst_is_holding (burst));
  run_clear (&run);
}

static void
test_burst_80ms_is_typing (void)
{
  g_autoptr(WkBadgeBurst) burst = wk_badge_burst_new ();
  Run run;

  run_init (&run, 5000);
  feed (burst, &run, "12345\r", 80);
  g_assert_cmpstr (run.badges->str, ==, "");
  /* every key reaches the entry, in order, Enter last */
  g_assert_cmpstr (run.delivered->str, ==, "12345\n");
  run_clear (&run);
}

static void
test_gap_exactly_max_counts (void)
{
  g_autoptr(WkBadgeBurst) burst = wk_badge_burst_new ();
  Run run;

  run_init (&run, 0);
  feed (burst, &run, "9876\r", 50);
  g_assert_cmpstr (run.badges->str, ==, "9876");
  run_clear (&run);

  run_init (&run, 0);
  feed (burst, &run, "9876\r", 51);
  g_assert_cmpstr (run.badges->str, ==, "");
  g_assert_cmpstr (run.delivered->str, ==, "9876\n");
  run_clear (&run);
}

static void
test_one_slow_gap_breaks_the_burst (void)
{
  g_autoptr(WkBadgeBurst) burst = wk_badge_burst_new ();
  Run run;

  /* 12 fast, a person's pause, 34 fast, Enter fast: only two keys in the
   * last burst, so no badge and nothing lost */
  run_init (&run, 0);
  feed (burst, &run, "12", 20);
  run.time_ms += 200;
  feed (burst, &run, "34\r", 20);
  g_assert_cmpstr (run.badges->str, ==, "");
  g_assert_cmpstr (run.delivered->str, ==, "1234\n");
  run_clear (&run);

  /* a slow Enter after a fast burst: typed, not a badge */
  run_init (&run, 0);
  feed (burst, &run, "123456", 20);
  run.time_ms += 100;
  feed (burst, &run, "\r", 0);
  g_assert_cmpstr (run.badges->str, ==, "");
  g_assert_cmpstr (run.delivered->str, ==, "123456\n");
  run_clear (&run);
}

static void
test_burst_without_enter (void)
{
  g_autoptr(WkBadgeBurst) burst = wk_badge_burst_new ();
  Run run;

  run_init (&run, 0);
  feed (burst, &run, "55501234", 10);
  g_assert_true (wk_badge_burst_is_holding (burst));
  g_assert_cmpstr (run.delivered->str, ==, "");
  stall (burst, &run);
  g_assert_cmpstr (run.badges->str, ==, "");
  g_assert_cmpstr (run.delivered->str, ==, "55501234");
  /* and a late Enter is just Enter */
  run.time_ms += 1000;
  feed (burst, &run, "\r", 0);
  g_assert_cmpstr (run.delivered->str, ==, "55501234\n");
  run_clear (&run);

  /* without a stall timer, the next slow key hands the text back first */
  run_init (&run, 0);
  feed (burst, &run, "4444", 10);
  run.time_ms += 500;
  feed (burst, &run, "x", 0);
  g_assert_cmpstr (run.delivered->str, ==, "4444");
  stall (burst, &run);
  g_assert_cmpstr (run.delivered->str, ==, "4444x");
  run_clear (&run);
}

static void
test_too_short (void)
{
  g_autoptr(WkBadgeBurst) burst = wk_badge_burst_new ();
  Run run;

  run_init (&run, 0);
  feed (burst, &run, "123\r", 5);
  g_assert_cmpstr (run.badges->str, ==, "");
  g_assert_cmpstr (run.delivered->str, ==, "123\n");
  run_clear (&run);

  wk_badge_burst_set_min_length (burst, 3);
  run_init (&run, 0);
  feed (burst, &run, "123\r", 5);
  g_assert_cmpstr (run.badges->str, ==, "123");
  run_clear (&run);
}

static void
test_mixed (void)
{
  g_autoptr(WkBadgeBurst) burst = wk_badge_burst_new ();
  Run run;

  /* a person types "Priya" slowly, a badge is scanned, then the person
   * presses Backspace (a key that types nothing) and types "h" */
  run_init (&run, 10000);
  feed (burst, &run, "Priya", 150);
  feed (burst, &run, "A1B2C3D4\r", 25);
  run.time_ms += 300;
  feed (burst, &run, "\th", 150);
  stall (burst, &run);
  g_assert_cmpstr (run.badges->str, ==, "A1B2C3D4");
  g_assert_cmpstr (run.delivered->str, ==, "Priya\th");
  run_clear (&run);

  /* fast typing that a non-character key interrupts is handed back before it */
  run_init (&run, 0);
  feed (burst, &run, "abcd\tef\r", 10);
  g_assert_cmpstr (run.badges->str, ==, "");
  g_assert_cmpstr (run.delivered->str, ==, "abcd\tef\n");
  run_clear (&run);

  /* two badges in a row, and a space is never part of one */
  run_init (&run, 0);
  feed (burst, &run, "1111\r2222\r", 30);
  feed (burst, &run, "12 34\r", 30);
  g_assert_cmpstr (run.badges->str, ==, "1111|2222");
  g_assert_cmpstr (run.delivered->str, ==, "12 34\n");
  run_clear (&run);
}

static void
test_clock_wraps (void)
{
  g_autoptr(WkBadgeBurst) burst = wk_badge_burst_new ();
  Run run;

  /* the X server's millisecond clock wraps after 49.7 days */
  run_init (&run, G_MAXUINT32 - 40);
  feed (burst, &run, "24680\r", 20);
  g_assert_cmpstr (run.badges->str, ==, "24680");
  run_clear (&run);

  /* an event stamped earlier than the last one is a long gap, not a burst */
  run_init (&run, 1000);
  feed (burst, &run, "1234", 10);
  run.time_ms = 900;
  feed (burst, &run, "\r", 0);
  g_assert_cmpstr (run.badges->str, ==, "");
  g_assert_cmpstr (run.delivered->str, ==, "1234\n");
  run_clear (&run);
}

static void
test_overlong (void)
{
  g_autoptr(WkBadgeBurst) burst = wk_badge_burst_new ();
  g_autoptr(GString) keys = g_string_new (NULL);
  Run run;

  /* a held-down key repeats fast; past the longest badge it is typing */
  for (guint i = 0; i < WK_BADGE_BURST_MAX_LENGTH + 6; i++)
    g_string_append_c (keys, 'k');
  run_init (&run, 0);
  feed (burst, &run, keys->str, 30);
  stall (burst, &run);
  g_assert_cmpstr (run.delivered->str, ==, keys->str);
  g_assert_cmpstr (run.badges->str, ==, "");
  run_clear (&run);
}

static void
test_non_ascii_and_max_gap (void)
{
  g_autoptr(WkBadgeBurst) burst = wk_badge_burst_new ();
  guint gap = 0;
  Run run;

  g_assert_true (wk_badge_burst_is_burst_char ('7'));
  g_assert_true (wk_badge_burst_is_burst_char (0xe9));   /* é */
  g_assert_false (wk_badge_burst_is_burst_char (' '));
  g_assert_false (wk_badge_burst_is_burst_char (WK_BADGE_BURST_ENTER));
  g_assert_false (wk_badge_burst_is_burst_char (WK_BADGE_BURST_OTHER));

  run_init (&run, 0);
  feed (burst, &run, "ÄÖÜé\r", 10);
  g_assert_cmpstr (run.badges->str, ==, "ÄÖÜé");
  run_clear (&run);

  g_assert_cmpuint (wk_badge_burst_get_max_gap_ms (burst), ==, 50);
  g_object_set (burst, "max-gap-ms", 100, NULL);
  g_object_get (burst, "max-gap-ms", &gap, NULL);
  g_assert_cmpuint (gap, ==, 100);

  run_init (&run, 0);
  feed (burst, &run, "12345\r", 80);
  g_assert_cmpstr (run.badges->str, ==, "12345");
  run_clear (&run);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(WkBadgeBurst) burst = wk_badge_burst_new ();
  guint gap = 0, length = 0;

  g_signal_connect (burst, "notify::max-gap-ms", G_CALLBACK (count_cb), &gap);
  g_signal_connect (burst, "notify::min-length", G_CALLBACK (count_cb), &length);
  wk_badge_burst_set_max_gap_ms (burst, 50);
  wk_badge_burst_set_min_length (burst, 4);
  g_assert_cmpuint (gap, ==, 0);
  g_assert_cmpuint (length, ==, 0);
  wk_badge_burst_set_max_gap_ms (burst, 70);
  wk_badge_burst_set_min_length (burst, 6);
  g_assert_cmpuint (gap, ==, 1);
  g_assert_cmpuint (length, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  /* No G_TEST_OPTION_ISOLATE_DIRS: this test touches no files, and the ui
   * suite's session wrapper shortens leak stacks so far that lsan.supp
   * cannot match GLib 2.74's leak in g_set_user_dirs. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/badge-burst/30ms-is-a-badge", test_burst_30ms_is_a_badge);
  g_test_add_func ("/badge-burst/80ms-is-typing", test_burst_80ms_is_typing);
  g_test_add_func ("/badge-burst/gap-exactly-max", test_gap_exactly_max_counts);
  g_test_add_func ("/badge-burst/one-slow-gap", test_one_slow_gap_breaks_the_burst);
  g_test_add_func ("/badge-burst/without-enter", test_burst_without_enter);
  g_test_add_func ("/badge-burst/too-short", test_too_short);
  g_test_add_func ("/badge-burst/mixed", test_mixed);
  g_test_add_func ("/badge-burst/clock-wraps", test_clock_wraps);
  g_test_add_func ("/badge-burst/overlong", test_overlong);
  g_test_add_func ("/badge-burst/non-ascii-and-max-gap", test_non_ascii_and_max_gap);
  g_test_add_func ("/badge-burst/notify-only-on-change", test_notify_only_on_change);

  return g_test_run ();
}
