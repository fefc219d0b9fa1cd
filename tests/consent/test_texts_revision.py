"""Texts revisions, Global Privacy Control and Google Consent Mode on the server."""

import json
import re

import pytest
from django.test import Client
from wagtail.models import Page, Site

from consent.models import BannerSettings
from consent.records.api import texts_fingerprint
from consent.records.models import ConsentRecord
from consent.signals import declarations_changed

pytestmark = pytest.mark.django_db

TIMES = "cookie_consent_time"


def banner():
    return BannerSettings.for_site(Site.objects.get(is_default_site=True))


def page_config(client, path="/"):
    html = client.get(path).content.decode()
    match = re.search(
        r'<script id="consent-config" type="application/json">(.*?)</script>', html
    )
    return json.loads(match.group(1))


def times_cookie(response):
    return dict(pair.split("=") for pair in response.cookies[TIMES].value.split("|"))


def test_new_banner_settings_are_revision_1_with_the_fingerprint_of_their_texts(
    site_pages,
):
    settings = banner()
    assert settings.texts_revision == 1
    assert settings.texts_hash == texts_fingerprint(*settings.texts(), "")


def test_changing_the_banner_message_starts_a_new_revision(site_pages):
    settings = banner()
    settings.message = "We now also use cookies for something new."
    settings.save()
    settings.refresh_from_db()
    assert settings.texts_revision == 2
    assert settings.texts_hash == texts_fingerprint(*settings.texts(), "")


def test_saving_unchanged_texts_keeps_the_revision(site_pages):
    settings = banner()
    settings.google_consent_mode = False
    settings.save()
    settings.save()
    settings.refresh_from_db()
    assert settings.texts_revision == 1


def test_publishing_a_new_wording_of_the_policy_page_starts_a_new_revision(
    site_pages,
):
    policy = Page.objects.get(depth=2).specific
    settings = banner()
    settings.policy_page = policy
    settings.save()
    settings.refresh_from_db()
    linked_revision = settings.texts_revision
    assert linked_revision == 2  # a policy is now part of what visitors read

    policy.save_revision().publish()  # the same words again
    settings.refresh_from_db()
    assert settings.texts_revision == linked_revision

    policy.title = "Our cookie policy, rewritten"
    policy.save_revision().publish()
    settings.refresh_from_db()
    assert settings.texts_revision == linked_revision + 1


def test_a_texts_change_is_announced_so_that_page_caches_purge(site_pages):
    received = []

    def listener(sender, instance, **kwargs):
        received.append(sender)

    declarations_changed.connect(listener)
    try:
        settings = banner()
        received.clear()
        settings.title = "Cookies, again"
        settings.save()
    finally:
        declarations_changed.disconnect(listener)
    assert received == [BannerSettings]


def test_pages_carry_the_current_texts_revision(client, site_pages):
    assert page_config(client)["texts"] == 1
    settings = banner()
    settings.message = "Changed words."
    settings.save()
    assert page_config(client)["texts"] == 2


def test_a_decision_keeps_the_revision_in_the_time_cookie_and_the_record(
    client, site_pages
):
    settings = banner()
    settings.message = "Changed words."
    settings.save()
    response = client.post("/cookies/accept/", {"all_groups": "1"})
    assert times_cookie(response)["~texts"] == "2"
    record = ConsentRecord.objects.get()
    assert record.texts_revision == 2
    assert record.texts_hash == BannerSettings.objects.get().texts_hash


def test_after_a_texts_change_earlier_choices_count_as_not_made(client, site_pages):
    client.post("/cookies/save/", {"cookie_groups": ["analytics"]})
    assert 'value="analytics" checked' in client.get("/cookies/").content.decode()
    settings = banner()
    settings.message = "Changed words."
    settings.save()
    html = client.get("/cookies/").content.decode()
    assert 'value="analytics" checked' not in html
    assert "not chosen yet" in html


def test_a_time_cookie_from_before_revisions_counts_as_revision_1(client, site_pages):
    client.post("/cookies/save/", {"cookie_groups": ["analytics"]})
    times = client.cookies[TIMES].value.strip('"')
    client.cookies[TIMES] = "|".join(
        p for p in times.split("|") if not p.startswith("~texts=")
    )
    assert 'value="analytics" checked' in client.get("/cookies/").content.decode()


