/* wk-osk.c
 *
 * The kiosk cannot count on a system on-screen keyboard, so it has its
 * own.  Every key is a real GtkButton: focusable, activated by Space or
 * Enter, named for assistive technology ("Backspace", "Shift", the letter
 * itself), at least 64 px each way.  Keys do not take the focus when
 * tapped, so the target entry keeps its cursor; they type into the target
 * GtkEditable at that cursor, replacing a selection, as typing would.
 *
 * The keys are laid out on a grid of half-key columns, so that rows of
 * different lengths centre under each other like a real keyboard; the
 * grid is rebuilt when the mode or layout changes.
 *
 * Shift is one-shot: tapped once it makes the next letter a capital;
 * tapped again it locks capitals (the key is then named "Caps lock");
 * a third tap releases it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wk-osk"

#include "config.h"

#include "wk-osk.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_ENUM_TYPE (WkOskMode, wk_osk_mode,
  G_DEFINE_ENUM_VALUE (WK_OSK_MODE_TEXT, "text"),
  G_DEFINE_ENUM_VALUE (WK_OSK_MODE_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (WK_OSK_MODE_DIGITS, "digits"))

G_DEFINE_ENUM_TYPE (WkOskLayout, wk_osk_layout,
  G_DEFINE_ENUM_VALUE (WK_OSK_LAYOUT_AUTO, "auto"),
  G_DEFINE_ENUM_VALUE (WK_OSK_LAYOUT_QWERTY, "qwerty"),
  G_DEFINE_ENUM_VALUE (WK_OSK_LAYOUT_QWERTZ, "qwertz"),
  G_DEFINE_ENUM_VALUE (WK_OSK_LAYOUT_AZERTY, "azerty"))

typedef enum {
  KEY_CHAR,
  KEY_SHIFT,
  KEY_BACKSPACE,
  KEY_SPACE,
  KEY_ENTER,
  KEY_DOMAIN,
} KeyKind;

typedef enum {
  SHIFT_OFF,
  SHIFT_ONCE,
  SHIFT_LOCKED,
} ShiftState;

typedef struct
{
  KeyKind kind;
  char   *text;       /* KEY_CHAR: the character, lower case */
} Key;

struct _WkOsk
{
  GtkWidget    parent_instance;

  /* template children */
  GtkWidget   *grid;

  GtkEditable *target;        /* weak */
  WkOskMode    mode;
  WkOskLayout  layout;
  WkOskLayout  built_layout;  /* what the keys show now */
  char        *email_domain;  /* owned; without the "@" */
  ShiftState   shift;
  GPtrArray   *letter_keys;   /* of GtkButton, unowned: the grid holds them */
  GtkWidget   *shift_key;     /* unowned, or NULL */
};

