"""Test-only URLs: a page that renders text through {% autolink_terms %}."""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

ARTICLE_TEMPLATE = """<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Autolink test page</title>
<link rel="icon" href="data:,"></head>
<body><main>
{% load glossary_autolink %}
{% autolink_terms page %}{{ body|safe }}{% endautolink_terms %}
<p><a href="#after" id="after">A link after the text</a></p>
</main></body>
</html>"""

BODY = (
    "<h1>Dysbiosis</h1>"
    "<p>When the gut loses its balance, doctors speak of dysbiosis. "
    "It is often discussed with the gut microbiome.</p>"
)


def article_view(request):
    template = engines["django"].from_string(ARTICLE_TEMPLATE)
    body = request.GET.get("body", BODY)
    return HttpResponse(template.render({"body": body, "page": None}, request))


urlpatterns = [
    path("autolink-test/", article_view),
    # The site's own URLs, so that term pages render as they do in production.
    path("", include("microsite.urls")),
]
