"""Page cache settings, with their defaults (override them in Django settings)."""

from django.conf import settings

DEFAULTS = {
    # Store anonymous pages in the Django cache and serve them from it.
    "PAGE_CACHE_ENABLED": True,
    # How long the app, nginx and a CDN keep a page (s-maxage).
    "PAGE_CACHE_SECONDS": 300,
    # How long a proxy may serve a stale page while it fetches a fresh one.
    "PAGE_CACHE_STALE_SECONDS": 60,
    # How long a proxy may keep a 301, 404 or 410 for a public address: a purge of
    # an unpublished, deleted or moved page then replaces the old copy (nginx).
    "PAGE_CACHE_GONE_SECONDS": 60,
    "PAGE_CACHE_ALIAS": "default",
    # Middleware placed after the page cache that still runs around a hit (in
    # this order); the page cache answers the rest of a hit itself.
    "PAGE_CACHE_HIT_MIDDLEWARE": [],
    # Middleware placed after the page cache whose work a shared anonymous page
    # does not need, or whose headers are stored with the page (checks.py).
    "PAGE_CACHE_MISS_ONLY_MIDDLEWARE": [
        # No session: a request with one is never answered from the cache.
        "django.contrib.sessions.middleware.SessionMiddleware",
        # Redirects for APPEND_SLASH and PREPEND_WWW: a stored page was a 200.
        "django.middleware.common.CommonMiddleware",
        # A page that embeds a CSRF token is never stored.
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        # Headers stored with the page.
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
        "csp.middleware.CSPMiddleware",
        # Acts on 404s, which are never stored.
        "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    ],
    # Paths never stored or served from the cache (each covers what is under it).
    "PAGE_CACHE_EXCLUDED_PATHS": [
        "/admin/",
        "/django-admin/",
        "/cookies/",
        "/search/",
        "/api/",
        "/documents/",
    ],
    # Query parameters that never change a page: left out of the cache key.
    "PAGE_CACHE_IGNORED_PARAMETERS": [
        "utm_source",
        "utm_medium",
        "utm_campaign",
        "utm_term",
        "utm_content",
        "fbclid",
        "gclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
    ],
}


def get_setting(name: str):
    return getattr(settings, name, DEFAULTS[name])
