"""Chromium reports no Content-Security-Policy violation anywhere a visitor or an
editor goes: banner, preferences, accepting (gated scripts run), glossary
popover, articles, /cookies/, and the admin's page editor with its preview."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command

from glossary.models import GlossaryTermPage
from microsite.articles.models import ArticlePage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs in every document and frame before any of the page's own scripts.
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(
    e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
    " in " + e.sourceFile + ":" + e.lineNumber + " " + (e.sample || "")
  );
});
"""


@pytest.fixture
def live_site(live_server):
    cache.clear()
    call_command("load_demo", stdout=io.StringIO())
    User.objects.create_superuser("admin", "admin@example.org", "pw-for-tests")
    cache.clear()
    return live_server.url


@pytest.fixture
def watched(page):
    page.context.add_init_script(WATCH_VIOLATIONS)
    page.violations = {}
    return page


def note(page, step):
    """Record this step's violations (from every frame) and console errors."""
    found = []
    for frame in page.frames:
        found += frame.evaluate("window.__cspViolations || []")
    found += page.errors
    page.errors.clear()
    if found:
        page.violations[step] = found


def test_no_csp_violation_for_visitors_from_banner_to_accepting_all(watched, live_site):
    page = watched
    page.goto(live_site + "/")
    banner = page.locator("#consent-banner")
    banner.wait_for(state="visible")
    note(page, "home with banner")

    banner.locator("[data-consent-action=customise]").click()
    dialog = page.locator("#consent-dialog")
    dialog.wait_for(state="visible")
    note(page, "preferences dialog")

    dialog.locator("[data-consent-action=accept]").click()
    page.wait_for_function(
        "() => window.demoAnalyticsRuns === 1 && window.demoMarketingRuns === 1"
    )
    note(page, "accept all, gated scripts ran")

    page.reload()
    page.wait_for_function(
        "() => window.demoAnalyticsRuns === 1 && window.demoMarketingRuns === 1"
    )
    note(page, "returning visitor, gated scripts ran")

    page.goto(live_site + "/cookies/")
    page.locator("h1").wait_for()
    note(page, "/cookies/")

    assert page.violations == {}


def test_no_csp_violation_on_a_term_and_an_article_with_the_popover(watched, live_site):
    page = watched
    term = GlossaryTermPage.objects.live().first()
    page.goto(live_site + term.url)
    page.locator("h1").wait_for()
    note(page, "term page")

    article = next(
        a for a in ArticlePage.objects.live() if 'class="glossary-term"' in a_html(a)
    )
    page.goto(live_site + article.url)
    link = page.locator("a.glossary-term").first
    link.hover()
    page.locator(f"#{link.get_attribute('aria-describedby')}").wait_for(state="visible")
    note(page, "article with the glossary popover")

    assert page.violations == {}


def a_html(article) -> str:
    from django.test import Client

    return Client().get(article.url).content.decode()


def test_no_csp_violation_in_the_page_editor_and_its_preview(watched, live_site):
    page = watched
    page.goto(live_site + "/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "pw-for-tests")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    note(page, "admin dashboard")

    term = GlossaryTermPage.objects.live().first()
    page.goto(f"{live_site}/admin/pages/{term.pk}/edit/")
    page.locator("#id_title").wait_for()
    note(page, "page editor")

    page.locator("[data-side-panel-toggle=preview]").first.click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1", has_text=term.title).wait_for()
    note(page, "preview of a term")

    assert page.violations == {}
