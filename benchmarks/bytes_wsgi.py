"""The least a Python app server can do: answer every request with one file's
bytes (BENCH_PAGE), read once at start. `make bench` serves the term page's
HTML with it through the same gunicorn set-up as the site, to show how much of
an app cache hit's cost is gunicorn's own (page_speed.py, "gunicorn ceiling")."""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_PAGE"]).read_bytes()
HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", str(len(BODY))),
]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
