"""The glossary's section of the sitemap: every term page anyone may read.

Hand-written rather than Wagtail's ``Sitemap``: that one loads each page with
``.specific()`` and asks it for ``get_sitemap_urls()``, about 0.3 ms a page and
one query more per 2,000 pages, which made a 10,000-term sitemap take 3.4 s.
Term pages do not override ``get_sitemap_urls()``, so their entries are worked
out here from three columns, with Wagtail's rules for the URL (``Page.get_url_parts``)
and the lastmod (``Page.get_sitemap_urls``). The site's other pages stay with
Wagtail's ``Sitemap``.

Each page of the section is read from where it starts in the tree: the term
count, the ``path`` each page starts at and the latest lastmod (for the
sitemap index) are kept per process under the
glossary's version (``glossary.a_to_z``), so a page costs the same at 10,000
terms as at 100, the last page as the first, with no COUNT and no OFFSET.

Under ``WAGTAIL_I18N_ENABLED`` the section lists the terms of every locale (the
site's root page and its translations, from Wagtail's cached site root paths),
each with ``hreflang`` alternates for its translations: one more query per
sitemap page.
"""

import threading
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from .conf import get_setting
from .models import GlossaryTermPage
from .page_urls import PageUrls

ENTRY_FIELDS = (
    "url_path",
    "last_published_at",
    "latest_revision_created_at",
    "translation_key",
)


class SectionSitemap(Sitemap):
    """Wagtail's ``Sitemap`` for one section of a sitemap index: of the request's
    site or of ``site``, with its latest lastmod in one query, and with i18n the
    pages of every locale (Wagtail's lists the site root's locale only)."""

    _root_paths = None

    def __init__(self, request=None, site=None):
        super().__init__(request)
        self.site = site

    def items(self):
        return (
            Page.objects.filter(self._under_site_roots())
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _under_site_roots(self) -> Q:
        """Pages under the site's root page or, with i18n, any of its translations."""
        if self._root_paths is None:
            root = self.get_wagtail_site().root_page
            self._root_paths = (
                list(
                    root.get_translations(inclusive=True).values_list("path", flat=True)
                )
                if _translating()
                else [root.path]
            )
        query = Q()
        for path in self._root_paths:
            query |= Q(path__startswith=path)
        return query

    def get_wagtail_site(self):
        if self.site is None:
            self.site = super().get_wagtail_site()
        return self.site

    def get_latest_lastmod(self):
        # Django's default calls lastmod() on every item: one aggregate instead.
        return (
            self.items()
            .order_by()
            .aggregate(
                latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
            )["latest"]
        )


class GlossaryTermSitemap(SectionSitemap):
    """Live, public term pages of the request's site (or of ``site``), by path."""

    @property
    def limit(self):
        return get_setting("GLOSSARY_SITEMAP_LIMIT")

    def get_latest_lastmod(self):
        # The sitemap index asks each section: kept with the page starts.
        return self.paginator.page_starts.latest_lastmod

    @cached_property
    def paginator(self):
        items = self.items()
        return StartsPaginator(items, self.limit, self._page_starts(items))

    def _page_starts(self, items) -> "PageStarts":
        from .a_to_z import version

        self._under_site_roots()
        key = (tuple(self._root_paths), self.limit)
        at_version = version()
        known = _page_starts.get(key)
        if known is not None and known.version == at_version:
            return known
        paths = list(items.values_list("path", flat=True))
        built = PageStarts(
            at_version,
            len(paths),
            tuple(paths[:: self.limit]),
            super().get_latest_lastmod() if paths else None,
        )
        with _page_starts_lock:
            _page_starts[key] = built
        return built

    def items(self):
        return (
            GlossaryTermPage.objects.published()
            .filter(self._under_site_roots())
            .order_by("path")
            .values(*ENTRY_FIELDS)
        )

    def lastmod(self, term):
        return term["last_published_at"] or term["latest_revision_created_at"]

    def _urls(self, page, protocol, domain):
        # Full URLs of the Wagtail site, as Wagtail's Sitemap gives, not of
        # ``domain`` (the request's host).
        request_site = Site.find_for_request(self.request)
        preferred_site_id = request_site.pk if request_site else None
        page_urls = PageUrls()
        urls = []
        terms = list(self.paginator.page(page).object_list)
        alternates = self._alternates(terms, page_urls, preferred_site_id)
        for term in terms:
            location = page_urls.full_url(term["url_path"], preferred_site_id)
            if location:
                url = {"location": location, "lastmod": self.lastmod(term)}
                translations = alternates.get(term["translation_key"], [])
                if len(translations) > 1:
                    url["alternates"] = translations
                urls.append(url)
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def _alternates(self, terms, page_urls, preferred_site_id) -> dict:
        """Translation key → ``[{"lang_code", "location"}]`` of every published
        translation of ``terms`` on this site, the term itself included."""
        if not terms or not _translating():
            return {}
        translations = (
            GlossaryTermPage.objects.published()
            .filter(self._under_site_roots())
            .filter(translation_key__in={term["translation_key"] for term in terms})
            .order_by("locale__language_code")
            .values_list("translation_key", "url_path", "locale__language_code")
        )
        alternates = {}
        for key, url_path, language_code in translations:
            location = page_urls.full_url(url_path, preferred_site_id)
            if location:
                alternates.setdefault(key, []).append(
                    {"lang_code": language_code, "location": location}
                )
        return alternates


@dataclass(frozen=True)
class PageStarts:
    """How many terms a sitemap section lists, the path each page starts at and
    the latest of their lastmods."""

    version: str
    count: int
    starts: tuple
    latest_lastmod: object = None


# (site root paths, limit) → PageStarts of this process, replaced whole.
_page_starts: dict = {}
_page_starts_lock = threading.Lock()


def page_starts() -> dict:
    """(root paths, limit) → PageStarts held by this process now (size reports)."""
    return dict(_page_starts)


def clear_page_starts() -> None:
    with _page_starts_lock:
        _page_starts.clear()


class StartsPaginator(Paginator):
    """Django's paginator over terms by path, each page read from its first path
    with LIMIT: no COUNT, no OFFSET. A term published or removed since the starts
    were taken moves a page's first entries by a few, never off every page: the
    glossary's version moves with it and the next request takes them again."""

    def __init__(self, object_list, per_page, page_starts: PageStarts):
        super().__init__(object_list, per_page)
        self.page_starts = page_starts

    @cached_property
    def count(self):
        return self.page_starts.count

    def page(self, number):
        number = self.validate_number(number)
        if not self.page_starts.starts:  # no terms: an empty first page
            return self._get_page(self.object_list.none(), number, self)
        start = self.page_starts.starts[number - 1]
        terms = self.object_list.filter(path__gte=start)[: self.per_page]
        return self._get_page(terms, number, self)


def _translating() -> bool:
    return getattr(settings, "WAGTAIL_I18N_ENABLED", False)


class PageSitemap(SectionSitemap):
    """Every live, public page of the site but the glossary's terms, with
    Wagtail's own entries: the other section of a sitemap index beside
    ``GlossaryTermSitemap`` (``SITEMAP_SECTIONS``)."""

    def items(self):
        return super().items().not_type(GlossaryTermPage)


# The sections of a sitemap index for a site with no sitemap of its own.
SITEMAP_SECTIONS = {"pages": PageSitemap, "glossary": GlossaryTermSitemap}
