/* wk-kpi-card.h — one key figure: its value, the reference targets beside
 * it, how it stands against them, and its change on the previous period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define WK_TYPE_KPI_CARD (wk_kpi_card_get_type ())

G_DECLARE_FINAL_TYPE (WkKpiCard, wk_kpi_card, WK, KPI_CARD, AdwBin)

/* How a change or a standing reads: good, bad or neither. */
typedef enum {
  WK_KPI_TONE_NEUTRAL,
  WK_KPI_TONE_GOOD,
  WK_KPI_TONE_WARNING,
  WK_KPI_TONE_BAD,
} WkKpiTone;

GtkWidget  *wk_kpi_card_new          (void);

const char *wk_kpi_card_get_title    (WkKpiCard  *self);
void        wk_kpi_card_set_title    (WkKpiCard  *self,
                                      const char *title);
const char *wk_kpi_card_get_value    (WkKpiCard  *self);
void        wk_kpi_card_set_value    (WkKpiCard  *self,
                                      const char *value);
/* The reference targets, e.g. "Industry > 70% · Best > 90%", or a short
 * explanation when there are none. */
const char *wk_kpi_card_get_target   (WkKpiCard  *self);
void        wk_kpi_card_set_target   (WkKpiCard  *self,
                                      const char *target);
/* "Best in class" etc.; NULL hides the pill. */
void        wk_kpi_card_set_standing (WkKpiCard  *self,
                                      const char *standing,
                                      WkKpiTone   tone);
const char *wk_kpi_card_get_standing (WkKpiCard  *self);
/* e.g. "+5 pts vs previous 30 days"; NULL hides it. */
void        wk_kpi_card_set_change   (WkKpiCard  *self,
                                      const char *change,
                                      WkKpiTone   tone);
const char *wk_kpi_card_get_change   (WkKpiCard  *self);

G_END_DECLS
