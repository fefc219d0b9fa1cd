"""The consent endpoints and the pages, through Django's test client."""

import time

import pytest
from cookie_consent.models import CookieGroup
from django.test import Client

from consent.models import GatedScript

pytestmark = pytest.mark.django_db

CONSENT = "cookie_consent"
TIMES = "cookie_consent_time"


def consent_values(response):
    cookie = response.cookies[CONSENT].value
    return dict(pair.split("=") for pair in cookie.split("|"))


def test_accept_all_stores_each_category_version_and_the_decision_time(
    client, site_pages
):
    response = client.post("/cookies/accept/", {"all_groups": "1"})
    assert response.status_code == 302
    values = consent_values(response)
    assert set(values) == {"analytics", "personalization", "marketing"}
    for varname, version in values.items():
        assert version == CookieGroup.objects.get(varname=varname).get_version()
    times = dict(p.split("=") for p in response.cookies[TIMES].value.split("|"))
    assert abs(int(times["analytics"]) - time.time() * 1000) < 60_000
    assert not response.cookies[CONSENT]["httponly"]


def test_reject_all_declines_every_optional_category(client, site_pages):
    response = client.post("/cookies/decline/", {"all_groups": "1"})
    assert set(consent_values(response).values()) == {"-1"}


def test_saving_choices_accepts_the_ticked_and_declines_the_rest(client, site_pages):
    response = client.post("/cookies/save/", {"cookie_groups": ["analytics"]})
    values = consent_values(response)
    assert values["analytics"] != "-1"
    assert values["marketing"] == values["personalization"] == "-1"


def test_decisions_redirect_to_the_saved_notice_with_the_way_back(client, site_pages):
    response = client.post(
        "/cookies/accept/", {"all_groups": "1", "next": "/glossary/"}
    )
    assert response["Location"] == "/cookies/?saved=1&next=%2Fglossary%2F"


