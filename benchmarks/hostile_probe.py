"""Hostile input against a real server, counted: 5xx, wrong state changes, lost records.

Builds a throwaway production-like site (benchkit.Site: SQLite, file cache, demo
content, gunicorn with two workers), then sends, over raw sockets so that the
bytes arrive exactly as written:

- consent cookies with non-ASCII digits, NUL, invalid UTF-8, 8 KB values,
  duplicated keys and duplicated cookies, on pages, the API, the admin login,
  robots.txt and the consent endpoints;
- hostile query parameters on the glossary, search and the public API;
- consent decisions with hostile bodies and hostile cookies, with a valid CSRF
  token, and a burst past the per-client limit.

A decision answered 2xx/3xx must leave exactly one proof-of-consent record, any
other answer none. The table counts the attempts, the 5xx answers, the records
written for refused decisions ("wrong state changes") and the records missing for
accepted ones ("records lost"). It is a measurement, not a test: run it by hand.

    .venv/bin/python benchmarks/hostile_probe.py [--keep]
"""

import argparse
import http.client
import json
import sys
import time
from urllib.parse import quote, urlsplit

import benchkit as bk

NON_ASCII_DIGITS = ["²", "³", "¹", "٣", "۳", "߃", "०", "１", "𝟗"]
RAW_VALUES = [
    *(f"analytics={d}" for d in NON_ASCII_DIGITS),
    *(f"analytics=17{d}00" for d in NON_ASCII_DIGITS),
    "analytics=1\x00",
    "\x00",
    "analytics=" + "9" * 8192,
    "a" * 8192,
    "analytics=1|analytics=2|analytics=-1",
    "~texts=²",
    "~texts=99999999999999999999",
    "analytics=-1|marketing=-1|~texts=0",
    '"analytics=1"',
    '"',
    "=|=|=",
    "analytics",
]
RAW_BYTES = [b"\xff\xfe", b"analytics=\xed\xa0\x80", b"analytics=\xc3", b"\xc0\xaf"]
COOKIE_NAMES = ["cookie_consent", "cookie_consent_time", "consent_id"]
PATHS = [
    "/",
    "{term}",
    "{article}",
    "{index}",
    "/cookies/",
    "/cookies/status/",
    "/admin/login/",
    "/robots.txt",
    "/api/v2/pages/",
    "/sitemap.xml",
]
QUERY_VALUES = [
    *NON_ASCII_DIGITS,
    "%00",
    "%ff",
    "%ed%a0%80",
    "9223372036854775808",
    "-1",
    "%22",
    "*",
    "(",
    "a" * 8192,
    "' OR 1=1 --",
    "<script>",
]
QUERY_TARGETS = [
    ("{index}", ["letter", "topic", "page", "q"]),
    ("/search/", ["q", "page"]),
    (
        "/api/v2/pages/",
        ["offset", "limit", "search", "search_operator", "order", "type", "fields"],
    ),
    ("/api/v2/pages/find/", ["id", "html_path"]),
    ("/api/v2/images/", ["offset", "limit", "search"]),
    ("/api/v2/documents/", ["offset", "limit"]),
]


class Probe:
    def __init__(self, base: str):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.counts: dict[str, list[int]] = {}

    def request(self, method, path, headers=(), body=b""):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.putrequest(method, path, skip_accept_encoding=True)
            for name, value in headers:
                connection.putheader(name, value)
            if body:
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body or None)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def tally(self, area, status):
        row = self.counts.setdefault(area, [0, 0, 0, 0])
        row[0] += 1
        if status >= 500:
            row[1] += 1
            print(f"  5xx in {area}", file=sys.stderr)


def cookie_headers():
    for name in COOKIE_NAMES:
        for value in RAW_VALUES:
            yield f"{name}={value}".encode()
        for raw in RAW_BYTES:
            yield name.encode() + b"=" + raw
    yield b"cookie_consent=analytics=1; cookie_consent=analytics=-1"
    yield b"cookie_consent_time=analytics=1; cookie_consent_time=analytics=\xc2\xb2"


