"""A root URLconf as docs/glossary.md has a site write it (Installation, step 3):
the plugin's API router and sitemap sections above Wagtail's catch-all."""

from django.urls import include, path
from wagtail import urls as wagtail_urls

from tests.packaging.documented_steps import documented_urlpatterns

urlpatterns = [*documented_urlpatterns("glossary"), path("", include(wagtail_urls))]
