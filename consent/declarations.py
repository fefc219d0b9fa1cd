"""Categories, declared cookies and gated scripts as plain data, cached.

Every page embeds them, so they are read once and kept in the cache until
``declarations_changed`` fires.
"""

from cookie_consent.models import CookieGroup
from django.core.cache import caches

from .conf import settings
from .models import GatedScript, Storage


def _cache():
    return caches[settings.COOKIE_CONSENT_CACHE_BACKEND]


def _cookie_data(cookie):
    details = getattr(cookie, "details", None)
    return {
        "name": cookie.name,
        "domain": cookie.domain,
        "path": cookie.path or "/",
        "purpose": cookie.description,
        "storage": details.storage if details else Storage.COOKIE,
        "storage_label": details.get_storage_display() if details else "Cookie",
        "duration": details.duration if details else "",
        "provider": details.provider if details else "",
    }


def _category_data(group):
    cookies = list(group.cookie_set.all())
    newest = max((c.created for c in cookies), default=None)
    return {
        "id": group.varname,
        "name": group.name,
        "description": group.description,
        "required": group.is_required,
        "deletable": group.is_deletable,
        # django-cookie-consent's version: the creation time of the newest cookie.
        "version": group.get_version(),
        "changed": int(newest.timestamp() * 1000) if newest else 0,
        "cookies": [_cookie_data(c) for c in sorted(cookies, key=lambda c: c.name)],
    }


def _script_data(script):
    return {
        "id": script.pk,
        "category": script.category.varname,
        "placement": script.placement,
        "src": script.src,
        "version": script.version,
    }


def load():
    groups = CookieGroup.objects.prefetch_related("cookie_set__details")
    scripts = GatedScript.objects.live().select_related("category")
    return {
        "categories": [_category_data(g) for g in groups],
        "scripts": [_script_data(s) for s in scripts],
    }


def current():
    """Declarations as data: ``{"categories": [...], "scripts": [...]}``."""
    return _cache().get_or_set(settings.CONSENT_CACHE_KEY, load, timeout=None)


def forget():
    _cache().delete(settings.CONSENT_CACHE_KEY)


def optional_categories():
    return [c for c in current()["categories"] if not c["required"]]
