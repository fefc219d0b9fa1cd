import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.apps import apps
from django.core.cache import cache

from consent.defaults import create_default_categories
from consent.models import CookieDetails


def declare_example_cookies():
    """This site's demo examples in the site's suite; in the plugins' own test
    project (tests/plugins, no microsite) the same names, declared here."""
    if apps.is_installed("microsite.home"):
        from microsite.demo.consent import declare_example_cookies

        return declare_example_cookies()
    groups = {g.varname: g for g in CookieGroup.objects.all()}
    for varname, name, duration, storage in PLUGIN_PROJECT_EXAMPLES:
        cookie, created = Cookie.objects.get_or_create(
            cookiegroup=groups[varname],
            name=name,
            domain="",
            defaults={"description": f"Example {name} for the tests."},
        )
        if created:
            CookieDetails.objects.create(
                cookie=cookie, duration=duration, provider="Example", storage=storage
            )


PLUGIN_PROJECT_EXAMPLES = [
    ("analytics", "_ga", "2 years", "cookie"),
    ("analytics", "_ga_*", "2 years", "cookie"),
    ("analytics", "demo_analytics_visits", "until cleared", "local"),
    ("personalization", "reading_preferences", "until cleared", "local"),
    ("marketing", "_fbp", "3 months", "cookie"),
    ("marketing", "_gcl_au", "3 months", "cookie"),
]


@pytest.fixture
def categories(db):
    """The default categories, as the data migration creates them, with this
    site's example cookies (``_ga``, ``_fbp``…) that its demo declares.

    live_server tests flush the database, so they are created again here; the
    caches are cleared because they outlive the flush.
    """
    cache.clear()
    create_default_categories(CookieGroup, Cookie, CookieDetails)
    declare_example_cookies()
    yield {g.varname: g for g in CookieGroup.objects.all()}
    cache.clear()


@pytest.fixture
def site_pages(categories):
    """Home page at / and glossary index at /glossary/, with the demo scripts."""
    from io import StringIO

    from microsite.demo import consent as consent_demo
    from microsite.demo import site as site_demo

    site_demo.build(StringIO())
    consent_demo.build(StringIO())
    cache.clear()
    return ["/", "/glossary/"]


@pytest.fixture
def site_url(live_server, site_pages):
    """The live site with the demo categories and gated scripts."""
    return live_server.url


@pytest.fixture
def tracker(page):
    """A gated script on another host; records requests to that host.

    The host is answered by Playwright, never by the network.
    """
    from consent.models import GatedScript

    GatedScript.objects.create(
        name="Tracker",
        category=CookieGroup.objects.get(varname="marketing"),
        src="https://tracker.invalid/pixel.js",
    )
    cache.clear()
    requests = []
    page.on(
        "request",
        lambda request: (
            requests.append(request.url) if "tracker.invalid" in request.url else None
        ),
    )
    page.route(
        "https://tracker.invalid/**",
        lambda route: route.fulfill(
            content_type="text/javascript", body="window.trackerRan = true;"
        ),
    )
    return requests
