/* wk-notifier.h — the faces' desktop notifications, through libnotify
 *
 * One small wrapper: notifications go out only once the session's
 * notification server has answered an asynchronous probe, so a missing or
 * slow daemon never blocks the main loop; after that, libnotify's synchronous
 * show and close run in order on one worker thread, so a busy server does
 * not block it either.  Without one, the notifier logs
 * once and drops notifications quietly.  Each notification's default click
 * and its one button activate a detailed action ("win.show-visit(int64 4)")
 * on the target widget, and present its window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WK_TYPE_NOTIFIER (wk_notifier_get_type ())
G_DECLARE_FINAL_TYPE (WkNotifier, wk_notifier, WK, NOTIFIER, GObject)

typedef enum {
  WK_NOTIFIER_STATE_UNKNOWN,
  WK_NOTIFIER_STATE_PROBING,
  WK_NOTIFIER_STATE_AVAILABLE,
  WK_NOTIFIER_STATE_UNAVAILABLE,
} WkNotifierState;

/* @target: the widget whose actions the notifications activate (weak). */
WkNotifier      *wk_notifier_new       (GtkWidget   *target);

/* Shows (or replaces, for the same @key) a notification.  @default_action
 * and @button_action are detailed action names or NULL; @button_label
 * names the button.  @urgent raises the urgency. */
void             wk_notifier_show      (WkNotifier  *self,
                                        const char  *key,
                                        const char  *summary,
                                        const char  *body,
                                        const char  *default_action,
                                        const char  *button_label,
                                        const char  *button_action,
                                        gboolean     urgent);
/* Withdraws the notification shown under @key, if any. */
void             wk_notifier_withdraw  (WkNotifier  *self,
                                        const char  *key);

WkNotifierState  wk_notifier_get_state (WkNotifier  *self);
/* How many notifications the server accepted. */
guint            wk_notifier_get_n_shown (WkNotifier *self);

G_END_DECLS
