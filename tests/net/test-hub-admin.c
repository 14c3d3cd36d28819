/* test-hub-admin.c — walkup-hub hash-pin, through the real binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "../common/wk-test-process.h"
#include "wk-hub-admin.h"
#include "wk-password.h"

#include <gio/gio.h>
#include <string.h>

/* Runs walkup-hub hash-pin [EXTRA] with @input on stdin. */
static int
run_hash_pin (const char  *input,
              const char  *extra,
              char       **out,
              char       **err)
{
  g_autofree char *hub = wk_test_hub_binary ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                           G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           hub, "hash-pin", extra, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, input, NULL, out, err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

static void
test_hash_verifies (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_hash_pin ("2468\n", NULL, &out, &err), ==, 0);
  g_strchomp (out);
  g_assert_true (g_str_has_prefix (out, "$y$"));
  g_assert_null (strstr (out, "2468"));
  g_assert_true (wk_password_verify ("2468", out));
  g_assert_false (wk_password_verify ("2469", out));
}

static void
test_bad_pins_refused (void)
{
  static const char * const bad[] = { "", "\n", "123\n", "1234567890123\n", "12a4\n", "12 34\n", "１２３４\n" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_hash_pin (bad[i], NULL, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, "4 to 12 digits"));
    }
}

static void
test_pin_never_on_command_line (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_hash_pin ("", "1234", &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "standard input"));
}

static void
test_pin_rule (void)
{
  g_assert_true (wk_hub_pin_is_valid ("0000"));
  g_assert_true (wk_hub_pin_is_valid ("123456789012"));
  g_assert_false (wk_hub_pin_is_valid ("123"));
  g_assert_false (wk_hub_pin_is_valid ("1234567890123"));
  g_assert_false (wk_hub_pin_is_valid ("12-4"));
  g_assert_false (wk_hub_pin_is_valid (NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hub-admin/pin-rule", test_pin_rule);
  g_test_add_func ("/hub-admin/hash-verifies", test_hash_verifies);
  g_test_add_func ("/hub-admin/bad-pins-refused", test_bad_pins_refused);
  g_test_add_func ("/hub-admin/pin-never-on-command-line", test_pin_never_on_command_line);

  return g_test_run ();
}
