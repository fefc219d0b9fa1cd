"""Every reviewable page with its review, in one query, for the report and the
dashboard: each page type's review columns are read through Page's joins."""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BigIntegerField,
    BooleanField,
    CharField,
    DateField,
    F,
    Q,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from . import cycle
from .models import ClinicalReviewMixin


def reviewable_models() -> list:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ClinicalReviewMixin) and issubclass(model, Page)
    ]


def path_from_page(model) -> str:
    """The lookup from Page to ``model``'s table, e.g. "glossarytermpage"."""
    names = []
    while model is not Page:
        names.append(model._meta.model_name)
        # Multi-table inheritance: the concrete parent that leads back to Page.
        model = next(
            parent for parent in model._meta.parents if issubclass(parent, Page)
        )
    return "__".join(reversed(names))


def first_of(paths: list[str], field: str, output_field):
    expressions = [F(f"{path}__{field}") for path in paths]
    if len(expressions) == 1:
        return expressions[0]
    return Coalesce(*expressions, output_field=output_field)


def reviewable_pages():
    """Reviewable pages, annotated with ``review_*`` values, oldest review first."""
    models = reviewable_models()
    paths = [path_from_page(model) for model in models]
    content_types = ContentType.objects.get_for_models(*models).values()
    return (
        Page.objects.filter(content_type__in=content_types)
        .annotate(
            review_last=first_of(paths, "last_reviewed", DateField()),
            review_reviewer_id=first_of(paths, "clinical_reviewer", BigIntegerField()),
            review_reviewer=first_of(paths, "clinical_reviewer__name", CharField()),
            review_credentials=first_of(
                paths, "clinical_reviewer__credentials", CharField()
            ),
            review_unreviewed_changes=first_of(
                paths, "has_unreviewed_changes", BooleanField()
            ),
        )
        .order_by(F("review_last").asc(nulls_first=True), "pk")
    )


def due_by(day: datetime.date) -> Q:
    """Reviewed pages whose next review falls due on or before ``day``."""
    content_types = ContentType.objects.get_for_models(*reviewable_models())
    due = Q(pk__in=[])
    for model, content_type in content_types.items():
        latest = cycle.latest_review_due_by(day, cycle.interval_months(model))
        due |= Q(content_type=content_type, review_last__lte=latest)
    return due


def overdue_or_due_soon(today=None):
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=cycle.due_soon_days())
    return reviewable_pages().filter(due_by(horizon))


def filter_by_state(pages, state: str, today=None):
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=cycle.due_soon_days())
    overdue = due_by(today - datetime.timedelta(days=1))
    if state == cycle.OVERDUE:
        return pages.filter(overdue)
    if state == cycle.DUE_SOON:
        return pages.filter(due_by(horizon)).exclude(overdue)
    if state == cycle.NOT_REVIEWED:
        return pages.filter(review_last__isnull=True)
    if state == "unreviewed_changes":
        return pages.filter(review_unreviewed_changes=True)
    return pages


@dataclass
class ReviewRow:
    """One reviewable page as the report and the dashboard show it."""

    page: Page

    @property
    def title(self) -> str:
        return self.page.get_admin_display_title()

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    @property
    def page_type(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def model(self):
        return ContentType.objects.get_for_id(self.page.content_type_id).model_class()

    @property
    def reviewer(self) -> str:
        parts = (self.page.review_reviewer, self.page.review_credentials)
        return ", ".join(part for part in parts if part)

    @property
    def last_reviewed(self):
        return self.page.review_last

    @property
    def next_review_due(self):
        if self.last_reviewed is None:
            return None
        return cycle.add_months(self.last_reviewed, cycle.interval_months(self.model))

    @property
    def state(self) -> str:
        return cycle.review_state(self.next_review_due)

    @property
    def state_display(self) -> str:
        return cycle.STATE_LABELS[self.state]

    @property
    def unreviewed_changes(self) -> bool:
        return bool(self.page.review_unreviewed_changes)

    @property
    def live(self) -> bool:
        return self.page.live
