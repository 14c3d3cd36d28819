/* wk-category.h — the reasons people walk up, with their self-help tips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *id;          /* stable key stored in the database, e.g. "hardware" */
  const char *icon_name;   /* a symbolic icon from the icon theme */
  const char *name;        /* untranslated; pass through _() at display time */
  const char *tip;         /* untranslated self-help tip shown while waiting */
} WkCategory;

/* Every category, in display order; *n_categories is set to their number. */
const WkCategory *wk_category_list         (guint      *n_categories);
/* NULL when @id is not a known category. */
const WkCategory *wk_category_lookup       (const char *id);
gboolean          wk_category_is_valid     (const char *id);
/* Translated name and tip (gettext), safe to call from any thread. */
const char       *wk_category_get_name     (const WkCategory *category);
const char       *wk_category_get_tip      (const WkCategory *category);

G_END_DECLS
