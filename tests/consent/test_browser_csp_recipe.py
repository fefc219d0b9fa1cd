"""Under a strict Content-Security-Policy (no 'unsafe-inline') built only from the
plugin's documented django-csp recipe, the banner works in Chromium.

The site's own CSP middleware (which knows the plugin's hashes too) is swapped
for django-csp's plain middleware with ``consent.csp.ConsentCSPMiddleware`` above
it, as docs/consent.md tells another site to do.
"""

import pytest
from cookie_consent.models import CookieGroup
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.cache import cache
from django.db import connections
from django.test.testcases import LiveServerThread

from consent import csp
from consent.models import GatedScript

from .browser import BANNER, banner_button

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SITE_CSP = "microsite.security.middleware.ContentSecurityPolicyMiddleware"
STRICT_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture
def recipe_url(settings, site_pages):
    """A live server whose middleware was loaded with the recipe's settings."""
    at = settings.MIDDLEWARE.index(SITE_CSP)
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[:at],
        "consent.csp.ConsentCSPMiddleware",
        "csp.middleware.CSPMiddleware",
        *settings.MIDDLEWARE[at + 1 :],
    ]
    settings.CONTENT_SECURITY_POLICY = STRICT_POLICY
    shared = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for conn in shared.values():
        conn.inc_thread_sharing()
    # The handler, and so the middleware, is built when the thread starts.
    server = LiveServerThread("localhost", StaticFilesHandler, shared)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    yield f"http://localhost:{server.port}"
    server.terminate()
    for conn in shared.values():
        conn.dec_thread_sharing()


@pytest.fixture
def tracker(page, site_pages):
    """A marketing script on another host, answered by Playwright."""
    GatedScript.objects.create(
        name="Tracker",
        category=CookieGroup.objects.get(varname="marketing"),
        src="https://tracker.invalid/pixel.js",
    )
    cache.clear()
    page.route(
        "https://tracker.invalid/**",
        lambda route: route.fulfill(
            content_type="text/javascript", body="window.trackerRan = true;"
        ),
    )


def violations(page):
    return page.evaluate("window.__cspViolations")


# recipe_url comes first: its server must stop after the browser page has closed.
def test_the_banner_works_under_a_strict_policy_from_the_recipe(
    recipe_url, page, context, tracker
):
    context.add_init_script(WATCH_VIOLATIONS)

    response = page.goto(recipe_url + "/")

    policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy
    script_src = next(d for d in policy.split(";") if d.split()[0] == "script-src")
    assert script_src.split()[1:] == [
        "'self'",
        *csp.script_hashes(),
        "https://tracker.invalid",
    ]
    # The banner shows only once the inline head script has run.
    page.locator(BANNER).wait_for(state="visible")
    assert page.evaluate("document.documentElement.classList.contains('consent-ask')")

    banner_button(page, "Accept all").click()
    page.locator(BANNER).wait_for(state="hidden")
    page.wait_for_function(
        "() => window.demoAnalyticsRuns === 1 && window.demoMarketingRuns === 1"
        " && window.trackerRan === true"
    )
    assert violations(page) == []
    assert page.errors == []


def test_without_the_hash_the_same_policy_blocks_the_head_script(
    recipe_url, page, context
):
    """The control: the hash the middleware adds is what makes the banner work."""
    context.add_init_script(WATCH_VIOLATIONS)

    def strip_hash(route):
        response = route.fetch()
        headers = dict(response.headers)
        for source in csp.script_hashes():
            headers["content-security-policy"] = headers[
                "content-security-policy"
            ].replace(" " + source, "")
        route.fulfill(response=response, headers=headers)

    page.route(recipe_url + "/", strip_hash)

    page.goto(recipe_url + "/")

    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert any(v.startswith("script-src") for v in violations(page))
    assert not page.evaluate(
        "document.documentElement.classList.contains('consent-ask')"
    )