def test_a_single_category_choice_under_old_texts_does_not_renew_the_others(
    client, site_pages
):
    client.post("/cookies/accept/", {"all_groups": "1"})
    settings = banner()
    settings.message = "Changed words."
    settings.save()
    response = client.post("/cookies/accept/", {"cookie_groups": ["marketing"]})
    assert times_cookie(response)["~texts"] == "1"  # analytics was not asked again


# Global Privacy Control


def test_a_gpc_signal_declines_its_categories_with_a_gpc_record(client, site_pages):
    response = client.post(
        "/cookies/decline/",
        {"cookie_groups": ["marketing"], "source": "gpc"},
        headers={"X-Cookie-Consent-Fetch": "1", "Sec-GPC": "1"},
    )
    assert response.status_code == 200
    record = ConsentRecord.objects.get()
    assert (record.source, record.accepted, record.declined) == (
        "gpc",
        [],
        ["marketing"],
    )


@pytest.mark.parametrize(
    "path, categories",
    [
        ("/cookies/accept/", ["marketing"]),
        ("/cookies/decline/", ["analytics"]),
        ("/cookies/save/", []),
    ],
)
def test_a_gpc_signal_can_only_decline_what_gpc_declines(
    client, site_pages, path, categories
):
    response = client.post(path, {"cookie_groups": categories, "source": "gpc"})
    assert response.status_code == 400
    assert not ConsentRecord.objects.exists()


def test_the_cookies_page_says_the_gpc_signal_is_honoured(client, site_pages):
    html = client.get("/cookies/", headers={"Sec-GPC": "1"}).content.decode()
    assert "Your browser sends a Global Privacy Control signal. We honour it" in html
    assert 'value="marketing" checked' not in html
    assert re.search(r"Marketing.*?Now: declined", html, re.DOTALL)


def test_without_the_gpc_header_the_cookies_page_says_nothing_of_it(client, site_pages):
    assert "consent-gpc-notice" not in client.get("/cookies/").content.decode()


def test_an_explicit_opt_in_wins_over_the_gpc_signal_on_the_cookies_page(
    client, site_pages
):
    client.post("/cookies/save/", {"cookie_groups": ["marketing"], "source": "page"})
    html = client.get("/cookies/", headers={"Sec-GPC": "1"}).content.decode()
    assert 'value="marketing" checked' in html


# Google Consent Mode


def test_google_consent_mode_is_off_in_the_page_unless_the_setting_is_on(
    client, site_pages
):
    assert page_config(client)["gcm"] is False


def test_google_consent_mode_follows_the_configured_map(client, site_pages, settings):
    settings.CONSENT_GOOGLE_CONSENT_MODE = True
    settings.CONSENT_GOOGLE_CONSENT_MODE_MAP = {"analytics": ["analytics_storage"]}
    assert page_config(client)["gcm"] == {"analytics": ["analytics_storage"]}


def test_a_site_can_switch_google_consent_mode_off(client, site_pages, settings):
    settings.CONSENT_GOOGLE_CONSENT_MODE = True
    assert page_config(client)["gcm"]["marketing"] == [
        "ad_storage",
        "ad_user_data",
        "ad_personalization",
    ]
    site_settings = banner()
    site_settings.google_consent_mode = False
    site_settings.save()
    assert page_config(client)["gcm"] is False


# Without JavaScript


def test_every_page_has_the_same_noscript_notice_linking_to_the_cookies_page(
    site_pages,
):
    notices = set()
    for path in site_pages:
        html = Client().get(path).content.decode()
        notices.update(re.findall(r"<noscript>.*?</noscript>", html, re.DOTALL))
    assert len(notices) == 1
    assert 'href="/cookies/"' in notices.pop()


def test_after_a_texts_change_the_server_deletes_cookies_accepted_before(
    client, site_pages
):
    client.post("/cookies/accept/", {"all_groups": "1"})
    client.cookies["_ga"] = "GA1.1.1"
    assert "_ga" not in client.get("/cookies/").cookies
    settings = banner()
    settings.message = "Changed words."
    settings.save()
    assert client.get("/cookies/").cookies["_ga"]["max-age"] == 0
