"""The site's sitemap: an index at /sitemap.xml and one sitemap per section.

Sections are paginated (Django's ``?p=N``) so that no response grows with the
glossary; the index lists every page of every section.
"""

from django.urls import reverse
from wagtail.models import Page, Site

from glossary.models import GlossaryTermPage
from glossary.sitemaps import GlossaryTermSitemap, SectionSitemap


class PageSitemap(SectionSitemap):
    """Every live, public page of the site but the glossary's terms: Wagtail's
    own entries (``get_sitemap_urls``), which pages may override."""

    limit = 1000

    def items(self):
        return super().items().not_type(GlossaryTermPage)


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


def sitemap_urls_listing(page=None) -> set[str]:
    """Full URLs of each site's sitemap index and of the section pages that list
    ``page`` or a page below it (every section without ``page``): what a proxy
    purges when the page changes."""
    sections = sorted(sections_listing(page) if page is not None else SECTIONS)
    urls = set()
    for site in Site.objects.all():
        urls.add(site.root_url + reverse("sitemap"))
        for section in sections:
            urls.update(site.root_url + path for path in section_paths(site, section))
    return urls
