"""The "Clinical review" report: every reviewable page, its reviewer and due date,
exported to CSV or XLSX."""

import datetime

import django_filters
from django.core.exceptions import PermissionDenied
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from . import cycle
from .listing import ReviewRow, filter_by_state, reviewable_pages
from .permissions import may_see_reviews

STATE_CHOICES = [
    (cycle.OVERDUE, cycle.STATE_LABELS[cycle.OVERDUE]),
    (cycle.DUE_SOON, cycle.STATE_LABELS[cycle.DUE_SOON]),
    (cycle.NOT_REVIEWED, cycle.STATE_LABELS[cycle.NOT_REVIEWED]),
    ("unreviewed_changes", _("Changes not yet reviewed")),
]


class ReviewFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Review"),
        choices=STATE_CHOICES,
        method="filter_state",
        empty_label=_("All pages"),
    )

    class Meta:
        model = Page
        fields = []

    def filter_state(self, queryset, name, value):
        return filter_by_state(queryset, value)


class ClinicalReviewReportView(ReportView):
    page_title = _("Clinical review")
    header_icon = "doc-full-inverse"
    index_url_name = "glossary_review:report"
    index_results_url_name = "glossary_review:report_results"
    filterset_class = ReviewFilterSet
    verbose_name_plural = _("reviewable pages")
    list_export = [
        "title",
        "page_type",
        "reviewer",
        "last_reviewed",
        "next_review_due",
        "state_display",
        "unreviewed_changes",
        "live",
    ]
    export_headings = {
        "title": _("Page"),
        "page_type": _("Type"),
        "reviewer": _("Reviewed by"),
        "last_reviewed": _("Last reviewed"),
        "next_review_due": _("Next review due"),
        "state_display": _("Review"),
        "unreviewed_changes": _("Changes not yet reviewed"),
        "live": _("Published"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_see_reviews(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return reviewable_pages()

    def to_row_dict(self, item):
        row = ReviewRow(item)
        return {field: getattr(row, field) for field in self.list_export}

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Page"),
                accessor=row_value("title"),
                get_url=row_value("edit_url"),
            ),
            Column("page_type", label=_("Type"), accessor=row_value("page_type")),
            Column("reviewer", label=_("Reviewed by"), accessor=row_value("reviewer")),
            # Days, not Wagtail's DateColumn: it says "3 months ago" or, for a
            # date to come, "Just now".
            Column(
                "last_reviewed",
                label=_("Last reviewed"),
                accessor=day_of("last_reviewed"),
            ),
            Column(
                "next_review_due",
                label=_("Next review due"),
                accessor=day_of("next_review_due"),
            ),
            Column("state", label=_("Review"), accessor=row_value("state_display")),
            Column(
                "unreviewed_changes",
                label=_("Changes not yet reviewed"),
                accessor=_yes_or_blank,
            ),
        ]

    def get_filename(self):
        return f"clinical-review-{datetime.date.today():%Y-%m-%d}"


def row_value(name):
    """A column accessor: the listing holds pages, the values come from ReviewRow."""

    def value(page):
        return getattr(ReviewRow(page), name)

    return value


def day_of(name):
    def day(page):
        value = getattr(ReviewRow(page), name)
        return date_format(value, "j M Y") if value else ""

    return day


def _yes_or_blank(page):
    return _("Yes") if ReviewRow(page).unreviewed_changes else ""
