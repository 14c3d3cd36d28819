/* wk-rating-face.h — one drawn face of the five, from very unhappy to very happy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WK_TYPE_RATING_FACE (wk_rating_face_get_type ())

G_DECLARE_FINAL_TYPE (WkRatingFace, wk_rating_face, WK, RATING_FACE, GtkWidget)

GtkWidget *wk_rating_face_new       (int           score);
int        wk_rating_face_get_score (WkRatingFace *self);
void       wk_rating_face_set_score (WkRatingFace *self,
                                     int           score);

G_END_DECLS
