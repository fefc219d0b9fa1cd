"""A visitor's choices in a real Chromium: what runs, what is stored, what stays."""

import pytest
from cookie_consent.models import Cookie, CookieGroup

from .browser import (
    BANNER,
    DIALOG,
    banner_button,
    consent_choices,
    cookies,
    runs,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def necessary_names():
    return set(
        Cookie.objects.filter(cookiegroup__is_required=True).values_list(
            "name", flat=True
        )
    )


# Whether the banner was due as soon as <body> existed: before first paint and
# before consent.js ran.
ASK_AT_FIRST_PAINT = """
new MutationObserver((records, observer) => {
  if (!document.body) return;
  window.askedAtFirstPaint = document.documentElement.classList.contains("consent-ask");
  observer.disconnect();
}).observe(document, {childList: true, subtree: true});
"""


def test_first_visit_shows_the_banner_and_runs_and_stores_nothing(
    page, context, site_url, tracker
):
    context.add_init_script(ASK_AT_FIRST_PAINT)
    page.goto(site_url + "/")
    assert page.evaluate("window.askedAtFirstPaint") is True
    assert page.locator(BANNER).is_visible()
    assert page.locator(BANNER).get_attribute("aria-labelledby")
    assert cookies(context) == {}
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert runs(page) == [0, 0]
    assert tracker == []
    page.mouse.wheel(0, 2000)
    page.get_by_role("link", name="Glossary").first.click()
    page.wait_for_url("**/glossary/")
    assert page.locator(BANNER).is_visible()
    assert cookies(context) == {} and runs(page) == [0, 0] and tracker == []
    assert page.errors == []


def test_reject_all_hides_the_banner_and_nothing_gated_ever_runs(
    page, context, site_url, tracker
):
    page.goto(site_url + "/")
    banner_button(page, "Reject all").click()
    page.locator(BANNER).wait_for(state="hidden")
    assert set(consent_choices(context).values()) == {"-1"}
    assert set(cookies(context)) <= necessary_names()
    for path in ["/", "/glossary/"]:
        page.goto(site_url + path)
        assert not page.locator(BANNER).is_visible()
        assert runs(page) == [0, 0]
    assert tracker == []
    assert set(cookies(context)) <= necessary_names()
    assert page.errors == []


def test_accept_all_runs_every_script_at_once_and_again_on_return(
    page, context, site_url, tracker
):
    page.goto(site_url + "/")
    banner_button(page, "Accept all").click()
    page.wait_for_function(
        "() => window.demoAnalyticsRuns === 1 && window.demoMarketingRuns === 1"
    )
    page.wait_for_function("() => window.trackerRan === true")
    assert not page.locator(BANNER).is_visible()
    assert {"_ga", "_ga_DEMO123", "_fbp"} <= set(cookies(context))

    requests = []
    page.on("request", lambda request: requests.append(request.url))
    context.add_init_script(ASK_AT_FIRST_PAINT)
    page.reload()
    assert page.evaluate("window.askedAtFirstPaint") is False
    page.wait_for_function(
        "() => window.demoAnalyticsRuns === 1 && window.demoMarketingRuns === 1"
    )
    assert not page.locator(BANNER).is_visible()
    consent_calls = [
        u for u in requests if "/cookies/" in u and "/cookies/scripts/" not in u
    ]
    assert consent_calls == []
    assert page.errors == []


def test_customising_to_analytics_only_runs_only_analytics(
    page, context, site_url, tracker
):
    page.goto(site_url + "/")
    banner_button(page, "Customise").click()
    dialog = page.locator(DIALOG)
    assert dialog.is_visible()
    switches = dialog.get_by_role("switch")
    assert [s.is_checked() for s in switches.all()] == [True, False, False, False]
    dialog.get_by_role("switch", name="Analytics").check()
    dialog.get_by_role("button", name="Save choices").click()
    page.wait_for_function("() => window.demoAnalyticsRuns === 1")
    assert not dialog.is_visible() and not page.locator(BANNER).is_visible()
    assert runs(page) == [1, 0] and tracker == []
    choices = consent_choices(context)
    assert (
        choices["analytics"]
        == CookieGroup.objects.get(varname="analytics").get_version()
    )
    assert choices["marketing"] == choices["personalization"] == "-1"
    assert "_fbp" not in cookies(context)


def test_withdrawing_analytics_deletes_its_cookies_and_storage_at_once(
    page, context, site_url
):
    page.goto(site_url + "/")
    banner_button(page, "Accept all").click()
    page.wait_for_function(
        "() => window.demoAnalyticsRuns === 1 && window.demoMarketingRuns === 1"
    )
    assert page.evaluate("localStorage.getItem('demo_analytics_visits')") == "1"

    page.get_by_role("link", name="Cookie settings").click()
    dialog = page.locator(DIALOG)
    assert dialog.get_by_role("switch", name="Analytics").is_checked()
    dialog.get_by_role("switch", name="Analytics").uncheck()
    dialog.get_by_role("button", name="Save choices").click()
    page.wait_for_function("() => !document.cookie.includes('_ga')")
    present = cookies(context)
    assert not {"_ga", "_ga_DEMO123"} & set(present)
    assert "_fbp" in present
    assert page.evaluate("localStorage.getItem('demo_analytics_visits')") is None

    page.goto(site_url + "/glossary/")
    page.wait_for_function("() => window.demoMarketingRuns === 1")
    assert runs(page) == [0, 1]
    assert "_ga" not in cookies(context)
    assert page.errors == []


def test_visitors_with_opposite_choices_get_byte_identical_pages(browser, site_url):
    bodies = []
    for button in ["Accept all", "Reject all"]:
        context = browser.new_context()
        page = context.new_page()
        page.goto(site_url + "/")
        banner_button(page, button).click()
        page.locator(BANNER).wait_for(state="hidden")
        responses = [context.request.get(site_url + p) for p in ["/", "/glossary/"]]
        for response in responses:
            assert response.status == 200
            assert "set-cookie" not in response.headers
            assert "cookie" not in response.headers.get("vary", "").lower()
        bodies.append([r.body() for r in responses])
        context.close()
    assert bodies[0] == bodies[1]


def test_a_newly_declared_cookie_asks_again_those_who_accepted(page, context, site_url):
    page.goto(site_url + "/")
    banner_button(page, "Accept all").click()
    page.locator(BANNER).wait_for(state="hidden")
    Cookie.objects.create(
        cookiegroup=CookieGroup.objects.get(varname="analytics"), name="_gid"
    )
    page.reload()
    assert page.locator(BANNER).is_visible()
    page.wait_for_function("() => window.demoMarketingRuns === 1")
    assert runs(page) == [0, 1]


def test_a_newly_declared_cookie_asks_again_those_who_declined(page, context, site_url):
    page.goto(site_url + "/")
    banner_button(page, "Reject all").click()
    page.locator(BANNER).wait_for(state="hidden")
    page.reload()
    assert not page.locator(BANNER).is_visible()
    Cookie.objects.create(
        cookiegroup=CookieGroup.objects.get(varname="marketing"), name="_uetsid"
    )
    page.reload()
    assert page.locator(BANNER).is_visible()


def test_an_expired_consent_asks_again_and_runs_nothing(page, context, site_url):
    page.goto(site_url + "/")
    banner_button(page, "Accept all").click()
    page.wait_for_function("() => window.demoAnalyticsRuns === 1")
    thirteen_months_ago = page.evaluate("Date.now() - 395 * 864e5")
    times = "|".join(f"{g}={thirteen_months_ago}" for g in consent_choices(context))
    context.add_cookies(
        [{"name": "cookie_consent_time", "value": f'"{times}"', "url": site_url}]
    )
    page.reload()
    assert page.locator(BANNER).is_visible()
    assert runs(page) == [0, 0]
