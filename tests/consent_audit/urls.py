"""The site's URLs plus a page that breaks the rules before any choice and a page
too slow to audit."""

import time

from django.http import HttpResponse
from django.urls import include, path

LEAKY_PAGE = """<!doctype html><html lang="en"><head><title>Leaky</title></head>
<body><h1>Leaky page</h1><img src="http://127.0.0.1:{port}/robots.txt" alt=""></body>
</html>"""


def leaky_page(request):
    """Sets an undeclared cookie and loads an image from another host at once."""
    response = HttpResponse(LEAKY_PAGE.format(port=request.get_port()))
    response.set_cookie("pre_consent_tracker", "1")
    return response


def slow_page(request):
    time.sleep(6)
    return HttpResponse("<!doctype html><title>Slow</title><p>At last.</p>")


urlpatterns = [
    path("audit-leaky/", leaky_page),
    path("audit-slow/", slow_page),
    path("", include("microsite.urls")),
]
