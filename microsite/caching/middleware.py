from django.core.exceptions import DisallowedHost
from django.http import HttpResponse

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

STATUS_HEADER = "X-Cache"


class PageCacheMiddleware:
    """Serve anonymous pages from the Django cache and store the ones that may be.

    Place it after the session, auth, CSRF, messages and consent middleware: a page
    served from the cache still goes out through them, so each visitor gets their
    own cookie handling (consent clean-up) around the shared bytes. What those
    would add to a stored page (a CSRF or session cookie, messages) is checked in
    ``policy.response_is_shareable``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self.cache_key(request)
        if key is not None:
            cached = page_cache().get(key)
            if cached is not None:
                return self.rebuild(request, cached)

        response = self.get_response(request)

        if key is not None and response_is_storable(request, response):
            mark_public(response)
            if request.method == "GET":
                page_cache().set(
                    key, self.freeze(response), get_setting("PAGE_CACHE_SECONDS")
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
    def freeze(response) -> tuple:
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() != STATUS_HEADER.lower()
        ]
        return response.status_code, headers, response.content

    @staticmethod
    def rebuild(request, cached) -> HttpResponse:
        status, headers, content = cached
        response = HttpResponse(
            b"" if request.method == "HEAD" else content, status=status
        )
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(content))
        response[STATUS_HEADER] = "HIT"
        return response
