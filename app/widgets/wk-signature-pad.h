/* wk-signature-pad.h — finger, mouse or stylus signature capture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WK_TYPE_SIGNATURE_PAD (wk_signature_pad_get_type ())

G_DECLARE_FINAL_TYPE (WkSignaturePad, wk_signature_pad, WK, SIGNATURE_PAD, GtkWidget)

/**
 * WkSignaturePoint:
 * @x: 0 (left edge) … 1 (right edge) of the pad
 * @y: 0 (top edge) … 1 (bottom edge) of the pad
 * @t_ms: milliseconds since the signature's first point
 */
typedef struct
{
  double  x;
  double  y;
  guint32 t_ms;
} WkSignaturePoint;

/* JSON keeps coordinates as integers in 1/WK_SIGNATURE_JSON_SCALE units */
#define WK_SIGNATURE_JSON_SCALE 10000

GtkWidget              *wk_signature_pad_new          (void);
gboolean                wk_signature_pad_get_is_empty (WkSignaturePad *self);
void                    wk_signature_pad_clear        (WkSignaturePad *self);
guint                   wk_signature_pad_get_n_strokes (WkSignaturePad *self);
const WkSignaturePoint *wk_signature_pad_get_stroke   (WkSignaturePad *self,
                                                       guint           index,
                                                       guint          *n_points);
char                   *wk_signature_pad_to_json      (WkSignaturePad *self);
gboolean                wk_signature_pad_load_json    (WkSignaturePad *self,
                                                       const char     *json,
                                                       GError        **error);

G_END_DECLS
