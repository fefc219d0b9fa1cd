"""Admin URLs, mounted under /admin/consent-records/ by wagtail_hooks."""

from django.urls import path

from .dashboard import ConsentDashboardView
from .views import ConsentRecordReportView

app_name = "consent_records"
urlpatterns = [
    path("", ConsentRecordReportView.as_view(), name="report"),
    path(
        "results/",
        ConsentRecordReportView.as_view(results_only=True),
        name="report_results",
    ),
    path("dashboard/", ConsentDashboardView.as_view(), name="dashboard"),
]
