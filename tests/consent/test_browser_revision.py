"""New banner texts ask again; without JavaScript a notice points to /cookies/."""

import pytest
from wagtail.models import Site

from consent.models import BannerSettings
from consent.records.models import ConsentRecord

from .browser import BANNER, axe_violations, banner_button

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_after_the_editor_changes_the_banner_message_visitors_are_asked_again(
    page, site_url
):
    page.goto(site_url + "/")
    banner_button(page, "Accept all").click()
    page.locator(BANNER).wait_for(state="hidden")
    page.goto(site_url + "/glossary/")
    assert not page.locator(BANNER).is_visible()

    settings = BannerSettings.for_site(Site.objects.get(is_default_site=True))
    settings.message = "We have changed how we use cookies: please choose again."
    settings.save()

    page.goto(site_url + "/")
    assert page.locator(BANNER).is_visible()
    assert "please choose again" in page.locator(BANNER).inner_text()
    assert page.evaluate("window.demoAnalyticsRuns || 0") == 0
    banner_button(page, "Accept all").click()
    page.locator(BANNER).wait_for(state="hidden")
    page.goto(site_url + "/glossary/")
    assert not page.locator(BANNER).is_visible()

    first, second = ConsentRecord.objects.order_by("pk")
    assert (first.texts_revision, second.texts_revision) == (1, 2)
    assert second.texts_hash == BannerSettings.objects.get().texts_hash
    assert second.texts_hash != first.texts_hash
    assert page.errors == []


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_without_javascript_a_notice_in_the_banner_area_links_to_the_cookies_page(
    no_js_page, site_url
):
    page = no_js_page
    page.goto(site_url + "/")
    assert not page.locator(BANNER).is_visible()
    notice = page.locator(".consent-noscript")
    assert notice.is_visible()
    notice.get_by_role("link", name="cookie settings page").click()
    page.wait_for_url(site_url + "/cookies/")
    assert page.get_by_role("heading", name="Cookie settings", level=1).is_visible()


def test_the_noscript_notice_passes_axe(browser, site_url):
    # axe needs scripts, so the page's HTML is fetched without JavaScript and
    # shown with <noscript> content parsed as the no-JavaScript browser shows it.
    context = browser.new_context(java_script_enabled=False)
    html = context.new_page().request.get(site_url + "/").text()
    context.close()
    shown = html.replace("<noscript>", "<div>").replace("</noscript>", "</div>")
    shown = shown.replace(
        '<script id="consent-config"', '<script id="consent-config-off"'
    )
    context = browser.new_context()
    page = context.new_page()
    page.route(
        site_url + "/",
        lambda route: route.fulfill(body=shown, content_type="text/html"),
    )
    page.goto(site_url + "/")
    assert page.locator(".consent-noscript").is_visible()
    assert axe_violations(page) == []
    context.close()