def test_a_next_address_on_another_host_falls_back_to_the_settings_page(
    client, site_pages
):
    response = client.post(
        "/cookies/decline/", {"all_groups": "1", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/cookies/?saved=1"


def test_a_forged_post_without_csrf_token_is_refused_and_changes_nothing(site_pages):
    forger = Client(enforce_csrf_checks=True)
    response = forger.post(
        "/cookies/accept/",
        {"all_groups": "1"},
        headers={"Origin": "https://evil.example", "X-Cookie-Consent-Fetch": "1"},
    )
    assert response.status_code == 403
    assert CONSENT not in response.cookies and TIMES not in response.cookies


def test_a_post_with_the_token_from_the_status_view_is_accepted(site_pages):
    visitor = Client(enforce_csrf_checks=True)
    token = visitor.get("/cookies/status/").json()["csrftoken"]
    response = visitor.post(
        "/cookies/accept/",
        {"cookie_groups": ["analytics"]},
        headers={"X-CSRFToken": token, "X-Cookie-Consent-Fetch": "1"},
    )
    assert response.status_code == 200
    assert "analytics" in consent_values(response)


def test_the_status_view_is_never_cached(client, site_pages):
    response = client.get("/cookies/status/")
    assert "no-store" in response["Cache-Control"]


def test_an_unknown_category_is_a_clear_400_that_stores_nothing(client, site_pages):
    response = client.post("/cookies/accept/", {"cookie_groups": ["tracking"]})
    assert response.status_code == 400
    assert b"not known" in response.content
    assert CONSENT not in response.cookies


def test_declining_deletes_declared_cookies_including_pattern_names(client, site_pages):
    client.post("/cookies/accept/", {"all_groups": "1"})
    client.cookies["_ga"] = "GA1.1.1"
    client.cookies["_ga_ABC123"] = "GS1.1"
    client.cookies["_gax"] = "not declared"
    response = client.post("/cookies/decline/", {"cookie_groups": ["analytics"]})
    assert response.cookies["_ga"]["max-age"] == 0
    assert response.cookies["_ga_ABC123"]["max-age"] == 0
    assert "_gax" not in response.cookies


def test_cleaning_keeps_cookies_of_accepted_categories(client, site_pages):
    client.post("/cookies/accept/", {"all_groups": "1"})
    client.cookies["_ga_ABC123"] = "GS1.1"
    response = client.get("/")
    assert "_ga_ABC123" not in response.cookies


def test_a_page_that_has_to_delete_cookies_is_marked_private(client, site_pages):
    client.cookies["_fbp"] = "fb.1"
    response = client.get("/")
    assert response.cookies["_fbp"]["max-age"] == 0
    assert "private" in response["Cache-Control"]


def page_as_seen_by(site_pages, decide=None):
    visitor = Client()
    if decide:
        visitor.post(*decide)
    return {path: visitor.get(path) for path in site_pages}


def test_public_pages_are_byte_identical_whatever_the_consent(site_pages):
    fresh = page_as_seen_by(site_pages)
    accepted = page_as_seen_by(site_pages, ("/cookies/accept/", {"all_groups": "1"}))
    declined = page_as_seen_by(site_pages, ("/cookies/decline/", {"all_groups": "1"}))
    for path in site_pages:
        assert fresh[path].status_code == 200
        assert fresh[path].content == accepted[path].content == declined[path].content


def test_public_pages_set_no_cookie_and_do_not_vary_on_cookies(site_pages):
    for response in page_as_seen_by(
        site_pages, ("/cookies/accept/", {"all_groups": "1"})
    ).values():
        assert not response.cookies
        assert "cookie" not in response.get("Vary", "").lower()
        assert b"csrfmiddlewaretoken" not in response.content


MALFORMED = [
    "true",
    "a=b=c",
    "x" * 4096,
    "tracking=2026-01-01T00:00:00+00:00|ads=-1",
    '"analytics=-1',
    '"""',
    "analytics=|marketing",
    "|||===|||",
    "analytics=\\x00\\xff",
]


@pytest.mark.parametrize("value", MALFORMED)
@pytest.mark.parametrize("path", ["/", "/cookies/"])
def test_malformed_consent_cookies_give_a_normal_page(client, site_pages, value, path):
    client.cookies[CONSENT] = value
    client.cookies[TIMES] = value
    response = client.get(path)
    assert response.status_code == 200


@pytest.mark.parametrize("value", MALFORMED)
def test_decisions_over_malformed_cookies_replace_them(client, site_pages, value):
    client.cookies[CONSENT] = value
    client.cookies[TIMES] = value
    response = client.post("/cookies/decline/", {"all_groups": "1"})
    assert response.status_code == 302
    assert set(consent_values(response)) == {
        "analytics",
        "personalization",
        "marketing",
    }


def test_the_preferences_page_is_never_cached_and_lists_every_declared_cookie(
    client, site_pages
):
    response = client.get("/cookies/")
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    for name in ["_ga_*", "_fbp", "_gcl_au", "sessionid", "reading_preferences"]:
        assert f"<code>{name}</code>" in html
    assert 'action="/cookies/save/"' in html


def test_the_preferences_page_shows_the_current_choice(client, site_pages):
    client.post("/cookies/save/", {"cookie_groups": ["analytics"]})
    html = client.get("/cookies/").content.decode()
    assert 'value="analytics" checked' in html
    assert 'value="marketing" checked' not in html


def test_gated_scripts_are_rendered_inert_with_their_category(client, site_pages):
    html = client.get("/").content.decode()
    for script in GatedScript.objects.all():
        url = f"/cookies/scripts/{script.pk}.js?v={script.version}"
        assert (
            f'<script type="text/plain" data-consent="{script.category.varname}" '
            f'data-src="{url}"></script>'
        ) in html


def test_inline_gated_code_is_served_as_a_cacheable_script(client, site_pages):
    script = GatedScript.objects.get(name="Demo analytics")
    response = client.get(f"/cookies/scripts/{script.pk}.js")
    assert response["Content-Type"].startswith("text/javascript")
    assert "public" in response["Cache-Control"]
    assert response.content.decode() == script.code


def test_disabled_gated_scripts_are_neither_rendered_nor_served(client, site_pages):
    script = GatedScript.objects.get(name="Demo analytics")
    script.enabled = False
    script.save()
    assert f"/cookies/scripts/{script.pk}.js" not in client.get("/").content.decode()
    assert client.get(f"/cookies/scripts/{script.pk}.js").status_code == 404


def test_category_names_cannot_break_out_of_the_page_json(client, site_pages):
    group = CookieGroup.objects.get(varname="analytics")
    group.name = "</script><script>alert(1)</script>"
    group.save()
    html = client.get("/").content.decode()
    assert "<script>alert(1)" not in html


def test_each_decision_is_kept_as_proof_with_its_source(client, site_pages):
    from consent.records.models import ConsentRecord

    client.post("/cookies/save/", {"cookie_groups": ["analytics"], "source": "page"})
    record = ConsentRecord.objects.get()
    assert record.accepted == ["analytics"]
    assert sorted(record.declined) == ["marketing", "personalization"]
    assert record.source == "page"
    assert record.versions["analytics"] == (
        CookieGroup.objects.get(varname="analytics").get_version()
    )
    assert len(record.texts_hash) == 64


def test_an_unknown_decision_source_is_a_400_that_records_nothing(client, site_pages):
    from consent.records.models import ConsentRecord

    response = client.post("/cookies/accept/", {"all_groups": "1", "source": "bot"})
    assert response.status_code == 400
    assert not ConsentRecord.objects.exists()


def test_consent_adds_no_query_to_a_page_once_cached(
    rf, site_pages, django_assert_num_queries
):
    from django.template import Context, Template
    from wagtail.models import Site

    from consent.models import BannerSettings

    site = Site.objects.get(is_default_site=True)
    banner = BannerSettings.for_site(site)
    banner.title = "Cookies on this site"
    banner.policy_page = None  # a chosen policy page is read on each render
    banner.save()
    template = Template(
        '{% include "consent/head.html" %}{% include "consent/banner.html" %}'
    )
    request = rf.get("/")
    template.render(Context({"request": request}))  # warms the caches
    request = rf.get("/")
    Site.find_for_request(request)  # the site view's lookup, kept on the request
    with django_assert_num_queries(0):  # banner settings from the declarations
        html = template.render(Context({"request": request}))
    assert 'id="consent-banner"' in html
    assert "Cookies on this site" in html
