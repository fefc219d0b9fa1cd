from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from . import declarations


class CookieDeclarationsBlock(blocks.StaticBlock):
    """Every category and declared cookie, read from the database when rendered.

    Put it on the cookie policy page so the policy never drifts from what the
    banner asks.
    """

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["categories"] = declarations.categories()
        context["heading_level"] = 3
        return context

    class Meta:
        icon = "list-ul"
        label = _("Cookie declarations")
        admin_text = _(
            "Lists every cookie category and declared cookie from the settings."
        )
        template = "consent/cookie_declarations.html"
