"""The Wagtail admin plus the recording probe, for tests and the load benchmark.

Deliberately independent of the site's URLconf, so these tests exercise the
records app alone.
"""

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from consent.records.probe import record_probe_decision

urlpatterns = [
    path("__consent-records/decide/", record_probe_decision, name="record_probe"),
    path("admin/", include(wagtailadmin_urls)),
    path("", include(wagtail_urls)),
]
