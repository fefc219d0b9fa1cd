"""The site's URLs plus one page that uses the consent template tags."""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

EMBED_PAGE = """{% extends "base.html" %}{% load consent_tags %}
{% block title %}Embed{% endblock %}
{% block content %}<h1>Embeds</h1>
{% gated "marketing" placeholder="A video from a video site." %}
<iframe title="Demo video" srcdoc="A video" data-embed-loaded></iframe>
{% endgated %}
{% gated "analytics" %}<p id="analytics-only">Shown with analytics.</p>{% endgated %}
{% endblock %}"""


def embed_page(request):
    template = engines["django"].from_string(EMBED_PAGE)
    return HttpResponse(template.render({}, request))


urlpatterns = [
    path("embed-demo/", embed_page),
    path("", include("microsite.urls")),
]
