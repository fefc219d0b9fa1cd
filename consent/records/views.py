"""The "Consent records" report: list, filter and export proof of consent."""

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .filters import ConsentRecordFilterSet
from .models import ConsentRecord

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
    columns = [
        DateColumn("decided_at", label=_("Decided"), sort_key="decided_at"),
        Column("consent_id", label=_("Consent id")),
        Column("source", label=_("Source"), accessor="get_source_display"),
        Column("accepted", label=_("Accepted"), accessor="accepted_display"),
        Column("declined", label=_("Declined"), accessor="declined_display"),
        Column("texts_revision", label=_("Texts revision")),
    ]
    list_export = [
        "decided_at",
        "consent_id",
        "source",
        "accepted",
        "declined",
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
        "versions_display": _("Category versions"),
        "texts_revision": _("Texts revision"),
        "texts_hash": _("Texts hash"),
    }

    def get_filename(self):
        return f"consent-records-{datetime.date.today():%Y-%m-%d}"
