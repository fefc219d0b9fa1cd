"""The site with the consent URLs under /privacy/cookies/ instead of /cookies/,
as another site may mount them, plus a page with gated blocks."""

from django.urls import include, path

from microsite import urls as site_urls

from .urls import embed_page

PREFIX = "/privacy/cookies/"

urlpatterns = [
    path("embed-demo/", embed_page),
    path(PREFIX.lstrip("/"), include("consent.urls")),
    *(p for p in site_urls.urlpatterns if str(p.pattern) != "cookies/"),
]
