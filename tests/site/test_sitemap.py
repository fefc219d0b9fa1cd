"""The sitemap: an index at /sitemap.xml, a section for the glossary's terms and
one for every other page, each paginated."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.sitemaps.views import sitemap as wagtail_single_sitemap
from wagtail.models import Page, PageViewRestriction, Site

from tests.glossary.factories import (
    GlossaryIndexPageFactory,
    GlossaryTermPageFactory,
    bulk_add_terms,
)

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
TAG = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
INDEX = "http://testserver/sitemap.xml"
PAGES = "http://testserver/sitemap-pages.xml"
GLOSSARY = "http://testserver/sitemap-glossary.xml"


def fetch(client, url, **headers):
    """The parsed XML at ``url`` (absolute or a path); fails unless it is a 200."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    response = client.get(path, **headers)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def index_locs(client, **headers) -> list[str]:
    root = fetch(client, "/sitemap.xml", **headers)
    assert root.tag == f"{TAG}sitemapindex"
    return [loc.text for loc in root.iterfind("s:sitemap/s:loc", NS)]


def entries(root) -> list[tuple[str, str | None]]:
    assert root.tag == f"{TAG}urlset"
    return [
        (url.findtext("s:loc", namespaces=NS), url.findtext("s:lastmod", namespaces=NS))
        for url in root.iterfind("s:url", NS)
    ]


def section_entries(client, url, **headers):
    return entries(fetch(client, url, **headers))


def every_entry(client, **headers) -> list[tuple[str, str | None]]:
    """What a crawler collects: the index, then each section page it lists."""
    found = []
    for loc in index_locs(client, **headers):
        found += section_entries(client, loc, **headers)
    return found


def locations(found) -> list[str]:
    return [loc for loc, _ in found]


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def glossary_index(site_root):
    """An empty glossary at /glossary/, published a week ago."""
    return GlossaryIndexPageFactory(
        parent=site_root, last_published_at=timezone.now() - timezone.timedelta(7)
    )


@pytest.fixture
def glossary(glossary_index):
    """The glossary with two terms, published now."""
    glossary = glossary_index
    for title in ("Butyrate", "Propionate"):
        GlossaryTermPageFactory(parent=glossary, title=title)
    return glossary


def test_the_sitemap_is_an_index_of_the_sections_at_the_requests_host(client, glossary):
    assert index_locs(client) == [PAGES, GLOSSARY]
    assert index_locs(client, HTTP_HOST="127.0.0.1:8000") == [
        "http://127.0.0.1:8000/sitemap-pages.xml",
        "http://127.0.0.1:8000/sitemap-glossary.xml",
    ]


def test_the_index_gives_each_section_the_date_of_its_latest_change(client, glossary):
    later = timezone.now() + timezone.timedelta(days=3)
    term = glossary.get_children().first()
    Page.objects.filter(pk=term.pk).update(last_published_at=later)

    root = fetch(client, "/sitemap.xml")

    lastmods = {
        item.findtext("s:loc", namespaces=NS): item.findtext("s:lastmod", namespaces=NS)
        for item in root.iterfind("s:sitemap", NS)
    }
    assert lastmods[GLOSSARY] == timezone.localtime(later).isoformat()
    assert lastmods[PAGES] < lastmods[GLOSSARY]


def test_terms_are_listed_in_the_glossary_section_and_other_pages_in_pages(
    client, glossary
):
    pages = locations(section_entries(client, PAGES))
    terms = locations(section_entries(client, GLOSSARY))

    assert pages == ["http://localhost/", "http://localhost/glossary/"]
    assert terms == [
        "http://localhost/glossary/butyrate/",
        "http://localhost/glossary/propionate/",
    ]


# The sections against Wagtail's single sitemap, which this site served before.


@pytest.fixture
def varied_sites(site_root):
    """Pages every rule of the sitemap has to get right, in three sites.

    localhost (default): a glossary with live terms, one with a non-ASCII slug,
    one never published since the publish date was recorded, a draft, a withdrawn
    term, a term behind a password, a private glossary; a glossary that is also
    the root of nested.example. other.example: its own tree beside the first.
    """
    glossary = GlossaryIndexPageFactory(parent=site_root)
    GlossaryTermPageFactory(parent=glossary, title="Butyrate", slug="butyrate")
    GlossaryTermPageFactory(parent=glossary, title="Café", slug="café")
    legacy = GlossaryTermPageFactory(parent=glossary, title="Legacy")
    GlossaryTermPageFactory(parent=glossary, title="Draft", live=False)
    GlossaryTermPageFactory(parent=glossary, title="Withdrawn").unpublish()
    secret = GlossaryTermPageFactory(parent=glossary, title="Secret term")
    members = GlossaryIndexPageFactory(
        parent=site_root, title="Members", slug="members"
    )
    GlossaryTermPageFactory(parent=members, title="Members term")
    for private in (secret, members):
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="pw"
        )
    nested = GlossaryIndexPageFactory(parent=site_root, title="Nested", slug="nested")
    GlossaryTermPageFactory(parent=nested, title="Nested term")
    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="Other home", slug="other-home")
    )
    elsewhere = GlossaryIndexPageFactory(parent=other_home)
    GlossaryTermPageFactory(parent=elsewhere, title="Elsewhere")
    Site.objects.create(hostname="nested.example", port=80, root_page=nested)
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    revised = timezone.now() - timezone.timedelta(days=400)
    Page.objects.filter(pk=legacy.pk).update(
        last_published_at=None, latest_revision_created_at=revised
    )


