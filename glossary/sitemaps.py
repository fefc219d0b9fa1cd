"""The glossary's section of the sitemap: every term page anyone may read.

Hand-written rather than Wagtail's ``Sitemap``: that one loads each page with
``.specific()`` and asks it for ``get_sitemap_urls()``, about 0.3 ms a page and
one query more per 2,000 pages, which made a 10,000-term sitemap take 3.4 s.
Term pages do not override ``get_sitemap_urls()``, so their entries are worked
out here from three columns, with Wagtail's rules for the URL (``Page.get_url_parts``)
and the lastmod (``Page.get_sitemap_urls``). The site's other pages stay with
Wagtail's ``Sitemap``.
"""

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Site

from .conf import get_setting
from .models import GlossaryTermPage

ENTRY_FIELDS = ("url_path", "last_published_at", "latest_revision_created_at")


class SectionSitemap(Sitemap):
    """Wagtail's ``Sitemap`` for one section of a sitemap index: of the request's
    site or of ``site``, with its latest lastmod in one query."""

    def __init__(self, request=None, site=None):
        super().__init__(request)
        self.site = site

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

    def items(self):
        return (
            GlossaryTermPage.objects.published()
            .descendant_of(self.get_wagtail_site().root_page, inclusive=True)
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
        roots = Site.get_site_root_paths()
        urls = []
        for term in self.paginator.page(page).object_list:
            location = full_url(term["url_path"], roots, preferred_site_id)
            if location:
                urls.append({"location": location, "lastmod": self.lastmod(term)})
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


def full_url(url_path, roots, preferred_site_id=None):
    """The URL ``Page.get_full_url(request)`` gives the page at ``url_path``.

    ``roots`` is ``Site.get_site_root_paths()``, most specific first; a page under
    several sites' roots gets the request's site (``preferred_site_id``) if it is
    one of them, else the most specific. Without the language prefix Wagtail
    adds under ``WAGTAIL_I18N_ENABLED`` and ``i18n_patterns`` (not used here).
    """
    possible = [root for root in roots if url_path.startswith(root.root_path)]
    if not possible:
        return None
    chosen = possible[0]
    if len({root.site_id for root in possible}) > 1:
        chosen = next(
            (root for root in possible if root.site_id == preferred_site_id), chosen
        )
    page_path = reverse("wagtail_serve", args=(url_path[len(chosen.root_path) :],))
    if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and page_path != "/":
        page_path = page_path.rstrip("/")
    return chosen.root_url + page_path


class PageSitemap(SectionSitemap):
    """Every live, public page of the site but the glossary's terms, with
    Wagtail's own entries: the other section of a sitemap index beside
    ``GlossaryTermSitemap`` (``SITEMAP_SECTIONS``)."""

    def items(self):
        return super().items().not_type(GlossaryTermPage)


# The sections of a sitemap index for a site with no sitemap of its own.
SITEMAP_SECTIONS = {"pages": PageSitemap, "glossary": GlossaryTermSitemap}
