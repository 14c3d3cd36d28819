/* wk-deskside-visit-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-deskside-visit-row"

#include "config.h"

#include "wk-deskside-visit-row.h"

#include <glib/gi18n.h>

struct _WkDesksideVisitRow
{
  GtkWidget      parent_instance;

  AdwAvatar     *avatar;
  GtkLabel      *name_label;
  GtkLabel      *about_label;
  GtkLabel      *status_label;
  GtkLabel      *wait_label;
  GtkButton     *pick_up_button;

  WkVisit       *visit;        /* owned */
  WkWaitLevel    level;
  char          *wait_text;    /* owned: what the label shows */
};

G_DEFINE_FINAL_TYPE (WkDesksideVisitRow, wk_deskside_visit_row, GTK_TYPE_WIDGET)

static char *
describe_about (WkVisit *visit)
{
  const char *ref = wk_visit_get_ticket_ref (visit);
  const char *subject = wk_visit_get_ticket_subject (visit);
  const char *reason = wk_deskside_category_label (wk_visit_get_reason (visit));

  if (ref != NULL && subject != NULL)
    /* Translators: a ticket reference and its subject */
    return g_strdup_printf (_("%s · %s"), ref, subject);
  if (subject != NULL)
    return g_strdup (subject);
  return g_strdup (reason);
}

static char *
describe_status (WkVisit *visit)
{
  const char *engineer = wk_visit_get_engineer_name (visit);
  const char *desk = wk_visit_get_desk (visit);

  switch (wk_visit_get_status (visit))
    {
    case WK_VISIT_STATUS_WAITING:
      /* Translators: %u is the visitor's place in the queue */
      return g_strdup_printf (_("Waiting · number %u in the queue"), wk_visit_get_position (visit));
    case WK_VISIT_STATUS_CALLED:
      if (engineer != NULL && desk != NULL)
        /* Translators: "Called to Desk 2 by Tom Hughes" */
        return g_strdup_printf (_("Called to %s by %s"), desk, engineer);
      return g_strdup (wk_deskside_visit_status_label (WK_VISIT_STATUS_CALLED));
    case WK_VISIT_STATUS_IN_SERVICE:
      if (engineer != NULL)
        /* Translators: %s is the engineer's name */
        return g_strdup_printf (_("In service with %s"), engineer);
      return g_strdup (wk_deskside_visit_status_label (WK_VISIT_STATUS_IN_SERVICE));
    default:
      return g_strdup (wk_deskside_visit_status_label (wk_visit_get_status (visit)));
    }
}

WkWaitLevel
wk_deskside_visit_wait (WkVisit *visit,
                        gint64   now,
                        guint    amber_minutes,
                        guint    red_minutes,
                        gint64  *seconds)
{
  gint64 since = wk_visit_get_checked_in_at (visit);
  gint64 s;

  /* a waiting visitor's timer runs from check-in; once called, the wait is over */
  if (wk_visit_get_status (visit) == WK_VISIT_STATUS_WAITING)
    s = now - since;
  else
    s = (wk_visit_get_called_at (visit) > 0 ? wk_visit_get_called_at (visit) : now) - since;
  if (seconds != NULL)
    *seconds = s;
  return wk_visit_get_status (visit) == WK_VISIT_STATUS_WAITING
         ? wk_deskside_wait_level (s, amber_minutes, red_minutes)
         : WK_WAIT_LEVEL_NORMAL;
}

