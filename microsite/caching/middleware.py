from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.module_loading import import_string

from .conf import get_setting
from .keys import page_cache, page_key
from .policy import (
    GONE_STATUSES,
    mark_gone,
    mark_private,
    mark_public,
    request_is_cacheable,
    response_is_shareable,
    response_is_storable,
)
from .sites import remember_site, site_row

STATUS_HEADER = "X-Cache"


class PageCacheMiddleware:
    """Serve anonymous pages from the Django cache and store the ones that may be.

    Place it right after the middleware that must see every request (security:
    the HTTPS redirect; WhiteNoise) and before the rest. A hit then skips what a
    shared anonymous page does not need (sessions, CSRF, auth, messages) and
    replays the headers the inner middleware added to the stored page (CSP,
    Permissions-Policy, X-Frame-Options). Only ``PAGE_CACHE_HIT_MIDDLEWARE`` runs
    around a hit, as Django would run it (on this site the consent clean-up of
    this visitor's declined cookies); the request's site comes with the stored
    page. ``checks.py`` reports middleware placed after the cache that neither
    list names.

    What the inner middleware added for one visitor (a cookie, a CSRF token, the
    session, messages, a private Cache-Control) keeps a page out of the cache:
    ``policy.response_is_shareable``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # The hit middleware wraps a handler that answers with the stored page,
        # the way Django chains MIDDLEWARE around the view.
        self.answer_hit = self.replay
        for path in reversed(get_setting("PAGE_CACHE_HIT_MIDDLEWARE")):
            self.answer_hit = import_string(path)(self.answer_hit)

    def __call__(self, request):
        key = self.cache_key(request)
        if key is not None:
            cached = page_cache().get(key)
            if cached is not None:
                request.page_cache_hit = cached
                remember_site(request, cached[3])
                return self.answer_hit(request)

        response = self.get_response(request)

        if key is not None and response_is_storable(request, response):
            mark_public(response)
            if request.method == "GET":
                page_cache().set(
                    key,
                    self.freeze(request, response),
                    get_setting("PAGE_CACHE_SECONDS"),
                )
            response[STATUS_HEADER] = "MISS"
        elif (
            key is not None
            and response.status_code in GONE_STATUSES
            and response_is_shareable(request, response)
        ):
            mark_gone(response)
            response[STATUS_HEADER] = "BYPASS"
        else:
            mark_private(request, response)
            response[STATUS_HEADER] = "BYPASS"
        return response

    def cache_key(self, request) -> str | None:
        if not request_is_cacheable(request):
            return None
        try:
            return page_key(request)
        except DisallowedHost:
            # Django answers 400 for this host further in; nothing to cache.
            return None

    @staticmethod
    def freeze(request, response) -> tuple:
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() != STATUS_HEADER.lower()
        ]
        # The site's row too: a hit needs no lookup of its own (a Site saved or
        # deleted starts a new generation, so the row is never stale).
        return response.status_code, headers, response.content, site_row(request)

    @staticmethod
    def replay(request) -> HttpResponse:
        status, headers, content, _site = request.page_cache_hit
        response = HttpResponse(
            b"" if request.method == "HEAD" else content, status=status
        )
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(content))
        response[STATUS_HEADER] = "HIT"
        return response
