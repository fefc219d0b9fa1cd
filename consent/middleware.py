from cookie_consent.middleware import (
    CleanCookiesMiddleware as BaseCleanCookiesMiddleware,
)
from django.utils.cache import patch_cache_control

from . import declarations
from .cleaning import is_never_deleted, names_to_delete
from .conf import settings
from .cookie_names import never_deleted
from .models import Storage
from .state import ACCEPTED, consent_states


def _cookie_value(request, response, name):
    """The value the browser will hold after this response."""
    if name in response.cookies:
        return response.cookies[name].value
    return request.COOKIES.get(name, "")


def _keep_necessary_cookies(response, categories, kept):
    """Cancel the deletion of a strictly necessary cookie that a declaration caused.

    django-cookie-consent's decline deletes every name a declined category
    declares; a row stored past validation may name ``sessionid``.
    """
    for category in categories:
        for cookie in category["cookies"]:
            morsel = response.cookies.get(cookie["name"])
            deleting = morsel is not None and morsel["max-age"] == 0
            if deleting and is_never_deleted(cookie["name"], kept):
                del response.cookies[cookie["name"]]


class CleanCookiesMiddleware(BaseCleanCookiesMiddleware):
    """django-cookie-consent's cleaner, extended to name patterns and expiry.

    Deletes every declared cookie (``_ga`` and ``_ga_*`` alike) of a category that
    is not accepted now: declined, never decided, expired or re-asked (a new
    cookie declared, or new banner texts), but never a strictly necessary one
    (``cookie_names.never_deleted``), whatever a category declares. A response
    that deletes cookies is marked private so that no shared cache keeps it.
    """

    def process_response(self, request, response):
        if not request.COOKIES and not response.cookies:
            return response
        categories = declarations.optional_categories()
        kept = never_deleted(declarations.current()["categories"])
        _keep_necessary_cookies(response, categories, kept)
        if not request.COOKIES:
            return response
        states = consent_states(
            _cookie_value(request, response, settings.COOKIE_CONSENT_NAME),
            _cookie_value(request, response, settings.CONSENT_TIME_COOKIE_NAME),
            categories,
            declarations.site_texts_for_request(request)["texts_revision"],
        )
        deleted = False
        for category in categories:
            if states[category["id"]] is ACCEPTED or not category["deletable"]:
                continue
            for cookie in category["cookies"]:
                if cookie["storage"] != Storage.COOKIE:
                    continue
                for name in names_to_delete(cookie["name"], request.COOKIES, kept):
                    response.delete_cookie(
                        name, cookie["path"], cookie["domain"] or None
                    )
                    deleted = True
        if deleted:
            patch_cache_control(response, private=True)
        return response
