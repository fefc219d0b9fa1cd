"""Global Privacy Control and Google Consent Mode v2 in the browser."""

import pytest

from .browser import BANNER, banner_button, consent_choices, runs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GPC_ON = (
    "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl',"
    " {get: () => true})"
)
CONSENT_CALLS = (
    "(window.dataLayer || []).map(a => Array.from(a)).filter(a => a[0] === 'consent')"
)


@pytest.fixture
def gpc_page(browser):
    context = browser.new_context()
    context.add_init_script(GPC_ON)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()


def test_a_browser_sending_gpc_has_marketing_declined_and_is_told(gpc_page, site_url):
    page = gpc_page
    page.goto(site_url + "/")
    assert page.locator(BANNER).is_visible()
    assert page.locator("[data-consent-gpc]").is_visible()
    banner_button(page, "Accept all").click()
    page.wait_for_function("window.demoAnalyticsRuns === 1")
    assert runs(page) == [1, 0]
    choices = consent_choices(page.context)
    assert choices["marketing"] == "-1" and choices["analytics"] != "-1"
    assert page.errors == []


def test_without_gpc_the_notice_stays_hidden(page, site_url):
    page.goto(site_url + "/")
    assert not page.locator("[data-consent-gpc]").is_visible()


def test_google_consent_mode_defaults_to_denied_and_follows_choices(
    page, site_url, settings
):
    settings.CONSENT_GOOGLE_CONSENT_MODE = True
    page.goto(site_url + "/")
    default = page.evaluate(CONSENT_CALLS)[0]
    assert default[1] == "default"
    assert set(default[2].values()) == {"denied"}
    assert {"analytics_storage", "ad_storage", "ad_user_data"} <= set(default[2])

    page.get_by_role("button", name="Customise").click()
    page.get_by_role("switch", name="Analytics").check()
    page.get_by_role("button", name="Save choices").click()
    page.wait_for_function("window.demoAnalyticsRuns === 1")
    update = page.evaluate(CONSENT_CALLS)[-1]
    assert update[1] == "update"
    assert update[2]["analytics_storage"] == "granted"
    assert update[2]["ad_storage"] == "denied"


def test_google_consent_mode_is_off_unless_enabled(page, site_url):
    page.goto(site_url + "/")
    assert page.evaluate(CONSENT_CALLS) == []
