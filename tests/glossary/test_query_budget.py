"""The glossary stays as fast with hundreds of terms as with a handful.

Measured on SQLite: every index view below runs 7 queries whether the glossary
holds 5 terms or 500, and a term page runs 7 whatever its links and sources. Two
are the route (microsite.caching.lookups answers the site, the private sections
and the site settings from the cache). The issue's budgets are 10 and 8.
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


@pytest.fixture
def page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False


INDEX_BUDGET = 7
TERM_BUDGET = 7

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
def add_terms(glossary_index, make_topic):
    """Add ``count`` terms spread over the alphabet, every third about Mood."""
    mood = make_topic("Mood", slug="mood")
    made = []

    def add(count):
        start = len(made)
        titles = [
            f"{string.ascii_uppercase[n % 26]}-term {n:04d}"
            for n in range(start, start + count)
        ]
        made.extend(bulk_add_terms(glossary_index, titles, topic=mood))
        return made

    return add


def queries_for(client, url) -> int:
    client.get(url)  # warm the per-process caches (site root paths, settings)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    rendered = any("glossary_glossarytermpage" in q["sql"] for q in queries)
    assert rendered, f"{url} came from a cache: nothing was measured"
    return len(queries)


@override_settings(GLOSSARY_TERMS_PER_PAGE=20)
def test_index_runs_the_same_queries_with_500_terms_as_with_5(
    client, add_terms, django_assert_max_num_queries
):
    add_terms(5)
    few = {url: queries_for(client, url) for url in INDEX_URLS if "page=2" not in url}
    add_terms(495)
    many = {url: queries_for(client, url) for url in INDEX_URLS}

    assert {url: many[url] for url in few} == few
    # The search budget counts a full page of results, not an empty one.
    assert client.get("/glossary/?q=term").content.decode().count("-term 0") >= 20
    print("index queries", many)
    for url in INDEX_URLS:
        with django_assert_max_num_queries(INDEX_BUDGET):
            client.get(url)


def test_term_page_query_count_does_not_depend_on_links_or_sources(
    client, make_term, make_topic, django_assert_max_num_queries
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

    plain_count = queries_for(client, plain.url)
    rich_count = queries_for(client, rich.url)
    print("term page queries", plain_count, rich_count)
    assert rich_count == plain_count
    with django_assert_max_num_queries(TERM_BUDGET):
        client.get(rich.url)
