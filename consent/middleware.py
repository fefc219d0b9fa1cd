from cookie_consent.middleware import (
    CleanCookiesMiddleware as BaseCleanCookiesMiddleware,
)
from django.utils.cache import patch_cache_control

from . import declarations
from .cleaning import matching_names
from .conf import settings
from .models import Storage
from .state import ACCEPTED, consent_states


def _cookie_value(request, response, name):
    """The value the browser will hold after this response."""
    if name in response.cookies:
        return response.cookies[name].value
    return request.COOKIES.get(name, "")


class CleanCookiesMiddleware(BaseCleanCookiesMiddleware):
    """django-cookie-consent's cleaner, extended to name patterns and expiry.

    Deletes every declared cookie (``_ga`` and ``_ga_*`` alike) of a category that
    is not accepted now: declined, never decided, expired or re-asked (a new
    cookie declared, or new banner texts). A response
    that deletes cookies is marked private so that no shared cache keeps it.
    """

    def process_response(self, request, response):
        if not request.COOKIES:
            return response
        categories = declarations.optional_categories()
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
                for name in matching_names(cookie["name"], request.COOKIES):
                    response.delete_cookie(
                        name, cookie["path"], cookie["domain"] or None
                    )
                    deleted = True
        if deleted:
            patch_cache_control(response, private=True)
        return response
