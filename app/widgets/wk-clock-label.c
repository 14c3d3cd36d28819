/* wk-clock-label.c
 *
 * Shows hours and minutes in the lounge's time zone and wakes once a minute,
 * on the minute, rather than polling.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-clock-label"

#include "config.h"

#include "wk-clock-label.h"

struct _WkClockLabel
{
  GtkWidget   parent_instance;

  GtkWidget  *label;      /* owned child */
  GTimeZone  *timezone;   /* owned */
  guint       tick_id;
};

G_DEFINE_FINAL_TYPE (WkClockLabel, wk_clock_label, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMEZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean tick_cb (gpointer user_data);

char *
wk_clock_label_format (GDateTime *time)
{
  g_return_val_if_fail (time != NULL, NULL);
  /* %X would add seconds; %R is the 24-hour clock most lounges use */
  return g_date_time_format (time, "%R");
}

static void
update (WkClockLabel *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (self->timezone);
  g_autofree char *text = wk_clock_label_format (now);

  gtk_label_set_text (GTK_LABEL (self->label), text);

  /* wake at the next minute */
  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->tick_id = g_timeout_add_seconds (60 - g_date_time_get_second (now),
                                         tick_cb, self);
}

static gboolean
tick_cb (gpointer user_data)
{
  WkClockLabel *self = user_data;

  self->tick_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
wk_clock_label_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (wk_clock_label_parent_class)->map (widget);
  update (WK_CLOCK_LABEL (widget));
}

static void
wk_clock_label_unmap (GtkWidget *widget)
{
  WkClockLabel *self = WK_CLOCK_LABEL (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  GTK_WIDGET_CLASS (wk_clock_label_parent_class)->unmap (widget);
}

static void
wk_clock_label_dispose (GObject *object)
{
  WkClockLabel *self = WK_CLOCK_LABEL (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (wk_clock_label_parent_class)->dispose (object);
}

static void
wk_clock_label_finalize (GObject *object)
{
  WkClockLabel *self = WK_CLOCK_LABEL (object);

  g_clear_pointer (&self->timezone, g_time_zone_unref);

  G_OBJECT_CLASS (wk_clock_label_parent_class)->finalize (object);
}

static void
wk_clock_label_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WkClockLabel *self = WK_CLOCK_LABEL (object);

  switch (prop_id)
    {
    case PROP_TIMEZONE:
      g_value_set_boxed (value, self->timezone);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_clock_label_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WkClockLabel *self = WK_CLOCK_LABEL (object);

  switch (prop_id)
    {
    case PROP_TIMEZONE:
      wk_clock_label_set_timezone (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_clock_label_class_init (WkClockLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_clock_label_dispose;
  object_class->finalize = wk_clock_label_finalize;
  object_class->get_property = wk_clock_label_get_property;
  object_class->set_property = wk_clock_label_set_property;
  widget_class->map = wk_clock_label_map;
  widget_class->unmap = wk_clock_label_unmap;

  properties[PROP_TIMEZONE] =
    g_param_spec_boxed ("timezone", NULL, NULL,
                        G_TYPE_TIME_ZONE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clock");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wk_clock_label_init (WkClockLabel *self)
{
  self->timezone = g_time_zone_new_local ();
  self->label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->label, "numeric");
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
wk_clock_label_new (void)
{
  return g_object_new (WK_TYPE_CLOCK_LABEL, NULL);
}

GTimeZone *
wk_clock_label_get_timezone (WkClockLabel *self)
{
  g_return_val_if_fail (WK_IS_CLOCK_LABEL (self), NULL);
  return self->timezone;
}

void
wk_clock_label_set_timezone (WkClockLabel *self,
                             GTimeZone    *timezone)
{
  g_return_if_fail (WK_IS_CLOCK_LABEL (self));

  if (timezone == NULL)
    timezone = g_time_zone_new_local ();
  else
    g_time_zone_ref (timezone);

  if (self->timezone != NULL &&
      g_strcmp0 (g_time_zone_get_identifier (self->timezone),
                 g_time_zone_get_identifier (timezone)) == 0)
    {
      g_time_zone_unref (timezone);
      return;
    }

  g_clear_pointer (&self->timezone, g_time_zone_unref);
  self->timezone = timezone;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEZONE]);
}
