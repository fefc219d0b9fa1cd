"""A page cache hit is answered near the top of the middleware stack.

The page cache sits right after the security and static-file middleware: a hit
skips sessions, CSRF, auth, messages and the security-header middleware (their
headers were stored with the page, and so was its site) and runs only
``PAGE_CACHE_HIT_MIDDLEWARE``: the consent clean-up of a visitor's declined cookies.
"""

import pytest
from django.core.checks import Warning as CheckWarning

from microsite.caching.checks import check_middleware_order

pytestmark = pytest.mark.django_db

SPY = "tests.caching.test_hit_path.SpyMiddleware"
CACHE = "microsite.caching.middleware.PageCacheMiddleware"
reached = []


class SpyMiddleware:
    """Counts the requests that reach it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reached.append(request.path)
        return self.get_response(request)


@pytest.fixture
def term(make_term):
    return make_term("Butyrate", "A short-chain fatty acid made by gut bacteria.")


@pytest.fixture
def spy_after_the_cache(settings):
    reached.clear()
    at = settings.MIDDLEWARE.index(CACHE)
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[: at + 1],
        SPY,
        *settings.MIDDLEWARE[at + 1 :],
    ]
    settings.PAGE_CACHE_MISS_ONLY_MIDDLEWARE = [
        *settings.PAGE_CACHE_MISS_ONLY_MIDDLEWARE,
        SPY,
    ]
    yield
    reached.clear()


def test_the_page_cache_comes_before_sessions_csrf_auth_and_messages(settings):
    order = settings.MIDDLEWARE
    cache = order.index(CACHE)
    for name in (
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "microsite.security.middleware.ContentSecurityPolicyMiddleware",
        "consent.middleware.CleanCookiesMiddleware",
    ):
        assert order.index(name) > cache, name
    for name in (
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ):
        assert order.index(name) < cache, name


def test_a_hit_does_not_run_the_middleware_after_the_cache(
    client, term, spy_after_the_cache
):
    assert client.get(term.url)["X-Cache"] == "MISS"
    assert reached == [term.url]

    assert client.get(term.url)["X-Cache"] == "HIT"
    assert reached == [term.url]


def test_a_hit_carries_the_security_headers_of_the_page_it_replays(client, term):
    first = client.get(term.url)
    second = client.get(term.url)

    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Content-Type",
        "Cache-Control",
    ):
        assert second[header] == first[header], header
    assert "script-src" in second["Content-Security-Policy"]


def test_a_hit_with_consent_cookies_reads_nothing_from_the_database(
    client, term, django_assert_num_queries
):
    client.cookies["cookie_consent"] = "analytics=-1|marketing=-1"
    client.cookies["cookie_consent_time"] = "analytics=1|marketing=1"
    client.get(term.url)
    client.get(term.url)  # the site is remembered on the first hit's miss

    with django_assert_num_queries(0):
        assert client.get(term.url)["X-Cache"] == "HIT"


def test_a_hit_for_a_visitor_with_a_session_is_never_served(
    client, term, spy_after_the_cache
):
    client.get(term.url)
    client.cookies["sessionid"] = "not-a-real-session"

    response = client.get(term.url)

    assert response["X-Cache"] == "BYPASS"
    assert reached == [term.url, term.url]


def test_a_page_that_varies_on_a_request_header_is_not_stored():
    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.utils.cache import patch_vary_headers

    from microsite.caching.middleware import PageCacheMiddleware

    def view(request):
        response = HttpResponse(request.headers.get("Accept-Language", "en"))
        patch_vary_headers(response, ["Accept-Language"])
        return response

    middleware = PageCacheMiddleware(view)
    english = middleware(RequestFactory().get("/negotiated/"))
    german = middleware(RequestFactory().get("/negotiated/", HTTP_ACCEPT_LANGUAGE="de"))

    assert (english["X-Cache"], german["X-Cache"]) == ("BYPASS", "BYPASS")
    assert german.content == b"de"


def test_the_site_settings_pass_the_middleware_check(settings):
    assert check_middleware_order(None) == []


def test_middleware_after_the_cache_that_no_list_names_is_reported(settings):
    at = settings.MIDDLEWARE.index(CACHE)
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[: at + 1],
        SPY,
        *settings.MIDDLEWARE[at + 1 :],
    ]

    found = check_middleware_order(None)

    assert [(type(m), m.id) for m in found] == [(CheckWarning, "site_caching.W001")]
    assert SPY in found[0].msg


def test_hit_middleware_missing_from_the_stack_is_reported(settings):
    settings.PAGE_CACHE_HIT_MIDDLEWARE = [
        *settings.PAGE_CACHE_HIT_MIDDLEWARE,
        "example.middleware.NotInstalled",
    ]

    found = check_middleware_order(None)

    assert [m.id for m in found] == ["site_caching.W002"]
    assert "example.middleware.NotInstalled" in found[0].msg


def test_middleware_that_must_run_first_but_comes_after_the_cache_is_reported(
    settings,
):
    security = "django.middleware.security.SecurityMiddleware"
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != security] + [security]

    found = check_middleware_order(None)

    assert "site_caching.W003" in [m.id for m in found]


def test_pages_stored_before_the_upgrade_are_never_replayed(client, term):
    """The previous release stored pages from inside the security-header
    middleware, without their CSP: after an upgrade they must not be served."""
    import hashlib

    from microsite.caching.keys import current_generation, page_cache

    location = f"http://testserver{term.url}?"
    digest = hashlib.sha256(location.encode()).hexdigest()
    old_key = f"pagecache:page:{current_generation()}:{digest}"
    page_cache().set(old_key, (200, [("Content-Type", "text/html")], b"old"), 300)

    response = client.get(term.url)

    assert response["X-Cache"] == "MISS"
    assert response.content != b"old"
    assert "script-src" in response["Content-Security-Policy"]


def test_a_hit_gets_its_site_from_the_stored_page(client, term, monkeypatch):
    from microsite.caching import sites

    client.get(term.url)
    monkeypatch.setattr(sites, "known_hosts", lambda: pytest.fail("site lookup"))

    response = client.get(term.url)

    assert response["X-Cache"] == "HIT"
    site = response.wsgi_request._wagtail_site
    assert (site.hostname, site.is_default_site) == ("localhost", True)


def test_saving_a_site_starts_a_new_generation_of_pages(client, term):
    from wagtail.models import Site

    client.get(term.url)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Gut health, renamed"
    site.save()

    response = client.get(term.url)

    assert response["X-Cache"] == "MISS"
    assert response.wsgi_request._wagtail_site.site_name == "Gut health, renamed"
