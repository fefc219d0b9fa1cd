"""The least a page served from Django's cache can cost: a WSGI callable that
does only the cache reads, on the cache the site uses (the file cache in
BENCH_CACHE_DIR, or Redis with REDIS_URL), and answers with the stored bytes.
No Django handler, no middleware, no request object.

BENCH_READS=page (default): the two reads of a page cache hit, the generation and
then the page stored under it. BENCH_READS=generation: the generation only, the
page kept in memory: what any design must read per request at the least, so
that a purge shows on the next request in every worker.

`make bench` serves the term page's HTML with it through the same gunicorn
set-up as the site (page_speed.py, "cache reads alone"): no hit that reads
this cache can be faster, wherever in the stack it is answered."""

import os
from pathlib import Path

import django
from django.conf import settings

BODY = Path(os.environ["BENCH_PAGE"]).read_bytes()
HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", str(len(BODY))),
]
GENERATION_ONLY = os.environ.get("BENCH_READS", "page") == "generation"

if os.environ.get("REDIS_URL"):
    CACHE = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": "bench-cache-wsgi",
    }
else:
    CACHE = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ["BENCH_CACHE_DIR"],
    }
settings.configure(CACHES={"default": CACHE}, INSTALLED_APPS=[], DATABASES={})
django.setup()

from django.core.cache import cache  # noqa: E402  (needs the settings above)

GENERATION_KEY = "bench:generation"
cache.set(GENERATION_KEY, "1", timeout=None)
# The shape the page cache stores: status, headers, body, the site's row.
cache.set("bench:page:1", (200, HEADERS, BODY, {"id": 1}), timeout=None)


def application(environ, start_response):
    generation = cache.get(GENERATION_KEY)
    if GENERATION_ONLY:
        headers, body = HEADERS, BODY
    else:
        _status, headers, body, _site = cache.get(f"bench:page:{generation}")
    start_response("200 OK", headers)
    return [body]