G_DEFINE_FINAL_TYPE (WkOsk, wk_osk, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TARGET,
  PROP_MODE,
  PROP_LAYOUT,
  PROP_EMAIL_DOMAIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* widths in half keys */
#define W_KEY    2
#define W_SHIFT  3
#define W_BKSP   3
#define W_SPACE  10
#define W_ENTER  4
#define W_DOMAIN 6

static const struct
{
  const char *rows[3];
} letter_layouts[] = {
  [WK_OSK_LAYOUT_QWERTY] = { { "qwertyuiop", "asdfghjkl", "zxcvbnm" } },
  [WK_OSK_LAYOUT_QWERTZ] = { { "qwertzuiopü", "asdfghjklöä", "yxcvbnmß" } },
  [WK_OSK_LAYOUT_AZERTY] = { { "azertyuiop", "qsdfghjklm", "wxcvbnéèçà" } },
};

WkOskLayout
wk_osk_layout_for_language (const char *language)
{
  if (language == NULL)
    return WK_OSK_LAYOUT_QWERTY;
  /* de, de_DE, de_CH.UTF-8, … */
  if (g_str_has_prefix (language, "de") && (language[2] == '\0' || !g_ascii_isalpha (language[2])))
    return WK_OSK_LAYOUT_QWERTZ;
  if (g_str_has_prefix (language, "fr") && (language[2] == '\0' || !g_ascii_isalpha (language[2])))
    return WK_OSK_LAYOUT_AZERTY;
  return WK_OSK_LAYOUT_QWERTY;
}

WkOskLayout
wk_osk_get_effective_layout (WkOsk *self)
{
  g_return_val_if_fail (WK_IS_OSK (self), WK_OSK_LAYOUT_QWERTY);

  if (self->layout != WK_OSK_LAYOUT_AUTO)
    return self->layout;
  return wk_osk_layout_for_language (g_get_language_names ()[0]);
}

/* What assistive technology calls a key that is not a letter or digit. */
static const char *
char_name (const char *text)
{
  static const struct
  {
    const char *text;
    const char *name;
  } names[] = {
    { "@", N_("At sign") },
    { ".", N_("Dot") },
    { "-", N_("Hyphen") },
    { "_", N_("Underscore") },
    { "'", N_("Apostrophe") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (text, names[i].text) == 0)
      return _(names[i].name);
  return NULL;
}

static void
key_free (gpointer data)
{
  Key *key = data;

  g_free (key->text);
  g_free (key);
}

static char *
shown_text (WkOsk      *self,
            const char *text)
{
  gunichar ch = g_utf8_get_char (text);
  char buffer[8] = { 0 };

  /* one character at a time: "ß" stays "ß" rather than becoming "SS" */
  if (self->shift == SHIFT_OFF || g_utf8_strlen (text, -1) != 1)
    return g_strdup (text);
  g_unichar_to_utf8 (g_unichar_toupper (ch), buffer);
  return g_strdup (buffer);
}

static void
label_key (GtkWidget  *button,
           const char *text,
           const char *name)
{
  gtk_button_set_label (GTK_BUTTON (button), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name != NULL ? name : text,
                                  -1);
}

static void
update_shift (WkOsk *self)
{
  for (guint i = 0; i < self->letter_keys->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->letter_keys, i);
      Key *key = g_object_get_data (G_OBJECT (button), "wk-osk-key");
      g_autofree char *text = shown_text (self, key->text);

      label_key (button, text, NULL);
    }
  if (self->shift_key != NULL)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->shift_key), self->shift != SHIFT_OFF);
      if (self->shift == SHIFT_LOCKED)
        {
          gtk_widget_add_css_class (self->shift_key, "osk-caps-lock");
          label_key (self->shift_key, "⇪", _("Caps lock"));
        }
      else
        {
          gtk_widget_remove_css_class (self->shift_key, "osk-caps-lock");
          label_key (self->shift_key, "⇧", _("Shift"));
        }
    }
}

static void
type_text (WkOsk      *self,
           const char *text)
{
  int position;

  if (self->target == NULL || !gtk_editable_get_editable (self->target))
    return;
  gtk_editable_delete_selection (self->target);
  position = gtk_editable_get_position (self->target);
  gtk_editable_insert_text (self->target, text, -1, &position);
  gtk_editable_set_position (self->target, position);
}

static void
backspace (WkOsk *self)
{
  int start, end;

  if (self->target == NULL || !gtk_editable_get_editable (self->target))
    return;
  if (gtk_editable_get_selection_bounds (self->target, &start, &end))
    {
      gtk_editable_delete_text (self->target, start, end);
      gtk_editable_set_position (self->target, start);
      return;
    }
  end = gtk_editable_get_position (self->target);
  if (end > 0)
    {
      gtk_editable_delete_text (self->target, end - 1, end);
      gtk_editable_set_position (self->target, end - 1);
    }
}

