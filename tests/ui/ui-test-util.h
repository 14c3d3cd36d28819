/* ui-test-util.h — helpers shared by the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        ui_test_init              (int          *argc,
                                       char       ***argv);
GtkWindow  *ui_test_show              (GtkWidget    *child,
                                       int           width,
                                       int           height);
void        ui_test_wait_drawn        (GtkWidget    *widget);
void        ui_test_wait_ms           (guint         ms);
guint       ui_test_count_frames      (GtkWidget    *widget,
                                       guint         ms);
gboolean    ui_test_wait_for          (gboolean    (*done) (gpointer data),
                                       gpointer      data,
                                       guint         timeout_ms);
char       *ui_test_screenshot        (GtkWidget    *widget,
                                       const char   *name);
GtkWidget  *ui_test_find_by_label     (GtkWidget    *root,
                                       const char   *label);
gboolean    ui_test_has_label         (GtkWidget    *widget,
                                       const char   *label);
gboolean    ui_test_has_description   (GtkWidget    *widget,
                                       const char   *description);
void        ui_test_count_notify      (GObject      *object,
                                       GParamSpec   *pspec,
                                       guint        *counter);
void        ui_test_activate          (GtkWidget    *widget);
void        ui_test_touch_size        (GtkWidget    *widget,
                                       double       *width,
                                       double       *height);
void        ui_test_collect_by_type   (GtkWidget    *root,
                                       GType         type,
                                       GPtrArray    *out);

/* Real input through the X server's XTest extension (libXtst, loaded at run
 * time).  Return FALSE when XTest is not available: skip the test. */
gboolean    ui_test_xtest_available   (void);
gboolean    ui_test_xtest_key         (guint         keyval,
                                       guint         delay_ms);
gboolean    ui_test_xtest_pointer     (GtkWidget    *widget,
                                       double        x,
                                       double        y,
                                       guint         delay_ms);
gboolean    ui_test_xtest_button      (gboolean      press,
                                       guint         delay_ms);
void        ui_test_xtest_sync        (void);

G_END_DECLS
