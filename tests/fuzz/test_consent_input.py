"""Consent cookies, headers, decision bodies and ``next`` as an attacker sends them.

Django's test client hands the WSGI environ str headers that Django re-encodes
as latin-1 and decodes as UTF-8, the way a server hands it a browser's bytes: so
every cookie and header here is built as bytes (UTF-8 text, raw invalid bytes)
and passed as their latin-1 text. A test that passed "²" itself would send the
byte 0xB2, which Django reads as U+FFFD, and never reach the parser with "²".
"""

import itertools
import json
from urllib.parse import urlencode, urlsplit

import pytest
import time_machine
from cookie_consent.models import LogItem
from django.http import parse_cookie
from django.test import Client, override_settings
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from consent.records.models import ConsentRecord

pytestmark = pytest.mark.django_db

CONSENT_COOKIES = ("cookie_consent", "cookie_consent_time", "consent_id")
VARNAMES = ["necessary", "analytics", "personalization", "marketing", "~texts", ""]
# str.isdigit() accepts all of these; int() refuses the first three and reads
# the others as numbers.
NON_ASCII_DIGITS = "²³¹٣۳߃०٠"

# Any code point but surrogates, as UTF-8: what a browser can send.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)
utf8 = any_text.map(str.encode)
# Bytes that are not UTF-8: a surrogate encoded (a lone one cannot be sent any
# other way), a stray continuation byte, a cut sequence, 0xFF, past U+10FFFF.
invalid_utf8 = st.sampled_from(
    [b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\x80", b"\xc3", b"\xff", b"\xf4\x90\x80\x80"]
)
digits = st.text(
    st.sampled_from("0123456789" + NON_ASCII_DIGITS), min_size=1, max_size=17
).map(str.encode)
eight_kb = st.sampled_from(["9", "²", "a", "|", "=", "a=1|", "%"]).map(
    lambda unit: (unit * (8192 // len(unit))).encode()
)
# A plausible time with a non-ASCII digit in it: "1764000000000²".
near_time = st.tuples(
    st.integers(0, 10**14).map(str), st.sampled_from(NON_ASCII_DIGITS)
).map(lambda t: "".join(t).encode())
value = st.one_of(
    digits,
    near_time,
    st.integers(-(10**20), 10**20).map(lambda n: str(n).encode()),
    st.sampled_from([b"-1", b"", b"2026-01-01T00:00:00+00:00", b"1e3", b"0x10"]),
    st.lists(utf8 | invalid_utf8 | digits, min_size=1, max_size=3).map(b"".join),
)
pair = st.tuples(st.sampled_from(VARNAMES).map(str.encode) | utf8, value).map(b"=".join)
# "a=1|a=2": the same key twice is common in these lists.
cookie_value = st.one_of(
    st.lists(pair, max_size=6).map(b"|".join),
    st.lists(pair, min_size=1, max_size=3).map(b"|".join),
    st.tuples(st.sampled_from(VARNAMES).map(str.encode), value, value).map(
        lambda t: b"%s=%s|%s=%s" % (t[0], t[1], t[0], t[2])
    ),
    value,
    eight_kb,
)
cookie = st.tuples(
    st.sampled_from(CONSENT_COOKIES).map(str.encode), cookie_value, st.booleans()
).map(lambda t: b'%s="%s"' % t[:2] if t[2] else b"%s=%s" % t[:2])
# Several cookies, the same one twice as often as not.
cookie_header = st.lists(cookie, max_size=5).map(b"; ".join)
header_value = st.one_of(
    st.sampled_from([b"1", b" 1 ", b"0", b"", b"\xc2\xb9", b"XMLHttpRequest"]),
    utf8,
    invalid_utf8,
    eight_kb,
)


def wire(raw: bytes) -> str:
    """Bytes as the WSGI environ carries them."""
    return raw.decode("latin-1")


addresses = (f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}" for n in itertools.count(1))


def visitor(**defaults) -> Client:
    """A client of its own address (the decision limit counts per address) that
    returns a 500 as a response instead of raising it, so a failure shows what
    was sent."""
    return Client(
        raise_request_exception=False, REMOTE_ADDR=next(addresses), **defaults
    )


def state():
    return ConsentRecord.objects.count(), LogItem.objects.count()


# --- every kind of page ------------------------------------------------------

PAGES = [
    "/",
    "/glossary/butyrate/",
    "/cookies/",
    "/cookies/status/",
    "/admin/login/",
    "/robots.txt",
]
query = st.dictionaries(
    st.sampled_from(["next", "page", "letter", "q"]),
    value | eight_kb | invalid_utf8,
    max_size=3,
).map(lambda params: urlencode(params))
host = st.one_of(st.just(b"testserver"), utf8 | invalid_utf8 | eight_kb)


@settings(settings.get_profile("fuzz"), max_examples=120)
@example(  # issue 11: str.isdigit() accepted "²", int() did not: 500 everywhere
    path="/robots.txt",
    query_string="",
    cookies="cookie_consent_time=analytics=17²".encode(),
    gpc=b"",
    referer=b"",
    ajax=b"",
    host=b"testserver",
)
@given(
    path=st.sampled_from(PAGES),
    query_string=query,
    cookies=cookie_header,
    gpc=header_value,
    referer=header_value,
    ajax=header_value,
    host=host,
)
def test_no_cookie_header_or_query_makes_any_page_fail(
    demo, path, query_string, cookies, gpc, referer, ajax, host
):
    response = visitor().get(
        f"{path}?{query_string}",
        HTTP_COOKIE=wire(cookies),
        HTTP_SEC_GPC=wire(gpc),
        HTTP_REFERER=wire(referer),
        HTTP_X_COOKIE_CONSENT_FETCH=wire(ajax),
        HTTP_X_REQUESTED_WITH=wire(ajax),
        HTTP_HOST=wire(host),
    )

    event(f"page answered {response.status_code}")
    if host == b"testserver":
        assert response.status_code == 200, (path, query_string, cookies)
    else:  # Django refuses a malformed Host with 400
        assert response.status_code in (200, 400), (path, host)


# --- decisions -----------------------------------------------------------------

form_text = st.one_of(
    st.sampled_from(
        VARNAMES
        + ["1", "0", "true", "false", "on", "²", "banner", "page", "preferences"]
        + ["gpc"]
    ),
    any_text,
    eight_kb.map(bytes.decode),
)
form_keys = st.sampled_from(["all_groups", "cookie_groups", "source", "next", "x"])
multipart = st.dictionaries(form_keys, st.lists(form_text, min_size=1, max_size=3))
# A urlencoded body whose values may be any bytes, invalid UTF-8 included.
urlencoded = st.lists(st.tuples(form_keys, value | invalid_utf8), max_size=5).map(
    lambda pairs: urlencode(pairs).encode()
)
# A choice the views accept, with hostile extras: the record must still be one.
valid_form = st.tuples(
    st.sampled_from(
        [
            {"all_groups": "1"},
            {"cookie_groups": ["analytics"]},
            {"cookie_groups": ["analytics", "marketing"], "source": "preferences"},
        ]
    ),
    multipart,
).map(lambda t: {"data": {**t[1], **t[0]}})
body = st.one_of(
    valid_form,
    multipart.map(lambda data: {"data": data}),
    urlencoded.map(
        lambda raw: {
            "data": raw,
            "content_type": "application/x-www-form-urlencoded",
        }
    ),
    st.dictionaries(st.sampled_from(["all_groups", "cookie_groups"]), form_text).map(
        lambda data: {"data": json.dumps(data), "content_type": "application/json"}
    ),
    st.just({"data": b"", "content_type": "application/x-www-form-urlencoded"}),
)
ajax_headers = st.one_of(
    st.just({}),
    header_value.map(lambda v: {"HTTP_X_COOKIE_CONSENT_FETCH": wire(v)}),
    st.just({"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}),
)


def csrf_client() -> tuple[Client, str]:
    """A client that must send a CSRF token, and the token the status view gives."""
    client = visitor(enforce_csrf_checks=True)
    token = json.loads(client.get("/cookies/status/").content)["csrftoken"]
    return client, token


def assert_saved_once_or_refused_without_trace(response, before):
    """A decision leaves exactly one record, or none and no consent cookie."""
    status = response.status_code
    event(f"decision answered {status}")
    assert status in (200, 302, 400, 403, 429), status
    if status >= 400:
        assert state() == before
        assert not set(CONSENT_COOKIES) & set(response.cookies)
        return
    # One record, and no django-cookie-consent LogItem: its log is off by default,
    # the records are the single audit trail.
    assert state() == (before[0] + 1, before[1])
    record = ConsentRecord.objects.latest("pk")
    assert record.accepted or record.declined
    assert {"cookie_consent_time", "consent_id"} <= set(response.cookies)


@settings(settings.get_profile("fuzz"), max_examples=120)
@given(
    action=st.sampled_from(["accept", "decline", "save"]),
    body=body,
    ajax=ajax_headers,
    cookies=cookie_header,
    gpc=header_value,
    referer=header_value,
    next_url=st.none() | value,
)
def test_any_decision_is_saved_once_or_refused_without_trace(
    demo, action, body, ajax, cookies, gpc, referer, next_url
):
    client, token = csrf_client()
    path = f"/cookies/{action}/"
    if next_url is not None:
        path += "?" + urlencode({"next": next_url})
    before = state()

    response = client.post(
        path,
        **body,
        # The CSRF cookie last: Django keeps the last of two cookies of one name.
        HTTP_COOKIE=wire(cookies + b"; csrftoken=" + token.encode()),
        HTTP_X_CSRFTOKEN=token,
        HTTP_SEC_GPC=wire(gpc),
        HTTP_REFERER=wire(referer),
        **ajax,
    )

    assert_saved_once_or_refused_without_trace(response, before)


decision = st.tuples(
    st.sampled_from(["accept", "decline", "save"]),
    st.sampled_from([{"all_groups": "1"}, {"cookie_groups": "analytics"}, {}]),
)


@settings(settings.get_profile("fuzz"), max_examples=25)
@given(decisions=st.lists(decision, min_size=1, max_size=8))
def test_one_client_never_gets_more_decisions_recorded_than_the_limit(demo, decisions):
    client = visitor()
    before = ConsentRecord.objects.count()

    # One clock minute: every decision falls in the same window.
    with (
        override_settings(CONSENT_DECISIONS_PER_MINUTE=3),
        time_machine.travel("2026-11-29 12:00:30 +0000", tick=False),
    ):
        statuses = [
            client.post(f"/cookies/{action}/", data).status_code
            for action, data in decisions
        ]

    assert set(statuses) <= {302, 400, 429}
    assert ConsentRecord.objects.count() == before + statuses.count(302)
    assert 429 not in statuses[:3]
    assert statuses[3:] == [429] * len(statuses[3:])


@settings(settings.get_profile("fuzz"))
@given(data=multipart)
def test_a_decision_without_the_csrf_token_changes_nothing(demo, data):
    client, _ = csrf_client()
    before = state()

    response = client.post("/cookies/accept/", data)

    assert response.status_code == 403
    assert state() == before
    assert not set(CONSENT_COOKIES) & set(response.cookies)


OFF_SITE = [
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https://evil.example/",
    "http:evil.example",
    "https:/evil.example",
    " //evil.example",
    "\t//evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://testserver@evil.example/",
    "https://evil.example\\@testserver/",
    "http://testserver.evil.example/",
    "%2F%2Fevil.example",
    "/cookies/",
    "/glossary/?letter=b",
]
next_value = st.one_of(
    st.sampled_from(OFF_SITE),
    st.tuples(st.sampled_from(OFF_SITE), form_text).map("".join),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
)


def lands_on_this_site(location: str) -> bool:
    """Where a browser would go: it drops tabs and newlines, reads \\ as /."""
    cleaned = "".join(c for c in location if c not in "\t\r\n").replace("\\", "/")
    cleaned = cleaned.lstrip("".join(map(chr, range(33))))
    parts = urlsplit(cleaned)
    if parts.scheme:
        return parts.scheme in ("http", "https") and parts.netloc == "testserver"
    return not cleaned.startswith("//") and not parts.netloc


@settings(settings.get_profile("fuzz"))
@given(
    action=st.sampled_from(["accept", "decline", "save"]),
    next_url=next_value,
)
def test_next_never_redirects_off_site(demo, action, next_url):
    client, token = csrf_client()
    data = {"all_groups": "1", "source": "page", "next": next_url}
    if action == "save":
        data = {"cookie_groups": "analytics", "source": "page", "next": next_url}

    response = client.post(f"/cookies/{action}/", data, headers={"X-CSRFToken": token})

    assert response.status_code == 302
    assert lands_on_this_site(response["Location"]), response["Location"]


@settings(settings.get_profile("fuzz"))
@given(next_url=next_value)
def test_the_preferences_page_keeps_only_a_next_on_this_site(demo, next_url):
    response = Client().get("/cookies/", {"next": next_url})

    assert response.status_code == 200
    kept = response.context["next_url"]
    assert kept == "" or lands_on_this_site(kept), kept


@settings(settings.get_profile("fuzz"))
@given(cookies=cookie_header, analytics=st.booleans())
def test_any_cookie_header_on_a_cached_page_is_a_hit_that_changes_nothing(
    demo, cookies, analytics
):
    # The hit is answered before sessions, CSRF and auth; around it only the
    # consent clean-up reads the cookies.
    if analytics:  # the demo's analytics cookie, never accepted here
        cookies = b"; ".join([cookies, b"_ga=GA1.1.123.456"])
    plain = visitor().get("/glossary/butyrate/")
    assert plain.status_code == 200

    response = visitor().get("/glossary/butyrate/", HTTP_COOKIE=wire(cookies))

    expected = "BYPASS" if "sessionid" in parse_cookie(wire(cookies)) else "HIT"
    assert (response.status_code, response["X-Cache"]) == (200, expected), cookies
    assert response.content == plain.content
    # A clean-up deletes and never sets; the visitor's response is private then.
    for morsel in response.cookies.values():
        assert morsel["max-age"] == 0, morsel
        assert "private" in response["Cache-Control"]
    again = visitor().get("/glossary/butyrate/")
    assert (again["X-Cache"], again.content) == ("HIT", plain.content)
    assert not again.cookies
