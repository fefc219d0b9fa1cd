"""What the page cache may serve and store, and the Cache-Control it sends.

A request may be answered from the cache when it is an anonymous GET or HEAD
outside the excluded paths; a response may be stored when it is a plain 200 that
sets no cookie, embeds no CSRF token, was not rendered for a signed-in user or a
preview, and was not marked private by the view.
"""

from django.conf import settings
from django.utils.cache import patch_vary_headers

from .conf import get_setting

CACHEABLE_METHODS = {"GET", "HEAD"}
# Moved or missing public addresses: the same for everyone, kept briefly by proxies.
GONE_STATUSES = {301, 404, 410}
PRIVATE = "private, no-store"
REFUSED_DIRECTIVES = ("private", "no-store", "no-cache")


def request_is_cacheable(request) -> bool:
    if not get_setting("PAGE_CACHE_ENABLED"):
        return False
    if request.method not in CACHEABLE_METHODS:
        return False
    if any(
        request.path.startswith(p) for p in get_setting("PAGE_CACHE_EXCLUDED_PATHS")
    ):
        return False
    # Only signed-in users (and visitors who unlocked a password-protected page)
    # have a session; their pages may differ (user bar, restricted content), so they
    # neither read nor fill the shared cache.
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def rendered_for_someone(request) -> bool:
    """True when the page was rendered for a signed-in user or as a preview."""
    if getattr(request, "is_preview", False):
        return True
    # Without a session cookie nobody is signed in; not asking spares the session
    # a read, which would make SessionMiddleware add "Vary: Cookie".
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


def uses_visitor_state(request) -> bool:
    """True when the page used something of this visitor's that the middleware
    further out turns into a cookie: a CSRF token, the session, messages."""
    # The page embeds this visitor's CSRF token: it must not reach anyone else.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return True
    messages = getattr(request, "_messages", None)
    return bool(messages is not None and (messages.used or messages._queued_messages))


def response_is_storable(request, response) -> bool:
    return response.status_code == 200 and response_is_shareable(request, response)


def response_is_shareable(request, response) -> bool:
    """True when a shared cache may keep this response for every visitor."""
    if response.streaming:
        return False
    if response.cookies or rendered_for_someone(request):
        return False
    if uses_visitor_state(request):
        return False
    if varies_on_request_headers(response):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in REFUSED_DIRECTIVES)


def varies_on_request_headers(response) -> bool:
    """True when the page depends on a request header other than Cookie (a
    language negotiated from Accept-Language, say): its key would not tell the
    variants apart. Cookie does not count: anonymous pages are the same whatever
    the cookies (consent is applied in the browser)."""
    return any(
        value.strip().lower() not in ("", "cookie")
        for value in response.get("Vary", "").split(",")
    )


def mark_public(response) -> None:
    """Let shared caches keep the page; browsers revalidate every time."""
    if not response.has_header("Cache-Control"):
        response["Cache-Control"] = (
            f"public, max-age=0, s-maxage={get_setting('PAGE_CACHE_SECONDS')}, "
            f"stale-while-revalidate={get_setting('PAGE_CACHE_STALE_SECONDS')}"
        )
    # Anonymous pages are the same whatever the cookies (consent is applied in the
    # browser), so a proxy must not keep one copy per cookie header.
    vary = [
        value.strip()
        for value in response.get("Vary", "").split(",")
        if value.strip() and value.strip().lower() != "cookie"
    ]
    del response["Vary"]
    if vary:
        patch_vary_headers(response, vary)


def mark_gone(response) -> None:
    """A moved or missing page: proxies keep the answer briefly, so that purging a
    page that was unpublished or moved replaces the copy they had."""
    if not response.has_header("Cache-Control"):
        response["Cache-Control"] = (
            f"public, max-age=0, s-maxage={get_setting('PAGE_CACHE_GONE_SECONDS')}"
        )


def mark_private(request, response) -> None:
    if rendered_for_someone(request) or not response.has_header("Cache-Control"):
        response["Cache-Control"] = PRIVATE
