"""In Chromium, with consent.urls mounted at /privacy/cookies/: the banner, the
dialog, the gated block and the footer link work with and without JavaScript."""

import pytest

from tests.conftest import IN_FLIGHT

from .browser import BANNER, DIALOG, banner_button, consent_choices
from .urls_prefixed import PREFIX

pytestmark = [
    pytest.mark.browser,
    pytest.mark.urls("tests.consent.urls_prefixed"),
    pytest.mark.django_db(transaction=True),
]


def test_with_javascript_every_decision_posts_under_the_prefix(page, context, site_url):
    posted = []
    page.on(
        "response",
        lambda r: (
            posted.append((r.request.method, r.url, r.status))
            if r.request.method == "POST" or "/status/" in r.url
            else None
        ),
    )
    page.goto(site_url + "/embed-demo/")

    page.get_by_role("button", name="Allow marketing cookies and load it").click()
    page.locator("iframe[data-embed-loaded]").wait_for()
    banner_button(page, "Accept all").click()
    page.locator(BANNER).wait_for(state="hidden")
    page.locator("footer .consent-preferences-link").click()
    page.locator(DIALOG).wait_for(state="visible")
    page.locator(DIALOG).locator("[data-consent-action=reject]").click()
    page.locator(DIALOG).wait_for(state="hidden")

    assert [(m, url.removeprefix(site_url), s) for m, url, s in posted] == [
        ("GET", f"{PREFIX}status/", 200),
        ("POST", f"{PREFIX}accept/", 200),
        ("GET", f"{PREFIX}status/", 200),
        ("POST", f"{PREFIX}accept/", 200),
        ("GET", f"{PREFIX}status/", 200),
        ("POST", f"{PREFIX}decline/", 200),
    ]
    assert consent_choices(context)["marketing"] == "-1"
    assert page.errors == []


@pytest.fixture
def no_js_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()
    IN_FLIGHT.wait_until_idle()


def test_without_javascript_the_footer_link_and_forms_work_under_the_prefix(
    no_js_page, site_url
):
    page = no_js_page
    page.goto(site_url + "/")
    page.locator("footer .consent-preferences-link").click()
    page.wait_for_url(f"**{PREFIX}")

    page.get_by_role("button", name="Reject all").click()

    page.wait_for_url(f"**{PREFIX}?saved=1*")
    assert page.get_by_text("Your choices are saved.").is_visible()
    assert consent_choices(page.context)["analytics"] == "-1"
