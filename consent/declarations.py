"""Categories, declared cookies and gated scripts as plain data, cached.

Every page embeds them, so they are read once and kept in the cache until
``declarations_changed`` fires. Each process also keeps the last copy it read,
with the version it was read under: a page then reads one small version key,
not the whole declarations (unpickling them cost about 0.3 ms, three times per
page). ``forget()`` gives the version a new value, so every process reads the
declarations again on its next request.
"""

import uuid

from cookie_consent.models import CookieGroup
from django.core.cache import caches
from wagtail.models import Site

from .conf import settings
from .locales import active_language_code, default_locale_id
from .models import BannerSettings, GatedScript, Storage
from .wordings import BannerWording, CategoryWording


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


def _translated_categories(categories, default):
    """``{language_code: categories}`` for every language other than the default
    with wording of its own; a text it leaves empty stays the default one."""
    wordings = (
        CategoryWording.objects.exclude(locale_id=default)
        .select_related("locale", "category")
        .prefetch_related("purposes__cookie")
    )
    by_language = {}
    for wording in wordings:
        purposes = {
            (p.cookie.name, p.cookie.domain): p.purpose
            for p in wording.purposes.all()
            if p.purpose
        }
        by_language.setdefault(wording.locale.language_code, {})[
            wording.category.varname
        ] = (wording, purposes)
    return {
        language: [_in_words(c, *words.get(c["id"], (None, {}))) for c in categories]
        for language, words in by_language.items()
    }


def _in_words(category, wording, purposes):
    cookies = [
        dict(c, purpose=purposes.get((c["name"], c["domain"]), c["purpose"]))
        for c in category["cookies"]
    ]
    return dict(
        category,
        name=(wording and wording.name) or category["name"],
        description=(wording and wording.description) or category["description"],
        cookies=cookies,
    )


def _banner_wordings(default):
    """``{site_id: {language_code: texts}}`` of the languages other than the
    default, with the revision and fingerprint of each."""
    rows = (
        BannerWording.objects.exclude(locale_id=default)
        .values(
            "site_id",
            "locale__language_code",
            "texts_revision",
            "texts_hash",
            *BannerWording.TEXT_FIELDS,
        )
        .order_by("pk")
    )
    by_site = {}
    for row in rows:
        site_id, language = row.pop("site_id"), row.pop("locale__language_code")
        by_site.setdefault(site_id, {})[language] = row
    return by_site


def _script_data(script):
    return {
        "id": script.pk,
        "category": script.category.varname,
        "placement": script.placement,
        "src": script.src,
        "version": script.version,
        "safe": script.safe_on_sensitive_pages,
    }


def load():
    groups = CookieGroup.objects.prefetch_related("cookie_set__details")
    scripts = GatedScript.objects.live().select_related("category")
    texts = BannerSettings.objects.values(
        "site_id", "texts_revision", "texts_hash", "google_consent_mode"
    )
    categories = [_category_data(g) for g in groups]
    default = default_locale_id()
    return {
        "categories": categories,
        # The same categories in the words of each other language.
        "translated": _translated_categories(categories, default),
        "scripts": [_script_data(s) for s in scripts.one_per_script(default)],
        # Per site: the banner texts' revision and fingerprint, and whether Google
        # Consent Mode is on for it.
        "sites": {row.pop("site_id"): row for row in texts},
        "banner_wordings": _banner_wordings(default),
    }


# (version, declarations) last read by this process. Callers only read them.
_kept = (None, None)


def _version_key():
    return f"{settings.CONSENT_CACHE_KEY}:version"


def _version():
    cache = _cache()
    version = cache.get(_version_key())
    if version is None:
        # Never set, or evicted: a new value, so no process trusts its copy.
        cache.add(_version_key(), uuid.uuid4().hex, timeout=None)
        version = cache.get(_version_key())
    return version


def current():
    """Declarations as data: ``{"categories": [...], "scripts": [...]}``."""
    global _kept
    version = _version()
    kept_version, data = _kept
    if version is None or version != kept_version:
        data = _cache().get_or_set(settings.CONSENT_CACHE_KEY, load, timeout=None)
        _kept = (version, data)
    return data


def categories():
    """The categories in the active language's words, the default words where it
    has none."""
    data = current()
    return data["translated"].get(active_language_code(), data["categories"])


def site_texts(site):
    """``{"texts_revision", "texts_hash", "google_consent_mode",
    "latest_revision", "wording"}`` of a site in the active language.

    Read from the cached declarations. A site without saved banner settings gets
    what saving the defaults would store (revision 1), without writing anything.
    ``wording`` holds the banner's texts in the active language, or None where
    the banner settings' own (default) texts apply. ``latest_revision`` is the
    site's newest revision in any language: what a decision stores
    (``banner_revisions``).
    """
    return _site_texts(site.pk if site is not None else None)


def _site_texts(site_id):
    data = current()
    default = data["sites"].get(site_id) if site_id is not None else None
    if default is None:
        banner = BannerSettings()
        banner.refresh_texts_revision()
        default = {
            "texts_revision": banner.texts_revision,
            "texts_hash": banner.texts_hash,
            "google_consent_mode": banner.google_consent_mode,
        }
    languages = data["banner_wordings"].get(site_id, {})
    wording = languages.get(active_language_code())
    texts = dict(
        default,
        wording=wording,
        latest_revision=max(
            [
                default["texts_revision"],
                *(w["texts_revision"] for w in languages.values()),
            ]
        ),
    )
    if wording is not None:
        texts.update(
            texts_revision=wording["texts_revision"], texts_hash=wording["texts_hash"]
        )
    return texts


def banner_settings_for_request(request):
    """The banner settings of the request's site, cached with the declarations
    (and forgotten with them), kept on the request (the banner and the policy
    link both read them).

    What a page shows; the admin edits the row itself (``BannerSettings.for_site``).
    A site without saved settings gets the defaults, unsaved.
    """
    if request is None:
        return BannerSettings()
    if "_consent_banner_settings" not in request.__dict__:
        request._consent_banner_settings = _banner_settings(request)
    return request._consent_banner_settings


def _banners_key():
    return f"{settings.CONSENT_CACHE_KEY}:banner-settings"


def _load_banners():
    # The policy page is read when a page asks for its link: never stale.
    return {banner.site_id: banner for banner in BannerSettings.objects.all()}


def _banner_settings(request):
    site = Site.find_for_request(request)
    banners = _cache().get_or_set(_banners_key(), _load_banners, timeout=None)
    saved = banners.get(site.pk if site else None)
    if saved is not None:
        return saved
    defaults = BannerSettings(site=site)
    defaults.refresh_texts_revision()
    return defaults


def site_texts_for_request(request):
    """``site_texts`` of the request's site, kept on the request per language."""
    if request is None:
        return _site_texts(None)
    kept = request.__dict__.setdefault("_consent_site_texts", {})
    language = active_language_code()
    if language not in kept:
        kept[language] = site_texts(Site.find_for_request(request))
    return kept[language]


def forget():
    # Deleted first: a process that reads the new version must not find the
    # old declarations still cached and keep them under it.
    _cache().delete_many([settings.CONSENT_CACHE_KEY, _banners_key()])
    _cache().set(_version_key(), uuid.uuid4().hex, timeout=None)


def optional_categories():
    return [c for c in current()["categories"] if not c["required"]]
