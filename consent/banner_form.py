"""The admin form of the cookie banner settings."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .conf import settings

SWITCHED_OFF_SITE_WIDE = _(
    "Off for the whole site: the CONSENT_GOOGLE_CONSENT_MODE setting is off, so no "
    "Google Consent Mode signals are sent whatever this box says. Ask whoever runs "
    "the site to switch the setting on; this box then chooses for this site. "
    "Changing it does not ask visitors again."
)


class BannerSettingsForm(WagtailAdminModelForm):
    """Shows the Google Consent Mode box as the site behaves.

    The box is stored per site but only counts where CONSENT_GOOGLE_CONSENT_MODE is
    on; while that setting is off the box is cleared and locked, and saving the
    form leaves the stored choice alone.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        box = self.fields.get("google_consent_mode")
        if box is not None and not settings.CONSENT_GOOGLE_CONSENT_MODE:
            box.disabled = True
            box.help_text = SWITCHED_OFF_SITE_WIDE
            self.initial["google_consent_mode"] = False

    def clean(self):
        cleaned_data = super().clean()
        if self.fields.get("google_consent_mode", None) and (
            self.fields["google_consent_mode"].disabled
        ):
            cleaned_data.pop("google_consent_mode", None)
        return cleaned_data
