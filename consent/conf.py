"""App settings of the consent plugin, each overridable as ``CONSENT_<NAME>``."""

from appconf import AppConf
from django.conf import settings

__all__ = ["settings"]


class ConsentConf(AppConf):
    # How long a decision holds before the banner asks again, counted from the
    # decision time stored in TIME_COOKIE_NAME.
    ACCEPT_MAX_AGE_DAYS: int = 365
    DECLINE_MAX_AGE_DAYS: int = 183

    # Strictly necessary cookie holding when each category was decided
    # (``analytics=<epoch ms>|marketing=<epoch ms>``); readable by scripts.
    TIME_COOKIE_NAME: str = "cookie_consent_time"

    # Template the preferences page at /cookies/ extends.
    BASE_TEMPLATE: str = "base.html"

    # Browser and proxy cache lifetime of inline gated scripts served as files;
    # their URL carries a version, so a change is never served stale.
    SCRIPT_MAX_AGE: int = 60 * 60 * 24 * 365

    # Google Consent Mode v2: when on (and not switched off in a site's banner
    # settings), the head script declares every consent type "denied" by default,
    # before any other tag, and updates them from the visitor's choices.
    GOOGLE_CONSENT_MODE: bool = False
    # Which consent types follow which category.
    GOOGLE_CONSENT_MODE_MAP: dict = {
        "analytics": ["analytics_storage"],
        "marketing": ["ad_storage", "ad_user_data", "ad_personalization"],
        "personalization": ["personalization_storage", "functionality_storage"],
    }

    # Categories a browser sending Global Privacy Control declines without asking.
    GPC_DECLINES: list = ["marketing"]

    # Decisions (accept, decline, save) one client may post per minute; further
    # ones get 429 and no record. None or 0 switches the limit off.
    DECISIONS_PER_MINUTE: int | None = 30
    # Reverse proxies in front of the site that append the caller's address to
    # X-Forwarded-For (1 behind deploy/nginx.conf). With 0 the client is
    # REMOTE_ADDR; set it only when every request passes the proxies, or clients
    # choose their own address.
    NUM_PROXIES: int = 0

    # The health-data shield (consent.sensitivity, docs/consent.md). A page is
    # sensitive when its ``sensitive`` field says so; left empty, its type's
    # default applies: this setting (``{"app_label.modelname": True}``), else the
    # page class's ``sensitive_by_default``, else not sensitive.
    SENSITIVE_PAGE_TYPES: dict = {}
    # Categories whose scripts and embeds never run on a sensitive page, whatever
    # the visitor accepted and whatever an operator promised.
    SENSITIVE_BLOCKED_CATEGORIES: list = ["marketing"]

    # Cache key of the rendered declarations (categories, cookies, scripts).
    CACHE_KEY: str = "consent:declarations"

    class Meta:
        prefix = "consent"


#: django-cookie-consent settings whose default the plugin changes. The site's own
#: value, when its settings module sets one, always wins.
#:
#: COOKIE_CONSENT_LOG_ENABLED: the package writes a ``LogItem`` per category of each
#: decision; ``consent.records`` keeps the single audit trail (one ``ConsentRecord``
#: per decision), so the package's log is off unless the site switches it on.
COOKIE_CONSENT_DEFAULTS = {"COOKIE_CONSENT_LOG_ENABLED": False}


def apply_cookie_consent_defaults():
    """Set the plugin's defaults of django-cookie-consent's settings the site left
    unset. django-cookie-consent sets its own defaults on ``settings`` when its conf
    is imported, so "unset" means: not in the site's settings module (nor an
    ``override_settings``)."""
    for name, value in COOKIE_CONSENT_DEFAULTS.items():
        if not settings.is_overridden(name):
            setattr(settings, name, value)


apply_cookie_consent_defaults()
