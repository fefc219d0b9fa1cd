"""The consent plugin in a stock Wagtail project: banner, decisions, the
preferences page and gated scripts, on whichever Wagtail runs the tests."""

import pytest
from cookie_consent.models import CookieGroup
from django.test import Client

from consent.models import GatedScript
from glossary.models import GlossaryIndexPage

pytestmark = pytest.mark.django_db

CONSENT = "cookie_consent"


@pytest.fixture
def page_url(site_root):
    """A plugin page that extends the project's stock base.html."""
    glossary = site_root.add_child(
        instance=GlossaryIndexPage(title="Glossary", slug="glossary")
    )
    return glossary.url


@pytest.fixture
def pixel():
    return GatedScript.objects.create(
        name="Pixel",
        category=CookieGroup.objects.get(varname="marketing"),
        code="window.pixelRan = true;",
    )


def consent_values(response):
    return dict(pair.split("=") for pair in response.cookies[CONSENT].value.split("|"))


def test_a_page_carries_the_banner_and_sets_no_cookie(client, page_url):
    response = client.get(page_url)
    html = response.content.decode()

    assert response.status_code == 200
    assert 'id="consent-banner"' in html
    assert "consent/consent.css" in html
    assert not response.cookies


def test_gated_scripts_are_inert_markup_on_the_page(client, page_url, pixel):
    html = client.get(page_url).content.decode()

    assert (
        f'<script type="text/plain" data-consent="marketing" '
        f'data-src="/cookies/scripts/{pixel.pk}.js?v={pixel.version}"></script>'
    ) in html
    assert "window.pixelRan" not in html


def test_the_gated_script_is_served_from_the_plugins_url(client, pixel):
    response = client.get(f"/cookies/scripts/{pixel.pk}.js")

    assert response["Content-Type"].startswith("text/javascript")
    assert response.content.decode() == "window.pixelRan = true;"


def test_accept_all_stores_every_optional_category_readable_by_scripts(client):
    response = client.post("/cookies/accept/", {"all_groups": "1"})

    values = consent_values(response)
    assert set(values) == {"analytics", "personalization", "marketing"}
    assert "-1" not in values.values()
    assert not response.cookies[CONSENT]["httponly"]


def test_reject_all_declines_every_optional_category(client):
    response = client.post("/cookies/decline/", {"all_groups": "1"})

    assert set(consent_values(response).values()) == {"-1"}


def test_a_decision_needs_the_token_the_status_view_hands_out():
    visitor = Client(enforce_csrf_checks=True)
    headers = {"X-Cookie-Consent-Fetch": "1"}

    forged = visitor.post("/cookies/accept/", {"all_groups": "1"}, headers=headers)
    token = visitor.get("/cookies/status/").json()["csrftoken"]
    accepted = visitor.post(
        "/cookies/accept/",
        {"cookie_groups": ["analytics"]},
        headers={**headers, "X-CSRFToken": token},
    )

    assert forged.status_code == 403
    assert accepted.status_code == 200
    assert "analytics" in consent_values(accepted)


def test_the_preferences_page_extends_the_projects_base_and_shows_the_choice(
    client, site_root
):
    client.post("/cookies/save/", {"cookie_groups": ["analytics"]})

    html = client.get("/cookies/").content.decode()

    assert '<main id="main">' in html  # the project's base.html
    assert 'value="analytics" checked' in html
    assert 'value="marketing" checked' not in html