def probe_cookies(probe, paths):
    for path in paths:
        for header in cookie_headers():
            status, _, _ = probe.request("GET", path, [("Cookie", header)])
            probe.tally("cookies on every kind of URL", status)


def probe_queries(probe, urls):
    for template, parameters in QUERY_TARGETS:
        path = template.format(**urls)
        for parameter in parameters:
            for value in QUERY_VALUES:
                encoded = value if "%" in value else quote(value, safe="")
                status, _, _ = probe.request("GET", f"{path}?{parameter}={encoded}")
                probe.tally("query parameters (pages, search, API)", status)
            status, _, _ = probe.request("GET", f"{path}?{parameter}=1&{parameter}=2")
            probe.tally("query parameters (pages, search, API)", status)


def csrf(probe):
    status, headers, body = probe.request("GET", "/cookies/status/")
    token = json.loads(body)["csrftoken"]
    return token, f"csrftoken={token}"


DECISION_BODIES = [
    b"",
    b"all_groups=0",
    b"all_groups=1",
    b"cookie_groups=analytics",
    b"cookie_groups=analytics&cookie_groups=analytics",
    b"cookie_groups=nope",
    b"cookie_groups=%00",
    b"cookie_groups=%ff",
    b"cookie_groups=analytics&source=%C2%B2",
    b"cookie_groups=marketing&source=gpc",
    b"cookie_groups=analytics&source=gpc",
    b'{"cookie_groups": ["analytics"]}',
    b"cookie_groups=" + b"a" * 8192,
    b"cookie_groups=analytics&next=//evil.example",
]


def probe_decisions(probe, count_records, area):
    before = count_records()
    accepted = 0
    for action in ("accept", "decline", "save"):
        for body in DECISION_BODIES:
            for cookie_extra in (b"", b"; cookie_consent_time=analytics=1\xc2\xb2"):
                for ajax in (True, False):
                    token, cookie = csrf(probe)
                    headers = [
                        ("Cookie", cookie.encode() + cookie_extra),
                        ("X-CSRFToken", token),
                        ("Content-Type", "application/x-www-form-urlencoded"),
                    ]
                    if ajax:
                        headers.append(("X-Cookie-Consent-Fetch", "1"))
                    status, _, _ = probe.request(
                        "POST", f"/cookies/{action}/", headers, body
                    )
                    probe.tally(area, status)
                    accepted += status < 400
    written = count_records() - before
    row = probe.counts[area]
    row[2] += max(0, written - accepted)
    row[3] += max(0, accepted - written)


def count_records_of(site):
    code = (
        "import django; django.setup()\n"
        "from consent.records.models import ConsentRecord\n"
        "print(ConsentRecord.objects.count())"
    )
    return lambda: int(site.python(code).strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temp dir")
    arguments = parser.parse_args()
    site = bk.Site(keep=arguments.keep)
    started = time.monotonic()
    try:
        site.build()
        urls = site.urls()
        with bk.gunicorn(site, page_cache=True) as base:
            probe = Probe(base)
            probe_cookies(probe, [p.format(**urls) for p in PATHS])
            probe_queries(probe, urls)
            probe_decisions(probe, count_records_of(site), "consent decisions")
        rows = [[area, *row] for area, row in probe.counts.items()]
        totals = [sum(row[i] for row in probe.counts.values()) for i in range(4)]
        rows.append(["all", *totals])
        print(
            bk.table(
                ["area", "attempts", "5xx", "wrong state changes", "records lost"],
                rows,
            )
        )
        print(f"{time.monotonic() - started:.0f} s")
        return 1 if any(totals[1:]) else 0
    finally:
        site.cleanup()


if __name__ == "__main__":
    sys.exit(main())
