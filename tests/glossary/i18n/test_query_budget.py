"""A glossary in two languages runs as many queries with 1,000 terms in each as
with 100 (2,000 in all: tests/glossary/test_query_budget.py says why not more).

With WAGTAIL_I18N_ENABLED Wagtail's routing adds to the counts of a site without
i18n (tests/glossary/test_query_budget.py): the active language's locale (1)
and, in German, the German translation of the site's root page (1). So 8
queries for an English index view and 12 for an English term page, 9 and 13 in
German (11 for a German search), on SQLite and PostgreSQL.
"""

import string

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.glossary.factories import bulk_add_terms

from .conftest import translate_topic

pytestmark = pytest.mark.django_db

QUERIES = {
    "/de/glossary/": 9,
    "/de/glossary/?topic=haut": 9,
    "/de/glossary/?letter=b&topic=haut": 9,
    "/de/glossary/?q=term": 11,
    "/de/glossary/b-term-0001/": 13,
    "/glossary/?topic=skin": 8,
    "/glossary/b-term-0001/": 12,
}
FEW, MANY = 100, 1_000


def queries_for(client, url) -> int:
    client.get(url)  # warms the caches, as any visit before it would
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_terms(glossary, start, count, topic):
    titles = [
        f"{string.ascii_uppercase[n % 26]}-term {n:04d}"
        for n in range(start, start + count)
    ]
    return bulk_add_terms(glossary, titles, topic=topic, topic_every=1)


def test_glossary_pages_in_two_languages_run_as_many_queries_with_1000_terms_as_100(
    client, settings, make_topic, glossary_index, german_glossary, german
):
    settings.PAGE_CACHE_ENABLED = False
    skin = make_topic("Skin")
    haut = translate_topic(skin, german, "Haut", "haut")
    add_terms(glossary_index, 0, FEW, skin)
    add_terms(german_glossary, 0, FEW, haut)
    few = {url: queries_for(client, url) for url in QUERIES}

    add_terms(glossary_index, FEW, MANY - FEW, skin)
    add_terms(german_glossary, FEW, MANY - FEW, haut)
    many = {url: queries_for(client, url) for url in QUERIES}

    assert many == few
    assert many == QUERIES
