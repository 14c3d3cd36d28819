/* wk-rating-faces.h — "how did we do": five faces, one tap answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WK_TYPE_RATING_FACES (wk_rating_faces_get_type ())

G_DECLARE_FINAL_TYPE (WkRatingFaces, wk_rating_faces, WK, RATING_FACES, GtkWidget)

GtkWidget  *wk_rating_faces_new          (void);
int         wk_rating_faces_get_score    (WkRatingFaces *self);
void        wk_rating_faces_set_score    (WkRatingFaces *self,
                                          int            score);
const char *wk_rating_faces_score_label  (int            score);

G_END_DECLS
