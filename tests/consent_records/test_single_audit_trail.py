"""``consent.records`` is the single audit trail: it hears every decision through
``consent_decided`` and keeps one record of it, and django-cookie-consent's own log
stays off unless a site switches it on."""

import pytest
from cookie_consent.models import LogItem
from django.conf import settings
from django.test import Client, override_settings

from consent.conf import apply_cookie_consent_defaults
from consent.records.models import ConsentRecord
from consent.records.receivers import record_decided
from consent.signals import consent_decided

pytestmark = pytest.mark.django_db

FETCH = {"X-Cookie-Consent-Fetch": "1"}
CONSENT_COOKIES = {"cookie_consent", "cookie_consent_time", "consent_id"}


def decide(client=None, path="/cookies/accept/", **data):
    data = data or {"cookie_groups": ["analytics"], "source": "banner"}
    return (client or Client()).post(path, data, headers=FETCH)


def test_records_listens_to_the_decision_signal_from_its_own_app():
    # disconnect() says whether the receiver was connected (public API).
    assert consent_decided.disconnect(dispatch_uid="consent-records-decided")
    consent_decided.connect(record_decided, dispatch_uid="consent-records-decided")


def test_a_decision_leaves_one_record_and_no_log_item_by_default(cookie_groups):
    assert settings.COOKIE_CONSENT_LOG_ENABLED is False

    response = decide()

    assert response.status_code == 200
    record = ConsentRecord.objects.get()
    assert (record.accepted, record.declined, record.source) == (
        ["analytics"],
        [],
        "banner",
    )
    assert record.versions == {"analytics": cookie_groups[0].get_version()}
    assert response.cookies["consent_id"].value == str(record.consent_id)
    assert not LogItem.objects.exists()


def test_saving_choices_leaves_one_record_naming_every_category(cookie_groups):
    decide(path="/cookies/save/", cookie_groups=["marketing"], source="preferences")

    record = ConsentRecord.objects.get()
    assert record.accepted == ["marketing"]
    assert sorted(record.declined) == ["analytics", "personalization"]
    assert set(record.versions) == {"analytics", "marketing", "personalization"}
    assert not LogItem.objects.exists()


@override_settings(COOKIE_CONSENT_LOG_ENABLED=True)
def test_with_the_packages_log_switched_on_both_are_written(cookie_groups):
    decide(path="/cookies/save/", cookie_groups=["marketing"], source="preferences")

    assert ConsentRecord.objects.count() == 1
    assert sorted(LogItem.objects.values_list("cookiegroup__varname", "action")) == [
        ("analytics", -1),
        ("marketing", 1),
        ("personalization", -1),
    ]


def test_a_returning_visitor_keeps_their_consent_id(cookie_groups):
    visitor = Client()
    decide(visitor)
    decide(visitor, path="/cookies/decline/", all_groups="1", source="page")

    first, second = ConsentRecord.objects.order_by("pk")
    assert first.consent_id == second.consent_id
    assert second.declined and not second.accepted


@override_settings(COOKIE_CONSENT_LOG_ENABLED=True)
def test_a_receiver_that_raises_leaves_no_cookie_without_its_record(cookie_groups):
    def fail(sender, **kwargs):
        raise RuntimeError("a receiver after the record fails")

    consent_decided.connect(fail, dispatch_uid="test-fail")
    try:
        visitor = Client(raise_request_exception=False)
        response = decide(visitor)
    finally:
        consent_decided.disconnect(dispatch_uid="test-fail")

    assert response.status_code == 500
    assert not CONSENT_COOKIES & set(response.cookies)
    assert not ConsentRecord.objects.exists()
    assert not LogItem.objects.exists()
    # The decision works again once the receiver is gone.
    assert decide().status_code == 200
    assert ConsentRecord.objects.count() == 1


def test_the_plugin_switches_the_log_off_only_when_the_site_did_not_choose(
    monkeypatch,
):
    # The site's settings module chose (microsite: False from the environment);
    # what it chose stands, and a site that chose True keeps True.
    with override_settings(COOKIE_CONSENT_LOG_ENABLED=True):
        apply_cookie_consent_defaults()
        assert settings.COOKIE_CONSENT_LOG_ENABLED is True
    # A site that never set it: django-cookie-consent's own default (True) was put
    # on the settings when its conf was imported; the plugin's default replaces it.
    monkeypatch.setattr(settings, "COOKIE_CONSENT_LOG_ENABLED", True)
    monkeypatch.setattr(type(settings._wrapped), "is_overridden", lambda self, n: False)
    apply_cookie_consent_defaults()
    assert settings.COOKIE_CONSENT_LOG_ENABLED is False
