"""The editor's read-only view of a page's clinical review."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ClinicalReviewPanel(Panel):
    """Who reviewed the page, when, when it is due, and whether it changed since.

    Shows no form field: only the "Clinical review" task sets these.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Medical review"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "clinical_review"

    class BoundPanel(Panel.BoundPanel):
        template_name = "glossary_review/panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["page"] = self.instance
            return context
