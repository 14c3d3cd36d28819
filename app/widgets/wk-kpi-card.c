/* wk-kpi-card.c — one key figure beside its targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-kpi-card"

#include "config.h"

#include "wk-kpi-card.h"

struct _WkKpiCard
{
  AdwBin     parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *value_label;
  GtkLabel  *target_label;
  GtkLabel  *standing_label;
  GtkLabel  *change_label;
};

G_DEFINE_FINAL_TYPE (WkKpiCard, wk_kpi_card, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_VALUE,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const tone_classes[] = {
  [WK_KPI_TONE_NEUTRAL] = "kpi-neutral",
  [WK_KPI_TONE_GOOD] = "kpi-good",
  [WK_KPI_TONE_WARNING] = "kpi-warning",
  [WK_KPI_TONE_BAD] = "kpi-bad",
};

static void
set_tone (GtkWidget *widget,
          WkKpiTone  tone)
{
  for (guint i = 0; i < G_N_ELEMENTS (tone_classes); i++)
    gtk_widget_remove_css_class (widget, tone_classes[i]);
  if ((guint) tone < G_N_ELEMENTS (tone_classes))
    gtk_widget_add_css_class (widget, tone_classes[tone]);
}

static void
update_accessible (WkKpiCard *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->title_label),
                                  -1);
}

static void
wk_kpi_card_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WkKpiCard *self = WK_KPI_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, wk_kpi_card_get_title (self));
      break;
    case PROP_VALUE:
      g_value_set_string (value, wk_kpi_card_get_value (self));
      break;
    case PROP_TARGET:
      g_value_set_string (value, wk_kpi_card_get_target (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_kpi_card_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WkKpiCard *self = WK_KPI_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      wk_kpi_card_set_title (self, g_value_get_string (value));
      break;
    case PROP_VALUE:
      wk_kpi_card_set_value (self, g_value_get_string (value));
      break;
    case PROP_TARGET:
      wk_kpi_card_set_target (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_kpi_card_class_init (WkKpiCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = wk_kpi_card_get_property;
  object_class->set_property = wk_kpi_card_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/widgets/wk-kpi-card.ui");
  gtk_widget_class_bind_template_child (widget_class, WkKpiCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, WkKpiCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, WkKpiCard, target_label);
  gtk_widget_class_bind_template_child (widget_class, WkKpiCard, standing_label);
  gtk_widget_class_bind_template_child (widget_class, WkKpiCard, change_label);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "kpicard");
}

static void
wk_kpi_card_init (WkKpiCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wk_kpi_card_new (void)
{
  return g_object_new (WK_TYPE_KPI_CARD, NULL);
}

static gboolean
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text != NULL ? text : "") == 0)
    return FALSE;
  gtk_label_set_text (label, text != NULL ? text : "");
  return TRUE;
}

const char *
wk_kpi_card_get_title (WkKpiCard *self)
{
  g_return_val_if_fail (WK_IS_KPI_CARD (self), NULL);
  return gtk_label_get_text (self->title_label);
}

void
wk_kpi_card_set_title (WkKpiCard  *self,
                       const char *title)
{
  g_return_if_fail (WK_IS_KPI_CARD (self));

  if (set_label (self->title_label, title))
    {
      update_accessible (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

const char *
wk_kpi_card_get_value (WkKpiCard *self)
{
  g_return_val_if_fail (WK_IS_KPI_CARD (self), NULL);
  return gtk_label_get_text (self->value_label);
}

void
wk_kpi_card_set_value (WkKpiCard  *self,
                       const char *value)
{
  g_return_if_fail (WK_IS_KPI_CARD (self));

  if (set_label (self->value_label, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

const char *
wk_kpi_card_get_target (WkKpiCard *self)
{
  g_return_val_if_fail (WK_IS_KPI_CARD (self), NULL);
  return gtk_label_get_text (self->target_label);
}

void
wk_kpi_card_set_target (WkKpiCard  *self,
                        const char *target)
{
  g_return_if_fail (WK_IS_KPI_CARD (self));

  if (set_label (self->target_label, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

void
wk_kpi_card_set_standing (WkKpiCard  *self,
                          const char *standing,
                          WkKpiTone   tone)
{
  g_return_if_fail (WK_IS_KPI_CARD (self));

  set_label (self->standing_label, standing);
  gtk_widget_set_visible (GTK_WIDGET (self->standing_label), standing != NULL);
  set_tone (GTK_WIDGET (self->standing_label), tone);
}

const char *
wk_kpi_card_get_standing (WkKpiCard *self)
{
  g_return_val_if_fail (WK_IS_KPI_CARD (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->standing_label)))
    return NULL;
  return gtk_label_get_text (self->standing_label);
}

void
wk_kpi_card_set_change (WkKpiCard  *self,
                        const char *change,
                        WkKpiTone   tone)
{
  g_return_if_fail (WK_IS_KPI_CARD (self));

  set_label (self->change_label, change);
  gtk_widget_set_visible (GTK_WIDGET (self->change_label), change != NULL);
  set_tone (GTK_WIDGET (self->change_label), tone);
}

const char *
wk_kpi_card_get_change (WkKpiCard *self)
{
  g_return_val_if_fail (WK_IS_KPI_CARD (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->change_label)))
    return NULL;
  return gtk_label_get_text (self->change_label);
}
