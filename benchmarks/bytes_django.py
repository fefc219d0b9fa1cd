"""The least a Django app can do: one middleware answering every request with one
file's bytes (BENCH_PAGE, read once at start) before any URL is resolved, as a
page cache hit does; no other middleware, no apps, no database. `make bench`
serves the term page's HTML with it through the same gunicorn set-up as the
site: a cache hit answered inside Django's handler cannot be faster
(page_speed.py, "bare Django")."""

import os
from pathlib import Path

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse

BODY = Path(os.environ["BENCH_PAGE"]).read_bytes()

settings.configure(
    DEBUG=False,
    SECRET_KEY=os.environ.get("SECRET_KEY", "bench-only-not-secret-" * 3),
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[f"{__name__}.answer"],
    INSTALLED_APPS=[],
    DATABASES={},
)
django.setup()


def answer(get_response):
    """Middleware: the stored bytes for every request, as a cache hit."""

    def middleware(request):
        return HttpResponse(BODY)

    return middleware


urlpatterns = []
application = get_wsgi_application()
