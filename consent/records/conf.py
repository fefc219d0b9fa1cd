"""Settings of the proof-of-consent app, read at call time so tests can override them.

Every setting is optional; the defaults suit a site in the UK or the EU.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Thirteen months: long enough to prove a consent that the banner asks again for
# after a year, short enough to keep no more than that.
DEFAULT_RETENTION_DAYS = 395
DEFAULT_ID_COOKIE_NAME = "consent_id"
ID_COOKIE_MAX_AGE = 60 * 60 * 24 * 365


def records_enabled() -> bool:
    return bool(getattr(settings, "CONSENT_RECORDS_ENABLED", True))


def id_cookie_name() -> str:
    return getattr(settings, "CONSENT_ID_COOKIE_NAME", DEFAULT_ID_COOKIE_NAME)


def retention_days() -> int:
    value = getattr(settings, "CONSENT_RECORD_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ImproperlyConfigured(
            f"CONSENT_RECORD_RETENTION_DAYS must be a whole number of days, at "
            f"least 1; it is {value!r}."
        )
    return value


def id_cookie_options() -> dict:
    """Cookie attributes shared with django-cookie-consent's own consent cookie."""
    from cookie_consent.conf import settings as cookie_consent_settings

    return {
        "max_age": ID_COOKIE_MAX_AGE,
        "domain": cookie_consent_settings.COOKIE_CONSENT_DOMAIN,
        "secure": cookie_consent_settings.COOKIE_CONSENT_SECURE,
        # Only the server reads the id: the uncached /cookies/ page prints it.
        "httponly": True,
        "samesite": "Lax",
    }
