"""The admin form of a gated script: it records who promised that the script is
safe on sensitive pages, and when (consent.sensitivity)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import HelpPanel

# What the promise covers: the code that runs. A change of it is promised again.
PROMISED = ("safe_on_sensitive_pages", "src", "code", "category")


class GatedScriptForm(WagtailAdminModelForm):
    def save(self, commit=True):
        script = self.instance
        if not script.safe_on_sensitive_pages:
            script.safe_marked_by = script.safe_marked_at = None
        elif script.safe_marked_at is None or any(
            # A new script (a copy too): whoever saves it makes the promise.
            name in self.changed_data
            for name in PROMISED
        ):
            script.safe_marked_by = self.for_user
            script.safe_marked_at = timezone.now()
        return super().save(commit)


class SafePromisePanel(HelpPanel):
    """Who marked the script safe on sensitive pages, and when."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.content = promise_text(self.instance)


def promise_text(script):
    if not script.safe_on_sensitive_pages or script.safe_marked_at is None:
        return _("Not marked safe: this script never runs on sensitive pages.")
    who = script.safe_marked_by
    when = date_format(timezone.localtime(script.safe_marked_at), "DATETIME_FORMAT")
    if who is None:  # a command (the demo loader), or a user since deleted
        return format_html(_("Marked safe on {when}, by no user on record."), when=when)
    return format_html(
        _("Marked safe by {who} on {when}."),
        who=who.get_full_name() or who.get_username(),
        when=when,
    )
