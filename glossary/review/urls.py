"""Admin URLs, mounted under /admin/clinical-review/ by wagtail_hooks."""

from django.urls import path

from .views import ClinicalReviewReportView

app_name = "glossary_review"
urlpatterns = [
    path("", ClinicalReviewReportView.as_view(), name="report"),
    path(
        "results/",
        ClinicalReviewReportView.as_view(results_only=True),
        name="report_results",
    ),
]
