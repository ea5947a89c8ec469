/* am-reload-banner.c — the bar over the map that says the file changed on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "am-reload-banner.h"
#include "am-ui-util.h"

struct _AmReloadBanner
{
  GtkWidget     parent_instance;

  AmSession    *session;
  GSignalGroup *session_signals;

  GtkRevealer  *revealer;
  GtkLabel     *label;
  GtkButton    *reload_button;      /* "Reload", or "Try Again" after an error */
  GtkButton    *keep_button;        /* "Keep Mine" */
  GtkButton    *close_button;       /* hides an error message */

  /* The error message the user closed: it stays hidden until another one comes. */
  char         *dismissed;
};

G_DEFINE_FINAL_TYPE (AmReloadBanner, am_reload_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
update (AmReloadBanner *self)
{
  gboolean changed = FALSE;
  const GError *error = NULL;

  if (self->session != NULL)
    {
      changed = am_session_get_file_changed_on_disk (self->session);
      error = am_session_get_reload_error (self->session);
    }

  /* A good read clears the error, so the next bad one shows even with the same words. */
  if (error == NULL)
    g_clear_pointer (&self->dismissed, g_free);

  if (changed)
    {
      gtk_label_set_text (self->label,
                          /* Translators: the bar over the map when the open file was
                           * changed by another program while the map has unsaved edits */
                          _("The file changed on disk. Reload it and lose your unsaved changes, "
                            "or keep your version?"));
      /* Translators: a button of the bar over the map: read the changed file again */
      gtk_button_set_label (self->reload_button, _("_Reload"));
      gtk_widget_set_visible (GTK_WIDGET (self->keep_button), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->close_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
      gtk_revealer_set_reveal_child (self->revealer, TRUE);
    }
  else if (error != NULL && g_strcmp0 (self->dismissed, error->message) != 0)
    {
      g_autofree char *text = NULL;

      /* Translators: the bar over the map when the open file changed on disk and can no
       * longer be read; %s is the error message */
      text = g_strdup_printf (_("The file changed on disk and could not be read: %s. "
                                "The map shows the last version that could."),
                              error->message);
      gtk_label_set_text (self->label, text);
      /* Translators: a button of the bar over the map: read the file again */
      gtk_button_set_label (self->reload_button, _("_Try Again"));
      gtk_widget_set_visible (GTK_WIDGET (self->keep_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
      gtk_revealer_set_reveal_child (self->revealer, TRUE);
    }
  else
    gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

static void
child_revealed_cb (AmReloadBanner *self)
{
  /* Hidden once folded away: an invisible overlay child takes no clicks from the map. */
  if (!gtk_revealer_get_reveal_child (self->revealer)
      && !gtk_revealer_get_child_revealed (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
reload_clicked_cb (AmReloadBanner *self)
{
  if (self->session != NULL)
    am_session_reload (self->session);
}

static void
keep_clicked_cb (AmReloadBanner *self)
{
  if (self->session != NULL)
    am_session_keep_mine (self->session);
}

static void
close_clicked_cb (AmReloadBanner *self)
{
  const GError *error = self->session ? am_session_get_reload_error (self->session) : NULL;

  g_free (self->dismissed);
  self->dismissed = g_strdup (error ? error->message : "");
  update (self);
}

/* GObject */

static void
am_reload_banner_dispose (GObject *object)
{
  AmReloadBanner *self = AM_RELOAD_BANNER (object);

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  if (self->revealer != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->revealer));
      self->revealer = NULL;
    }

  G_OBJECT_CLASS (am_reload_banner_parent_class)->dispose (object);
}

static void
am_reload_banner_finalize (GObject *object)
{
  AmReloadBanner *self = AM_RELOAD_BANNER (object);

  g_free (self->dismissed);

  G_OBJECT_CLASS (am_reload_banner_parent_class)->finalize (object);
}

static void
am_reload_banner_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmReloadBanner *self = AM_RELOAD_BANNER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_reload_banner_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AmReloadBanner *self = AM_RELOAD_BANNER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      am_reload_banner_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_reload_banner_class_init (AmReloadBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_reload_banner_dispose;
  object_class->finalize = am_reload_banner_finalize;
  object_class->get_property = am_reload_banner_get_property;
  object_class->set_property = am_reload_banner_set_property;

  properties [PROP_SESSION] = am_session_param_spec ();
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "actormap-reload-banner");
}

static GtkButton *
add_button (GtkBox     *box,
            const char *name,
            const char *label)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_box_append (box, button);
  return GTK_BUTTON (button);
}

static void
am_reload_banner_init (AmReloadBanner *self)
{
  GtkWidget *box;

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
  g_signal_connect_object (self->revealer, "notify::child-revealed",
                           G_CALLBACK (child_revealed_cb), self, G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "app-notification");
  gtk_revealer_set_child (self->revealer, box);

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  /* Wide enough to read in two or three lines, narrow enough for a small map. */
  gtk_label_set_width_chars (self->label, 30);
  gtk_label_set_max_width_chars (self->label, 60);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));

  /* Translators: a button of the bar over the map: read the changed file again */
  self->reload_button = add_button (GTK_BOX (box), "reload", _("_Reload"));
  gtk_widget_add_css_class (GTK_WIDGET (self->reload_button), "suggested-action");
  /* Translators: a button of the bar over the map: keep the unsaved version on screen
   * instead of the file that changed on disk */
  self->keep_button = add_button (GTK_BOX (box), "keep-mine", _("_Keep Mine"));
  self->close_button = GTK_BUTTON (gtk_button_new_from_icon_name ("window-close-symbolic"));
  gtk_widget_set_name (GTK_WIDGET (self->close_button), "close");
  gtk_widget_set_valign (GTK_WIDGET (self->close_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->close_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->close_button), "circular");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->close_button),
                               /* Translators: tooltip of the close button of the bar over
                                * the map */
                               _("Close"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->close_button));

  g_signal_connect_object (self->reload_button, "clicked",
                           G_CALLBACK (reload_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keep_button, "clicked",
                           G_CALLBACK (keep_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->close_button, "clicked",
                           G_CALLBACK (close_clicked_cb), self, G_CONNECT_SWAPPED);

  self->session_signals = _am_ui_session_signals_new (self, G_CALLBACK (update),
                                                      "file-changed-on-disk", "reload-error",
                                                      NULL);
}

/* Public API */

GtkWidget *
am_reload_banner_new (void)
{
  return g_object_new (AM_TYPE_RELOAD_BANNER, NULL);
}

AmSession *
am_reload_banner_get_session (AmReloadBanner *self)
{
  g_return_val_if_fail (AM_IS_RELOAD_BANNER (self), NULL);

  return self->session;
}

void
am_reload_banner_set_session (AmReloadBanner *self,
                              AmSession      *session)
{
  g_return_if_fail (AM_IS_RELOAD_BANNER (self));

  if (!am_session_set_slot (&self->session, self->session_signals, session))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

gboolean
am_reload_banner_get_revealed (AmReloadBanner *self)
{
  g_return_val_if_fail (AM_IS_RELOAD_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
am_reload_banner_get_message (AmReloadBanner *self)
{
  g_return_val_if_fail (AM_IS_RELOAD_BANNER (self), NULL);

  return gtk_label_get_text (self->label);
}
