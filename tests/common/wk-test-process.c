/* wk-test-process.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wk-test-process.h"

char *
wk_test_hub_binary (void)
{
  const char *root = g_getenv ("WALKUP_BUILD_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "app", "walkup-hub", NULL);
}

void
wk_test_run (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  if (!g_subprocess_wait_check (process, NULL, &error))
    g_error ("%s failed: %s", argv[0], error->message);
}

char *
wk_test_make_certificate (const char *dir,
                          const char *name)
{
  g_autofree char *cert_name = g_strconcat (name, ".pem", NULL);
  g_autofree char *key_name = g_strconcat (name, ".key", NULL);
  g_autofree char *cert = g_build_filename (dir, cert_name, NULL);
  g_autofree char *key = g_build_filename (dir, key_name, NULL);
  g_autofree char *openssl = g_find_program_in_path ("openssl");

  g_assert_nonnull (openssl);   /* build-aux/packages.txt [test] */
  wk_test_run ((const char *[]) { openssl, "req", "-x509", "-newkey", "ec",
                                  "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                  "-keyout", key, "-out", cert, "-days", "1",
                                  "-subj", "/CN=127.0.0.1",
                                  "-addext", "subjectAltName=IP:127.0.0.1", NULL });
  return g_steal_pointer (&cert);
}
