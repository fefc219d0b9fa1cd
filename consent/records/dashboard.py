"""The "Consent report": decisions per day and acceptance per category, as charts."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consent.models import AuditResult
from consent.sensitivity import count_sensitive_pages

from .charts import decisions_chart, every_day, rates_chart
from .forms import ReportPeriodForm, default_period
from .models import ConsentRecord
from .names import category_names
from .querysets import CategoryTally, sum_tallies
from .views import permission_policy

SUMMARY_DAYS = 30


def consent_report(first_day, last_day) -> dict:
    """Everything the report shows for a period, in two queries."""
    names = category_names(choosable_only=True)
    categories = list(names)
    days = ConsentRecord.objects.decided_between(first_day, last_day).daily_tallies(
        categories
    )
    totals = sum_tallies(days, categories)
    by_day = {day.day: day for day in days}
    empty = [CategoryTally(varname) for varname in categories]
    rows = [
        (
            date,
            by_day[date].decisions if date in by_day else 0,
            by_day[date].categories if date in by_day else empty,
        )
        for date in every_day(first_day, last_day)
    ]
    return {
        "first_day": first_day,
        "last_day": last_day,
        "categories": categories,
        "names": names,
        "totals": totals,
        "rows": rows,
        "decisions_chart": decisions_chart(days, first_day, last_day),
        "rates_chart": rates_chart(totals),
    }


class ConsentDashboardView(
    PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView
):
    permission_policy = permission_policy
    permission_required = "view"
    page_title = _("Consent report")
    header_icon = "tick-inverse"
    template_name = "consent_records/dashboard.html"

    def get(self, request, *args, **kwargs):
        form = ReportPeriodForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            context = self.get_context_data(form=form)
            return self.render_to_response(context, status=400)
        if form.is_bound:
            period = form.cleaned_data["first_day"], form.cleaned_data["last_day"]
        else:
            period = default_period()
        context = self.get_context_data(form=form, **consent_report(*period))
        return self.render_to_response(context)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["records_url"] = reverse("consent_records:report")
        context["shield"] = shield_summary()
        return context


def shield_summary() -> dict:
    """The health-data shield at a glance: sensitive pages, the last audit."""
    sensitive, live = count_sensitive_pages()
    return {
        "sensitive_pages": sensitive,
        "live_pages": live,
        "last_audit": AuditResult.objects.latest_run(),
    }


class ConsentSummaryPanel(Component):
    """The last 30 days of consent at a glance, on the Wagtail admin home page."""

    name = "consent_summary"
    template_name = "consent_records/home_summary_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        return {
            **consent_report(*default_period()),
            "days": SUMMARY_DAYS,
            "report_url": reverse("consent_records:dashboard"),
            "records_url": reverse("consent_records:report"),
        }
