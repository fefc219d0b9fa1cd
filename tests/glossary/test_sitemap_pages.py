"""The glossary's sitemap section reads each page from where it starts.

``GlossaryTermSitemap`` keeps the term count and each page's first tree path per
process under the glossary's version (``glossary.sitemaps.PageStarts``): no
COUNT and no OFFSET per request. Publishing, unpublishing, a privacy setting or
a draft show on the next request; "another process" is simulated by keeping the
kept starts and moving only the version in the shared cache.
"""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import caches
from wagtail.models import PageViewRestriction

from glossary import sitemaps
from glossary.autolink.terms import VERSION_KEY
from glossary.cache_versions import bump_version
from glossary.conf import get_setting
from glossary.models import GlossaryTermPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
SECTION = "/sitemap-glossary.xml"


@pytest.fixture
def page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture(autouse=True)
def no_starts_kept():
    sitemaps.clear_page_starts()
    yield
    sitemaps.clear_page_starts()


@pytest.fixture
def five_terms(make_term, settings):
    settings.GLOSSARY_SITEMAP_LIMIT = 2
    return [make_term(name, publish=True) for name in ("Ab", "Bc", "Cd", "De", "Ef")]


def slugs(client, page=None) -> list[str]:
    response = client.get(SECTION, {"p": page} if page else {})
    if response.status_code != 200:
        return [f"status {response.status_code}"]
    root = ET.fromstring(response.content)
    return [
        url.findtext("s:loc", namespaces=NS).rstrip("/").rsplit("/", 1)[-1]
        for url in root.findall("s:url", NS)
    ]


def all_pages(client) -> list[list[str]]:
    return [slugs(client, page) for page in ("1", "2", "3", "4")]


def test_a_glossary_without_terms_has_an_empty_first_page(client, glossary_index):
    assert slugs(client) == []
    assert slugs(client, "2") == ["status 404"]


def test_pages_follow_each_other_in_tree_order(client, five_terms):
    assert all_pages(client) == [["ab", "bc"], ["cd", "de"], ["ef"], ["status 404"]]


def test_publishing_and_unpublishing_show_on_the_next_request(
    client, five_terms, make_term
):
    all_pages(client)

    five_terms[1].unpublish()
    assert all_pages(client) == [["ab", "cd"], ["de", "ef"], ["status 404"]] + [
        ["status 404"]
    ]

    make_term("Fg", publish=True)
    assert all_pages(client) == [["ab", "cd"], ["de", "ef"], ["fg"], ["status 404"]]


def test_a_private_term_leaves_the_section_and_comes_back(client, five_terms):
    all_pages(client)
    restriction = PageViewRestriction.objects.create(
        page=five_terms[0],
        restriction_type=PageViewRestriction.PASSWORD,
        password="letmein",
    )
    assert all_pages(client)[:3] == [["bc", "cd"], ["de", "ef"], ["status 404"]]

    restriction.delete()
    assert all_pages(client)[:3] == [["ab", "bc"], ["cd", "de"], ["ef"]]


def test_a_draft_changes_nothing(client, five_terms):
    before = all_pages(client)
    draft = GlossaryTermPage.objects.get(pk=five_terms[0].pk)
    draft.title = "Zz"
    draft.save_revision()

    assert all_pages(client) == before


def test_another_process_change_shows_once_the_shared_version_moves(client, five_terms):
    """The kept starts are used until the version moves, and only that moves
    them: a change written without this process's signals."""
    assert slugs(client, "3") == ["ef"]
    GlossaryTermPage.objects.filter(pk=five_terms[4].pk).update(live=False)
    # Kept: three pages still, the third now empty of live terms.
    assert slugs(client, "3") == []

    bump_version(caches[get_setting("GLOSSARY_AUTOLINK_CACHE")], VERSION_KEY)
    assert slugs(client, "3") == ["status 404"]
    assert all_pages(client)[:2] == [["ab", "bc"], ["cd", "de"]]


def test_a_new_process_reads_the_section_as_it_is(client, five_terms):
    all_pages(client)
    GlossaryTermPage.objects.filter(pk=five_terms[0].pk).update(live=False)

    sitemaps.clear_page_starts()

    assert all_pages(client)[:3] == [["bc", "cd"], ["de", "ef"], ["status 404"]]


def index_lastmods(client) -> dict:
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        entry.findtext("s:loc", namespaces=NS): entry.findtext(
            "s:lastmod", namespaces=NS
        )
        for entry in root.findall("s:sitemap", NS)
    }


def test_the_index_gives_the_latest_lastmod_of_the_terms_as_they_are(
    client, five_terms, make_term
):
    glossary = "http://testserver/sitemap-glossary.xml"
    before = index_lastmods(client)[glossary]
    assert before

    newest = make_term("Fg", publish=True)
    newest.refresh_from_db()

    after = index_lastmods(client)
    assert after[glossary] > before
    assert after[glossary].startswith(newest.last_published_at.isoformat()[:19])
    assert f"{glossary}?p=3" in after


def test_the_index_of_a_site_without_terms_has_no_glossary_lastmod(
    client, glossary_index
):
    assert index_lastmods(client).get("http://testserver/sitemap-glossary.xml") in (
        None,
        "",
    )