static void
key_clicked_cb (WkOsk     *self,
                GtkButton *button)
{
  Key *key = g_object_get_data (G_OBJECT (button), "wk-osk-key");

  switch (key->kind)
    {
    case KEY_CHAR:
      {
        g_autofree char *text = shown_text (self, key->text);

        type_text (self, text);
        /* a one-shot shift waits for a letter */
        if (self->shift == SHIFT_ONCE && g_unichar_isalpha (g_utf8_get_char (key->text)))
          {
            self->shift = SHIFT_OFF;
            update_shift (self);
          }
      }
      break;
    case KEY_SHIFT:
      self->shift = (self->shift + 1) % 3;
      update_shift (self);
      break;
    case KEY_BACKSPACE:
      backspace (self);
      break;
    case KEY_SPACE:
      type_text (self, " ");
      break;
    case KEY_ENTER:
      g_signal_emit (self, signals[SIGNAL_ACTIVATE], 0);
      break;
    case KEY_DOMAIN:
      {
        const char *current = self->target != NULL ? gtk_editable_get_text (self->target) : "";
        g_autofree char *text = NULL;

        /* the "@" only once */
        if (strchr (current, '@') != NULL)
          text = g_strdup (self->email_domain);
        else
          text = g_strconcat ("@", self->email_domain, NULL);
        type_text (self, text);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static GtkWidget *
add_key (WkOsk      *self,
         KeyKind     kind,
         const char *text,
         int         column,
         int         row,
         int         width)
{
  Key *key = g_new0 (Key, 1);
  GtkWidget *button;

  key->kind = kind;
  key->text = g_strdup (text);
  button = kind == KEY_SHIFT ? gtk_toggle_button_new () : gtk_button_new ();
  g_object_set_data_full (G_OBJECT (button), "wk-osk-key", key, key_free);
  gtk_widget_add_css_class (button, "osk-key");
  /* the target keeps the focus (and its cursor) when a key is tapped */
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_vexpand (button, TRUE);
  g_signal_connect_object (button, "clicked", G_CALLBACK (key_clicked_cb), self, G_CONNECT_SWAPPED);

  switch (kind)
    {
    case KEY_CHAR:
      {
        g_autofree char *shown = shown_text (self, text);

        label_key (button, shown, char_name (text));
        if (g_unichar_isalpha (g_utf8_get_char (text)))
          g_ptr_array_add (self->letter_keys, button);
      }
      break;
    case KEY_SHIFT:
      gtk_widget_add_css_class (button, "osk-function");
      gtk_widget_add_css_class (button, "osk-symbol");
      self->shift_key = button;
      break;
    case KEY_BACKSPACE:
      gtk_button_set_icon_name (GTK_BUTTON (button), "edit-clear-symbolic");
      gtk_widget_add_css_class (button, "osk-function");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Backspace"), -1);
      break;
    case KEY_SPACE:
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Space"), -1);
      gtk_widget_add_css_class (button, "osk-space");
      break;
    case KEY_ENTER:
      gtk_button_set_label (GTK_BUTTON (button), "⏎");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Enter"), -1);
      gtk_widget_add_css_class (button, "suggested-action");
      gtk_widget_add_css_class (button, "osk-enter");
      gtk_widget_add_css_class (button, "osk-symbol");
      break;
    case KEY_DOMAIN:
      {
        g_autofree char *label = g_strconcat ("@", self->email_domain, NULL);

        label_key (button, label, NULL);
        gtk_widget_add_css_class (button, "osk-domain");
      }
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_grid_attach (GTK_GRID (self->grid), button, column, row, width, 1);
  return button;
}

/* One row of characters, each a key, starting at @column. */
static int
add_char_row (WkOsk      *self,
              const char *chars,
              int         column,
              int         row)
{
  for (const char *p = chars; *p != '\0'; p = g_utf8_next_char (p))
    {
      char text[8] = { 0 };

      g_unichar_to_utf8 (g_utf8_get_char (p), text);
      add_key (self, KEY_CHAR, text, column, row, W_KEY);
      column += W_KEY;
    }
  return column;
}

static int
row_width (const char *chars)
{
  return (int) g_utf8_strlen (chars, -1) * W_KEY;
}

static void
build_digits (WkOsk *self)
{
  static const char *rows[] = { "123", "456", "789" };

  for (int row = 0; row < 3; row++)
    add_char_row (self, rows[row], 0, row);
  add_key (self, KEY_BACKSPACE, NULL, 0, 3, W_KEY);
  add_key (self, KEY_CHAR, "0", W_KEY, 3, W_KEY);
  add_key (self, KEY_ENTER, NULL, 2 * W_KEY, 3, W_KEY);
}

static void
build_letters (WkOsk       *self,
               WkOskLayout  layout)
{
  const char *const *rows = letter_layouts[layout].rows;
  gboolean email = self->mode == WK_OSK_MODE_EMAIL;
  gboolean domain = email && self->email_domain != NULL && self->email_domain[0] != '\0';
  int widths[5];
  int total = 0, column;

  widths[0] = row_width ("1234567890");
  widths[1] = row_width (rows[0]);
  widths[2] = row_width (rows[1]);
  widths[3] = W_SHIFT + row_width (rows[2]) + W_BKSP;
  widths[4] = email ? 4 * W_KEY + (domain ? W_DOMAIN : 0) + W_ENTER
                    : 3 * W_KEY + W_SPACE + W_ENTER;
  for (int i = 0; i < 5; i++)
    total = MAX (total, widths[i]);

  add_char_row (self, "1234567890", (total - widths[0]) / 2, 0);
  add_char_row (self, rows[0], (total - widths[1]) / 2, 1);
  add_char_row (self, rows[1], (total - widths[2]) / 2, 2);

  column = (total - widths[3]) / 2;
  add_key (self, KEY_SHIFT, NULL, column, 3, W_SHIFT);
  column = add_char_row (self, rows[2], column + W_SHIFT, 3);
  add_key (self, KEY_BACKSPACE, NULL, column, 3, W_BKSP);

  column = (total - widths[4]) / 2;
  if (email)
    {
      column = add_char_row (self, "@.-_", column, 4);
      if (domain)
        {
          add_key (self, KEY_DOMAIN, NULL, column, 4, W_DOMAIN);
          column += W_DOMAIN;
        }
    }
  else
    {
      column = add_char_row (self, "'-", column, 4);
      add_key (self, KEY_SPACE, NULL, column, 4, W_SPACE);
      column = add_char_row (self, ".", column + W_SPACE, 4);
    }
  add_key (self, KEY_ENTER, NULL, column, 4, W_ENTER);
}

static void
rebuild (WkOsk *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_ptr_array_set_size (self->letter_keys, 0);
  self->shift_key = NULL;
  self->shift = SHIFT_OFF;

  self->built_layout = wk_osk_get_effective_layout (self);
  /* a number pad stays a compact block in the middle */
  gtk_widget_set_halign (self->grid, self->mode == WK_OSK_MODE_DIGITS ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
  if (self->mode == WK_OSK_MODE_DIGITS)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "osk-digits");
      build_digits (self);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "osk-digits");
      build_letters (self, self->built_layout);
    }
  update_shift (self);
}

static void
wk_osk_map (GtkWidget *widget)
{
  WkOsk *self = WK_OSK (widget);

  /* the language may have changed while hidden */
  if (self->mode != WK_OSK_MODE_DIGITS && self->built_layout != wk_osk_get_effective_layout (self))
    rebuild (self);
  GTK_WIDGET_CLASS (wk_osk_parent_class)->map (widget);
}

static void
wk_osk_dispose (GObject *object)
{
  WkOsk *self = WK_OSK (object);

  wk_osk_set_target (self, NULL);
  g_ptr_array_set_size (self->letter_keys, 0);
  self->shift_key = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (object), WK_TYPE_OSK);

  G_OBJECT_CLASS (wk_osk_parent_class)->dispose (object);
}

static void
wk_osk_finalize (GObject *object)
{
  WkOsk *self = WK_OSK (object);

  g_ptr_array_unref (self->letter_keys);
  g_free (self->email_domain);

  G_OBJECT_CLASS (wk_osk_parent_class)->finalize (object);
}

static void
wk_osk_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  WkOsk *self = WK_OSK (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_LAYOUT:
      g_value_set_enum (value, self->layout);
      break;
    case PROP_EMAIL_DOMAIN:
      g_value_set_string (value, self->email_domain);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_osk_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  WkOsk *self = WK_OSK (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      wk_osk_set_target (self, g_value_get_object (value));
      break;
    case PROP_MODE:
      wk_osk_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_LAYOUT:
      wk_osk_set_layout (self, g_value_get_enum (value));
      break;
    case PROP_EMAIL_DOMAIN:
      wk_osk_set_email_domain (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wk_osk_class_init (WkOskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wk_osk_dispose;
  object_class->finalize = wk_osk_finalize;
  object_class->get_property = wk_osk_get_property;
  object_class->set_property = wk_osk_set_property;
  widget_class->map = wk_osk_map;

  /**
   * WkOsk:target:
   *
   * The editable the keys type into (not referenced).
   */
  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL,
                         GTK_TYPE_EDITABLE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       WK_TYPE_OSK_MODE, WK_OSK_MODE_TEXT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LAYOUT] =
    g_param_spec_enum ("layout", NULL, NULL,
                       WK_TYPE_OSK_LAYOUT, WK_OSK_LAYOUT_AUTO,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * WkOsk:email-domain:
   *
   * The organisation's mail domain, without "@" (e.g. "corp.example"):
   * in email mode one key types "@corp.example".  %NULL or empty: no key.
   */
  properties[PROP_EMAIL_DOMAIN] =
    g_param_spec_string ("email-domain", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WkOsk::activate:
   *
   * The Enter key was pressed.
   */
  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/widgets/wk-osk.ui");
  gtk_widget_class_bind_template_child (widget_class, WkOsk, grid);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wk_osk_init (WkOsk *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->letter_keys = g_ptr_array_new ();
  rebuild (self);
}

GtkWidget *
wk_osk_new (void)
{
  return g_object_new (WK_TYPE_OSK, NULL);
}

GtkEditable *
wk_osk_get_target (WkOsk *self)
{
  g_return_val_if_fail (WK_IS_OSK (self), NULL);
  return self->target;
}

void
wk_osk_set_target (WkOsk       *self,
                   GtkEditable *target)
{
  g_return_if_fail (WK_IS_OSK (self));
  g_return_if_fail (target == NULL || GTK_IS_EDITABLE (target));

  if (self->target == target)
    return;
  if (self->target != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->target), (gpointer *) &self->target);
  self->target = target;
  if (self->target != NULL)
    g_object_add_weak_pointer (G_OBJECT (self->target), (gpointer *) &self->target);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

WkOskMode
wk_osk_get_mode (WkOsk *self)
{
  g_return_val_if_fail (WK_IS_OSK (self), WK_OSK_MODE_TEXT);
  return self->mode;
}

void
wk_osk_set_mode (WkOsk     *self,
                 WkOskMode  mode)
{
  g_return_if_fail (WK_IS_OSK (self));
  g_return_if_fail (mode <= WK_OSK_MODE_DIGITS);

  if (self->mode == mode)
    return;
  self->mode = mode;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

WkOskLayout
wk_osk_get_layout (WkOsk *self)
{
  g_return_val_if_fail (WK_IS_OSK (self), WK_OSK_LAYOUT_AUTO);
  return self->layout;
}

void
wk_osk_set_layout (WkOsk       *self,
                   WkOskLayout  layout)
{
  g_return_if_fail (WK_IS_OSK (self));
  g_return_if_fail (layout <= WK_OSK_LAYOUT_AZERTY);

  if (self->layout == layout)
    return;
  self->layout = layout;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

const char *
wk_osk_get_email_domain (WkOsk *self)
{
  g_return_val_if_fail (WK_IS_OSK (self), NULL);
  return self->email_domain;
}

void
wk_osk_set_email_domain (WkOsk      *self,
                         const char *domain)
{
  g_return_if_fail (WK_IS_OSK (self));

  /* accept "@corp.example" too */
  if (domain != NULL && domain[0] == '@')
    domain++;
  if (domain != NULL && domain[0] == '\0')
    domain = NULL;
  if (g_strcmp0 (self->email_domain, domain) == 0)
    return;
  g_free (self->email_domain);
  self->email_domain = g_strdup (domain);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL_DOMAIN]);
}
