"""Global Privacy Control and Google Consent Mode v2 in the browser."""

import pytest
from cookie_consent.models import CookieGroup
from django.core.cache import cache
from wagtail.models import Site

from consent.models import BannerSettings, GatedScript, Placement
from consent.records.models import ConsentRecord

from .browser import BANNER, DIALOG, banner_button, consent_choices, runs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GPC_ON = (
    "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl',"
    " {get: () => true})"
)
# Consent calls as arrays, and the gated tag's own pushes as ["event", name].
DATA_LAYER = (
    "(window.dataLayer || []).map(a => a.event ? ['event', a.event] : Array.from(a))"
)
CONSENT_CALLS = f"{DATA_LAYER}.filter(a => a[0] === 'consent')"
ALL_TYPES = {
    "ad_storage",
    "ad_user_data",
    "ad_personalization",
    "analytics_storage",
    "personalization_storage",
    "functionality_storage",
}


@pytest.fixture
def gpc_page(browser):
    """A browser that sends Global Privacy Control, as a header and to scripts."""
    context = browser.new_context(extra_http_headers={"Sec-GPC": "1"})
    context.add_init_script(GPC_ON)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    # The signal's decision is sent in the background on the first page view: let
    # it finish before the database is emptied, or the two lock each other.
    page.wait_for_load_state("networkidle")
    context.close()


def gpc_records():
    return list(ConsentRecord.objects.filter(source="gpc"))


def wait_for_records(page, count):
    for _ in range(50):
        if ConsentRecord.objects.count() >= count:
            return
        page.wait_for_timeout(100)


def test_gpc_declines_marketing_without_asking_and_is_recorded_once(gpc_page, site_url):
    page = gpc_page
    page.goto(site_url + "/")
    page.wait_for_function("() => document.cookie.includes('marketing=-1')")
    for path in ["/glossary/", "/", "/glossary/"]:
        page.goto(site_url + path)
        assert page.locator(BANNER).is_visible()  # analytics is still to be asked
        assert page.locator("[data-consent-gpc]").is_visible()
    page.wait_for_timeout(500)
    assert consent_choices(page.context) == {"marketing": "-1"}
    [record] = gpc_records()
    assert (record.accepted, record.declined) == ([], ["marketing"])
    assert runs(page) == [0, 0]
    assert page.errors == []


def test_with_gpc_accept_all_accepts_everything_but_marketing(gpc_page, site_url):
    page = gpc_page
    page.goto(site_url + "/")
    page.wait_for_function("() => document.cookie.includes('marketing=-1')")
    banner_button(page, "Accept all").click()
    page.wait_for_function("() => window.demoAnalyticsRuns === 1")
    page.locator(BANNER).wait_for(state="hidden")
    assert runs(page) == [1, 0]
    choices = consent_choices(page.context)
    assert choices["marketing"] == "-1" and choices["analytics"] != "-1"
    assert len(gpc_records()) == 1
    assert page.errors == []


def test_the_cookies_page_says_gpc_is_honoured(gpc_page, site_url):
    page = gpc_page
    page.goto(site_url + "/cookies/")
    notice = page.locator("#consent-gpc-notice")
    assert notice.is_visible()
    assert "We honour it" in notice.inner_text()
    assert not page.get_by_role("switch", name="Marketing").is_checked()


def test_with_gpc_the_visitor_may_still_opt_in_to_marketing_and_that_is_recorded(
    gpc_page, site_url
):
    page = gpc_page
    page.goto(site_url + "/")
    page.wait_for_function("() => document.cookie.includes('marketing=-1')")
    banner_button(page, "Customise").click()
    dialog = page.locator(DIALOG)
    assert not dialog.get_by_role("switch", name="Marketing").is_checked()
    dialog.get_by_role("switch", name="Marketing").check()
    dialog.get_by_role("button", name="Save choices").click()
    page.wait_for_function("() => window.demoMarketingRuns === 1")
    wait_for_records(page, 2)
    opt_in = ConsentRecord.objects.exclude(source="gpc").get()
    assert opt_in.source == "preferences"
    assert opt_in.accepted == ["marketing"]
    page.goto(site_url + "/glossary/")
    page.wait_for_function("() => window.demoMarketingRuns === 1")
    assert len(gpc_records()) == 1
    assert page.errors == []


