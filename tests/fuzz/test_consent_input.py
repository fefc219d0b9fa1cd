"""Consent cookies, decision bodies and ``next`` as an attacker could send them."""

import json
from urllib.parse import urlsplit

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st

from consent.records.models import ConsentRecord

pytestmark = pytest.mark.django_db

CONSENT_COOKIES = ("cookie_consent", "cookie_consent_time", "consent_id")
VARNAMES = ["necessary", "analytics", "personalization", "marketing", "", "x"]

# WSGI hands Django headers decoded as latin-1: every code point up to 255.
header_text = st.text(st.characters(max_codepoint=255), max_size=120)
choice = st.tuples(
    st.sampled_from(VARNAMES) | header_text,
    st.integers(-(10**20), 10**20).map(str)
    | st.sampled_from(["-1", "", "2026-01-01T00:00:00", "9" * 40])
    | header_text,
).map("=".join)
cookie_value = header_text | st.lists(choice, max_size=5).map("|".join)


@settings(settings.get_profile("fuzz"))
@given(
    path=st.sampled_from(["/", "/glossary/butyrate/", "/cookies/", "/cookies/status/"]),
    consent=cookie_value,
    times=cookie_value,
    quoted=st.booleans(),
)
def test_any_consent_cookies_never_make_a_page_fail(demo, path, consent, times, quoted):
    if quoted:
        consent = f'"{consent}"'
    header = f"cookie_consent={consent}; cookie_consent_time={times}"

    response = Client().get(path, HTTP_COOKIE=header)

    assert response.status_code == 200, header


def csrf_client() -> tuple[Client, str]:
    """A client that must send a CSRF token, and the token the status view gives."""
    client = Client(enforce_csrf_checks=True)
    token = json.loads(client.get("/cookies/status/").content)["csrftoken"]
    return client, token


form_value = st.one_of(
    st.sampled_from(VARNAMES + ["1", "0", "banner", "page", "preferences", "gpc"]),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
)
form_data = st.dictionaries(
    st.sampled_from(["all_groups", "cookie_groups", "source", "next", "other"]),
    st.lists(form_value, min_size=1, max_size=3),
    max_size=4,
)


@settings(settings.get_profile("fuzz"))
@given(
    action=st.sampled_from(["accept", "decline", "save"]),
    data=form_data,
    ajax=st.booleans(),
)
def test_any_decision_body_is_saved_or_refused_cleanly(demo, action, data, ajax):
    client, token = csrf_client()
    records = ConsentRecord.objects.count()
    headers = {"X-CSRFToken": token}
    if ajax:
        headers["X-Cookie-Consent-Fetch"] = "1"

    response = client.post(f"/cookies/{action}/", data, headers=headers)

    assert response.status_code in (200, 302, 400), (action, data)
    if response.status_code == 400:
        assert ConsentRecord.objects.count() == records
        assert not set(CONSENT_COOKIES) & set(response.cookies)
    else:
        assert ConsentRecord.objects.count() == records + 1
        assert "cookie_consent_time" in response.cookies


@settings(settings.get_profile("fuzz"))
@given(data=form_data)
def test_a_decision_without_the_csrf_token_changes_nothing(demo, data):
    client, _ = csrf_client()
    records = ConsentRecord.objects.count()

    response = client.post("/cookies/accept/", data)

    assert response.status_code == 403
    assert ConsentRecord.objects.count() == records
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
    st.tuples(st.sampled_from(OFF_SITE), form_value).map("".join),
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
