/* wk-category.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-category"

#include "config.h"

#include "wk-category.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const WkCategory categories[] = {
  { "hardware", "computer-symbolic",
    N_("Laptop or desktop"),
    N_("Have your laptop charged and your password ready — it saves time at the desk.") },
  { "account", "dialog-password-symbolic",
    N_("Account and password"),
    N_("Locked out? Bring your badge: we confirm who you are before resetting anything.") },
  { "software", "application-x-executable-symbolic",
    N_("Software and apps"),
    N_("Many apps can be installed yourself from the Software Center while you wait.") },
  { "network", "network-wireless-symbolic",
    N_("Wi-Fi, VPN and network"),
    N_("Try turning Wi-Fi off and on again, and note the exact error if it comes back.") },
  { "phone", "phone-symbolic",
    N_("Phone and mobile"),
    N_("Back up your phone before a repair or replacement; we can help if you are unsure how.") },
  { "printing", "printer-symbolic",
    N_("Printing and scanning"),
    N_("Note the printer's name on its label: it helps us find it quickly.") },
  { "accessories", "input-keyboard-symbolic",
    N_("Accessories"),
    N_("Keyboards, mice, headsets and adapters are often handed out on the spot.") },
  { "other", "help-about-symbolic",
    N_("Something else"),
    N_("Tell the engineer in a sentence what you need; they will take it from there.") },
};

const WkCategory *
wk_category_list (guint *n_categories)
{
  if (n_categories != NULL)
    *n_categories = G_N_ELEMENTS (categories);
  return categories;
}

const WkCategory *
wk_category_lookup (const char *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (strcmp (categories[i].id, id) == 0)
      return &categories[i];
  return NULL;
}

gboolean
wk_category_is_valid (const char *id)
{
  return wk_category_lookup (id) != NULL;
}

const char *
wk_category_get_name (const WkCategory *category)
{
  g_return_val_if_fail (category != NULL, NULL);
  /* dgettext, not g_dgettext: GLib decides once per process whether to
   * translate, which would miss a kiosk switching language live. */
  return dgettext (GETTEXT_PACKAGE, category->name);
}

const char *
wk_category_get_tip (const WkCategory *category)
{
  g_return_val_if_fail (category != NULL, NULL);
  return dgettext (GETTEXT_PACKAGE, category->tip);
}