WkWaitLevel
wk_deskside_visit_row_update_wait (WkDesksideVisitRow *self,
                                   gint64              now,
                                   guint               amber_minutes,
                                   guint               red_minutes)
{
  gint64 seconds;
  WkWaitLevel level;
  g_autofree char *text = NULL;

  g_return_val_if_fail (WK_IS_DESKSIDE_VISIT_ROW (self), WK_WAIT_LEVEL_NORMAL);

  if (self->visit == NULL)
    return WK_WAIT_LEVEL_NORMAL;
  level = wk_deskside_visit_wait (self->visit, now, amber_minutes, red_minutes, &seconds);
  text = wk_deskside_format_wait (seconds);

  if (g_strcmp0 (text, self->wait_text) != 0)
    {
      g_autofree char *accessible = NULL;

      gtk_label_set_text (self->wait_label, text);
      g_free (self->wait_text);
      self->wait_text = g_steal_pointer (&text);

      /* Translators: the accessible name of a queue row: name, then waiting time */
      accessible = g_strdup_printf (_("%s, waited %s"),
                                    wk_visit_get_person_name (self->visit), self->wait_text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }
  if (level != self->level)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->wait_label),
                                   wk_deskside_wait_style_class (self->level));
      gtk_widget_add_css_class (GTK_WIDGET (self->wait_label),
                                wk_deskside_wait_style_class (level));
      self->level = level;
    }
  return level;
}

void
wk_deskside_visit_row_set_visit (WkDesksideVisitRow *self,
                                 WkVisit            *visit)
{
  g_autofree char *about = NULL;
  g_autofree char *status = NULL;
  g_autofree char *pick_up = NULL;
  const char *name;
  gboolean waiting;

  g_return_if_fail (WK_IS_DESKSIDE_VISIT_ROW (self));
  g_return_if_fail (visit == NULL || WK_IS_VISIT (visit));

  if (!g_set_object (&self->visit, visit) || visit == NULL)
    return;

  /* a row shows one visit after another as the list scrolls: set all of it */
  about = describe_about (visit);
  status = describe_status (visit);
  name = wk_visit_get_person_name (visit);
  waiting = wk_visit_get_status (visit) == WK_VISIT_STATUS_WAITING;

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->about_label, about);
  gtk_label_set_text (self->status_label, status);

  gtk_widget_set_visible (GTK_WIDGET (self->pick_up_button), waiting);
  /* the action once there is a target for it (win.pick-up-visit takes an id) */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->pick_up_button), "x",
                                    wk_visit_get_id (visit));
  if (gtk_actionable_get_action_name (GTK_ACTIONABLE (self->pick_up_button)) == NULL)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->pick_up_button), "win.pick-up-visit");
  /* Translators: the accessible name of a button; %s is the visitor's name */
  pick_up = g_strdup_printf (_("Pick up %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pick_up_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pick_up, -1);

  if (waiting)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "visit-served");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "visit-served");

  /* the timer and the accessible name follow in update_wait () */
  g_clear_pointer (&self->wait_text, g_free);
}

WkVisit *
wk_deskside_visit_row_get_visit (WkDesksideVisitRow *self)
{
  g_return_val_if_fail (WK_IS_DESKSIDE_VISIT_ROW (self), NULL);
  return self->visit;
}

static void
wk_deskside_visit_row_dispose (GObject *object)
{
  WkDesksideVisitRow *self = WK_DESKSIDE_VISIT_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->visit);

  G_OBJECT_CLASS (wk_deskside_visit_row_parent_class)->dispose (object);
}

static void
wk_deskside_visit_row_finalize (GObject *object)
{
  WkDesksideVisitRow *self = WK_DESKSIDE_VISIT_ROW (object);

  g_clear_pointer (&self->wait_text, g_free);

  G_OBJECT_CLASS (wk_deskside_visit_row_parent_class)->finalize (object);
}

static void
wk_deskside_visit_row_class_init (WkDesksideVisitRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_deskside_visit_row_dispose;
  object_class->finalize = wk_deskside_visit_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/deskside/wk-deskside-visit-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitRow, about_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitRow, wait_label);
  gtk_widget_class_bind_template_child (widget_class, WkDesksideVisitRow, pick_up_button);
}

static void
wk_deskside_visit_row_init (WkDesksideVisitRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->level = WK_WAIT_LEVEL_NORMAL;
  gtk_widget_add_css_class (GTK_WIDGET (self->wait_label),
                            wk_deskside_wait_style_class (self->level));
}

GtkWidget *
wk_deskside_visit_row_new (void)
{
  return g_object_new (WK_TYPE_DESKSIDE_VISIT_ROW, NULL);
}