@pytest.mark.parametrize(
    "host", ["localhost", "nested.example", "other.example", "unknown.example"]
)
def test_the_sections_together_list_exactly_what_wagtails_sitemap_listed(
    client, varied_sites, no_page_cache, host
):
    request = RequestFactory(HTTP_HOST=host).get("/sitemap.xml")
    before = entries(ET.fromstring(wagtail_single_sitemap(request).render().content))

    now = every_entry(client, HTTP_HOST=host)

    assert sorted(now) == sorted(before)
    assert len(before) >= 2


def test_only_live_public_terms_of_the_requests_site_are_listed(
    client, varied_sites, no_page_cache
):
    terms = section_entries(client, GLOSSARY, HTTP_HOST="localhost")

    assert dict(terms) == {
        "http://localhost/glossary/butyrate/": timezone.localdate().isoformat(),
        "http://localhost/glossary/caf%C3%A9/": timezone.localdate().isoformat(),
        # The local date of the revision: 400 days ago may lie across a
        # daylight-saving change, so not simply localdate() minus 400 days.
        "http://localhost/glossary/legacy/": timezone.localdate(
            Page.objects.get(slug="legacy").latest_revision_created_at
        ).isoformat(),
        "http://localhost/nested/nested-term/": timezone.localdate().isoformat(),
    }


def test_term_pages_keep_the_sitemap_entry_the_glossary_section_reproduces():
    # glossary.sitemaps copies Page.get_sitemap_urls(); an override on term pages
    # would have to be copied there too.
    from glossary.models import GlossaryTermPage

    assert GlossaryTermPage.get_sitemap_urls is Page.get_sitemap_urls
    assert GlossaryTermPage.get_url_parts is Page.get_url_parts


# Pagination


@pytest.fixture
def seven_terms(glossary_index, settings):
    settings.GLOSSARY_SITEMAP_LIMIT = 3
    return bulk_add_terms(glossary_index, [f"Term {n}" for n in range(1, 8)])


def test_the_index_lists_every_page_of_a_long_section(client, seven_terms):
    assert index_locs(client) == [
        PAGES,
        GLOSSARY,
        f"{GLOSSARY}?p=2",
        f"{GLOSSARY}?p=3",
    ]


def test_section_pages_follow_each_other_in_tree_order(client, seven_terms):
    pages = [
        locations(section_entries(client, url))
        for url in (GLOSSARY, f"{GLOSSARY}?p=2", f"{GLOSSARY}?p=3")
    ]

    assert pages == [
        [term.full_url for term in seven_terms[0:3]],
        [term.full_url for term in seven_terms[3:6]],
        [term.full_url for term in seven_terms[6:7]],
    ]


@pytest.mark.parametrize("page", ["4", "0", "-1", "two", "1.5", ""])
def test_a_section_page_that_does_not_exist_is_a_404(client, seven_terms, page):
    response = client.get("/sitemap-glossary.xml", {"p": page})

    assert response.status_code == 404


def test_an_unknown_section_is_a_404(client, seven_terms):
    assert client.get("/sitemap-articles.xml").status_code == 404


# Cost


def glossary_section_queries(client) -> int:
    client.get("/sitemap-glossary.xml")  # warm process-wide caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sitemap-glossary.xml")
    assert response.status_code == 200
    return len(queries)


def test_the_glossary_section_costs_the_same_queries_at_5_and_300_terms(
    client, glossary_index, no_page_cache, settings
):
    settings.GLOSSARY_SITEMAP_LIMIT = 1000  # all 300 on one page
    bulk_add_terms(glossary_index, [f"Term {n:03d}" for n in range(5)])
    at_5 = glossary_section_queries(client)

    bulk_add_terms(glossary_index, [f"Term {n:03d}" for n in range(5, 300)])
    at_300 = glossary_section_queries(client)

    assert len(section_entries(client, GLOSSARY)) == 300
    assert at_300 == at_5 <= 4


def test_the_index_costs_the_same_queries_at_5_and_300_terms(
    client, glossary_index, no_page_cache, settings
):
    settings.GLOSSARY_SITEMAP_LIMIT = 100

    def index_queries():
        client.get("/sitemap.xml")
        with CaptureQueriesContext(connection) as queries:
            client.get("/sitemap.xml")
        return len(queries)

    bulk_add_terms(glossary_index, [f"Term {n:03d}" for n in range(5)])
    at_5 = index_queries()
    bulk_add_terms(glossary_index, [f"Term {n:03d}" for n in range(5, 300)])
    at_300 = index_queries()

    assert len(index_locs(client)) == 1 + 3
    assert at_300 == at_5
