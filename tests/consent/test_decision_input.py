"""Decisions that name no category, fail half-way or come too often: no record."""

import json

import pytest
import time_machine
from cookie_consent.models import LogItem
from django.test import Client, override_settings

from consent import rate_limit, views
from consent.records.models import ConsentRecord

pytestmark = pytest.mark.django_db

CONSENT_COOKIES = {"cookie_consent", "cookie_consent_time", "consent_id"}
FETCH = {"X-Cookie-Consent-Fetch": "1"}


def stored():
    return ConsentRecord.objects.count(), LogItem.objects.count()


def assert_refused_without_trace(response, before, status=400):
    assert response.status_code == status
    assert stored() == before
    assert not CONSENT_COOKIES & set(response.cookies)


@pytest.mark.parametrize("action", ["accept", "decline"])
@pytest.mark.parametrize(
    "body",
    [
        {"data": {"all_groups": "0"}},
        {"data": {"all_groups": "0", "source": "banner"}},
        {"data": {}},
        {"data": {"cookie_groups": []}},
        {"data": "", "content_type": "text/plain"},
        {"data": json.dumps({"all_groups": 1}), "content_type": "application/json"},
    ],
    ids=["all_groups=0", "with-source", "empty-form", "no-groups", "empty", "json"],
)
@pytest.mark.parametrize("headers", [{}, FETCH], ids=["form", "fetch"])
def test_a_decision_that_names_no_category_is_refused_and_recorded_nowhere(
    client, site_pages, action, body, headers
):
    before = stored()

    response = client.post(f"/cookies/{action}/", headers=headers, **body)

    assert_refused_without_trace(response, before)
    if headers:
        assert "category" in response.json()["error"]
    else:
        assert "category" in response.content.decode()


def test_saving_with_nothing_ticked_still_declines_every_optional_category(
    client, site_pages
):
    before = stored()

    response = client.post("/cookies/save/", {"source": "preferences"})

    assert response.status_code == 302
    assert ConsentRecord.objects.count() == before[0] + 1
    assert ConsentRecord.objects.latest("pk").accepted == []


def test_a_decision_whose_response_cannot_be_built_records_nothing(
    client, site_pages, monkeypatch
):
    def fail(*args, **kwargs):
        raise RuntimeError("the response could not be completed")

    monkeypatch.setattr(views, "record_decision_time", fail)
    before = stored()

    with pytest.raises(RuntimeError):
        client.post("/cookies/accept/", {"all_groups": "1"})

    assert stored() == before


# --- the rate limit ----------------------------------------------------------


def decide(client, address="203.0.113.7", **headers):
    return client.post(
        "/cookies/accept/",
        {"cookie_groups": ["analytics"]},
        REMOTE_ADDR=address,
        headers=headers,
    )


@override_settings(CONSENT_DECISIONS_PER_MINUTE=3)
@pytest.mark.parametrize("headers", [{}, FETCH], ids=["form", "fetch"])
def test_a_client_over_the_limit_gets_429_and_no_record(client, site_pages, headers):
    with time_machine.travel("2026-11-29 12:00:05 +0000", tick=False):
        assert [decide(client, **headers).status_code for _ in range(3)] == [
            200 if headers else 302
        ] * 3
        before = stored()

        response = decide(client, **headers)

    assert_refused_without_trace(response, before, status=429)
    assert response["Retry-After"] == "55"
    assert "no-store" in response["Cache-Control"]
    message = response.json()["error"] if headers else response.content.decode()
    assert "Too many" in message


@override_settings(CONSENT_DECISIONS_PER_MINUTE=2)
def test_the_limit_counts_per_client_and_per_minute(client, site_pages):
    with time_machine.travel("2026-11-29 12:00:00 +0000", tick=False) as clock:
        assert [decide(client).status_code for _ in range(3)] == [302, 302, 429]
        assert decide(client, address="198.51.100.1").status_code == 302
        clock.shift(60)
        assert decide(client).status_code == 302


@override_settings(CONSENT_DECISIONS_PER_MINUTE=None)
def test_the_limit_can_be_switched_off(client, site_pages):
    statuses = {decide(client).status_code for _ in range(40)}

    assert statuses == {302}


@override_settings(CONSENT_DECISIONS_PER_MINUTE=1, CONSENT_NUM_PROXIES=1)
def test_behind_a_proxy_the_client_is_the_address_the_proxy_saw(client, site_pages):
    proxy = "127.0.0.1"
    # One minute's window for all three, however slow the machine.
    with time_machine.travel("2026-11-29 12:00:00 +0000", tick=False):
        first = decide(client, proxy, X_Forwarded_For="203.0.113.7")
        other_client = decide(client, proxy, X_Forwarded_For="198.51.100.1")
        spoofed = decide(client, proxy, X_Forwarded_For="10.9.9.9, 203.0.113.7")

    assert (first.status_code, other_client.status_code) == (302, 302)
    assert spoofed.status_code == 429


def test_the_count_is_kept_under_a_hash_of_the_address_never_the_address(rf):
    request = rf.post("/cookies/accept/", REMOTE_ADDR="203.0.113.7")

    key = rate_limit.client_key(request)

    assert "203" not in key and "113" not in key
    assert key == rate_limit.client_key(rf.post("/", REMOTE_ADDR="203.0.113.7"))
    assert key != rate_limit.client_key(rf.post("/", REMOTE_ADDR="203.0.113.8"))


def test_a_visitor_with_a_csrf_token_over_the_limit_gets_429_and_no_cookie(
    site_pages,
):
    visitor = Client(enforce_csrf_checks=True, REMOTE_ADDR="192.0.2.44")
    token = visitor.get("/cookies/status/").json()["csrftoken"]
    with override_settings(CONSENT_DECISIONS_PER_MINUTE=1):
        ok = decide(visitor, "192.0.2.44", X_CSRFToken=token, **FETCH)
        before = stored()
        refused = decide(visitor, "192.0.2.44", X_CSRFToken=token, **FETCH)

    assert ok.status_code == 200
    assert_refused_without_trace(refused, before, status=429)
