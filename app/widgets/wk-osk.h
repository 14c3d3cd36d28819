/* wk-osk.h — the kiosk's own on-screen keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * WkOskMode:
 * @WK_OSK_MODE_TEXT: letters, digits, space and a little punctuation (names)
 * @WK_OSK_MODE_EMAIL: letters and digits with @ . - _ and the domain key
 * @WK_OSK_MODE_DIGITS: a big number pad (employee and ticket numbers)
 */
typedef enum {
  WK_OSK_MODE_TEXT,
  WK_OSK_MODE_EMAIL,
  WK_OSK_MODE_DIGITS,
} WkOskMode;

/**
 * WkOskLayout:
 * @WK_OSK_LAYOUT_AUTO: follow the current language (German QWERTZ, French
 *   AZERTY, otherwise QWERTY), checked again each time it is shown
 */
typedef enum {
  WK_OSK_LAYOUT_AUTO,
  WK_OSK_LAYOUT_QWERTY,
  WK_OSK_LAYOUT_QWERTZ,
  WK_OSK_LAYOUT_AZERTY,
} WkOskLayout;

#define WK_TYPE_OSK_MODE   (wk_osk_mode_get_type ())
#define WK_TYPE_OSK_LAYOUT (wk_osk_layout_get_type ())
#define WK_TYPE_OSK        (wk_osk_get_type ())

GType wk_osk_mode_get_type   (void);
GType wk_osk_layout_get_type (void);

G_DECLARE_FINAL_TYPE (WkOsk, wk_osk, WK, OSK, GtkWidget)

GtkWidget   *wk_osk_new                  (void);
GtkEditable *wk_osk_get_target           (WkOsk       *self);
void         wk_osk_set_target           (WkOsk       *self,
                                          GtkEditable *target);
WkOskMode    wk_osk_get_mode             (WkOsk       *self);
void         wk_osk_set_mode             (WkOsk       *self,
                                          WkOskMode    mode);
WkOskLayout  wk_osk_get_layout           (WkOsk       *self);
void         wk_osk_set_layout           (WkOsk       *self,
                                          WkOskLayout  layout);
WkOskLayout  wk_osk_get_effective_layout (WkOsk       *self);
const char  *wk_osk_get_email_domain     (WkOsk       *self);
void         wk_osk_set_email_domain     (WkOsk       *self,
                                          const char  *domain);
WkOskLayout  wk_osk_layout_for_language  (const char  *language);

G_END_DECLS
