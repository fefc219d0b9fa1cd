"""Categories, declared cookies and gated scripts as plain data, cached.

Every page embeds them, so they are read once and kept in the cache until
``declarations_changed`` fires.
"""

from cookie_consent.models import CookieGroup
from django.core.cache import caches

from .conf import settings
from .models import BannerSettings, GatedScript, Storage


def _cache():
    return caches[settings.COOKIE_CONSENT_CACHE_BACKEND]


def _cookie_data(cookie):
    details = getattr(cookie, "details", None)
    storage = details.storage if details else Storage.COOKIE
    return {
        "name": cookie.name,
        "domain": cookie.domain,
        "path": cookie.path or "/",
        "purpose": cookie.description,
        "storage": storage,
        # Lazy: the cache is shared by every language, the page shows the visitor's.
        "storage_label": dict(Storage.choices).get(storage, storage),
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
    texts = BannerSettings.objects.values(
        "site_id", "texts_revision", "texts_hash", "google_consent_mode"
    )
    return {
        "categories": [_category_data(g) for g in groups],
        "scripts": [_script_data(s) for s in scripts],
        # Per site: the banner texts' revision and fingerprint, and whether Google
        # Consent Mode is on for it.
        "sites": {row.pop("site_id"): row for row in texts},
    }


def current():
    """Declarations as data: ``{"categories": [...], "scripts": [...]}``."""
    return _cache().get_or_set(settings.CONSENT_CACHE_KEY, load, timeout=None)


def site_texts(site):
    """``{"texts_revision", "texts_hash", "google_consent_mode"}`` of a site.

    Read from the cached declarations. A site without saved banner settings gets
    what saving the defaults would store (revision 1), without writing anything.
    """
    return _site_texts(site.pk if site is not None else None)


def _site_texts(site_id):
    known = current()["sites"].get(site_id) if site_id is not None else None
    if known is not None:
        return known
    banner = BannerSettings()
    banner.refresh_texts_revision()
    return {
        "texts_revision": banner.texts_revision,
        "texts_hash": banner.texts_hash,
        "google_consent_mode": banner.google_consent_mode,
    }


def site_texts_for_request(request):
    """``site_texts`` of the request's site, kept on the request."""
    if request is None:
        return _site_texts(None)
    if not hasattr(request, "_consent_site_texts"):
        request._consent_site_texts = _site_texts(site_id_for_request(request))
    return request._consent_site_texts


HOSTS_LIMIT = 100


def site_id_for_request(request):
    """The id of the request's Wagtail site, the host's answer cached.

    Wagtail looks the site up with a query each time; consent decisions need it
    for the banner texts, so the answer per host and port is kept until a site
    changes (``forget_sites``).
    """
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site.pk if request._wagtail_site else None
    from django.http.request import split_domain_port
    from wagtail.models import Site

    host = f"{split_domain_port(request._get_raw_host())[0]}:{request.get_port()}"
    key = f"{settings.CONSENT_CACHE_KEY}:hosts"
    hosts = _cache().get(key) or {}
    if host not in hosts:
        site = Site.find_for_request(request)
        if len(hosts) >= HOSTS_LIMIT:
            return site.pk if site else None
        hosts = {**hosts, host: site.pk if site else None}
        _cache().set(key, hosts, timeout=None)
    return hosts[host]


def forget_sites(**kwargs):
    _cache().delete(f"{settings.CONSENT_CACHE_KEY}:hosts")


def forget():
    _cache().delete(settings.CONSENT_CACHE_KEY)


def optional_categories():
    return [c for c in current()["categories"] if not c["required"]]
