"""The admin home page panel: reviews overdue and falling due soon."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from . import cycle
from .listing import ReviewRow, overdue_or_due_soon

SHOWN = 10


class ReviewsDuePanel(Component):
    name = "clinical_reviews_due"
    template_name = "glossary_review/dashboard_panel.html"
    order = 140

    def get_context_data(self, parent_context):
        pages = overdue_or_due_soon()
        rows = [ReviewRow(page) for page in pages[:SHOWN]]
        total = len(rows) if len(rows) < SHOWN else pages.count()
        return {
            "rows": rows,
            "total": total,
            "due_soon_days": cycle.due_soon_days(),
            "report_url": reverse("glossary_review:report"),
            "overdue_url": reverse("glossary_review:report") + "?state=overdue",
            "due_soon_url": reverse("glossary_review:report") + "?state=due_soon",
        }
