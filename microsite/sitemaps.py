"""The site's sitemap: an index at /sitemap.xml and one sitemap per section.

Sections are paginated (Django's ``?p=N``) so that no response grows with the
glossary; the index lists every page of every section.
"""

from django.db.models import Max
from django.db.models.functions import Coalesce
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from glossary.models import GlossaryTermPage
from glossary.sitemaps import GlossaryTermSitemap


class PageSitemap(Sitemap):
    """Every live, public page of the site but the glossary's terms: Wagtail's
    own entries (``get_sitemap_urls``), which pages may override."""

    limit = 1000

    def __init__(self, request=None, site=None):
        super().__init__(request)
        self.site = site

    def get_wagtail_site(self):
        if self.site is None:
            self.site = super().get_wagtail_site()
        return self.site

    def items(self):
        return super().items().not_type(GlossaryTermPage)

    def get_latest_lastmod(self):
        # Django's default loads every page to call lastmod(): one aggregate instead.
        return (
            self.items()
            .order_by()
            .aggregate(
                latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
            )["latest"]
        )


SECTIONS = {"pages": PageSitemap, "glossary": GlossaryTermSitemap}


def sections_listing(page) -> set[str]:
    """The sections that list ``page`` or a page below it."""
    term_types = (GlossaryTermPage,)
    sections = {"glossary" if isinstance(page, term_types) else "pages"}
    if page.numchild:
        below = Page.objects.descendant_of(page)
        if below.type(*term_types).exists():
            sections.add("glossary")
        if below.not_type(*term_types).exists():
            sections.add("pages")
    return sections


def section_paths(site, section: str) -> list[str]:
    """The paths of each page of ``section`` in ``site``'s sitemap, and of one
    page more: a page that left may have shortened the list."""
    path = reverse("sitemap_section", kwargs={"section": section})
    last = SECTIONS[section](site=site).paginator.num_pages + 1
    return [path, *(f"{path}?p={number}" for number in range(2, last + 1))]