def test_after_new_texts_a_gpc_visitor_is_asked_again_but_not_recorded_per_page(
    gpc_page, site_url
):
    page = gpc_page
    page.goto(site_url + "/")
    page.wait_for_function("() => document.cookie.includes('marketing=-1')")
    banner_button(page, "Reject all").click()
    page.locator(BANNER).wait_for(state="hidden")
    settings = BannerSettings.for_site(Site.objects.get(is_default_site=True))
    settings.message = "We have changed how we use cookies."
    settings.save()
    for path in ["/", "/glossary/", "/"]:
        page.goto(site_url + path)
        assert page.locator(BANNER).is_visible()
        assert runs(page) == [0, 0]
    page.wait_for_timeout(500)
    assert len(gpc_records()) == 1
    assert page.errors == []


def test_without_gpc_the_notice_stays_hidden_and_nothing_is_recorded(page, site_url):
    page.goto(site_url + "/")
    assert not page.locator("[data-consent-gpc]").is_visible()
    page.wait_for_timeout(300)
    assert not ConsentRecord.objects.exists()


# Google Consent Mode v2


@pytest.fixture
def gcm_site(site_url, settings):
    """Consent Mode on, and a gated analytics tag that pushes to dataLayer itself."""
    settings.CONSENT_GOOGLE_CONSENT_MODE = True
    GatedScript.objects.create(
        name="Tag manager",
        category=CookieGroup.objects.get(varname="analytics"),
        placement=Placement.HEAD,
        code="(window.dataLayer = window.dataLayer || []).push({event: 'gated-tag'});",
    )
    cache.clear()
    return site_url


def values(call, value):
    return {name for name, v in call[2].items() if v == value}


def test_consent_mode_default_denies_everything_before_any_other_tag(page, gcm_site):
    page.goto(gcm_site + "/")
    layer = page.evaluate(DATA_LAYER)
    assert layer[0][:2] == ["consent", "default"]
    default = layer[0][2]
    assert values(layer[0], "denied") == ALL_TYPES
    assert default["security_storage"] == "granted"
    assert default["wait_for_update"] == 500
    # Then the plugin's page context; no update before a choice, the tag has not run.
    assert layer[1:] == [["event", "consent_page"]]


def test_consent_mode_accept_all_grants_every_type(page, gcm_site):
    page.goto(gcm_site + "/")
    banner_button(page, "Accept all").click()
    page.wait_for_function("() => window.demoAnalyticsRuns === 1")
    update = page.evaluate(CONSENT_CALLS)[-1]
    assert update[1] == "update"
    assert values(update, "granted") == ALL_TYPES


def test_consent_mode_reject_all_denies_every_type(page, gcm_site):
    page.goto(gcm_site + "/")
    banner_button(page, "Reject all").click()
    page.locator(BANNER).wait_for(state="hidden")
    update = page.evaluate(CONSENT_CALLS)[-1]
    assert update[1] == "update"
    assert values(update, "denied") == ALL_TYPES
    assert ["event", "gated-tag"] not in page.evaluate(DATA_LAYER)


def test_consent_mode_analytics_only_then_a_returning_visit(page, gcm_site):
    page.goto(gcm_site + "/")
    banner_button(page, "Customise").click()
    page.get_by_role("switch", name="Analytics").check()
    page.get_by_role("button", name="Save choices").click()
    page.wait_for_function("() => window.demoAnalyticsRuns === 1")
    update = page.evaluate(CONSENT_CALLS)[-1]
    assert update[1] == "update"
    assert values(update, "granted") == {"analytics_storage"}

    page.goto(gcm_site + "/glossary/")
    page.wait_for_function("() => window.demoAnalyticsRuns === 1")
    layer = page.evaluate(DATA_LAYER)
    assert [entry[:2] for entry in layer[:2]] == [
        ["consent", "default"],
        ["consent", "update"],
    ]
    assert values(layer[0], "denied") == ALL_TYPES
    assert values(layer[1], "granted") == {"analytics_storage"}
    # The gated tag ran after both: it saw the visitor's choice.
    assert layer.index(["event", "gated-tag"]) > 1


def test_consent_mode_is_off_unless_enabled(page, site_url):
    page.goto(site_url + "/")
    assert page.evaluate(CONSENT_CALLS) == []
