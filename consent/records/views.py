"""The "Consent records" report: list, filter and export proof of consent."""

import datetime

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .filters import ConsentRecordFilterSet
from .models import ConsentRecord
from .names import category_names, name_categories

permission_policy = ModelPermissionPolicy(ConsentRecord)


class ConsentRecordReportView(ReportView):
    model = ConsentRecord
    permission_policy = permission_policy
    permission_required = "view"
    page_title = _("Consent records")
    header_icon = "clipboard-list"
    filterset_class = ConsentRecordFilterSet
    index_url_name = "consent_records:report"
    index_results_url_name = "consent_records:report_results"
    default_ordering = "-decided_at"
    verbose_name_plural = _("consent records")
    list_export = [
        "decided_at",
        "consent_id",
        "source",
        "accepted",
        "declined",
        "accepted_display",
        "declined_display",
        "versions_display",
        "texts_revision",
        "texts_hash",
    ]
    export_headings = {
        "decided_at": _("Decided at"),
        "consent_id": _("Consent id"),
        "source": _("Source"),
        "accepted": _("Accepted"),
        "declined": _("Declined"),
        "accepted_display": _("Accepted (varnames)"),
        "declined_display": _("Declined (varnames)"),
        "versions_display": _("Category versions"),
        "texts_revision": _("Texts revision"),
        "texts_hash": _("Texts hash"),
    }

    @cached_property
    def category_names(self) -> dict[str, str]:
        return category_names()

    def accepted_names(self, record) -> str:
        return name_categories(record.accepted, self.category_names)

    def declined_names(self, record) -> str:
        return name_categories(record.declined, self.category_names)

    @cached_property
    def columns(self):
        return [
            DateColumn("decided_at", label=_("Decided"), sort_key="decided_at"),
            Column("consent_id", label=_("Consent id"), classname="consent-id"),
            Column("source", label=_("Source"), accessor="get_source_display"),
            Column("accepted", label=_("Accepted"), accessor=self.accepted_names),
            Column("declined", label=_("Declined"), accessor=self.declined_names),
            Column("texts_revision", label=_("Texts revision")),
        ]

    def to_row_dict(self, item):
        # Names as the categories are called now; the varnames, the stable keys
        # an auditor matches against the consent cookie, follow in their own columns.
        row = super().to_row_dict(item)
        row["accepted"] = self.accepted_names(item)
        row["declined"] = self.declined_names(item)
        return row

    def get_filename(self):
        return f"consent-records-{datetime.date.today():%Y-%m-%d}"
