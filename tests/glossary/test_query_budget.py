"""The glossary runs as many queries with 2,000 terms as with 100.

What matters is that the count does not grow with the glossary; its value is
whatever Wagtail's own lookups and the glossary's listings add up to. Measured
on SQLite and PostgreSQL with the page cache off, after a first visit (which
fills Wagtail's site root paths, the auto-link terms and the consent
declarations in the cache).

A term page, 11 queries:

- the request's site comes from the site's host cache (microsite.caching.sites),
  and Wagtail reads its root page (1), walks the URL from there (2 per level
  below it: the child by slug, then its specific row; the glossary finds its
  term as a term in one, so 3 for /glossary/<term>/), and checks the page's view
  restrictions (2: the aliases among its ancestors, then the restrictions);
- the glossary reads the private sections once (Wagtail's ``public()``, 1), the
  previous and next terms by id, from the glossary's A–Z kept in memory
  (``glossary.a_to_z``, 1), the term's topics (1), its sources (1) and its
  related terms (1);
- the site footer setting comes from the cache (``SiteFooter.for_site``), the
  banner settings from the consent plugin's cached declarations (none; one more
  for a chosen cookie policy page). A reviewed term's reviewer is read with the
  term (``GlossaryIndexPage.route``).

The glossary index and each of its filters, 7: the site's root page (1), the
route (2), the view restrictions (2), one page of terms by id (1) and their
topics (1). The topics and letters in use and the count for the
paginator come from the glossary's A–Z in memory. A search, 9, reads the
private sections (1) and runs its two searches (the full-text match, then word
starts) in place of the page by id, and its results' topics (1).
"""

import string

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from .factories import bulk_add_terms

pytestmark = [
    pytest.mark.django_db,
    # Measure rendering, not the site's page cache (which would answer with 0).
    pytest.mark.usefixtures("page_cache_off"),
]

INDEX_QUERIES = 7
SEARCH_QUERIES = 9
TERM_QUERIES = 11
# Enough to show growth of any kind, linear or in steps (a second page of a
# listing, a chunked query), with terms written as the admin would (search index
# and all). 10,000 of those took four minutes here: the 10,000-term test below
# writes them in bulk as `manage.py generate_glossary` does (about 10 s).
FEW, MANY = 100, 2_000

INDEX_URLS = [
    "/glossary/",
    "/glossary/?page=2",
    "/glossary/?letter=b",
    "/glossary/?topic=mood",
    "/glossary/?topic=mood&letter=a",
    "/glossary/?q=term",
    "/glossary/?q=term&topic=mood&letter=a",
]


@pytest.fixture
def page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def add_terms(glossary_index, make_topic):
    """Add ``count`` terms spread over the alphabet, every third about Mood."""
    mood = make_topic("Mood", slug="mood")
    made = []

    def add(count):
        start = len(made)
        titles = [
            f"{string.ascii_uppercase[n % 26]}-term {n:05d}"
            for n in range(start, start + count)
        ]
        made.extend(bulk_add_terms(glossary_index, titles, topic=mood))
        return made

    return add


def queries_for(client, url) -> int:
    client.get(url)  # warm the caches (site root paths, auto-link data, consent)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    rendered = any("glossary_glossarytermpage" in q["sql"] for q in queries)
    assert rendered, f"{url} came from a cache: nothing was measured"
    return len(queries)


@override_settings(GLOSSARY_TERMS_PER_PAGE=20)
def test_the_index_and_a_term_page_run_as_many_queries_with_2000_terms_as_100(
    client, add_terms, make_term
):
    term = make_term("Butyrate", related=[make_term("Acetate")])
    add_terms(FEW)
    urls = [*INDEX_URLS, term.url]
    few = {url: queries_for(client, url) for url in urls}
    add_terms(MANY - FEW)
    many = {url: queries_for(client, url) for url in urls}

    print("queries", many)
    assert many == few
    assert many == {
        **dict.fromkeys(INDEX_URLS, INDEX_QUERIES),
        **{url: SEARCH_QUERIES for url in INDEX_URLS if "q=" in url},
        term.url: TERM_QUERIES,
    }
    # The search budget counts a full page of results, not an empty one.
    assert client.get("/glossary/?q=term").content.decode().count("-term 0") >= 20


def test_term_page_query_count_does_not_depend_on_links_or_sources(
    client, make_term, make_topic
):
    plain = make_term("Acetate")
    others = [make_term(f"Related {n}") for n in range(6)]
    rich = make_term(
        "Butyrate",
        synonyms=["butanoate", "butyric acid"],
        topics=[make_topic("Mood"), make_topic("Skin")],
        related=others[:3],
        sources=[{"title": f"Paper {n}", "year": 2020} for n in range(4)],
    )
    for other in others[3:]:
        other.related_terms = [rich]
        other.save()

    assert queries_for(client, plain.url) == TERM_QUERIES
    assert queries_for(client, rich.url) == TERM_QUERIES


@override_settings(GLOSSARY_TERMS_PER_PAGE=20, GLOSSARY_SITEMAP_LIMIT=50)
def test_pages_run_as_many_queries_with_10000_terms_as_100(
    client, glossary_index, make_term
):
    """10,000 terms written in bulk, as ``manage.py generate_glossary`` writes
    them (no search index, no revisions): the A–Z, letter, topic, term and
    sitemap pages, whose costs the glossary's A–Z in memory keeps flat."""
    from glossary.management.commands.generate_glossary import (
        TOPIC_SLUG,
        add_synthetic_terms,
    )

    term = make_term("Butyrate", related=[make_term("Acetate")])
    urls = [
        "/glossary/",
        "/glossary/?page=3",
        "/glossary/?letter=k",
        f"/glossary/?topic={TOPIC_SLUG}",
        f"/glossary/?topic={TOPIC_SLUG}&letter=k",
        term.url,
    ]
    add_synthetic_terms(glossary_index, 100)
    few = {url: queries_for(client, url) for url in urls}
    few_sitemap = len(sitemap_queries(client))
    add_synthetic_terms(glossary_index, 9_900)
    many = {url: queries_for(client, url) for url in urls}
    many_sitemap = sitemap_queries(client)

    assert many == few
    assert many == {**dict.fromkeys(urls, INDEX_QUERIES), term.url: TERM_QUERIES}
    assert len(many_sitemap) == few_sitemap
    # No query counts the terms or skips past them: each page is read from where
    # it starts (the sitemap's last page as its first).
    assert not any("COUNT(" in query["sql"] for query in many_sitemap)
    assert not any("OFFSET" in query["sql"] for query in many_sitemap)


def sitemap_queries(client) -> list:
    last = "/sitemap-glossary.xml?p=2"
    client.get(last)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(last)
    assert response.status_code == 200
    return queries.captured_queries


def test_a_reviewed_term_reads_its_reviewer_with_the_term(client, make_term):
    import datetime

    from .factories import ReviewerFactory

    make_term("Acetate")  # a neighbour, as on the other term pages measured
    reviewed = make_term("Butyrate")
    type(reviewed).objects.filter(pk=reviewed.pk).update(
        clinical_reviewer=ReviewerFactory(name="Dr Ada Fictional"),
        last_reviewed=datetime.date(2026, 6, 1),
    )

    assert queries_for(client, reviewed.url) == TERM_QUERIES
    assert "Dr Ada Fictional" in client.get(reviewed.url).content.decode()
