/* wk-deskside-sign-in-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-deskside-sign-in-page"

#include "config.h"

#include "wk-deskside-sign-in-page.h"

#include "wk-error.h"

#include <glib/gi18n.h>

struct _WkDesksideSignInPage
{
  AdwBin               parent_instance;

  AdwEntryRow         *login_row;
  AdwPasswordEntryRow *password_row;
  GtkLabel            *message_label;
  GtkButton           *sign_in_button;
  GtkSpinner          *spinner;

  WkDesk              *desk;          /* owned */
  GCancellable        *cancellable;   /* owned, while signing in */
};

G_DEFINE_FINAL_TYPE (WkDesksideSignInPage, wk_deskside_sign_in_page, ADW_TYPE_BIN)

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (WkDesksideSignInPage *self,
          gboolean              busy)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy && self->desk != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->login_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
show_message (WkDesksideSignInPage *self,
              const char           *message)
{
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  WkDesksideSignInPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(WkSession) session = wk_desk_sign_in_finish (WK_DESK (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = WK_DESKSIDE_SIGN_IN_PAGE (user_data);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (session == NULL)
    {
      if (g_error_matches (error, WK_ERROR, WK_ERROR_UNAVAILABLE))
        show_message (self, _("The lounge database cannot be reached. Try again in a moment."));
      else
        show_message (self, error->message);
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  show_message (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_signal_emit (self, signals[SIGNED_IN], 0, session);
}

static void
sign_in (WkDesksideSignInPage *self)
{
  g_autofree char *login = NULL;
  const char *password;

  if (self->desk == NULL || self->cancellable != NULL)
    return;

  login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row))));
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  if (*login == '\0' || *password == '\0')
    {
      show_message (self, _("Enter your email or username and your password."));
      gtk_widget_grab_focus (*login == '\0' ? GTK_WIDGET (self->login_row)
                                            : GTK_WIDGET (self->password_row));
      return;
    }

  show_message (self, NULL);
  set_busy (self, TRUE);
  self->cancellable = g_cancellable_new ();
  /* the callback holds no reference: dispose cancels, and it checks first */
  wk_desk_sign_in_async (self->desk, login, password, self->cancellable, sign_in_cb, self);
}

static void
sign_in_clicked_cb (WkDesksideSignInPage *self)
{
  sign_in (self);
}

static void
login_activated_cb (WkDesksideSignInPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
password_activated_cb (WkDesksideSignInPage *self)
{
  sign_in (self);
}

void
wk_deskside_sign_in_page_set_desk (WkDesksideSignInPage *self,
                                   WkDesk               *desk)
{
  g_return_if_fail (WK_IS_DESKSIDE_SIGN_IN_PAGE (self));
  g_return_if_fail (desk == NULL || WK_IS_DESK (desk));

  g_set_object (&self->desk, desk);
  set_busy (self, self->cancellable != NULL);
}

void
wk_deskside_sign_in_page_set_login (WkDesksideSignInPage *self,
                                    const char           *login)
{
  g_return_if_fail (WK_IS_DESKSIDE_SIGN_IN_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), login != NULL ? login : "");
}

void
wk_deskside_sign_in_page_reset (WkDesksideSignInPage *self)
{
  g_return_if_fail (WK_IS_DESKSIDE_SIGN_IN_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_message (self, NULL);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->login_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
wk_deskside_sign_in_page_dispose (GObject *object)
{
  WkDesksideSignInPage *self = WK_DESKSIDE_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->desk);

  G_OBJECT_CLASS (wk_deskside_sign_in_page_parent_class)->dispose (object);
}

static void
wk_deskside_sign_in_page_class_init (WkDesksideSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_deskside_sign_in_page_dispose;

  signals[SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, WK_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/deskside/wk-deskside-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WkDesksideSignInPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideSignInPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideSignInPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, login_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
}

static void
wk_deskside_sign_in_page_init (WkDesksideSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_busy (self, FALSE);
}
