"""The site's URLs with its pages under a language prefix: English pages at
/glossary/…, German ones at /de/glossary/… (Django's ``i18n_patterns``)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls

from microsite.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    pattern
    for pattern in site_urlpatterns
    if getattr(pattern, "urlconf_module", None) is not wagtail_urls
] + i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
