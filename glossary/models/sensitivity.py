"""Whether a glossary page is sensitive (tells something about a reader's health).

The glossary does not import the consent plugin: it declares the field the
consent plugin's health-data shield reads by name (``sensitive``: None leaves it
to the page type's default, ``sensitive_by_default``). Any consent tool may read
it the same way; see docs/glossary.md and docs/consent.md.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

SENSITIVE_HELP = _(
    "A sensitive page tells third-party scripts only its page type, never its "
    "title or address, and loads no advertising scripts or embeds. Terms are "
    "sensitive by default, the glossary index is not; choose only to differ "
    "from that."
)


def sensitive_field():
    return models.BooleanField(
        _("sensitive (health data)"),
        null=True,
        blank=True,
        default=None,
        choices=[
            (None, _("Page type default")),
            (True, _("Sensitive")),
            (False, _("Not sensitive")),
        ],
        help_text=SENSITIVE_HELP,
    )
