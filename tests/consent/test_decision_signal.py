"""``consent.signals.consent_decided``: one signal per decision, inside its
transaction, with what a receiver needs to keep proof of it."""

import pytest
from django.db import connection
from django.test import Client

from consent.signals import consent_decided

pytestmark = pytest.mark.django_db

FETCH = {"X-Cookie-Consent-Fetch": "1"}
OPTIONAL = {"analytics", "personalization", "marketing"}


@pytest.fixture
def heard(categories):
    """The keyword arguments of every consent_decided sent during the test."""
    calls = []

    def listen(sender, **kwargs):
        calls.append(
            dict(kwargs, sender=sender, in_transaction=connection.in_atomic_block)
        )

    consent_decided.connect(listen, dispatch_uid="test-heard")
    yield calls
    consent_decided.disconnect(dispatch_uid="test-heard")


def test_accepting_sends_one_signal_with_the_decision(heard, categories):
    response = Client().post(
        "/cookies/accept/",
        {"cookie_groups": ["analytics", "marketing"], "source": "banner"},
        headers=FETCH,
    )

    assert response.status_code == 200
    assert len(heard) == 1
    signal = heard[0]
    assert signal["sender"] is None
    assert signal["request"].path == "/cookies/accept/"
    assert signal["response"] is not None
    assert signal["state"] == {"analytics": True, "marketing": True}
    assert signal["source"] == "banner"
    assert signal["versions"] == {
        "analytics": categories["analytics"].get_version(),
        "marketing": categories["marketing"].get_version(),
    }
    assert set(signal) >= {"texts_hash", "texts_revision"}
    assert signal["in_transaction"]


def test_the_response_a_receiver_gets_is_the_one_the_visitor_gets(heard):
    def add_cookie(sender, response, **kwargs):
        response.set_cookie("receiver_was_here", "1")

    consent_decided.connect(add_cookie, dispatch_uid="test-add-cookie")
    try:
        response = Client().post("/cookies/decline/", {"all_groups": "1"})
    finally:
        consent_decided.disconnect(dispatch_uid="test-add-cookie")

    assert response.cookies["receiver_was_here"].value == "1"
    # The consent cookies are already on the response the receiver sees.
    assert heard[0]["state"] == dict.fromkeys(OPTIONAL, False)
    assert heard[0]["source"] == "page"


def test_saving_choices_is_one_decision_and_one_signal(heard):
    Client().post(
        "/cookies/save/",
        {"cookie_groups": ["personalization"], "source": "preferences"},
        headers=FETCH,
    )

    assert [s["state"] for s in heard] == [
        {"personalization": True, "analytics": False, "marketing": False}
    ]
    assert heard[0]["source"] == "preferences"


def test_a_gpc_decline_says_so(heard):
    Client().post(
        "/cookies/decline/",
        {"cookie_groups": ["marketing"], "source": "gpc"},
        headers=FETCH,
    )

    assert [(s["state"], s["source"]) for s in heard] == [({"marketing": False}, "gpc")]


@pytest.mark.parametrize(
    "path, data",
    [
        ("/cookies/accept/", {"all_groups": "0"}),
        ("/cookies/accept/", {"cookie_groups": ["unknown"]}),
        ("/cookies/accept/", {"all_groups": "1", "source": "newsletter"}),
        ("/cookies/accept/", {"cookie_groups": ["analytics"], "source": "gpc"}),
    ],
)
def test_a_refused_decision_sends_nothing(heard, path, data):
    response = Client().post(path, data, headers=FETCH)

    assert response.status_code == 400
    assert heard == []


def test_the_signal_is_sent_after_the_consent_cookies_are_on_the_response(heard):
    seen = []

    def look(sender, response, **kwargs):
        seen.append(set(response.cookies))

    consent_decided.connect(look, dispatch_uid="test-look")
    try:
        Client().post("/cookies/accept/", {"all_groups": "1"}, headers=FETCH)
    finally:
        consent_decided.disconnect(dispatch_uid="test-look")

    assert {"cookie_consent", "cookie_consent_time"} <= seen[0]
